"""Stored versions of a source: numbering a new one, the newest, the history, one version's text.

Functions over an open Session; `Store` (monitor.store.repo) runs them in a transaction.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, bindparam, func, insert, select
from sqlalchemy.orm import Session

from monitor.errors import InputError
from monitor.store.batch import chunks
from monitor.store.models import Snapshot, Source
from monitor.store.records import NewSnapshot, SnapshotData, VersionInfo
from monitor.store.sources import resolve


def add_snapshot(session: Session, source_id: int, snap: NewSnapshot) -> int:
    """Store a new version of the source, numbered latest + 1 (with the source row locked); its number."""
    latest = session.execute(_LATEST_VERSION, {"b_source": source_id}).scalar()
    version = (latest or 0) + 1
    session.execute(_INSERT_SNAPSHOT, {
        "source_id": source_id, "version": version, "fetched_at": snap.fetched_at,
        "content_hash": snap.content_hash, "size": snap.size, "title": snap.title,
        "published": snap.published, "final_url": snap.final_url, "body": snap.body,
        "fingerprint": snap.fingerprint,
    })
    return version


_SNAPSHOTS = cast(Table, Snapshot.__table__)
# Built once, as the check's other statements (monitor.store.checks).
_LATEST_VERSION = (select(func.max(_SNAPSHOTS.c.version))
                   .where(_SNAPSHOTS.c.source_id == bindparam("b_source")))
_INSERT_SNAPSHOT = insert(_SNAPSHOTS)


def latest_version(session: Session, source_id: int) -> tuple[int, str] | None:
    """The newest version's number and content hash, without reading its text; None before the first."""
    row = session.execute(
        select(Snapshot.version, Snapshot.content_hash).where(Snapshot.source_id == source_id)
        .order_by(Snapshot.version.desc()).limit(1)
    ).one_or_none()
    return None if row is None else (row[0], row[1])


def story_fingerprints(session: Session, story: str) -> dict[str, bytes]:
    """The fingerprint of each page source's newest version (monitor.track.origins), by URL, in the order
    the sources were added; a version stored before fingerprints were kept is fingerprinted from its text."""
    from monitor.track.origins import fingerprint
    from monitor.track.snapshots import decompress

    newest = (
        select(Snapshot.source_id, func.max(Snapshot.version).label("version"))
        .join(Source, Source.id == Snapshot.source_id).where(Source.story_id == story)
        .group_by(Snapshot.source_id).subquery()
    )
    rows = session.execute(
        select(Source.url, Snapshot.fingerprint, Snapshot.id)
        .join(newest, newest.c.source_id == Source.id)
        .join(Snapshot, (Snapshot.source_id == newest.c.source_id) & (Snapshot.version == newest.c.version))
        .order_by(Source.id)
    ).all()
    # Texts are read only for the versions stored before fingerprints were kept, not at every export.
    unprinted = [snapshot_id for _url, fp, snapshot_id in rows if fp is None]
    bodies: dict[int, bytes] = {}
    for chunk in chunks(unprinted):
        found = session.execute(select(Snapshot.id, Snapshot.body).where(Snapshot.id.in_(chunk)))
        bodies.update((snapshot_id, body) for snapshot_id, body in found)
    return {url: fp if fp is not None else fingerprint(decompress(bodies[snapshot_id]))
            for url, fp, snapshot_id in rows}


def stories_with_versions(session: Session) -> list[str]:
    """The stories that have at least one stored version, by id."""
    statement = select(Source.story_id).join(Snapshot, Snapshot.source_id == Source.id).distinct()
    return sorted(session.scalars(statement))


def latest_head(session: Session, source_id: int) -> tuple[int, str, str | None] | None:
    """The newest version's number, content hash and title, without its text; None before the first."""
    row = session.execute(
        select(Snapshot.version, Snapshot.content_hash, Snapshot.title).where(Snapshot.source_id == source_id)
        .order_by(Snapshot.version.desc()).limit(1)
    ).one_or_none()
    return None if row is None else (row[0], row[1], row[2])


def recent_versions(session: Session, source_id: int, count: int) -> list[tuple[str, str | None]]:
    """(content hash, title) of the newest `count` versions, newest first."""
    rows = session.execute(
        select(Snapshot.content_hash, Snapshot.title).where(Snapshot.source_id == source_id)
        .order_by(Snapshot.version.desc()).limit(count)
    ).all()
    return [(row[0], row[1]) for row in rows]


def latest_snapshot(session: Session, source_id: int) -> SnapshotData | None:
    """The newest version of a source, text included; None before the first."""
    row = session.scalars(
        select(Snapshot).where(Snapshot.source_id == source_id)
        .order_by(Snapshot.version.desc()).limit(1)
    ).one_or_none()
    return None if row is None else _snapshot_data(row)


def history(session: Session, url: str, story: str | None = None) -> list[VersionInfo]:
    """The stored versions of the source at `url`, oldest first.

    Raises InputError when no story watches `url`, or when several do and `story` does not say which.
    """
    source_id = resolve(session, url, story).id
    rows = session.execute(
        select(Snapshot.version, Snapshot.fetched_at, Snapshot.content_hash, Snapshot.size)
        .where(Snapshot.source_id == source_id).order_by(Snapshot.version)
    ).all()
    return [VersionInfo(*row) for row in rows]


def snapshot(session: Session, url: str, version: int, story: str | None = None) -> SnapshotData:
    """One version of the source at `url`; InputError names the versions that exist when it does not."""
    source_id = resolve(session, url, story).id
    row = session.scalars(
        select(Snapshot).where(Snapshot.source_id == source_id, Snapshot.version == version)
    ).one_or_none()
    if row is not None and row.pruned_at is not None:
        raise InputError(f"{url}: the text of version {version} was dropped by retention on "
                         f"{row.pruned_at.date().isoformat()} (its hash and fetch time are kept)")
    if row is not None:
        return _snapshot_data(row)
    count = session.scalar(select(func.max(Snapshot.version)).where(Snapshot.source_id == source_id))
    have = f"versions 1 to {count}" if count else "no versions yet"
    raise InputError(f"{url}: no version {version} ({have})")


def _snapshot_data(row: Snapshot) -> SnapshotData:
    from monitor.track.snapshots import decompress  # the text helper's codec; imported where needed

    return SnapshotData(
        source_id=row.source_id, version=row.version, fetched_at=row.fetched_at,
        content_hash=row.content_hash,
        size=row.size, title=row.title, published=row.published, final_url=row.final_url,
        text=decompress(row.body),
    )
