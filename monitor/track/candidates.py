"""Which stored rows of a story a source version can touch, so that reconciling it reads those, not the story.

`reconcile()` (monitor.track.timeline) is given the story's timeline. Given instead the rows `reach_of`
describes, closed as `Reach` says, it returns the same changes and the same rows to write: the store loads
exactly those (monitor.store.timeline.load_candidates), and the cost of a version depends on its items and the
rows they could touch, not on the story's size (benchmarks/story_size.py). tests/run/test_story_candidates.py
replays versions both ways and compares.

The store keeps three columns for it, computed here from a row: `span_start`/`span_end` (the days its date
covers, `date_bounds`) and `series` (a figure's normalised subject and metric, `series_key`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from monitor.extract.spans import date_span
from monitor.track.entries import FIGURE_KIND, ItemLike, TimelineEntry
from monitor.track.identity import event_id_for, identity_key, series_of
from monitor.track.matching import iso_day, typed_kind
from monitor.track.matching import rules as matching_rules

__all__ = ["ANY", "DATED", "UNDATED", "DayWindow", "Pool", "Reach", "bridge_windows", "date_bounds",
           "entry_bounds", "entry_days", "item_days", "latent_window", "pool_of", "reach_of", "series_key",
           "within_reach"]


# Which rows a window takes: dated ones, those of undated reports only (days: `latent_window`'s), any.
DATED, UNDATED, ANY = "dated", "undated", "any"


@dataclass(frozen=True)
class DayWindow:
    """Rows of one of `kinds` (None: any kind) whose days overlap `first`..`last` (ISO days, inclusive), of
    those `rows` says (`DATED`, `UNDATED`: a row of undated reports only, `ANY`)."""

    kinds: frozenset[str] | None
    first: str
    last: str
    rows: str = ANY


@dataclass(frozen=True)
class Reach:
    """The rows of a story one version of `source_url` can touch (see `reach_of`); the store loads the rows
    matching any field, then the rows within reach of each loaded dated event row (`bridge_windows`: a row a
    report joins may then merge with them), then closes the set: every figure loaded brings its whole
    series, and every row linked by `superseded_by` to a loaded row (either way) is loaded, until nothing is
    added."""

    source_url: str
    keys: frozenset[str]  # identity keys: the exact pairing
    windows: tuple[DayWindow, ...]  # events: kinds and the days their dates cover
    series: frozenset[str]  # figures: series_key of the items' (subject, metric)
    values: frozenset[float]  # figures: the items' values
    event_ids: frozenset[str]  # the ids new items would take (each with its -2, -3 ... successors)


def series_key(subject: str | None, metric: str | None) -> str | None:
    """The stored form of a figure's (subject, metric) series (monitor.track.identity.series_of)."""
    series = series_of(subject, metric)
    return None if series is None else "\t".join(series)  # normalised names hold no tab


def date_bounds(date: str | None) -> tuple[str, str] | None:
    """The first and last day (ISO) a TIMEX3 date covers, None when it covers none (undated, unparsed)."""
    span = date_span(date)
    return None if span is None else (span.start.isoformat(), span.end.isoformat())


@lru_cache(maxsize=1024)  # a story's pages share a few publication days, met for every row compared
def latent_window(published: str | None) -> tuple[dt.date, dt.date] | None:
    """The days an undated report published on `published` may tell of: the `matching.latent_days` before."""
    day = iso_day(published)
    return None if day is None else (day - dt.timedelta(days=matching_rules().latent_days), day)


def entry_days(entry: TimelineEntry) -> tuple[dt.date, dt.date] | None:
    """The days a row covers: its date's, or for a row of undated reports only, its first report's
    `latent_window`; None for other undated rows (found by key only)."""
    span = date_span(entry.date)
    if span is not None:
        return span.start, span.end
    return latent_window(entry.sources[0].published) if entry.latent else None


def entry_bounds(entry: TimelineEntry) -> tuple[str, str] | None:
    """`entry_days` as ISO days: what the store keeps in a row's span columns."""
    days = entry_days(entry)
    return None if days is None else (days[0].isoformat(), days[1].isoformat())


