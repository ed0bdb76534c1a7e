"""The dict validators give what the Pydantic models give, or step aside for the models."""

import copy
import json
import os
import subprocess
import sys
from enum import Enum
from pathlib import Path

import pydantic_core
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, ValidationError, field_serializer, model_validator

from openai_landscape import _schemas, datafiles, dictvalidation
from openai_landscape.catalog import SECTION_NAMES, bundled_data_dir
from openai_landscape.dictvalidation import dict_validator, record_types, validators
from openai_landscape.schema import BenchmarkUnit

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from generate import generate  # noqa: E402

FUZZ = int(os.environ.get("LANDSCAPE_FUZZ_EXAMPLES", "25"))
MODELS = record_types()
FAST = validators()


def raw_records(root: Path) -> dict[str, list[dict]]:
    problems: list = []
    layer = datafiles.read_layer([root], problems)
    assert not problems
    out: dict[str, list[dict]] = {name: [] for name in SECTION_NAMES}
    for (section, _), raw in layer.records.items():
        out[section].append(raw.data)
    return out


def through_model(section: str, data: dict) -> dict | None:
    try:
        return MODELS[section].model_validate(data).model_dump(mode="json")
    except ValidationError:
        return None


def through_dict(section: str, data: dict) -> dict | None:
    return datafiles._fast_record(FAST[section], section, data)


def test_every_record_type_has_a_dict_validator():
    assert set(FAST) == {*SECTION_NAMES, "dataset"}


def test_the_written_schemas_are_what_the_models_translate_to():
    """Edit schema.py and this fails until `python -m openai_landscape.dictvalidation` is run."""
    written = (Path(dictvalidation.__file__).parent / dictvalidation.GENERATED).read_text(encoding="utf-8")
    if _schemas.PYDANTIC_CORE == pydantic_core.__version__:
        assert written == dictvalidation.render_module()
    else:  # another pydantic-core: the file is not used, the models are translated instead
        assert dictvalidation._build().keys() == FAST.keys()
        assert written != dictvalidation.render_module()


def test_the_percent_unit_the_rules_check_is_the_schemas():
    assert datafiles.PERCENT == BenchmarkUnit.PERCENT.value


