"""What each command shows, as plain data, in one place: the fields every format writes, the
table columns with their human headings and the order they give way in, and the documents
`show`, `compare` and `info` print. No I/O; `render.emit` writes any of them in any format.

Column priorities (lower is kept longer; docs/usage.md lists them): a model's name and an
event's title are never dropped (they shrink with an ellipsis); ids go first when a name is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from . import query
from .catalog import SINGULAR, Catalog
from .render import Column, Document, Listing

MODEL_FIELDS = [
    "id", "name", "aliases", "organization", "family", "release_date", "announced", "open_weights_since", "access",
    "weights_gated", "license", "architecture", "params_b", "active_params_b", "context_length",
    "native_context_length", "context_length_basis", "modalities", "output_modalities", "base_model",
    "base_relation", "teacher", "successor_of", "openness", "sources", "notes", "open_weights", "source_details",
]
HEADINGS = {
    "id": "ID",
    "name": "Name",
    "aliases": "Aliases",
    "organization": "Org",
    "family": "Family",
    "release_date": "Released",
    "announced": "Announced",
    "open_weights_since": "Weights since",
    "access": "Access",
    "weights_gated": "Gated",
    "license": "Licence",
    "architecture": "Arch",
    "params_b": "Params (B)",
    "active_params_b": "Active (B)",
    "context_length": "Context",
    "native_context_length": "Native ctx",
    "context_length_basis": "Ctx basis",
    "modalities": "Input",
    "output_modalities": "Output",
    "base_model": "Base model",
    "base_relation": "Relation",
    "teacher": "Teacher",
    "successor_of": "Succeeds",
    "notes": "Notes",
    "open_weights": "Open",
    "date": "Date",
    "kind": "What",
    "title": "Title",
    "organizations": "Who",
    "country": "Country",
    "founded": "Founded",
    "parent": "Parent",
    "models": "Models",
    "closed": "Closed",
    "spdx": "SPDX",
    "osi_approved": "OSI",
    "commercial_use": "Commercial",
}


def mark(value: Any, row: Mapping[str, Any] | None = None) -> str:
    """Booleans in tables: a mark, not the word."""
    if value is None:
        return ""
    return "✓" if value else "✗"


def _number(value: Any, row: Mapping[str, Any] | None = None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _joined(value: Any, row: Mapping[str, Any] | None = None) -> str:
    return ", ".join(value) if value else ""


MODEL_COLUMNS = [
    Column("id", "ID", priority=9, max_width=36),
    Column("name", "Name", priority=0, flex=True, min_width=28, max_width=44),
    Column("organization", "Org", priority=2, max_width=16),
    Column("release_date", "Released", priority=1),
    Column("open_weights", "Open", priority=1, show=mark),
    Column("access", "Access", priority=5),
    Column("params_b", "Params (B)", priority=3, align="right", show=_number),
    Column("license", "Licence", priority=6, max_width=22),
    Column("architecture", "Arch", priority=7),
    Column("active_params_b", "Active (B)", priority=8, align="right", show=_number),
    Column("context_length", "Context", priority=4, align="right", show=_number),
]
TIMELINE_FIELDS = ["date", "kind", "id", "title", "organizations", "open_weights", "note"]
TIMELINE_COLUMNS = [
    Column("date", "Date", priority=1),
    Column("kind", "What", priority=2, max_width=14),
    Column("title", "Title", priority=0, flex=True, min_width=44, max_width=90),
    Column("organizations", "Who", priority=3, max_width=20, show=_joined),
    Column("open_weights", "Open", priority=1, show=mark),
    Column("note", "Note", priority=6, max_width=24, show=lambda v, r: v or ""),
    Column("id", "ID", priority=9, max_width=36),
]
ORG_COLUMNS = [
    Column("id", "ID", priority=8, max_width=22),
    Column("name", "Name", priority=0, flex=True, min_width=26, max_width=40),
    Column("country", "Country", priority=2),
    Column("kind", "Kind", priority=5),
    Column("founded", "Founded", priority=6),
    Column("parent", "Parent", priority=7),
    Column("models", "Models", priority=1, align="right"),
    Column("open_weights", "Open", priority=1, align="right"),
    Column("closed", "Closed", priority=1, align="right"),
]
LICENSE_COLUMNS = [
    Column("id", "ID", priority=5, max_width=28),
    Column("name", "Name", priority=0, flex=True, min_width=16, max_width=50),
    Column("spdx", "SPDX", priority=6),
    Column("osi_approved", "OSI", priority=2, show=mark),
    Column("commercial_use", "Commercial", priority=1),
    Column("models", "Models", priority=1, align="right"),
]


def _year(row: Mapping[str, Any]) -> str:
    return str(row.get("date") or row.get("release_date") or "undated")[:4]


def models_listing(catalog: Catalog, positions: Sequence[int], extra: Sequence[str] = ()) -> Listing:
    """Models in every format; `extra` columns (such as `score:gpqa-diamond`) join the fields."""
    table = catalog.models
    rows = _LazyRows(table, positions, extra)
    scores = [Column(k, k.removeprefix("score:"), priority=2, align="right", show=_number) for k in extra]
    columns = [*MODEL_COLUMNS[:4], *scores, *MODEL_COLUMNS[4:]]  # after the name, org and date
    texts = None if extra else _Texts(table.texts, positions)
    return Listing("models", rows, [*MODEL_FIELDS, *extra], columns, json_texts=texts)


class _LazyRows(Sequence[Mapping[str, Any]]):
    """Model records decoded only when a format reads them."""

    def __init__(self, table: Any, positions: Sequence[int], extra: Sequence[str] = ()) -> None:
        self.table, self.positions, self.extra = table, positions, list(extra)

    def __len__(self) -> int:
        return len(self.positions)

    def _row(self, p: int) -> Mapping[str, Any]:
        rec = self.table.record(p)
        return {**rec, **{k: self.table.columns[k][p] for k in self.extra}} if self.extra else rec

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self._row(p) for p in self.positions[i]]
        return self._row(self.positions[i])


class _Texts(Sequence[str]):
    def __init__(self, texts: Sequence[str], positions: Sequence[int]) -> None:
        self.texts, self.positions = texts, positions

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, i: Any) -> Any:
        return self.texts[self.positions[i]]


def timeline_listing(entries: list[query.TimelineEntry]) -> Listing:
    return Listing("entries", [e.to_dict() for e in entries], TIMELINE_FIELDS, TIMELINE_COLUMNS, group=_year)


def orgs_listing(orgs: list[dict[str, Any]]) -> Listing:
    return Listing("organizations", orgs, list(query.ORG_FIELDS), ORG_COLUMNS)


def licenses_listing(rows: list[dict[str, Any]]) -> Listing:
    return Listing("licences", rows, list(query.LICENSE_FIELDS), LICENSE_COLUMNS)


# --- one record ------------------------------------------------------------------------------


def record_object(catalog: Catalog, section: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """`show --json`: the record's fields, plus its type, history and where it came from."""
    data = dict(record)
    rid = record["id"]
    data["record_type"] = SINGULAR[section]
    data["origins"] = catalog.origin_lines(section, rid)
    if section in ("models", "organizations", "software"):
        data["history"] = [
            {"date": e["date"], "kind": e["kind"], "id": e["id"], "title": e["title"], "access": e.get("access")}
            for e in query.history(catalog, rid)
        ]
    if section == "models":
        data["derived_models"] = [catalog.models.ids[i] for i in query.derived_models(catalog, rid)]
        data["scores"] = [dict(s) for s in model_scores(catalog, rid)]
    if section in ("organizations", "licenses"):
        key = "organization" if section == "organizations" else "license"
        data["models"] = [catalog.models.ids[i] for i in query.models_where(catalog, key, rid)]
    return data


