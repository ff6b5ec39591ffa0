"""Runs checks for one process: never two of one source at once, quiet results written in batches, and
nothing a single check does (crash, lost lease, database error) stops the others.

Shared by the service (monitor.run.service) and the one-shot cycle (monitor.run.cycle).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

import monitor.stages as stages
from monitor.config import Config
from monitor.errors import StoreError
from monitor.run.check import Check, CheckOutcome, OnNewVersion, next_due
from monitor.run.leases import Leases
from monitor.run.story import StoryRules
from monitor.store.records import CheckRecord, LeaseLostError, SourceRef

if TYPE_CHECKING:
    from monitor.fetch.client import Fetcher, FetchSettings
    from monitor.run.notifier import Outbox
    from monitor.store.repo import Store

log = logging.getLogger(__name__)

# Checks that changed nothing are written in batches of up to BATCH_SIZE, at least every BATCH_SECONDS.
BATCH_SIZE = 200
BATCH_SECONDS = 0.25


@dataclass(frozen=True)
class RunSummary:
    """What a run or a cycle did, by outcome."""

    outcomes: tuple[CheckOutcome, ...] = ()
    errors: int = 0  # checks that ended in an unexpected error (logged with a traceback)
    skipped: int = 0  # sources another process held a lease on
    counts: dict[str, int] = field(default_factory=dict)
    # Seconds by pipeline stage (monitor.stages) and CPU seconds, summed over the cycle's processes.
    stages: dict[str, stages.StageTime] = field(default_factory=dict)
    cpu: float = 0.0

    @property
    def checked(self) -> int:
        return len(self.outcomes)

    @property
    def failed(self) -> int:
        return self.counts.get("failed", 0)

    def line(self) -> str:
        """One line for the log: `3 sources checked: 1 new version, 1 unchanged, 0 not modified, 1 failed`."""
        c = self.counts
        text = (f"{self.checked} sources checked: {c.get('new_version', 0)} new versions, "
                f"{c.get('unchanged', 0)} unchanged, {c.get('not_modified', 0)} not modified, "
                f"{c.get('failed', 0)} failed")
        if self.errors:
            text += f", {self.errors} errors"
        if self.skipped:
            text += f", {self.skipped} skipped (checked by another process)"
        return text


# The order `stage_table` lists stages in: the order a new page goes through them.
STAGE_ORDER = ("sync", "fetch", "text", "timex", "items", "reconcile", "database")


def stage_table(summary: RunSummary, wall: float) -> list[str]:
    """Lines of `monitor check --timings`: each stage's calls, summed wall and CPU seconds, then the CPU not
    in any stage (the event loop: HTTP, scheduling, logging; start-up) and the total against the wall time.

    A request's wall time is its time in flight: several overlap, so the fetch line's sum exceeds the cycle.
    """
    lines = [f"{'stage':<10} {'calls':>7} {'wall s':>9} {'CPU s':>9}"]
    names = [n for n in STAGE_ORDER if n in summary.stages]
    names += sorted(n for n in summary.stages if n not in STAGE_ORDER)
    staged = 0.0
    for name in names:
        t = summary.stages[name]
        staged += t.cpu or 0.0
        cpu = f"{t.cpu:9.2f}" if t.cpu is not None else f"{'-':>9}"
        lines.append(f"{name:<10} {t.calls:>7} {t.wall:>9.2f} {cpu}")
    lines.append(f"{'other':<10} {'':>7} {'':>9} {max(0.0, summary.cpu - staged):>9.2f}"
                 "  (event loop: HTTP, scheduling, logging; start-up)")
    lines.append(f"{'all':<10} {'':>7} {wall:>9.2f} {summary.cpu:>9.2f}  (wall of the cycle; CPU of all "
                 "its processes)")
    return lines


def summarise(outcomes: Iterable[CheckOutcome], errors: int = 0, skipped: int = 0) -> RunSummary:
    """Count outcomes by kind."""
    outcomes = tuple(outcomes)
    return RunSummary(outcomes, errors, skipped, dict(Counter(o.outcome for o in outcomes)))


def fetch_settings(config: Config) -> FetchSettings:
    """The fetcher's settings from the config's `network` section, with the sources' and feeds' `auth`."""
    from monitor.fetch.model import DEFAULT_USER_AGENT, FetchSettings

    net = config.network
    return FetchSettings(
        timeout=net.timeout, max_bytes=net.max_bytes, max_redirects=net.max_redirects,
        max_attempts=net.max_attempts, max_connections=net.max_connections, max_per_host=net.max_per_host,
        user_agent=net.user_agent or DEFAULT_USER_AGENT, allow_private_addresses=net.allow_private_addresses,
        credentials=config.credentials(),
    )


def outbox_for(config: Config, store: Store) -> Outbox | None:
    """The notifier of a service or cycle, made before it starts (an Apprise URL that is not one fails
    then); None without `notify` or `atom_dir`, and Apprise is then never imported."""
    if not (config.notify_targets() or config.atom_dir):
        return None
    from monitor.run.notifier import Outbox

    return Outbox(config, store)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class QuietRecorder:
    """Writes the checks that changed nothing (not modified or unchanged, no alert: `CheckRecord.quiet`) in
    batches, one transaction per `size` records or `interval` seconds, and what is left on `close`.

    Most checks of a poll cycle change nothing; one write transaction each made them cost more than the fetch.
    Crash safety: records still waiting when the process dies are lost, and that is all that is lost: no
    version, timeline item or alert hangs on them. Their sources keep the lease until it expires
    (schedule.lease) and are then simply checked again. New versions, failures and feed changes are still
    written one transaction each, before their alerts.

    `on_written` is told the records of every batch written (their leases released with them).
    """

    def __init__(
        self, store: Store, *,
        on_lost: Callable[[CheckOutcome, LeaseLostError], None],
        on_failed: Callable[[list[tuple[CheckRecord, CheckOutcome]], Exception], None],
        on_written: Callable[[Sequence[CheckRecord]], None] | None = None,
        size: int = BATCH_SIZE, interval: float = BATCH_SECONDS,
    ) -> None:
        self.store = store
        self.on_lost = on_lost
        self.on_failed = on_failed
        self.on_written = on_written
        self.size = size
        self.interval = interval
        self._pending: list[tuple[CheckRecord, CheckOutcome]] = []
        self._any = asyncio.Event()
        self._full = asyncio.Event()
        self._closing = False
        self._task: asyncio.Task[None] | None = None

    def add(self, record: CheckRecord, outcome: CheckOutcome) -> None:
        """Queue a quiet check's record (pipeline.RecordLater)."""
        self._pending.append((record, outcome))
        self._any.set()
        if len(self._pending) >= self.size:
            self._full.set()
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="quiet check recorder")

    async def close(self) -> None:
        """Write what is pending and stop."""
        self._closing = True
        self._any.set()
        self._full.set()
        if self._task is not None:
            await self._task

    async def _run(self) -> None:
        while True:
            await self._any.wait()
            if not self._closing and len(self._pending) < self.size:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._full.wait(), self.interval)
            batch, self._pending = self._pending, []
            self._any.clear()
            self._full.clear()
            if batch:
                await self._write(batch)
            if self._closing and not self._pending:
                return

    async def _write(self, batch: list[tuple[CheckRecord, CheckOutcome]]) -> None:
        try:
            # On the loop's thread, not in asyncio.to_thread: a batch is a few milliseconds of SQLAlchemy's
            # Python, and a worker thread running it fights the loop for the GIL; measured on a 2,000-page
            # cycle of 304s, that cost ~0.2 s of CPU more than it saved (see also _work_cycle's claims).
            with stages.timed("database"):
                results = self.store.record_quiet([record for record, _ in batch])
        except Exception as exc:
            self.on_failed(batch, exc)
            return
        if self.on_written is not None:
            self.on_written([record for record, _ in batch])
        for (_, outcome), result in zip(batch, results, strict=True):
            if isinstance(result, LeaseLostError):
                self.on_lost(outcome, result)


