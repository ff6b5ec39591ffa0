"""What happens to a story when one of its sources brings something new.

A page version:   text -> extract_items -> (in the check's transaction, under the story's lock)
                  reconcile into the story's timeline -> alerts (emitted by the pipeline after commit).
A feed check:     parsed entries -> stored once per key, revisions kept -> relevant entries (the story's and
                  the feed's keywords, minus the feed's `exclude`) -> `publication` timeline items and, with
                  `follow`, new page sources of the story.

    rules = StoryRules.from_config(config)
    extracted = extract_version(new_version, rules)                  # outside any transaction, never raises
    store.commit(record, lambda tx, rec: apply_version(tx, extracted, rec.version, now), story=story_id)

Extraction is the slow part and runs before the transaction; the read-modify-write of the timeline
(`load_candidates`: the rows the items can touch, not the story; `reconcile`; write what changed) runs inside
it, after `StoreTransaction.lock_story`, so two sources of one story checked at the same moment never
overwrite each other's changes to a shared item.

Publications are cumulative. A feed is a sliding window: an entry that drops off it was not retracted. The
items a feed reports to `reconcile` are therefore every relevant entry the feed ever carried (the stored
ones), not only the entries of the current response, so an older publication never becomes `removed` just
because the feed moved on. It becomes `removed` only when it stops being relevant (its revised title and
summary no longer match the keywords). The feed's "version" for `reconcile` is the total number of revisions
of its entries, which grows with every new or revised entry; the publications are reconciled only when it
grows (a change of keywords in the config takes effect at the feed's next new or revised entry).

A publication item: kind `publication`, date = the entry's published (else updated) day, summary = the title,
evidence = title and summary, `subject` = the article's canonical link (so the same article announced by two
feeds is one item with two sources, and a revised headline is the same item), `source_url` = the feed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from monitor.store.records import FEED_ORIGIN_PREFIX, SnapshotData, SourceRef, SourceSpec
from monitor.track.entries import PUBLICATION_KIND

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.extract.budget import Budget
    from monitor.extract.feeds import FeedEntry, ParsedFeed
    from monitor.extract.items import Item
    from monitor.extract.lexicon import Lexicon
    from monitor.extract.text import Document
    from monitor.publish.alerts import Alert
    from monitor.store.records import SavedFeedEntry, StoredFeedEntry
    from monitor.store.repo import StoreTransaction

log = logging.getLogger(__name__)

PUBLICATION = PUBLICATION_KIND
FEED_EXTRACTOR = "feed"  # the extractor stamp of publications: read from feeds, not by the page extractor
_FOLLOWABLE_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class StoryRules:
    """What the story stages need from the config: each story's keywords and the extraction lexicon's
    extensions (`extraction.kinds`, `extraction.metrics`, `extraction.aliases`)."""

    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    kinds: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    metrics: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # A page version's extraction budget (`extraction.max_*`; None: no limit).
    max_sentences: int | None = None
    max_items: int | None = None
    max_seconds: float | None = None
    # Notification targets by story: (target name, the alert names it takes; None: every alert).
    targets: Mapping[str, tuple[tuple[str, frozenset[str] | None], ...]] = field(default_factory=dict)
    revert_window: int = 5  # alerts.revert_window
    corrections: tuple[str, ...] = ()  # alerts.corrections: patterns beside the bundled ones

    @classmethod
    def from_config(cls, config: Config) -> StoryRules:
        """The rules of `config`; raises ConfigError now (not at the first check) for a bad lexicon key."""
        # In one pass, not Config.targets_for story by story, each looking through every story (a config of
        # 1,000 stories took 0.9 s here, at every start of a cycle and of each process).
        targets = {
            story: tuple((name, None if t.events is None else frozenset(t.events)) for name, t in own.items())
            for story, own in config.targets_by_story().items()
        }
        rules = cls(
            keywords={story.id: tuple(story.keywords) for story in config.stories},
            kinds=dict(config.extraction.kinds), metrics=dict(config.extraction.metrics),
            aliases=dict(config.extraction.aliases),
            max_sentences=config.extraction.max_sentences, max_items=config.extraction.max_items,
            max_seconds=config.extraction_seconds(),
            targets={story: found for story, found in targets.items() if found},
            revert_window=config.alerts.revert_window, corrections=config.alerts.corrections,
        )
        if rules.kinds or rules.metrics or rules.aliases:
            # Only the config's extensions can be wrong; the bundled lexicon alone is built (and its cost
            # paid) at the first page that changed, not by a cycle in which nothing did.
            rules.lexicon()
        return rules

    def lexicon(self) -> Lexicon:
        """The bundled lexicon with the config's extensions (built once per distinct extension)."""
        from monitor.extract.lexicon import load_lexicon

        return load_lexicon(self.kinds or None, self.metrics or None, self.aliases or None)

    def extractor(self) -> str:
        """The stamp of the extractor these rules make (monitor.extract.version), kept with its rows."""
        from monitor.extract.version import extractor_stamp

        return extractor_stamp(self.kinds, self.metrics)

    def budget(self) -> Budget:
        """A new meter for one page version's extraction (monitor.extract.budget)."""
        from monitor.extract.budget import Budget

        return Budget(self.max_sentences, self.max_items, self.max_seconds)

    def targets_of(self, story: str, event: str) -> tuple[str, ...]:
        """The notification targets an alert `event` of `story` is queued for."""
        return tuple(name for name, events in self.targets.get(story, ())
                     if events is None or event in events)

    def feed_keywords(self, feed: SourceRef) -> tuple[str, ...]:
        """The story's keywords followed by the feed's own."""
        return (*self.keywords.get(feed.story_id, ()), *feed.keywords)


