"""Expressions whose value depends on their context: clock times next to a day, anaphoric periods
("that year", "the following month"), quarters without a year, year ranges, spelled-out years."""

from __future__ import annotations

import pytest

from monitor.extract.timex import tag
from monitor.extract.timex.readers import duration_value


def found(text: str, dct: str) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, dct)}


# ---------------------------------------------------------------- clock times take the day beside them


def test_clock_time_takes_the_weekday_after_it() -> None:
    # DCT 2023-02-07 is a Tuesday: the quake was the day before, not on the DCT's day.
    got = found("The quake struck at 4:17 a.m. on Monday, officials said.", "2023-02-07")
    assert got["4:17 a.m."] == ("TIME", "2023-02-06T04:17")
    assert got["Monday"] == ("DATE", "2023-02-06")


def test_a_weekday_after_a_clock_time_keeps_the_tense_of_its_clause() -> None:
    # the "a.m." of the time ends no clause: "will end" makes it the coming Thursday (DCT a Wednesday)
    got = found("The strike will end at 12:01 a.m. on Thursday, the union said.", "2023-11-08")
    assert got["Thursday"] == ("DATE", "2023-11-09")
    # a sentence that ends on one is still ended by it: "Police arrived" is told in its own sentence
    got = found("The fire started at 3 a.m. Police will arrive on Thursday.", "2023-11-08")
    assert got["Thursday"] == ("DATE", "2023-11-09")


def test_clock_time_takes_a_date_after_it() -> None:
    got = found("Polls will close at 8 p.m. on Nov. 3.", "2020-10-01")
    assert got["8 p.m."] == ("TIME", "2020-11-03T20:00")


def test_clock_time_takes_the_year_written_after_its_date() -> None:
    got = found("He vanished shortly after 2am on Sunday November 3, 2013, police said.", "2023-11-03")
    assert got["shortly after 2am"] == ("TIME", "2013-11-03T02:00")
    assert found("The ferry sank at 9 p.m. on Nov. 3rd, 2019.", "2023-11-03")["9 p.m."] == (
        "TIME", "2019-11-03T21:00")


def test_clock_time_takes_the_date_written_after_its_weekday() -> None:
    # The weekday alone would be the Friday nearest the DCT (2019-11-15); the date names the day meant.
    got = found("Doors open at 7 p.m. Friday, Dec. 6, at the arena.", "2019-11-19")
    assert got["7 p.m. Friday"] == ("TIME", "2019-12-06T19:00")
    assert found("Doors open at 7 p.m. Friday, at the arena.", "2019-11-19")["7 p.m. Friday"][1] != (
        "2019-12-06T19:00")


def test_a_weekday_and_its_date_after_a_clock_time_name_one_day() -> None:
    # DCT 2019-11-19: Sunday alone would be 2019-11-17; "Sunday, March 10" is last March's Sunday
    got = found("The ferry ran aground at 9:12 p.m. on Sunday, March 10, near Kell Point.", "2019-11-19")
    assert got["9:12 p.m."] == ("TIME", "2019-03-10T21:12")
    # the clock time takes the weekday; the date after it still has that weekday, so that year
    got = found("The ferry ran aground at 9:12 p.m. Sunday, March 10, near Kell Point.", "2019-11-19")
    assert got["March 10"] == ("DATE", "2019-03-10")


def test_clock_time_takes_a_day_named_earlier_in_the_sentence() -> None:
    got = found("On Oct. 23, 1998, Slepian was shot at 10 p.m. in his kitchen.", "1999-04-19")
    assert got["10 p.m."] == ("TIME", "1998-10-23T22:00")


def test_clock_time_does_not_take_a_day_from_another_sentence() -> None:
    got = found("The vote was on Monday. Counting ended at 3 p.m., he said.", "2020-04-01")
    assert got["3 p.m."] == ("TIME", "2020-04-01T15:00")


def test_clock_time_alone_is_the_dct_day() -> None:
    assert found("Markets closed at 4 p.m.", "2020-04-01")["4 p.m."] == ("TIME", "2020-04-01T16:00")


# ---------------------------------------------------------------- a month and day after another day


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        # Nearest the DCT, "October 12" would be 2021's; the run starts in 2022.
        ("The ferry run starts May 3, 2022 and ends October 12th, the line said.", "2021-11-20",
         {"October 12th": "2022-10-12"}),
        # A yeared day of another sentence leaves it alone.
        ("The run starts May 3, 2022. The old line closed on October 12.", "2021-11-20",
         {"October 12": "2021-10-12"}),
        # "June 9th" is next June by the schedule's tense; "October 10th" follows it, not last October.
        ("The ferry line opens June 9th in Lerrin and closes October 10th in Brenholm.", "2019-11-19",
         {"June 9th": "2020-06-09", "October 10th": "2020-10-10"}),
        # The listing day comes before the payment day: taken as a schedule it would be a year on.
        ("The bonus will be paid Jan. 5 to members on the list on Dec. 12.", "1989-11-02",
         {"Jan. 5": "1990-01-05", "Dec. 12": "1989-12-12"}),
    ],
)
def test_a_month_and_day_after_another_day_of_its_sentence(sentence: str, dct: str,
                                                           expected: dict[str, str]) -> None:
    got = found(sentence, dct)
    assert {text: got[text] for text in expected} == {text: ("DATE", day) for text, day in expected.items()}


