"""The docs name every command, and the README keeps its two fresh-machine commands."""

from pathlib import Path

import typer.main

from openai_landscape.cli import app

ROOT = Path(__file__).parent.parent


def commands():
    group = typer.main.get_command(app)
    names = []
    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        names += [f"{name} {s}" for s in subs] if subs else [name]
    return names


def test_every_command_appears_in_the_docs():
    text = (ROOT / "docs" / "cli.md").read_text() + (ROOT / "docs" / "usage.md").read_text()
    missing = [c for c in commands() if f"landscape {c}" not in text]
    assert missing == []


def test_generated_docs_are_current():
    """docs/cli.md (every --help), docs/usage.md (real runs) and the README picture, as cog checks them."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "docs" / "make_docs.py")
    make_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_docs)
    stale = [str(p.relative_to(ROOT)) for p, text in make_docs.generate().items() if not p.exists() or p.read_text() != text]
    assert stale == [], "run: python docs/make_docs.py"


def test_readme_first_screen_has_the_install_and_test_commands():
    first_screen = "\n".join((ROOT / "README.md").read_text().splitlines()[:20])
    assert "pip install . && landscape models --open-weights" in first_screen
    assert 'pip install -e ".[test]" && pytest' in first_screen
    assert "pytest" in (ROOT / ".ci" / "run").read_text()
