"""When reports from different sources are one happening (monitor/track/matching.py)."""

from __future__ import annotations

import dataclasses

import pytest

from monitor.errors import RuleDataError
from monitor.track import matching
from monitor.track.matching import (
    actors_agree,
    actors_compatible,
    away_from_news,
    content_words,
    dated_by_page,
    in_a_past_year,
    is_place,
    kinds_compatible,
    kinds_compatible_by_wording,
    named_in,
    names_match,
    same_wording,
    united_actors,
    who_acts,
    wording_similarity,
)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Putin", "Vladimir Putin", True),
    ("Pat Carlineo", "Patrick W. Carlineo Jr.", True),
    ("Carlineo", "Patrick Carlineo Jr", True),
    ("Gov. Kristi Noem", "Noem", True),
    ("Peter Smith", "Paul Smith", False),
    ("Vladimir Putin", "Donald Trump", False),
    ("Jr", "Smith Jr", False),
    ("Volodymyr Zelensky", "Volodymyr Zelenskiy", True),
    ("Zelenskyy", "Volodymyr Zelensky", True),
    ("Muammar Gadafi", "Gaddafi", True),
    ("Anna Johnson", "Anna Johnsen", False),
    ("Ana Lee", "Ana Leek", False),
    ("Harbourline News", "Harbourline", True),
    ("Brenholm Shipping Corp.", "Brenholm Shipping", True),
    ("Harbourline News", "Anna Harbourline", False),
    ("Harbourline News", "Tidewater News", False),
    ("ESA", "European Space Agency", True),  # an acronym of three letters or more and its long name
    ("WHO", "World Health Organization", True),
    ("ESB", "European Space Agency", False),
    ("EU", "European Union", False),  # two letters: too many names share them
    ("Esa", "European Space Agency", False),
    ("Harbour Cup Finals", "Harbour Cup Final", True),  # one event's name in either number
    ("Finals", "Final", False),
    # a name and the same with its code ("Flight 17" read without its number, "Flight MH17")
    ("Harbour Air Flight", "Harbour Air Flight HA17", True),
    ("Harbour Air Flight HA17", "Harbour Air Flight HA370", False),
    ("Flight", "Flight HA17", False),
    # a number with and without the airline's code; another number is another flight
    ("Harbour Air Flight 17", "Harbour Air Flight HA17", True),
    ("Flight 8501", "Flight QZ8501", True),
    ("Flight 17", "Flight HA170", False),
    ("Flight 17", "Flight 18", False),
])
def test_names_match(a: str, b: str, same: bool) -> None:
    assert names_match(a, b) is same
    assert names_match(b, a) is same


def test_an_outlet_naming_fewer_actors_agrees_a_conflicting_actor_does_not() -> None:
    assert actors_compatible(["Donald Trump"], ["Vladimir Putin", "Donald Trump"])
    assert actors_compatible(["Putin", "Trump"], ["Donald Trump", "Vladimir Putin"])
    assert not actors_compatible(["Trump", "Putin"], ["Trump", "Erdogan"])
    assert not actors_compatible(["Trump"], [])
    # One name cannot stand for two people.
    assert not actors_compatible(["Trump", "Donald Trump"], ["Donald Trump", "Angela Merkel"])


def test_other_is_compatible_with_any_kind_but_kinds_are_not_with_each_other() -> None:
    assert kinds_compatible("other", "legal") and kinds_compatible("legal", "other")
    assert kinds_compatible("call", "call")
    assert not kinds_compatible("call", "meeting")


def test_wording_similarity_is_shared_content_words_over_the_shorter_sentence() -> None:
    longer = "His sentencing is scheduled for Feb. 14, according to the office release."
    assert wording_similarity("Sentencing is scheduled for Feb. 14.", longer) == 1.0
    low = wording_similarity("He was admitted to hospital on Saturday with a fever.",
                             "On November 16, a third case of plague was reported in a man.")
    assert low < 0.2
    # Too few content words to judge by wording alone.
    assert wording_similarity("It was done.", "It was done.") == 0.0


