"""Pure selection over a Catalog: filters, sorting, search, timeline and organisation summaries.

No I/O and no printing. Models are selected as positions in the catalog's model table, filtered
column by column, so the same code serves 400 bundled models and 100,000 of a user's. A bad
value raises UsageError naming the query field (`since`, `limit`); the CLI maps it to its flag.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

from .catalog import Catalog, date_start
from .errors import UsageError
from .plain import REQUIRED, Plain

MODEL_FIELDS = [
    "id", "name", "aliases", "organization", "family", "release_date", "announced", "open_weights_since", "access",
    "weights_gated", "license", "architecture", "params_b", "active_params_b", "context_length",
    "native_context_length", "context_length_basis", "modalities", "output_modalities", "base_model",
    "base_relation", "teacher", "successor_of", "notes", "open_weights",
]
DATE_FIELDS = ("release_date", "announced", "open_weights_since", "date", "founded", "published", "released")
ACCESS_LEVELS = ("open-unrestricted", "open-restricted", "open-noncommercial", "api", "hosted", "limited", "unreleased", "retired")
ARCHITECTURES = ("dense", "moe")
MODALITIES = ("text", "code", "image", "audio", "video", "embedding", "action", "3d")
#: `--license-allows` values: what a model's licence must say about commercial use.
LICENSE_PERMISSIONS = {"commercial": ("yes",), "commercial-conditional": ("yes", "conditional")}
ORG_KINDS = ("company", "lab", "non-profit", "academic", "government", "community")


def parse_date(value: str, field: str) -> tuple[str, str]:
    """First and last day of a partial date, as ISO strings; UsageError naming the field."""
    from .dates import date_bounds

    try:
        start, end = date_bounds(value.strip())
    except ValueError as exc:
        raise UsageError(str(exc), field=field) from None
    return start.isoformat(), end.isoformat()


PARAM_SUFFIXES = {"b": 1.0}
TOKEN_SUFFIXES = {"k": 1e3, "m": 1e6}


def parse_number(
    value: str | float | None,
    field: str,
    what: str = "billions of parameters, e.g. 7 or 0.5",
    suffixes: Mapping[str, float] = PARAM_SUFFIXES,
) -> float | None:
    """A non-negative number; a string may end in one of `suffixes` (`7b`, `128k`)."""
    if value is None:
        return None
    if isinstance(value, float | int):
        number = float(value)
    else:
        text, scale = value.strip().casefold(), 1.0
        for suffix, factor in suffixes.items():
            if text.endswith(suffix):
                text, scale = text[: -len(suffix)], factor
                break
        try:
            number = float(text) * scale
        except ValueError:
            raise UsageError(f"{value!r} is not a number ({what})", field=field) from None
    if number != number or number < 0 or number == float("inf"):
        raise UsageError(f"{value!r} must be a non-negative number", field=field)
    return number


def parse_choice(value: str, choices: Iterable[str], field: str) -> str:
    options = list(choices)
    v = value.strip().lower()
    if v in options:
        return v
    close = difflib.get_close_matches(v, options, n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise UsageError(f"{value!r} is not one of {', '.join(options)}{hint}", field=field)


def check_limit(limit: int | None) -> None:
    if limit is not None and limit < 0:
        raise UsageError(f"{limit} is negative", field="limit")


class ModelQuery(Plain):
    """Every model filter; filters combine with AND, repeated values of one filter with OR."""

    FIELDS: ClassVar[dict[str, Any]] = {
        "open_weights": None,
        "open_source": False,
        "orgs": (),
        "include_child_orgs": True,
        "countries": (),
        "since": None,
        "until": None,
        "license": None,
        "license_allows": None,
        "arch": None,
        "access": (),
        "gated": None,
        "min_params": None,
        "max_params": None,
        "min_context": None,
        "modality": None,
        "family": None,
        "base_model": None,
        "search": None,
        "primary_sources_only": False,
        "sort": "release_date",
        "reverse": False,
        "limit": None,
    }
    open_weights: bool | None
    open_source: bool
    orgs: tuple[str, ...]
    include_child_orgs: bool
    countries: tuple[str, ...]
    since: str | None
    until: str | None
    license: str | None
    license_allows: str | None
    arch: str | None
    access: tuple[str, ...]
    gated: bool | None
    min_params: float | str | None
    max_params: float | str | None
    min_context: float | str | None
    modality: str | None
    family: str | None
    base_model: str | None
    search: str | None
    primary_sources_only: bool
    sort: str
    reverse: bool
    limit: int | None


def org_ids(catalog: Catalog, orgs: Iterable[str], include_children: bool = True) -> set[str]:
    """The organisations named, and (unless told not to) every organisation under them."""
    wanted = {catalog.find_organization(o)["id"] for o in orgs}
    if include_children and wanted:
        parents = {oid: o.get("parent") for oid, o in catalog.organizations.items()}
        changed = True
        while changed:
            changed = False
            for oid, parent in parents.items():
                if parent in wanted and oid not in wanted:
                    wanted.add(oid)
                    changed = True
    return wanted


_SEPARATORS = re.compile(r"[\s\-_/:,()]+")


def search_key(text: str) -> str:
    """Text as search compares it: casefolded, separators dropped (`Qwen2.5-72B` -> `qwen2.572b`)."""
    return _SEPARATORS.sub("", text.casefold())


def search_terms(text: str) -> list[str]:
    return [search_key(t) for t in _SEPARATORS.split(text.casefold()) if search_key(t)]


def _haystacks(catalog: Catalog) -> list[str]:
    cols = catalog.models.columns
    return [
        " ".join(search_key(x) for x in [mid, name, fam or "", *(al or [])]) + " " + search_key(notes or "")
        for mid, name, fam, al, notes in zip(cols["id"], cols["name"], cols["family"], cols["aliases"], cols["notes"], strict=True)
    ]


def select_models(catalog: Catalog, q: ModelQuery) -> list[int]:
    """Positions (in catalog.models) of the models matching every filter of q, sorted."""
    cols = catalog.models.columns
    n = len(catalog.models)
    idx: list[int] = list(range(n))
    if not n:
        return idx
    access = cols["access"]
    if q.open_weights is not None:
        ow = cols["open_weights"]
        idx = [i for i in idx if ow[i] is q.open_weights]
    if q.open_source:
        os_ = cols["open_source"]
        idx = [i for i in idx if os_[i]]
    if q.orgs:
        wanted = org_ids(catalog, q.orgs, q.include_child_orgs)
        org = cols["organization"]
        idx = [i for i in idx if org[i] in wanted]
    if q.countries:
        countries = {c.strip().upper() for c in q.countries}
        country = cols["country"]
        idx = [i for i in idx if country[i] in countries]
    if q.since or q.until:
        lo = parse_date(q.since, "since")[0] if q.since else "0000"
        hi = parse_date(q.until, "until")[1] if q.until else "9999"
        rd = cols["release_date"]
        idx = [i for i in idx if rd[i] and lo <= (date_start(rd[i]) or "") <= hi]
    if q.license is not None:
        needle = q.license.casefold()
        lic_names = {lid: [lid, lic.get("name") or "", lic.get("spdx") or ""] for lid, lic in catalog.licenses.items()}
        lic = cols["license"]
        idx = [i for i in idx if any(needle in x.casefold() for x in lic_names.get(lic[i] or "", [lic[i] or ""]))]
    if q.license_allows:
        allowed = LICENSE_PERMISSIONS[parse_choice(q.license_allows, LICENSE_PERMISSIONS, "license_allows")]
        ok = {lid for lid, lic in catalog.licenses.items() if lic.get("commercial_use") in allowed}
        lic = cols["license"]
        idx = [i for i in idx if lic[i] in ok]
    if q.arch:
        arch = parse_choice(q.arch, ARCHITECTURES, "arch")
        col = cols["architecture"]
        idx = [i for i in idx if col[i] == arch]
    if q.access:
        levels = {parse_choice(a, ACCESS_LEVELS, "access") for a in q.access}
        idx = [i for i in idx if access[i] in levels]
    if q.gated is not None:
        gated = cols["weights_gated"]
        idx = [i for i in idx if cols["open_weights"][i] and gated[i] is q.gated]
    for bound, field, col_name, keep in (
        (q.min_params, "min_params", "params_b", lambda v, b: v >= b),
        (q.max_params, "max_params", "params_b", lambda v, b: v <= b),
        (q.min_context, "min_context", "context_length", lambda v, b: v >= b),
    ):
        if field == "min_context":
            number = parse_number(bound, field, "tokens, e.g. 128000 or 128k", TOKEN_SUFFIXES)
        else:
            number = parse_number(bound, field)
        if number is not None:
            col = cols[col_name]
            idx = [i for i in idx if col[i] is not None and keep(col[i], number)]
    if q.modality:
        mod = parse_choice(q.modality, MODALITIES, "modality")
        ins, outs = cols["modalities"], cols["output_modalities"]
        idx = [i for i in idx if mod in ins[i] or mod in outs[i]]
    if q.family:
        fam_wanted = q.family.casefold()
        fam = cols["family"]
        idx = [i for i in idx if (fam[i] or "").casefold() == fam_wanted]
    if q.base_model:
        base = catalog.find_model(q.base_model)["id"]
        bases = cols["base_model"]
        idx = [i for i in idx if bases[i] == base]
    if q.primary_sources_only:
        prim = cols["primary_sourced"]
        idx = [i for i in idx if prim[i]]
    if q.search:
        terms = search_terms(q.search)
        hay = _haystacks(catalog)
        idx = [i for i in idx if all(t in hay[i] for t in terms)]
    sort = score_column(catalog, q.sort) if q.sort.startswith("score:") else parse_choice(q.sort, MODEL_FIELDS, "sort")
    check_limit(q.limit)
    idx = sort_positions(catalog, idx, sort, q.reverse)
    return idx[: q.limit] if q.limit is not None else idx


def score_column(catalog: Catalog, key: str) -> str:
    """Add (once) a column `score:BENCH` with each model's best score on that benchmark, or None."""
    bench_id = catalog.find(key.removeprefix("score:"), ("benchmarks",))[1]["id"]
    name = f"score:{bench_id}"
    cols = catalog.models.columns
    if name not in cols:
        higher = catalog.benchmarks[bench_id].get("higher_is_better", True)
        best: dict[str, float] = {}
        for s in catalog.scores.values():
            if s["benchmark"] == bench_id:
                old = best.get(s["model"])
                if old is None or (s["value"] > old if higher else s["value"] < old):
                    best[s["model"]] = s["value"]
        cols[name] = [best.get(mid) for mid in catalog.models.ids]
    return name


