"""Timeline rows: a story's entries (monitor.track.timeline) and each source's report of them.

Functions over an open Session; `Store` and `StoreTransaction` (monitor.store.repo) run them in a transaction.
A version is reconciled against `load_candidates` (the rows it can touch, found by index), never the whole
story, and `write_timeline` writes only the rows and reports that changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from monitor.store.batch import chunks
from monitor.store.models import ItemReport, TimelineItem

if TYPE_CHECKING:
    from monitor.track.candidates import Reach
    from monitor.track.timeline import TimelineEntry

_ITEM_FIELDS = ("key", "kind", "date", "date_end", "precision", "summary", "location", "subject", "metric",
                "unit", "qualifier", "evidence", "source_url", "published", "first_seen", "last_seen",
                "status", "superseded_by")


def write_timeline(session: Session, entries: Sequence[TimelineEntry]) -> None:
    """Upsert timeline entries (by event_id) and their per-source reports; a report that did not change (the
    same evidence, presence, version and publication day) is not written again."""
    if not entries:
        return
    # Here, not at the top: every check imports this module, and a poll cycle in which nothing changed never
    # writes a timeline row (track/'s matching and lexicon cost its start-up ~40 ms).
    from monitor.track.candidates import date_bounds, series_key
    from monitor.track.entries import FIGURE_KIND

    ids = [e.event_id for e in entries]
    rows: dict[str, TimelineItem] = {}
    for chunk in chunks(ids):
        rows.update((r.event_id, r) for r in session.scalars(select(TimelineItem)
                                                            .where(TimelineItem.event_id.in_(chunk))))
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
        row.span_start, row.span_end = date_bounds(entry.date) or (None, None)
        row.series = series_key(entry.subject, entry.metric) if entry.kind == FIGURE_KIND else None
    session.flush()
    reports = _reports_by_item(session, [rows[e.event_id].id for e in entries])
    for entry in entries:
        row = rows[entry.event_id]
        known = {r.source_url: r for r in reports.get(row.id, ())}
        for report in entry.sources:
            stored = known.get(report.source_url)
            said = (report.evidence, report.present, report.version, report.published)
            if stored is None:
                first = report.first_seen or entry.last_seen
                stored = ItemReport(item_id=row.id, source_url=report.source_url, first_seen=first,
                                    last_seen=entry.last_seen)
                session.add(stored)
                known[report.source_url] = stored
            elif (stored.evidence, stored.present, stored.version, stored.published) == said:
                continue  # another source's report of a shared row: left as it is
            elif report.present:
                stored.last_seen = entry.last_seen  # when this source last said it
            stored.evidence, stored.present, stored.version, stored.published = said


def load_timeline(session: Session, story: str | None = None) -> list[TimelineEntry]:
    """The stored timeline (of one story), as monitor.track.timeline entries, by story, date and event id."""
    order = (TimelineItem.story_id, TimelineItem.date, TimelineItem.event_id)
    statement = select(TimelineItem).order_by(*order)
    if story is not None:
        statement = statement.where(TimelineItem.story_id == story)
    return _entries(session, session.scalars(statement).all())


def load_candidates(session: Session, story: str, reach: Reach) -> list[TimelineEntry]:
    """The rows of `story` that reconciling a version can touch (monitor.track.candidates.reach_of), closed
    as `Reach` says, in `load_timeline`'s order: `reconcile` given these returns what it would given the
    whole story. Each query is served by an index (migration 0006); rows are read whole only once chosen."""
    from monitor.track.entries import FIGURE_KIND

    found: dict[int, _Link] = {}
    in_story = TimelineItem.story_id == story
    reported = (select(ItemReport.item_id).join(TimelineItem, TimelineItem.id == ItemReport.item_id)
                .where(in_story, ItemReport.source_url == reach.source_url))
    _add(found, session, [TimelineItem.id.in_(reported)])
    for keys in chunks(sorted(reach.keys)):
        _add(found, session, [in_story, TimelineItem.key.in_(keys)])
    for window in reach.windows:
        kinds = [] if window.kinds is None else [TimelineItem.kind.in_(sorted(window.kinds))]
        _add(found, session, [in_story, *kinds, TimelineItem.span_start <= window.last,
                              TimelineItem.span_end >= window.first])
    for values in chunks(sorted(reach.values)):
        _add(found, session, [in_story, TimelineItem.kind == FIGURE_KIND, TimelineItem.value.in_(values)])
    # The ids new items would take, and each taken one's successor (`event_id_for`'s -2, -3 ...).
    wanted = set(reach.event_ids)
    while wanted:
        for eids in chunks(sorted(wanted)):
            _add(found, session, [in_story, TimelineItem.event_id.in_(eids)])
        wanted = {_next_id(eid) for eid in wanted & {link.event_id for link in found.values()}}
    _close(found, session, in_story, reach.series)
    rows = [row for chunk in chunks(sorted(found)) for row in
            session.scalars(select(TimelineItem).where(TimelineItem.id.in_(chunk)))]
    nulls_first = session.get_bind().dialect.name == "sqlite"
    rows.sort(key=lambda r: ((r.date is None) != nulls_first, r.date or "", r.event_id))
    return _entries(session, rows)


class _Link:
    """What the closure needs to know of a candidate row."""

    __slots__ = ("event_id", "series", "superseded_by")

    def __init__(self, event_id: str, series: str | None, superseded_by: str | None) -> None:
        self.event_id, self.series, self.superseded_by = event_id, series, superseded_by


def _add(found: dict[int, _Link], session: Session, where: Iterable[Any]) -> set[int]:
    """Add the rows matching `where` to `found`; the ids that were not there yet."""
    item = TimelineItem
    statement = select(item.id, item.event_id, item.series, item.superseded_by)
    new: set[int] = set()
    for row_id, event_id, series, successor in session.execute(statement.where(and_(*where))):
        if row_id not in found:
            found[row_id] = _Link(event_id, series, successor)
            new.add(row_id)
    return new


def _close(found: dict[int, _Link], session: Session, in_story: Any, series: Iterable[str]) -> None:
    """Add to `found` whole series (`series` and that of every figure found) and the rows linked to a found
    row by `superseded_by`, either way, until nothing is added."""
    done: set[str] = set()
    todo = set(series)
    fresh = set(found)
    while fresh or todo:
        links = [found[i] for i in fresh]
        todo |= {link.series for link in links if link.series is not None}
        todo -= done
        done |= todo
        known = {link.event_id for link in found.values()}
        successors = {link.superseded_by for link in links if link.superseded_by is not None} - known
        fresh = set()
        for names in chunks(sorted(todo)):
            fresh |= _add(found, session, [in_story, TimelineItem.series.in_(names)])
        for eids in chunks(sorted(successors)):
            fresh |= _add(found, session, [in_story, TimelineItem.event_id.in_(eids)])
        for eids in chunks(sorted(link.event_id for link in links)):
            fresh |= _add(found, session, [in_story, TimelineItem.superseded_by.in_(eids)])
        todo = set()


def _next_id(event_id: str) -> str:
    """The id `event_id_for` tries after `event_id`: ev-x -> ev-x-2, ev-x-2 -> ev-x-3."""
    base, _, number = event_id.rpartition("-")
    if base.count("-") >= 1 and number.isdigit():
        return f"{base}-{int(number) + 1}"
    return f"{event_id}-2"


def _entries(session: Session, items: Sequence[TimelineItem]) -> list[TimelineEntry]:
    """Rows as monitor.track.timeline entries, with their reports, in the given order."""
    from monitor.track.timeline import SourceReport, TimelineEntry

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
