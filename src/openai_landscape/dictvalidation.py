"""Validate a record straight into the plain dict `model_dump(mode="json")` would give.

Building a Pydantic model and dumping it again is two thirds of the cost of validating one
(docs/performance.md). This takes a model's own core schema and changes only what it builds:
each model becomes a typed dict with the same fields, defaults and forbidden extras, each enum
a literal of its values. The checks on every value are Pydantic's own, unchanged.

Only a schema whose validated values are already their JSON form is translated; anything else
(a date, a serializer, a computed field, a model-level validator not named by the caller, an
unbounded float that could be infinite) makes `dict_validator` return None, and the caller
uses the model. A record this refuses goes to the model as well, so every error a user sees is
the model's. `tests/test_dictvalidation.py` holds the two to the same output.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pydantic import BaseModel
from pydantic_core import SchemaValidator

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
    decorators = cls.__pydantic_decorators__.model_validators
    allowed = {id(decorators[name].func) for name in replicated if name in decorators}
    if len(allowed) != len(decorators):
        return None  # a model validator the caller does not run would be skipped
    try:
        return SchemaValidator(_translate(cls.__pydantic_core_schema__, allowed))
    except Untranslatable:
        return None
    except Exception:  # noqa: BLE001 - a core-schema shape this Pydantic version builds differently
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
        if not bounded and node.get("allow_inf_nan", True):
            raise Untranslatable("a float that may be infinite (dumped as null)")
        return dict(node)
    if kind not in _KEPT:
        raise Untranslatable(f"core schema type {kind!r}")
    return {key: _translate(value, allowed) if key in ("schema", "schemas", "choices", "items_schema", "definitions") else value for key, value in node.items()}


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
    config = node.get("config", {})  # also what the fields' own validators were built with
    extra = config.get("extra_fields_behavior", "ignore")
    return _with_ref({"type": "typed-dict", "fields": fields, "extra_behavior": extra, "config": config}, node)


def _with_ref(out: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "ref" in node:
        out["ref"] = node["ref"]
    return out
