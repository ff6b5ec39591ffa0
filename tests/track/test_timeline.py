"""Reconciliation: identity, versions, sources, removal, revision, idempotence (monitor/track/timeline.py).

One happening told by several outlets: tests/track/test_across_sources.py; disputes: test_conflicts.py."""

from __future__ import annotations

import dataclasses
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.track.timeline import (
    ACTIVE,
    REMOVED,
    REVISED,
    ReconcileResult,
    TimelineEntry,
    event_id_for,
    identity_key,
    reconcile,
)
from tests.fixtures.timeline.scenario import at, call_item, item, load_scenario, replay_changes_nothing

STORY, SOURCES, VERSIONS = load_scenario()
HARBOUR, WIRE = SOURCES["harbour"], SOURCES["wire"]
H1, H2, W1 = VERSIONS


def run(timeline, v, now, story=STORY) -> ReconcileResult:
    return reconcile(timeline, story, v.source_url, v.version, v.published, v.items, now)


def by_summary(timeline) -> dict[str, TimelineEntry]:
    return {e.summary: e for e in timeline}


def kinds(result: ReconcileResult) -> list[tuple[str, str]]:
    return sorted((c.kind, c.entry.summary) for c in result.changes)


@pytest.fixture()
def v1() -> ReconcileResult:
    return run((), H1, at(0))


@pytest.fixture()
def v2(v1) -> ReconcileResult:
    return run(v1.timeline, H2, at(1))


# --- version 1 -----------------------------------------------------------------------------------------


def test_first_version_adds_every_item_active(v1):
    assert kinds(v1) == sorted(("added", i.summary) for i in H1.items)
    assert len(v1.timeline) == len(H1.items)
    for entry in v1.timeline:
        assert entry.status == ACTIVE
        assert entry.story == STORY
        assert entry.first_seen == entry.last_seen == at(0)
        assert entry.source_count == 1
        assert entry.source_url == HARBOUR and entry.published == "2021-06-14"
        assert entry.event_id.startswith("ev-")
    assert len({e.event_id for e in v1.timeline}) == len(v1.timeline)
    call = by_summary(v1.timeline)["Ana Ruiz spoke with Tom Okafor"]
    assert (call.date, call.date_end, call.precision) == ("2021-06-13", "2021-06-13", "day")
    assert call.evidence.startswith("Mayor Ana Ruiz spoke")
    assert v1.seen == ()
    assert set(v1.updated) == set(v1.timeline)


# --- version 2: a figure revised, an arrival added, a paragraph gone -----------------------------------


def test_second_version_revises_adds_and_removes(v1, v2):
    assert kinds(v2) == [
        ("added", "Ferry passengers rescued: 180"),
        ("added", "The tugboat Bravo arrived at the wreck"),
        ("removed", "The harbour authority said the hull was intact"),
        ("revised", "Ferry passengers rescued: 120"),
    ]
    now = by_summary(v2.timeline)
    old, new = now["Ferry passengers rescued: 120"], now["Ferry passengers rescued: 180"]
    assert old.status == REVISED and old.superseded_by == new.event_id
    assert new.status == ACTIVE and new.superseded_by is None
    revised = next(c for c in v2.changes if c.kind == "revised")
    assert (revised.previous.value, revised.entry.value, revised.replacement.value) == (120, 120, 180)
    assert revised.previous.status == ACTIVE

    gone = now["The harbour authority said the hull was intact"]
    assert gone.status == REMOVED
    assert [(s.source_url, s.present, s.version) for s in gone.sources] == [(HARBOUR, False, 2)]
    assert gone.source_count == 0

    # Items still there keep their id and first_seen; last_seen moves.
    before = by_summary(v1.timeline)
    call = now["Ana Ruiz spoke with Tom Okafor"]
    assert call.event_id == before[call.summary].event_id
    assert (call.first_seen, call.last_seen) == (at(0), at(1))
    assert call.sources[0].version == 2
    assert set(v2.seen) == {
        before[s].event_id
        for s in (
            "A coast guard cutter left Port Elms",
            "Ana Ruiz spoke with Tom Okafor",
            "Ferry injured: more than 12",
        )
    }
    # History is kept: nothing is ever deleted.
    assert {e.event_id for e in v1.timeline} <= {e.event_id for e in v2.timeline}


