"""Sources and their leases: syncing specs, adding followed articles, claiming, releasing, listing.

Functions over an open Session; `Store` and `StoreTransaction` (monitor.store.repo) run them in a transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Executable,
    Row,
    Table,
    and_,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from monitor.errors import InputError, StoreError
from monitor.store.batch import chunks
from monitor.store.models import ConfigSync, FeedEntry, Snapshot, Source
from monitor.store.records import (
    FEED_ORIGIN_PREFIX,
    REMOVED_FROM_CONFIG,
    SourceInfo,
    SourceRef,
    SourceSpec,
    SyncSummary,
)

# ------------------------------------------------------------------------------------------------- sync

# Key of the PostgreSQL advisory lock that serialises config syncs of instances starting together.
SYNC_LOCK = 0x6D6F6E73  # "mons"
# Rows per INSERT of new sources: 14 values each stays under SQLite's 32,766 parameters.
_INSERT_ROWS = 500
_SOURCES = cast(Table, Source.__table__)


def sync_specs(session: Session, specs: Sequence[SourceSpec], now: dt.datetime) -> SyncSummary:
    """Make the sources table match `specs`: add new sources (due now), update changed intervals and feed
    settings, reactivate returning ones, deactivate (never delete) removed ones and the articles followed
    from removed feeds."""
    wanted = {(s.story_id, s.url): s for s in specs}
    following = {(s.story_id, s.url) for s in specs if s.kind == "feed" and s.follow}
    if _dialect(session) == "postgresql":
        # Instances starting together sync one after the other: each then reads what the previous committed
        # (READ COMMITTED), and none waits on another's row locks in an order that could deadlock. SQLite's
        # write lock, taken at BEGIN, already serialises them.
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SYNC_LOCK})
    added: list[str] = []
    updated: list[str] = []
    reactivated: list[str] = []
    deactivated: list[str] = []
    # Plain rows: in a config of thousands of sources nearly nothing changes between two runs, and loading
    # every row as an ORM object cost more than the rest of the sync. A row that changes is then loaded as an
    # object (`edit`) and changed through it.
    rows = {(r.story_id, r.url): r for r in session.execute(select(*_SYNC_COLUMNS))}

    def edit(row: Row[Any]) -> Source:
        source = session.get(Source, row.id)
        assert source is not None  # read in this transaction
        return source

    new = [spec for key, spec in wanted.items() if key not in rows]
    added.extend(f"{story} {url}" for story, url in _insert_new(session, new, now))
    for key, spec in wanted.items():
        row = rows.get(key)
        label = f"{spec.story_id} {spec.url}"
        if row is None:
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


# Part of the digest: change it when a sync would write something else for the same specs (a new column the
# sync fills), so that a database synced by the older code is synced again.
SYNC_FORMAT = "1"


def specs_digest(specs: Sequence[SourceSpec]) -> str:
    """SHA-256 (hex) of every field of every spec, in (story, url) order: equal digests, equal syncs."""
    rows = sorted(
        (s.story_id, s.url, s.kind, s.every_seconds, s.origin, s.follow, list(s.keywords), list(s.exclude),
         s.source_every_seconds, s.max_new_sources)
        for s in specs
    )
    return hashlib.sha256(json.dumps([SYNC_FORMAT, rows]).encode("utf-8")).hexdigest()


def synced_digest(session: Session) -> str | None:
    """The digest of the specs last synced into this database, None before the first sync."""
    return session.scalar(select(ConfigSync.digest).where(ConfigSync.id == 1))


def remember_digest(session: Session, digest: str, now: dt.datetime) -> None:
    """Record `digest` as the specs just synced (in the sync's transaction, which serialises writers)."""
    row = session.get(ConfigSync, 1)
    if row is None:
        session.add(ConfigSync(id=1, digest=digest, synced_at=now))
    else:
        row.digest, row.synced_at = digest, now


def add_source(session: Session, spec: SourceSpec, now: dt.datetime) -> bool:
    """Add a source due now; False when the story already has this URL."""
    return bool(_insert_new(session, [spec], now))


def _insert_new(session: Session, specs: Sequence[SourceSpec], now: dt.datetime) -> list[tuple[str, str]]:
    """Insert sources due now, skipping any (story, url) that exists (or another transaction inserted
    meanwhile: INSERT ... ON CONFLICT DO NOTHING); the (story, url) of the rows inserted, in key order."""
    if not specs:
        return []
    table = cast(Table, Source.__table__)
    # Key order: two transactions inserting overlapping keys wait on each other in the same order.
    rows = sorted((_source_values(spec, now) for spec in specs), key=lambda v: (v["story_id"], v["url"]))
    # The dialect modules are imported here: they cost start-up time.
    if _dialect(session) == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    inserted: list[tuple[str, str]] = []
    for start in range(0, len(rows), _INSERT_ROWS):
        chunk = rows[start:start + _INSERT_ROWS]
        statement: Executable = insert(table).values(chunk).on_conflict_do_nothing(
            index_elements=["story_id", "url"]).returning(table.c.story_id, table.c.url)
        inserted.extend((story, url) for story, url in session.connection().execute(statement))
    return sorted(inserted)


# --------------------------------------------------------------------------------------------- schedule


def due_conditions(
    now: dt.datetime, *, story: str | None = None, ignore_schedule: bool = False,
    due_by: dt.datetime | None = None,
) -> list[ColumnElement[bool]]:
    """What a claim asks of a source: active, free (no lease, or an expired one), due by `due_by` (default
    `now`; any time with ignore_schedule), of `story` when given."""
    c = _SOURCES.c
    free = or_(c.lease_owner.is_(None), c.lease_expires_at < now)
    conditions = [c.active.is_(True), free]
    if not ignore_schedule:
        conditions.append(c.next_due_at <= (due_by or now))
    if story is not None:
        conditions.append(c.story_id == story)
    return conditions


def claim(
    session: Session, owner: str, conditions: Sequence[ColumnElement[bool]], expires: dt.datetime,
    limit: int | None,
) -> list[SourceRef]:
    """Lease to `owner`, until `expires`, up to `limit` sources meeting `conditions` (`due_conditions`), the
    longest due first.

    Two processes never hold one source: on PostgreSQL the candidates are locked with FOR UPDATE SKIP LOCKED,
    on SQLite the transaction holds the write lock; both then take each lease with a conditional UPDATE and
    keep only the rows it changed.
    """
    # Core statements on the table, not the ORM entity, and on the session's connection: a cycle claims
    # thousands of sources in chunks, and the ORM's compile and execute layers cost more than the SQL.
    c = _SOURCES.c
    connection = session.connection()
    candidates = select(c.id).where(*conditions).order_by(c.next_due_at, c.id).limit(limit)
    if _dialect(session) == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list(connection.scalars(candidates))
    by_id: dict[int, SourceRef] = {}
    for chunk in chunks(ids):
        # One UPDATE per chunk, not per source (a cycle claims thousands); the conditions are checked again by
        # it, and the rows it changed are the ones now leased to `owner` until `expires`.
        connection.execute(update(_SOURCES).where(c.id.in_(chunk), *conditions)
                           .values(lease_owner=owner, lease_expires_at=expires))
        # Plain rows, not ORM objects: a cycle claims thousands, and loading them as objects (identity map,
        # instance state) cost about as much as the claims' SQL.
        rows = connection.execute(select(*SOURCE_REF_COLUMNS).where(
            c.id.in_(chunk), c.lease_owner == owner, c.lease_expires_at == expires
        ))
        by_id.update((row.id, source_ref(row)) for row in rows)
    return [by_id[i] for i in ids if i in by_id]


def leased_stories(session: Session, now: dt.datetime) -> set[str]:
    """The stories with a source being checked now (leased, the lease not expired)."""
    rows = session.scalars(select(Source.story_id).distinct().where(
        Source.lease_owner.is_not(None), Source.lease_expires_at > now))
    return set(rows)


def make_due(
    session: Session, now: dt.datetime, story: str | None = None, checked_before: dt.datetime | None = None
) -> int:
    """Make every active source (of one story) that no process holds due at `now`, and with `checked_before`
    only those not checked since then; how many were not."""
    conditions = [Source.active.is_(True), Source.next_due_at > now,
                  or_(Source.lease_owner.is_(None), Source.lease_expires_at < now)]
    if checked_before is not None:
        conditions.append(or_(Source.last_checked_at.is_(None), Source.last_checked_at < checked_before))
    if story is not None:
        conditions.append(Source.story_id == story)
    result = cast(CursorResult[Any], session.execute(
        update(Source).where(*conditions).values(next_due_at=now)
        .execution_options(synchronize_session=False)
    ))
    return int(result.rowcount or 0)


def release(session: Session, source_id: int, owner: str, next_due_at: dt.datetime | None = None) -> bool:
    """Give up `owner`'s lease (optionally rescheduling); False when `owner` no longer held it."""
    values: dict[str, object] = {"lease_owner": None, "lease_expires_at": None}
    if next_due_at is not None:
        values["next_due_at"] = next_due_at
    result = cast(CursorResult[Any], session.execute(
        update(Source).where(Source.id == source_id, Source.lease_owner == owner).values(**values)
        .execution_options(synchronize_session=False)
    ))
    return bool(result.rowcount == 1)


def renew(session: Session, owner: str, source_ids: Sequence[int], expires: dt.datetime) -> set[int]:
    """Extend `owner`'s leases on `source_ids` to `expires` (the heartbeat of a process checking them); the
    ids it still holds. A source another process took meanwhile is not among them, and stays the other's."""
    held: set[int] = set()
    for chunk in chunks(sorted(source_ids)):
        session.execute(
            update(Source).where(Source.id.in_(chunk), Source.lease_owner == owner)
            .values(lease_expires_at=expires).execution_options(synchronize_session=False)
        )
        held.update(session.scalars(
            select(Source.id).where(Source.id.in_(chunk), Source.lease_owner == owner)
        ))
    return held


def lease_owners(session: Session, prefix: str, now: dt.datetime) -> list[str]:
    """The owners whose name starts with `prefix` that hold a lease that has not expired, by name."""
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return list(session.scalars(
        select(Source.lease_owner).where(Source.lease_owner.like(pattern, escape="\\"),
                                         Source.lease_expires_at >= now)
        .distinct().order_by(Source.lease_owner)
    ))


def free_leases(session: Session, owners: Sequence[str]) -> int:
    """Take every lease of `owners` (processes known to be dead) away; how many sources that freed."""
    if not owners:
        return 0
    result = cast(CursorResult[Any], session.execute(
        update(Source).where(Source.lease_owner.in_(owners)).values(lease_owner=None, lease_expires_at=None)
        .execution_options(synchronize_session=False)
    ))
    return int(result.rowcount or 0)


# ------------------------------------------------------------------------------------------------ reads


def source(session: Session, source_id: int) -> SourceRef:
    """One source by id (StoreError when it does not exist)."""
    row = session.get(Source, source_id)
    if row is None:
        raise StoreError(f"source {source_id}: no such source")
    return source_ref(row)


def sources(session: Session, story: str | None = None, *, active_only: bool = False) -> list[SourceInfo]:
    """Every source (of one story), with its health and number of versions."""
    conditions = []
    if story is not None:
        conditions.append(Source.story_id == story)
    if active_only:
        conditions.append(Source.active.is_(True))
    return source_infos(session, conditions)


def count_sources(
    session: Session, story: str | None = None, *, active_only: bool = False, unread: bool = False
) -> int:
    """How many sources (of one story) `sources` would list, without reading them; `unread`: only the pages
    that never had a version stored."""
    statement = select(func.count()).select_from(Source)
    if story is not None:
        statement = statement.where(Source.story_id == story)
    if active_only:
        statement = statement.where(Source.active.is_(True))
    if unread:
        statement = statement.where(Source.kind == "page", Source.last_changed_at.is_(None))
    return int(session.scalar(statement) or 0)


def find_sources(session: Session, url: str) -> list[SourceInfo]:
    """The sources with this URL: one per story that watches it."""
    return source_infos(session, [Source.url == url])


def resolve(session: Session, url: str, story: str | None = None) -> SourceInfo:
    """The one source a user means by `url` (and `story`), or InputError saying what is missing."""
    found = find_sources(session, url)
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


def story_source_urls(session: Session, story: str) -> list[str]:
    """The URL of every source (page or feed, active or not) of the story."""
    return list(session.scalars(select(Source.url).where(Source.story_id == story)))


def source_infos(session: Session, conditions: Sequence[ColumnElement[bool]]) -> list[SourceInfo]:
    """The sources meeting `conditions`, with their counts of versions and feed entries, by story and id."""
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
        .where(and_(True, *conditions))
        .order_by(Source.story_id, Source.id)
    )
    return [_source_info(row, count, n_entries) for row, count, n_entries in session.execute(statement).all()]