# ------------------------------------------------------------------------------------------------ pages


@dataclass(frozen=True)
class NewVersion:
    """What `on_new_version` gets: a page's text just changed (or was seen for the first time)."""

    source: SourceRef
    version: int  # the number this version will get
    previous: SnapshotData | None
    document: Document
    text: str
    fetched_at: dt.datetime


@dataclass(frozen=True)
class Extracted:
    """The items of one page version, ready to reconcile."""

    story: str
    url: str
    version: int
    published: str | None  # the page's own publication day (ISO), None when it gives none
    items: tuple[Item, ...]
    extractor: str | None = None  # its stamp (StoryRules.extractor), kept with the rows it writes


def extract_version(version: NewVersion, rules: StoryRules) -> Extracted | None:
    """Extract the dated events and figures of a new page version; None (logged with story, URL and version)
    when the extractor fails, so that the snapshot is still stored."""
    return extract_text(version.source, version.version, version.text, version.document.published,
                        version.fetched_at, rules)


def extract_text(
    source: SourceRef, number: int, text: str, published: dt.date | None, fetched_at: dt.datetime,
    rules: StoryRules,
) -> Extracted | None:
    """`extract_version` from a version's text, its page's own day and its fetch time: what a stored version
    keeps, so `monitor reextract` reads it as the check did."""
    from monitor.extract.items import extract_items, published_from_dateline

    budget = rules.budget()
    try:
        published = published or published_from_dateline(text)
        anchor = published or fetched_at.date()  # relative dates need some anchor
        items = extract_items(text, anchor, lexicon=rules.lexicon(), budget=budget, latent=True)
    except Exception:  # an extractor bug on one page must not lose the version or stop the check
        log.exception("extraction failed: %s version %d", source.url, number,
                      extra={"event": "extraction_failed", "story": source.story_id, "url": source.url,
                             "version": number})
        return None
    if budget.cut is not None:
        # The version is stored and reconciled with what was read; the rest of the page is not on the
        # timeline, and the operator is told which page and how much.
        log.warning("extraction truncated: %s version %d: %s", source.url, number, budget.cut,
                    extra={"event": "extraction_truncated", "story": source.story_id, "url": source.url,
                           "version": number, "cut": budget.cut, "items": len(items)})
    day = published.isoformat() if published else None
    return Extracted(source.story_id, source.url, number, day, tuple(items), rules.extractor())