def test_a_month_naming_a_nouns_time_is_the_nearest_whatever_the_tense() -> None:
    # told in November: the coming December's debate, though the clause is in the past
    got = found("Two rivals have not qualified for the December debate.", "2019-11-20")
    assert got["December"] == ("DATE", "2019-12")
    assert found("The October attack killed four people.", "2019-11-20")["October"] == ("DATE", "2019-10")
    # a month of the clause itself keeps the tense's reading
    assert found("He was hired in December.", "2019-11-20")["December"] == ("DATE", "2018-12")


@pytest.mark.parametrize(("sentence", "first", "value"), [
    ("The record stood from March 3-April 9, 1992.", "March 3", "1992-03-03"),
    ("The fair ran from June 3 to July 9, 2019.", "June 3", "2019-06-03"),
    ("The ferry was laid up December 29-January 3, 2006.", "December 29", "2005-12-29"),
])
def test_the_first_end_of_a_range_takes_the_year_written_with_the_second(sentence: str, first: str,
                                                                          value: str) -> None:
    assert found(sentence, "2008-01-08")[first] == ("DATE", value)
    # two days told apart are no range: the first keeps the DCT's year
    apart = found("She arrived on June 3 and left July 9, 2019.", "2008-01-08")
    assert apart["June 3"] == ("DATE", "2007-06-03")


def test_a_clause_the_date_opens_tells_no_tense_of_the_dates_own() -> None:
    # "that" opens what was said, of its own time; the date is the saying's
    got = found("The mayor is under fire for hinting in late June that the fares should rise.", "2010-08-13")
    assert got["late June"] == ("DATE", "2010-06")
    # "when" tells of the date itself
    assert found("Talks resume on July 8, when the strike will begin.", "2010-06-13")["July 8"] == (
        "DATE", "2010-07-08")


def test_a_wires_clock_time_in_four_figures_before_its_zone_is_no_year() -> None:
    assert found("The ferry grounded at 1105 GMT (1635 IST) while the minister waited.", "2008-01-17") == {}
    assert found("The war of 1812 ended in 1815.", "2008-01-17")["1812"] == ("DATE", "1812")


def test_the_same_period_of_a_year_named_after_it_is_no_quarter() -> None:
    text = "Officers made 806 arrests in the period, up from 796 in the same period in 2006."
    got = found(text, "2007-12-30")
    assert "the same period" not in got and got["2006"] == ("DATE", "2006")


@pytest.mark.parametrize("sentence", [
    "They'll play the Canadiens on Saturday.",
    "They\u2019ll play the Canadiens on Saturday.",
    "He won't start on Saturday.",
    # the clause a "where" opens is the date's own, whatever the verb before it
    "The winger said he was grateful, speaking from Boston, where on Saturday he will be honoured.",
])
def test_a_modal_written_short_tells_a_time_to_come(sentence: str) -> None:
    # DCT a Thursday: the Saturday after it
    assert found(sentence, "2008-01-17")["Saturday"] == ("DATE", "2008-01-19")


def test_a_colon_before_a_capital_opens_a_clause_of_its_own() -> None:
    # DCT a Wednesday: "will" tells of remembering, not of the Saturday the match was
    text = "The club will remember it: The Saturday match drew a record crowd."
    assert found(text, "2008-01-16")["Saturday"] == ("DATE", "2008-01-12")
    # a date heading its line before the colon is that clause's
    assert found("Monday: The committee will begin its hearings.", "2008-01-16")["Monday"] == (
        "DATE", "2008-01-21")


def test_a_possessive_with_a_curly_apostrophe_makes_hopes_a_noun() -> None:
    # "Lee’s hopes": a noun, no "hopes to" of a plan; the deal's Monday was the one before
    got = found("Lee\u2019s hopes for a deal on Monday faded.", "2008-01-16")
    assert got["Monday"] == ("DATE", "2008-01-14")


def test_what_someone_is_to_be_tells_no_time_to_come() -> None:
    # DCT a Saturday: the rule requiring a coach "to be a resident" was dropped on the Friday before
    got = found("The club had dropped the rule requiring the coach to be a local resident at its meeting on "
                "Friday.", "2008-01-19")
    assert got["Friday"] == ("DATE", "2008-01-18")
    # a passive after "to be" still tells what is to come
    assert found("The plan is to be voted on Friday.", "2008-01-19")["Friday"] == ("DATE", "2008-01-25")


@pytest.mark.parametrize(
    ("sentence", "dct", "text", "value"),
    [
        # Nearest the DCT (August) is the coming October 7; nobody schedules an attack: last October's.
        ("Israel calls him the mastermind behind the Oct. 7 attacks on its south.", "2024-08-07",
         "Oct. 7", "2023-10-07"),
        ("Brenholm still mourns the victims of the deadly Nov. 2 crash on the ring road.", "2024-10-20",
         "Nov. 2", "2023-11-02"),
        ("Lerrin's Dec. 1 fire destroyed the old mill.", "2024-11-15", "Dec. 1", "2023-12-01"),
        # What is scheduled keeps the nearer day: an election, a strike called ahead.
        ("The Nov. 5 election is three months away.", "2024-08-07", "Nov. 5", "2024-11-05"),
        ("Unions called the Oct. 7 strike on Monday.", "2024-08-07", "Oct. 7", "2024-10-07"),
        # A day of this year that has come stays this year's.
        ("The March 3 attack killed four people.", "2024-08-07", "March 3", "2024-03-03"),
    ],
)
def test_a_month_and_day_naming_what_nobody_schedules_has_come(sentence: str, dct: str, text: str,
                                                               value: str) -> None:
    assert found(sentence, dct)[text] == ("DATE", value)


