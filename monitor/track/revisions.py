"""Revisions and statuses of a story's rows (pure, part of `monitor.track.timeline.reconcile`).

A figure newly reported for a series (subject and metric) supersedes the series' current figures that hold
for an earlier or the same day, unless it is another source's value for the same period, which disputes them
instead (`monitor.track.conflicts`); a later figure already known supersedes it. Every row's status then
follows from presence and supersession: `revised` while its successor stands, else `active` while a source
presents it, else `removed`; a row shows the evidence of its earliest source still presenting it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from monitor.extract.spans import date_span
from monitor.track.conflicts import period_of
from monitor.track.entries import ACTIVE, REMOVED, REVISED, TimelineEntry
from monitor.track.identity import series_of
from monitor.track.matching import iso_day


def _primary(entry: TimelineEntry) -> TimelineEntry:
    """Show the evidence of the earliest source that still presents the item, one that dates it before an
    undated report (else keep what was shown)."""
    first = next((s for s in entry.sources if s.present and not s.latent), None) or next(
        (s for s in entry.sources if s.present), None)
    if first is None:
        return entry
    # A store that does not keep each report's publication date hands back None: keep the known one.
    published = first.published if first.published is not None else entry.published
    if (entry.evidence, entry.source_url, entry.published) == (first.evidence, first.source_url, published):
        return entry  # most rows of a version's candidates: no copy made
    return replace(entry, evidence=first.evidence, source_url=first.source_url, published=published)


def _figure_ref(entry: TimelineEntry) -> dt.date | None:
    """The day a figure holds for: the end of its date, else its publication day."""
    span = date_span(entry.date)
    return span.end if span else iso_day(entry.published)


def resolve_statuses(work: dict[str, TimelineEntry]) -> dict[str, TimelineEntry]:
    """Derive every status from presence and supersession; drop a supersession whose successor is removed."""
    done: dict[str, TimelineEntry] = {}
    visiting: set[str] = set()

    def resolve(eid: str) -> TimelineEntry:
        if eid in done:
            return done[eid]
        entry = work[eid]
        visiting.add(eid)
        successor = entry.superseded_by
        if successor in work and successor not in visiting and resolve(successor).status != REMOVED:
            status = REVISED
        else:
            status, successor = (ACTIVE if any(s.present for s in entry.sources) else REMOVED), None
        result = entry
        if (entry.status, entry.superseded_by) != (status, successor):
            result = replace(entry, status=status, superseded_by=successor)
        visiting.discard(eid)
        done[eid] = _primary(result)
        return done[eid]

    for eid in work:
        resolve(eid)
    return {eid: done[eid] for eid in work}


def supersede(
    work: dict[str, TimelineEntry],
    before: dict[str, TimelineEntry],
    newly_presented: Sequence[str],
    dropped: set[str],
    source_url: str,
) -> None:
    """Apply the revision rule in place: newer figures of a series supersede the series' current ones, except
    another source's value for the same period, which disputes them instead."""
    for eid in newly_presented:
        figure = work[eid]
        series = series_of(figure.subject, figure.metric) if figure.is_figure else None
        if series is None:
            continue
        siblings = [
            e
            for e in work.values()
            if e.is_figure and e.event_id != eid and series_of(e.subject, e.metric) == series
        ]
        is_new = eid not in before
        if not is_new and not any(e.event_id in dropped for e in siblings):
            continue  # another source repeating a known value: no revision
        # Current figures of the series: not superseded, and not already removed before this version.
        current = [
            e
            for e in siblings
            if e.superseded_by is None and (e.event_id not in before or before[e.event_id].status != REMOVED)
        ]
        ref = _figure_ref(figure)
        newer: list[tuple[dt.date, TimelineEntry]] = []
        for e in current:
            other = _figure_ref(e)
            if ref is not None and other is not None and other > ref:
                newer.append((other, e))
            elif not _rival_of(e, figure, before, dropped, source_url):
                work[e.event_id] = replace(e, superseded_by=eid)
        if newer:
            latest = max(newer, key=lambda pair: (pair[0], pair[1].first_seen, pair[1].event_id))[1]
            work[eid] = replace(work[eid], superseded_by=latest.event_id)
        elif work[eid].superseded_by is not None:
            work[eid] = replace(work[eid], superseded_by=None)


def _rival_of(
    current: TimelineEntry, figure: TimelineEntry, before: dict[str, TimelineEntry], dropped: set[str],
    source_url: str,
) -> bool:
    """Whether `figure`, just reported by `source_url`, disputes `current` rather than revising it: another
    value for the same period, and `current` was never this source's own (present in it before, or dropped
    by this version)."""
    if current.event_id in dropped or current.value == figure.value:
        return False
    own = before.get(current.event_id, current).report_of(source_url)
    if own is not None and own.present:
        return False
    period = period_of(current)
    return period is not None and period == period_of(figure)
