"""Timeline rows: a story's entries (monitor.track.timeline) and each source's report of them.

Functions over an open Session; `Store` and `StoreTransaction` (monitor.store.repo) run them in a transaction.
A version is reconciled against `load_candidates` (the rows it can touch, found by index), never the whole
story, and `write_timeline` writes only the rows and reports that changed.

A process keeps the entries it built, by row, with the row's `rev` token (`_EntryCache`). Every write of a
row or of its reports sets a new random token (`write_timeline`; the model's `onupdate` for any other update
of the row), so an entry is reused only while its row, and so its reports, are as they were read, whichever
process wrote them: a version in a story of 2,000 sources reads again only the rows that changed since.
"""

from __future__ import annotations

import json
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import BindParameter, Engine, Row, Select, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from monitor.store.batch import chunks
from monitor.store.models import ItemReport, TimelineItem, new_rev

if TYPE_CHECKING:
    from monitor.track.candidates import DayWindow, Reach
    from monitor.track.timeline import SourceReport, TimelineEntry

_ITEMS = cast(Table, TimelineItem.__table__)
_REPORTS = cast(Table, ItemReport.__table__)
_ITEM_FIELDS = ("key", "kind", "date", "date_end", "precision", "summary", "location", "subject", "metric",
                "unit", "qualifier", "evidence", "source_url", "published", "first_seen", "last_seen",
                "status", "superseded_by")


def _rows_where(*conditions: Any) -> Select[Any]:
    """What the closure needs to know of the rows of story `:story` meeting `conditions` (`:values` is a
    list, bound at each execution)."""
    i = _ITEMS.c
    return select(i.id, i.event_id, i.series, i.superseded_by, i.kind, i.date).where(
        i.story_id == bindparam("story"), *conditions)


# Built once: building a statement costs several times what executing it does, and a version asks a dozen.
# The candidates' (`_rows_where`) find the rows' ids (a row is often found by several); `_BY_ID` then reads
# each found row once.
_VALUES: BindParameter[Any] = bindparam("values", expanding=True)
_INSERT_ITEM = insert(_ITEMS)
_UPDATE_ITEM = update(_ITEMS).where(_ITEMS.c.id == bindparam("b_id"))
_ITEM_IDS = select(_ITEMS.c.event_id, _ITEMS.c.id).where(_ITEMS.c.event_id.in_(_VALUES))
_INSERT_REPORT = insert(_REPORTS)
_UPDATE_REPORT = update(_REPORTS).where(_REPORTS.c.id == bindparam("b_id"))
_STORED_REPORTS = select(_REPORTS.c.id, _REPORTS.c.item_id, _REPORTS.c.source_url, _REPORTS.c.evidence,
                         _REPORTS.c.present, _REPORTS.c.version, _REPORTS.c.published, _REPORTS.c.latent,
                         _REPORTS.c.last_seen).where(_REPORTS.c.item_id.in_(_VALUES))
_REPORTS_OF = (select(_REPORTS.c.item_id, _REPORTS.c.source_url, _REPORTS.c.evidence, _REPORTS.c.present,
                      _REPORTS.c.version, _REPORTS.c.published, _REPORTS.c.first_seen, _REPORTS.c.latent)
               .where(_REPORTS.c.item_id.in_(_VALUES)).order_by(_REPORTS.c.id))
_REPORTS_BEFORE_0009 = select(*_REPORTS_OF.selected_columns[:-1]).where(
    _REPORTS.c.item_id.in_(_VALUES)).order_by(_REPORTS.c.id)
_BY_ID = select(_ITEMS).where(_ITEMS.c.id.in_(_VALUES))
_REPORTED = _rows_where(_ITEMS.c.id.in_(select(_REPORTS.c.item_id).where(_REPORTS.c.source_url.in_(_VALUES))))
_BY_KEY = _rows_where(_ITEMS.c.key.in_(_VALUES))
_BY_EVENT_ID = _rows_where(_ITEMS.c.event_id.in_(_VALUES))
_BY_SERIES = _rows_where(_ITEMS.c.series.in_(_VALUES))
_SUPERSEDED_BY = _rows_where(_ITEMS.c.superseded_by.in_(_VALUES))
_FIGURES_OF_VALUE = _rows_where(_ITEMS.c.kind == bindparam("kind"), _ITEMS.c.value.in_(_VALUES))
_IN_DAYS = (_ITEMS.c.span_start <= bindparam("last"), _ITEMS.c.span_end >= bindparam("first"))
# A window's rows (candidates.DayWindow.rows; named here, as track/ is imported only when rows are written): a
# row of undated reports only is an undated row with days.
_ROWS = {"any": (), "dated": (_ITEMS.c.date.is_not(None),), "undated": (_ITEMS.c.date.is_(None),)}
_WINDOWS = {(kinds, rows): _rows_where(*_IN_DAYS, *where, *((_ITEMS.c.kind.in_(_VALUES),) if kinds else ()))
            for kinds in (False, True) for rows, where in _ROWS.items()}