# ---------------------------------------------------------------- anaphoric periods


@pytest.mark.parametrize(
    ("text", "dct", "span", "value"),
    [
        ("He fled in June 1998 and returned later that year.", "2000-01-28", "later that year", "1998"),
        ("The law passed in 1995; the following year it was repealed.", "1998-04-18",
         "the following year", "1996"),
        ("Sales fell in March 1989. The following month they rose.", "1989-10-27",
         "The following month", "1989-04"),
        ("Rates rose in December 2019. The following month they fell.", "2020-06-01",
         "The following month", "2020-01"),
        ("The raid was on Dec. 31, 2019 and he was charged the next day.", "2020-03-01",
         "the next day", "2020-01-01"),
        ("They met Feb. 22, 2000 and parted the previous day.", "2000-03-01",
         "the previous day", "2000-02-21"),
        ("It opened on March 5, 1999. That same day, prices fell.", "1999-04-01",
         "That same day", "1999-03-05"),
        ("Results for the second quarter of 1988 were weak; that quarter ended badly.", "1989-10-27",
         "that quarter", "1988-Q2"),
        ("Deaths rose to 777 on Friday, down from 799 the day before.", "2020-04-11", "the day before",
         "2020-04-09"),
        ("The storm hit on Oct. 3, 1999. The day after, the river flooded.", "1999-11-01", "The day after",
         "1999-10-04"),
    ],
)
def test_anaphoric_periods_follow_the_period_named_before(text, dct, span, value) -> None:
    assert found(text, dct)[span][1] == value


def test_the_day_before_a_happening_is_not_dated_by_the_day_named_last() -> None:
    # "the day before the vote" counts from the vote, whose day the expression does not give
    got = found("They met on Friday and spoke the day before the vote.", "2020-04-11")
    assert "the day before" not in got


def test_anaphoric_without_antecedent_counts_from_the_dct() -> None:
    assert found("A vote is set for the following day.", "2020-04-01")["the following day"][1] == "2020-04-02"
    assert found("Sales fell that year.", "2020-04-01")["that year"][1] == "2020"


def test_anaphoric_next_morning_is_a_time() -> None:
    got = found("He was arrested on Feb. 22, 2000 and freed the next morning.", "2000-02-24")
    assert got["the next morning"] == ("TIME", "2000-02-23TMO")


def test_bare_that_day_is_not_tagged() -> None:
    # TimeBank leaves a bare "that day" untagged; with a modifier ("earlier that day") it is tagged.
    assert "that day" not in found("Shares traded that day at lower prices.", "1989-10-30")


def test_a_bare_the_period_is_a_quarter_only_after_one_is_named() -> None:
    # a game's period, a stretch the sentence defines: no quarter of a company's year
    got = found("The Hawks went 1-for-12 from the field in the period.", "2024-04-21")
    assert "the period" not in got
    got = found("The team has $280 million in reservations for the period between Tuesday and Election Day.",
                "2024-09-03")
    assert "the period" not in got
    # after a quarter named, it is that quarter; "the latest period" is the last one closed
    got = found("Acme's third-quarter profit rose 5%. In the period, sales rose 3%.", "2024-11-04")
    assert got["the period"] == ("DATE", "2024-Q3")
    assert found("Sales rose in the latest period.", "1989-11-02")["the latest period"] == ("DATE", "1989-Q3")


def test_next_year_still_counts_from_the_dct() -> None:
    got = found("It was founded in 1990. Profits will rise over the next year.", "2020-04-01")
    assert got["the next year"][1] == "2021"


# ---------------------------------------------------------------- quarters, years, ranges


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("Third-quarter profit rose.", "1989-11-02", "1989-Q3"),  # a quarter just closed
        ("It expects a flat second quarter.", "1989-11-01", "1989-Q2"),
        ("Fourth-quarter profit fell, the company said.", "1998-01-26", "1997-Q4"),  # reported in January
        ("Sales will rise in the fourth quarter.", "1989-10-26", "1989-Q4"),
    ],
)
def test_quarter_without_year(text, dct, value) -> None:
    assert [t.value for t in tag(text, dct)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Owners of 2019-2022 models were told to see a dealer.", [("2019", "2019"), ("2022", "2022")]),
        ("Figures for 2010\u20132015 were revised.", [("2010", "2010"), ("2015", "2015")]),
        ("Sales in 2019-12 rose.", []),  # a year-month, not a year: no bare year is read out of it
        ("The 1998/99 season was cancelled.", []),
    ],
)
def test_year_ranges_tag_each_year(text, expected) -> None:
    # TimeML annotates each end of a range as its own DATE; the events layer decides what a range dates.
    assert [(t.text, t.value) for t in tag(text, "2023-02-07")] == expected


def test_separate_years_are_still_tagged() -> None:
    assert [t.value for t in tag("Between 2019 and 2022, sales doubled.", "2023-02-07")] == ["2019", "2022"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In nineteen ninety-one Keating was convicted.", "1991"),
        ("A bomb went off in nineteen seventy-nine.", "1979"),
        ("The bridge opened in nineteen oh five.", "1905"),
        ("It sank in nineteen twelve.", "1912"),
        ("January nineteen ninety-seven. Atlanta again.", "1997-01"),
        ("It was the winter of nineteen ninety-four.", "1994-WI"),
    ],
)
def test_spelled_out_years(text, value) -> None:
    assert [t.value for t in tag(text, "1998-02-27")] == [value]


