"""One check of one source: fetch (conditionally) -> extract -> compare -> record -> alert.

    outcome = await check_source(store, fetcher, source, config.schedule, now)

The decisions are small pure functions (`read_page`, `next_due`, `health_alerts`) so they can be tested
without a network or a database; `check_source` is the I/O around them. Database calls and text extraction
run in worker threads so one slow check never stalls the event loop the scheduler runs on.

Alerts are emitted only after the check's transaction committed: a log line never announces a version the
database does not hold.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from monitor.config import ScheduleConfig
from monitor.errors import FetchError
from monitor.store.records import CheckRecord, NewSnapshot, Outcome, SnapshotData, SourceRef

if TYPE_CHECKING:
    from monitor.alerts import Alert
    from monitor.fetch import Fetcher, FetchResult
    from monitor.store.repo import Store
    from monitor.text import Document
    from monitor.timeline import TimelineEntry

log = logging.getLogger(__name__)

GONE_PREFIX = "gone: "


@dataclass(frozen=True)
class PageRead:
    """The extracted document of a fetched page and the hash that decides whether it changed."""

    document: Document
    text: str
    content_hash: str


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
class VersionEffects:
    """What `on_new_version` returns: timeline rows written in the check's own transaction (typically
    `ReconcileResult.updated`) and alerts emitted once it committed."""

    alerts: tuple[Alert, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()


OnNewVersion = Callable[[NewVersion], VersionEffects]


@dataclass(frozen=True)
class CheckOutcome:
    """The result of one check, for logs and summaries."""

    source_id: int
    story: str
    url: str
    outcome: Outcome
    version: int | None = None
    status: int | None = None
    reason: str | None = None
    elapsed: float = 0.0
    next_due_at: dt.datetime | None = None
    disabled: bool = False
    alerts: tuple[Alert, ...] = field(default=())


# ----------------------------------------------------------------------------------------------- pure parts


def read_page(result: FetchResult) -> PageRead:
    """Extract a fetched page's article text and its content hash."""
    from monitor.text import content_hash, extract_document

    body: str | bytes = result.text if result.text is not None else result.content
    document = extract_document(body, url=result.url)
    return PageRead(document, document.text, content_hash(document.text))


def next_due(
    now: dt.datetime, every_seconds: float, jitter: float, rng: random.Random | None = None,
    retry_after: float | None = None,
) -> dt.datetime:
    """now + every * (1 + uniform(0, jitter)), and no sooner than a server's Retry-After."""
    draw = (rng or random).uniform(0.0, jitter) if jitter > 0 else 0.0
    delay = every_seconds * (1.0 + draw)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return now + dt.timedelta(seconds=delay)


def health_alerts(
    source: SourceRef, *, failed: bool, failing_after: int, reason: str | None = None,
    permanent: bool = False,
) -> list[Alert]:
    """source_failing at exactly `failing_after` failures in a row (or at once when the source is gone for
    good); source_recovered on the first success after such a streak."""
    from monitor.alerts import source_failing_alert, source_recovered_alert

    if failed:
        streak = source.error_streak + 1
        if permanent or streak == failing_after:
            return [source_failing_alert(source.story_id, source.url, streak, reason or "error")]
        return []
    if source.error_streak >= failing_after:
        return [source_recovered_alert(source.story_id, source.url, source.error_streak)]
    return []


# ------------------------------------------------------------------------------------------------- the check


async def check_source(
    store: Store,
    fetcher: Fetcher,
    source: SourceRef,
    settings: ScheduleConfig,
    now: dt.datetime,
    *,
    owner: str | None = None,
    rng: random.Random | None = None,
    on_new_version: OnNewVersion | None = None,
) -> CheckOutcome:
    """Check one claimed page source once and record the result (releasing the lease).

    Fetch failures are recorded, not raised. Raises StoreError when the database fails and LeaseLostError
    when another process took the source meanwhile (nothing is then written).
    """
    if source.kind != "page":
        # Feeds are wired in the feeds phase; until then a feed is fetched for its health only.
        return await _check_feed_health(store, fetcher, source, settings, now, owner=owner, rng=rng)
    holder = owner or source.lease_owner or ""
    clock = time.monotonic()
    base = CheckRecord(
        source_id=source.id, owner=holder, started_at=now, finished_at=now, outcome="failed",
        next_due_at=next_due(now, source.every_seconds, settings.jitter, rng),
        error_streak=0, check_log_keep=settings.check_log_keep,
    )
    log.info("check started: %s", source.url, extra={"event": "check_started", "story": source.story_id,
                                                      "url": source.url})
    try:
        result = await fetcher.fetch(source.url, etag=source.etag, last_modified=source.last_modified,
                                     trusted=source.trusted)
    except FetchError as exc:
        return await _record_failure(store, source, settings, base, clock, exc.reason, status=exc.status,
                                     permanent=exc.permanent, retry_after=exc.retry_after, rng=rng, now=now)

    finished = _finished(now, clock)
    if result.not_modified:
        record = replace(
            base, finished_at=finished, outcome="not_modified", status=result.status, elapsed=result.elapsed,
            update_validators=True, etag=result.etag or source.etag,
            last_modified=result.last_modified or source.last_modified,
        )
        return await _commit(store, source, settings, record, [], failed=False)

    try:
        page = await asyncio.to_thread(read_page, result)
    except Exception as exc:  # a parser bug on one hostile page must not take the service down
        log.exception("extraction failed: %s", source.url,
                      extra={"event": "check_error", "story": source.story_id, "url": source.url})
        reason = f"extract_error: {type(exc).__name__}"
        return await _record_failure(store, source, settings, base, clock, reason, status=result.status,
                                     rng=rng, now=now)
    if not page.text.strip():
        # Storing an empty version would report a change now and another when extraction works again.
        return await _record_failure(store, source, settings, base, clock, "empty_text", status=result.status,
                                     rng=rng, now=now)

    latest = await asyncio.to_thread(store.latest_snapshot, source.id)
    finished = _finished(now, clock)
    fetched = replace(
        base, finished_at=finished, status=result.status, elapsed=result.elapsed, update_validators=True,
        etag=result.etag, last_modified=result.last_modified,
    )
    if latest is not None and latest.content_hash == page.content_hash:
        record = replace(fetched, outcome="unchanged", version=latest.version)
        return await _commit(store, source, settings, record, [], failed=False)

    from monitor.snapshots import compress

    body = page.text.encode("utf-8")
    snapshot = NewSnapshot(
        fetched_at=finished, content_hash=page.content_hash, size=len(body), body=compress(page.text),
        title=page.document.title, published=page.document.published, final_url=result.url,
    )
    alerts: list[Alert] = []
    timeline: tuple[TimelineEntry, ...] = ()
    new_number = (latest.version if latest else 0) + 1
    if latest is not None:
        alerts.append(_content_changed(source, latest, new_number, page.text))
    if on_new_version is not None:
        effects = on_new_version(NewVersion(source, new_number, latest, page.document, page.text, finished))
        alerts.extend(effects.alerts)
        timeline = effects.timeline
    record = replace(fetched, outcome="new_version", snapshot=snapshot, timeline=timeline)
    return await _commit(store, source, settings, record, alerts, failed=False)


