"""Checks inside one record that field types cannot say (an announcement after the release).

Apart from the schema, so that the dict validators (`dictvalidation`) run the very function the
Pydantic model runs, without importing Pydantic.
"""

from __future__ import annotations

from typing import Any

from .dates import date_bounds


def model_problem(m: Any) -> str | None:
    """What makes a model record inconsistent with itself, over its JSON-ready fields (a plain
    dict, or `schema.Model`'s view of itself): the check after every field is valid."""
    release, announced, opened = m["release_date"], m["announced"], m["open_weights_since"]
    if release and announced and date_bounds(announced)[0] > date_bounds(release)[0]:
        return f"announced ({announced}) is after release_date ({release})"
    if release and opened and date_bounds(opened)[1] < date_bounds(release)[0]:
        return f"open_weights_since ({opened}) is before release_date ({release})"
    if opened and not m["access"].startswith("open-"):
        return f"open_weights_since given but access is {m['access']}"
    if m["base_relation"] and not m["base_model"]:
        return "base_relation needs a base_model"
    native, context = m["native_context_length"], m["context_length"]
    if native and context and native > context:
        return f"native_context_length ({native}) exceeds context_length ({context})"
    active, total = m["active_params_b"], m["params_b"]
    if active is not None and total is not None and active > total:
        return f"active_params_b ({active}) exceeds params_b ({total})"
    return None
