"""monitor.extract.items.amounts: a verb that tells an amount gives its figure, not a happening."""

from __future__ import annotations

import datetime as dt

from monitor.extract.items import Item, extract_items

DAY = dt.date(2024, 3, 5)


def _kinds(text: str) -> list[tuple[str, float | None]]:
    items: list[Item] = extract_items(text, DAY)
    return [(i.kind, i.value) for i in items]


def test_a_period_tally_is_its_figure_and_no_happening() -> None:
    assert _kinds("Harbour dealers sold more than 3,000 homes in February.") == [("figure", 3000)]


def test_a_small_count_of_one_day_is_a_happening_besides_its_figure() -> None:
    assert _kinds("The port authority sold 12 ferries on Monday.") == [("business", None), ("figure", 12)]


def test_a_value_stated_by_its_verb_is_the_figure() -> None:
    assert _kinds("The average fare in February was $39.50.") == [("figure", 39.5)]


def test_a_level_kept_earned_or_recorded_is_the_figure_and_no_happening() -> None:
    # tense.yaml figure_verbs: "remained at", "earned", "will average", "recorded" state the value
    assert _kinds("The jobless rate in Harbourtown remained at 4.7 percent in February.") == [("figure", 4.7)]
    assert _kinds("Lerrin Ferries earned just over $1.4 billion from freight last year.") == [
        ("figure", 1400000000)]
    assert _kinds("The harbour board estimates the rate will average 13.6 percent in 2025.") == [
        ("figure", 13.6)]
    assert _kinds("The previous high of 57% was recorded in 2019.") == [("figure", 57)]


def test_a_forecast_change_is_its_figure_and_has_not_happened() -> None:
    assert _kinds("The central bank expects consumer prices to rise 8.8% this year.") == [("figure", 8.8)]
