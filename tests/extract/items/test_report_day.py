"""Issue 18 rules: undated happenings a report dates by its publication day, and dates that do not date the
happening next to them. Sentences of our own; names made up where the rule is about unknown names."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract.items import extract_items

PUB = dt.date(2021, 3, 9)
TODAY = PUB.isoformat()


def _events(text: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(i.kind, i.date, i.actors) for i in extract_items(text, PUB) if i.kind != "figure"]


# --- a sentence-initial unknown word before a finite verb is the clause's (named) subject ---


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        ("Quorvex has acquired the startup.", "business", "Quorvex"),
        ("Quorvex has bought Delmar Freight.", "business", "Quorvex"),
        ("Trellane has appointed Ada Brisk as finance chief.", "personnel", "Trellane"),
    ],
)
def test_unknown_sentence_initial_subject_is_a_name(text: str, kind: str, actor: str) -> None:
    # (the subject acts first; a name it acts upon follows it: "Delmar Freight", "Ada Brisk")
    assert (kind, TODAY, actor) in [(k, d, who[0]) for k, d, who in _events(text) if who]


@pytest.mark.parametrize("text", ["Officials have bought the land.", "Analysts have praised the sale."])
def test_common_plural_noun_opening_a_sentence_is_no_name(text: str) -> None:
    assert all(not actors or actors[0][:1].islower() for _k, _d, actors in _events(text))


# --- an event noun that is the object of a present perfect is news of the day ---


def test_present_perfect_with_event_noun_object_is_dated_by_publication() -> None:
    got = _events("Ada Brisk has agreed a deal to join the board of Delmar Freight.")
    assert any(d == TODAY and "Ada Brisk" in a for _k, d, a in got)


def test_event_noun_after_other_words_is_not_dated_by_publication() -> None:
    assert _events("Ada Brisk has long wanted a deal with the union.") == []


# --- a plain-past result of a named side is the report's result of the day ---


@pytest.mark.parametrize(
    "text",
    [
        "Australia beat Colombia behind a late goal.",
        "The United States lost to Canada for the first time in the competition.",
        "Argentina comfortably got past Chile 3-0 in the group stage.",
    ],
)
def test_plain_past_result_is_dated_by_publication(text: str) -> None:
    assert any(k == "result" and d == TODAY and a for k, d, a in _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Australia had beaten Colombia in every earlier meeting.",  # past perfect: an earlier time
        "Australia will beat Colombia.",  # future
        "Peru drew, while Australia defeated Colombia.",  # subordinate clause: background
        "He beat Colombia.",  # no named side
    ],
)
def test_no_publication_date_for_other_results(text: str) -> None:
    assert not any(k == "result" and d == TODAY for k, d, _a in _events(text))


def test_dated_result_keeps_its_date() -> None:
    assert ("result", "2021-03-08", ("Australia",)) in _events("Australia beat Colombia on Monday.")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Harlow Foods reported third-quarter earnings that topped estimates.", TODAY),
        ("Harlow Foods reported third-quarter earnings on Monday.", "2021-03-08"),
        ("Harlow Foods reported its results for the fourth quarter on Monday.", "2021-03-08"),
    ],
)
def test_a_companys_results_are_news_of_the_day_they_are_reported(text: str, date: str) -> None:
    # the quarter or half-year is the period the results are of, not when they were told
    assert ("statement", date, ("Harlow Foods",)) in _events(text)


def test_the_last_day_of_a_results_period_dates_no_report() -> None:
    got = _events("Harlow Foods reported a loss in the quarter ended Sept. 29, sending its shares lower.")
    assert all(d != "2020-09-29" for k, d, _a in got if k == "statement")


def test_plain_past_result_takes_the_day_its_paragraph_set() -> None:
    # a round-up tells each day's results in its own paragraph: the day named first dates the rest
    text = (
        "Qualifying ended on Monday.\n\nOn Saturday, it was Peru's turn. Peru clinched 3-0 against Chile, "
        "while Ecuador did the same at Bolivia."
    )
    assert ("result", "2021-03-06", ("Peru",)) in _events(text)


# --- dates that belong to something else ---


def test_first_since_date_does_not_date_the_happening() -> None:
    got = _events("Norway needed the last match to beat Sweden 2-1 and clinch its first away win since 2011.")
    assert all(d != "2011" for _k, d, _a in got)


def test_superlative_since_date_does_not_date_the_happening() -> None:
    got = _events("The team posted its biggest win since 2014 against a weakened side.")
    assert all(d != "2014" for _k, d, _a in got)


def test_possessive_date_after_the_trigger_dates_its_own_noun() -> None:
    got = _events("The pair needed the doubles match to clinch the victory over last year's finalist.")
    assert all(d != "2020" for _k, d, _a in got)


def test_counted_participle_is_no_statement() -> None:
    got = _events("There were 1,200 cases reported worldwide between 2012 and 2016.")
    assert all(k != "statement" for k, _d, _a in got)
    assert _events("The ministry reported 40 new cases on Monday.")[0][:2] == ("statement", "2021-03-08")


# --- a breaking report goes on telling the day it named last ---

_SCENE = "A blaze broke out at the Harwick depot on Monday afternoon.\n\nFiremen said crews were at work."


@pytest.mark.parametrize(
    "follow_up",
    [
        "Tomas Elvey was arrested two streets away.",
        "Police arrested a 40-year-old man near the depot.",
        "Police did arrest a 40-year-old man near the depot.",  # the emphatic "did": the simple past
    ],
)
def test_later_paragraph_in_the_simple_past_takes_the_reports_last_day(follow_up: str) -> None:
    monday = (PUB - dt.timedelta(days=1)).isoformat()
    assert ("legal", monday) in [(k, d) for k, d, _a in _events(f"{_SCENE}\n\n{follow_up}")]


@pytest.mark.parametrize(
    "follow_up",
    [
        "After the blaze, Tomas Elvey was later arrested for an arson in 2016.",  # a year of its own
        "He had, according to the police, arrested Tomas Elvey before.",  # past perfect: background
        "Tomas Elvey will be arrested, the police said.",  # no simple past
        "Shares of Harwick Freight fell 4%.",  # the clause tells an amount: a figure's
        "Police did not arrest a 40-year-old man near the depot.",  # denied
    ],
)
def test_background_future_and_amounts_do_not_take_the_reports_last_day(follow_up: str) -> None:
    monday = (PUB - dt.timedelta(days=1)).isoformat()
    added = set(_events(f"{_SCENE}\n\n{follow_up}")) - set(_events(_SCENE))
    assert [e for e in added if e[1] == monday] == []


def test_a_nameless_casualty_in_the_scene_takes_the_reports_last_day() -> None:
    # Nobody named, no place known: a casualty told in the simple past is still the scene's.
    monday = (PUB - dt.timedelta(days=1)).isoformat()
    text = "Two men were killed in separate shootings on Monday.\n\nOne victim was shot near a fruit stall."
    assert ("violence", monday) in [(k, d) for k, d, _a in _events(text)]
    # the trigger may hold its auxiliary ("was killed"): a simple past passive all the same
    text = "The car hit a pillar on Monday.\n\nPolice said the teenage driver was killed."
    assert ("death", monday) in [(k, d) for k, d, _a in _events(text)]
    # other nameless clauses of the scene stay off the timeline ("The doctors contributed money")
    text = "Two men were killed in separate shootings on Monday.\n\nNeighbours raised money for the stall."
    assert [k for k, _d, _a in _events(text)] == ["death"]


def test_an_old_scene_does_not_date_a_later_report() -> None:
    old = "A blaze broke out at the Harwick depot on Jan. 4.\n\nTomas Elvey was arrested two streets away."
    assert [k for k, d, _a in _events(old) if k == "legal"] == []


def test_the_ledes_simple_past_before_any_day_is_named_is_the_reports_day() -> None:
    lede = "Police arrested a 40-year-old man at the Harwick depot.\n\nThe blaze broke out in a storeroom."
    assert ("legal", TODAY) in [(k, d) for k, d, _a in _events(lede)]


@pytest.mark.parametrize(
    "text",
    [
        # after the lede, an undated past happening may be background
        "Crews worked through the night.\n\nPolice arrested a 40-year-old man at the Harwick depot.",
        # the paragraph after the lede names the day: the lede's happening is that day's
        "Police arrested a 40-year-old man at the Harwick depot.\n\nThe blaze broke out on Sunday.",
        # one paragraph is no article with a lede
        "Police arrested a 40-year-old man at the Harwick depot.",
        # a sentence that names a date gives its happenings that date or none
        "Police arrested a man who had set fire to the Harwick depot in 2016.",
    ],
)
def test_only_the_ledes_undated_sentences_take_the_reports_day(text: str) -> None:
    assert [d for k, d, _a in _events(text) if k == "legal" and d == TODAY] == []


# --- a statement in the present perfect is the day's news in the report's opening paragraphs only ---

_OPENING = "".join(
    f"{p}\n\n"
    for p in [
        "The Harwick ferry line will close in May.",
        "Two routes stop first.",
        "A third follows.",
        "It runs at a loss.",
    ]
)


def _statements(text: str) -> list[str | None]:
    return [d for k, d, _a in _events(text) if k == "statement"]


def test_a_present_perfect_statement_opening_the_report_is_the_days_news() -> None:
    assert _statements("The Harbour Union has denied the claims.\n\nTwo routes stop first.") == [TODAY]


@pytest.mark.parametrize(
    "statement",
    ["The Harbour Union has denied the claims.", "Ada Brisk has also acknowledged one failure."],
)
def test_a_present_perfect_statement_after_the_opening_is_background(statement: str) -> None:
    assert _statements(_OPENING + statement) == []


@pytest.mark.parametrize(
    "statement",
    [
        "The Harbour Union has now confirmed the closure.",  # "now" makes it the day's
        "- Harbour Union leaders have denied the claims.",  # a list of briefs: each item is a lede
    ],
)
def test_a_present_perfect_statement_told_as_news_keeps_the_reports_day(statement: str) -> None:
    assert _statements(_OPENING + statement) == [TODAY]


# --- an announcement by a speaker named before its verb is the report's news ---


@pytest.mark.parametrize(
    "text",
    [
        "Minister Ada Brisk announced that the ferry line will reopen.",
        "Ada Brisk confirmed the recall in a statement.",
        # a reaction, a restated position and an attack in words are news of the report too
        "The Harbour Union condemned the closure of the ferry line.",
        "The Port Authority reiterated that the ferry line will stay closed.",
        "Ada Brisk took aim at the harbour board over the ferry fares.",
        "Tom Berg fired back, saying the fares had doubled under Brisk.",
        # a clause joined by "but" is a main clause, not a subordinate one
        "There was no word from the mayor, but the Harbour Union welcomed the move.",
        # the date of a clause of its own after the verb is that clause's happening's
        "Ada Brisk announced that the ferry line reopens after it was tested over the weekend.",
    ],
)
def test_announcement_without_a_date_is_dated_by_the_report(text: str) -> None:
    assert any(k == "statement" and d == TODAY for k, d, _a in _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ada Brisk said that the ferry line will reopen.",  # a bare attribution only sources a fact
        "The minister announced the plan during a visit.",  # no name before the verb: perhaps another day
        "Ferry line closure confirmed: two routes stop.",  # a headline's participle, no speaker
    ],
)
def test_other_undated_statements_stay_off_the_timeline(text: str) -> None:
    assert not any(k == "statement" for k, _d, _a in _events(text))


# --- a study published in a journal is the science report's news, dated by the report's day ---


@pytest.mark.parametrize(
    "text",
    [
        # inside "according to", as a participle, with no speaker: each would leave another statement out
        "The farmer fell ill from the mould, according to a case report published in the journal Lung Notes.",
        "The authors of the research published in the journal Soil Letters argued the rules had helped.",
        "The survey of the reef was published in a peer-reviewed journal.",
        "The geologists published their findings in the journal Planet Studies.",
    ],
)
def test_undated_publication_in_a_journal_is_dated_by_the_report(text: str) -> None:
    assert [d for _k, d, _a in _events(text)] == [TODAY]


def test_publication_in_a_journal_takes_the_reports_last_named_day() -> None:
    got = _events("Geologists on Monday unveiled a map of the crater. "
                  "The survey was published in the journal Planet Studies.")
    assert [d for _k, d, _a in got] == ["2021-03-08", "2021-03-08"]


@pytest.mark.parametrize(
    "text",
    [
        "The results will be published in the journal Soil Letters.",  # not yet: no happening
        "The results are to be published in the journal Soil Letters.",
        "The survey was never published in a journal.",
        "A 2015 survey published in the journal Soil Letters found the same.",  # its own date: the past
        '"It was published in the journal," the author said.',  # inside a quote
        "The survey was published in the town's newsletter.",  # not a journal: sources a fact
    ],
)
def test_other_publications_are_not_dated_by_the_report(text: str) -> None:
    assert TODAY not in [d for _k, d, _a in _events(text)]


# --- a date in an opening "after ..." clause is that clause's ---


def test_date_of_an_opening_participle_clause_dates_the_participle_not_the_main_clause() -> None:
    got = _events("After debuting the Corvan two months ago, Quorvex has pulled the covers off a van.")
    assert ("other", "2021-01") in [(k, d) for k, d, _a in got]
    assert ("business", TODAY) in [(k, d) for k, d, _a in got]


# --- a model year is no date ---


@pytest.mark.parametrize(
    "text",
    [
        "Quorvex has taken the wraps off the production model 2022 Corvan Estate.",
        "2022 Corvan Estate gets a new front grill.",
        "The Harbour Singers are nominated for the Folk Hall of Fame's Class of 2022.",
        "The court found the claim fell under the Harbour Freight Act of 2022.",
        "The order was granted under section 35 of the Harbour Policing Act 2022 and covers three roads.",
        # a model's code after the year, even after "the"
        "The 2022 QX5 was shown to dealers.",
        # a name's year after its capitalised word: a product's, a plan's
        "Schools that upgrade to Quill Office 2022 must retrain staff, the agency warned.",
        "The port authority unveiled Harbour Vision 2022 in a speech.",
    ],
)
def test_model_year_dates_nothing(text: str) -> None:
    assert all(d != "2022" for _k, d, _a in _events(text))


def test_a_named_occasions_year_after_a_preposition_dates_its_happening() -> None:
    assert ("result", "2022") in [(k, d) for k, d, _a in _events(
        "At Harbour Cup 2022, the Otters lost to the Hawks in the final.")]


def test_an_as_clause_with_a_participle_and_a_date_is_that_participles_happening() -> None:
    got = _events("As shown off at the Harwick Motor Show this week, the Corvan is longer than its rival.")
    assert ("other", "2021-W10") in [(k, d) for k, d, _a in got]


def test_a_statement_that_only_sources_a_fact_stays_undated() -> None:
    assert _events("The ferry line will stay closed, Ada Brisk stressed.") == []


def test_an_announcement_with_a_date_in_its_sentence_takes_that_date_only() -> None:
    got = _events("Yesterday (March 8), Ada Brisk announced that the ferry line will reopen.")
    assert [d for k, d, _a in got if k == "statement"] == ["2021-03-08"]


# --- a happening whose subject names no one is known by the person or organisation it was done to ---


def test_an_undated_arrest_of_a_named_person_is_its_own_row_of_the_reports_day() -> None:
    text = (
        "Deputies detained four people Monday after a raid on a warehouse.\n\n"
        "Deputies also arrested Mara Olvens, 41, of Dunmore, on two warrants, Sheriff Alan Pryce said.\n\n"
        "Officers arrested Tobin Reyle, 29, who lives near the warehouse, Pryce said."
    )
    got = _events(text)
    monday = "2021-03-08"
    assert ("legal", monday, ("Mara Olvens",)) in got
    assert ("legal", monday, ("Tobin Reyle",)) in got


def test_a_named_object_after_other_words_gives_no_participant() -> None:
    # the name is no object of the verb here, and with no one named the undated arrest stays off the timeline
    assert _events("Officers arrested a man near the Dunmore station of Tobin Reyle.") == []


# --- a game's quarters and halves are periods of play, not of the calendar ---


def test_a_quarter_of_a_game_dates_nothing() -> None:
    game = (
        "The Otters beat the Hawks 101-96 on Sunday. Lena Marsh had 11 rebounds and nine assists.\n\n"
        "Dario Pell left the game in the second quarter with a sprained ankle and scored 12 points in the "
        "second half. Marsh scored 13 points in the third quarter, and a layup closed the quarter."
    )
    quarters = ("2021-Q2", "2021-H2", "2020-Q2", "2020-H2", "2021-Q3", "2020-Q3")
    assert all(i.date not in quarters for i in extract_items(game, PUB))
    # the same words in a company's report are the year's quarter
    report = "Harlow Foods said its sales rose 6 percent in the second quarter."
    assert "2020-Q2" in {i.date for i in extract_items(report, PUB)}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the happening told before ", <speaker> reported on <day>" happened by the report's day
        ("Ferry captain Sam Price was stabbed to death, the harbour radio reported on Monday.", "2021-03-08"),
        ("Ferry captain Sam Price was stabbed to death, police said on Monday.", "2021-03-08"),
        # a day far from the report's is no breaking story's
        ("Ferry captain Sam Price was stabbed to death, police said on Jan. 4.", None),
    ],
)
def test_a_happening_before_a_dated_attribution_takes_the_report_day(text: str, date: str | None) -> None:
    assert [d for k, d, _a in _events(text) if k != "statement"] == ([date] if date else [])


def test_a_past_day_beside_the_present_perfect_dates_a_noun_not_the_verb() -> None:
    # English dates no present perfect by a past day: Monday is the blaze's, not the arrest's
    text = "Tomas Elvey has been arrested over the blaze at the Harwick depot on Monday."
    monday = (PUB - dt.timedelta(days=1)).isoformat()
    assert ("legal", TODAY) in [(k, d) for k, d, _a in _events(text)]
    assert ("legal", monday) not in [(k, d) for k, d, _a in _events(text)]
    # ... but a span that starts on it is the perfect's own ("since Monday")
    detained = _events("Tomas Elvey has been detained since Monday.")
    assert ("legal", monday) in [(k, d) for k, d, _a in detained]


def test_a_perfect_with_a_past_time_and_no_happening_between_is_dated_by_that_time() -> None:
    # "Gunmen have stormed ... on Monday": no noun or participle before the day to hold it, so it is the act's
    monday = (PUB - dt.timedelta(days=1)).isoformat()
    stormed = _events("Masked gunmen have stormed two ferry terminals in Harwick on Monday, killing a guard.")
    assert ("violence", monday) in [(k, d) for k, d, _a in stormed]
    # ... a participle between ("the photos taken on Monday") still takes the day from the verb
    released = _events("Harwick police have released photos taken at the ferry terminal on Monday.")
    assert monday not in [d for _k, d, _a in released]
    # ... and so a year: "has tested ... in 2016" is the testing's year
    tested = _events("Harwick Ferries has tested driverless ferries in Norway and Denmark in 2016.")
    assert "2016" in [d for _k, d, _a in tested]


def test_a_past_year_or_month_beside_the_present_perfect_dates_a_noun_not_the_verb() -> None:
    # "made in 2014" is the complaint's year: the dropping is news of the report
    dropped = _events("Harbour prosecutors have dropped the charges filed against Tomas Elvey in 2014.")
    assert ("legal", TODAY) in [(k, d) for k, d, _a in dropped]
    assert ("legal", "2014") not in [(k, d) for k, d, _a in dropped]
    # a period up to now is the perfect's own ("in the past week"), and a span's start makes the clause's
    # other years its steps ("Since 1998, it has grown to include Brenholm in 2004")
    weakened = _events("Harwick Ferries' bonds have weakened sharply in the past week, traders said.")
    assert [d for k, d, _a in weakened if k != "statement"] == ["2021-W09"]  # the week before PUB's
    grown = _events("Since 1998, the ferry alliance has been expanded to include Brenholm in 2004.")
    assert "2004" in [d for _k, d, _a in grown]


def test_a_verb_coordinated_with_the_one_before_shares_its_subject_and_re_open_is_reopen() -> None:
    # "... had been shelved in 2017 but was re-opened earlier this year": the reopening is this year's, of
    # the same inquiry, whose country acts in both
    events = _events("The Norwegian ferry inquiry had been shelved in 2017 but was re-opened earlier this "
                     "year.")
    assert ("policy", "2021", ("Norway",)) in events


def test_a_blotters_entries_each_tell_their_days_arrests() -> None:
    # "<day>: <HEADING> – ..." dates its entry; the sentences after it go on telling arrests of that day;
    # each arrestee is the actor (not the heading, nor the town after the age), and two people arrested by
    # the same police are two arrests.
    blotter = (
        "October 24: ARRESTS – Corey O. Inman, 38, Springfield, was arrested for retail theft."
        " Cameron L. Horve, 27, Macon, was arrested for retail theft.\n\n"
        "October 25: ARRESTS – Chad Hull, 37, Bulpitt, was arrested by Kincaid police. Casey Conaway, 30,"
        " Edinburg was arrested by Kincaid police for domestic battery."
    )
    found = [(i.kind, i.date, i.actors[0]) for i in extract_items(blotter, dt.date(2023, 10, 27))]
    assert found == [
        ("legal", "2023-10-24", "Corey O. Inman"),
        ("legal", "2023-10-24", "Cameron L. Horve"),
        ("legal", "2023-10-25", "Chad Hull"),
        ("legal", "2023-10-25", "Casey Conaway"),
    ]


def test_a_paragraphs_day_carries_only_to_a_happening_of_a_kind_it_dated() -> None:
    text = "In a Nov. 5 letter to the agency, the doctors offered vaccines. Kevin Harlow resigned."
    found = [(i.kind, i.date) for i in extract_items(text, dt.date(2019, 11, 20))]
    assert found == [("business", "2019-11-05")]


def test_a_happening_closed_by_its_report_takes_the_reports_day_not_a_later_nouns() -> None:
    text = ("Four people died as the storm swept the coast, delaying the count of the previous day's vote, "
            "officials said Tuesday.")
    assert ("death", TODAY, ()) in _events(text)


_HEARING = "Ilse Marrow, the former harbour master, testified before the county board on Monday."


@pytest.mark.parametrize(
    "said",
    [
        "Marrow said she had never seen the tender papers before the vote.",
        # the speaker named after the words, which the sentence holds
        '"I never saw the tender papers," Marrow said.',
    ],
)
def test_a_statement_by_one_who_acted_in_the_paragraphs_scene_is_of_its_day(said: str) -> None:
    monday = (PUB - dt.timedelta(days=1)).isoformat()
    assert ("statement", monday) in [(k, d) for k, d, _a in _events(f"{_HEARING} {said}")]


@pytest.mark.parametrize(
    "text",
    [
        # someone who did not act in the scene may be speaking of any day
        f"{_HEARING} Tomas Elvey said he had never seen the tender papers before the vote.",
        # the scene ends with its paragraph
        f"{_HEARING}\n\nMarrow said she had never seen the tender papers before the vote.",
        # a bare attribution of the words before it tells nothing more
        f'{_HEARING} "I never saw the papers." Marrow told reporters.',
        # a pronoun is no one named
        f"{_HEARING} She said she had never seen the tender papers before the vote.",
    ],
)
def test_a_statement_outside_the_scene_or_with_nothing_said_takes_no_day_from_it(text: str) -> None:
    assert [d for k, d, _a in _events(text) if k == "statement"] == []


_LEDE = ("The island's only car ferry has carried more than three hundred passengers a day across the sound "
         "for a decade.")


def test_a_persons_undated_statement_in_the_reports_opening_is_its_news_of_the_day() -> None:
    text = f"{_LEDE}\n\nHarbour master Ilse Marrow said the ferry was too old to carry cars."
    assert ("statement", TODAY, ("Ilse Marrow",)) in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        # past the opening two paragraphs, a person's words may be of any day
        f"{_LEDE}\n\nThe harbour board met again to talk about it.\n\n"
        "Harbour master Ilse Marrow said the ferry was too old to carry cars.",
        # an organisation's words there as often attribute background
        f"{_LEDE}\n\nThe harbour board said the ferry was too old to carry cars.",
        # once the report names a day, its statements are of no day the report gives them
        f"{_LEDE} The ferry ran aground on Monday.\n\nHarbour master Ilse Marrow said the ferry was too old "
        "to carry cars.",
        # a pronoun names no one
        f"{_LEDE}\n\nShe said the ferry was too old to carry cars.",
    ],
)
def test_an_undated_statement_past_the_opening_or_by_no_person_named_is_no_row(text: str) -> None:
    assert [e for e in _events(text) if e[0] == "statement"] == []


# --- a present report with its listener named is an interview for the day's report ---


def test_a_bare_present_tells_with_a_named_listener_is_news_of_the_day() -> None:
    lead = "The regatta has long been a fixture of the harbour's summer. "
    assert ("statement", TODAY) in [(k, d) for k, d, _a in _events(
        lead + "But skipper Ada Brisk tells Coast Radio that the race may move to June.")]
    # a story told, or words to the writer, stay a standing view (no row)
    assert _events(lead + "The old skipper tells a story about the storm of 1987.") == []
    told_me = _events(lead + "Ada Brisk tells me the race may move.")
    assert [d for k, d, _a in told_me if k == "statement"] in ([], [None])


# --- a date opening the sentence dates its main clause, not the closing attribution ---


@pytest.mark.parametrize("closing", ["officials said", "the Harbour Gazette reported"])
def test_a_fronted_date_is_the_main_clauses_not_the_closing_attributions(closing: str) -> None:
    got = _events(f"On Monday, the port authority scrapped the ferry levy, {closing}.")
    assert ("other", "2021-03-08") in [(k, d) for k, d, _a in got]
    assert all(k != "statement" for k, _d, _a in got)
