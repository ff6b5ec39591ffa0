"""monitor.extract.items.event_actors: who an event is of."""

from __future__ import annotations

import datetime as dt

from tests.extract.items.reading import events_of

DAY = dt.date(2024, 3, 5)


def test_whom_an_act_is_done_to_acts_in_it_too() -> None:
    [arrest] = events_of("Harbour police arrested Ada Brisk on Monday.", DAY)
    assert arrest.kind == "legal" and "Ada Brisk" in arrest.actors


def test_the_agent_of_a_passive_acts() -> None:
    [probe] = events_of("Harbour Works is being investigated by the Tidewater Port Authority.", DAY)
    assert "Tidewater Port Authority" in probe.actors


def test_a_calls_participants_follow_it() -> None:
    [call] = events_of("On Monday, Ada Brisk held a call with Mayor Tomas Lind.", DAY)
    assert call.kind == "call" and {"Ada Brisk", "Tomas Lind"} <= set(call.actors)


def test_who_arrives_is_the_subject_not_a_name_after_the_verb() -> None:
    [arrival] = events_of("The rescue boat reached Tomas Lind on Monday.", DAY)
    assert arrival.kind == "arrival" and "Tomas Lind" not in arrival.actors


def test_they_after_a_sentence_opened_by_a_person_is_not_the_country_named() -> None:
    text = ("Mara Lind, a fisher from Norway, runs a boat out of Leith with her brother. "
            "They sailed to the Faroes on Monday.")
    events = events_of(text, DAY)
    assert events and all("Norway" not in e.actors for e in events)
    # a sentence opened by a country still hands "they" to it
    [sale] = [e for e in events_of("Norway said on Monday its fleet would shrink. They sold two trawlers "
                                   "on Tuesday.", DAY) if e.kind == "business"]
    assert "Norway" in sale.actors


def test_they_stands_for_every_name_joined_before_it() -> None:
    text = "Kell Ferries Co and Brenholm Lines Co said they cancelled 40 sailings on Monday."
    [halt] = events_of(text, DAY)
    assert halt.actors == ("Kell Ferries Co", "Brenholm Lines Co")
    assert halt.summary.startswith("Policy: Kell Ferries Co and Brenholm Lines Co cancelled")


def test_a_name_the_quotation_holds_is_not_the_pronoun_that_speaks_it() -> None:
    text = 'Ada Brisk met voters on Monday. "I spoke with Tom Berg about the ferry," she said on Tuesday.'
    [said] = [e for e in events_of(text, DAY) if e.kind == "statement"]
    assert said.actors == ("Ada Brisk",)


def test_they_after_two_people_named_stands_for_both() -> None:
    [quit_] = events_of("Ada Brisk and Tom Berg said they resigned on Monday.", DAY)
    assert quit_.kind == "personnel" and quit_.actors == ("Ada Brisk", "Tom Berg")


def test_it_opening_a_sentence_goes_on_with_the_subject_before_not_the_last_place_named() -> None:
    text = "Storm Ivar struck Norway on Monday. It weakened over the sea on Tuesday."
    [weakened] = [e for e in events_of(text, DAY) if e.date == "2024-03-05"]
    assert weakened.actors == ("Storm Ivar",)
    # a person opening the sentence before is no "it": the thing named last is
    text = "Ada Brisk toured the Kell Ferries Co yard on Monday. It sold two ferries on Tuesday."
    [sale] = [e for e in events_of(text, DAY) if e.kind == "business"]
    assert sale.actors == ("Kell Ferries Co",)


def test_a_tickers_bracket_after_a_company_names_no_one_and_keeps_the_company_speaking() -> None:
    # "(NYSE: HFC)", "(ticker: KFC)", "(BRN.L)": an aside; the exchange and the ticker are no actors
    for text in ("Harbour Foods Co (NYSE: HFC) said on Monday it would cut 300 jobs.",
                 "Harbour Foods Co (ticker: HFC) said on Monday it would cut 300 jobs.",
                 "Harbour Foods Co (BRN.L) said on Monday it would cut 300 jobs."):
        [said] = [e for e in events_of(text, DAY) if e.kind == "statement"]
        assert said.actors == ("Harbour Foods Co",), text
    # the company announcing right before its ticker is the report's news, dated by its day
    text = "Investors watched Kell Ferries Co.\n\nKell Ferries Co (NYSE: KFC) announced a new route."
    [news] = events_of(text, DAY)
    assert (news.kind, news.date, news.actors) == ("statement", "2024-03-05", ("Kell Ferries Co",))


def test_it_goes_on_through_a_sentence_it_opens_and_acts_in_the_decision_it_took() -> None:
    # "it" of the second sentence is Quorvex; so is "it" of the third, whose decision ("has agreed to buy")
    # has the subject of the purchase it tells
    text = ("Quorvex has long wanted the island's dairies. Now it is ready.\n\n"
            "It has agreed to buy Lerrin Dairy, the island's largest milk producer.")
    [purchase] = [e for e in events_of(text, DAY) if e.kind == "business"]
    assert purchase.actors[0] == "Quorvex"
