"""Retention: which stored versions lose their text, and which check-log rows go (`monitor db prune`).

Functions over an open Session; `Store` (monitor.store.repo) runs them. The rules come from the config
(`retention:`, monitor.run.maintenance); this module only applies them:

- a version keeps its text when it is one of its page's last `keep_last`, younger than `keep_younger`, changed
  an extracted fact (a fact state of the story's history names it, in any generation), is named by a
  timeline row's report (the evidence the row shows), or was fetched before the story's history began (what
  it changed is not known); every other version's text is dropped: its hash, size and fetch time stay, so
  `monitor history` still lists it;
- a check-log row goes when it is neither one of its source's last `keep_last` nor younger than
  `keep_younger`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from monitor.store.batch import chunks
from monitor.store.history import history_from
from monitor.store.models import Check, ItemReport, Snapshot, Source, TimelineItem, TimelineState


@dataclass(frozen=True)
class Rule:
    """One story's retention: the last `keep_last` and everything younger than `keep_younger` seconds."""

    keep_last: int
    keep_younger: float


@dataclass(frozen=True)
class StoryPrune:
    """What retention drops of one story."""

    story: str
    versions: int  # versions stored (text kept or not)
    snapshot_ids: tuple[int, ...]  # versions whose text goes
    text_bytes: int  # stored (compressed) bytes of that text
    check_ids: tuple[int, ...] = field(default=())  # check-log rows that go

    def line(self, *, dry_run: bool) -> str:
        """One line for a person."""
        verb = "would drop" if dry_run else "dropped"
        return (f"{self.story}: {verb} the text of {len(self.snapshot_ids)} of {self.versions} versions "
                f"({self.text_bytes:,} bytes) and {len(self.check_ids)} check-log rows")


def plan(session: Session, rules: Mapping[str, Rule], now: dt.datetime) -> list[StoryPrune]:
    """What the rules drop, story by story (nothing is changed)."""
    return [_plan_story(session, story, rule, now) for story, rule in sorted(rules.items())]


def apply(session: Session, plans: Sequence[StoryPrune], now: dt.datetime) -> None:
    """Drop what `plan` found: the versions' text (marked `pruned_at`) and the check-log rows."""
    for story in plans:
        for chunk in chunks(list(story.snapshot_ids)):
            session.execute(update(Snapshot).where(Snapshot.id.in_(chunk), Snapshot.pruned_at.is_(None))
                            .values(body=b"", pruned_at=now))
        for chunk in chunks(list(story.check_ids)):
            session.execute(delete(Check).where(Check.id.in_(chunk)))


def _plan_story(session: Session, story: str, rule: Rule, now: dt.datetime) -> StoryPrune:
    young = now - dt.timedelta(seconds=rule.keep_younger)
    begun = history_from(session, story)
    versions = session.execute(
        select(Snapshot.id, Snapshot.source_id, Source.url, Snapshot.version, Snapshot.fetched_at,
               func.length(Snapshot.body), Snapshot.pruned_at)
        .join(Source, Source.id == Snapshot.source_id)
        .where(Source.story_id == story).order_by(Snapshot.source_id, Snapshot.version.desc())
    ).all()
    needed = _fact_versions(session, story) | _evidence_versions(session, story)
    drop: list[int] = []
    size = 0
    rank: dict[int, int] = {}
    for snapshot_id, source_id, url, version, fetched_at, length, pruned_at in versions:
        rank[source_id] = rank.get(source_id, 0) + 1  # 1 = the newest
        keep = (rank[source_id] <= rule.keep_last or fetched_at >= young or (url, version) in needed
                or (begun is not None and fetched_at < begun))
        if pruned_at is None and not keep:
            drop.append(snapshot_id)
            size += length or 0
    checks = tuple(_old_checks(session, story, rule, young))
    return StoryPrune(story, len(versions), tuple(drop), size, checks)


def _fact_versions(session: Session, story: str) -> set[tuple[str, int | None]]:
    """(source URL, version) of every state of the story's history that changed a fact."""
    rows = session.execute(select(TimelineState.source_url, TimelineState.version).distinct()
                           .where(TimelineState.story_id == story, TimelineState.fact.is_(True),
                                  TimelineState.version.is_not(None)))
    return {(url, version) for url, version in rows}


def _evidence_versions(session: Session, story: str) -> set[tuple[str, int | None]]:
    """(source URL, version) every report of the story's rows names (an undated report withdrawn names none:
    a page's changing sentences leave many, and they were never on the timeline)."""
    rows = session.execute(select(ItemReport.source_url, ItemReport.version).distinct()
                           .join(TimelineItem, TimelineItem.id == ItemReport.item_id)
                           .where(TimelineItem.story_id == story, ItemReport.version.is_not(None),
                                  or_(ItemReport.latent.is_(False), ItemReport.present.is_(True))))
    return {(url, version) for url, version in rows}


def _old_checks(session: Session, story: str, rule: Rule, young: dt.datetime) -> list[int]:
    """Check-log rows of the story's sources past the last `keep_last` and older than `young`."""
    rows = session.execute(
        select(Check.id, Check.source_id, Check.finished_at).join(Source, Source.id == Check.source_id)
        .where(Source.story_id == story).order_by(Check.source_id, Check.id.desc())
    ).all()
    rank: dict[int, int] = {}
    old: list[int] = []
    for check_id, source_id, finished_at in rows:
        rank[source_id] = rank.get(source_id, 0) + 1
        if rank[source_id] > rule.keep_last and finished_at < young:
            old.append(check_id)
    return old
