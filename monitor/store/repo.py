"""The repository: short transactions over the schema, taking and returning frozen records.

    store = open_store("sqlite:///db/timeline.sqlite")     # migrates to head first
    store.sync_config(config, now)
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
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine, Row, and_, bindparam, delete, func, or_, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from monitor.config import Config
from monitor.errors import InputError, StoreError
from monitor.store.engine import IMMEDIATE, create_store_engine, redact
from monitor.store.migrate import at_head, current_of, first_line, head_revision, upgrade_engine
from monitor.store.models import (
    Check,
    FeedEntry,
    FeedEntryRevision,
    ItemReport,
    Snapshot,
    Source,
    TimelineItem,
)
from monitor.store.records import (
    CONFIG_ORIGIN,
    FEED_ORIGIN_PREFIX,
    REMOVED_FROM_CONFIG,
    CheckInfo,
    CheckRecord,
    LeaseLostError,
    RecordedCheck,
    SavedFeedEntry,
    SnapshotData,
    SourceInfo,
    SourceRef,
    SourceSpec,
    StoredFeedEntry,
    SyncSummary,
    VersionInfo,
)

if TYPE_CHECKING:
    from monitor.extract.feeds import FeedEntry as FeedEntryData
    from monitor.track.timeline import TimelineEntry

R = TypeVar("R")


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Connect to `url` and bring its schema to the newest migration (or, with migrate=False, insist on it).

    Raises StoreError when the database cannot be reached or is at another revision.
    """
    engine = create_store_engine(url)
    try:
        if at_head(engine):
            pass  # the usual start: nothing to migrate, and no need to load Alembic to know it
        elif migrate:
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


def config_specs(config: Config) -> list[SourceSpec]:
    """Every page and feed the config names, as source specs (a later duplicate URL in a story wins)."""
    specs: dict[tuple[str, str], SourceSpec] = {}
    for story in config.stories:
        for page in story.sources:
            specs[(story.id, page.url)] = SourceSpec(story.id, page.url, "page", page.every)
        for feed in story.feeds:
            specs[(story.id, feed.url)] = SourceSpec(
                story.id, feed.url, "feed", feed.every, follow=feed.follow, keywords=tuple(feed.keywords),
                exclude=tuple(feed.exclude), source_every_seconds=feed.source_every,
                max_new_sources=feed.max_new_sources,
            )
    return list(specs.values())


