"""Reports across outlets that the plain rules of `monitor.track.matching` leave apart: undated reports
(`Item.latent`: when one corroborates another outlet's row, and what the row becomes when a dated report joins
a row of undated ones), a day only a page gives (`told_later`), a speaker's occasion told in other words
(`same_speaker`), and actors that differ only in the name each reading took (`named_by_each_other`).
`monitor.track.timeline` applies these between different sources only; `TimelineEntry.shown` says when a row
of undated reports is on the timeline.

A sentence that gives no item of its own ("..., Johnston said in a statement") is background more often than
news, so alone it is on no timeline; told in their own words by two outlets, worded like another outlet's
dated row, or the first words a page gives of a speaker whose statement another outlet dates that day, it is
one happening more widely reported.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from monitor.extract.items.summary import label
from monitor.extract.spans import date_span
from monitor.track.candidates import entry_days, latent_window
from monitor.track.entries import ItemLike, TimelineEntry
from monitor.track.matching import (
    actors_agree,
    away_from_news,
    content_words,
    dated_by_page,
    in_a_past_year,
    iso_day,
    last_words,
    named_in,
    rules,
    same_verb_and_object,
    same_wording,
    typed_kind,
    united_actors,
    who_acts,
    wording_similarity,
)


class WordIndex:
    """The content words of other sources' sentences of the rows an undated report may meet (rows of the
    kinds of the version's undated reports, and rows of undated reports only), so that a report is compared
    only with rows sharing `matching.min_shared_words` of its words (what worded alike needs,
    `same_wording`): a story's statements are many, and most share no sentence."""

    def __init__(self, rows: Iterable[TimelineEntry], source_url: str, items: Sequence[ItemLike]) -> None:
        kinds = {i.kind for i in items if i.latent}
        self._by_word: dict[str, set[str]] = {}
        self._indexed: set[str] = set()
        if not items:
            return
        for row in rows:
            if row.kind in kinds or row.latent:
                self._indexed.add(row.event_id)
                for report in row.sources:
                    if report.source_url != source_url:
                        for word in content_words(report.evidence):
                            self._by_word.setdefault(word, set()).add(row.event_id)

    def sift(self, item: ItemLike, rows: list[TimelineEntry]) -> list[TimelineEntry]:
        """`rows` without those an undated report (or a report, of rows of undated reports only) cannot be
        worded like."""
        if not self._indexed:
            return rows
        shared: Counter[str] = Counter()
        for word in content_words(item.evidence):
            shared.update(self._by_word.get(word, ()))
        enough = rules().min_shared_words
        return [row for row in rows
                if (not item.latent and not row.latent) or shared[row.event_id] >= enough]


def page_dated_row(entry: TimelineEntry, source_url: str) -> bool:
    """Whether the row's day is only its other sources' pages' (`matching.dated_by_page`, every such report
    still presenting it)."""
    others = [s for s in entry.sources if s.source_url != source_url and s.present]
    return bool(others) and all(dated_by_page(entry.date, s.evidence, s.published) for s in others)


def told_later(item: ItemLike, entry: TimelineEntry, source_url: str, published: str | None) -> bool:
    """Whether a report and another source's row of one typed kind, a single day each, are one happening
    that one side dates by its page only and the other by a day within `latent_days` before that page ("Webb
    was sentenced to life" on Tuesday's page; "was sentenced ... last Thursday"): actors agreeing (never
    none), worded alike."""
    if item.kind != entry.kind or not typed_kind(item.kind):
        return False
    a, b = _single_day(item.date), _single_day(entry.date)
    if a is None or b is None:
        return False
    by_page = dated_by_page(item.date, item.evidence, published)
    if by_page == page_dated_row(entry, source_url):
        return False
    page, told = (a, b) if by_page else (b, a)
    return (0 < (page - told).days <= rules().latent_days and actors_agree(item.actors, entry.actors) is True
            and worded_alike(item, entry, source_url, published))


def told_by(entry: TimelineEntry, item: ItemLike, key: str) -> TimelineEntry:
    """A row of undated reports that an item of a row's own joins: the item's kind, date, words and names."""
    span = date_span(item.date)
    return replace(
        entry, key=key, kind=item.kind, date=item.date, date_end=span.end.isoformat() if span else None,
        precision=span.precision if span else None, summary=item.summary,
        actors=united_actors(tuple(item.actors), entry.actors), location=item.location or entry.location)


