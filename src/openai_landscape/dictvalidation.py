"""Validate a record straight into the plain dict `model_dump(mode="json")` would give.

Building a Pydantic model and dumping it again is two thirds of the cost of validating one
(docs/performance.md). This takes a model's own core schema and changes only what it builds:
each model becomes a typed dict with the same fields, defaults and forbidden extras, each enum
a literal of its values. The checks on every value are Pydantic's own, unchanged.

Only a schema whose validated values are already their JSON form is translated; anything else
(a date, a serializer, a computed field, a model-level validator not named by the caller) makes
`dict_validator` return None, and the caller uses the model. A float without bounds refuses
infinity and NaN (neither is JSON), leaving such a record to the model. A record this refuses
goes to the model in any case, so every error a user sees is the model's.
`tests/test_dictvalidation.py` holds the two to the same output.

Building the models' schemas means importing Pydantic and constructing every model class,
a fifth of a cold load at 10,000 models. So the translated schemas of the record types are
also written out as Python (`_schemas.py`, by `python docs/make_docs.py` or
`python -m openai_landscape.dictvalidation`),
and `validators()` builds from that file with `pydantic_core` alone when the installed
pydantic-core is the one it was written with; otherwise it translates the models again. A
test fails when the file no longer matches the models.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from pydantic_core import SchemaValidator

if TYPE_CHECKING:
    from pydantic import BaseModel

GENERATED = "_schemas.py"

#: Node types whose validated Python value is already what JSON mode dumps (given that no
#: node carries a custom serializer, which is checked separately).
_KEPT = frozenset(
    {
        "any",
        "none",
        "bool",
        "int",
        "str",
        "literal",
        "list",
        "nullable",
        "default",
        "union",
        "definitions",
        "definition-ref",
        "function-after",
        "no-info",
        "with-info",
    }
)


class Untranslatable(Exception):
    pass


def dict_validator(cls: type[BaseModel], replicated: Collection[str] = ()) -> SchemaValidator | None:
    """A validator of `cls` records that returns plain dicts, or None when the schema holds
    something whose dump would differ from its validated value.

    `replicated`: names of `cls`'s model validators the caller runs itself on the dict.
    """
    schema = translated(cls, replicated)
    if schema is None:
        return None
    try:
        return SchemaValidator(schema)
    except Exception:  # noqa: BLE001 - a core-schema shape this Pydantic version builds differently
        return None


def translated(cls: type[BaseModel], replicated: Collection[str] = ()) -> dict[str, Any] | None:
    """The typed-dict core schema of `cls`, with stable reference names, or None."""
    decorators = cls.__pydantic_decorators__.model_validators
    allowed = {id(decorators[name].func) for name in replicated if name in decorators}
    if len(allowed) != len(decorators):
        return None  # a model validator the caller does not run would be skipped
    try:
        return _stable_refs(_translate(cls.__pydantic_core_schema__, allowed))
    except Untranslatable:
        return None


def _translate(node: Any, allowed: set[int]) -> Any:
    if isinstance(node, (list, tuple)):
        return type(node)(_translate(item, allowed) for item in node)
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    if "serialization" in node:
        raise Untranslatable(f"{kind} with a serializer")
    if kind == "model":
        return _typed_dict(node, allowed)
    if kind == "enum":
        values = [member.value for member in node["members"]]
        if node.get("missing") or not all(isinstance(v, str) for v in values):
            raise Untranslatable("an enum with a _missing_ hook or values that are not strings")
        return _with_ref({"type": "literal", "expected": values}, node)
    if kind == "function-after" and _wraps_model(node):
        if id(node["function"].get("function")) not in allowed:
            raise Untranslatable("a model validator the caller does not replicate")
        return _with_ref(_translate(node["schema"], allowed), node)
    if kind == "float":
        bounded = ("le" in node or "lt" in node) and ("ge" in node or "gt" in node)
        if not bounded:  # inf and NaN are not JSON: a record holding one is the model's to judge
            return {**_plain_node(node), "allow_inf_nan": False}
        return _plain_node(node)
    if kind not in _KEPT:
        raise Untranslatable(f"core schema type {kind!r}")
    return {
        key: _translate(value, allowed) if key in ("schema", "schemas", "choices", "items_schema", "definitions") else value
        for key, value in _plain_node(node).items()
    }


def _plain_node(node: dict[str, Any]) -> dict[str, Any]:
    """The node without `metadata` (Pydantic's JSON Schema hooks; validation never reads it)."""
    return {key: value for key, value in node.items() if key != "metadata"}


def _wraps_model(node: dict[str, Any]) -> bool:
    inner = node.get("schema") or {}
    while inner.get("type") == "function-after":
        inner = inner.get("schema") or {}
    return inner.get("type") == "model"


def _typed_dict(node: dict[str, Any], allowed: set[int]) -> dict[str, Any]:
    inner = node["schema"]
    if (
        inner.get("type") != "model-fields"
        or inner.get("computed_fields")
        or node.get("post_init")
        or node.get("custom_init")
        or node.get("root_model")
        or inner.get("extras_schema")
    ):
        raise Untranslatable(f"model {node['cls'].__name__} is more than its fields")
    fields = {}
    for name, spec in inner["fields"].items():
        if set(spec) - {"type", "schema", "metadata"}:
            raise Untranslatable(f"field {name} has aliases or exclusions")
        schema = _translate(spec["schema"], allowed)
        fields[name] = {"type": "typed-dict-field", "schema": schema, "required": schema.get("type") != "default"}
    config = dict(node.get("config", {}))  # also what the fields' own validators were built with
    extra = config.get("extra_fields_behavior", "ignore")
    return _with_ref({"type": "typed-dict", "fields": fields, "extra_behavior": extra, "config": config}, node)


def _with_ref(out: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "ref" in node:
        out["ref"] = node["ref"]
    return out


_REF = re.compile(r"^(?:.*\.)?([^.:]+)(?::\d+)?$")


def _stable_refs(node: Any) -> Any:
    """Reference names without the module path and the per-process id Pydantic appends
    (`openai_landscape.schema.Evidence:9428...` -> `Evidence`), so the written file is stable."""
    if isinstance(node, (list, tuple)):
        return type(node)(_stable_refs(item) for item in node)
    if not isinstance(node, dict):
        return node
    return {k: _REF.sub(r"\1", v) if k in ("ref", "schema_ref") and isinstance(v, str) else _stable_refs(v) for k, v in node.items()}


# --- the written schemas ---------------------------------------------------------------------

#: The record types, by the section (or `dataset` table) they validate, and the model
#: validators each one's caller replicates (`consistency.model_problem` for models).
REPLICATED = {"models": ["_consistent"]}


def record_types() -> dict[str, Any]:
    """The Pydantic model of each section and of `dataset` (importing them imports Pydantic)."""
    from .schema import SECTIONS, DatasetInfo

    return {**SECTIONS, "dataset": DatasetInfo}


def render_module() -> str:
    """`_schemas.py`: the translated schema of every record type, as Python."""
    import pprint

    import pydantic_core

    from . import dates

    functions = {id(value): name for name, value in vars(dates).items() if callable(value) and not name.startswith("_")}
    schemas = {}
    for section, cls in record_types().items():
        schema = translated(cls, REPLICATED.get(section, ()))
        if schema is None:
            raise SystemExit(f"{cls.__name__} cannot be translated; see dictvalidation's docstring")
        schemas[section] = _named_functions(schema, functions)
    body = pprint.pformat(schemas, indent=1, width=118, sort_dicts=False)
    return (
        '"""The record types\' core schemas as typed dicts, written by `python -m openai_landscape.dictvalidation`\n'
        'from `schema.py` (do not edit; tests/test_dictvalidation.py checks it matches)."""\n\n'
        "# ruff: noqa: E501\n"
        f"from .dates import {', '.join(sorted(set(functions.values()) & _used(schemas)))}\n\n"
        f"PYDANTIC_CORE = {pydantic_core.__version__!r}\n"
        f"SCHEMAS = {body}\n"
    )


class _Name:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


def _named_functions(node: Any, functions: dict[int, str]) -> Any:
    if isinstance(node, (list, tuple)):
        return type(node)(_named_functions(item, functions) for item in node)
    if isinstance(node, dict):
        return {k: _named_functions(v, functions) for k, v in node.items()}
    if callable(node):
        if id(node) not in functions:
            raise SystemExit(f"{node!r} is not a function of dates.py, so it cannot be written out")
        return _Name(functions[id(node)])
    return node


def _used(node: Any) -> set[str]:
    if isinstance(node, _Name):
        return {node.name}
    if isinstance(node, dict):
        return set().union(*map(_used, node.values())) if node else set()
    if isinstance(node, (list, tuple)):
        return set().union(*map(_used, node)) if node else set()
    return set()


_VALIDATORS: list[dict[str, SchemaValidator]] = []


def validators() -> dict[str, SchemaValidator]:
    """A dict validator per record type (by section, and `dataset`), built once: from the
    written schemas when they fit the installed pydantic-core, else from the models."""
    if not _VALIDATORS:
        _VALIDATORS.append(_build())
    return _VALIDATORS[0]


def _build() -> dict[str, SchemaValidator]:
    import pydantic_core

    try:
        from . import _schemas

        if _schemas.PYDANTIC_CORE == pydantic_core.__version__:
            return {section: SchemaValidator(schema) for section, schema in _schemas.SCHEMAS.items()}
    except Exception:  # noqa: BLE001, S110 - a missing or unusable file: translate the models instead
        pass
    out = {}
    for section, cls in record_types().items():
        validator = dict_validator(cls, REPLICATED.get(section, ()))
        if validator is not None:
            out[section] = validator
    return out


if __name__ == "__main__":
    from pathlib import Path

    target = Path(__file__).with_name(GENERATED)
    target.write_text(render_module(), encoding="utf-8")
    print(f"wrote {target}")