def write_timeline(session: Session, entries: Sequence[TimelineEntry]) -> None:
    """Upsert timeline entries (by event_id) and their per-source reports; a report that did not change (the
    same evidence, presence, version and publication day) is not written again."""
    if not entries:
        return
    # Core statements, not the ORM's unit of work: this runs for every new version, inside the story's write
    # transaction (which serialises the writers), and the unit of work cost several times the SQL here.
    entries = list({e.event_id: e for e in entries}.values())  # an id given twice: the last one stands
    ids = _item_ids(session, [e.event_id for e in entries])
    known = [e for e in entries if e.event_id in ids]
    fresh = [e for e in entries if e.event_id not in ids]
    if fresh:
        session.execute(_INSERT_ITEM, [_item_values(e) for e in fresh])
        ids.update(_item_ids(session, [e.event_id for e in fresh]))
    if known:
        session.execute(_UPDATE_ITEM, [{**_item_values(e), "b_id": ids[e.event_id]} for e in known])
    stored = _stored_reports(session, [ids[e.event_id] for e in known])
    added: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for entry in entries:
        item_id = ids[entry.event_id]
        for report in entry.sources:
            said = (report.evidence, report.present, report.version, report.published, report.latent)
            old = stored.get((item_id, report.source_url))
            if old is None:
                # A row naming one source twice (reconcile never makes one) gets one report, not two.
                stored[item_id, report.source_url] = (0, said, entry.last_seen)
                added.append({"item_id": item_id, "source_url": report.source_url,
                              "evidence": report.evidence, "present": report.present,
                              "version": report.version, "published": report.published,
                              "latent": report.latent, "first_seen": report.first_seen or entry.last_seen,
                              "last_seen": entry.last_seen})
            elif old[1] != said:
                # A report still present was last said now; one withdrawn keeps when it was last said.
                last = entry.last_seen if report.present else old[2]
                changed.append({"b_id": old[0], "evidence": report.evidence, "present": report.present,
                                "version": report.version, "published": report.published,
                                "latent": report.latent, "last_seen": last})
    if added:
        session.execute(_INSERT_REPORT, added)
    if changed:
        session.execute(_UPDATE_REPORT, changed)


def _item_values(entry: TimelineEntry) -> dict[str, Any]:
    """A row's columns as written (the extractor stamp is `history.record_states`')."""
    # Here, not at the top: every check imports this module, and a poll cycle in which nothing changed never
    # writes a timeline row (track/'s matching and lexicon cost its start-up ~40 ms).
    from monitor.track.candidates import entry_bounds, series_key
    from monitor.track.entries import FIGURE_KIND

    values = {name: getattr(entry, name) for name in _ITEM_FIELDS}
    span = entry_bounds(entry) or (None, None)
    values.update(event_id=entry.event_id, story_id=entry.story, rev=new_rev(),
                  actors=json.dumps(list(entry.actors), ensure_ascii=False),
                  value=None if entry.value is None else float(entry.value),
                  span_start=span[0], span_end=span[1],
                  series=series_key(entry.subject, entry.metric) if entry.kind == FIGURE_KIND else None)
    return values


def _item_ids(session: Session, event_ids: Sequence[str]) -> dict[str, int]:
    """The row id of each of these event ids that is stored."""
    found: dict[str, int] = {}
    for chunk in chunks(event_ids):
        found.update((eid, row_id) for eid, row_id in session.execute(_ITEM_IDS, {"values": list(chunk)}))
    return found


def _stored_reports(
    session: Session, item_ids: Sequence[int]
) -> dict[tuple[int, str], tuple[int, tuple[Any, ...], Any]]:
    """(item id, source) -> (report id, what it said, when it was last said) of these rows' reports."""
    found: dict[tuple[int, str], tuple[int, tuple[Any, ...], Any]] = {}
    for chunk in chunks(item_ids):
        for rid, item_id, url, evidence, present, version, published, latent, last in session.execute(
                _STORED_REPORTS, {"values": list(chunk)}):
            found[item_id, url] = (rid, (evidence, present, version, published, bool(latent)), last)
    return found


