"""`monitor reextract`: read a story's stored versions again with today's extractor and rebuild its timeline.

The versions are replayed in the order they were fetched, each read as its check read it (its text, its page's
own day, its fetch time as the reconcile's time) and reconciled into the story's rows as a check would, so the
result is what the current extractor would have produced had it run then: rows first seen at the fetch time
of the version that first carried them. No alert is raised; a summary says what changed.

    summaries = reextract(store, config, story="russia-us-aid", progress=print_progress)

- Only the derived rows of pages are rebuilt; publications (read from feeds, not by the extractor) are kept
  as they are. The stored versions are only read. Versions whose text retention dropped are skipped (they
  changed no fact when they were read).
- Resumable: the items read from each version are recorded in the database as the run goes
  (`reextract_items`); a run killed midway reads only the versions it had not reached. The rebuild itself is
  written in one transaction under the story's lock, with the history it implies as the story's next
  generation (`--as-of` before it still shows what was known then).
- Idempotent: a replay that finds the rows and history the story already has writes nothing.
- `since`: versions fetched before it are not read again; the replay starts from the rows as the current
  generation has them at that time.
- Deterministic: the extraction budget's CPU seconds (`extraction.max_seconds`) are not applied, so two runs
  read the same; `max_sentences` and `max_items` are.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from monitor.run.story import PUBLICATION, StoryRules, extract_text
from monitor.store.records import SourceRef, StoredVersion

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.extract.items import Item
    from monitor.store import Store
    from monitor.store.history import State
    from monitor.track.entries import TimelineEntry

log = logging.getLogger(__name__)

# A replay the database overtook (a check stored a version meanwhile) is tried again this many times.
_ATTEMPTS = 5

Progress = Callable[[str, int, int], None]  # (story, versions done, versions to read)


class LogProgress:
    """Progress as log lines (INFO `reextract_progress`), at most one every `every` seconds and at the end."""

    def __init__(self, every: float = 5.0) -> None:
        self.every = every
        self.last = time.monotonic()

    def __call__(self, story: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self.last >= self.every:
            self.last = now
            log.info("reextract: %s: %d of %d versions read", story, done, total,
                     extra={"event": "reextract_progress", "story": story, "done": done, "total": total})


@dataclass(frozen=True)
class Rebuild:
    """What re-reading one story changed."""

    story: str
    versions: int  # versions replayed
    reused: int  # of which an earlier, interrupted run had read
    added: int = 0
    removed: int = 0
    redated: int = 0
    changed: int = 0  # rows whose status, value or text changed
    written: bool = False  # False: the story already was as the current extractor reads it

    def line(self) -> str:
        """One line for a person: what the rebuild changed."""
        resumed = f" ({self.reused} read by an earlier run)" if self.reused else ""
        if not self.written:
            return f"{self.story}: {self.versions} versions read{resumed}: no change"
        return (f"{self.story}: {self.versions} versions read{resumed}: {self.added} rows added, "
                f"{self.removed} removed, {self.redated} re-dated, {self.changed} changed")


def reextract(
    store: Store, config: Config, *, story: str | None = None, since: dt.datetime | None = None,
    progress: Progress | None = None, now: Callable[[], dt.datetime] | None = None,
) -> list[Rebuild]:
    """Rebuild the derived rows of `story` (default: every story of the config); see the module docstring."""
    rules = replace(StoryRules.from_config(config), max_seconds=None)
    stories = [story] if story is not None else [s.id for s in config.stories]
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    return [_rebuild_story(store, sid, rules, since, progress, clock) for sid in stories]


def _rebuild_story(
    store: Store, story: str, rules: StoryRules, since: dt.datetime | None, progress: Progress | None,
    clock: Callable[[], dt.datetime],
) -> Rebuild:
    from monitor.errors import StoreError

    stamp = rules.extractor()
    for _ in range(_ATTEMPTS):
        generation, states, rows = store.rebuild_base(story)
        versions = [v for v in store.story_versions(story) if not v.pruned]
        replay = _Replay(store, story, rules, stamp, progress)
        kept, start = replay.starting_point(states, since)
        todo = [v for v in versions if since is None or v.fetched_at >= since]
        replay.run(start, todo)
        new_states = [*kept, *replay.states]
        derived = [e for e in replay.timeline if e.kind != PUBLICATION]
        old = [e for e in rows if e.kind != PUBLICATION]
        if _same_history(states, new_states):
            store.finish_unchanged(story, [e.event_id for e in derived], stamp)
            return Rebuild(story, len(todo), replay.reused)
        summary = _summary(story, len(todo), replay.reused, old, derived)
        written = store.write_rebuild(
            story, base_generation=generation, snapshot_ids=[v.snapshot_id for v in versions], rows=derived,
            drop=sorted({e.event_id for e in old} - {e.event_id for e in derived}),
            report_times=_report_times(new_states), new_states=new_states, extractor=stamp,
            summary=replace(summary, reused=0).line(), recorded_at=clock(),
        )
        if written:
            return summary
        log.info("%s changed during the replay: reading its new versions too", story,
                 extra={"event": "reextract_retry", "story": story})
    raise StoreError(f"{story}: its versions kept changing during {_ATTEMPTS} replays; try again")


class _Replay:
    """One pass over a story's versions: extraction (or its recorded progress), reconcile, states."""

    def __init__(self, store: Store, story: str, rules: StoryRules, stamp: str, progress: Progress | None):
        self.store, self.story, self.rules, self.stamp, self.progress = store, story, rules, stamp, progress
        self.timeline: list[TimelineEntry] = []
        self.states: list[State] = []
        self.reused = 0

    def starting_point(
        self, states: Sequence[State], since: dt.datetime | None
    ) -> tuple[list[State], dict[str, TimelineEntry]]:
        """The states kept as they are (publications, and with `since` everything before it) and the rows
        the replay starts from (the derived rows as they stood just before `since`)."""
        from monitor.track.history import fold

        rows = fold((s.event_id, json.loads(s.body)) for s in states)
        publications = {eid for eid, e in rows.items() if e.kind == PUBLICATION}
        kept = [s for s in states if s.event_id in publications or (since is not None and s.at < since)]
        if since is None:
            return kept, {}
        before = fold((s.event_id, json.loads(s.body)) for s in states if s.at < since)
        return kept, {eid: e for eid, e in before.items() if eid not in publications}

    def run(self, start: dict[str, TimelineEntry], versions: Sequence[StoredVersion]) -> None:
        """Replay `versions` in order from the rows `start`."""
        from monitor.track.timeline import reconcile

        cached = self.store.cached_items(self.story, self.stamp)
        timeline = list(start.values())
        for done, version in enumerate(versions, 1):
            items = self._items(version, cached)
            if items is not None:
                published, read = items
                result = reconcile(timeline, self.story, version.url, version.version, published, read,
                                   version.fetched_at)
                self._record(timeline, result.updated, version)
                timeline = list(result.timeline)
            if self.progress is not None:
                self.progress(self.story, done, len(versions))
        self.timeline = timeline

    def _items(
        self, version: StoredVersion, cached: dict[int, str | None]
    ) -> tuple[str | None, list[Item]] | None:
        """(the page's day, its items) read from a version, or as an earlier run recorded them; None when the
        extractor fails on it (as a check, the version is then not reconciled)."""
        if version.snapshot_id in cached:
            self.reused += 1
            return _load_items(cached[version.snapshot_id])
        text = self.store.version_text(version.snapshot_id)
        source = SourceRef(version.source_id, self.story, version.url, "page", "", 0.0)
        extracted = extract_text(source, version.version, text, version.published, version.fetched_at,
                                 self.rules)
        record = None if extracted is None else _dump_items(extracted.published, extracted.items)
        self.store.cache_items(version.snapshot_id, self.stamp, record)
        return _load_items(record)

    def _record(self, before: Sequence[TimelineEntry], updated: Sequence[TimelineEntry],
                version: StoredVersion) -> None:
        from monitor.store.history import State
        from monitor.track.history import delta, dumps

        was = {e.event_id: e for e in before}
        for entry in updated:
            body, fact = delta(was.get(entry.event_id), entry)
            self.states.append(State(entry.event_id, version.fetched_at, version.url, version.version, fact,
                                     dumps(body)))


