"""Tests for monitor.extract.items.subject_metric: a bare count whose subject names what it counts."""

from __future__ import annotations

import pytest

from monitor.extract.items.figures import find_figures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Deaths in the province rose to 12,000.", (12000, "exact", "deaths")),
        ("The daily rise in deaths reported in the state on Friday was 777.", (777, "exact", "deaths")),
        ("Confirmed cases had climbed to 5,400.", (5400, "exact", "cases")),
        ("Visitors numbered about 9,000.", (9000, "about", "visitors")),
        ("Infections have now passed 10,000.", (10000, "exact", "infections")),
        ("Deaths had already exceeded 3,000.", (3000, "exact", "deaths")),
        ("Confirmed cases had dwindled to 400.", (400, "exact", "cases")),
    ],
)
def test_the_subject_names_what_a_bare_count_counts(sentence: str, expected: tuple[object, ...]) -> None:
    assert [(f.value, f.qualifier, f.metric) for f in find_figures(sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        # the noun of another clause, an age, a number with no verb stating it
        "He has repaired vehicles since he was 17.",
        "The victims were two women who were 22 and 24 years old.",
        "Deaths in the province: 12,000.",
        # a metric named after its number only: the count is of the name after it, no metric word
        "On board the ferry were 155 Brenholmers.",
    ],
)
def test_no_count_without_a_subject_stating_it(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_a_count_of_a_countrys_people_counts_them_apart_from_other_people() -> None:
    # 155 Indonesians aboard are not another outlet's 155 passengers: the metric is the people counted
    assert [(f.value, f.metric) for f in find_figures("On board the flight were 155 Indonesians.")] == [
        (155, "indonesians")]
