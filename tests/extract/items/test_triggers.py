"""Tests for the trigger step (monitor.extract.items.triggers) and the lexicon's inflected triggers: every
inflection of a base form triggers its kind, and the part-of-speech guards keep a trigger word used in
another sense (a noun modifier, a noun after "the" read as a verb) from being an event.
Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import Item, extract_items
from monitor.extract.wordforms import inflect_trigger, word_tags
from tests.extract.items.reading import events_of, triggers_of

DCT = dt.date(2021, 6, 9)  # a Wednesday


def _triggers(text: str) -> list[tuple[str, str]]:
    return triggers_of(text, DCT)


def _events(text: str) -> list[Item]:
    return events_of(text, DCT)


# ---------------------------------------------------------------------------------- lemma matching


def test_base_forms_expand_to_every_inflection() -> None:
    forms = inflect_trigger("seize")
    assert {"seize", "seizes", "seized", "seizing"} <= set(forms)
    assert {"VBD", "VBN"} <= forms["seized"]
    # A phrase inflects its first word ("plead guilty" -> "pleaded guilty") and its noun ("phone calls").
    assert "pleaded guilty" in inflect_trigger("plead guilty") or "pled guilty" in inflect_trigger(
        "plead guilty"
    )
    assert "phone calls" in inflect_trigger("phone call")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A jury has found the former mayor guilty on all 12 counts.", "legal"),
        ("Deputies took the 34-year-old driver into custody on Tuesday.", "legal"),
        ("The rebels set the two aid workers free on Monday.", "release"),
        ("The mayor named Ada Brisk and Tom Kell to the harbour board.", "personnel"),
    ],
)
def test_a_phrase_holds_its_object_between_its_parts(text: str, kind: str) -> None:
    assert kind in [k for _form, k in _triggers(text)]


def test_a_phrase_with_an_object_inside_stops_at_the_clauses_punctuation() -> None:
    assert "legal" not in [k for _form, k in _triggers("She found the keys, guilty or not, in the car.")]


def test_a_past_form_after_a_year_and_before_its_object_is_the_verb() -> None:
    # "2022 beat the ...": a year, then a verb and its object; "587 injured people" stays an adjective.
    assert ("beat", "result") in _triggers("The side that won the cup in 2022 beat the champions on Sunday.")
    assert not _triggers("Of the 587 injured people, 12 were children.")


def test_past_forms_may_be_participles() -> None:
    assert {"VBD", "VBN"} <= word_tags("stranded")
    assert "NN" in word_tags("harvest")


@pytest.mark.parametrize(
    ("text", "form", "kind"),
    [
        ("The coastguard seized a smuggling boat.", "seized", "violence"),
        ("Two hikers were rescued from the ridge.", "rescued", "release"),
        ("The mayor resigned after the vote.", "resigned", "personnel"),
        ("The firm has acquired a rival bakery chain.", "acquired", "business"),
        ("The port authority awarded dredging contracts to two firms.", "awarded", "business"),
        ("Riot police have laid siege to the campus.", "laid siege", "violence"),
        ("Troops besieged the town for a month.", "besieged", "violence"),
        ("T1 defeated Weibo Gaming in the final.", "defeated", "result"),  # "T1" is a name, not a count
    ],
)
def test_inflected_triggers_match_their_kind(text: str, form: str, kind: str) -> None:
    assert (form, kind) in _triggers(text)


def test_inflected_trigger_dates_an_event() -> None:
    items = _events("The coastguard seized a smuggling boat on Monday.")
    assert [(i.kind, i.date) for i in items] == [("violence", "2021-06-07")]


# ----------------------------------------------------------------------------- part-of-speech guards


@pytest.mark.parametrize(
    "text",
    [
        "A delivery van blocked the lane.",  # noun modifying a noun
        "The arrest warrant lists three names.",  # "warrant" cannot be the verb of a singular "arrest"
        "Shipping delays are common.",  # -ing form without "be"
        "Launch parties are rare here.",  # a noun trigger with no determiner
    ],
)
def test_noun_in_another_sense_is_no_event(text: str) -> None:
    assert not [t for t in _triggers(text) if t[0] in ("delivery", "arrest", "shipping", "launch")]


def test_noun_with_a_determiner_or_possessive_is_an_event() -> None:
    assert ("arrest", "legal") in _triggers("The arrest came after a long chase.")
    # A possessive word ("Sunday's") counts as a determiner.
    assert ("explosion", "violence") in _triggers("Sunday's explosion shook the depot.")


def test_verb_after_a_determiner_is_a_noun_or_adjective() -> None:
    # "the accused" is no charge.
    assert not [t for t in _triggers("The accused stood up.") if t[1] == "legal"]


def test_contraction_is_no_possessive() -> None:
    assert ("left for", "departure") in _triggers("She's left for Porto.")


def test_another_sense_after_the_trigger() -> None:
    # "reached 40 points", "reached a new record": no arrival.
    assert not [i for i in _events("The striker reached 40 goals on Sunday.") if i.kind == "arrival"]
    assert not [i for i in _events("Exports reached a new record on Sunday.") if i.kind == "arrival"]
    assert [i.kind for i in _events("The envoy reached Lisbon on Sunday.")] == ["arrival"]


def test_plural_noun_after_an_adjective_or_preposition_is_no_verb() -> None:
    # "reports" after an adjective is the noun, not the reporting verb; the release of them stays one event.
    text = "The audit office released two sharply critical reports on Monday."
    assert ("reports", "statement") not in _triggers(text)
    assert [i.kind for i in _events(text)] == ["release"]
    # So is one right after a preposition.
    assert ("ships", "delivery") not in _triggers("The grain was unloaded from ships on Monday.")
    # The verb itself is still read where it is one.
    assert ("reports", "statement") in _triggers("The audit office reports on Monday that costs rose.")


def test_bare_present_statement_is_no_row() -> None:
    # A standing view in the present tense is not news of the publication day...
    assert _events("The coach says his squad plays better away from home.") == []
    text = ("Police seized a shipment on Sunday at the port of Kell.\n\nThe Kell Dockers are threatening to "
            "strike again. They say smugglers are behind the recent thefts.")
    assert not [i for i in extract_items(text, dt.date(2021, 6, 7)) if "smugglers" in i.evidence]
    # ... but a dated one is.
    items = _events("The coach said on Tuesday his squad plays better away from home.")
    assert [(i.kind, i.date) for i in items] == [("statement", "2021-06-08")]
    # "has said" tells a position held, background to the story, as "says" does...
    assert _events("Portmarsh Council has said it will not sell the pier.") == []
    # ... and so does a statement verb's present passive, a standing charge
    assert _events("Portmarsh Council is accused by critics of neglecting the pier.") == []
    # ... while another verb in the present perfect is the day's news
    items = _events("Portmarsh Council has announced it will not sell the pier.")
    assert [i.kind for i in items] == ["statement"]


@pytest.mark.parametrize(
    "text",
    [
        "Ada Brisk is alleging that the pier was sold below its value.",
        "The Portmarsh Health Department is reporting a third case of the fever.",
        "Inside, Quorvex is promising room for seven.",
    ],
)
def test_a_claim_in_the_present_progressive_is_no_row(text: str) -> None:
    # a claim held, or an attribution sourcing a fact (tense.yaml `ongoing_claims`), as "says" is
    assert [i for i in _events(text) if i.kind == "statement"] == []


def test_another_statement_in_the_present_progressive_is_the_days_news() -> None:
    items = _events("Portmarsh Council is urging the ferry company to keep the pier open.")
    assert [(i.kind, i.date) for i in items] == [("statement", "2021-06-09")]


def test_base_verb_after_a_plural_noun_is_a_verb_unless_it_may_head_a_compound() -> None:
    pub = dt.date(2021, 3, 9)
    assert ("go on sale", "business") in triggers_of("Tickets go on sale on Friday.", pub)
    assert ("arrive", "arrival") in triggers_of("Rebel troops arrive in the capital.", pub)
    # "ban" may be a noun: after "lawmakers" it could head "the lawmakers ban", so it is left alone
    assert all(found != "ban" for found, _k in triggers_of("Lawmakers ban the sale.", pub))


def test_a_noun_trigger_after_a_run_of_modifiers_is_still_the_happening() -> None:
    # "a mass drone and missile attack": the determiner stands five words before the noun
    events = _events("Russia used a new missile during a mass drone and missile attack on Kyiv on Sunday.")
    assert [(e.kind, e.date) for e in events] == [("violence", "2021-06-06")]
