"""Import Epoch AI's AI models CSV (https://epoch.ai/data/ai-models) into our records.

Columns read (names as in Epoch's downloads, e.g. notable_ai_models.csv / all_ai_models.csv):
`Model`, `Organization`, `Model accessibility` (required), `Publication date`, `Parameters`,
`Country (of organization)`, `Link`, `Accessibility notes`, `Base model` (optional). Every other
column is ignored. `Organization` and `Country (of organization)` may list several values,
comma-separated.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from pathlib import Path
from typing import Any

from openai_landscape.datafiles import read_text
from openai_landscape.errors import DataError
from openai_landscape.schema import License, Model, Organization

from ._common import (
    UNSPECIFIED_LICENSE_ID,
    ImportReport,
    clean_record,
    known_licenses,
    norm,
    partial_date,
    round_billions,
    slugify,
    unique_id,
    unspecified_license,
)

EPOCH_URL = "https://epoch.ai/data/ai-models"
MAX_BYTES = 256 * 1024 * 1024
REQUIRED = ("Model", "Organization", "Model accessibility")

#: Epoch's "Model accessibility" values (casefolded) -> our Access values.
ACCESS = {
    "open weights (unrestricted)": "open-unrestricted",
    "open weights (restricted use)": "open-restricted",
    "open weights (non-commercial)": "open-noncommercial",
    "api access": "api",
    "hosted access (no api)": "hosted",
    "unreleased": "unreleased",
    # Older spellings of the same categories (not seen in current downloads; kept for old files).
    "open access (unrestricted)": "open-unrestricted",
    "open access (restricted use)": "open-restricted",
    "open access (non-commercial)": "open-noncommercial",
}

#: Country names as Epoch writes them (UN-style) and common short forms -> ISO 3166-1 alpha-2.
COUNTRIES = {
    "united states of america": "US", "united states": "US", "usa": "US", "us": "US",
    "united kingdom of great britain and northern ireland": "GB", "united kingdom": "GB", "uk": "GB",
    "china": "CN", "canada": "CA", "france": "FR", "germany": "DE", "japan": "JP",
    "korea (republic of)": "KR", "republic of korea": "KR", "south korea": "KR", "korea, republic of": "KR",
    "israel": "IL", "india": "IN", "switzerland": "CH", "netherlands": "NL", "singapore": "SG",
    "united arab emirates": "AE", "russia": "RU", "russian federation": "RU", "taiwan": "TW",
    "hong kong": "HK", "australia": "AU", "sweden": "SE", "finland": "FI", "italy": "IT",
    "spain": "ES", "brazil": "BR", "saudi arabia": "SA", "denmark": "DK", "norway": "NO",
    "belgium": "BE", "austria": "AT", "poland": "PL", "ireland": "IE", "czechia": "CZ",
    "czech republic": "CZ", "viet nam": "VN", "vietnam": "VN", "turkey": "TR", "türkiye": "TR",
}

#: Licence names looked for in "Accessibility notes" -> our licence id.
_NOTE_LICENSES = [
    (re.compile(r"\bapache(?:[ -]?licen[cs]e)?[ -]?(?:v(?:ersion)?\s*)?2(?:\.0)?\b", re.I), "apache-2.0"),
    (re.compile(r"\bMIT licen[cs]e\b", re.I), "mit"),
    (re.compile(r"\bCC[ -]BY[ -]NC[ -]SA[ -]?4(?:\.0)?\b", re.I), "cc-by-nc-sa-4.0"),
    (re.compile(r"\bCC[ -]BY[ -]NC[ -]4(?:\.0)?\b", re.I), "cc-by-nc-4.0"),
    (re.compile(r"\bllama[ -]?2 (?:community )?licen[cs]e\b", re.I), "llama-2"),
    (re.compile(r"\bgemma (?:terms|licen[cs]e)\b", re.I), "gemma"),
]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(",") if part.strip()]


def split_countries(cell: str) -> list[str]:
    """Comma-separated country names, keeping names that hold a comma ('Korea, Republic of')."""
    parts = [p.strip() for p in cell.split(",")]
    out: list[str] = []
    i = 0
    while i < len(parts):
        if i + 1 < len(parts) and f"{parts[i]}, {parts[i + 1]}".casefold() in COUNTRIES:
            out.append(f"{parts[i]}, {parts[i + 1]}")
            i += 2
            continue
        if parts[i]:
            out.append(parts[i])
        i += 1
    return list(dict.fromkeys(out))


def _first_url(cell: str) -> str | None:
    for token in re.split(r"[\s,;]+", cell):
        if re.match(r"^https?://[^\s/$.?#][^\s]*$", token):
            return token
    return None


def _parameters(cell: str) -> tuple[float | None, str | None]:
    text = cell.strip().replace(",", "").replace("_", "")
    if not text:
        return None, None
    try:
        value = float(text)
    except ValueError:
        return None, f"{cell!r} is not a number"
    if not math.isfinite(value) or value <= 0:
        return None, f"{cell!r} is not a positive count"
    if value / 1e9 > 100_000:
        return None, f"{cell!r} is implausibly large"
    return round_billions(value), None


def read_epoch_csv(path: Path, *, today: dt.date | None = None) -> ImportReport:
    """Records from one of Epoch AI's AI models CSV downloads."""
    path = Path(path)
    name = str(path)
    label = path.name
    text = read_text(path, expected="a CSV file", max_bytes=MAX_BYTES)
    if not text.strip():
        raise DataError("file is empty; expected Epoch AI's models CSV with a header row", file=name, line=1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise DataError(f"malformed CSV: {exc}", file=name, line=reader.line_num or 1) from None
    columns = {h.strip(): i for i, h in reversed(list(enumerate(header)))}
    if "Model" not in columns and "System" in columns:  # the column's name in older downloads
        columns["Model"] = columns["System"]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise DataError(
            "not Epoch AI's models CSV: missing column" + ("s " if len(missing) > 1 else " ") + ", ".join(repr(c) for c in missing),
            file=name,
            line=1,
        )

    report = ImportReport()
    models: list[dict[str, Any]] = []
    orgs: dict[str, dict[str, Any]] = {}
    licenses: dict[str, dict[str, Any]] = {}
    ids: set[str] = set()
    seen: dict[str, str] = {}  # norm(model name) -> id

    def get(row: list[str], column: str) -> str:
        i = columns.get(column)
        return row[i].strip() if i is not None and i < len(row) else ""

    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise DataError(f"malformed CSV: {exc}", file=name, line=reader.line_num) from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        model_name = get(row, "Model")
        where = f"{label}:{line}"
        if not model_name:
            report.unmapped.append(f"{where}: Model is empty; row skipped")
            continue
        where = f"{where}: {model_name}"

        access_cell = get(row, "Model accessibility")
        access = ACCESS.get(access_cell.casefold())
        if access is None:
            shown = repr(access_cell) if access_cell else "empty"
            report.unmapped.append(f"{where}: Model accessibility: {shown} has no equivalent; row skipped")
            continue

        org_names = _split(get(row, "Organization"))
        if not org_names:
            report.unmapped.append(f"{where}: Organization is empty; row skipped")
            continue

        key = norm(model_name)
        if key in seen:
            report.duplicates.append(f"{model_name} -> {seen[key]}")
            continue
        mid = unique_id(slugify(model_name, fallback="model"), ids)
        ids.add(mid)
        seen[key] = mid

        oid = slugify(org_names[0], fallback="unknown-org")
        org = orgs.setdefault(oid, {"id": oid, "name": org_names[0], "sources": [EPOCH_URL], "notes": "Imported from Epoch AI."})
        country_cell = get(row, "Country (of organization)")
        if country_cell and "country" not in org:
            countries = split_countries(country_cell)
            if len(countries) == 1:
                code = COUNTRIES.get(countries[0].casefold())
                if code:
                    org["country"] = code
                else:
                    report.unmapped.append(f"{where}: Country (of organization): {countries[0]!r} has no certain ISO code; left out of {oid}")
            elif len(countries) > 1:
                report.unmapped.append(f"{where}: Country (of organization): {country_cell!r} names several countries; left out of {oid}")

        rec: dict[str, Any] = {"id": mid, "name": model_name, "organization": oid}
        date_cell = get(row, "Publication date")
        if date_cell:
            value, why = partial_date(date_cell, today)
            if value:
                rec["release_date"] = value
            else:
                report.unmapped.append(f"{where}: Publication date: {why}; left out")
        rec["access"] = access
        notes: list[str] = []
        if access.startswith("open-"):
            acc_notes = get(row, "Accessibility notes")
            lid = next((lic for rx, lic in _NOTE_LICENSES if rx.search(acc_notes)), None)
            if lid:
                licenses.setdefault(lid, dict(known_licenses()[lid]))
                notes.append(f"Licence {lid} read from Epoch's accessibility notes.")
            else:
                lid = UNSPECIFIED_LICENSE_ID
                licenses.setdefault(lid, unspecified_license(EPOCH_URL))
                report.unmapped.append(f"{where}: open weights but no licence named; license set to {lid!r}")
            rec["license"] = lid

        params, why = _parameters(get(row, "Parameters"))
        if params is not None:
            rec["params_b"] = params
        elif why:
            report.unmapped.append(f"{where}: Parameters: {why}; left out")

        if len(org_names) > 1:
            notes.insert(0, "Epoch AI also lists " + ", ".join(org_names[1:]) + " as organization(s).")
        base = get(row, "Base model")
        if base:
            notes.append(f"Epoch AI base model: {base}.")
        notes.append(f"Imported from Epoch AI (Model accessibility: {access_cell}).")
        rec["notes"] = " ".join(notes)[:4000]
        rec["sources"] = [_first_url(get(row, "Link")) or _first_url(get(row, "Reference")) or EPOCH_URL]
        models.append(clean_record(rec, Model))

    for rec in models:  # model and organisation ids share one namespace
        if rec["id"] in orgs:
            new = unique_id(f"{rec['organization']}-{rec['id']}", ids | set(orgs))
            ids.add(new)
            rec["id"] = new
    report.sections = {
        "models": models,
        "organizations": [clean_record(o, Organization) for o in orgs.values()],
        "licenses": [clean_record(lic, License) for lic in licenses.values()],
    }
    return report