def corroborates(item: ItemLike, entry: TimelineEntry, source_url: str, published: str | None) -> bool:
    """Whether an undated report (`latent`) and another source's row, or a report and another source's row
    of undated reports only, tell one happening: the days meet (an undated report's `latent_window`, the
    days before its publication; a row's `entry_days`), the kind is one, the actors do not conflict and the
    sentences are worded alike, or, the actors agreeing, tell it with one verb acting upon one thing
    (`told_by_verb_and_object`). Never by actors alone: "Trump said" undated is any day's."""
    if item.kind != entry.kind:
        return False  # one kind: see below
    # The days as told (no `adjacent_days` around a single day), so that which side came first is no matter.
    span = date_span(item.date)
    days = (span.start, span.end) if span else latent_window(published) if item.latent else None
    row_days = entry_days(entry)
    if days is None or row_days is None or days[1] < row_days[0] or row_days[1] < days[0]:
        return False
    # One kind (no `other` for any, no statement for any kind worded alike): a story's undated reports are
    # many, and each is compared only with the rows of its kind (`candidates.reach_of`). Wording before
    # names: of the rows around a report's days, few share its words (the cheaper test).
    if worded_alike(item, entry, source_url, published):
        return actors_agree(item.actors, entry.actors) is not False
    return (told_by_verb_and_object(item, entry, source_url)
            and actors_agree(item.actors, entry.actors) is True)


def told_by_verb_and_object(item: ItemLike, entry: TimelineEntry, source_url: str) -> bool:
    """Whether a report and another source's row of one typed kind tell it with one verb acting upon one
    thing (`matching.same_verb_and_object`: "Noem launched the campaign to bring awareness ..." undated,
    "Gov. Kristi Noem launched the campaign on Monday ..."), which, the actors agreeing, is the same
    happening however differently the rest of the sentences run."""
    if item.kind != entry.kind or not typed_kind(item.kind):
        return False
    told = told_clause(item.kind, item.summary) or item.evidence
    return any(same_verb_and_object(item.kind, told, s.evidence)
               for s in entry.sources if s.source_url != source_url)


def named_by_each_other(item: ItemLike, entry: TimelineEntry, source_url: str) -> bool:
    """Whether the actors of a report and of another source's row, though they conflict, are each named in
    the other side's sentence: the outlets name the same people and things, and only the name each reading
    took for the actor differs ("Stadia, Google's streaming platform, launches today" gives Stadia, "Google's
    ... service, Stadia, launched Tuesday" gives Google), so the wording decides, as it does where a side
    names nobody (`matching.actors_agree`)."""
    mine, theirs = who_acts(item.actors), who_acts(entry.actors)
    others = [s.evidence for s in entry.sources if s.source_url != source_url]
    return (bool(mine) and bool(theirs) and all(named_in(name, item.evidence) for name in theirs)
            and all(any(named_in(name, text) for text in others) for name in mine))


def named_by_the_silent(item: ItemLike, entry: TimelineEntry, source_url: str) -> bool:
    """Whether one side names nobody who acts and the other side's actors are all named in its sentence:
    "the Taliban swapped two Western hostages" and "Two hostages ... held by the Taliban ... were released
    Tuesday" tell of the same people though the passive names no one who releases."""
    mine, theirs = who_acts(item.actors), who_acts(entry.actors)
    if mine and not theirs:
        return any(all(named_in(name, s.evidence) for name in mine)
                   for s in entry.sources if s.source_url != source_url)
    return bool(theirs) and not mine and all(named_in(name, item.evidence) for name in theirs)


def first_of_each_speaker(items: Sequence[ItemLike]) -> set[int]:
    """The undated statements (by index) that may join another outlet's row by their speaker alone
    (`same_speaker`): a page's first of each speaker, so that a page quoting one person five times gives one
    such report, not five rows joining five of another outlet's quotes."""
    chosen: list[int] = []
    for i, item in enumerate(items):
        if item.latent and item.kind in rules().reported_kinds and _named_speaker(item.actors) and not any(
                actors_agree(item.actors, items[j].actors) for j in chosen):
            chosen.append(i)
    return set(chosen)


