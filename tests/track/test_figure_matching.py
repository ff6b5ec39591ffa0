"""When two outlets' figures are one figure (monitor/track/figure_matching.py)."""

from __future__ import annotations

import pytest

from monitor.track.figure_matching import days_apart, figures_agree, metrics_agree, significant_digits


def test_figures_agree_on_value_unit_and_what_both_give() -> None:
    assert figures_agree("Carlineo", "prison term", 10, None, "Patrick Carlineo Jr", "prison term", 10, None)
    assert figures_agree("WHO", "cases", 3248, None, None, "cases", 3248.0, None)
    assert not figures_agree("WHO", "cases", 3248, None, None, "deaths", 3248, None)
    assert not figures_agree("Italy", "cases", 10, None, "Spain", "cases", 10, None)
    assert not figures_agree(None, None, 10, None, None, None, 10, None)  # a bare number matches nothing
    assert not figures_agree("Italy", "cases", 10, "percent", "Italy", "cases", 10, None)


@pytest.mark.parametrize(("a", "b", "apart"), [
    ("2021-06-13", "2021-06-30", True),
    ("2021-04", "2021-06-30", True),
    ("2021-06", "2021-06-30", False),       # a day of the month
    ("2021-06-13", "2021-06-14", False),    # a day apart: one outlet's time zone or publication day
    ("2021", "2021-06-30", False),
    (None, "2021-06-30", False),             # an undated figure may be any day's
])
def test_two_figures_dates_are_apart_when_neither_holds_the_other_nor_lies_a_day_off(
        a: str | None, b: str, apart: bool) -> None:
    assert days_apart(a, b) is apart and days_apart(b, a) is apart


def test_two_outlets_subjects_agree_when_one_is_named_in_the_others_sentence() -> None:
    held = ("Two hostages, an American and an Australian, who had been held by the Taliban since 2016 were "
            "freed on Tuesday.")
    swapped = "The Taliban swapped two Western hostages for three of its commanders on Tuesday."
    evidence = (held, swapped)
    assert figures_agree("United States", "hostages", 2, None, "Taliban", "hostages", 2, None,
                         evidence=evidence, by_wording=True)
    # One page's two figures are never joined so: a sentence may give two subjects one value.
    assert not figures_agree("United States", "hostages", 2, None, "Taliban", "hostages", 2, None,
                             evidence=evidence)
    # Nor another place's count told beside it, nor another count.
    assert not figures_agree("Italy", "cases", 10, None, "Spain", "cases", 10, None, by_wording=True,
                             evidence=("Italy reported 10 cases.", "Spain reported 10 cases on Monday."))
    assert not figures_agree("United States", "hostages", 2, None, "Taliban", "prisoners", 2, None,
                             evidence=evidence, by_wording=True)


def test_two_outlets_distinctive_counts_of_one_metric_agree_whatever_subject_each_read() -> None:
    evidence = ("Rescuers on Tuesday stepped up the search for a Harbour Air plane carrying 162 people.",
                "Images of Flight HA851's wreckage left few illusions about the 162 people on board.")
    assert figures_agree("Harbour Air", "people", 162, None, "Flight HA851", "people", 162, None,
                         evidence=evidence, by_wording=True)
    # not a value as common as 10, nor within one page, nor another metric
    assert not figures_agree("Harbour Air", "people", 10, None, "Flight HA851", "people", 10, None,
                             evidence=evidence, by_wording=True)
    assert not figures_agree("Harbour Air", "people", 162, None, "Flight HA851", "people", 162, None,
                             evidence=evidence)
    assert not figures_agree("Harbour Air", "people", 162, None, "Flight HA851", "flights", 162, None,
                             evidence=evidence, by_wording=True)


