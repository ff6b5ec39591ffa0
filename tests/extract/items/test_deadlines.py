"""A deadline is a day on the timeline: given with "until" (monitor.extract.items.deadlines), named as a
dated noun ("a Nov. 30 deadline"), or told with "due". Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.items.reading import events_of

DCT = dt.date(2021, 10, 18)  # a Monday


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The three shipyards had until Dec. 3 to file their bids for the ferry.", "2021-12-03"),
        ("The port authority has given the trawler owners until Friday to sign the agreement.", "2021-10-22"),
        ("The harbour board has until Dec. 15 to draft the new rules.", "2021-12-15"),
    ],
)
def test_a_deadline_given_with_until_is_a_happening_of_its_day(text: str, date: str) -> None:
    assert [i.date for i in events_of(text, DCT)] == [date]


def test_until_without_a_deadline_given_is_still_a_limit() -> None:
    assert events_of("The skipper stayed in Brenholm until Friday to help the crew.", DCT) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The ferry line faces a Nov. 30 deadline to repay its creditors.", "2021-11-30"),
        ("The union named a Thursday deadline for the talks.", "2021-10-14"),
    ],
)
def test_a_deadline_named_with_its_day_is_a_happening_of_that_day(text: str, date: str) -> None:
    assert [i.date for i in events_of(text, DCT)] == [date]


def test_what_is_due_on_a_day_is_a_happening_of_that_day() -> None:
    assert [i.date for i in events_of("The inspectors' report is due on Friday.", DCT)] == ["2021-10-22"]
    assert [i.date for i in events_of("The first payment was due on Oct. 1.", DCT)] == ["2021-10-01"]


def test_a_noun_after_a_possessive_is_no_schedule_word() -> None:
    # "the choir's set": the "'s" is a possessive, not "is", so "set" is no verb of the date; "previewed" is,
    # and who previewed is its subject
    items = events_of("Ada Brisk previewed The Harbour Lights Tour during the choir's set Monday night.", DCT)
    assert [(i.date, i.actors) for i in items] == [("2021-10-18", ("Ada Brisk", "Harbour Lights Tour"))]
