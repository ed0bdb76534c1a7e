"""How far open weights trail the closed labs, computed from sourced benchmark scores.

For one benchmark: every closed model that set a new best closed score (the closed frontier),
and the first open-weights model whose score came within `tolerance` points of it, with the
lag in months between the two dates. A model's date is its release date; an open model counts
from the day its weights could be downloaded (`open_weights_since` when later). Partial dates
count from their first day. Only like-for-like scores are compared: the benchmark's setting,
the settings its record declares comparable, and (unless `strict_settings`) scores whose source
states no setting. Pure functions: no I/O, no printing (docs/gap.md explains the method).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from .catalog import Catalog, date_start
from .errors import UsageError
from .plain import REQUIRED, Plain
from .sources import has_primary

DEFAULT_TOLERANCE = 0.5


class Point(Plain):
    """A model's best comparable score on one benchmark, and the date it counts from.

    A `Plain`, not a dataclass: `commands` imports this module for its default tolerance, and
    every listing would pay for compiling a dataclass (docs/performance.md)."""

    FIELDS: ClassVar[dict[str, Any]] = dict.fromkeys(
        ("model", "name", "organization", "open_weights", "date", "value", "score_id", "setting", "measured_by", "primary_source"),
        REQUIRED,
    )
    model: str
    name: str
    organization: str
    open_weights: bool
    date: str
    value: float
    score_id: str
    setting: str | None
    measured_by: str
    primary_source: bool

    def to_dict(self) -> dict[str, Any]:
        return self._values()


def months(a: str, b: str) -> float:
    """Months from a to b (first days of partial dates), to one decimal."""
    da = dt.date.fromisoformat(date_start(a) or a)
    db = dt.date.fromisoformat(date_start(b) or b)
    return round((db - da).days / 30.4375, 1)


def comparable(score: Mapping[str, Any], bench: Mapping[str, Any], strict_settings: bool) -> bool:
    setting = score.get("setting")
    if setting is None:
        return not strict_settings
    return setting == bench.get("setting") or setting in bench.get("comparable_settings", [])


def best_points(
    catalog: Catalog,
    bench: Mapping[str, Any],
    *,
    measured_by: Sequence[str] = (),
    strict_settings: bool = False,
    primary_only: bool = False,
) -> list[Point]:
    """Each model's best comparable score (ties: the earlier-published score), dated."""
    higher = bench.get("higher_is_better", True)
    best: dict[str, Mapping[str, Any]] = {}
    for s in catalog.scores.values():
        if s["benchmark"] != bench["id"] or not comparable(s, bench, strict_settings):
            continue
        if measured_by and s["measured_by"] not in measured_by:
            continue
        if primary_only and not has_primary(s):
            continue
        current = best.get(s["model"])
        better = current is None or (s["value"] > current["value"] if higher else s["value"] < current["value"])
        if better or (current is not None and s["value"] == current["value"] and s["published"] < current["published"]):
            best[s["model"]] = s
    points = []
    for mid, s in best.items():
        m = catalog.models[mid]
        date = (m.get("open_weights_since") or m.get("release_date")) if m["open_weights"] else m.get("release_date")
        date = date or s["published"]
        points.append(
            Point(mid, m["name"], m["organization"], m["open_weights"], date, s["value"], s["id"], s.get("setting"), s["measured_by"], has_primary(s))
        )
    points.sort(key=lambda p: (date_start(p.date) or "", p.model))
    return points


def benchmark_gap(
    catalog: Catalog,
    bench: Mapping[str, Any],
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    measured_by: Sequence[str] = (),
    strict_settings: bool = False,
    primary_only: bool = False,
    today: str | None = None,
) -> dict[str, Any]:
    """Frontier pairs, unmatched frontiers and the summary for one benchmark."""
    if tolerance < 0:
        raise UsageError(f"{tolerance:g} is negative", field="tolerance")
    higher = bench.get("higher_is_better", True)
    points = best_points(catalog, bench, measured_by=measured_by, strict_settings=strict_settings, primary_only=primary_only)
    closed = [p for p in points if not p.open_weights]
    opened = [p for p in points if p.open_weights]
    frontier: list[Point] = []
    for p in closed:
        if not frontier or (p.value > frontier[-1].value if higher else p.value < frontier[-1].value):
            frontier.append(p)
    today = today or catalog.as_of() or dt.date.today().isoformat()
    pairs, unmatched = [], []
    for c in frontier:
        target = c.value - tolerance if higher else c.value + tolerance
        match = next((o for o in opened if (o.value >= target if higher else o.value <= target)), None)
        if match is None:
            unmatched.append({"closed": c.to_dict(), "standing_months": months(c.date, today)})
        else:
            pairs.append({"closed": c.to_dict(), "open": match.to_dict(), "lag_months": months(c.date, match.date)})
    return {
        "benchmark": bench["id"],
        "name": bench["name"],
        "setting": bench.get("setting"),
        "comparable_settings": bench.get("comparable_settings", []),
        "unstated_settings_included": not strict_settings,
        "primary_sources_only": primary_only,
        "tolerance": tolerance,
        "points": len(points),
        "pairs": pairs,
        "unmatched": unmatched,
        "best": {"closed": _best(closed, higher), "open": _best(opened, higher)},
        "summary": summary(pairs, unmatched),
        "series": {"closed": _running_best(closed, higher), "open": _running_best(opened, higher)},
    }


def _best(points: Sequence[Point], higher: bool) -> dict[str, Any] | None:
    if not points:
        return None
    pick = max(points, key=lambda p: p.value) if higher else min(points, key=lambda p: p.value)
    return pick.to_dict()


def _running_best(points: Sequence[Point], higher: bool) -> list[dict[str, Any]]:
    """The best score so far at each date a model improved on it (the step line of a chart)."""
    out: list[dict[str, Any]] = []
    for p in points:
        if not out or (p.value > out[-1]["value"] if higher else p.value < out[-1]["value"]):
            out.append({"date": p.date, "value": p.value, "model": p.model, "score_id": p.score_id})
    return out


def _unmatched_by_year(unmatched: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per year of the closed best: how many points no open model has matched, and the longest
    standing, a lower bound on that year's lag (a median of matched lags alone would flatter)."""
    out: dict[str, dict[str, Any]] = {}
    for u in unmatched:
        row = out.setdefault(u["closed"]["date"][:4], {"count": 0, "longest_months": 0.0})
        row["count"] += 1
        row["longest_months"] = max(row["longest_months"], u["standing_months"])
    return dict(sorted(out.items()))


def summary(pairs: Sequence[Mapping[str, Any]], unmatched: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Median and latest lag, and the median lag by the year the closed frontier was set."""
    from statistics import median
    lags = [p["lag_months"] for p in pairs]
    by_year: dict[str, list[float]] = {}
    for p in pairs:
        by_year.setdefault(p["closed"]["date"][:4], []).append(p["lag_months"])
    latest = max(pairs, key=lambda p: date_start(p["closed"]["date"]) or "") if pairs else None
    return {
        "matched": len(pairs),
        "unmatched": len(unmatched),
        "median_lag_months": round(median(lags), 1) if lags else None,
        "latest_lag_months": latest["lag_months"] if latest else None,
        "latest_pair": [latest["closed"]["model"], latest["open"]["model"]] if latest else None,
        "median_lag_by_year": {y: round(median(v), 1) for y, v in sorted(by_year.items())},
        "unmatched_by_year": _unmatched_by_year(unmatched),
        "longest_unmatched_months": max((u["standing_months"] for u in unmatched), default=None),
    }
