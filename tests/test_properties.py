"""Property-based tests: the loader never crashes, filters obey their algebra, export round-trips."""

import datetime as dt
import os
from pathlib import Path

import tomli_w
import tomllib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openai_landscape import query
from openai_landscape.catalog import check, load
from openai_landscape.errors import LandscapeError
from openai_landscape.export import catalog_sections, to_toml
from openai_landscape.schema import Access, Architecture, Modality

from .conftest import MINI

FUZZ = int(os.environ.get("LANDSCAPE_FUZZ_EXAMPLES", "25"))  # CI's fuzz step runs 1,000
fuzz = settings(max_examples=FUZZ, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def assert_located(problems, path: Path):
    for p in problems:
        assert isinstance(p, LandscapeError)
        assert p.file == str(path) and p.message
        assert "\n" not in str(p)


# --- the loader never crashes -----------------------------------------------------------------

@fuzz
@given(st.binary(max_size=2000))
def test_random_bytes_give_located_problems_not_exceptions(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "f.toml"
    path.write_bytes(data)
    _, problems = check([path], bundled=False)
    assert_located(problems, path)


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), st.dates().map(dt.date.isoformat),
    st.sampled_from(["2023", "2023-02-30", "1899", "open-restricted", "moe", "text", "https://e.org/x", "acme"]),
)
keys = st.sampled_from(["id", "name", "organization", "access", "release_date", "params_b", "active_params_b",
                        "license", "sources", "aliases", "modalities", "base_model", "relase_date", "kind", "date",
                        "title", "models", "country", "osi_approved", "openness", "x"])
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=4), max_leaves=8)
records = st.dictionaries(keys, values, max_size=10)
documents = st.dictionaries(
    st.sampled_from(["models", "organizations", "events", "software", "licenses", "dataset", "model", "junk"]),
    st.one_of(st.lists(records, max_size=4), records, scalars.filter(lambda v: v is not None)),
    max_size=4,
)


@fuzz
@given(documents)
def test_random_toml_documents_give_located_problems_not_exceptions(tmp_path_factory, doc):
    path = tmp_path_factory.mktemp("docs") / "f.toml"
    try:
        text = tomli_w.dumps(_drop_none(doc))
    except (TypeError, ValueError):
        return  # not expressible in TOML
    path.write_text(text, encoding="utf-8")
    _, problems = check([path], bundled=False)
    assert_located(problems, path)


def _drop_none(v):
    if isinstance(v, dict):
        return {k: _drop_none(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [_drop_none(x) for x in v if x is not None]
    return v


# --- valid random datasets --------------------------------------------------------------------

slug = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
partial_date = st.dates(dt.date(2015, 1, 1), dt.date(2026, 1, 1)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]])
)


@st.composite
def datasets(draw):
    n = draw(st.integers(1, 12))
    ids = draw(st.lists(slug, min_size=n, max_size=n, unique=True))
    models = []
    for i, mid in enumerate(ids):
        access = draw(st.sampled_from(list(Access)))
        total = draw(st.none() | st.floats(0.1, 2000, allow_nan=False).map(lambda x: round(x, 2)))
        m = {
            "id": f"m-{mid}", "name": f"{i:03d} " + draw(st.text(min_size=1, max_size=20)),
            "organization": draw(st.sampled_from(["o1", "o2"])), "access": access.value,
            "sources": ["https://example.org/" + mid],
        }
        if access.open_weights:
            m["license"] = "lic"
        if total is not None:
            m["params_b"] = total
            if draw(st.booleans()):
                m["architecture"] = Architecture.MOE.value
                m["active_params_b"] = round(total / 2, 2) or total
        if draw(st.booleans()):
            m["release_date"] = draw(partial_date)
        if draw(st.booleans()):
            m["modalities"] = draw(st.lists(st.sampled_from([x.value for x in Modality]), max_size=3, unique=True))
        if i and draw(st.booleans()):
            m["base_model"] = f"m-{ids[draw(st.integers(0, i - 1))]}"
        models.append(m)
    doc = {
        "licenses": [{"id": "lic", "name": "L", "osi_approved": True, "commercial_use": "yes", "sources": ["https://e.org/l"]}],
        "organizations": [
            {"id": "o1", "name": "One", "country": "US", "sources": ["https://e.org/1"]},
            {"id": "o2", "name": "Two", "country": "FR", "sources": ["https://e.org/2"]},
        ],
        "models": models,
    }
    return doc


