"""The `landscape` command: options in, a query and a renderer called, exit codes out.

No filtering or formatting lives here. Every error reaches `LandscapeGroup.main`, the one edge
that turns it into a single line on stderr and a documented exit code.
"""

from __future__ import annotations

import importlib.util
import inspect
import io
import os
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import ExitCode, LandscapeError
from .render import Format, Listing, emit
from .render.safe import inert, json_dumps

if TYPE_CHECKING:
    from .catalog import Catalog


def _lazy(name: str) -> Any:
    """Import a module on first attribute use, so `--version` and `--help` skip Pydantic."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


query = _lazy("openai_landscape.query")
views = _lazy("openai_landscape.views")
catalog_mod = _lazy("openai_landscape.catalog")

# Typer vendors Click; its exceptions share this base, which we reach without importing Click.
_ClickException: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")

_state = {"debug": bool(os.environ.get("LANDSCAPE_DEBUG"))}


def error_line(message: str) -> None:
    sys.stderr.write("landscape: error: " + inert(message) + "\n")


def note(message: str) -> None:
    sys.stderr.write("landscape: " + inert(message) + "\n")


class LandscapeGroup(TyperGroup):
    """Runs the app and turns every failure into one line and an exit code, never a traceback."""

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None, standalone_mode: bool = True, **extra: Any) -> Any:  # type: ignore[override]
        if sys.stdout is None:  # started with stdout closed (`landscape ... >&-`)
            error_line("cannot write to stdout: it is closed")
            if standalone_mode:
                sys.exit(ExitCode.USAGE)
            return int(ExitCode.USAGE)
        try:
            rv = super().main(args=args, prog_name=prog_name or "landscape", complete_var=complete_var, standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) else 0
            sys.stdout.flush()
        except LandscapeError as exc:
            error_line(str(exc))
            code = exc.exit_code
        except _ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None and exc.exit_code == 2 else ""
            message = exc.format_message().replace("\n", " ").replace("Value error, ", "")  # type: ignore[attr-defined]
            if message.strip():  # empty for `landscape` alone, whose help is already printed
                error_line(message + hint)
            code = exc.exit_code  # type: ignore[attr-defined]
        except (KeyboardInterrupt, typer.Abort):
            sys.stderr.write("\n")
            code = ExitCode.INTERRUPTED
        except BrokenPipeError:
            code = _pipe_closed()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
        except Exception as exc:  # noqa: BLE001 - the one place that catches everything
            if _state["debug"]:
                traceback.print_exc()
            error_line(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)")
            code = ExitCode.INTERNAL
        if standalone_mode:
            sys.exit(int(code))
        return int(code)


def _pipe_closed() -> int:
    """The reader went away (`| head -1`): stop quietly, and let nothing flush to the dead pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return ExitCode.BROKEN_PIPE


app = typer.Typer(
    cls=LandscapeGroup,
    name="landscape",
    help="Explore the AI model landscape: who released which model, when, how open, how big.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"landscape {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback for internal errors.")] = False,
) -> None:
    """Explore the AI model landscape: who released which model, when, how open, how big."""
    _state["debug"] = _state["debug"] or debug


# --- shared options ---------------------------------------------------------------------------

DataOpt = Annotated[
    list[str] | None,
    typer.Option("--data", "-d", help="Extra TOML file or directory merged over the bundled data (repeatable; also LANDSCAPE_DATA).", rich_help_panel="Data"),
]
NoBundledOpt = Annotated[bool, typer.Option("--no-bundled", help="Use only --data / LANDSCAPE_DATA, not the bundled dataset.", rich_help_panel="Data")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", case_sensitive=False, help="Output format.", rich_help_panel="Output")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.", rich_help_panel="Output")]
ColumnsOpt = Annotated[str | None, typer.Option("--columns", "-c", help="Comma-separated fields to show (any format).", rich_help_panel="Output")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="On or after this date: YYYY, YYYY-MM or YYYY-MM-DD.", rich_help_panel="Filters")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="On or before this date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.", rich_help_panel="Filters")]
OrgOpt = Annotated[list[str] | None, typer.Option("--org", "-o", help="Organisation id or alias (repeatable: any of them).", rich_help_panel="Filters")]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", min=0, help="At most N rows.", rich_help_panel="Sorting")]
ReverseOpt = Annotated[bool, typer.Option("--reverse", "-r", help="Reverse the sort order.", rich_help_panel="Sorting")]


