"""Figures as standalone SVG and HTML, drawn with the standard library: no fonts, scripts or
styles fetched from anywhere, every data string escaped (and control characters made visible),
open and closed told apart by pattern and label as well as colour."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from openai_landscape.escaping import inert

FONT = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace"
OPEN_FILL, CLOSED_FILL, EVENT_FILL = "#2e7d32", "#ad1457", "#f9a825"
CHAR_W, LINE_H = 7.8, 16


def text(value: Any) -> str:
    return escape(inert(str(value)))


def _svg(width: float, height: float, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="{FONT}" font-size="12">\n'
        f"<title>{text(title)}</title>\n"
        '<defs><pattern id="closed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{CLOSED_FILL}" opacity="0.35"/><line x1="0" y1="0" x2="0" y2="6" stroke="{CLOSED_FILL}" stroke-width="3"/>'
        "</pattern></defs>\n"
        '<rect width="100%" height="100%" fill="#ffffff"/>\n' + "\n".join(body) + "\n</svg>\n"
    )


def figure_svg(figure: Mapping[str, Any]) -> str:
    kind = figure["kind"]
    if kind == "bars":
        return bars_svg([figure], figure["title"])
    if kind == "dashboard":
        return bars_svg(figure["charts"], figure["title"])
    if kind == "tree":
        return tree_svg(figure)
    if kind == "timeline":
        return timeline_svg(figure)
    if kind == "text":
        return text_svg(figure["lines"], figure["title"])
    if kind in ("steps", "steps-set"):
        return steps_svg(figure["charts"] if kind == "steps-set" else [figure], figure["title"])
    raise ValueError(kind)


def _legend(y: float, items: Sequence[tuple[str, str]]) -> list[str]:
    out, x = [], 12.0
    for fill, label in items:
        out.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{fill}" stroke="#333" stroke-width="0.5"/>')
        out.append(f'<text x="{x + 18}" y="{y}">{text(label)}</text>')
        x += 30 + len(label) * CHAR_W
    return out


def bars_svg(charts: Sequence[Mapping[str, Any]], title: str) -> str:
    label_w = max([len(inert(str(r["group"]))) for c in charts for r in c["rows"]] or [4]) * CHAR_W + 16
    bar_w, row_h = 520.0, 18
    width = label_w + bar_w + 220
    body = [f'<text x="12" y="22" font-size="15" font-weight="bold">{text(title)}</text>']
    y = 40.0
    for chart in charts:
        if len(charts) > 1:
            y += 14
            body.append(f'<text x="12" y="{y}" font-weight="bold">{text(chart["title"])}</text>')
            y += 8
        peak = max([r["total"] for r in chart["rows"]] or [1]) or 1
        for r in chart["rows"]:
            w_open = r["open"] / peak * bar_w
            w_closed = r["closed"] / peak * bar_w
            body.append(f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end">{text(r["group"])}</text>')
            body.append(f'<rect x="{label_w}" y="{y + 2}" width="{w_open:.1f}" height="{row_h - 4}" fill="{OPEN_FILL}"><title>{text(r["group"])}: {r["open"]} open</title></rect>')
            body.append(
                f'<rect x="{label_w + w_open:.1f}" y="{y + 2}" width="{w_closed:.1f}" height="{row_h - 4}" fill="url(#closed)" stroke="{CLOSED_FILL}" stroke-width="0.5">'
                f'<title>{text(r["group"])}: {r["closed"]} closed</title></rect>'
            )
            body.append(f'<text x="{label_w + w_open + w_closed + 6:.1f}" y="{y + 13}">{r["total"]} ({r["open"]} open, {r["closed"]} closed)</text>')
            y += row_h
    y += 24
    body += _legend(y, [(OPEN_FILL, "open weights"), ("url(#closed)", "closed (no downloadable weights)")])
    return _svg(width, y + 14, body, title)


def tree_svg(graph: Mapping[str, Any]) -> str:
    nodes = {n["id"]: n for n in graph["nodes"]}
    kids: dict[str, list[tuple[str, str]]] = {}
    teachers: dict[str, list[str]] = {}
    for parent, child, relation in graph["tree"]:
        kids.setdefault(parent, []).append((child, relation))
    drawn = {(p, c) for p, c, _ in graph["tree"]}
    for e in graph["edges"]:
        if e["kind"] == "teacher" and (e["from"], e["to"]) not in drawn:
            teachers.setdefault(e["to"], []).append(e["from"])
    rows: list[tuple[int, str, str | None]] = []

    def walk(mid: str, depth: int, rel: str | None) -> None:
        rows.append((depth, mid, rel))
        for child, r in kids.get(mid, []):
            walk(child, depth + 1, r)

    walk(graph["root"], 0, None)
    indent, row_h = 28, 24
    width = max(480.0, max(d * indent + (len(nodes[m]["name"]) + len(m) + 60) * CHAR_W for d, m, _ in rows) + 40)
    body = [f'<text x="12" y="22" font-size="15" font-weight="bold">{text(graph["title"])}</text>']
    ys: dict[str, float] = {}
    for k, (depth, mid, rel) in enumerate(rows):
        y = 48 + k * row_h
        ys[mid] = y
        x = 20 + depth * indent
        n = nodes[mid]
        fill = OPEN_FILL if n["open_weights"] else "#ffffff"
        body.append(f'<circle cx="{x}" cy="{y - 4}" r="6" fill="{fill}" stroke="{OPEN_FILL if n["open_weights"] else CLOSED_FILL}" stroke-width="2"/>')
        weight = ' font-weight="bold"' if n["focus"] else ""
        other = " ◆" if n["other_organization"] else ""
        detail = ", ".join(x for x in (n["organization"], n["release_date"] or "undated", n["access"]) if x)
        rel_text = f"[{rel}] " if rel else ""
        teach = f" (teacher: {', '.join(teachers[mid])})" if mid in teachers else ""
        body.append(f'<text x="{x + 12}" y="{y}"{weight}>{text(rel_text + n["name"] + other)} <tspan fill="#555">{text(f"({mid}) {detail}{teach}")}</tspan></text>')
    for depth, mid, _ in rows:
        for child, _r in kids.get(mid, []):
            x = 20 + depth * indent
            body.append(f'<path d="M{x} {ys[mid] + 2} V{ys[child] - 4} H{x + indent - 8}" fill="none" stroke="#999"/>')
    y = 48 + len(rows) * row_h + 10
    body += _legend(y, [(OPEN_FILL, "open weights"), ("#ffffff", "closed"), ("#ffffff", "◆ another organisation")])
    return _svg(width, y + 14, body, graph["title"])


def timeline_svg(chart: Mapping[str, Any]) -> str:
    from openai_landscape.catalog import date_start

    def day(v: str) -> dt.date:
        return dt.date.fromisoformat(date_start(v) or v)

    lo, hi = day(chart["start"]), day(chart["end"])
    span = max(1, (hi - lo).days)
    label_w = max([len(inert(str(lane["label"]))) for lane in chart["lanes"]] or [4]) * CHAR_W + 20
    axis_w, lane_h = 760.0, 26
    width = label_w + axis_w + 30
    body = [f'<text x="12" y="22" font-size="15" font-weight="bold">{text(chart["title"])}</text>']
    top = 40

    def x_of(v: str) -> float:
        return label_w + (day(v) - lo).days / span * axis_w

    for k, lane in enumerate(chart["lanes"]):
        y = top + k * lane_h + lane_h / 2
        body.append(f'<text x="{label_w - 10}" y="{y + 4}" text-anchor="end">{text(lane["label"])}</text>')
        body.append(f'<line x1="{label_w}" y1="{y}" x2="{label_w + axis_w}" y2="{y}" stroke="#ddd"/>')
        for m in lane["marks"]:
            x = x_of(m["date"])
            tip = f"<title>{text(m['date'] + ': ' + m['label'])}</title>"
            if m["kind"] == "event":
                body.append(f'<path d="M{x:.1f} {y - 6} l6 6 l-6 6 l-6 -6 z" fill="{EVENT_FILL}" stroke="#333" stroke-width="0.5">{tip}</path>')
            elif m["open"]:
                body.append(f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="{OPEN_FILL}" opacity="0.85">{tip}</circle>')
            else:
                body.append(f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="#ffffff" stroke="{CLOSED_FILL}" stroke-width="2">{tip}</circle>')
    axis_y = top + len(chart["lanes"]) * lane_h + 6
    body.append(f'<line x1="{label_w}" y1="{axis_y}" x2="{label_w + axis_w}" y2="{axis_y}" stroke="#333"/>')
    for year in range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1):
        x = x_of(f"{year}-01-01")
        body.append(f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="#333"/>')
        body.append(f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle">{year}</text>')
    y = axis_y + 44
    body += _legend(y, [(OPEN_FILL, "open-weights release"), ("#ffffff", "closed release"), (EVENT_FILL, "event")])
    return _svg(width, y + 14, body, chart["title"])


def text_svg(lines: Sequence[str], title: str) -> str:
    """Lines of a text view (a record, a comparison) as monospace SVG text."""
    width = max([len(line) for line in lines] or [40]) * CHAR_W + 24
    body = [
        f'<text x="12" y="{22 + k * LINE_H}" xml:space="preserve">{text(line)}</text>' for k, line in enumerate(lines)
    ]
    return _svg(width, 30 + len(lines) * LINE_H, body, title)


def html_page(title: str, svg: str, lines: Sequence[str] | None = None) -> str:
    """A self-contained page: the SVG inline, and the text view below it when there is one."""
    pre = f"<pre>{text(chr(10).join(lines))}</pre>\n" if lines else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{text(title)}</title>\n"
        f"<style>body{{font-family:{FONT};margin:2em;color:#222}} pre{{font-size:12px;line-height:1.3}}</style>\n"
        "</head>\n<body>\n"
        f"<h1 style=\"font-size:16px\">{text(title)}</h1>\n{svg}{pre}</body>\n</html>\n"
    )


def steps_svg(charts: Sequence[Mapping[str, Any]], title: str) -> str:
    """Best-so-far score lines, one panel per benchmark: solid green open, dashed magenta closed."""
    from openai_landscape.catalog import date_start

    def day(v: str) -> dt.date:
        return dt.date.fromisoformat(date_start(v) or v)

    panel_w, panel_h, left = 720.0, 170.0, 60.0
    body = [f'<text x="12" y="22" font-size="15" font-weight="bold">{text(title)}</text>']
    y0 = 44.0
    for chart in charts:
        pts = [p for s in chart["series"] for p in s["points"]]
        body.append(f'<text x="12" y="{y0}" font-weight="bold">{text(chart["title"])}</text>')
        top = y0 + 12
        if not pts:
            body.append(f'<text x="{left}" y="{top + 20}">no comparable scores</text>')
            y0 = top + 40
            continue
        lo_d, hi_d = min(day(p["date"]) for p in pts), max(day(p["date"]) for p in pts)
        hi_d = max(hi_d, lo_d + dt.timedelta(days=1))
        lo_v, hi_v = min(p["value"] for p in pts), max(p["value"] for p in pts)
        hi_v = hi_v if hi_v > lo_v else lo_v + 1

        def xy(d: dt.date, v: float, lo_d: dt.date = lo_d, hi_d: dt.date = hi_d, top: float = top, lo_v: float = lo_v, hi_v: float = hi_v) -> tuple[float, float]:
            x = left + (d - lo_d).days / (hi_d - lo_d).days * panel_w
            y = top + panel_h - (v - lo_v) / (hi_v - lo_v) * panel_h
            return x, y

        body.append(f'<rect x="{left}" y="{top}" width="{panel_w}" height="{panel_h}" fill="none" stroke="#ccc"/>')
        for v in (lo_v, (lo_v + hi_v) / 2, hi_v):
            _, y = xy(lo_d, v)
            body.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v:.1f}</text>')
        for year in range(lo_d.year + 1, hi_d.year + 1):
            x, _ = xy(dt.date(year, 1, 1), lo_v)
            body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + panel_h}" stroke="#eee"/>')
            body.append(f'<text x="{x:.1f}" y="{top + panel_h + 14}" text-anchor="middle">{year}</text>')
        for s in chart["series"]:
            colour = OPEN_FILL if s["open"] else CLOSED_FILL
            dash = "" if s["open"] else ' stroke-dasharray="6 3"'
            path, last = [], None
            for p in sorted(s["points"], key=lambda p: day(p["date"])):
                x, y = xy(day(p["date"]), p["value"])
                if last is None:
                    path.append(f"M{x:.1f} {y:.1f}")
                else:
                    path.append(f"H{x:.1f} V{y:.1f}")
                last = (x, y)
                marker = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour if s["open"] else "#fff"}" stroke="{colour}" stroke-width="1.5">'
                body.append(marker + f"<title>{text(p['model'] + ' ' + str(p['value']) + ' (' + p['date'] + ')')}</title></circle>")
            if last is not None:
                path.append(f"H{left + panel_w:.1f}")
                body.append(f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        y0 = top + panel_h + 40
    body += _legend(y0, [(OPEN_FILL, "best open-weights score so far"), (CLOSED_FILL, "best closed score so far (dashed)")])
    return _svg(left + panel_w + 30, y0 + 14, body, title)