def _kinds_matching(kind: str) -> frozenset[str] | None:
    """The kinds of rows an event item of `kind` may be paired with (None: any kind): its own, those the
    cross-source matching rules call compatible (monitor.track.matching: `other` goes with any kind, a
    reported kind such as `statement` with any kind worded alike), and those compatible with any kind."""
    rules = matching_rules()
    if kind in rules.any_kind or kind in rules.reported_kinds:
        return None
    return frozenset({kind, *rules.any_kind, *rules.reported_kinds,
                      *(b for a, b in rules.compatible if a == kind),
                      *(a for a, b in rules.compatible if b == kind)})


# The day spans a version reaches, by the kinds and rows (dated, undated, any) of the window they make.
_Spans = dict[tuple[frozenset[str] | None, str], list[tuple[str, str]]]


def reach_of(items: Sequence[ItemLike], story: str, source_url: str, published: str | None = None) -> Reach:
    """THE candidate selection: which rows of `story` reconciling these items of `source_url` may read or
    change. Every row it leaves out must come through `reconcile` unchanged and unread; a row it adds
    needlessly costs time, never correctness. So when the matching rules widen, widen this (a test replays
    real and generated versions with this selection and with the whole story and compares the results).

    Why each part:
    - `source_url`: every row this source reports, present or not: its newest version decides which are
      still present (the others are dropped), and a report of a later version makes this one a stale replay.
    - `keys`: a row with an item's identity key is the item (exact pairing; a figure's key has no date).
    - `windows`: an event item pairs with a row of a kind it may match (`_kinds_matching`) whose date
      contains or lies in its own (`nested`), so with a row whose days overlap the item's (a superset: a day
      inside a week or a month, or a coarser date around it), or, for a single day, another single day
      `adjacent_days` away (`_day_range`), of the dated rows. Rows of undated reports only pair with
      items of their own kind (monitor.track.corroboration): an undated report (`latent`) with the rows of
      its kind in its `latent_window` (the version's publication day), a dated item with the rows of undated
      reports of its kind whose window meets its days (the store keeps a row's days as `entry_bounds`), so
      that the many undated reports of a story weigh only on the few items of their kind. Other undated
      items pair by key only.
    - `series`: a figure that a source newly reports revises the current figures of its (subject, metric)
      series, whatever their dates; `Reach` adds the series of every figure row loaded, which covers a row
      paired by key or by value.
    - `values`: a figure of the same value, whatever its subject and metric: cross-source matching of figures
      pairs on the value with subject and metric that do not contradict each other (one may lack them).
    - `event_ids`: a new item takes `event_id_for(story, key)` unless a row holds it (a row keeps its id when
      a more precise date changes its key), then `-2`, `-3` ...: those rows must be known. Today such a row
      also lies in the item's window (a key only moves to a narrower date of the same kind); asked for all
      the same, so that a rule moving keys further cannot make two rows share an id.
    - closure (`Reach`): statuses derive from `superseded_by` links, which stay inside a series: a loaded
      figure brings its series, and the rows it supersedes or is superseded by.
    """
    keys: set[str] = set()
    spans: _Spans = {}
    series: set[str] = set()
    values: set[float] = set()
    for item in items:
        key = identity_key(item)
        keys.add(key)
        if item.kind == FIGURE_KIND:
            if (found := series_key(item.subject, item.metric)) is not None:
                series.add(found)
            if item.value is not None:
                values.add(float(item.value))
        elif (days := item_days(item, published)) is not None:
            if item.latent:
                spans.setdefault((frozenset({item.kind}), ANY), []).append(_iso(days))
            else:
                _dated_event_spans(spans, item.kind, item.date, days)
    return Reach(source_url, frozenset(keys), _windows(spans), frozenset(series), frozenset(values),
                 frozenset(event_id_for(story, key) for key in keys))


def bridge_windows(rows: Iterable[tuple[str, str | None]]) -> tuple[DayWindow, ...]:
    """The rows that rows of these (kind, date) may be merged with once a version's report joins one: a row
    grown by a report is asked for the rows within reach of it as a report (`bridging.settle`), so each
    loaded dated event row brings the rows `reach_of` would bring for an item of its kind and date (one hop:
    the rows a report joins are among those loaded)."""
    spans: _Spans = {}
    for kind, date in rows:
        if kind != FIGURE_KIND and (days := _day_range(date)) is not None:
            _dated_event_spans(spans, kind, date, days)
    return _windows(spans)


