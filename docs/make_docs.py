"""Regenerate the generated docs from the real CLI:

- docs/cli.md: every command's options, from the Typer/Click definitions;
- docs/usage.md: real runs against the bundled data, pasted unedited (100 columns, no colour);
- docs/landscape.svg: the picture in the README (`landscape stats --svg`).

    python docs/make_docs.py           # write them
    python docs/make_docs.py --check   # exit 1 if any is out of date (tests/test_docs.py does this)
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH = "100"

USAGE = [
    ("models: list, filter, sort", None),
    ("Which open-weight MoE models above 100B came out in 2025?", "models --open-weights --arch moe --min-params 100 --since 2025 --until 2025"),
    ("Filters combine with AND; a repeated filter means any of its values. `--org` includes the organisations under it (Google DeepMind under Google) unless `--exact-org`.", "models --org meta --family llama-2 --sort params_b --reverse"),
    ("Commercial use: `commercial` means the licence says yes; `commercial-conditional` adds licences with conditions (Llama's user cap, use policies).", "models --license-allows commercial --max-params 3 --since 2025-06 --json --columns id,params_b,license"),
    ("Search matches every word, in any order, across separators; a misspelling gets suggestions.", "models -s 'qwen 2.5' --columns id,name,release_date"),
    (None, "models -s deepsek"),
    (None, "models --open-weights --count"),
    (None, "models --country FR --open-weights --limit 5 --format markdown --columns id,name,release_date,license"),
    ("show: one record, everything known", None),
    (None, "show llama-2-70b"),
    ("An id that names a family or a prefix lists the models it matches.", "show mixtral"),
    (None, "show grok-1 --json"),
    ("compare: side by side", None),
    (None, "compare llama-2-70b mixtral-8x7b grok-1"),
    ("timeline: releases and events by year", None),
    ("Each model is marked open (✓) or closed (✗) as it was on that date; a later weights release is its own entry.", "timeline --since 2023-11 --until 2024-03 --org xai"),
    (None, "timeline --kind regulation --since 2025 --format csv"),
    ("The same as a picture: one lane per organisation, releases and events on a time axis.", "timeline --chart --since 2023"),
    ("stats: the landscape at a glance", None),
    (None, "stats"),
    (None, "stats --by country --open-weights"),
    ("lineage: what was built on what", None),
    (None, "lineage llama-2-7b"),
    ("orgs and licenses", None),
    (None, "orgs --country CN --sort open_weights --reverse --limit 6"),
    (None, "licenses --sort models --reverse"),
    ("info", None),
    (None, "info"),
    ("Your own data: validate, export, schema, import", None),
    ("See [own-data.md](own-data.md) for worked examples.", "validate data/models/meta.toml"),
    (None, "export --org mistral-ai --arch moe --models-only"),
    ("Bad input", None),
    (None, "models --since 20x3"),
    (None, "models --sort nosuchfield"),
    (None, "models --format yaml"),
]


def run(args: str, env: dict[str, str], cwd: Path = ROOT) -> str:
    """One real run through a shell (so a pipe in `args` works), as the same text in any checkout."""
    proc = subprocess.run(
        f"{shlex.quote(sys.executable)} -m openai_landscape {args}", shell=True, capture_output=True, text=True, env=env, cwd=cwd
    )
    return (proc.stdout + proc.stderr).replace(str(cwd) + "/", "").replace(str(ROOT), ".")


def sections(steps: list[tuple[str | None, str | None]], env: dict[str, str], cwd: Path = ROOT) -> list[str]:
    """Markdown for (text, command) steps: a heading when there is no command, else the text and a console block."""
    out: list[str] = []
    for text, command in steps:
        if command is None:
            out += [f"## {text}", ""]
            continue
        if text:
            out += [text, ""]
        out += ["```console", f"$ landscape {command}", run(command, env, cwd).rstrip("\n"), "```", ""]
    return out


def usage_md(env: dict[str, str]) -> str:
    from openai_landscape import views

    as_of = run("info --json", env).split('"as_of": "', 1)[1].split('"', 1)[0]
    out = [
        "# Using landscape",
        "",
        f"Every example below is a real run against the bundled dataset (as of {as_of}), at {WIDTH} columns without colour,",
        "pasted unedited. Regenerate with `python docs/make_docs.py`; `tests/test_docs.py` fails when this file is stale.",
        "",
    ]
    out += sections(USAGE, env)
    out += ["## How tables fit the terminal", ""]
    out += [
        "Tables follow `COLUMNS` (or the terminal's width, or 80). When a table is too wide, the columns with the",
        "highest priority number are hidden first (and named on stderr); the name or title column is never hidden:",
        "it shrinks with an ellipsis, never below its minimum. URLs and numbers are never cut. Headings are human",
        "words; JSON, CSV and Markdown keep the field names and raw values.",
        "",
    ]
    for name, columns in (
        ("models", views.MODEL_COLUMNS),
        ("timeline", views.TIMELINE_COLUMNS),
        ("orgs", views.ORG_COLUMNS),
        ("licenses", views.LICENSE_COLUMNS),
    ):
        cells = ", ".join(f"{c.heading} (`{c.key}`, {'flexible' if c.flex else c.priority})" for c in columns)
        out += [f"- `{name}`: {cells}"]
    return "\n".join(out) + "\n"


OUR_MODELS = """[[models]]
id = "acme-assistant-7b"
name = "Acme Assistant 7B"
organization = "meta"
base_model = "llama-2-7b"
base_relation = "finetune"
release_date = "2024-05"
access = "unreleased"
params_b = 7
sources = [{ url = "https://intranet.example.com/models/acme-assistant", kind = "developer" }]

