"""The repository: short transactions over the schema, taking and returning frozen records.

    store = open_store("sqlite:///db/timeline.sqlite")     # migrates to head first
    store.sync_specs(config_specs(config), now)             # monitor.run.specs
    for source in store.claim_due("host-1234", now, lease_seconds=300, limit=8):
        ...                                                  # fetch, extract (monitor.run.check)
        store.record_result(CheckRecord(...))               # one transaction; releases the lease

Every write runs in its own transaction; on SQLite it takes the write lock at BEGIN (BEGIN IMMEDIATE), on
PostgreSQL it locks the rows it changes. A process killed at any moment leaves a check either recorded whole
or not at all.

A check that changes a story (a page's new version reconciled into the timeline; a feed's entries, followed
sources and publications) runs its work in the check's own transaction through `Store.commit(record, work,
story=...)`: the story's lock is taken first (a PostgreSQL advisory lock; SQLite's write lock is already
held), so the work's read-modify-write of the timeline sees every earlier commit and no other check of the
same story can interleave with it.

The work itself lives in one module per aggregate, as functions over an open Session: `sources` (sources and
their leases), `checks` (check records and the check log), `snapshots` (stored versions), `feed_entries`
(feed entries and their revisions) and `timeline` (timeline rows). `Store` and `StoreTransaction`
(monitor.store.transaction) only open the session (or hold the transaction's) and call them; the locks across
processes are in `locks`.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from monitor.errors import StoreError
from monitor.store import (
    alert_log,
    checks,
    feed_entries,
    history,
    locks,
    rebuild,
    retention,
    snapshots,
    sources,
    timeline,
)
from monitor.store.engine import IMMEDIATE, create_store_engine, readable_as_is, redact
from monitor.store.locks import story_lock_key
from monitor.store.migrate import at_head, current_of, first_line, head_revision, upgrade_engine
from monitor.store.records import (
    CONFIG_ORIGIN,
    CheckInfo,
    CheckRecord,
    LeaseLostError,
    LoggedAlert,
    NewAlert,
    PendingNotification,
    RecordedCheck,
    SnapshotData,
    SourceInfo,
    SourceRef,
    SourceSpec,
    StoredFeedEntry,
    StoredVersion,
    SyncSummary,
    VersionInfo,
)
from monitor.store.transaction import StoreTransaction

if TYPE_CHECKING:
    from monitor.store.history import State
    from monitor.track.timeline import TimelineEntry

R = TypeVar("R")


def open_store(url: str, *, migrate: bool = True, read_only: bool = False) -> Store:
    """Connect to `url` and bring its schema to the newest migration (or, with migrate=False, insist on it).

    With `read_only` (the commands that only read: `timeline`, `export`, `report`, `sources` ...), the
    database is opened read-only and never migrated, so a read-only file or a reader's account will do.

    Raises StoreError when the database cannot be reached or is at another revision (one line that says
    to run `monitor db upgrade`).
    """
    # A SQLite file that does not exist yet is created as usual: there is nothing to protect, and a command
    # run before the first check then reads an empty database.
    read_only = read_only and readable_as_is(url)
    engine = create_store_engine(url, read_only=read_only)
    try:
        if at_head(engine):
            pass  # the usual start: nothing to migrate, and no need to load Alembic to know it
        elif migrate and not read_only:
            upgrade_engine(engine)
        else:
            _require_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


def _require_head(engine: Engine) -> None:
    current = current_of(engine)
    head = head_revision()
    if current != head:
        raise StoreError(f"database: schema is at revision {current or 'none'}, expected {head}: "
                         "run `monitor db upgrade`")


class Store:
    """Repository over one engine. Methods are thread-safe: each opens and closes its own session."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(engine.execution_options(**{IMMEDIATE: True}), expire_on_commit=False)
        # SQLite has one writer at a time. Its busy handler lets each waiting connection poll, sleeping up to
        # 100 ms in between, so of a process's many checks committing at once some lost every poll to the
        # others (and to the other processes of a cycle) until the busy timeout failed them (`database is
        # locked`). Here a process's writers queue on a lock of their own, and only one at a time waits in
        # SQLite against the other processes. PostgreSQL writers lock rows, not the database: no queue.
        self._writers = threading.RLock() if engine.dialect.name == "sqlite" else None
        _STORES.add(self)

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    # ------------------------------------------------------------------------------------------ sessions

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._translate(), self._reader() as session, session.begin():
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._queued(), self._translate(), self._writer() as session, session.begin():
            yield session

    @contextmanager
    def _queued(self) -> Iterator[None]:
        """This process's turn to write (SQLite; see `__init__`)."""
        if self._writers is None:
            yield
            return
        with self._writers:
            yield

    def _after_fork(self) -> None:
        # A forked child has none of its parent's threads: a lock one of them held would never be released.
        if self._writers is not None:
            self._writers = threading.RLock()

    @contextmanager
    def _translate(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            raise StoreError(f"database {redact(str(self.engine.url))}: {first_line(exc)}") from exc

    @contextmanager
    def transaction(self) -> Iterator[StoreTransaction]:
        """One write transaction (the SQLite write lock is taken at BEGIN); committed when the block ends."""
        with self._write() as session:
            yield StoreTransaction(session)

    # ------------------------------------------------------------------------------------------- sources

    def sync_specs(self, specs: Sequence[SourceSpec], now: dt.datetime) -> SyncSummary:
        """Make the sources table match `specs` (monitor.run.specs.config_specs: every source of the config):
        add new sources (due now), update changed intervals and feed settings, reactivate returning ones,
        deactivate (never delete) removed ones and the articles followed from removed feeds.

        The digest of the specs is kept in the database: when it equals that of the last sync, nothing can
        differ and nothing is read or written but the digest (the unchanged cycle's start, issue 17)."""
        digest = sources.specs_digest(specs)
        with self._read() as session:
            if sources.synced_digest(session) == digest:
                return SyncSummary((), (), (), ())
        with self._write() as session:
            summary = sources.sync_specs(session, specs, now)
            sources.remember_digest(session, digest, now)
            return summary

    def add_source(self, spec: SourceSpec, now: dt.datetime) -> bool:
        """Add a source (an article followed from a feed), due now; False when the story already has it."""
        with self._write() as session:
            return sources.add_source(session, spec, now)

    def claim_due(
        self,
        owner: str,
        now: dt.datetime,
        lease_seconds: float,
        limit: int | None = None,
        *,
        story: str | None = None,
        ignore_schedule: bool = False,
        due_by: dt.datetime | None = None,
    ) -> list[SourceRef]:
        """Lease up to `limit` active sources that are due (or all, with ignore_schedule) and not leased.

        `due_by` (default `now`) is the time a source must be due by: a cycle that claims in chunks passes
        its start, so that a source checked (and so rescheduled) during the cycle is not claimed again.

        A source is free when it has no lease or its lease expired: a crashed process's sources come back
        after `lease_seconds`. Two processes never hold one source (see `sources.claim`).
        """
        if limit is not None and limit <= 0:
            return []
        conditions = sources.due_conditions(now, story=story, ignore_schedule=ignore_schedule, due_by=due_by)
        expires = now + dt.timedelta(seconds=lease_seconds)
        with self._write() as session:
            return sources.claim(session, owner, conditions, expires, limit)

    def leased_stories(self, now: dt.datetime) -> set[str]:
        """The stories with a source being checked now (by any process)."""
        with self._read() as session:
            return sources.leased_stories(session, now)

    def make_due(
        self, now: dt.datetime, story: str | None = None, checked_before: dt.datetime | None = None
    ) -> int:
        """Make every active source (of one story) that no process holds due at `now`, and with
        `checked_before` only those no process checked since then; how many were not.

        `monitor check` starts with this, then claims with `due_by=now` in chunks until nothing is left. Its
        `checked_before` is when it was asked: a source another process checked meanwhile (another `monitor
        check` started at the same time, a service) has been checked since, and is not checked twice.
        """
        with self._write() as session:
            return sources.make_due(session, now, story, checked_before)

    def release(self, source_id: int, owner: str, next_due_at: dt.datetime | None = None) -> bool:
        """Give up `owner`'s lease (optionally rescheduling); False when `owner` no longer held it."""
        with self._write() as session:
            return sources.release(session, source_id, owner, next_due_at)

    def renew(self, owner: str, source_ids: Sequence[int], expires: dt.datetime) -> set[int]:
        """Extend `owner`'s leases on `source_ids` to `expires`; the ids it still holds (the others were
        taken over by another process after the lease expired)."""
        if not source_ids:
            return set()
        with self._write() as session:
            return sources.renew(session, owner, source_ids, expires)

    def lease_owners(self, prefix: str, now: dt.datetime) -> list[str]:
        """The owners named `prefix...` that hold a lease not yet expired at `now`."""
        with self._read() as session:
            return sources.lease_owners(session, prefix, now)

    def free_leases(self, owners: Sequence[str]) -> int:
        """Free every lease of `owners`, processes known to be dead; how many sources that freed."""
        if not owners:
            return 0
        with self._write() as session:
            return sources.free_leases(session, owners)

    def source(self, source_id: int) -> SourceRef:
        """One source by id (StoreError when it does not exist)."""
        with self._read() as session:
            return sources.source(session, source_id)

    def sources(self, story: str | None = None, *, active_only: bool = False) -> list[SourceInfo]:
        """Every source (of one story), with its health and number of versions."""
        with self._read() as session:
            return sources.sources(session, story, active_only=active_only)

    def count_sources(
        self, story: str | None = None, *, active_only: bool = False, unread: bool = False
    ) -> int:
        """How many sources (of one story) `sources` would list, without reading them; `unread`: only the
        pages that never had a version stored."""
        with self._read() as session:
            return sources.count_sources(session, story, active_only=active_only, unread=unread)

    def find_sources(self, url: str) -> list[SourceInfo]:
        """The sources with this URL: one per story that watches it."""
        with self._read() as session:
            return sources.find_sources(session, url)

    def resolve(self, url: str, story: str | None = None) -> SourceInfo:
        """The one source a user means by `url` (and `story`), or InputError saying what is missing."""
        with self._read() as session:
            return sources.resolve(session, url, story)

    # -------------------------------------------------------------------------------------------- checks

    def record_result(self, record: CheckRecord) -> RecordedCheck:
        """Write one check in one transaction: the new snapshot (numbered latest + 1), the check-log row
        (pruning the log to `check_log_keep`), the source's health, validators and next due time, and the
        release of the lease. Raises LeaseLostError (and writes nothing) when `record.owner` lost the lease.
        """
        return self.commit(record)[0]

    def record_quiet(self, records: Sequence[CheckRecord]) -> list[RecordedCheck | LeaseLostError]:
        """Write many checks that changed nothing (`not_modified` / `unchanged`: no snapshot, no timeline, no
        failure) in one transaction, as `record_result` would one by one: check-log rows (pruned), each
        source's health, validators and next due time, and the release of its lease.

        Returns, per record in order, its RecordedCheck, or the LeaseLostError of a source whose lease its
        owner no longer holds: that record alone is discarded, the others are written.
        """
        checks.require_quiet(records)
        if not records:
            return []
        with self._write() as session:
            return checks.record_quiet(session, records)

    def commit(
        self, record: CheckRecord, work: Callable[[StoreTransaction, RecordedCheck], R] | None = None, *,
        story: str | None = None,
    ) -> tuple[RecordedCheck, R | None]:
        """`record_result`, then `work(tx, recorded)` in the same transaction (the timeline, feed entries and
        followed sources of the check), all written or none.

        With `story`, the transaction first takes the story's lock, so that the work's read-modify-write of
        the story's timeline cannot interleave with another check's of the same story.
        """
        with self.transaction() as tx:
            if story is not None:
                tx.lock_story(story)
            recorded = tx.record_check(record)
            result = work(tx, recorded) if work is not None else None
        return recorded, result

    def checks(self, source_id: int, limit: int | None = None) -> list[CheckInfo]:
        """The check log of a source, newest first."""
        with self._read() as session:
            return checks.checks(session, source_id, limit)

    # ----------------------------------------------------------------------------------------- snapshots

    def latest_version(self, source_id: int) -> tuple[int, str] | None:
        """The newest version's number and content hash, without reading its text; None before the first."""
        with self._read() as session:
            return snapshots.latest_version(session, source_id)

    def latest_head(self, source_id: int) -> tuple[int, str, str | None] | None:
        """The newest version's number, content hash and title, without its text; None before the first."""
        with self._read() as session:
            return snapshots.latest_head(session, source_id)

    def recent_versions(self, source_id: int, count: int) -> list[tuple[str, str | None]]:
        """(content hash, title) of the newest `count` versions, newest first."""
        if count <= 0:
            return []
        with self._read() as session:
            return snapshots.recent_versions(session, source_id, count)

    def latest_snapshot(self, source_id: int) -> SnapshotData | None:
        """The newest version of a source, text included; None before the first."""
        with self._read() as session:
            return snapshots.latest_snapshot(session, source_id)

    def source_origins(self, story: str | None = None) -> dict[str, str]:
        """Each page source's URL -> its origin (monitor.track.origins): the first source of the story whose
        newest version its own is a near-identical copy of; itself when it is no copy."""
        from monitor.track.origins import origins

        with self._read() as session:
            stories = [story] if story is not None else snapshots.stories_with_versions(session)
            found: dict[str, str] = {}
            for one in stories:
                found.update(origins(snapshots.story_fingerprints(session, one)))
            return found

    def history(self, url: str, story: str | None = None) -> list[VersionInfo]:
        """The stored versions of the source at `url`, oldest first.

        Raises InputError when no story watches `url`, or when several do and `story` does not say which.
        """
        with self._read() as session:
            return snapshots.history(session, url, story)

    def snapshot(self, url: str, version: int, story: str | None = None) -> SnapshotData:
        """One version of the source at `url`; InputError names the versions that exist when it does not."""
        with self._read() as session:
            return snapshots.snapshot(session, url, version, story)

    def snapshot_text(self, url: str, version: int, story: str | None = None) -> str:
        """The extracted text of one version."""
        return self.snapshot(url, version, story).text

    # -------------------------------------------------------------------------------------- feed entries

    def feed_entry_hashes(self, source_id: int) -> dict[str, str]:
        """key -> content hash of a feed's stored entries."""
        with self._read() as session:
            return feed_entries.feed_entry_hashes(session, source_id)

    def feed_entries(self, source_id: int) -> list[StoredFeedEntry]:
        """A feed's stored entries, in the order they were first seen."""
        with self._read() as session:
            return feed_entries.feed_entries(session, source_id)

    def feed_entry_revisions(self, source_id: int, key: str) -> list[tuple[int, str | None, str | None]]:
        """(revision, title, summary) of one feed entry, oldest first."""
        with self._read() as session:
            return feed_entries.feed_entry_revisions(session, source_id, key)

    # ------------------------------------------------------------------------------ alerts, notifications

    def log_alerts(self, alerts: Sequence[NewAlert], now: dt.datetime) -> None:
        """Write alerts raised outside a check (and queue their notifications), in one transaction."""
        with self._write() as session:
            alert_log.log_alerts(session, alerts, now)

    def alerts(self, story: str, limit: int | None = None) -> list[LoggedAlert]:
        """A story's logged alerts, newest first."""
        with self._read() as session:
            return alert_log.alerts(session, story, limit)

    def alerted_since(self, after: int) -> tuple[int, set[str]]:
        """(the newest alert id, the stories with an alert newer than `after`)."""
        with self._read() as session:
            return alert_log.alerted_since(session, after)

    def pending_notifications(self, now: dt.datetime | None = None) -> list[PendingNotification]:
        """Queued deliveries, oldest first; with `now`, only those whose next attempt is due by then."""
        with self._read() as session:
            return alert_log.pending(session, now)

    def count_pending_notifications(self) -> int:
        """How many deliveries wait in the queue."""
        with self._read() as session:
            return alert_log.count_pending(session)

    def notifications_delivered(self, ids: Sequence[int]) -> None:
        """Delete the queue rows of deliveries done."""
        if ids:
            with self._write() as session:
                alert_log.delivered(session, ids)

    @contextmanager
    def delivery_lock(self) -> Iterator[bool]:
        """Whether this process may deliver notifications now (monitor.store.locks.delivery_lock)."""
        with self._translate(), locks.delivery_lock(self.engine) as held:
            yield held

    def notifications_failed(self, ids: Sequence[int], next_attempt_at: dt.datetime, error: str) -> None:
        """Count a failed attempt of these deliveries and set their next one."""
        if ids:
            with self._write() as session:
                alert_log.failed(session, ids, next_attempt_at, error)

    # ------------------------------------------------------------------------------------------ timeline

    def write_timeline(self, entries: Sequence[TimelineEntry]) -> None:
        """Upsert timeline entries (by event_id) and their per-source reports, in one transaction."""
        with self._write() as session:
            timeline.write_timeline(session, entries)

    def load_timeline(self, story: str | None = None) -> list[TimelineEntry]:
        """The stored timeline (of one story), as monitor.track.timeline entries, by story, date, event id:
        the rows on it (`TimelineEntry.shown`; undated reports that wait for another outlet's are not)."""
        with self._read() as session:
            return [e for e in timeline.load_timeline(session, story) if e.shown]

    # ------------------------------------------------------------------ history (monitor.store.history)

    def timeline_as_of(self, at: dt.datetime, story: str | None = None) -> list[TimelineEntry]:
        """The timeline (of one story) as it stood at `at`: rows first seen by then, with the statuses and
        values they had, before any later revision or re-reading. InputError when `at` is before the story's
        history begins."""
        with self._read() as session:
            stories = [story] if story is not None else history.history_stories(session)
            return [e for e in history.timeline_as_of(session, stories, at) if e.shown]

    def extractors(self, story: str | None = None) -> dict[tuple[str, str | None], int]:
        """(story, extractor stamp) -> rows carrying it (monitor.extract.version)."""
        with self._read() as session:
            return history.extractors(session, story)

    # ---------------------------------------------------------------- reextract (monitor.store.rebuild)

    def story_versions(self, story: str) -> list[StoredVersion]:
        """Every stored version of the story's pages, in the order they were fetched (no text)."""
        with self._read() as session:
            return rebuild.story_versions(session, story)

    def version_text(self, snapshot_id: int) -> str:
        """The text of one stored version, by its id."""
        with self._read() as session:
            return rebuild.version_text(session, snapshot_id)

    def rebuild_base(self, story: str) -> tuple[int, list[State], list[TimelineEntry]]:
        """The story's current generation, its states in the order written, and its rows."""
        with self._read() as session:
            return rebuild.rebuild_base(session, story)

    def cached_items(self, story: str, extractor: str) -> dict[int, str | None]:
        """The items an unfinished `reextract` read with `extractor`, by snapshot id."""
        with self._read() as session:
            return rebuild.cached_items(session, story, extractor)

    def cache_items(self, snapshot_id: int, extractor: str, items: str | None) -> None:
        """Record, in its own transaction, the items read from one version (a run's progress)."""
        with self._write() as session:
            rebuild.cache_items(session, snapshot_id, extractor, items)

    def finish_unchanged(self, story: str, event_ids: Sequence[str], extractor: str) -> None:
        """A rebuild that found the story as it was: stamp its rows with `extractor`, forget the progress."""
        with self._write() as session:
            rebuild.stamp_rows(session, event_ids, extractor)
            rebuild.clear_cache(session, story)

    def write_rebuild(
        self, story: str, *, base_generation: int, snapshot_ids: Sequence[int], rows: Sequence[TimelineEntry],
        drop: Sequence[str], report_times: Mapping[tuple[str, str], tuple[dt.datetime, dt.datetime]],
        new_states: Sequence[State], extractor: str, summary: str, recorded_at: dt.datetime,
    ) -> bool:
        """Replace the story's derived rows and start its next generation, in one transaction under the
        story's lock; False (nothing written) when the story changed since the replay read it."""
        with self.transaction() as tx:
            tx.lock_story(story)
            return rebuild.write_rebuild(
                tx.session, story, base_generation=base_generation, snapshot_ids=snapshot_ids, rows=rows,
                drop=drop, report_times=report_times, new_states=new_states, extractor=extractor,
                summary=summary, recorded_at=recorded_at)


    # ---------------------------------------------------------------- retention (monitor.store.retention)

    def prune_plan(self, rules: Mapping[str, retention.Rule], now: dt.datetime) -> list[retention.StoryPrune]:
        """What retention would drop, story by story; nothing is changed."""
        with self._read() as session:
            return retention.plan(session, rules, now)

    def prune(
        self, rules: Mapping[str, retention.Rule], now: dt.datetime, *, compact: bool = True
    ) -> list[retention.StoryPrune]:
        """Drop, in one transaction, the versions' text and check-log rows retention does not keep; what it
        dropped. With `compact`, a SQLite file is then compacted (VACUUM), giving the space back to the file
        system (without, SQLite reuses it for later writes)."""
        with self._write() as session:
            plans = retention.plan(session, rules, now)
            retention.apply(session, plans, now)
        if compact and self.dialect == "sqlite" and any(p.snapshot_ids or p.check_ids for p in plans):
            self._vacuum()
        return plans


    def _vacuum(self) -> None:
        """VACUUM a SQLite file, outside any transaction (the engine's `begin` hook would open one)."""
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            try:
                cursor.execute("VACUUM")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"database {redact(str(self.engine.url))}: VACUUM: {exc}") from exc
            finally:
                cursor.close()
        finally:
            raw.close()


# Every Store of this process, so that a forked child gives each a fresh writers' lock.
_STORES: weakref.WeakSet[Store] = weakref.WeakSet()


def _reset_after_fork() -> None:
    for store in list(_STORES):
        store._after_fork()


os.register_at_fork(after_in_child=_reset_after_fork)


__all__ = ["CONFIG_ORIGIN", "Store", "StoreTransaction", "open_store", "story_lock_key"]
