"""What each kind of invocation imports, in a fresh interpreter (as Typer's own test does):
start-up cost is mostly imports, so these pin it without timing anything."""

import json
import os
import subprocess
import sys

import pytest

from .conftest import MINI

PROBE = """
import json, sys
from openai_landscape import fastpath
try:
    fastpath.main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write("\\nMODULES:" + json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("typer", "pydantic", "pydantic_core", "rich", "tomli", "click"))))
"""


def imported(tmp_path, *argv):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("LANDSCAPE_DATA", None)
    cmd = [sys.executable, "-c", PROBE, *argv]
    subprocess.run(cmd, capture_output=True, env=env, check=False)  # warm the cache
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    return {m.split(".")[0] for m in json.loads(result.stderr.rsplit("MODULES:", 1)[1])}


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["models", "--open-weights", "--json"],
        ["models", "--format", "jsonl"],
        ["models", "--format", "csv"],
        ["models"],
        ["show", "llama-2-70b"],
        ["compare", "llama-2-70b", "mixtral-8x7b"],
        ["timeline", "--since", "2025"],
    ],
)
def test_common_invocations_import_neither_typer_nor_pydantic_nor_rich(tmp_path, argv):
    assert imported(tmp_path, *argv) == set()


def test_user_data_on_a_warm_cache_needs_no_toml_parser_either(tmp_path):
    assert imported(tmp_path, "models", "--json", "--no-bundled", "--data", str(MINI)) == set()


def test_help_goes_through_typer_without_pydantic(tmp_path):
    assert imported(tmp_path, "--help") & {"pydantic", "pydantic_core"} == set()
    assert "typer" in imported(tmp_path, "models", "--help")
