"""validate, export, schema and the --data / LANDSCAPE_DATA overlay, through the CLI."""

import json
from pathlib import Path

from openai_landscape.catalog import load
from openai_landscape.schema import SCHEMA_KINDS, json_schema

from .conftest import MINI

DOCS_SCHEMA = Path(__file__).parent.parent / "docs" / "schema"


def test_validate_clean_fixture_exits_0(run):
    result = run("validate", str(MINI), "--no-bundled", mini=False)
    assert result.stdout == ""
    assert "ok: 7 models" in result.stderr


def test_validate_reports_every_problem_with_location(run, write_toml):
    path = write_toml(
        "bad.toml",
        '[[models]]\nid = "x1"\nname = "X1"\norganization = "acme"\naccess = "api"\nrelase_date = "2023"\nsources = ["https://e.org"]\n'
        '\n[[models]]\nid = "x2"\nname = "X2"\norganization = "nobody"\naccess = "api"\nsources = ["https://e.org"]\n',
    )
    result = run("validate", str(path), "--data", str(MINI), "--no-bundled", mini=False, code=1)
    assert result.stdout.splitlines() == [
        f"{path}:6: x1: relase_date: unknown field (did you mean release_date?)",
        f"{path}:12: x2: organization: unknown organization 'nobody'",
    ]
    assert "2 problems" in result.stderr


def test_validate_json_report(run, write_toml):
    path = write_toml("bad.toml", '[[models]]\nid = "x1"\n')
    data = json.loads(run("validate", str(path), "--no-bundled", "--json", mini=False, code=1).stdout)
    assert data["ok"] is False
    assert {p["field"] for p in data["problems"]} == {"name", "organization", "access", "sources"}
    assert all(p["file"] == str(path) and p["line"] == 1 and p["record"] == "x1" for p in data["problems"])


def test_data_overlay_overrides_field_by_field_and_show_says_where(run, write_toml):
    over = write_toml("over.toml", '[[models]]\nid = "bleu-7b"\nparams_b = 7.25\n')
    data = run.json("show", "bleu-7b", "--no-bundled", "--data", str(MINI), "--data", str(over), mini=False)
    assert data["params_b"] == 7.25 and data["context_length"] == 8192
    assert data["origins"][-1] == f"{over}:1"


def test_landscape_data_env_is_a_path_list(run, write_toml, monkeypatch):
    extra = write_toml(
        "extra.toml",
        '[[models]]\nid = "in-house"\nname = "In-house 3B"\norganization = "acme"\naccess = "unreleased"\nparams_b = 3\nsources = ["https://intranet.example/m"]\n',
    )
    monkeypatch.setenv("LANDSCAPE_DATA", f"{MINI}:{extra}")
    rows = run.json("models", "--no-bundled", "--search", "in-house", mini=False)
    assert [r["id"] for r in rows] == ["in-house"]


def test_export_toml_round_trips(run, tmp_path):
    out = tmp_path / "export.toml"
    run("export", "--open-weights", "--output", str(out))
    original = load([MINI], bundled=False)
    again = load([out], bundled=False)
    assert set(again.models) == {"acme-1-7b", "acme-2-70b", "bleu-7b", "bleu-moe", "dragon-r"}
    for mid, model in again.models.items():
        assert model == original.models[mid]
    assert again.organizations == {k: v for k, v in original.organizations.items() if k in again.organizations}


def test_export_refuses_to_overwrite_without_force(run, tmp_path):
    out = tmp_path / "keep.toml"
    out.write_text("precious = true\n")
    result = run("export", "--output", str(out), code=2)
    assert "already exists; use --force" in result.stderr
    assert out.read_text() == "precious = true\n"
    run("export", "--output", str(out), "--force", "--arch", "moe")
    assert "bleu-moe" in out.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["keep.toml"]


def test_export_models_only_and_other_formats(run):
    toml_text = run("export", "--arch", "moe", "--models-only").stdout
    assert "[[organizations]]" not in toml_text and toml_text.count("[[models]]") == 2
    rows = json.loads(run("export", "--arch", "moe", "--format", "json").stdout)
    assert [r["id"] for r in rows] == ["bleu-moe", "dragon-r"]
    assert run("export", "--arch", "moe", "--format", "csv").stdout.startswith("id,name,aliases,organization,")


def test_export_with_no_match_writes_nothing(run, tmp_path):
    out = tmp_path / "none.toml"
    run("export", "--min-params", "99999", "--output", str(out), code=1)
    assert not out.exists()


def test_schema_command_prints_pydantic_json_schema(run):
    data = json.loads(run("schema", "model", mini=False).stdout)
    assert data["title"] == "Model"
    assert "release_date" in data["properties"] and data["additionalProperties"] is False
    assert "sources" in data["required"]


def test_docs_schema_files_are_in_sync():
    """docs/schema/*.json are generated: `landscape schema KIND > docs/schema/KIND.schema.json`."""
    for kind in SCHEMA_KINDS:
        on_disk = json.loads((DOCS_SCHEMA / f"{kind}.schema.json").read_text())
        assert on_disk == json_schema(kind), f"regenerate docs/schema/{kind}.schema.json"


def test_import_bad_inputs_are_one_line_errors(run, tmp_path):
    missing = run("import", "epoch", str(tmp_path / "nope.csv"), "--no-bundled", mini=False, code=2)
    assert missing.stderr.count("\n") == 1 and "nope.csv" in missing.stderr
    not_repo = run("import", "models-dev", str(tmp_path), "--no-bundled", mini=False, code=2)
    assert not_repo.stderr.count("\n") == 1 and str(tmp_path) in not_repo.stderr


def test_import_writes_toml_that_validates_and_refuses_to_overwrite(run, tmp_path):
    fixtures = Path(__file__).parent / "fixtures"
    out = tmp_path / "epoch.toml"
    result = run("import", "epoch", str(fixtures / "epoch" / "models.csv"), "--output", str(out), "--data", str(MINI), "--no-bundled", mini=False)
    assert "already present" in result.stderr
    assert "acme-2-70b" not in out.read_text()  # the fixture already has it: not duplicated
    run("validate", str(MINI), str(out), "--no-bundled", mini=False)
    again = run("import", "epoch", str(fixtures / "epoch" / "models.csv"), "--output", str(out), "--no-bundled", mini=False, code=2)
    assert "already exists; use --force" in again.stderr
