"""One happening told by several outlets is one row (issue 13): monitor/track/timeline.py's reconcile with the
cross-source rules of matching.py, corroboration.py and bridging.py."""

from __future__ import annotations

import dataclasses

import pytest

from monitor.extract.items import Item
from monitor.track.timeline import ACTIVE, REVISED, ReconcileResult, TimelineEntry, reconcile
from tests.fixtures.timeline.scenario import at, call_item, item, load_scenario, replay_changes_nothing

STORY, SOURCES, _VERSIONS = load_scenario()
HARBOUR, WIRE = SOURCES["harbour"], SOURCES["wire"]
NEWS = "https://news.example/ferry"


PUTIN_TRUMP = ["Vladimir Putin", "Donald Trump"]


def _rows(result: ReconcileResult, kind: str = "call") -> list[tuple[str | None, int, tuple[str, ...]]]:
    return sorted((e.date, e.source_count, tuple(s.source_url for s in e.sources))
                  for e in result.timeline if e.kind == kind)


def test_an_outlet_naming_one_of_the_two_leaders_reports_the_same_call():
    first = reconcile((), STORY, HARBOUR, 1, None, [call_item("2020-03-30", actors=PUTIN_TRUMP)], at(0))
    told = [call_item("2020-03-30", actors=["Donald Trump"])]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(1))
    assert _rows(result) == [("2020-03-30", 2, (HARBOUR, WIRE))]
    assert result.changes == ()


def test_a_call_with_a_conflicting_actor_or_another_day_is_another_call():
    first = reconcile((), STORY, HARBOUR, 1, None, [call_item("2020-03-30", actors=PUTIN_TRUMP)], at(0))
    items = [call_item("2020-03-30", actors=["Donald Trump", "Recep Erdogan"]),
             call_item("2020-03-31", actors=["Donald Trump"])]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, items, at(1))
    assert _rows(result) == [("2020-03-30", 1, (HARBOUR,)), ("2020-03-30", 1, (WIRE,)),
                             ("2020-03-31", 1, (WIRE,))]


def test_two_calls_of_one_day_told_by_a_second_outlet_stay_two():
    calls = [call_item("2020-03-30", actors=PUTIN_TRUMP),
             call_item("2020-03-30", actors=["Donald Trump", "Erdogan"])]
    first = reconcile((), STORY, HARBOUR, 1, None, calls, at(0))
    items = [call_item("2020-03-30", actors=["Putin", "Trump"]),
             call_item("2020-03-30", actors=["Recep Erdogan"])]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, items, at(1))
    assert _rows(result) == [("2020-03-30", 2, (HARBOUR, WIRE)), ("2020-03-30", 2, (HARBOUR, WIRE))]


def test_without_actors_the_wording_decides_and_other_takes_the_kind_of_the_other_outlet():
    known = [item("legal", "2020-02-14", "sentencing", evidence="His sentencing is scheduled for Feb. 14, "
                  "according to the office release.")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    same = item("other", "2020-02-14", "sentencing", evidence="Sentencing is scheduled for Feb. 14.")
    different = item("legal", "2020-02-14", "a hearing", evidence="A hearing on the bail request was held.")
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, [same, different], at(1))
    assert sorted((e.kind, e.source_count) for e in result.timeline) == [("legal", 1), ("legal", 2)]


def test_a_launch_one_outlet_reads_as_business_and_another_as_policy_is_one_row():
    # "launched" is listed as business, "introduced" as policy: either verb tells a product or a public
    # programme, so the kinds two outlets' verbs give one launch may differ.
    known = [item("business", "2021-05-10", "launch", actors=["Mara Velde"],
                  evidence="Governor Mara Velde launched the water-saving programme on Monday in Tarnow.")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    told = [item("policy", "2021-05-10", "introduction", actors=["Velde"],
                 evidence="The programme, introduced by Velde on Monday, asks households to cut use."),
            item("policy", "2021-05-10", "a ban", actors=["Tarnow city council"],
                 evidence="The Tarnow city council banned garden sprinklers on Monday.")]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(1))
    assert sorted((e.kind, e.source_count) for e in result.timeline) == [("business", 2), ("policy", 1)]


