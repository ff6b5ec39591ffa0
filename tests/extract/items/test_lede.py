"""The lede's news told by a verb no trigger lists (monitor/extract/items/lede.py). Sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import extract_items

PUB = dt.date(2021, 3, 9)
TODAY = PUB.isoformat()
MORE = "\n\nThe board's chair, Ada Brisk, spoke to reporters in the harbour office after the meeting."


def _events(text: str) -> list[tuple[str, str | None]]:
    return [(i.kind, i.date) for i in extract_items(text, PUB) if i.kind != "figure"]


@pytest.mark.parametrize(
    "lede",
    [
        "The Tarnmouth harbour board has recruited three pilots from Norway to steer its new ferries "
        "across the bay.",
        "Harbour pilots in Tarnmouth have thrown their weight behind the plan to dredge the old channel "
        "for the new ferries.",
        "Kell Ferries is set to raise its fares on the island routes for the first time in a decade, the "
        "company's owners say.",
        "The Tarnmouth harbour master is to tell councillors that the old channel cannot take the new "
        "ferries at low tide.",
        # a relative clause in its subject before the perfect
        "The owner of a ferry where two pilots were hurt by a falling crane has admitted that its checks "
        "fell short of the rules.",
    ],
)
def test_the_ledes_news_told_by_any_verb_is_the_days(lede: str) -> None:
    assert _events(lede + MORE) == [("other", TODAY)]


@pytest.mark.parametrize(
    "lede",
    [
        # the passive, a modal, a relative clause, a negation: background or no happening
        "A ferry pilot who had been missing off the coast of Tarnmouth for days has been found on a beach.",
        "Ferries may have become the slowest way to cross the bay for most of the island's commuters.",
        "The pilots, who have steered the ferries through the old channel for decades, fear the plan.",
        "The Tarnmouth harbour board has not recruited the three pilots it promised the ferry company.",
        # a clause of "what" across a list, and a purpose told by "is to"
        "New figures from the board confirm what pilots, skippers and owners have known about the channel.",
        "Our goal with the new ferries is to give islanders a faster crossing to the mainland each morning.",
        # a lede that names a day leaves it to the sentence's own date
        "The Tarnmouth harbour board on Monday recruited three pilots from Norway to steer its ferries this "
        "winter.",
    ],
)
def test_other_ledes_tell_no_news_of_the_day_by_this_rule(lede: str) -> None:
    assert ("other", TODAY) not in _events(lede + MORE)


def test_an_announcement_in_the_ledes_simple_past_is_the_days_news() -> None:
    lede = ("Kell Ferries, the island operator of six boats and two harbours, announced a new night crossing "
            "with the Tarnmouth harbour board.")
    assert ("statement", TODAY) in _events(lede + MORE)
    # other verbs in the simple past tell background as often: no row of the day by this rule
    background = ("Kell Ferries, the island operator of six boats and two harbours, ran a night crossing "
                  "with the Tarnmouth harbour board.")
    assert _events(background + MORE) == []


def test_a_trigger_in_the_ledes_simple_past_after_its_subject_is_the_days_news() -> None:
    lede = ("Harbour master Ada Brisk apologized to the two ferry pilots who had complained about the night "
            "crossings on the island routes.")
    assert ("statement", TODAY) in _events(lede + MORE)
    # a participle after a comma describes the noun before it: the news is the perfect's
    aside = ("The family of a young ferry pilot, diagnosed with a rare illness, has launched an appeal to "
             "pay for his treatment.")
    assert [e for e in _events(aside + MORE) if e[1] == TODAY] == [("business", TODAY)]


def test_only_the_lede_tells_the_days_news_this_way() -> None:
    second = ("\n\nThe Tarnmouth harbour board has recruited three pilots from Norway to steer its new "
              "ferries across the bay.")
    lede = "Ada Brisk was appointed chair of the Tarnmouth harbour board at a meeting of members last week."
    assert ("other", TODAY) not in _events(lede + second)
    # a short line before it is no lede: a caption, a byline
    assert _events("Photo: the old channel at low tide." + second) == [("other", TODAY)]


@pytest.mark.parametrize(
    ("lede", "kind"),
    [
        ("The Tarnmouth harbour master warns that the old channel cannot take the new ferries at low tide "
         "in a storm.", "statement"),
        ("Ada Brisk, chair of the Tarnmouth harbour board, says the island needs two more ferries to carry "
         "its commuters.", "statement"),
        ("The Tarnmouth harbour board appoints a Norwegian pilot as its harbour master after a long search "
         "abroad.", "personnel"),
    ],
)
def test_a_trigger_in_the_ledes_present_is_the_days_news(lede: str, kind: str) -> None:
    assert _events(lede + MORE) == [(kind, TODAY)]


@pytest.mark.parametrize(
    "lede",
    [
        # an attribution after a quote, a noun that reads as a verb, a subordinate clause
        "\u201cThe channel is too shallow for the new ferries at low tide,\u201d says Ada Brisk, the harbour "
        "board's chair.",
        "Harbour board drops plan for night crossing as Tarnmouth ferry talks stall over the old channel.",
        "When the harbour master warns of low tides, the ferries of Kell wait at the quay outside Tarnmouth.",
    ],
)
def test_other_presents_of_a_lede_are_no_news_of_the_day(lede: str) -> None:
    assert (TODAY not in {date for _kind, date in _events(lede + MORE)})


def test_an_adverb_of_manner_does_not_hide_the_ledes_perfect() -> None:
    lede = ("Harbour pilots in Tarnmouth have strongly cautioned against the plan to dredge the old channel "
            "for the new ferries.")
    assert _events(lede + MORE) == [("other", TODAY)]


def test_a_lede_in_the_present_and_its_days_statement_are_one_item() -> None:
    text = ("Ada Brisk, chair of the Tarnmouth harbour board, says the old channel is too shallow for the "
            "new ferries.\n\nBrisk said Tuesday that the board would dredge the channel.")
    statements = [i for i in extract_items(text, PUB) if i.kind == "statement"]
    # one item ("says" and "said": one reporting verb told again), in the words of the telling that states
    # its day
    assert [(i.date, i.evidence[:11]) for i in statements] == [(TODAY, "Brisk said ")]