def same_speaker(item: ItemLike, entry: TimelineEntry, source_url: str, published: str | None) -> bool:
    """Whether a statement and another source's row of statements, one dated and the other undated, are one
    occasion of one speaker told in other words ("..., Steve Clarke said in a teleconference with reporters"
    and "Clarke said in a telecon with reporters today": each outlet quotes other words): the speaker named
    in full on a side and the actors agreeing, and the days within `adjacent_days` of each other, an undated
    report's day being its page's. Two dated statements follow the usual rules, two undated ones join only
    worded alike (`corroborates`); an undated statement joins by its speaker only as its page's first of
    that speaker (`first_of_each_speaker`, which the caller applies)."""
    if item.kind != entry.kind or item.kind not in rules().reported_kinds:
        return False
    undated_row = entry.latent
    if item.latent == undated_row:
        return False  # two dated: the usual rules; two undated: "Trump said" is any day's, worded alike only
    day = _single_day(item.date) or (iso_day(published) if item.latent else None)
    if day is None:
        return False
    if undated_row:
        days = {iso_day(s.published) for s in entry.sources if s.source_url != source_url}
    else:
        days = {_single_day(entry.date)}
    near = rules().adjacent_days
    if not any(other is not None and abs((other - day).days) <= near for other in days):
        return False
    return (actors_agree(item.actors, entry.actors) is True
            and _named_speaker((*item.actors, *entry.actors)))


class SpeakerIndex:
    """Other sources' rows of statements by the last words of their speakers' names (`matching.last_words`),
    so that a statement meets by its speaker (`same_speaker`) only the rows naming someone of its speaker's
    surname, not every statement of its days. (Two spellings of one transliterated surname, which
    `names_match` takes as one, do not meet this way; worded alike they still do.)"""

    def __init__(self, rows: Sequence[TimelineEntry], source_url: str) -> None:
        self._rows, self._source_url = rows, source_url
        self._by_word: dict[str, list[TimelineEntry]] | None = None  # built when a statement first asks

    def _index(self) -> dict[str, list[TimelineEntry]]:
        if self._by_word is None:
            reported = rules().reported_kinds
            self._by_word = {}
            for row in self._rows:
                if row.kind in reported and any(s.source_url != self._source_url for s in row.sources):
                    for word in last_words(row.actors):
                        self._by_word.setdefault(word, []).append(row)
        return self._by_word

    def occasion_rows(self, item: ItemLike, reach: Sequence[TimelineEntry], found: set[str], source_url: str,
                      published: str | None) -> list[TimelineEntry]:
        """The rows of `reach` not in `found` that are the occasion of `item`'s speaker (`same_speaker`), the
        rows of most sources first: a third outlet joins the occasion two others already share."""
        index = self._index()
        named = {row.event_id: row for word in last_words(tuple(item.actors)) for row in index.get(word, ())}
        if not named:
            return []
        within = {row.event_id for row in reach}
        return sorted((row for eid, row in named.items() if eid in within and eid not in found
                       and same_speaker(item, row, source_url, published)),
                      key=lambda row: (-row.source_count, row.first_seen, row.event_id))


def _single_day(date: str | None) -> dt.date | None:
    span = date_span(date)
    return span.start if span is not None and span.start == span.end else None


def _named_speaker(actors: Sequence[str]) -> bool:
    """A speaker named in full: a name of two words or more that is no place and no "the mayor"."""
    return any(len(name.split()) > 1 and not name.casefold().startswith("the ") for name in who_acts(actors))


def likeness_to(item: ItemLike, source_url: str) -> Callable[[TimelineEntry], float]:
    """A sort key: rows whose closest sentence from another source is most like the item's first."""
    def unlikeness(entry: TimelineEntry) -> float:
        return -max((wording_similarity(item.evidence, s.evidence)
                     for s in entry.sources if s.source_url != source_url), default=0.0)
    return unlikeness


def worded_alike(item: ItemLike, entry: TimelineEntry, source_url: str, published: str | None, *,
                 named: bool = False, agreeing: bool = False, announced: str | None = None) -> bool:
    """The item's sentence and another source's sentence of `entry` tell one happening (same_wording; less
    wording in common where both date it alike away from both sources' news, `away_from_news`, or by a
    past year, `in_a_past_year`, or where `named`, `agreeing` or `announced` hold: see
    `matching.same_wording`; the clause telling either side may decide, `told_clause`)."""
    clauses = (told_clause(item.kind, item.summary), told_clause(entry.kind, entry.summary))
    return any(
        same_wording(item.evidence, s.evidence,
                     away=away_from_news(item.date, entry.date, (published, s.published)),
                     past_year=in_a_past_year(item.date, entry.date, (published, s.published)),
                     named=named, agreeing=agreeing, announced=announced, clauses=clauses)
        for s in entry.sources if s.source_url != source_url)


def told_clause(kind: str, summary: str) -> str | None:
    """The words that tell a happening as an item's or row's summary gives them after its kind's label
    ("Policy: ..."; a long clause cut short, " ..."); `matching.same_wording` uses them only where they are
    words of the sentence it compares."""
    clause = summary.removeprefix(f"{label(kind)}: ")
    if clause == summary:
        return None
    return clause.removesuffix(" ...") or None