def test_of_two_rows_a_report_could_be_it_joins_the_one_told_alike():
    # Both rows are the militia's releases of one day; which one the swap is, the wording tells, not which
    # row is older or whose id sorts first.
    told = [item("release", "2021-05-11", "hostages released", actors=["Kenya"],
                 evidence="Two hostages held by the militia in Kenya since 2018 were released Tuesday in a "
                          "prisoner swap for three militia commanders."),
            item("release", "2021-05-11", "members released", actors=["Harrow Militia"],
                 evidence="The Harrow Militia members were released in Kelby, where the group keeps an "
                          "office.")]
    first = reconcile((), STORY, HARBOUR, 1, None, told, at(0))
    swap = item("release", "2021-05-11", "swap", actors=["Militia"],
                evidence="A day earlier the Harrow Militia swapped two hostages for three of its commanders.")
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, [swap], at(1))
    rows = {e.summary: e.source_count for e in result.timeline}
    assert rows == {"hostages released": 2, "members released": 1}


_CAMPAIGN = [
    (HARBOUR, item("policy", "2021-05-10", "introduction", actors=["Vermont"],
                   evidence="Vermont's viral water-saving campaign has faced mockery since introduced on "
                            "Monday, but Lena Ortiz shrugged.")),
    (WIRE, item("business", "2021-05-10", "launch", actors=["Ana Ruiz"],
                evidence="According to the Burlington Free Press, Gov. Ana Ruiz launched the campaign on "
                         "Monday to address the drought.")),
    ("https://third.example/ruiz", item(
        "business", None, "launch", actors=["Ruiz"], latent=True,
        evidence="Ruiz launched the campaign to bring awareness to the drought in Vermont, and the viral "
                 "water-saving ads show it works.")),
]


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 2, 0), (2, 1, 0), (0, 2, 1)])
def test_one_launch_is_one_row_whichever_outlet_came_first(order):
    # The undated report joins the row of the outlet that dated it (one verb upon one object); the outlet
    # that told it as "introduced", read first or last, is worded like that report: one row either way.
    timeline: tuple[TimelineEntry, ...] = ()
    for n, i in enumerate(order):
        source, told = _CAMPAIGN[i]
        # Read on the Tuesday: the undated report may tell of the days before its page.
        timeline = reconcile(timeline, STORY, source, 1, "2021-05-11", [told], at(n)).timeline
        again = reconcile(timeline, STORY, source, 1, "2021-05-11", [told], at(n))
        assert again.changes == () and again.timeline == timeline
    shown = [e for e in timeline if e.shown and e.status == ACTIVE]
    assert [(e.date, e.source_count) for e in shown] == [("2021-05-10", 3)]


def test_another_outlets_figure_of_the_same_value_is_the_same_figure_whatever_its_qualifier():
    known = [item("figure", "2019-11-18", "10 years", subject="Carlineo", metric="prison term", value=10,
                  qualifier="exact")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    told = [item("figure", "2019-11-19", "up to 10 years", subject="Patrick Carlineo Jr",
                 metric="prison term", value=10, qualifier="up_to")]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(1))
    assert _rows(result, "figure") == [("2019-11-18", 2, (HARBOUR, WIRE))]


def test_an_outlets_statement_is_another_outlets_happening_when_worded_alike_never_by_actors_alone():
    known = [item("legal", "2021-03-08", "plea", actors=["Port Elms"],
                  evidence="A Port Elms ferry captain pleaded guilty Monday to sinking the harbour tug, "
                           "prosecutors said.")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    told = item("statement", "2021-03-08", "announced", actors=["Harbour Court of Port Elms"],
                evidence="A ferry captain from Port Elms pleaded guilty to sinking the harbour tug, the "
                         "Harbour Court of Port Elms announced Monday.")
    # The same actor, the same day, other words: the captain's words are not his plea.
    said = item("statement", "2021-03-08", "said", actors=["Port Elms"],
                evidence="Port Elms officials said the new ferry timetable starts in April.")
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, [told, said], at(1))
    assert sorted((e.kind, e.source_count) for e in result.timeline) == [("legal", 2), ("statement", 1)]


def test_a_statement_and_a_happening_of_the_same_actors_need_less_wording_in_common():
    known = [item("statement", "2021-03-08", "said", actors=["Harbour Survey Agency"],
                  evidence="The agency said Monday that its divers examined how the silt would affect the "
                           "design of a deeper channel for the ferries.")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    studied = item("legal", "2021-03-08", "investigated", actors=["HSA"],
                   evidence="Now HSA has investigated how silt would impact the harbour's channel design.")
    # the same agency's words on another matter, that day: apart
    other = item("policy", "2021-03-08", "banned", actors=["HSA"],
                 evidence="HSA banned night dredging near the north pier after a fuel spill.")
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, [studied, other], at(1))
    assert sorted((e.kind, e.source_count) for e in result.timeline) == [("policy", 1), ("statement", 2)]


