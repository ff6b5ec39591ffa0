"""Issue 15's acceptance end to end: the demo's first cycle is one message per story; `monitor check` with a
notify target and `atom_dir`, then `monitor feed`; `monitor notify --test`; and `monitor run` killed with
SIGKILL while messages wait, then restarted: every pending message arrives.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import feedparser
import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import NotifyConfig
from monitor.demo import STORY_ID, DemoSite, demo_config
from monitor.run.service import run_service
from monitor.store import Store, open_store
from tests.notifyserver import HookServer
from tests.notifyserver import hook as hook  # noqa: PLC0414  (pytest fixture)
from tests.pageserver import PageServer, article
from tests.pageserver import pages as pages  # noqa: PLC0414  (pytest fixture)

MONITOR = [sys.executable, "-c", "from monitor.cli import main; main()"]
V1 = ("The ferry ran aground off the harbour on Monday morning, the coast guard said.",
      "Rescue boats brought 120 passengers ashore by noon, officials said.",
      "The harbour authority said on Tuesday that the hull was intact.")
V2 = (*V1, "The tugboat Bravo arrived at the wreck on Tuesday evening to pull the ferry free.")


@pytest.fixture(autouse=True)
def _no_database_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MONITOR_DATABASE_URL", raising=False)


def _lines(messages: list[dict[str, object]]) -> list[str]:
    return [line for m in messages for line in str(m["message"]).splitlines()]


def test_the_demos_first_cycle_is_one_message_per_story(tmp_path: Path, hook: HookServer) -> None:
    with DemoSite() as demo_site:
        config = demo_config(demo_site.base, tmp_path / "demo.sqlite")
        config = config.model_copy(update={"notify": (NotifyConfig(urls=(hook.apprise_url("/demo"),)),)})
        store = open_store(config.database)
        try:
            asyncio.run(_first_cycle(config, store, hook))
            logged = store.alerts(STORY_ID)
        finally:
            store.close()
    [message] = hook.messages  # the article, the feed and the articles it leads to: one message
    assert len(logged) > 5
    assert sorted(_lines(hook.messages)) == sorted(a.message for a in logged)
    assert str(message["title"]).startswith(f"{STORY_ID}: {len(logged)} event_added")


async def _first_cycle(config, store: Store, hook: HookServer) -> None:  # type: ignore[no-untyped-def]
    stop = asyncio.Event()
    service = asyncio.create_task(run_service(config, store, stop_event=stop))
    started = dt.datetime.now(dt.UTC)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            sources = await asyncio.to_thread(store.sources, STORY_ID, active_only=True)
            followed = [s for s in sources if s.origin.startswith("feed:")]
            checked = [s for s in sources if s.last_checked_at and s.last_checked_at >= started]
            if followed and len(checked) == len(sources) and hook.messages:
                break
            await asyncio.sleep(0.2)
        await asyncio.sleep(4)  # a second message, if one were coming, would come now
    finally:
        stop.set()
        await service


def _config(tmp_path: Path, pages: PageServer, hook: HookServer, **more: object) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({
        "database": f"sqlite:///{tmp_path / 'timeline.sqlite'}",
        "network": {"max_attempts": 1, "timeout": "5s"},
        "schedule": {"jitter": 0, "lease": "2s"},
        "notify": [{"urls": [hook.apprise_url("/hook")], "title": "{story}: {event}"}],
        "atom_dir": "feeds",
        "stories": [{"id": "harbour", "title": "Ferry aground",
                     "sources": [{"url": pages.url("/ferry"), "every": "1s"}]}],
        **more,
    }), encoding="utf-8")
    return path


def test_check_notifies_keeps_the_feed_file_and_monitor_feed_writes_it(
    tmp_path: Path, pages: PageServer, hook: HookServer
) -> None:
    config = _config(tmp_path, pages, hook)
    runner = CliRunner()
    pages.set("/ferry", article("Ferry aground", *V1))
    assert runner.invoke(cli, ["--config", str(config), "check"]).exit_code == 0
    pages.set("/ferry", article("Ferry freed", *V2))
    assert runner.invoke(cli, ["--config", str(config), "check"]).exit_code == 0
    assert len(hook.wait_for(2)) == 2
    kept = feedparser.parse((tmp_path / "feeds" / "harbour.atom").read_bytes())
    out = tmp_path / "harbour.atom"
    result = runner.invoke(cli, ["--config", str(config), "feed", "--story", "harbour", "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = feedparser.parse(out.read_bytes())
    for parsed in (kept, written):
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert [e.id for e in parsed.entries] == [e.id for e in written.entries]
    events = [e.tags[0].term for e in written.entries]
    times = [e.published_parsed for e in written.entries]
    assert times == sorted(times, reverse=True)  # newest first (two checks may share a second)
    # The second check's alerts first, the last raised first (its timeline's came after its page's), then the
    # first check's.
    assert events[:3] == ["event_added", "headline_changed", "content_changed"]
    assert events[3:] == ["event_added"] * (len(events) - 3) and len(events) > 3
    assert {"content_changed", "headline_changed", "event_added"} <= set(events)
    assert all(e.link == pages.url("/ferry") for e in written.entries)
    assert len(events) == len(_lines(hook.messages))


def test_notify_test_command(tmp_path: Path, pages: PageServer, hook: HookServer) -> None:
    config = _config(tmp_path, pages, hook)
    result = CliRunner().invoke(cli, ["--config", str(config), "notify", "--test"])
    assert result.exit_code == 0, result.output
    assert result.output == "notify[0]: sent\n"
    assert "test" in str(hook.wait_for(1)[0]["title"])
    hook.status = 500
    failed = CliRunner().invoke(cli, ["--config", str(config), "notify", "--test", "--story", "harbour"])
    assert failed.exit_code == 2 and failed.output.startswith("notify[0]: failed: ")
    assert "1 of 1 targets failed" in failed.stderr
    unknown = CliRunner().invoke(cli, ["--config", str(config), "notify", "--test", "--story", "nope"])
    assert unknown.exit_code == 2 and "no story 'nope'" in unknown.stderr


def _wait(what, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if what():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def _count(database: Path, table: str) -> int:
    store = open_store(f"sqlite:///{database}")
    try:
        return len(store.alerts("harbour")) if table == "alert_log" else store.count_pending_notifications()
    finally:
        store.close()


@pytest.mark.slow
def test_messages_pending_at_a_sigkill_arrive_after_the_restart(
    tmp_path: Path, pages: PageServer, hook: HookServer
) -> None:
    config = _config(tmp_path, pages, hook)
    database = tmp_path / "timeline.sqlite"
    hook.status = 500  # the service is down: messages wait in the queue
    pages.set("/ferry", article("Ferry aground", *V1))
    log = (tmp_path / "run.log").open("ab")
    first = subprocess.Popen([*MONITOR, "--config", str(config), "--log-format", "json", "run"],
                             stdout=subprocess.DEVNULL, stderr=log, cwd=tmp_path)
    try:
        _wait(lambda: hook.refused >= 1)
        before = _count(database, "alert_log")
        pages.set("/ferry", article("Ferry freed", *V2))  # more alerts join the waiting ones
        _wait(lambda: _count(database, "alert_log") > before)
        assert _count(database, "pending") >= _count(database, "alert_log") > before
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
    assert hook.messages == []
    hook.status = 200
    second = subprocess.Popen([*MONITOR, "--config", str(config), "--log-format", "json", "run"],
                              stdout=subprocess.DEVNULL, stderr=log, cwd=tmp_path)
    try:
        _wait(lambda: hook.messages and _count(database, "pending") == 0)
    finally:
        second.send_signal(signal.SIGTERM)
        assert second.wait(15) == 0
    store = open_store(f"sqlite:///{database}")
    try:
        logged = [a.message for a in store.alerts("harbour")]
    finally:
        store.close()
    delivered = Counter(_lines(hook.messages))
    assert delivered == Counter(logged)  # every alert once: none lost, none twice
