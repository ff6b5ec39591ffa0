"""The scheduler: APScheduler drives each process, the database holds the schedule's truth.

Every `TICK_SECONDS` a job claims the sources that are due (as many as there are free slots), leasing them
in the database so that no other process, sharing the same PostgreSQL, checks them at the same time, and
starts one asyncio task per check. A finished check records its next due time,
now + every * (1 + uniform(0, jitter)), and releases its lease in the same transaction.

    asyncio.run(run_service(config, store))          # `monitor run`: until SIGINT / SIGTERM
    summary = asyncio.run(run_once(config, store))   # `monitor check`: every source once, now

Stopping: no more claims, in-flight checks get `GRACE_SECONDS` to finish, the rest are cancelled (a
cancelled check has written nothing) and their leases released, so the next start checks them at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import pickle
import random
import signal
import socket
import sys
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from monitor.config import Config
from monitor.errors import StoreError
from monitor.run.check import CheckOutcome, OnNewVersion, check_source, next_due
from monitor.run.process import limit_malloc_arenas, settle
from monitor.store.records import CheckRecord, LeaseLostError, SourceRef
from monitor.run.story import StoryRules

if TYPE_CHECKING:
    from monitor.fetch.client import Fetcher, FetchSettings
    from monitor.store.repo import Store

log = logging.getLogger(__name__)

TICK_SECONDS = 1.0
GRACE_SECONDS = 2.5
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
    """The fetcher's settings from the config's `network` section."""
    from monitor.fetch.client import DEFAULT_USER_AGENT, FetchSettings

    net = config.network
    return FetchSettings(
        timeout=net.timeout, max_bytes=net.max_bytes, max_redirects=net.max_redirects,
        max_attempts=net.max_attempts, max_connections=net.max_connections, max_per_host=net.max_per_host,
        user_agent=net.user_agent or DEFAULT_USER_AGENT, allow_private_addresses=net.allow_private_addresses,
    )


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class _QuietRecorder:
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


class _Checker:
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
        self.recorder = _QuietRecorder(store, on_lost=self._lost, on_failed=self._not_recorded)

    def start(self, source: SourceRef) -> asyncio.Task[CheckOutcome | None] | None:
        if source.id in self.in_flight:
            # Cannot happen while the lease works; if it does, the running check keeps the source.
            log.warning("source %s already being checked here; skipped", source.url,
                        extra={"event": "check_skipped", "story": source.story_id, "url": source.url})
            return None
        task = asyncio.create_task(self.check(source), name=f"check {source.id} {source.url}")
        self.in_flight[source.id] = task
        task.add_done_callback(lambda _t, sid=source.id: self.in_flight.pop(sid, None))
        return task

    async def check(self, source: SourceRef) -> CheckOutcome | None:
        context = {"story": source.story_id, "url": source.url}
        try:
            outcome = await check_source(self.store, self.fetcher, source, self.config.schedule, utcnow(),
                                         owner=self.owner, rng=self.rng, on_new_version=self.on_new_version,
                                         rules=self.rules, record_later=self.recorder.add)
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


async def run_service(
    config: Config,
    store: Store,
    *,
    owner: str | None = None,
    stop_event: asyncio.Event | None = None,
    install_signals: bool = True,
    tick_seconds: float = TICK_SECONDS,
    grace_seconds: float = GRACE_SECONDS,
    on_new_version: OnNewVersion | None = None,
) -> RunSummary:
    """Check every source and feed on its schedule until SIGINT/SIGTERM (or `stop_event`), then stop cleanly.

    Every new page version is extracted and reconciled into its story's timeline, every feed's relevant
    entries become publications and (with `follow`) sources (monitor.run.story); `on_new_version` replaces the
    page stages (tests). Returns the summary of every check this process ran. Checks that fail are logged,
    never raised; a bad `extraction` section raises ConfigError before anything runs.
    """
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from monitor.fetch.client import Fetcher

    StoryRules.from_config(config)  # a bad extraction section fails now, not in every check
    limit_malloc_arenas()
    settle()
    loop = asyncio.get_running_loop()
    stop = stop_event or asyncio.Event()
    owner = owner or make_owner()
    signals = _install_signal_handlers(loop, stop) if install_signals else []
    try:
        synced = await asyncio.to_thread(store.sync_config, config, utcnow())
        _log_sync(synced)
        log.info("service started as %s", owner, extra={"event": "service_started", "owner": owner})
        async with Fetcher(fetch_settings(config)) as fetcher:
            checker = _Checker(config, store, fetcher, owner, on_new_version=on_new_version)
            ticker = _Ticker(checker, config)
            scheduler = AsyncIOScheduler(event_loop=loop, timezone=dt.UTC)
            scheduler.add_job(ticker.tick, "interval", seconds=tick_seconds, id="tick", max_instances=1,
                              coalesce=True, next_run_time=utcnow())
            scheduler.start()
            try:
                await stop.wait()
            finally:
                ticker.stopping = True
                scheduler.shutdown(wait=False)
                await ticker.settle()
                await checker.drain(grace_seconds)
                await checker.close()
        summary = summarise(checker.outcomes, checker.errors)
        log.info("service stopped: %s", summary.line(), extra={"event": "service_stopped"})
        return summary
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)


class _Ticker:
    """The APScheduler job: claim what is due, bounded by free slots, and start the checks."""

    def __init__(self, checker: _Checker, config: Config) -> None:
        self.checker = checker
        self.config = config
        self.stopping = False
        self._claiming: asyncio.Task[None] | None = None

    async def tick(self) -> None:
        if self.stopping or (self._claiming is not None and not self._claiming.done()):
            return
        self._claiming = asyncio.ensure_future(self._claim_and_start())
        # Shielded: shutting the scheduler down cancels this job, but a claim the database granted must
        # still be started or released, never dropped with its leases held.
        await asyncio.shield(self._claiming)

    async def settle(self) -> None:
        """Wait for a claim in progress to finish (it releases what it claimed once stopping)."""
        if self._claiming is not None:
            await asyncio.gather(self._claiming, return_exceptions=True)

    async def _claim_and_start(self) -> None:
        checker = self.checker
        free = self.config.schedule.concurrency - len(checker.in_flight)
        if free <= 0:
            return
        try:
            sources = await asyncio.to_thread(checker.store.claim_due, checker.owner, utcnow(),
                                              self.config.schedule.lease, free)
        except Exception as exc:  # the database is down: try again next tick
            log.error("could not claim due sources: %s", exc, extra={"event": "claim_error"})
            return
        for source in sources:
            if not self.stopping:
                checker.start(source)
                continue
            try:  # claimed as the service stopped: hand it back now rather than when the lease expires
                await asyncio.to_thread(checker.store.release, source.id, checker.owner)
            except Exception as exc:
                log.error("could not release %s: %s (its lease will expire)", source.url, exc,
                          extra={"event": "release_error", "story": source.story_id, "url": source.url})


async def run_once(
    config: Config,
    store: Store,
    story: str | None = None,
    *,
    owner: str | None = None,
    on_new_version: OnNewVersion | None = None,
) -> RunSummary:
    """Check every active source and feed (of one story) once, now; `monitor check` in one process.

    Sources a running service holds a lease on are skipped. Failures are logged and counted, never raised
    (a ConfigError for an unknown story is).
    """
    _validate_cycle(config, story)
    started = utcnow()
    wanted = await asyncio.to_thread(_prepare_cycle, config, store, story, started)
    share = await _work_cycle(config, store, story, started, owner or make_owner(), on_new_version)
    return _finish_cycle(wanted, [share])


def run_cycle(
    config: Config,
    store: Store,
    story: str | None = None,
    *,
    workers: int = 1,
    on_new_version: OnNewVersion | None = None,
) -> RunSummary:
    """`monitor check --workers N`: run_once shared by this process and N-1 forked ones (POSIX).

    The imports, the config sync and making every source due happen once, here; the engine's pool is then
    disposed, so that every process opens its own connections (and each its own HTTP client). Each process
    claims `CLAIM_CHUNK` due sources at a time until none are left, so the work spreads by how fast each goes.
    The children send their outcomes back through a pipe; one that dies is logged and counted as an error,
    and the sources it held come back when their leases expire (`schedule.lease`).
    """
    limit_malloc_arenas()
    if workers <= 1:
        settle()
        return asyncio.run(run_once(config, store, story, on_new_version=on_new_version))
    _validate_cycle(config, story)
    # What every check needs, imported before the fork so the children share it. Not the text stage
    # (monitor.track.snapshots, monitor.extract.text): an unchanged cycle never needs it, and it costs ~0.1 s to import.
    import monitor.publish.alerts  # noqa: F401
    import monitor.fetch.client  # noqa: F401

    started = utcnow()
    wanted = _prepare_cycle(config, store, story, started)
    store.engine.dispose()  # no connection may be shared across the fork
    settle()  # before the fork: the children's collections then leave start-up's shared pages alone
    children: list[tuple[int, int]] = []
    shares: list[_Share | None] = []
    try:
        for _ in range(workers - 1):
            children.append(_fork_worker(config, store, story, started, on_new_version))
        shares.append(asyncio.run(_work_cycle(config, store, story, started, make_owner(), on_new_version)))
    finally:
        shares.extend(_collect_worker(pid, fd) for pid, fd in children)
    return _finish_cycle(wanted, shares)


# Sources a process of `monitor check` claims at a time: small enough to spread the work over the processes,
# big enough that claiming (a write transaction) stays rare.
CLAIM_CHUNK = 50


@dataclass(frozen=True)
class _Share:
    """What one process of a cycle did."""

    outcomes: tuple[CheckOutcome, ...]
    errors: int
    claimed: int


def _validate_cycle(config: Config, story: str | None) -> None:
    if story is not None:
        config.story(story)  # ConfigError naming the known ids
    StoryRules.from_config(config)  # a bad extraction section fails now, not in every check


def _prepare_cycle(config: Config, store: Store, story: str | None, started: dt.datetime) -> int:
    """Sync the config and make every free source due at `started`; how many sources the cycle wants."""
    _log_sync(store.sync_config(config, started))
    store.make_due(started, story)
    return store.count_sources(story, active_only=True)


async def _work_cycle(
    config: Config, store: Store, story: str | None, started: dt.datetime, owner: str,
    on_new_version: OnNewVersion | None,
) -> _Share:
    """Claim due sources in chunks and check them, `schedule.concurrency` at once, until none are left.

    A checked source is rescheduled after `started`, so it is not claimed again in this cycle; articles a
    feed adds during the cycle are due after `started` too, and are fetched by the next one.
    """
    from monitor.fetch.client import Fetcher

    limit = config.schedule.concurrency
    claimed: list[SourceRef] = []
    async with Fetcher(fetch_settings(config)) as fetcher:
        checker = _Checker(config, store, fetcher, owner, on_new_version=on_new_version)
        slots = asyncio.Semaphore(limit)

        async def bounded(source: SourceRef) -> None:
            async with slots:
                await checker.check(source)

        tasks: set[asyncio.Task[None]] = set()
        everything: list[asyncio.Task[None]] = []
        try:
            while True:
                # On the loop's thread, as _QuietRecorder's writes: a claim is a few milliseconds of Python.
                chunk = store.claim_due(owner, utcnow(), config.schedule.lease, CLAIM_CHUNK, story=story,
                                        due_by=started)
                if not chunk:
                    break
                claimed.extend(chunk)
                for source in chunk:
                    task = asyncio.create_task(bounded(source))
                    tasks.add(task)
                    everything.append(task)
                # Claim the next chunk when the checks still queued would leave a slot idle soon.
                while len(tasks) > limit:
                    done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                    tasks -= done
            await asyncio.gather(*everything)
            await checker.close()
        except BaseException:
            for task in everything:
                task.cancel()
            await asyncio.gather(*everything, return_exceptions=True)
            await asyncio.gather(checker.close(), return_exceptions=True)
            await asyncio.gather(*(asyncio.to_thread(store.release, s.id, owner) for s in claimed),
                                 return_exceptions=True)
            raise
    return _Share(tuple(checker.outcomes), checker.errors, len(claimed))


def _finish_cycle(wanted: int, shares: list[_Share | None]) -> RunSummary:
    done = [s for s in shares if s is not None]
    outcomes = [o for s in done for o in s.outcomes]
    errors = sum(s.errors for s in done) + (len(shares) - len(done))
    claimed = sum(s.claimed for s in done)
    summary = summarise(outcomes, errors, skipped=0 if len(done) < len(shares) else max(0, wanted - claimed))
    log.info("check cycle: %s", summary.line(), extra={"event": "check_cycle", **summary.counts,
                                                       "checked": summary.checked})
    return summary


def _fork_worker(
    config: Config, store: Store, story: str | None, started: dt.datetime,
    on_new_version: OnNewVersion | None,
) -> tuple[int, int]:
    """Fork one worker of a cycle; (its pid, the read end of the pipe its pickled _Share comes back on)."""
    read_fd, write_fd = os.pipe()
    for stream in (sys.stdout, sys.stderr):  # or the child would write the parent's buffered output again
        stream.flush()
    pid = os.fork()
    if pid:
        os.close(write_fd)
        return pid, read_fd
    # The child: never return into the parent's code (os._exit), whatever happens.
    code = 1
    try:
        os.close(read_fd)
        store.engine.dispose(close=False)  # a fresh pool: connections are opened after the fork
        share = asyncio.run(_work_cycle(config, store, story, started, make_owner(), on_new_version))
        try:
            data = pickle.dumps(share)
        except Exception:  # an alert that does not pickle: the counts are what the parent needs
            data = pickle.dumps(replace(share, outcomes=tuple(replace(o, alerts=()) for o in share.outcomes)))
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(data)
        code = 0
    except BaseException:
        log.exception("check worker %d failed", os.getpid(), extra={"event": "check_error"})
    finally:
        logging.shutdown()  # flush the handlers: os._exit skips it
        os._exit(code)


def _collect_worker(pid: int, read_fd: int) -> _Share | None:
    """Wait for a worker and read its share; None (logged) when it died or sent nothing usable."""
    with os.fdopen(read_fd, "rb") as pipe:
        data = pipe.read()  # EOF when the child exits, however it exits
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    share: _Share | None = None
    if code == 0:
        with contextlib.suppress(Exception):
            share = pickle.loads(data)
    if share is None:
        log.error("check worker %d ended with exit code %d: the sources it held are checked again once their "
                  "leases expire", pid, code, extra={"event": "check_error"})
    return share


def _install_signal_handlers(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> list[signal.Signals]:
    if threading.current_thread() is not threading.main_thread():
        return []  # only the main thread receives signals (tests run the service elsewhere)
    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, _on_signal, stop, sig)
        except (NotImplementedError, RuntimeError):  # e.g. Windows: KeyboardInterrupt still stops asyncio.run
            continue
        installed.append(sig)
    return installed


def _on_signal(stop: asyncio.Event, sig: signal.Signals) -> None:
    log.info("received %s: stopping", sig.name, extra={"event": "service_stopping"})
    stop.set()


def _log_sync(summary: object) -> None:
    for name in ("added", "updated", "reactivated", "deactivated"):
        for label in getattr(summary, name, ()):
            log.info("source %s: %s", name, label, extra={"event": f"source_{name}"})