def sort_key_value(value: Any, name: str) -> Any:
    """A value as sorting compares it: partial dates by their first day, lists joined."""
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else None
    if name in DATE_FIELDS:
        return date_start(value)
    if isinstance(value, bool):
        return int(value)
    return value


def sort_positions(catalog: Catalog, idx: list[int], key: str, reverse: bool = False) -> list[int]:
    """Stable sort on one column, ties by id; unknown (null) values always last, either way."""
    col = catalog.models.columns[key]
    ids = catalog.models.ids
    keyed = [(sort_key_value(col[i], key), i) for i in idx]
    known = [(v, i) for v, i in keyed if v is not None]
    unknown = [i for v, i in keyed if v is None]
    known.sort(key=lambda p: (p[0], ids[p[1]]), reverse=reverse)
    unknown.sort(key=lambda i: ids[i])
    return [i for _, i in known] + unknown


def sort_records(records: list[Mapping[str, Any]], key: str, reverse: bool = False, tiebreak: str = "id") -> list[Any]:
    """The same ordering for plain records (organisations, events, summaries)."""
    known = [r for r in records if sort_key_value(r.get(key), key) is not None]
    unknown = [r for r in records if sort_key_value(r.get(key), key) is None]
    known.sort(key=lambda r: (sort_key_value(r.get(key), key), r.get(tiebreak) or ""), reverse=reverse)
    unknown.sort(key=lambda r: r.get(tiebreak) or "")
    return known + unknown