def test_spelled_numbers_that_are_no_year() -> None:
    assert tag("Nineteen people were hurt.", "1998-02-27") == []
    assert [t.value for t in tag("Two thousand people marched.", "1998-02-27")] == []


# ---------------------------------------------------------------- holidays and parts of days


def test_a_time_word_in_capitals_ending_a_name_is_no_date() -> None:
    # "USA TODAY" is a newspaper; a line in capitals ("OPEN TODAY ONLY") still says today
    assert tag("Experts on jail suicide told USA TODAY that the rule was clear.", "2019-11-19") == []
    assert [t.value for t in tag("The shop is OPEN TODAY ONLY.", "2019-11-19")] == ["2019-11-19"]
    assert [t.value for t in tag("He told the BBC today that he quits.", "2019-11-19")] == ["2019-11-19"]


def test_multiword_holiday_is_no_title() -> None:
    got = found("Elian was found Thanksgiving Day clinging to an inner tube.", "2000-01-07")
    assert got["Thanksgiving Day"] == ("DATE", "1999-11-25")


def test_a_holiday_a_past_clause_happened_on_is_the_last_one() -> None:
    # told a week before this year's Easter, a blast "on Easter Sunday" is last year's; "for Easter" looks on
    dct = "2017-04-09"  # Palm Sunday
    assert found("A blast killed nine people on Easter Sunday.", dct)["Easter Sunday"][1] == "2016-03-27"
    assert found("Shops stocked up for Easter.", dct)["Easter"][1] == "2017-04-16"
    assert found("The choir will sing on Easter Sunday.", dct)["Easter Sunday"][1] == "2017-04-16"
    # on the holiday itself, a past clause's holiday is that day
    assert found("The bishop spoke during Palm Sunday prayers.", dct)["Palm Sunday"][1] == "2017-04-09"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Last year, on Easter Sunday, the old pier collapsed.", "Easter Sunday", "2016-03-27"),
        ("In 2012, on Christmas Day, the river froze.", "Christmas Day", "2012-12-25"),
        ("Last year, on March 5, the dam failed.", "March 5", "2016-03-05"),
        ("Last year in March the dam failed.", "March", "2016-03"),
    ],
)
def test_a_year_told_just_before_a_day_is_the_days_year(text: str, expression: str, value: str) -> None:
    assert found(text, "2017-04-09")[expression][1] == value


def test_a_year_told_just_after_a_holiday_is_the_holidays_year() -> None:
    got = found("Ticket sales fell 40% on the Christmas weekend back in 2011.", "2017-03-19")
    assert got["Christmas weekend"][1] == "2011-W51-WE"  # Christmas 2011 was a Sunday: the weekend it ends
    got = found("The pier reopened on Thanksgiving in 2014.", "2017-03-19")
    assert got["Thanksgiving"][1] == "2014-11-27"


def test_the_holiday_season_is_the_last_quarter_the_tense_points_to() -> None:
    dct = "2017-03-27"
    assert found("The new handset ships this holiday season.", dct)["this holiday season"][1] == "2017-Q4"
    assert found("Toy sales fell during the holiday season.", dct)["the holiday season"][1] == "2016-Q4"


def test_a_day_that_is_set_is_one_to_come() -> None:
    dct = "2017-03-21"  # a Tuesday
    assert found("The regatta's start on Friday is set for 9 a.m.", dct)["Friday"][1] == "2017-03-24"
    assert found("Two hearings are set for Thursday.", dct)["Thursday"][1] == "2017-03-23"
    # a record set in the past is no schedule
    assert found("Records were set on Friday.", dct)["Friday"][1] == "2017-03-17"


def test_what_hits_the_shops_on_a_day_hits_them_on_the_one_to_come() -> None:
    dct = "2017-03-21"  # a Tuesday
    got = found("The guide, which hits newsstands on Friday, lists 40 harbours.", dct)
    assert got["Friday"][1] == "2017-03-24"
    # "the album's hits" is a noun: no schedule
    assert found("The album's hits were played on Friday.", dct)["Friday"][1] == "2017-03-17"


def test_a_year_told_in_the_sentence_before_leaves_a_day_to_the_tense() -> None:
    got = found("The dam was built in 2012. On March 5 it failed.", "2017-04-09")
    assert got["March 5"][1] == "2017-03-05"


def test_a_capitalised_season_before_a_name_is_no_season() -> None:
    assert "The Winter" not in found("The Winter Games open on February 9.", "2017-10-24")
    assert found("Sales fell in Winter 2019.", "2020-04-01")["Winter 2019"][1] == "2019-WI"


def test_election_day_is_the_tuesday_after_the_first_monday_of_november() -> None:
    assert found("Voters go to the polls on Election Day.", "1998-10-26")["Election Day"][1] == "1998-11-03"
    assert found("Voters go to the polls on Election Day.", "2020-10-01")["Election Day"][1] == "2020-11-03"


def test_week_of_a_date() -> None:
    got = found("A hearing is set for the week of March 6.", "2000-02-24")
    assert got["the week of March 6"] == ("DATE", "2000-W10")