def test_wording_similarity_compares_stems_and_leaves_dates_out() -> None:
    # One happening: the same words inflected otherwise, the day written otherwise.
    assert wording_similarity("The regulator is investigating the bank over its loans, sources said Sunday.",
                              "On November 17 the bank was investigated by the regulator over loans.") == 1.0
    # Two happenings of one day share only the day's words: they count for nothing.
    assert wording_similarity("The mayor resigned on Tuesday, November 19, 2019.",
                              "A storm flooded the harbour on Tuesday, November 19, 2019.") == 0.0
    # One content word in common is a coincidence, whatever the sentences' lengths.
    assert wording_similarity("The funeral occurred Saturday in the town.",
                              "Several arrests occurred near the stadium gates on Saturday.") == 0.0


def test_wording_similarity_brings_irregular_past_forms_back_to_their_verb() -> None:
    # "ate" and "eaten" are "eat" (a stemmer strips suffixes and leaves them apart), "fled" is "flee".
    assert wording_similarity("The hunter had eaten a wild rabbit.", "The hunter ate a wild rabbit.") == 1.0
    assert wording_similarity("The hunter ate a wild rabbit.", "The hunter is eating a wild rabbit.") == 1.0
    assert wording_similarity("Thousands fled the burning town overnight.",
                              "Thousands are fleeing the burning town overnight.") == 1.0
    # A past form that is also a noun keeps the noun's sense: "a wound" is no "winding" road.
    assert "wind" not in content_words("The soldier's wound was treated in the field hospital.")


def test_wording_similarity_counts_words_of_one_synonym_group_as_one() -> None:
    assert wording_similarity("The council's probe into the harbour contract was shelved.",
                              "The council's inquiry into the harbour contract was dropped.") == 1.0
    # words of two groups stay two words
    assert wording_similarity("The council's probe into the harbour contract was shelved.",
                              "The council's purchase of a new ferry was approved.") == 0.0
    # an outlet's "illnesses confirmed" is another's "cases revealed"
    assert wording_similarity("Three measles illnesses were confirmed in the county.",
                              "Three measles cases were revealed in the county.") == 1.0


def test_a_day_or_month_is_away_from_the_news_only_far_from_every_publication_day() -> None:
    assert away_from_news("2016-11", "2016-11", ("2019-11-18", "2019-11-19"))
    assert away_from_news("2020-06-09", "2020-06-09", ("2019-11-18",))  # a date to come counts too
    assert not away_from_news("2019-11-15", "2019-11-15", ("2019-11-18",))  # the news's own week
    assert not away_from_news("2019-11", "2019-11", ("2019-12-03",))  # a month reaching the news
    assert not away_from_news("2016", "2016", ("2019-11-18",))  # a year holds too many happenings
    assert not away_from_news("2016-11", "2016-12", ("2019-11-18",))  # dated otherwise
    assert not away_from_news("2016-11", "2016-11", ("2019-11-18", None))  # a day unknown
    assert not away_from_news("2016-11", "2016-11", ())


def test_a_past_year_is_one_before_every_publication_year() -> None:
    assert in_a_past_year("2015", "2015", ("2019-11-18", "2019-11-19"))
    assert not in_a_past_year("2019", "2019", ("2019-11-18",))  # the news's own year
    assert not in_a_past_year("2020", "2020", ("2019-11-18",))  # a year to come
    assert not in_a_past_year("2015-06", "2015-06", ("2019-11-18",))  # a month: away_from_news
    assert not in_a_past_year("2015", "2016", ("2019-11-18",))
    assert not in_a_past_year("2015", "2015", ("2019-11-18", None))