def _catalog(data: list[str] | None, no_bundled: bool) -> Catalog:
    paths = catalog_mod.user_paths(data or ())
    if no_bundled and not paths:
        raise LandscapeError("--no-bundled needs --data PATH or LANDSCAPE_DATA", field="--no-bundled")
    return catalog_mod.load(paths, bundled=not no_bundled)


def _format(fmt: Format, as_json: bool) -> Format:
    return Format.JSON if as_json else fmt


def _columns(columns: str | None) -> list[str]:
    return [c.strip() for c in columns.split(",") if c.strip()] if columns else []


def _emit(listing: Listing, fmt: Format, columns: str | None, what: str) -> None:
    """Print a listing; nothing matched is exit 1, with `[]` in JSON and a line on stderr."""
    if listing.records or fmt is not Format.TABLE:
        emit(listing, fmt, _columns(columns))
    if not listing.records:
        if fmt is Format.TABLE:
            note(f"no {what} match")
        raise typer.Exit(ExitCode.NOT_FOUND)


def _complete_sort(incomplete: str) -> list[str]:
    return [f for f in query.MODEL_FIELDS if f.startswith(incomplete)]


# --- commands ---------------------------------------------------------------------------------


def _model_filters(
    open_weights: Annotated[bool, typer.Option("--open-weights", help="Only models whose weights are downloadable (access open-*).", rich_help_panel="Filters")] = False,
    closed: Annotated[bool, typer.Option("--closed", help="Only models without downloadable weights.", rich_help_panel="Filters")] = False,
    open_source: Annotated[bool, typer.Option("--open-source", help="Only models meeting OSI's Open Source AI Definition (approximated; see docs/data.md).", rich_help_panel="Filters")] = False,
    org: OrgOpt = None,
    country: Annotated[list[str] | None, typer.Option("--country", help="Organisation country, ISO 3166 alpha-2 (repeatable).", rich_help_panel="Filters")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    license: Annotated[str | None, typer.Option("--license", help="Licence id, name or SPDX id containing TEXT.", rich_help_panel="Filters")] = None,
    license_allows: Annotated[str | None, typer.Option("--license-allows", help="What the licence permits: commercial.", rich_help_panel="Filters")] = None,
    arch: Annotated[str | None, typer.Option("--arch", help="dense or moe.", rich_help_panel="Filters")] = None,
    min_params: Annotated[float | None, typer.Option("--min-params", min=0, help="At least this many billion parameters (total).", rich_help_panel="Filters")] = None,
    max_params: Annotated[float | None, typer.Option("--max-params", min=0, help="At most this many billion parameters (total).", rich_help_panel="Filters")] = None,
    modality: Annotated[str | None, typer.Option("--modality", help="Input or output modality: text, image, audio, video, code, ...", rich_help_panel="Filters")] = None,
    family: Annotated[str | None, typer.Option("--family", help="Model family id, e.g. llama-2.", rich_help_panel="Filters")] = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="Text in the name, id, aliases, family or notes.", rich_help_panel="Filters")] = None,
    sort: Annotated[str, typer.Option("--sort", help="Sort by any field.", autocompletion=_complete_sort, rich_help_panel="Sorting")] = "release_date",
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """The filter options `models` and `export` share; never called, only its signature is used."""


