"""The timeline's history: states appended by each reconcile, generations, and the rows as they stood at T.

Functions over an open Session; `Store` and `StoreTransaction` (monitor.store.repo) run them. The states'
encoding is monitor.track.history's; the schema is `TimelineState` and `StoryGeneration` (migration 0007).

A story's generation 0 is written by the checks as they reconcile; `monitor reextract` replaces a story's
derived rows with a new generation (all its states rewritten as the current extractor reads the versions),
valid from when it committed. The rows as they stood at T are therefore the states of the generation that was
current at T, up to T: what `export` printed at T, before any later re-reading.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from monitor.errors import InputError
from monitor.store.batch import chunks
from monitor.store.models import StoryGeneration, TimelineItem, TimelineState

if TYPE_CHECKING:
    from monitor.track.entries import TimelineEntry


@dataclass(frozen=True)
class State:
    """One stored state: a row's delta (monitor.track.history), when, and which source version caused it."""

    event_id: str
    at: dt.datetime
    source_url: str
    version: int | None
    fact: bool
    body: str  # JSON

    def sort_key(self) -> tuple[dt.datetime, str, int, str]:
        """The order states are compared in: by time, then cause and row (writes within one reconcile)."""
        return self.at, self.source_url, self.version or 0, self.event_id


def generation(session: Session, story: str, at: dt.datetime | None = None) -> int:
    """The story's generation current at `at` (default: now, the newest)."""
    if at is None:  # every reconcile asks: a statement built once
        return session.execute(_NEWEST_GENERATION, {"b_story": story}).scalar() or 0
    statement = select(func.max(StoryGeneration.generation)).where(StoryGeneration.story_id == story,
                                                                   StoryGeneration.recorded_at <= at)
    return session.scalar(statement) or 0


def record_states(
    session: Session, before: Sequence[TimelineEntry], updated: Sequence[TimelineEntry], at: dt.datetime,
    source_url: str, version: int | None, extractor: str | None,
) -> None:
    """Append one state per updated row (against the row as it was in `before`) in the story's current
    generation, and stamp the rows with `extractor` (None: rows no page extraction made)."""
    from monitor.track.history import delta, dumps

    if not updated:
        return
    was = {e.event_id: e for e in before}
    stories = {e.story for e in updated}
    current = {story: generation(session, story) for story in stories}
    rows = []
    for entry in updated:
        body, fact = delta(was.get(entry.event_id), entry)
        rows.append({"story_id": entry.story, "generation": current[entry.story], "event_id": entry.event_id,
                     "at": at, "source_url": source_url, "version": version, "fact": fact,
                     "body": dumps(body)})
    # Core statements, in the order written (the states' ids keep it): the ORM's unit of work cost more than
    # the SQL here, inside the story's write transaction, and nothing reads these rows back as objects.
    session.execute(_INSERT_STATE, rows)
    for chunk in chunks([e.event_id for e in updated]):
        session.execute(_STAMP_ROWS, {"b_extractor": extractor, "b_ids": list(chunk)})


_GENERATIONS, _STATES, _ITEMS = (cast(Table, model.__table__)
                                 for model in (StoryGeneration, TimelineState, TimelineItem))
# Built once: each reconcile runs them, and building a statement costs more than running it.
_NEWEST_GENERATION = (select(func.max(_GENERATIONS.c.generation))
                      .where(_GENERATIONS.c.story_id == bindparam("b_story")))
_INSERT_STATE = insert(_STATES)
_STAMP_ROWS = (update(_ITEMS).where(_ITEMS.c.event_id.in_(bindparam("b_ids", expanding=True)))
               .values(extractor=bindparam("b_extractor")))


def states(
    session: Session, story: str, gen: int, *, until: dt.datetime | None = None,
) -> list[State]:
    """The story's states of generation `gen` (up to and including `until`), in the order written."""
    statement = (select(TimelineState).where(TimelineState.story_id == story, TimelineState.generation == gen)
                 .order_by(TimelineState.id))
    if until is not None:
        statement = statement.where(TimelineState.at <= until)
    return [State(s.event_id, s.at, s.source_url, s.version, s.fact, s.body)
            for s in session.scalars(statement)]


def history_from(session: Session, story: str) -> dt.datetime | None:
    """When the story's history begins: the upgrade to migration 0007 for a story that existed before it
    (None: from its first version)."""
    return session.scalar(select(func.min(StoryGeneration.history_from))
                          .where(StoryGeneration.story_id == story))


def timeline_as_of(session: Session, stories: Sequence[str], at: dt.datetime) -> list[TimelineEntry]:
    """The rows of `stories` as they stood at `at`, by story, date and event id (as `load_timeline`).

    Raises InputError when `at` is before a story's history begins (see `history_from`).
    """
    from monitor.track.history import fold

    rows: list[TimelineEntry] = []
    for story in stories:
        start = history_from(session, story)
        if start is not None and at < start:
            raise InputError(f"--as-of {at.isoformat()}: the history of story {story!r} begins at "
                             f"{start.isoformat(timespec='seconds')} (the upgrade that started keeping it)")
        found = states(session, story, generation(session, story, at), until=at)
        rows.extend(fold((s.event_id, json.loads(s.body)) for s in found).values())
    # load_timeline's order: story, date (undated first, as SQLite sorts NULL), event id.
    return sorted(rows, key=lambda e: (e.story, e.date is not None, e.date or "", e.event_id))


def history_stories(session: Session) -> list[str]:
    """Every story with a history."""
    return list(session.scalars(select(TimelineState.story_id).distinct().order_by(TimelineState.story_id)))


def extractors(session: Session, story: str | None = None) -> dict[tuple[str, str | None], int]:
    """(story, extractor stamp) -> how many rows carry it ('feed' for publications, None for rows written
    before stamps were kept)."""
    statement = (select(TimelineItem.story_id, TimelineItem.extractor, func.count())
                 .group_by(TimelineItem.story_id, TimelineItem.extractor))
    if story is not None:
        statement = statement.where(TimelineItem.story_id == story)
    return {(s, x): n for s, x, n in session.execute(statement)}
