"""Write records back out: TOML in the layout of `data/` (so `--data` reads it back), and
files written atomically (temporary file, fsync, rename) that never replace one unasked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import tomli_w

from .catalog import Catalog
from .errors import LandscapeError
from .render.safe import escape_invisible
from .schema import SECTIONS

#: Section order in an exported file: what others refer to comes first.
SECTION_ORDER = ("licenses", "organizations", "software", "models", "events")


def clean(data: Mapping[str, Any]) -> dict[str, Any]:
    """Drop unknown values (None) and empty lists, recursively: absent means unknown in TOML."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if value is None or value == []:
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, Mapping):
            value = clean(value)
            if not value:
                continue
        out[key] = value
    return out


def record_table(record: Any) -> dict[str, Any]:
    """A record as it is written in TOML: schema field names, enums as strings, no nulls."""
    return clean(record.model_dump(mode="json", exclude_none=True))


def to_toml(sections: Mapping[str, Iterable[Mapping[str, Any]]], as_of: str | None = None) -> str:
    """One TOML document with `[[section]]` arrays in SECTION_ORDER."""
    doc: dict[str, Any] = {}
    if as_of:
        doc["dataset"] = {"as_of": as_of}
    for name in SECTION_ORDER:
        rows = [clean(r) for r in sections.get(name, ())]
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
    pending = [m.base_model for m in models if m.base_model]
    while pending:
        mid = pending.pop()
        if mid in catalog.models and mid not in wanted_models:
            wanted_models.add(mid)
            out["models"].append(record_table(catalog.models[mid]))
            if catalog.models[mid].base_model:
                pending.append(catalog.models[mid].base_model)
    chosen = [catalog.models[i] for i in wanted_models]
    org_ids = {m.organization for m in chosen}
    parents = list(org_ids)
    while parents:
        org = catalog.organizations.get(parents.pop())
        if org and org.parent and org.parent not in org_ids:
            org_ids.add(org.parent)
            parents.append(org.parent)
    license_ids = {m.license for m in chosen if m.license}
    out["organizations"] = [record_table(catalog.organizations[o]) for o in sorted(org_ids) if o in catalog.organizations]
    out["licenses"] = [record_table(catalog.licenses[lic]) for lic in sorted(license_ids) if lic in catalog.licenses]
    return out


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write text to path via a temporary file in the same directory and an atomic rename.

    Refuses an existing file unless force; on any failure the old file is untouched and the
    temporary file removed.
    """
    path = Path(path)
    if path.is_dir():
        raise LandscapeError("is a directory; give a file name", file=str(path), field="--output")
    if path.exists() and not force:
        raise LandscapeError("already exists; use --force to replace it", file=str(path), field="--output")
    directory = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            try:
                os.chmod(tmp_name, path.stat().st_mode & 0o7777)
            except OSError:
                pass
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise LandscapeError(
            f"could not write ({exc.strerror or exc}); {'the existing file is unchanged' if path.exists() else 'nothing was written'}",
            file=str(path),
            field="--output",
        ) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
