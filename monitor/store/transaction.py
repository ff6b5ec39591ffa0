"""The writes of one check inside one transaction: what `Store.commit` and `Store.transaction` hand their
work, each method a call into the aggregate modules over the transaction's session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

from monitor.store import alert_log, checks, feed_entries, history, sources, timeline
from monitor.store.locks import story_lock_key

if TYPE_CHECKING:
    from monitor.store.records import (
        CheckRecord,
        NewAlert,
        ParsedFeedEntry,
        RecordedCheck,
        SavedFeedEntry,
        SourceSpec,
        StoredFeedEntry,
    )
    from monitor.track.candidates import Reach
    from monitor.track.timeline import TimelineEntry


class StoreTransaction:
    """The writes of one check, inside one transaction (see `Store.commit` and `Store.transaction`).

    Lock order, to stay free of deadlocks: the story (`lock_story`) before the source row (`record_check`).
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    def lock_story(self, story: str) -> None:
        """Serialise, until commit, every transaction that reconciles this story's timeline.

        PostgreSQL: a transaction-level advisory lock; each later statement of a READ COMMITTED transaction
        then sees what the previous holder committed. SQLite: BEGIN IMMEDIATE already holds the database's
        write lock, which serialises all writers.
        """
        if self.dialect == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": story_lock_key(story)})

    def record_check(self, record: CheckRecord) -> RecordedCheck:
        """See `Store.record_result`."""
        return checks.record_check(self.session, record)

    def load_timeline(self, story: str) -> list[TimelineEntry]:
        """The story's timeline as this transaction sees it (call `lock_story` first)."""
        return timeline.load_timeline(self.session, story)

    def load_candidates(self, story: str, reach: Reach) -> list[TimelineEntry]:
        """The rows of the story a version can touch (monitor.track.candidates), as this transaction sees
        them (call `lock_story` first): what `reconcile` needs instead of the whole timeline."""
        return timeline.load_candidates(self.session, story, reach)

    def write_timeline(self, entries: Sequence[TimelineEntry]) -> None:
        """Upsert timeline entries and their per-source reports."""
        timeline.write_timeline(self.session, entries)

    def record_history(
        self, before: Sequence[TimelineEntry], updated: Sequence[TimelineEntry], at: dt.datetime,
        source_url: str, version: int | None, extractor: str | None,
    ) -> None:
        """Append the states of the rows a reconcile at `at` of `source_url`'s `version` changed (against
        `before`, the rows it started from), and stamp them with `extractor` (monitor.store.history)."""
        history.record_states(self.session, before, updated, at, source_url, version, extractor)

    def feed_entries(self, source_id: int) -> list[StoredFeedEntry]:
        """A feed's stored entries, in the order they were first seen."""
        return feed_entries.feed_entries(self.session, source_id)

    def save_feed_entry(self, source_id: int, entry: ParsedFeedEntry, now: dt.datetime) -> SavedFeedEntry:
        """Store a parsed entry once (by its key); a changed title or summary is a new revision, kept."""
        return feed_entries.save_feed_entry(self.session, source_id, entry, now)

    def story_source_urls(self, story: str) -> list[str]:
        """The URL of every source (page or feed, active or not) of the story."""
        return sources.story_source_urls(self.session, story)

    def add_source(self, spec: SourceSpec, now: dt.datetime) -> bool:
        """Add a source due now; False when the story already has this URL."""
        return sources.add_source(self.session, spec, now)

    def log_alerts(self, alerts: Sequence[NewAlert], now: dt.datetime) -> None:
        """Write the check's alerts to the alert log, and queue their notifications, with the check."""
        alert_log.log_alerts(self.session, alerts, now)
