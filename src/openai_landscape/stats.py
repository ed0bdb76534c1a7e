"""Counts behind the `stats` charts and the lineage graph: pure functions over selected models.

Each breakdown is a list of rows `{"group": ..., "open": n, "closed": n, "total": n, ...}`, the
same numbers for every output (chart, JSON, CSV, SVG). Open means downloadable weights
(access open-*), as in `models --open-weights`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from .catalog import Catalog
from .query import ACCESS_LEVELS

BREAKDOWNS = ("year", "country", "org", "license", "arch", "size")
#: Parameter bands (billions, lower bound inclusive).
SIZE_BANDS = (("< 1B", 0, 1), ("1-10B", 1, 10), ("10-100B", 10, 100), ("100B-1T", 100, 1000), (">= 1T", 1000, float("inf")))
UNKNOWN = "unknown"


def breakdown(catalog: Catalog, positions: Sequence[int], by: str, top: int | None = None) -> list[dict[str, Any]]:
    """Open and closed counts per group; `year` rows also count each access level."""
    cols = catalog.models.columns
    groups: dict[str, Counter[str]] = {}
    for i in positions:
        key = group_of(catalog, i, by)
        counter = groups.setdefault(key, Counter())
        counter["open" if cols["open_weights"][i] else "closed"] += 1
        if by == "year":
            counter[cols["access"][i]] += 1
    rows = []
    for key, c in groups.items():
        row: dict[str, Any] = {"group": key, "open": c["open"], "closed": c["closed"], "total": c["open"] + c["closed"]}
        if by == "year":
            row["by_access"] = {a: c[a] for a in ACCESS_LEVELS}
        rows.append(row)
    rows.sort(key=lambda r: _order(r, by))
    if top is not None and by in ("org", "country", "license"):
        rows = [r for r in rows if r["group"] != UNKNOWN][:top] + [r for r in rows if r["group"] == UNKNOWN]
    return rows


def _order(row: dict[str, Any], by: str) -> Any:
    if by == "year":
        return (row["group"] == UNKNOWN, row["group"])
    if by == "size":
        names = [b[0] for b in SIZE_BANDS]
        return names.index(row["group"]) if row["group"] in names else len(names)
    return (row["group"] == UNKNOWN, -row["total"], row["group"])


def group_of(catalog: Catalog, i: int, by: str) -> str:
    cols = catalog.models.columns
    if by == "year":
        date = cols["release_date"][i]
        return date[:4] if date else UNKNOWN
    if by == "country":
        return cols["country"][i] or UNKNOWN
    if by == "org":
        return cols["organization"][i]
    if by == "license":
        return cols["license"][i] or ("none (closed)" if not cols["open_weights"][i] else UNKNOWN)
    if by == "arch":
        return cols["architecture"][i] or UNKNOWN
    params = cols["params_b"][i]
    if params is None:
        return UNKNOWN
    return next(name for name, lo, hi in SIZE_BANDS if lo <= params < hi)


# --- lineage ---------------------------------------------------------------------------------


def lineage_graph(catalog: Catalog, model_id: str) -> dict[str, Any]:
    """The model's ancestors (by `base_model`), every descendant of its root, and the models
    distilled from any of them (their `teacher`), as nodes and edges. `tree` lists the
    (parent, child, relation) lines to draw: a distilled model hangs under its teacher when its
    own base is not in the tree."""
    models = catalog.models
    root = model_id
    seen = {root}
    while models[root].get("base_model") and models[root]["base_model"] in models and models[root]["base_model"] not in seen:
        root = models[root]["base_model"]
        seen.add(root)
    children: dict[str, list[str]] = {}
    students: dict[str, list[str]] = {}
    for mid, base, teacher in zip(models.ids, models.columns["base_model"], models.columns["teacher"], strict=True):
        if base:
            children.setdefault(base, []).append(mid)
        if teacher:
            students.setdefault(teacher, []).append(mid)

    def by_date(ids: list[str]) -> list[str]:
        return sorted(ids, key=lambda k: (models[k].get("release_date") or "9999", k))

    order: list[str] = []
    tree: list[tuple[str, str, str]] = []
    stack: list[tuple[str | None, str, str | None]] = [(None, root, None)]
    while stack:
        parent, mid, relation = stack.pop()
        if mid in order:
            continue
        order.append(mid)
        if parent is not None:
            tree.append((parent, mid, relation or "derived"))
        below = [(mid, k, models[k].get("base_relation") or "derived") for k in by_date(children.get(mid, []))]
        below += [(mid, k, "distilled") for k in by_date(students.get(mid, [])) if models[k].get("base_model") not in order and k not in children.get(mid, [])]
        stack.extend(reversed(below))
    root_org = models[root]["organization"]
    nodes = []
    edges = []
    for mid in order:
        m = models[mid]
        nodes.append(
            {
                "id": mid,
                "name": m["name"],
                "organization": m["organization"],
                "release_date": m.get("release_date"),
                "access": m["access"],
                "open_weights": m["open_weights"],
                "other_organization": m["organization"] != root_org,
                "focus": mid == model_id,
            }
        )
        if m.get("base_model") and mid != root and m["base_model"] in order:
            edges.append({"from": m["base_model"], "to": mid, "kind": m.get("base_relation") or "derived"})
        if m.get("teacher") and m["teacher"] in order:
            edges.append({"from": m["teacher"], "to": mid, "kind": "teacher"})
    return {"root": root, "focus": model_id, "nodes": nodes, "edges": edges, "tree": [list(t) for t in tree]}
