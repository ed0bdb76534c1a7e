"""Output: every command hands one Listing or Document to `emit`, which writes the format asked
for. JSON, JSONL, CSV and Markdown never import Rich; tables are laid out by `render.text`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TextIO

from .listing import Column, Listing, cell

__all__ = ["Column", "Document", "Format", "Listing", "cell", "emit"]


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    TOML = "toml"  # models only: the layout of data/, loadable with --data


@dataclass
class Document:
    """One record or report: `json` for JSON, `flat` (rows) for JSONL/CSV/Markdown, and the
    blocks a person reads: ("pairs", title, [(label, value)]) or ("listing", Listing)."""

    json: Any
    flat: Listing
    blocks: list[tuple[Any, ...]] = field(default_factory=list)
    footer: str | None = None


def emit(
    view: Listing | Document, fmt: Format, columns: Sequence[str] = (), out: TextIO | None = None
) -> list[str]:
    """Write a view in one format; returns the notes meant for stderr (row counts, hidden columns)."""
    from . import formats

    out = out or sys.stdout
    if isinstance(view, Document):
        if fmt is Format.JSON:
            formats.write_json_object(view.json, out)
            return []
        if fmt is not Format.TABLE:
            return emit(view.flat, fmt, columns, out)
        from .text import Terminal, pairs_lines, table_lines, write_lines

        term = Terminal.detect(out)
        notes = []
        first = True
        for block in view.blocks:
            if block[0] == "pairs":
                lines = pairs_lines(block[1], block[2], term)
            else:
                listing: Listing = block[1]
                if not listing.rows:
                    continue
                lines, hidden = table_lines(listing, term)
                if listing.title:
                    from .text import paint

                    lines = [paint(listing.title, "bold", term.colour), *lines]
                if hidden:
                    notes.append(f"{listing.title or listing.kind}: hidden to fit {term.width} columns: {', '.join(hidden)}")
            if not first:
                out.write("\n")
            write_lines(lines, out)
            first = False
        if view.footer:
            notes.append(view.footer)
        return notes
    if fmt is Format.TOML:
        from openai_landscape.errors import UsageError

        raise UsageError("toml is written only for models (landscape models --format toml)", field="format")
    if columns:
        view = view.project(columns)
    if fmt is Format.JSON:
        formats.write_json_rows(view, out)
    elif fmt is Format.JSONL:
        formats.write_jsonl(view, out)
    elif fmt is Format.CSV:
        formats.write_csv(view, out)
    elif fmt is Format.MARKDOWN:
        formats.write_markdown(view, out)
    else:
        from .text import Terminal, table_lines, write_lines

        term = Terminal.detect(out)
        lines, hidden = table_lines(view, term)
        write_lines(lines, out)
        note = f"{len(view)} {view.kind}"
        if hidden:
            note += f" (hidden to fit {term.width} columns: {', '.join(hidden)}; see --columns)"
        return [note]
    return []
