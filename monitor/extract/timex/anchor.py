"""Calendar arithmetic for anchoring relative expressions to the DCT, and TIMEX3 value formatting."""

from __future__ import annotations

import calendar
import datetime as dt

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12, "Q4": 10}


def fmt_date(day: dt.date) -> str:
    """Format a calendar day as a TIMEX3 value: 2020-04-01."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def fmt_month(year: int, month: int) -> str:
    """Format a month as a TIMEX3 value: 2020-04."""
    return f"{year:04d}-{month:02d}"


def iso_week(day: dt.date) -> str:
    """The ISO week containing `day` as a TIMEX3 value: 2020-W14 (2020-12-31 -> 2020-W53)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """Move (year, month) by `delta` months: (2020, 1), -1 -> (2019, 12)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_date_months(day: dt.date, delta: int) -> dt.date:
    """Move a day by whole months, clamping to the month's last day (Mar 31 - 1 month -> Feb 29 in 2020)."""
    year, month = shift_month(day.year, day.month, delta)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift_year(day: dt.date, delta: int) -> dt.date:
    """Move a day by whole years; Feb 29 becomes Feb 28 in a common year."""
    year = day.year + delta
    return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def quarter_of(day: dt.date) -> int:
    """The calendar quarter (1-4) containing `day`."""
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    """Move (year, quarter) by `delta` quarters: (2020, 1), -1 -> (2019, 4)."""
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def resolve_weekday(dct: dt.date, weekday: int, direction: int, strict: bool = False) -> dt.date:
    """The day with ISO `weekday` (1=Monday) nearest to the DCT in `direction` (-1 before, +1 after).

    The DCT itself counts unless `strict`: "said Wednesday" written on a Wednesday is that day.
    """
    diff = (weekday - dct.isoweekday()) % 7  # days forward to the next such weekday (0 = today)
    if direction >= 0:
        if diff == 0 and strict:
            diff = 7
        return dct + dt.timedelta(days=diff)
    back = (dct.isoweekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return dct - dt.timedelta(days=back)


def nearest_year(dct: dt.date, month: int, day: int | None, tense: str | None) -> int:
    """The year for a month (and day) written without one, chosen by the tense of its clause.

    Past: the latest such date on or before the DCT's month; future: the earliest on or after it;
    no cue: the candidate nearest to the DCT.
    """
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        safe_day = min(day or 1, calendar.monthrange(year, month)[1])
        candidates.append(dt.date(year, month, safe_day))
    # month precision: the DCT's own month is both past and future
    key_dct = dt.date(dct.year, dct.month, 1) if day is None else dct
    if tense == "past":
        ok = [c for c in candidates if c <= key_dct]
        return max(ok).year
    if tense == "future":
        ok = [c for c in candidates if c >= key_dct]
        return min(ok).year
    return min(candidates, key=lambda c: (abs((c - key_dct).days), c < key_dct)).year


def nearest_quarter_year(dct: dt.date, quarter: int, tense: str | None) -> int:
    """The year for a quarter written without one: the DCT's year unless the tense says otherwise."""
    current = quarter_of(dct)
    if tense == "past" and quarter > current:
        return dct.year - 1
    if tense == "future" and quarter < current:
        return dct.year + 1
    return dct.year


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, n: int, weekday: int) -> dt.date:
    """The n-th ISO `weekday` of a month (n=-1: the last one): Thanksgiving is (11, 4, 4)."""
    if n > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(spec: str, year: int) -> dt.date:
    """Evaluate a holiday spec from the lexicon ("12-25", "easter-2", "nth-weekday:11:4:4") for a year."""
    if spec.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(spec[6:] or 0))
    if spec.startswith("nth-weekday:"):
        _, month, n, weekday = spec.split(":")
        shift = 0
        if "+" in weekday:  # "nth-weekday:11:1:1+1": the day after the first Monday of November
            weekday, days = weekday.split("+")
            shift = int(days)
        return nth_weekday(year, int(month), int(n), int(weekday)) + dt.timedelta(days=shift)
    month, day = spec.split("-")
    return dt.date(year, int(month), int(day))
