"""The timeline's rows and what reconciling them reports: entries, each source's report, changes, statuses."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol

ACTIVE = "active"
REMOVED = "removed"
REVISED = "revised"
FIGURE_KIND = "figure"
# A feed entry's row: an article published (monitor.run.story), never another kind's happening.
PUBLICATION_KIND = "publication"

# Change kinds.
ADDED = "added"
REACTIVATED = "reactivated"
DISPUTED = "disputed"


class ItemLike(Protocol):
    """What reconcile needs from an extracted item (monitor.extract.items.events.Item satisfies it)."""

    @property
    def kind(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def summary(self) -> str: ...
    @property
    def evidence(self) -> str: ...
    @property
    def actors(self) -> tuple[str, ...]: ...
    @property
    def location(self) -> str | None: ...
    @property
    def subject(self) -> str | None: ...
    @property
    def metric(self) -> str | None: ...
    @property
    def value(self) -> float | int | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def qualifier(self) -> str | None: ...
    @property
    def latent(self) -> bool: ...


def one_sentence(text: str) -> str:
    """A sentence as two sites that copy it give it alike: Unicode forms, case, quote marks, dots and spacing
    set aside (what recognises an undated report, `identity.identity_key`, and a copy, `shown`)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_QUOTES_AND_DOTS_RE.sub("", folded).split())


_QUOTES_AND_DOTS_RE = re.compile(r"[.\u2018\u2019\u201c\u201d'\"`]")


@dataclass(frozen=True)
class SourceReport:
    """One source's word on an item: its evidence, whether its newest version still has it, which version,
    the source's publication day, when this source was first seen reporting the item, and whether it was an
    undated report that only corroborates (`latent`, see `TimelineEntry.shown`)."""

    source_url: str
    evidence: str
    present: bool
    version: int
    published: str | None = None
    first_seen: dt.datetime | None = None
    latent: bool = False


@dataclass(frozen=True)
class TimelineEntry:
    """One row of a story's timeline: what the store persists and export prints."""

    event_id: str
    story: str
    key: str
    kind: str
    date: str | None
    date_end: str | None
    precision: str | None
    summary: str
    actors: tuple[str, ...]
    location: str | None
    subject: str | None
    metric: str | None
    value: float | int | None
    unit: str | None
    qualifier: str | None
    evidence: str
    source_url: str
    published: str | None
    first_seen: dt.datetime
    last_seen: dt.datetime
    status: str
    sources: tuple[SourceReport, ...]
    superseded_by: str | None = None

    @property
    def source_count(self) -> int:
        """Number of distinct sources whose newest version still reports the item."""
        return len({s.source_url for s in self.sources if s.present})

    @property
    def is_figure(self) -> bool:
        return self.kind == FIGURE_KIND

    def report_of(self, source_url: str) -> SourceReport | None:
        """The report of `source_url` on this row, if it has one."""
        return next((s for s in self.sources if s.source_url == source_url), None)

    @property
    def latent(self) -> bool:
        """Whether every report of the row is an undated one that only corroborates (`SourceReport.latent`):
        told as an item (`ItemLike`), the row is then an undated report."""
        return bool(self.sources) and all(s.latent for s in self.sources)

    @property
    def shown(self) -> bool:
        """Whether the row is on the timeline: a report read as a row of its own, or latent reports (undated,
        `Item.latent`) of two sources in sentences of their own; one latent report, or one sentence copied
        by two sites (wire copy: one origin), only waits for another outlet's telling."""
        if not self.latent:
            return True  # (a row with no reports at all, stored before reports were kept, is shown too)
        first = self.sources[0].evidence
        return any(s.evidence != first for s in self.sources) and len(
            {one_sentence(s.evidence) for s in self.sources}) >= 2


@dataclass(frozen=True)
class Change:
    """Something an alert is raised for.

    kind: `added` (entry is new), `removed` (no source presents entry any more), `revised` (entry, a figure,
    was superseded by `replacement`), `reactivated` (a removed or revised entry is active again), `disputed`
    (entry, a figure, and `rival` give different values for one subject, metric and date: two sources
    disagree).
    `previous` is the entry as it was before this reconciliation (None for `added`).
    """

    kind: str
    entry: TimelineEntry
    previous: TimelineEntry | None = None
    replacement: TimelineEntry | None = None
    rival: TimelineEntry | None = None


@dataclass(frozen=True)
class ReconcileResult:
    """The story's new timeline, the changes to alert on, the re-seen ids, the rows the store must write."""

    timeline: tuple[TimelineEntry, ...]
    changes: tuple[Change, ...]
    seen: tuple[str, ...]
    updated: tuple[TimelineEntry, ...]