# ---------------------------------------------------------------------------------------------- helpers


def _dialect(session: Session) -> str:
    """`sqlite` or `postgresql`: the database the session's transaction runs on."""
    return session.get_bind().dialect.name


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


# The columns a source's spec sets (and `sync_specs` updates).
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


# What source_ref reads: the columns a claim selects.
SOURCE_REF_COLUMNS = tuple(_SOURCES.c[name] for name in (
    "id", "story_id", "url", "kind", "origin", "every_seconds", "etag", "last_modified", "error_streak",
    "lease_owner", "lease_expires_at", "next_due_at", "active", "disabled_reason", "follow", "keywords",
    "exclude", "source_every_seconds", "max_new_sources", "last_status",
)) + (
    # Its head is enough to tell an unpublished page (monitor.run.check); the whole message is not needed.
    func.substr(_SOURCES.c.last_error, 1, 40).label("last_error"),
)


def source_ref(row: Source | Row[Any] | Any) -> SourceRef:
    """The frozen record of a source row (an ORM row, or a row of SOURCE_REF_COLUMNS)."""
    return SourceRef(
        id=row.id, story_id=row.story_id, url=row.url, kind=row.kind, origin=row.origin,
        every_seconds=row.every_seconds, etag=row.etag, last_modified=row.last_modified,
        error_streak=row.error_streak, lease_owner=row.lease_owner, lease_expires_at=row.lease_expires_at,
        next_due_at=row.next_due_at, active=row.active, disabled_reason=row.disabled_reason,
        follow=row.follow,
        keywords=_words(row.keywords), exclude=_words(row.exclude),
        source_every_seconds=row.source_every_seconds, max_new_sources=row.max_new_sources,
        last_status=row.last_status, last_error=row.last_error,
    )


def _words(stored: str | None) -> tuple[str, ...]:
    """A source's stored JSON list of words; most pages have none (parsed for every source a cycle claims)."""
    return () if not stored or stored == "[]" else tuple(json.loads(stored))


def _source_info(row: Source, versions: int, entries: int = 0) -> SourceInfo:
    return SourceInfo(
        id=row.id, story_id=row.story_id, url=row.url, kind=row.kind, origin=row.origin, active=row.active,
        disabled_reason=row.disabled_reason, every_seconds=row.every_seconds, next_due_at=row.next_due_at,
        last_checked_at=row.last_checked_at, last_changed_at=row.last_changed_at,
        error_streak=row.error_streak,
        last_error=row.last_error, last_status=row.last_status, versions=versions, entries=entries,
    )
