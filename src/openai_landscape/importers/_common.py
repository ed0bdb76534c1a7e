"""Shared pieces of the importers: the report type, ids, dates and the licence table."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from openai_landscape.schema import SLUG, check_partial_date, date_bounds

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
    """Casefolded letters and digits only: 'Acme-1 7B' and 'acme 1 7b' compare equal."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


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

#: Licences the importers can name, as full records (emitted only when the catalog lacks them).
#: Values follow the bundled data/licenses.toml; sources are the licence texts.
KNOWN_LICENSES: dict[str, dict[str, Any]] = {
    rec["id"]: rec
    for rec in [
        {"id": "apache-2.0", "name": "Apache License 2.0", "spdx": "Apache-2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0", "osi_approved": True, "commercial_use": "yes"},
        {"id": "mit", "name": "MIT License", "spdx": "MIT", "url": "https://opensource.org/license/mit", "osi_approved": True, "commercial_use": "yes"},
        {"id": "bsd-3-clause", "name": "BSD 3-Clause License", "spdx": "BSD-3-Clause", "url": "https://opensource.org/license/bsd-3-clause", "osi_approved": True, "commercial_use": "yes"},
        {"id": "gpl-3.0", "name": "GNU General Public License v3.0", "spdx": "GPL-3.0-only", "url": "https://www.gnu.org/licenses/gpl-3.0.html", "osi_approved": True, "commercial_use": "yes"},
        {"id": "cc-by-4.0", "name": "Creative Commons Attribution 4.0 International", "spdx": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/legalcode", "osi_approved": False, "commercial_use": "yes"},
        {"id": "cc-by-sa-4.0", "name": "Creative Commons Attribution-ShareAlike 4.0 International", "spdx": "CC-BY-SA-4.0", "url": "https://creativecommons.org/licenses/by-sa/4.0/legalcode", "osi_approved": False, "commercial_use": "yes"},
        {"id": "cc-by-nc-4.0", "name": "Creative Commons Attribution-NonCommercial 4.0 International", "spdx": "CC-BY-NC-4.0", "url": "https://creativecommons.org/licenses/by-nc/4.0/legalcode", "osi_approved": False, "commercial_use": "no"},
        {"id": "cc-by-nc-sa-4.0", "name": "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International", "spdx": "CC-BY-NC-SA-4.0", "url": "https://creativecommons.org/licenses/by-nc-sa/4.0/legalcode", "osi_approved": False, "commercial_use": "no"},
        {"id": "cc-by-nc-nd-4.0", "name": "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International", "spdx": "CC-BY-NC-ND-4.0", "url": "https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode", "osi_approved": False, "commercial_use": "no"},
        {"id": "openrail-m", "name": "Open RAIL-M (Open Responsible AI Licence for Models)", "url": "https://www.licenses.ai/ai-licenses", "osi_approved": False, "commercial_use": "conditional"},
        {"id": "creativeml-openrail-m", "name": "CreativeML Open RAIL-M", "spdx": "CreativeML-OpenRAIL-M", "url": "https://spdx.org/licenses/CreativeML-OpenRAIL-M.html", "osi_approved": False, "commercial_use": "conditional"},
        {"id": "llama-2", "name": "Llama 2 Community License Agreement", "url": "https://github.com/meta-llama/llama/blob/main/LICENSE", "osi_approved": False, "commercial_use": "conditional"},
        {"id": "llama-3", "name": "Meta Llama 3 Community License Agreement", "url": "https://github.com/meta-llama/llama3/blob/main/LICENSE", "osi_approved": False, "commercial_use": "conditional"},
        {"id": "llama-3.1", "name": "Llama 3.1 Community License Agreement", "url": "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE", "osi_approved": False, "commercial_use": "conditional"},
        {"id": "llama-3.2", "name": "Llama 3.2 Community License Agreement", "url": "https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE", "osi_approved": False, "commercial_use": "conditional"},
        {"id": "llama-3.3", "name": "Llama 3.3 Community License Agreement", "url": "https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/LICENSE", "osi_approved": False, "commercial_use": "conditional"},
        {"id": "llama-4", "name": "Llama 4 Community License Agreement", "url": "https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE", "osi_approved": False, "commercial_use": "conditional"},
        {"id": "gemma", "name": "Gemma Terms of Use", "url": "https://ai.google.dev/gemma/terms", "osi_approved": False, "commercial_use": "conditional"},
    ]
}
for _rec in KNOWN_LICENSES.values():
    _rec["sources"] = [_rec["url"]]

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
LICENSE_LOOKUP: dict[str, str] = dict(_LICENSE_SPELLINGS)
for _rec in KNOWN_LICENSES.values():
    for _key in (_rec["id"], _rec["name"], _rec.get("spdx") or ""):
        if _key:
            LICENSE_LOOKUP.setdefault(norm(_key), _rec["id"])

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
    rec = KNOWN_LICENSES.get(license_id or "")
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