def search_suggestions(catalog: Catalog, text: str, n: int = 3) -> list[str]:
    """Model ids whose name, id, family or alias is spelt close to the search text."""
    words: dict[str, str] = {}
    cols = catalog.models.columns
    for mid, name, fam, al in zip(cols["id"], cols["name"], cols["family"], cols["aliases"], strict=True):
        for w in [mid, name, fam or "", *(al or [])]:
            for part in [w, *_SEPARATORS.split(w)]:
                if part:
                    words.setdefault(search_key(part), mid)
    out: list[str] = []
    for term in search_terms(text) or [search_key(text)]:
        for close in difflib.get_close_matches(term, list(words), n=n, cutoff=0.7):
            out.append(words[close])
    return list(dict.fromkeys(out))[:n]


def matching_ids(catalog: Catalog, ident: str) -> list[int]:
    """Models an id names as a family or a prefix (`llama-2`, `mixtral`, `r1`), in date order."""
    key = ident.strip().casefold()
    cols = catalog.models.columns
    hits = []
    for i, (mid, fam, name) in enumerate(zip(cols["id"], cols["family"], cols["name"], strict=True)):
        parts = _SEPARATORS.split(mid)
        if (fam or "").casefold() == key or mid.startswith(key + "-") or key in parts or search_key(name).startswith(search_key(key)):
            hits.append(i)
    return sort_positions(catalog, hits, "release_date")