class Store:
    """Repository over one engine. Methods are thread-safe: each opens and closes its own session."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(engine.execution_options(**{IMMEDIATE: True}), expire_on_commit=False)

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
        with self._translate(), self._writer() as session, session.begin():
            yield session

    @contextmanager
    def _translate(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            raise StoreError(f"database {redact(str(self.engine.url))}: {first_line(exc)}") from exc

    # -------------------------------------------------------------------------------------- configuration

    def sync_config(self, config: Config, now: dt.datetime) -> SyncSummary:
        """Make the sources table match the config: add new sources (due now), update changed intervals and
        feed settings, reactivate returning ones, deactivate (never delete) removed ones and the articles
        followed from removed feeds."""
        return self.sync_specs(config_specs(config), now)

    def sync_specs(self, specs: Sequence[SourceSpec], now: dt.datetime) -> SyncSummary:
        """`sync_config` on explicit specs."""
        wanted = {(s.story_id, s.url): s for s in specs}
        following = {(s.story_id, s.url) for s in specs if s.kind == "feed" and s.follow}
        added: list[str] = []
        updated: list[str] = []
        reactivated: list[str] = []
        deactivated: list[str] = []
        with self._write() as session:
            # Plain rows: in a config of thousands of sources nearly nothing changes between two runs, and
            # loading every row as an ORM object cost more than the rest of the sync. A row that changes is
            # then loaded as an object (`edit`) and changed through it.
            rows = {(r.story_id, r.url): r for r in session.execute(select(*_SYNC_COLUMNS))}

            def edit(row: Row[Any]) -> Source:
                source = session.get(Source, row.id)
                assert source is not None  # read in this transaction
                return source

            for key, spec in wanted.items():
                row = rows.get(key)
                label = f"{spec.story_id} {spec.url}"
                if row is None:
                    session.add(_new_source(spec, now))
                    added.append(label)
                    continue
                if _spec_changed(row, spec, now):
                    _apply_spec(edit(row), spec, now)
                    updated.append(label)
                if not row.active and row.disabled_reason == REMOVED_FROM_CONFIG:
                    source = edit(row)
                    source.active, source.disabled_reason, source.next_due_at = True, None, now
                    reactivated.append(label)
            for key, row in rows.items():
                if key in wanted:
                    continue
                label = f"{row.story_id} {row.url}"
                if row.origin.startswith(FEED_ORIGIN_PREFIX):
                    feed_key = (row.story_id, row.origin[len(FEED_ORIGIN_PREFIX):])
                    keep = feed_key in following
                    if keep and not row.active and row.disabled_reason == REMOVED_FROM_CONFIG:
                        source = edit(row)
                        source.active, source.disabled_reason, source.next_due_at = True, None, now
                        reactivated.append(label)
                else:
                    keep = False
                if not keep and row.active:
                    source = edit(row)
                    source.active, source.disabled_reason = False, REMOVED_FROM_CONFIG
                    deactivated.append(label)
        return SyncSummary(tuple(added), tuple(updated), tuple(reactivated), tuple(deactivated))

    def add_source(self, spec: SourceSpec, now: dt.datetime) -> bool:
        """Add a source (an article followed from a feed), due now; False when the story already has it."""
        with self.transaction() as tx:
            return tx.add_source(spec, now)

    # ------------------------------------------------------------------------------------------ schedule

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
        after `lease_seconds`. Two processes never hold one source: on PostgreSQL the candidates are locked
        with FOR UPDATE SKIP LOCKED, on SQLite the transaction holds the write lock; both then take each lease
        with a conditional UPDATE and keep only the rows it changed.
        """
        if limit is not None and limit <= 0:
            return []
        free = or_(Source.lease_owner.is_(None), Source.lease_expires_at < now)
        conditions = [Source.active.is_(True), free]
        if not ignore_schedule:
            conditions.append(Source.next_due_at <= (due_by or now))
        if story is not None:
            conditions.append(Source.story_id == story)
        candidates = select(Source.id).where(*conditions).order_by(Source.next_due_at, Source.id).limit(limit)
        if self.dialect == "postgresql":
            candidates = candidates.with_for_update(skip_locked=True)
        expires = now + dt.timedelta(seconds=lease_seconds)
        with self._write() as session:
            ids = list(session.scalars(candidates))
            by_id: dict[int, SourceRef] = {}
            for chunk in _chunks(ids):
                # One UPDATE per chunk, not per source (a cycle claims thousands); the conditions are checked
                # again by it, and the rows it changed are the ones now leased to `owner` until `expires`.
                session.execute(
                    update(Source)
                    .where(Source.id.in_(chunk), *conditions)
                    .values(lease_owner=owner, lease_expires_at=expires)
                    .execution_options(synchronize_session=False)
                )
                # Plain rows, not ORM objects: a cycle claims thousands, and loading them as objects (identity
                # map, instance state) cost about as much as the claims' SQL.
                rows = session.execute(select(*_SOURCE_REF_COLUMNS).where(
                    Source.id.in_(chunk), Source.lease_owner == owner, Source.lease_expires_at == expires
                ))
                by_id.update((row.id, _source_ref(row)) for row in rows)
        return [by_id[i] for i in ids if i in by_id]

    def make_due(self, now: dt.datetime, story: str | None = None) -> int:
        """Make every active source (of one story) that no process holds due at `now`; how many were not.

        `monitor check` starts with this, then claims with `due_by=now` in chunks until nothing is left.
        """
        conditions = [Source.active.is_(True), Source.next_due_at > now,
                      or_(Source.lease_owner.is_(None), Source.lease_expires_at < now)]
        if story is not None:
            conditions.append(Source.story_id == story)
        with self._write() as session:
            result = session.execute(
                update(Source).where(*conditions).values(next_due_at=now)
                .execution_options(synchronize_session=False)
            )
            return int(result.rowcount or 0)

    def release(self, source_id: int, owner: str, next_due_at: dt.datetime | None = None) -> bool:
        """Give up `owner`'s lease (optionally rescheduling); False when `owner` no longer held it."""
        values: dict[str, object] = {"lease_owner": None, "lease_expires_at": None}
        if next_due_at is not None:
            values["next_due_at"] = next_due_at
        with self._write() as session:
            result = session.execute(
                update(Source).where(Source.id == source_id, Source.lease_owner == owner).values(**values)
                .execution_options(synchronize_session=False)
            )
            return result.rowcount == 1

    # ------------------------------------------------------------------------------------------- results

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
        for record in records:
            if not record.quiet:
                raise ValueError(f"source {record.source_id}: a {record.outcome} check is not a quiet one")
        if not records:
            return []
        sources, checks = Source.__table__, Check.__table__
        results: list[RecordedCheck | LeaseLostError] = []
        with self._write() as session:
            ids = sorted({r.source_id for r in records})
            owners: dict[int, str | None] = {}
            for chunk in _chunks(ids):
                statement = select(sources.c.id, sources.c.lease_owner).where(sources.c.id.in_(chunk))
                if self.dialect == "postgresql":
                    statement = statement.with_for_update()  # as record_check: ours until commit
                owners.update((sid, holder) for sid, holder in session.execute(statement))
            kept: list[CheckRecord] = []
            for record in records:
                holder = owners.get(record.source_id, _MISSING)
                if holder != record.owner:
                    who = "nobody" if holder is None or holder is _MISSING else holder
                    results.append(_lease_lost(record, who))
                    continue
                kept.append(record)
                results.append(RecordedCheck(record.outcome, record.version))
            if not kept:
                return results
            connection = session.connection()
            connection.execute(
                update(sources)
                .where(sources.c.id == bindparam("b_id"), sources.c.lease_owner == bindparam("b_owner"))
                .values(
                    last_checked_at=bindparam("b_finished", type_=sources.c.last_checked_at.type),
                    last_status=bindparam("b_status", type_=sources.c.last_status.type),
                    error_streak=bindparam("b_streak", type_=sources.c.error_streak.type),
                    last_error=bindparam("b_warning", type_=sources.c.last_error.type),
                    etag=bindparam("b_etag", type_=sources.c.etag.type),
                    last_modified=bindparam("b_modified", type_=sources.c.last_modified.type),
                    next_due_at=bindparam("b_due", type_=sources.c.next_due_at.type),
                    lease_owner=None, lease_expires_at=None,
                ),
                [_quiet_source_values(r) for r in kept],
            )
            connection.execute(checks.insert(), [
                {"source_id": r.source_id, "started_at": r.started_at, "finished_at": r.finished_at,
                 "outcome": r.outcome, "status": r.status, "reason": r.reason or r.warning,
                 "elapsed": r.elapsed, "version": r.version}
                for r in kept
            ])
            for keep in sorted({r.check_log_keep for r in kept}):
                _prune_many(session, sorted({r.source_id for r in kept if r.check_log_keep == keep}), keep)
        return results

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

    @contextmanager
    def transaction(self) -> Iterator[StoreTransaction]:
        """One write transaction (the SQLite write lock is taken at BEGIN); committed when the block ends."""
        with self._write() as session:
            yield StoreTransaction(session)

    def feed_entry_hashes(self, source_id: int) -> dict[str, str]:
        """key -> content hash of a feed's stored entries."""
        with self._read() as session:
            rows = session.execute(
                select(FeedEntry.key, FeedEntry.content_hash).where(FeedEntry.source_id == source_id)
            ).all()
            return {key: digest for key, digest in rows}

    def feed_entries(self, source_id: int) -> list[StoredFeedEntry]:
        """A feed's stored entries, in the order they were first seen."""
        with self._read() as session:
            return _feed_entries(session, source_id)

    def feed_entry_revisions(self, source_id: int, key: str) -> list[tuple[int, str | None, str | None]]:
        """(revision, title, summary) of one feed entry, oldest first."""
        with self._read() as session:
            rows = session.execute(
                select(FeedEntryRevision.revision, FeedEntryRevision.title, FeedEntryRevision.summary)
                .join(FeedEntry, FeedEntry.id == FeedEntryRevision.entry_id)
                .where(FeedEntry.source_id == source_id, FeedEntry.key == key)
                .order_by(FeedEntryRevision.revision)
            ).all()
            return [(r, t, s) for r, t, s in rows]

    # ------------------------------------------------------------------------------------------ timeline

    def save_timeline(self, entries: Sequence[TimelineEntry]) -> None:
        """Upsert timeline entries (by event_id) and their per-source reports, in one transaction."""
        with self._write() as session:
            _write_timeline(session, entries)

    def load_timeline(self, story: str | None = None) -> list[TimelineEntry]:
        """The stored timeline (of one story), as monitor.track.timeline entries, by story, date and event id."""
        with self._read() as session:
            return _load_timeline(session, story)

    # --------------------------------------------------------------------------------------------- reads

    def source(self, source_id: int) -> SourceRef:
        """One source by id (StoreError when it does not exist)."""
        with self._read() as session:
            row = session.get(Source, source_id)
            if row is None:
                raise StoreError(f"source {source_id}: no such source")
            return _source_ref(row)

    def sources(self, story: str | None = None, *, active_only: bool = False) -> list[SourceInfo]:
        """Every source (of one story), with its health and number of versions."""
        conditions = []
        if story is not None:
            conditions.append(Source.story_id == story)
        if active_only:
            conditions.append(Source.active.is_(True))
        return self._source_infos(conditions)

    def count_sources(self, story: str | None = None, *, active_only: bool = False) -> int:
        """How many sources (of one story) `sources` would list, without reading them."""
        statement = select(func.count()).select_from(Source)
        if story is not None:
            statement = statement.where(Source.story_id == story)
        if active_only:
            statement = statement.where(Source.active.is_(True))
        with self._read() as session:
            return int(session.scalar(statement) or 0)

    def find_sources(self, url: str) -> list[SourceInfo]:
        """The sources with this URL: one per story that watches it."""
        return self._source_infos([Source.url == url])

    def latest_version(self, source_id: int) -> tuple[int, str] | None:
        """The newest version's number and content hash, without reading its text; None before the first."""
        with self._read() as session:
            row = session.execute(
                select(Snapshot.version, Snapshot.content_hash).where(Snapshot.source_id == source_id)
                .order_by(Snapshot.version.desc()).limit(1)
            ).one_or_none()
            return None if row is None else (row[0], row[1])

    def latest_snapshot(self, source_id: int) -> SnapshotData | None:
        """The newest version of a source, text included; None before the first."""
        with self._read() as session:
            row = session.scalars(
                select(Snapshot).where(Snapshot.source_id == source_id)
                .order_by(Snapshot.version.desc()).limit(1)
            ).one_or_none()
            return None if row is None else _snapshot_data(row)

    def history(self, url: str, story: str | None = None) -> list[VersionInfo]:
        """The stored versions of the source at `url`, oldest first.

        Raises InputError when no story watches `url`, or when several do and `story` does not say which.
        """
        source_id = self.resolve(url, story).id
        with self._read() as session:
            rows = session.execute(
                select(Snapshot.version, Snapshot.fetched_at, Snapshot.content_hash, Snapshot.size)
                .where(Snapshot.source_id == source_id).order_by(Snapshot.version)
            ).all()
        return [VersionInfo(*row) for row in rows]

    def snapshot(self, url: str, version: int, story: str | None = None) -> SnapshotData:
        """One version of the source at `url`; InputError names the versions that exist when it does not."""
        source = self.resolve(url, story)
        with self._read() as session:
            row = session.scalars(
                select(Snapshot).where(Snapshot.source_id == source.id, Snapshot.version == version)
            ).one_or_none()
            if row is not None:
                return _snapshot_data(row)
            count = session.scalar(select(func.max(Snapshot.version)).where(Snapshot.source_id == source.id))
        have = f"versions 1 to {count}" if count else "no versions yet"
        raise InputError(f"{url}: no version {version} ({have})")

    def snapshot_text(self, url: str, version: int, story: str | None = None) -> str:
        """The extracted text of one version."""
        return self.snapshot(url, version, story).text

    def resolve(self, url: str, story: str | None = None) -> SourceInfo:
        """The one source a user means by `url` (and `story`), or InputError saying what is missing."""
        found = self.find_sources(url)
        if story is not None:
            found = [s for s in found if s.story_id == story]
            if not found:
                raise InputError(f"{url}: not a source of story {story!r}")
        if not found:
            raise InputError(f"{url}: not a source in the database (has `monitor check` run?)")
        if len(found) > 1:
            stories = ", ".join(s.story_id for s in found)
            raise InputError(f"{url}: a source of several stories ({stories}): pass --story")
        return found[0]

    def checks(self, source_id: int, limit: int | None = None) -> list[CheckInfo]:
        """The check log of a source, newest first."""
        with self._read() as session:
            rows = session.scalars(
                select(Check).where(Check.source_id == source_id).order_by(Check.id.desc()).limit(limit)
            ).all()
            return [
                CheckInfo(r.source_id, r.started_at, r.finished_at, r.outcome, r.status, r.reason,  # type: ignore[arg-type]
                          r.elapsed, r.version)
                for r in rows
            ]

    def _source_infos(self, conditions: list[object]) -> list[SourceInfo]:
        versions = (
            select(Snapshot.source_id, func.count().label("n")).group_by(Snapshot.source_id).subquery()
        )
        entries = (
            select(FeedEntry.source_id, func.count().label("n")).group_by(FeedEntry.source_id).subquery()
        )
        statement = (
            select(Source, func.coalesce(versions.c.n, 0), func.coalesce(entries.c.n, 0))
            .outerjoin(versions, versions.c.source_id == Source.id)
            .outerjoin(entries, entries.c.source_id == Source.id)
            .where(and_(True, *conditions))  # type: ignore[arg-type]
            .order_by(Source.story_id, Source.id)
        )
        with self._read() as session:
            return [_source_info(row, count, n_entries)
                    for row, count, n_entries in session.execute(statement).all()]