def test_a_load_of_valid_data_does_not_import_pydantic(tmp_path):
    root = tmp_path / "synth"
    generate(200, root)
    code = (
        "import sys; from openai_landscape.catalog import check; "
        f"cat, problems = check([{str(root)!r}], bundled=True); assert not problems, problems[0]; "
        "print(len(cat.models), 'pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 200 and out[1] == "False"


@pytest.mark.parametrize("source", ["bundled", "synthetic"])
def test_every_record_gives_the_models_json_text(source, tmp_path):
    if source == "bundled":
        root = bundled_data_dir()
    else:
        root = tmp_path / "synth"
        generate(300, root)
    records = raw_records(root)
    assert len(records["models"]) >= 300
    for section, items in records.items():
        for data in items:
            expected = through_model(section, data)
            assert expected is not None
            # Key order matters as much as values: these texts are the JSON output.
            assert json.dumps(through_dict(section, data)) == json.dumps(expected)


def test_defaults_are_fresh_lists_not_one_shared_list():
    base = {"id": "a", "name": "A", "organization": "o", "access": "api", "sources": ["https://example.com/a"]}
    one, two = FAST["models"].validate_python(dict(base)), FAST["models"].validate_python(dict(base, id="b"))
    assert one["aliases"] == [] and one["aliases"] is not two["aliases"]


def test_a_score_that_is_not_a_finite_number_is_refused_by_both():
    """`inf` would be written as `Infinity`, which is not JSON."""
    score = {"id": "s", "model": "m", "benchmark": "b", "value": 71.5, "measured_by": "developer", "published": "2025", "sources": ["https://x.org/a"]}
    assert through_dict("scores", score)["value"] == 71.5
    for value in (float("inf"), float("-inf"), float("nan")):
        assert through_dict("scores", {**score, "value": value}) is None
        assert through_model("scores", {**score, "value": value}) is None


# Values a hand-edited record may hold where the schema expects something else: each
# constraint's edge (empty and over-long text, bad slugs and URLs, impossible dates, zero,
# negative, huge and non-finite numbers, wrong types, unknown keys in nested tables).
EDGES = [
    None, True, False, 0, 1, -1, 2**63, 0.0, -0.5, 1e-9, 2000, 2101, 100_000, 100_000.5, 1e9, 1e10,
    float("inf"), float("nan"), "", " ", "x" * 4001, "Bad Slug", "ok-slug", "api", "open-unrestricted",
    "moe", "text", "exact", "percent", "developer", "2024", "2024-02", "2024-02-30", "2024-13", "2099-01-01",
    "24-01", "https://x.org/a", "ftp://x.org/a", "https://", [], [""], ["text"], ["text", "text"], ["smell"],
    ["https://x.org/a"], [{"url": "https://x.org/a", "kind": "paper"}], [{"url": "https://x.org/a"}],
    {}, {"weights": {"grade": "open", "evidence": "https://x.org/a"}}, {"weights": {"grade": "open"}},
    {"weights": {"grade": "open", "evidence": "https://x.org/a", "extra": 1}}, {"smell": None},
]
BUNDLED = raw_records(bundled_data_dir())
CASES = [(section, name) for section in SECTION_NAMES for name in [*MODELS[section].model_fields, "unknown_field"]]


def assert_alike_or_left_to_the_model(section, record):
    fast, model = through_dict(section, copy.deepcopy(record)), through_model(section, copy.deepcopy(record))
    if fast is not None:
        assert model is not None, record
        assert json.dumps(fast) == json.dumps(model)


@pytest.mark.parametrize(("section", "name"), CASES)
def test_each_field_set_to_each_edge_value_is_judged_as_the_model_judges(section, name):
    """The dict path never accepts what the model refuses, and never gives other values."""
    items = BUNDLED[section]
    for base in (items[0], max(items, key=len)):
        for value in EDGES:
            assert_alike_or_left_to_the_model(section, {**base, name: value})
        assert_alike_or_left_to_the_model(section, {k: v for k, v in base.items() if k != name})


@settings(max_examples=FUZZ * 8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_records_changed_in_several_fields_are_judged_as_the_model_judges(data):
    section = data.draw(st.sampled_from(SECTION_NAMES))
    items = BUNDLED[section]
    fields = [*MODELS[section].model_fields, "unknown_field"]
    record = copy.deepcopy(data.draw(st.sampled_from(items)))
    for _ in range(data.draw(st.integers(1, 4))):
        name = data.draw(st.sampled_from(fields))
        if data.draw(st.booleans()) and name in record:
            del record[name]
        else:
            record[name] = data.draw(st.sampled_from(EDGES) | st.sampled_from([b.get(name) for b in items]))
    assert_alike_or_left_to_the_model(section, record)


# --- what is not translated ---------------------------------------------------------------------


class Colour(str, Enum):
    RED = "red"


def test_a_schema_whose_dump_differs_from_its_values_is_not_translated():
    import datetime as dt

    class WithDate(BaseModel):
        day: dt.date

    class WithSerializer(BaseModel):
        name: str

        @field_serializer("name")
        def _upper(self, value: str) -> str:
            return value.upper()

    class WithSet(BaseModel):
        tags: set[str]

    for cls in (WithDate, WithSerializer, WithSet):
        assert dict_validator(cls) is None, cls.__name__


def test_a_model_validator_the_caller_does_not_run_keeps_the_model():
    class Checked(BaseModel):
        model_config = ConfigDict(extra="forbid")
        colour: Colour

        @model_validator(mode="after")
        def _never_blue(self) -> "Checked":
            return self

    assert dict_validator(Checked) is None
    fast = dict_validator(Checked, replicated=["_never_blue"])
    assert fast is not None
    assert fast.validate_python({"colour": "red"}) == {"colour": "red"}
    with pytest.raises(ValidationError):
        fast.validate_python({"colour": "red", "extra": 1})
