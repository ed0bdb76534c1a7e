"""What each command shows, as plain data: listings with their default columns, and the
JSON objects and field/value pairs of one record. No I/O, no Rich."""

from __future__ import annotations

from typing import Any

from . import query
from .catalog import SINGULAR, Catalog
from .render import Listing
from .schema import OPENNESS_COMPONENTS, Event, License, Model, Organization, Software, dump

MODEL_COLUMNS = [
    "id",
    "name",
    "organization",
    "release_date",
    "access",
    "license",
    "architecture",
    "params_b",
    "active_params_b",
    "context_length",
]
MODEL_DROPPABLE = ["context_length", "active_params_b", "architecture", "license", "name", "organization"]
TIMELINE_COLUMNS = ["date", "kind", "id", "title", "organizations", "open_weights"]
ORG_COLUMNS = list(query.ORG_FIELDS)


def models_listing(models: list[Model]) -> Listing:
    return Listing([dump(m) for m in models], MODEL_COLUMNS, "models", droppable=MODEL_DROPPABLE)


def timeline_listing(entries: list[query.TimelineEntry]) -> Listing:
    return Listing(
        [e.to_dict() for e in entries], TIMELINE_COLUMNS, "timeline", group_by_year="date", droppable=["organizations"]
    )


def orgs_listing(orgs: list[query.OrgSummary]) -> Listing:
    return Listing([o.to_dict() for o in orgs], ORG_COLUMNS, "organizations", droppable=["founded", "kind"])


def record_object(catalog: Catalog, section: str, record: Any) -> dict[str, Any]:
    """`show --json`: the record's fields, plus its type, history and where it came from."""
    data = dump(record)
    data["record_type"] = SINGULAR[section]
    data["origins"] = catalog.origins.get((section, record.id), [])
    if section in ("models", "organizations", "software"):
        data["history"] = [
            {"date": e.date, "kind": e.kind.value, "id": e.id, "title": e.title, "access": e.access.value if e.access else None}
            for e in query.history(catalog, record.id)
        ]
    if section == "models":
        data["derived_models"] = [m.id for m in query.derived_models(catalog, record.id)]
    if section in ("organizations", "licenses"):
        key = "organization" if section == "organizations" else "license"
        mine = [m for m in catalog.models.values() if getattr(m, key) == record.id]
        data["models"] = [m.id for m in query.sort_records(mine, "release_date")]
    return data


def _license_text(catalog: Catalog, license_id: str | None) -> str | None:
    if not license_id:
        return None
    lic = catalog.licenses.get(license_id)
    if lic is None:
        return license_id
    osi = "OSI-approved" if lic.osi_approved else "not OSI-approved"
    use = f", commercial use: {lic.commercial_use.value}" if lic.commercial_use else ""
    return f"{lic.name} ({license_id}; {osi}{use})"


def model_pairs(catalog: Catalog, m: Model) -> list[tuple[str, Any]]:
    org = catalog.organizations.get(m.organization)
    org_text = f"{org.name} ({org.id}{', ' + org.country if org.country else ''})" if org else m.organization
    chain = query.lineage(catalog, m)
    lineage = " <- ".join([m.id, *(b.id for b in chain)]) if chain else None
    return [
        ("id", m.id),
        ("name", m.name),
        ("aliases", m.aliases or None),
        ("organization", org_text),
        ("family", m.family),
        ("release_date", m.release_date),
        ("access", f"{m.access.value} (open weights: {'yes' if m.open_weights else 'no'})"),
        ("weights_gated", m.weights_gated),
        ("license", _license_text(catalog, m.license)),
        ("architecture", m.architecture.value if m.architecture else None),
        ("params_b", m.params_b),
        ("active_params_b", m.active_params_b),
        ("context_length", m.context_length),
        ("modalities", [x.value for x in m.modalities] or None),
        ("output_modalities", [x.value for x in m.output_modalities] or None),
        ("base_model", lineage),
        ("open_source", "yes (OSI definition, approximated)" if query.is_open_source(m, catalog) else "no"),
        ("notes", m.notes),
        ("origins", catalog.origins.get(("models", m.id))),
    ]


def openness_rows(m: Model) -> list[list[Any]]:
    if m.openness is None:
        return []
    rows = []
    for name in OPENNESS_COMPONENTS:
        ev = getattr(m.openness, name)
        if ev is not None:
            rows.append([name, ev.grade.value, ev.evidence, ev.note])
    return rows


def history_rows(catalog: Catalog, record_id: str) -> list[list[Any]]:
    return [
        [e.date, e.kind.value, e.title, e.access.value if e.access else None, e.id]
        for e in query.history(catalog, record_id)
    ]


def organization_pairs(catalog: Catalog, o: Organization) -> list[tuple[str, Any]]:
    return [
        ("id", o.id),
        ("name", o.name),
        ("aliases", o.aliases or None),
        ("country", o.country),
        ("kind", o.kind.value if o.kind else None),
        ("founded", o.founded),
        ("website", o.website),
        ("parent", o.parent),
        ("notes", o.notes),
        ("sources", o.sources),
        ("origins", catalog.origins.get(("organizations", o.id))),
    ]


def event_pairs(catalog: Catalog, e: Event) -> list[tuple[str, Any]]:
    return [
        ("id", e.id),
        ("date", e.date),
        ("kind", e.kind.value),
        ("title", e.title),
        ("organizations", e.organizations or None),
        ("models", e.models or None),
        ("software", e.software or None),
        ("access", e.access.value if e.access else None),
        ("notes", e.notes),
        ("sources", e.sources),
        ("origins", catalog.origins.get(("events", e.id))),
    ]


def generic_pairs(catalog: Catalog, section: str, record: Software | License) -> list[tuple[str, Any]]:
    data = dump(record)
    if isinstance(record, Software):
        data["license"] = _license_text(catalog, record.license)
    return [*data.items(), ("origins", catalog.origins.get((section, record.id)))]


def compare_fields() -> list[str]:
    return [f for f in [*Model.model_fields, "open_weights"] if f not in ("sources", "openness")]
