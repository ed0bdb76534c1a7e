"""Pictures in the terminal: stacked bar charts, a lineage tree and a timeline with lanes.

A figure is plain data (a dict built by `views`): `{"kind": "bars" | "tree" | "timeline", ...}`.
Meaning never rests on colour alone: open and closed differ in shape (█ and ░, ● and ○), and
every chart carries its legend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from openai_landscape.escaping import inert

from .text import Terminal, pad, paint, truncate, width_of

OPEN, CLOSED, EVENT = "█", "░", "◆"
DOT_OPEN, DOT_CLOSED, DOT_BOTH = "●", "○", "◐"
LEGEND_BARS = f"{OPEN} open weights   {CLOSED} closed (no downloadable weights)"


def figure_lines(figure: Mapping[str, Any], term: Terminal) -> list[str]:
    kind = figure["kind"]
    if kind == "bars":
        return bar_lines(figure, term)
    if kind == "dashboard":
        out: list[str] = [paint(inert(figure["title"]), "bold", term.colour), ""]
        for n, part in enumerate(figure["charts"]):
            if n:
                out.append("")
            out.extend(bar_lines(part, term, legend=False))
        return [*out, "", paint(LEGEND_BARS, "dim", term.colour)]
    if kind == "tree":
        return tree_lines(figure, term)
    if kind == "timeline":
        return timeline_lines(figure, term)
    if kind == "steps":
        return steps_lines(figure, term)
    if kind == "steps-set":
        out = [paint(inert(figure["title"]), "bold", term.colour)]
        for part in figure["charts"]:
            out += ["", *steps_lines(part, term)]
        return out
    raise ValueError(kind)


def bar_lines(chart: Mapping[str, Any], term: Terminal, legend: bool = True) -> list[str]:
    """One row per group: its label, a bar of open (█) then closed (░) models, and the counts."""
    rows = chart["rows"]
    lines = [paint(inert(chart["title"]), "bold", term.colour)]
    if not rows:
        return [*lines, "  (no models)"]
    label_w = min(24, max(width_of(inert(str(r["group"]))) for r in rows))
    counts = [f"{r['total']:>4}  ({r['open']} open, {r['closed']} closed)" for r in rows]
    count_w = max(len(c) for c in counts)
    bar_w = max(8, term.width - label_w - count_w - 4)
    peak = max(r["total"] for r in rows) or 1
    for r, count in zip(rows, counts, strict=True):
        n_open = _cells(r["open"], peak, bar_w)
        n_closed = _cells(r["total"], peak, bar_w) - n_open
        if r["closed"] and n_closed <= 0:
            n_closed = 1
        bar = paint(OPEN * n_open, "green", term.colour) + paint(CLOSED * n_closed, "magenta", term.colour)
        fill = " " * (bar_w - n_open - n_closed)
        label = pad(truncate(inert(str(r["group"])), label_w), label_w, "left")
        lines.append(f"{label}  {bar}{fill}  {count}".rstrip())
    if legend:
        lines += ["", paint(LEGEND_BARS, "dim", term.colour)]
    if chart.get("access_table") and all("by_access" in r for r in rows):
        lines += ["", *access_table(rows, label_w, term)]
    return lines


ACCESS_SHORT = {
    "open-unrestricted": "open",
    "open-restricted": "restricted",
    "open-noncommercial": "noncomm.",
    "api": "api",
    "hosted": "hosted",
    "limited": "limited",
    "unreleased": "unreleased",
    "retired": "retired",
}


def access_table(rows: list[Mapping[str, Any]], label_w: int, term: Terminal) -> list[str]:
    """The graded access levels behind each bar: open-weights terms first, then the closed kinds."""
    heads = list(ACCESS_SHORT.values())
    widths = [max(len(h), 3) for h in heads]
    out = [paint("By access level (open weights: open, restricted, noncomm.; closed: the rest)", "bold", term.colour)]
    out.append(" " * label_w + "  " + "  ".join(pad(h, w, "right") for h, w in zip(heads, widths, strict=True)))
    for r in rows:
        cells = [str(r["by_access"].get(level, 0) or "·") for level in ACCESS_SHORT]
        label = pad(truncate(inert(str(r["group"])), label_w), label_w, "left")
        out.append(label + "  " + "  ".join(pad(c, w, "right") for c, w in zip(cells, widths, strict=True)))
    return out


def _cells(value: int, peak: int, width: int) -> int:
    if value <= 0:
        return 0
    return max(1, round(value / peak * width))


def tree_lines(graph: Mapping[str, Any], term: Terminal) -> list[str]:
    """The derivation tree from the root down; the asked-for model in bold, other organisations marked ◆."""
    nodes = {n["id"]: n for n in graph["nodes"]}
    kids: dict[str, list[tuple[str, str]]] = {}
    teachers: dict[str, list[str]] = {}
    for parent, child, relation in graph["tree"]:
        kids.setdefault(parent, []).append((child, relation))
    for e in graph["edges"]:
        if e["kind"] == "teacher" and (e["from"], e["to"], "distilled") not in {tuple(t) for t in graph["tree"]}:
            teachers.setdefault(e["to"], []).append(e["from"])
    lines = [paint(inert(graph["title"]), "bold", term.colour)]

    def label(mid: str, relation: str | None) -> str:
        n = nodes[mid]
        mark = DOT_OPEN if n["open_weights"] else DOT_CLOSED
        other = f" {EVENT}" if n["other_organization"] else ""
        extra = ", ".join(x for x in (n["organization"], n["release_date"] or "undated", n["access"]) if x)
        rel = f"[{relation}] " if relation else ""
        teach = f" (teacher: {', '.join(teachers[mid])})" if mid in teachers else ""
        text = inert(f"{rel}{mark} {n['name']} ({mid}){other} — {extra}{teach}")
        return paint(text, "bold" if n["focus"] else "", term.colour)

    def walk(mid: str, prefix: str, last: bool, relation: str | None, depth: int) -> None:
        branch = "" if depth == 0 else ("└── " if last else "├── ")
        lines.append(prefix + branch + label(mid, relation))
        children = kids.get(mid, [])
        child_prefix = prefix + ("" if depth == 0 else ("    " if last else "│   "))
        for k, (child, rel) in enumerate(children):
            walk(child, child_prefix, k == len(children) - 1, rel, depth + 1)

    walk(graph["root"], "", True, None, 0)
    lines += ["", paint(f"{DOT_OPEN} open weights  {DOT_CLOSED} closed  {EVENT} another organisation  [relation] how it was derived", "dim", term.colour)]
    return lines


def _day(value: str) -> dt.date:
    from openai_landscape.catalog import date_start

    return dt.date.fromisoformat(date_start(value) or value)


def timeline_lines(chart: Mapping[str, Any], term: Terminal) -> list[str]:
    """One lane per organisation (or access class); ● open and ○ closed releases, ◆ events,
    placed on a time axis scaled to the terminal's width."""
    lanes = chart["lanes"]
    lo, hi = _day(chart["start"]), _day(chart["end"])
    label_w = min(18, max([width_of(inert(str(lane["label"]))) for lane in lanes] or [4]))
    axis_w = max(20, term.width - label_w - 2)
    span = max(1, (hi - lo).days)

    def column(date: str) -> int:
        return min(axis_w - 1, max(0, round((_day(date) - lo).days / span * (axis_w - 1))))

    lines = [paint(inert(chart["title"]), "bold", term.colour)]
    for lane in lanes:
        cells = [" "] * axis_w
        for mark in lane["marks"]:
            c = column(mark["date"])
            glyph = EVENT if mark["kind"] == "event" else (DOT_OPEN if mark["open"] else DOT_CLOSED)
            current = cells[c]
            if current in (DOT_OPEN, DOT_CLOSED) and glyph in (DOT_OPEN, DOT_CLOSED) and current != glyph:
                glyph = DOT_BOTH
            cells[c] = glyph
        styled = "".join(
            paint(ch, "green" if ch == DOT_OPEN else "magenta" if ch == DOT_CLOSED else "yellow" if ch in (EVENT, DOT_BOTH) else "", term.colour)
            for ch in cells
        )
        lines.append(pad(truncate(inert(str(lane["label"])), label_w), label_w, "left") + "  " + styled.rstrip())
    ticks = [" "] * axis_w
    labels = [" "] * axis_w
    for year in range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1):
        c = column(f"{year}-01-01")
        ticks[c] = "┬"
        text = str(year)
        if c + len(text) <= axis_w and all(ch == " " for ch in labels[max(0, c - 1) : c + len(text) + 1]):
            labels[c : c + len(text)] = list(text)
    axis = "".join("─" if t == " " else t for t in ticks)
    lines.append(" " * label_w + "  " + axis)
    lines.append(" " * label_w + "  " + "".join(labels).rstrip())
    lines.append(" " * label_w + f"  {chart['start']} .. {chart['end']}")
    lines += ["", paint(f"{DOT_OPEN} open-weights release  {DOT_CLOSED} closed release  {DOT_BOTH} both in one cell  {EVENT} event", "dim", term.colour)]
    return lines


