"""The small frozen values the store hands out and takes in; ORM rows never leave `monitor.store`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from monitor.errors import StoreError
from monitor.limits import ETAG_LENGTH, LAST_MODIFIED_LENGTH, MESSAGE_LENGTH, URL_LENGTH, clip, fits

if TYPE_CHECKING:
    from monitor.track.timeline import TimelineEntry

Outcome = Literal["new_version", "unchanged", "not_modified", "failed"]

CONFIG_ORIGIN = "config"
FEED_ORIGIN_PREFIX = "feed:"
REMOVED_FROM_CONFIG = "removed from config"


class LeaseLostError(StoreError):
    """The lease on a source expired and another process took it: this check's result is discarded."""


@dataclass(frozen=True)
class SourceRef:
    """A claimed (or listed) source: what one check needs to know about it."""

    id: int
    story_id: str
    url: str
    kind: str  # 'page' | 'feed'
    origin: str  # 'config' | 'feed:<feed url>'
    every_seconds: float
    etag: str | None = None
    last_modified: str | None = None
    error_streak: int = 0
    lease_owner: str | None = None
    lease_expires_at: dt.datetime | None = None
    next_due_at: dt.datetime | None = None
    active: bool = True
    disabled_reason: str | None = None
    follow: bool = False
    keywords: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    source_every_seconds: float | None = None
    max_new_sources: int = 0
    # The previous check's status and error: whether the page was unpublished (source_republished).
    last_status: int | None = None
    last_error: str | None = None

    @property
    def trusted(self) -> bool:
        """URLs written in the config are trusted; URLs found in feeds go through the address guard."""
        return self.origin == CONFIG_ORIGIN


@dataclass(frozen=True)
class SourceInfo:
    """A source with its health, for listings (`monitor history` disambiguation, status pages)."""

    id: int
    story_id: str
    url: str
    kind: str
    origin: str
    active: bool
    disabled_reason: str | None
    every_seconds: float
    next_due_at: dt.datetime
    last_checked_at: dt.datetime | None
    last_changed_at: dt.datetime | None
    error_streak: int
    last_error: str | None
    last_status: int | None
    versions: int
    entries: int = 0  # feed entries stored (feeds only)


@dataclass(frozen=True)
class VersionInfo:
    """One stored version of a source: what `monitor history` prints."""

    version: int
    fetched_at: dt.datetime
    content_hash: str
    size: int


@dataclass(frozen=True)
class SnapshotData:
    """One stored version with its metadata and (decompressed) text."""

    source_id: int
    version: int
    fetched_at: dt.datetime
    content_hash: str
    size: int
    title: str | None
    published: dt.date | None
    final_url: str | None
    text: str


@dataclass(frozen=True)
class StoredVersion:
    """A stored version without its text: what `monitor reextract` replays and retention weighs."""

    snapshot_id: int
    source_id: int
    url: str
    version: int
    fetched_at: dt.datetime
    published: dt.date | None
    size: int
    pruned: bool  # retention dropped its text


@dataclass(frozen=True)
class NewSnapshot:
    """A version to store; the store numbers it (latest + 1) inside the check's transaction."""

    fetched_at: dt.datetime
    content_hash: str
    size: int
    body: bytes  # compressed text (monitor.track.snapshots.compress)
    title: str | None = None
    published: dt.date | None = None
    final_url: str | None = None
    fingerprint: bytes | None = None  # monitor.track.origins.fingerprint of the text

    def __post_init__(self) -> None:
        if not fits(self.final_url, URL_LENGTH):  # a redirect's target: kept only when it fits its column
            object.__setattr__(self, "final_url", None)


