"""Where sources disagree: two current values of one figure (subject, metric and date) from different sources.

A source's own later value is a revision (`monitor.track.timeline`); another source's different value for the
same subject, metric and day is a dispute: both rows stay active, each names the other as its rival.

    rivals(timeline)    # {event_id: (rival entries...)} for every disputed figure
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from monitor.extract.spans import date_span
from monitor.track.entries import ACTIVE, TimelineEntry
from monitor.track.identity import series_of

Period = tuple[str, str]


def period_of(entry: TimelineEntry) -> Period | None:
    """The period a figure holds for: its date's span, else (undated) its publication day; None without."""
    span = date_span(entry.date)
    if span is not None:
        return span.start.isoformat(), span.end.isoformat()
    if entry.published:
        day = str(entry.published)[:10]
        return day, day
    return None


def _present(entry: TimelineEntry) -> frozenset[str]:
    return frozenset(s.source_url for s in entry.sources if s.present)


def disagree(a: TimelineEntry, b: TimelineEntry) -> bool:
    """Two active figures of one series and period whose values differ, not told by the very same sources."""
    if a.event_id == b.event_id or not (a.is_figure and b.is_figure):
        return False
    if a.status != ACTIVE or b.status != ACTIVE:
        return False
    series = series_of(a.subject, a.metric)
    if series is None or series != series_of(b.subject, b.metric):
        return False
    if a.value is None or b.value is None or float(a.value) == float(b.value):
        return False
    period = period_of(a)
    return period is not None and period == period_of(b) and _present(a) != _present(b)


def rivals(entries: Iterable[TimelineEntry]) -> Mapping[str, tuple[TimelineEntry, ...]]:
    """Every disputed figure's event_id -> the figures that disagree with it (in first-seen order)."""
    groups: dict[tuple[tuple[str, str], Period], list[TimelineEntry]] = {}
    for entry in entries:
        active = entry.is_figure and entry.status == ACTIVE
        series = series_of(entry.subject, entry.metric) if active else None
        period = period_of(entry) if series is not None else None
        if series is not None and period is not None:
            groups.setdefault((series, period), []).append(entry)
    out: dict[str, tuple[TimelineEntry, ...]] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        ordered = sorted(group, key=lambda e: (e.first_seen, e.event_id))
        for entry in ordered:
            found = tuple(other for other in ordered if disagree(entry, other))
            if found:
                out[entry.event_id] = found
    return out


def disputes(entries: Iterable[TimelineEntry]) -> set[tuple[str, str]]:
    """The disputed pairs of figures, each as (event_id, event_id) in sorted order."""
    return {tuple(sorted((eid, other.event_id))) for eid, found in rivals(entries).items()  # type: ignore[misc]
            for other in found}