def test_second_source_reporting_the_same_call_counts_two_sources(v2):
    result = run(v2.timeline, W1, at(2))
    assert result.changes == ()
    call = by_summary(result.timeline)["Ana Ruiz spoke with Tom Okafor"]
    assert call.source_count == 2
    assert [s.source_url for s in call.sources] == [HARBOUR, WIRE]
    assert call.event_id in result.seen
    assert call.source_url == HARBOUR  # the first source's evidence is shown while it still has the item
    assert len(result.timeline) == len(v2.timeline)


def test_rerunning_the_same_version_changes_nothing(v2):
    again = run(v2.timeline, H2, at(1))
    assert again.changes == ()
    assert again.timeline == v2.timeline
    assert again.updated == ()
    later = run(v2.timeline, H2, at(5))
    assert later.changes == ()
    assert [dataclasses.replace(e, last_seen=at(0)) for e in later.timeline] == [
        dataclasses.replace(e, last_seen=at(0)) for e in v2.timeline
    ]


def test_rerunning_a_second_source_changes_nothing(v2):
    once = run(v2.timeline, W1, at(2))
    twice = run(once.timeline, W1, at(2))
    assert twice.changes == () and twice.timeline == once.timeline


def test_older_version_than_recorded_is_ignored(v2):
    stale = run(v2.timeline, H1, at(3))
    assert stale.changes == () and stale.timeline == v2.timeline and stale.updated == ()


def test_ids_survive_a_restart(v1):
    # The store hands back copies of what it persisted; the next version must find the same ids.
    restored = tuple(dataclasses.replace(e) for e in v1.timeline)
    from_copy = run(restored, H2, at(1))
    direct = run(v1.timeline, H2, at(1))
    assert from_copy.timeline == direct.timeline
    # Rebuilt from nothing, the ids are derived the same way.
    assert {e.event_id for e in run((), H1, at(7)).timeline} == {e.event_id for e in v1.timeline}


# --- removal and return ----------------------------------------------------------------------------------


def test_an_item_stays_active_while_another_source_still_has_it(v1):
    both = run(v1.timeline, W1, at(1))
    without_call = dataclasses.replace(H2, items=tuple(i for i in H2.items if i.kind != "call"))
    result = run(both.timeline, without_call, at(2))
    call = by_summary(result.timeline)["Ana Ruiz spoke with Tom Okafor"]
    assert call.status == ACTIVE and call.source_count == 1
    assert call.source_url == WIRE  # the evidence shown now comes from the source that still has it
    assert ("removed", call.summary) not in kinds(result)


def test_removed_item_seen_again_is_reactivated(v2):
    h3 = dataclasses.replace(H2, version=3, items=(*H2.items, H1.items[4]))
    result = run(v2.timeline, h3, at(3))
    assert kinds(result) == [("reactivated", "The harbour authority said the hull was intact")]
    entry = by_summary(result.timeline)["The harbour authority said the hull was intact"]
    assert entry.status == ACTIVE and entry.first_seen == at(0) and entry.source_count == 1


def test_other_stories_pass_through(v1):
    result = reconcile(
        v1.timeline, "other-story", WIRE, 1, None, [item("call", "2021-06-13", "x", actors=["A"])], at(1)
    )
    assert result.timeline[: len(v1.timeline)] == v1.timeline
    assert [c.kind for c in result.changes] == ["added"]
    assert result.timeline[-1].story == "other-story"


def test_duplicate_items_in_one_version_are_one_entry():
    call = item("call", "2021-06-13", "Ruiz spoke with Okafor", actors=["Ana Ruiz", "Tom Okafor"])
    result = reconcile(
        (), STORY, HARBOUR, 1, None, [call, dataclasses.replace(call, evidence="again")], at(0)
    )
    assert len(result.timeline) == 1 and result.timeline[0].evidence == call.evidence