def with_model_filters(command: Any) -> Any:
    """Give a command the options of `_model_filters` after its own (one definition, two commands)."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.kind is not p.VAR_KEYWORD]
    shared = list(inspect.signature(_model_filters, eval_str=True).parameters.values())
    command.__signature__ = inspect.Signature([*shared, *own])
    command.__annotations__ = {p.name: p.annotation for p in [*shared, *own]}
    return command


def _select(filters: dict[str, Any]) -> tuple[Catalog, list[Any]]:
    if filters["open_weights"] and filters["closed"]:
        raise LandscapeError("--open-weights and --closed exclude each other; use neither for all models", field="--closed")
    catalog = _catalog(filters["data"], filters["no_bundled"])
    q = query.ModelQuery(
        open_weights=True if filters["open_weights"] else (False if filters["closed"] else None),
        open_source=filters["open_source"],
        orgs=tuple(filters["org"] or ()),
        countries=tuple(filters["country"] or ()),
        **{k: filters[k] for k in ("since", "until", "license", "license_allows", "arch", "min_params", "max_params", "modality", "family", "search", "sort", "reverse", "limit")},
    )
    return catalog, query.select_models(catalog, q)


@app.command()
@with_model_filters
def models(fmt: FormatOpt = Format.TABLE, as_json: JsonOpt = False, columns: ColumnsOpt = None, **filters: Any) -> None:
    """List models, filtered and sorted. Filters combine with AND."""
    _, selected = _select(filters)
    _emit(views.models_listing(selected), _format(fmt, as_json), columns, "models")


@app.command()
def show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="Model, organisation, event, software or licence id or alias (case-insensitive).")],
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Everything known about one model (or organisation, event, software, licence), with its sources."""
    catalog = _catalog(data, no_bundled)
    section, record = catalog.find(ident, (*catalog_mod.SHARED_ID_SECTIONS, "licenses"))
    fmt = _format(fmt, as_json)
    obj = views.record_object(catalog, section, record)
    if fmt is Format.JSON:
        sys.stdout.write(json_dumps(obj) + "\n")
        return
    if fmt is not Format.TABLE:
        # Flat formats: one row of the record, the same shape as a listing row.
        emit(Listing([obj], list(obj)), fmt)
        return
    from .render import table

    if section == "models":
        table.print_pairs(f"{record.name} ({record.id})", views.model_pairs(catalog, record))
        table.print_section("Openness", views.openness_rows(record), ["component", "grade", "evidence", "note"])
        table.print_section("History", views.history_rows(catalog, record.id), ["date", "kind", "title", "access", "event"])
        derived = query.derived_models(catalog, record.id)
        table.print_section("Derived models", [[m.id, m.name, m.release_date] for m in derived], ["id", "name", "release_date"])
        table.print_section("Sources", [[s] for s in record.sources], ["url"])
    elif section == "organizations":
        table.print_pairs(f"{record.name} ({record.id})", views.organization_pairs(catalog, record))
        mine = query.sort_records([m for m in catalog.models.values() if m.organization == record.id], "release_date")
        if mine:
            emit(views.models_listing(mine), Format.TABLE)
        table.print_section("History", views.history_rows(catalog, record.id), ["date", "kind", "title", "access", "event"])
    elif section == "events":
        table.print_pairs(f"{record.title} ({record.id})", views.event_pairs(catalog, record))
    else:
        table.print_pairs(f"{record.name} ({record.id})", views.generic_pairs(catalog, section, record))
        table.print_section("History", views.history_rows(catalog, record.id), ["date", "kind", "title", "access", "event"])
        if section == "licenses":
            users = query.sort_records([m for m in catalog.models.values() if m.license == record.id], "release_date")
            if users:
                emit(views.models_listing(users), Format.TABLE)


@app.command()
def compare(
    ids: Annotated[list[str], typer.Argument(metavar="ID ID [ID...]", help="Two or more model ids or aliases.")],
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    only_differences: Annotated[bool, typer.Option("--diff", help="Show only the fields that differ.")] = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Models side by side: one column per model, one row per field; differing fields marked *."""
    if len(ids) < 2:
        raise LandscapeError("compare needs at least two model ids", field="ID")
    catalog = _catalog(data, no_bundled)
    models_ = [catalog.find_model(i) for i in ids]
    records = [views.record_object(catalog, "models", m) for m in models_]
    fields = views.compare_fields()
    differing = query.differing_fields([{f: r.get(f) for f in fields} for r in records])
    if only_differences:
        fields = [f for f in fields if f in differing]
    fmt = _format(fmt, as_json)
    if fmt is Format.JSON:
        sys.stdout.write(json_dumps({"models": records, "differing_fields": differing}) + "\n")
    elif fmt is Format.TABLE:
        from .render.table import print_compare

        print_compare(records, fields, differing)
    else:
        rows = [{"field": f, **{r["id"]: r.get(f) for r in records}, "differs": f in differing} for f in fields]
        emit(Listing(rows, ["field", *(r["id"] for r in records), "differs"]), fmt)


@app.command()
def timeline(
    since: SinceOpt = None,
    until: UntilOpt = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", help="Entry kind (repeatable): model, software, or an event kind such as regulation, leak, open-sourcing.", rich_help_panel="Filters")] = None,
    org: OrgOpt = None,
    open_weights: Annotated[bool, typer.Option("--open-weights", help="Only open-weights releases and events that opened weights.", rich_help_panel="Filters")] = False,
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    columns: ColumnsOpt = None,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Model releases, software releases and events in date order, grouped by year."""
    catalog = _catalog(data, no_bundled)
    entries = query.timeline(
        catalog,
        since=since,
        until=until,
        kinds=kind or (),
        orgs=org or (),
        open_weights=True if open_weights else None,
        reverse=reverse,
        limit=limit,
    )
    _emit(views.timeline_listing(entries), _format(fmt, as_json), columns, "timeline entries")


@app.command()
def orgs(
    country: Annotated[list[str] | None, typer.Option("--country", help="ISO 3166 alpha-2 country (repeatable).", rich_help_panel="Filters")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="company, lab, non-profit, academic, government or community.", rich_help_panel="Filters")] = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="Text in the id, name or aliases.", rich_help_panel="Filters")] = None,
    sort: Annotated[str, typer.Option("--sort", help="Sort by any column, e.g. models or open_weights.", rich_help_panel="Sorting")] = "id",
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    columns: ColumnsOpt = None,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Organisations with country, kind, founding date and counts of open-weights and closed models."""
    catalog = _catalog(data, no_bundled)
    summaries = query.organizations(catalog, countries=country or (), kind=kind, search=search, sort=sort, reverse=reverse, limit=limit)
    _emit(views.orgs_listing(summaries), _format(fmt, as_json), columns, "organizations")


@app.command()
def info(
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """The dataset's as-of date, record counts and where the data was read from."""
    catalog = _catalog(data, no_bundled)
    open_count = sum(m.open_weights for m in catalog.models.values())
    obj = {
        "as_of": catalog.as_of(),
        "models": len(catalog.models),
        "open_weights_models": open_count,
        "closed_models": len(catalog.models) - open_count,
        "organizations": len(catalog.organizations),
        "events": len(catalog.events),
        "software": len(catalog.software),
        "licenses": len(catalog.licenses),
        "data_paths": catalog.paths,
        "version": __version__,
    }
    fmt = _format(fmt, as_json)
    if fmt is Format.JSON:
        sys.stdout.write(json_dumps(obj) + "\n")
    elif fmt is Format.TABLE:
        from .render.table import print_pairs

        print_pairs("landscape dataset", list(obj.items()))
    else:
        emit(Listing([obj], list(obj)), fmt)


class ExportFormat(str, Enum):
    TOML = "toml"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


