"""Pictures: the numbers behind each chart, the shape of a lineage tree, the timeline's axis, and
exported SVG/HTML that parse, carry no live markup from the data and never overwrite unasked."""

import json
import re
import subprocess
import sys
import xml.dom.minidom
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import FIXTURES, MINI

HOSTILE = FIXTURES / "hostile"


def bundled_json(*args):
    out = subprocess.run([sys.executable, "-m", "openai_landscape", *args, "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def bundled_models():
    return bundled_json("models")


@pytest.fixture(scope="module")
def bundled_orgs():
    return {o["id"]: o for o in bundled_json("orgs")}


def size_band(p):
    if p is None:
        return "unknown"
    for name, hi in (("< 1B", 1), ("1-10B", 10), ("10-100B", 100), ("100B-1T", 1000)):
        if p < hi:
            return name
    return ">= 1T"


GROUPERS = {
    "year": lambda m, orgs: (m["release_date"] or "unknown")[:4] if m["release_date"] else "unknown",
    "country": lambda m, orgs: orgs[m["organization"]]["country"] or "unknown",
    "org": lambda m, orgs: m["organization"],
    "arch": lambda m, orgs: m["architecture"] or "unknown",
    "size": lambda m, orgs: size_band(m["params_b"]),
    "license": lambda m, orgs: m["license"] or ("none (closed)" if not m["open_weights"] else "unknown"),
}


@pytest.mark.parametrize("by", list(GROUPERS))
def test_chart_numbers_equal_counts_computed_from_models_json(by, bundled_models, bundled_orgs):
    expected = Counter()
    for m in bundled_models:
        expected[(GROUPERS[by](m, bundled_orgs), m["open_weights"])] += 1
    rows = bundled_json("stats", "--by", by, "--top", "1000")["rows"]
    got = Counter()
    for r in rows:
        got[(r["group"], True)] += r["open"]
        got[(r["group"], False)] += r["closed"]
        assert r["total"] == r["open"] + r["closed"]
    assert +got == +expected


def test_year_rows_count_every_access_level(bundled_models):
    rows = {r["group"]: r for r in bundled_json("stats", "--by", "year")["rows"]}
    expected = Counter(((m["release_date"] or "unknown")[:4], m["access"]) for m in bundled_models if m["release_date"])
    for (year, access), n in expected.items():
        assert rows[year]["by_access"][access] == n


def test_filters_apply_to_stats_as_to_models(bundled_models, bundled_orgs):
    rows = bundled_json("stats", "--by", "country", "--open-weights", "--top", "1000")["rows"]
    assert sum(r["total"] for r in rows) == sum(m["open_weights"] for m in bundled_models)
    assert all(r["closed"] == 0 for r in rows)


def derivatives(models, root):
    children = {}
    for m in models:
        if m["base_model"]:
            children.setdefault(m["base_model"], []).append(m["id"])
    seen, stack = [], [root]
    while stack:
        mid = stack.pop()
        seen.append(mid)
        stack.extend(children.get(mid, []))
    return set(seen)


def test_lineage_of_llama_2_7b_is_its_family_tree(bundled_models):
    graph = bundled_json("lineage", "llama-2-7b")
    assert graph["root"] == "llama-2-7b" and graph["focus"] == "llama-2-7b"
    assert {n["id"] for n in graph["nodes"]} == derivatives(bundled_models, "llama-2-7b")
    by_id = {m["id"]: m for m in bundled_models}
    for e in graph["edges"]:
        if e["kind"] != "teacher":
            assert by_id[e["to"]]["base_model"] == e["from"]
    others = {n["id"] for n in graph["nodes"] if n["other_organization"]}
    assert others == {n["id"] for n in graph["nodes"] if by_id[n["id"]]["organization"] != "meta"}


def test_lineage_tree_shape_on_the_fixture(run):
    graph = run.json("lineage", "acme-2-70b")
    assert graph["root"] == "acme-1-7b"
    assert [n["id"] for n in graph["nodes"]] == ["acme-1-7b", "acme-2-70b"]
    assert graph["edges"] == [{"from": "acme-1-7b", "to": "acme-2-70b", "kind": "derived"}]
    text = run("lineage", "acme-2-70b").stdout.splitlines()
    assert text[1].startswith("● Acme-1 7B (acme-1-7b)") and text[2].startswith("└── [derived] ● Acme-2 70B (acme-2-70b)")


def test_timeline_chart_axis_spans_the_filtered_range(run):
    chart = run.json("timeline", "--chart", "--since", "2023-03", "--until", "2024")
    assert (chart["start"], chart["end"]) == ("2023-03-01", "2024-12-31")
    marks = [m for lane in chart["lanes"] for m in lane["marks"]]
    assert marks and all("2023-03" <= m["date"] <= "2024-12-31" for m in marks)
    lines = run("timeline", "--chart", "--since", "2023-03", "--until", "2024").stdout.splitlines()
    assert any(line.strip().startswith("2024") or " 2024" in line for line in lines)
    assert "2023-03-01 .. 2024-12-31" in "\n".join(lines)


def test_charts_read_without_colour(run):
    out = run("stats").stdout
    assert "\x1b[" not in out
    assert "█ open weights" in out and "░ closed" in out  # shapes and a legend, not colour alone


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


@pytest.mark.parametrize(
    "argv",
    [["stats"], ["stats", "--by", "org"], ["lineage", "evil-model"], ["timeline", "--chart"], ["show", "angle-model"],
     ["compare", "angle-model", "evil-model"]],
    ids=" ".join,
)
def test_exported_svg_and_html_parse_and_carry_no_live_markup(run, tmp_path, argv):
    svg, html = tmp_path / "f.svg", tmp_path / "f.html"
    result = run(*argv, "--svg", str(svg), "--html", str(html), "--no-bundled", "--data", str(HOSTILE), mini=False)
    assert f"wrote {svg}" in result.stderr and result.stdout == ""
    doc = xml.dom.minidom.parse(str(svg))  # well-formed XML
    assert {e.tagName for e in doc.getElementsByTagName("*")} <= {"svg", "title", "defs", "pattern", "rect", "line", "text", "tspan", "circle", "path"}
    page = html.read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags and "onload" not in page.replace("onload=alert", "")
    for text in (svg.read_text(encoding="utf-8"), page):
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
        assert "<script" not in text and "<svg onload" not in text
        assert not re.search(r"https?://(?!www\.w3\.org|example\.org)", text.replace("https://evil.example", ""))  # nothing fetched


def test_pictures_are_not_overwritten_unasked(run, tmp_path):
    svg = tmp_path / "s.svg"
    svg.write_text("keep me")
    result = run("stats", "--svg", str(svg), code=2)
    assert result.stderr.strip() == f"landscape: error: {svg}: --svg: already exists; use --force to replace it"
    assert svg.read_text() == "keep me"
    run("stats", "--svg", str(svg), "--force")
    assert svg.read_text().startswith("<svg")


def test_timeline_pictures_need_the_chart(run, tmp_path):
    assert "need --chart" in run("timeline", "--svg", str(tmp_path / "t.svg"), code=2).stderr


def test_the_mini_dashboard(run):
    data = run.json("stats")
    assert data["models"] == 7 and set(data["charts"]) == {"year", "org", "country", "size"}
    assert {r["group"]: (r["open"], r["closed"]) for r in data["charts"]["org"]} == {"acme": (2, 2), "bleu": (2, 0), "dragon": (1, 0)}
    assert Path(MINI).exists()


def test_distilled_models_hang_under_their_teacher(bundled_models):
    graph = bundled_json("lineage", "deepseek-r1")
    distilled = {m["id"] for m in bundled_models if m["teacher"] == "deepseek-r1"}
    assert distilled and distilled <= {n["id"] for n in graph["nodes"]}
    assert {(e["from"], e["to"]) for e in graph["edges"] if e["kind"] == "teacher"} >= {("deepseek-r1", d) for d in distilled}