# --- identity ----------------------------------------------------------------------------------------------


def test_event_identity_ignores_actor_order_case_and_the():
    a = item("call", "2021-06-13", "a", actors=["Ana Ruiz", "the Harbour Authority"])
    b = item("call", "2021-06-13", "b", actors=["harbour  authority", "ANA RUIZ"])
    assert identity_key(a) == identity_key(b)
    assert identity_key(a) != identity_key(dataclasses.replace(b, date="2021-06-14"))
    assert identity_key(a) != identity_key(dataclasses.replace(b, kind="meeting"))


def test_figure_identity_ignores_date_but_not_value_or_qualifier():
    f = item(
        "figure", "2021-06-14", "x", subject="The Ferry", metric="injured", value=12, qualifier="more_than"
    )
    assert identity_key(f) == identity_key(
        dataclasses.replace(f, date="2021-06-15", value=12.0, subject="ferry")
    )
    assert identity_key(f) != identity_key(dataclasses.replace(f, value=13))
    assert identity_key(f) != identity_key(dataclasses.replace(f, qualifier="exact"))


def test_event_id_is_stable_and_unique():
    assert event_id_for("s", "k") == event_id_for("s", "k")
    assert event_id_for("s", "k") != event_id_for("t", "k")
    taken = {event_id_for("s", "k")}
    assert event_id_for("s", "k", taken) == event_id_for("s", "k") + "-2"


def test_coarser_date_and_surnames_match_a_known_event(v1):
    wire = [item("call", "2021-W23", "Ruiz and Okafor talked", actors=["Okafor", "Ruiz"])]
    result = reconcile(v1.timeline, STORY, WIRE, 1, "2021-06-15", wire, at(2))
    assert result.changes == ()
    call = by_summary(result.timeline)["Ana Ruiz spoke with Tom Okafor"]
    assert call.source_count == 2 and call.date == "2021-06-13"


def test_a_more_precise_date_refines_the_entry_and_keeps_its_id():
    vague = [item("meeting", "2021-06", "Ruiz met Okafor", actors=["Ana Ruiz", "Tom Okafor"])]
    first = reconcile((), STORY, WIRE, 1, None, vague, at(0))
    precise = [item("meeting", "2021-06-13", "Ruiz met Okafor on Sunday", actors=["Ana Ruiz", "Tom Okafor"])]
    second = reconcile(first.timeline, STORY, HARBOUR, 1, None, precise, at(1))
    (entry,) = second.timeline
    assert entry.event_id == first.timeline[0].event_id
    assert (entry.date, entry.date_end, entry.precision, entry.source_count) == (
        "2021-06-13",
        "2021-06-13",
        "day",
        2,
    )
    assert second.changes == ()
    # The vague source checked again still matches (no duplicate, no change).
    third = reconcile(second.timeline, STORY, WIRE, 2, None, vague, at(2))
    assert len(third.timeline) == 1 and third.changes == ()


def test_two_different_days_are_two_events(v1):
    other = [item("call", "2021-06-15", "Ruiz spoke with Okafor again", actors=["Ana Ruiz", "Tom Okafor"])]
    result = reconcile(v1.timeline, STORY, WIRE, 1, None, other, at(2))
    assert kinds(result) == [("added", "Ruiz spoke with Okafor again")]


def test_undated_events_without_actors_are_told_apart_by_their_sentence():
    a = item("statement", None, "Aid was sent before", evidence="Aid has been sent before.")
    b = item("statement", None, "Aid was sent before", evidence="Officials denied any delay.")
    result = reconcile((), STORY, HARBOUR, 1, None, [a, b], at(0))
    assert len(result.timeline) == 2


# --- figures -----------------------------------------------------------------------------------------------


def _rescued(value, date="2021-06-14", **kw):
    return item(
        "figure",
        date,
        f"rescued {value}",
        subject="the ferry",
        metric="passengers rescued",
        value=value,
        qualifier="exact",
        **kw,
    )


