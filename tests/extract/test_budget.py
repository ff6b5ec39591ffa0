"""monitor.extract.budget and extract_items under a budget: sentences, items and CPU seconds (issue 14)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from monitor.extract.budget import Budget
from monitor.extract.items import extract_items

PUB = dt.date(2020, 4, 1)


def _text(sentences: int) -> str:
    return " ".join(f"On March {i % 28 + 1}, 2020, minister {i} arrived in Paris." for i in range(sentences))


def test_no_budget_and_an_unlimited_one_read_the_same() -> None:
    text = _text(40)
    budget = Budget.unlimited()
    assert extract_items(text, PUB, budget=budget) == extract_items(text, PUB)
    assert budget.cut is None


def test_max_sentences_reads_the_first_sentences_only() -> None:
    text = _text(40)
    budget = Budget(max_sentences=10)
    items = extract_items(text, PUB, budget=budget)
    assert items == extract_items(text[: text.index(" On March 11")], PUB)
    assert budget.cut == "read 10 of 40 sentences (max_sentences 10)"


def test_max_items_keeps_the_first_items() -> None:
    text = _text(40)
    budget = Budget(max_items=5)
    items = extract_items(text, PUB, budget=budget)
    assert items == extract_items(text, PUB)[:5]
    assert budget.cut is not None and budget.cut.startswith("kept 5 of ")


def test_max_seconds_stops_between_sentences() -> None:
    ticks: Iterator[float] = iter(float(n) for n in range(10_000))  # a clock one second a reading
    budget = Budget(max_seconds=3.5, clock=lambda: next(ticks))
    text = _text(40)
    items = extract_items(text, PUB, budget=budget)
    # Started at 0; the readings before sentences 0, 1, 2 are 1, 2, 3 s; before the fourth, 4 s: over.
    assert budget.cut == "stopped after 3 of 40 sentences: 4.0 s of CPU (max_seconds 3.5)"
    assert items and items == extract_items(text[: text.index(" On March 4")], PUB)


def test_a_budget_on_the_thread_clock_counts_this_threads_cpu() -> None:
    budget = Budget(max_seconds=60)
    budget.start()
    sum(range(200_000))
    assert 0 < budget.spent() < 60


def test_the_docstring_example_runs() -> None:
    import doctest

    import monitor.extract.budget

    assert doctest.testmod(monitor.extract.budget).failed == 0
