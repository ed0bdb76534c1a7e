"""Partial dates (`2023`, `2023-07`, `2023-07-18`): what they may be and which days they span.

Kept apart from the schema so that filtering by date never imports Pydantic.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@lru_cache(maxsize=16384)
def check_partial_date(value: str) -> str:
    """Accept `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and only real calendar dates."""
    start, _ = date_bounds(value)
    if start.year < 1900:
        raise ValueError(f"{value!r} is before 1900")
    return value


@lru_cache(maxsize=16384)
def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day a partial date can mean: `2023` -> 2023-01-01 .. 2023-12-31."""
    m = _DATE_RE.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    try:
        if day is not None and month is not None:
            d = dt.date(year, month, day)
            return d, d
        if month is not None:
            start = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