class Checker:
    """Runs checks for one owner, never two of one source at once, and survives any check failing.

    Its `leases` (monitor.run.leases) claim the sources, renew them by a heartbeat while their checks run
    (started with the first check, stopped by `close`), and release them however a check ends: its own
    transaction, a batch of quiet checks, or, after a failed write, a release retried with backoff.
    """

    def __init__(
        self, config: Config, store: Store, fetcher: Fetcher, owner: str, *,
        rng: random.Random | None = None, on_new_version: OnNewVersion | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.owner = owner
        self.rng = rng or random.Random()
        self.on_new_version = on_new_version
        self.rules = StoryRules.from_config(config)
        self.in_flight: dict[int, asyncio.Task[CheckOutcome | None]] = {}
        self.outcomes: list[CheckOutcome] = []
        self.errors = 0
        self.leases = Leases(store, owner, config.schedule)
        self.recorder = QuietRecorder(store, on_lost=self._lost, on_failed=self._not_recorded,
                                      on_written=self._written)
        self._deferred: set[int] = set()  # sources whose quiet record waits in the recorder
        self._heartbeat: asyncio.Task[None] | None = None
        self._releasing: set[asyncio.Task[bool]] = set()

    def claim(
        self, now: dt.datetime, limit: int | None = None, *, story: str | None = None,
        due_by: dt.datetime | None = None,
    ) -> list[SourceRef]:
        """Lease due sources to this checker (see `Leases.claim`)."""
        with stages.timed("database"):
            return self.leases.claim(now, limit, story=story, due_by=due_by)

    def start(self, source: SourceRef) -> asyncio.Task[CheckOutcome | None] | None:
        running = self.in_flight.get(source.id)
        if running is not None and not running.done():
            # Claimed again while its check runs here (its lease ran out: the heartbeat could not reach the
            # database). The lease just claimed is the running check's: it is renewed with it and released
            # when it ends, so nothing is left held once it does; another process must not have it now.
            log.warning("source %s already being checked here; skipped", source.url,
                        extra={"event": "check_skipped", "story": source.story_id, "url": source.url})
            return None
        task = asyncio.create_task(self.check(source), name=f"check {source.id} {source.url}")
        self.in_flight[source.id] = task
        task.add_done_callback(partial(self._done, source.id))
        return task

    def _done(self, source_id: int, task: asyncio.Task[CheckOutcome | None]) -> None:
        if self.in_flight.get(source_id) is task:  # not a later check of the same source
            del self.in_flight[source_id]

    async def check(self, source: SourceRef) -> CheckOutcome | None:
        """Check a source this checker claimed, then see its lease released (or its quiet record queued)."""
        context = {"story": source.story_id, "url": source.url}
        if self._heartbeat is None:
            self._heartbeat = asyncio.create_task(self.leases.heartbeat(), name="lease heartbeat")
        try:
            check = Check(self.store, self.fetcher, source, self.config.schedule, utcnow(), self.rules,
                          rng=self.rng, owner=self.owner, on_new_version=self.on_new_version,
                          record_later=self._record_later)
            outcome = await check.run()
        except LeaseLostError as exc:
            self.leases.forget(source.id)
            log.warning("check discarded: %s", exc, extra={"event": "lease_lost", **context})
            return None
        except StoreError as exc:
            self.errors += 1
            log.error("check not recorded: %s: %s", source.url, exc,
                      extra={"event": "check_error", **context})
            await self._release_after_error(source)
            return None
        except Exception:
            self.errors += 1
            log.exception("check crashed: %s", source.url, extra={"event": "check_error", **context})
            await self._release_after_error(source)
            return None
        if source.id not in self._deferred:
            self.leases.forget(source.id)  # released by the check's own transaction
        # Kept without its alerts, which are logged already: a cold cycle of 2,000 pages raises tens of
        # thousands (an event_added per timeline item), and keeping them all only grew the process.
        self.outcomes.append(replace(outcome, alerts=()))
        return outcome

    async def close(self) -> None:
        """Write the quiet checks still waiting (see _QuietRecorder) and stop the heartbeat; call after the
        last check ended."""
        try:
            await self.recorder.close()
            await asyncio.gather(*self._releasing, return_exceptions=True)
            if self.leases.held:  # none should be left; if one is, this process will not check it now
                await self.leases.release_all()
        finally:
            if self._heartbeat is not None:
                self._heartbeat.cancel()
                await asyncio.gather(self._heartbeat, return_exceptions=True)
                self._heartbeat = None

    def _record_later(self, record: CheckRecord, outcome: CheckOutcome) -> None:
        self._deferred.add(record.source_id)
        self.recorder.add(record, outcome)

    def _written(self, records: Sequence[CheckRecord]) -> None:
        for record in records:
            self._deferred.discard(record.source_id)
            self.leases.forget(record.source_id)

    def _lost(self, outcome: CheckOutcome, exc: LeaseLostError) -> None:
        log.warning("check discarded: %s", exc,
                    extra={"event": "lease_lost", "story": outcome.story, "url": outcome.url})
        self._forget(outcome)

    def _not_recorded(self, batch: list[tuple[CheckRecord, CheckOutcome]], exc: Exception) -> None:
        # Their leases are released (retried with backoff; the database may be back in a moment), each at its
        # next due time: a source whose write fails every time must not be retried in a tight loop.
        for record, outcome in batch:
            self.errors += 1
            log.error("check not recorded: %s: %s", outcome.url, exc,
                      extra={"event": "check_error", "story": outcome.story, "url": outcome.url})
            self._forget(outcome)
            self._deferred.discard(record.source_id)
            task = asyncio.create_task(self.leases.release(record.source_id, record.next_due_at))
            self._releasing.add(task)
            task.add_done_callback(self._releasing.discard)

    def _forget(self, outcome: CheckOutcome) -> None:
        with contextlib.suppress(ValueError):
            self.outcomes.remove(outcome)

    async def _release_after_error(self, source: SourceRef) -> None:
        # Reschedule as usual: a source that crashes every check must not be retried in a tight loop. The
        # release is retried with backoff; when it still fails the lease expires (no longer renewed).
        due = next_due(utcnow(), source.every_seconds, self.config.schedule.jitter, self.rng)
        await self.leases.release(source.id, due)

    async def drain(self, grace: float) -> None:
        """Give in-flight checks `grace` seconds, cancel the rest and release their leases."""
        tasks = list(self.in_flight.items())
        if not tasks:
            return
        done, pending = await asyncio.wait([t for _, t in tasks], timeout=grace)
        if not pending:
            return
        cancelled = [sid for sid, t in tasks if t in pending]
        log.info("stopping: cancelling %d unfinished checks", len(pending),
                 extra={"event": "service_stopping"})
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        # next_due_at unchanged: the source is due again as soon as any process runs. One attempt each: the
        # process is stopping, and a lease not released expires within `schedule.lease`.
        await asyncio.gather(*(self.leases.release(source_id, attempts=1) for source_id in cancelled))


def log_sync(summary: object) -> None:
    """Log what a config sync added, updated, reactivated or deactivated."""
    for name in ("added", "updated", "reactivated", "deactivated"):
        for label in getattr(summary, name, ()):
            log.info("source %s: %s", name, label, extra={"event": f"source_{name}"})
