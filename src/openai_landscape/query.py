"""Pure selection over a Catalog: filters, sorting, timeline and organisation summaries.

No I/O and no printing; option strings from the CLI are parsed here so that the same rules
apply to Python callers, and a bad value raises UsageError naming the option.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .catalog import Catalog
from .errors import UsageError
from .schema import Architecture, CommercialUse, EventKind, Grade, Modality, Model, date_bounds

MODEL_FIELDS = [*Model.model_fields, "open_weights"]
LICENSE_PERMISSIONS = ("commercial",)


def parse_date(value: str, option: str) -> tuple[dt.date, dt.date]:
    try:
        return date_bounds(value.strip())
    except ValueError as exc:
        raise UsageError(str(exc), field=option) from None


def parse_number(value: str | float | None, option: str) -> float | None:
    if value is None or isinstance(value, float | int):
        return value
    try:
        number = float(value.strip().removesuffix("b").removesuffix("B"))
    except ValueError:
        raise UsageError(f"{value!r} is not a number (billions of parameters, e.g. 7 or 0.5)", field=option) from None
    if number != number or number < 0 or number in (float("inf"),):
        raise UsageError(f"{value!r} must be a non-negative number", field=option)
    return number


def parse_choice(value: str, choices: Iterable[str], option: str) -> str:
    options = list(choices)
    v = value.strip().lower()
    if v in options:
        return v
    close = difflib.get_close_matches(v, options, n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise UsageError(f"{value!r} is not one of {', '.join(options)}{hint}", field=option)


@dataclass(frozen=True)
class ModelQuery:
    open_weights: bool | None = None
    open_source: bool = False
    orgs: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    license: str | None = None
    license_allows: str | None = None
    arch: str | None = None
    min_params: float | str | None = None
    max_params: float | str | None = None
    modality: str | None = None
    search: str | None = None
    family: str | None = None
    sort: str = "release_date"
    reverse: bool = False
    limit: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def is_open_source(model: Model, catalog: Catalog) -> bool:
    """OSI's Open Source AI Definition, approximated from recorded data (see docs/data.md).

    Open weights under an OSI-approved licence, training code graded open, and the
    training data at least documented (data or data documentation graded open or partial).
    """
    if not model.open_weights or not model.license:
        return False
    lic = catalog.licenses.get(model.license)
    if lic is None or not lic.osi_approved:
        return False
    o = model.openness
    if o is None or o.training_code is None or o.training_code.grade != Grade.OPEN:
        return False
    documented = (Grade.OPEN, Grade.PARTIAL)
    return any(c is not None and c.grade in documented for c in (o.training_data, o.data_documentation))


def sort_value(record: Any, name: str) -> Any:
    value = getattr(record, name, None)
    if hasattr(value, "value"):
        value = value.value
    if isinstance(value, list):
        value = ", ".join(str(getattr(v, "value", v)) for v in value)
    if name in ("release_date", "date", "founded") and value:
        value = date_bounds(value)[0]
    return value


def sort_records(records: list[Any], key: str, reverse: bool = False, tiebreak: str = "id") -> list[Any]:
    """Stable sort on one field; unknown (null) values always last, whatever the direction."""
    known = [r for r in records if sort_value(r, key) is not None]
    unknown = [r for r in records if sort_value(r, key) is None]
    known.sort(key=lambda r: (sort_value(r, key), sort_value(r, tiebreak) or ""), reverse=reverse)
    unknown.sort(key=lambda r: sort_value(r, tiebreak) or "")
    return known + unknown


def select_models(catalog: Catalog, q: ModelQuery) -> list[Model]:
    """Models matching every filter of q (filters combine with AND; repeated --org with OR)."""
    org_ids = {catalog.find_organization(o).id for o in q.orgs}
    countries = {c.strip().upper() for c in q.countries}
    since = parse_date(q.since, "--since")[0] if q.since else None
    until = parse_date(q.until, "--until")[1] if q.until else None
    arch = Architecture(parse_choice(q.arch, [a.value for a in Architecture], "--arch")) if q.arch else None
    modality = Modality(parse_choice(q.modality, [m.value for m in Modality], "--modality")) if q.modality else None
    min_p = parse_number(q.min_params, "--min-params")
    max_p = parse_number(q.max_params, "--max-params")
    allows = parse_choice(q.license_allows, LICENSE_PERMISSIONS, "--license-allows") if q.license_allows else None
    sort = parse_choice(q.sort, MODEL_FIELDS, "--sort")
    if q.limit is not None and q.limit < 0:
        raise UsageError(f"{q.limit} is negative", field="--limit")
    needle = q.search.casefold() if q.search else None
    lic_text = q.license.casefold() if q.license else None

    out = []
    for m in catalog.models.values():
        if q.open_weights is not None and m.open_weights != q.open_weights:
            continue
        if q.open_source and not is_open_source(m, catalog):
            continue
        if org_ids and m.organization not in org_ids:
            continue
        if countries:
            org = catalog.organizations.get(m.organization)
            if org is None or (org.country or "") not in countries:
                continue
        if since or until:
            if not m.release_date:
                continue
            start = date_bounds(m.release_date)[0]
            if (since and start < since) or (until and start > until):
                continue
        if lic_text is not None:
            lic = catalog.licenses.get(m.license or "")
            names = [m.license or ""] + ([lic.name, lic.spdx or ""] if lic else [])
            if not any(lic_text in n.casefold() for n in names):
                continue
        if allows == "commercial":
            lic = catalog.licenses.get(m.license or "")
            if lic is None or lic.commercial_use not in (CommercialUse.YES, CommercialUse.CONDITIONAL):
                continue
        if arch and m.architecture != arch:
            continue
        if min_p is not None and (m.params_b is None or m.params_b < min_p):
            continue
        if max_p is not None and (m.params_b is None or m.params_b > max_p):
            continue
        if modality and modality not in m.modalities and modality not in m.output_modalities:
            continue
        if q.family and (m.family or "").casefold() != q.family.casefold():
            continue
        if needle:
            hay = [m.id, m.name, m.family or "", m.notes or "", *m.aliases]
            if not any(needle in h.casefold() for h in hay):
                continue
        out.append(m)
    out = sort_records(out, sort, q.reverse)
    return out[: q.limit] if q.limit is not None else out


# --- timeline --------------------------------------------------------------------------------

TIMELINE_KINDS = ["model", "software", *[k.value for k in EventKind]]


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    kind: str
    id: str
    title: str
    organizations: tuple[str, ...]
    open_weights: bool | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "organizations": list(self.organizations),
            "open_weights": self.open_weights,
        }


def timeline(
    catalog: Catalog,
    *,
    since: str | None = None,
    until: str | None = None,
    kinds: Iterable[str] = (),
    orgs: Iterable[str] = (),
    open_weights: bool | None = None,
    reverse: bool = False,
    limit: int | None = None,
) -> list[TimelineEntry]:
    """Model releases, software releases and events, in date order (undated ones left out)."""
    lo = parse_date(since, "--since")[0] if since else None
    hi = parse_date(until, "--until")[1] if until else None
    wanted = {parse_choice(k, TIMELINE_KINDS, "--kind") for k in kinds}
    org_ids = {catalog.find_organization(o).id for o in orgs}
    entries: list[TimelineEntry] = []
    for m in catalog.models.values():
        if m.release_date:
            entries.append(TimelineEntry(m.release_date, "model", m.id, m.name, (m.organization,), m.open_weights))
    for s in catalog.software.values():
        if s.release_date:
            orgs_ = (s.organization,) if s.organization else ()
            entries.append(TimelineEntry(s.release_date, "software", s.id, s.name, orgs_, None))
    for e in catalog.events.values():
        opened = None
        if e.access is not None:
            opened = e.access.open_weights
        elif e.models:
            opened = any(catalog.models[mid].open_weights for mid in e.models if mid in catalog.models)
        entries.append(TimelineEntry(e.date, e.kind.value, e.id, e.title, tuple(e.organizations), opened))
    out = []
    for t in entries:
        start = date_bounds(t.date)[0]
        if (lo and start < lo) or (hi and start > hi):
            continue
        if wanted and t.kind not in wanted:
            continue
        if org_ids and not org_ids.intersection(t.organizations):
            continue
        if open_weights is not None and t.open_weights is not open_weights:
            continue
        out.append(t)
    out.sort(key=lambda t: (date_bounds(t.date)[0], t.kind != "model", t.id), reverse=reverse)
    if limit is not None and limit < 0:
        raise UsageError(f"{limit} is negative", field="--limit")
    return out[:limit] if limit is not None else out


# --- organisations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgSummary:
    id: str
    name: str
    country: str | None
    kind: str | None
    founded: str | None
    models: int
    open_weights: int
    closed: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


ORG_FIELDS = list(OrgSummary.__dataclass_fields__)


def organizations(
    catalog: Catalog,
    *,
    countries: Iterable[str] = (),
    kind: str | None = None,
    search: str | None = None,
    sort: str = "id",
    reverse: bool = False,
    limit: int | None = None,
) -> list[OrgSummary]:
    counts: dict[str, list[int]] = {oid: [0, 0] for oid in catalog.organizations}
    for m in catalog.models.values():
        if m.organization in counts:
            counts[m.organization][0 if m.open_weights else 1] += 1
    wanted = {c.strip().upper() for c in countries}
    from .schema import OrgKind

    kind_v = parse_choice(kind, [k.value for k in OrgKind], "--kind") if kind else None
    sort = parse_choice(sort, ORG_FIELDS, "--sort")
    needle = search.casefold() if search else None
    out = []
    for oid, o in catalog.organizations.items():
        if wanted and (o.country or "") not in wanted:
            continue
        if kind_v and (o.kind.value if o.kind else None) != kind_v:
            continue
        if needle and not any(needle in h.casefold() for h in [o.id, o.name, *o.aliases]):
            continue
        ow, closed = counts[oid]
        out.append(
            OrgSummary(oid, o.name, o.country, o.kind.value if o.kind else None, o.founded, ow + closed, ow, closed)
        )
    out = sort_records(out, sort, reverse)
    if limit is not None and limit < 0:
        raise UsageError(f"{limit} is negative", field="--limit")
    return out[:limit] if limit is not None else out


# --- single records --------------------------------------------------------------------------


def history(catalog: Catalog, record_id: str) -> list[Any]:
    """Events naming a model, organisation or software, in date order: how its access changed."""
    hits = [
        e
        for e in catalog.events.values()
        if record_id in e.models or record_id in e.organizations or record_id in e.software
    ]
    return sorted(hits, key=lambda e: (date_bounds(e.date)[0], e.id))


def derived_models(catalog: Catalog, model_id: str) -> list[Model]:
    return sort_records([m for m in catalog.models.values() if m.base_model == model_id], "release_date")


def lineage(catalog: Catalog, model: Model) -> list[Model]:
    """The chain of base models, nearest first (cycles are rejected at load)."""
    chain = []
    current = model.base_model
    while current and current in catalog.models and len(chain) < 100:
        chain.append(catalog.models[current])
        current = catalog.models[current].base_model
    return chain


def differing_fields(records: list[dict[str, Any]]) -> list[str]:
    keys = list(dict.fromkeys(k for r in records for k in r))
    return [k for k in keys if len({repr(r.get(k)) for r in records}) > 1]
