"""The console entry: run the common invocations without importing Typer, hand the rest to it.

Starting Typer (and through it Click and Pydantic) costs more than answering a query from the
cache, so `landscape models --open-weights --json` and its like are parsed here, against a
table of the options each command takes, and run through the same `commands` functions and
the same error edge as the Typer CLI. Anything this parser does not fully understand (help,
completion, an unknown or malformed option, a command it does not know) goes to Typer, which
then answers exactly as it always would. `tests/test_fastpath.py` holds both paths to the
same output over many invocations and checks this table against the Typer commands.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

FORMATS = ("table", "json", "jsonl", "csv", "markdown")

# kind: "flag" (True), "off" (False), "value" (str), "multi" (repeatable str), "int", "format"
_DATA = {"--data": ("data", "multi"), "-d": ("data", "multi"), "--no-bundled": ("no_bundled", "flag"), "--no-cache": ("no_cache", "flag")}
_OUTPUT = {"--format": ("fmt", "format"), "-f": ("fmt", "format"), "--json": ("as_json", "flag")}
_COLUMNS = {"--columns": ("columns", "value"), "-c": ("columns", "value")}
_SORTING = {"--reverse": ("reverse", "flag"), "-r": ("reverse", "flag"), "--limit": ("limit", "int"), "-n": ("limit", "int")}
_ORG = {"--org": ("org", "multi"), "--exact-org": ("exclude_child_orgs", "flag")}

OPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "models": {
        "--open-weights": ("open_weights", "flag"),
        "--closed": ("closed", "flag"),
        "--open-source": ("open_source", "flag"),
        **_ORG,
        "--country": ("country", "multi"),
        "--since": ("since", "value"),
        "--until": ("until", "value"),
        "--license": ("license", "value"),
        "--license-allows": ("license_allows", "value"),
        "--arch": ("arch", "value"),
        "--access": ("access", "multi"),
        "--gated": ("gated", "flag"),
        "--ungated": ("gated", "off"),
        "--min-params": ("min_params", "value"),
        "--max-params": ("max_params", "value"),
        "--min-context": ("min_context", "value"),
        "--modality": ("modality", "value"),
        "--family": ("family", "value"),
        "--base-model": ("base_model", "value"),
        "--search": ("search", "value"),
        "-s": ("search", "value"),
        "--primary-sources-only": ("primary_sources_only", "flag"),
        "--sort": ("sort", "value"),
        "--count": ("count", "flag"),
        **_SORTING,
        **_OUTPUT,
        **_COLUMNS,
        **_DATA,
    },
    "show": {**_OUTPUT, **_DATA},
    "compare": {**_OUTPUT, "--diff": ("only_differences", "flag"), "--scores": ("scores", "value"), **_DATA},
    "timeline": {
        "--since": ("since", "value"),
        "--until": ("until", "value"),
        "--kind": ("kind", "multi"),
        "-k": ("kind", "multi"),
        **_ORG,
        "--open-weights": ("open_weights", "flag"),
        "--chart": ("chart", "flag"),
        "--lanes": ("lanes", "value"),
        "--max-lanes": ("max_lanes", "int"),
        **_SORTING,
        **_OUTPUT,
        **_COLUMNS,
        **_DATA,
    },
    "orgs": {
        "--country": ("country", "multi"),
        "--kind": ("kind", "value"),
        "--search": ("search", "value"),
        "-s": ("search", "value"),
        "--sort": ("sort", "value"),
        **_SORTING,
        **_OUTPUT,
        **_COLUMNS,
        **_DATA,
    },
    "licenses": {
        "--osi": ("osi", "flag"),
        "--not-osi": ("osi", "off"),
        "--commercial": ("commercial", "value"),
        "--sort": ("sort", "value"),
        "--reverse": ("reverse", "flag"),
        "-r": ("reverse", "flag"),
        **_OUTPUT,
        **_COLUMNS,
        **_DATA,
    },
    "info": {**_OUTPUT, **_DATA},
}
#: Positional arguments: (destination, how many: "one" or "many").
POSITIONALS = {"show": ("ident", "one"), "compare": ("ids", "many")}


def parse(argv: Sequence[str]) -> tuple[str, dict[str, Any]] | None:
    """(command, keyword arguments) for an invocation this path fully understands, else None."""
    if not argv or argv[0] not in OPTIONS:
        return None
    command, spec = argv[0], OPTIONS[argv[0]]
    kwargs: dict[str, Any] = {}
    positionals: list[str] = []
    tokens = list(argv[1:])
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token.startswith("-") and token != "-":
            name, eq, inline = token.partition("=")
            if name not in spec:
                return None  # --help, an unknown option, a bundle of short flags: Typer's job
            dest, kind = spec[name]
            if kind in ("flag", "off"):
                if eq:
                    return None
                kwargs[dest] = kind == "flag"
                continue
            if eq:
                value = inline
            elif i < len(tokens):
                value = tokens[i]
                i += 1
            else:
                return None
            if kind == "multi":
                kwargs.setdefault(dest, []).append(value)
            elif kind == "int":
                if not value.isdigit():
                    return None
                kwargs[dest] = int(value)
            elif kind == "format":
                if value.lower() not in FORMATS:
                    return None
                kwargs[dest] = value.lower()
            else:
                kwargs[dest] = value
        else:
            positionals.append(token)
    want = POSITIONALS.get(command)
    if want is None:
        if positionals:
            return None
    elif want[1] == "one":
        if len(positionals) != 1:
            return None
        kwargs[want[0]] = positionals[0]
    else:
        if not positionals:
            return None
        kwargs[want[0]] = positionals
    return command, kwargs


def run_fast(command: str, kwargs: dict[str, Any]) -> int:
    from . import commands
    from .errors import guard

    return guard(lambda: getattr(commands, command)(**kwargs), debug=bool(os.environ.get("LANDSCAPE_DEBUG")))


def main(argv: Sequence[str] | None = None) -> None:
    """`landscape` and `python -m openai_landscape`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        from . import __version__

        sys.stdout.write(f"landscape {__version__}\n")
        sys.exit(0)
    plan = None if sys.stdout is None or os.environ.get("_LANDSCAPE_COMPLETE") else parse(args)
    if plan is None:
        from .cli import app

        app(args=args, prog_name="landscape")
        return
    code = run_fast(*plan)
    sys.exit(code)