def ids_of(catalog, q):
    return {catalog.models.ids[i] for i in query.select_models(catalog, q)}


def _load_doc(tmp_path_factory, doc):
    path = tmp_path_factory.mktemp("ds") / "d.toml"
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return load([path], bundled=False, today=dt.date(2026, 12, 31))


@fuzz
@given(datasets())
def test_export_then_reload_gives_identical_records(tmp_path_factory, doc):
    catalog = _load_doc(tmp_path_factory, doc)
    path = tmp_path_factory.mktemp("out") / "export.toml"
    path.write_text(to_toml(catalog_sections(catalog)), encoding="utf-8")
    again = load([path], bundled=False, today=dt.date(2026, 12, 31))
    assert dict(again.models) == dict(catalog.models)
    # Organisations and licences travel with the models that refer to them, and only those.
    assert again.organizations == {m["organization"]: catalog.organizations[m["organization"]] for m in catalog.models.values()}
    assert again.licenses == {m["license"]: catalog.licenses[m["license"]] for m in catalog.models.values() if m["license"]}
    assert tomllib.loads(path.read_text())  # and it is plain TOML


@fuzz
@given(datasets())
def test_open_and_closed_partition_all_models(tmp_path_factory, doc):
    catalog = _load_doc(tmp_path_factory, doc)
    every = ids_of(catalog, query.ModelQuery())
    opened = ids_of(catalog, query.ModelQuery(open_weights=True))
    closed = ids_of(catalog, query.ModelQuery(open_weights=False))
    assert opened | closed == every == set(catalog.models)
    assert not opened & closed


@fuzz
@given(datasets(), st.dates(dt.date(2015, 1, 2), dt.date(2026, 1, 1)))
def test_until_the_day_before_and_since_the_day_partition_dated_models(tmp_path_factory, doc, day):
    catalog = _load_doc(tmp_path_factory, doc)
    before = ids_of(catalog, query.ModelQuery(until=(day - dt.timedelta(days=1)).isoformat()))
    after = ids_of(catalog, query.ModelQuery(since=day.isoformat()))
    dated = {m["id"] for m in catalog.models.values() if m["release_date"]}
    assert before | after == dated and not before & after


@fuzz
@given(datasets(), st.sampled_from(query.MODEL_FIELDS), st.booleans())
def test_sorting_is_stable_and_puts_unknown_last(tmp_path_factory, doc, field, reverse):
    catalog = _load_doc(tmp_path_factory, doc)
    rows = catalog.models.records(query.select_models(catalog, query.ModelQuery(sort=field, reverse=reverse)))
    values = [query.sort_key_value(m[field], field) for m in rows]
    known = [v for v in values if v is not None]
    assert values[: len(known)] == known  # nulls last
    assert known == sorted(known, reverse=reverse)
    assert sorted(m["id"] for m in rows) == sorted(catalog.models)


def test_the_mini_fixture_obeys_the_same_algebra():
    catalog = load([MINI], bundled=False)
    n = len(query.select_models(catalog, query.ModelQuery(open_weights=True))) + len(
        query.select_models(catalog, query.ModelQuery(open_weights=False)))
    assert n == len(catalog.models)


@settings(max_examples=max(20, FUZZ // 5), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600))
def test_validate_command_never_prints_a_traceback(run, tmp_path_factory, data):
    path = tmp_path_factory.mktemp("cli") / "f.toml"
    path.write_bytes(data)
    result = run("validate", str(path), "--no-bundled", mini=False, code=None)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stdout + result.stderr
    for line in result.stdout.splitlines():
        assert line.startswith(str(path)), line


# --- one-line JSON is json.dumps's text ---------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=max(FUZZ, 200), deadline=None)
@given(_json_values)
def test_one_line_json_is_exactly_what_json_dumps_writes(value):
    import json

    from openai_landscape.escaping import escape_invisible, json_dumps

    assert json_dumps(value, indent=None) == escape_invisible(json.dumps(value, ensure_ascii=False))
