"""monitor.extract.spans: the calendar period of a TIMEX3 value, and how two periods relate."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.spans import DateSpan, date_span, narrower, nested


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2020-04-01", "2020-04-01", "2020-04-01", "day"),
        ("2020-04-01T14:30", "2020-04-01", "2020-04-01", "time"),
        ("2020-04-01TMO", "2020-04-01", "2020-04-01", "time"),
        ("2020-03", "2020-03-01", "2020-03-31", "month"),
        ("2020-02", "2020-02-01", "2020-02-29", "month"),
        ("2020-W14", "2020-03-30", "2020-04-05", "week"),
        ("2020-W14-WE", "2020-04-04", "2020-04-05", "weekend"),
        ("2020-W01", "2019-12-30", "2020-01-05", "week"),
        ("2020", "2020-01-01", "2020-12-31", "year"),
        ("202", "2020-01-01", "2029-12-31", "decade"),
        ("2020-Q2", "2020-04-01", "2020-06-30", "quarter"),
        ("2020-H2", "2020-07-01", "2020-12-31", "half"),
        ("2020-WI", "2020-12-01", "2021-02-28", "season"),
    ],
)
def test_date_span(value, start, end, precision):
    assert date_span(value) == DateSpan(dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision)


@pytest.mark.parametrize(
    "value", [None, "", "PRESENT_REF", "XXXX-XX-XX", "P3Y", "2020-13", "2020-02-30", "2020-W54"]
)
def test_date_span_of_non_periods_is_none(value):
    assert date_span(value) is None


def test_nested_periods_and_the_narrower_one() -> None:
    week, day, month = date_span("2020-W14"), date_span("2020-04-01"), date_span("2020-05")
    assert week is not None and day is not None and month is not None
    assert nested(week, day) and nested(day, week)
    assert not nested(week, month)
    assert not nested(None, day)  # an undated report nests with nothing; callers decide what it means
    assert narrower(day, week) and not narrower(week, day)