def test_a_statement_naming_a_happening_by_its_word_needs_less_wording_in_common_with_it():
    def rows(announced: str) -> list[int]:
        known = [item("legal", "2021-03-10", "arrested", actors=["Ada Brisk"],
                      evidence="Three people have been arrested for allegedly running the smuggling ring "
                               "that moved stolen engines through the ports of Brenholm and Port Elms, "
                               "officials announced Wednesday.")]
        first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
        told = [item("statement", "2021-03-10", "announced", evidence=announced)]
        return sorted(e.source_count for e in replay_changes_nothing(STORY, first.timeline, WIRE, 1, told,
                                                                      at(1)).timeline)

    # 0.44 of the words in common, "arrests" among them: the announcement is of the arrests
    assert rows("Federal prosecutors on Wednesday announced three arrests tied to a dockside ring that "
                "allegedly shipped parts out of warehouses in Port Elms, paying workers and clerks to look "
                "away.") == [2]
    # 0.38 in common, none of them an arrest's: another announcement of that day
    assert rows("Federal prosecutors on Wednesday announced three charges tied to a dockside ring that "
                "allegedly shipped parts out of warehouses in Port Elms, paying workers and clerks to look "
                "away.") == [1, 1]


def test_a_day_inside_only_a_year_is_joined_by_its_sentences_words_alone():
    def rows(known_date: str) -> list[int]:
        known = [item("legal", known_date, "arrested", actors=["Ada Brisk"],
                      evidence="Three people have been arrested for allegedly running the smuggling ring "
                               "that moved stolen engines through the ports of Brenholm and Port Elms, "
                               "officials announced.")]
        first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
        told = [item("statement", "2021-03-10", "announced", evidence=(
            "Federal prosecutors on Wednesday announced three arrests tied to a dockside ring that "
            "allegedly shipped parts out of warehouses in Port Elms, paying workers and clerks to look "
            "away."))]
        return sorted(e.source_count for e in replay_changes_nothing(STORY, first.timeline, WIRE, 1, told,
                                                                      at(1)).timeline)

    # 0.44 of the words in common, "arrests" among them: enough within a month, not within a whole year
    assert rows("2021-03") == [2]
    assert rows("2021") == [1, 1]

    # one kind, the same woman: the month holds Wednesday's arrest; the year's arrests need their words
    def arrests(known_date: str) -> list[int]:
        known = [item("legal", known_date, "arrested", actors=["Ada Brisk"],
                      evidence="Ada Brisk has been arrested twice for fishing without a licence.")]
        first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
        told = [item("legal", "2021-03-10", "arrested", actors=["Ada Brisk"],
                     evidence="Police arrested Ada Brisk on Wednesday at the Brenholm pier after a brawl.")]
        return sorted(e.source_count for e in replay_changes_nothing(STORY, first.timeline, WIRE, 1, told,
                                                                      at(1)).timeline)

    assert arrests("2021-03") == [2]
    assert arrests("2021") == [1, 1]


def test_a_report_naming_nobody_who_acts_needs_less_wording_where_it_names_the_others_actors():
    freed = ("Two ferrymen, a Dane and a Finn, held by the Harbour Front since 2016 were released Tuesday "
             "in a swap for rebel commanders.")

    def rows(actor: str) -> list[int]:
        told = (f"The storm came a day after the {actor} freed two ferrymen it had held, in exchange for "
                "jailed fighters, officials in Brenholm said.")
        known = [item("release", "2021-06-15", "released", evidence=freed)]
        first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
        swap = [item("release", "2021-06-15", "freed", actors=[actor], evidence=told)]
        return sorted(e.source_count for e in replay_changes_nothing(STORY, first.timeline, WIRE, 1, swap,
                                                                      at(1)).timeline)

    # 0.45 of the words in common, and the actor named in the sentence that names nobody who frees
    assert rows("Harbour Front") == [2]
    # another actor, not named there: the usual threshold holds
    assert rows("Brenholm Guard") == [1, 1]


