"""Tables and record views for people, as plain text laid out to the terminal's width.

Written without Rich so that a table of hundreds of rows costs milliseconds: columns are
measured once, low-value columns are dropped first (and named on stderr), the one flexible
column (a name, a title) shrinks with an ellipsis, headings are never broken, URLs and numbers
never split. Colour (bold headings, the open/closed mark) only when the terminal takes it:
never with NO_COLOR or when stdout is not a terminal, always with FORCE_COLOR.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, TextIO

from openai_landscape.escaping import inert
from openai_landscape.plain import REQUIRED, Plain

from .listing import Column, Listing, cell

NONE = "—"
GAP = 2
STYLES = {"bold": "1", "dim": "2", "green": "32", "cyan": "36", "yellow": "33", "red": "31", "magenta": "35", "blue": "34"}
_URL = re.compile(r"^https?://")


class Terminal(Plain):
    FIELDS: ClassVar[dict[str, Any]] = {"width": REQUIRED, "colour": REQUIRED}
    width: int
    colour: bool

    @classmethod
    def detect(cls, stream: TextIO | None = None) -> Terminal:
        stream = stream or sys.stdout
        return cls(terminal_width(stream), colour_enabled(stream))


def terminal_width(stream: TextIO | None = None) -> int:
    """COLUMNS when set, else the terminal's width, else 80 (as Rich and most tools do)."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    stream = stream or sys.stdout
    try:
        if stream.isatty():
            return shutil.get_terminal_size((80, 24)).columns
    except (AttributeError, ValueError, OSError):
        pass
    return 80


