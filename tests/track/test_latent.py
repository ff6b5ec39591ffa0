"""Undated reports across outlets (monitor/track/timeline.py, TimelineEntry.shown): a report with no date of
its own is on no timeline alone, joins another outlet's row worded alike, and two outlets' make a row."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Sequence

from monitor.extract.items import extract_items
from monitor.track.timeline import ReconcileResult, TimelineEntry, reconcile
from tests.fixtures.timeline.scenario import Item, item

NOW = dt.datetime(2024, 5, 14, 12, tzinfo=dt.UTC)
A, B, C = "https://a.example/ferry", "https://b.example/ferry", "https://c.example/ferry"
QUOTE_A = ("\u201cWe are glad to bring the islands back within reach of the mainland,\u201d Mara Ostvik "
           "said in a statement.")
QUOTE_B = ("\u201cWe are glad to bring the islands back within reach of the mainland,\u201d said "
           "Mara Ostvik, the ferry company's director.")
OTHER_B = "Mara Ostvik said the company had hired twelve new deckhands for the summer timetable."
DATED_C = ("Mara Ostvik said on Monday that the company was glad to bring the islands back within reach of "
           "the mainland.")


def held(evidence: str) -> Item:
    return item("statement", None, "Statement", evidence, actors=["Mara Ostvik"], latent=True)


def apply(timeline: Sequence[TimelineEntry], url: str, items: list[Item],
          published: str = "2024-05-14") -> ReconcileResult:
    return reconcile(timeline, "ferry", url, 1, published, items, NOW)


def shown(timeline: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    return [e for e in timeline if e.shown]


def test_one_outlets_undated_report_is_on_no_timeline_and_raises_no_alert() -> None:
    result = apply((), A, [held(QUOTE_A)])
    assert len(result.timeline) == 1 and shown(result.timeline) == []
    assert result.changes == ()


def test_two_outlets_undated_reports_worded_alike_are_one_row_with_both_sources() -> None:
    first = apply((), A, [held(QUOTE_A)])
    second = apply(first.timeline, B, [held(QUOTE_B)])
    [row] = shown(second.timeline)
    assert row.source_count == 2 and {s.source_url for s in row.sources} == {A, B}
    assert [c.kind for c in second.changes] == ["added"]  # on the timeline from now
    again = apply(second.timeline, B, [held(QUOTE_B)])  # a replay: a fixed point
    assert again.timeline == second.timeline and again.changes == ()


def test_the_same_speakers_other_words_stay_apart() -> None:
    first = apply((), A, [held(QUOTE_A)])
    second = apply(first.timeline, B, [held(OTHER_B)])
    assert len(second.timeline) == 2 and shown(second.timeline) == []


def test_one_sentence_copied_by_two_sites_is_one_origin_and_no_row() -> None:
    first = apply((), A, [held(QUOTE_A)])
    second = apply(first.timeline, B, [held(QUOTE_A)])
    [row] = second.timeline
    assert row.source_count == 2 and not row.shown


def test_an_undated_report_joins_another_outlets_dated_row_and_gives_it_its_date() -> None:
    dated = item("statement", "2024-05-13", "Statement", DATED_C, actors=["Mara Ostvik"])
    # Either order: the undated report first (the dated row then takes its day), or the dated row first.
    for steps in ([(A, [held(QUOTE_A)]), (C, [dated])], [(C, [dated]), (A, [held(QUOTE_A)])]):
        timeline: Sequence[TimelineEntry] = ()
        for url, items in steps:
            timeline = apply(timeline, url, items).timeline
        [row] = timeline
        assert row.shown and row.date == "2024-05-13" and row.source_count == 2


HIRED = "Mara Ostvik said on Monday that the company had hired twelve new deckhands for the summer timetable."


def test_a_speakers_undated_words_join_her_statement_another_outlet_dates_that_day_or_before() -> None:
    # One occasion, each outlet quoting other words: the row dated Monday by C takes A's Tuesday page's
    # undated quote (either order), and a replay changes nothing.
    dated = item("statement", "2024-05-13", "Statement", HIRED, actors=["Mara Ostvik"])
    for steps in ([(C, [dated]), (A, [held(QUOTE_A)])], [(A, [held(QUOTE_A)]), (C, [dated])]):
        timeline: Sequence[TimelineEntry] = ()
        for url, items in steps:
            timeline = apply(timeline, url, items).timeline
            again = apply(timeline, url, items)
            assert again.timeline == timeline and again.changes == ()
        [row] = timeline
        assert row.shown and row.date == "2024-05-13" and {s.source_url for s in row.sources} == {A, C}


def test_two_outlets_undated_words_of_one_speaker_join_the_row_a_third_outlet_dates_in_any_order() -> None:
    # A's and B's quotes share too few words to make a row together; C's dated statement of the speaker is
    # the occasion both echo, whichever outlet was read first.
    dated = item("statement", "2024-05-13", "Statement", HIRED, actors=["Mara Ostvik"])
    steps = [(A, [held(QUOTE_A)]), (B, [held(OTHER_B)]), (C, [dated])]
    for order in itertools.permutations(steps):
        timeline: Sequence[TimelineEntry] = ()
        for url, items in order:
            timeline = apply(timeline, url, items).timeline
            again = apply(timeline, url, items)
            assert again.timeline == timeline and again.changes == ()
        [row] = shown(timeline)
        assert row.date == "2024-05-13" and {s.source_url for s in row.sources if s.present} == {A, B, C}


def test_a_speakers_undated_words_stay_apart_from_other_days_and_only_a_pages_first_joins() -> None:
    dated = item("statement", "2024-05-13", "Statement", HIRED, actors=["Mara Ostvik"])
    first = apply((), C, [dated])
    # a page three days later: another occasion
    later = apply(first.timeline, A, [held(QUOTE_A)], published="2024-05-16")
    assert [e.source_count for e in shown(later.timeline)] == [1]
    # a page quoting her twice: its first quote joins, the second waits for an outlet worded like it
    fares = held("Mara Ostvik said fares on the island routes would stay as they are through the winter.")
    twice = apply(first.timeline, A, [held(QUOTE_A), fares])
    assert sorted(e.source_count for e in twice.timeline) == [1, 2]
    assert [e.source_count for e in shown(twice.timeline)] == [2]
    # a speaker named by surname only on both sides may be anyone of that name
    surname = [dataclasses.replace(dated, actors=("Ostvik",))]
    first = apply((), C, surname)
    alone = apply(first.timeline, A, [dataclasses.replace(held(QUOTE_A), actors=("Ostvik",))])
    assert len(alone.timeline) == 2


def test_an_undated_report_is_told_in_the_week_before_its_page() -> None:
    dated = item("statement", "2024-04-01", "Statement", DATED_C, actors=["Mara Ostvik"])
    first = apply((), C, [dated], published="2024-04-01")
    second = apply(first.timeline, A, [held(QUOTE_A)])  # published six weeks later
    assert len(second.timeline) == 2


def test_a_row_shows_the_evidence_of_a_report_that_dates_it() -> None:
    dated = item("statement", "2024-05-13", "Statement", DATED_C, actors=["Mara Ostvik"])
    first = apply((), A, [held(QUOTE_A)])
    [row] = apply(first.timeline, C, [dated]).timeline
    assert (row.evidence, row.source_url) == (DATED_C, C)


PAGE_DAY = "Mara Ostvik was fined by the harbour court for sailing the ferry without a licence."
TOLD_DAY = "Mara Ostvik was fined by the harbour court last Thursday for sailing the ferry without a licence."


def test_a_day_that_is_only_the_pages_meets_another_outlets_day_before_it() -> None:
    by_page = item("legal", "2024-05-14", "Legal", PAGE_DAY, actors=["Mara Ostvik"])
    told = item("legal", "2024-05-09", "Legal", TOLD_DAY, actors=["Mara Ostvik"])
    for steps in ([(A, by_page, "2024-05-14"), (C, told, "2024-05-13")],
                  [(C, told, "2024-05-13"), (A, by_page, "2024-05-14")]):
        timeline: Sequence[TimelineEntry] = ()
        for url, found, day in steps:
            timeline = apply(timeline, url, [found], published=day).timeline
            again = apply(timeline, url, [found], published=day)  # a replay: a fixed point
            assert again.timeline == timeline and again.changes == ()
        [row] = timeline
        assert row.date == "2024-05-09" and row.source_count == 2  # the day told, not the page's


def test_a_pages_day_stays_apart_from_a_day_long_before_or_from_nobodys() -> None:
    by_page = item("legal", "2024-05-14", "Legal", PAGE_DAY, actors=["Mara Ostvik"])
    long_before = item("legal", "2024-04-30", "Legal", TOLD_DAY, actors=["Mara Ostvik"])
    first = apply((), A, [by_page])
    assert len(apply(first.timeline, C, [long_before], published="2024-05-13").timeline) == 2
    nobody = [dataclasses.replace(i, actors=()) for i in (by_page, long_before)]
    first = apply((), A, [nobody[0]])
    told = dataclasses.replace(nobody[1], date="2024-05-09")
    assert len(apply(first.timeline, C, [told], published="2024-05-13").timeline) == 2


def test_an_undated_report_of_one_verb_acting_upon_one_thing_joins_the_row_of_its_actor() -> None:
    # worded apart but for "launched the ... timetable": Ostvik's launch, told undated by one outlet
    dated = item("business", "2024-05-13", "Business: Mara Ostvik launched the summer timetable on Monday",
                 "According to the Harbour Gazette, ferry director Mara Ostvik launched the summer timetable "
                 "on Monday at a ceremony on the quay.", actors=["Mara Ostvik"])
    undated = item("business", None, "Business: Ostvik launched the timetable to win back commuters",
                   "Ostvik launched the timetable to win back commuters, and every crossing sold out on its "
                   "first day with queues from dawn.", actors=["Mara Ostvik"], latent=True)
    timeline = apply(apply((), C, [dated]).timeline, A, [undated]).timeline
    [row] = timeline
    assert row.source_count == 2 and row.date == "2024-05-13"
    # another verb, or the same verb acting upon another thing, stays apart
    for summary in ("Business: Ostvik sold two old ferries to the island council",
                    "Business: Ostvik launched two new ferries to win back commuters"):
        other = dataclasses.replace(undated, summary=summary, evidence=summary.split(": ")[1] + ".")
        assert len(apply(apply((), C, [dated]).timeline, A, [other]).timeline) == 2


def test_a_scene_told_with_nobody_named_joins_the_outlet_that_dated_it() -> None:
    """Read from text: one outlet dates the flooding, another tells it undated and nameless; one row, two."""
    day = dt.date(2024, 5, 14)
    dated = extract_items("Two houses near the old mill were flooded on Monday as the river rose.", day,
                          latent=True)
    undated = extract_items("The council met.\n\nTwo houses near the old mill were flooded as the river "
                            "rose.", day, latent=True)
    assert [i.kind for i in undated if i.latent] == ["accident"]
    first = apply((), A, list(dated))
    second = apply(first.timeline, B, list(undated))
    [row] = [e for e in shown(second.timeline) if e.kind == "accident"]
    assert (row.date, row.source_count) == ("2024-05-13", 2)
