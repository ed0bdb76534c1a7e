"""Loading, merging and the cross-record rules, through the library (no terminal)."""

import datetime as dt

import pytest

from openai_landscape.catalog import check, load
from openai_landscape.errors import DataProblems, NotFoundError

from .conftest import MINI

ORG = """
[[organizations]]
id = "acme"
name = "Acme"
sources = ["https://example.org/acme"]
"""
LIC = """
[[licenses]]
id = "mit"
name = "MIT"
osi_approved = true
sources = ["https://example.org/mit"]
"""


def model(mid: str, **fields) -> str:
    lines = ["[[models]]", f'id = "{mid}"', f'name = "{mid.title()}"', 'organization = "acme"', 'access = "api"']
    fields.setdefault("sources", ["https://example.org/x"])
    for key, value in fields.items():
        if isinstance(value, str):
            value = f'"{value}"'
        elif isinstance(value, list):
            value = "[" + ", ".join(f'"{v}"' for v in value) + "]"
        elif isinstance(value, bool):
            value = str(value).lower()
        lines = [line for line in lines if not line.startswith(f"{key} =")]
        lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


def problems_of(write_toml, text, name="d.toml", **kw):
    path = write_toml(name, ORG + LIC + text)
    _, problems = check([path], bundled=False, **kw)
    return [str(p) for p in problems], str(path)


def test_the_fixture_loads_cleanly():
    catalog = load([MINI], bundled=False)
    assert len(catalog.models) == 7 and catalog.as_of() == "2025-06-30"


def test_problem_names_file_line_record_and_field(write_toml):
    problems, path = problems_of(write_toml, model("m1", params_b=-3))
    assert problems == [f"{path}:17: m1: params_b: Input should be greater than 0 (got -3)"]


def test_misspelt_field_gets_did_you_mean(write_toml):
    problems, path = problems_of(write_toml, model("m1", relase_date="2023"))
    assert problems == [f"{path}:17: m1: relase_date: unknown field (did you mean release_date?)"]


def test_every_problem_is_reported_not_just_the_first(write_toml):
    text = model("m1", release_date="2023-02-30") + model("m2", context_length="long") + model("m3", organization="nobody")
    problems, _ = problems_of(write_toml, text)
    assert len(problems) == 3
    assert "not a real date" in problems[0]
    assert "m2: context_length" in problems[1]
    assert "m3: organization: unknown organization 'nobody'" in problems[2]


def test_duplicate_ids_within_and_across_files(write_toml):
    problems, path = problems_of(write_toml, model("m1") + model("m1"))
    assert problems == [f"{path}:19: m1: id: duplicate model id, first defined at {path}:12"]
    a = write_toml("a/one.toml", ORG + model("m1"))
    write_toml("a/two.toml", model("m1"))
    _, problems = check([a.parent], bundled=False)
    assert [p.field for p in problems] == ["id"] and "duplicate model id" in str(problems[0])


def test_id_shared_by_a_model_and_an_organisation_is_an_error(write_toml):
    problems, _ = problems_of(write_toml, model("acme"))
    assert any("acme: id: id is also used by a model" in p for p in problems)


def test_dangling_references(write_toml):
    text = model("m1", base_model="nope", license="gpl-9") + """
[[events]]
id = "e1"
date = "2023"
kind = "leak"
title = "A leak"
models = ["ghost"]
organizations = ["acme", "nobody"]
sources = ["https://example.org/e"]
"""
    problems, _ = problems_of(write_toml, text)
    assert any("m1: license: unknown license 'gpl-9'" in p for p in problems)
    assert any("m1: base_model: unknown model 'nope'" in p for p in problems)
    assert any("e1: models: unknown model 'ghost'" in p for p in problems)
    assert any("e1: organizations: unknown organization 'nobody'" in p for p in problems)


def test_base_model_cycle_is_reported_once(write_toml):
    problems, _ = problems_of(write_toml, model("m1", base_model="m2") + model("m2", base_model="m3") + model("m3", base_model="m1"))
    assert len(problems) == 1 and "base_model cycle: m1 -> m2 -> m3 -> m1" in problems[0]


def test_active_params_cannot_exceed_total(write_toml):
    problems, _ = problems_of(write_toml, model("m1", params_b=10, active_params_b=20))
    assert problems and "active_params_b (20.0) exceeds params_b (10.0)" in problems[0]


def test_open_weights_require_a_license(write_toml):
    problems, _ = problems_of(write_toml, model("m1", access="open-unrestricted"))
    assert problems and "m1: license: access is open-unrestricted: open weights need a license" in problems[0]


def test_dates_in_the_future_are_rejected(write_toml):
    problems, _ = problems_of(write_toml, model("m1", release_date="2031-01"), today=dt.date(2026, 1, 1))
    assert problems and "2031-01 is in the future" in problems[0]


def test_same_model_twice_under_two_ids(write_toml):
    text = model("m1", name="Big Model 7B") + model("m2", name="big-model 7b")
    problems, _ = problems_of(write_toml, text)
    assert problems and "same model as 'm1'" in problems[0]