def test_metrics_agree_on_a_noun_with_or_without_modifiers_and_on_synonyms() -> None:
    assert metrics_agree("launch titles", "titles")
    assert metrics_agree("launch titles", "games")  # matching.yaml metric_synonyms
    assert metrics_agree("jobs", "people")
    assert not metrics_agree("confirmed cases", "suspected cases")
    assert not metrics_agree("cases", "deaths")
    assert figures_agree("WeWork", "jobs", 4000, None, None, "people", 4000, None)
    assert not figures_agree("WeWork", "jobs", 4000, None, None, "desks", 4000, None)
    assert metrics_agree("passengers", "people")  # "people" is in two groups, each agreeing within itself
    assert not metrics_agree("passengers", "jobs")


def test_a_count_of_more_is_not_a_count_so_far() -> None:
    assert not metrics_agree("more bodies", "bodies")
    assert not metrics_agree("new cases", "cases")
    assert metrics_agree("new cases", "new cases") and metrics_agree("confirmed cases", "cases")


@pytest.mark.parametrize(("value", "digits"), [(449000, 3), (3248, 4), (28, 2), (250000, 2), (10, 1),
                                               (0.05, 1), (12.9, 3), (0, 0), (float("inf"), 0)])
def test_significant_digits(value: float, digits: int) -> None:
    assert significant_digits(value) == digits


def test_a_distinctive_value_agrees_whatever_subjects_were_read_unless_a_full_series_differs() -> None:
    said = ("The ferry refit cost the council roughly $449,000, the harbour office said.",
            "The council has paid the yard nearly $449,000 for the ferry refit.")
    assert figures_agree("TV", None, 449000, "USD", "Harbour Works", None, 449000, "USD", evidence=said)
    assert figures_agree(None, None, 3248, None, None, None, 3248, None, evidence=said)
    assert not figures_agree("Italy", "cases", 1234, None, "Spain", "cases", 1234, None, evidence=said)
    assert not figures_agree("TV", "cost", 449000, "USD", None, "revenue", 449000, "USD", evidence=said)
    assert not figures_agree("TV", None, 250000, "USD", "Harbour Works", None, 250000, "USD", evidence=said)


def test_a_distinctive_value_in_sentences_sharing_no_words_is_two_figures() -> None:
    # Two prices of one deals page: the number is all they share.
    prices = ("Thunderbolt docks start at $199 retail.", "That is down from the usual $199 price tag.")
    assert not figures_agree("Thunderbolt", None, 199, "USD", None, None, 199, "USD", evidence=prices)
    assert not figures_agree("TV", None, 449000, "USD", "Harbour Works", None, 449000, "USD")
    # Two engines of one show: the unit's own word ("horsepower") says nothing of which engine.
    engines = ("The coupe's motor promises 355 horsepower and a top speed of 155 mph.",
               "A second motor could be fitted to the wagon, giving it 355 horsepower.")
    assert not figures_agree(None, None, 355, "hp", None, None, 355, "hp", evidence=engines)
    told_twice = ("The coupe's V6 promises 355 horsepower, Brenholm Motors said.",
                  "Brenholm Motors says the coupe makes 355 horsepower.")
    assert figures_agree(None, None, 355, "hp", None, None, 355, "hp", evidence=told_twice)


def test_where_neither_subject_nor_metric_decides_two_outlets_wording_does() -> None:
    alike = ("The ferry line sees passenger growth of 3.5 percent in 2021, down from 4 percent.",
             "Managers said passenger growth in 2021 will be 3.5%, against earlier guidance of 4%.")
    other = ("Looking ahead, the ferry line sees passenger growth of 3.5 percent in 2021.",
             "Ticket prices rose 3.5% at the harbour kiosks.")
    assert figures_agree("Ferry Line", None, 3.5, "percent", None, None, 3.5, "percent", evidence=alike,
                         by_wording=True)
    assert not figures_agree("Ferry Line", None, 3.5, "percent", None, None, 3.5, "percent", evidence=other,
                             by_wording=True)
    # One page giving one value twice in a sentence is not judged by wording (the sentence is the same).
    assert not figures_agree("Ferry Line", None, 3.5, "percent", None, None, 3.5, "percent", evidence=alike)
    # Nor does wording join what a subject or a metric separates.
    assert not figures_agree("Ferry Line", "growth", 3.5, "percent", None, "change", 3.5, "percent",
                             evidence=alike, by_wording=True)
