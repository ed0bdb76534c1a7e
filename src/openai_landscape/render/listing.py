"""What a command prints, as plain data: rows, the fields every format writes, and how a table
lays out each column. Views build these; the format writers and the table read them."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from openai_landscape.errors import UsageError


@dataclass(frozen=True)
class Column:
    """One table column: its field, its human heading, and how it gives way when room runs out.

    `priority`: lower is kept longer; the highest is dropped first. `flex`: the column that
    shrinks (with an ellipsis) instead of being dropped, down to `min_width`. `wrap`: long
    values continue on the next line at spaces (never inside a word, a number or a URL).
    """

    key: str
    heading: str
    priority: int = 5
    align: str = "left"
    flex: bool = False
    min_width: int = 0
    max_width: int = 60
    wrap: bool = False
    #: Never cut (URLs): the column keeps its full width and other columns give way.
    whole: bool = False
    #: With `wrap`: at most this many lines, the last ending in an ellipsis when cut.
    max_lines: int = 0
    style: str = ""
    show: Callable[[Any, Mapping[str, Any]], str] | None = None


@dataclass
class Listing:
    """Rows (mappings) with the fields JSON/CSV write and the columns a table shows."""

    kind: str
    rows: Sequence[Mapping[str, Any]]
    fields: list[str]
    columns: list[Column]
    #: Pre-serialized compact JSON per row (the cache's texts), used when no projection applies.
    json_texts: Sequence[str] | None = None
    #: A heading for each group of rows (e.g. the year), shown above the group in a table.
    group: Callable[[Mapping[str, Any]], str] | None = None
    title: str | None = None
    row_style: Callable[[Mapping[str, Any]], str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

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
        columns = [by_key.get(k) or Column(k, k, priority=i) for i, k in enumerate(keys)]
        columns = [Column(**{**c.__dict__, "priority": i}) for i, c in enumerate(columns)]
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
