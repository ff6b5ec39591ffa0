"""`monitor reextract`'s reads and writes: a story's versions and history, the progress of a run, and the
rebuild written whole in one transaction.

Functions over an open Session; `Store` (monitor.store.repo) runs them. The replay itself is
monitor.run.reextract's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from monitor.store.batch import chunks
from monitor.store.history import State, generation, states
from monitor.store.models import (
    ItemReport,
    ReextractItems,
    Snapshot,
    Source,
    StoryGeneration,
    TimelineItem,
    TimelineState,
)
from monitor.store.records import StoredVersion
from monitor.store.timeline import load_timeline, write_timeline

if TYPE_CHECKING:
    from monitor.track.entries import TimelineEntry


def story_versions(session: Session, story: str) -> list[StoredVersion]:
    """Every stored version of the story's pages, in the order they were fetched."""
    rows = session.execute(
        select(Snapshot.id, Snapshot.source_id, Source.url, Snapshot.version, Snapshot.fetched_at,
               Snapshot.published, Snapshot.size, Snapshot.pruned_at)
        .join(Source, Source.id == Snapshot.source_id)
        .where(Source.story_id == story, Source.kind == "page")
        .order_by(Snapshot.fetched_at, Snapshot.source_id, Snapshot.version)
    ).all()
    return [StoredVersion(i, s, u, v, f, p, n, pruned is not None) for i, s, u, v, f, p, n, pruned in rows]


def version_text(session: Session, snapshot_id: int) -> str:
    """The text of one stored version (by its id)."""
    from monitor.track.snapshots import decompress

    body = session.scalar(select(Snapshot.body).where(Snapshot.id == snapshot_id))
    return decompress(body or b"")


def cached_items(session: Session, story: str, extractor: str) -> dict[int, str | None]:
    """snapshot id -> the items (JSON; None: the extractor failed) an earlier, unfinished run read."""
    ids = select(Snapshot.id).join(Source, Source.id == Snapshot.source_id).where(Source.story_id == story)
    rows = session.execute(select(ReextractItems.snapshot_id, ReextractItems.items)
                           .where(ReextractItems.extractor == extractor, ReextractItems.snapshot_id.in_(ids)))
    return {snapshot_id: items for snapshot_id, items in rows}


def cache_items(session: Session, snapshot_id: int, extractor: str, items: str | None) -> None:
    """Record the items read from one version (the run's progress)."""
    session.add(ReextractItems(snapshot_id=snapshot_id, extractor=extractor, items=items))


def clear_cache(session: Session, story: str) -> None:
    """Forget the story's progress records: its rebuild committed, or found nothing to change."""
    ids = select(Snapshot.id).join(Source, Source.id == Snapshot.source_id).where(Source.story_id == story)
    session.execute(delete(ReextractItems).where(ReextractItems.snapshot_id.in_(ids)))


def new_generation(
    session: Session, story: str, gen: int, recorded_at: dt.datetime, extractor: str, summary: str,
    new_states: Sequence[State],
) -> None:
    """Start generation `gen` of the story with `new_states` (its whole history as re-read)."""
    session.add(StoryGeneration(story_id=story, generation=gen, recorded_at=recorded_at, extractor=extractor,
                                summary=summary))
    session.add_all(TimelineState(story_id=story, generation=gen, event_id=s.event_id, at=s.at,
                                  source_url=s.source_url, version=s.version, fact=s.fact, body=s.body)
                    for s in new_states)


def stamp_rows(session: Session, event_ids: Sequence[str], extractor: str) -> None:
    """Mark rows as made by `extractor` (a rebuild that found the same rows)."""
    for chunk in chunks(list(event_ids)):
        session.execute(update(TimelineItem).where(TimelineItem.event_id.in_(chunk))
                        .values(extractor=extractor))


def write_rebuild(
    session: Session, story: str, *, base_generation: int, snapshot_ids: Sequence[int],
    rows: Sequence[TimelineEntry], drop: Sequence[str],
    report_times: Mapping[tuple[str, str], tuple[dt.datetime, dt.datetime]],
    new_states: Sequence[State], extractor: str, summary: str, recorded_at: dt.datetime,
) -> bool:
    """Replace the story's derived rows with `rows` and start its next generation, all in this transaction
    (the story's lock held). False, writing nothing, when a check stored a version or another rebuild
    committed since the replay read the story (the caller replays again)."""
    current = {v.snapshot_id for v in story_versions(session, story) if not v.pruned}
    if generation(session, story) != base_generation or current != set(snapshot_ids):
        return False
    write_timeline(session, rows)
    session.flush()
    _drop_rows(session, drop)
    _set_reports(session, rows, report_times)
    stamp_rows(session, [r.event_id for r in rows], extractor)
    new_generation(session, story, base_generation + 1, recorded_at, extractor, summary, new_states)
    clear_cache(session, story)
    return True


def rebuild_base(session: Session, story: str) -> tuple[int, list[State], list[TimelineEntry]]:
    """What a replay starts from: the story's current generation, its states, and its rows."""
    gen = generation(session, story)
    return gen, states(session, story, gen), load_timeline(session, story)


def _drop_rows(session: Session, event_ids: Sequence[str]) -> None:
    """Delete rows a rebuild no longer derives, with their reports."""
    for chunk in chunks(list(event_ids)):
        ids = select(TimelineItem.id).where(TimelineItem.event_id.in_(chunk))
        session.execute(delete(ItemReport).where(ItemReport.item_id.in_(ids)))
        session.execute(delete(TimelineItem).where(TimelineItem.event_id.in_(chunk)))


def _set_reports(
    session: Session, rows: Sequence[TimelineEntry],
    times: Mapping[tuple[str, str], tuple[dt.datetime, dt.datetime]],
) -> None:
    """Each report's first and last time its source presented the row, as the re-read history says; a report
    of a source the rebuilt row no longer has is deleted."""
    keep = {r.event_id: {s.source_url for s in r.sources} for r in rows}
    for chunk in chunks(list(keep)):
        found = session.execute(select(TimelineItem.event_id, ItemReport)
                                .join(ItemReport, ItemReport.item_id == TimelineItem.id)
                                .where(TimelineItem.event_id.in_(chunk))).all()
        for event_id, report in found:
            if report.source_url not in keep[event_id]:
                session.delete(report)
                continue
            first_last = times.get((event_id, report.source_url))
            if first_last is not None:
                report.first_seen, report.last_seen = first_last
