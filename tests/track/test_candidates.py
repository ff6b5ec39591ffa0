"""The candidate selection (monitor/track/candidates.py): what the items of a version say about the rows.

That the selection is enough (the same timeline as the whole story) is tested against real databases in
tests/run/test_story_candidates.py; these tests pin what each item contributes.
"""

from __future__ import annotations

import datetime as dt

from monitor.track.candidates import (
    ANY,
    DATED,
    UNDATED,
    DayWindow,
    date_bounds,
    pool_of,
    reach_of,
    series_key,
    within_reach,
)
from monitor.track.identity import event_id_for, identity_key
from monitor.track.timeline import reconcile
from tests.fixtures.timeline.scenario import item

STORY = "ferry"
URL = "https://news.example/harbour"


def test_an_event_reaches_rows_of_its_kind_on_the_days_its_date_covers():
    reach = reach_of([item("call", "2021-W23", "a talk", actors=["Ana Ruiz"])], STORY, URL)
    # `other` (a dated clause no trigger claimed) and a `statement` worded alike may be another outlet's
    # telling of it (track/matching); a row of undated reports only, one of its own kind (corroboration).
    kinds = frozenset({"call", "other", "statement"})
    assert set(reach.windows) == {DayWindow(kinds, "2021-06-07", "2021-06-13", DATED),
                                  DayWindow(frozenset({"call"}), "2021-06-07", "2021-06-13", UNDATED)}
    assert reach.series == frozenset() and reach.values == frozenset()


def test_overlapping_days_of_one_kind_are_one_window_and_kinds_stay_apart():
    items = [item("call", "2021-06-14", "a"), item("call", "2021-06", "b"), item("call", "2021-08-02", "c"),
             item("meeting", "2021-06-14", "d")]
    reach = reach_of(items, STORY, URL)
    windows = {w for w in reach.windows if w.rows == DATED and "other" in (w.kinds or ())}
    # A single day reaches the days next to it: another outlet's date of one happening, worded alike.
    assert windows == {
        DayWindow(frozenset({"call", "other", "statement"}), "2021-06-01", "2021-06-30", DATED),
        DayWindow(frozenset({"call", "other", "statement"}), "2021-08-01", "2021-08-03", DATED),
        DayWindow(frozenset({"meeting", "other", "statement"}), "2021-06-13", "2021-06-15", DATED),
    }


def test_a_single_day_of_a_typed_kind_reaches_its_kind_a_week_either_side():
    # One outlet's "was sentenced" dated by its page, another's "last Thursday" (corroboration.told_later).
    reach = reach_of([item("legal", "2021-06-14", "a")], STORY, URL)
    assert DayWindow(frozenset({"legal"}), "2021-06-07", "2021-06-21", DATED) in reach.windows
    statement = reach_of([item("statement", "2021-06-14", "a")], STORY, URL)
    assert not [w for w in statement.windows if w.first == "2021-06-07"]  # a statement: no such reach


def test_an_undated_report_reaches_the_rows_of_its_kind_in_the_week_before_its_page():
    held = item("statement", None, "said", "Ana Ruiz said so.", actors=["Ana Ruiz"], latent=True)
    reach = reach_of([held], STORY, URL, "2021-06-14")
    assert reach.windows == (DayWindow(frozenset({"statement"}), "2021-06-07", "2021-06-14", ANY),)
    assert reach_of([held], STORY, URL).windows == ()  # no publication day: no days to reach


def test_an_other_item_reaches_rows_of_every_kind():
    reach = reach_of([item("other", "2021-06-14", "a")], STORY, URL)
    assert DayWindow(None, "2021-06-13", "2021-06-15", DATED) in reach.windows


def test_a_statement_reaches_rows_of_every_kind():
    # "..., the office announced Monday" may be another outlet's plea or launch told as someone's words.
    reach = reach_of([item("statement", "2021-06-14", "a")], STORY, URL)
    assert DayWindow(None, "2021-06-13", "2021-06-15", DATED) in reach.windows


def test_undated_or_unreadable_dates_reach_rows_by_key_only():
    items = [item("call", None, "a"), item("call", "PRESENT_REF", "b")]
    reach = reach_of(items, STORY, URL)
    assert reach.windows == ()
    assert reach.keys == {identity_key(i) for i in items}


def test_a_figure_reaches_its_series_and_its_value_whatever_the_date():
    figure = item("figure", "2021-06-14", "rescued", subject="The Ferry", metric="rescued", value=120)
    bare = item("figure", None, "rescued", metric="rescued", value=80.5)
    reach = reach_of([figure, bare], STORY, URL)
    assert reach.series == {series_key("the ferry", "Rescued")}
    assert reach.values == {120.0, 80.5}
    assert reach.windows == ()


def test_the_ids_new_items_would_take_are_asked_for():
    items = [item("call", "2021-06", "a talk", actors=["Ana Ruiz"])]
    reach = reach_of(items, STORY, URL)
    assert reach.event_ids == {event_id_for(STORY, identity_key(items[0]))}
    assert reach.source_url == URL


def test_stored_forms_of_dates_and_series():
    assert date_bounds("2021-Q2") == ("2021-04-01", "2021-06-30")
    assert date_bounds("2021-06-14T10:00") == ("2021-06-14", "2021-06-14")
    # Four-digit years, so that the store compares days as text in calendar order.
    assert date_bounds("0500") == ("0500-01-01", "0500-12-31")
    assert date_bounds(None) is None and date_bounds("PRESENT_REF") is None
    assert series_key("The  Ferry", "rescued") == series_key("the ferry", "Rescued") == "ferry\trescued"
    assert series_key(None, "rescued") is None and series_key("the ferry", "") is None


def test_a_loose_item_is_compared_only_with_rows_of_its_value_or_around_its_days():
    rows = reconcile((), STORY, "https://other.example/a", 1, "2021-06-21", [
        item("call", "2021-06-14", "a call"), item("call", "2021-06-18", "another call"),
        item("meeting", "2021-W24", "talks"), item("call", None, "an undated call"),
        item("figure", "2021-06-14", "toll", value=12, metric="deaths", subject="Lerrin"),
        item("figure", "2021-06-14", "count", value=40, metric="deaths", subject="Brenholm"),
    ], dt.datetime(2021, 6, 21, tzinfo=dt.UTC)).timeline
    pool = pool_of(rows)

    def found(probe):
        return sorted((r.kind, r.date, r.value) for r in within_reach(pool, probe))

    # a single day: rows whose days overlap it or lie one day around it (the week of June 14-20 holds it)
    assert found(item("statement", "2021-06-15", "x")) == [("call", "2021-06-14", None),
                                                          ("meeting", "2021-W24", None)]
    # a month: the rows inside it; a figure: the rows of its value, whatever their date
    assert len(found(item("other", "2021-06", "y"))) == 3
    assert found(item("figure", None, "z", value=12)) == [("figure", "2021-06-14", 12)]
    # an undated event, or a figure with no value, reaches no row this way (only by its identity)
    assert found(item("call", None, "w")) == [] and found(item("figure", "2021-06-14", "v")) == []