def load_timeline(
    session: Session, story: str | None = None, *, before_0009: bool = False
) -> list[TimelineEntry]:
    """The stored timeline (of one story), as monitor.track.timeline entries, by story, date and event id
    (`before_0009`: of a database whose reports have no `latent` column yet, as migration 0007 reads it)."""
    i = _ITEMS.c
    # Not `rev`, nor the entries this process keeps: a whole story is read for an export or a rebuild (and by
    # migration 0007, before the column existed), not once a version.
    statement = select(*(c for c in _ITEMS.c if c.name != "rev")).order_by(i.story_id, i.date, i.event_id)
    if story is not None:
        statement = statement.where(i.story_id == story)
    return _entries(session, list(session.execute(statement)), keep=False, before_0009=before_0009)


def load_candidates(session: Session, story: str, reach: Reach) -> list[TimelineEntry]:
    """The rows of `story` that reconciling a version can touch (monitor.track.candidates.reach_of), closed
    as `Reach` says, in `load_timeline`'s order: `reconcile` given these returns what it would given the
    whole story. Each statement is served by an index (migration 0006); rows are read whole once found."""
    from monitor.track.candidates import bridge_windows
    from monitor.track.entries import FIGURE_KIND

    found: dict[int, Row[Any]] = {}
    _add(found, session, _REPORTED, story, [reach.source_url])
    _add(found, session, _BY_KEY, story, sorted(reach.keys))
    _add_windows(found, session, story, reach.windows)
    # A row a report joins may then be merged with the rows within its own reach (`bridge_windows`).
    _add_windows(found, session, story, bridge_windows([(row.kind, row.date) for row in found.values()]))
    _add(found, session, _FIGURES_OF_VALUE, story, sorted(reach.values), kind=FIGURE_KIND)
    # The ids new items would take, and each taken one's successor (`event_id_for`'s -2, -3 ...).
    wanted = set(reach.event_ids)
    while wanted:
        _add(found, session, _BY_EVENT_ID, story, sorted(wanted))
        wanted = {_next_id(eid) for eid in wanted & {row.event_id for row in found.values()}}
    _close(found, session, story, reach.series)
    rows = [row for ids in chunks(sorted(found))
            for row in session.execute(_BY_ID, {"values": list(ids)}).all()]
    nulls_first = session.get_bind().dialect.name == "sqlite"
    rows.sort(key=lambda r: ((r.date is None) != nulls_first, r.date or "", r.event_id))
    return _entries(session, rows)


def _add_windows(
    found: dict[int, Row[Any]], session: Session, story: str, windows: Iterable[DayWindow]
) -> None:
    """Add to `found` the rows of each window (`candidates.DayWindow`)."""
    for window in windows:
        statement = _WINDOWS[window.kinds is not None, window.rows]
        _add(found, session, statement, story, None if window.kinds is None else sorted(window.kinds),
             first=window.first, last=window.last)


def _add(
    found: dict[int, Row[Any]], session: Session, statement: Select[Any], story: str,
    values: Sequence[Any] | None, **params: str,
) -> set[int]:
    """Add the rows `statement` finds to `found`, given `values` in chunks (an empty list finds nothing; None:
    the statement takes none); the ids that were not there yet."""
    new: set[int] = set()
    for chunk in [()] if values is None else chunks(values):
        for row in session.execute(statement, {"story": story, "values": list(chunk), **params}).all():
            if row.id not in found:
                found[row.id] = row
                new.add(row.id)
    return new


def _close(found: dict[int, Row[Any]], session: Session, story: str, series: Iterable[str]) -> None:
    """Add to `found` whole series (`series` and that of every figure found) and the rows linked to a found
    row by `superseded_by`, either way, until nothing is added."""
    done: set[str] = set()
    todo = set(series)
    fresh = set(found)
    while fresh or todo:
        links = [found[n] for n in fresh]
        todo |= {link.series for link in links if link.series is not None}
        todo -= done
        done |= todo
        known = {link.event_id for link in found.values()}
        successors = {link.superseded_by for link in links if link.superseded_by is not None} - known
        fresh = _add(found, session, _BY_SERIES, story, sorted(todo))
        fresh |= _add(found, session, _BY_EVENT_ID, story, sorted(successors))
        fresh |= _add(found, session, _SUPERSEDED_BY, story, sorted(link.event_id for link in links))
        todo = set()


def _next_id(event_id: str) -> str:
    """The id `event_id_for` tries after `event_id`: ev-x -> ev-x-2, ev-x-2 -> ev-x-3."""
    base, _, number = event_id.rpartition("-")
    if base.count("-") >= 1 and number.isdigit():
        return f"{base}-{int(number) + 1}"
    return f"{event_id}-2"