def apply_version(
    tx: StoreTransaction, extracted: Extracted, version: int | None, now: dt.datetime
) -> list[Alert]:
    """Reconcile a version's items into the story's timeline inside `tx` (whose story lock is held) and
    return the semantic alerts to emit after commit. `version` is the number the store gave the snapshot."""
    from monitor.publish.alerts import alerts_for
    from monitor.track.candidates import reach_of
    from monitor.track.timeline import reconcile

    number = version if version is not None else extracted.version
    # The rows these items can touch, not the story: a version costs the same in a story of 2,000 sources.
    reach = reach_of(extracted.items, extracted.story, extracted.url, extracted.published)
    timeline = tx.load_candidates(extracted.story, reach)
    try:
        result = reconcile(timeline, extracted.story, extracted.url, number, extracted.published,
                           extracted.items, now)
    except Exception:  # a reconcile bug must not lose the snapshot: the timeline misses this version
        log.exception("reconcile failed: %s version %d", extracted.url, number,
                      extra={"event": "reconcile_failed", "story": extracted.story, "url": extracted.url,
                             "version": number})
        return []
    tx.write_timeline(result.updated)
    # History (monitor.track.history): what this reconcile changed, and which extractor made the rows.
    tx.record_history(timeline, result.updated, now, extracted.url, number, extracted.extractor)
    return alerts_for(result.changes, extracted.story, extracted.url)


# ------------------------------------------------------------------------------------------------ feeds


@dataclass(frozen=True)
class PublicationItem:
    """A relevant feed entry as a timeline item (satisfies monitor.track.timeline.ItemLike)."""

    date: str | None
    summary: str
    evidence: str
    subject: str | None
    kind: str = PUBLICATION
    actors: tuple[str, ...] = ()
    location: str | None = None
    metric: str | None = None
    value: float | int | None = None
    unit: str | None = None
    qualifier: str | None = None
    latent: bool = False


def publication_item(entry: StoredFeedEntry | FeedEntry) -> PublicationItem:
    """The `publication` item of a feed entry (see the module docstring)."""
    title = entry.title.strip()
    summary = entry.summary.strip()
    if title and summary:
        evidence = f"{title}{'' if title[-1] in '.!?' else '.'} {summary}"
    else:
        evidence = title or summary
    day = entry.published.date().isoformat() if entry.published is not None else None
    return PublicationItem(date=day, summary=title or summary[:120], evidence=evidence,
                           subject=entry.link or entry.key)