def test_a_report_whose_sentence_tells_more_joins_another_outlets_row_by_the_clause_that_tells_it():
    siege = ("Port Elms police have laid siege to the ferry terminal, trapping 300 dockworkers inside the "
             "sheds, and threatened to turn water cannon on the crowd outside the gates.")
    besieged = ("The ferry terminal at Port Elms was besieged by police on Monday as dockworkers held out, a "
                "day after the harbour board voted to sell the northern quay to a shipping group from "
                "Brenholm.")

    def rows(first_summary: str, first: str, then_summary: str, then: str) -> list[int]:
        known = [item("violence", "2021-03-08", first_summary, evidence=first)]
        done = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
        told = [item("violence", "2021-03-08", then_summary, evidence=then)]
        return sorted(e.source_count for e in replay_changes_nothing(STORY, done.timeline, WIRE, 1, told,
                                                                      at(1)).timeline)

    clause = "Violence: Port Elms police laid siege to the ferry terminal"
    other = "Violence: ferry terminal at Port Elms was besieged by police"
    # the clause's words are the other outlet's, whichever outlet came first
    assert rows(other, besieged, clause, siege) == [2]
    assert rows(clause, siege, other, besieged) == [2]
    # summaries that are not words of their sentences decide nothing: the sentences alone stay apart
    cleared = besieged.replace("was besieged", "was cleared")
    sealed = siege.replace("have laid siege to", "have sealed off")
    assert rows(other, cleared, clause, sealed) == [1, 1]


def test_a_bare_number_is_another_outlets_only_by_its_sentence_and_stays_its_own_sources():
    def engine(sentence: str) -> Item:
        return item("figure", "2021-06-13", "355 hp", evidence=sentence, value=355, unit="hp")
    coupe = "The coupe's motor promises 355 horsepower and a top speed of 155 mph."
    first = reconcile((), STORY, HARBOUR, 1, None, [engine(coupe)], at(0))
    wagon = engine("A second motor could be fitted to the wagon, giving it 355 horsepower.")
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, [wagon], at(1))
    assert sorted(e.source_count for e in result.timeline) == [1, 1]
    # its own source's next version is the same row
    again = reconcile(result.timeline, STORY, HARBOUR, 2, None, [engine(coupe)], at(2))
    assert len(again.timeline) == 2 and again.changes == ()


def test_a_feed_entrys_publication_is_never_the_statement_or_happening_its_article_tells():
    said = "A ferry carrying relief supplies has left for Port Elms, the harbour office said on Monday."
    known = [item("departure", "2021-06-14", "left", evidence=said),
             item("statement", "2021-06-14", "said", evidence=said)]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    entry = [item("publication", "2021-06-14", "Relief ferry sails", evidence="Relief ferry sails. " + said)]
    fed = replay_changes_nothing(STORY, first.timeline, "https://harbour.example/feed.xml", 1, entry, at(1))
    assert sorted((e.kind, e.source_count) for e in fed.timeline) == [
        ("departure", 1), ("publication", 1), ("statement", 1)]


def test_two_outlets_dating_alike_away_from_the_news_need_less_wording_in_common():
    visit = ("After months of coughing, the 61-year-old clerk saw a chest specialist in {date}, the "
             "report says.")
    sent = ("The clerk, whose cough had kept him from his desk at the county archive, was sent to a "
            "specialist in {date}.")

    def rows(date: str, words: str, published: str) -> list[int]:
        known = [item("meeting", date, "saw", evidence=visit.format(date=words))]
        first = reconcile((), STORY, HARBOUR, 1, published, known, at(0))
        told = [item("other", date, "sent", evidence=sent.format(date=words))]
        result = reconcile(first.timeline, STORY, WIRE, 1, published, told, at(1))
        again = reconcile(result.timeline, STORY, WIRE, 1, published, told, at(1))
        assert again.changes == () and again.timeline == result.timeline
        return sorted(e.source_count for e in result.timeline)

    assert rows("2015-03", "March 2015", "2019-11-18") == [2]  # a month of the story's past: one visit
    # The same words dated in the week of the news: the day holds many happenings, so they stay apart.
    assert rows("2019-11-15", "November 15", "2019-11-18") == [1, 1]


def test_two_outlets_dating_alike_by_a_past_year_need_less_wording_in_common():
    def rows(year: str) -> list[int]:
        known = [item("legal", year, "dropped", evidence=(
            f"Ivo Marsh also faced inquiries for fraud and bribery at the harbour board, but these cases "
            f"were dropped in {year}."))]
        first = reconcile((), STORY, HARBOUR, 1, "2019-11-18", known, at(0))
        told = [item("legal", year, "dropped", evidence=(
            f"The trader had also faced a second fraud complaint, dropped in {year} for lack of "
            "evidence."))]
        result = reconcile(first.timeline, STORY, WIRE, 1, "2019-11-18", told, at(1))
        again = reconcile(result.timeline, STORY, WIRE, 1, "2019-11-18", told, at(1))
        assert again.changes == () and again.timeline == result.timeline
        return sorted(e.source_count for e in result.timeline)

    assert rows("2015") == [2]
    assert rows("2019") == [1, 1]  # the news's own year: its many happenings need the usual wording


