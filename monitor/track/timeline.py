"""Reconcile the items extracted from one source version into a story's timeline (pure, no I/O).

A timeline is a sequence of `TimelineEntry` rows; the store persists them and hands them back.
`reconcile()` takes the current timeline plus the items of one new version of one source and returns the
new timeline and the `Change`s an alert should be raised for.

Rules, in the order they apply:

- Identity. An event is recognised by kind + date + actors (sorted, case-folded; "the", dots and spacing
  ignored). A figure is recognised by subject + metric + value + qualifier (+ unit), whatever its date, so
  the same number reported by two articles a day apart is one item with two sources; but not on days each
  told apart (`figure_matching.days_agree`: "six killed" in a bombing of 29 September and in an ambush of
  18 October are two figures), and a page giving one figure on two such days gives two (its second keyed by
  its date too).
- Differing dates. An event whose date contains, or is contained in, a known event's date (2020-03 and
  2020-03-30, 2020-W14 and 2020-04-01) with the same kind and the same actors (a surname matches a full
  name: "Putin" ~ "Vladimir Putin") is the same event. The entry keeps its event_id and adopts the more
  precise date; not a day inside only a year ("several attacks this year" and Tuesday's attack:
  `matching.day_inside_only_a_year`), which only the wording may join. Two different days are two
  events. In one version each item is at most one entry and
  each entry at most one item (a repeated item is read once): exact identities pair first, then the
  pairing that keeps the most items on known entries, preferring entries this source already reports,
  then the earliest seen.
- Across sources. An item no entry has the identity of may be an entry another source reports, told in
  other words (`monitor.track.matching`): compatible kinds (`other` with any) and nested dates, and actors
  that agree (one outlet may name fewer; an actor on each side the other lacks is another happening) or,
  where a side names nobody, evidence worded alike; a `statement` and another kind when evidence is worded
  alike and actors do not conflict; a figure of the same value and unit whose subject and metric agree where
  both give them, or of a distinctive value (`figure_matching.is_distinctive`) whose metrics do not conflict.
  A place read as an actor is where, not who (`matching.actors_agree`); a row names every actor its reports
  name (`matching.united_actors`), so a third outlet naming another of them matches; another source's single
  day one day off (`matching.adjacent_days`) only when worded alike; two reports dated alike on a day or month
  away from both sources' news (`matching.away_from_news`) with less wording in common; actors that conflict
  though each side's sentence names the other's leave the wording to decide
  (`corroboration.named_by_each_other`). Only other sources' reports are compared, so a replay sees the same.
- Undated reports (`Item.latent`: a sentence that gives no item of its own; `monitor.track.corroboration`).
  One is paired after the version's other items, with rows they left: another source's row whose days lie in
  the week before the report's page, of its kind, worded alike, actors not conflicting; by its speaker
  alone only a page's first statement of a speaker named in full, with another source's statement of that
  speaker dated the page's day or the day before (`corroboration.same_speaker`); it never merges rows. A row
  of undated reports only is on no timeline (`TimelineEntry.shown`, no change raised) until two sources tell
  it in sentences of their own, or a report with a date joins it (the row then takes that item's kind, date,
  summary and actors).
- Whichever came first. A row a version's report joins in a new sentence is merged with a row of other
  sources that it now is by the rules above, either row's first dated report taken as the item
  (`bridging.as_report`); the version is then read again until nothing merges, as a replay would read it.
  Of the rows a report could join, it joins the one whose sentences are most like its own. So the rows a
  story ends with hang less on the order its pages arrived in.
- Seen again. A known item keeps its event_id and first_seen, gets last_seen = now and this source's report
  (evidence, version) in `sources`.
- Removal. An item this source reported but whose newest version no longer contains it has that report
  marked not present. When no source presents it any more it becomes `removed`; it is kept, never deleted.
  A removed item reported again becomes `active` again: a `reactivated` change, which alerts raise as
  `event_added` (with `reappeared: true`) because for a reader the item is back on the timeline.
- Revision. A new figure of a (subject, metric) series supersedes the series' current figures: they become
  `revised` with `superseded_by` = the new event_id (history kept). A new figure dated strictly before the
  current one is history, not news: it is stored already `revised`, superseded by the current figure.
  An existing figure only supersedes when a source, in this version, drops a figure of the series and
  reports it instead (a correction back to an older value); a second source repeating a superseded value
  just adds a source. Figures without a subject or metric never supersede anything. If the superseding
  figure is later removed, the superseded one falls back to active/removed (`monitor.track.revisions`).
- Disputes. A new figure from another source with a different value for a current figure's subject, metric
  and period (the same date, or, undated, the same publication day) does not supersede it: both stay active,
  and the pair is a `disputed` change (once, when the two first disagree; `monitor.track.conflicts`). A
  source's own new value for a figure it reported is still a revision, and a superseded value repeated by
  another source stays superseded.
- Idempotence. Reconciling the same items of the same source version again yields no change and, with
  the same `now`, an identical timeline. A version older than one already reconciled for this source is
  ignored (the result is the unchanged timeline).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from monitor.extract.spans import DateSpan, date_span, narrower, nested
from monitor.track.bridging import may_merge, merge, merged, settle
from monitor.track.candidates import Pool, pool_of, within_reach
from monitor.track.conflicts import disputes
from monitor.track.corroboration import (
    SpeakerIndex,
    WordIndex,
    corroborates,
    first_of_each_speaker,
    likeness_to,
    named_by_each_other,
    named_by_the_silent,
    page_dated_row,
    told_by,
    told_later,
    worded_alike,
)
from monitor.track.entries import (
    ACTIVE,
    ADDED,
    DISPUTED,
    FIGURE_KIND,
    PUBLICATION_KIND,
    REACTIVATED,
    REMOVED,
    REVISED,
    Change,
    ItemLike,
    ReconcileResult,
    SourceReport,
    TimelineEntry,
)
from monitor.track.figure_matching import days_agree, figures_agree, told_apart
from monitor.track.identity import actors_match, event_id_for, identity_key, normalise_name
from monitor.track.matching import (
    actors_agree,
    adjacent_days,
    dated_by_page,
    day_inside_only_a_year,
    kinds_compatible,
    kinds_compatible_by_wording,
    typed_kind,
    united_actors,
)
from monitor.track.matching import rules as matching_rules
from monitor.track.pairing import components, max_weight_matching
from monitor.track.revisions import resolve_statuses, supersede

__all__ = [
    "ACTIVE",
    "ADDED",
    "Change",
    "DISPUTED",
    "FIGURE_KIND",
    "ItemLike",
    "REACTIVATED",
    "REMOVED",
    "REVISED",
    "ReconcileResult",
    "SourceReport",
    "TimelineEntry",
    "event_id_for",
    "identity_key",
    "normalise_name",
    "reconcile",
]

# --- reconciliation ------------------------------------------------------------------------------------


def _bare_figure(item: ItemLike) -> bool:
    """A figure read with neither subject nor metric."""
    return item.kind == FIGURE_KIND and not normalise_name(item.subject) and not normalise_name(item.metric)


def _with_report(sources: tuple[SourceReport, ...], report: SourceReport) -> tuple[SourceReport, ...]:
    if any(s.source_url == report.source_url for s in sources):
        return tuple(report if s.source_url == report.source_url else s for s in sources)
    return (*sources, report)


def _new_entry(
    item: ItemLike, story: str, key: str, event_id: str, report: SourceReport, now: dt.datetime
) -> TimelineEntry:
    span = date_span(item.date)
    return TimelineEntry(
        event_id=event_id,
        story=story,
        key=key,
        kind=item.kind,
        date=item.date,
        date_end=span.end.isoformat() if span else None,
        precision=span.precision if span else None,
        summary=item.summary,
        actors=tuple(item.actors),
        location=item.location,
        subject=item.subject,
        metric=item.metric,
        value=item.value,
        unit=item.unit,
        qualifier=item.qualifier,
        evidence=report.evidence,
        source_url=report.source_url,
        published=report.published,
        first_seen=now,
        last_seen=now,
        status=ACTIVE,
        sources=(report,),
    )


def _stable_rank(entry: TimelineEntry) -> tuple[dt.datetime, str]:
    """Order of preference between candidate entries that a reconcile pass cannot change."""
    return entry.first_seen, entry.event_id


def _match_items(
    work: dict[str, TimelineEntry], items: Sequence[ItemLike], keys: Sequence[str], source_url: str,
    published: str | None,
) -> tuple[dict[int, tuple[str, bool]], dict[int, list[str]], Pool]:
    """Pair items (by index) with the entries they are: {index: (event_id, exact)}; unpaired items are new.
    Also returns each loosely paired item's candidate entries (for `monitor.track.bridging`). Entries merged
    into another are never paired again.

    Each entry takes at most one item and each identity key is read once (a repeat in the same version is
    the same item: the first mention stands). Exact keys are paired first; an item left over is then paired
    with an entry whose date contains or is contained in its own (see `_contained_pairs`).
    """
    by_key: dict[str, list[TimelineEntry]] = {}
    live = [e for e in work.values() if not merged(e)]
    for entry in live:
        by_key.setdefault(entry.key, []).append(entry)
    pairs: dict[int, tuple[str, bool]] = {}
    taken: set[str] = set()
    loose: list[int] = []
    read: set[str] = set()
    # An item's key whose rows hold more than one report of this source: one is the item's, the others
    # another item's that joined a row of this key by its words (a second row of one key takes "-2"). The
    # pairing of all the loose items decides which, as the first pass did: a replay must find each item
    # where it put it.
    keyed: dict[int, list[TimelineEntry]] = {}
    for i, key in enumerate(keys):
        if key in read:
            continue
        read.add(key)
        same = sorted(by_key.get(key, ()), key=_stable_rank)
        reported_here = [e for e in same if e.report_of(source_url) is not None]
        if _bare_figure(items[i]):
            # A bare number ("promises 355 horsepower") is another source's only by its sentence
            # (`figures_agree`): its key names no subject or metric to recognise it by.
            same = reported_here
        elif items[i].kind == FIGURE_KIND:
            same = [e for e in same if e in reported_here or days_agree(items[i], published, e, source_url)]
        if len(reported_here) > 1:
            keyed[i] = reported_here
            loose.append(i)
        elif same:
            pairs[i] = (same[0].event_id, True)
            taken.add(same[0].event_id)
        else:
            loose.append(i)
    free = sorted((e for e in live if e.event_id not in taken), key=_stable_rank)
    pool = pool_of(free)
    words = WordIndex(free, source_url, [items[i] for i in loose])
    speakers = first_of_each_speaker([items[i] for i in loose])
    by_speaker = SpeakerIndex(free, source_url)
    reported = matching_rules().reported_kinds
    candidates: dict[int, list[str]] = {}
    for n, i in enumerate(loose):
        span = date_span(items[i].date)
        reach = within_reach(pool, items[i], published)
        own_key = keyed.get(i, [])
        own_ids = {e.event_id for e in own_key}
        found = [e for e in words.sift(items[i], reach) if e.event_id not in own_ids
                 and _same_happening(items[i], keys[i], span, e, source_url, published)]
        # A row's own item prefers the rows other items made, then, as an undated report does, the row whose
        # sentence is most like its own: of two rows it could be, the one told alike, not the older or the
        # one whose id sorts first, so that which outlet came first does not decide ("the Taliban swapped
        # two Western hostages" is "Two hostages ... were released Tuesday in a prisoner swap", not "The
        # Taliban members were released in Doha", whichever page was read first).
        if len(found) > 1:
            unlikeness = likeness_to(items[i], source_url)
            found.sort(key=lambda e: (e.latent, unlikeness(e)))
        if items[i].kind in reported and (n in speakers or not items[i].latent):
            # One speaker's occasion told in other words: after the rows told alike.
            found += by_speaker.occasion_rows(items[i], reach, {e.event_id for e in found}, source_url,
                                              published)
        candidates[i] = [e.event_id for e in own_key] + [e.event_id for e in found]
    said = {
        e.event_id: (report.evidence, report.latent)
        for e in free if (report := e.report_of(source_url)) is not None and report.present
    }
    # An item's own row is the one this source reports in its sentence and as it reads it: an undated report's
    # row is no dated item's of the same sentence, or a replay could move the item there.
    own = {(i, eid) for i in loose for eid in candidates[i]
           if said.get(eid) == (items[i].evidence, items[i].latent)}
    # Undated reports pair last, with the rows the others left: one never takes a row from a row's own item.
    told = [i for i in loose if not items[i].latent]
    for i, eid in _contained_pairs(told, candidates, set(said), own).items():
        pairs[i] = (eid, False)
    taken |= {eid for eid, _exact in pairs.values()}
    held = {i: [eid for eid in candidates[i] if eid not in taken] for i in loose if items[i].latent}
    for i, eid in _contained_pairs(list(held), held, set(said), own).items():
        pairs[i] = (eid, False)
    return pairs, candidates, pool


def _contained_pairs(
    order: Sequence[int], candidates: dict[int, list[str]], presented: set[str], own: set[tuple[int, str]]
) -> dict[int, str]:
    """The best one-to-one pairing of items with candidate entries (each item's list in `_stable_rank` order).

    Best means, in this order: most items paired; most items paired with the entry whose report from this
    source is their own sentence (`own`); most entries this source presented paired; then lexicographically
    best in item order. That choice is what makes a reconcile pass a fixed point: after it, exactly the
    paired entries are presented by this source, each with its item's sentence, so a second pass picks the
    same pairing, even where the first pass's pairing gave an entry more actors (`united_actors`) and so
    more candidates. A greedy choice is not: "June" could take the entry of "June 13" that a later item
    needed. The order is folded into exact integer weights and solved as a maximum-weight matching.
    """
    active = [i for i in order if candidates.get(i)]
    if not active:
        return {}
    n = len(active)
    width = max(len(candidates[i]) for i in active) + 1
    tie_total = width**n  # exceeds the sum of every item's rank weight
    per_present = tie_total
    per_own = (n + 1) * per_present  # exceeds the sum of every item's presented and rank weights
    per_pair = (n + 1) * per_own
    weight: dict[tuple[int, str], int] = {}
    for pos, i in enumerate(active):
        scale = width ** (n - 1 - pos)
        for rank, eid in enumerate(candidates[i]):
            weight[i, eid] = (per_pair + per_own * ((i, eid) in own) + per_present * (eid in presented)
                              + scale * (width - 1 - rank))
    # The weight is a sum over pairs, so items sharing no candidate entry are solved apart (smaller graphs).
    pairs: dict[int, str] = {}
    for group in components(active, candidates):
        pairs.update(max_weight_matching(group, candidates, weight))
    return pairs


def _one_mention_per_figure(items: Sequence[ItemLike], published: str | None) -> list[ItemLike]:
    """The items with a figure that the version gives again (a headline and the body: the same value and unit,
    agreeing as two outlets' figures must, `figures_agree`) read once, in the place of its first mention and
    from its fullest sentence: one source repeating a number is one figure, not two rows. Two mentions on
    days told apart are two figures ("a 15 percent tariff ... planned to impose Dec. 15 ... or whether a 15
    percent tariff imposed on consumer goods in September would remain")."""
    kept: list[ItemLike] = []
    for item in items:
        at = next((n for n, seen in enumerate(kept) if _one_figure(item, seen, published)), None)
        if at is None:
            kept.append(item)
        elif len(item.evidence) > len(kept[at].evidence):
            kept[at] = item
    return kept


def _one_figure(a: ItemLike, b: ItemLike, published: str | None) -> bool:
    return a.kind == FIGURE_KIND == b.kind and not told_apart(a, b, published) and figures_agree(
        a.subject, a.metric, a.value, a.unit, b.subject, b.metric, b.value, b.unit,
        evidence=(a.evidence, b.evidence))


def _keys_of(items: Sequence[ItemLike], published: str | None) -> list[str]:
    """Each item's identity key; a figure given again on a day told apart from its first mention's (two
    figures, `_one_mention_per_figure`) is keyed by its date too, as a figure's key names no date."""
    keys: list[str] = []
    first: dict[str, ItemLike] = {}
    for item in items:
        key = identity_key(item)
        held = first.setdefault(key, item)
        if held is not item and item.kind == FIGURE_KIND and told_apart(item, held, published):
            key = f"{key}|{item.date}"
        keys.append(key)
    return keys


def _same_who(item: ItemLike, key: str, entry: TimelineEntry) -> bool:
    if item.actors or entry.actors:
        return actors_match(item.actors, entry.actors)
    return entry.key.split("|", 2)[2] == key.split("|", 2)[2]


def _same_happening(
    item: ItemLike, key: str, span: DateSpan | None, entry: TimelineEntry, source_url: str,
    published: str | None,
) -> bool:
    """Whether an item that no entry has the identity of is `entry` told with other words or dates.

    Within one source: the same kind and actors, the dates nested (not a day inside only a year:
    `matching.day_inside_only_a_year`). Across sources (an entry another source reports: looser, as outlets
    word a happening differently; `monitor.track.matching`): compatible kinds and nested dates (a day inside
    only a year by the wording alone), and actors that agree (one may name fewer) or, where a side names
    none, evidence worded alike; a reported kind (a `statement`) and another kind: evidence worded alike and
    actors not conflicting; a figure is another source's figure of the same value, subject and metric on
    dates not told apart (`figure_matching.days_agree`). Evidence dated alike away from the news
    (`matching.away_from_news`) needs less wording in common. Only other sources' reports are compared, so a
    replay of this version sees the same.
    """
    if item.kind == FIGURE_KIND or entry.kind == FIGURE_KIND:
        return item.kind == entry.kind and days_agree(item, published, entry, source_url) and any(
            figures_agree(item.subject, item.metric, item.value, item.unit, entry.subject, entry.metric,
                          entry.value, entry.unit, evidence=(item.evidence, s.evidence), by_wording=True)
            for s in entry.sources if s.source_url != source_url)
    if item.latent or entry.latent:
        return corroborates(item, entry, source_url, published)
    entry_span = date_span(entry.date)
    close = nested(span, entry_span)
    if not close and not adjacent_days(span, entry_span):
        return told_later(item, entry, source_url, published)
    # A day inside only a year ("several attacks this year") is no closer than any two days: the sentences'
    # own words must join them, with no less in common for what else agrees.
    close = close and not day_inside_only_a_year(span, entry_span)
    if close and entry.kind == item.kind and _same_who(item, key, entry):
        return True
    if not _reported_elsewhere(entry, source_url):
        return False
    if item.kind != entry.kind and PUBLICATION_KIND in (item.kind, entry.kind):
        return False  # an article's publication is no happening it tells
    typed = kinds_compatible(item.kind, entry.kind)
    if not (typed or kinds_compatible_by_wording(item.kind, entry.kind)):
        return False
    agree = actors_agree(item.actors, entry.actors)
    if agree is False:
        if not named_by_each_other(item, entry, source_url):
            return False
        agree = None  # the names differ only in which of them each reading took: the wording decides
    if close and typed and agree is not None:
        return agree
    # A day apart, a reported kind and another, or a side naming nobody who acts: worded alike only (with
    # less in common where the same actors tell it, or one side names the other's).
    named = close and agree is None and named_by_the_silent(item, entry, source_url)
    # A statement and a happening of one day whose sentences both name it ("announced three arrests").
    told = [k for k in (item.kind, entry.kind) if typed_kind(k)] if close and not typed else []
    return worded_alike(item, entry, source_url, published, named=named, agreeing=close and agree is True,
                        announced=told[0] if told else None)


def _told_day(item: ItemLike, entry: TimelineEntry, source_url: str, published: str | None) -> bool:
    """Whether a row dated only by its pages (`corroboration.page_dated_row`) takes the other day of a report
    that tells it (`told_later`): "last Thursday" is the day, the page's Tuesday only when it was read."""
    span = date_span(item.date)
    return (span is not None and span.start == span.end and item.date != entry.date
            and page_dated_row(entry, source_url) and not dated_by_page(item.date, item.evidence, published))


def _reported_elsewhere(entry: TimelineEntry, source_url: str) -> bool:
    return any(s.source_url != source_url for s in entry.sources)


def reconcile(
    timeline: Sequence[TimelineEntry],
    story: str,
    source_url: str,
    version: int,
    published: str | None,
    items: Sequence[ItemLike],
    now: dt.datetime,
) -> ReconcileResult:
    """Fold the items of `version` of `source_url` into the story's timeline; see the module docstring.

    Entries of other stories in `timeline` are passed through untouched.
    """
    mine = {e.event_id: e for e in timeline if e.story == story}
    for entry in mine.values():
        report = entry.report_of(source_url)
        if report is not None and report.version > version:
            return ReconcileResult(tuple(timeline), (), (), ())

    before = dict(mine)
    taken = {e.event_id for e in timeline}
    after, matched, settled = _fold(before, taken, story, source_url, version, published, items, now)
    # Rows merged by `bridging.settle` hold reports the pass paired before they met (a date, actors, a status
    # their new sources give): the version is read again until it merges nothing, as a replay would read it,
    # so that a replay changes nothing. Each pass that merges leaves fewer rows, so this ends.
    while settled:
        after, matched, settled = _fold(after, taken, story, source_url, version, published, items, now)
    changes = _changes(before, after)
    changes += _new_disputes(before, after, source_url)
    updated = tuple(e for eid, e in after.items() if before.get(eid) != e)
    seen = tuple(eid for eid in matched if eid in before)
    untouched = [e for e in timeline if e.story != story]
    return ReconcileResult(tuple(untouched) + tuple(after.values()), tuple(changes), seen, updated)


def _fold(
    before: dict[str, TimelineEntry], taken: set[str], story: str, source_url: str, version: int,
    published: str | None, items: Sequence[ItemLike], now: dt.datetime,
) -> tuple[dict[str, TimelineEntry], list[str], bool]:
    """One pass of `reconcile` over the story's rows `before`: (the rows after it, the rows its items are,
    whether `bridging.settle` merged rows). `taken` (every event id in use) grows with the ids of new rows."""
    work = dict(before)
    matched: list[str] = []
    matched_set: set[str] = set()
    newly_presented: list[str] = []
    # Rows a report of this pass joined in a sentence none of theirs gave yet: what they now are may be a row
    # of other sources (`bridging.settle`). A new row's item was asked of every row in reach already (one way
    # round: asking new rows the other way too found no more on the clusters, and cost more).
    grown: dict[str, list[str]] = {}

    items = _one_mention_per_figure(items, published)
    keys = _keys_of(items, published)
    pairs, candidates, pool = _match_items(work, items, keys, source_url, published)
    # A sentence giving one item is that item's own: a replay finds the item on the row holding its sentence
    # (`_contained_pairs`). Items of one sentence are told apart by nothing more, so only an item alone in its
    # sentence may add candidates for the replay: grow a row's actors or merge rows (`track.bridging`). A
    # figure and an event never share a candidate, so each is alone among its own class.
    counts = Counter((item.kind == FIGURE_KIND, item.evidence) for item in items)
    alone = {i for i, item in enumerate(items) if counts[item.kind == FIGURE_KIND, item.evidence] == 1}
    read: set[str] = set()
    for i, (item, key) in enumerate(zip(items, keys, strict=True)):
        if key in read:
            continue  # the same item twice in one version: the first mention stands
        read.add(key)
        report = SourceReport(source_url, item.evidence, True, version, published, now, item.latent)
        if i not in pairs:
            eid = event_id_for(story, key, taken)
            taken.add(eid)
            work[eid] = _new_entry(item, story, key, eid, report, now)
            newly_presented.append(eid)
        else:
            eid, exact = pairs[i]
            entry = work[eid]
            if all(s.evidence != item.evidence for s in entry.sources):
                grown.setdefault(eid, []).append(item.evidence)
            if not item.latent and entry.latent:
                entry = told_by(entry, item, key)  # the first dated telling of undated reports
            old = entry.report_of(source_url)
            if not (old and old.present):
                newly_presented.append(eid)
            if old and old.present and old.version == version:
                report = old  # a replay of this version: keep what was recorded
            elif old is not None:
                report = replace(report, first_seen=old.first_seen)
            entry = replace(
                entry, sources=_with_report(entry.sources, report), last_seen=max(entry.last_seen, now)
            )
            if not exact and i in alone:  # a row names every actor its reports name
                entry = replace(entry, actors=united_actors(entry.actors, item.actors))
            span, entry_span = date_span(item.date), date_span(entry.date)
            if not exact and not entry.is_figure and span and entry_span and (
                    narrower(span, entry_span) or _told_day(item, entry, source_url, published)):
                entry = replace(
                    entry,
                    date=item.date,
                    date_end=span.end.isoformat(),
                    precision=span.precision,
                    key=key,
                )
            work[eid] = entry
        matched.append(eid)
        matched_set.add(eid)

    # A row another candidate of a paired item is, by the rows' own rules, is merged into the item's row.
    for i, (eid, _exact) in pairs.items():
        # (an undated report only corroborates: it never joins two rows)
        for other in candidates.get(i, ()) if i in alone and not items[i].latent else ():
            if other not in matched_set and may_merge(work[eid], work[other]):
                work[eid], work[other] = merge(work[eid], work[other])

    survivors, settled = settle(work, grown, pool, _one_happening, _stable_rank)
    for survivor in survivors:
        if survivor not in matched_set:  # the row this source's report now lives in
            matched.append(survivor)
            matched_set.add(survivor)

    # This source's newest version no longer has these.
    dropped: set[str] = set()
    for eid, entry in work.items():
        own = entry.report_of(source_url)
        if eid not in matched_set and own is not None and own.present:
            work[eid] = replace(entry, sources=_with_report(entry.sources, replace(own, present=False,
                                                                                  version=version)))
            dropped.add(eid)

    supersede(work, before, newly_presented, dropped, source_url)
    return resolve_statuses(work), matched, settled


def _one_happening(item: TimelineEntry, entry: TimelineEntry) -> bool:
    """`_same_happening` of a row told as an item (`bridging.as_report`, for `bridging.settle`)."""
    return _same_happening(item, identity_key(item), date_span(item.date), entry, item.source_url,
                           item.published)


def _new_disputes(
    before: dict[str, TimelineEntry], after: dict[str, TimelineEntry], source_url: str
) -> list[Change]:
    """A `disputed` change for each pair of figures that disagree now and did not before."""
    known = disputes(before.values())
    changes = []
    for a, b in sorted(disputes(after.values()) - known):
        first, second = after[a], after[b]
        # The entry this source reports is the news; its rival is what it contradicts.
        if first.report_of(source_url) is not None and second.report_of(source_url) is None:
            first, second = second, first
        changes.append(Change(DISPUTED, second, before.get(second.event_id), rival=first))
    return changes


def _changes(before: dict[str, TimelineEntry], after: dict[str, TimelineEntry]) -> list[Change]:
    changes: list[Change] = []
    replacements: set[str] = set()
    for eid, entry in after.items():
        prev = before.get(eid)
        if prev is entry or not entry.shown:
            continue  # a row this version left as it was; undated reports waiting for another outlet's
        if prev is None or not prev.shown:
            changes.append(Change(ADDED, entry))
        elif prev.status != REVISED and entry.status == REVISED and entry.is_figure:
            successor = after[entry.superseded_by] if entry.superseded_by else None
            changes.append(Change(REVISED, entry, prev, successor))
            if successor is not None:
                replacements.add(successor.event_id)
        elif prev.status == ACTIVE and entry.status == REMOVED:
            changes.append(Change(REMOVED, entry, prev))
    for eid, entry in after.items():
        prev = before.get(eid)
        if (prev is not None and prev is not entry and prev.status != ACTIVE and entry.status == ACTIVE
                and eid not in replacements and prev.shown):
            changes.append(Change(REACTIVATED, entry, prev))
    return changes
