"""The commands that write or check data files: export (models as TOML or any format to a
file), validate, schema and the importers' output. Plain functions, called by `cli.py`."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import commands
from .errors import ExitCode, UsageError
from .escaping import inert, json_dumps
from .render import Format, emit


def write_output(text: str, output: Path | None, force: bool, what: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from .export import write_atomic

    write_atomic(output, text, force=force)
    commands.note(f"wrote {what} to {output}")


def export(
    *,
    fmt: Format | str,
    output: Path | None,
    force: bool,
    references: bool,
    filters: dict[str, Any],
    data: Sequence[str] | None,
    no_bundled: bool,
    no_cache: bool,
    as_json: bool = False,
    columns: str | None = None,
    count: bool = False,
) -> int:
    """The selected models as TOML (loadable with --data) or any listing format, to stdout or a file."""
    from . import views
    from .export import catalog_sections, to_toml

    fmt = commands.output_format(fmt, as_json)
    catalog, selected = commands.select(filters, data, no_bundled, no_cache)
    if count:
        raise UsageError("--count prints to stdout; it takes no --output or toml format", field="count")
    if not selected:
        commands.note("no models match; nothing exported")
        return ExitCode.NOT_FOUND
    if fmt is Format.TOML:
        if columns:
            raise UsageError("--columns does not apply to TOML (a record is written whole)", field="columns")
        ids = [catalog.models.ids[i] for i in selected]
        text = to_toml(catalog_sections(catalog, ids, closure=references))
    else:
        buf = io.StringIO()
        emit(views.models_listing(catalog, selected), fmt, commands.split_columns(columns), out=buf)
        text = buf.getvalue()
    write_output(text, output, force, f"{len(selected)} models")
    return ExitCode.OK


def validate(*, paths: Sequence[Path] | None, as_json: bool, data: Sequence[str] | None, no_bundled: bool) -> int:
    from . import views
    from .catalog import check, user_paths

    targets = user_paths(data or ()) + list(paths or [])
    if no_bundled and not targets:
        raise UsageError("needs at least one PATH", field="no_bundled")
    catalog, problems = check(targets, bundled=not no_bundled)
    report = views.validate_object(catalog, problems)
    if as_json:
        sys.stdout.write(json_dumps(report) + "\n")
    else:
        for p in problems:
            sys.stdout.write(inert(str(p)) + "\n")
        summary = ", ".join(f"{n} {k}" for k, n in report["counts"].items())
        commands.note(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}" if problems else f"ok: {summary}")
    return ExitCode.NOT_FOUND if problems else ExitCode.OK


def schema(kind: str) -> int:
    from .query import parse_choice
    from .schema import SCHEMA_KINDS, json_schema

    kind = parse_choice(kind, SCHEMA_KINDS, "KIND")
    sys.stdout.write(json_dumps(json_schema(kind)) + "\n")
    return ExitCode.OK


def import_report(report: Any, output: Path | None, force: bool, show_unmapped: bool, data: Sequence[str] | None, no_bundled: bool) -> int:
    """Drop what the data already has, write the rest as TOML, and account for everything on stderr."""
    from .catalog import Catalog, load, user_paths
    from .export import to_toml
    from .importers import dedupe

    paths = user_paths(data or ())
    catalog = load(paths, bundled=not no_bundled) if (paths or not no_bundled) else Catalog()
    report = dedupe(report, catalog)
    counts = {k: len(v) for k, v in report.sections.items() if v}
    if not report.sections.get("models"):
        commands.note(f"nothing new to import ({len(report.duplicates)} models already present)")
        return ExitCode.NOT_FOUND
    write_output(to_toml(report.sections), output, force, ", ".join(f"{n} {k}" for k, n in counts.items()))
    commands.note(f"{len(report.duplicates)} already present (not duplicated), {len(report.unmapped)} values not mapped")
    shown = report.unmapped if show_unmapped else report.unmapped[:10]
    for line in shown:
        commands.note(f"not mapped: {line}")
    if len(shown) < len(report.unmapped):
        commands.note(f"... and {len(report.unmapped) - len(shown)} more (use --show-unmapped)")
    return ExitCode.OK