def test_a_past_years_month_and_the_year_alone_need_as_little_wording_in_common():
    def rows(year: str) -> list[int]:
        known = [item("legal", year, "dropped", evidence=(
            "Ivo Marsh also faced inquiries for fraud and bribery at the harbour board, but these cases "
            f"were dropped in {year}."))]
        first = reconcile((), STORY, HARBOUR, 1, "2019-11-18", known, at(0))
        told = [item("legal", f"{year}-03", "dropped", evidence=(
            "The trader had also faced a second fraud complaint, dropped in March for lack of evidence."))]
        result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(1), published="2019-11-18")
        return sorted(e.source_count for e in result.timeline)

    assert rows("2015") == [2]
    assert rows("2019") == [1, 1]  # the news's own year


def test_a_distinctive_value_is_one_figure_whatever_subjects_were_read_a_round_one_is_not():
    known = [item("figure", "2021-06-14", "cost", subject="TV",
                  evidence="The ferry refit cost the council roughly $449,000.", value=449000, unit="USD",
                  qualifier="about"),
             item("figure", "2021-06-14", "fine", subject="Ana Ruiz", value=250000, unit="USD",
                  qualifier="up_to")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    told = [item("figure", "2021", "paid", subject="Harbour Works",
                 evidence="The council paid Harbour Works nearly $449,000 for the refit.", value=449000,
                 unit="USD", qualifier="nearly"),
            item("figure", "2021-06-14", "fine", subject="Port Elms", value=250000, unit="USD",
                 qualifier="up_to")]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(1))
    assert sorted((e.value, e.source_count) for e in result.timeline) == [(250000, 1), (250000, 1),
                                                                          (449000, 2)]


def test_two_outlets_figures_neither_subject_nor_metric_joins_are_one_when_worded_alike():
    known = [item("figure", "2021", "growth", subject="Ferry Line", value=3.5, unit="percent",
                  evidence="The ferry line sees passenger growth of 3.5 percent in 2021, down from 4.")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    told = [item("figure", "2021", "growth", value=3.5, unit="percent",
                 evidence="Managers said passenger growth in 2021 will be 3.5%, against guidance of 4%."),
            item("figure", "2021", "prices", metric="change", value=3.5, unit="percent",
                 evidence="Ticket prices rose 3.5% at the harbour kiosks.")]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(1))
    assert sorted(e.source_count for e in result.timeline) == [1, 2]


def test_a_figure_one_page_gives_twice_is_one_row_from_its_fullest_sentence():
    items = [item("figure", "2021-06-14", "headline", evidence="Port Elms council spends $449K on ferries",
                  subject="Port Elms", value=449000, unit="USD"),
             item("figure", "2021-06-14", "body", evidence="The council paid a Lisbon yard close to "
                  "$449,000 this spring for the two ferries.", subject="Lisbon", value=449000, unit="USD")]
    result = reconcile((), STORY, HARBOUR, 1, None, items, at(0))
    assert [(e.value, e.evidence[:10]) for e in result.timeline] == [(449000, "The counci")]
    again = reconcile(result.timeline, STORY, HARBOUR, 1, None, items, at(1))
    assert again.changes == ()
    assert [e.event_id for e in again.timeline] == [e.event_id for e in result.timeline]


def test_two_outlets_counts_of_one_value_on_days_each_told_are_two_figures_a_count_of_the_day_is_either():
    earlier = item("figure", "2021-04-09", "six missing", metric="missing", value=6,
                   evidence="An earlier sinking off Tarnow on April 9 left six crew missing.")
    first = reconcile((), STORY, HARBOUR, 1, "2021-05-20", [earlier], at(0))
    told = [item("figure", "2021-05-18", "six missing", subject="Port Elms", metric="missing", value=6,
                 evidence="A trawler capsized late Tuesday off Port Elms, leaving six fishermen missing.")]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(1), published="2021-05-20")
    assert _rows(result, "figure") == [("2021-04-09", 1, (HARBOUR,)), ("2021-05-18", 1, (WIRE,))]
    # A count read as of its page's day, in a paper a week later, is whichever count it agrees with.
    later = [item("figure", "2021-05-25", "six missing", subject="Port Elms", metric="missing", value=6,
                  evidence="Six fishermen from Port Elms are still missing, the coastguard said.")]
    third = replay_changes_nothing(STORY, result.timeline, NEWS, 1, later, at(2), published="2021-05-25")
    assert _rows(third, "figure") == [("2021-04-09", 1, (HARBOUR,)), ("2021-05-18", 2, (WIRE, NEWS))]