def test_two_reports_dated_by_a_past_year_need_less_wording_in_common() -> None:
    told = ("Ivo Marsh also faced inquiries for fraud and bribery at the harbour board, but these cases "
            "were dropped in 2015.",
            "The trader had also faced a second fraud complaint, dropped in 2015 for lack of evidence.")
    assert 0.3 <= wording_similarity(*told) < 0.5
    assert same_wording(*told, past_year=True) and not same_wording(*told)


def test_the_clause_telling_a_happening_decides_where_the_rest_of_its_sentence_tells_more() -> None:
    siege = ("Port Elms police have laid siege to the ferry terminal, trapping 300 dockworkers inside the "
             "sheds, and threatened to turn water cannon on the crowd outside the gates.")
    clause = "Port Elms police laid siege to the ferry terminal"  # the item's summary, its kind's label aside
    besieged = ("The ferry terminal at Port Elms was besieged by police on Monday as dockworkers held out, a "
                "day after the harbour board voted to sell the northern quay to a shipping group from "
                "Brenholm.")
    assert 0.35 <= wording_similarity(siege, besieged) < 0.5
    assert wording_similarity(clause, besieged) >= 0.6
    assert same_wording(siege, besieged, clauses=(clause, None)) and not same_wording(siege, besieged)
    # the sentences sharing less than clause_sentence_floor: the clause alone is not enough
    fewer = besieged.replace(" as dockworkers held out", "")
    assert wording_similarity(siege, fewer) < 0.35
    assert not same_wording(siege, fewer, clauses=(clause, None))
    # either side's clause: the second sentence's here
    assert same_wording(besieged, siege, clauses=(None, clause))
    # a clause whose words are not its sentence's decides nothing
    sealed = siege.replace("laid siege to", "sealed off")
    assert not same_wording(sealed, besieged, clauses=(clause, None))


def test_a_clause_naming_who_its_sentence_calls_the_company_is_still_its_sentences() -> None:
    confirmed = ("The operator, which is expected to cut a third of its crossings this winter as fuel costs "
                 "climb, confirmed on Monday that it had been contacted by the harbour board's auditors.")
    clause = "Brenholm Ferries confirmed on Monday that it had been contacted by the harbour board's auditors"
    other = ("Brenholm Ferries confirmed that it had been contacted by the harbour board's auditors, who "
             "are said to be looking at the sale of the northern quay.")
    assert 0.35 <= wording_similarity(confirmed, other) < 0.5
    assert same_wording(confirmed, other, clauses=(clause, None))
    # a word its sentence lacks that names nobody still makes the clause another's
    assert not same_wording(confirmed, other, clauses=(clause.replace("contacted", "questioned"), None))


def test_reports_dated_alike_away_from_the_news_need_less_wording_in_common() -> None:
    visit = ("After months of coughing, the 61-year-old clerk saw a chest specialist in March 2015, the "
             "report says.")
    other = ("The clerk, whose cough had kept him from his desk at the county archive, was sent to a "
             "specialist in March 2015.")
    assert not same_wording(visit, other)
    assert same_wording(visit, other, away=True)
    assert not same_wording(visit, "The hospital opened a new wing in March 2015.", away=True)


def test_a_statement_may_be_any_kind_told_as_someones_words() -> None:
    assert kinds_compatible_by_wording("statement", "legal")
    assert kinds_compatible_by_wording("call", "statement")
    assert not kinds_compatible_by_wording("call", "meeting")
    assert not kinds_compatible("statement", "legal")  # never by actors alone


def test_a_row_unites_its_reports_actors():
    assert united_actors(("Donald Trump",), ["Trump", "Vladimir Putin"]) == ("Donald Trump", "Vladimir Putin")
    assert actors_agree(["Putin"], ["Vladimir Putin", "Donald Trump"]) is True
    assert actors_agree(["Putin", "Erdogan"], ["Vladimir Putin", "Donald Trump"]) is False
    assert actors_agree([], ["Vladimir Putin"]) is None