# ---------------------------------------------------------------- fractional durations


@pytest.mark.parametrize(
    ("n", "code", "value"),
    [
        (2.5, "Y", "P2Y6M"),
        (5.5, "H", "PT5H30M"),
        (1.5, "TM", "PT1M30S"),
        (0.5, "H", "PT30M"),
        (1.5, "D", "P1DT12H"),
        (3, "Y", "P3Y"),
        (1.5, "W", "P1.5W"),  # 3.5 days: no whole smaller unit, kept as written
    ],
)
def test_fractional_durations(n, code, value) -> None:
    assert duration_value(n, code) == value


# ---------------------------------------------------------------- "from" a weekday follows the clause's tense


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # DCT 2023-03-06 is a Monday.
        ("The hearing will be moved from Tuesday to Friday.",
         {"Tuesday": "2023-03-07", "Friday": "2023-03-10"}),
        ("The hearing was moved from Tuesday to Friday.",
         {"Tuesday": "2023-02-28", "Friday": "2023-03-03"}),
        ("Rain fell from Tuesday until the weekend.", {"Tuesday": "2023-02-28"}),
    ],
)
def test_from_a_weekday_follows_the_clause_tense_else_the_past(text: str, values: dict[str, str]) -> None:
    got = found(text, "2023-03-06")
    assert {k: got[k][1] for k in values} == values


def test_by_a_month_is_a_deadline_to_come_unless_the_clause_tells_the_past() -> None:
    # DCT 2023-03-06: "by December" in a past clause is the last December, what had happened by then
    assert found("By December, the ferry had sunk.", "2023-03-06")["December"] == ("DATE", "2022-12")
    assert found("The harbour board finished the survey by December.", "2023-03-06")["December"] == (
        "DATE", "2022-12")
    assert found("The survey will be finished by December.", "2023-03-06")["December"] == ("DATE", "2023-12")
    assert found("The board must decide by May.", "2023-03-06")["May"] == ("DATE", "2023-05")


def test_as_of_a_day_is_a_day_past_unless_the_clause_says_future() -> None:
    # DCT 2023-03-06: a count "as of" a day was taken then, though next May 20 is nearer than the last
    got = found("The fund still holds 4.1% of the port, as of May 20.", "2023-03-06")
    assert got["May 20"] == ("DATE", "2022-05-20")
    later = found("As of May 20, the fund will hold 4.1% of the port.", "2023-03-06")
    assert later["May 20"] == ("DATE", "2023-05-20")


@pytest.mark.parametrize(
    "text",
    [
        "Soon-Shiong still holds 4.1% of the port, as of May 20.",  # a name's "Soon" says no future
        "The next-generation fund still holds 4.1% of the port, as of May 20.",  # nor a compound's "next"
    ],
)
def test_a_word_joined_by_a_hyphen_is_no_tense_cue(text: str) -> None:
    assert found(text, "2023-03-06")["May 20"] == ("DATE", "2022-05-20")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In December, the firm bid $16.50 a share for the paper.", "2022-12"),  # a past that is a base form
        ("The firm plans to bid for the paper in December.", "2023-12"),  # ... after "to" is the base form
        ("Forecasters expect the storm to hit in December.", "2023-12"),
        ("The storm hit in December.", "2022-12"),
    ],
)
def test_an_irregular_past_is_no_past_cue_after_to_or_a_modal(text: str, value: str) -> None:
    # DCT 2023-11-06: the next December is the nearer; told in the past it is the last one
    assert found(text, "2023-11-06")["December"] == ("DATE", value)


def test_a_month_after_a_happening_nobody_schedules_is_the_last_one() -> None:
    # DCT 2023-11-06: "to be done" says future, but the tornadoes in April have happened
    got = found("There is rebuilding to be done after the tornadoes in April.", "2023-11-06")
    assert got["April"] == ("DATE", "2023-04")
    assert found("The board will meet in April.", "2023-11-06")["April"] == ("DATE", "2024-04")


def test_ahead_of_a_weekday_is_the_next_unless_the_clause_says_past() -> None:
    # DCT 2023-03-06 is a Monday; "co-hosted by", after the date, is its noun's participle and no past cue
    got = found("The stakes are high ahead of Tuesday's debate, co-hosted by the paper.", "2023-03-06")
    assert got["Tuesday"] == ("DATE", "2023-03-07")
    assert found("Ahead of Tuesday's vote, lawmakers met the mayor.", "2023-03-09")["Tuesday"] == (
        "DATE", "2023-03-07")
    # before the date, such a participle tells its past: "touted by the mayor in October"
    assert found("To reach the sales touted by the mayor in October, it would cut fares.", "2023-03-06")[
        "October"] == ("DATE", "2022-10")


def test_a_weekday_in_apposition_to_a_date_restates_it() -> None:
    # DCT 2023-03-13, a Monday: "Wednesday" alone would be March 8, but it restates March 1
    got = found("The board met on March 1, a Wednesday and the day the port closed.", "2023-03-13")
    assert got["Wednesday"] == ("DATE", "2023-03-01")
    # a weekday the date does not fall on restates nothing
    assert found("The board met on March 1, a Friday.", "2023-03-13")["Friday"] == ("DATE", "2023-03-10")


