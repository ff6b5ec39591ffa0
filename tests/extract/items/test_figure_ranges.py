"""Both ends of a range of numbers are figures (monitor.extract.items.figure_ranges)."""

from __future__ import annotations

import pytest

from monitor.extract.items.figures import find_figures


def _read(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(float(m.value), m.unit, m.metric) for m in find_figures(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a hyphen between two numbers: neither end was read before
    ("Ferry fares rose about 9-10 percent of the ticket price.",
     [(9, "percent", None), (10, "percent", None)]),
    ("Some 4,000-5,000 people fled the valley.", [(4000, None, "people"), (5000, None, "people")]),
    # "to" and "between ... and": the first end takes the unit and metric written after the second
    ("Between 200 and 300 people died in the floods.", [(200, None, "deaths"), (300, None, "deaths")]),
    ("The storm dropped 12 to 18 inches of rain.", [(12, "inches", "rain"), (18, "inches", "rain")]),
    # the scale written once is both ends'
    ("The bridge will cost $100-200 million.", [(100e6, "USD", None), (200e6, "USD", None)]),
    ("The port will cost 2 to 3 billion dollars.", [(2e9, "USD", None), (3e9, "USD", None)]),
])
def test_both_ends_of_a_range_are_figures(text: str, expected: list[tuple[float, str | None, str | None]],
                                          ) -> None:
    found = _read(text)
    assert [(v, u) for v, u, _m in found] == [(v, u) for v, u, _m in expected]
    assert all(m == e[2] for (_v, _u, m), e in zip(found, expected, strict=True) if e[2] is not None)


@pytest.mark.parametrize("text", [
    "The Otters went 9-7 last season.",  # a record, falling
    "The harbour fleet flew Boeing 737-800 jets.",  # a model's name
    "Its 2019-2022 models were recalled.",  # a span of years
    "The pupils are ages 5 to 12.",  # a label's numbers
    "The 9-11 attacks changed air travel.",  # a day's name
])
def test_pairs_that_are_no_range_of_counts(text: str) -> None:
    assert _read(text) == []


def test_two_counts_joined_by_and_and_a_change_from_one_level_to_another_are_no_range() -> None:
    assert [v for v, _u, _m in _read("The raid killed 12 soldiers and 3 civilians.")] == [12, 3]
    # "from 5 to 10 percent": the change's end; its start is the baseline's (figure_baselines), not a range's
    assert [v for v, _u, _m in _read("It rose from 5 to 10 percent.")] == [10]


def test_a_range_of_ages_is_no_figure() -> None:
    assert _read("The show is most popular with 18-21 year olds and 16-24 year-olds.") == []