def model_scores(catalog: Catalog, model_id: str) -> list[Mapping[str, Any]]:
    return sorted(
        (s for s in catalog.scores.values() if s["model"] == model_id),
        key=lambda s: (s["benchmark"], s.get("setting") or "", s["id"]),
    )


def _license_text(catalog: Catalog, license_id: str | None) -> str | None:
    if not license_id:
        return None
    lic = catalog.licenses.get(license_id)
    if lic is None:
        return license_id
    osi = "OSI-approved" if lic.get("osi_approved") else "not OSI-approved"
    use = f", commercial use: {lic['commercial_use']}" if lic.get("commercial_use") else ""
    return f"{lic['name']} ({license_id}; {osi}{use})"


def _org_text(catalog: Catalog, oid: str) -> str:
    org = catalog.organizations.get(oid)
    if not org:
        return oid
    return f"{org['name']} ({oid}{', ' + org['country'] if org.get('country') else ''})"


def model_pairs(catalog: Catalog, m: Mapping[str, Any]) -> list[tuple[str, Any]]:
    chain = query.ancestors(catalog, m)
    lineage = " <- ".join([m["id"], *(b["id"] for b in chain)]) if chain else None
    if lineage and m.get("base_relation"):
        lineage += f" ({m['base_relation']})"
    context = _number(m.get("context_length")) if m.get("context_length") else None
    if context and m.get("context_length_basis"):
        context += f" ({m['context_length_basis']})"
    pos = catalog.models.positions().get(m["id"])
    open_source = pos is not None and catalog.models.columns["open_source"][pos]
    return [
        ("ID", m["id"]),
        ("Aliases", m.get("aliases") or None),
        ("Organisation", _org_text(catalog, m["organization"])),
        ("Family", m.get("family")),
        ("Released", m.get("release_date")),
        ("Announced", m.get("announced")),
        ("Weights since", m.get("open_weights_since")),
        ("Access", f"{m['access']} (open weights: {'yes' if m['open_weights'] else 'no'})"),
        ("Gated", None if m.get("weights_gated") is None else ("yes" if m["weights_gated"] else "no")),
        ("Licence", _license_text(catalog, m.get("license"))),
        ("Architecture", m.get("architecture")),
        ("Params (B)", m.get("params_b")),
        ("Active (B)", m.get("active_params_b")),
        ("Context", context),
        ("Native context", _number(m["native_context_length"]) if m.get("native_context_length") else None),
        ("Input", ", ".join(m.get("modalities") or []) or None),
        ("Output", ", ".join(m.get("output_modalities") or []) or None),
        ("Lineage", lineage),
        ("Teacher", m.get("teacher")),
        ("Succeeds", m.get("successor_of")),
        ("Open source", "yes (OSI definition, approximated)" if open_source else "no"),
        ("Notes", m.get("notes")),
        ("Origins", catalog.origin_lines("models", m["id"]) or None),
    ]