def test_second_source_repeating_a_superseded_value_does_not_flip_the_revision(v2):
    result = reconcile(v2.timeline, STORY, WIRE, 1, "2021-06-14", [_rescued(120)], at(2))
    assert result.changes == ()
    now = by_summary(result.timeline)
    assert now["Ferry passengers rescued: 120"].status == REVISED
    assert now["Ferry passengers rescued: 120"].source_count == 1
    assert now["Ferry passengers rescued: 180"].status == ACTIVE


def test_a_new_value_from_another_source_supersedes(v2):
    result = reconcile(v2.timeline, STORY, WIRE, 1, "2021-06-15", [_rescued(200, "2021-06-15")], at(2))
    assert kinds(result) == [("added", "rescued 200"), ("revised", "Ferry passengers rescued: 180")]
    now = by_summary(result.timeline)
    assert now["Ferry passengers rescued: 180"].superseded_by == now["rescued 200"].event_id
    assert now["Ferry passengers rescued: 120"].status == REVISED  # history stays


def test_an_older_dated_value_is_history_not_a_revision(v2):
    result = reconcile(v2.timeline, STORY, WIRE, 1, "2021-06-15", [_rescued(60, "2021-06-13")], at(2))
    now = by_summary(result.timeline)
    assert now["rescued 60"].status == REVISED
    assert now["rescued 60"].superseded_by == now["Ferry passengers rescued: 180"].event_id
    assert now["Ferry passengers rescued: 180"].status == ACTIVE
    assert kinds(result) == [("added", "rescued 60")]


def test_a_correction_back_to_the_old_value(v2):
    h3 = dataclasses.replace(
        H2,
        version=3,
        items=tuple(
            dataclasses.replace(i, value=120) if i.metric == "passengers rescued" else i for i in H2.items
        ),
    )
    result = run(v2.timeline, h3, at(3))
    now = {(e.metric, e.value): e for e in result.timeline if e.kind == "figure"}
    old, new = now[("passengers rescued", 120)], now[("passengers rescued", 180)]
    assert old.status == ACTIVE and old.superseded_by is None
    assert new.status == REVISED and new.superseded_by == old.event_id
    (change,) = result.changes
    assert (change.kind, change.entry.value, change.replacement.value) == ("revised", 180, 120)


def test_when_the_new_value_disappears_the_series_falls_back(v2):
    h3 = dataclasses.replace(
        H2, version=3, items=tuple(i for i in H2.items if i.metric != "passengers rescued")
    )
    result = run(v2.timeline, h3, at(3))
    now = by_summary(result.timeline)
    assert now["Ferry passengers rescued: 180"].status == REMOVED
    assert now["Ferry passengers rescued: 120"].status == REMOVED
    assert now["Ferry passengers rescued: 120"].superseded_by is None
    assert kinds(result) == [("removed", "Ferry passengers rescued: 180")]


def test_figures_without_a_subject_never_supersede():
    a = item("figure", "2021-06-14", "120 rescued", metric="passengers rescued", value=120)
    b = item("figure", "2021-06-14", "180 rescued", metric="passengers rescued", value=180)
    first = reconcile((), STORY, HARBOUR, 1, None, [a], at(0))
    second = reconcile(first.timeline, STORY, WIRE, 1, None, [b], at(1))
    assert [e.status for e in second.timeline] == [ACTIVE, ACTIVE]


def test_two_values_in_one_version_keep_the_later_dated_one_current():
    items = [_rescued(180, "2021-06-14"), _rescued(120, "2021-06-13")]
    result = reconcile((), STORY, HARBOUR, 1, None, items, at(0))
    now = {e.value: e for e in result.timeline}
    assert now[180].status == ACTIVE
    assert now[120].status == REVISED and now[120].superseded_by == now[180].event_id


def test_entries_restored_as_a_database_keeps_them_change_nothing(v2):
    # A store may hand values back as floats and not keep each report's publication date.
    restored = tuple(
        dataclasses.replace(
            e,
            value=None if e.value is None else float(e.value),
            sources=tuple(dataclasses.replace(s, published=None) for s in e.sources),
        )
        for e in v2.timeline
    )
    again = run(restored, H2, at(1))
    assert again.changes == () and again.updated == ()
    assert {e.published for e in again.timeline} == {"2021-06-14"}