def is_relevant(entry: StoredFeedEntry | FeedEntry, keywords: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether the entry's title or summary matches a keyword and no exclude term (monitor.extract.feeds)."""
    from monitor.extract.feeds import entry_matches

    return entry_matches(entry, keywords, exclude)


@dataclass(frozen=True)
class FeedEffects:
    """What one feed check did, for the log and the alerts emitted after commit."""

    new: int = 0
    revised: int = 0
    relevant: int = 0
    followed: tuple[str, ...] = ()
    deferred: int = 0  # relevant links not followed yet: over the per-check cap
    alerts: tuple[Alert, ...] = ()


def count_changes(entries: Sequence[FeedEntry], known: Mapping[str, str]) -> tuple[int, int]:
    """(new, revised) entries of a parsed feed against the stored key -> content hash."""
    new = sum(1 for e in entries if e.key not in known)
    revised = sum(1 for e in entries if e.key in known and known[e.key] != e.content_hash)
    return new, revised


def apply_feed(
    tx: StoreTransaction, feed: SourceRef, parsed: ParsedFeed, rules: StoryRules, now: dt.datetime
) -> FeedEffects:
    """Store a feed's entries, follow its relevant articles and reconcile its publications, inside `tx`
    (whose story lock is held)."""
    saved = [tx.save_feed_entry(feed.id, entry, now) for entry in parsed.entries]
    alerts: list[Alert] = [_entry_revised_alert(feed, s) for s in saved if s.change == "revised"]
    new = sum(1 for s in saved if s.change == "new")
    revised = len(alerts)

    stored = tx.feed_entries(feed.id)
    keywords = rules.feed_keywords(feed)
    relevant = [e for e in stored if is_relevant(e, keywords, feed.exclude)]
    followed: tuple[str, ...] = ()
    deferred = 0
    if feed.follow:
        followed, deferred = _follow(tx, feed, relevant, now)
    if new or revised:
        alerts.extend(_reconcile_publications(tx, feed, stored, relevant, now))
    return FeedEffects(new, revised, len(relevant), followed, deferred, tuple(alerts))


def _follow(
    tx: StoreTransaction, feed: SourceRef, relevant: Sequence[StoredFeedEntry], now: dt.datetime
) -> tuple[tuple[str, ...], int]:
    """Add the relevant entries' articles as sources, oldest entry first, at most `max_new_sources` now."""
    from monitor.extract.feeds import canonical_url

    have = {canonical_url(url) for url in tx.story_source_urls(feed.story_id)}
    every = feed.source_every_seconds or feed.every_seconds
    added: list[str] = []
    deferred = 0
    for entry in relevant:
        if not entry.link or urlsplit(entry.link).scheme not in _FOLLOWABLE_SCHEMES:
            continue
        link = canonical_url(entry.link)
        if link in have:
            continue
        if len(added) >= feed.max_new_sources:
            deferred += 1  # the next check of the feed adds it
            continue
        spec = SourceSpec(feed.story_id, link, "page", every, origin=f"{FEED_ORIGIN_PREFIX}{feed.url}")
        if tx.add_source(spec, now):
            added.append(link)
            log.info("following %s (from %s)", link, feed.url,
                     extra={"event": "source_followed", "story": feed.story_id, "url": link,
                            "feed": feed.url})
        have.add(link)
    if deferred:
        log.info("%d more articles of %s wait for its next check (max_new_sources %d)", deferred, feed.url,
                 feed.max_new_sources, extra={"event": "follow_deferred", "story": feed.story_id,
                                              "url": feed.url, "deferred": deferred})
    return tuple(added), deferred


def _reconcile_publications(
    tx: StoreTransaction, feed: SourceRef, stored: Sequence[StoredFeedEntry],
    relevant: Sequence[StoredFeedEntry], now: dt.datetime,
) -> list[Alert]:
    from monitor.publish.alerts import alerts_for
    from monitor.track.candidates import reach_of
    from monitor.track.timeline import reconcile

    generation = sum(e.revision for e in stored)
    items = [publication_item(e) for e in relevant]
    timeline = tx.load_candidates(feed.story_id, reach_of(items, feed.story_id, feed.url))
    try:
        result = reconcile(timeline, feed.story_id, feed.url, generation, None, items, now)
    except Exception:
        log.exception("reconcile failed: %s", feed.url,
                      extra={"event": "reconcile_failed", "story": feed.story_id, "url": feed.url})
        return []
    tx.write_timeline(result.updated)
    tx.record_history(timeline, result.updated, now, feed.url, None, FEED_EXTRACTOR)  # history, as for a page
    return alerts_for(result.changes, feed.story_id, feed.url)


def _entry_revised_alert(feed: SourceRef, saved: SavedFeedEntry) -> Alert:
    from monitor.publish.alerts import CONTENT_CHANGED, Alert

    entry, old = saved.entry, saved.previous
    url = entry.link or feed.url
    was = f" (was: {old.title[:80]})" if old is not None and old.title != entry.title else ""
    message = (f"{CONTENT_CHANGED}: feed entry revised (revision {entry.revision}): {entry.title[:100]}{was}"
               f" [story {feed.story_id}, {url}]")
    fields = {"feed": feed.url, "revision": entry.revision, "entry": entry.key, "title": entry.title,
              "old_title": old.title if old is not None else None}
    return Alert(CONTENT_CHANGED, feed.story_id, url, message, fields)
