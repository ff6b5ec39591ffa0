"""Reconciliation: identity, versions, sources, removal, revision, idempotence (monitor/track/timeline.py)."""

from __future__ import annotations

import dataclasses
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.extract.items import Item
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
from tests.fixtures.timeline.scenario import at, item, load_scenario

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


# --- dates ---------------------------------------------------------------------------------------------


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


def _call(date, summary="a talk", actors=()):
    return item("call", date, summary, actors=list(actors))


def _replay_changes_nothing(timeline, source, version, items, now):
    first = reconcile(timeline, STORY, source, version, None, items, now)
    again = reconcile(first.timeline, STORY, source, version, None, items, now)
    assert again.changes == () and again.updated == () and again.timeline == first.timeline
    return first


def test_a_repeated_coarse_item_is_one_item_and_a_replay_changes_nothing():
    v1 = [_call("2021-06-13"), _call("2021-06-13"), _call("2021-06-13", "another talk")]
    v2 = [_call("2021-06-13"), _call("2021-06", "another talk"), _call("2021-06", "another talk")]
    first = _replay_changes_nothing((), HARBOUR, 1, v1, at(0))
    second = _replay_changes_nothing(first.timeline, HARBOUR, 2, v2, at(1))
    # "In June, another talk" is the talk already known for 13 June, told twice: nothing new, nothing gone.
    assert second.changes == ()
    assert sorted((e.summary, e.date, e.status) for e in second.timeline) == [
        ("a talk", "2021-06-13", ACTIVE),
        ("another talk", "2021-06-13", ACTIVE),
    ]


def test_a_coarse_date_keeps_to_the_entry_its_source_reported_when_another_item_needs_the_other():
    # The wire reported 14 June first; the harbour 13 June. The harbour's next version says "in June" (either
    # day) and, naming Ruiz in full, "14 June": each entry keeps one report, nothing is duplicated.
    wire = _replay_changes_nothing((), WIRE, 1, [_call("2021-06-14", actors=["Ruiz"])], at(0))
    thirteenth = [_call("2021-06-13", actors=["Ruiz"])]
    harbour = _replay_changes_nothing(wire.timeline, HARBOUR, 1, thirteenth, at(1))
    items = [_call("2021-06", actors=["Ruiz"]), _call("2021-06-14", actors=["Ana Ruiz"])]
    result = _replay_changes_nothing(harbour.timeline, HARBOUR, 2, items, at(2))
    assert result.changes == ()
    assert sorted((e.date, e.source_count, e.status) for e in result.timeline) == [
        ("2021-06-13", 1, ACTIVE),
        ("2021-06-14", 2, ACTIVE),
    ]


def test_two_days_of_one_month_take_one_known_entry_each():
    known = reconcile((), STORY, WIRE, 1, None, [_call("2021-06", actors=["Ruiz"])], at(0))
    items = [_call("2021-06-13", actors=["Ruiz"]), _call("2021-06-14", actors=["Ruiz"])]
    result = _replay_changes_nothing(known.timeline, HARBOUR, 1, items, at(1))
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


# --- across sources: one happening in other words (issue 13) ----------------------------------------------

PUTIN_TRUMP = ["Vladimir Putin", "Donald Trump"]


def _rows(result: ReconcileResult, kind: str = "call") -> list[tuple[str | None, int, tuple[str, ...]]]:
    return sorted((e.date, e.source_count, tuple(s.source_url for s in e.sources))
                  for e in result.timeline if e.kind == kind)


def test_an_outlet_naming_one_of_the_two_leaders_reports_the_same_call():
    first = reconcile((), STORY, HARBOUR, 1, None, [_call("2020-03-30", actors=PUTIN_TRUMP)], at(0))
    result = _replay_changes_nothing(first.timeline, WIRE, 1, [_call("2020-03-30", actors=["Donald Trump"])],
                                     at(1))
    assert _rows(result) == [("2020-03-30", 2, (HARBOUR, WIRE))]
    assert result.changes == ()


def test_a_call_with_a_conflicting_actor_or_another_day_is_another_call():
    first = reconcile((), STORY, HARBOUR, 1, None, [_call("2020-03-30", actors=PUTIN_TRUMP)], at(0))
    items = [_call("2020-03-30", actors=["Donald Trump", "Recep Erdogan"]),
             _call("2020-03-31", actors=["Donald Trump"])]
    result = _replay_changes_nothing(first.timeline, WIRE, 1, items, at(1))
    assert _rows(result) == [("2020-03-30", 1, (HARBOUR,)), ("2020-03-30", 1, (WIRE,)),
                             ("2020-03-31", 1, (WIRE,))]


