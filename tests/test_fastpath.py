"""The start-up path answers exactly as Typer does, and hands Typer everything it does not know."""

import io
import itertools
import sys

import pytest
import typer.main

from openai_landscape import fastpath
from openai_landscape.cli import app

from .conftest import MINI

BASE = ["--no-bundled", "--data", str(MINI)]
INVOCATIONS = [
    *[["models", *f] for f in (
        [], ["--open-weights"], ["--closed"], ["--json"], ["--format", "jsonl"], ["--format", "CSV"], ["-f", "markdown"],
        ["--org", "acme"], ["--org", "acme", "--org", "bleu", "--sort", "id"], ["--country", "fr"], ["--since", "2023-07"],
        ["--until", "2023"], ["--arch", "moe", "--min-params", "100"], ["--max-params", "10"], ["--license", "apache"],
        ["--license-allows", "commercial"], ["--license-allows", "commercial-conditional"], ["--open-source"],
        ["--modality", "image"], ["--search", "FAST"], ["-s", "bleu 7b"], ["--sort", "params_b", "--reverse"],
        ["-n", "2"], ["--limit=3"], ["--columns", "id,params_b"], ["-c", "id,name", "--json"], ["--count"],
        ["--access", "open-restricted", "--access", "api"], ["--gated"], ["--ungated"], ["--min-context", "8k"],
        ["--family", "BLEU"], ["--base-model", "acme-1-7b"], ["--primary-sources-only"], ["--exact-org", "--org", "acme"],
        # errors and empty results go through the same edge
        ["--open-weights", "--closed"], ["--since", "20x3"], ["--sort", "nosuchfield"], ["--org", "blue"],
        ["--columns", "nosuch"], ["--search", "zzzz"], ["--min-params", "abc"], ["--arch", "dens"],
    )],
    ["show", "acme-2-70b"], ["show", "ACME-2-70B", "--json"], ["show", "bleu"], ["show", "acme-1-leak"],
    ["show", "apache-2.0"], ["show", "acme-2-7b"], ["show", "bleu-7b", "-f", "csv"], ["show", "acme"],
    ["compare", "bleu-7b", "bleu-moe"], ["compare", "bleu-7b", "bleu-moe", "--diff", "--json"],
    ["compare", "bleu-7b"], ["compare", "bleu-7b", "nosuch"], ["compare", "bleu-7b", "acme-2-70b", "-f", "csv"],
    ["timeline"], ["timeline", "--since", "2024", "--org", "dragon"], ["timeline", "--kind", "leak", "-k", "regulation"],
    ["timeline", "--open-weights", "--json"], ["timeline", "--kind", "lek"], ["timeline", "-r", "-n", "3"],
    ["timeline", "--chart"], ["timeline", "--chart", "--lanes", "access", "--since", "2023"], ["timeline", "--chart", "--json"],
    ["timeline", "--chart", "--max-lanes", "2"], ["timeline", "--chart", "--lanes", "nope"],
    ["orgs"], ["orgs", "--country", "cn", "--json"], ["orgs", "--sort", "open_weights", "--reverse"], ["orgs", "--kind", "labb"],
    ["licenses"], ["licenses", "--osi", "--json"], ["licenses", "--sort", "models", "-r"], ["info"], ["info", "--json"],
]
WIDTHS = ["80", "120", "200"]


def run_typer(runner, argv):
    result = runner.invoke(app, argv, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def run_fast(argv, monkeypatch):
    plan = fastpath.parse(argv)
    assert plan is not None, argv
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = fastpath.run_fast(*plan)
    monkeypatch.undo()
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("argv", "width"), list(itertools.product(INVOCATIONS, WIDTHS)), ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_fast_path_output_is_identical_to_typer(argv, width, monkeypatch):
    from typer.testing import CliRunner

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", width)
    monkeypatch.delenv("LANDSCAPE_DATA", raising=False)
    full = [*argv, *BASE]
    expected = run_typer(CliRunner(), full)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", width)
    assert run_fast(full, monkeypatch) == expected


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"], ["models", "--help"], ["models", "-h"], ["models", "--nosuch"], ["models", "-rn", "3"],
        ["models", "--limit", "-1"], ["models", "--limit"], ["models", "--format", "yaml"], ["models", "--format", "toml"],
        ["models", "--output", "x.toml"], ["export"], ["validate"], ["schema"], ["show"], ["show", "a", "b"],
        ["compare"], ["models", "extra"], ["--debug", "models"], ["import", "epoch", "x.csv"], [], ["models", "--json=yes"],
    ],
)
def test_what_the_fast_path_does_not_know_goes_to_typer(argv):
    assert fastpath.parse(argv) is None


def test_the_option_table_matches_the_typer_commands():
    group = typer.main.get_command(app)
    for name, spec in fastpath.OPTIONS.items():
        params = {p.name: p for p in group.commands[name].params}
        for flag, (dest, kind) in spec.items():
            owner = [p for p in params.values() if flag in (*p.opts, *getattr(p, "secondary_opts", []))]
            assert owner, (name, flag)
            param = owner[0]
            assert {"exclude_child_orgs": "exact_org"}.get(dest, dest) == param.name, (name, flag)
            takes_value = not getattr(param, "is_flag", False)
            assert takes_value == (kind in ("value", "multi", "int", "format")), (name, flag)
            assert bool(getattr(param, "multiple", False)) == (kind == "multi"), (name, flag)
        # every option of the command is known to the fast path, except the ones it leaves to Typer
        left_to_typer = {"help", "output", "force", "references", "fmt"} if name == "models" else {"help", "svg", "html", "force"}
        unknown = {
            p.name for p in params.values()
            if getattr(p, "param_type_name", "") == "option" and not any(o in spec for o in p.opts) and p.name not in left_to_typer
        }
        assert unknown == set(), name
