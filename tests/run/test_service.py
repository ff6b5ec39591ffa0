"""The scheduler in-process: runs checks on schedule, survives failures, stops cleanly and fast."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from monitor.config import Config, parse_config
from monitor.run.check import NewVersion, VersionEffects
from monitor.run.cycle import run_once
from monitor.run.service import run_service
from monitor.run.specs import config_specs
from monitor.store import Store
from tests.pageserver import PageServer, article
from tests.pageserver import pages as pages  # noqa: PLC0414  (pytest fixture)
from tests.store import pg

database_url = pg.database_url  # pytest fixtures, on SQLite and (when configured) PostgreSQL
store = pg.store



TEXT = ("Rescue teams reached the village on Monday after the road reopened, the mayor said.",
        "Power was restored to most homes by the evening, the utility company reported.",
        "Schools will stay closed until Thursday while engineers inspect the buildings.")


def _config(pages: PageServer, *paths: str, every: str = "1s") -> Config:
    return parse_config({
        "network": {"max_attempts": 1, "timeout": "10s"},
        "schedule": {"jitter": 0, "lease": "60s"},
        "stories": [{"id": "quake", "sources": [{"url": pages.url(p), "every": every} for p in paths]}],
    })


async def _serve_until(config: Config, store: Store, done: Callable[[], bool], **kw: Any) -> float:
    """Run the service until `done()` is true, then stop it; returns how long stopping took."""
    stop = asyncio.Event()
    service = asyncio.create_task(run_service(config, store, stop_event=stop, **kw))
    deadline = time.monotonic() + 10
    while not done() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert done(), "the service did not get there in time"
    began = time.monotonic()
    stop.set()
    await asyncio.wait_for(service, timeout=10)
    return time.monotonic() - began


def _intact(store: Store) -> None:
    if store.dialect == "sqlite":
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert all(store.source(info.id).lease_owner is None for info in store.sources())


def test_service_checks_on_schedule_and_stops_cleanly(store: Store, pages: PageServer) -> None:
    pages.set("/a", article("Quake", *TEXT), etag=False)
    pages.fail("/b", 500)
    config = _config(pages, "/a", "/b")
    took = asyncio.run(_serve_until(config, store, lambda: len(pages.requests("/a")) >= 3))
    assert took < 5
    a, b = store.sources()
    assert a.versions == 1 and len(store.checks(a.id)) >= 3  # re-checked every second, one version
    assert b.error_streak >= 1 and b.active  # a failing source does not stop the others
    _intact(store)


def test_stop_cancels_a_hanging_check_and_releases_its_lease(store: Store, pages: PageServer) -> None:
    pages.set("/slow", article("Quake", *TEXT), delay=30)
    config = _config(pages, "/slow")
    took = asyncio.run(_serve_until(config, store, lambda: len(pages.requests("/slow")) >= 1))
    assert took < 5
    [source] = store.sources()
    assert store.checks(source.id) == [] and source.versions == 0  # the cancelled check wrote nothing
    _intact(store)
    assert len(store.claim_due("next", dt.datetime.now(dt.UTC), 60)) == 1  # due again at once


def test_a_crashing_check_is_logged_and_the_service_goes_on(
    store: Store, pages: PageServer, caplog: pytest.LogCaptureFixture
) -> None:
    pages.set("/a", article("Quake", *TEXT), etag=False)
    calls: list[str] = []

    def explode(version: NewVersion) -> VersionEffects:
        calls.append(version.source.url)
        raise RuntimeError("bug in a later stage")

    config = _config(pages, "/a")
    asyncio.run(_serve_until(config, store, lambda: len(calls) >= 2, on_new_version=explode))
    errors = [r for r in caplog.records if getattr(r, "event", None) == "check_error"]
    assert errors and errors[0].levelno == logging.ERROR and errors[0].exc_info is not None
    assert errors[0].url == pages.url("/a") and errors[0].story == "quake"
    assert store.sources()[0].versions == 0
    _intact(store)


def test_sigint_stops_the_service_within_five_seconds(tmp_path: object, pages: PageServer) -> None:
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals reach the main thread only")
    from monitor.store import open_store

    store = open_store(f"sqlite:///{tmp_path}/t.sqlite")
    pages.set("/a", article("Quake", *TEXT))
    pages.set("/slow", article("Quake", *TEXT), delay=30)
    config = _config(pages, "/a", "/slow")
    sent: list[float] = []

    def interrupt() -> None:
        while len(pages.requests("/slow")) < 1:
            time.sleep(0.05)
        sent.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=interrupt, daemon=True).start()
    summary = asyncio.run(run_service(config, store))
    assert time.monotonic() - sent[0] < 5
    assert [o.outcome for o in summary.outcomes] == ["new_version"]
    _intact(store)
    store.close()


def test_run_once_checks_everything_once_and_skips_leased_sources(
    store: Store, pages: PageServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    pages.set("/a", article("Quake", *TEXT))
    pages.fail("/b", 404)
    config = _config(pages, "/a", "/b", "/c", every="1h")
    pages.set("/c", article("Quake", *TEXT))
    store.sync_specs(config_specs(config), dt.datetime.now(dt.UTC))
    for source in store.claim_due("other-process", dt.datetime.now(dt.UTC), 60, ignore_schedule=True):
        if source.url.endswith("/c"):
            busy = source  # a running service is checking this one
        else:
            store.release(source.id, "other-process")

    summary = asyncio.run(run_once(config, store))
    assert summary.counts == {"new_version": 1, "failed": 1} and summary.skipped == 1
    assert pages.requests("/c") == []
    assert store.source(busy.id).lease_owner == "other-process"
    [line] = [r for r in caplog.records if getattr(r, "event", None) == "check_cycle"]
    assert "2 sources checked: 1 new versions" in line.getMessage()
    again = asyncio.run(run_once(config, store))  # `check` ignores the schedule
    assert again.counts == {"not_modified": 1, "failed": 1}


def test_quiet_checks_are_written_in_batches_before_run_once_returns(store: Store, pages: PageServer) -> None:
    paths = [f"/p{i}" for i in range(12)]
    for i, path in enumerate(paths):
        pages.set(path, article(f"Quake {i}", *TEXT), etag=i % 2 == 0)  # odd pages: 200 and unchanged
    config = _config(pages, *paths, every="1h")
    asyncio.run(run_once(config, store))
    again = asyncio.run(run_once(config, store))
    assert again.counts == {"not_modified": 6, "unchanged": 6} and again.errors == 0
    for info in store.sources():
        outcomes = [c.outcome for c in store.checks(info.id)]
        assert outcomes[0] in ("not_modified", "unchanged") and outcomes[1] == "new_version"
        assert info.versions == 1 and info.error_streak == 0
    _intact(store)  # every lease released


def test_quiet_recorder_drops_only_the_check_whose_lease_was_taken(
    store: Store, pages: PageServer, caplog: pytest.LogCaptureFixture
) -> None:
    from monitor.run.check import CheckOutcome
    from monitor.run.checker import QuietRecorder
    from monitor.store import CheckRecord

    config = _config(pages, "/a", "/b", every="1h")
    now = dt.datetime.now(dt.UTC)
    store.sync_specs(config_specs(config), now)
    first, second = store.claim_due("me", now, 60, ignore_schedule=True)
    store.release(second.id, "me")
    store.claim_due("other", now, 60, ignore_schedule=True)  # takes /b over
    lost: list[str] = []
    failed: list[object] = []

    async def go() -> None:
        recorder = QuietRecorder(store, on_lost=lambda outcome, _exc: lost.append(outcome.url),
                                  on_failed=lambda batch, exc: failed.append(exc), size=10, interval=0.05)
        for source in (first, second):
            record = CheckRecord(source_id=source.id, owner="me", started_at=now, finished_at=now,
                                 outcome="not_modified", next_due_at=now + dt.timedelta(hours=1), status=304,
                                 update_validators=True)
            recorder.add(record, CheckOutcome(source.id, "quake", source.url, "not_modified"))
        await recorder.close()

    asyncio.run(go())
    assert lost == [second.url] and failed == []
    assert [c.outcome for c in store.checks(first.id)] == ["not_modified"] and store.checks(second.id) == []
    assert store.source(first.id).lease_owner is None and store.source(second.id).lease_owner == "other"


def test_a_dead_check_worker_is_logged_and_does_not_hang_the_cycle(caplog: pytest.LogCaptureFixture) -> None:
    from monitor.run.cycle import _collect_worker

    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the "worker" dies at once, writing nothing
        os._exit(3)
    os.close(write_fd)
    began = time.monotonic()
    assert _collect_worker(pid, read_fd) is None
    assert time.monotonic() - began < 5
    [record] = [r for r in caplog.records if getattr(r, "event", None) == "check_error"]
    assert f"worker {pid} ended with exit code 3" in record.getMessage()
