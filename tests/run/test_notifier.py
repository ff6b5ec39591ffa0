"""Notifications through Apprise to real local receivers (issue 15): an HTTP server taking `json://` posts and
an SMTP server taking `mailto://` mail; the queue in a real database; retries, digests and secrets."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from pathlib import Path

import pytest

from monitor.config import Config, parse_config
from monitor.errors import ConfigError
from monitor.run.cycle import run_once
from monitor.run.notifier import FAILING_AFTER, Outbox, backoff, hide, send_test
from monitor.store import Store, open_store
from monitor.store.records import LoggedAlert
from tests.notifyserver import HookServer, SmtpServer
from tests.notifyserver import hook as hook  # noqa: PLC0414  (pytest fixture)
from tests.pageserver import PageServer, article
from tests.pageserver import pages as pages  # noqa: PLC0414  (pytest fixture)

STORY = "harbour"
V1 = ("The ferry ran aground off the harbour on Monday morning, the coast guard said.",
      "Rescue boats brought 120 passengers ashore by noon, officials said.",
      "The harbour authority said on Tuesday that the hull was intact.")
V2 = (V1[0], "Rescue boats brought 180 passengers ashore by noon, officials said.", V1[2],
      "The tugboat Bravo arrived at the wreck on Tuesday evening to pull the ferry free.")


def _config(tmp_path: Path, pages: PageServer, notify: list[dict[str, object]], **more: object) -> Config:
    return parse_config({
        "database": f"sqlite:///{tmp_path / 'timeline.sqlite'}",
        "network": {"max_attempts": 1, "timeout": "5s"},
        "schedule": {"jitter": 0},
        "notify": notify,
        "stories": [{"id": STORY, "title": "Ferry aground",
                     "sources": [{"url": pages.url("/ferry"), "every": "30m"}]}],
        **more,
    })


def _cycle(config: Config) -> Store:
    store = open_store(config.database)
    try:
        asyncio.run(run_once(config, store))
    finally:
        store.close()
    return open_store(config.database)


def _stored(config: Config) -> list[LoggedAlert]:
    store = open_store(config.database)
    try:
        return store.alerts(STORY)
    finally:
        store.close()


def _logged(caplog: pytest.LogCaptureFixture, event: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if getattr(r, "event", None) == event]


def test_a_cycle_is_one_message_per_story_with_a_line_per_alert(
    tmp_path: Path, pages: PageServer, hook: HookServer
) -> None:
    config = _config(tmp_path, pages, [{"urls": [hook.apprise_url("/hook")]}])
    pages.set("/ferry", article("Ferry aground", *V1))
    store = _cycle(config)
    [first] = hook.wait_for(1)
    added = [a for a in store.alerts(STORY) if a.event == "event_added"]
    assert len(added) >= 2  # a burst: one message all the same
    assert first["title"] == f"{STORY}: {len(added)} event_added"
    assert sorted(first["message"].splitlines()) == sorted(a.message for a in added)
    assert hook.paths == ["/hook"]
    assert store.count_pending_notifications() == 0

    pages.set("/ferry", article("Ferry aground", *V2))
    store = _cycle(config)
    messages = hook.wait_for(2)
    assert len(messages) == 2
    second = messages[1]
    lines = second["message"].splitlines()
    assert any(line.startswith("content_changed: version 1 -> 2") for line in lines)
    assert any(line.startswith("event_added: arrival ") and "tugboat Bravo" in line for line in lines)
    assert second["title"].startswith(f"{STORY}: 1 content_changed, ")
    assert len(lines) == len(store.alerts(STORY)) - len(added)
    store.close()


def test_templates_events_filter_and_a_story_target(
    tmp_path: Path, pages: PageServer, hook: HookServer
) -> None:
    config = parse_config({
        "database": f"sqlite:///{tmp_path / 'timeline.sqlite'}",
        "network": {"max_attempts": 1, "timeout": "5s"},
        "notify": [{"urls": [hook.apprise_url("/all")], "events": ["event_removed"],
                    "title": "{story} lost {count} item", "body": "{kind} {date}: {summary} {url}"}],
        "stories": [{"id": STORY, "sources": [{"url": pages.url("/ferry"), "every": "30m"}],
                     "notify": [{"urls": [hook.apprise_url("/mine")], "events": ["content_changed"],
                                 "title": "{event} on {story}", "body": "{old} -> {new}: {url}"}]}],
    })
    pages.set("/ferry", article("Ferry aground", *V1))
    _cycle(config).close()
    assert hook.messages == []  # a first version: no revision, no change
    pages.set("/ferry", article("Ferry aground", *V2))
    _cycle(config).close()
    messages = hook.wait_for(2)
    by_path = dict(zip(hook.paths, messages, strict=True))
    [removed] = [a for a in _stored(config) if a.event == "event_removed"]
    assert by_path["/all"]["title"] == f"{STORY} lost 1 item"
    assert by_path["/all"]["message"] == (f"{removed.fields['kind']} {removed.fields['date']}: "
                                          f"{removed.fields['summary']} {pages.url('/ferry')}")
    changed = by_path["/mine"]
    assert changed == {**changed, "title": f"content_changed on {STORY}",
                       "message": f"1 -> 2: {pages.url('/ferry')}"}


def test_a_digest_window_holds_two_cycles_in_one_message(
    tmp_path: Path, pages: PageServer, hook: HookServer
) -> None:
    config = _config(tmp_path, pages, [{"urls": [hook.apprise_url()], "digest": "1h"}])
    pages.set("/ferry", article("Ferry aground", *V1))
    _cycle(config).close()
    pages.set("/ferry", article("Ferry aground", *V2))
    store = _cycle(config)
    assert hook.messages == []  # the window is open
    pending = store.count_pending_notifications()
    assert pending == len(store.alerts(STORY))
    outbox = Outbox(config, store)
    assert outbox.deliver(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=59)) == 0
    assert outbox.deliver(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=61)) == 1
    [message] = hook.wait_for(1)
    assert len(message["message"].splitlines()) == pending
    assert store.count_pending_notifications() == 0
    store.close()


def test_failures_retry_with_backoff_then_say_so_without_the_secret(
    tmp_path: Path, pages: PageServer, hook: HookServer, caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret = "s3cr3t-t0ken-4242"
    monkeypatch.setenv("HOOK_TOKEN", secret)
    config = _config(tmp_path, pages, [{"urls": [f"json://127.0.0.1:{hook.port}/${{HOOK_TOKEN}}/hook"]}])
    hook.status = 500
    pages.set("/ferry", article("Ferry aground", *V1))
    store = _cycle(config)  # the cycle's own attempt fails: the check is written all the same
    assert hook.refused == 1 and store.count_pending_notifications() > 0
    assert len(store.history(pages.url("/ferry"))) == 1
    outbox = Outbox(config, store)
    now = dt.datetime.now(dt.UTC)
    assert outbox.deliver(now + dt.timedelta(seconds=1)) == 0
    assert hook.refused == 1  # not before its backoff
    for attempt in range(2, FAILING_AFTER + 1):
        now += dt.timedelta(seconds=backoff(attempt - 1) + 1)
        outbox.deliver(now)
        assert hook.refused == attempt
    [failing] = _logged(caplog, "notification_failing")
    assert failing.levelno == logging.WARNING and failing.story == STORY  # type: ignore[attr-defined]
    assert failing.attempts == FAILING_AFTER and failing.target == "notify[0]"  # type: ignore[attr-defined]
    hook.status = 200
    now += dt.timedelta(seconds=backoff(FAILING_AFTER) + 1)
    assert outbox.deliver(now) == 1
    assert hook.paths == [f"/{secret}/hook"]  # the secret reached the service, and only the service
    assert _logged(caplog, "notification_recovered")
    assert all(secret not in r.getMessage() and secret not in str(vars(r)) for r in caplog.records)
    store.close()


def test_mail_reaches_a_local_smtp_server(tmp_path: Path, pages: PageServer) -> None:
    with SmtpServer() as smtp:
        config = _config(tmp_path, pages, [{"urls": [smtp.apprise_url("desk@example.org")],
                                            "title": "[{story}] {event}"}])
        pages.set("/ferry", article("Ferry aground", *V1))
        store = _cycle(config)
        [mail] = smtp.wait_for(1)
        added = [a for a in store.alerts(STORY) if a.event == "event_added"]
        assert mail["Subject"] == f"[{STORY}] {len(added)} event_added"
        assert smtp.recipients == [["desk@example.org"]]
        body = mail.get_body(preferencelist=("plain",))
        assert body is not None
        text = body.get_content()
        assert all(a.message in text for a in added)
        store.close()


def test_notify_test_sends_to_every_target_and_names_a_failing_one(
    tmp_path: Path, pages: PageServer, hook: HookServer
) -> None:
    config = _config(tmp_path, pages, [{"urls": [hook.apprise_url("/ok")]},
                                       {"urls": ["json://127.0.0.1:1/closed"]}])
    results = send_test(config)
    assert results["notify[0]"] is None and results["notify[1]"]
    [message] = hook.wait_for(1)
    assert "test" in message["title"] and "notify[0]" in message["message"]
    with pytest.raises(ConfigError, match="no notification target"):
        send_test(_config(tmp_path, pages, []))


def test_a_url_apprise_cannot_use_is_a_config_error_naming_it(tmp_path: Path, pages: PageServer) -> None:
    config = _config(tmp_path, pages, [{"urls": ["nosuchservice://x/y"]}])
    store = open_store(config.database)
    with pytest.raises(ConfigError, match=r"notify\[0\]\.urls\[0\]: 'nosuchservice://x/y'"):
        asyncio.run(run_once(config, store))
    store.close()


def test_hide_removes_secrets_and_url_credentials() -> None:
    text = "POST to https://user:pw@hooks.example.org/T0K3N failed:\n T0K3N refused"
    assert hide(text, ["T0K3N"]) == "POST to https://***@hooks.example.org/*** failed: *** refused"


def test_without_notify_apprise_is_not_imported(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import asyncio, sys\n"
            "from monitor.config import parse_config\n"
            "from monitor.run.cycle import run_once\n"
            "from monitor.store import open_store\n"
            f"config = parse_config({{'database': 'sqlite:///{tmp_path / 'x.sqlite'}'}})\n"
            "asyncio.run(run_once(config, open_store(config.database)))\n"
            "print('apprise' in sys.modules, 'monitor.run.notifier' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_feed_files_are_rewritten_only_for_stories_with_new_alerts(tmp_path: Path, pages: PageServer) -> None:
    config = _config(tmp_path, pages, [], atom_dir=str(tmp_path / "feeds"))
    pages.set("/ferry", article("Ferry aground", *V1))
    store = _cycle(config)  # `monitor check` writes the file at its end
    path = tmp_path / "feeds" / f"{STORY}.atom"
    first = path.read_bytes()
    assert first.count(b"<entry>") == len(store.alerts(STORY))
    outbox = Outbox(config, store)
    assert [p.name for p in outbox.write_feeds(dt.datetime.now(dt.UTC))] == [path.name]  # a new process: all
    assert outbox.write_feeds(dt.datetime.now(dt.UTC)) == []  # nothing new
    store.close()
    pages.set("/ferry", article("Ferry aground", *V2))
    store = _cycle(config)
    assert outbox.write_feeds(dt.datetime.now(dt.UTC)) == [path]
    assert path.read_bytes().count(b"<entry>") == len(store.alerts(STORY)) > first.count(b"<entry>")
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporary file left
    store.close()


def test_two_processes_on_one_database_send_a_message_once(
    tmp_path: Path, pages: PageServer, hook: HookServer
) -> None:
    config = _config(tmp_path, pages, [{"urls": [hook.apprise_url()], "digest": "1h"}])
    pages.set("/ferry", article("Ferry aground", *V1))
    _cycle(config).close()  # queued: the window is open
    hook.delay = 1.0  # a slow service: both rounds overlap
    stores = [open_store(config.database), open_store(config.database)]
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
    sent: list[int] = []
    threads = [threading.Thread(target=lambda s=s: sent.append(Outbox(config, s).deliver(later)))
               for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(sent) == [0, 1] and len(hook.wait_for(1)) == 1
    assert stores[0].count_pending_notifications() == 0
    for store in stores:
        store.close()