def _dump_items(published: str | None, items: Sequence[Item]) -> str:
    # (`latent` is no key of the output contract's `to_dict`: written here only where set)
    dumped = [{**i.to_dict(), "latent": True} if i.latent else i.to_dict() for i in items]
    return json.dumps({"published": published, "items": dumped}, ensure_ascii=False)


def _load_items(record: str | None) -> tuple[str | None, list[Item]] | None:
    from monitor.extract.items import Item

    if record is None:
        return None
    data = json.loads(record)
    items = [Item(**{**i, "actors": tuple(i["actors"])}) for i in data["items"]]
    return data["published"], items


def _same_history(old: Sequence[State], new: Sequence[State]) -> bool:
    """Whether two generations' states say the same (compared in time order: writes of one reconcile may be
    in any order)."""
    def key(s: State) -> tuple[object, ...]:
        return (*s.sort_key(), s.fact, s.body)

    return sorted(map(key, old)) == sorted(map(key, new))


def _report_times(states: Sequence[State]) -> dict[tuple[str, str], tuple[dt.datetime, dt.datetime]]:
    """(event id, source URL) -> when that source first reported the row and last presented it."""
    from monitor.track.history import apply

    rows: dict[str, dict[str, Any]] = {}
    times: dict[tuple[str, str], tuple[dt.datetime, dt.datetime]] = {}
    for state in states:
        row = apply(rows.get(state.event_id), json.loads(state.body))
        rows[state.event_id] = row
        for report in row["sources"]:
            key = (state.event_id, report["source_url"])
            first, last = times.get(key, (state.at, state.at))
            times[key] = (first, state.at if report["present"] else last)
    return times


def _summary(story: str, versions: int, reused: int, old: Sequence[TimelineEntry],
             new: Sequence[TimelineEntry]) -> Rebuild:
    # What a reader sees change: rows on the timeline (undated reports waiting for another outlet's are not).
    was = {e.event_id: e for e in old if e.shown}
    now = {e.event_id: e for e in new if e.shown}
    common = was.keys() & now.keys()
    redated = {eid for eid in common
               if (was[eid].date, was[eid].date_end) != (now[eid].date, now[eid].date_end)}
    changed = {eid for eid in common - redated if was[eid] != now[eid]}
    return Rebuild(story, versions, reused, added=len(now.keys() - was.keys()),
                   removed=len(was.keys() - common), redated=len(redated), changed=len(changed), written=True)