def steps_lines(chart: Mapping[str, Any], term: Terminal, height: int = 12) -> list[str]:
    """Best-so-far scores over time as two step lines: ● open weights, ○ closed; ◐ where both meet."""
    series = chart["series"]
    points = [p for s in series for p in s["points"]]
    lines = [paint(inert(chart["title"]), "bold", term.colour)]
    if not points:
        return [*lines, "  (no comparable scores)"]
    lo_d = min(_day(p["date"]) for p in points)
    hi_d = max(_day(p["date"]) for p in points)
    span = max(1, (hi_d - lo_d).days)
    lo_v = min(p["value"] for p in points)
    hi_v = max(p["value"] for p in points)
    if hi_v == lo_v:
        hi_v = lo_v + 1
    axis_w = max(20, term.width - 8)
    grid = [[" "] * axis_w for _ in range(height)]
    for s in series:
        glyph = DOT_OPEN if s["open"] else DOT_CLOSED
        pts = sorted(s["points"], key=lambda p: _day(p["date"]))
        for col in range(axis_w):
            day = lo_d + dt.timedelta(days=round(col / (axis_w - 1) * span))
            current = [p for p in pts if _day(p["date"]) <= day]
            if not current:
                continue
            row = height - 1 - round((current[-1]["value"] - lo_v) / (hi_v - lo_v) * (height - 1))
            cell = grid[row][col]
            grid[row][col] = DOT_BOTH if cell not in (" ", glyph) else glyph
    for r, row in enumerate(grid):
        value = hi_v - r / (height - 1) * (hi_v - lo_v)
        label = f"{value:5.1f} " if r in (0, height // 2, height - 1) else "      "
        text = "".join(paint(ch, "green" if ch == DOT_OPEN else "magenta" if ch == DOT_CLOSED else "yellow" if ch == DOT_BOTH else "", term.colour) for ch in row)
        lines.append(label + "│" + text.rstrip())
    ticks = [" "] * axis_w
    for year in range(lo_d.year + 1, hi_d.year + 1):
        col = round((dt.date(year, 1, 1) - lo_d).days / span * (axis_w - 1))
        label = str(year)
        if 0 <= col <= axis_w - len(label):
            ticks[col : col + len(label)] = list(label)
    lines.append("      └" + "─" * axis_w)
    lines.append("       " + "".join(ticks).rstrip())
    lines.append(f"       {lo_d.isoformat()} .. {hi_d.isoformat()}")
    lines.append(paint(f"{DOT_CLOSED} best closed score so far   {DOT_OPEN} best open-weights score so far   {DOT_BOTH} both", "dim", term.colour))
    return lines
