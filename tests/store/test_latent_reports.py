"""Undated reports in the store (item_reports.latent, migration 0009): kept for matching, hidden from readers
until another outlet tells the same happening (TimelineEntry.shown)."""

from __future__ import annotations

import datetime as dt

from monitor.run.story import Extracted, apply_version
from monitor.store import Store
from monitor.track.entries import ItemLike
from tests.fixtures.timeline.scenario import item

T0 = dt.datetime(2024, 5, 14, 9, 0, tzinfo=dt.UTC)
STORY = "ferry"
A, B = "https://a.example/ferry", "https://b.example/ferry"
SAID_A = "\u201cWe will sail again within the month,\u201d Mara Ostvik told the harbour council."
SAID_B = "\u201cWe will sail again within the month,\u201d said Mara Ostvik of the ferry company."


def _apply(store: Store, source: str, items: list[ItemLike], at: dt.datetime) -> None:
    with store.transaction() as tx:
        tx.lock_story(STORY)
        apply_version(tx, Extracted(STORY, source, 1, "2024-05-14", tuple(items)), None, at)


def _held(evidence: str) -> ItemLike:
    return item("statement", None, "Statement", evidence, actors=["Mara Ostvik"], latent=True)


def test_an_undated_report_is_stored_hidden_and_shown_once_another_outlet_tells_it(store: Store) -> None:
    _apply(store, A, [_held(SAID_A)], T0)
    assert store.load_timeline(STORY) == []
    assert store.timeline_as_of(T0 + dt.timedelta(seconds=1), STORY) == []
    _apply(store, B, [_held(SAID_B)], T0 + dt.timedelta(minutes=1))
    [row] = store.load_timeline(STORY)
    assert {(s.source_url, s.latent) for s in row.sources} == {(A, True), (B, True)}
    assert row.date is None and row.source_count == 2
    [as_of] = store.timeline_as_of(T0 + dt.timedelta(minutes=2), STORY)
    assert as_of.event_id == row.event_id