# ------------------------------------------------------------------------------------------- transaction


def story_lock_key(story: str) -> int:
    """The PostgreSQL advisory-lock key of a story: a signed 64-bit number from its id."""
    digest = hashlib.sha256(f"monitor.story:{story}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


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
        session = self.session
        source = session.scalars(
            select(Source).where(Source.id == record.source_id).with_for_update()
        ).one_or_none()
        if source is None or source.lease_owner != record.owner:
            holder = "nobody" if source is None or source.lease_owner is None else source.lease_owner
            raise _lease_lost(record, holder)
        version = record.version
        if record.snapshot is not None:
            snap = record.snapshot
            latest = session.scalar(select(func.max(Snapshot.version)).where(Snapshot.source_id == source.id))
            version = (latest or 0) + 1
            session.add(Snapshot(
                source_id=source.id, version=version, fetched_at=snap.fetched_at,
                content_hash=snap.content_hash, size=snap.size, title=snap.title,
                published=snap.published, final_url=snap.final_url, body=snap.body,
            ))
            source.last_changed_at = snap.fetched_at
        failed = record.outcome == "failed"
        session.add(Check(
            source_id=source.id, started_at=record.started_at, finished_at=record.finished_at,
            outcome=record.outcome, status=record.status,
            reason=record.reason if failed else (record.reason or record.warning),
            elapsed=record.elapsed, version=version,
        ))
        source.last_checked_at = record.finished_at
        source.last_status = record.status
        source.error_streak = record.error_streak
        source.last_error = record.reason if failed else record.warning
        if record.update_validators:
            source.etag, source.last_modified = record.etag, record.last_modified
        if record.disable_reason is not None:
            source.active, source.disabled_reason = False, record.disable_reason
        source.next_due_at = record.next_due_at
        source.lease_owner = source.lease_expires_at = None
        _write_timeline(session, record.timeline)
        session.flush()
        _prune_checks(session, source.id, record.check_log_keep)
        return RecordedCheck(record.outcome, version)

    # -- timeline

    def load_timeline(self, story: str) -> list[TimelineEntry]:
        """The story's timeline as this transaction sees it (call `lock_story` first)."""
        return _load_timeline(self.session, story)

    def write_timeline(self, entries: Sequence[TimelineEntry]) -> None:
        """Upsert timeline entries and their per-source reports."""
        _write_timeline(self.session, entries)

    # -- feeds

    def feed_entries(self, source_id: int) -> list[StoredFeedEntry]:
        """A feed's stored entries, in the order they were first seen."""
        return _feed_entries(self.session, source_id)

    def save_feed_entry(self, source_id: int, entry: FeedEntryData, now: dt.datetime) -> SavedFeedEntry:
        """Store a parsed entry once (by its key); a changed title or summary is a new revision, kept."""
        row = self.session.scalars(
            select(FeedEntry).where(FeedEntry.source_id == source_id, FeedEntry.key == entry.key)
        ).one_or_none()
        if row is None:
            row = FeedEntry(
                source_id=source_id, key=entry.key, guid=entry.guid, link=entry.link, title=entry.title,
                summary=entry.summary, published=entry.published, first_seen=now, last_seen=now,
                content_hash=entry.content_hash, revision=1,
            )
            self.session.add(row)
            self.session.flush()
            self._add_revision(row, now)
            return SavedFeedEntry(_stored_entry(row), "new")
        row.last_seen = now
        if row.content_hash == entry.content_hash:
            return SavedFeedEntry(_stored_entry(row), "seen")
        previous = _stored_entry(row)
        row.title, row.summary, row.content_hash = entry.title, entry.summary, entry.content_hash
        row.link = entry.link or row.link
        row.published = entry.published or row.published
        row.revision += 1
        self._add_revision(row, now)
        return SavedFeedEntry(_stored_entry(row), "revised", previous)

    def _add_revision(self, row: FeedEntry, now: dt.datetime) -> None:
        self.session.add(FeedEntryRevision(
            entry_id=row.id, revision=row.revision, title=row.title, summary=row.summary,
            content_hash=row.content_hash, seen_at=now,
        ))

    # -- sources

    def story_source_urls(self, story: str) -> list[str]:
        """The URL of every source (page or feed, active or not) of the story."""
        return list(self.session.scalars(select(Source.url).where(Source.story_id == story)))

    def add_source(self, spec: SourceSpec, now: dt.datetime) -> bool:
        """Add a source due now; False when the story already has this URL."""
        values = _source_values(spec, now)
        if self.dialect == "postgresql":  # imported here: the dialect modules cost start-up time
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        statement = (
            insert(Source.__table__).values(**values)
            .on_conflict_do_nothing(index_elements=["story_id", "url"]).returning(Source.__table__.c.id)
        )
        return self.session.connection().execute(statement).first() is not None


# ------------------------------------------------------------------------------------------------ helpers


_ITEM_FIELDS = ("key", "kind", "date", "date_end", "precision", "summary", "location", "subject", "metric",
                "unit", "qualifier", "evidence", "source_url", "published", "first_seen", "last_seen",
                "status", "superseded_by")


def _write_timeline(session: Session, entries: Sequence[TimelineEntry]) -> None:
    if not entries:
        return
    ids = [e.event_id for e in entries]
    found = session.scalars(select(TimelineItem).where(TimelineItem.event_id.in_(ids)))
    rows = {r.event_id: r for r in found}
    for entry in entries:
        row = rows.get(entry.event_id)
        if row is None:
            row = TimelineItem(event_id=entry.event_id)
            session.add(row)
            rows[entry.event_id] = row
        row.story_id = entry.story
        for name in _ITEM_FIELDS:
            setattr(row, name, getattr(entry, name))
        row.actors = json.dumps(list(entry.actors), ensure_ascii=False)
        row.value = None if entry.value is None else float(entry.value)
    session.flush()
    reports = _reports_by_item(session, [rows[e.event_id].id for e in entries])
    for entry in entries:
        row = rows[entry.event_id]
        known = {r.source_url: r for r in reports.get(row.id, ())}
        for report in entry.sources:
            stored = known.get(report.source_url)
            if stored is None:
                stored = ItemReport(item_id=row.id, source_url=report.source_url, first_seen=entry.last_seen)
                session.add(stored)
                known[report.source_url] = stored
            if report.present or stored.last_seen is None:
                stored.last_seen = entry.last_seen
            stored.evidence, stored.present = report.evidence, report.present
            stored.version, stored.published = report.version, report.published


def _reports_by_item(session: Session, item_ids: Sequence[int]) -> dict[int, list[ItemReport]]:
    """Every source's report of these items, by item id, in the order they were first written."""
    reports: dict[int, list[ItemReport]] = {}
    for chunk in _chunks(item_ids):
        statement = select(ItemReport).where(ItemReport.item_id.in_(chunk)).order_by(ItemReport.id)
        for report in session.scalars(statement):
            reports.setdefault(report.item_id, []).append(report)
    return reports


def _load_timeline(session: Session, story: str | None) -> list[TimelineEntry]:
    from monitor.track.timeline import SourceReport, TimelineEntry

    order = (TimelineItem.story_id, TimelineItem.date, TimelineItem.event_id)
    statement = select(TimelineItem).order_by(*order)
    if story is not None:
        statement = statement.where(TimelineItem.story_id == story)
    items = session.scalars(statement).all()
    reports = _reports_by_item(session, [i.id for i in items])
    return [
        TimelineEntry(
            event_id=i.event_id, story=i.story_id, key=i.key, kind=i.kind, date=i.date,
            date_end=i.date_end, precision=i.precision, summary=i.summary,
            actors=tuple(json.loads(i.actors or "[]")), location=i.location, subject=i.subject,
            metric=i.metric, value=_number(i.value), unit=i.unit, qualifier=i.qualifier,
            evidence=i.evidence, source_url=i.source_url, published=i.published,
            first_seen=i.first_seen, last_seen=i.last_seen, status=i.status,
            sources=tuple(
                SourceReport(r.source_url, r.evidence, r.present, r.version or 0, r.published)
                for r in reports.get(i.id, [])
            ),
            superseded_by=i.superseded_by,
        )
        for i in items
    ]


def _feed_entries(session: Session, source_id: int) -> list[StoredFeedEntry]:
    rows = session.scalars(select(FeedEntry).where(FeedEntry.source_id == source_id).order_by(FeedEntry.id))
    return [_stored_entry(row) for row in rows]


def _stored_entry(row: FeedEntry) -> StoredFeedEntry:
    return StoredFeedEntry(
        id=row.id, source_id=row.source_id, key=row.key, guid=row.guid, link=row.link, title=row.title or "",
        summary=row.summary or "", published=row.published, first_seen=row.first_seen,
        last_seen=row.last_seen, content_hash=row.content_hash, revision=row.revision,
    )


def _number(value: float | None) -> float | int | None:
    """Counts come back as ints (4000, not 4000.0), as the extractor produced them."""
    return int(value) if value is not None and value.is_integer() else value


def _source_values(spec: SourceSpec, now: dt.datetime) -> dict[str, object]:
    return {
        "story_id": spec.story_id,
        "url": spec.url,
        "kind": spec.kind,
        "origin": spec.origin,
        "every_seconds": spec.every_seconds,
        "follow": spec.follow,
        "keywords": json.dumps(list(spec.keywords)),
        "exclude": json.dumps(list(spec.exclude)),
        "source_every_seconds": spec.source_every_seconds,
        "max_new_sources": spec.max_new_sources,
        "active": True,
        "created_at": now,
        "next_due_at": now,
        "error_streak": 0,
    }


def _new_source(spec: SourceSpec, now: dt.datetime) -> Source:
    return Source(**_source_values(spec, now))


# The columns a source's spec in the config sets (and `sync_config` updates).
_SPEC_FIELDS = ("kind", "origin", "every_seconds", "follow", "keywords", "exclude", "source_every_seconds",
                "max_new_sources")
# What `sync_specs` reads of every source.
_SYNC_COLUMNS = (Source.id, Source.story_id, Source.url, Source.active, Source.disabled_reason,
                 *(getattr(Source, name) for name in _SPEC_FIELDS))


def _spec_changed(row: Row[Any], spec: SourceSpec, now: dt.datetime) -> bool:
    """Whether `_apply_spec` would change anything in the source `row` was read from."""
    values = _source_values(spec, now)
    return any(getattr(row, name) != values[name] for name in _SPEC_FIELDS)


def _apply_spec(row: Source, spec: SourceSpec, now: dt.datetime) -> None:
    """Update a row that `_spec_changed` found out of date from its spec."""
    values = _source_values(spec, now)
    for name in _SPEC_FIELDS:
        setattr(row, name, values[name])
    # A shorter interval takes effect now, not after the old, longer wait.
    row.next_due_at = min(row.next_due_at, now + dt.timedelta(seconds=spec.every_seconds))


_MISSING = object()  # a source id no row has (deleted meanwhile)


def _chunks(ids: Sequence[int], size: int = 500) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _quiet_source_values(record: CheckRecord) -> dict[str, object]:
    # The source columns record_check sets for a successful check that stored nothing.
    return {"b_id": record.source_id, "b_owner": record.owner, "b_finished": record.finished_at,
            "b_status": record.status, "b_streak": record.error_streak, "b_warning": record.warning,
            "b_etag": record.etag, "b_modified": record.last_modified, "b_due": record.next_due_at}


def _prune_many(session: Session, source_ids: Sequence[int], keep: int) -> None:
    """`_prune_checks` for many sources at once: keep each one's newest `keep` check-log rows."""
    for chunk in _chunks(source_ids):
        ranked = (
            select(Check.id, func.row_number().over(partition_by=Check.source_id, order_by=Check.id.desc())
                   .label("n"))
            .where(Check.source_id.in_(chunk)).subquery()
        )
        session.execute(
            delete(Check).where(Check.id.in_(select(ranked.c.id).where(ranked.c.n > keep)))
            .execution_options(synchronize_session=False)
        )


def _lease_lost(record: CheckRecord, holder: str | None) -> LeaseLostError:
    return LeaseLostError(
        f"source {record.source_id}: lease of {record.owner} lost (now held by {holder}); check discarded"
    )


def _prune_checks(session: Session, source_id: int, keep: int) -> None:
    """Keep one source's newest `keep` check-log rows (an index range, cheaper than ranking)."""
    cutoff = session.scalar(
        select(Check.id).where(Check.source_id == source_id).order_by(Check.id.desc()).offset(keep).limit(1)
    )
    if cutoff is not None:
        session.execute(
            delete(Check).where(Check.source_id == source_id, Check.id <= cutoff)
            .execution_options(synchronize_session=False)
        )


# What _source_ref reads: the columns a claim selects.
_SOURCE_REF_COLUMNS = (
    Source.id, Source.story_id, Source.url, Source.kind, Source.origin, Source.every_seconds, Source.etag,
    Source.last_modified, Source.error_streak, Source.lease_owner, Source.lease_expires_at,
    Source.next_due_at,
    Source.active, Source.disabled_reason, Source.follow, Source.keywords, Source.exclude,
    Source.source_every_seconds, Source.max_new_sources,
)


def _source_ref(row: Source | Row[Any]) -> SourceRef:
    return SourceRef(
        id=row.id, story_id=row.story_id, url=row.url, kind=row.kind, origin=row.origin,
        every_seconds=row.every_seconds, etag=row.etag, last_modified=row.last_modified,
        error_streak=row.error_streak, lease_owner=row.lease_owner, lease_expires_at=row.lease_expires_at,
        next_due_at=row.next_due_at, active=row.active, disabled_reason=row.disabled_reason,
        follow=row.follow,
        keywords=tuple(json.loads(row.keywords or "[]")), exclude=tuple(json.loads(row.exclude or "[]")),
        source_every_seconds=row.source_every_seconds, max_new_sources=row.max_new_sources,
    )


def _source_info(row: Source, versions: int, entries: int = 0) -> SourceInfo:
    return SourceInfo(
        id=row.id, story_id=row.story_id, url=row.url, kind=row.kind, origin=row.origin, active=row.active,
        disabled_reason=row.disabled_reason, every_seconds=row.every_seconds, next_due_at=row.next_due_at,
        last_checked_at=row.last_checked_at, last_changed_at=row.last_changed_at,
        error_streak=row.error_streak,
        last_error=row.last_error, last_status=row.last_status, versions=versions, entries=entries,
    )


def _snapshot_data(row: Snapshot) -> SnapshotData:
    from monitor.track.snapshots import decompress  # the text helper's codec; imported where needed

    return SnapshotData(
        source_id=row.source_id, version=row.version, fetched_at=row.fetched_at,
        content_hash=row.content_hash,
        size=row.size, title=row.title, published=row.published, final_url=row.final_url,
        text=decompress(row.body),
    )


__all__ = ["CONFIG_ORIGIN", "Store", "StoreTransaction", "config_specs", "open_store", "story_lock_key"]