[[models]]
id = "llama-2-70b"
notes = "Our evaluation copy lives on cluster B."
"""
BROKEN = """[[models]]
id = "x1"
name = "X1"
organization = "meta"
access = "api"
relase_date = "2024"
params_b = -7
sources = ["https://intranet.example.com/x1"]
"""
OWN_DATA = [
    ("Overlays: --data and LANDSCAPE_DATA", None),
    ("`--data PATH` (repeatable; a TOML file or a directory of them) works on every command that reads data, and `LANDSCAPE_DATA` holds a path list (`:`-separated, like `PATH`) read before `--data`. **Merge rules:** layers are applied in order: bundled data, then `LANDSCAPE_DATA` paths, then `--data` paths. A record whose id already exists is overridden *field by field* (a list replaces the list); a new id adds a record. Within one layer an id may appear only once. `--no-bundled` uses only your data. `show` lists every file:line a record came from under `origins`. The validated result is cached per set of inputs and rebuilt whenever any input file changes (see performance.md).\n\nA file `our-models.toml` adds an internal model and a note on a bundled one:\n\n```toml\n" + OUR_MODELS + "```", "validate our-models.toml"),
    (None, "show acme-assistant-7b --data our-models.toml"),
    (None, "show llama-2-70b --data our-models.toml --json --no-cache | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[\"notes\"]); print(d[\"origins\"])'"),
    ("validate", None),
    ("Checks files against the schema and the cross-record rules, together with the bundled data (so your files may refer to bundled organisations) unless `--no-bundled`. Every problem is reported as `file:line: record: field: message`; exit 0 when clean, 1 when not; `--json` for a report (with the source figures).\n\n```toml\n" + BROKEN + "```", "validate broken.toml"),
    ("export (models --format toml)", None),
    ("Takes every filter of `models`. TOML is written with tomli-w in the layout of `data/`, including (unless `--models-only`) the organisations, licences and models the models refer to (base, teacher, predecessor), so the file loads on its own: export, then reload with `--data`, gives identical records (a property test checks this on random datasets). `--output FILE` (`-o`) writes atomically, with the usual permissions, and refuses to replace a file without `--force`.", "export --org xai --open-weights --output xai.toml"),
    (None, "export --org xai --open-weights --output xai.toml"),
    (None, "models --no-bundled --data xai.toml --columns id,params_b,license"),
    (None, "models --family llama-2 --format csv --columns id,name,release_date,access,weights_gated"),
    ("schema", None),
    ("JSON Schema from the Pydantic models: `file` (a whole data file), `model`, `organization`, `event`, `software`, `license`, `benchmark`, `score`. The same files are in `docs/schema/`, kept in sync by a test; point your editor's TOML schema support at `docs/schema/file.schema.json`.", "schema model | head -8"),
    ("import models-dev", None),
    ("Reads a local checkout of the models.dev repository: lab files `models/<lab>/*.toml` and provider files `providers/<p>/models/*.toml`. A provider file whose `base_model` points at a lab model is that model served elsewhere and is not imported again. Models already in your data (matched by id, name or alias) are skipped, organisations the data lacks are created, and everything that could not be mapped is listed on stderr. The example uses the small fixture tree in `tests/fixtures/models-dev`.", "import models-dev tests/fixtures/models-dev --output models-dev.toml"),
    (None, "validate models-dev.toml"),
    ("import epoch", None),
    ("Reads Epoch AI's models CSV (columns Model, Organization, Publication date, Parameters, Model accessibility, Country (of organization), Link, ...). Accessibility values map onto our `access` values, parameter counts to billions, countries to ISO codes where certain.", "import epoch tests/fixtures/epoch/models.csv --output epoch.toml"),
    (None, "models --data epoch.toml --search epoch --columns id,organization,release_date,access,params_b"),
]


def own_data_md(env: dict[str, str], tmp: Path) -> str:
    """Real runs in a scratch directory holding the example files and copies of the fixtures."""
    import shutil

    work = tmp / "own-data"
    (work / "tests" / "fixtures").mkdir(parents=True)
    for name in ("models-dev", "epoch"):
        shutil.copytree(ROOT / "tests" / "fixtures" / name, work / "tests" / "fixtures" / name)
    (work / "our-models.toml").write_text(OUR_MODELS, encoding="utf-8")
    (work / "broken.toml").write_text(BROKEN, encoding="utf-8")
    out = ["# Bring your own data", "", "Your files are merged over the bundled data; nothing in the package changes. All output below is from real runs", "(regenerated by `python docs/make_docs.py`).", ""]
    out += sections(OWN_DATA, env, work)
    return "\n".join(out)


def cli_md() -> str:
    import typer.main

    from openai_landscape.cli import app

    group = typer.main.get_command(app)
    out = [
        "# Command reference",
        "",
        "Generated from the command definitions by `python docs/make_docs.py`. `landscape COMMAND --help` prints",
        "the same. Exit codes and error lines: [errors.md](errors.md). JSON shapes: [json.md](json.md).",
        "",
    ]

    def command_doc(path: str, cmd: object) -> None:
        out.extend([f"## landscape {path}", ""])
        help_text = (getattr(cmd, "help", None) or "").strip()
        if help_text:
            out.extend([help_text, ""])
        rows = []
        for p in getattr(cmd, "params", []):
            if getattr(p, "param_type_name", "") == "argument":
                rows.append((p.name.upper(), (getattr(p, "help", "") or "").strip()))
                continue
            flags = ", ".join([*p.opts, *getattr(p, "secondary_opts", [])])
            rows.append((flags, (getattr(p, "help", "") or "").strip()))
        if rows:
            out.extend(["| option | meaning |", "|---|---|"])
            out.extend(f"| `{f}` | {h.replace('|', '/')} |" for f, h in rows)
            out.append("")
        epilog = (getattr(cmd, "epilog", None) or "").strip()
        if epilog:
            out.extend(["```text", epilog, "```", ""])

    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        if subs:
            for sub_name, sub in subs.items():
                command_doc(f"{name} {sub_name}", sub)
        else:
            command_doc(name, cmd)
    return "\n".join(out)


def figure_svg(env: dict[str, str], tmp: Path) -> str:
    target = tmp / "landscape.svg"
    run(f"stats --svg {target}", env)
    return target.read_text(encoding="utf-8")


def generate() -> dict[Path, str]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("LANDSCAPE_DATA", "FORCE_COLOR")}
        env.update(NO_COLOR="1", COLUMNS=WIDTH, XDG_CACHE_HOME=str(Path(tmp) / "cache"))
        return {
            ROOT / "docs" / "cli.md": cli_md(),
            ROOT / "docs" / "usage.md": usage_md(env),
            ROOT / "docs" / "landscape.svg": figure_svg(env, Path(tmp)),
            ROOT / "docs" / "own-data.md": own_data_md(env, Path(tmp)),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files instead of writing them")
    args = parser.parse_args()
    stale = []
    files = generate()
    # Not in generate(): what it holds depends on the installed pydantic-core, and
    # tests/test_dictvalidation.py checks it against schema.py for that version.
    from openai_landscape import dictvalidation

    files[Path(dictvalidation.__file__).with_name(dictvalidation.GENERATED)] = dictvalidation.render_module()
    for path, text in files.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path.relative_to(ROOT))
            if not args.check:
                path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("out of date: " + ", ".join(map(str, stale)) + " (run python docs/make_docs.py)")
        sys.exit(1)
    print("up to date" if not stale else "wrote " + ", ".join(map(str, stale)))


if __name__ == "__main__":
    main()