def test_a_repeated_coarse_item_is_one_item_and_a_replay_changes_nothing():
    v1 = [call_item("2021-06-13"), call_item("2021-06-13"), call_item("2021-06-13", "another talk")]
    v2 = [call_item("2021-06-13"), call_item("2021-06", "another talk"), call_item("2021-06", "another talk")]
    first = replay_changes_nothing(STORY, (), HARBOUR, 1, v1, at(0))
    second = replay_changes_nothing(STORY, first.timeline, HARBOUR, 2, v2, at(1))
    # "In June, another talk" is the talk already known for 13 June, told twice: nothing new, nothing gone.
    assert second.changes == ()
    assert sorted((e.summary, e.date, e.status) for e in second.timeline) == [
        ("a talk", "2021-06-13", ACTIVE),
        ("another talk", "2021-06-13", ACTIVE),
    ]


def test_a_coarse_date_keeps_to_the_entry_its_source_reported_when_another_item_needs_the_other():
    # The wire reported 14 June first; the harbour 13 June. The harbour's next version says "in June" (either
    # day) and, naming Ruiz in full, "14 June": each entry keeps one report, nothing is duplicated.
    wire = replay_changes_nothing(STORY, (), WIRE, 1, [call_item("2021-06-14", actors=["Ruiz"])], at(0))
    thirteenth = [call_item("2021-06-13", actors=["Ruiz"])]
    harbour = replay_changes_nothing(STORY, wire.timeline, HARBOUR, 1, thirteenth, at(1))
    items = [call_item("2021-06", actors=["Ruiz"]), call_item("2021-06-14", actors=["Ana Ruiz"])]
    result = replay_changes_nothing(STORY, harbour.timeline, HARBOUR, 2, items, at(2))
    assert result.changes == ()
    assert sorted((e.date, e.source_count, e.status) for e in result.timeline) == [
        ("2021-06-13", 1, ACTIVE),
        ("2021-06-14", 2, ACTIVE),
    ]


def test_two_days_of_one_month_take_one_known_entry_each():
    known = reconcile((), STORY, WIRE, 1, None, [call_item("2021-06", actors=["Ruiz"])], at(0))
    items = [call_item("2021-06-13", actors=["Ruiz"]), call_item("2021-06-14", actors=["Ruiz"])]
    result = replay_changes_nothing(STORY, known.timeline, HARBOUR, 1, items, at(1))
    assert sorted(e.date for e in result.timeline) == ["2021-06-13", "2021-06-14"]
    assert kinds(result) == [("added", "a talk")]


# --- properties --------------------------------------------------------------------------------------------

_items = st.one_of(
    st.builds(
        item,
        kind=st.sampled_from(["call", "meeting", "other"]),
        date=st.sampled_from(["2021-06-13", "2021-06-14", "2021-06", "2021-W23", None]),
        # The last two are worded alike (one happening by the wording rule across sources).
        summary=st.sampled_from(["a talk", "another talk", "Mayor Ruiz talked with the harbour minister",
                                 "The harbour minister talked with Mayor Ruiz on Sunday"]),
        # A place read as an actor ("A Texas man") is where, not who (track/matching).
        actors=st.lists(st.sampled_from(["Ana Ruiz", "Ruiz", "Tom Okafor", "Texas"]), max_size=2,
                        unique=True),
    ),
    st.builds(
        item,
        kind=st.just("figure"),
        date=st.sampled_from(["2021-06-13", "2021-06-14", None]),
        summary=st.just("rescued"),
        subject=st.sampled_from(["the ferry", None]),
        metric=st.just("rescued"),
        value=st.sampled_from([100, 120, 180]),
        qualifier=st.sampled_from(["exact", "more_than"]),
    ),
    # An undated report (extract.undated_report): it only corroborates rows of its kind worded alike.
    st.builds(
        item,
        kind=st.sampled_from(["call", "statement"]),
        date=st.none(),
        summary=st.sampled_from(["a talk", "Mayor Ruiz talked with the harbour minister",
                                 "The harbour minister talked with Mayor Ruiz on Sunday"]),
        actors=st.lists(st.sampled_from(["Ana Ruiz", "Tom Okafor"]), max_size=1),
        latent=st.just(True),
    ),
)
# A third outlet: a row's actors are the union of its reports' (track/matching.united_actors).
_THIRD = "https://third.example/ferry"
_checks = st.lists(st.tuples(st.sampled_from([HARBOUR, WIRE, _THIRD]), st.lists(_items, max_size=5)),
                   max_size=6)


