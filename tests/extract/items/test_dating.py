"""Dating items: the sentence's one date and the paragraph's scene date reach items left undated."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import extract_items

PUB = dt.date(2021, 9, 16)  # a Thursday


def test_sentence_date_is_the_one_date_of_the_sentence():
    from monitor.extract.items.dating import sentence_date
    from monitor.extract.items.document import Doc, SentenceInfo
    from monitor.extract.lexicon import load_lexicon
    from monitor.extract.sentences import Sentence
    from monitor.extract.timex import tag

    text = "The club won, 98-91 at home, on Tuesday night."
    usable = [(t, "2021-09-14") for t in tag(text, PUB) if t.type in ("DATE", "TIME")]
    doc = Doc(text=text, published=PUB, lex=load_lexicon(), quotes=[], timexes=[t for t, _ in usable])
    info = SentenceInfo(Sentence(0, len(text), text), [], [], lambda: [(0, len(text))], usable, [], [])
    assert sentence_date(info, doc) == "2021-09-14"
    info.timexes.append((usable[0][0], "2021-09-13"))  # two different dates: none is "the" date
    assert sentence_date(info, doc) is None


def test_scene_date_carries_to_the_next_sentence_of_the_paragraph_only():
    para = "The ferry Aurora ran aground near Kell Point on Monday. It carried 212 passengers.\n\n"
    other = "Inspectors said the hull was sound."
    items = extract_items(para + other, PUB)
    carried = [i for i in items if "212" in i.evidence]
    assert carried and carried[0].date == "2021-09-13"
    assert all(i.date != "2021-09-13" for i in items if "hull" in i.evidence)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # DCT 2023-03-06 is a Monday: what is moved happens on the date it is moved to.
        ("The council said the budget vote will be postponed from Tuesday to Friday.", "2023-03-10"),
        ("The opening of the bridge was delayed until June 12.", "2023-06-12"),
        ("The final vote has been pushed back to Sunday, March 19.", "2023-03-19"),
    ],
)
def test_a_rescheduled_happening_takes_its_new_date(text: str, date: str) -> None:
    items = [i for i in extract_items(text, dt.date(2023, 3, 6)) if i.kind != "figure"]
    assert [i.date for i in items] == [date]


def test_a_rescheduled_happening_is_of_its_own_kind_not_the_postponings() -> None:
    # another outlet tells "an all-company meeting on Friday": the row is the meeting moved, not a policy
    text = "Staff were told that a planned all-hands meeting will be postponed from Tuesday to Friday."
    items = [(i.kind, i.date) for i in extract_items(text, dt.date(2023, 3, 6)) if i.kind != "figure"]
    assert items == [("meeting", "2023-03-10")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The Corvan Estate will go on sale in summer 2022.", "2022"),  # a season dates by its year
        ("Quorvex will launch the Corvan Estate in the first half of 2022.", "2022-H1"),
    ],
)
def test_seasons_and_halves_date_their_happening(text: str, date: str) -> None:
    assert [i.date for i in extract_items(text, PUB) if i.kind != "figure"] == [date]


def test_a_weekend_dates_by_its_week_and_a_clock_time_by_the_day_it_names() -> None:
    text = "Ada Brisk announced over the weekend that the ferry line will reopen."
    assert [i.date for i in extract_items(text, PUB) if i.kind == "statement"] == ["2021-W36"]
    landed = extract_items("The charter flight landed at the airport at 6am on Tuesday.", PUB)
    assert [(i.kind, i.date) for i in landed] == [("arrival", "2021-09-14")]
    # a clock time alone names no day: the tagger's publication day is a guess a past scene often belies
    text = "It was around midnight when a tip led the Orvale police to the suspect's motel room."
    assert [i.date for i in extract_items(text, PUB)] == []


def test_a_dated_letter_opening_the_sentence_dates_the_statement() -> None:
    items = extract_items("In a Sept. 2 letter, Ada Brisk urged the council to reopen the ferry line.", PUB)
    assert [(i.kind, i.date) for i in items if i.kind == "statement"] == [("statement", "2021-09-02")]
    # the speaker need not be named when the statement's own record dates it
    items = extract_items("In a Sept. 2 letter, the nurses urged the council to reopen the clinic.", PUB)
    assert [(i.kind, i.date) for i in items if i.kind == "statement"] == [("statement", "2021-09-02")]
    # a dated record as the subject dates what it says as well
    items = extract_items("A Sept. 2 letter from the nurses urged the council to reopen the clinic.", PUB)
    assert [(i.kind, i.date) for i in items if i.kind == "statement"] == [("statement", "2021-09-02")]
    # a bare attribution stays no row
    items = extract_items("The clinic will reopen, the nurses said.", PUB)
    assert [i for i in items if i.kind == "statement"] == []
    # the record's date may stand after words of its own ("to the mayor"), far from the verb it dates
    text = "In a letter to the mayor in May, Ada Brisk, who heads the union, said renters faced rent rises."
    events = [(i.kind, i.date) for i in extract_items(text, PUB) if i.kind != "figure"]
    assert ("statement", "2021-05") in events and {date for _k, date in events} == {"2021-05"}


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # a progressive passive keeps its auxiliary's tense: "is being probed" holds now, "was being" did not
        ("Harbourline is being probed by the Port Regulator, two officials said.", True),
        ("Harbourline is reportedly being probed by the Port Regulator.", True),
        ("Harbourline was being probed by the Port Regulator, two officials said.", False),
    ],
)
def test_a_progressive_passive_takes_the_tense_of_its_auxiliary(text: str, dated: bool) -> None:
    items = [i for i in extract_items(text, PUB) if i.kind == "legal"]
    assert [i.date for i in items] == ([PUB.isoformat()] if dated else [])


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a date inside a phrase on the verb's topic dates that phrase's noun, not the happening
        ("Halvorsen Mills has dropped its lawsuit over a 2014 pricing complaint.", "legal", "2021-09-16"),
        ("Prosecutors charged two men over the 2019 warehouse fire on Monday.", "legal", "2021-09-13"),
        # as the verb's own object, after "in" or in a phrase of time ("at the end of"), it is the happening's
        ("Ruiz won the 2020 title.", "result", "2020"),
        ("Police arrested Tomas Elvey at the end of the Monday hearing.", "legal", "2021-09-13"),
    ],
)
def test_a_date_on_the_topic_of_a_happening_is_not_its_date(text: str, kind: str, date: str) -> None:
    dates = [i.date for i in extract_items(text, PUB) if i.kind == kind]
    assert dates == [date]


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a date opening another happening's noun phrase is that happening's, not the one before it
        ("The council meeting discussed the Sept. 3 attack on the harbour office.", "violence", "2021-09-03"),
        ("It is the first vigil following the Sept. 3 terrorist attack.", "violence", "2021-09-03"),
        # where the happening took place, it dates it ("arrested in the Sept. 3 raid")
        ("Police arrested 12 men in the Sept. 3 raid on the harbour.", "legal", "2021-09-03"),
    ],
)
def test_a_date_before_another_happenings_noun_is_that_happenings(text: str, kind: str, date: str) -> None:
    items = extract_items(text, PUB)
    assert [i.date for i in items if i.kind == kind] == [date]
    assert not [i for i in items if i.kind == "meeting" and i.date == date]


def test_a_dated_record_that_opens_the_sentence_dates_what_it_reports() -> None:
    text = "According to a study published on Monday, Harlow Foods cut 300 jobs at its two plants."
    events = [(i.kind, i.date) for i in extract_items(text, PUB) if i.kind != "figure"]
    assert events == [("business", "2021-09-13")]


def test_a_date_the_happening_came_before_does_not_date_it() -> None:
    text = "Lumen Holdings signed the deal in the run-up to the 2022 election."
    assert [i.date for i in extract_items(text, PUB) if i.kind == "business"] == []  # not in 2022


@pytest.mark.parametrize(
    ("text", "kind", "dated"),
    [
        # tense.yaml ongoing_verbs: a happening that "continues to" go on is the day's news ...
        ("As Storm Ivar continues to batter the coast of Brenholm, forecasters warn of rain.", "accident",
         True),
        ("Storm Ivar continued to batter the coast of Brenholm.", "accident", False),
        # ... a stance or a habit so told is not
        ("Harbour Corp continues to insist the ferries are safe.", "statement", False),
    ],
)
def test_a_happening_that_continues_goes_on_on_the_day_of_the_report(text: str, kind: str,
                                                                    dated: bool) -> None:
    items = [i for i in extract_items(text, PUB) if i.kind == kind]
    assert [i.date for i in items] == ([PUB.isoformat()] if dated else [])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # participles joined by "and" share their auxiliary, and so its tense: "has ... released" holds now
        ("Interpol has questioned and released the two trawler captains.", "release"),
        ("Tomas Elvey has been questioned and charged with arson.", "legal"),
    ],
)
def test_coordinated_participles_share_the_tense_of_their_auxiliary(text: str, kind: str) -> None:
    assert PUB.isoformat() in [i.date for i in extract_items(text, PUB) if i.kind == kind]


def test_a_quarter_said_to_end_on_a_day_is_that_days_calendar_quarter() -> None:
    # the tagger keeps TimeBank's fiscal label (2021-Q1); the timeline dates the calendar's quarter
    text = "Quorvex reported revenue of $4.2 billion for its fiscal first quarter ended Aug. 28."
    assert [i.date for i in extract_items(text, PUB) if i.kind == "figure"] == ["2021-Q3"]
    from monitor.extract.timex import tag

    assert [t.value for t in tag(text, PUB) if "quarter" in t.text] == ["2021-Q1"]


def test_a_baseline_after_a_new_value_dates_only_the_baseline() -> None:
    # "to 3.8 percent last month from 4.1 percent in July": July is the old value's, with or without a comma
    text = (
        "The jobless rate in Orvale fell to 3.8 percent last month from 4.1 percent in July. "
        "The rate for young workers rose 0.4 percent, to 6.4 percent."
    )
    items = extract_items(text, PUB)
    assert {i.date for i in items if i.kind != "figure"} == {"2021-08"}
    assert {(i.value, i.date) for i in items if i.kind == "figure"} == {
        (3.8, "2021-08"), (4.1, "2021-07"), (0.4, "2021-08"), (6.4, "2021-08")
    }


def test_a_day_restated_in_brackets_is_the_day() -> None:
    # Published on the 16th (in UTC, say), written on the 15th: the bracketed day is the writer's own.
    text = "The findings were published today (Sept. 15) in the journal Harbour Studies."
    assert [(i.kind, i.date) for i in extract_items(text, PUB)] == [("other", "2021-09-15")]
    agreeing = "The crew landed at the base Monday (Sept. 13)."
    assert [i.date for i in extract_items(agreeing, PUB)] == ["2021-09-13"]


def test_the_present_of_be_before_a_participle_is_a_state_not_news_of_the_day() -> None:
    # The charging was told with its day; "is charged with" restates the state it left.
    text = ("Two harbour guards were charged on Tuesday with falsifying logs. Ivo Marsh is charged with four "
            "counts; Lena Brook is charged with two.")
    assert [(i.kind, i.date) for i in extract_items(text, PUB) if i.kind != "figure"] == [
        ("legal", "2021-09-14")]
    # A progressive passive and a present perfect are still news of the day.
    assert [i.date for i in extract_items("Harbour Corp is being investigated by prosecutors.", PUB)] == [
        "2021-09-16"]
    assert [i.date for i in extract_items("Ivo Marsh has been charged with fraud.", PUB)] == [
        "2021-09-16"]


def test_a_span_later_counts_from_the_date_before_it() -> None:
    text = "In May the port ordered two cranes, but the supplier cancelled the order two months later."
    events = [(i.kind, i.date) for i in extract_items(text, PUB) if i.kind != "figure"]
    assert sorted(events) == [("other", "2021-05"), ("policy", "2021-07")]
    # from the scene of the paragraph when the sentence names no date of its own
    text = "The ferry sank on Friday, March 5. Three days later, the owners were charged with neglect."
    assert ("legal", "2021-03-08") in [(i.kind, i.date) for i in extract_items(text, PUB)]
    # a span with nothing dated before it dates nothing
    assert [i.date for i in extract_items("Two weeks later, the owners were charged.", PUB)] == []


def test_a_span_after_another_happening_dates_that_happening() -> None:
    # counted back from the day before it in the sentence; the crash keeps its own day
    text = "The ferry sank on Tuesday, two days after the port authority closed the northern channel."
    found = {i.date: i.summary for i in extract_items(text, PUB) if i.kind != "figure"}
    assert "sank" in found["2021-09-14"] and "closed the northern channel" in found["2021-09-12"]
    # "comes a day after": today's news follows the happening by a day
    text = "The strike comes a day after the rebels freed two hostages held since 2016."
    assert ("release", "2021-09-15") in [(i.kind, i.date) for i in extract_items(text, PUB)]
    # a length, not a time: "jailed for 11 years after pleading guilty" dates nothing 11 years back
    text = "Ivo Marsh was jailed for 11 years after pleading guilty to fraud at Leeds Crown Court on Monday."
    assert all(i.date in (None, "2021-09-13") for i in extract_items(text, PUB))
    # nor does "the first time in 31 years before reopening": how long since, not when
    text = ("The ferry line closed for the first time in 31 years before reopening at the harbour in "
            "December 2005.")
    assert all(i.date in (None, "2005-12") for i in extract_items(text, PUB))


def test_a_span_before_a_dated_happening_counts_on_from_that_happenings_date() -> None:
    # the happening after "after" names its year: the clause the span ends is that many years later
    text = "The harbour board was still owed the money three years after the 2012 settlement."
    assert [(i.kind, i.date) for i in extract_items(text, PUB) if i.date != "2012"] == [("other", "2015")]
    assert ("release", "2003") in [(i.kind, i.date) for i in extract_items(
        "The ferryman was freed two years after the 2001 attack.", PUB)]


def test_a_span_earlier_counts_back_from_the_storys_day_not_from_publication() -> None:
    pub = dt.date(2012, 4, 17)
    text = "Ada Rowe died on December 28, 2010. Fumes leaked from a flue fitted 12 days earlier by a plumber."
    assert ("accident", "2010-12-16") in [(i.kind, i.date) for i in extract_items(text, pub)]
    # with no day told before it, it dates nothing (the publication date is not the story's day)
    alone = "Fumes leaked from a flue pipe fitted 12 days earlier by a plumber."
    assert [i.date for i in extract_items(alone, pub)] == []


def test_a_span_earlier_counts_back_from_a_date_before_it_in_its_sentence() -> None:
    pub = dt.date(2023, 11, 8)
    text = ("The dockers struck on July 14, joining the pilots, who had stopped work more than "
            "two months earlier.")
    assert ("other", "2023-05") in [(i.kind, i.date) for i in extract_items(text, pub)]
    # "earlier than expected" compares; it counts no span back from the date
    sooner = "The storm reached the coast on Friday, a day earlier than forecasters expected."
    assert "2023-11-02" not in [i.date for i in extract_items(sooner, pub)]


def test_a_year_in_a_relative_aside_is_the_persons_not_the_months_after_it() -> None:
    pub = dt.date(2007, 12, 31)
    text = ("A former harbour master, who took charge of the port in 1988, Ada Rowe returned "
            "to the town in October after eight years abroad.")
    assert ("arrival", "2007-10") in [(i.kind, i.date) for i in extract_items(text, pub)]


def test_a_day_some_weeks_before_publication_is_the_presents_after_an_old_record() -> None:
    # a record "set in November 1988" does not carry a trade "on December 14" told on January 8 back to 1988
    pub = dt.date(2008, 1, 8)
    text = ("The goal broke a club record set from October 28 to November 30, 1988. The centre was acquired "
            "by the Otters on December 14 from the Herons.")
    dates = [i.date for i in extract_items(text, pub)]
    assert "2007-12-14" in dates and "1988-12-14" not in dates


def test_a_span_earlier_in_a_new_paragraph_counts_back_from_a_breaking_storys_scene() -> None:
    pub = dt.date(2008, 1, 5)
    text = ("The skipper left the harbour clinic on Saturday after a visit from her coach.\n\n"
            "She had been admitted and placed under watch a day earlier after the crash.")
    assert ("other", "2008-01-04") in [(i.kind, i.date) for i in extract_items(text, pub)]
    # a scene of long ago is no breaking story's: the span dates nothing
    old = text.replace("on Saturday", "on May 3, 2001")
    assert "2001-05-02" not in [i.date for i in extract_items(old, pub)]


def test_a_bare_season_names_no_time_of_the_story() -> None:
    pub = dt.date(2023, 11, 8)
    text = "Tuesday's cold felt as though winter had suddenly descended on the city."
    # "winter" dates nothing; the day's cold is that day's happening (named_days: a day's possessive noun)
    assert [i.date for i in extract_items(text, pub)] == ["2023-11-07"]
    assert [i.date for i in extract_items("It felt as though winter had suddenly descended.", pub)] == []
    # (told with a kind: a happening of none dated only by the year of publication is no row)
    assert "2023" in [i.date for i in extract_items("The ferry company sold the line this winter.", pub)]


def test_a_date_in_a_relative_clause_without_that_dates_its_own_verb() -> None:
    pub = dt.date(2019, 11, 6)
    text = "Harwick Democrats beat Gov. Ada Rowe in a state Trump won by 30 points in 2016."
    assert ("result", "2016") not in [(i.kind, i.date) for i in extract_items(text, pub)]
    assert ("other", "2016") in [(i.kind, i.date) for i in extract_items(text, pub)]


def test_a_bare_month_takes_the_earlier_year_its_sentence_wrote_out() -> None:
    text = "The ferry line opened in September 1986, after the old pier was demolished in May."
    dates = sorted(i.date or "" for i in extract_items(text, dt.date(2014, 12, 29)) if i.kind != "figure")
    assert dates == ["1986-05", "1986-09"]


def test_a_day_right_after_a_count_of_years_back_is_of_that_year() -> None:
    pub = dt.date(2017, 10, 20)
    text = "Twelve years ago, on the night of October 19th, the old pier collapsed."
    assert "2005-10-19" in [i.date for i in extract_items(text, pub)]
    # across a verb, the day is the present's
    text = "The captain left the port more than 20 years ago and was detained in September at the border."
    assert "2017-09" in [i.date for i in extract_items(text, pub)]


def test_a_day_without_its_year_weeks_after_the_storys_last_full_date_is_of_that_year() -> None:
    pub = dt.date(2012, 4, 17)
    story = (
        "The court heard that the fitter botched the job on December 16, 2010.\n\n"
        "She returned to the house on December 27 and planned to meet a friend.\n\n"
        "On December 29, her boyfriend travelled from London."
    )
    dates = [i.date for i in extract_items(story, pub) if i.kind != "figure"]
    assert dates[-2:] == ["2010-12-27", "2010-12-29"]
    # a month's day far from it in between brings the story back to its present
    back = (
        "He abused boys between Nov. 28, 2005, and Oct. 12, 2006.\n\nThe judge set his trial for Feb. 25.\n\n"
        "A federal grand jury indicted him on Dec. 10."
    )
    assert "2011-12-10" in [i.date for i in extract_items(back, pub)]
    # a day to come, of the report's present, is no day of the old story told before it
    now = dt.date(2013, 6, 30)
    old = ("Fairs mark the siege that ended on June 26, 1790.\n\n"
           "More than 9,000 visitors are expected over the fortnight ending July 7.")
    assert [i.date for i in extract_items(old, now) if i.kind == "figure"] == ["2013-07-07"]
    # a day told with its year in words brings the story back to its present too
    pub = dt.date(2017, 6, 10)
    story = ("On June 9, 2016, the ferry first sailed to the island.\n\n"
             "On June 2 of this year, the same ferry sailed there again.\n\n"
             "The captain said June 2 that the ferry will sail ten more times.")
    assert [i.date for i in extract_items(story, pub) if i.kind == "statement"] == ["2017-06-02"]
    # a day within three weeks before publication is the report's present, whatever year came before it
    pub = dt.date(2008, 1, 8)
    record = ("The streak broke the club's record set from November 29 to December 8, 1988.\n\n"
              "It dates back to a loss to the Harbour Otters on December 28.")
    assert "2007-12-28" in [i.date for i in extract_items(record, pub)]


def test_a_month_without_its_year_a_month_after_the_storys_last_full_date_is_of_that_year() -> None:
    pub = dt.date(2014, 12, 29)
    story = ("In a memo dated March 18 1986, her secretary listed the harbour board's doubts.\n\n"
             "However in early April she agreed to the new pier.")
    assert [i.date for i in extract_items(story, pub) if i.kind != "figure"][-1] == "1986-04"
    # a month with its year is too often background: the bare month keeps the publication's year
    background = ("The pier first opened in March 2009.\n\nIn April the harbour board agreed to widen it.")
    assert [i.date for i in extract_items(background, pub) if i.kind != "figure"][-1] == "2014-04"
    # a month ending weeks before publication is the report's present, whatever year came before it
    pub = dt.date(2008, 1, 18)
    trial = ("The ferryman was jailed yesterday for a crash that killed a pilot on Dec. 15, 2003.\n\n"
             "At the court's sentencing hearing in December, the pilot's family said they had forgiven him.")
    assert "2007-12" in [i.date for i in extract_items(trial, pub)]


def test_a_month_anchored_in_words_or_after_a_year_of_plans_keeps_the_publication_year() -> None:
    pub = dt.date(2014, 12, 29)
    text = "The pier, opened in 1986, was demolished in January this year."
    assert [i.date for i in extract_items(text, pub) if i.kind != "figure"][-1] == "2014-01"
    plans = "The port aims to double its traffic by 2030, its board decided in May."
    assert "2014-05" in [i.date for i in extract_items(plans, pub)]


def test_a_year_naming_a_level_is_a_baseline_and_dates_nothing() -> None:
    text = "The state cut emissions 42.6 per cent on 2005 levels, the minister said on Monday."
    items = extract_items(text, PUB)
    assert {(i.kind, i.date) for i in items} == {("statement", "2021-09-13"), ("figure", "2021-09-13")}


@pytest.mark.parametrize(
    "text", ["Tova said she met him the summer she turned 17.", "The ferry sank the year his father retired."]
)
def test_a_period_that_a_clause_defines_dates_nothing(text: str) -> None:
    assert extract_items(text, PUB) == []


def test_a_period_after_a_preposition_dates_the_clause_its_pronoun_opens() -> None:
    text = "Over the weekend it emerged that the mayor had been given a boat."
    assert [i.date for i in extract_items(text, PUB)] == ["2021-W36"]  # the weekend before Thursday


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Police arrested Tomas Elvey, 41, on Monday.", "legal"),
        ("Gunmen shot Tomas Elvey, 41, on Monday.", "violence"),
        ("Tomas Elvey, 41, of Brenholm, was arrested on Monday.", "legal"),
    ],
)
def test_a_persons_age_between_commas_cuts_no_clause(text: str, kind: str) -> None:
    assert [(i.kind, i.date) for i in extract_items(text, PUB)] == [(kind, "2021-09-13")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("In just 63 days, the final votes will be cast.", "2021-11-18"),
        ("The ferry line will reopen in two weeks, the mayor said.", "2021-W39"),
    ],
)
def test_in_a_span_of_days_or_weeks_to_come_dates_from_the_report(text: str, date: str) -> None:
    assert date in [i.date for i in extract_items(text, PUB)]


@pytest.mark.parametrize(
    "text", ["The ferry line reopened in two weeks.", "Crews will work in five days a week from Monday."]
)
def test_a_span_taken_or_a_rate_dates_nothing_to_come(text: str) -> None:
    assert all(i.date in (None, "2021-09-20") for i in extract_items(text, PUB))  # "from Monday" only


@pytest.mark.parametrize(
    "text",
    [
        "During the council debate on Monday, Ada Brisk criticized Tomas Elvey.",
        "At Monday's council hearing, Ada Brisk accused Tomas Elvey of lying.",
        "In the closing minutes of Monday's council session, Ada Brisk criticized Tomas Elvey.",
    ],
)
def test_a_dated_occasion_opening_the_sentence_dates_what_happened_at_it(text: str) -> None:
    said = [(i.kind, i.date, i.actors) for i in extract_items(text, PUB) if i.kind == "statement"]
    assert said == [("statement", "2021-09-13", ("Ada Brisk",))]


def test_a_days_happening_elsewhere_in_the_sentence_dates_only_itself() -> None:
    items = extract_items("Ada Brisk chose to comment on Monday's vote on Wednesday.", PUB)
    assert ("statement", "2021-09-15") in [(i.kind, i.date) for i in items]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Then, last week, Ada Brisk posted on Twitter accusing Tomas Elvey of lying.", "2021-W36"),
        ("However, on Monday, Ada Brisk accused Tomas Elvey of lying.", "2021-09-13"),
    ],
)
def test_a_date_after_an_opening_connective_is_still_fronted(text: str, date: str) -> None:
    items = [(i.kind, i.date, i.actors) for i in extract_items(text, PUB)]
    assert items == [("statement", date, ("Ada Brisk",))]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("However, shortly after news broke on Monday that the yards had agreed terms, Ada Brisk denied that "
         "she had signed.", "2021-09-13"),
        ("After Tomas Elvey left the company in August, Ada Brisk resigned.", "2021-08"),
    ],
)
def test_an_opening_after_phrase_dates_the_main_clause_that_follows_it(text: str, date: str) -> None:
    told = [(i.date, i.actors) for i in extract_items(text, PUB) if i.kind in ("statement", "personnel")]
    assert told == [(date, ("Ada Brisk",))]


@pytest.mark.parametrize(
    "text",
    [
        # the main clause tells the present or a perfect: the news, not the phrase's day
        "After a long meeting in August, Ada Brisk has resigned.",
        "After the vote on Monday, Ada Brisk will resign.",
        # the phrase ends before the date: the date is another clause's
        "After a year, the yard is calm now, Ada Brisk said.",
    ],
)
def test_an_opening_after_phrase_dates_no_present_perfect_or_future(text: str) -> None:
    dates = {i.date for i in extract_items(text, PUB) if i.kind in ("statement", "personnel")}
    assert not dates & {"2021-08", "2021-09-13"}


def test_what_a_denial_reports_is_no_row_even_told_as_done() -> None:
    items = extract_items("On Monday, the Harbour Board denied that it had sold the yard.", PUB)
    assert [(i.kind, i.date) for i in items] == [("statement", "2021-09-13")]
    sold = extract_items("On Monday, the Harbour Board said that it had sold the yard.", PUB)
    assert ("business", "2021-09-13") in [(i.kind, i.date) for i in sold]


def test_a_date_right_after_a_quote_dates_the_verb_before_the_quote() -> None:
    items = extract_items('Ada Brisk described the plan as "a gift to the yard" on Monday.', PUB)
    assert [(i.kind, i.date, i.actors) for i in items] == [("statement", "2021-09-13", ("Ada Brisk",))]
    # a date of what was alleged, clauses past the quote, is not the allegation's
    text = ('Prosecutors alleged that Elvey "abused dozens of workers" at his yards in Brenholm and Lerrin, '
            "and at other sites, in 2002.")
    alleged = extract_items(text, PUB)
    assert "2002" not in [i.date for i in alleged if i.kind == "statement"]


def test_a_few_days_after_a_day_dates_the_happening_by_the_month_that_holds_them() -> None:
    def dated(text: str) -> list[tuple[str, str | None]]:
        return [(i.kind, i.date) for i in extract_items(text, PUB) if i.kind == "personnel"]
    assert dated("The yard shut on Sept. 10, shortly after Ada Brisk resigned as chair.") == [
        ("personnel", "2021-09")]
    assert dated("The yard shut on Sept. 10, hours after Ada Brisk resigned as chair.") == [
        ("personnel", "2021-09-10")]
    assert dated("The yard shut on Sept. 10, minutes after Ada Brisk resigned as chair.") == [
        ("personnel", "2021-09-10")]
    # the days before Sept. 3 lie in two months and two weeks: no date is told
    assert dated("The yard shut on Sept. 3, days after Ada Brisk resigned as chair.") == []


def test_hours_after_a_happening_told_as_the_news_dates_it_by_the_news() -> None:
    text = ("Two crew held since 2016 were released on Tuesday.\n\n"
            "Their release came hours after the harbour police arrested three rebels in Lerrin.")
    arrested = [(i.kind, i.date) for i in extract_items(text, PUB) if "arrested" in i.evidence]
    assert ("legal", "2021-09-14") in arrested
    # no news told and no day before it: "shortly after the universe was born" is not of the story
    text = "In the paper's model, gas was present shortly after the universe was born."
    assert [i.date for i in extract_items(text, PUB)] == []


def test_a_date_set_off_at_a_clauses_end_dates_that_clause() -> None:
    text = ("The band plays Brenholm on Sept. 12, with the Lerrin Pavilion hosting the final date on the "
            "tour, Oct. 10.")
    dated = {(i.kind, i.date) for i in extract_items(text, PUB)}
    assert ("meeting", "2021-10-10") in dated


def test_a_span_after_a_dated_happening_that_reaches_the_reports_year_dates_nothing_new() -> None:
    # "12 years after the 2009 ceasefire" tells how long ago that was: the count in the present holds today
    text = "About 4,500 peacekeepers remain in the region, 12 years after the 2009 ceasefire was signed."
    assert [(i.kind, i.date) for i in extract_items(text, dt.date(2021, 6, 10)) if i.kind == "figure"] == [
        ("figure", "2021-06-10")]


def test_an_hour_of_the_day_named_last_opening_a_past_sentence_dates_it() -> None:
    # "By mid-afternoon that same day" is an hour of the narrative's Friday, not of the report's day, and
    # "the next day" counts on from that Friday
    text = ("At dawn on Friday, Sept. 10, a farmer saw smoke over the old mill. Firefighters came from two "
            "towns. By mid-afternoon that same day, crews found the cause in the boiler room. The owner was "
            "arrested the next day at the harbour.")
    items = extract_items(text, PUB)
    assert ("legal", "2021-09-11") in {(i.kind, i.date) for i in items}
    assert any(i.date == "2021-09-10" and "found" in i.summary for i in items)
    # a limit to come stays a limit
    assert not extract_items("By Friday, the council must approve the harbour plan.", PUB)


def test_an_infinitive_after_a_decision_is_told_in_the_decisions_tense():
    day = dt.date(2024, 5, 9)
    found = extract_items("Harlow Group has agreed to buy Petrel Foods.", day)
    assert [(i.kind, i.date) for i in found] == [("business", "2024-05-09")]
    # the plain past with no date tells no day, nor does the clause of a noun before it
    assert extract_items("Harlow Group agreed to buy Petrel Foods.", day) == []
    found = extract_items("Payments from Harlow cover most of the stake it has agreed to acquire.", day)
    assert all(i.kind != "business" for i in found)


def test_a_clause_told_shortly_after_a_dated_one_takes_its_day():
    day = dt.date(2024, 5, 9)
    text = ("The harbour master was attacked on the quay shortly after he closed the gates on the evening "
            "of Friday, May 3.")
    found = [(i.kind, i.date) for i in extract_items(text, day)]
    assert ("violence", "2024-05-03") in found
    # a span of days or more dates nothing so
    text = "The harbour master was attacked on the quay two weeks after he closed the gates on Friday, May 3."
    assert ("violence", "2024-05-03") not in [(i.kind, i.date) for i in extract_items(text, day)]


def test_a_measure_in_the_present_perfect_passive_is_the_publication_days_news():
    day = dt.date(2024, 5, 9)
    found = extract_items("Saturday's two ferry sailings to Kell Island have been cancelled.", day)
    assert [(i.kind, i.date) for i in found if i.kind != "figure"] == [("policy", "2024-05-09")]
    # in the active, a group's measures sum up what it has been doing
    assert extract_items("Ferry operators have cancelled sailings to Kell Island.", day) == []


@pytest.mark.parametrize("text", [
    "Ann Lee, a contender for the harbour seat in 2008, said she would oppose the pier.",
    "Ann Lee, a contender for the harbour seat in 2008, resigned from the board.",
])
def test_a_date_in_an_aside_after_the_subject_tells_of_the_subject(text: str) -> None:
    # her candidacy's year is no date of her saying or resigning
    assert "2008" not in [i.date for i in extract_items(text, dt.date(2005, 9, 22))]
    # a relative aside's own verb keeps its date
    own = "Ann Lee, who joined the harbour board in 2001, resigned on Monday."
    assert "2001" in [i.date for i in extract_items(own, dt.date(2005, 9, 22))]
