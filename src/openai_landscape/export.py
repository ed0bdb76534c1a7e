"""Write records back out: TOML in the layout of `data/` (so `--data` reads it back), and
files written atomically (temporary file, fsync, rename) that never replace one unasked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import tomli_w

from .catalog import DERIVED_KEYS, Catalog
from .errors import LandscapeError
from .escaping import escape_invisible
from .schema import SECTIONS, toml_ready

#: Section order in an exported file: what others refer to comes first.
SECTION_ORDER = ("licenses", "organizations", "software", "models", "events", "benchmarks", "scores")


def record_table(record: Mapping[str, Any]) -> dict[str, Any]:
    """A plain record as it is written in TOML: its fields without the derived ones, sources
    whose kind was stated written back as tables, unknown values dropped."""
    data = {k: v for k, v in record.items() if k not in DERIVED_KEYS}
    details = record.get("source_details")
    if details is not None:
        data["sources"] = [
            ({"url": d["url"], "kind": d["kind"], "note": d.get("note")} if d["stated"] else d["url"]) for d in details
        ]
    return toml_ready(data)


def to_toml(sections: Mapping[str, Iterable[Mapping[str, Any]]], as_of: str | None = None) -> str:
    """One TOML document with `[[section]]` arrays in SECTION_ORDER."""
    doc: dict[str, Any] = {}
    if as_of:
        doc["dataset"] = {"as_of": as_of}
    for name in SECTION_ORDER:
        rows = [toml_ready(dict(r)) for r in sections.get(name, ())]
        if rows:
            doc[name] = rows
    return escape_invisible(tomli_w.dumps(doc, multiline_strings=False))


def catalog_sections(catalog: Catalog, model_ids: Iterable[str] | None = None, *, closure: bool = True) -> dict[str, list[dict[str, Any]]]:
    """The selected models, plus (with closure) every record they refer to, so the export
    loads on its own with `--no-bundled`."""
    ids = list(catalog.models) if model_ids is None else list(model_ids)
    models = [catalog.models[i] for i in ids]
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in SECTIONS}
    out["models"] = [record_table(m) for m in models]
    if not closure:
        return out
    wanted_models = set(ids)
    pending = [ref for m in models for ref in model_refs(m)]
    while pending:
        mid = pending.pop()
        if mid in catalog.models and mid not in wanted_models:
            wanted_models.add(mid)
            out["models"].append(record_table(catalog.models[mid]))
            pending.extend(model_refs(catalog.models[mid]))
    chosen = [catalog.models[i] for i in wanted_models]
    org_ids = {m["organization"] for m in chosen}
    parents = list(org_ids)
    while parents:
        org = catalog.organizations.get(parents.pop())
        if org and org.get("parent") and org["parent"] not in org_ids:
            org_ids.add(org["parent"])
            parents.append(org["parent"])
    license_ids = {m["license"] for m in chosen if m.get("license")}
    out["organizations"] = [record_table(catalog.organizations[o]) for o in sorted(org_ids) if o in catalog.organizations]
    out["licenses"] = [record_table(catalog.licenses[lic]) for lic in sorted(license_ids) if lic in catalog.licenses]
    return out


def model_refs(model: Mapping[str, Any]) -> list[str]:
    """The other models a model names: its base, its teacher, the version it succeeds."""
    return [model[k] for k in ("base_model", "teacher", "successor_of") if model.get(k)]


def write_atomic(path: Path, text: str, *, force: bool = False, option: str = "--output") -> None:
    """Write text to path via a temporary file in the same directory and an atomic rename.

    Refuses an existing file unless force; on any failure the old file is untouched and the
    temporary file removed.
    """
    path = Path(path)
    if path.is_dir():
        raise LandscapeError("is a directory; give a file name", file=str(path), field=option)
    if path.exists() and not force:
        raise LandscapeError("already exists; use --force to replace it", file=str(path), field=option)
    directory = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:  # the old file's mode, or what a new file gets under the umask (mkstemp makes it 0600)
            if path.exists():
                os.chmod(tmp_name, path.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp_name, 0o666 & ~umask)
        except OSError:
            pass
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise LandscapeError(
            f"could not write ({exc.strerror or exc}); {'the existing file is unchanged' if path.exists() else 'nothing was written'}",
            file=str(path),
            field=option,
        ) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
