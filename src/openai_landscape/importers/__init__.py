"""Importers: turn outside data sources into this project's records.

`read_models_dev` reads a checkout of sst/models.dev, `read_epoch_csv` one of Epoch AI's AI
models CSV files. Both return an `ImportReport` whose sections `export.to_toml` writes out;
`dedupe` then drops what a catalog already holds, so the output loads next to it.
"""

from __future__ import annotations

from typing import Any

from openai_landscape.catalog import SHARED_ID_SECTIONS, Catalog

from ._common import ImportReport, norm, unique_id
from .epoch import read_epoch_csv
from .models_dev import read_models_dev

__all__ = ["ImportReport", "dedupe", "read_epoch_csv", "read_models_dev"]


class _Index:
    """Casefolded (and letters-and-digits-only) spellings -> record id."""

    def __init__(self) -> None:
        self.exact: dict[str, str] = {}
        self.loose: dict[str, str] = {}

    def add(self, rid: str, spellings: list[str]) -> None:
        for text in spellings:
            if text:
                self.exact.setdefault(text.casefold(), rid)
                if norm(text):
                    self.loose.setdefault(norm(text), rid)

    def find(self, spellings: list[str], *, loose: bool = True) -> str | None:
        for text in spellings:
            if text and text.casefold() in self.exact:
                return self.exact[text.casefold()]
        if loose:
            for text in spellings:
                if text and norm(text) in self.loose:
                    return self.loose[norm(text)]
        return None


def _spellings(rec: Any, *extra: str) -> list[str]:
    get = rec.get if isinstance(rec, dict) else lambda k, d=None: getattr(rec, k, d)
    return [get("id", "") or "", get("name", "") or "", *(get("aliases", []) or []), *extra]


def dedupe(report: ImportReport, catalog: Catalog) -> ImportReport:
    """The report without what `catalog` already holds, ready to load next to it.

    Models: one already in the catalog (same id, name or alias, case-insensitive; or same
    organisation and the same name up to punctuation) or met earlier in this import is dropped
    and listed in `duplicates` as "<name> -> <id>". Organisations and licences: matched by id,
    name, alias (or SPDX id), also ignoring punctuation; a match is dropped and references to it
    are rewritten to the catalog's id; the rest are kept only if a kept model refers to them.
    An id that another section of the catalog already uses is renamed.
    """
    duplicates = list(report.duplicates)
    taken = {rid for section in SHARED_ID_SECTIONS for rid in catalog.section(section)}

    # Licences: their own namespace.
    lic_index = _Index()
    for lid, lic in catalog.licenses.items():
        lic_index.add(lid, [lid, lic["name"], lic.get("spdx") or ""])
    lic_map: dict[str, str] = {}
    new_licenses: dict[str, dict[str, Any]] = {}
    for rec in report.sections.get("licenses", []):
        old = rec["id"]
        hit = lic_index.find([old, rec.get("name", ""), rec.get("spdx") or ""])
        if hit is None:
            hit = unique_id(old, set(catalog.licenses) | set(new_licenses))
            new_licenses[hit] = {**rec, "id": hit}
            lic_index.add(hit, [hit, rec.get("name", ""), rec.get("spdx") or ""])
        lic_map[old] = hit

    # Organisations.
    org_index = _Index()
    for oid, org in catalog.organizations.items():
        org_index.add(oid, _spellings(org))
    org_map: dict[str, str] = {}
    new_orgs: dict[str, dict[str, Any]] = {}
    for rec in report.sections.get("organizations", []):
        old = rec["id"]
        hit = org_index.find(_spellings(rec))
        if hit is None:
            hit = unique_id(old, taken | set(new_orgs))
            new_orgs[hit] = {**rec, "id": hit}
            org_index.add(hit, _spellings(new_orgs[hit]))
        org_map[old] = hit
    taken |= set(new_orgs)

    # Models.
    model_index = _Index()
    by_org_name: dict[tuple[str, str], str] = {}
    for mid, model in catalog.models.items():
        model_index.add(mid, _spellings(model))
        by_org_name.setdefault((model["organization"], norm(model["name"])), mid)
    models: list[dict[str, Any]] = []
    for original in report.sections.get("models", []):
        rec = dict(original)
        rec["organization"] = org_map.get(rec["organization"], rec["organization"])
        if rec.get("license"):
            rec["license"] = lic_map.get(rec["license"], rec["license"])
        hit = model_index.find(_spellings(rec), loose=False) or by_org_name.get((rec["organization"], norm(rec["name"])))
        if hit is not None:
            duplicates.append(f"{rec['name']} -> {hit}")
            continue
        if rec["id"] in taken:
            rec["id"] = unique_id(f"{rec['organization']}-{rec['id']}", taken)
        taken.add(rec["id"])
        model_index.add(rec["id"], _spellings(rec))
        by_org_name.setdefault((rec["organization"], norm(rec["name"])), rec["id"])
        models.append(rec)

    used_orgs = {m["organization"] for m in models}
    used_licenses = {m["license"] for m in models if m.get("license")}
    return ImportReport(
        sections={
            "models": models,
            "organizations": [o for oid, o in new_orgs.items() if oid in used_orgs],
            "licenses": [lic for lid, lic in new_licenses.items() if lid in used_licenses],
        },
        unmapped=list(report.unmapped),
        duplicates=duplicates,
    )