@dataclass(frozen=True)
class CheckRecord:
    """Everything one check writes, applied in one transaction by `Store.record_result`.

    `etag` / `last_modified` replace the stored validators only when `update_validators` is true (a check that
    read the body successfully); a failed check must keep the old ones, or a 304 would hide the body forever.
    """

    source_id: int
    owner: str
    started_at: dt.datetime
    finished_at: dt.datetime
    outcome: Outcome
    next_due_at: dt.datetime
    status: int | None = None
    reason: str | None = None
    elapsed: float | None = None
    snapshot: NewSnapshot | None = None
    version: int | None = None  # the unchanged version, for the check log
    update_validators: bool = False
    etag: str | None = None
    last_modified: str | None = None
    error_streak: int = 0
    # A problem that did not fail the check (a malformed feed read in part): kept as the source's last_error.
    warning: str | None = None
    disable_reason: str | None = None  # set: the source is deactivated (e.g. gone, HTTP 410)
    check_log_keep: int = 100
    # Timeline rows to upsert with the check (monitor.track.timeline.TimelineEntry: ReconcileResult.updated).
    timeline: tuple[TimelineEntry, ...] = ()

    def __post_init__(self) -> None:
        # What came from outside, bounded before it reaches a column, the same on every backend: messages
        # clipped, validators that do not fit dropped (the fetcher drops them first, with a warning).
        for name in ("reason", "warning", "disable_reason"):
            value = getattr(self, name)
            if value is not None and len(value) > MESSAGE_LENGTH:
                object.__setattr__(self, name, clip(value, MESSAGE_LENGTH))
        for name, limit in (("etag", ETAG_LENGTH), ("last_modified", LAST_MODIFIED_LENGTH)):
            if not fits(getattr(self, name), limit):
                object.__setattr__(self, name, None)

    @property
    def quiet(self) -> bool:
        """A check that changed nothing (not modified or unchanged; no snapshot, timeline or disabling).

        Losing its record costs only a repeated check once the lease expires, so it may be batched."""
        return (self.outcome in ("not_modified", "unchanged") and self.snapshot is None and not self.timeline
                and self.disable_reason is None and self.update_validators)


@dataclass(frozen=True)
class RecordedCheck:
    """What `record_result` wrote: the version number given to a new snapshot, if any."""

    outcome: Outcome
    version: int | None


@dataclass(frozen=True)
class CheckInfo:
    """One row of the check log."""

    source_id: int
    started_at: dt.datetime
    finished_at: dt.datetime
    outcome: Outcome
    status: int | None
    reason: str | None
    elapsed: float | None
    version: int | None


@dataclass(frozen=True)
class StoredFeedEntry:
    """A feed entry as stored: its current text and how many revisions it has had."""

    id: int
    source_id: int
    key: str
    guid: str | None
    link: str | None
    title: str
    summary: str
    published: dt.datetime | None
    first_seen: dt.datetime
    last_seen: dt.datetime
    content_hash: str
    revision: int


class ParsedFeedEntry(Protocol):
    """What the store reads of a parsed feed entry (monitor.extract.feeds.FeedEntry is one)."""

    @property
    def key(self) -> str: ...
    @property
    def guid(self) -> str | None: ...
    @property
    def link(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def published(self) -> dt.datetime | None: ...
    @property
    def content_hash(self) -> str: ...


EntryChange = Literal["new", "revised", "seen"]


@dataclass(frozen=True)
class SavedFeedEntry:
    """What saving one parsed entry did: `new` (first seen), `revised` (title or summary changed), `seen`."""

    entry: StoredFeedEntry
    change: EntryChange
    previous: StoredFeedEntry | None = None


@dataclass(frozen=True)
class SyncSummary:
    """What `sync_specs` changed."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    reactivated: tuple[str, ...] = ()
    deactivated: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceSpec:
    """A source the config (or a followed feed) asks for."""

    story_id: str
    url: str
    kind: str
    every_seconds: float
    origin: str = CONFIG_ORIGIN
    follow: bool = False
    keywords: Sequence[str] = field(default_factory=tuple)
    exclude: Sequence[str] = field(default_factory=tuple)
    source_every_seconds: float | None = None
    max_new_sources: int = 0


@dataclass(frozen=True)
class NewAlert:
    """An alert to log with the check that raised it, and the notification targets to queue it for."""

    story: str
    event: str
    url: str
    message: str
    fields: Mapping[str, object] = field(default_factory=dict)
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoggedAlert:
    """An alert as the alert log keeps it."""

    id: int
    story: str
    event: str
    url: str
    message: str
    fields: Mapping[str, object]
    created_at: dt.datetime


@dataclass(frozen=True)
class PendingNotification:
    """A queued delivery of one alert to one notification target."""

    id: int
    target: str
    story: str
    created_at: dt.datetime
    attempts: int
    next_attempt_at: dt.datetime
    alert: LoggedAlert
