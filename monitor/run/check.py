"""One check of one source: fetch (conditionally) -> extract -> compare -> record -> alert.

    rules = StoryRules.from_config(config)
    outcome = await Check(store, fetcher, source, config.schedule, now, rules).run()

A page: a new version (its text changed) is stored and run through the story stages (monitor.run.story):
its events and figures are extracted, then reconciled into the story's timeline in the check's own
transaction. A feed: its entries are parsed from the bytes, stored once each (revisions kept), and the
relevant ones become publication items and, with `follow`, sources of the story, also in one transaction.

The decisions are small pure functions (`read_page`, `next_due`; the alerts in monitor.run.check_alerts) so
they can be tested without a network or a database; `Check` is the I/O around them. Database calls, text
extraction and feed parsing run in worker threads so one slow check never stalls the event loop the
scheduler runs on.

Alerts are emitted only after the check's transaction committed: a log line never announces a version the
database does not hold.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import logging
import random
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import monitor.stages as stages
from monitor.config import ScheduleConfig
from monitor.errors import FetchError, InputError
from monitor.run.check_alerts import health_alerts, same_title, version_alerts
from monitor.run.process import release_free_heap
from monitor.run.story import NewVersion, StoryRules
from monitor.store.records import (
    CheckRecord,
    NewAlert,
    NewSnapshot,
    Outcome,
    RecordedCheck,
    SourceRef,
)

if TYPE_CHECKING:
    from monitor.extract.feeds import ParsedFeed
    from monitor.extract.text import Document
    from monitor.fetch.client import Fetcher, FetchResult
    from monitor.publish.alerts import Alert
    from monitor.run.story import FeedEffects
    from monitor.store.repo import Store, StoreTransaction
    from monitor.track.timeline import TimelineEntry

# Work done inside the check's transaction, after its record (see Store.commit); returns alerts to emit.
Work = Callable[["StoreTransaction", RecordedCheck], Sequence["Alert"]]
# Takes a quiet check (see `CheckRecord.quiet`) to write later in a batch (monitor.run.checker.QuietRecorder).
RecordLater = Callable[[CheckRecord, "CheckOutcome"], None]
DEFAULT_RULES = StoryRules()
R = TypeVar("R")

log = logging.getLogger(__name__)

GONE_PREFIX = "gone: "
# A page that had versions and now answers one of these, or redirects to a section front page (the reason
# starts with REDIRECTED_TO_FRONT), is unpublished (`source_unpublished`) until it answers again.
UNPUBLISHED_STATUSES = (404, 410)
REDIRECTED_TO_FRONT = "redirected_to_front"
# Threads that may run the CPU-bound stages (text extraction, events and figures) at once, per event loop.
# The GIL makes more of them no faster, and each holds a parsed page: on 300 new pages of
# benchmarks/poll_cycle.py, two took 14.5 s and 150 MB where one takes 12.9 s and 146 MB.
CPU_THREADS = 1
# A page this long (bytes fetched, characters of text) is read in a lane of its own, so that the ordinary
# pages of the process are not held behind it for its whole budget (issue 14: a live blog of 8,000 entries).
LONG_PAGE_BYTES = 1_000_000
LONG_TEXT_CHARS = 100_000
_cpu_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[bool, asyncio.Semaphore]] = (
    weakref.WeakKeyDictionary()
)


async def _cpu_bound(func: Callable[..., R], /, *args: object, long: bool = False) -> R:
    """`func(*args)` in a worker thread, at most CPU_THREADS at once in this event loop and lane (`long`
    pages have their own).

    The thread is a daemon of its own, not one of the loop's executor: cancelling the awaiting check (the
    service stopping) leaves it to end alone, and nothing waits for it at exit (`asyncio.run` joins its
    executor's threads; `monitor run` ends with `process.exit_now`), so SIGTERM is not held up by a long
    page while it is read. Its own budget (`extraction.max_seconds`) bounds it otherwise.
    """
    loop = asyncio.get_running_loop()
    lanes = _cpu_slots.setdefault(loop, {})
    slots = lanes.get(long)
    if slots is None:
        slots = lanes[long] = asyncio.Semaphore(CPU_THREADS)
    async with slots:
        return await _in_daemon_thread(loop, func, *args)


def _in_daemon_thread(loop: asyncio.AbstractEventLoop, func: Callable[..., R], /, *args: object) -> (
    asyncio.Future[R]
):
    future: asyncio.Future[R] = loop.create_future()
    context = contextvars.copy_context()  # the caller's, as asyncio.to_thread passes it on

    def settle(result: R | None, error: BaseException | None) -> None:
        if future.done():  # cancelled meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def work() -> None:
        try:
            result, error = context.run(func, *args), None
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting check, as to_thread does
            result, error = None, exc
        release_free_heap()  # what the page's trees and texts took, given back (here, off the event loop)
        with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits any more
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=work, name=f"cpu {getattr(func, '__name__', 'work')}", daemon=True).start()
    return future


@dataclass(frozen=True)
class PageRead:
    """The extracted document of a fetched page and the hash that decides whether it changed."""

    document: Document
    text: str
    content_hash: str


@dataclass(frozen=True)
class VersionEffects:
    """What `on_new_version` returns: timeline rows written in the check's own transaction (typically
    `ReconcileResult.updated`) and alerts emitted once it committed."""

    alerts: tuple[Alert, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()


# A replacement for the default story stages (tests, embedders): its timeline rows are written as they are.
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
    from monitor.extract.text import content_hash, extract_document

    body: str | bytes = result.text if result.text is not None else result.content
    with stages.timed("text"):
        document = extract_document(body, url=result.url)
        return PageRead(document, document.text, content_hash(document.text))


def next_due(
    now: dt.datetime, every_seconds: float, jitter: float, rng: random.Random | None = None,
    retry_after: float | None = None,
) -> dt.datetime:
    """now + every * (1 + uniform(0, jitter)), and no sooner than a server's Retry-After (at most a day)."""
    from monitor.fetch.model import RETRY_AFTER_CEILING

    draw = (rng or random).uniform(0.0, jitter) if jitter > 0 else 0.0
    delay = every_seconds * (1.0 + draw)
    # A huge (or infinite) Retry-After must neither silence the source for good nor overflow timedelta; NaN
    # says nothing.
    if retry_after is not None and retry_after == retry_after:
        delay = max(delay, min(retry_after, RETRY_AFTER_CEILING))
    return now + dt.timedelta(seconds=delay)