# --- timeline --------------------------------------------------------------------------------

EVENT_KINDS = (
    "release", "open-sourcing", "leak", "founding", "funding", "partnership", "acquisition", "regulation", "policy",
    "summit", "license-change", "access-change", "publication", "people", "other",
)
TIMELINE_KINDS = ("model", "open-weights", "announced", "software", *EVENT_KINDS)


class TimelineEntry(Plain):
    FIELDS: ClassVar[dict[str, Any]] = {
        "date": REQUIRED,
        "kind": REQUIRED,
        "id": REQUIRED,
        "title": REQUIRED,
        "organizations": REQUIRED,
        "open_weights": REQUIRED,
        "note": None,
    }
    date: str
    kind: str
    id: str
    title: str
    organizations: tuple[str, ...]
    open_weights: bool | None
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "organizations": list(self.organizations),
            "open_weights": self.open_weights,
            "note": self.note,
        }


def access_on(catalog: Catalog, model: Mapping[str, Any], day: str) -> bool:
    """Whether the model's weights were downloadable on `day` (ISO), from its dates and events."""
    if not model["open_weights"]:
        return False
    since = model.get("open_weights_since")
    if since:
        return (date_start(since) or "") <= day
    return True


def timeline(
    catalog: Catalog,
    *,
    since: str | None = None,
    until: str | None = None,
    kinds: Iterable[str] = (),
    orgs: Iterable[str] = (),
    include_child_orgs: bool = True,
    open_weights: bool | None = None,
    reverse: bool = False,
    limit: int | None = None,
) -> list[TimelineEntry]:
    """Model releases (and later weight openings), software releases and events, in date order.

    A model's `open_weights` is its state on that date: Grok-1 is closed at its release and
    open at 2024-03-17, its own entry."""
    lo = parse_date(since, "since")[0] if since else None
    hi = parse_date(until, "until")[1] if until else None
    wanted = {parse_choice(k, TIMELINE_KINDS, "kind") for k in kinds}
    wanted_orgs = org_ids(catalog, orgs, include_child_orgs) if orgs else set()
    check_limit(limit)
    entries: list[TimelineEntry] = []
    cols = catalog.models.columns
    for i, mid in enumerate(catalog.models.ids):
        released = cols["release_date"][i]
        opened = cols["open_weights_since"][i]
        ow = cols["open_weights"][i]
        org = (cols["organization"][i],)
        name = cols["name"][i]
        if released:
            at_release = ow and not opened
            note = f"weights from {opened}" if opened else None
            entries.append(TimelineEntry(released, "model", mid, name, org, at_release, note))
        if opened:
            entries.append(TimelineEntry(opened, "open-weights", mid, f"{name}: weights released", org, True, None))
        announced = cols["announced"][i]
        if announced:  # Gemini 1.0 Ultra: announced 2023-12-06, released 2024-02-08
            entries.append(TimelineEntry(announced, "announced", mid, f"{name}: announced", org, False, f"released {released}" if released else None))
    for s in catalog.software.values():
        if s.get("release_date"):
            orgs_ = (s["organization"],) if s.get("organization") else ()
            entries.append(TimelineEntry(s["release_date"], "software", s["id"], s["name"], orgs_, None))
    models = catalog.models
    positions = models.positions()
    for e in catalog.events.values():
        state = None
        if e.get("access"):
            state = e["access"].startswith("open-")
        elif e["models"]:
            day = date_start(e["date"]) or ""
            state = any(access_on(catalog, models.record(positions[m]), day) for m in e["models"] if m in positions)
        entries.append(TimelineEntry(e["date"], e["kind"], e["id"], e["title"], tuple(e["organizations"]), state))
    out = []
    for t in entries:
        start = date_start(t.date) or ""
        if (lo and start < lo) or (hi and start > hi):
            continue
        if wanted and t.kind not in wanted and not (t.kind in ("open-weights", "announced") and "model" in wanted):
            continue
        if wanted_orgs and not wanted_orgs.intersection(t.organizations):
            continue
        if open_weights is not None and t.open_weights is not open_weights:
            continue
        out.append(t)
    out.sort(key=lambda t: (date_start(t.date) or "", t.kind not in ("model", "open-weights", "announced"), t.id), reverse=reverse)
    return out[:limit] if limit is not None else out


