"""Tests for monitor.extract.items.unreal: a negated, modal, conditional or refused verb tells no happening.
Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import Item
from tests.extract.items.reading import events_of

DCT = dt.date(2021, 6, 9)  # a Wednesday


def _events(text: str) -> list[Item]:
    return events_of(text, DCT)


@pytest.mark.parametrize(
    "text",
    [
        "The regulator would not approve the merger on Monday.",
        "The board could postpone the vote on Monday.",
        "The club never signed the striker in 2019.",
        # the tokenizer keeps a contraction whole: its negation is still read
        "The ferry didn’t reach Brenholm on Tuesday.",
        "The convoy hasn't arrived in Lerrin on Tuesday.",
        "The harbour master couldn't be reached on Tuesday.",
        # what someone declined or refused to do did not happen, and the refusal is no decline
        "A spokesman for the ferry line declined to comment on Thursday.",
        "Asked about it on Tuesday, the mayor declined to repeat the word.",
        "The harbour master refused to testify on Monday.",
    ],
)
def test_modal_or_negated_trigger_is_no_happening(text: str) -> None:
    assert _events(text) == []


def test_a_fall_told_by_decline_is_still_one() -> None:
    assert [i.kind for i in _events("Ferry shares declined to $5 on Friday.")] == ["business"]


def test_would_before_a_day_to_come_is_a_plan_and_before_a_day_gone_or_a_condition_is_none() -> None:
    found = _events("The new harbour fees would take effect on Jan. 1, 2022, for boats of every size.")
    assert [(i.kind, i.date) for i in found] == [("policy", "2022-01-01")]
    # a day before the report, a condition or a negation: no plan is told
    assert _events("The new harbour fees would take effect on May 3, 2021, for boats of every size.") == []
    assert _events("If approved, the harbour fees would take effect on Jan. 1, 2022.") == []
    assert _events("The harbour fees would not take effect on Jan. 1, 2022.") == []


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # tense.yaml earliest_day_phrases: a modal before "as early as" a day to come is a hedged schedule
        ("The levy vote may be held as early as June 15.", "policy", "2021-06-15"),
        ("The port board could vote as early as Friday on the levy.", "policy", "2021-06-11"),
        ("The ferry may depart for Lerrin as soon as next week.", "departure", "2021-W24"),
    ],
)
def test_a_modal_before_the_earliest_day_to_come_is_a_schedule(text: str, kind: str, date: str) -> None:
    assert [(i.kind, i.date) for i in _events(text)] == [(kind, date)]


def test_a_modal_with_a_day_but_no_earliest_day_is_still_no_happening() -> None:
    assert _events("The port board could vote on Friday on the levy.") == []
    assert _events("The port board could have voted as early as last Friday.") == []  # a day past