def colour_enabled(stream: TextIO | None = None) -> bool:
    """The no-color.org and FORCE_COLOR conventions, then whether the stream is a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def paint(text: str, style: str, colour: bool) -> str:
    if not colour or not style or not text:
        return text
    codes = ";".join(STYLES[s] for s in style.split() if s in STYLES)
    return f"\x1b[{codes}m{text}\x1b[0m" if codes else text


def width_of(text: str) -> int:
    """Terminal cells a string takes: wide East Asian characters count two, combining marks none."""
    if text.isascii():
        return len(text)
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def truncate(text: str, width: int) -> str:
    """At most `width` cells, ending in an ellipsis when cut."""
    if width_of(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    out, used = [], 0
    for ch in text:
        w = width_of(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + "…"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken at spaces only; a longer word (a URL, a number)
    stays whole on its own line rather than being split."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            candidate = f"{line} {word}" if line else word
            if width_of(candidate) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def pad(text: str, width: int, align: str) -> str:
    fill = " " * max(0, width - width_of(text))
    return fill + text if align == "right" else text + fill


def show_value(column: Column, row: Mapping[str, Any]) -> str:
    value = row.get(column.key)
    if column.show:
        return inert(column.show(value, row), keep_newlines=column.wrap)
    if isinstance(value, list):
        text = ", ".join(cell(v) for v in value) if value else ""
    else:
        text = cell(value)
    return inert(text, keep_newlines=column.wrap) if text else NONE


def fit_columns(columns: Sequence[Column], natural: Mapping[str, int], width: int) -> tuple[list[Column], dict[str, int]]:
    """The columns that fit `width` and the width of each.

    The flexible column (a name, a title) is given its preferred room first (its `min_width`,
    or its natural width if less); then the lowest-value columns are dropped until everything
    fits; then the flexible column shrinks no further than its heading; leftover room goes to it.
    """
    active = list(columns)
    widths = dict(natural)
    flex = [c for c in active if c.flex or c.wrap]

    def fixed() -> int:
        return sum(widths[c.key] for c in active if c not in flex) + GAP * (len(active) - 1)

    def room() -> int:
        return width - fixed()

    def wanted(c: Column) -> int:
        if c.whole:
            return natural[c.key]
        return min(natural[c.key], max(c.min_width, width_of(c.heading)))

    def drop() -> bool:
        droppable = [c for c in active if c not in flex and c.priority > 0]  # priority 0: always kept
        if not droppable or len(active) <= 1:
            return False
        active.remove(max(droppable, key=lambda c: (c.priority, active.index(c))))
        return True

    need = sum(wanted(c) for c in flex)
    while room() < need and drop():
        pass
    # Share the room among the flexible columns (water-filling): the narrowest take what they
    # need, the rest split what is left evenly; none below its heading or its `wanted` width.
    spare = room()
    pending = sorted((c for c in flex if c in active), key=lambda c: natural[c.key])
    while pending:
        c = pending.pop(0)
        fair = spare // (len(pending) + 1)
        widths[c.key] = max(width_of(c.heading), wanted(c) if spare >= need else 0, min(natural[c.key], fair))
        spare -= widths[c.key]
    return active, widths


def table_lines(listing: Listing, term: Terminal) -> tuple[list[str], list[str]]:
    """The table's lines, and the headings of the columns left out to fit."""
    rows = listing.rows
    columns = listing.columns
    texts = [[show_value(c, r) for c in columns] for r in rows]
    empty = [j for j in range(len(columns)) if texts and all(t[j] == "" for t in texts)]
    if empty and len(empty) < len(columns):  # a column with nothing in it takes no room
        columns = [c for j, c in enumerate(columns) if j not in empty]
        texts = [[x for j, x in enumerate(t) if j not in empty] for t in texts]
    natural = {}
    for j, c in enumerate(columns):
        widest = max([width_of(c.heading), *(max(width_of(x) for x in t[j].split("\n")) for t in texts)] or [1])
        natural[c.key] = min(widest, max(c.max_width, width_of(c.heading))) if not c.wrap else widest
    active, widths = fit_columns(columns, natural, term.width)
    keep = [columns.index(c) for c in active]
    hidden = [c.heading for c in columns if c not in active]
    lines = []
    header = (" " * GAP).join(pad(c.heading, widths[c.key], c.align) for c in active).rstrip()
    lines.append(paint(header, "bold", term.colour))
    lines.append(paint((" " * GAP).join("─" * widths[c.key] for c in active), "dim", term.colour))
    group = None
    for r, t in zip(rows, texts, strict=True):
        if listing.group:
            g = listing.group(r)
            if g != group:
                if group is not None:
                    lines.append("")
                lines.append(paint(inert(g), "bold cyan", term.colour))
                group = g
        style = listing.row_style(r) if listing.row_style else ""
        cells: list[list[str]] = []
        for j in keep:
            c, value, w = columns[j], t[j], widths[columns[j].key]
            if c.wrap:
                wrapped = wrap(value, w)
                if c.max_lines and len(wrapped) > c.max_lines:
                    wrapped = [*wrapped[: c.max_lines - 1], truncate(" ".join(wrapped[c.max_lines - 1 :]), w)]
                cells.append(wrapped)
            elif _URL.match(value) or c.align == "right":
                cells.append([value])  # never cut a URL or a number
            else:
                cells.append([truncate(value, w)])
        height = max(len(x) for x in cells)
        for k in range(height):
            parts = []
            for n, (c, lines_of_cell) in enumerate(zip(active, cells, strict=True)):
                text = lines_of_cell[k] if k < len(lines_of_cell) else ""
                padded = pad(text, widths[c.key], c.align) if n < len(active) - 1 or c.align == "right" else text
                parts.append(paint(padded, c.style or (style if n == 0 else ""), term.colour) if text else padded)
            lines.append((" " * GAP).join(parts).rstrip())
    return lines, hidden


def pairs_lines(title: str, pairs: Sequence[tuple[str, Any]], term: Terminal) -> list[str]:
    """One record as `label  value` lines; lists one item a line, long text wrapped at spaces."""
    lines = [paint(inert(title), "bold", term.colour)]
    shown = [(k, v) for k, v in pairs if v not in (None, [], "")]
    label_w = max([width_of(k) for k, _ in shown] or [0])
    value_w = max(20, term.width - label_w - GAP)
    for key, value in shown:
        items = value if isinstance(value, list) else [value]
        out: list[str] = []
        for item in items:
            text = inert(cell(item), keep_newlines=True)
            out.extend(wrap(text, value_w))
        for n, line in enumerate(out):
            label = pad(key, label_w, "left") if n == 0 else " " * label_w
            lines.append(paint(label, "bold", term.colour) + " " * GAP + line)
    return lines


def write_lines(lines: Sequence[str], out: TextIO | None = None) -> None:
    (out or sys.stdout).write("".join(line + "\n" for line in lines))
