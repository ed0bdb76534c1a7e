"""Nothing from data drives the terminal: markup, escapes and bidi controls come out inert."""

import json
import re

import pytest

from .conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"
PAYLOADS = ["\x1b[2J", "\x1b]0;", "\x07", "\x1b[31m", "\x1b]8;", "\u202e", "\x9b", "\x1b[1A"]
COMMANDS = [
    ["models"],
    ["models", "--format", "csv"],
    ["models", "--format", "markdown"],
    ["models", "--format", "jsonl"],
    ["models", "--json"],
    ["show", "evil-model"],
    ["show", "evil-model", "--json"],
    ["show", "evil-org"],
    ["show", "evil-event"],
    ["show", "evil-license-x"],
    ["compare", "evil-model", "plain-model"],
    ["timeline"],
    ["orgs"],
    ["export"],
    ["export", "--format", "csv"],
    ["licenses"],
    ["stats"],
    ["stats", "--by", "org"],
    ["lineage", "evil-model"],
    ["timeline", "--chart"],
]


@pytest.mark.parametrize("force_color", [False, True])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_payload_reaches_the_terminal(run, monkeypatch, args, force_color):
    if force_color:
        monkeypatch.delenv("NO_COLOR")
        monkeypatch.setenv("FORCE_COLOR", "1")
    result = run(*args, "--no-bundled", "--data", str(HOSTILE), mini=False, code=None)
    assert result.exit_code in (0, 1), result.stderr
    for stream in (result.stdout, result.stderr):
        for payload in PAYLOADS:
            assert payload not in stream, (payload, stream)


def test_markup_is_shown_literally_in_tables(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    out = run("show", "evil-model", "--no-bundled", "--data", str(HOSTILE), mini=False).stdout
    assert "[bold red]Evil[/bold red] \\x1b[31mRed\\x1b[0m" in out
    assert "\\u202egnp.exe :emoji: [i]x[/i]" in out
    assert re.search(r"Line one *\n", out)  # multi-line notes keep their newline


def test_json_escapes_controls_and_round_trips_the_exact_string(run):
    result = run("show", "evil-model", "--json", "--no-bundled", "--data", str(HOSTILE), mini=False)
    assert "\\u001b[31m" in result.stdout and "\\u202e" in result.stdout and "\\u009b" in result.stdout
    data = json.loads(result.stdout)
    assert data["name"] == "[bold red]Evil[/bold red] \x1b[31mRed\x1b[0m"
    assert data["aliases"] == ["\x9b31mC1"]


def test_error_messages_are_inert_too(run):
    result = run("show", "\x1b[2Jnope\u202e", "--no-bundled", "--data", str(HOSTILE), mini=False, code=1)
    assert "\\x1b[2Jnope\\u202e" in result.stderr
    assert "\x1b" not in result.stderr


def test_validate_messages_are_inert(run, write_toml):
    path = write_toml("bad.toml", '[[models]]\nid = "x"\nname = "n"\norganization = "o"\naccess = "api"\nsources = ["https://e.org"]\n"\\u001b[2Jevil" = 1\n')
    result = run("validate", str(path), "--no-bundled", mini=False, code=1)
    assert "\x1b" not in result.stdout and "\\x1b[2Jevil" in result.stdout