def redirected_to_front(url: str, final_url: str) -> bool:
    """Whether fetching the article `url` ended on a section front page of its site (`final_url`): another
    path on the same host, one segment deep at most (`/`, `/news/`), where the article's was deeper."""
    from urllib.parse import urlsplit

    old, new = urlsplit(url), urlsplit(final_url)
    if old.path == new.path or (old.hostname or "").removeprefix("www.") != (
            new.hostname or "").removeprefix("www."):
        return False
    depth = [part for part in new.path.split("/") if part]
    return len(depth) <= 1 and len([part for part in old.path.split("/") if part]) > len(depth)


def was_unpublished(source: SourceRef) -> str | None:
    """How the page was gone at its previous check (`http_404`, `redirected_to_front`); None if it was not."""
    if (source.last_error or "").startswith(REDIRECTED_TO_FRONT):
        return REDIRECTED_TO_FRONT  # the front page's URL is in the unpublished alert
    if source.last_status in UNPUBLISHED_STATUSES:
        return f"http_{source.last_status}"
    return None


# ------------------------------------------------------------------------------------------------- the check


@dataclass
class Check:
    """One check of one claimed source, read top to bottom: `run` fetches, then `check_page` or `check_feed`
    reads what came, and every path ends in `_commit` (one transaction, then the alerts).

    A page's new version goes through `monitor.run.story` (extraction, then reconciliation in the check's
    transaction), or through `on_new_version` instead when given. Fetch failures are recorded, not raised;
    an extractor failure is logged and the version still stored. `run` raises StoreError when the database
    fails and LeaseLostError when another process took the source meanwhile (nothing is then written).

    With `record_later`, a page check that changed nothing and raises no alert (`CheckRecord.quiet`) is
    handed to it instead of being written in its own transaction; the caller then owns the write.
    """

    store: Store
    fetcher: Fetcher
    source: SourceRef
    settings: ScheduleConfig
    now: dt.datetime
    rules: StoryRules = DEFAULT_RULES
    rng: random.Random | None = None
    owner: str | None = None
    on_new_version: OnNewVersion | None = None
    record_later: RecordLater | None = None
    clock: float = field(default_factory=time.monotonic)
    base: CheckRecord | None = field(default=None, init=False)

    async def run(self) -> CheckOutcome:
        """Check the source once and record the result (releasing the lease)."""
        source = self.source
        self.base = self._start()
        log.info("check started: %s", source.url, extra={"event": "check_started", "story": source.story_id,
                                                          "url": source.url})
        began = time.perf_counter()
        try:
            result = await self.fetcher.fetch(source.url, etag=source.etag,
                                              last_modified=source.last_modified, trusted=source.trusted)
        except FetchError as exc:
            return await self._fail(exc.reason, status=exc.status, permanent=exc.permanent,
                                    retry_after=exc.retry_after)
        finally:
            stages.add("fetch", time.perf_counter() - began)
        # The coroutine holds the response from here on: the page's bytes are freed as soon as it is read.
        checking = self.check_feed(result) if source.kind == "feed" else self.check_page(result)
        del result
        return await checking

    async def check_page(self, result: FetchResult) -> CheckOutcome:
        """A fetched page: store a new version when its text changed and run it through the story stages."""
        source = self.source
        back = self._republished()
        if result.not_modified:
            return await self._commit(self._not_modified(result), back, quiet_ok=True)
        if result.url != source.url and redirected_to_front(source.url, result.url):
            stored = await asyncio.to_thread(self.store.latest_version, source.id)
            if stored is not None:  # a first fetch that lands there is a front page, not a page gone
                return await self._fail(f"{REDIRECTED_TO_FRONT}: {result.url}", status=result.status)
        try:
            size = len(result.content) if result.text is None else len(result.text)
            page = await _cpu_bound(read_page, result, long=size > LONG_PAGE_BYTES)
            result = replace(result, content=b"", text=None)  # the raw page is done with: free it now
        except Exception as exc:  # a parser bug on one hostile page must not take the service down
            log.exception("extraction failed: %s", source.url,
                          extra={"event": "check_error", "story": source.story_id, "url": source.url})
            return await self._fail(f"extract_error: {type(exc).__name__}", status=result.status)
        if not page.text.strip():
            # Storing an empty version would report a change now and another when extraction works again.
            return await self._fail(page.document.problem or "empty_text", status=result.status)

        head = await asyncio.to_thread(stages.timed_call("database", self.store.latest_head), source.id)
        fetched = self._fetched(result)
        if head is not None and head[1] == page.content_hash and same_title(head[2], page.document.title):
            unchanged = replace(fetched, outcome="unchanged", version=head[0])
            return await self._commit(unchanged, back, quiet_ok=True)
        return await self._new_version(page, fetched, result.url, known=head is not None, alerts=back)

    def _republished(self) -> list[Alert]:
        """source_republished when the page answers again after it was unpublished."""
        was = was_unpublished(self.source)
        if was is None:
            return []
        from monitor.publish.alerts import source_republished_alert

        return [source_republished_alert(self.source.story_id, self.source.url, was)]

    async def _new_version(
        self, page: PageRead, fetched: CheckRecord, final_url: str, *, known: bool, alerts: list[Alert]
    ) -> CheckOutcome:
        from monitor.track.origins import fingerprint
        from monitor.track.snapshots import compress

        long = len(page.text) > LONG_TEXT_CHARS
        finished = fetched.finished_at
        snapshot = NewSnapshot(
            fetched_at=finished, content_hash=page.content_hash, size=len(page.text.encode("utf-8")),
            body=await _cpu_bound(compress, page.text, long=True) if long else compress(page.text),
            title=page.document.title,
            published=page.document.published, final_url=final_url,
            fingerprint=await _cpu_bound(fingerprint, page.text, long=True) if long
            else fingerprint(page.text),
        )
        timeline: tuple[TimelineEntry, ...] = ()
        # Changed: only now is the previous text needed (for the sentence diff and the extraction).
        latest = await asyncio.to_thread(stages.timed_call("database", self.store.latest_snapshot),
                                         self.source.id) if known else None
        number = (latest.version if latest else 0) + 1
        if latest is not None:
            if await self._reverted(page, number):
                compared: list[Alert] = []
            else:
                changed = partial(version_alerts, self.source, latest, number, page.text, page.document.title,
                                  self.rules.corrections)
                # A long page's off the event loop: splitting two long versions into sentences takes seconds.
                compared = await _cpu_bound(changed, long=True) if long else changed()
            alerts = [*alerts, *compared]
        version = NewVersion(self.source, number, latest, page.document, page.text, finished)
        work: Work | None = None
        if self.on_new_version is not None:
            effects = self.on_new_version(version)
            alerts.extend(effects.alerts)
            timeline = effects.timeline
        else:
            from monitor.run.story import apply_version, extract_version

            extracted = await _cpu_bound(stages.timed_call("items", extract_version), version, self.rules,
                                         long=long)
            if extracted is not None:
                def work(tx: StoreTransaction, recorded: RecordedCheck) -> Sequence[Alert]:
                    with stages.timed("reconcile"):
                        return apply_version(tx, extracted, recorded.version, finished)

        record = replace(fetched, outcome="new_version", snapshot=snapshot, timeline=timeline)
        return await self._commit(record, alerts, work=work)

    async def _reverted(self, page: PageRead, number: int) -> bool:
        """Whether the page is back to one of its last `revert_window` versions (text and title): stored,
        logged as `content_reverted`, and not alerted."""
        window = self.rules.revert_window
        if window <= 0:
            return False
        recent = await asyncio.to_thread(self.store.recent_versions, self.source.id, window)
        title = " ".join((page.document.title or "").split())
        if not any(h == page.content_hash and " ".join((t or "").split()) == title for h, t in recent):
            return False
        source = self.source
        log.info("content reverted: %s version %d is an earlier version again", source.url, number,
                 extra={"event": "content_reverted", "story": source.story_id, "url": source.url,
                        "version": number, "revert_window": window})
        return True

    async def check_feed(self, result: FetchResult) -> CheckOutcome:
        """A fetched feed: parse, store the entries, publish the relevant ones, follow their articles."""
        from monitor.extract.feeds import ParsedFeed, parse_feed
        from monitor.run.story import apply_feed

        source, rules = self.source, self.rules
        if result.not_modified:
            record = self._not_modified(result)
            if not source.follow:
                return await self._commit(record, [])
            # Nothing new to read, but articles over the last check's cap are followed now.
            unchanged = ParsedFeed(title=None, entries=(), error=None)
            finished = record.finished_at
            return await self._commit(
                record, [], work=lambda tx, _rec: apply_feed(tx, source, unchanged, rules, finished).alerts)
        try:
            parsed = await _cpu_bound(partial(parse_feed, result.content, url=result.url,
                                              content_type=result.headers.get("content-type")))
        except InputError as exc:  # HTML, empty, or no RSS/Atom at all: this feed's error, not a crash
            detail = str(exc).split(": ", 1)[-1] if ": " in str(exc) else str(exc)
            return await self._fail(f"not_a_feed: {detail}", status=result.status)
        except Exception as exc:  # a parser bug on one hostile feed must not take the service down
            log.exception("feed parsing failed: %s", source.url,
                          extra={"event": "check_error", "story": source.story_id, "url": source.url})
            return await self._fail(f"parse_error: {type(exc).__name__}", status=result.status)
        return await self._store_feed(result, parsed)

    async def _store_feed(self, result: FetchResult, parsed: ParsedFeed) -> CheckOutcome:
        from monitor.run.story import apply_feed, count_changes

        source = self.source
        hashes = stages.timed_call("database", self.store.feed_entry_hashes)
        known = await asyncio.to_thread(hashes, source.id)
        new, revised = count_changes(parsed.entries, known)
        if parsed.error:
            log.warning("malformed feed %s: %s (%d entries read)", source.url, parsed.error,
                        len(parsed.entries),
                        extra={"event": "feed_malformed", "story": source.story_id, "url": source.url})
        if parsed.refused:
            log.warning("feed %s: %d links refused: %s", source.url, len(parsed.refused), parsed.refused[0],
                        extra={"event": "feed_links_refused", "story": source.story_id, "url": source.url})
        record = replace(self._fetched(result), outcome="new_version" if new or revised else "unchanged",
                         warning=_feed_warning(parsed))
        effects: list[FeedEffects] = []

        def work(tx: StoreTransaction, _recorded: RecordedCheck) -> Sequence[Alert]:
            done = apply_feed(tx, source, parsed, self.rules, record.finished_at)
            effects.append(done)
            return done.alerts

        outcome = await self._commit(record, [], work=work)
        if effects:
            _log_feed(source, len(parsed.entries), effects[0])
        return outcome

    # ------------------------------------------------------------------------------------------ records

    def _start(self) -> CheckRecord:
        """The check's record as a failure; every path replaces what it learned."""
        source = self.source
        return CheckRecord(
            source_id=source.id, owner=self.owner or source.lease_owner or "", started_at=self.now,
            finished_at=self.now, outcome="failed",
            next_due_at=next_due(self.now, source.every_seconds, self.settings.jitter, self.rng),
            error_streak=0, check_log_keep=self.settings.check_log_keep,
        )

    def _base(self) -> CheckRecord:
        """The record begun by `run`, finished now."""
        assert self.base is not None, "Check.run() starts every check"
        return replace(self.base, finished_at=self._finished())

    def _fetched(self, result: FetchResult) -> CheckRecord:
        """A response was read: its status and validators are kept."""
        return replace(self._base(), status=result.status, elapsed=result.elapsed, update_validators=True,
                       etag=result.etag, last_modified=result.last_modified)

    def _not_modified(self, result: FetchResult) -> CheckRecord:
        """A 304: nothing read; keep the validators the server did not repeat."""
        return replace(self._fetched(result), outcome="not_modified",
                       etag=result.etag or self.source.etag,
                       last_modified=result.last_modified or self.source.last_modified)

    async def _fail(
        self, reason: str, *, status: int | None = None, permanent: bool = False,
        retry_after: float | None = None,
    ) -> CheckOutcome:
        source = self.source
        record = replace(
            self._base(), status=status, reason=reason, elapsed=time.monotonic() - self.clock,
            error_streak=source.error_streak + 1,
            disable_reason=f"{GONE_PREFIX}{reason}" if permanent else None,
            next_due_at=next_due(self.now, source.every_seconds, self.settings.jitter, self.rng, retry_after),
        )
        alerts = health_alerts(source, failed=True, failing_after=self.settings.failing_after, reason=reason,
                               permanent=permanent)
        unpublished = status in UNPUBLISHED_STATUSES or reason.startswith(REDIRECTED_TO_FRONT)
        if unpublished and source.kind == "page" and was_unpublished(source) is None:
            head = await asyncio.to_thread(self.store.latest_version, source.id)
            if head is not None:
                from monitor.publish.alerts import source_unpublished_alert

                alerts.insert(0, source_unpublished_alert(source.story_id, source.url, head[0], reason))
        return await self._commit(record, alerts)

    async def _commit(
        self, record: CheckRecord, alerts: Sequence[Alert], *, work: Work | None = None,
        quiet_ok: bool = False,
    ) -> CheckOutcome:
        """Write the check (and `work`, under the story's lock) in one transaction, then emit its alerts;
        or hand a quiet page check to `record_later`."""
        source = self.source
        if record.outcome != "failed":
            recovered = health_alerts(source, failed=False, failing_after=self.settings.failing_after)
            alerts = [*recovered, *alerts]
        if quiet_ok and self.record_later is not None and work is None and not alerts and record.quiet:
            outcome = _outcome(source, record, RecordedCheck(record.outcome, record.version), ())
            self.record_later(record, outcome)
            _log_finished(outcome)
            return outcome
        from monitor.publish.alerts import emit

        story = source.story_id if work is not None else None
        rules, raised = self.rules, list(alerts)

        def and_log(tx: StoreTransaction, recorded: RecordedCheck) -> Sequence[Alert]:
            # Every alert is logged (and its notifications queued) in the check's transaction: a crash loses
            # none, and none is logged for a check that was not written.
            more = list(work(tx, recorded)) if work is not None else []
            tx.log_alerts([_new_alert(a, rules) for a in (*raised, *more)], record.finished_at)
            return more

        commit = stages.timed_call("database", self.store.commit)
        recorded, more = await asyncio.to_thread(commit, record, and_log, story=story)
        alerts = [*alerts, *(more or ())]
        for alert in alerts:
            emit(alert)
        outcome = _outcome(source, record, recorded, tuple(alerts))
        _log_finished(outcome)
        return outcome

    def _finished(self) -> dt.datetime:
        return self.now + dt.timedelta(seconds=time.monotonic() - self.clock)