def test_last_and_the_month_before_the_dct_is_a_year_earlier() -> None:
    # written in November, the October just gone is "last month": "last October" is the one before it
    assert found("She changed her mind last October.", "2023-11-08")["last October"] == ("DATE", "2022-10")
    assert found("It sold last March.", "2023-11-08")["last March"] == ("DATE", "2023-03")


def test_her_before_a_past_verb_is_its_clauses_object_not_a_determiner() -> None:
    # (no other past cue among the twelve words before July; "would" follows)
    text = ("The chief, free of all duties and of all the blame without asking her, pledged to the board "
            "in July that it would act.")
    assert found(text, "2023-11-07")["July"] == ("DATE", "2023-07")


def test_a_participle_before_a_noun_is_no_future_cue() -> None:
    # "planned" describes the cuts; the clause is past, so March is the last one.
    got = found("The water board carried out two rounds of planned cuts in March.", "2019-11-20")
    assert got["March"] == ("DATE", "2019-03")
    assert found("The vote is planned for Tuesday.", "2019-11-20")["Tuesday"] == ("DATE", "2019-11-26")
    # "upcoming" is an adjective of what is to come
    got = found("Ministers seek a deal ahead of the upcoming summit in Lisbon in June.", "2022-04-21")
    assert got["June"] == ("DATE", "2022-06")


def test_a_plan_of_the_past_keeps_its_passive_in_the_past() -> None:
    # "to be completed" is a plan to come, unless the plan was one of the past ("once expected")
    text = ("The ferry deal, once expected to be completed within weeks of an October meeting of the two "
            "mayors, could slip into next year.")
    assert found(text, "2019-11-20")["October"] == ("DATE", "2019-10")
    assert found("The ferry deal is expected to be signed in October.", "2019-11-20")["October"] == (
        "DATE", "2020-10")


def test_a_promise_or_pledge_to_act_names_a_day_to_come() -> None:
    got = found("The council has promised to put the ferry plan to a vote in September.", "2019-07-30")
    assert got["September"] == ("DATE", "2019-09")
    got = found("The mayor vowed to reopen the bridge in May.", "2019-07-30")
    assert got["May"] == ("DATE", "2020-05")
    # a promise of the past, or "pledged to" a listener, tells no day to come
    got = found("The mayor had promised to reopen the bridge in May.", "2019-07-30")
    assert got["May"] == ("DATE", "2019-05")
    got = found("The mayor pledged to the council in May that the bridge would reopen.", "2019-07-30")
    assert got["May"] == ("DATE", "2019-05")


def test_slated_and_poised_tell_a_plan_to_come() -> None:
    assert found("The ferry service is slated to resume in January.", "2019-09-03")["January"] == (
        "DATE", "2020-01")
    assert found("The ferry service is poised to resume in January.", "2019-09-03")["January"] == (
        "DATE", "2020-01")


def test_a_relative_clauses_past_verb_after_that_tells_the_past() -> None:
    text = "The crews appear to be the same ones that sailed on Sunday, closing the harbour for a day."
    assert found(text, "2017-03-21")["Sunday"] == ("DATE", "2017-03-19")
    # "that" as a determiner before an adjective still tells nothing
    assert found("That expected vote on Sunday will decide it.", "2017-03-21")["Sunday"] == (
        "DATE", "2017-03-26")


def test_a_present_passive_tells_no_past() -> None:
    text = "The skipper faces a fine when he is sentenced in June."
    assert found(text, "2009-03-12")["June"] == ("DATE", "2009-06")
    assert found("The skipper was sentenced in June.", "2009-03-12")["June"] == ("DATE", "2008-06")


def test_an_expected_vote_is_one_to_come() -> None:
    text = "The mayor has stepped up her campaign ahead of an expected council vote Friday on the ferry plan."
    assert found(text, "2009-06-25")["Friday"] == ("DATE", "2009-06-26")


def test_next_to_a_place_tells_no_day_to_come() -> None:
    got = found("Standing next to the old lighthouse on Monday, the mayor said it would stay.", "2019-07-31")
    assert got["Monday"] == ("DATE", "2019-07-29")
    assert found("The mayor will speak next to the lighthouse on Monday.", "2019-07-31")["Monday"] == (
        "DATE", "2019-08-05")


def test_proposed_tells_what_was_proposed_not_a_plan_to_come() -> None:
    got = found("It is far above the 9% rise that the carmaker first proposed in August.", "2023-10-29")
    assert got["August"] == ("DATE", "2023-08")


def test_a_house_number_before_a_street_is_no_year() -> None:
    assert "1987" not in found("Ms. Okafor, 41, of 1987 Larkspur Lane, was released.", "2019-11-20")
    assert found("In 2019 Main Street flooded twice.", "2019-11-20")["2019"] == ("DATE", "2019")


def test_a_count_after_a_quantifier_is_no_year() -> None:
    got = found("The court unsealed about 2000 pages and more than 1500 files in 2019.", "2024-01-07")
    assert set(got) == {"2019"}
    assert found("Around 2000, the mill closed.", "2024-01-07")["Around 2000"] == ("DATE", "2000")
    assert found("Sales rose 5% over 2019 levels.", "2021-02-07")["2019"] == ("DATE", "2019")


def test_four_digits_before_a_unit_of_measure_are_no_year() -> None:
    got = found("The pipeline, 1450 miles long, carried 2000 barrels in 2018.", "2024-01-07")
    assert set(got) == {"2018"}
    assert "1999" not in found("Each fund held 1999 shares of the lender.", "2024-01-07")


