import csv
import io
import json

import pytest


def ids(rows):
    return [r["id"] for r in rows]


def test_default_listing_is_sorted_by_release_date(run):
    rows = run.json("models")
    assert ids(rows) == ["acme-chat", "acme-1-7b", "acme-2-70b", "bleu-7b", "bleu-moe", "acme-vision", "dragon-r"]


def test_open_weights_and_closed_partition_the_models(run):
    open_ = set(ids(run.json("models", "--open-weights")))
    closed = set(ids(run.json("models", "--closed")))
    assert open_ == {"acme-1-7b", "acme-2-70b", "bleu-7b", "bleu-moe", "dragon-r"}
    assert closed == {"acme-chat", "acme-vision"}


def test_open_weights_and_closed_together_is_a_usage_error(run):
    result = run("models", "--open-weights", "--closed", code=2)
    assert "exclude each other" in result.stderr
    assert result.stdout == ""


def test_repeated_org_means_any_of_them_and_accepts_aliases(run):
    assert ids(run.json("models", "--org", "bleu", "--org", "Acme", "--sort", "id")) == [
        "acme-1-7b", "acme-2-70b", "acme-chat", "acme-vision", "bleu-7b", "bleu-moe"]


def test_unknown_org_suggests_the_closest(run):
    result = run("models", "--org", "blue", code=1)
    assert "did you mean bleu" in result.stderr


def test_country_filter_uses_the_organisation_country(run):
    assert ids(run.json("models", "--country", "fr")) == ["bleu-7b", "bleu-moe"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--since", "2023-07"), ["acme-2-70b", "bleu-7b", "bleu-moe", "acme-vision", "dragon-r"]),
        (("--until", "2023"), ["acme-chat", "acme-1-7b", "acme-2-70b", "bleu-7b", "bleu-moe"]),
        (("--since", "2023-07-18", "--until", "2023-12-31"), ["acme-2-70b", "bleu-7b", "bleu-moe"]),
        (("--until", "2023-02-24"), ["acme-chat", "acme-1-7b"]),
    ],
)
def test_since_and_until_are_inclusive_at_any_precision(run, args, expected):
    assert ids(run.json("models", *args)) == expected


def test_moe_above_a_size(run):
    assert ids(run.json("models", "--arch", "moe", "--min-params", "100")) == ["dragon-r"]


def test_max_params_excludes_unknown_sizes(run):
    assert ids(run.json("models", "--max-params", "10")) == ["acme-1-7b", "bleu-7b"]


def test_license_text_and_commercial_permission(run):
    assert ids(run.json("models", "--license", "apache")) == ["bleu-7b", "bleu-moe", "dragon-r"]
    # `commercial` means the licence says yes; conditional licences (Llama-style) only when asked.
    assert ids(run.json("models", "--license-allows", "commercial")) == ["bleu-7b", "bleu-moe", "dragon-r"]
    assert ids(run.json("models", "--license-allows", "commercial-conditional")) == ["acme-2-70b", "bleu-7b", "bleu-moe", "dragon-r"]


def test_open_source_needs_osi_licence_open_code_and_documented_data(run):
    assert ids(run.json("models", "--open-source")) == ["bleu-7b"]


def test_modality_matches_inputs_and_outputs(run):
    assert ids(run.json("models", "--modality", "image")) == ["acme-vision"]


def test_search_looks_in_notes_and_aliases(run):
    assert ids(run.json("models", "--search", "FAST")) == ["bleu-7b"]
    assert ids(run.json("models", "--search", "acme1")) == ["acme-1-7b"]


def test_sort_by_params_puts_unknown_last_in_both_directions(run):
    asc = ids(run.json("models", "--sort", "params_b"))
    desc = ids(run.json("models", "--sort", "params_b", "--reverse"))
    assert asc[:5] == ["acme-1-7b", "bleu-7b", "bleu-moe", "acme-2-70b", "dragon-r"]
    assert desc[:5] == ["dragon-r", "acme-2-70b", "bleu-moe", "bleu-7b", "acme-1-7b"]
    assert set(asc[5:]) == set(desc[5:]) == {"acme-chat", "acme-vision"}


def test_limit(run):
    assert ids(run.json("models", "--limit", "2")) == ["acme-chat", "acme-1-7b"]


def test_filters_combine_with_and(run):
    assert ids(run.json("models", "--open-weights", "--org", "acme", "--since", "2023-06")) == ["acme-2-70b"]


def test_nothing_matched_is_exit_1_with_empty_json(run):
    result = run("models", "--org", "dragon", "--closed", "--json", code=1)
    assert json.loads(result.stdout) == []


def test_nothing_matched_in_a_table_says_so_on_stderr(run):
    result = run("models", "--min-params", "10000", code=1)
    assert result.stdout == ""
    assert "no models match" in result.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--since", "20x3"), "--since: '20x3' is not a date"),
        (("--until", "2023-02-30"), "not a real date"),
        (("--min-params", "lots"), "--min-params"),
        (("--sort", "nosuchfield"), "--sort: 'nosuchfield' is not one of"),
        (("--format", "yaml"), "'yaml' is not one of"),
        (("--arch", "sparse"), "--arch"),
        (("--modality", "smell"), "--modality"),
        (("--columns", "id,nme"), "did you mean name"),
    ],
)
def test_bad_filter_values_give_one_line_and_exit_2(run, args, needle):
    result = run("models", *args, code=2)
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_jsonl_has_one_record_per_line(run):
    out = run("models", "--format", "jsonl", "--open-weights").stdout.splitlines()
    assert [json.loads(line)["id"] for line in out] == ["acme-1-7b", "acme-2-70b", "bleu-7b", "bleu-moe", "dragon-r"]


def test_csv_carries_every_field_with_lists_joined(run):
    rows = list(csv.DictReader(io.StringIO(run("models", "--format", "csv", "--search", "vision").stdout)))
    assert rows[0]["id"] == "acme-vision"
    assert rows[0]["modalities"] == "text; image"
    assert rows[0]["params_b"] == ""
    assert rows[0]["open_weights"] == "false"


def test_markdown_table_with_selected_columns(run):
    out = run("models", "--format", "markdown", "--columns", "id,params_b", "--arch", "moe").stdout
    assert out.splitlines() == ["| id | params_b |", "|---|---|", "| bleu-moe | 46.7 |", "| dragon-r | 671 |"]


def test_columns_project_json_too(run):
    assert run.json("models", "--columns", "id,open_weights", "--limit", "1") == [{"id": "acme-chat", "open_weights": False}]


def test_table_shows_rows_within_columns(run):
    out = run("models", "--open-weights").stdout
    lines = out.splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert any("Dragon R" in line and "671" in line for line in lines)
    assert "\x1b[" not in out


def test_family_filter_is_case_insensitive(run):
    assert ids(run.json("models", "--family", "BLEU")) == ["bleu-7b", "bleu-moe"]


def test_narrow_terminal_drops_low_priority_columns_first(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    result = run("models")
    lines = result.stdout.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert lines[0].split() == ["Name", "Org", "Released", "Open", "Params", "(B)", "Context"]
    assert "hidden to fit 60 columns: ID, Access, Licence, Arch, Active (B)" in result.stderr