def _new_alert(alert: Alert, rules: StoryRules) -> NewAlert:
    return NewAlert(alert.story, alert.event, alert.url, alert.message, alert.fields,
                    rules.targets_of(alert.story, alert.event))


def _feed_warning(parsed: ParsedFeed) -> str | None:
    """What the feed's check record keeps (and `monitor sources` shows) of a feed read with problems."""
    parts = [f"malformed_feed: {parsed.error}"] if parsed.error else []
    if parsed.refused:
        parts.append(f"refused_links: {'; '.join(parsed.refused)}")
    return "; ".join(parts) or None


def _log_feed(source: SourceRef, entries: int, done: FeedEffects) -> None:
    log.info("feed %s: %d entries, %d new, %d revised, %d relevant, %d followed%s", source.url,
             entries, done.new, done.revised, done.relevant, len(done.followed),
             f", {done.deferred} deferred" if done.deferred else "",
             extra={"event": "feed_checked", "story": source.story_id, "url": source.url,
                    "entries": entries, "new": done.new, "revised": done.revised,
                    "relevant": done.relevant, "followed": len(done.followed), "deferred": done.deferred})


def _outcome(
    source: SourceRef, record: CheckRecord, recorded: RecordedCheck, alerts: tuple[Alert, ...]
) -> CheckOutcome:
    return CheckOutcome(
        source_id=source.id, story=source.story_id, url=source.url, outcome=recorded.outcome,
        version=recorded.version, status=record.status, reason=record.reason, elapsed=record.elapsed or 0.0,
        next_due_at=record.next_due_at, disabled=record.disable_reason is not None, alerts=alerts,
    )


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
