"""The scheduler: APScheduler drives each process, the database holds the schedule's truth.

Every `TICK_SECONDS` a job claims the sources that are due (as many as there are free slots), leasing them
in the database so that no other process, sharing the same PostgreSQL, checks them at the same time, and
starts one asyncio task per check. A finished check records its next due time,
now + every * (1 + uniform(0, jitter)), and releases its lease in the same transaction.

    asyncio.run(run_service(config, store))          # `monitor run`: until SIGINT / SIGTERM

(`monitor check`, every source once and then exit, is monitor.run.cycle.)

Stopping: no more claims, in-flight checks get `GRACE_SECONDS` to finish, the rest are cancelled (a
cancelled check has written nothing) and their leases released, so the next start checks them at once.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import signal
import threading
from functools import partial
from typing import TYPE_CHECKING

from monitor.config import Config
from monitor.run.check import OnNewVersion
from monitor.run.checker import Checker, RunSummary, fetch_settings, log_sync, outbox_for, summarise, utcnow
from monitor.run.leases import make_owner
from monitor.run.maintenance import PRUNE_EVERY, prune, retention_rules
from monitor.run.process import favour_short_waits, limit_malloc_arenas, settle
from monitor.run.specs import config_specs
from monitor.run.story import StoryRules

if TYPE_CHECKING:
    from monitor.run.notifier import Outbox
    from monitor.store.repo import Store

log = logging.getLogger(__name__)

TICK_SECONDS = 1.0
GRACE_SECONDS = 2.5
NOTIFY_SECONDS = 1.0  # how often queued notifications are looked at


async def run_service(
    config: Config,
    store: Store,
    *,
    owner: str | None = None,
    stop_event: asyncio.Event | None = None,
    tick_seconds: float = TICK_SECONDS,
    grace_seconds: float = GRACE_SECONDS,
    on_new_version: OnNewVersion | None = None,
    notify_seconds: float = NOTIFY_SECONDS,
) -> RunSummary:
    """Check every source and feed on its schedule until SIGINT/SIGTERM (or `stop_event`), then stop cleanly.

    Every new page version is extracted and reconciled into its story's timeline, every feed's relevant
    entries become publications and (with `follow`) sources (monitor.run.story); `on_new_version` replaces the
    page stages (tests). With `notify` or `atom_dir` in the config, a second job delivers the queued alerts
    and rewrites the feed files every `notify_seconds` (monitor.run.notifier). Returns the summary of every
    check this process ran. Checks that fail are logged, never raised; a bad `extraction` section (or notify
    URL) raises ConfigError before anything runs.
    """
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from monitor.fetch.client import Fetcher

    StoryRules.from_config(config)  # a bad extraction section fails now, not in every check
    outbox = outbox_for(config, store)  # a notify URL Apprise cannot send to fails now too
    limit_malloc_arenas()
    favour_short_waits()
    settle()
    loop = asyncio.get_running_loop()
    stop = stop_event or asyncio.Event()
    owner = owner or make_owner()
    signals = _install_signal_handlers(loop, stop)
    try:
        synced = await asyncio.to_thread(store.sync_specs, config_specs(config), utcnow())
        log_sync(synced)
        log.info("service started as %s", owner, extra={"event": "service_started", "owner": owner})
        async with Fetcher(fetch_settings(config)) as fetcher:
            checker = Checker(config, store, fetcher, owner, on_new_version=on_new_version)
            ticker = _Ticker(checker, config)
            scheduler = AsyncIOScheduler(event_loop=loop, timezone=dt.UTC)
            scheduler.add_job(ticker.tick, "interval", seconds=tick_seconds, id="tick", max_instances=1,
                              coalesce=True, next_run_time=utcnow())
            if outbox is not None:
                # Its own job, in a worker thread: a slow mail server never holds a check up.
                scheduler.add_job(_deliver, "interval", args=(outbox,), seconds=notify_seconds, id="notify",
                                  max_instances=1, coalesce=True, next_run_time=utcnow())
            if retention_rules(config):  # retention (monitor.run.maintenance): a day after start, then daily
                scheduler.add_job(_daily_prune, "interval", args=(store, config), seconds=PRUNE_EVERY,
                                  id="prune", max_instances=1, coalesce=True)
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


async def _deliver(outbox: Outbox) -> None:
    await asyncio.to_thread(outbox.tick, utcnow())


class _Ticker:
    """The APScheduler job: claim what is due, bounded by free slots, and start the checks."""

    def __init__(self, checker: Checker, config: Config) -> None:
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
            sources = await asyncio.to_thread(checker.claim, utcnow(), free)
        except Exception as exc:  # the database is down: try again next tick
            log.error("could not claim due sources: %s", exc, extra={"event": "claim_error"})
            return
        for source in sources:
            if not self.stopping:
                checker.start(source)
                continue
            # Claimed as the service stopped: hand it back now rather than when the lease expires.
            await checker.leases.release(source.id, attempts=1)


async def _daily_prune(store: Store, config: Config) -> None:
    """Retention, off the event loop; a failure is logged and tried again the next day. A running service
    does not compact SQLite (its checks hold the file): the space freed is reused by later writes."""
    try:
        await asyncio.to_thread(partial(prune, store, config, utcnow(), compact=False))
    except Exception as exc:
        log.error("retention failed: %s", exc, extra={"event": "retention_failed"})


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


