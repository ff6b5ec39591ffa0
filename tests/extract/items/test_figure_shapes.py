"""Figures told in shapes a number and its metric word do not show (monitor.extract.items.figure_shapes):
shares, fractional changes, the level a change ends at, distances travelled. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import extract_items
from monitor.extract.items.figure_shapes import shaped_figures

PUB = dt.date(2021, 3, 9)


def _figures(text: str) -> list[tuple[float, str | None]]:
    items = extract_items(text, PUB)
    return [(i.value, i.metric) for i in items if i.kind == "figure" and i.value is not None]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Eight out of ten clinics now offer the test, the survey found.", 80),
        ("One in five adults in the region smoked last year.", 20),
        ("3 in 4 voters backed the measure on Tuesday.", 75),
        ("Seven out of every 100 pupils were absent on Monday.", 7),
        ("One in every five adults in the region smoked last year.", 20),
    ],
)
def test_a_share_is_a_percent_of_the_whole_not_a_count_of_it(text: str, value: float) -> None:
    got = _figures(text)
    assert value in [v for v, _m in got]
    assert all(v not in (10, 5, 4, 100) for v, _m in got)  # the whole is no count of its own


@pytest.mark.parametrize(
    ("text", "value"),
    [("Fuel use could be cut by a third on the new route.", -33.3), ("Its debt fell by half in 2020.", -50)],
)
def test_a_fraction_after_a_change_verb_is_a_change_in_percent(text: str, value: float) -> None:
    assert (value, "change") in _figures(text)


def test_the_level_a_change_ends_at_is_a_figure() -> None:
    got = _figures("The Harbour Index fell 88.5 points, or 1.2%, to 7,321.44 on Monday.")
    assert {88.5, 1.2, 7321.44} <= {abs(v) for v, _m in got}
    assert (7321.44, "level") in got


@pytest.mark.parametrize(
    "text",
    [
        "The streak, dating to 2007, ended after the team fell 3 places to 2008 levels.",
        "The Harbour Index rose on Monday to its best close.",  # no amount of change: no level shape
    ],
)
def test_years_and_bare_moves_are_no_levels(text: str) -> None:
    assert all(f.metric != "level" for f in shaped_figures(text))


def test_a_span_of_time_is_no_share() -> None:
    assert shaped_figures("The ferry ran one in three days last winter.") == []


def test_a_share_counts_its_plural_noun_and_not_the_verb_after_it() -> None:
    """"3 in 10 farmers" is a share of farmers; in "3 in 10 say", "say" is the verb of those asked."""
    found = shaped_figures("About 3 in 10 farmers agree, while 2 in 10 say the plan goes too far.")
    assert [(f.value, f.metric) for f in found] == [(30, "farmers"), (20, "share")]


def test_a_rank_on_a_labelled_scale_is_no_share() -> None:
    assert shaped_figures("Forecasters issued a Level 3 out of 5 risk of storms.") == []
    assert [f.value for f in shaped_figures("Forecasters said 3 out of 5 towns flooded.")] == [60]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("As much as one-fourth of the building work force has left the state.", 25),
        ("Nearly two-thirds of voters backed the measure on Tuesday.", 66.7),
        ("About half of the county's cell sites were out of service.", 50),
        ("A third of the workers stayed home.", 33.3),
    ],
)
def test_a_fraction_of_a_whole_is_a_share_in_percent(text: str, value: float) -> None:
    assert [(f.value, f.unit) for f in shaped_figures(text)] == [(value, "percent")]


@pytest.mark.parametrize(
    "text",
    [
        "The bank earned $4.9 billion in the fourth quarter of 2014.",
        "The design will be chosen in the first half of next year.",
        "Few residents remain in the northern half of the territory.",
        "Fixing it meant replacing the entire upper half of the laptop.",
        "Half of them left before noon.",
        "She spoke on behalf of the union.",
    ],
)
def test_periods_pronouns_and_behalf_are_no_shares(text: str) -> None:
    assert [f for f in shaped_figures(text) if f.metric == "share"] == []


def test_a_distance_travelled_is_a_figure_and_scenery_is_not() -> None:
    assert (1400, "distance") in _figures("The lost dog walked more than 1,400 miles home over the winter.")
    assert _figures("The village lies 30 miles north of the capital.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Otters beat the Herons 3-1 on Saturday.", [(3, "winning score"), (1, "losing score")]),
        ("Dale rolled past Westbury, 38-14, on Friday night.", [(38, "winning score"), (14, "losing score")]),
        ("It was a 97-95 victory for the visitors.", [(97, "winning score"), (95, "losing score")]),
        ("The hosts won 2-0 at home.", [(2, "winning score")]),  # a side with no points is no count
        ("The Otters beat the Herons 3-1.", [(3, "winning score"), (1, "losing score")]),  # at the full stop
        ("The Otters stunned the Herons, 100-93, on Sunday.", [(100, "winning score"), (93, "losing score")]),
        ("The Otters rallied to take the final 4-3 on Sunday.", [(4, "winning score"), (3, "losing score")]),
    ],
)
def test_a_games_score_is_each_sides_figure(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.metric) for f in shaped_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Council members voted 9-4 to close the pier.", [(9, "votes for"), (4, "votes against")]),
        ("By a 5-2 vote, the board upheld the ban.", [(5, "votes for"), (2, "votes against")]),
        ("The assembly approved the budget 61-38 on Tuesday.", [(61, "votes for"), (38, "votes against")]),
        ("The senate confirmed her by a vote of 53-47.", [(53, "votes for"), (47, "votes against")]),
    ],
)
def test_a_votes_tally_is_ayes_and_noes(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.metric) for f in shaped_figures(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz defeated Okafor 6-3, 7-6 (4) in the final.",  # the scores of sets
        "Okafor retired after a heavy 6-2 6-4 defeat by Ruiz.",  # sets with no comma between them
        "The Otters (7-2, 4-1) play at home on Sunday.",  # a record in brackets
        "The session lasts 10-15 minutes over the lunch hour.",  # a span, whatever words surround it
        "The score was 3-2 at the break.",  # no word of a result beside it
    ],
)
def test_sets_records_and_spans_are_no_score(text: str) -> None:
    assert [f for f in shaped_figures(text) if "score" in (f.metric or "")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom Harlowe faces a potential 30-year prison term on the new charge.", [(30, "prison term")]),
        ("Ada Brisk was handed a five-year jail term.", [(5, "prison term")]),
        # the same hyphen makes an age, a bond's term or a record no sentence
        ("A 20-year-old man bought a 10-year bond and set a 30-year record.", []),
    ],
)
def test_a_sentence_length_joined_to_its_span_is_a_prison_term(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert [(f.value, f.metric) for f in shaped_figures(text) if f.metric == "prison term"] == expected


@pytest.mark.parametrize(
    "text", ["The magnitude-5.8 quake cracked the spire.", "A 5.8-magnitude quake cracked the spire."]
)
def test_a_magnitude_joined_to_its_number_by_a_hyphen(text: str) -> None:
    assert [(f.value, f.metric) for f in shaped_figures(text)] == [(5.8, "magnitude")]
    assert (5.8, "magnitude") in _figures(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It has a rear-mounted 275-horsepower motor.", [(275, "hp")]),
        ("The yard launched a 2,000-ton ferry and a 1,000-megawatt turbine barge.", [(2000, "tonnes"),
                                                                                   (1000, "MW")]),
        # a length and someone's build are no such figure
        ("The 30-day cruise left port with a 154-pound (70-kilogram) 40-year-old man aboard.", []),
    ],
)
def test_a_unit_joined_to_its_number_by_a_hyphen(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in shaped_figures(text) if f.unit] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday shattered another record, with the highest high at 86 degrees.", [86]),
        ("Daytime temperatures in Port Elms reached ten degrees, and Harwick, 14 degrees.", [10, 14]),
        ("Lows of minus 5 degrees are forecast for the valley.", [-5]),
        # a difference is no temperature, and without a word of the weather "degrees" may be an angle
        ("Temperatures are expected to be two to five degrees lower.", []),
        ("Hold the screen at less than 30 degrees from center.", []),
    ],
)
def test_bare_degrees_in_a_sentence_about_the_weather_are_a_temperature(
    text: str, expected: list[float]
) -> None:
    assert [f.value for f in shaped_figures(text) if f.metric == "temperature"] == expected


def test_a_season_before_a_word_of_the_weather_dates_nothing() -> None:
    text = "With temperatures in Port Elms at ten degrees, the early winter temperatures lasted all day."
    assert _figures(text) == [(10, "temperature")]
    dated = {i.value: i.date for i in extract_items(text, PUB) if i.kind == "figure"}
    assert dated == {10: PUB.isoformat()}  # the report's day, not "early winter"'s year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The planet has a surface temperature of 370C.", [(370, "celsius")]),
        ("Nations agreed to limit warming to 1.5C.", [(1.5, "celsius")]),
        ("The fans start at 75C, earlier than the 80C of older models.", [(75, "celsius"), (80, "celsius")]),
        ("Overnight lows of -5C and highs of 41F are forecast.", [(-5, "celsius"), (41, "fahrenheit")]),
        # a lone digit and a capital is a room unless the weather is the topic; a small "c" is cents
        ("Voting is in Room 1C between noon and 8 p.m.", []),
        ("Petrol rose 20c a litre.", []),
    ],
)
def test_a_scale_glued_to_its_digits_is_a_temperature(text: str, expected: list[tuple[float, str]]) -> None:
    temperatures = [(f.value, f.unit) for f in shaped_figures(text) if f.unit in ("celsius", "fahrenheit")]
    assert temperatures == expected