def test_a_figure_one_page_gives_on_two_days_it_tells_apart_is_two_rows():
    items = [item("figure", "2021-12-15", "planned", subject="Port Elms", value=15, unit="percent",
                  evidence="A 15 percent levy planned for Dec. 15 may be dropped, or a 15 percent levy "
                           "imposed in September may stay."),
             item("figure", "2021-09", "imposed", subject="Port Elms", value=15, unit="percent",
                  evidence="A 15 percent levy planned for Dec. 15 may be dropped, or a 15 percent levy "
                           "imposed in September may stay.")]
    result = replay_changes_nothing(STORY, (), HARBOUR, 1, items, at(0), published="2021-11-20")
    assert sorted(e.date or "" for e in result.timeline) == ["2021-09", "2021-12-15"]


def test_a_sources_own_next_version_keeps_the_strict_rules():
    # The looser rules join outlets; one source's versions are matched as before (a new actor: a new item).
    first = reconcile((), STORY, HARBOUR, 1, None, [call_item("2020-03-30", actors=["Donald Trump"])], at(0))
    result = reconcile(first.timeline, STORY, HARBOUR, 2, None, [call_item("2020-03-30", actors=PUTIN_TRUMP)],
                       at(1))
    assert sorted(c.kind for c in result.changes) == ["added", "removed"]



def test_a_row_names_every_actor_its_reports_name_so_a_third_outlet_naming_the_other_matches():
    first = reconcile((), STORY, HARBOUR, 1, None, [call_item("2020-03-30", actors=["Donald Trump"])], at(0))
    told = [call_item("2020-03-30", actors=PUTIN_TRUMP)]
    both = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(1))
    (row,) = both.timeline
    assert row.actors == ("Donald Trump", "Vladimir Putin")
    third = replay_changes_nothing(STORY, both.timeline, NEWS, 1, [call_item("2020-03-30", actors=["Putin"])],
                                   at(2))
    assert _rows(third) == [("2020-03-30", 3, (HARBOUR, WIRE, NEWS))]
    # A third outlet's call with someone neither report names is another call.
    erdogan = [call_item("2020-03-30", actors=["Erdogan"])]
    other = replay_changes_nothing(STORY, both.timeline, NEWS, 1, erdogan, at(2))
    assert _rows(other) == [("2020-03-30", 1, (NEWS,)), ("2020-03-30", 2, (HARBOUR, WIRE))]


def test_a_place_named_as_the_actor_does_not_conflict_with_a_person_the_wording_decides():
    known = [item("legal", "2021-03-08", "plea", actors=["Tom Okafor"],
                  evidence="Tom Okafor pleaded guilty Monday to sinking the harbour tug, prosecutors said.")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    # "A Texas man": the extractor names the place; the sentence is the plea.
    place = item("legal", "2021-03-08", "plea", actors=["Texas"],
                 evidence="A Texas man pleaded guilty Monday to sinking the harbour tug.")
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, [place], at(1))
    assert _rows(result, "legal") == [("2021-03-08", 2, (HARBOUR, WIRE))]
    # Worded otherwise, or another person beside the place, it stays another happening.
    hearing = item("legal", "2021-03-08", "hearing", actors=["Ohio"],
                   evidence="An Ohio court held a bail hearing for the ferry owner.")
    person = item("legal", "2021-03-08", "plea", actors=["Ana Ruiz", "Texas"],
                  evidence="Ana Ruiz of Texas pleaded guilty Monday to sinking the harbour tug.")
    apart = replay_changes_nothing(STORY, first.timeline, WIRE, 1, [hearing, person], at(1))
    assert _rows(apart, "legal") == [("2021-03-08", 1, (HARBOUR,)), ("2021-03-08", 1, (WIRE,)),
                                     ("2021-03-08", 1, (WIRE,))]


