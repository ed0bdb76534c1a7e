"""What a command prints, as plain data: rows, the fields every format writes, and how a table
lays out each column. Views build these; the format writers and the table read them."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from openai_landscape.errors import UsageError
from openai_landscape.plain import REQUIRED, Plain


class Column(Plain):
    """One table column: its field, its human heading, and how it gives way when room runs out.

    `priority`: lower is kept longer; the highest is dropped first; 0 is never dropped. `flex`:
    the column that shrinks (with an ellipsis) instead of being dropped, down to `min_width`.
    `wrap`: long values continue on the next line at spaces (never inside a word, a number or a
    URL), at most `max_lines` lines. `whole`: never cut (URLs): other columns give way.
    """

    FIELDS: ClassVar[dict[str, Any]] = {
        "key": REQUIRED,
        "heading": REQUIRED,
        "priority": 5,
        "align": "left",
        "flex": False,
        "min_width": 0,
        "max_width": 60,
        "wrap": False,
        "whole": False,
        "max_lines": 0,
        "style": "",
        "show": None,
    }
    key: str
    heading: str
    priority: int
    align: str
    flex: bool
    min_width: int
    max_width: int
    wrap: bool
    whole: bool
    max_lines: int
    style: str
    show: Callable[[Any, Mapping[str, Any]], str] | None


class Listing(Plain):
    """Rows (mappings) with the fields JSON/CSV write and the columns a table shows.

    `json_texts`: pre-serialized compact JSON per row (the cache's texts), used when no
    projection applies; `group`: a heading for each group of rows (e.g. the year)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        "kind": REQUIRED,
        "rows": REQUIRED,
        "fields": REQUIRED,
        "columns": REQUIRED,
        "json_texts": None,
        "group": None,
        "title": None,
        "row_style": None,
        "extra": dict,
    }
    kind: str
    rows: Sequence[Mapping[str, Any]]
    fields: list[str]  # type: ignore[assignment]
    columns: list[Column]
    json_texts: Sequence[str] | None
    group: Callable[[Mapping[str, Any]], str] | None
    title: str | None
    row_style: Callable[[Mapping[str, Any]], str] | None
    extra: dict[str, Any]

    def __len__(self) -> int:
        return len(self.rows)

    def project(self, keys: Sequence[str]) -> Listing:
        """Only `keys`, in that order, in every format (`--columns`); unknown keys are an error."""
        known = list(dict.fromkeys([*self.fields, *(c.key for c in self.columns)]))
        by_key = {c.key: c for c in self.columns}
        for k in keys:
            if k not in known:
                from difflib import get_close_matches

                close = get_close_matches(k, known, n=1, cutoff=0.6)
                hint = f" (did you mean {close[0]}?)" if close else ""
                raise UsageError(f"unknown column {k!r}{hint}; known: {', '.join(known)}", field="columns")
        columns = [(by_key.get(k) or Column(k, k)).replace(priority=i) for i, k in enumerate(keys)]
        return Listing(self.kind, self.rows, list(keys), columns, None, self.group, self.title, self.row_style)


def cell(value: Any, *, none: str = "") -> str:
    """One value as flat text: lists joined with '; ', nested tables as compact JSON."""
    if value is None:
        return none
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else repr(value)
    if isinstance(value, list):
        return "; ".join(cell(v) if not isinstance(v, dict) else json.dumps(v, ensure_ascii=False) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=False)
    return str(value)