OPENNESS_COMPONENTS = (
    "weights", "inference_code", "training_code", "training_data", "data_documentation", "paper", "model_card", "license",
)


def openness_rows(m: Mapping[str, Any]) -> list[dict[str, Any]]:
    o = m.get("openness") or {}
    return [
        {"component": name, "grade": o[name]["grade"], "evidence": o[name]["evidence"], "note": o[name].get("note")}
        for name in OPENNESS_COMPONENTS
        if o.get(name)
    ]


def history_rows(catalog: Catalog, record_id: str) -> list[dict[str, Any]]:
    return [
        {"date": e["date"], "kind": e["kind"], "title": e["title"], "access": e.get("access"), "id": e["id"]}
        for e in query.history(catalog, record_id)
    ]


def source_rows(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {"kind": d["kind"] or "unclassified", "primary": d["primary"], "url": d["url"], "copy_of": d.get("copy_of")}
        for d in record.get("source_details", [])
    ]


_WRAP = {"wrap": True, "max_width": 200}
OPENNESS_COLUMNS = [
    Column("component", "Component", priority=0, max_width=18),
    Column("grade", "Grade", priority=0),
    Column("evidence", "Evidence", priority=0, flex=True, whole=True, max_width=200),
    Column("note", "Note", priority=3, max_width=48),
]
HISTORY_COLUMNS = [
    Column("date", "Date", priority=0),
    Column("kind", "What", priority=2),
    Column("title", "Title", priority=0, flex=True, min_width=20, max_width=80),
    Column("access", "Access", priority=1),
    Column("id", "ID", priority=5, max_width=36),
]
SOURCE_COLUMNS = [
    Column("kind", "Kind", priority=0),
    Column("primary", "Primary", priority=2, show=mark),
    Column("url", "URL", priority=0, flex=True, whole=True, max_width=200),
    Column("copy_of", "Copy of", priority=3, whole=True, max_width=120, show=lambda v, r: v or ""),
]
SCORE_COLUMNS = [
    Column("benchmark", "Benchmark", priority=0),
    Column("value", "Score", priority=0, align="right", show=_number),
    Column("setting", "Setting", priority=1),
    Column("measured_by", "By", priority=2),
    Column("published", "Published", priority=3),
    Column("id", "ID", priority=6, max_width=40),
]
DERIVED_COLUMNS = [
    Column("id", "ID", priority=3, max_width=36),
    Column("name", "Name", priority=0, flex=True, min_width=16, max_width=42),
    Column("organization", "Org", priority=1),
    Column("base_relation", "Relation", priority=2),
    Column("release_date", "Released", priority=1),
]


def _listing(kind: str, rows: list[dict[str, Any]], columns: list[Column], title: str) -> Listing:
    return Listing(kind, rows, [c.key for c in columns], columns, title=title)


