"""A cache of the validated catalog, so a run with unchanged data never parses or validates.

Where: `$XDG_CACHE_HOME/landscape/` (default `~/.cache/landscape/`), one file per set of inputs
(bundled or not, and the `--data` paths). Key: the package version, the Python version, the
code that shapes records, and for every input file its path, size, mtime, ctime and inode (ctime
catches an in-place edit whose mtime was restored, as `tar -x` or `rsync -t` do). A file added
to or removed from a data directory changes the key too.

The file is written to a temporary name and renamed, so a concurrent run sees the old cache or
the new one, never half of one. Each blob carries a CRC-32; a corrupt, truncated, stale,
unreadable or unwritable cache is ignored (and rebuilt), never an error and never wrong data.
"""

from __future__ import annotations

import array
import marshal
import os
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .catalog import SECTION_NAMES, Catalog, ModelTable, bundled_data_dir

MAGIC = b"landscape-cache 3\n"
ENV_NO_CACHE = "LANDSCAPE_NO_CACHE"
#: Modules whose code decides what a cached record holds.
SHAPING_MODULES = ("schema.py", "dates.py", "catalog.py", "datafiles.py", "dictvalidation.py", "parallel.py", "sources.py", "cache.py")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "landscape"


def _files(path: Path) -> list[Path] | None:
    try:
        if path.is_dir():
            return sorted(p for p in path.rglob("*.toml"))
        if path.is_file():
            return [path]
    except OSError:
        return None
    return None


def input_key(data: Sequence[Path], bundled: bool) -> tuple[Path, tuple[Any, ...]] | None:
    """Where the cache for these inputs lives and the signature it must carry; None when the
    inputs cannot be cached (a path is missing or unreadable: the cold path reports it)."""
    if os.environ.get(ENV_NO_CACHE):
        return None
    roots = ([bundled_data_dir()] if bundled else []) + [Path(os.path.abspath(p)) for p in data]
    here = Path(__file__).parent
    signature: list[Any] = [__version__, sys.version, bundled, [str(r) for r in roots]]
    try:
        for name in SHAPING_MODULES:
            st = os.stat(here / name)
            signature.append((name, st.st_size, st.st_mtime_ns))
        for root in roots:
            files = _files(root)
            if files is None:
                return None
            for f in files:
                st = os.stat(f)
                signature.append((str(f), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    except OSError:
        return None
    # Two 32-bit checksums name the file (hashlib's import costs more than a warm run's lookup);
    # a clash only means two input sets take turns at one file: the signature inside decides.
    which = repr((bundled, [str(r) for r in roots])).encode()
    name = f"{zlib.crc32(which):08x}{zlib.adler32(which):08x}"
    return cache_dir() / f"catalog-{name}.bin", tuple(signature)


class MappedTexts(Sequence[str]):
    """The models' JSON texts, sliced out of the cache file's bytes as they are asked for."""

    def __init__(self, buffer: Any, offsets: array.array[int]) -> None:
        self.buffer = buffer
        self.offsets = offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return str(self.buffer[self.offsets[i] : self.offsets[i + 1]], "utf-8")


def read(key: tuple[Path, tuple[Any, ...]]) -> Catalog | None:
    """The cached catalog if the cache is intact and its signature matches; else None."""
    path, signature = key
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    try:
        if not data.startswith(MAGIC):
            return None
        pos = len(MAGIC)
        header_len = int.from_bytes(data[pos : pos + 8], "little")
        header = marshal.loads(data[pos + 8 : pos + 8 + header_len])
        if header.get("signature") != signature:
            return None
        base = pos + 8 + header_len
        view = memoryview(data)
        blobs: dict[str, memoryview] = {}
        for name, (offset, length, crc) in header["blobs"].items():
            start = base + offset
            if start + length > len(data):
                return None
            blob = view[start : start + length]
            if zlib.crc32(blob) != crc:
                return None
            blobs[name] = blob
        offsets = array.array("q")
        offsets.frombytes(blobs["offsets"])
        columns = marshal.loads(blobs["columns"])
        texts = MappedTexts(blobs["texts"], offsets)
        if len(texts) != len(columns["id"]):
            return None
        sections = {name: _lazy_marshal(blobs[name]) for name in header["sections"]}
        info = marshal.loads(blobs["info"])
        paths = marshal.loads(blobs["paths"])
    except (ValueError, EOFError, TypeError, KeyError, AttributeError):
        return None
    return Catalog(ModelTable(columns, texts), sections, info, _lazy_marshal(blobs["origins"]), paths)


def _lazy_marshal(blob: memoryview) -> Any:
    return lambda: marshal.loads(blob)


#: Caches of other inputs unused this long are removed (a cache is cheap to rebuild).
KEEP_SECONDS = 30 * 24 * 3600


def prune(directory: Path, keep: Path) -> None:
    """Remove caches not read or written for KEEP_SECONDS, and temporary files a killed run left."""
    import time

    now = time.time()
    try:
        entries = list(directory.iterdir())
    except OSError:
        return
    for entry in entries:
        try:
            if entry == keep or not entry.name.startswith("catalog-"):
                continue
            st = entry.stat()
            age = now - max(st.st_atime, st.st_mtime)
            if (entry.suffix == ".bin" and age > KEEP_SECONDS) or (entry.suffix == ".tmp" and age > 3600):
                entry.unlink()
        except OSError:
            continue


def write(key: tuple[Path, tuple[Any, ...]], catalog: Catalog) -> bool:
    """Store the catalog atomically; any failure leaves things as they were and returns False."""
    path, signature = key
    models = catalog.models
    encoded = [t.encode("utf-8") for t in models.texts]
    offsets = array.array("q", [0])
    total = 0
    for t in encoded:
        total += len(t)
        offsets.append(total)
    section_names = [name for name in SECTION_NAMES if name != "models"]
    parts: dict[str, bytes] = {
        "columns": marshal.dumps(models.columns),
        "offsets": offsets.tobytes(),
        "texts": b"".join(encoded),
        "info": marshal.dumps(catalog.info),
        "paths": marshal.dumps(catalog.paths),
        "origins": marshal.dumps(catalog.origins),
        **{n: marshal.dumps(dict(catalog.section(n))) for n in section_names},
    }
    blobs, offset = {}, 0
    for name, blob in parts.items():
        blobs[name] = (offset, len(blob), zlib.crc32(blob))
        offset += len(blob)
    header = marshal.dumps({"signature": signature, "blobs": blobs, "sections": section_names})
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC)
            handle.write(len(header).to_bytes(8, "little"))
            handle.write(header)
            for blob in parts.values():
                handle.write(blob)
        os.replace(tmp, path)
        tmp = None
        prune(path.parent, keep=path)
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass

