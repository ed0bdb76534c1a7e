"""The `landscape` command: Typer options in, a function of `commands` called, an exit code out.

No filtering or formatting lives here. Shared options are `Annotated` aliases written out in
each signature that takes them. Every failure reaches `errors.guard`, the one edge that turns it
into a single line on stderr and a documented exit code. Common invocations skip this module
altogether (`fastpath.py`); anything it does not fully understand comes here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__, commands
from .errors import ExitCode, guard
from .escaping import inert
from .render import Format

# Typer vendors Click; its exceptions share this base, which we reach without importing Click.
_ClickException: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def _debug_requested(args: Any) -> bool:
    argv = list(args) if args is not None else sys.argv[1:]
    return "--debug" in argv or bool(os.environ.get("LANDSCAPE_DEBUG"))


class LandscapeGroup(TyperGroup):
    """Runs the app through `errors.guard`; Click's own usage errors become one line too."""

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None, standalone_mode: bool = True, **extra: Any) -> Any:  # type: ignore[override]
        _hide_flag_metavars(self)
        if sys.stdout is None:  # started with stdout closed (`landscape ... >&-`)
            sys.stderr.write("landscape: error: cannot write to stdout: it is closed\n")
            code = int(ExitCode.USAGE)
        else:

            def call() -> int:
                try:
                    rv = super(LandscapeGroup, self).main(
                        args=args, prog_name=prog_name or "landscape", complete_var=complete_var, standalone_mode=False, **extra
                    )
                except _ClickException as exc:
                    ctx = getattr(exc, "ctx", None)
                    hint = f" (see '{ctx.command_path} --help')" if ctx is not None and exc.exit_code == 2 else ""  # type: ignore[attr-defined]
                    message = exc.format_message().replace("\n", " ").replace("Value error, ", "")  # type: ignore[attr-defined]
                    if message.strip():  # empty for `landscape` alone, whose help is already printed
                        sys.stderr.write("landscape: error: " + inert(message + hint) + "\n")
                    return int(exc.exit_code)  # type: ignore[attr-defined]
                except typer.Abort:
                    raise KeyboardInterrupt from None
                except SystemExit as exc:
                    return exc.code if isinstance(exc.code, int) else 0
                return rv if isinstance(rv, int) else 0

            code = guard(call, debug=_debug_requested(args))
        if standalone_mode:
            sys.exit(code)
        return code


def _hide_flag_metavars(command: Any) -> None:
    """Help shows no value after a flag (Typer would print `<bool>`) and names an option's
    value after the option (`--since SINCE`) rather than its Python type."""
    if getattr(command, "_metavars_set", False):
        return
    command._metavars_set = True
    for param in getattr(command, "params", []):
        if param.metavar is None and getattr(param, "param_type_name", "") == "option":
            if getattr(param, "is_flag", False):
                param.metavar = ""
            elif not getattr(getattr(param, "type_descriptor", None), "is_choice", False):
                param.metavar = param.name.upper()
    original = command.get_help_option

    def help_option(ctx: Any) -> Any:
        option = original(ctx)
        if option is not None:
            option.metavar = ""
        return option

    command.get_help_option = help_option
    for sub in getattr(command, "commands", {}).values():
        _hide_flag_metavars(sub)


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
    """Explore the AI model landscape: who released which model, when, how open, how big.

    Example: landscape models --open-weights --since 2025
    """


# --- shared options (each command lists the ones it takes) -----------------------------------

DataOpt = Annotated[
    list[str] | None,
    typer.Option("--data", "-d", help="Extra TOML file or directory merged over the bundled data (repeatable; also LANDSCAPE_DATA).", rich_help_panel="Data"),
]
NoBundledOpt = Annotated[bool, typer.Option("--no-bundled", help="Use only --data / LANDSCAPE_DATA, not the bundled dataset.", rich_help_panel="Data")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Read and validate the data files even if the cache is current.", rich_help_panel="Data")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", case_sensitive=False, help="Output format (toml only for models).", rich_help_panel="Output")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.", rich_help_panel="Output")]
ColumnsOpt = Annotated[str | None, typer.Option("--columns", "-c", help="Comma-separated fields to show, in any format.", rich_help_panel="Output")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.", rich_help_panel="Output")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace --output FILE if it exists.", rich_help_panel="Output")]
SinceOpt = Annotated[
    str | None,
    typer.Option("--since", help="Released on or after: YYYY, YYYY-MM or YYYY-MM-DD (a partial date counts from its first day).", rich_help_panel="Filters"),
]
UntilOpt = Annotated[
    str | None,
    typer.Option("--until", help="Released on or before (inclusive, to the last day of a partial date). A model dated 2024 counts as 2024-01-01.", rich_help_panel="Filters"),
]
OrgOpt = Annotated[list[str] | None, typer.Option("--org", help="Organisation id or alias, with the organisations under it (repeatable: any of them).", rich_help_panel="Filters")]
ExactOrgOpt = Annotated[bool, typer.Option("--exact-org", help="With --org: not the organisations under it (e.g. google without google-deepmind).", rich_help_panel="Filters")]
CountryOpt = Annotated[list[str] | None, typer.Option("--country", help="Organisation country, ISO 3166 alpha-2 (repeatable).", rich_help_panel="Filters")]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", min=0, help="At most N rows.", rich_help_panel="Sorting")]
ReverseOpt = Annotated[bool, typer.Option("--reverse", "-r", help="Reverse the sort order.", rich_help_panel="Sorting")]

OpenWeightsOpt = Annotated[bool, typer.Option("--open-weights", help="Only models whose weights are downloadable (access open-*).", rich_help_panel="Filters")]
ClosedOpt = Annotated[bool, typer.Option("--closed", help="Only models without downloadable weights.", rich_help_panel="Filters")]
OpenSourceOpt = Annotated[bool, typer.Option("--open-source", help="Only models meeting OSI's Open Source AI Definition (approximated; see docs/data.md).", rich_help_panel="Filters")]
LicenseOpt = Annotated[str | None, typer.Option("--license", help="Licence id, name or SPDX id containing TEXT.", rich_help_panel="Filters")]
LicenseAllowsOpt = Annotated[
    str | None,
    typer.Option("--license-allows", help="commercial (licence says yes) or commercial-conditional (yes, or under conditions such as Llama's).", rich_help_panel="Filters"),
]
ArchOpt = Annotated[str | None, typer.Option("--arch", help="dense or moe.", rich_help_panel="Filters")]
AccessOpt = Annotated[list[str] | None, typer.Option("--access", help="Access level (repeatable): open-unrestricted, open-restricted, open-noncommercial, api, hosted, limited, unreleased, retired.", rich_help_panel="Filters")]
GatedOpt = Annotated[bool | None, typer.Option("--gated/--ungated", help="Open-weights models whose download needs approval (or not).", rich_help_panel="Filters")]
MinParamsOpt = Annotated[str | None, typer.Option("--min-params", help="At least this many billion parameters (total), e.g. 7 or 0.5.", rich_help_panel="Filters")]
MaxParamsOpt = Annotated[str | None, typer.Option("--max-params", help="At most this many billion parameters (total).", rich_help_panel="Filters")]
MinContextOpt = Annotated[str | None, typer.Option("--min-context", help="Context of at least this many tokens, e.g. 128000 or 128k.", rich_help_panel="Filters")]
ModalityOpt = Annotated[str | None, typer.Option("--modality", help="Input or output modality: text, image, audio, video, code, ...", rich_help_panel="Filters")]
FamilyOpt = Annotated[str | None, typer.Option("--family", help="Model family id, e.g. llama-2.", rich_help_panel="Filters")]
BaseModelOpt = Annotated[str | None, typer.Option("--base-model", help="Models derived from this one (its id or alias).", rich_help_panel="Filters")]
SearchOpt = Annotated[str | None, typer.Option("--search", "-s", help="All these words, in any order, in the name, id, aliases, family or notes.", rich_help_panel="Filters")]
PrimaryOpt = Annotated[bool, typer.Option("--primary-sources-only", help="Only models with at least one primary source (model card, paper, developer page).", rich_help_panel="Filters")]
SortOpt = Annotated[str, typer.Option("--sort", help="Sort by any field (release_date, params_b, context_length, ...).", rich_help_panel="Sorting")]
CountOpt = Annotated[bool, typer.Option("--count", help="Print only the number of matching models.", rich_help_panel="Output")]
SvgOpt = Annotated[Path | None, typer.Option("--svg", help="Also export the picture as a standalone SVG file (atomic; --force to replace).", rich_help_panel="Pictures")]
HtmlOpt = Annotated[Path | None, typer.Option("--html", help="Also export it as a self-contained HTML page (atomic; --force to replace).", rich_help_panel="Pictures")]
ReferencesOpt = Annotated[
    bool,
    typer.Option("--references/--models-only", help="TOML: include the organisations, licences and models the models refer to, so the file loads on its own.", rich_help_panel="Output"),
]

MODELS_EPILOG = """Examples:

  landscape models --open-weights --arch moe --min-params 100 --since 2025

  landscape models --org meta --license-allows commercial --json
"""


@app.command(epilog=MODELS_EPILOG)
def models(
    open_weights: OpenWeightsOpt = False,
    closed: ClosedOpt = False,
    open_source: OpenSourceOpt = False,
    org: OrgOpt = None,
    exact_org: ExactOrgOpt = False,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    license: LicenseOpt = None,
    license_allows: LicenseAllowsOpt = None,
    arch: ArchOpt = None,
    access: AccessOpt = None,
    gated: GatedOpt = None,
    min_params: MinParamsOpt = None,
    max_params: MaxParamsOpt = None,
    min_context: MinContextOpt = None,
    modality: ModalityOpt = None,
    family: FamilyOpt = None,
    base_model: BaseModelOpt = None,
    search: SearchOpt = None,
    primary_sources_only: PrimaryOpt = False,
    sort: SortOpt = "release_date",
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    columns: ColumnsOpt = None,
    count: CountOpt = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    references: ReferencesOpt = True,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """List models, filtered and sorted. Filters combine with AND; a repeated filter means any of its values."""
    filters = dict(locals())
    extra = {k: filters.pop(k) for k in ("fmt", "as_json", "columns", "count", "output", "force", "references", "data", "no_bundled", "no_cache")}
    filters["exclude_child_orgs"] = filters.pop("exact_org")
    if extra["output"] is not None or Format(extra["fmt"]) is Format.TOML:
        from . import export_command

        return export_command.export(**extra, filters=filters)
    extra = {k: extra[k] for k in ("fmt", "as_json", "columns", "count", "data", "no_bundled", "no_cache")}
    return commands.models(**extra, **filters)


@app.command(epilog="Examples:\n\n  landscape export --org meta --output meta.toml\n\n  landscape export --open-weights --format csv -o open.csv")
def export(
    open_weights: OpenWeightsOpt = False,
    closed: ClosedOpt = False,
    open_source: OpenSourceOpt = False,
    org: OrgOpt = None,
    exact_org: ExactOrgOpt = False,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    license: LicenseOpt = None,
    license_allows: LicenseAllowsOpt = None,
    arch: ArchOpt = None,
    access: AccessOpt = None,
    gated: GatedOpt = None,
    min_params: MinParamsOpt = None,
    max_params: MaxParamsOpt = None,
    min_context: MinContextOpt = None,
    modality: ModalityOpt = None,
    family: FamilyOpt = None,
    base_model: BaseModelOpt = None,
    search: SearchOpt = None,
    primary_sources_only: PrimaryOpt = False,
    sort: SortOpt = "release_date",
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", case_sensitive=False, help="toml (the layout of data/, loadable with --data), json, jsonl, csv or markdown.", rich_help_panel="Output")] = Format.TOML,
    output: OutputOpt = None,
    force: ForceOpt = False,
    references: ReferencesOpt = True,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """The models `models` would list (same filters), as TOML by default: `models --format toml`."""
    filters = dict(locals())
    extra = {k: filters.pop(k) for k in ("fmt", "output", "force", "references", "data", "no_bundled", "no_cache")}
    filters["exclude_child_orgs"] = filters.pop("exact_org")
    from . import export_command

    return export_command.export(**extra, filters=filters)


@app.command(epilog="Examples:\n\n  landscape show llama-2-70b\n\n  landscape show mixtral      (a family: lists its models)\n\n  landscape show meta --json")
def show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="Model, organisation, event, software, licence or benchmark id or alias (case-insensitive); a family or prefix lists its models; TYPE:ID (license:llama-2) picks one record type.")],
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """Everything known about one model (or organisation, event, software, licence), with its sources."""
    return commands.show(**locals())


@app.command(epilog="Examples:\n\n  landscape compare llama-2-70b mixtral-8x7b grok-1\n\n  landscape compare gpt-4o deepseek-v3 --diff --scores gpqa-diamond")
def compare(
    ids: Annotated[list[str], typer.Argument(metavar="ID ID [ID...]", help="Two or more model ids or aliases.")],
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    only_differences: Annotated[bool, typer.Option("--diff", help="Show only the fields that differ.")] = False,
    scores: Annotated[str | None, typer.Option("--scores", help="Comma-separated benchmark ids to add as rows (best score of each model).")] = None,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """Models side by side: one column per model, one row per field; differing fields marked *."""
    return commands.compare(**locals())


@app.command(epilog="Examples:\n\n  landscape timeline --since 2025\n\n  landscape timeline --kind leak --kind open-sourcing --kind regulation")
def timeline(
    since: Annotated[str | None, typer.Option("--since", help="On or after: YYYY, YYYY-MM or YYYY-MM-DD (a partial date counts from its first day).", rich_help_panel="Filters")] = None,
    until: Annotated[str | None, typer.Option("--until", help="On or before (inclusive, to the last day of a partial date).", rich_help_panel="Filters")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", help="Entry kind (repeatable): model (with its open-weights and announced entries), software, or an event kind such as regulation, leak, open-sourcing.", rich_help_panel="Filters")] = None,
    org: OrgOpt = None,
    exact_org: ExactOrgOpt = False,
    open_weights: Annotated[bool, typer.Option("--open-weights", help="Only entries where weights were open on that date.", rich_help_panel="Filters")] = False,
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    columns: ColumnsOpt = None,
    chart: Annotated[bool, typer.Option("--chart", help="Draw a time axis with one lane per organisation (or --lanes access).", rich_help_panel="Pictures")] = False,
    lanes: Annotated[str, typer.Option("--lanes", help="With --chart: org (the most active organisations) or access (open vs closed).", rich_help_panel="Pictures")] = "org",
    max_lanes: Annotated[int, typer.Option("--max-lanes", min=1, help="With --chart --lanes org: how many organisations.", rich_help_panel="Pictures")] = 12,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """Model releases (and later weight releases), software and events by date, under year headings.

    A model is marked open or closed as it was on that date: Grok-1 is closed at its release
    in November 2023 and has a second entry when its weights came out (2024-03-17).
    """
    args = dict(locals())
    args["exclude_child_orgs"] = args.pop("exact_org")
    return commands.timeline(**args)


STATS_EPILOG = """Examples:

  landscape stats

  landscape stats --by country --open-weights

  landscape stats --by year --since 2023 --svg years.svg
"""


@app.command(epilog=STATS_EPILOG)
def stats(
    by: Annotated[str | None, typer.Option("--by", help="One chart: year, country, org, license, arch or size (default: a short dashboard).", rich_help_panel="Pictures")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="With --by org, country or license: the N largest groups.", rich_help_panel="Pictures")] = 15,
    open_weights: OpenWeightsOpt = False,
    closed: ClosedOpt = False,
    open_source: OpenSourceOpt = False,
    org: OrgOpt = None,
    exact_org: ExactOrgOpt = False,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    license: LicenseOpt = None,
    license_allows: LicenseAllowsOpt = None,
    arch: ArchOpt = None,
    access: AccessOpt = None,
    gated: GatedOpt = None,
    min_params: MinParamsOpt = None,
    max_params: MaxParamsOpt = None,
    min_context: MinContextOpt = None,
    modality: ModalityOpt = None,
    family: FamilyOpt = None,
    base_model: BaseModelOpt = None,
    search: SearchOpt = None,
    primary_sources_only: PrimaryOpt = False,
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """Bar charts of open-weights vs closed models by year, country, organisation, licence, architecture or size.

    Takes the filters of `models`; --json and --csv give the numbers behind each chart.
    """
    args = dict(locals())
    args["exclude_child_orgs"] = args.pop("exact_org")
    return commands.stats(**args)


@app.command(epilog="Examples:\n\n  landscape lineage llama-2-7b\n\n  landscape lineage deepseek-r1 --json\n\n  landscape lineage qwen2.5-7b --svg qwen.svg")
def lineage(
    ident: Annotated[str, typer.Argument(metavar="ID", help="A model id or alias.")],
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """A tree of the model's base models and everything derived from them (fine-tunes, distillations, ...).

    Each node gives its organisation, date and access; models from another organisation are marked.
    --json gives the graph as nodes and edges.
    """
    return commands.lineage(**locals())


GAP_EPILOG = """Examples:

  landscape gap

  landscape gap --benchmark gpqa-diamond --tolerance 0 --json

  landscape gap --chart --svg gap.svg
"""


@app.command(epilog=GAP_EPILOG)
def gap(
    benchmark: Annotated[list[str] | None, typer.Option("--benchmark", "-b", help="Benchmark id (repeatable; default: all).")] = None,
    tolerance: Annotated[float, typer.Option("--tolerance", min=0, help="Points an open score may fall short of the closed best and still match it.")] = commands.DEFAULT_TOLERANCE,
    measured_by: Annotated[list[str] | None, typer.Option("--measured-by", help="Only scores measured by: developer, or a third party's organisation id (repeatable).")] = None,
    strict_settings: Annotated[bool, typer.Option("--strict-settings", help="Leave out scores whose source states no setting (shots, CoT, pass@k).")] = False,
    primary_sources_only: Annotated[bool, typer.Option("--primary-sources-only", help="Leave out scores that rest on secondary sources only (press, copies of the developer's tables).")] = False,
    chart: Annotated[bool, typer.Option("--chart", help="Draw the best open and best closed score over time.", rich_help_panel="Pictures")] = False,
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    svg: SvgOpt = None,
    html: HtmlOpt = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """How many months open-weights models trail the closed labs, from sourced benchmark scores.

    For each closed model that set a new best closed score: the first open-weights model that
    came within --tolerance points, and the lag in months (weights dates). See docs/gap.md.
    """
    return commands.gap(**locals())


@app.command(epilog="Examples:\n\n  landscape orgs --country CN --sort open_weights --reverse\n\n  landscape orgs -s mistral")
def orgs(
    country: CountryOpt = None,
    kind: Annotated[str | None, typer.Option("--kind", help="company, lab, non-profit, academic, government or community.", rich_help_panel="Filters")] = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="All these words in the id, name or aliases.", rich_help_panel="Filters")] = None,
    sort: Annotated[str, typer.Option("--sort", help="id, name, country, kind, founded, models, open_weights or closed.", rich_help_panel="Sorting")] = "id",
    reverse: ReverseOpt = False,
    limit: LimitOpt = None,
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    columns: ColumnsOpt = None,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """Organisations with country, kind, founding date and counts of open-weights and closed models."""
    return commands.orgs(**locals())


@app.command(epilog="Examples:\n\n  landscape licenses --sort models --reverse\n\n  landscape licenses --osi --json")
def licenses(
    osi: Annotated[bool | None, typer.Option("--osi/--not-osi", help="Only licences OSI approved (or did not).", rich_help_panel="Filters")] = None,
    commercial: Annotated[str | None, typer.Option("--commercial", help="Commercial use: yes, conditional or no.", rich_help_panel="Filters")] = None,
    sort: Annotated[str, typer.Option("--sort", help="id, name, spdx, osi_approved, commercial_use or models.", rich_help_panel="Sorting")] = "id",
    reverse: ReverseOpt = False,
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    columns: ColumnsOpt = None,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """Licences with what they permit and how many models use each (`show ID` lists the models)."""
    return commands.licenses(**locals())


@app.command(epilog="Examples:\n\n  landscape info\n\n  landscape info --json | jq .completeness")
def info(
    fmt: FormatOpt = Format.TABLE,
    as_json: JsonOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """The dataset's as-of date, record counts, completeness and source figures, and where it was read from."""
    return commands.info(**locals())


@app.command(epilog="Examples:\n\n  landscape validate ./our-models.toml\n\n  landscape validate --json")
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(metavar="[PATH...]", help="TOML files or directories (default: the bundled data and LANDSCAPE_DATA).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON (problems, counts, source figures).")] = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """Check data files against the schema and the cross-record rules; report every problem.

    User files are checked together with the bundled data (so they may refer to bundled
    organisations) unless --no-bundled. Exit 0 when clean, 1 when there are problems.
    """
    from . import export_command

    return export_command.validate(paths=paths, as_json=as_json, data=data, no_bundled=no_bundled)


@app.command("schema", epilog="Example:\n\n  landscape schema file > landscape.schema.json")
def schema_command(
    kind: Annotated[str, typer.Argument(help="file, model, organization, event, software, license, benchmark or score.")] = "file",
) -> int:
    """Print the JSON Schema of a data file or one record type (from the Pydantic models)."""
    from . import export_command

    return export_command.schema(kind)


import_app = typer.Typer(help="Convert another source's data into landscape TOML (to stdout or --output).", no_args_is_help=True)
app.add_typer(import_app, name="import")
ShowUnmappedOpt = Annotated[bool, typer.Option("--show-unmapped", help="List every value that could not be mapped (default: the first 10).")]


@import_app.command("models-dev", epilog="Example:\n\n  landscape import models-dev ./models.dev -o imported.toml")
def import_models_dev(
    path: Annotated[Path, typer.Argument(help="A local checkout of the models.dev repository.")],
    output: OutputOpt = None,
    force: ForceOpt = False,
    show_unmapped: ShowUnmappedOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """Import models.dev's per-lab and per-provider TOML files; models already present are skipped."""
    from . import export_command
    from .importers.models_dev import read_models_dev

    return export_command.import_report(read_models_dev(path), output, force, show_unmapped, data, no_bundled)


@import_app.command("epoch", epilog="Example:\n\n  landscape import epoch ./epoch-models.csv -o epoch.toml")
def import_epoch(
    path: Annotated[Path, typer.Argument(help="Epoch AI's models CSV.")],
    output: OutputOpt = None,
    force: ForceOpt = False,
    show_unmapped: ShowUnmappedOpt = False,
    data: DataOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """Import Epoch AI's models CSV; models already present are skipped."""
    from . import export_command
    from .importers.epoch import read_epoch_csv

    return export_command.import_report(read_epoch_csv(path), output, force, show_unmapped, data, no_bundled)


def run() -> None:
    """Console-script entry for the Typer path."""
    app()
