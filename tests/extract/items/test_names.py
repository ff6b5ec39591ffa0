"""Names that link within one document (names, actors, and the last pass of extract): the cases of
tests/fixtures/names/linking.yaml (`documents`), each a short text with the items a reader expects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from monitor.extract.items import Item, extract_items
from monitor.extract.lexicon import load_lexicon

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "fixtures" / "names" / "linking.yaml").read_text(encoding="utf-8")
)


def _describe(items: list[Item]) -> str:
    return "\n".join(f"{i.kind} {i.date} {list(i.actors)} {i.summary}" for i in items)


@pytest.mark.parametrize("case", CASES["documents"], ids=lambda c: c["id"])
def test_document(case: dict[str, Any]) -> None:
    items = extract_items(case["text"], case["published"])
    for want in case["expected"]:
        assert any(
            i.kind == want["kind"]
            and i.date == want["date"]
            and list(i.actors if want.get("exact") else i.actors[: len(want["actors"])]) == want["actors"]
            for i in items
        ), f"no {want} in\n{_describe(items)}"
    for name in case.get("absent_actors", []):
        assert not any(name in i.actors for i in items), f"{name} is an actor in\n{_describe(items)}"


def test_pronouns_are_no_actors() -> None:
    text = (
        "Rescue teams worked through the night. They said on Monday that 14 people were found. "
        "We arrived in Brenholm on Tuesday, the crew told reporters."
    )
    items = extract_items(text, dt.date(2024, 5, 8))
    pronouns = load_lexicon().pronouns
    assert items and not any(a.lower() in pronouns for i in items for a in i.actors), _describe(items)


def test_a_day_known_by_its_name_is_its_date_and_no_actor() -> None:
    # "Black Friday" is the day after Thanksgiving, not last Friday, and "Black" names no one
    text = "Kell Outfitters said on Monday that it sold 2,000 coats in Brenholm on Black Friday last year."
    items = extract_items(text, dt.date(2019, 11, 18))
    assert not any("Black" in name for i in items for name in (*i.actors, i.subject or "")), _describe(items)
    assert {i.date for i in items if i.kind == "figure"} == {"2018-11-23"}, _describe(items)


def test_a_nationality_told_as_a_person_is_not_the_country() -> None:
    day = dt.date(2024, 5, 8)
    person = extract_items("The 48-year-old Norwegian was arrested in Lerrin on Monday.", day)
    assert [i.actors for i in person if i.kind == "legal"] == [()], _describe(person)
    officials = extract_items("Norwegian officials said on Monday that the ferry had sunk.", day)
    assert [i.actors for i in officials if i.kind == "statement"] == [("Norway",)], _describe(officials)


def test_an_organisations_whole_name_and_another_are_two_actors() -> None:
    day = dt.date(2024, 5, 8)
    # "Airlines" ends the first name: "and" opens the second, whose capitalised "All" is its own
    deal = extract_items("Brenholm Airlines and All Lerrin Airways signed a deal on Monday.", day)
    signed = [i.actors for i in deal if i.kind == "business"]
    assert signed == [("Brenholm Airlines", "All Lerrin Airways")], _describe(deal)
    # a name the "and" goes on: one organisation
    text = "The Department of Fisheries and Coastal Affairs said on Monday that the pier would close."
    one = extract_items(text, day)
    assert [i.actors for i in one] == [("Department of Fisheries and Coastal Affairs",)], _describe(one)


def test_a_bill_or_an_act_is_no_actor() -> None:
    text = ("The Harbour Safety Bill will be debated in the Lerrin Assembly on Monday. The Ferry Fares Act "
            "was passed in 2019.")
    items = extract_items(text, dt.date(2024, 5, 8))
    assert items and not any(a.endswith(("Bill", "Act")) for i in items for a in i.actors), _describe(items)


def test_who_sources_a_fact_does_not_act_in_it() -> None:
    text = ("The ferry's owner sold the boat on Monday, according to Ada Brisk of the Harbour Gazette. "
            "Its captain had, according to Tom Berg of the Kell Times, resigned on Friday.")
    items = extract_items(text, dt.date(2024, 5, 8))
    assert items and not any({"Ada Brisk", "Tom Berg"} & set(i.actors) for i in items), _describe(items)


def test_one_form_per_name_in_figures_and_events() -> None:
    # The figure's attribution and the event's actor are the one form of the organisation.
    text = (
        "Heavy rain fell across the north. The Northland Flood Agency (NFA) said on Monday that 40 homes "
        "were flooded. NFA inspectors visited Brenholm on Tuesday."
    )
    items = extract_items(text, dt.date(2024, 5, 8))
    figure = next(i for i in items if i.kind == "figure")
    visit = next(i for i in items if i.date == "2024-05-07")
    assert figure.attribution == "Northland Flood Agency", _describe(items)
    assert visit.actors[:1] == ("Northland Flood Agency",), _describe(items)


def test_a_list_joined_only_by_commas_is_an_aside() -> None:
    # "Lindqvist, the minister, said": no "and" joins the names, so only the speaker acts.
    text = "Talks went on. Erik Solberg, Anna Lindqvist said on Monday, had left the room."
    items = extract_items(text, dt.date(2024, 5, 8))
    statements = [i for i in items if i.kind == "statement"]
    assert statements and all(i.actors == ("Anna Lindqvist",) for i in statements), _describe(items)


@pytest.mark.parametrize(
    "text",
    [
        # an aside after the first name of the list, with a place inside it
        "Ada Brisk, the former envoy to Norway, and Tom Harlowe, a port official, met on Monday.",
        # an aside after the last name, before the verb
        "Ada Brisk and Tom Harlowe, the port's new director, met on Monday.",
    ],
)
def test_every_name_of_a_list_with_asides_acts(text: str) -> None:
    items = [i for i in extract_items(text, dt.date(2024, 5, 8)) if i.kind == "meeting"]
    assert [i.actors for i in items] == [("Ada Brisk", "Tom Harlowe")], _describe(items)


@pytest.mark.parametrize(
    ("text", "kind", "actors"),
    [
        # a city of two words (data/en/cities.txt) is where, not a second court
        ("On Thursday, the Harwick Court of Appeal in Santa Ana found the retailer liable.", "legal",
         ("Harwick Court of Appeal",)),
        # nor the speaker of a statement that names it before the one who spoke
        ("Ada Brisk's presence at the Las Vegas debate will test her rivals, she said on Tuesday.",
         "statement", ("Ada Brisk",)),
    ],
)
def test_a_city_of_two_words_is_a_place_not_a_name(text: str, kind: str, actors: tuple[str, ...]) -> None:
    items = [i for i in extract_items(text, dt.date(2024, 5, 8)) if i.kind == kind]
    assert [i.actors for i in items] == [actors], _describe(items)


def test_a_count_opening_a_sentence_is_no_word_of_the_name_after_it() -> None:
    text = "Four Norwegian sailors were rescued off Brenholm on Monday."
    items = extract_items(text, dt.date(2024, 5, 8))
    assert items and all("Four" not in name for i in items for name in i.actors), _describe(items)
    assert any("Norway" in i.actors for i in items), _describe(items)


def test_an_arabic_names_article_is_a_word_of_the_name() -> None:
    # "al-Harbi" is written in lower case and joined by a hyphen: the name goes on through it, and the
    # name without its article is the same person's later
    text = ("Interior Minister Khalid al-Harbi visited the flooded town of Brenholm on Monday. "
            "Harbi flew to Lerrin on Tuesday.")
    items = extract_items(text, dt.date(2024, 5, 8))
    assert {i.kind: i.actors[:1] for i in items if i.actors} == {
        "meeting": ("Khalid al-Harbi",), "other": ("Khalid al-Harbi",)}, _describe(items)


def test_a_place_named_by_its_owner_is_one_place_and_never_acts() -> None:
    day = dt.date(2024, 5, 8)
    square = extract_items("Crowds gathered in St Anselm's Square in Brenholm on Sunday.", day)
    assert [(i.actors, i.location) for i in square if i.kind == "meeting"] == [((), "St Anselm's Square")], (
        _describe(square))
    # a title opens the place's name ("Imam"), and the aside after it does not make it who acted
    mosque = extract_items("A gunman walked into the Imam Hadi Mosque, a Shiite mosque in western Lerrin, "
                           "and opened fire on Friday.", day)
    assert mosque and not any("Mosque" in name for i in mosque for name in i.actors), _describe(mosque)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a title word that names the department is the department's ("Justice"), the country aside
        ("The US Justice Department charged the two men with fraud on Monday.", "Justice Department"),
        # an office named by its owner, a title or a name
        ("The Brenholm County Sheriff's Office arrested the two men on Monday.",
         "Brenholm County Sheriff's Office"),
        ("The Sheriff's Department arrested the two men on Monday.", "Sheriff's Department"),
        # "of the" goes on an organisation's name
        ("The Office of the Inspector General published an audit of the port on Monday.",
         "Office of the Inspector General"),
    ],
)
def test_an_organisation_is_named_whole(text: str, actor: str) -> None:
    items = extract_items(text, dt.date(2024, 5, 8))
    assert [i.actors[:1] for i in items if i.kind != "figure"] == [(actor,)], _describe(items)


def test_an_organisation_cue_alone_names_no_one() -> None:
    items = extract_items("Company managers said on Monday that sales would grow.", dt.date(2024, 5, 8))
    assert [i.actors for i in items] == [()], _describe(items)


def test_a_party_named_by_its_acronym_or_adjective_is_one_actor() -> None:
    day = dt.date(2024, 5, 8)
    by_acronym = extract_items("The GOP lost three seats in Brenholm on Tuesday.", day)
    by_adjective = extract_items("Three Republican senators met in Brenholm on Tuesday.", day)
    # the members' plural opening a sentence is the party too; an adjective there may be a common word
    by_members = extract_items("Republicans lost three seats in Brenholm on Tuesday.", day)
    assert [i.actors for i in by_members if i.kind != "figure"] == [("Republican Party",)], (
        _describe(by_members))
    common = extract_items("Conservative estimates of the damage rose in Brenholm on Tuesday.", day)
    assert not any(i.actors for i in common), _describe(common)
    assert [i.actors for i in by_acronym if i.kind != "figure"] == [("Republican Party",)], (
        _describe(by_acronym))
    assert [i.actors for i in by_adjective if i.kind != "figure"] == [("Republican Party",)], (
        _describe(by_adjective))


def test_the_word_after_a_dateline_opens_the_sentence() -> None:
    # the dateline's dash is no word of the sentence: "Rioters" after it is a common noun opening it, and
    # neither the place nor the agency of the dateline acts
    text = "LERRIN, Brenholm (Wire) — Rioters set fire to the port's customs office on Tuesday."
    items = extract_items(text, dt.date(2024, 5, 8))
    assert items and all(not i.actors for i in items), _describe(items)


def test_a_grade_and_its_number_name_no_one() -> None:
    text = "Cyclone Vela had weakened to a Category 2 storm by the time it reached Brenholm on Tuesday."
    items = extract_items(text, dt.date(2024, 5, 8))
    assert items and all(not any("Category" in a for a in i.actors) for i in items), _describe(items)
    assert any("Cyclone Vela" in i.actors for i in items), _describe(items)


def test_a_name_before_a_kind_of_place_is_a_place_and_never_acts() -> None:
    day = dt.date(2024, 5, 8)
    # the lower-case noun after the name says what the name is: a place, not who acted
    island = extract_items("On Monday, an oil slick was sighted in the sea east of Vellari island.", day)
    assert island and not any(i.actors for i in island), _describe(island)
    # a place told as where something was ("in ...") is no subject of the verb after it
    province = extract_items("The bombing in Dorvan province killed 12 people on Friday.", day)
    assert province and not any("Dorvan" in i.actors for i in province), _describe(province)
    assert any(i.kind == "figure" and i.value == 12 for i in province), _describe(province)
    # people of a place act for it, as "Lerrin prosecutors" would
    people = extract_items("Prosecutors in Lerrin dropped the fraud case on Monday.", day)
    assert [i.actors for i in people] == [("Lerrin",)], _describe(people)
    # nor one told by a compass word and "of" before a clause of its own
    east = extract_items(
        "On Monday, debris east of Vellari island, near the ferry's route, was found by divers.", day)
    assert east and not any("Vellari" in i.actors for i in east), _describe(east)
