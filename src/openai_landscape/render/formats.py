"""JSON, JSONL, CSV and Markdown: written without Rich, field names and raw values as in JSON."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import Any, TextIO

from openai_landscape.escaping import inert, json_dumps

from .listing import Listing, cell


def write_json_rows(listing: Listing, out: TextIO) -> None:
    """A JSON array, one record per line: valid JSON that `grep` and `head` can also read."""
    texts = listing.json_texts
    if texts is None:
        texts = [json_dumps(dict(r), indent=None) for r in _rows(listing)]
    if not len(texts):
        out.write("[]\n")
        return
    out.write("[\n")
    last = len(texts) - 1
    for i, text in enumerate(texts):
        out.write(text)
        out.write(",\n" if i < last else "\n")
    out.write("]\n")


def write_json_object(value: Any, out: TextIO) -> None:
    out.write(json_dumps(value) + "\n")


def write_jsonl(listing: Listing, out: TextIO) -> None:
    texts = listing.json_texts
    if texts is None:
        texts = [json_dumps(dict(r), indent=None) for r in _rows(listing)]
    for text in texts:
        out.write(text)
        out.write("\n")


def _rows(listing: Listing) -> list[dict[str, Any]]:
    keys = listing.fields
    return [{k: r.get(k) for k in keys} for r in listing.rows]


def write_csv(listing: Listing, out: TextIO) -> None:
    """The command's fields, always the same header whatever the result; control chars inert."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(listing.fields)
    for r in listing.rows:
        writer.writerow([inert(cell(r.get(c)), keep_newlines=True) for c in listing.fields])


def md_cell(value: Any) -> str:
    text = inert(cell(value), keep_newlines=True)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>").replace("\t", " ")


def write_markdown(listing: Listing, out: TextIO, keys: Sequence[str] | None = None) -> None:
    """A GitHub table of the table's columns (field names as headers)."""
    cols = list(keys or [c.key for c in listing.columns])
    out.write("| " + " | ".join(cols) + " |\n")
    out.write("|" + "|".join("---" for _ in cols) + "|\n")
    for r in listing.rows:
        out.write("| " + " | ".join(md_cell(r.get(c)) for c in cols) + " |\n")
