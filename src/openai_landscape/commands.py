"""What each command does, given its option values as plain Python: load, query, build the view,
emit. Both front ends call these: the Typer CLI (`cli.py`) and the start-up path that skips
Typer for common invocations (`fastpath.py`). They return the exit code; errors are raised.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from . import __version__
from .errors import ExitCode, NotFoundError, UsageError
from .escaping import inert
from .gap import DEFAULT_TOLERANCE
from .render import Document, Figure, Format, Listing, emit


def note(message: str) -> None:
    sys.stderr.write("landscape: " + inert(message) + "\n")


def load_catalog(data: Sequence[str] | None, no_bundled: bool, no_cache: bool = False) -> Any:
    from .catalog import load, user_paths

    paths = user_paths(data or ())
    if no_bundled and not paths:
        raise UsageError("needs --data PATH or LANDSCAPE_DATA", field="no_bundled")
    return load(paths, bundled=not no_bundled, use_cache=not no_cache)


def output_format(fmt: Format | str, as_json: bool) -> Format:
    return Format.JSON if as_json else Format(fmt)


def split_columns(columns: str | None) -> list[str]:
    return [c.strip() for c in columns.split(",") if c.strip()] if columns else []


def show_listing(view: Listing, fmt: Format, columns: str | None, what: str) -> int:
    """Print a listing; nothing matched is exit 1, with `[]` in JSON and a line on stderr."""
    if not len(view) and fmt is Format.TABLE:
        if columns:
            view.project(split_columns(columns))  # an unknown column is still an error
        note(f"no {what} match")
        return ExitCode.NOT_FOUND
    for line in emit(view, fmt, split_columns(columns)):
        note(line)
    return ExitCode.OK if len(view) else ExitCode.NOT_FOUND


def show_document(doc: Document | Figure, fmt: Format, columns: str | None = None, pictures: dict[str, Any] | None = None, title: str = "") -> int:
    """Print a document or figure; with `pictures` (svg, html, force) export it instead."""
    if pictures and (pictures.get("svg") or pictures.get("html")):
        from .render import write_pictures

        for line in write_pictures(doc, title, pictures.get("svg"), pictures.get("html"), bool(pictures.get("force"))):
            note(line)
        return ExitCode.OK
    for line in emit(doc, fmt, split_columns(columns)):
        note(line)
    return ExitCode.OK


def model_query(
    *,
    open_weights: bool = False,
    closed: bool = False,
    open_source: bool = False,
    org: Sequence[str] | None = None,
    exclude_child_orgs: bool = False,
    country: Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    license: str | None = None,
    license_allows: str | None = None,
    arch: str | None = None,
    access: Sequence[str] | None = None,
    gated: bool | None = None,
    min_params: str | None = None,
    max_params: str | None = None,
    min_context: str | None = None,
    modality: str | None = None,
    family: str | None = None,
    base_model: str | None = None,
    search: str | None = None,
    primary_sources_only: bool = False,
    sort: str = "release_date",
    reverse: bool = False,
    limit: int | None = None,
) -> Any:
    """The ModelQuery that the shared filter options of `models`, `export` and `stats` describe."""
    from .query import ModelQuery

    if open_weights and closed:
        raise UsageError("--open-weights and --closed exclude each other; use neither for all models", field="closed")
    return ModelQuery(
        open_weights=True if open_weights else (False if closed else None),
        open_source=open_source,
        orgs=tuple(org or ()),
        include_child_orgs=not exclude_child_orgs,
        countries=tuple(country or ()),
        since=since,
        until=until,
        license=license,
        license_allows=license_allows,
        arch=arch,
        access=tuple(access or ()),
        gated=gated,
        min_params=min_params,
        max_params=max_params,
        min_context=min_context,
        modality=modality,
        family=family,
        base_model=base_model,
        search=search,
        primary_sources_only=primary_sources_only,
        sort=sort,
        reverse=reverse,
        limit=limit,
    )


def select(filters: dict[str, Any], data: Sequence[str] | None, no_bundled: bool, no_cache: bool) -> tuple[Any, list[int]]:
    from . import query

    q = model_query(**filters)
    catalog = load_catalog(data, no_bundled, no_cache)
    return catalog, query.select_models(catalog, q)


def models(
    *,
    fmt: Format | str = Format.TABLE,
    as_json: bool = False,
    columns: str | None = None,
    count: bool = False,
    data: Sequence[str] | None = None,
    no_bundled: bool = False,
    no_cache: bool = False,
    **filters: Any,
) -> int:
    from . import query, views

    catalog, selected = select(filters, data, no_bundled, no_cache)
    if count:
        sys.stdout.write(f"{len(selected)}\n")
        return ExitCode.OK if selected else ExitCode.NOT_FOUND
    fmt = output_format(fmt, as_json)
    wanted = split_columns(columns)
    extra = [query.score_column(catalog, c) for c in wanted if c.startswith("score:")]
    if filters.get("sort", "").startswith("score:"):
        extra = list(dict.fromkeys([query.score_column(catalog, filters["sort"]), *extra]))
    if extra:  # a score sorted on or asked for is a column; `score:gpqa` becomes `score:gpqa-diamond`
        columns = ",".join(query.score_column(catalog, c) if c.startswith("score:") else c for c in wanted) or None
        return show_listing(views.models_listing(catalog, selected, extra), fmt, columns, "models")
    if not selected and filters.get("search") and fmt is Format.TABLE:
        close = query.search_suggestions(catalog, filters["search"])
        if close:
            note(f"no models match {filters['search']!r}; did you mean {', '.join(close)}?")
            return ExitCode.NOT_FOUND
    return show_listing(views.models_listing(catalog, selected), fmt, columns, "models")


def show(
    *,
    ident: str,
    fmt: Format | str = Format.TABLE,
    as_json: bool = False,
    data: Sequence[str] | None = None,
    no_bundled: bool = False,
    no_cache: bool = False,
    svg: Any = None,
    html: Any = None,
    force: bool = False,
) -> int:
    """One record by id, name or alias; an id naming a family or prefix lists its models."""
    pictures = {"svg": svg, "html": html, "force": force}
    from . import query, views
    from .catalog import SHARED_ID_SECTIONS, SINGULAR

    catalog = load_catalog(data, no_bundled, no_cache)
    fmt = output_format(fmt, as_json)
    kind, _, rest = ident.partition(":")
    plural = {v: k for k, v in SINGULAR.items()}.get(kind.strip().lower())
    if plural and rest:  # `license:llama-2`: one record type only
        section, record = catalog.find(rest, (plural,))
        title = f"{record.get('name') or record.get('title') or record['id']} ({record['id']})"
        return show_document(views.show_document(catalog, section, record), fmt, pictures=pictures, title=title)
    hit = catalog.lookup(ident, (*SHARED_ID_SECTIONS, "benchmarks", "scores"))
    if hit is None or (hit[0] != "models" and hit[1]["id"].casefold() != ident.strip().casefold()):
        family = query.matching_ids(catalog, ident)
        if family:
            if len(family) == 1:
                return show_document(views.show_document(catalog, "models", catalog.models.record(family[0])), fmt, pictures=pictures, title=ident)
            doc = views.family_document(catalog, ident, family)
            other = catalog.lookup(ident, ("licenses",))
            if other and other[1]["id"].casefold() == ident.strip().casefold():
                doc.footer = f"{ident!r} is also a licence: landscape show license:{other[1]['id']}"
            return show_document(doc, fmt, pictures=pictures, title=ident)
    if hit is None:
        hit = catalog.lookup(ident, ("licenses",))
    if hit is None:
        catalog.find(ident, (*SHARED_ID_SECTIONS, "licenses"))  # raises with suggestions
        raise NotFoundError(ident)
    section, record = hit
    title = f"{record.get('name') or record.get('title') or record['id']} ({record['id']})"
    return show_document(views.show_document(catalog, section, record), fmt, pictures=pictures, title=title)


def compare(
    *,
    ids: Sequence[str],
    fmt: Format | str = Format.TABLE,
    as_json: bool = False,
    only_differences: bool = False,
    scores: str | None = None,
    data: Sequence[str] | None = None,
    no_bundled: bool = False,
    no_cache: bool = False,
    svg: Any = None,
    html: Any = None,
    force: bool = False,
) -> int:
    from . import views

    if len(ids) < 2:
        raise UsageError("compare needs at least two model ids", field="ID")
    catalog = load_catalog(data, no_bundled, no_cache)
    chosen = [catalog.find_model(i) for i in ids]
    benches = [catalog.find(b, ("benchmarks",))[1]["id"] for b in split_columns(scores)]
    doc = views.compare_document(catalog, chosen, only_differences, benches)
    title = "Comparison of " + ", ".join(m["id"] for m in chosen)
    return show_document(doc, output_format(fmt, as_json), pictures={"svg": svg, "html": html, "force": force}, title=title)


def timeline(
    *,
    since: str | None = None,
    until: str | None = None,
    kind: Sequence[str] | None = None,
    org: Sequence[str] | None = None,
    exclude_child_orgs: bool = False,
    open_weights: bool = False,
    reverse: bool = False,
    limit: int | None = None,
    fmt: Format | str = Format.TABLE,
    as_json: bool = False,
    columns: str | None = None,
    data: Sequence[str] | None = None,
    no_bundled: bool = False,
    no_cache: bool = False,
    chart: bool = False,
    lanes: str = "org",
    max_lanes: int = 12,
    svg: Any = None,
    html: Any = None,
    force: bool = False,
) -> int:
    from . import query, views

    if (svg or html) and not chart:
        raise UsageError("pictures of the timeline need --chart", field="chart")
    catalog = load_catalog(data, no_bundled, no_cache)
    entries = query.timeline(
        catalog,
        since=since,
        until=until,
        kinds=kind or (),
        orgs=org or (),
        include_child_orgs=not exclude_child_orgs,
        open_weights=True if open_weights else None,
        reverse=reverse,
        limit=limit,
    )
    if chart:
        lanes = query.parse_choice(lanes, ("org", "access"), "lanes")
        figure = views.timeline_figure(catalog, entries, lanes, max_lanes, since, until)
        return show_document(figure, output_format(fmt, as_json), pictures={"svg": svg, "html": html, "force": force}, title="Timeline")
    return show_listing(views.timeline_listing(entries), output_format(fmt, as_json), columns, "timeline entries")


def orgs(
    *,
    country: Sequence[str] | None = None,
    kind: str | None = None,
    search: str | None = None,
    sort: str = "id",
    reverse: bool = False,
    limit: int | None = None,
    fmt: Format | str = Format.TABLE,
    as_json: bool = False,
    columns: str | None = None,
    data: Sequence[str] | None = None,
    no_bundled: bool = False,
    no_cache: bool = False,
) -> int:
    from . import query, views

    catalog = load_catalog(data, no_bundled, no_cache)
    summaries = query.organizations(catalog, countries=country or (), kind=kind, search=search, sort=sort, reverse=reverse, limit=limit)
    return show_listing(views.orgs_listing(summaries), output_format(fmt, as_json), columns, "organizations")


def licenses(
    *,
    osi: bool | None = None,
    commercial: str | None = None,
    sort: str = "id",
    reverse: bool = False,
    fmt: Format | str = Format.TABLE,
    as_json: bool = False,
    columns: str | None = None,
    data: Sequence[str] | None = None,
    no_bundled: bool = False,
    no_cache: bool = False,
) -> int:
    from . import query, views

    catalog = load_catalog(data, no_bundled, no_cache)
    rows = query.licenses(catalog, osi=osi, commercial=commercial, sort=sort, reverse=reverse)
    return show_listing(views.licenses_listing(rows), output_format(fmt, as_json), columns, "licences")


def info(
    *,
    fmt: Format | str = Format.TABLE,
    as_json: bool = False,
    data: Sequence[str] | None = None,
    no_bundled: bool = False,
    no_cache: bool = False,
) -> int:
    from . import views

    catalog = load_catalog(data, no_bundled, no_cache)
    return show_document(views.info_document(catalog, __version__), output_format(fmt, as_json))


def stats(
    *,
    by: str | None = None,
    top: int = 15,
    fmt: Format | str = Format.TABLE,
    as_json: bool = False,
    svg: Any = None,
    html: Any = None,
    force: bool = False,
    data: Sequence[str] | None = None,
    no_bundled: bool = False,
    no_cache: bool = False,
    **filters: Any,
) -> int:
    """Counts of open-weights and closed models by year, country, organisation, licence, architecture or size."""
    from . import query, views
    from . import stats as stats_mod

    if by is not None:
        by = query.parse_choice(by, stats_mod.BREAKDOWNS, "by")
    catalog, selected = select(filters, data, no_bundled, no_cache)
    figure = views.stats_figure(catalog, selected, by, top)
    code = show_document(figure, output_format(fmt, as_json), pictures={"svg": svg, "html": html, "force": force}, title=figure.figure["title"])
    return code if selected else ExitCode.NOT_FOUND


def lineage(
    *,
    ident: str,
    fmt: Format | str = Format.TABLE,
    as_json: bool = False,
    svg: Any = None,
    html: Any = None,
    force: bool = False,
    data: Sequence[str] | None = None,
    no_bundled: bool = False,
    no_cache: bool = False,
) -> int:
    """The tree of a model's base models and of everything derived from them."""
    from . import views

    catalog = load_catalog(data, no_bundled, no_cache)
    model = catalog.find_model(ident)
    figure = views.lineage_figure(catalog, model)
    return show_document(figure, output_format(fmt, as_json), pictures={"svg": svg, "html": html, "force": force}, title=figure.figure["title"])


