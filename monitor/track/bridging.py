"""Two rows of one happening that a later report bridges are merged (pure, no I/O).

Outlet A tells a happening naming NASA, outlet B naming the program NASA runs: two rows, as their actors
conflict. Outlet C names both, so its report matches both rows; it joins one of them
(`monitor.track.timeline`), and the other is then the same happening told apart: it is merged into the row C
joined. Its reports move there, and it stays on the timeline as `revised`, `superseded_by` that row, presented
by no source (rows are kept, never deleted: the history of the timeline still shows it as it was).

Only rows that are one happening by the same rules as two outlets' reports are merged: events, no source in
common (a source's own rows are its own happenings), compatible kinds and nested dates, and actors that agree
once the bridging report's names are added, or, where a side names nobody who acts, sentences worded alike.
A row of undated reports waiting for a telling (`corroboration`) that the bridging report met is merged too,
of its kind and actors not conflicting: the report told what those outlets only echoed.
A merged row is never paired again, so a replay sees one row and merges nothing more: a fixed point.
"""

from __future__ import annotations

from dataclasses import replace

from monitor.extract.spans import date_span, narrower, nested
from monitor.track.candidates import only_latent
from monitor.track.entries import TimelineEntry
from monitor.track.matching import actors_agree, kinds_compatible, same_wording, united_actors


def merged(entry: TimelineEntry) -> bool:
    """A row merged into another: an event superseded (only figures are revised otherwise)."""
    return not entry.is_figure and entry.superseded_by is not None


def may_merge(survivor: TimelineEntry, other: TimelineEntry) -> bool:
    """Whether `other`, which the report just paired with `survivor` also matched, is `survivor`'s happening
    (see the module docstring): `other` still presented by a source and merged into no row."""
    if survivor.is_figure or other.is_figure or merged(survivor) or merged(other):
        return False
    if not any(s.present for s in other.sources):
        return False
    if {s.source_url for s in survivor.sources} & {s.source_url for s in other.sources}:
        return False
    if not kinds_compatible(survivor.kind, other.kind):
        return False
    if only_latent(other):
        # Undated reports waiting for a telling (`corroboration`) that the report just paired met as well: two
        # outlets' "Trump said he would raise tariffs", neither dated nor worded alike, and a third outlet's
        # "The president said on Tuesday ...", whichever came first.
        return other.kind == survivor.kind and actors_agree(survivor.actors, other.actors) is not False
    if not nested(date_span(survivor.date), date_span(other.date)):
        return False
    agree = actors_agree(survivor.actors, other.actors)
    if agree is not None:
        return agree
    return any(same_wording(a.evidence, b.evidence) for a in survivor.sources for b in other.sources)


def merge(survivor: TimelineEntry, other: TimelineEntry) -> tuple[TimelineEntry, TimelineEntry]:
    """(`survivor` with `other`'s reports, actors and, where more precise, date; `other` merged into it, its
    reports no longer presented there)."""
    joined = replace(
        survivor,
        sources=(*survivor.sources, *other.sources),
        actors=united_actors(survivor.actors, other.actors),
        first_seen=min(survivor.first_seen, other.first_seen),
        last_seen=max(survivor.last_seen, other.last_seen),
    )
    span, other_span = date_span(survivor.date), date_span(other.date)
    if span and other_span and narrower(other_span, span):
        joined = replace(joined, date=other.date, date_end=other.date_end, precision=other.precision,
                         key=other.key)
    gone = replace(other, sources=tuple(replace(s, present=False) for s in other.sources),
                   superseded_by=survivor.event_id)
    return joined, gone