@pytest.mark.parametrize(
    "verb", ["kicks off", "resumes", "continues", "begins", "stops", "plays", "wraps up", "reports results",
             "hits shelves", "hits stores", "launches", "arrives"]
)
def test_a_schedule_told_in_the_present_looks_forward(verb: str) -> None:
    # DCT 2019-11-20: the harbour festival's June 9th is next June, not last June (the nearer one).
    got = found(f"The harbour festival {verb} June 9th in Port Elms.", "2019-11-20")
    assert got["June 9th"] == ("DATE", "2020-06-09")
    assert found("The harbour festival opened June 9th in Port Elms.", "2019-11-20")["June 9th"] == (
        "DATE", "2019-06-09")


@pytest.mark.parametrize(
    ("text", "key", "to_come", "past"),
    [
        # DCT 2019-11-20 (a Wednesday). No cue among the twelve words before "Sept. 12" nor after it; the
        # clause's "will" is further back, so the day is next September's, not last September's
        ("Later, the choir will sail on to the old Harbour Hall at Port Elms, Maine, for a farewell "
         "concert on Sept. 12, with the Kell Point Pavilion closing the season.",
         "Sept. 12", "2020-09-12", "2019-09-12"),
        # "On Friday, ..." opens the main clause, whose verb comes after a subject of ten words and more
        ("On Friday, ferry crews from the northern harbour at Port Elms, a few miles from the border, will "
         "sail to Kell Point.", "Friday", "2019-11-22", "2019-11-15"),
    ],
)
def test_the_clause_verb_far_from_a_date_still_tells_its_tense(
    text: str, key: str, to_come: str, past: str,
) -> None:
    assert found(text, "2019-11-20")[key] == ("DATE", to_come)
    assert found(text.replace("will sail", "sailed"), "2019-11-20")[key] == ("DATE", past)


def test_starting_a_weekday_is_the_next_unless_the_clause_says_past() -> None:
    # DCT 2019-11-19 is a Tuesday: a change "starting Wednesday" is tomorrow's; one that "closed" has begun
    got = found("The city is making more room for pickup on Elm Street starting Wednesday.", "2019-11-19")
    assert got["Wednesday"] == ("DATE", "2019-11-20")
    assert found("New fares hold effective Monday.", "2019-11-19")["Monday"] == ("DATE", "2019-11-25")
    assert found("Schools closed starting Monday.", "2019-11-19")["Monday"] == ("DATE", "2019-11-18")


def test_a_schedule_verb_after_an_article_is_a_noun() -> None:
    # DCT 2019-11-19: "the hosts" are people, no schedule: the clause's "attacked" tells the past
    got = found("He attacked the hosts on Monday and threatened to tell the real story.", "2019-11-19")
    assert got["Monday"] == ("DATE", "2019-11-18")
    assert found("The club hosts the final on Sunday.", "2019-11-19")["Sunday"] == ("DATE", "2019-11-24")


def test_a_schedule_verb_before_a_plural_verb_or_after_a_possessive_is_a_noun() -> None:
    # "hopes are": the team's hopes, no one's hope of what is to come; DCT a Tuesday
    got = found("Their coach says his team's playoff hopes are slim after Monday night's loss.", "2019-11-19")
    assert got["Monday night"] == ("TIME", "2019-11-18TNI")
    assert found("Berg's hopes faded after Friday's defeat.", "2019-11-19")["Friday"] == (
        "DATE", "2019-11-15")
    assert found("Her team hosts the final on Sunday.", "2019-11-19")["Sunday"] == ("DATE", "2019-11-24")


def test_a_capitalised_name_is_no_tense_cue_but_in_a_headline() -> None:
    # DCT 2019-11-19, a Tuesday: "Hopes" is a surname, no hope of what is to come; "backed" tells the past
    got = found("On Monday, harbour master Tom Hopes backed the plan.", "2019-11-19")
    assert got["Monday"] == ("DATE", "2019-11-18")
    # title case: the capitalised cue still tells the day to come
    assert found("Ferry Set To Sail Again On Friday", "2019-11-19")["Friday"] == ("DATE", "2019-11-22")


def test_many_names_in_a_sentence_make_no_headline() -> None:
    # DCT 2019-11-19, a Tuesday: lower-case words of four letters or more ("speaking", "annual") show a
    # sentence, whose capitalised "Port" and "Fed" are names, not cues ("fed" the past of "feed")
    text = "On Friday, Fed Governor Ann Berg is speaking at the Port Authority of Kell Harbour annual dinner."
    assert found(text, "2019-11-19")["Friday"] == ("DATE", "2019-11-22")
    # a headline's title case may leave its small words in lower case
    assert found("Ferry Set To Sail with Gales Expected On Friday", "2019-11-19")["Friday"] == (
        "DATE", "2019-11-22")


def test_the_present_progressive_of_an_arrangement_names_a_day_to_come() -> None:
    # DCT 2019-11-19, a Tuesday
    assert found("The minister is visiting Kell Harbour on Thursday.", "2019-11-19")["Thursday"] == (
        "DATE", "2019-11-21")
    assert found("The trustees are meeting the mayor on Friday.", "2019-11-19")["Friday"] == (
        "DATE", "2019-11-22")
    # an activity under way, or a report, is no arrangement
    assert found("Police are investigating the fire on Sunday.", "2019-11-19")["Sunday"] == (
        "DATE", "2019-11-17")
    assert found("The studio is reporting a record Saturday.", "2019-11-19")["Saturday"] == (
        "DATE", "2019-11-16")


