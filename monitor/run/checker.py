"""Runs checks for one process: never two of one source at once, quiet results written in batches, and
nothing a single check does (crash, lost lease, database error) stops the others.

Shared by the service (monitor.run.service) and the one-shot cycle (monitor.run.cycle).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import random
import socket
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

from monitor.config import Config
from monitor.errors import StoreError
from monitor.run.check import Check, CheckOutcome, OnNewVersion, next_due
from monitor.run.story import StoryRules
from monitor.store.records import CheckRecord, LeaseLostError, SourceRef

if TYPE_CHECKING:
    from monitor.fetch.client import Fetcher, FetchSettings
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


def summarise(outcomes: Iterable[CheckOutcome], errors: int = 0, skipped: int = 0) -> RunSummary:
    """Count outcomes by kind."""
    outcomes = tuple(outcomes)
    return RunSummary(outcomes, errors, skipped, dict(Counter(o.outcome for o in outcomes)))


def make_owner() -> str:
    """A lease owner name unique to this process: host, pid and a random tag."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


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
    """

    def __init__(
        self, store: Store, *,
        on_lost: Callable[[CheckOutcome, LeaseLostError], None],
        on_failed: Callable[[list[tuple[CheckRecord, CheckOutcome]], Exception], None],
        size: int = BATCH_SIZE, interval: float = BATCH_SECONDS,
    ) -> None:
        self.store = store
        self.on_lost = on_lost
        self.on_failed = on_failed
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
            results = self.store.record_quiet([record for record, _ in batch])
        except Exception as exc:
            self.on_failed(batch, exc)
            return
        for (_, outcome), result in zip(batch, results, strict=True):
            if isinstance(result, LeaseLostError):
                self.on_lost(outcome, result)


class Checker:
    """Runs checks for one owner, never two of one source at once, and survives any check failing."""

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
        self.recorder = QuietRecorder(store, on_lost=self._lost, on_failed=self._not_recorded)

    def start(self, source: SourceRef) -> asyncio.Task[CheckOutcome | None] | None:
        if source.id in self.in_flight:
            # Cannot happen while the lease works; if it does, the running check keeps the source.
            log.warning("source %s already being checked here; skipped", source.url,
                        extra={"event": "check_skipped", "story": source.story_id, "url": source.url})
            return None
        task = asyncio.create_task(self.check(source), name=f"check {source.id} {source.url}")
        self.in_flight[source.id] = task
        task.add_done_callback(partial(self._done, source.id))
        return task

    def _done(self, source_id: int, _task: asyncio.Task[CheckOutcome | None]) -> None:
        self.in_flight.pop(source_id, None)

    async def check(self, source: SourceRef) -> CheckOutcome | None:
        context = {"story": source.story_id, "url": source.url}
        try:
            check = Check(self.store, self.fetcher, source, self.config.schedule, utcnow(), self.rules,
                          rng=self.rng, owner=self.owner, on_new_version=self.on_new_version,
                          record_later=self.recorder.add)
            outcome = await check.run()
        except LeaseLostError as exc:
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
        # Kept without its alerts, which are logged already: a cold cycle of 2,000 pages raises tens of
        # thousands (an event_added per timeline item), and keeping them all only grew the process.
        self.outcomes.append(replace(outcome, alerts=()))
        return outcome

    async def close(self) -> None:
        """Write the quiet checks still waiting (see _QuietRecorder); call after the last check ended."""
        await self.recorder.close()

    def _lost(self, outcome: CheckOutcome, exc: LeaseLostError) -> None:
        log.warning("check discarded: %s", exc,
                    extra={"event": "lease_lost", "story": outcome.story, "url": outcome.url})
        self._forget(outcome)

    def _not_recorded(self, batch: list[tuple[CheckRecord, CheckOutcome]], exc: Exception) -> None:
        # Their leases stay until they expire (releasing would fail like the write did); checked again then.
        for _, outcome in batch:
            self.errors += 1
            log.error("check not recorded: %s: %s", outcome.url, exc,
                      extra={"event": "check_error", "story": outcome.story, "url": outcome.url})
            self._forget(outcome)

    def _forget(self, outcome: CheckOutcome) -> None:
        with contextlib.suppress(ValueError):
            self.outcomes.remove(outcome)

    async def _release_after_error(self, source: SourceRef) -> None:
        # Reschedule as usual: a source that crashes every check must not be retried in a tight loop.
        due = next_due(utcnow(), source.every_seconds, self.config.schedule.jitter, self.rng)
        try:
            await asyncio.to_thread(self.store.release, source.id, self.owner, due)
        except Exception as exc:  # the lease then simply expires
            log.error("could not release %s: %s", source.url, exc,
                      extra={"event": "check_error", "story": source.story_id, "url": source.url})

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
        for source_id in cancelled:
            try:
                # next_due_at unchanged: the source is due again as soon as any process runs.
                await asyncio.to_thread(self.store.release, source_id, self.owner)
            except Exception as exc:
                log.error("could not release source %s: %s (its lease will expire)", source_id, exc,
                          extra={"event": "release_error", "source_id": source_id})


def log_sync(summary: object) -> None:
    """Log what a config sync added, updated, reactivated or deactivated."""
    for name in ("added", "updated", "reactivated", "deactivated"):
        for label in getattr(summary, name, ()):
            log.info("source %s: %s", name, label, extra={"event": f"source_{name}"})
