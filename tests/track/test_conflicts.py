"""Two sources giving two values of one figure: both rows kept and disputed, once (monitor/track/conflicts.py,
through monitor/track/timeline.py's reconcile)."""

from __future__ import annotations

from monitor.track.timeline import ACTIVE, REVISED, ReconcileResult, reconcile
from tests.fixtures.timeline.scenario import at, item, load_scenario, replay_changes_nothing

STORY, SOURCES, _VERSIONS = load_scenario()
HARBOUR, WIRE = SOURCES["harbour"], SOURCES["wire"]


def kinds(result: ReconcileResult) -> list[tuple[str, str]]:
    return sorted((c.kind, c.entry.summary) for c in result.changes)


def _toll(value, date="2021-06-14"):
    return item("figure", date, f"{value} dead", subject="Port Elms", metric="deaths", value=value,
                qualifier="exact")


def test_two_sources_disagreeing_on_a_toll_keep_both_disputed_once():
    first = reconcile((), STORY, HARBOUR, 1, "2021-06-14", [_toll(12)], at(0))
    second = replay_changes_nothing(STORY, first.timeline, WIRE, 1, [_toll(15)], at(1))
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