def show_document(catalog: Catalog, section: str, record: Mapping[str, Any]) -> Document:
    """Everything `show` prints for one record, in every format."""
    obj = record_object(catalog, section, record)
    flat = Listing(SINGULAR[section], [obj], list(obj), [])
    rid = record["id"]
    if section == "models":
        derived = catalog.models.records(query.derived_models(catalog, rid))
        blocks: list[tuple[Any, ...]] = [
            ("pairs", f"{record['name']} ({rid})", model_pairs(catalog, record)),
            ("listing", _listing("grades", openness_rows(record), OPENNESS_COLUMNS, "Openness")),
            ("listing", _listing("scores", [dict(s) for s in model_scores(catalog, rid)], SCORE_COLUMNS, "Benchmark scores")),
            ("listing", _listing("events", history_rows(catalog, rid), HISTORY_COLUMNS, "History")),
            ("listing", _listing("models", [dict(d) for d in derived], DERIVED_COLUMNS, "Derived models")),
            ("listing", _listing("sources", source_rows(record), SOURCE_COLUMNS, "Sources")),
        ]
    elif section == "organizations":
        mine = catalog.models.records(query.models_where(catalog, "organization", rid))
        children = [o["name"] + f" ({o['id']})" for o in catalog.organizations.values() if o.get("parent") == rid]
        blocks = [
            ("pairs", f"{record['name']} ({rid})", _pairs_of(record, ("sources", "source_details")) + [("Children", children or None)]),
            ("listing", Listing("models", [dict(m) for m in mine], MODEL_FIELDS, MODEL_COLUMNS, title="Models")),
            ("listing", _listing("events", history_rows(catalog, rid), HISTORY_COLUMNS, "History")),
            ("listing", _listing("sources", source_rows(record), SOURCE_COLUMNS, "Sources")),
        ]
    elif section == "licenses":
        users = catalog.models.records(query.models_where(catalog, "license", rid))
        blocks = [
            ("pairs", f"{record['name']} ({rid})", _pairs_of(record, ("sources", "source_details"))),
            ("listing", Listing("models", [dict(m) for m in users], MODEL_FIELDS, MODEL_COLUMNS, title="Models under this licence")),
            ("listing", _listing("sources", source_rows(record), SOURCE_COLUMNS, "Sources")),
        ]
    else:
        title = record.get("name") or record.get("title") or rid
        blocks = [
            ("pairs", f"{title} ({rid})", _pairs_of(record, ("sources", "source_details"))),
            ("listing", _listing("events", history_rows(catalog, rid), HISTORY_COLUMNS, "History")),
            ("listing", _listing("sources", source_rows(record), SOURCE_COLUMNS, "Sources")),
        ]
    return Document(obj, flat, blocks)


PAIR_LABELS = {"id": "ID", "spdx": "SPDX", "osi_approved": "OSI approved", "url": "URL", "kind": "Kind"}


def _pairs_of(record: Mapping[str, Any], skip: Sequence[str]) -> list[tuple[str, Any]]:
    out = []
    for key, value in record.items():
        if key in skip:
            continue
        if isinstance(value, bool):
            value = "yes" if value else "no"
        out.append((PAIR_LABELS.get(key, key.replace("_", " ").capitalize()), value))
    return out


def family_document(catalog: Catalog, ident: str, positions: list[int]) -> Document:
    """What `show` prints for an id that names a family or prefix of several models."""
    listing = models_listing(catalog, positions)
    listing.title = f"{len(positions)} models match {ident!r} (show one by its id)"
    obj = {"query": ident, "record_type": "models", "models": [catalog.models.ids[i] for i in positions]}
    return Document(obj, listing, [("listing", listing)])


# --- compare ---------------------------------------------------------------------------------

COMPARE_FIELDS = [f for f in MODEL_FIELDS if f not in ("sources", "openness", "source_details")]


