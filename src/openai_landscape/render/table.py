"""Rich tables and record views for people. Every value goes in as a Text object, never markup."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import Listing, cell
from .safe import inert

NONE = "—"


def stdout_console() -> Console:
    """A console on the current stdout; Rich itself honours NO_COLOR, FORCE_COLOR, COLUMNS, TTY."""
    return Console(file=sys.stdout, highlight=False, markup=False, emoji=False, soft_wrap=False)


def stderr_console() -> Console:
    return Console(file=sys.stderr, highlight=False, markup=False, emoji=False)


def text(value: Any, style: str = "") -> Text:
    if isinstance(value, list) and value and not isinstance(value[0], dict):
        s = ", ".join(cell(v) for v in value)
    else:
        s = cell(value, none=NONE)
    return Text(inert(s) if s else NONE, style=style)


def _fit(listing: Listing, columns: list[str], width: int) -> list[str]:
    """Drop the listing's droppable columns, in order, until the natural width fits."""

    def natural(cols: list[str]) -> int:
        total = 1
        for c in cols:
            widest = max([len(c), *(len(inert(cell(r.get(c)))) for r in listing.records[:200])])
            total += min(widest, 30) + 3
        return total

    cols = list(columns)
    for drop in listing.droppable:
        if natural(cols) <= width:
            break
        if drop in cols and len(cols) > 2:
            cols.remove(drop)
    return cols


def print_listing(listing: Listing) -> None:
    console = stdout_console()
    cols = _fit(listing, listing.columns, console.width)
    table = Table(show_header=True, header_style="bold")
    for c in cols:
        numeric = c.endswith(("_b", "_length")) or c in ("models", "open_weights", "closed")
        keep_whole = c in ("id", "date", "release_date", "founded")
        table.add_column(c, justify="right" if numeric else "left", overflow="fold", no_wrap=keep_whole)
    year = None
    for r in listing.records:
        if listing.group_by_year:
            y = str(r.get(listing.group_by_year) or "")[:4]
            if y != year:
                if year is not None:
                    table.add_section()
                year = y
                table.add_row(Text(y, style="bold cyan"), *[Text("") for _ in cols[1:]])
        style = ""
        if r.get("open_weights") is True and "open_weights" not in cols:
            style = "green"
        table.add_row(*[text(r.get(c), style if c in ("id", "name", "title") else "") for c in cols])
    console.print(table)


def print_pairs(title: str, pairs: Sequence[tuple[str, Any]], console: Console | None = None) -> None:
    """A two-column view of one record: field, value (multi-line values kept)."""
    console = console or stdout_console()
    table = Table(show_header=False, box=None, pad_edge=False, title=Text(inert(title), style="bold"), title_justify="left")
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold")
    for key, value in pairs:
        if isinstance(value, Text):
            table.add_row(key, value)
        elif isinstance(value, str) and "\n" in value:
            table.add_row(key, Text(inert(value, keep_newlines=True)))
        else:
            table.add_row(key, text(value))
    console.print(table)


def print_section(title: str, rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> None:
    console = stdout_console()
    if not rows:
        return
    table = Table(title=Text(inert(title), style="bold"), title_justify="left", header_style="bold")
    for h in headers:
        table.add_column(h, overflow="fold")
    for row in rows:
        table.add_row(*[text(v) for v in row])
    console.print(table)


def print_compare(records: list[dict[str, Any]], fields: Sequence[str], differing: Sequence[str]) -> None:
    """One column per record, one row per field; differing rows marked with * and highlighted."""
    console = stdout_console()
    table = Table(header_style="bold")
    table.add_column("field", no_wrap=True)
    for r in records:
        table.add_column(Text(inert(str(r.get("id")))), overflow="fold")
    for f in fields:
        differs = f in differing
        style = "bold yellow" if differs else "dim"
        label = Text(f + (" *" if differs else ""), style="bold" if differs else "")
        table.add_row(label, *[text(r.get(f), style) for r in records])
    console.print(table)
    if differing:
        stderr_console().print(Text(f"* {len(differing)} of {len(fields)} fields differ"))
