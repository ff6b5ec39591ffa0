"""Tests for dated happenings with no typed kind (monitor.extract.items.happenings) and for how the event
step counts happenings: coordinated verbs are two, one happening told twice is one. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import Item, extract_items

DCT = dt.date(2021, 6, 9)  # a Wednesday


def _events(text: str) -> list[Item]:
    return [i for i in extract_items(text, DCT) if i.kind != "figure"]


def test_an_aim_or_a_hope_schedules_its_happening() -> None:
    text = "The board met on Monday, with the club aiming to repaint the slipway on 12 July."
    assert ("other", "2021-07-12") in [(i.kind, i.date) for i in _events(text)]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The mayor opened the new footbridge on Monday.", "2021-06-07"),
        ("The museum received the tapestry on May 4.", "2021-05-04"),
        ("The orchestra will perform the premiere on June 12.", "2021-06-12"),
        ("In 2019, the village planted four hundred oaks.", "2019"),
        # "over the weekend" is when, not a span
        ("Over the weekend, the mayor planted an oak in the square.", "2021-W22"),
        # a schedule: "is due to", "are set to"
        ("The new timetable is due to start in mid-July.", "2021-07"),
        # an intention in the present tense: the planned happening
        ("The observatory, which the trust plans to repaint in 2023, stands empty.", "2023"),
        # a date that opens the sentence dates its main clause, past the asides with no verb before it
        ("On Monday, two rowboats from the harbour, close to the old pier, were repainted.", "2021-06-07"),
        # "would" told by a reporting verb is the report's future, before or after the clause
        ("The council said it would resurface the towpath on Friday.", "2021-06-11"),
        ("The towpath would be resurfaced in August, a council spokesman said.", "2021-08"),
        # a past copula before a participle tells what happened to it
        ("Last year the old cannery was demolished.", "2020"),
        # "shortly after 2am" is a time, no clause of its own that would cut the participle from its day
        ("The skipper vanished after leaving the quay shortly after 2am on Sunday May 2, 2010.",
         "2010-05-02"),
        # a named day in the noun phrase of "in", "at", "during" dates what happened there
        ("In his Sunday sermon at the harbour chapel, the vicar blessed the new ferry.", "2021-06-06"),
        # a span of days to come starts its happening
        ("The regatta is expected to take place between July 9 and 11 in Lerrin.", "2021-07-09"),
        # the present tells a day to come as scheduled, a plural's too
        ("The regatta opens on June 26 in Lerrin.", "2021-06-26"),
        ("The rowers take the river for the first time on June 26 against Brenholm.", "2021-06-26"),
        # ... and a plural name's (a capitalised season before the name is no season of its own)
        ("The Summer Olympiads open on June 26 in Lerrin.", "2021-06-26"),
        # a town's region between commas is no clause of its own that would cut the verb from its day
        ("A fire broke out at the old mill in Lerrin, Ohio, earlier this week.", "2021-W23"),
        # a short aside between the verb and its day (a score) is no clause that would hold the day
        ("The Lerrin crew rowed past Brenholm, 45-17, on Monday night.", "2021-06-07"),
        # the items of a list, one after another semicolon, take the day at its end to the verb that opens it
        ("The ferry carried Tom Berg of Lerrin, Ohio; Ann Lind of Brenholm; and Erik Sol of Dover on May 4.",
         "2021-05-04"),
        # a surname whose lower case is a verb ("peters" out) is no verb the participle would describe
        ("On Monday, harbour master Anna Peters closed the slipway.", "2021-06-07"),
        # "May" past a sentence's first word is a name or a month, no modal
        ("Harbour master Anna May repainted the slipway on Monday.", "2021-06-07"),
        ("In May the harbour trust opened the new quay.", "2021-05"),
        # a verb that may state a value ("closed at $185") states none when its only number is a date
        ("The trust closed the old boathouse in 2019.", "2019"),
        # a negation after the verb's object is the infinitive's: the advice was given
        ("The ferry company advised passengers not to sail on Monday.", "2021-06-07"),
    ],
)
def test_dated_clause_with_a_finite_verb_is_a_happening(text: str, date: str) -> None:
    items = _events(text)
    assert [(i.kind, i.date) for i in items] == [("other", date)]
    assert items[0].evidence == text


def test_a_second_date_of_the_same_verb_that_narrows_the_first_dates_it() -> None:
    items = _events("The new ferry will be shown at this year's harbour fair in August.")
    assert [(i.kind, i.date) for i in items] == [("other", "2021-08")]


def test_a_title_set_off_after_a_name_leaves_the_date_to_the_names_verb() -> None:
    text = ("The board has its doubts, as just last week Ann Berg, head of the harbour trust's engineering "
            "group, told the council that the pier was sound.")
    assert [(i.kind, i.date) for i in _events(text)] == [("statement", "2021-W22")]


def test_a_day_right_after_a_participle_is_its_time_not_that_of_the_noun_after_it() -> None:
    # "Friday detail" is no noun phrase: the files were released on Friday, and that release is the item
    items = _events("The files released Friday detail the letters.")
    assert [(i.kind, i.date) for i in items] == [("release", "2021-06-04")]


@pytest.mark.parametrize(
    "text",
    [
        # negated
        "The mayor did not open the footbridge on Monday.",
        "The ferry was not running on Monday.",
        # hypothetical and conditional
        "The mayor would have opened the footbridge on Monday if the paint had dried.",
        "If the weather holds, the regatta could start on Saturday.",
        "The council said it would resurface the towpath on Friday if the rain stopped.",
        "The towpath could be resurfaced in August, a council spokesman said.",
        # generic: a habit, a limit, a span, a date describing a noun
        "The bakery opens at dawn on Mondays and closes at noon.",
        "The library must return the manuscripts by 2030.",
        "The festival ran from 2015 to 2018.",
        "The guild grew steadily between 2012 and 2019.",  # a span told in words: over years, on no one date
        "The best films of the year were screened outdoors.",
        "The newest 2024 hybrid models sold out.",
        "The trust halted a planned June 30 auction of the boathouse.",
        "The charity has raised little money so far this year.",
        "The harbour has silted up over the past year.",
        # a span that opens the sentence: what went on since, no happening on its first day
        "Since 2012, the guild has trained three hundred glassblowers.",
        # an opening date and a clause in the present: no happening in the clause after it either
        "Today, floods in the valley are rare, but they do happen.",
        # what something was, not what happened to it
        "A decade ago, the quarter was a maze of warehouses.",
        "In 2010, the harbour was still busy with trawlers.",
        # what is expected has not happened; a participle after a verb describes its object
        "The harbour board expects continued fare hikes in 2023.",
        # the period of an outlook, not when it was told
        "The harbour board is lowering its outlook for the fishery for 2023.",
        # the page's own stamp, and a version's number
        "This story was published today at 6:15 a.m.",
        "The ferry company moved its tills to version 1809 of the booking software.",
    ],
)
def test_noise_is_no_happening(text: str) -> None:
    assert [i for i in _events(text) if i.kind == "other"] == []


def test_a_clause_of_time_with_a_date_of_its_own_is_not_the_date_before_it() -> None:
    # the verbless clause of "on Sunday" takes the verb before it, not the one of "after ... last week"
    items = _events("The district health office reported its third case of measles on Sunday after two other "
                    "cases were found last week.")
    by_date = {i.date: i.summary for i in items}
    assert set(by_date) == {"2021-06-06", "2021-W22"}
    assert "third case" in by_date["2021-06-06"]
    assert "third case" not in by_date["2021-W22"]


def test_one_week_written_two_ways_in_two_clauses_dates_two_happenings() -> None:
    # "over the weekend" and "last week" are both 2021-W22: the case reported at the weekend is not the
    # two diagnosed during the week
    items = _events("A second case of measles was reported in Lerrin over the weekend — after two children "
                    "there were diagnosed with the disease last week.")
    told = sorted((i.date, "weekend" in i.summary) for i in items)
    assert told == [("2021-W22", False), ("2021-W22", True)]
    # the same words again tell one week once
    once = _events("Two children were diagnosed with measles in Lerrin last week — after a case was "
                   "reported there last week.")
    assert [i.date for i in once] == ["2021-W22"]


def test_a_closing_attribution_and_a_verb_dated_in_its_own_clause_take_no_second_date() -> None:
    # "in March" is when the threat was made: neither the plea (Monday's) nor the prosecutors' "said"
    items = _events("A Lerrin man pleaded guilty Monday to threatening to kill Mayor Ann Lind, D-Ohio, "
                    "in March, prosecutors said.")
    assert [(i.kind, i.date) for i in items] == [("legal", "2021-06-07")]


def test_a_name_set_off_by_commas_does_not_cut_a_date_from_the_verb_after_it() -> None:
    text = ("\u201cWe are all shocked,\u201d one of the crew said Wednesday, a day after the "
            "ferry\u2019s captain, Tom Berg, was arrested at his home.")
    assert ("2021-06-08", ("Tom Berg",)) in [(i.date, i.actors) for i in _events(text)]


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # a trigger's verb in a clause of time hanging on the main clause: the main clause's day
        ("Governor Ann Lind on Thursday called for calm after harbour police arrested the ferry's captain, "
         "Tom Berg.", ("legal", "2021-06-03", "arrested the ferry's captain")),
        # any finite verb there, told with the day the main clause's tense gives
        ("Shares of the Lerrin Ferry Company are falling in early trading after the company cut its fare "
         "forecast.", ("other", "2021-06-09", "cut its fare forecast")),
        # and the main clause keeps its own happening of that day
        ("Ferry shares were mixed in early trading on Tuesday after the Lerrin board reported that fares "
         "were falling.", ("statement", "2021-06-08", "reported that fares were falling")),
    ],
)
def test_a_clause_of_time_hanging_on_the_main_clause_is_told_with_its_day(
        text: str, told: tuple[str, str, str]) -> None:
    kind, date, words = told
    items = _events(text)
    assert any(i.kind == kind and i.date == date and words in i.summary for i in items)
    assert len(items) == 2


def test_a_clause_joined_by_and_in_the_simple_past_is_told_with_the_main_clause_day() -> None:
    # two happenings of Friday: the signing, and Berg's claim after it
    items = _events("The mayors of Lerrin and Brenholm signed a ferry pact Friday, and Tom Berg claimed the "
                    "dispute was over.")
    assert sorted((i.kind, i.date) for i in items) == [("other", "2021-06-04"), ("statement", "2021-06-04")]
    # not one that tells what is to come, nor one with a date of its own
    assert len(_events("The mayors signed a pact Friday, and Tom Berg will claim the dispute is over.")) == 1
    dated = _events("The mayors signed a pact Friday, and Tom Berg claimed in May the dispute was over.")
    assert ("statement", "2021-06-04") not in [(i.kind, i.date) for i in dated]


@pytest.mark.parametrize(
    "text",
    [
        # a month: what came after may be of the month before
        "The council reopened the inquiry in May after harbour police arrested the ferry's captain.",
        # the past perfect came before; a participle has no clause of its own
        "Shares of the Lerrin Ferry Company fell on Tuesday after the company had cut its fare forecast.",
        "Shares of the Lerrin Ferry Company fell on Tuesday after cutting its fare forecast.",
    ],
)
def test_a_clause_of_time_is_not_told_with_a_month_nor_in_the_past_perfect(text: str) -> None:
    assert len(_events(text)) == 1


def test_one_verb_gives_one_happening_for_two_dates() -> None:
    items = _events("Visitor numbers grew last year and this year.")
    assert len(items) == 1


def test_quoted_date_dates_no_happening() -> None:
    assert _events('"We painted the hall on Monday," the caretaker recalled.') == []


def test_coordinated_verbs_give_two_items() -> None:
    items = _events("A lorry driver was arrested and charged on Monday.")
    assert [(i.kind, i.date) for i in items] == [("legal", "2021-06-07"), ("legal", "2021-06-07")]


def test_two_verbs_of_one_subject_joined_by_and_past_an_object_give_two_items() -> None:
    items = _events("Police arrested a lorry driver in Dunmore on Monday and charged him with theft.")
    assert [(i.kind, i.date) for i in items] == [("legal", "2021-06-07"), ("legal", "2021-06-07")]
    items = _events("The court on Monday struck down the levy and also overturned the ban.")
    assert [(i.kind, i.date) for i in items if i.date == "2021-06-07"] == [("legal", "2021-06-07")] * 2


def test_passive_clauses_joined_by_and_each_with_its_subject_give_two_items() -> None:
    items = _events("A manhunt was launched and one man was arrested on Monday.")
    assert [(i.kind, i.date) for i in items] == [("legal", "2021-06-07"), ("legal", "2021-06-07")]


def test_two_clauses_with_their_own_subjects_give_two_items() -> None:
    text = "Wheat prices fell on Monday, while the dairy index rose for the third day running."
    monday = ("business", "2021-06-07")
    assert [(i.kind, i.date) for i in _events(text)] == [monday, monday]
    # one subject, one happening: the second verb only goes on telling it
    assert len(_events("Wheat prices fell on Monday and then fell again.")) == 1


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # a verb of no kind in the second clause: a kind-free happening of the first one's day
        ("The ferry was cancelled on Monday, and the harbourmaster painted the slipway.", "painted"),
        ("The bakery burned down on Saturday, while the neighbours watched from the street.", "watched"),
        # in the passive
        ("The lighthouse keeper retired on Monday, and a new lamp was fitted.", "fitted"),
    ],
)
def test_a_joined_clause_with_a_subject_of_its_own_is_a_second_happening(text: str, second: str) -> None:
    items = _events(text)
    assert len(items) == 2
    assert items[0].date == items[1].date
    assert second in items[1].summary


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun goes on telling the first clause's happening, and so do its actors named again
        "The ferry was cancelled on Monday, and it sailed empty.",
        "The two mayors met on Monday, and the two men discussed the ferry timetable.",
        # what follows "but" answers the first clause
        "The ferry was cancelled on Monday, but the owner blamed the storm.",
        # nothing happened yet, or nothing was done
        "The ferry was cancelled on Monday, and the harbour was expected to reopen.",
        "The ferry was cancelled on Monday, and the owner declined to comment.",
        # a time counted from the first clause's is the second's own
        "The ferry was cancelled on Monday, and the harbour reopened soon afterwards.",
        # a state, not a happening
        "The ferry was cancelled on Monday, and the harbour was quiet.",
    ],
)
def test_a_joined_clause_that_tells_no_happening_of_its_own_adds_none(text: str) -> None:
    assert len(_events(text)) == 1


def test_one_happening_told_twice_is_one_item() -> None:
    text = "The port reopened on Monday. Fishing boats returned after the port reopened on Monday."
    reopenings = [i for i in _events(text) if i.kind == "policy"]
    assert len(reopenings) == 1
    assert reopenings[0].date == "2021-06-07"


def test_two_dates_of_two_clauses_are_two_happenings() -> None:
    items = _events("The bridge closed on Monday, and the ferry resumed service on Tuesday.")
    assert sorted(i.date or "" for i in items) == ["2021-06-07", "2021-06-08"]


@pytest.mark.parametrize(
    "text",
    [
        "The average rent of a two-room flat in May was $1,412.",
        "Occupancy reached 71 percent on Sunday.",
        "Shares of the brewer closed on Tuesday at $18.40.",
        "The mortgage rate averaged 3.1 percent in April.",
        "Harbour freight peaked in 2008 at 447.6 million tons.",
        # a count for the subject: the figure tells it
        "It comes after 22 homicides were recorded in March.",
        "So far, in 2021, 13,000 migrants have already crossed the gap.",
        # what a body holds on a day
        "The ferry company itself had 1,250 employees on March 31.",
    ],
)
def test_a_dated_clause_that_only_states_a_value_is_a_figure_not_a_happening(text: str) -> None:
    items = extract_items(text, DCT)
    assert [i.kind for i in items if i.kind != "figure"] == []
    assert [i.kind for i in items if i.kind == "figure"]


def test_a_change_by_an_amount_past_the_opening_is_its_figure_and_in_the_opening_news_too() -> None:
    opening = "Ferry bookings in Harwick plunged 12 percent last month, the harbour board said on Monday."
    later = ("\n\nThe board's freight arm lost money.\n\nIts net income fell 22% in the first quarter, "
             "the board said.\n\nHarbour fees were raised from 10% to 25% in April.")
    items = extract_items(opening + later, DCT)
    changes = [(i.kind, i.date, i.evidence[:9]) for i in items if i.kind in ("business", "other", "policy")]
    # the opening's change is news (an event besides its figure); the later one is its figure only; the
    # passive's change someone made stays a happening
    assert ("business", "2021-05", "Ferry boo") in changes
    assert not any(evidence == "Its net i" for _k, _d, evidence in changes)
    assert any(evidence == "Harbour f" for _k, _d, evidence in changes)
    assert {i.value for i in items if i.kind == "figure"} >= {-12, -22}


def test_a_meeting_held_is_a_happening_though_a_year_follows() -> None:
    items = _events("He said they had a brief meeting with Mayor Ann Lind in 2015 at the harbour office.")
    assert [i.date for i in items if i.kind != "statement"] == ["2015"]


def test_a_calendars_lines_are_scheduled_happenings_on_their_first_day() -> None:
    text = (
        "The visitors bureau lists next month's events and their expected attendance.\n\n"
        "July 15-18: Harwick Rowing Club, 2021 Summer Regatta, Quay Hotel, 500\n\n"
        "Aug. 2 -- Harbour Hall, Dover\n\n"  # two hyphens for a dash
        "May 3 – Brenholm, Old Town Hall\n\n"
        "May 4, 2020 – Lerrin, Civic Centre"
    )
    dates = [(i.date, i.evidence[:12]) for i in extract_items(text, DCT) if i.kind == "other"]
    # a day with no year and no verb is the next to come (May 3 is past on June 9: next year's)
    assert dates == [
        ("2021-07-15", "July 15-18: "), ("2021-08-02", "Aug. 2 -- Ha"), ("2022-05-03", "May 3 – Bren"),
        ("2020-05-04", "May 4, 2020 "),
    ]


def test_after_a_noun_that_opens_a_relative_clause_with_its_verb() -> None:
    # "stops" is the verb of "the choir tour that stops", not a plural noun; "details" after "published" is
    # the object, no verb: the happening is the tour's stop, and the outlet telling it is no actor
    text = "The Harwick Gazette published details of the choir tour that stops at Harbour Hall on July 22."
    [item] = _events(text)
    assert (item.kind, item.date) == ("other", "2021-07-22")
    assert "stops at Harbour Hall" in item.summary
    assert "Harwick Gazette" not in item.actors


def test_after_be_only_a_participle_is_a_verb() -> None:
    # "absent" may be a verb ("to absent oneself"), but after "were" it describes: no happening, the figures
    # stay; "was closed", "were being held" are still what happened
    text = "Out of 34,000 pupils in Lerrin, 2,285 were absent Monday."
    assert [i.kind for i in extract_items(text, DCT) if i.kind != "figure"] == []
    assert [(i.kind, i.date) for i in _events("The footbridge was closed on Monday.")] == [
        ("other", "2021-06-07")]


def test_a_chronology_line_with_a_verb_keeps_its_tense() -> None:
    text = "How the strike unfolded.\n\nMay 3: The dockers walked out at the Harwick quay."
    assert [(i.kind, i.date) for i in _events(text)] == [("other", "2021-05-03")]


def test_a_source_released_on_a_day_is_that_days_happening() -> None:
    # nothing else in "according to" tells a happening: the release of its source does
    text = "The harbour silted up faster than feared, according to survey figures published on Monday."
    items = _events(text)
    assert [(i.kind, i.date) for i in items] == [("other", "2021-06-07")]
    assert "published on Monday" in items[0].summary
    assert _events("The harbour silted up faster than feared, according to the survey of Monday.") == []
    # the source's noun right before its day is as much its release
    text = "The harbour silted up faster than feared, according to a study Monday."
    assert [(i.kind, i.date) for i in _events(text)] == [("other", "2021-06-07")]
    # a notice that "went live" on a day was released that day
    text = "According to a notice that went live Monday on the ferry line's website, the service will end."
    assert [(i.kind, i.date) for i in _events(text)] == [("other", "2021-06-07")]


def test_a_happening_of_no_kind_dated_only_by_this_year_is_no_row() -> None:
    # too vague to place: "earlier this year" in a report of 2021
    assert _events("Earlier this year the trust repainted the slipway.") == []
    # another year, or a kind, still dates its row
    assert [(i.kind, i.date) for i in _events("In 2019 the trust repainted the slipway.")] == [
        ("other", "2019")]
    assert [(i.kind, i.date) for i in _events("Earlier this year the trust sold the old ferry.")] == [
        ("business", "2021")]


def test_business_dated_only_by_a_quarter_is_told_by_its_figures() -> None:
    text = "Norlake Ferries said net income fell 22% to $4 million in the first quarter."
    found = [(i.kind, i.date) for i in extract_items(text, DCT)]
    assert ("business", "2021-Q1") not in found
    assert ("figure", "2021-Q1") in found
    # a day still dates the happening
    assert ("business", "2021-06-07") in [
        (i.kind, i.date) for i in _events("Norlake Ferries sold its old ferry on Monday.")]


def test_each_of_two_verbs_joined_by_and_keeps_the_date_right_after_it() -> None:
    # the nearest verb past "and" is the second happening's, not the first date's
    text = "The canal treaty, first drafted in 1987 and amended in 2004, lapses next year."
    assert {("other", "1987"), ("other", "2004")} <= {(i.kind, i.date) for i in _events(text)}


def test_a_relative_date_before_a_word_of_two_senses_still_dates_the_verb() -> None:
    # "following" after "last month" opens a phrase; the date is the verb's, not a noun's modifier
    text = "The ferry line began cutting crossings last month following a storm at the pier on Feb. 12."
    dates = {i.date for i in _events(text)}
    assert "2021-05" in dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # no trigger, and the verb nearest the date tells a state: still what the night of 3 May was like
        ("On the night of 3 May, though, the water in the harbour was below freezing and the crews were "
         "camping on the quay.", "2021-05-03"),
        ("At least one warehouse on the quay was ablaze on Tuesday.", "2021-06-08"),
    ],
)
def test_a_sentence_naming_a_past_day_and_giving_nothing_else_is_a_happening_of_that_day(
        text: str, date: str) -> None:
    assert [(i.kind, i.date) for i in _events(text)] == [("other", date)]


@pytest.mark.parametrize(
    "text",
    [
        # a limit, not when it happened
        "The inquest was adjourned until July.",
        "Prior to Friday, the ferry's shares had fallen for four days.",
        # what may be, what was not, what was refused
        # (but "as soon as Tuesday" is a hedged schedule: test_unreal)
        "The ferry might sail again on Tuesday.",
        "There was no word on Friday about the missing skipper.",
        "The skipper declined to comment on Monday.",
        # a quoted day is the speaker's
        '"The pier was closed on Monday," the skipper said.',
        # a day that owns a noun dates the noun, which did not take place
        "Monday's crossing was cancelled due to fog.",
        "Saturday's regatta was scrapped.",
    ],
)
def test_a_named_day_that_says_no_one_happened_then_gives_no_happening(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The harbour master skipped Friday's emergency briefing and stayed on the quay.", "2021-06-04"),
        ("Union leaders praised Tuesday's gathering, calling it overdue.", "2021-06-08"),
        ("Few sailors came to Monday's open day at the boatyard.", "2021-06-07"),
    ],
)
def test_a_happening_a_day_owns_is_one_of_that_day_where_nothing_else_was_read(text: str, date: str) -> None:
    assert [(i.kind, i.date) for i in _events(text)] == [("other", date)]


@pytest.mark.parametrize(
    "text",
    [
        # the present's, not a happening of the day
        "By today's standards the old ferry was slow.",
        "The quay feels out of step with today's world.",
        # a year's noun is a thing of that year more often than its news
        "Last year's regatta drew fewer boats.",
    ],
)
def test_a_day_that_owns_the_present_or_a_years_noun_gives_no_happening(text: str) -> None:
    assert _events(text) == []


def test_a_count_that_is_a_verbs_object_is_no_subject_of_the_verb_after_it() -> None:
    # "12 people injured" qualifies the count; in "a ferry carrying 212 passengers", the count is carrying's
    # object, and the divers hauled, on Tuesday
    text = "Divers searching for a ferry carrying 212 passengers hauled its bell from the lake on Tuesday."
    items = extract_items(text, dt.date(2024, 5, 8))
    assert [(i.kind, i.date) for i in items if i.kind != "figure"] == [("other", "2024-05-07")], items
    assert [(i.value, i.metric) for i in items if i.kind == "figure"] == [(212, "passengers")], items