def test_a_month_before_a_surname_is_a_given_name() -> None:
    assert "June" not in found("June Berg repainted the slipway on Monday.", "2021-06-09")
    assert "August" not in found("Rep. August Lind said on Monday the bill would pass.", "2021-06-09")
    # after a preposition or an article it is the month, whatever follows
    assert found("In June Norlake opened the quay.", "2021-06-09")["June"] == ("DATE", "2021-06")
    assert found("The June Norlake meeting was cancelled.", "2021-06-09")["June"] == ("DATE", "2021-06")


def test_a_weekday_opening_its_clause_before_is_is_the_next_one() -> None:
    # DCT 2010-08-13 is a Friday: "Saturday is the anniversary" is tomorrow, not last Saturday
    assert found("Saturday is the 75th anniversary of the act.", "2010-08-13")["Saturday"] == (
        "DATE", "2010-08-14")
    # a past cue before it still decides
    assert found("The vote was held, and Saturday is when it closed.", "2010-08-13")["Saturday"] == (
        "DATE", "2010-08-07")


def test_a_law_taking_effect_in_the_present_looks_forward_past_an_earlier_past_verb() -> None:
    # DCT 2024-05-07: the levy signed on Monday takes effect next June, not last June
    got = found("The ferry levy the governor signed on Monday takes effect in June.", "2024-05-07")
    assert got["June"] == ("DATE", "2024-06")
    assert found("The levy, which took effect in June, was repealed.", "2024-05-07")["June"] == (
        "DATE", "2023-06")


def test_a_company_reporting_earnings_in_the_present_looks_forward() -> None:
    # DCT 2019-11-19 is a Tuesday
    assert found("Harwick reports earnings Wednesday.", "2019-11-19")["Wednesday"] == ("DATE", "2019-11-20")
    assert found("Harwick Yards reported earnings Monday.", "2019-11-19")["Monday"] == ("DATE", "2019-11-18")


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The museum opens in the spring.", "2019-11-20", "2020-SP"),  # told ahead, this year's has ended
        ("It was hot in the summer.", "2019-03-20", "2018-SU"),  # told back, this year's has not begun
        ("Sales rose in the fall.", "2019-11-20", "2019-FA"),
    ],
)
def test_a_bare_season_follows_the_tense_of_its_clause(text: str, dct: str, value: str) -> None:
    assert [t.value for t in tag(text, dct)] == [value]


@pytest.mark.parametrize(
    "text", ["Two executives took the fall and settled.", "The fall in the jobless rate will help."]
)
def test_fall_and_spring_as_words_are_no_seasons(text: str) -> None:
    assert tag(text, "2019-11-20") == []


def test_a_progressive_passive_is_under_way_not_past() -> None:
    # "a study being sent ... in November" is under way: "is expected" tells the month to come
    text = "The council says a ferry study being sent to the mayor in November is expected to show losses."
    assert found(text, "2009-09-18")["November"] == ("DATE", "2009-11")
    # "was being sent" tells its past
    assert found("The ferry study was being sent to the council in November.", "2009-09-18")["November"] == (
        "DATE", "2008-11")
    # "is being treated": no cue, the clause's past participle ("having flown back on Sunday") tells
    assert found("The patient is being treated in Glasgow, having flown back on Sunday.", "2014-12-30")[
        "Sunday"] == ("DATE", "2014-12-28")


def test_before_a_date_in_a_past_clause_looks_back() -> None:
    # DCT 2025-11-10: a deadline to come is next July; what had happened before July 8 is this July's
    assert found("The levy must be paid before July 8.", "2025-11-10")["July 8"] == ("DATE", "2026-07-08")
    got = found("The council had been warned before July 8.", "2025-11-10")
    assert got["July 8"] == ("DATE", "2025-07-08")


def test_was_to_and_a_verb_plans_a_weekday_to_come_but_no_month_and_no_purpose() -> None:
    # DCT 2023-03-05 is a Sunday: a plan told from the narrative's day is the coming weekday
    assert found("On Monday, the minister was to visit the port.", "2023-03-05")["Monday"] == (
        "DATE", "2023-03-06")
    assert found("The search was to resume Tuesday morning, officials said.", "2023-03-05")[
        "Tuesday morning"] == ("TIME", "2023-03-07TMO")
    # what a trip was for, and a month of a past plan, keep the past
    assert found("The aim of the trip Thursday was to reassure traders.", "2023-03-05")["Thursday"] == (
        "DATE", "2023-03-02")
    assert found("In July the board was to discuss the plan.", "2023-11-06")["July"] == ("DATE", "2023-07")
    assert found("The driver was to blame for Monday's crash.", "2023-03-05")["Monday"] == (
        "DATE", "2023-02-27")


def test_a_compounds_participle_is_no_past_tense_of_the_clause() -> None:
    # "flood-damaged" is an adjective: "will visit" says the Tuesday is the coming one (DCT a Monday)
    assert found("The minister will visit flood-damaged towns on Tuesday.", "2008-01-14")["Tuesday"][1] == (
        "2008-01-15")
    # after a prefix the word is still the clause's verb
    assert found("The mayor was re-elected on Tuesday.", "2008-01-14")["Tuesday"][1] == "2008-01-08"
