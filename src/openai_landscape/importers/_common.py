"""Shared pieces of the importers: the report type, ids, dates and the licence table."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

import tomli as tomllib
from pydantic import BaseModel

from openai_landscape.catalog import bundled_data_dir
from openai_landscape.datafiles import normalized_name, read_text
from openai_landscape.dates import date_bounds
from openai_landscape.schema import SLUG, License, check_partial_date, toml_ready

SECTION_NAMES = ("models", "organizations", "licenses")


@dataclass
class ImportReport:
    """What an importer produced: TOML-ready sections plus everything it could not map.

    `sections` maps "models", "organizations" and "licenses" to lists of dicts with this
    project's field names and no None values. `unmapped` holds one human-readable line per
    value, file or row that was left out; `duplicates` holds "<source name> -> <id>" for
    models not emitted because they are the same as another record.
    """

    sections: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {name: [] for name in SECTION_NAMES})
    unmapped: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


_SLUG_RE = re.compile(SLUG)


def slugify(text: str, fallback: str = "item") -> str:
    """An id in the schema's alphabet: lowercase, `[a-z0-9._+-]`, starting with a letter or digit."""
    value = text.strip().casefold()
    value = re.sub(r"[^a-z0-9._+-]+", "-", value)
    value = re.sub(r"-{2,}", "-", value)
    value = value.lstrip("._+-").rstrip("-.")
    value = value[:120].rstrip("-.")
    if not value or not _SLUG_RE.match(value):
        return fallback
    return value


def norm(text: str) -> str:
    """Names compared as the catalog's duplicate rule does: 'Acme-1 7B' == 'acme 1 7b'."""
    return normalized_name(text)


def unique_id(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3 ... whichever is free (ids stay within the 120-character limit)."""
    base = base[:110].rstrip("-.")
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def partial_date(value: str, today: dt.date | None = None) -> tuple[str | None, str | None]:
    """(date, None) for a usable YYYY / YYYY-MM / YYYY-MM-DD, else (None, why it was left out).

    A trailing time (`2023-03-14 00:00:00`, `2023-03-14T00:00:00Z`) is dropped; the precision of
    the date part is kept as given.
    """
    text = value.strip()
    text = re.split(r"[T ]", text, maxsplit=1)[0] if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text) else text
    try:
        check_partial_date(text)
    except ValueError as exc:
        return None, str(exc)
    if date_bounds(text)[0] > (today or dt.date.today()):
        return None, f"{text!r} is in the future"
    return text, None


def positive_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if value > 0 else None


def round_billions(count: float) -> float:
    """A parameter count in billions, to 4 significant digits (7241732096 -> 7.242)."""
    return float(f"{count / 1e9:.4g}")


# --- licences ---------------------------------------------------------------------------------

@functools.cache
def known_licenses() -> dict[str, dict[str, Any]]:
    """The bundled data/licenses.toml records, the one place licence facts and sources live."""
    path = bundled_data_dir() / "licenses.toml"
    records = tomllib.loads(read_text(path)).get("licenses", [])
    return {rec["id"]: toml_ready(License.model_validate(rec).model_dump(mode="json")) for rec in records}


#: Extra spellings (normalised with `norm`) of the known licences.
_LICENSE_SPELLINGS = {
    "apache2": "apache-2.0",
    "apache": "apache-2.0",
    "apachelicense20": "apache-2.0",
    "apachelicenseversion20": "apache-2.0",
    "mitlicense": "mit",
    "bsd3": "bsd-3-clause",
    "gplv3": "gpl-3.0",
    "gpl30": "gpl-3.0",
    "llama2": "llama-2",
    "llama3": "llama-3",
    "llama31": "llama-3.1",
    "llama32": "llama-3.2",
    "llama33": "llama-3.3",
    "llama4": "llama-4",
    "gemmatermsofuse": "gemma",
    "gemmalicense": "gemma",
}
@functools.cache
def license_lookup() -> dict[str, str]:
    """Normalised spelling (id, name, SPDX id or a common variant) -> bundled licence id."""
    lookup = {k: v for k, v in _LICENSE_SPELLINGS.items() if v in known_licenses()}
    for rec in known_licenses().values():
        for key in (rec["id"], rec["name"], rec.get("spdx") or ""):
            if key:
                lookup.setdefault(norm(key), rec["id"])
    return lookup


#: Stand-in licence for models whose weights are open but whose licence the source does not
#: name: the schema needs a licence on every open-weights model. Review before merging.
UNSPECIFIED_LICENSE_ID = "unspecified"


def unspecified_license(source: str) -> dict[str, Any]:
    return {
        "id": UNSPECIFIED_LICENSE_ID,
        "name": "Unspecified licence",
        "osi_approved": False,
        "sources": [source],
        "notes": (
            "Placeholder written by `landscape import`: the source marks these weights as open but "
            "names no licence. Replace it with the real licence of each model before merging."
        ),
    }


def access_for_license(license_id: str | None) -> str:
    """Open-weights access implied by a licence: commercial use allowed -> unrestricted,
    forbidden -> non-commercial, conditional or unknown -> restricted (the cautious choice)."""
    rec = known_licenses().get(license_id or "")
    if rec is None:
        return "open-restricted"
    return {"yes": "open-unrestricted", "no": "open-noncommercial"}.get(rec.get("commercial_use", ""), "open-restricted")


def clean_record(data: dict[str, Any], kind: type[BaseModel] | None = None) -> dict[str, Any]:
    """Drop None values and empty lists; with a record type, put the keys in its field order."""
    out = {k: v for k, v in data.items() if v is not None and v != []}
    if kind is not None:
        order = {name: i for i, name in enumerate(kind.model_fields)}
        out = dict(sorted(out.items(), key=lambda item: order.get(item[0], len(order))))
    return out
