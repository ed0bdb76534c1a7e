"""Output: every command hands one Listing, Document or Figure to `emit`, which writes the format
asked for. JSON, JSONL, CSV and Markdown never import Rich; tables are laid out by `render.text`,
pictures drawn by `render.chart` and exported by `render.svg`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import Enum
from typing import Any, ClassVar, TextIO

from openai_landscape.plain import REQUIRED, Plain

from .listing import Column, Listing, cell

__all__ = ["Column", "Document", "Figure", "Format", "Listing", "cell", "emit", "write_pictures"]


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    TOML = "toml"  # models only: the layout of data/, loadable with --data


class Document(Plain):
    """One record or report: `json` for JSON, `flat` (rows) for JSONL/CSV/Markdown, and the
    blocks a person reads: ("pairs", title, [(label, value)]) or ("listing", Listing)."""

    FIELDS: ClassVar[dict[str, Any]] = {"json": REQUIRED, "flat": REQUIRED, "blocks": list, "footer": None}
    json: Any
    flat: Listing
    blocks: list[tuple[Any, ...]]
    footer: str | None


class Figure(Plain):
    """A picture (`render.chart` draws it, `render.svg` exports it) with the numbers behind it:
    `json` for JSON, `flat` rows for JSONL/CSV/Markdown."""

    FIELDS: ClassVar[dict[str, Any]] = {"figure": REQUIRED, "json": REQUIRED, "flat": REQUIRED}
    figure: dict[str, Any]
    json: Any
    flat: Listing


def document_lines(view: Document, term: Any) -> tuple[list[str], list[str]]:
    """The lines a person reads, and the notes for stderr (hidden columns, footer)."""
    from .text import paint, pairs_lines, table_lines

    out: list[str] = []
    notes: list[str] = []
    hidden_all: list[str] = []
    for block in view.blocks:
        if block[0] == "pairs":
            lines = pairs_lines(block[1], block[2], term)
        else:
            listing: Listing = block[1]
            if not listing.rows:
                continue
            lines, hidden = table_lines(listing, term)
            if listing.title:
                lines = [paint(listing.title, "bold", term.colour), *lines]
            if hidden:
                hidden_all.append(f"{listing.title or listing.kind}: {', '.join(hidden)}")
        if out:
            out.append("")
        out.extend(lines)
    if hidden_all:
        notes.append(f"hidden to fit {term.width} columns: " + "; ".join(hidden_all))
    if view.footer:
        notes.append(view.footer)
    return out, notes


def emit(view: Listing | Document | Figure, fmt: Format, columns: Sequence[str] = (), out: TextIO | None = None) -> list[str]:
    """Write a view in one format; returns the notes meant for stderr (row counts, hidden columns)."""
    from . import formats

    out = out or sys.stdout
    if fmt is Format.TOML:
        from openai_landscape.errors import UsageError

        raise UsageError("toml is written only for models (landscape models --format toml)", field="format")
    if isinstance(view, Figure | Document):
        if fmt is Format.JSON:
            formats.write_json_object(view.json, out)
            return []
        if fmt is not Format.TABLE:
            return emit(view.flat, fmt, columns, out)
        from .text import Terminal, write_lines

        term = Terminal.detect(out)
        if isinstance(view, Figure):
            from .chart import figure_lines

            write_lines(figure_lines(view.figure, term), out)
            return []
        lines, notes = document_lines(view, term)
        write_lines(lines, out)
        return notes
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


def write_pictures(view: Document | Figure, title: str, svg: Any = None, html: Any = None, force: bool = False) -> list[str]:
    """Export a view as standalone SVG and/or HTML, written atomically; returns notes for stderr."""
    from openai_landscape.export import write_atomic

    from .svg import figure_svg, html_page, text_svg
    from .text import Terminal

    if isinstance(view, Figure):
        from .chart import figure_lines

        picture = figure_svg(view.figure)
        lines = figure_lines(view.figure, Terminal(100, False))
    else:
        lines, _ = document_lines(view, Terminal(120, False))
        picture = text_svg(lines, title)
    notes = []
    if svg is not None:
        write_atomic(svg, picture, force=force, option="--svg")
        notes.append(f"wrote {svg}")
    if html is not None:
        write_atomic(html, html_page(title, picture, lines), force=force, option="--html")
        notes.append(f"wrote {html}")
    return notes
