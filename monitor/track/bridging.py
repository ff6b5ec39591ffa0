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

The same merge settles two rows that a version's new sentence makes one happening, whichever outlet came
first (`settle`): each row is then asked of the other as an item would be (`as_report`, its first dated
report), and the row holding undated reports survives, since those meet rows of their own kind only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from monitor.extract.spans import date_span, narrower, nested
from monitor.track.candidates import Pool, within_reach
from monitor.track.entries import SourceReport, TimelineEntry
from monitor.track.matching import (
    actors_agree,
    content_words,
    kinds_compatible,
    kinds_compatible_by_wording,
    rules,
    same_wording,
    united_actors,
)


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
    if other.latent:
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


def _first_told(entry: TimelineEntry) -> SourceReport | None:
    """The row's first report that is dated and present."""
    return next((s for s in entry.sources if s.present and not s.latent), None)


def as_report(entry: TimelineEntry) -> TimelineEntry | None:
    """`entry` as its first dated report, present, tells it (evidence, source and page day that report's): a
    row is an item (`ItemLike`) itself, so that two rows are asked whether they are one happening by the
    rules an item meets a row with. None for a row with no such report."""
    report = _first_told(entry)
    if report is None:
        return None
    return replace(entry, evidence=report.evidence, source_url=report.source_url, published=report.published)


def settle(
    work: dict[str, TimelineEntry], grown: dict[str, list[str]], pool: Pool,
    one_happening: Callable[[TimelineEntry, TimelineEntry], bool],
    rank: Callable[[TimelineEntry], tuple[dt.datetime, str]],
) -> tuple[list[str], bool]:
    """Merge, in `work`, with each row a version's report joined in a sentence new to it (`grown`: row ->
    those sentences) the rows of other sources it now is: `one_happening` (the rules an item meets a row
    with) of either row told as its first dated report (`as_report`) and the other row. What a report joins
    depends on which outlet came first: Noem's launch told undated joins the row of the outlet that dated
    it, and only then is the outlet that told it as "introduced on Monday", read before, worded like a report
    of that row; without this, the rows a story ends with would hang on the order its pages arrived in. Only
    rows whose first dated report shares `min_shared_words` content words with a new sentence are asked
    (what a new sentence changes is how alike that report and the grown row are worded). `pool` holds the
    rows the version's items were matched against (`candidates.pool_of`), read again from `work` as they are
    now. Returns (the rows that grown rows merged away now live in, whether any rows were merged)."""
    moved: list[str] = []
    settled = False
    enough = rules().min_shared_words
    for eid in sorted(grown):
        mine = as_report(work[eid])
        if mine is None or mine.is_figure or merged(mine):
            continue
        new_words = frozenset().union(*(content_words(text) for text in grown[eid]))
        for found in within_reach(pool, mine, mine.published):
            row, other = work[eid], work[found.event_id]
            if found.event_id in grown or merged(other) or not (
                    kinds_compatible(row.kind, other.kind)
                    or kinds_compatible_by_wording(row.kind, other.kind)):
                continue
            told = _first_told(other)
            if told is None or len(new_words & content_words(told.evidence)) < enough:
                continue
            if {s.source_url for s in row.sources} & {s.source_url for s in other.sources}:
                continue  # a source's own rows are its own happenings
            theirs = as_report(other)
            if not (one_happening(mine, other) or (theirs is not None and one_happening(theirs, row))):
                continue
            ranked = survivor_first(row, other, rank)
            if ranked is None:
                continue
            survivor, gone = ranked
            work[survivor.event_id], work[gone.event_id] = merge(survivor, gone)
            settled = True
            if gone.event_id == eid:
                moved.append(survivor.event_id)
                break
            mine = as_report(work[eid]) or mine  # the merge may have given the row a narrower day
    return moved, settled


def survivor_first(
    a: TimelineEntry, b: TimelineEntry, rank: Callable[[TimelineEntry], tuple[dt.datetime, str]],
) -> tuple[TimelineEntry, TimelineEntry] | None:
    """(the row that survives a merge, the row merged into it): the one holding undated reports, which meet
    rows of their own kind only, so that a replay finds them where they are; else the first by `rank` (the
    older). None where both hold undated reports and differ in kind."""
    undated = [row for row in (a, b) if any(s.latent for s in row.sources)]
    if len(undated) == 2 and a.kind != b.kind:
        return None
    if len(undated) == 1:
        return (a, b) if undated[0] is a else (b, a)
    first, second = sorted((a, b), key=rank)
    return first, second
