"""Output: one Listing (records + default columns) rendered in the format the user asked for.

JSON, JSONL, CSV and Markdown are written here without Rich; tables and record views are in
`render.table`, imported only when a table is printed.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TextIO

from openai_landscape.errors import UsageError

from .safe import inert, json_dumps


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"


@dataclass
class Listing:
    """Records as JSON-ready dicts; `columns` are the defaults for table and Markdown."""

    records: list[dict[str, Any]]
    columns: list[str]
    kind: str = "records"
    group_by_year: str | None = None
    #: Columns a narrow table drops first, in order.
    droppable: list[str] = field(default_factory=list)

    def all_keys(self) -> list[str]:
        keys: list[str] = []
        for r in [*self.records, dict.fromkeys(self.columns)]:
            for k in r:
                if k not in keys:
                    keys.append(k)
        return keys

    def project(self, columns: Sequence[str]) -> Listing:
        known = self.all_keys() if self.records else self.columns
        for c in columns:
            if c not in known and self.records:
                from openai_landscape.catalog import suggest

                raise UsageError(f"unknown column {c!r}{suggest(c, known)}", field="--columns")
        return Listing(
            [{c: r.get(c) for c in columns} for r in self.records], list(columns), self.kind, None, []
        )


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


def write_json(value: Any, out: TextIO) -> None:
    out.write(json_dumps(value) + "\n")


def write_jsonl(records: list[dict[str, Any]], out: TextIO) -> None:
    for r in records:
        out.write(json_dumps(r, indent=None) + "\n")


def write_csv(listing: Listing, out: TextIO, columns: Sequence[str] | None = None) -> None:
    """All fields by default (the CSV is for spreadsheets and scripts); control chars made inert."""
    cols = list(columns) if columns else listing.all_keys()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(cols)
    for r in listing.records:
        writer.writerow([inert(cell(r.get(c)), keep_newlines=True) for c in cols])
    out.write(buf.getvalue())


def md_cell(value: Any) -> str:
    text = inert(cell(value), keep_newlines=True)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>").replace("\t", " ")


def write_markdown(listing: Listing, out: TextIO, columns: Sequence[str] | None = None) -> None:
    cols = list(columns or listing.columns)
    out.write("| " + " | ".join(cols) + " |\n")
    out.write("|" + "|".join("---" for _ in cols) + "|\n")
    for r in listing.records:
        out.write("| " + " | ".join(md_cell(r.get(c)) for c in cols) + " |\n")


def emit(listing: Listing, fmt: Format, columns: Sequence[str] = (), out: TextIO | None = None) -> None:
    """Write a listing to stdout; an empty table says so on stderr, empty JSON is `[]`."""
    out = out or sys.stdout
    if columns:
        listing = listing.project(columns)
    if fmt is Format.JSON:
        write_json(listing.records, out)
    elif fmt is Format.JSONL:
        write_jsonl(listing.records, out)
    elif fmt is Format.CSV:
        write_csv(listing, out, listing.columns if columns else None)
    elif fmt is Format.MARKDOWN:
        write_markdown(listing, out)
    else:
        from .table import print_listing

        print_listing(listing)
