"""A feed's entries, stored once by key, and the revisions of their title and summary.

Functions over an open Session; `Store` and `StoreTransaction` (monitor.store.repo) run them in a transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.store.models import FeedEntry, FeedEntryRevision
from monitor.store.records import ParsedFeedEntry, SavedFeedEntry, StoredFeedEntry


def feed_entry_hashes(session: Session, source_id: int) -> dict[str, str]:
    """key -> content hash of a feed's stored entries."""
    rows = session.execute(
        select(FeedEntry.key, FeedEntry.content_hash).where(FeedEntry.source_id == source_id)
    ).all()
    return {key: digest for key, digest in rows}


def feed_entries(session: Session, source_id: int) -> list[StoredFeedEntry]:
    """A feed's stored entries, in the order they were first seen."""
    rows = session.scalars(select(FeedEntry).where(FeedEntry.source_id == source_id).order_by(FeedEntry.id))
    return [_stored_entry(row) for row in rows]


def feed_entry_revisions(
    session: Session, source_id: int, key: str,
) -> list[tuple[int, str | None, str | None]]:
    """(revision, title, summary) of one feed entry, oldest first."""
    rows = session.execute(
        select(FeedEntryRevision.revision, FeedEntryRevision.title, FeedEntryRevision.summary)
        .join(FeedEntry, FeedEntry.id == FeedEntryRevision.entry_id)
        .where(FeedEntry.source_id == source_id, FeedEntry.key == key)
        .order_by(FeedEntryRevision.revision)
    ).all()
    return [(r, t, s) for r, t, s in rows]


def save_feed_entry(
    session: Session, source_id: int, entry: ParsedFeedEntry, now: dt.datetime,
) -> SavedFeedEntry:
    """Store a parsed entry once (by its key); a changed title or summary is a new revision, kept."""
    row = session.scalars(
        select(FeedEntry).where(FeedEntry.source_id == source_id, FeedEntry.key == entry.key)
    ).one_or_none()
    if row is None:
        row = FeedEntry(
            source_id=source_id, key=entry.key, guid=entry.guid, link=entry.link, title=entry.title,
            summary=entry.summary, published=entry.published, first_seen=now, last_seen=now,
            content_hash=entry.content_hash, revision=1,
        )
        session.add(row)
        session.flush()
        _add_revision(session, row, now)
        return SavedFeedEntry(_stored_entry(row), "new")
    row.last_seen = now
    if row.content_hash == entry.content_hash:
        return SavedFeedEntry(_stored_entry(row), "seen")
    previous = _stored_entry(row)
    row.title, row.summary, row.content_hash = entry.title, entry.summary, entry.content_hash
    row.link = entry.link or row.link
    row.published = entry.published or row.published
    row.revision += 1
    _add_revision(session, row, now)
    return SavedFeedEntry(_stored_entry(row), "revised", previous)


def _add_revision(session: Session, row: FeedEntry, now: dt.datetime) -> None:
    session.add(FeedEntryRevision(
        entry_id=row.id, revision=row.revision, title=row.title, summary=row.summary,
        content_hash=row.content_hash, seen_at=now,
    ))


def _stored_entry(row: FeedEntry) -> StoredFeedEntry:
    return StoredFeedEntry(
        id=row.id, source_id=row.source_id, key=row.key, guid=row.guid, link=row.link, title=row.title or "",
        summary=row.summary or "", published=row.published, first_seen=row.first_seen,
        last_seen=row.last_seen, content_hash=row.content_hash, revision=row.revision,
    )