def _entries(
    session: Session, items: Sequence[Row[Any]], keep: bool = True, before_0009: bool = False
) -> list[TimelineEntry]:
    """Rows as monitor.track.timeline entries, with their reports, in the given order. With `keep`, the rows
    carry their `rev`: an entry this process built from a row whose token has not moved since is reused, and
    the ones built now are kept."""
    from monitor.track.timeline import TimelineEntry

    cache = _cache_of(session) if keep and items else None
    built: dict[int, TimelineEntry] = {}
    if cache is not None:
        cache.focus(items[0].story_id)
        built = {i.id: entry for i in items if (entry := cache.get(i.id, i.rev)) is not None}
    fresh = [i for i in items if i.id not in built]
    statement = _REPORTS_BEFORE_0009 if before_0009 else _REPORTS_OF
    reports = _reports_by_item(session, [i.id for i in fresh], statement)
    for i in fresh:
        built[i.id] = entry = TimelineEntry(
            event_id=i.event_id, story=i.story_id, key=i.key, kind=i.kind, date=i.date,
            date_end=i.date_end, precision=i.precision, summary=i.summary,
            actors=tuple(json.loads(i.actors or "[]")), location=i.location, subject=i.subject,
            metric=i.metric, value=_number(i.value), unit=i.unit, qualifier=i.qualifier,
            evidence=i.evidence, source_url=i.source_url, published=i.published,
            first_seen=i.first_seen, last_seen=i.last_seen, status=i.status,
            sources=tuple(reports.get(i.id, ())), superseded_by=i.superseded_by,
        )
        if cache is not None:
            cache.put(i.id, i.rev, entry)
    return [built[i.id] for i in items]


# How many reports the entries a process keeps may hold in all (~300 bytes each with their sentence): enough
# for the candidates of a story of 2,000 sources.
KEPT_REPORTS = 20_000


class _EntryCache:
    """Entries of one story by row id, with the token of the row they were built from; beyond `KEPT_REPORTS`
    reports, those used least recently go.

    Only the story last read: its next version is most often the next check's (a cycle claims a story's
    sources together), and a cycle of many small stories, whose versions read a few rows each, would
    otherwise keep every story's rows in every process for nothing (the cold cycle of 2,000 pages in stories
    of 20: +25 MB a process).
    """

    def __init__(self) -> None:
        self._entries: OrderedDict[int, tuple[int, TimelineEntry]] = OrderedDict()
        self._reports = 0
        self._story: str | None = None
        self._lock = threading.Lock()  # a process's checks run their transactions on several threads

    def focus(self, story: str) -> None:
        """Keep entries of `story` only from now on."""
        with self._lock:
            if story != self._story:
                self._entries.clear()
                self._reports = 0
                self._story = story

    def get(self, row_id: int, rev: int) -> TimelineEntry | None:
        """The entry built from row `row_id` when its token was `rev`, or None."""
        with self._lock:
            kept = self._entries.get(row_id)
            if kept is None or kept[0] != rev:
                return None
            self._entries.move_to_end(row_id)
            return kept[1]

    def put(self, row_id: int, rev: int, entry: TimelineEntry) -> None:
        """Keep `entry`, built from row `row_id` with token `rev`."""
        with self._lock:
            old = self._entries.pop(row_id, None)
            if old is not None:
                self._reports -= len(old[1].sources)
            self._entries[row_id] = (rev, entry)
            self._reports += len(entry.sources)
            while self._reports > KEPT_REPORTS and len(self._entries) > 1:
                _id, (_rev, gone) = self._entries.popitem(last=False)
                self._reports -= len(gone.sources)


# One cache a database: an engine's rows are not another's.
_CACHES: weakref.WeakKeyDictionary[Engine, _EntryCache] = weakref.WeakKeyDictionary()


_CACHES_LOCK = threading.Lock()


def _cache_of(session: Session) -> _EntryCache:
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    with _CACHES_LOCK:
        cache = _CACHES.get(engine)
        if cache is None:
            cache = _CACHES[engine] = _EntryCache()
        return cache


def _reports_by_item(
    session: Session, item_ids: Sequence[int], statement: Select[Any]
) -> dict[int, list[SourceReport]]:
    """Every source's report of these items, by item id, in the order they were first written."""
    from monitor.track.timeline import SourceReport

    reports: dict[int, list[SourceReport]] = {}
    for chunk in chunks(item_ids):
        # Fetched at once and unpacked, not read row by row by attribute: a story of 2,000 sources reads
        # thousands of reports a version, and that cost more than the SQL.
        for item_id, url, evidence, present, version, published, first, *latent in session.execute(
                statement, {"values": list(chunk)}).all():
            held = bool(latent and latent[0])  # no such column before migration 0009
            reports.setdefault(item_id, []).append(
                SourceReport(url, evidence, present, version or 0, published, first, held))
    return reports


def _number(value: float | None) -> float | int | None:
    """Counts come back as ints (4000, not 4000.0), as the extractor produced them."""
    return int(value) if value is not None and value.is_integer() else value