def compare_document(catalog: Catalog, models: list[Mapping[str, Any]], only_differences: bool, score_columns: Sequence[str] = ()) -> Document:
    records = [record_object(catalog, "models", m) for m in models]
    fields = list(COMPARE_FIELDS)
    values: list[dict[str, Any]] = [{f: r.get(f) for f in fields} for r in records]
    positions = catalog.models.positions()
    for bench in score_columns:
        key = query.score_column(catalog, bench)
        fields.append(key)
        for v, m in zip(values, models, strict=True):
            v[key] = catalog.models.columns[key][positions[m["id"]]]
    differing = query.differing_fields(values)
    if only_differences:
        fields = [f for f in fields if f in differing]
    ids = [r["id"] for r in records]
    rows = [{"field": f, **{i: v.get(f) for i, v in zip(ids, values, strict=True)}, "differs": f in differing} for f in fields]
    labels = {f: catalog.benchmarks[f.removeprefix("score:")]["name"] for f in fields if f.startswith("score:")}
    heading_rows = [
        {"field": (labels.get(f) or HEADINGS.get(f, f)) + (" *" if f in differing else ""), **{i: v.get(f) for i, v in zip(ids, values, strict=True)}}
        for f in fields
    ]
    columns = [Column("field", "Field", priority=0, max_width=16)] + [
        Column(i, i, priority=1, wrap=True, max_width=60, max_lines=3, show=_compare_value) for i in ids
    ]
    table = Listing("fields", heading_rows, ["field", *ids], columns)
    flat = Listing("fields", rows, ["field", *ids, "differs"], [])
    obj = {"models": records, "differing_fields": differing}
    footer = f"* {len([f for f in fields if f in differing])} of {len(fields)} fields differ" if differing else None
    return Document(obj, flat, [("listing", table)], footer)


