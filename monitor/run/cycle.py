"""`monitor check`: every source once, now, in this process or shared with forked ones.

    summary = run_cycle(config, store, workers=2)

The imports, the config sync and making every source due happen once, in the parent; each process then
claims `CLAIM_CHUNK` due sources at a time through leases until none are left, so the work spreads by how
fast each goes.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import logging
import os
import pickle
import sys
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import monitor.stages as stages
from monitor.config import Config
from monitor.run.check import CheckOutcome, OnNewVersion
from monitor.run.checker import Checker, RunSummary, fetch_settings, log_sync, outbox_for, summarise, utcnow
from monitor.run.leases import Leases, make_owner
from monitor.run.process import favour_short_waits, limit_malloc_arenas, release_free_heap, settle
from monitor.run.specs import config_specs
from monitor.run.story import StoryRules
from monitor.store.records import SourceRef

if TYPE_CHECKING:
    from monitor.run.notifier import Outbox
    from monitor.store.repo import Store

log = logging.getLogger(__name__)


async def run_once(
    config: Config,
    store: Store,
    story: str | None = None,
    *,
    owner: str | None = None,
    on_new_version: OnNewVersion | None = None,
    asked: dt.datetime | None = None,
) -> RunSummary:
    """Check every active source and feed (of one story) once, now; `monitor check` in one process.

    Sources a running service holds a lease on are skipped, and so are those another process checked since
    `asked` (default: the cycle's start). Failures are logged and counted, never raised (a ConfigError for an
    unknown story is).
    """
    _validate_cycle(config, story)
    outbox = outbox_for(config, store)
    started = utcnow()
    wanted = await asyncio.to_thread(_prepare_cycle, config, store, story, started, asked or started)
    share = await _work_cycle(config, store, story, started, owner or make_owner(), on_new_version)
    summary = _finish_cycle(wanted, [share])
    if outbox is not None:
        await asyncio.to_thread(_deliver, outbox)
    return summary


def run_cycle(
    config: Config,
    store: Store,
    story: str | None = None,
    *,
    workers: int = 1,
    on_new_version: OnNewVersion | None = None,
    asked: dt.datetime | None = None,
) -> RunSummary:
    """`monitor check --workers N`: run_once shared by this process and N-1 forked ones (POSIX).

    The imports, the config sync and making every source due happen once, here; the engine's pool is then
    disposed, so that every process opens its own connections (and each its own HTTP client). Each process
    claims `CLAIM_CHUNK` due sources at a time until none are left, so the work spreads by how fast each goes.
    The children send their outcomes back through a pipe; one that dies is logged and counted as an error,
    and the sources it held come back when their leases expire (`schedule.lease`).
    """
    limit_malloc_arenas()
    favour_short_waits()
    if workers <= 1:
        settle()
        return asyncio.run(run_once(config, store, story, on_new_version=on_new_version, asked=asked))
    _validate_cycle(config, story)
    outbox = outbox_for(config, store)
    # What every check needs, imported before the fork so the children share it. Not the alerts and the
    # track/ layer under them: a check that changed nothing raises none (preload_page_stages imports them).
    import monitor.fetch.client  # noqa: F401
    from monitor.fetch.network import warm_up

    warm_up()

    started = utcnow()
    wanted = _prepare_cycle(config, store, story, started, asked or started)
    # A few new pages are read by whichever process claims them; it builds the stages then, alone.
    if store.count_sources(story, active_only=True, unread=True) >= CLAIM_CHUNK:
        preload_page_stages(config)
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
    summary = _finish_cycle(wanted, shares)
    if outbox is not None:
        _deliver(outbox)
    return summary


# Sources a process of `monitor check` claims at a time: small enough to spread the work over the processes,
# big enough that claiming (a write transaction) stays rare.
CLAIM_CHUNK = 50


@dataclass(frozen=True)
class _Share:
    """What one process of a cycle did."""

    outcomes: tuple[CheckOutcome, ...]
    errors: int
    claimed: int
    # The process's seconds by stage (monitor.stages) and its CPU seconds, for `monitor check --timings`.
    stages: dict[str, stages.StageTime] = field(default_factory=dict)
    cpu: float = 0.0


def preload_page_stages(config: Config) -> None:
    """Import and build what reading a new page needs, before the fork, so that the processes share it.

    The stages' libraries and data (trafilatura and lxml, the lexicon with its word table, the timex rules
    and their scanners: ~80 MB) were built by each process after the fork, so each held its own copy. Built
    here and frozen by `settle()`, they stay in pages the processes share until written to. Only when a
    claim's worth of pages was never read: an unchanged cycle needs none of it, and building it costs ~2 s.
    """
    import charset_normalizer  # noqa: F401 - fetch.decode's detection of a page that is not UTF-8

    import monitor.extract.items  # noqa: F401 - events and figures
    import monitor.publish.alerts  # noqa: F401 - what a new version raises
    import monitor.track.timeline  # noqa: F401 - the reconciler
    from monitor.extract.text import extract_document, normalise
    from monitor.extract.timex import loader
    from monitor.track.snapshots import compress

    rules = StoryRules.from_config(config)
    rules.lexicon()
    loader.load("en").build_scanners()
    # One tiny page through the text stage builds what its libraries only build on first use.
    normalise(extract_document(b"<html><body><article><p>Loaded.</p></article></body></html>").text)
    compress("Loaded.")
    # What building them left as garbage goes now, and its free pages back to the system, rather than being
    # frozen and copied into every process: ~5 MB less tree PSS on a cold cycle of 500 pages.
    gc.collect()
    release_free_heap()


def _deliver(outbox: Outbox) -> None:
    """After the cycle, outside its checks: the queued messages, then the feed files."""
    try:
        outbox.finish(utcnow())
    except Exception:  # the checks are written; what is still queued goes out with the next run
        log.exception("notifications not delivered", extra={"event": "notification_error"})


def _validate_cycle(config: Config, story: str | None) -> None:
    if story is not None:
        config.story(story)  # ConfigError naming the known ids
    StoryRules.from_config(config)  # a bad extraction section fails now, not in every check


def _prepare_cycle(
    config: Config, store: Store, story: str | None, started: dt.datetime, asked: dt.datetime
) -> int:
    """Sync the config, free the leases of dead processes on this host and make every free source not
    checked since `asked` due at `started`; how many sources the cycle wants."""
    with stages.timed("sync"):
        log_sync(store.sync_specs(config_specs(config), started))
        Leases(store, make_owner(), config.schedule).reap(force=True)
        store.make_due(started, story, checked_before=asked)
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
        checker = Checker(config, store, fetcher, owner, on_new_version=on_new_version)
        slots = asyncio.Semaphore(limit)

        async def bounded(source: SourceRef) -> None:
            async with slots:
                await checker.check(source)

        tasks: set[asyncio.Task[None]] = set()  # the checks not finished yet
        everything: list[asyncio.Task[None]] = []
        room = asyncio.Event()  # set when at most `limit` checks are left: time for the next claim

        def finished(task: asyncio.Task[None]) -> None:
            # A callback per check, not asyncio.wait over all those queued: that one hooks and unhooks every
            # queued task each time one ends (~50 a claim, 2,000 checks a cycle).
            tasks.discard(task)
            if len(tasks) <= limit:
                room.set()

        # The first claim is only as many as run at once, so the first requests go out sooner.
        size = min(CLAIM_CHUNK, limit)
        try:
            while True:
                # On the loop's thread, as QuietRecorder's writes: a claim is a few milliseconds of Python.
                chunk = checker.claim(utcnow(), size, story=story, due_by=started)
                size = CLAIM_CHUNK
                if not chunk:
                    break
                claimed.extend(chunk)
                for source in chunk:
                    task = asyncio.create_task(bounded(source))
                    tasks.add(task)
                    task.add_done_callback(finished)
                    everything.append(task)
                # The checks just started send their requests before the next claim holds the loop: the
                # pages come back while it is claimed.
                await asyncio.sleep(0)
                # Claim the next chunk when the checks still queued would leave a slot idle soon.
                while len(tasks) > limit:
                    room.clear()
                    await room.wait()
            await asyncio.gather(*everything)
            await checker.close()
        except BaseException:
            for task in everything:
                task.cancel()
            await asyncio.gather(*everything, return_exceptions=True)
            await asyncio.gather(checker.close(), return_exceptions=True)
            await checker.leases.release_all()
            raise
    return _Share(tuple(checker.outcomes), checker.errors, len(claimed), stages.snapshot(),
                  time.process_time())


def _finish_cycle(wanted: int, shares: list[_Share | None]) -> RunSummary:
    done = [s for s in shares if s is not None]
    outcomes = [o for s in done for o in s.outcomes]
    errors = sum(s.errors for s in done) + (len(shares) - len(done))
    claimed = sum(s.claimed for s in done)
    summary = summarise(outcomes, errors, skipped=0 if len(done) < len(shares) else max(0, wanted - claimed))
    summary = replace(summary, stages=stages.merge([s.stages for s in done]), cpu=sum(s.cpu for s in done))
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
        stages.reset()  # the parent's sums so far are the parent's to report
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
