"""The validated-catalog cache: a hit equals a fresh load, and every fault falls back to the files."""

import os
import shutil
import subprocess
import sys

import pytest

from openai_landscape import cache
from openai_landscape.catalog import check, load
from openai_landscape.errors import DataProblems

from .conftest import MINI


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A private copy of the mini fixture and a private cache directory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(cache.ENV_NO_CACHE, raising=False)
    copy = tmp_path / "data"
    shutil.copytree(MINI, copy)
    return copy


def cache_files(tmp_path):
    return sorted((tmp_path / "cache" / "landscape").glob("catalog-*.bin"))


def snapshot(catalog):
    return (dict(catalog.models), dict(catalog.organizations), dict(catalog.events), dict(catalog.licenses), catalog.info)


def test_a_cache_hit_gives_exactly_what_the_files_give(data, tmp_path):
    first = load([data], bundled=False)
    assert len(cache_files(tmp_path)) == 1
    key = cache.input_key([data], False)
    hit = cache.read(key)
    assert hit is not None
    assert snapshot(hit) == snapshot(first) == snapshot(check([data], bundled=False)[0])
    assert list(hit.models.texts) == list(first.models.texts)


def test_corrupt_cache_is_ignored_and_rebuilt(data, tmp_path):
    load([data], bundled=False)
    (path,) = cache_files(tmp_path)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF  # one flipped byte inside a blob: its CRC no longer matches
    path.write_bytes(bytes(raw))
    assert cache.read(cache.input_key([data], False)) is None
    again = load([data], bundled=False)
    assert snapshot(again) == snapshot(check([data], bundled=False)[0])
    assert cache.read(cache.input_key([data], False)) is not None


def test_truncated_and_garbage_caches_are_misses(data, tmp_path):
    load([data], bundled=False)
    (path,) = cache_files(tmp_path)
    whole = path.read_bytes()
    for broken in (whole[: len(whole) // 3], b"", b"not a cache at all", whole[:20]):
        path.write_bytes(broken)
        assert cache.read(cache.input_key([data], False)) is None
        assert len(load([data], bundled=False).models) == 7


def test_an_edit_changes_the_key_even_with_size_and_mtime_restored(data, tmp_path):
    target = data / "models.toml"
    load([data], bundled=False)
    before = os.stat(target)
    text = target.read_text()
    edited = text.replace('params_b = 671', 'params_b = 672', 1)
    assert edited != text and len(edited) == len(text)
    target.write_text(edited)
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # as tar -x or rsync -t would
    after = os.stat(target)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    catalog = load([data], bundled=False)
    assert catalog.models["dragon-r"]["params_b"] == 672


def test_a_file_edited_between_runs_is_revalidated_with_located_errors(data):
    load([data], bundled=False)
    target = data / "models.toml"
    target.write_text(target.read_text().replace("params_b = 671", "params_b = -1", 1))
    with pytest.raises(DataProblems) as info:
        load([data], bundled=False)
    assert str(info.value).startswith(f"{target}:") and "dragon-r: params_b" in str(info.value)


def test_a_new_file_in_a_data_directory_changes_the_key(data):
    load([data], bundled=False)
    (data / "extra.toml").write_text(
        '[[models]]\nid = "extra-1"\nname = "Extra 1"\norganization = "acme"\naccess = "api"\nsources = ["https://example.org/x"]\n'
    )
    assert "extra-1" in load([data], bundled=False).models


def test_read_only_cache_directory_is_not_an_error(data, tmp_path, monkeypatch):
    """A directory the user may not write (simulated: root may write anywhere) is skipped quietly."""
    import tempfile

    def denied(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    assert len(load([data], bundled=False).models) == 7
    assert cache_files(tmp_path) == []


def test_unwritable_cache_location_is_not_an_error(data, tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert len(load([data], bundled=False).models) == 7
    assert not (blocker / "landscape").exists()


def test_no_cache_flag_and_environment_bypass_it(data, tmp_path, monkeypatch):
    load([data], bundled=False, use_cache=False)
    assert cache_files(tmp_path) == []
    monkeypatch.setenv(cache.ENV_NO_CACHE, "1")
    load([data], bundled=False)
    assert cache_files(tmp_path) == []


def test_two_runs_at_once_never_see_half_a_cache(data, tmp_path):
    """Many processes building and reading the same cache concurrently all print the same JSON."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("LANDSCAPE_DATA", None)
    cmd = [sys.executable, "-m", "openai_landscape", "models", "--json", "--no-bundled", "--data", str(data)]
    expected = subprocess.run([*cmd, "--no-cache"], capture_output=True, text=True, env=env, check=True).stdout
    for _ in range(3):
        shutil.rmtree(tmp_path / "cache", ignore_errors=True)
        procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for _ in range(6)]
        outs = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0] * 6
        assert all(out == expected and err == "" for out, err in outs)
    assert not list((tmp_path / "cache" / "landscape").glob("*.tmp"))


def test_old_caches_and_leftover_temporary_files_are_pruned(data, tmp_path):
    directory = tmp_path / "cache" / "landscape"
    directory.mkdir(parents=True)
    old, fresh, tmp_left = directory / "catalog-old.bin", directory / "catalog-fresh.bin", directory / "catalog-x.bin.123.tmp"
    for f in (old, fresh, tmp_left):
        f.write_bytes(b"x")
    long_ago = 1_000_000_000
    os.utime(old, (long_ago, long_ago))
    os.utime(tmp_left, (long_ago, long_ago))
    load([data], bundled=False)
    assert not old.exists() and not tmp_left.exists() and fresh.exists()
    assert len(cache_files(tmp_path)) == 2  # the fresh one and the one just written