# TIMELINE_EXAMPLES=3000 for a deeper search; the default keeps the suite fast.
@settings(max_examples=int(os.environ.get("TIMELINE_EXAMPLES", "150")), deadline=None)
@given(_checks)
def test_reconcile_invariants(checks):
    _assert_invariants(checks)


_WORDS = ("first", "second", "third", "fourth", "fifth")


# Each item its own sentence (one word apart): only such items grow rows' actors and merge rows that a later
# report bridges (track/bridging), which the checks above, whose items often share a sentence, rarely reach.
@settings(max_examples=int(os.environ.get("TIMELINE_EXAMPLES", "150")), deadline=None)
@given(_checks)
def test_reconcile_invariants_with_a_sentence_an_item(checks):
    _assert_invariants([(source, [dataclasses.replace(it, evidence=f"{it.evidence} {_WORDS[n]}")
                                  for n, it in enumerate(items)]) for source, items in checks])


def _assert_invariants(checks):
    timeline: tuple[TimelineEntry, ...] = ()
    versions = {HARBOUR: 0, WIRE: 0, _THIRD: 0}
    for n, (source, items) in enumerate(checks):
        versions[source] += 1
        result = reconcile(timeline, STORY, source, versions[source], "2021-06-14", items, at(n))
        assert len(result.timeline) >= len(timeline)
        again = reconcile(result.timeline, STORY, source, versions[source], "2021-06-14", items, at(n))
        assert again.changes == () and again.timeline == result.timeline
        timeline = result.timeline
        by_id = {e.event_id: e for e in timeline}
        assert len(by_id) == len(timeline)
        for e in timeline:
            assert e.status in (ACTIVE, REMOVED, REVISED)
            assert (e.status == REVISED) == (e.superseded_by is not None)
            if e.superseded_by is not None:
                assert by_id[e.superseded_by].status != REMOVED
            if e.status == ACTIVE:
                assert e.source_count >= 1
            if e.status == REMOVED:
                assert e.source_count == 0
            # This source's newest version is what `present` says.
            report = next((s for s in e.sources if s.source_url == source), None)
            if report is not None and report.present:
                assert report.version == versions[source]


def test_a_replay_keeps_a_dated_item_off_the_row_of_its_sentences_undated_report() -> None:
    # (found by test_reconcile_invariants) a page's sentence read both as an undated call report and as a
    # dated item: the call row holds the undated report, the meeting row the dated item; a replay of the same
    # version must not move the dated item to the call row because that row's report has its sentence
    talk = "The harbour minister talked with Mayor Ruiz on Sunday"
    _assert_invariants([
        (WIRE, [item(kind="call", date="2021-06-13", summary="a talk", actors=[]),
                item(kind="call", date="2021-06-13", summary="Mayor Ruiz talked with the harbour minister",
                     actors=[]),
                item(kind="meeting", date="2021-06-13", summary="Mayor Ruiz talked with the harbour minister",
                     actors=["Ana Ruiz"])]),
        (HARBOUR, [item(kind="meeting", date="2021-06-13", summary="a talk", actors=["Ana Ruiz"])]),
        (HARBOUR, [item(kind="call", date="2021-06-13", summary="a talk", actors=[]),
                   item(kind="call", date=None, summary=talk, actors=[], latent=True),
                   item(kind="other", date="2021-06-13", summary=talk, actors=[])]),
    ])