def _content_changed(source: SourceRef, latest: SnapshotData, new_version: int, text: str) -> Alert:
    from monitor.alerts import content_changed_alert
    from monitor.snapshots import sentence_diff

    diff = sentence_diff(latest.text, text)
    return content_changed_alert(source.story_id, source.url, latest.version, new_version, diff.added,
                                 diff.removed)


async def _check_feed_health(
    store: Store, fetcher: Fetcher, source: SourceRef, settings: ScheduleConfig, now: dt.datetime, *,
    owner: str | None, rng: random.Random | None,
) -> CheckOutcome:
    holder = owner or source.lease_owner or ""
    clock = time.monotonic()
    base = CheckRecord(
        source_id=source.id, owner=holder, started_at=now, finished_at=now, outcome="failed",
        next_due_at=next_due(now, source.every_seconds, settings.jitter, rng),
        check_log_keep=settings.check_log_keep,
    )
    try:
        result = await fetcher.fetch(source.url, etag=source.etag, last_modified=source.last_modified,
                                     trusted=source.trusted)
    except FetchError as exc:
        return await _record_failure(store, source, settings, base, clock, exc.reason, status=exc.status,
                                     permanent=exc.permanent, retry_after=exc.retry_after, rng=rng, now=now)
    # Validators are not kept: until feed entries are stored, a 304 would hide entries never read.
    record = replace(base, finished_at=_finished(now, clock), status=result.status, elapsed=result.elapsed,
                     outcome="not_modified" if result.not_modified else "unchanged")
    return await _commit(store, source, settings, record, [], failed=False)


async def _record_failure(
    store: Store, source: SourceRef, settings: ScheduleConfig, base: CheckRecord, clock: float,
    reason: str, *, status: int | None = None, permanent: bool = False, retry_after: float | None = None,
    rng: random.Random | None = None, now: dt.datetime,
) -> CheckOutcome:
    record = replace(
        base, finished_at=_finished(now, clock), outcome="failed", status=status, reason=reason,
        elapsed=time.monotonic() - clock, error_streak=source.error_streak + 1,
        disable_reason=f"{GONE_PREFIX}{reason}" if permanent else None,
        next_due_at=next_due(now, source.every_seconds, settings.jitter, rng, retry_after),
    )
    alerts = health_alerts(source, failed=True, failing_after=settings.failing_after, reason=reason,
                           permanent=permanent)
    return await _commit(store, source, settings, record, alerts, failed=True)


async def _commit(
    store: Store, source: SourceRef, settings: ScheduleConfig, record: CheckRecord,
    alerts: Sequence[Alert], *, failed: bool,
) -> CheckOutcome:
    from monitor.alerts import emit

    if not failed:
        alerts = [*health_alerts(source, failed=False, failing_after=settings.failing_after), *alerts]
    recorded = await asyncio.to_thread(store.record_result, record)
    for alert in alerts:
        emit(alert)
    outcome = CheckOutcome(
        source_id=source.id, story=source.story_id, url=source.url, outcome=recorded.outcome,
        version=recorded.version, status=record.status, reason=record.reason, elapsed=record.elapsed or 0.0,
        next_due_at=record.next_due_at, disabled=record.disable_reason is not None, alerts=tuple(alerts),
    )
    _log_finished(outcome)
    return outcome


def _log_finished(outcome: CheckOutcome) -> None:
    extra = {"event": "check_finished", "story": outcome.story, "url": outcome.url,
             "outcome": outcome.outcome, "version": outcome.version, "status": outcome.status,
             "reason": outcome.reason, "elapsed": round(outcome.elapsed, 3)}
    detail = f"version {outcome.version}" if outcome.version is not None else (outcome.reason or "")
    if outcome.outcome == "failed":
        log.warning("check failed: %s (%s)%s", outcome.url, outcome.reason,
                    "; source disabled" if outcome.disabled else "", extra={**extra, "event": "check_failed"})
    else:
        log.info("check finished: %s %s %s", outcome.url, outcome.outcome, detail, extra=extra)


def _finished(now: dt.datetime, clock: float) -> dt.datetime:
    return now + dt.timedelta(seconds=time.monotonic() - clock)
