"""Figures that are no state or outcome of the story, and the dates of targets (sentences of our own)."""

from __future__ import annotations

import datetime as dt

from monitor.extract.items import Item, extract_items

PUBLISHED = dt.date(2021, 6, 10)  # a Thursday, in ISO week 23


def _figures(text: str) -> list[Item]:
    return [i for i in extract_items(text, PUBLISHED) if i.kind == "figure"]


def _values(text: str) -> set[float]:
    return {float(i.value or 0) for i in _figures(text)}


def _dates(text: str) -> dict[float, str | None]:
    return {float(i.value or 0): i.date for i in _figures(text)}


def test_a_denied_figure_is_no_figure() -> None:
    assert 40 not in _values("The three coaches before her hadn't won it with 40 players.")
    assert 12 not in _values("Okafor never scored 12 goals in a season.")


def test_a_denial_far_before_the_figure_keeps_it() -> None:
    text = "The board refused to not reopen the ward despite the deaths of at least five patients last week."
    assert 5 in _values(text)


def test_the_threshold_of_a_streak_is_no_figure() -> None:
    assert 20 not in _values("Marisol Ortega has scored at least 20 points in five straight games.")
    assert 15 not in _values("Dorian Pike had more than 15 rebounds in his last four consecutive games.")


def test_someones_build_is_no_figure_but_a_seized_weight_is() -> None:
    assert _values("The suspect is 6 feet, 2 inches tall and weighs about 190 pounds.") == set()
    assert _values("Ada Brisk is described as 5 feet 4 inches tall and 120 pounds.") == set()
    assert _values("Harbour police seized 475 pounds of cocaine on Sunday.") == {475.0}


def test_a_depth_of_water_or_snow_in_feet_is_a_figure_but_a_height_or_a_climb_is_not() -> None:
    assert _dates("The harbour streets stood under 8 feet of water on Saturday.") == {8.0: "2021-06-05"}
    assert _values("The pass got 2 feet of fresh snow this week.") == {2.0}
    assert _values("The ferry's mast stands 40 feet tall.") == set()
    assert _values("The plane climbed to 38,000 feet on Monday.") == set()


def test_a_range_of_money_a_count_over_a_span_and_one_cause_are_no_figures() -> None:
    # no score: the range of dollars is two amounts (its ends), no game's sides
    ranged = _figures("Diners spend some 90,000-150,000 won ($80-130) on a set menu.")
    assert {float(i.value or 0) for i in ranged} <= {80, 130}
    assert all("score" not in (i.metric or "") for i in ranged)
    assert _values("The keeper struck out five in five innings.") == set()  # no share of a whole
    assert _values("Storms are one reason boating deaths are on the rise along the coast.") == set()


def test_someones_family_is_no_figure() -> None:
    assert _values("Ms Orrel, a mother of four children, lost her stall in the fire.") == set()
    assert _values("The fire left a father-of-three children and 40 other traders without stalls.") == {40}
    assert _values("The fire destroyed 12 stalls run by mothers of young children.") == {12}


def test_a_count_of_one_or_two_of_no_happening_is_no_figure() -> None:
    assert _values("Two doctors who happened to be walking on the pier examined him.") == set()
    assert _values("The deal may not sit well with the two largest ferry companies.") == set()
    # what befell people, a sentence's charges and a game's score are counted however few
    assert _values("Two people were killed when the ferry sank on Monday.") == {2.0}
    assert 2.0 in _values("A gunman opened fire at the pier on Monday, killing two people.")
    assert _values("Tom Harlowe faces two charges of fraud.") == {2.0}


def test_the_score_of_a_past_season_is_no_figure() -> None:
    # a year's final, told as the story's background; this week's game and a past year's vote still count
    assert _values("At the 2017 final, the Harriers lost to Eastbrook 3-1 in extra time.") == set()
    assert _values("The Harriers lost to Eastbrook 3-1 on Tuesday.") == {3, 1}
    assert _dates("In 2018, the council voted 7-3 to close the pier.") == {7: "2018", 3: "2018"}


def test_a_secondary_players_line_is_no_figure() -> None:
    text = (
        "Tomas Vukovic scored 38 points in the win. "
        "Henrik Aalto added 21 points, and Ravi Mendes had 9 assists."
    )
    values = _values(text)
    assert 38 in values
    assert 21 not in values
    assert 9 not in values


def test_an_index_adding_points_is_still_a_figure() -> None:
    assert 48.3 in _values("The Kospi added 48.3 points to close at 2,310.")