def test_actors_that_differ_only_in_which_name_each_outlet_took_let_the_wording_decide():
    known = [item("business", "2021-06-14", "launch", actors=["Corvane"],
                  evidence="Corvane, Halvorsen's streaming music service, launches today in nine countries.")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    # The other outlet's sentence names both, but its reading took the company for the actor.
    told = item("business", "2021-06-14", "launch", actors=["Halvorsen"],
                evidence="Halvorsen's long-awaited streaming music service, Corvane, launched on Monday in "
                         "nine countries.")
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, [told], at(1))
    assert _rows(result, "business") == [("2021-06-14", 2, (HARBOUR, WIRE))]
    # A name the other sentence does not give is a conflict still, however alike the words; so are names
    # given by both sentences told otherwise.
    other = item("business", "2021-06-14", "launch", actors=["Brightwave"],
                 evidence="Brightwave's long-awaited streaming music service launched on Monday in nine "
                          "countries.")
    unlike = item("business", "2021-06-14", "launch", actors=["Halvorsen"],
                  evidence="Halvorsen shares rose as Corvane opened its first office in Port Elms.")
    for report in (other, unlike):
        apart = replay_changes_nothing(STORY, first.timeline, WIRE, 1, [report], at(1))
        assert _rows(apart, "business") == [("2021-06-14", 1, (HARBOUR,)), ("2021-06-14", 1, (WIRE,))]


def test_another_outlets_date_a_day_apart_is_one_happening_only_when_worded_alike():
    known = [item("legal", "2021-06-14", "inquiry", actors=["Ana Ruiz"],
                  evidence="The harbour commissioner Ana Ruiz is investigating the ferry company, two people "
                           "said."),
             item("meeting", "2021-06-14", "talks", actors=["Tom Okafor"],
                  evidence="Tom Okafor met the ferry owners in Port Elms.")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    # Tuesday's digest: the same inquiry dated by its own publication day; Okafor's meeting of the next day
    # is another meeting (the same actor, other words).
    told = [item("legal", "2021-06-15", "inquiry", evidence="The harbour commissioner is investigating the "
                 "ferry company amid layoffs."),
            item("meeting", "2021-06-15", "talks", actors=["Tom Okafor"],
                 evidence="Okafor then flew to the capital for a cabinet session.")]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(1))
    assert _rows(result, "legal") == [("2021-06-14", 2, (HARBOUR, WIRE))]
    assert _rows(result, "meeting") == [("2021-06-14", 1, (HARBOUR,)), ("2021-06-15", 1, (WIRE,))]
    # Two days apart is too far, however alike the words.
    far = [dataclasses.replace(told[0], date="2021-06-16")]
    apart = replay_changes_nothing(STORY, first.timeline, WIRE, 1, far, at(1))
    assert _rows(apart, "legal") == [("2021-06-14", 1, (HARBOUR,)), ("2021-06-16", 1, (WIRE,))]


def test_a_replay_keeps_each_item_on_its_own_row_when_united_actors_add_candidates():
    mayor = "Mayor Ruiz talked with the harbour minister"
    first = reconcile((), STORY, WIRE, 1, None, [item("meeting", "2021-06-13", mayor),
                                                 item("other", "2021-06-13", "a talk", actors=["Ana Ruiz"])],
                      at(0))
    # The mayor's meeting row takes Ruiz from this outlet: on a replay the other meeting could take that row
    # too; each item stays on the row that holds its own sentence.
    told = [item("meeting", "2021-06-13", "a talk", actors=["Ana Ruiz", "Tom Okafor"]),
            item("meeting", "2021-06-13", mayor, actors=["Ana Ruiz"])]
    result = replay_changes_nothing(STORY, first.timeline, HARBOUR, 1, told, at(1))
    assert sorted((e.kind, e.source_count, e.actors) for e in result.timeline) == [
        ("meeting", 2, ("Ana Ruiz",)), ("other", 2, ("Ana Ruiz", "Tom Okafor"))]


def test_two_rows_a_later_report_bridges_are_merged_and_a_replay_of_any_source_keeps_one():
    board = item("statement", "2021", "firms picked", actors=["Harbour Board"],
                 evidence="The Harbour Board said it picked nine ferry firms to bid for routes.")
    fund = item("other", "2021-05", "firms picked", actors=["Ferry Fund"],
                evidence="The nine firms were picked by the Ferry Fund in May 2021.")
    first = reconcile((), STORY, HARBOUR, 1, None, [board], at(0))
    # Another outlet names the fund that runs the programme: a conflicting actor, another row.
    second = reconcile(first.timeline, STORY, WIRE, 1, None, [fund], at(1))
    assert len(second.timeline) == 2
    # A third names both: its report is both rows' happening, and the two rows become one.
    both = item("statement", "2021", "firms picked", actors=["Ferry Fund", "Harbour Board"],
                evidence="The Harbour Board and its Ferry Fund said they picked nine firms.")
    third = replay_changes_nothing(STORY, second.timeline, NEWS, 1, [both], at(2))
    assert third.changes == ()  # one happening more widely reported is no news
    live = [e for e in third.timeline if e.status == ACTIVE]
    (row,) = live
    assert {s.source_url for s in row.sources} == {HARBOUR, WIRE, NEWS} and row.source_count == 3
    assert row.date == "2021-05" and set(row.actors) == {"Harbour Board", "Ferry Fund"}
    (gone,) = [e for e in third.timeline if e.status != ACTIVE]
    assert gone.status == REVISED and gone.superseded_by == row.event_id and gone.source_count == 0
    # The merged row's source, read again, reports the row it joined; nothing changes.
    replay_changes_nothing(STORY, third.timeline, WIRE, 1, [fund], at(3))
    # Its next version without the item: the joined row stays, two outlets still report it.
    dropped = reconcile(third.timeline, STORY, WIRE, 2, None, [], at(4))
    assert [e.source_count for e in dropped.timeline if e.status == ACTIVE] == [2]


