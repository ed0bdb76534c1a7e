"""Every write is atomic: a failure part-way leaves the earlier file untouched and says so."""

import errno
import os

import pytest

from openai_landscape import export
from openai_landscape.errors import LandscapeError


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "out.toml"
    path.write_text("earlier = true\n")
    return path


def leftovers(path):
    return sorted(p.name for p in path.parent.iterdir())


def test_disk_full_keeps_the_earlier_file(target, monkeypatch):
    def full(*_a):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(LandscapeError, match="No space left on device.*existing file is unchanged"):
        export.write_atomic(target, "new = 1\n", force=True)
    assert target.read_text() == "earlier = true\n"
    assert leftovers(target) == ["out.toml"]


def test_permission_denied_writes_nothing(tmp_path, monkeypatch):
    def denied(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(export.tempfile, "mkstemp", denied)
    path = tmp_path / "new.toml"
    with pytest.raises(LandscapeError, match="Permission denied.*nothing was written"):
        export.write_atomic(path, "x = 1\n")
    assert not path.exists()


def test_interrupt_during_write_removes_the_temporary_file(target, monkeypatch):
    def interrupted(*_a):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export.write_atomic(target, "new = 1\n", force=True)
    assert target.read_text() == "earlier = true\n"
    assert leftovers(target) == ["out.toml"]


def test_existing_file_needs_force_and_directory_is_refused(target, tmp_path):
    with pytest.raises(LandscapeError, match="already exists; use --force"):
        export.write_atomic(target, "new = 1\n")
    with pytest.raises(LandscapeError, match="is a directory"):
        export.write_atomic(tmp_path, "new = 1\n", force=True)
    export.write_atomic(target, "new = 1\n", force=True)
    assert target.read_text() == "new = 1\n"


def test_cli_reports_a_failed_write_in_one_line(run, target, monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda *_a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    result = run("export", "--output", str(target), "--force", code=2)
    assert result.stderr.count("\n") == 1 and "existing file is unchanged" in result.stderr
    assert target.read_text() == "earlier = true\n"