def gap(
    *,
    benchmark: Sequence[str] | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    measured_by: Sequence[str] | None = None,
    strict_settings: bool = False,
    primary_sources_only: bool = False,
    chart: bool = False,
    fmt: Format | str = Format.TABLE,
    as_json: bool = False,
    svg: Any = None,
    html: Any = None,
    force: bool = False,
    data: Sequence[str] | None = None,
    no_bundled: bool = False,
    no_cache: bool = False,
) -> int:
    """How many months open-weights models trail each new closed best, per benchmark."""
    from . import gap as gap_mod
    from . import views

    catalog = load_catalog(data, no_bundled, no_cache)
    benches = [catalog.find(b, ("benchmarks",))[1] for b in benchmark] if benchmark else list(catalog.benchmarks.values())
    if not benches:
        raise NotFoundError("the data has no benchmarks (see docs/gap.md)", field="benchmark")
    who = []
    for m in measured_by or ():
        who.append("developer" if m.strip().lower() == "developer" else catalog.find_organization(m)["id"])
    results = [gap_mod.benchmark_gap(catalog, b, tolerance=tolerance, measured_by=who, strict_settings=strict_settings,
                                       primary_only=primary_sources_only) for b in benches]
    view = views.gap_figure(results, tolerance, strict_settings) if chart else views.gap_document(catalog, results, tolerance, strict_settings)
    title = "Open weights vs closed labs"
    return show_document(view, output_format(fmt, as_json), pictures={"svg": svg, "html": html, "force": force}, title=title)
