"""The gap: frontier pairs and lags checked against values computed by hand."""

from pathlib import Path

import pytest

from openai_landscape import gap
from openai_landscape.catalog import check, load

GAP = Path(__file__).parent / "fixtures" / "gap"


@pytest.fixture(scope="module")
def catalog():
    return load([GAP], bundled=False, use_cache=False)


def result(catalog, **kw):
    return gap.benchmark_gap(catalog, catalog.benchmarks["quiz"], **kw)


def pairs(r):
    return [(p["closed"]["model"], p["open"]["model"], p["lag_months"]) for p in r["pairs"]]


def test_ties_do_not_set_a_new_frontier_and_lags_use_weights_dates(catalog):
    r = result(catalog)
    # c1 (2024-01-01, 60) <- o1 59.6 within 0.5 on 2024-07-01: 182 days = 6.0 months.
    # c3 (2024-06-01, 70) <- o2 71, whose weights came 2024-12-01 (not its 2024-09-01 release): 183 days = 6.0.
    assert pairs(r) == [("c1", "o1", 6.0), ("c3", "o2", 6.0)]
    # c4 (2025-01-01, 80) is not matched: standing 364 days to as_of 2025-12-31 = 12.0 months.
    assert [(u["closed"]["model"], u["standing_months"]) for u in r["unmatched"]] == [("c4", 12.0)]
    assert r["summary"]["median_lag_months"] == 6.0 and r["summary"]["latest_pair"] == ["c3", "o2"]
    # The 2025 point's lag is at least its 12 months standing: the trend shows it, not only medians.
    assert r["summary"]["median_lag_by_year"] == {"2024": 6.0}
    assert r["summary"]["unmatched_by_year"] == {"2025": {"count": 1, "longest_months": 12.0}}


def test_tolerance_changes_the_match(catalog):
    # With no tolerance, o1's 59.6 no longer matches c1's 60: the first open model at 60+ is o2.
    assert pairs(result(catalog, tolerance=0)) == [("c1", "o2", 11.0), ("c3", "o2", 6.0)]


def test_only_like_for_like_settings_are_compared(catalog):
    # o3's 69.8 is 5-shot, not comparable with the 0-shot/pass@1 frontier; it never matches c3 (70, tol 0.5).
    assert all(p["open"]["model"] != "o3" for p in result(catalog)["pairs"])
    # o2's score states no setting: --strict-settings leaves it out, so c3 goes unmatched.
    strict = result(catalog, strict_settings=True)
    assert pairs(strict) == [("c1", "o1", 6.0)]
    assert [u["closed"]["model"] for u in strict["unmatched"]] == ["c3", "c4"]


def test_measured_by_filters_who_measured(catalog):
    only_developer = result(catalog, measured_by=["developer"])
    assert pairs(only_developer) == [("c1", "o1", 6.0)]


def test_partial_dates_count_from_their_first_day():
    assert gap.months("2024-04", "2024-10-01") == 6.0
    assert gap.months("2024", "2025") == 12.0


def test_gap_cli_json_and_csv(run):
    import csv
    import io

    obj = run.json("gap", "--no-bundled", "--data", str(GAP), mini=False)
    (quiz,) = obj["benchmarks"]
    first = quiz["pairs"][0]
    assert first["closed"]["score_id"] == "c1--quiz" and first["closed"]["sources"] == ["https://example.org/c1-card"]
    assert first["open"]["score_id"] == "o1--quiz" and obj["tolerance"] == 0.5
    rows = list(csv.DictReader(io.StringIO(run("gap", "--no-bundled", "--data", str(GAP), "-f", "csv", mini=False).stdout)))
    assert [(r["closed_model"], r["open_model"], r["lag_months"]) for r in rows] == [("c1", "o1", "6"), ("c3", "o2", "6"), ("c4", "", "")]
    table = run("gap", "--no-bundled", "--data", str(GAP), mini=False)
    assert "within 0.5 points" in table.stdout and "12+" in table.stdout


BAD = """
[[scores]]
id = "bad"
model = "{model}"
benchmark = "{bench}"
value = {value}
measured_by = "developer"
published = "2024-01-01"
sources = ["https://example.org/c1-card"]
"""


@pytest.mark.parametrize(
    ("model", "bench", "value", "message"),
    [
        ("nosuch", "quiz", 50, "4: bad: model: unknown model 'nosuch'"),
        ("c1", "nosuch", 50, "5: bad: benchmark: unknown benchmark 'nosuch'"),
        ("c1", "quiz", 101, "6: bad: value: 101 is not a percentage (0 to 100)"),
        ("c1", "quiz", 60, "10: bad: sources: same model, benchmark, setting, checkpoint and source as score 'c1--quiz'"),
    ],
)
def test_bad_score_records_get_located_errors(tmp_path, model, bench, value, message):
    path = tmp_path / "bad.toml"
    text = BAD.format(model=model, bench=bench, value=value)
    if "same model" in message:
        text = text.replace('value = 60\nmeasured_by', 'value = 60\nsetting = "0-shot"\nmeasured_by')
    path.write_text(text)
    _, problems = check([GAP, path], bundled=False)
    assert len(problems) == 1
    assert str(problems[0]) == f"{path}:{message}"


def test_one_page_may_report_two_checkpoints_of_a_model(tmp_path):
    """A change log giving a model's score and then its update's is two scores, not a duplicate."""
    path = tmp_path / "two.toml"
    text = BAD.format(model="c1", bench="quiz", value=60).replace('value = 60\nmeasured_by', 'value = 60\nsetting = "0-shot"\nmeasured_by')
    path.write_text(text.replace('measured_by = "developer"', 'checkpoint = "c1-0324"\nmeasured_by = "developer"'))
    _, problems = check([GAP, path], bundled=False)
    assert problems == []


def test_primary_sources_only_leaves_out_scores_resting_on_press(catalog):
    # o1's 59.6 is cited to a press page only: by default it matches c1 and is flagged; without it,
    # c1's first open match is o2 (71, weights 2024-12-01): 335 days = 11.0 months.
    default = result(catalog)
    assert default["pairs"][0]["open"]["model"] == "o1" and default["pairs"][0]["open"]["primary_source"] is False
    primary = result(catalog, primary_only=True)
    assert pairs(primary) == [("c1", "o2", 11.0), ("c3", "o2", 6.0)] and primary["primary_sources_only"] is True


def test_gap_table_marks_secondary_scores(run):
    out = run("gap", "--no-bundled", "--data", str(GAP), mini=False)
    assert "59.6*" in out.stdout and "secondary sources only" in out.stderr
    strict = run("gap", "--no-bundled", "--data", str(GAP), "--primary-sources-only", mini=False).stdout
    assert "59.6" not in strict and "*" not in strict
