"""Tests for monitor.figures: numbers, qualifiers, units and metrics in one sentence."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor.extract.items.figures import find_figures
from monitor.extract.items.number_hints import find_as_written, is_plain
from monitor.extract.items.number_parse import number_patterns, parse_number
from monitor.extract.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("273,514", 273514),
        ("6,200", 6200),
        ("2.5", 2.5),
        ("1.2 million", 1200000),
        ("$5bn", 5000000000),
        ("two dozen", 24),
        ("a dozen", 12),
        ("a hundred", 100),
        ("three hundred and forty-two thousand", 342000),
        ("half a million", 500000),
        ("twenty-one", 21),
        ("hundreds", None),
        ("dozens", None),
        ("many", None),
        ("", None),
    ],
)
def test_parse_number(phrase: str, value: float | None) -> None:
    assert parse_number(phrase) == value


def one(sentence: str) -> tuple[object, ...]:
    figures = find_figures(sentence)
    assert len(figures) == 1, figures
    f = figures[0]
    return (f.value, f.qualifier, f.metric, f.unit)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The province now has 52,417 confirmed measles cases.", (52417, "exact", "confirmed cases", None)),
        ("It recorded more than 6,200 deaths.", (6200, "more_than", "deaths", None)),
        ("Nearly 2,500 flu testing kits were shipped.", (2500, "nearly", "testing kits", None)),
        ("Almost 50 beds were free.", (50, "nearly", "beds", None)),
        ("The mission included some 40 wildfire specialists.", (40, "about", "wildfire specialists", None)),
        ("About 300 troops left.", (300, "about", "troops", None)),
        ("Around 20 trucks crossed.", (20, "about", "vehicles", None)),
        ("Roughly 7 flights were cancelled.", (7, "about", "aircraft", None)),
        ("At least two dozen people were killed.", (24, "at_least", "deaths", None)),
        ("The blast killed at least 25 people.", (25, "at_least", "deaths", None)),
        ("Up to 5,000 soldiers could be sent.", (5000, "up_to", "troops", None)),
        ("Fewer than 30 seats changed hands.", (30, "less_than", "seats", None)),
        ("Less than 12 masks remained.", (12, "less_than", "masks", None)),
        ("A hundred ventilators arrived.", (100, "exact", "ventilators", None)),
        ("The death toll rose to 2,300 on Tuesday.", (2300, "exact", "deaths", None)),
        ("The flood pushed the body count to at least 412 on Tuesday.", (412, "at_least", "deaths", None)),
        # a name's model number is part of the name before the counted noun
        ("The maker will refurbish 1.2 million Vortex Tab 4 tablets.",
         (1200000, "exact", "vortex tab tablets", None)),
        ("The maker says the van has a driving range of 480km.", (480, "exact", "range", "km")),
        ("Unemployment claims had topped 6 million again.", (6000000, "exact", "jobless claims", None)),
        ("The fund pledged $1.2 billion.", (1200000000, "exact", None, "USD")),
        # scaling in floating point leaves noise (8.47 * 1e9 is 8470000000.000001): none is kept
        ("The fund pledged $8.47 billion.", (8470000000, "exact", None, "USD")),
        ("The firm will pay $85 million in fines.", (85000000, "exact", "fines", "USD")),
        ("She won 52.3 percent of the vote.", (52.3, "exact", "vote", "percent")),
        ("Some 3,500 residents were evacuated.", (3500, "about", "residents", None)),
        # the people a casualty count names: attackers and visitors die too
        ("Two gunmen died in the raid.", (2, "exact", "deaths", None)),
        ("Nine tourists were wounded.", (9, "exact", "injuries", None)),
        ("They found 100 or more bodies.", (100, "at_least", "bodies", None)),
        # a qualifier joined to the number by a hyphen is no compound word ("a 50-year-old" is one)
        ("The rangers will set 60-plus camera traps.", (60, "more_than", "camera traps", None)),
        ("The mill laid off 30-odd workers.", (30, "about", "workers", None)),
        # a brand's or an acronym's name before the counted noun belongs to it
        ("The maker sold 3 million TV sets last year.", (3000000, "exact", "tv sets", None)),
        ("Over 40 million Crunchos bars will be sold.", (40000000, "more_than", "crunchos bars", None)),
        # a verb of excess before the number is its qualifier, as "more than" is (qualifiers.yaml)
        ("Storm Ivar brought gusts exceeding 90 mph.", (90, "more_than", None, "mph")),
        ("The new engine makes 310 horsepower.", (310, "exact", None, "hp")),
        ("The index hit a record high of 4,512.3 on Friday.", (4512.3, "exact", "level", None)),
        ("It logged 4,200 false or misleading claims.", (4200, "exact", "false or misleading claims", None)),
        ("It hired 900 cleaning and repair workers.", (900, "exact", "cleaning and repair workers", None)),
        ("The ruling raised the total of licensed ferries to 12.", (12, "exact", "licensed ferries", None)),
        # a noun the metrics know is named as it is after a number ("12 firms"), kept modifiers kept
        ("The deal raised the total of regional firms to 12.", (12, "exact", "companies", None)),
        ("The ruling raised the total of new ferry firms to 12.", (12, "exact", "new companies", None)),
        ("Its motor puts out 150 PS.", (150, "exact", None, "PS")),
        ("The hatchback goes about 240 miles on a charge.", (240, "about", "range", "miles")),
        # a part of a whole is the figure, counted by the whole's noun; "one of" is a member, not a part
        ("A survey found that 7 of 10 tenants back the strike.", (7, "exact", "tenants", None)),
        ("Nurses said 3 out of 12 wards were short-staffed.", (3, "exact", "wards", None)),
        ("The patient was one of 12 tenants who fell ill.", (12, "exact", "tenants", None)),
        # a total named without its noun
        ("The merger brings the total to 23.", (23, "exact", "total", None)),
        # a dash typed as two hyphens after a dateline leaves the qualifier its own word
        ("PERTH, Scotland--More than 400 pipers marched.", (400, "more_than", "pipers", None)),
    ],
)
def test_figure(sentence: str, expected: tuple[object, ...]) -> None:
    assert one(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Airbus A330-200 landed.",
        "COVID-19 spread fast.",
        "It happened in 2019 and again in 2020.",
        "The 34-year-old man was arrested.",
        "He was 65 years old.",
        "The meeting starts at 10:30.",
        "It was the 3rd attempt.",
        "Flight 370 vanished.",
        "No. 10 said nothing.",
        "A Boeing 737 crashed.",
        "One of the most striking cases.",
        "Hundreds of people marched.",
        "The score was 3-2.",
        "The town lies 40 miles from the coast.",  # a distance alone is scenery, not a range
        "Two people familiar with the talks said the plant will close.",  # the story's sources
        "Three officials briefed on the plan declined to comment.",
        "He aged 40 years in a week.",
        "The two leaders discussed oil prices.",
        "Her three sons attended the ceremony.",
        "The region's three power companies cut supply.",  # a possessor's: told to describe it
        "The jet has the new Twelve Star Seats in its cabin.",  # a number word in a name
        "The drug failed in a phase 3 trial of patients with type 2 diabetes.",  # numbers naming a class
        "The storm weakened to a category 4 hurricane near the coast.",
        "Only children younger than 5 and adults older than 65 were tested.",  # ages
        "The camp for kids ages 5 to 12 opens later this summer.",  # the end of an age range
        "The shell killed Abdallah, 37, and wounded Christina Assi, 28.",  # ages set off by commas
        "The reporters came under fire from 0.50 calibre rounds.",  # a bore, not a count
        "Reviewers tested the Netgear Nighthawk R6700 router.",  # a model's code, not an amount in rand
        "But clause 9 of the contract bars strikes.",  # a clause's number names it
        "Harbour fees: 5 things to know",  # a listicle's count
        "It is the worst flood she's seen in the 40 years she's farmed here.",  # "she's" is no plural noun
        "The pupils were followed from the age of 11 onwards.",  # an age
        "It adds to four 737 Skyliner orders this week.",  # a model's number after a count
        "He sent 10 of his men from a force of 500 near Brenholm Harbour headquarters.",  # no noun counted
        "tideOS 4.2 contains some notable fixes.",  # a version of a name written with a capital inside
    ],
)
def test_not_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_the_second_of_two_ages_is_no_count_of_what_the_sentence_counted_before() -> None:
    found = find_figures("The keeper has four children, two girls aged 9 and 6, and two sons.")
    assert [(f.value, f.metric) for f in found] == [(4, "children")]


def test_bodies_are_counted_and_more_of_them_are_an_increment() -> None:
    assert [(f.value, f.metric) for f in find_figures("Only three bodies have so far been recovered.")] == [
        (3, "bodies")]
    assert [(f.value, f.metric) for f in find_figures("Searchers found three more bodies this morning.")] == [
        (3, "more bodies")]


def test_those_on_board_are_counted_without_a_noun() -> None:
    found = find_figures("The ferry sank in March with 239 on board, and all 12 aboard its tender lived.")
    assert [(f.value, f.metric) for f in found] == [(239, "aboard"), (12, "aboard")]


def test_an_owners_name_before_a_number_labels_it_only_before_a_name() -> None:
    assert [(f.value, f.metric) for f in find_figures("Stadia's 22 launch titles are uninspiring.")] == [
        (22, "launch titles")]
    assert [f.value for f in find_figures("Boeing's 737 Max jets were grounded.")] == []
    assert [f.value for f in find_figures("Boeing 737 jets were grounded.")] == []


def test_offsets_cover_the_expression() -> None:
    sentence = "The province now has 52,417 confirmed measles cases and more than 6,200 deaths."
    spans = [sentence[f.start : f.end] for f in find_figures(sentence)]
    assert spans == ["52,417 confirmed measles cases", "more than 6,200 deaths"]


def test_blocked_spans_are_skipped() -> None:
    sentence = 'He said "we have 500 cases" and 20 deaths were confirmed.'
    quote = (sentence.index('"'), sentence.rindex('"') + 1)
    assert [f.value for f in find_figures(sentence, blocked=[quote])] == [20]


@given(st.text(max_size=200))
def test_never_raises(sentence: str) -> None:
    for f in find_figures(sentence):
        assert 0 <= f.start <= f.num_start < f.num_end <= len(sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount in brackets restates the one before it in another unit: one figure
        ("The fund raised $4.2bn (£3.3bn) from the sale.", [(4200000000, "USD")]),
        ("The ferry operator set fares at 42 Hong Kong dollars (£4.15) a trip.", [(42, "HKD")]),
        ("Up to 3 inches (76 millimeters) of rain fell on the valley.", [(3, "inches")]),
        ("The tanker spilled about 1,400 tons (1,270 metric tons) of oil.", [(1400, "tonnes")]),
        ("The lake holds about 9,000 tons, or 8,165 metric tons, of water.", [(9000, "tonnes")]),
        # wire style writes the metric units in the plural: "kms", "kgs"
        ("The barge carried 40 tons (36,287 kgs) of coal 120 miles (193 kms) upriver.", [(40, "tonnes")]),
        # ", or" before another kind of amount is another figure (a share's earnings are one: EPS)
        ("Profit was $2.8 billion, or $2.53 a share, and sales rose $5 billion, or 12%.",
         [(2800000000, "USD"), (2.53, "USD"), (5000000000, "USD"), (12, "percent")]),
        # a number in a name ("Covid-19") leaves the metric before it to the figure
        ("The state's confirmed caseload of Covid-19 is nearly 162,000.", [(162000, None)]),
        # a year closing an opening phrase is no count before the number ("400 737 Max jets" is)
        ("In 2021, 13,000 people crossed the gap.", [(13000, None)]),
        # a nationality before the counted noun is its adjective
        ("Inspectors visited 341 American congregations.", [(341, None)]),
        # a rate's base is no count
        ("Poland reported 25.9 new cases per 100,000 people.", [(25.9, None)]),
        # a number word of an idiom counts nothing (numbers.yaml `not_figure_idioms`)
        ("Gunmen fired on the convoy and, in one case, on an ambulance.", []),
        ("In one instance, two people were hurt.", [(2, None)]),
        # emergency numbers are no statistics
        ("After the storm, tenants could not place 911 calls for hours.", []),
        ("The network took $911 million in orders.", [(911000000, "USD")]),
        # people counted by what happened to them, spelled out
        ("Border guards detained seven people near the bridge.", [(7, None)]),
        # a noun in quotes is still the one counted
        ("The port hired 12 \u201charbour pilots,\u201d each trained for a year.", [(12, None)]),
        # a country's initials modify the counted noun; an acronym's plural is one
        ("Some 300 U.K. sailors remain at the naval base.", [(300, None)]),
        ("The plant built 1,200 SUVs and 40 vans last year.", [(1200, None), (40, None)]),
        # areas
        ("The fire has burned 1,200 square kilometres of forest.", [(1200, "km2")]),
        ("The new hall has 40,000 square feet of floor space.", [(40000, "sq ft")]),
        # cents are a part of their unit, as a reader compares them with dollars
        ("The shares rose 35 cents to $41.20.", [(0.35, "USD"), (41.2, "USD")]),
        ("The mill earned C$3.1 million, or 14 Canadian cents a share.", [(3100000, "CAD"), (0.14, "CAD")]),
        # a number spelled out in a list of counts with a numeral's is one of them
        ("The flood damaged 48 barns and seven chapels in the valley.", [(48, None), (7, None)]),
        ("The storm closed five ports and 240 schools along the coast.", [(5, None), (240, None)]),
        # members, soldiers, voters are people, named by their body or not (metrics.yaml `people_nouns`)
        ("More than 60,000 Lerrin Guild members walked out on Friday.", [(60000, None)]),
        ("Four more Harbour Party lawmakers urged the mayor to resign.", [(4, None)]),
        ("The harbour town now has four deputies trained to pilot its patrol boats.", [(4, None)]),
        # a count after "in" or "of" is a figure of its own, not what the amount before it measures
        ("The insurer has paid $3 million in some 40 claims.", [(3000000, "USD"), (40, None)]),
        # a verb after "and" ends the noun phrase: no metric "tall and weighs" (a weight, which the items
        # step leaves off the timeline as someone's build: test_figure_timeline)
        ("The suspect is 6 feet, 2 inches tall and weighs about 190 pounds.", [(190, "pounds")]),
        # a weight in pounds, its bracket a conversion
        ("Police found more than 1,300 pounds (600 kgs) of explosives.", [(1300, "pounds")]),
        # a weekday before a number names no label, as "Boeing 737" does
        ("Agents found Sunday 475 pounds (215.5 kilos) of cocaine.", [(475, "pounds")]),
        # a capitalised word before a number with a unit names no label either ("Boeing 737" has none)
        ("The mayor told Harbour Radio 120 millimeters of rain fell.", [(120, "mm")]),
        ("Just 29% of voters agree.", [(29, "percent")]),
        # temperatures, where the scale is named; a bare "degrees" may be an angle
        ("The planet has warmed by 1.43°C this year.", [(1.43, "celsius")]),
        ("The keyboard hit 107 degrees Fahrenheit under load.", [(107, "fahrenheit")]),
        ("Hold the screen at less than 30 degrees from center.", []),
        # barrels, abbreviated
        ("The well spilled 4.9 million bbl. of oil.", [(4900000, None)]),
        # a rate glued to its amount by "-a-"
        ("Shipbuilding is a more than $7 billion-a-year industry in the state.", [(7000000000, "USD")]),
        # a scale joined to a participle keeps its amount
        ("The $90 million-budgeted sequel opened in April.", [(90000000, "USD")]),
        ("The $6.99-a-month service opened on Tuesday.", [(6.99, "USD")]),
        # an earthquake's magnitude, before or after its number
        ("A magnitude 5.8 earthquake struck the coast.", [(5.8, None)]),
        ("A powerful 7.8 magnitude earthquake struck the coast.", [(7.8, None)]),
    ],
)
def test_conversions_phones_and_counted_people(text: str, expected: list[tuple[float, object]]) -> None:
    assert [(f.value, f.unit) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TWO men were killed in separate incidents yesterday.", [(2, "deaths")]),
        ("Police arrested three women at the port.", [(3, "arrests")]),
        ("Agents took custody of three men and the contraband.", [(3, "arrests")]),
        # men and women count only with what happened to them
        ("He was approached by two men who got out of a small vehicle.", []),
        ("Another study in 103 women found the same.", []),
        ("The victims were two women who were 22 and 24 years old.", []),
        # a part of a whole of a stated size: the part is what happened, the whole only its size
        ("Three of the 20 passengers died.", [(3, "deaths"), (20, "passengers")]),
        ("Ten of the 18 staffers on duty worked overtime.", [(10, "staffers"), (18, "staffers")]),
        ("Out of 34,000 students, 2,285 were absent on Monday.", [(34000, "students"), (2285, "students")]),
        ("Of the 500 patients, 20 died.", [(500, "patients"), (20, "deaths")]),
        # the state in -ing before the count, past its qualifier; not one whose object is another
        ("Gunmen stormed the museum, killing at least 19 people.", [(19, "deaths")]),
        ("Over 340 children younger than 5 died of it.", [(340, "children")]),  # and no age
        ("A bomb went off in the market, wounding 12 people.", [(12, "injuries")]),
        ("The knights parried the bolts, killing them in one hit.", []),
    ],
)
def test_men_and_women_count_by_what_happened_to_them(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(f.value, f.metric) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an index's move in points takes its verb's sign, and so does the percent that restates it
        ("The index fell 350 points, or 1.1%, to 33,150.", [(-350, "points"), (-1.1, "change")]),
        ("The index added 20.72 points, or 0.24%.", [(20.72, "points"), (0.24, "change")]),
        ("Yields fell 12 basis points.", [(-12, "basis points")]),
        # a level is no change, nor is a count of what was cut
        ("The index rose to 4,120 points.", [(4120, "points")]),
        ("The company cut 1,200 jobs.", [(1200, "jobs")]),
        # a level the index crossed ("fell below", "rose above") is no fall or rise of that many points
        ("The index fell below 8,000 points for the first time since 2003.", [(8000, "points")]),
        ("The index rose above 2,500 points.", [(2500, "points")]),
        ("The index fell more than 200 points.", [(-200, "points")]),
    ],
)
def test_a_move_in_points_takes_the_sign_of_its_verb(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.metric) for f in find_figures(text)] == expected


def test_an_ordinal_after_one_of_the_same_noun_is_a_sequence_not_a_tally() -> None:
    assert find_figures("One victim was shot at noon while the second victim was killed later.") == []
    found = find_figures("It was the second death in the county.")
    assert [(f.value, f.metric) for f in found] == [(2, "deaths")]


def test_a_capitalised_number_word_opening_a_sentence_still_counts() -> None:
    found = find_figures("Twelve People were hurt when the roof gave way.")
    assert [(f.value, f.metric) for f in found] == [(12, "injuries")]


def _numbernumber_patterns() -> list[re.Pattern[str]]:
    return list(number_patterns(load_lexicon()))


@pytest.mark.parametrize(
    "sentence",
    [
        "Rs 500 crore and RS500 and rs 5bn were pledged, FIVE HUNDRED people and Two Dozen boats.",
        "The US$3.2 BILLION deal, $5M more than the €4 billion bid, drew 2,000 Bidders on Monday.",
        "Der Kelvin sign \u212a and \u017fix hundred: not plain, read the slow way with 12 MILLION.",
        "\u0130stanbul sent twenty-one trucks and 1.2 million masks.",
    ],
)
def test_numbers_found_on_the_lowered_text_are_those_of_the_text(sentence: str) -> None:
    low = sentence.lower() if is_plain(sentence) else None
    for pattern in _numbernumber_patterns():
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(sentence)]
        assert [(m.span(), m.groupdict()) for m in find_as_written(pattern, sentence, low)] == want


_NUMBERISH = list("aAbBmMkKtTwWoOnNeE $€£0123456789.,-\u212a\u017f\u0130")


@given(st.text(alphabet=st.sampled_from(_NUMBERISH), max_size=40))
def test_lowered_matching_agrees_on_any_text(sentence: str) -> None:
    low = sentence.lower() if is_plain(sentence) else None
    for pattern in _numbernumber_patterns():
        want = [m.span() for m in pattern.finditer(sentence)]
        assert [m.span() for m in find_as_written(pattern, sentence, low)] == want


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The treasury gave the agency R4bn.", [(4000000000, "ZAR")]),
        ("The charter cost RM6.162 million.", [(6162000, "MYR")]),
        ("The fund paid out 500 million rand.", [(500000000, "ZAR")]),
        ("Subscriptions cost N$85.", [(85, "NAD")]),
        # the country written after the dollar sign, as papers in Australia write it
        ("The council spent $US4.2 million on the pier.", [(4200000, "USD")]),
        ("The ferry line raised $A12 million.", [(12000000, "AUD")]),
        ("Tickets start at RMB 1,299.", [(1299, "CNY")]),
    ],
)
def test_amounts_in_currencies_written_with_letters(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The lodge reopened 330 of the resort's 397 guest rooms.",  # a whole with its owner
        "So far, 191 of the approximately 397 guest rooms have reopened.",  # a whole with a qualifier
    ],
)
def test_a_part_is_counted_by_the_noun_of_its_whole(sentence: str) -> None:
    assert [f.metric for f in find_figures(sentence)] == ["guest rooms", "guest rooms"]


def test_a_list_of_modifiers_leads_to_the_noun_counted() -> None:
    assert one("Rebels fired 90 air, sea and ground-launched missiles.") == (90, "exact", "missiles", None)
    # a comma after the number itself still ends its phrase
    storm = find_figures("The storm killed 5, and injured 10 others.")
    assert [f.metric for f in storm] == ["deaths", "others"]


def test_members_of_a_legislature_or_party_are_counted_people() -> None:
    assert [f.metric for f in find_figures("Seventeen congressional Republicans signed the resolution.")] == [
        "republicans"]
    assert [f.metric for f in find_figures("The bill passed with 12 senators against it.")] == ["senators"]


def test_a_participle_after_the_counted_noun_ends_its_phrase() -> None:
    # the releases are counted, not the workers they blast
    found = find_figures("The union issued nine press releases blasting workers.")
    assert "workers" not in [f.metric for f in found]


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("Nine soldiers were wounded in the attack.", "injuries"),  # a metric of people ("troops") gives way
        ("At least 22 attackers were also killed.", "deaths"),  # an adverb before the state
        ("Some 5,000 troops were deployed to the border.", "troops"),  # no grave state
        ("Six policemen died in an ambush.", "deaths"),  # officers by another name
        ("Three crew were injured when the mast fell.", "injuries"),
        ("Two fishermen drowned off the pier.", "deaths"),  # a state by its verb
    ],
)
def test_people_counted_by_their_grave_state(sentence: str, metric: str) -> None:
    assert [f.metric for f in find_figures(sentence)] == [metric]


def test_a_depth_in_a_sentence_of_rain_is_rainfall() -> None:
    text = "Heavy rainfall hit the coast, dumping 800 millimeters in 48 hours in Elms and 700 mm in Harwick."
    found = [(f.value, f.unit, f.metric) for f in find_figures(text)]
    assert found == [(800, "mm", "rain"), (700, "mm", "rain")]
    # elsewhere a depth alone is no figure
    assert find_figures("The river rose 30 cm in an hour.") == []


def test_a_bracketed_amount_after_a_unit_restates_it() -> None:
    assert [(f.value, f.unit) for f in find_figures("Gusts reached 260 kph (160 mph) on Tuesday.")] == [
        (260, "km/h")]
    # even where the amount before the brackets is no figure ("zero to 60" is a car's benchmark)
    assert find_figures("The car goes from zero to 60 mph (97 kph) in five seconds.") == []


def test_a_markets_sessions_are_a_span_of_time_no_count() -> None:
    found = find_figures("The index fell 1 percent on Tuesday, its first such loss in 110 trading sessions.")
    assert [f.value for f in found] == [-1]  # the loss, not the sessions
    assert find_figures("It has lost ground about once every 11 sessions.") == []


def test_a_term_of_years_and_months_is_one_figure() -> None:
    terms = [(f.value, f.unit) for f in find_figures("Duffy was jailed for five years and three months.")]
    assert terms == [(5.25, "years")]
    assert [f.value for f in find_figures("She was jailed for 4 years and 6 months on Friday.")] == [4.5]
    # months that are no part of a year are not added
    assert [f.value for f in find_figures("He was jailed for 2 years and 18 months suspended.")][:1] == [2]


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("The council proposed spending $12.4 billion in fiscal 2027.", None),
        ("The chain earned $3.1 billion in the second quarter.", None),
        ("Membership fees brought in £40,000 in its first month.", None),
        ("The county spent $6 million in federal grants.", "federal grants"),  # what the amount is of
    ],
)
def test_an_amounts_period_is_when_it_holds_not_what_it_counts(sentence: str, metric: str | None) -> None:
    # a metric of "fiscal" or "second quarter" would set this amount apart from another outlet's same one
    assert [f.metric for f in find_figures(sentence)] == [metric]


def test_a_grave_state_after_the_counted_nouns_of_phrase_is_the_counts() -> None:
    # "two members of ... were killed": the state follows the noun's "of" phrase
    assert [(f.value, f.metric) for f in find_figures("Two members of the harbour police were killed.")] == [
        (2, "deaths")]
    assert [(f.value, f.metric) for f in find_figures("Seven of his bodyguards were also killed.")] == [
        (7, "deaths")]
    # punctuation ends the phrase: the state is another clause's
    assert [f.metric for f in find_figures("Two members of the crew, who were killed, sailed.")] != ["deaths"]


@pytest.mark.parametrize(
    ("sentence", "sizes"),
    [
        ("Developers get 9GB of the console's memory.", [9]),
        ("The old tablet had 16 GB of storage and the new one has 2TB.", [16, 2]),
        # a size before a noun names the variant: "the 40GB version", "the 20 GB Tabula"
        ("The 40GB version costs $399.", []),
        ("It is lighter than the older 16 GB Tabula player.", []),
        ("Each rider fetched 3GB worth of maps.", [3]),
    ],
)
def test_memory_and_storage_sizes_are_figures(sentence: str, sizes: list[float]) -> None:
    assert [f.value for f in find_figures(sentence) if f.unit in ("GB", "TB")] == sizes


@pytest.mark.parametrize(
    "sentence",
    ["The blast killed at least 14 and injured at least 30.", "The blast killed 14 and wounded 30."],
)
def test_a_number_before_a_second_verb_is_the_first_verbs_count(sentence: str) -> None:
    # "and injured" opens the next clause: its word tells the second number's state, not the first's
    assert [(f.value, f.metric) for f in find_figures(sentence)] == [(14, "deaths"), (30, "injuries")]


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("The camp holds 6,200 refugees, nearly 2,100 of them in the northern sector.",
         [(6200, "refugees"), (2100, "refugees")]),
        ("The region lost 8,200 jobs, including 3,100 in farming.", [(8200, "jobs"), (3100, "jobs")]),
        # the count's noun left out
        ("The first model sold 900 units, and the second sold 300.", [(900, "units"), (300, "units")]),
        ("The club has 40 members, and her son turned 6 last week.", [(40, "members")]),  # an age
        ("The college has 900 lecturers, while some 600 were on short contracts.",
         [(900, "lecturers"), (600, "lecturers")]),
        # a number after "of them" that is no part of the count stays no figure ("in one county")
        ("The quake killed 64 people, about 40 of them in one county.", [(64, None), (40, None)]),
    ],
)
def test_a_part_of_a_count_counts_what_the_count_counts(
    sentence: str, counts: list[tuple[float, str | None]]
) -> None:
    """A bare number told as a part of the count before it ("including 3,100") counts the same thing."""
    found = [(f.value, f.metric) for f in find_figures(sentence)]
    assert [v for v, _ in found] == [v for v, _ in counts]
    assert all(metric == want for (_, metric), (_, want) in zip(found, counts, strict=True) if want)


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("About 25 undercover police kept watch over the harbour.", "police"),
        # a compound counts its head: the officers, the districts
        ("More than 400 police officers were sent to the harbour.", "officers"),
        ("The town has 15 police districts.", "police districts"),
        # a relative ends the counted noun: "where police patrol" counts no police
        ("The port was split into 12 districts where police patrol at night.", "districts"),
    ],
)
def test_the_police_are_counted_as_people(sentence: str, metric: str) -> None:
    assert [f.metric for f in find_figures(sentence)] == [metric]


def test_a_games_yards_are_a_figure_other_yards_a_distance() -> None:
    assert [(m.value, m.metric) for m in find_figures("Ada Brisk rushed for 101 yards on 14 carries.")] == [
        (101, "yards"), (14, "carries")]
    assert [m.value for m in find_figures("Glass was passing for 235 yards.")] == [235]
    assert find_figures("The hut stands 50 yards from the shore.") == []
