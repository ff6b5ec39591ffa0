"""monitor.extract.items.trigger_objects: what the words after a trigger tell."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items.trigger_objects import announced_thing, announced_words
from tests.extract.items.reading import events_of

DAY = dt.date(2024, 3, 5)


@pytest.mark.parametrize(("text", "thing"), [
    ("unveiled its new programme at the close of the concert", True),
    ("announced the autumn tour while on stage", True),
    ("announced the ferry would sail on Friday", False),
    ("announced that the ferry would sail", False),
])
def test_an_announcing_verbs_object_is_a_noun_phrase_with_no_finite_verb(text: str, thing: bool) -> None:
    verb_end = text.index(" ")
    assert announced_thing(text, verb_end, len(text)) is thing


def test_what_is_announced_is_the_objects_words_up_to_a_clause() -> None:
    text = "announced a slew of new features and updates that will ship in May"
    words = announced_words(text, text.index(" "), len(text))
    assert {"slew", "features", "updates"} <= words
    assert "ship" not in words and "that" not in words
    assert announced_words("announced that the ferry would sail", 9, 35) == frozenset()


def test_a_verb_of_what_was_said_with_an_object_tells_no_statement() -> None:
    # kinds.yaml said_only_before: "added" is a statement only where what was said follows
    assert not [e for e in events_of("Ada Brisk added 25 points on Monday.", DAY)
                if e.kind == "statement"]
    assert [e for e in events_of('"The ferry will sail," Ada Brisk added on Monday.', DAY)
            if e.kind == "statement"]


def test_what_follows_a_trigger_tells_its_kind() -> None:
    # kinds.yaml kind_by_object: "released the transcript" makes something public, no one is freed
    [event] = events_of("The harbour authority released the transcript of the hearing on Monday.", DAY)
    assert event.kind == "statement"
    [freed] = events_of("The harbour authority released the two fishermen on Monday.", DAY)
    assert freed.kind == "release"
    # a statement released is that statement, one item
    text = "On Monday, the harbour authority released a statement condemning the blockade."
    assert [e.kind for e in events_of(text, DAY)] == ["statement"]
    # "to" and a verb after a violence verb: a struggle for something, no blows; "to death" keeps the sense
    assert not [e for e in events_of("On Monday, the ferrymen were fighting to keep the pier open.", DAY)
                if e.kind == "violence"]
    shot = events_of("A guard was shot to death at the pier on Monday.", DAY)
    assert [e.kind for e in shot] == ["violence"]
    # help or words offered are no deal ("offered a gloomy prediction", "launched a review")
    for text in ("The harbour master offered a gloomy prediction on Monday.",
                 "The ferry company launched a review of its timetables on Monday.",
                 # the story's opening news, undated, as much as a dated verb
                 'The harbour master offered his own suggestion: "Sail at dawn," he said.'):
        assert all(e.kind != "business" for e in events_of(text, DAY)), text
    # "beaten to death" is no team's win (kinds.yaml violence "beat ... to death")
    beaten = events_of("A guard was beaten to death at the pier on Monday.", DAY)
    assert [e.kind for e in beaten] == ["violence"]


def test_a_company_suspending_its_work_is_business_a_person_suspended_is_legal():
    [halted] = events_of("Kell Motors suspended operations at its Brenholm plant on Monday.", DAY)
    assert halted.kind == "business"
    [punished] = events_of("The harbour board suspended the pilot on Monday.", DAY)
    assert punished.kind == "legal"
