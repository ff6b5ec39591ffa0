"""A record of wins and losses is two figures (monitor.extract.items.figure_records).

Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import extract_items

PUB = dt.date(2021, 3, 9)


def _records(text: str) -> list[tuple[str | None, float | None, str | None]]:
    items = extract_items(text, PUB)
    return [(i.metric, i.value, i.date) for i in items
            if i.kind == "figure" and i.metric in ("wins", "losses")]


@pytest.mark.parametrize(("text", "wins", "losses"), [
    ("The Otters (9-4) host the Herons tonight.", 9, 4),
    ("The Herons have slumped to a 3-12 record this season.", 3, 12),
    ("The Otters are 14-6 at home this season.", 14, 6),
    ("The Herons, who have lost five straight, are a dismal 2-17 on the road.", 2, 17),
    ("She has a career record of 1,140-610 over 20 seasons.", 1140, 610),
    ("The Kestrels improved to 11-5-2 with the shutout.", 11, 5),
    ("The Otters went 9-7 last season.", 9, 7),
])
def test_a_teams_record_is_its_wins_and_its_losses(text: str, wins: int, losses: int) -> None:
    found = _records(text)
    assert ("wins", wins) in [(m, v) for m, v, _d in found]
    assert ("losses", losses) in [(m, v) for m, v, _d in found]


def test_a_record_in_brackets_holds_on_the_publication_day_whatever_its_sentence_dates() -> None:
    found = _records("The Otters (6-5, 3-4) ended a losing streak against the Herons dating to 2011.")
    assert sorted((m, v, d) for m, v, d in found) == [("losses", 5, "2021-03-09"), ("wins", 6, "2021-03-09")]


def test_a_record_told_of_another_season_takes_that_season() -> None:
    assert sorted(_records("Last year, the Otters were 4-9.")) == [("losses", 9, "2020"), ("wins", 4, "2020")]


@pytest.mark.parametrize("text", [
    "The Otters were 2-1 up at half-time.",  # a score during the game
    "Late in the third quarter the lead was 17-13.",  # a score
    "The case is Otters v. Herons (08-769), the court said.",  # a docket's number
    "The drive is 10-15 minutes from the harbour.",  # a span of minutes
    "The budget rose (5-7) in the second round.",  # no team's name before the bracket
    "The Herons beat the Otters 24-17 on Sunday.",  # a game's score, its sides' points
])
def test_pairs_that_are_no_record(text: str) -> None:
    assert _records(text) == []