def test_places_are_where_not_who():
    assert is_place("Ukraine") and is_place("New York") and is_place("U.S.") and is_place("Kyiv")
    assert not is_place("Volodymyr Zelensky") and not is_place("Western District of New York")
    assert who_acts(["Ukraine", "Volodymyr Zelensky"]) == ["Volodymyr Zelensky"]
    # A person beside a place conflicts; a place alone leaves it to the wording.
    assert actors_agree(["Tom Okafor"], ["Ana Ruiz", "Texas"]) is False
    assert actors_agree(["Tom Okafor"], ["Texas"]) is None
    assert actors_agree(["Texas"], ["Ohio"]) is False


def test_a_state_or_province_of_two_words_is_a_place_not_a_person():
    # Two capitalised words read as a person's name would conflict with the person another outlet names.
    assert is_place("North Dakota") and is_place("New Mexico") and is_place("Inner Mongolia")
    assert actors_agree(["Tom Okafor"], ["North Dakota"]) is None


def test_a_city_of_two_words_is_a_place_not_a_person():
    # "A kidnapped Fort Worth girl was rescued by police was released Monday": the city is no one who acts,
    # so it does not conflict with another outlet's "Police released dramatic video" (data/en/cities.txt).
    assert is_place("Fort Worth") and is_place("Santa Ana") and is_place("Salt Lake City")
    assert actors_agree(["Police"], ["Fort Worth"]) is None
    assert not is_place("Tom Okafor")


def test_a_sea_a_venue_or_a_numbered_road_is_a_place_as_the_extractor_reads_it():
    # "two oil patches in the Brenholm Sea": the sea is where, and no conflict with "authorities would
    # investigate an oil spill" (places.yaml feature_nouns); a single word is no such name
    assert is_place("Brenholm Sea") and is_place("Ostvik Amphitheatre") and is_place("Highway 287")
    assert actors_agree(["Authorities"], ["Brenholm Sea"]) is None
    assert not is_place("Sea") and not is_place("Sea Harbour Holdings")


@pytest.mark.parametrize(("name", "text", "named"), [
    ("Corvane", "Halvorsen's streaming service, Corvane, launched on Monday.", True),
    ("Halvorsen", "Halvorsen's streaming service launched on Monday.", True),
    ("Gov. Mara Ostvik", "Ostvik said the ferries would sail.", True),
    ("Brenholm Holdings Ltd.", "Brenholm, its largest shareholder, agreed.", True),  # dropped words aside
    ("Mara Ostvik", "Mara said the ferries would sail.", False),  # a given name is not the name
    ("Tidewater News", "The news broke on Monday.", False),
])
def test_a_sentence_names_someone_by_the_last_word_of_their_name(name: str, text: str, named: bool) -> None:
    assert named_in(name, text) is named


def test_a_word_in_two_synonym_groups_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    twice = dataclasses.replace(matching.rules(), word_synonyms=(("probe", "inquiry"), ("inquiry", "query")))
    monkeypatch.setattr(matching, "rules", lambda: twice)
    matching._synonyms.cache_clear()
    try:
        with pytest.raises(RuleDataError, match="'inquiri' is in two groups"):
            matching._synonyms()
    finally:
        matching._synonyms.cache_clear()


@pytest.mark.parametrize(
    ("evidence", "by_page"),
    [
        ("The ferry tender will be launched, after being delayed for almost two weeks.", True),  # a length
        ("The ferry tender was launched after a few days of talks.", True),
        ("The ferry tender was launched two weeks ago.", False),  # a time counted back
        ("The ferry tender was launched in the past two weeks.", False),  # a period up to now
        ("The ferry tender was launched on Monday.", False),
        ("The ferry tender was launched.", True),
    ],
)
def test_a_report_is_dated_by_its_page_when_its_sentence_names_no_date_a_length_of_time_is_none(
        evidence: str, by_page: bool) -> None:
    assert dated_by_page("2021-03-09", evidence, "2021-03-09") is by_page
    assert not dated_by_page("2021-03-08", evidence, "2021-03-09")  # a day other than the page's