def test_malformed_toml_has_a_line(write_toml):
    path = write_toml("bad.toml", '[[models]]\nid = "x"\nname = \n')
    _, problems = check([path], bundled=False)
    assert len(problems) == 1 and problems[0].line == 3 and "malformed TOML" in problems[0].message


def test_tomli_decides_what_the_fast_parser_refuses():
    """rtoml parses; tomli has the last word, so its verdicts and messages are the ones users see."""
    from openai_landscape.datafiles import DataError, parse_toml

    assert parse_toml("a = 1e400\n", "f.toml") == {"a": float("inf")}  # rtoml refuses, tomli accepts
    assert parse_toml('[x]\nid = "a"\n', "f.toml") == {"x": {"id": "a"}}
    with pytest.raises(DataError, match=r"malformed TOML: .*\(column \d+\)") as err:
        parse_toml("a = 1\na = 2\n", "f.toml")
    assert err.value.line == 2


def test_unreadable_paths(write_toml, tmp_path):
    empty = write_toml("empty.toml", "")
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"id = \"\xff\xfe\"\n")
    (tmp_path / "nothing").mkdir()
    _, problems = check([empty, binary, tmp_path / "missing.toml", tmp_path / "nothing"], bundled=False)
    messages = [str(p) for p in problems]
    assert any("empty.toml:1: file holds no records" in m for m in messages)
    assert any("bin.toml:1: not UTF-8 text" in m for m in messages)
    assert any("missing.toml: no such file or directory" in m for m in messages)
    assert any("nothing: directory holds no .toml files" in m for m in messages)


def test_unknown_section_suggests(write_toml):
    path = write_toml("s.toml", '[[model]]\nid = "x"\n')
    _, problems = check([path], bundled=False)
    assert "unknown section (did you mean models?)" in str(problems[0])


def test_later_layer_overrides_field_by_field(write_toml):
    base = write_toml("base.toml", ORG + model("m1", params_b=7, context_length=2048))
    over = write_toml("over.toml", '[[models]]\nid = "m1"\nparams_b = 8\n')
    catalog = load([base, over], bundled=False)
    m = catalog.models["m1"]
    assert (m["params_b"], m["context_length"]) == (8, 2048)
    assert [o.split(":")[0] for o in catalog.origins[("models", "m1")]] == [str(base), str(over)]


def test_load_raises_with_the_first_problem_and_a_count(write_toml):
    path = write_toml("d.toml", ORG + model("m1", params_b=-1) + model("m2", params_b=-2))
    with pytest.raises(DataProblems) as info:
        load([path], bundled=False)
    assert "and 1 more problem" in str(info.value) and len(info.value.problems) == 2


def test_find_by_alias_and_suggestions():
    catalog = load([MINI], bundled=False)
    assert catalog.find_model("ACME1-7B")["id"] == "acme-1-7b"
    assert catalog.find_organization("Acme AI")["id"] == "acme"
    with pytest.raises(NotFoundError, match="did you mean dragon-r"):
        catalog.find_model("dragon-rr")


def test_unreadable_and_huge_files_are_located_problems(write_toml, monkeypatch):
    import pathlib

    from openai_landscape import datafiles as catalog_module

    path = write_toml("locked.toml", ORG)
    real = pathlib.Path.read_bytes

    def denied(self):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", denied)
    _, problems = check([path], bundled=False)
    assert [str(p) for p in problems] == [f"{path}: permission denied"]
    monkeypatch.setattr(pathlib.Path, "read_bytes", real)
    monkeypatch.setattr(catalog_module, "MAX_FILE_BYTES", 10)
    big = write_toml("big.toml", ORG)
    problems = []
    catalog_module.read_layer([big], problems)
    assert len(problems) == 1 and "over the" in str(problems[0]) and str(big) in str(problems[0])


def test_a_verbatim_copy_counts_as_the_primary_document_it_names(write_toml):
    copy = '{ url = "https://raw.githubusercontent.com/x/feeds/main/acme.xml", kind = "developer", copy_of = "https://acme.example/news" }'
    retold = '{ url = "https://news.example/acme", kind = "press" }'
    path = write_toml("d.toml", ORG + LIC + model("m1").replace('sources = ["https://example.org/x"]', f"sources = [{copy}]") + model("m2").replace('sources = ["https://example.org/x"]', f"sources = [{retold}]"))
    catalog = load([path], bundled=False)
    first = catalog.models["m1"]["source_details"][0]
    assert first["copy_of"] == "https://acme.example/news" and first["primary"] is True
    second = catalog.models["m2"]["source_details"][0]
    assert second["primary"] is False and "copy_of" not in second


def test_a_load_leaves_the_garbage_collector_as_it_found_it(write_toml):
    import gc

    path = write_toml("d.toml", ORG + LIC + model("m1"))
    assert gc.isenabled()
    check([path], bundled=False)
    assert gc.isenabled()
    gc.disable()
    try:
        check([path], bundled=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
