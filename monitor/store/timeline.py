"""Timeline rows: a story's entries (monitor.track.timeline) and each source's report of them.

Functions over an open Session; `Store` and `StoreTransaction` (monitor.store.repo) run them in a transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.store.batch import chunks
from monitor.store.models import ItemReport, TimelineItem

if TYPE_CHECKING:
    from monitor.track.timeline import TimelineEntry

_ITEM_FIELDS = ("key", "kind", "date", "date_end", "precision", "summary", "location", "subject", "metric",
                "unit", "qualifier", "evidence", "source_url", "published", "first_seen", "last_seen",
                "status", "superseded_by")


def write_timeline(session: Session, entries: Sequence[TimelineEntry]) -> None:
    """Upsert timeline entries (by event_id) and their per-source reports."""
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
                stored = ItemReport(item_id=row.id, source_url=report.source_url,
                                    first_seen=report.first_seen or entry.last_seen)
                session.add(stored)
                known[report.source_url] = stored
            if report.present or stored.last_seen is None:
                stored.last_seen = entry.last_seen
            stored.evidence, stored.present = report.evidence, report.present
            stored.version, stored.published = report.version, report.published


def load_timeline(session: Session, story: str | None = None) -> list[TimelineEntry]:
    """The stored timeline (of one story), as monitor.track.timeline entries, by story, date and event id."""
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
                SourceReport(r.source_url, r.evidence, r.present, r.version or 0, r.published, r.first_seen)
                for r in reports.get(i.id, [])
            ),
            superseded_by=i.superseded_by,
        )
        for i in items
    ]


def _reports_by_item(session: Session, item_ids: Sequence[int]) -> dict[int, list[ItemReport]]:
    """Every source's report of these items, by item id, in the order they were first written."""
    reports: dict[int, list[ItemReport]] = {}
    for chunk in chunks(item_ids):
        statement = select(ItemReport).where(ItemReport.item_id.in_(chunk)).order_by(ItemReport.id)
        for report in session.scalars(statement):
            reports.setdefault(report.item_id, []).append(report)
    return reports


def _number(value: float | None) -> float | int | None:
    """Counts come back as ints (4000, not 4000.0), as the extractor produced them."""
    return int(value) if value is not None and value.is_integer() else value
