"""monitor.store.timeline's kept entries: a process reuses the timeline entries it read while their rows are
unchanged, and reads a row again once any process wrote it (two stores on one SQLite file are two processes'
views)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from monitor.run.story import Extracted, apply_version
from monitor.store import Store, open_store
from monitor.track.candidates import reach_of
from monitor.track.entries import ItemLike, TimelineEntry
from tests.fixtures.timeline.scenario import item

T0 = dt.datetime(2021, 6, 14, 9, 0, tzinfo=dt.UTC)
STORY = "harbour"
HARBOUR, WIRE, COAST = (f"https://news.example/{name}" for name in ("harbour", "wire", "coast"))
TALKS = item("meeting", "2021-06-14", "harbour talks", actors=["Harbour Board"],
             evidence="The Harbour Board met the ferry unions on Monday.")
TOLL = item("figure", "2021-06-14", "ferries idle", subject="Portmarsh", metric="ferries", value=12,
            evidence="Twelve ferries stood idle in Portmarsh on Monday.")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'timeline.sqlite'}"
    open_store(url).close()
    yield url


def _apply(store: Store, source: str, version: int, items: list[ItemLike], at: dt.datetime) -> None:
    with store.transaction() as tx:
        tx.lock_story(STORY)
        apply_version(tx, Extracted(STORY, source, version, None, tuple(items)), version, at)


def _candidates(store: Store, source: str, items: list[ItemLike]) -> list[TimelineEntry]:
    with store.transaction() as tx:
        return tx.load_candidates(STORY, reach_of(items, STORY, source))


class _ReportReads:
    """Counts the statements that read `item_reports` rows by item on a store's engine."""

    def __init__(self, store: Store) -> None:
        self.count = 0
        event.listen(store.engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if "FROM item_reports" in statement and "item_reports.item_id IN" in statement:
            self.count += 1


def test_unchanged_rows_are_not_read_again(database: str) -> None:
    store = open_store(database)
    _apply(store, HARBOUR, 1, [TALKS, TOLL], T0)
    _apply(store, WIRE, 1, [TALKS], T0 + dt.timedelta(minutes=5))
    reads = _ReportReads(store)
    first = _candidates(store, COAST, [TALKS, TOLL])
    assert reads.count >= 1
    before = reads.count
    again = _candidates(store, COAST, [TALKS, TOLL])
    assert reads.count == before  # both rows as they were: their entries are reused
    assert again == first
    store.close()


def test_a_row_written_by_another_process_is_read_again(database: str) -> None:
    mine, theirs = open_store(database), open_store(database)
    _apply(mine, HARBOUR, 1, [TALKS, TOLL], T0)
    seen = {e.kind: e for e in _candidates(mine, COAST, [TALKS, TOLL])}
    assert seen["meeting"].source_count == 1
    # Another process's check adds the wire's report of the talks: the row, and only it, is read again.
    _apply(theirs, WIRE, 1, [TALKS], T0 + dt.timedelta(minutes=5))
    reads = _ReportReads(mine)
    now = {e.kind: e for e in _candidates(mine, COAST, [TALKS, TOLL])}
    assert now["meeting"].source_count == 2
    assert sorted(s.source_url for s in now["meeting"].sources) == sorted([HARBOUR, WIRE])
    assert now["figure"] is seen["figure"]
    assert reads.count == 1
    # The harbour drops the toll in its next version: the figure's row changes and is read again too.
    _apply(theirs, HARBOUR, 2, [TALKS], T0 + dt.timedelta(minutes=10))
    latest = {e.kind: e for e in _candidates(mine, COAST, [TALKS, TOLL])}
    assert latest["figure"].status == "removed"
    assert latest == {e.kind: e for e in _candidates(theirs, COAST, [TALKS, TOLL])}
    mine.close()
    theirs.close()


def test_a_rolled_back_write_leaves_the_rows_as_stored(database: str) -> None:
    store = open_store(database)
    _apply(store, HARBOUR, 1, [TALKS], T0)
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.lock_story(STORY)
        apply_version(tx, Extracted(STORY, WIRE, 1, None, (TALKS,)), 1, T0 + dt.timedelta(minutes=5))
        # what this transaction wrote is read, and kept, before the rollback
        assert tx.load_candidates(STORY, reach_of([TALKS], STORY, COAST))[0].source_count == 2
        raise RuntimeError("the check fails after reconciling")
    (row,) = _candidates(store, COAST, [TALKS])
    assert row.source_count == 1 and [s.source_url for s in row.sources] == [HARBOUR]
    store.close()


def test_a_process_keeps_the_rows_of_the_story_it_read_last(database: str) -> None:
    # A cycle of many small stories would otherwise keep every story's rows in every process for nothing.
    store = open_store(database)
    _apply(store, HARBOUR, 1, [TALKS], T0)
    with store.transaction() as tx:
        tx.lock_story("coast")
        apply_version(tx, Extracted("coast", COAST, 1, None, (TALKS,)), 1, T0)
    reads = _ReportReads(store)
    _candidates(store, WIRE, [TALKS])
    _candidates(store, WIRE, [TALKS])
    assert reads.count == 1  # the harbour story's row, once
    with store.transaction() as tx:
        tx.load_candidates("coast", reach_of([TALKS], "coast", WIRE))
    _candidates(store, WIRE, [TALKS])
    assert reads.count == 3  # the coast story's row, then the harbour's again
    store.close()
