from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from openai_landscape.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"


class Run:
    """Runs the real CLI in-process with a pinned terminal: no colour, 100 columns."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("NO_COLOR", "1")
        monkeypatch.setenv("COLUMNS", "100")
        monkeypatch.delenv("LANDSCAPE_DATA", raising=False)
        monkeypatch.delenv("FORCE_COLOR", raising=False)
        self.runner = CliRunner()

    def __call__(self, *args: str, mini: bool = True, code: int | None = 0):
        argv = [*args, "--no-bundled", "--data", str(MINI)] if mini else list(args)
        result = self.runner.invoke(app, argv, catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
        return result

    def json(self, *args: str, **kw):
        return json.loads(self(*args, "--json", **kw).stdout)


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Tests never read or write the user's cache."""
    import os

    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    return Run(monkeypatch)


@pytest.fixture
def write_toml(tmp_path: Path):
    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write
