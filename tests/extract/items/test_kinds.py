"""The shipped kinds: each one is documented in the README, and a contest's result is an event of its own."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from monitor.extract.items import extract_items
from monitor.extract.lexicon import load_lexicon

README = Path(__file__).resolve().parents[3] / "README.md"


def test_every_shipped_kind_is_listed_in_the_readme() -> None:
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", README.read_text(encoding="utf-8"), re.MULTILINE))
    shipped = set(load_lexicon().kinds)
    assert shipped - listed == set()


def test_a_contest_result_is_dated_and_another_sense_is_not() -> None:
    day = dt.date(2024, 5, 7)
    result = extract_items("The Harriers beat the Rovers 3-1 on Saturday to clinch the title.", day)
    assert [(i.kind, i.date) for i in result if i.kind != "figure"] == [("result", "2024-05-04")]
    scores = sorted((i.value, i.date) for i in result if i.kind == "figure")
    assert scores == [(1, "2024-05-04"), (3, "2024-05-04")]  # each side's points
    profits = extract_items("Quarterly profits beat expectations on Tuesday.", day)
    assert all(i.kind != "result" for i in profits)


def test_a_word_of_two_kinds_takes_the_kind_of_its_part_of_speech() -> None:
    day = dt.date(2024, 5, 7)
    deal = extract_items("Lumen signed a contract with the navy on Monday.", day)
    illness = extract_items("Two nurses contracted the virus on Monday.", day)
    assert [i.kind for i in deal if i.kind != "figure"] == ["business"]
    assert [i.kind for i in illness if i.kind != "figure"] == ["outbreak"]
    # a noun past its modifiers ("the new five-year contract"), not a verb
    modified = extract_items("The new five-year contract was signed on Monday.", day)
    assert [i.kind for i in modified if i.kind != "figure"] == ["business"]
    tentative = extract_items("The tentative contract includes a raise for the crews on Monday.", day)
    assert [i.kind for i in tentative if i.kind != "figure"] == ["business"]


def test_two_sentences_with_two_dates_and_one_named_actor_stay_two_happenings() -> None:
    text = ("Staff were told that layoffs would begin this week. "
            "Lumen Holdings signed the merger deal with Harbor Energy on Monday.")
    business = [i for i in extract_items(text, dt.date(2024, 5, 8)) if i.kind == "business"]
    assert sorted(i.date or "" for i in business) == ["2024-05-06", "2024-W19"]


def test_a_coup_is_dated_by_the_day_that_possesses_it() -> None:
    day = dt.date(2024, 5, 9)  # a Thursday
    text = "The ministers fled to the compound in Tuesday night's coup."
    assert ("violence", "2024-05-07") in [(i.kind, i.date) for i in extract_items(text, day)]


def test_brawls_scuffles_and_altercations_are_violence() -> None:
    day = dt.date(2024, 5, 9)  # a Thursday
    told = [("The two midfielders brawled outside the nightclub on Tuesday.", "2024-05-07"),
            ("Protesters and police scuffled near the parliament on Monday.", "2024-05-06"),
            ("An altercation broke out between inmates at the prison on Wednesday.", "2024-05-08"),
            ("Wilson punched a steward after the match on Saturday.", "2024-05-04")]
    for text, date in told:
        assert ("violence", date) in [(i.kind, i.date) for i in extract_items(text, day)], text


def test_what_is_launched_tells_the_kind_of_the_launch() -> None:
    day = dt.date(2024, 5, 9)  # a Thursday
    told = [("The army launched airstrikes on the border towns on Tuesday.", "violence"),
            ("Prosecutors launched an investigation into the port deal on Tuesday.", "legal"),
            ("Lumen launched a new phone on Tuesday.", "business")]
    for text, kind in told:
        assert [i.kind for i in extract_items(text, day) if i.kind != "figure"] == [kind], text


def test_skipping_a_debate_or_a_summit_is_a_meeting_skipping_lunch_is_nothing() -> None:
    day = dt.date(2024, 5, 8)  # a Wednesday
    text = ("Former Gov. Ann Lind was center stage in the third debate, on Wednesday, trading attacks in "
            "Lerrin. The three were joined by Tom Berg. For the third straight time, former Mayor Ivo Marsh "
            "skipped the debate entirely -- but remains the front-runner.")
    skipped = [i for i in extract_items(text, day) if "Ivo Marsh" in i.actors]
    assert [(i.kind, i.date) for i in skipped] == [("meeting", "2024-05-08")]
    assert [i.kind for i in extract_items("Mayor Ann Lind skipped lunch on Tuesday.", day)] == ["other"]


def test_rules_coming_into_force_and_removals_from_a_list_are_policy() -> None:
    day = dt.date(2024, 5, 7)
    for text in ("The new fines came into effect on Monday.", "The levy took effect on Monday.",
                 "Tallinn was removed from the list of safe ports on Monday."):
        assert [(i.kind, i.date) for i in extract_items(text, day) if i.kind != "figure"] == [
            ("policy", "2024-05-06")], text


def test_an_order_given_is_policy_goods_ordered_and_a_noun_are_not() -> None:
    day = dt.date(2024, 5, 7)
    for text in ("The harbour minister ordered a review of the ferry timetable on Monday.",
                 "The governor on Monday ordered the coast guard to close the strait."):
        assert [(i.kind, i.date) for i in extract_items(text, day)] == [("policy", "2024-05-06")], text
    # an inquiry ordered is the inquiry's happening (kinds.yaml kind_by_object)
    inquiry = extract_items("The harbour minister ordered an inquiry into the ferry fire on Monday.", day)
    assert [(i.kind, i.date) for i in inquiry] == [("legal", "2024-05-06")]
    for text in ("Parts ordered online arrived at the depot on Monday.",
                 "The depot received orders from two shipyards on Monday."):
        assert all(i.kind != "policy" for i in extract_items(text, day)), text


@pytest.mark.parametrize(
    "text",
    [
        "Two hikers were pronounced dead at the scene on Monday.",
        # "found dead" is the past of "find dead", not of "to found" (which read it as a base form)
        "A hiker was found dead in the ravine on Monday.",
        "Rangers found the hiker dead in the ravine on Monday.",
    ],
)
def test_pronounced_or_found_dead_is_a_death(text: str) -> None:
    found = extract_items(text, dt.date(2024, 5, 7))
    assert [(i.kind, i.date) for i in found if i.kind != "figure"] == [("death", "2024-05-06")]


def test_a_purchase_or_buyout_is_business_told_by_its_buyer() -> None:
    day = dt.date(2024, 5, 9)
    found = extract_items("Brenholm Holdings purchased Tidewater Ferries for $300M on Monday.", day)
    # told by its buyer first, with what was bought (as "Tidewater Ferries was bought by Brenholm" names both)
    assert [(i.kind, i.date, i.actors) for i in found if i.kind != "figure"] == [
        ("business", "2024-05-06", ("Brenholm Holdings", "Tidewater Ferries"))]
    found = extract_items("The buyout of Tidewater Ferries closed on Tuesday.", day)
    assert [(i.kind, i.date) for i in found if i.kind != "figure"] == [("business", "2024-05-07")]


def test_roundtables_webinars_and_workshops_are_meetings() -> None:
    day = dt.date(2024, 5, 9)  # a Thursday
    for text in ("The banking plan was on the agenda of Wednesday's roundtable in Bridgetown.",
                 "The webinar will take place on Saturday.", "Growers met at a workshop on Tuesday."):
        assert [i.kind for i in extract_items(text, day)] == ["meeting"], text


def test_apprehensions_custody_bleeding_to_death_convening_and_voicing() -> None:
    day = dt.date(2024, 5, 9)  # a Thursday
    cases = {
        "Border agents apprehended 40 people on Tuesday.": "legal",
        "Agents took custody of the men on Tuesday.": "legal",
        "The guard bled to death on Tuesday.": "death",
        "The board convened on Tuesday.": "meeting",
        "Premier Ada Rowe voiced her support for the plan on Tuesday.": "statement",
    }
    for text, kind in cases.items():
        assert (kind, "2024-05-07") in [(i.kind, i.date) for i in extract_items(text, day)], text


def test_funerals_and_vigils_are_gatherings() -> None:
    day = dt.date(2024, 5, 9)  # a Thursday
    for text in ("The officer was laid to rest Tuesday, May 7 after a service at the cathedral.",
                 "Hundreds attended a vigil on Tuesday.", "The funeral was held on Tuesday."):
        assert ("meeting", "2024-05-07") in [(i.kind, i.date) for i in extract_items(text, day)], text


def test_the_word_before_a_strike_tells_which_kind_of_strike_it_is() -> None:
    day = dt.date(2024, 5, 2)  # a Thursday
    cases = {
        "Israel carried out a drone strike on a camp in Gaza on Monday.": ("violence", "2024-04-29"),
        "Israeli air strikes hit the camp on Monday.": ("violence", "2024-04-29"),
        "A bird strike forced the plane to land on Wednesday.": ("accident", "2024-05-01"),
        "Rail workers held a national strike on Tuesday.": ("protest", "2024-04-30"),
    }
    for text, expected in cases.items():
        assert [(i.kind, i.date) for i in extract_items(text, day) if i.kind != "figure"] == [expected], text


def test_a_shot_after_a_word_of_sport_or_medicine_is_no_shooting() -> None:
    day = dt.date(2024, 5, 2)  # a Thursday
    for text in ("Residents queued for a flu shot on Monday.", "Berg missed a three-point shot on Monday.",
                 "The agency is racing to meet its planned 2026 crewed moon shot."):
        assert "violence" not in [i.kind for i in extract_items(text, day)], text
    shot = extract_items("A man was shot in the leg in Lerrin on Monday.", day)
    assert [(i.kind, i.date) for i in shot] == [("violence", "2024-04-29")]


def test_re_before_a_vowel_may_be_hyphenated_not_before_a_consonant() -> None:
    day = dt.date(2024, 5, 7)
    reopened = extract_items("The Harwick bridge was re-opened to traffic on Monday.", day)
    assert [(i.kind, i.date) for i in reopened] == [("policy", "2024-05-06")]  # as "reopened"
    resigned = extract_items("The Harriers' striker Tom Okafor re-signed with the club on Monday.", day)
    assert all(i.kind != "personnel" for i in resigned)  # signed again, not "resigned"


def test_a_charge_told_with_what_was_said_is_a_statement() -> None:
    pub = dt.date(2024, 5, 8)
    for text in ('On Monday, Ada Brisk charged that "the yard has been robbed."',
                 '"The yard has been robbed," Ada Brisk charged on Monday.',
                 'On Monday, Ada Brisk charged "you are robbing the yard."'):
        assert [(i.kind, i.actors) for i in extract_items(text, pub)] == [("statement", ("Ada Brisk",))], text
    charged = extract_items("Police charged Ada Brisk with fraud on Monday.", pub)
    assert [i.kind for i in charged] == ["legal"]


def test_a_case_or_charges_dropped_in_the_passive_are_legal_not_a_fall() -> None:
    pub = dt.date(2024, 5, 8)
    for text in ("The case was dropped in 2017.", "The charges against Ada Brisk were dropped in 2017.",
                 "Prosecutors dropped the case in 2017."):
        assert [i.kind for i in extract_items(text, pub)] == ["legal"], text
    assert "business" in [i.kind for i in extract_items("Ferry bookings dropped sharply in 2017.", pub)]


def test_a_suggestion_told_is_a_statement() -> None:
    text = "Ada Brisk suggested on Monday that the ferry should sail at dawn."
    items = extract_items(text, dt.date(2024, 5, 8))
    assert [(i.kind, i.date) for i in items] == [("statement", "2024-05-06")]


def test_a_confession_is_legal() -> None:
    items = extract_items("Tomas Elvey confessed to the theft on Monday.", dt.date(2024, 5, 8))
    assert [(i.kind, i.date) for i in items] == [("legal", "2024-05-06")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The appeals court on Tuesday struck down the harbour toll.", "legal"),
        ("A judge on Tuesday invalidated the harbour board's vote.", "legal"),
        ("Ms. Okafor took office on Tuesday.", "personnel"),
        ("On Tuesday the harbour board instituted a curfew for ferries.", "policy"),
        ("A rating agency downgraded the harbour board's bonds on Tuesday.", "business"),
    ],
)
def test_rulings_taking_office_new_rules_and_downgrades_have_their_kinds(text: str, kind: str) -> None:
    items = extract_items(text, dt.date(2024, 5, 8))
    assert [(i.kind, i.date) for i in items if i.kind != "figure"] == [(kind, "2024-05-07")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Fighting erupted in the harbour town on Tuesday.", "violence"),
        ("Protests erupted in the harbour town on Tuesday.", "protest"),
        ("A scandal erupted at the harbour board on Tuesday.", "other"),
        ("The volcano erupted on Tuesday.", "accident"),
        # havoc wrought: a storm's is an accident, people's violence
        ("Storm Ivar battered the harbour town on Tuesday.", "accident"),
        ("Cyclone Ivar tore through the northern coast on Tuesday.", "accident"),
        ("The hurricane ravaged the island on Tuesday.", "accident"),
        ("The river inundated the lower town on Tuesday.", "accident"),
        # a record smashed is no havoc ("smash" is no trigger)
        ("She smashed the harbour swim record on Tuesday.", "other"),
    ],
)
def test_what_erupts_or_wreaks_havoc_tells_the_kind(text: str, kind: str) -> None:
    assert [i.kind for i in extract_items(text, dt.date(2024, 5, 8))] == [kind]


def test_free_after_be_is_an_adjective_no_release() -> None:
    pub = dt.date(2024, 5, 8)
    free = extract_items("Entry to the harbour museum is free on Monday.", pub)
    assert "release" not in [i.kind for i in free]
    assert [i.kind for i in extract_items("The two sailors were freed on Monday.", pub)] == ["release"]


def test_fighting_or_attacking_a_measure_is_no_violence() -> None:
    pub = dt.date(2024, 5, 8)
    for text in ("Harbour towns are fighting the ferry bill on Tuesday.",
                 "Critics attacked the harbour board's plan on Tuesday."):
        assert "violence" not in [i.kind for i in extract_items(text, pub)]
    assert [i.kind for i in extract_items("Rebels attacked the harbour on Tuesday.", pub)] == ["violence"]


def test_a_release_of_things_made_public_is_a_statement_of_people_a_release() -> None:
    pub = dt.date(2024, 5, 8)
    released = extract_items("Harbour police released the surveillance footage on Monday.", pub)
    assert [(i.kind, i.date) for i in released] == [("statement", "2024-05-06")]
    # what is released may be told after "of" and its adjectives, a participle among them
    text = "Ada Brisk is wanted over the release of classified naval and harbour documents in 2019."
    leaked = extract_items(text, pub)
    assert "release" not in [i.kind for i in leaked]
    freed = extract_items("The rebels released two hostages on Monday.", pub)
    assert ("release", "2024-05-06") in [(i.kind, i.date) for i in freed]


def test_an_attack_in_words_and_a_platform_taken_to_are_statements() -> None:
    pub = dt.date(2024, 5, 8)

    def kinds(text: str) -> list[tuple[str, str | None]]:
        return [(i.kind, i.date) for i in extract_items(text, pub)]
    assert kinds("Ada Brisk took aim at the harbour board on Monday.") == [("statement", "2024-05-06")]
    assert kinds("Ada Brisk took to Twitter on Monday.") == [("statement", "2024-05-06")]
    assert kinds("Dockers took to the streets on Monday.") == [("protest", "2024-05-06")]
    assert kinds("The ferry took to the water on Monday.") != [("statement", "2024-05-06")]


@pytest.mark.parametrize("verb", ["emphasized", "asserted", "cautioned", "conceded", "contended",
                                  "underscored", "hinted", "joked"])
def test_words_told_by_a_verb_of_emphasis_or_manner_are_a_statement(verb: str) -> None:
    said = extract_items(f"Ada Brisk {verb} on Monday that the harbour board would meet again.",
                         dt.date(2024, 5, 8))
    assert [(i.kind, i.date, i.actors) for i in said] == [("statement", "2024-05-06", ("Ada Brisk",))]


def test_a_courts_ruling_is_legal_but_not_a_ruling_out_nor_a_reign() -> None:
    pub = dt.date(2024, 5, 8)

    def kinds(text: str) -> list[str]:
        return [i.kind for i in extract_items(text, pub)]
    assert kinds("The harbour toll was ruled illegal by the appeals court on Monday.") == ["legal"]
    assert kinds("A judge ruled on Monday that Ada Brisk must stay in custody.") == ["legal"]
    assert "legal" not in kinds("The harbour board on Monday ruled out a new toll.")
    assert "legal" not in kinds("Lerrin was ruled from Brenholm for centuries, the mayor said on Monday.")


def test_a_law_or_an_order_signed_is_a_policy_and_its_signer_the_actor() -> None:
    day = dt.date(2024, 5, 7)
    for text in ("Governor Ana Ruiz signed legislation on Monday raising the ferry levy.",
                 "Governor Ana Ruiz signed the ferry bill on Monday.",
                 "The ferry levy Governor Ana Ruiz signed into law on Monday takes effect in June.",
                 # no passive: the gap holds the clause's subject, not a form of "be"
                 "The ferry bill Governor Ana Ruiz signed on Monday takes effect in June."):
        events = [(i.kind, i.date, i.actors) for i in extract_items(text, day) if i.kind != "figure"]
        assert ("policy", "2024-05-06", ("Ana Ruiz",)) in events, text
    # a passive names its object first, after a form of "be": "the levy was signed into law on Monday"
    passive = extract_items("The ferry bill was quietly signed on Monday.", day)
    assert [(i.kind, i.date) for i in passive if i.kind != "figure"] == [("policy", "2024-05-06")]


def test_a_participle_takes_the_kind_of_the_noun_it_follows() -> None:
    day = dt.date(2024, 5, 7)
    for text, kind in (("The offensive was launched at dawn on Sunday.", "violence"),
                       ("The rebels regrouped after their first attack launched Sunday stalled.", "violence"),
                       ("In 2020, a police probe was launched into the fire.", "legal"),
                       ("The phone was launched on Sunday.", "business")):
        assert kind in [i.kind for i in extract_items(text, day)], text


def test_a_storm_or_an_earthquake_that_strikes_is_an_accident_not_an_attack() -> None:
    day = dt.date(2024, 5, 9)  # a Thursday
    told = [("The earthquake struck the coast on Tuesday.", "accident"),
            ("The powerful Cyclone Mira struck the islands on Tuesday.", "accident"),
            ("Gunmen struck the convoy on Tuesday.", "violence"),
            # a mortar that lands is fire, a plane that lands an arrival
            ("Two mortars landed near the barracks on Tuesday.", "violence"),
            ("The ferry's seaplane landed near the barracks on Tuesday.", "arrival"),
            # a storm word that only qualifies the subject, or an attack named in a noun phrase, is no subject
            ("Flood victims were robbed at the shelter on Tuesday.", "violence"),
            ("The militia seized the airport in a lightning offensive on Tuesday.", "violence"),
            # what an attacker did, told by a verb of no kind, is the attack
            ("A suicide bomber walked into the market hall on Tuesday.", "violence"),
            ("A farmer walked into the market hall on Tuesday.", "other")]
    for text, kind in told:
        assert [i.kind for i in extract_items(text, day) if i.kind != "figure"] == [kind], text


def test_a_storm_passing_near_a_city_passes_no_law_and_a_war_gains_no_market() -> None:
    day = dt.date(2024, 5, 9)
    found = extract_items("The storm passed near the capital on Tuesday.", day)
    assert [i.kind for i in found] == ["other"]
    found = extract_items("The insurgents gained the upper hand in the district on Tuesday.", day)
    assert [i.kind for i in found] == ["other"]
    found = extract_items("The senate passed the levy on Tuesday.", day)
    assert [i.kind for i in found] == ["policy"]


def test_a_city_bombarded_or_shelled_and_an_offensive_launched_are_violence() -> None:
    day = dt.date(2024, 5, 9)
    for text in ("Jets bombarded the northern suburbs on Tuesday.",
                 "Artillery shelled the port on Tuesday.",
                 "The rebels detonated a car bomb at the checkpoint on Tuesday.",
                 "The offensive began at dawn on Tuesday.",
                 "The storm made landfall near the port on Tuesday."):
        kinds = [i.kind for i in extract_items(text, day) if i.kind != "figure"]
        assert kinds == ["accident" if "storm" in text else "violence"], text
    assert [i.kind for i in extract_items("He made an offensive remark on Tuesday.", day)] == ["other"]


def test_the_wounded_beside_the_dead_of_a_day_are_counted_not_a_second_happening() -> None:
    day = dt.date(2024, 5, 9)  # a Thursday
    for text in ("A bomb on Tuesday killed two people and wounded 14 others at the port.",
                 "Four sailors died and six were injured in the blast on Tuesday."):
        found = extract_items(text, day)
        assert [(i.kind, i.date) for i in found if i.kind != "figure"] == [("death", "2024-05-07")], text
        assert len([i for i in found if i.kind == "figure"]) == 2, text
    # the wounded of another day are a happening of their own
    found = extract_items("Gunmen wounded two guards on Monday. Police killed a suspect on Tuesday.", day)
    assert sorted((i.kind, i.date) for i in found if i.kind != "figure") == [
        ("death", "2024-05-07"), ("violence", "2024-05-06")]


def test_a_toll_told_by_a_participle_dates_its_happening_with_it() -> None:
    day = dt.date(2024, 5, 9)
    found = extract_items("Gunmen fired on a ferry queue at the port, killing four people, police said.", day)
    assert sorted((i.kind, i.date) for i in found) == [("death", "2024-05-09"), ("figure", "2024-05-09")]
    # no toll's participle, or a day of its own in the sentence: the toll alone, or the dated happening
    found = extract_items("Four people were among the passengers in the queue, police said.", day)
    assert all(i.kind != "death" for i in found)
    found = extract_items("Gunmen attacked a ferry queue on Tuesday, killing four people.", day)
    assert [(i.kind, i.date) for i in found if i.kind != "figure"] == [("violence", "2024-05-07")]


def test_nouns_of_happenings_named_with_their_day_are_happenings() -> None:
    # a slaying, a rampage, a referendum, an assassination, a firefight
    day = dt.date(2024, 5, 9)  # a Thursday
    for text, kind, date in (
            ("Detectives have been hunting the driver since the April 30 slaying.", "death", "2024-04-30"),
            ("Shops stayed shut after Monday's rampage through the market.", "violence", "2024-05-06"),
            ("Bond yields fell in the aftermath of Sunday's referendum.", "policy", "2024-05-05"),
            ("Markets slid in the wake of the assassination of the envoy on May 2.", "death", "2024-05-02"),
            ("Residents said Tuesday's firefight kept them awake.", "violence", "2024-05-07")):
        found = [(i.kind, i.date) for i in extract_items(text, day) if i.kind != "figure"]
        assert (kind, date) in found, text


def test_taking_someone_to_court_is_a_legal_happening() -> None:
    day = dt.date(2024, 5, 9)  # a Thursday
    found = [(i.kind, i.date) for i in extract_items(
        "Tenants of the Harbour Flats are taking their landlord to court over the broken lifts.", day)]
    assert ("legal", "2024-05-09") in found


def test_a_warning_or_an_alert_issued_is_a_statement() -> None:
    pub = dt.date(2024, 5, 8)
    text = ("Heavy rain fell across the province overnight.\n\nThe Brenholm Harbour Board has issued "
            "storm warnings to coastal towns.\n\nThe Harbour Office issued a flood alert on Monday.")
    said = [(i.kind, i.date, i.actors) for i in extract_items(text, pub) if i.kind == "statement"]
    assert said == [("statement", "2024-05-08", ("Brenholm Harbour Board",)),
                    ("statement", "2024-05-06", ("Harbour Office",))]


def test_a_rocket_lifting_off_departs_a_ban_lifted_is_policy() -> None:
    pub = dt.date(2024, 5, 8)
    assert [i.kind for i in extract_items("The rocket lifted off from the coast on Monday.", pub)] == [
        "departure"]
    assert [i.kind for i in extract_items("The port board lifted the ban on trawlers on Monday.", pub)] == [
        "policy"]