def test_the_figure_said_again_with_the_is_one_item() -> None:
    text = (
        "The storm killed at least 14 fishermen on the coast on Monday.\n\n"
        "Relatives said the 14 deaths were avoidable."
    )
    assert [i.value for i in _figures(text)].count(14) == 1


def test_a_number_that_was_an_age_is_no_figure_pointed_back_at() -> None:
    text = (
        "Rescuers reached the 8-year-old on Monday.\n\n"
        "A poll shows that 8 of 10 residents want a fence on the cliff path."
    )
    assert 8 in _values(text)


def test_a_number_that_was_a_day_or_part_of_another_is_no_figure_pointed_back_at() -> None:
    text = (
        "The ministry postponed a planned Dec. 15 increase in the levy on imported grain.\n\n"
        "Farmers want it to scrap the 15% levy on rice, which took effect in March."
    )
    assert 15 in _values(text)
    text = "The harbour has 150 berths.\n\nOwners of the 50 largest boats must move them by Friday."
    assert 50 in _values(text)


def test_a_number_pointed_back_at_must_have_been_read_as_a_figure() -> None:
    # The table's footnote gives no figure, so "the 54 passengers" is the figure, not a pointer back.
    text = ("Flight | Passengers\n\n** Includes 54 unconfirmed passengers\n\n"
            "Rescuers held out hope for the 54 passengers on board on Monday.")
    assert 54 in _values(text)
    text = "The ferry carried 54 passengers.\n\nRescuers held out hope for the 54 passengers on Monday."
    assert [i.value for i in _figures(text)] == [54]


def test_a_capital_that_acts_stands_for_its_country_as_a_figures_subject() -> None:
    wants = _figures("Beijing also wants an end to the 15% tariffs on its steel exports.")
    assert [(i.value, i.subject) for i in wants] == [(15, "China")]
    held = _figures("Police said 12 protesters were detained in Beijing on Monday.")
    assert [(i.value, i.subject) for i in held] == [(12, "Beijing")]


def test_a_units_symbol_is_no_figures_subject() -> None:
    told = _figures("The sedan puts out 197 Nm of torque, a 20% improvement on the old engine.")
    assert [(i.value, i.unit, i.subject) for i in told] == [(197, "Nm", None), (20, "percent", None)]


def test_a_date_right_after_a_target_dates_it() -> None:
    text = "The roadmap cuts battery costs from $140 today to $60.50 by 2030."
    dates = _dates(text)
    assert dates[60.5] == "2030"
    assert dates[140] == "2021-06-10"


def test_a_plan_figure_takes_the_date_the_paragraph_gives_the_plan() -> None:
    text = (
        "The ministry presented its water strategy to regional leaders last week. "
        "The strategy includes measures to cut leakage by 40% and to double reservoir capacity."
    )
    assert _dates(text)[40] == "2021-W22"


def test_a_present_figure_without_a_plan_still_dates_today() -> None:
    text = "The ministry met regional leaders last week. The region now has 40 reservoirs."
    assert _dates(text)[40] == "2021-06-10"


def test_a_place_on_a_route_is_not_what_a_figure_counts() -> None:
    lost = _figures("Harbour Air Flight 20, en route to Lerrin from Valdoria City, vanished on Sunday with "
                    "54 passengers on board.")
    assert [(i.value, i.subject) for i in lost] == [(54, "Harbour Air Flight 20")]
    trade = _figures("Brazilian grain exports to Japan fell to $3.1 billion last year.")
    assert [i.subject for i in trade] == ["Brazil"]
    cited = _figures("According to WHO, there were 3,248 cases worldwide last year.")
    assert [i.subject for i in cited] == ["World Health Organization"]


def test_what_a_carrier_carries_is_its_figure() -> None:
    text = "Brazilian rescuers searching for a Harbour Air plane carrying 54 people found debris on Tuesday."
    assert [(i.value, i.subject) for i in _figures(text)] == [(54, "Harbour Air")]


def test_the_agent_after_a_figures_noun_is_whose_figure_it_is() -> None:
    text = "Staff are waiting to hear when a $40 million tender offer by Harbour Trust will be launched."
    assert [(i.value, i.subject) for i in _figures(text)] == [(40_000_000, "Harbour Trust")]
    # ... and not the speaker who tells of it
    said = _figures("Lerrin Ferries said a $40 million tender offer by Harbour Trust was late.")
    assert [i.subject for i in said] == ["Harbour Trust"]


def test_a_story_filed_from_two_places_names_neither() -> None:
    text = "LERRIN, Brazil/TIDEWATER (Reuters) - The coast guard found 12 survivors on Tuesday."
    assert [(i.value, i.subject) for i in _figures(text)] == [(12, None)]
