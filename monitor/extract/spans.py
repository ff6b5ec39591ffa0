"""TIMEX3 date values as calendar periods: what "2020-W14" or "2020-Q2" covers, and how two values relate.

One module for every stage that compares dates (merging one document's items, reconciling a timeline,
exporting `date_end` and `precision`), so that they agree.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["PRECISIONS", "DateSpan", "date_span", "narrower", "nested"]


@dataclass(frozen=True)
class DateSpan:
    """The calendar period a TIMEX3 value covers: first day, last day, precision."""

    start: dt.date
    end: dt.date
    precision: str


# Narrower precisions first; used to keep the most precise of two compatible dates.
PRECISIONS = (
    "time", "day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century",
)
_RANK = {p: i for i, p in enumerate(PRECISIONS)}
# Meteorological seasons (northern hemisphere): start month and the month they end in (winter spills over).
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

_DAY_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(T.*)?")
_WEEK_RE = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_MONTH_RE = re.compile(r"(\d{4})-(\d{2})")
_PART_RE = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_YEARS_RE = re.compile(r"(\d{2,4})")


def _month_end(year: int, month: int) -> dt.date:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def date_span(value: str | None) -> DateSpan | None:
    """Return the period a TIMEX3 date value covers, or None for no date / a value that is not a period.

    >>> date_span("2020-W14")
    DateSpan(start=datetime.date(2020, 3, 30), end=datetime.date(2020, 4, 5), precision='week')
    """
    if not value:
        return None
    text = value.strip()
    try:
        if m := _DAY_RE.fullmatch(text):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return DateSpan(day, day, "time" if m[4] else "day")
        if m := _WEEK_RE.fullmatch(text):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return DateSpan(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "weekend")
            return DateSpan(monday, monday + dt.timedelta(days=6), "week")
        if m := _MONTH_RE.fullmatch(text):
            year, month = int(m[1]), int(m[2])
            return DateSpan(dt.date(year, month, 1), _month_end(year, month), "month")
        if m := _PART_RE.fullmatch(text):
            year, part = int(m[1]), m[2]
            if part[0] == "Q":
                first = 3 * (int(part[1]) - 1) + 1
                return DateSpan(dt.date(year, first, 1), _month_end(year, first + 2), "quarter")
            if part[0] == "H":
                first = 6 * (int(part[1]) - 1) + 1
                return DateSpan(dt.date(year, first, 1), _month_end(year, first + 5), "half")
            first, last = _SEASONS[part]
            return DateSpan(dt.date(year, first, 1), _month_end(year, last), "season")
        if m := _YEARS_RE.fullmatch(text):
            digits = m[1]
            # 2020 is a year, 202 the 2020s, 20 the 2000s (TIMEX3 truncation).
            width = 10 ** (4 - len(digits))
            first = max(int(digits) * width, 1)
            precision = {4: "year", 3: "decade", 2: "century"}[len(digits)]
            return DateSpan(dt.date(first, 1, 1), dt.date(int(digits) * width + width - 1, 12, 31), precision)
    except ValueError:  # month 13, week 54, year 0...
        return None
    return None


def nested(a: DateSpan | None, b: DateSpan | None) -> bool:
    """Whether one period contains the other (the same event told with coarser or finer dates); a missing
    span nests with nothing: whether an undated report matches a dated one is the caller's rule."""
    if a is None or b is None:
        return False
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def narrower(a: DateSpan, b: DateSpan) -> bool:
    """Whether `a` is the more precise of two periods."""
    return (a.end - a.start, _RANK[a.precision]) < (b.end - b.start, _RANK[b.precision])