def _dated_event_spans(spans: _Spans, kind: str, date: str | None, days: tuple[dt.date, dt.date]) -> None:
    """Add the windows of a dated event of `kind` (see `reach_of`) to `spans`."""
    spans.setdefault((_kinds_matching(kind), DATED), []).append(_iso(days))
    spans.setdefault((frozenset({kind}), UNDATED), []).append(_iso(days))
    if (told := _told_range(kind, date)) is not None:
        spans.setdefault((frozenset({kind}), DATED), []).append(_iso(told))


def _windows(spans: _Spans) -> tuple[DayWindow, ...]:
    return tuple(DayWindow(kinds, first, last, rows) for (kinds, rows), found in spans.items()
                 for first, last in _merged(found))


def _iso(days: tuple[dt.date, dt.date]) -> tuple[str, str]:
    return days[0].isoformat(), days[1].isoformat()


def _told_range(kind: str, date: str | None) -> tuple[dt.date, dt.date] | None:
    """For a single day of a typed kind, the days `matching.latent_days` around it: a row of its kind one of
    the two dates by its page only and the other by a day before (corroboration.told_later)."""
    span = date_span(date)
    if span is None or span.start != span.end or not typed_kind(kind):
        return None
    around = dt.timedelta(days=matching_rules().latent_days)
    return span.start - around, span.end + around


def item_days(item: ItemLike, published: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a row matching `item` may cover: `_day_range` of its date, or for an undated report
    (`latent`) its `latent_window`."""
    if item.latent and item.date is None:
        return latent_window(published)
    return _day_range(item.date)


def _day_range(date: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a row matching an item dated `date` may cover: those of its date, and for a single day the
    days `matching.adjacent_days` around it (another outlet's date of one happening, worded alike)."""
    span = date_span(date)
    if span is None:
        return None
    if span.start != span.end:
        return span.start, span.end
    around = dt.timedelta(days=matching_rules().adjacent_days)
    return span.start - around, span.end + around


def _merged(spans: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Overlapping day ranges merged (fewer, wider windows: a superset of the same rows)."""
    out: list[tuple[str, str]] = []
    for first, last in sorted(spans):
        if out and first <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


@dataclass(frozen=True)
class Pool:
    """A timeline's rows indexed for `within_reach`: figures by value, events with the days they cover; each
    list in the rows' own order (the pairing prefers earlier rows)."""

    figures: dict[float, list[TimelineEntry]]
    events: list[tuple[TimelineEntry, dt.date, dt.date, bool]]  # row, first and last day, of undated reports


def pool_of(entries: Iterable[TimelineEntry]) -> Pool:
    """Index `entries` for `within_reach` (each row's date read once, not once for every item)."""
    figures: dict[float, list[TimelineEntry]] = {}
    events: list[tuple[TimelineEntry, dt.date, dt.date, bool]] = []
    for entry in entries:
        if entry.is_figure:
            if entry.value is not None:
                figures.setdefault(float(entry.value), []).append(entry)
        elif (days := entry_days(entry)) is not None:
            events.append((entry, days[0], days[1], entry.latent))
    return Pool(figures, events)


def within_reach(pool: Pool, item: ItemLike, published: str | None = None) -> list[TimelineEntry]:
    """The rows of `pool` an item with no identity match could be told in other words: what
    `monitor.track.timeline`'s loose matching needs and never goes past (a figure of the same value; an event
    row whose days overlap the item's, or for a single day lie `matching.adjacent_days` around it; an
    undated report's `latent_window`; rows of undated reports and undated reports meet their own kind only).
    The rules themselves then decide; this only spares them the rows they would turn down on date, value or
    kind."""
    if item.kind == FIGURE_KIND:
        return list(pool.figures.get(float(item.value), ())) if item.value is not None else []
    days = item_days(item, published)
    if days is None:
        return []
    first, last = days
    told = _told_range(item.kind, item.date) if not item.latent else None
    # An undated report meets rows of its own kind only, as a row of undated reports does (`reach_of`).
    return [entry for entry, start, end, undated in pool.events
            if (start <= last and first <= end and (entry.kind == item.kind or not (undated or item.latent)))
            or (told is not None and entry.kind == item.kind and not undated
                and start <= told[1] and told[0] <= end)]
