"""Calendar arithmetic used to anchor relative expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.timex import anchor

D = dt.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2020, 12, 31), "2020-W53"),  # 2020 has 53 ISO weeks
        (D(2021, 1, 3), "2020-W53"),  # a Sunday still in the last week of 2020
        (D(2021, 1, 4), "2021-W01"),
        (D(2019, 12, 30), "2020-W01"),  # Monday of the first week of 2020
        (D(2020, 4, 1), "2020-W14"),
    ],
)
def test_iso_week_year_boundaries(day, expected) -> None:
    assert anchor.iso_week(day) == expected


@pytest.mark.parametrize(
    ("year", "month", "delta", "expected"),
    [
        (2020, 1, -1, (2019, 12)),
        (2020, 12, 1, (2021, 1)),
        (2020, 3, -15, (2018, 12)),
        (2020, 6, 0, (2020, 6)),
    ],
)
def test_shift_month(year, month, delta, expected) -> None:
    assert anchor.shift_month(year, month, delta) == expected


def test_shift_date_months_clamps_to_month_end() -> None:
    assert anchor.shift_date_months(D(2020, 3, 31), -1) == D(2020, 2, 29)
    assert anchor.shift_date_months(D(2019, 3, 31), -1) == D(2019, 2, 28)


def test_shift_year_from_leap_day() -> None:
    assert anchor.shift_year(D(2020, 2, 29), -1) == D(2019, 2, 28)
    assert anchor.shift_year(D(2020, 2, 29), 4) == D(2024, 2, 29)


@pytest.mark.parametrize(
    ("dct", "weekday", "direction", "strict", "expected"),
    [
        (D(2020, 4, 1), 1, -1, False, D(2020, 3, 30)),  # Wednesday DCT, "Monday" in the past
        (D(2020, 4, 1), 1, 1, False, D(2020, 4, 6)),  # ... in the future
        (D(2020, 4, 1), 3, -1, False, D(2020, 4, 1)),  # "said Wednesday" on a Wednesday
        (D(2020, 4, 1), 3, -1, True, D(2020, 3, 25)),  # "last Wednesday"
        (D(2020, 4, 1), 3, 1, True, D(2020, 4, 8)),  # "next Wednesday"
        (D(2020, 4, 5), 6, -1, False, D(2020, 4, 4)),  # Sunday DCT, "Saturday"
        (D(2020, 4, 5), 1, 1, False, D(2020, 4, 6)),  # Sunday DCT, "will ... Monday"
        (D(2020, 1, 1), 4, -1, False, D(2019, 12, 26)),  # across the year boundary
    ],
)
def test_resolve_weekday(dct, weekday, direction, strict, expected) -> None:
    assert anchor.resolve_weekday(dct, weekday, direction, strict) == expected


@pytest.mark.parametrize(
    ("dct", "month", "day", "tense", "expected"),
    [
        (D(2019, 12, 31), 1, 10, "future", 2020),  # "will meet Jan. 10" written on Dec. 31
        (D(2019, 12, 31), 1, 10, "past", 2019),
        (D(2020, 1, 7), 11, 25, None, 2019),  # no cue: the nearest
        (D(2020, 1, 7), 11, 25, "future", 2020),
        (D(2020, 4, 1), 4, None, "past", 2020),  # the DCT's own month
        (D(2020, 4, 1), 4, None, "future", 2020),
        (D(2020, 4, 1), 2, 29, "past", 2020),  # leap day
        (D(2021, 4, 1), 2, 29, "past", 2021),  # clamped to Feb 28 in a common year
    ],
)
def test_nearest_year(dct, month, day, tense, expected) -> None:
    assert anchor.nearest_year(dct, month, day, tense) == expected


def test_quarters() -> None:
    assert anchor.quarter_of(D(2020, 4, 1)) == 2
    assert anchor.shift_quarter(2020, 1, -1) == (2019, 4)
    assert anchor.nearest_quarter_year(D(2020, 2, 1), 4, "past") == 2019
    assert anchor.nearest_quarter_year(D(2020, 11, 1), 1, "future") == 2021


@pytest.mark.parametrize(
    ("spec", "year", "expected"),
    [
        ("12-25", 2020, D(2020, 12, 25)),
        ("easter+0", 2020, D(2020, 4, 12)),
        ("easter+0", 2019, D(2019, 4, 21)),
        ("easter-2", 2024, D(2024, 3, 29)),
        ("nth-weekday:11:4:4", 1999, D(1999, 11, 25)),  # Thanksgiving
        ("nth-weekday:05:-1:1", 2020, D(2020, 5, 25)),  # Memorial Day
    ],
)
def test_holiday_date(spec, year, expected) -> None:
    assert anchor.holiday_date(spec, year) == expected