OutputOpt = Annotated[Path | None, typer.Option("--output", "-O", help="Write to FILE (atomically) instead of stdout.", rich_help_panel="Output")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace --output FILE if it exists.", rich_help_panel="Output")]


def _write(text: str, output: Path | None, force: bool, what: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from .export import write_atomic

    write_atomic(output, text, force=force)
    note(f"wrote {what} to {output}")


@app.command()
@with_model_filters
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", case_sensitive=False, help="toml (same layout as data/, loadable with --data), json, jsonl or csv.", rich_help_panel="Output")] = ExportFormat.TOML,
    output: OutputOpt = None,
    force: ForceOpt = False,
    references: Annotated[bool, typer.Option("--references/--models-only", help="TOML: include the organisations, licences and base models the models refer to, so the file loads on its own.", rich_help_panel="Output")] = True,
    **filters: Any,
) -> None:
    """Export the models `models` would list (same filters) as TOML, JSON, JSONL or CSV."""
    from .export import catalog_sections, to_toml

    catalog, selected = _select(filters)
    if not selected:
        note("no models match; nothing exported")
        raise typer.Exit(ExitCode.NOT_FOUND)
    if fmt is ExportFormat.TOML:
        text = to_toml(catalog_sections(catalog, [m.id for m in selected], closure=references))
    else:
        buf = io.StringIO()
        emit(views.models_listing(selected), Format(fmt.value), out=buf)
        text = buf.getvalue()
    _write(text, output, force, f"{len(selected)} models")


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(metavar="[PATH...]", help="TOML files or directories (default: the bundled data and LANDSCAPE_DATA).")] = None,
    as_json: JsonOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Check data files against the schema and the cross-record rules; report every problem.

    User files are checked together with the bundled data (so they may refer to bundled
    organisations) unless --no-bundled. Exit 0 when clean, 1 when there are problems.
    """
    from .catalog import check

    targets = catalog_mod.user_paths(data or ()) + list(paths or [])
    if no_bundled and not targets:
        raise LandscapeError("--no-bundled needs at least one PATH", field="--no-bundled")
    catalog, problems = check(targets, bundled=not no_bundled)
    counts = {name: len(catalog.section(name)) for name in ("models", "organizations", "events", "software", "licenses")}
    if as_json:
        report = {"ok": not problems, "problems": [p.to_dict() for p in problems], "counts": counts, "paths": catalog.paths}
        sys.stdout.write(json_dumps(report) + "\n")
    else:
        for p in problems:
            sys.stdout.write(inert(str(p)) + "\n")
        summary = ", ".join(f"{n} {k}" for k, n in counts.items())
        note(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}" if problems else f"ok: {summary}")
    if problems:
        raise typer.Exit(ExitCode.NOT_FOUND)


@app.command("schema")
def schema_command(
    kind: Annotated[str, typer.Argument(help="file, model, organization, event, software or license.")] = "file",
) -> None:
    """Print the JSON Schema of a data file or one record type (from the Pydantic models)."""
    from .schema import SCHEMA_KINDS, json_schema

    kind = query.parse_choice(kind, SCHEMA_KINDS, "KIND")
    sys.stdout.write(json_dumps(json_schema(kind)) + "\n")


import_app = typer.Typer(help="Convert another source's data into landscape TOML (to stdout or --output).", no_args_is_help=True)
app.add_typer(import_app, name="import")
ShowUnmappedOpt = Annotated[bool, typer.Option("--show-unmapped", help="List every value that could not be mapped (default: the first 10).")]


def _import(report: Any, output: Path | None, force: bool, show_unmapped: bool, data: list[str] | None, no_bundled: bool) -> None:
    """Drop what the data already has, write the rest as TOML, and account for everything on stderr."""
    from .export import to_toml
    from .importers import dedupe

    paths = catalog_mod.user_paths(data or ())
    catalog = catalog_mod.load(paths, bundled=not no_bundled) if (paths or not no_bundled) else catalog_mod.Catalog()
    report = dedupe(report, catalog)
    counts = {k: len(v) for k, v in report.sections.items() if v}
    if not report.sections.get("models"):
        note(f"nothing new to import ({len(report.duplicates)} models already present)")
        raise typer.Exit(ExitCode.NOT_FOUND)
    _write(to_toml(report.sections), output, force, ", ".join(f"{n} {k}" for k, n in counts.items()))
    note(f"{len(report.duplicates)} already present (not duplicated), {len(report.unmapped)} values not mapped")
    shown = report.unmapped if show_unmapped else report.unmapped[:10]
    for line in shown:
        note(f"not mapped: {line}")
    if len(shown) < len(report.unmapped):
        note(f"... and {len(report.unmapped) - len(shown)} more (use --show-unmapped)")


@import_app.command("models-dev")
def import_models_dev(
    path: Annotated[Path, typer.Argument(help="A local checkout of the models.dev repository.")],
    output: OutputOpt = None,
    force: ForceOpt = False,
    show_unmapped: ShowUnmappedOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Import models.dev's per-lab and per-provider TOML files; models already present are skipped."""
    from .importers.models_dev import read_models_dev

    _import(read_models_dev(path), output, force, show_unmapped, data, no_bundled)


@import_app.command("epoch")
def import_epoch(
    path: Annotated[Path, typer.Argument(help="Epoch AI's models CSV.")],
    output: OutputOpt = None,
    force: ForceOpt = False,
    show_unmapped: ShowUnmappedOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Import Epoch AI's models CSV; models already present are skipped."""
    from .importers.epoch import read_epoch_csv

    _import(read_epoch_csv(path), output, force, show_unmapped, data, no_bundled)


def run() -> None:
    """Console-script entry: die quietly on SIGPIPE like other Unix filters, then run the app."""
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)