def _compare_value(value: Any, row: Mapping[str, Any] | None = None) -> str:
    if value is None or value == []:
        return "—"
    if isinstance(value, bool):
        return mark(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# --- info ------------------------------------------------------------------------------------


def info_object(catalog: Catalog, version: str) -> dict[str, Any]:
    cols = catalog.models.columns
    n = len(catalog.models)
    ow = [i for i in range(n) if cols["open_weights"][i]]
    return {
        "as_of": catalog.as_of(),
        "models": n,
        "open_weights_models": len(ow),
        "closed_models": n - len(ow),
        "organizations": len(catalog.organizations),
        "events": len(catalog.events),
        "software": len(catalog.software),
        "licenses": len(catalog.licenses),
        "benchmarks": len(catalog.benchmarks),
        "scores": len(catalog.scores),
        "completeness": completeness(catalog, ow),
        "sources": source_figures(catalog),
        "data_paths": catalog.paths,
        "version": version,
    }


def completeness(catalog: Catalog, open_positions: Sequence[int]) -> dict[str, Any]:
    """Share of open-weights models with each field known (the data-depth targets)."""
    cols = catalog.models.columns
    total = len(open_positions)

    def share(pred: Any) -> float | None:
        return round(100 * sum(1 for i in open_positions if pred(i)) / total, 1) if total else None

    graded = 0
    for i in open_positions:
        o = catalog.models.record(i).get("openness") or {}
        if all(o.get(c) for c in OPENNESS_COMPONENTS):
            graded += 1
    texty = [i for i in open_positions if not cols["output_modalities"][i] or {"text", "code"} & set(cols["output_modalities"][i])]
    return {
        "open_weights_models": total,
        "params_b_pct": share(lambda i: cols["params_b"][i] is not None),
        "context_length_pct": round(100 * sum(1 for i in texty if cols["context_length"][i] is not None) / len(texty), 1) if texty else None,
        "architecture_pct": share(lambda i: cols["architecture"][i] is not None),
        "base_model_count": sum(1 for i in open_positions if cols["base_model"][i]),
        "openness_fully_graded_pct": round(100 * graded / total, 1) if total else None,
    }


SOURCED_SECTIONS = ("organizations", "events", "software", "licenses", "benchmarks", "scores")


def secondary_only(catalog: Catalog) -> list[tuple[str, str]]:
    """(record type, id) of every record that rests on secondary sources only."""
    from .sources import has_primary

    cols = catalog.models.columns
    out = [("models", mid) for mid, p in zip(cols["id"], cols.get("primary_sourced", []), strict=False) if not p]
    for name in SOURCED_SECTIONS:
        out += [(name, rid) for rid, r in catalog.section(name).items() if not has_primary(r)]
    return out


def source_figures(catalog: Catalog) -> dict[str, int]:
    """How many records rest on secondary sources only, by record type."""
    out = {f"{name}_secondary_only": 0 for name in ("models", *SOURCED_SECTIONS)}
    for name, _ in secondary_only(catalog):
        out[f"{name}_secondary_only"] += 1
    return out


def info_document(catalog: Catalog, version: str) -> Document:
    obj = info_object(catalog, version)
    flat_obj = {k: v for k, v in obj.items() if not isinstance(v, dict)}
    for group in ("completeness", "sources"):
        for k, v in obj[group].items():
            flat_obj[f"{group}.{k}"] = v
    pairs = [(k.replace("_", " "), v) for k, v in obj.items() if not isinstance(v, dict)]
    comp = [(k.replace("_pct", " %").replace("_", " "), v) for k, v in obj["completeness"].items()]
    src = [(k.replace("_", " "), v) for k, v in obj["sources"].items()]
    return Document(
        obj,
        Listing("info", [flat_obj], list(flat_obj), []),
        [("pairs", "landscape dataset", pairs), ("pairs", "Completeness (open-weights models)", comp), ("pairs", "Records on secondary sources only", src)],
    )


# --- validate --------------------------------------------------------------------------------


def validate_object(catalog: Catalog, problems: Sequence[Any]) -> dict[str, Any]:
    counts = {name: len(catalog.section(name)) for name in ("models", "organizations", "events", "software", "licenses", "benchmarks", "scores")}
    return {
        "ok": not problems,
        "problems": [p.to_dict() for p in problems],
        "counts": counts,
        "sources": source_figures(catalog),
        "paths": catalog.paths,
    }


# --- pictures --------------------------------------------------------------------------------

STAT_TITLES = {
    "year": "Models released per year",
    "country": "Models by the country of their organisation",
    "org": "Models per organisation",
    "license": "Models per licence",
    "arch": "Models by architecture",
    "size": "Models by parameter count (total)",
}


def stats_figure(catalog: Catalog, positions: Sequence[int], by: str | None, top: int) -> Any:
    """One chart (`by`) or the dashboard (year, organisations, countries, sizes)."""
    from . import stats
    from .render import Figure

    parts = [by] if by else ["year", "org", "country", "size"]
    charts = []
    data: dict[str, Any] = {}
    for part in parts:
        limit = top if part in ("org", "country", "license") else None
        if not by and part in ("org", "country"):
            limit = min(top, 8)
        rows = stats.breakdown(catalog, positions, part, limit)
        title = STAT_TITLES[part] + (f" (top {limit})" if limit else "")
        charts.append({"kind": "bars", "title": title, "rows": rows})
        data[part] = rows
    flat_rows = []
    access_keys = list(stats.ACCESS_LEVELS)
    for part, rows in data.items():
        for r in rows:
            flat = {"breakdown": part, "group": r["group"], "open": r["open"], "closed": r["closed"], "total": r["total"]}
            for a in access_keys:
                flat[a] = r["by_access"][a] if "by_access" in r else None
            flat_rows.append(flat)
    fields = ["breakdown", "group", "open", "closed", "total", *access_keys]
    flat_listing = Listing("rows", flat_rows, fields, [])
    total = len(positions)
    title = f"{total} models ({sum(1 for i in positions if catalog.models.columns['open_weights'][i])} open weights)"
    if by:
        figure = {**charts[0], "title": f"{charts[0]['title']}: {title}", "access_table": by == "year"}
        obj = {"by": by, "models": total, "rows": data[by]}
    else:
        figure = {"kind": "dashboard", "title": f"The landscape at a glance: {title}", "charts": charts}
        obj = {"by": None, "models": total, "charts": data}
    return Figure(figure, obj, flat_listing)


def lineage_figure(catalog: Catalog, model: Mapping[str, Any]) -> Any:
    from . import stats
    from .render import Figure

    graph = stats.lineage_graph(catalog, model["id"])
    root = catalog.models[graph["root"]]
    graph["title"] = f"Lineage of {model['name']}: {len(graph['nodes'])} models from {root['name']}"
    flat = Listing(
        "edges",
        [dict(e) for e in graph["edges"]],
        ["from", "to", "kind"],
        [Column("from", "From", priority=0), Column("to", "To", priority=0), Column("kind", "Relation", priority=1)],
    )
    obj = {k: graph[k] for k in ("root", "focus", "nodes", "edges")}
    return Figure({"kind": "tree", **graph}, obj, flat)  # `tree` (drawing order) stays out of the JSON


def timeline_figure(catalog: Catalog, entries: list[query.TimelineEntry], lanes_by: str, lanes: int, since: str | None, until: str | None) -> Any:
    """Releases and events on a time axis, one lane per organisation (the most active) or per access class."""
    from .catalog import date_end, date_start
    from .render import Figure

    releases = [e for e in entries if e.kind in ("model", "open-weights")]
    events = [e for e in entries if e.kind not in ("model", "open-weights", "announced", "software")]
    dated = [date_start(e.date) or "" for e in entries]
    start = date_start(since) if since else (min(dated) if dated else "2015-01-01")
    end = date_end(until) if until else (max(dated) if dated else "2026-12-31")
    lane_rows: list[dict[str, Any]] = []
    if lanes_by == "access":
        keys = {"open weights": True, "closed": False}
        for label, flag in keys.items():
            marks = [{"date": e.date, "kind": "release", "open": bool(e.open_weights), "label": e.title} for e in releases if bool(e.open_weights) is flag]
            lane_rows.append({"label": label, "marks": marks})
    else:
        counts: dict[str, int] = {}
        for e in releases:
            for o in e.organizations:
                counts[o] = counts.get(o, 0) + 1
        top = sorted(counts, key=lambda o: (-counts[o], o))[:lanes]
        for o in top:
            marks = [{"date": e.date, "kind": "release", "open": bool(e.open_weights), "label": e.title} for e in releases if o in e.organizations]
            lane_rows.append({"label": o, "marks": marks})
    if events:
        lane_rows.append({"label": "events", "marks": [{"date": e.date, "kind": "event", "open": False, "label": e.title} for e in events]})
    title = f"Releases and events {start} .. {end}: {len(releases)} releases, {len(events)} events"
    figure = {"kind": "timeline", "title": title, "start": start, "end": end, "lanes": lane_rows}
    flat_rows = [
        {"lane": lane["label"], "date": m["date"], "kind": m["kind"], "open_weights": m["open"] if m["kind"] != "event" else None, "title": m["label"]}
        for lane in lane_rows
        for m in lane["marks"]
    ]
    flat = Listing("marks", flat_rows, ["lane", "date", "kind", "open_weights", "title"], [])
    obj = {"start": start, "end": end, "lanes": lane_rows}
    return Figure(figure, obj, flat)


# --- the open-vs-closed gap ------------------------------------------------------------------

GAP_SUMMARY_COLUMNS = [
    Column("name", "Benchmark", priority=0, max_width=22),
    Column("matched", "Matched", priority=0, align="right"),
    Column("median_lag_months", "Median lag (mo)", priority=0, align="right", show=lambda v, r: _number(v)),
    Column("latest_lag_months", "Latest lag (mo)", priority=1, align="right", show=lambda v, r: _number(v)),
    Column("unmatched", "Unmatched", priority=0, align="right"),
    Column("trend", "Median lag by year of the closed best (N+: unmatched)", priority=3, flex=True, min_width=20, max_width=60),
]
GAP_PAIR_COLUMNS = [
    Column("closed_name", "Closed best", priority=0, flex=True, min_width=14, max_width=30),
    Column("closed_score", "Score", priority=0, align="right", show=lambda v, r: _number(v) + ("" if r.get("closed_primary", True) else "*")),
    Column("closed_date", "Date", priority=1),
    Column("open_name", "First open match", priority=0, flex=True, min_width=14, max_width=32),
    Column("open_score", "Score", priority=0, align="right", show=lambda v, r: _number(v) + ("" if r.get("open_primary", True) else "*")),
    Column("open_date", "Weights", priority=1),
    Column("lag_months", "Lag (mo)", priority=0, align="right", show=lambda v, r: _number(v) if r.get("open_name") else f"{r['standing']:g}+"),
]
GAP_FIELDS = [
    "benchmark", "closed_model", "closed_score", "closed_date", "closed_score_id", "closed_source",
    "open_model", "open_score", "open_date", "open_score_id", "open_source", "lag_months", "standing_months", "tolerance",
    "closed_primary_source", "open_primary_source",
]


def _with_sources(catalog: Catalog, point: Mapping[str, Any]) -> dict[str, Any]:
    score = catalog.scores.get(point["score_id"], {})
    return {**point, "sources": score.get("sources", [])}


def _year_trend(year: str, s: Mapping[str, Any]) -> str:
    """`2025: 7.5` for a year's median lag, `2026: 9.1+` when a point of that year is unmatched."""
    parts = []
    if year in s["median_lag_by_year"]:
        parts.append(f"{s['median_lag_by_year'][year]:g}")
    if year in s["unmatched_by_year"]:
        parts.append(f"{s['unmatched_by_year'][year]['longest_months']:g}+")
    return f"{year}: " + " / ".join(parts)


def gap_document(catalog: Catalog, results: list[dict[str, Any]], tolerance: float, strict: bool) -> Document:
    """`gap`: the summary per benchmark, each frontier pair, and what is not matched yet."""
    for r in results:  # every point traceable to its score record and source URLs
        for p in r["pairs"]:
            p["closed"] = _with_sources(catalog, p["closed"])
            p["open"] = _with_sources(catalog, p["open"])
        for u in r["unmatched"]:
            u["closed"] = _with_sources(catalog, u["closed"])
    summary_rows = []
    for r in results:
        s = r["summary"]
        trend = ", ".join(_year_trend(y, s) for y in sorted({*s["median_lag_by_year"], *s["unmatched_by_year"]})) or "—"
        summary_rows.append({"name": r["name"], **s, "trend": trend})
    settings = "settings as each benchmark record allows" + ("" if strict else "; scores with no stated setting included")
    if any(r.get("primary_sources_only") for r in results):
        settings += "; scores with a primary source only"
    blocks: list[tuple[Any, ...]] = [
        ("listing", Listing("benchmarks", summary_rows, [c.key for c in GAP_SUMMARY_COLUMNS], GAP_SUMMARY_COLUMNS,
                            title=f"Months from a new closed best to the first open-weights model within {tolerance:g} points ({settings})")),
    ]
    flat_rows = []
    for r in results:
        rows = []
        for p in r["pairs"]:
            c, o = p["closed"], p["open"]
            rows.append({"closed_name": c["name"], "closed_score": c["value"], "closed_date": c["date"], "open_name": o["name"],
                         "open_score": o["value"], "open_date": o["date"], "lag_months": p["lag_months"],
                         "closed_primary": c["primary_source"], "open_primary": o["primary_source"]})
            flat_rows.append({"benchmark": r["benchmark"], "closed_model": c["model"], "closed_score": c["value"], "closed_date": c["date"],
                              "closed_score_id": c["score_id"], "closed_source": (c["sources"] or [None])[0], "open_model": o["model"],
                              "open_score": o["value"], "open_date": o["date"], "open_score_id": o["score_id"],
                              "open_source": (o["sources"] or [None])[0], "lag_months": p["lag_months"], "standing_months": None,
                              "tolerance": tolerance, "closed_primary_source": c["primary_source"], "open_primary_source": o["primary_source"]})
        for u in r["unmatched"]:
            c = u["closed"]
            rows.append({"closed_name": c["name"], "closed_score": c["value"], "closed_date": c["date"], "open_name": None,
                         "open_score": None, "open_date": None, "lag_months": None, "standing": u["standing_months"],
                         "closed_primary": c["primary_source"]})
            flat_rows.append({"benchmark": r["benchmark"], "closed_model": c["model"], "closed_score": c["value"], "closed_date": c["date"],
                              "closed_score_id": c["score_id"], "closed_source": (c["sources"] or [None])[0], "open_model": None,
                              "open_score": None, "open_date": None, "open_score_id": None, "open_source": None, "lag_months": None,
                              "standing_months": u["standing_months"], "tolerance": tolerance,
                              "closed_primary_source": c["primary_source"], "open_primary_source": None})
        title = f"{r['name']} ({r['setting']}): {r['points']} models scored"
        blocks.append(("listing", Listing("pairs", rows, [c.key for c in GAP_PAIR_COLUMNS], GAP_PAIR_COLUMNS, title=title)))
    obj = {"tolerance": tolerance, "strict_settings": strict, "as_of": catalog.as_of(), "benchmarks": results}
    footer = ("a lag of N+ means no open-weights model has matched it yet, N months on; every number is traceable: "
              "landscape gap --json lists the score ids and source URLs behind each pair")
    shown = [pt for r in results for p in r["pairs"] for pt in (p["closed"], p["open"])] + [u["closed"] for r in results for u in r["unmatched"]]
    if not all(pt["primary_source"] for pt in shown):
        footer += ("; * marks a score that rests on secondary sources only (press, or copies of the developer's table), "
                   "left out by --primary-sources-only")
    return Document(obj, Listing("pairs", flat_rows, GAP_FIELDS, []), blocks, footer)


def gap_figure(results: list[dict[str, Any]], tolerance: float, strict: bool) -> Any:
    """Best closed and best open score over time, per benchmark, as step lines."""
    from .render import Figure

    charts = [
        {
            "kind": "steps",
            "title": f"{r['name']}: best closed vs best open-weights score",
            "series": [
                {"label": "closed best", "open": False, "points": r["series"]["closed"]},
                {"label": "open-weights best", "open": True, "points": r["series"]["open"]},
            ],
        }
        for r in results
    ]
    figure = {"kind": "steps-set", "title": f"Open weights vs closed labs (tolerance {tolerance:g} points)", "charts": charts}
    flat = Listing(
        "points",
        [{"benchmark": r["benchmark"], "series": s, **pt} for r in results for s in ("closed", "open") for pt in r["series"][s]],
        ["benchmark", "series", "date", "value", "model", "score_id"],
        [],
    )
    return Figure(figure, {"tolerance": tolerance, "strict_settings": strict, "benchmarks": results}, flat)