# --- organisations ---------------------------------------------------------------------------


ORG_FIELDS = ["id", "name", "country", "kind", "founded", "parent", "models", "open_weights", "closed"]


def organizations(
    catalog: Catalog,
    *,
    countries: Iterable[str] = (),
    kind: str | None = None,
    search: str | None = None,
    sort: str = "id",
    reverse: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """One summary per organisation: its fields and how many open-weights and closed models it has."""
    counts: dict[str, list[int]] = {oid: [0, 0] for oid in catalog.organizations}
    cols = catalog.models.columns
    for org, ow in zip(cols.get("organization", []), cols.get("open_weights", []), strict=False):
        if org in counts:
            counts[org][0 if ow else 1] += 1
    wanted = {c.strip().upper() for c in countries}
    kind_v = parse_choice(kind, ORG_KINDS, "kind") if kind else None
    sort = parse_choice(sort, ORG_FIELDS, "sort")
    check_limit(limit)
    terms = search_terms(search) if search else []
    out = []
    for oid, o in catalog.organizations.items():
        if wanted and (o.get("country") or "") not in wanted:
            continue
        if kind_v and o.get("kind") != kind_v:
            continue
        if terms:
            hay = " ".join(search_key(h) for h in [oid, o["name"], *o.get("aliases", [])])
            if not all(t in hay for t in terms):
                continue
        ow, closed = counts[oid]
        out.append(
            {
                "id": oid,
                "name": o["name"],
                "country": o.get("country"),
                "kind": o.get("kind"),
                "founded": o.get("founded"),
                "parent": o.get("parent"),
                "models": ow + closed,
                "open_weights": ow,
                "closed": closed,
            }
        )
    out = sort_records(out, sort, reverse)
    return out[:limit] if limit is not None else out


# --- licences --------------------------------------------------------------------------------

LICENSE_FIELDS = ["id", "name", "spdx", "osi_approved", "commercial_use", "models"]


def licenses(
    catalog: Catalog, *, osi: bool | None = None, commercial: str | None = None, sort: str = "id", reverse: bool = False
) -> list[dict[str, Any]]:
    """Each licence with how many models use it."""
    used: dict[str, int] = {}
    for lic in catalog.models.columns.get("license", []):
        if lic:
            used[lic] = used.get(lic, 0) + 1
    sort = parse_choice(sort, LICENSE_FIELDS, "sort")
    com = parse_choice(commercial, ("yes", "conditional", "no"), "commercial") if commercial else None
    out = []
    for lid, lic in catalog.licenses.items():
        if osi is not None and lic.get("osi_approved") is not osi:
            continue
        if com and lic.get("commercial_use") != com:
            continue
        out.append(
            {
                "id": lid,
                "name": lic["name"],
                "spdx": lic.get("spdx"),
                "osi_approved": lic.get("osi_approved"),
                "commercial_use": lic.get("commercial_use"),
                "models": used.get(lid, 0),
            }
        )
    return sort_records(out, sort, reverse)


# --- single records --------------------------------------------------------------------------


def history(catalog: Catalog, record_id: str) -> list[dict[str, Any]]:
    """Events naming a model, organisation or software, in date order: how its access changed."""
    hits = [
        e
        for e in catalog.events.values()
        if record_id in e["models"] or record_id in e["organizations"] or record_id in e["software"]
    ]
    return sorted(hits, key=lambda e: (date_start(e["date"]) or "", e["id"]))


def models_where(catalog: Catalog, column: str, value: str) -> list[int]:
    """Positions of the models whose `column` equals value, in release order."""
    col = catalog.models.columns.get(column, [])
    return sort_positions(catalog, [i for i, v in enumerate(col) if v == value], "release_date")


def derived_models(catalog: Catalog, model_id: str) -> list[int]:
    return models_where(catalog, "base_model", model_id)


def ancestors(catalog: Catalog, model: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The chain of base models, nearest first (cycles are rejected at load)."""
    chain = []
    current = model.get("base_model")
    while current and current in catalog.models and len(chain) < 100:
        rec = catalog.models[current]
        chain.append(rec)
        current = rec.get("base_model")
    return chain


def differing_fields(records: Sequence[Mapping[str, Any]]) -> list[str]:
    keys = list(dict.fromkeys(k for r in records for k in r))
    return [k for k in keys if len({repr(r.get(k)) for r in records}) > 1]
