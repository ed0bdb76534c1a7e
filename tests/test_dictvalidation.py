"""The dict validator gives what the Pydantic model gives, or steps aside for the model."""

import copy
import json
import os
import sys
from enum import Enum
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, ValidationError, field_serializer, model_validator

from openai_landscape import datafiles
from openai_landscape.catalog import bundled_data_dir
from openai_landscape.dictvalidation import dict_validator
from openai_landscape.schema import Model, model_problem

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from generate import generate  # noqa: E402

FUZZ = int(os.environ.get("LANDSCAPE_FUZZ_EXAMPLES", "25"))
FAST = dict_validator(Model, replicated=["_consistent"])


def raw_models(root: Path) -> list[dict]:
    problems: list = []
    layer = datafiles.read_layer([root], problems)
    assert not problems
    return [raw.data for (section, _), raw in layer.records.items() if section == "models"]


def through_model(data: dict) -> dict | None:
    try:
        return Model.model_validate(data).model_dump(mode="json")
    except ValidationError:
        return None


def through_dict(data: dict) -> dict | None:
    try:
        record = FAST.validate_python(data)
    except ValidationError:
        return None
    return record if model_problem(record) is None else None


def test_the_model_schema_is_translated():
    assert FAST is not None


@pytest.mark.parametrize("source", ["bundled", "synthetic"])
def test_every_model_record_gives_the_models_json_text(source, tmp_path):
    if source == "bundled":
        root = bundled_data_dir()
    else:
        root = tmp_path / "synth"
        generate(300, root)
    records = raw_models(root)
    assert len(records) >= 300
    for data in records:
        expected = through_model(data)
        assert expected is not None
        # Key order matters as much as values: these texts are the JSON output.
        assert json.dumps(through_dict(data)) == json.dumps(expected)


def test_defaults_are_fresh_lists_not_one_shared_list():
    base = {"id": "a", "name": "A", "organization": "o", "access": "api", "sources": ["https://example.com/a"]}
    one, two = FAST.validate_python(dict(base)), FAST.validate_python(dict(base, id="b"))
    assert one["aliases"] == [] and one["aliases"] is not two["aliases"]


# Values a hand-edited record may hold where the schema expects something else: each
# constraint's edge (empty and over-long text, bad slugs and URLs, impossible dates, zero,
# negative, huge and non-finite numbers, wrong types, unknown keys in nested tables).
EDGES = [
    None, True, False, 0, 1, -1, 2**63, 0.0, -0.5, 1e-9, 100_000, 100_000.5, 1e9, 1e10,
    float("inf"), float("nan"), "", " ", "x" * 4001, "Bad Slug", "ok-slug", "api", "open-unrestricted",
    "moe", "text", "exact", "2024", "2024-02", "2024-02-30", "2024-13", "2099-01-01", "24-01",
    "https://x.org/a", "ftp://x.org/a", "https://", [], [""], ["text"], ["text", "text"], ["smell"],
    ["https://x.org/a"], [{"url": "https://x.org/a", "kind": "paper"}], [{"url": "https://x.org/a"}],
    {}, {"weights": {"grade": "open", "evidence": "https://x.org/a"}}, {"weights": {"grade": "open"}},
    {"weights": {"grade": "open", "evidence": "https://x.org/a", "extra": 1}}, {"smell": None},
]
FIELDS = [*Model.model_fields, "unknown_field"]
BUNDLED = raw_models(bundled_data_dir())


def assert_alike_or_left_to_the_model(record):
    fast, model = through_dict(copy.deepcopy(record)), through_model(copy.deepcopy(record))
    if fast is not None:
        assert model is not None, record
        assert json.dumps(fast) == json.dumps(model)


@pytest.mark.parametrize("name", FIELDS)
def test_each_field_set_to_each_edge_value_is_judged_as_the_model_judges(name):
    """The dict path never accepts what the model refuses, and never gives other values."""
    for base in (BUNDLED[0], max(BUNDLED, key=len)):
        for value in EDGES:
            assert_alike_or_left_to_the_model({**base, name: value})
        assert_alike_or_left_to_the_model({k: v for k, v in base.items() if k != name})


@settings(max_examples=FUZZ * 8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_records_changed_in_several_fields_are_judged_as_the_model_judges(data):
    record = copy.deepcopy(data.draw(st.sampled_from(BUNDLED)))
    for _ in range(data.draw(st.integers(1, 4))):
        name = data.draw(st.sampled_from(FIELDS))
        if data.draw(st.booleans()) and name in record:
            del record[name]
        else:
            record[name] = data.draw(st.sampled_from(EDGES) | st.sampled_from([b.get(name) for b in BUNDLED]))
    assert_alike_or_left_to_the_model(record)




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

    class WithUnboundedFloat(BaseModel):
        share: float

    class WithSet(BaseModel):
        tags: set[str]

    for cls in (WithDate, WithSerializer, WithUnboundedFloat, WithSet):
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