def test_two_calls_of_one_day_told_by_a_second_outlet_stay_two():
    calls = [_call("2020-03-30", actors=PUTIN_TRUMP), _call("2020-03-30", actors=["Donald Trump", "Erdogan"])]
    first = reconcile((), STORY, HARBOUR, 1, None, calls, at(0))
    items = [_call("2020-03-30", actors=["Putin", "Trump"]), _call("2020-03-30", actors=["Recep Erdogan"])]
    result = _replay_changes_nothing(first.timeline, WIRE, 1, items, at(1))
    assert _rows(result) == [("2020-03-30", 2, (HARBOUR, WIRE)), ("2020-03-30", 2, (HARBOUR, WIRE))]


def test_without_actors_the_wording_decides_and_other_takes_the_kind_of_the_other_outlet():
    known = [item("legal", "2020-02-14", "sentencing", evidence="His sentencing is scheduled for Feb. 14, "
                  "according to the office release.")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    same = item("other", "2020-02-14", "sentencing", evidence="Sentencing is scheduled for Feb. 14.")
    different = item("legal", "2020-02-14", "a hearing", evidence="A hearing on the bail request was held.")
    result = _replay_changes_nothing(first.timeline, WIRE, 1, [same, different], at(1))
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
    result = _replay_changes_nothing(first.timeline, WIRE, 1, told, at(1))
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
    result = _replay_changes_nothing(first.timeline, WIRE, 1, [swap], at(1))
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
    result = _replay_changes_nothing(first.timeline, WIRE, 1, told, at(1))
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
    result = _replay_changes_nothing(first.timeline, WIRE, 1, [told, said], at(1))
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
    result = _replay_changes_nothing(first.timeline, WIRE, 1, [studied, other], at(1))
    assert sorted((e.kind, e.source_count) for e in result.timeline) == [("policy", 1), ("statement", 2)]


def test_a_statement_naming_a_happening_by_its_word_needs_less_wording_in_common_with_it():
    def rows(announced: str) -> list[int]:
        known = [item("legal", "2021-03-10", "arrested", actors=["Ada Brisk"],
                      evidence="Three people have been arrested for allegedly running the smuggling ring "
                               "that moved stolen engines through the ports of Brenholm and Port Elms, "
                               "officials announced Wednesday.")]
        first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
        told = [item("statement", "2021-03-10", "announced", evidence=announced)]
        return sorted(e.source_count for e in _replay_changes_nothing(first.timeline, WIRE, 1, told,
                                                                      at(1)).timeline)

    # 0.44 of the words in common, "arrests" among them: the announcement is of the arrests
    assert rows("Federal prosecutors on Wednesday announced three arrests tied to a dockside ring that "
                "allegedly shipped parts out of warehouses in Port Elms, paying workers and clerks to look "
                "away.") == [2]
    # 0.38 in common, none of them an arrest's: another announcement of that day
    assert rows("Federal prosecutors on Wednesday announced three charges tied to a dockside ring that "
                "allegedly shipped parts out of warehouses in Port Elms, paying workers and clerks to look "
                "away.") == [1, 1]


def test_a_report_naming_nobody_who_acts_needs_less_wording_where_it_names_the_others_actors():
    freed = ("Two ferrymen, a Dane and a Finn, held by the Harbour Front since 2016 were released Tuesday "
             "in a swap for rebel commanders.")

    def rows(actor: str) -> list[int]:
        told = (f"The storm came a day after the {actor} freed two ferrymen it had held, in exchange for "
                "jailed fighters, officials in Brenholm said.")
        known = [item("release", "2021-06-15", "released", evidence=freed)]
        first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
        swap = [item("release", "2021-06-15", "freed", actors=[actor], evidence=told)]
        return sorted(e.source_count for e in _replay_changes_nothing(first.timeline, WIRE, 1, swap,
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
        return sorted(e.source_count for e in _replay_changes_nothing(done.timeline, WIRE, 1, told,
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
    result = _replay_changes_nothing(first.timeline, WIRE, 1, [wagon], at(1))
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
    fed = _replay_changes_nothing(first.timeline, "https://harbour.example/feed.xml", 1, entry, at(1))
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
    result = _replay_changes_nothing(first.timeline, WIRE, 1, told, at(1))
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
    result = _replay_changes_nothing(first.timeline, WIRE, 1, told, at(1))
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


def test_a_sources_own_next_version_keeps_the_strict_rules():
    # The looser rules join outlets; one source's versions are matched as before (a new actor: a new item).
    first = reconcile((), STORY, HARBOUR, 1, None, [_call("2020-03-30", actors=["Donald Trump"])], at(0))
    result = reconcile(first.timeline, STORY, HARBOUR, 2, None, [_call("2020-03-30", actors=PUTIN_TRUMP)],
                       at(1))
    assert sorted(c.kind for c in result.changes) == ["added", "removed"]


# --- disputes: two sources, two values of one figure --------------------------------------------------------


def _toll(value, date="2021-06-14"):
    return item("figure", date, f"{value} dead", subject="Port Elms", metric="deaths", value=value,
                qualifier="exact")


def test_two_sources_disagreeing_on_a_toll_keep_both_disputed_once():
    first = reconcile((), STORY, HARBOUR, 1, "2021-06-14", [_toll(12)], at(0))
    second = _replay_changes_nothing(first.timeline, WIRE, 1, [_toll(15)], at(1))
    assert sorted((e.value, e.status) for e in second.timeline) == [(12, ACTIVE), (15, ACTIVE)]
    disputed = [c for c in second.changes if c.kind == "disputed"]
    assert [(c.entry.value, c.rival.value) for c in disputed] == [(15, 12)]
    # Either source checked again: nothing new to say.
    again = reconcile(second.timeline, STORY, HARBOUR, 2, "2021-06-14", [_toll(12)], at(2))
    assert again.changes == ()


def test_a_later_version_of_the_same_source_is_still_a_revision_and_ends_the_dispute():
    first = reconcile((), STORY, HARBOUR, 1, "2021-06-14", [_toll(12)], at(0))
    second = reconcile(first.timeline, STORY, WIRE, 1, "2021-06-14", [_toll(15)], at(1))
    third = reconcile(second.timeline, STORY, HARBOUR, 2, "2021-06-14", [_toll(15)], at(2))
    assert kinds(third) == [("revised", "12 dead")]
    now = {e.value: e for e in third.timeline}
    assert now[12].status == REVISED and now[15].status == ACTIVE and now[15].source_count == 2


def test_another_day_from_another_source_is_news_not_a_dispute():
    first = reconcile((), STORY, HARBOUR, 1, "2021-06-14", [_toll(12)], at(0))
    second = reconcile(first.timeline, STORY, WIRE, 1, "2021-06-15", [_toll(15, "2021-06-15")], at(1))
    assert kinds(second) == [("added", "15 dead"), ("revised", "12 dead")]


NEWS = "https://news.example/ferry"


def test_a_row_names_every_actor_its_reports_name_so_a_third_outlet_naming_the_other_matches():
    first = reconcile((), STORY, HARBOUR, 1, None, [_call("2020-03-30", actors=["Donald Trump"])], at(0))
    both = _replay_changes_nothing(first.timeline, WIRE, 1, [_call("2020-03-30", actors=PUTIN_TRUMP)], at(1))
    (row,) = both.timeline
    assert row.actors == ("Donald Trump", "Vladimir Putin")
    third = _replay_changes_nothing(both.timeline, NEWS, 1, [_call("2020-03-30", actors=["Putin"])], at(2))
    assert _rows(third) == [("2020-03-30", 3, (HARBOUR, WIRE, NEWS))]
    # A third outlet's call with someone neither report names is another call.
    other = _replay_changes_nothing(both.timeline, NEWS, 1, [_call("2020-03-30", actors=["Erdogan"])], at(2))
    assert _rows(other) == [("2020-03-30", 1, (NEWS,)), ("2020-03-30", 2, (HARBOUR, WIRE))]


def test_a_place_named_as_the_actor_does_not_conflict_with_a_person_the_wording_decides():
    known = [item("legal", "2021-03-08", "plea", actors=["Tom Okafor"],
                  evidence="Tom Okafor pleaded guilty Monday to sinking the harbour tug, prosecutors said.")]
    first = reconcile((), STORY, HARBOUR, 1, None, known, at(0))
    # "A Texas man": the extractor names the place; the sentence is the plea.
    place = item("legal", "2021-03-08", "plea", actors=["Texas"],
                 evidence="A Texas man pleaded guilty Monday to sinking the harbour tug.")
    result = _replay_changes_nothing(first.timeline, WIRE, 1, [place], at(1))
    assert _rows(result, "legal") == [("2021-03-08", 2, (HARBOUR, WIRE))]
    # Worded otherwise, or another person beside the place, it stays another happening.
    hearing = item("legal", "2021-03-08", "hearing", actors=["Ohio"],
                   evidence="An Ohio court held a bail hearing for the ferry owner.")
    person = item("legal", "2021-03-08", "plea", actors=["Ana Ruiz", "Texas"],
                  evidence="Ana Ruiz of Texas pleaded guilty Monday to sinking the harbour tug.")
    apart = _replay_changes_nothing(first.timeline, WIRE, 1, [hearing, person], at(1))
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
    result = _replay_changes_nothing(first.timeline, WIRE, 1, [told], at(1))
    assert _rows(result, "business") == [("2021-06-14", 2, (HARBOUR, WIRE))]
    # A name the other sentence does not give is a conflict still, however alike the words; so are names
    # given by both sentences told otherwise.
    other = item("business", "2021-06-14", "launch", actors=["Brightwave"],
                 evidence="Brightwave's long-awaited streaming music service launched on Monday in nine "
                          "countries.")
    unlike = item("business", "2021-06-14", "launch", actors=["Halvorsen"],
                  evidence="Halvorsen shares rose as Corvane opened its first office in Port Elms.")
    for report in (other, unlike):
        apart = _replay_changes_nothing(first.timeline, WIRE, 1, [report], at(1))
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
    result = _replay_changes_nothing(first.timeline, WIRE, 1, told, at(1))
    assert _rows(result, "legal") == [("2021-06-14", 2, (HARBOUR, WIRE))]
    assert _rows(result, "meeting") == [("2021-06-14", 1, (HARBOUR,)), ("2021-06-15", 1, (WIRE,))]
    # Two days apart is too far, however alike the words.
    far = [dataclasses.replace(told[0], date="2021-06-16")]
    apart = _replay_changes_nothing(first.timeline, WIRE, 1, far, at(1))
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
    result = _replay_changes_nothing(first.timeline, HARBOUR, 1, told, at(1))
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
    third = _replay_changes_nothing(second.timeline, NEWS, 1, [both], at(2))
    assert third.changes == ()  # one happening more widely reported is no news
    live = [e for e in third.timeline if e.status == ACTIVE]
    (row,) = live
    assert {s.source_url for s in row.sources} == {HARBOUR, WIRE, NEWS} and row.source_count == 3
    assert row.date == "2021-05" and set(row.actors) == {"Harbour Board", "Ferry Fund"}
    (gone,) = [e for e in third.timeline if e.status != ACTIVE]
    assert gone.status == REVISED and gone.superseded_by == row.event_id and gone.source_count == 0
    # The merged row's source, read again, reports the row it joined; nothing changes.
    _replay_changes_nothing(third.timeline, WIRE, 1, [fund], at(3))
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
    result = _replay_changes_nothing(own.timeline, NEWS, 1, [both], at(1))
    assert sorted(e.source_count for e in result.timeline) == [1, 2]
    # Two outlets' rows of May and June: a report of the year matches both, but they are two happenings.
    may = reconcile((), STORY, HARBOUR, 1, None, [fund], at(0))
    june = reconcile(may.timeline, STORY, WIRE, 1, None, [board_june], at(1))
    result = _replay_changes_nothing(june.timeline, NEWS, 1, [both], at(2))
    assert all(e.status == ACTIVE for e in result.timeline) and len(result.timeline) == 2


def test_a_replay_keeps_items_of_one_sentence_on_their_rows():
    # Items of one sentence are told apart on a replay by nothing but their candidates: none of them grows a
    # row's actors, which would give its sister item a new candidate.
    talk = [_call("2021-06-13", actors=[]), _call("2021-06-13", actors=["Ana Ruiz", "Ruiz"]),
            _call("2021-06-13", actors=["Texas"])]
    first = reconcile((), STORY, HARBOUR, 1, None, talk, at(0))
    told = [_call("2021-06-13", actors=[]), _call("2021-06-13", actors=["Ana Ruiz", "Texas"]),
            _call("2021-06-13", actors=["Ana Ruiz"])]
    result = _replay_changes_nothing(first.timeline, WIRE, 1, told, at(1))
    assert sorted(e.actors for e in result.timeline) == [(), ("Ana Ruiz", "Ruiz"), ("Texas",)]