def test_rows_a_source_reports_both_or_of_other_periods_are_not_merged():
    fund = item("other", "2021-05", "firms picked", actors=["Ferry Fund"])
    board_may = item("statement", "2021-05", "firms picked", actors=["Harbour Board"])
    board_june = item("statement", "2021-06", "firms picked", actors=["Harbour Board"])
    both = item("statement", "2021", "firms picked", actors=["Ferry Fund", "Harbour Board"])
    # One outlet's own two rows are its two happenings.
    own = reconcile((), STORY, HARBOUR, 1, None, [fund, board_may], at(0))
    result = replay_changes_nothing(STORY, own.timeline, NEWS, 1, [both], at(1))
    assert sorted(e.source_count for e in result.timeline) == [1, 2]
    # Two outlets' rows of May and June: a report of the year matches both, but they are two happenings.
    may = reconcile((), STORY, HARBOUR, 1, None, [fund], at(0))
    june = reconcile(may.timeline, STORY, WIRE, 1, None, [board_june], at(1))
    result = replay_changes_nothing(STORY, june.timeline, NEWS, 1, [both], at(2))
    assert all(e.status == ACTIVE for e in result.timeline) and len(result.timeline) == 2


def test_a_replay_keeps_items_of_one_sentence_on_their_rows():
    # Items of one sentence are told apart on a replay by nothing but their candidates: none of them grows a
    # row's actors, which would give its sister item a new candidate.
    talk = [call_item("2021-06-13", actors=[]), call_item("2021-06-13", actors=["Ana Ruiz", "Ruiz"]),
            call_item("2021-06-13", actors=["Texas"])]
    first = reconcile((), STORY, HARBOUR, 1, None, talk, at(0))
    told = [call_item("2021-06-13", actors=[]), call_item("2021-06-13", actors=["Ana Ruiz", "Texas"]),
            call_item("2021-06-13", actors=["Ana Ruiz"])]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(1))
    assert sorted(e.actors for e in result.timeline) == [(), ("Ana Ruiz", "Ruiz"), ("Texas",)]


@pytest.mark.parametrize("withdrawn", [False, True])
@pytest.mark.parametrize("bare_sentence", ["120 were rescued.",
                                           "the ferry crew rescued 120 people at the harbour."])
def test_a_second_outlets_bare_figure_and_its_told_figure_of_one_value_find_their_rows_again_on_replay(
        bare_sentence: str, withdrawn: bool) -> None:
    # The wire's "the crew rescued 120" joins the harbour's bare 120 (told alike), so the wire's own bare
    # 120 gets a row of that same key ("-2"). Reading the wire's version again, each must find the row it
    # made or joined (before, the bare 120 took the older row of its key, which holds the wire's other
    # report, removed its own row and made the told figure a new one) - also where both come from one
    # sentence, and where the harbour has withdrawn its figure meanwhile.
    rescued = "the ferry crew rescued 120 people at the harbour."
    first = reconcile((), STORY, HARBOUR, 1, None, [
        item("figure", "2021-06-13", "rescued", evidence=rescued, value=120, qualifier="exact")], at(0))
    if withdrawn:
        first = reconcile(first.timeline, STORY, HARBOUR, 2, None, [], at(1))
    told = [item("figure", "2021-06-13", "rescued", evidence=rescued, subject="the ferry", metric="rescued",
                 value=120, qualifier="exact"),
            item("figure", "2021-06-13", "120 rescued", evidence=bare_sentence, value=120, qualifier="exact")]
    result = replay_changes_nothing(STORY, first.timeline, WIRE, 1, told, at(2))
    assert sorted(tuple(s.source_url for s in e.sources) for e in result.timeline) == [
        (HARBOUR, WIRE), (WIRE,)]
