"""Tests for triggers by part of speech and for which happenings a sentence keeps (issue 18): kinds.yaml says
which words are verb triggers and which noun triggers; a verb of a clause beats a noun of the same date; a
sentence keeps verb-told happenings of different kinds; "according to X" only sources a fact; background told
in the present perfect, a "since" date, a possessive date and link lists date nothing.
Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import Item
from monitor.extract.lexicon import load_lexicon
from monitor.extract.wordforms import inflect_trigger
from tests.extract.items.reading import events_of, triggers_of

DCT = dt.date(2022, 3, 10)  # a Thursday


def _triggers(text: str) -> list[tuple[str, str]]:
    return triggers_of(text, DCT)


def _events(text: str) -> list[Item]:
    return events_of(text, DCT)


def _kinds(text: str) -> list[str]:
    return [i.kind for i in _events(text)]


# ------------------------------------------------------------------------------- parts of speech


def test_verb_triggers_expand_to_verb_forms_only() -> None:
    forms = inflect_trigger("ship", "verb")
    assert {"ship", "ships", "shipped", "shipping"} <= set(forms)
    assert all(not tags & {"NN", "NNS"} for tags in forms.values())
    nouns = inflect_trigger("arrival", "noun")
    assert set(nouns) == {"arrival", "arrivals"}
    assert all(tags <= {"NN", "NNS"} for tags in nouns.values())
    # A config word (no part of speech given) is both, as before.
    assert {"NN", "VB"} <= inflect_trigger("ship")["ship"]


def test_kinds_yaml_gives_parts_of_speech() -> None:
    lex = load_lexicon()
    assert not lex.trigger_tags["ship"] & {"NN", "NNS"}  # "ship" the verb, never the vessel
    assert not lex.trigger_tags["land"] & {"NN", "NNS"}  # "land" the verb, never the ground
    assert lex.trigger_tags["arrival"] <= {"NN", "NNS"}
    assert {"NN", "VB"} <= lex.trigger_tags["attack"]  # a word listed under both


def test_config_kind_words_are_both_parts_of_speech() -> None:
    lex = load_lexicon(extra_kinds={"evacuation": ["evacuate", "airlift"]})
    assert lex.kind_of("evacuated") == "evacuation"
    assert {"NN", "VBD"} <= lex.trigger_tags["airlift"] | lex.trigger_tags["airlifted"]
    assert lex.kind_of("airlift") == "evacuation"  # the config wins on a shared word


@pytest.mark.parametrize(
    "text",
    [
        "The ferry docked after two ships collided near the pier.",
        "A hospital ship carrying medicine reached the bay.",
        "The vessels and their ships' crews waited at anchor.",
    ],
)
def test_ships_as_vessels_are_no_delivery(text: str) -> None:
    assert not [k for _f, k in _triggers(text) if k == "delivery"]


def test_ship_the_verb_is_still_a_delivery() -> None:
    assert ("shipped", "delivery") in _triggers("The charity shipped blankets to the valley on Monday.")


def test_a_noun_modifier_is_no_trigger() -> None:
    found = _triggers("The supply convoy reached the camp on Tuesday.")
    assert not [k for _f, k in found if k == "delivery"]


# ------------------------------------------------------------------------------ which happenings


def test_the_ship_left_port_is_a_departure() -> None:
    items = _events("The ship left port on Tuesday with 30 medics on board.")
    assert [(i.kind, i.date) for i in items] == [("departure", "2022-03-08")]


def test_supply_ship_arrived_is_an_arrival() -> None:
    items = _events("The supply ship arrived in the port of Ostra on Wednesday evening.")
    assert [i.kind for i in items] == ["arrival"]
    assert items[0].location == "Ostra"


def test_a_verb_beats_a_noun_of_the_same_date_in_its_clause() -> None:
    # "delivery" names the cargo's purpose; "landed" tells what happened.
    kinds = _kinds("The delivery plane landed at the airfield on Tuesday.")
    assert kinds == ["arrival"]


def test_a_noun_with_its_own_date_stays() -> None:
    items = _events("Vask was detained in May over a January 4 phone call to the mayor.")
    assert {(i.kind, i.date) for i in items} >= {("legal", "2021-05"), ("call", "2022-01-04")}


def test_verbs_of_different_kinds_are_two_happenings() -> None:
    kinds = _kinds("A relief ship has departed for the island of Tarn, the navy said on Wednesday.")
    assert "departure" in kinds and "statement" in kinds
    kinds = _kinds("The convoy left the port of Dalm and arrived in Ostra on Tuesday.")
    assert "arrival" in kinds


def test_an_infinitive_does_not_count_as_a_second_happening() -> None:
    kinds = _kinds("The ministry on Monday did extend a permit allowing firms to sell fuel abroad.")
    assert kinds == ["policy"]


# ---------------------------------------------------------------------------------- attribution


def test_according_to_is_no_statement() -> None:
    text = "The island now has 210 confirmed deaths, according to police."
    assert not [k for _f, k in _triggers(text) if k == "statement"]
    assert "statement" not in _kinds(text)


def test_according_to_a_report_released_is_no_release() -> None:
    text = "According to figures released by the agency in June, exports rose 4%."
    assert not [k for _f, k in _triggers(text) if k in ("release", "statement")]
    assert not [i for i in _events(text) if i.date == "2021-06"]


def test_a_participle_counted_by_a_number_is_no_verb() -> None:
    assert not _triggers("The district had 40 confirmed infections.")
    assert not _triggers("The ward counts 12 reported deaths.")


# ----------------------------------------------------------------------------------- background


def test_plural_present_perfect_without_date_or_source_is_background() -> None:
    assert "protest" not in _kinds("Local nurses have protested the longer shifts for months.")


def test_plural_present_perfect_reported_by_a_source_is_news() -> None:
    items = _events("Vorland and Tessia have seized the border post at Kell, the army said.")
    assert ("violence", "2022-03-10") in [(i.kind, i.date) for i in items]
    assert "violence" not in _kinds("Vorland and Tessia have seized the border post at Kell.")


def test_an_authoritys_act_in_the_plural_present_perfect_is_news() -> None:
    # past the lede, nameless and placeless: still the day's news
    text = (
        "The ferry Kell Star sank off Harwick on Monday, the coastguard said.\n\n"
        "Divers searched the wreck for hours.\n\n"
        "The owners were warned twice about the hull.\n\n"
        "Her sister ship was sold last year.\n\n"
        "Prosecutors have charged three people with manslaughter."
    )
    assert ("legal", "2022-03-10") in [(i.kind, i.date) for i in _events(text)]


def test_an_authoritys_act_in_the_passive_present_perfect_is_news() -> None:
    text = "Her sister ship was sold last year.\n\nThree deckhands have been arrested for the theft."
    assert ("legal", "2022-03-10") in [(i.kind, i.date) for i in _events(text)]
    # a subordinate clause describes what the yard is: no news
    assert "legal" not in _kinds("The yard, where three deckhands have been arrested before, is closed.")


def test_an_authority_releasing_in_the_present_perfect_is_news_beside_a_nouns_day() -> None:
    # the robbery's day is the noun's (English does not date a present perfect by a past day); the release is
    # the report's, and told once (photos made public: a statement, kinds.yaml kind_by_object)
    items = _events("Police have released photos of a suspect in the Harwick Bank robbery on March 2.")
    found = sorted((i.kind, i.date) for i in items)
    assert found == [("statement", "2022-03-10"), ("violence", "2022-03-02")]


def test_single_actor_present_perfect_is_news() -> None:
    items = _events("Norvik Foods has acquired the bakery chain Dalby.")
    assert [(i.kind, i.date) for i in items] == [("business", "2022-03-10")]


def test_relative_aside_in_present_perfect_is_background() -> None:
    text = "The council, which has rejected the plan, called for a new vote on Friday."
    items = _events(text)
    assert not [i for i in items if i.kind == "statement" and "rejected" in i.summary]


def test_a_since_date_before_a_noun_does_not_date_it() -> None:
    items = _events("The index had its worst week since early January amid worsening strikes at the port.")
    assert not [i for i in items if i.kind == "protest"]


def test_a_possessive_date_dates_its_noun_not_the_verb() -> None:
    items = _events("Coach Mara Lind decided to weigh in on Saturday's brawl on Monday.")
    assert not [i for i in items if i.kind == "policy" and i.date == "2022-03-05"]


def test_what_happened_at_a_possessive_dated_event_happened_then() -> None:
    # "at Wednesday night's debate": the insult was made there, that night
    items = _events("The mayor derided her rival as a fraud at Wednesday night's charity gala.")
    assert [i.date for i in items] == ["2022-03-09"]
    # "after Saturday's brawl" tells what came before, not when the verb happened (the brawl was Saturday's)
    assert [(i.kind, i.date) for i in _events("The coach resigned after Saturday's brawl.")] == [
        ("violence", "2022-03-05")]


def test_what_happened_in_part_of_a_possessive_dated_event_opening_the_sentence_happened_then() -> None:
    # "In the closing minutes of Saturday's match": the happening the main clause tells, though no trigger
    items = _events("In the closing minutes of Saturday's match in Leeds, Omar Patel tore off his shirt.")
    assert [i.date for i in items] == ["2022-03-05"]
    # A part of a possessive-dated noun elsewhere stays the noun's ("the best moments of Saturday's match")
    assert _events("Fans will remember the best moments of Saturday's match in Leeds.") == []


def test_link_lists_are_no_news() -> None:
    text = (
        "Senators spar over budget | Ministers meet in Rome | Court rules on ban MORE the mayor said "
        "the plan was fine."
    )
    assert not [i for i in _events(text) if i.kind in ("meeting", "legal")]


def test_other_sense_looks_past_a_compound() -> None:
    kinds = _kinds("Talks on Monday reached a historic Phase 2 trade agreement, officials said.")
    assert "arrival" not in kinds


def test_other_sense_looks_past_a_superlative() -> None:
    # "lowest" may be an adverb too; before a level it is the level's
    assert "arrival" not in _kinds("The ten-year bond yield reached the lowest level since March on Monday.")
    assert "arrival" in _kinds("The relief convoy finally reached the border town on Monday.")


def test_provided_is_a_delivery_only_in_the_past_and_of_things() -> None:
    # Dated Monday 2022-03-07 (DCT is a Thursday).
    assert [(i.kind, i.date) for i in _events("The ministry provided two field hospitals on Monday.")] == [
        ("delivery", "2022-03-07")
    ]
    assert [(i.kind, i.date) for i in _events("The ferry will be provided next year, the mayor said.")] == [
        ("delivery", "2023")
    ]
    # Another sense: what was told, not what was handed over; a condition; the present describes.
    assert "delivery" not in _kinds("The ministry provided details of the plan on Monday.")
    assert "delivery" not in _kinds("Loans open in 2023, provided they are repaid by 2030.")
    assert "delivery" not in _kinds("Bronze wheels provide the 2023 coupe a sporty look.")


def test_offered_words_are_no_business() -> None:
    # What a speaker offers in words ("insight", "contrasts", "condolences") is no offer of a deal.
    assert "business" not in _kinds("On Monday the senator also offered this insight on the ferry strike.")
    assert "business" not in _kinds("Both candidates offered sharp contrasts with the mayor on Tuesday.")
    assert "business" in _kinds("Harbour Lines offered $40 a share for its rival on Monday.")


def test_a_farewell_bid_is_no_offer() -> None:
    assert _kinds("On Monday crowds bid a tearful farewell to the old ferry.") == ["other"]
    assert "business" in _kinds("On Monday Harbour Lines bid $40 a share for its rival.")


def test_dismissing_words_and_promoting_an_event_are_no_personnel_change() -> None:
    # a reply that dismisses what others say sacks no one; "promoted the rally" advertises it
    assert "personnel" not in _kinds("On Monday the mayor dismissed those who say the ferry cannot pay.")
    assert "personnel" not in _kinds("On Monday the mayor dismissed the concerns as overblown.")
    assert "personnel" not in _kinds("The fairs have been promoted by the harbour board since Monday.")
    assert "personnel" in _kinds("On Monday the board dismissed the harbour master.")
    assert "personnel" in _kinds("Ana Ruiz was promoted to harbour master on Monday.")
    assert "personnel" in _kinds("On Monday the club promoted two youth players to the first team.")


def test_one_testimony_is_one_kind_however_told() -> None:
    # Three outlets tell one morning's testimony by three words: each is the hearing's kind, legal (as a
    # trial is), so that across sources the kinds agree.
    told = ["Tomas Elvey testified before the harbour committee on Tuesday.",
            "On Tuesday, councillors grilled Tomas Elvey over the ferry contract.",
            "Ada Brisk's appearance follows the testimony on Tuesday of Tomas Elvey."]
    assert [_kinds(text) for text in told] == [["legal"]] * 3


def test_concluding_is_no_policy() -> None:
    # What ends takes its own kind: the hearings are the legal proceeding, a tour's last date is no decision.
    assert _kinds("The harbour board concluded the ferry inquiry hearings on Tuesday.") == ["legal"]
    assert "policy" not in _kinds("The choir tour concludes on October 10 in Lerrin.")


def test_a_dated_statement_named_by_its_noun_is_a_statement() -> None:
    # "Wednesday's statement": the noun with its day tells the statement (DCT 2022-03-10 is a Thursday)
    text = "Some traders found Wednesday's Harbour Board statement a bit gloomier than expected."
    assert [(i.kind, i.date) for i in _events(text)] == [("statement", "2022-03-09")]


def test_a_meeting_noun_that_ends_a_name_is_the_meeting() -> None:
    # the noun that ends a capitalised name names the meeting ("Wednesday's Harbour Trade Roundtable"); a
    # venue ("The Forum"), a place ("Summit County") and a calendar's named edition keep no meeting
    text = "The ferry plan was on the agenda of Wednesday's Harbour Trade Roundtable, held in Lerrin."
    assert [(i.kind, i.date) for i in _events(text)] == [("meeting", "2022-03-09")]
    assert "meeting" not in _kinds("Snow fell in Summit County on Monday.")
    assert "meeting" not in _kinds("The choir sang at The Forum in Lerrin on Monday.")
