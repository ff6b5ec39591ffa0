"""One check of one source against a real HTTP server on 127.0.0.1 and a real database."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random

import pytest

from monitor.config import ScheduleConfig, parse_config
from monitor.fetch.client import Fetcher, FetchSettings
from monitor.run.check import Check, CheckOutcome, next_due
from monitor.run.specs import config_specs
from monitor.store import Store
from monitor.track.snapshots import sentence_diff
from tests.pageserver import PageServer, article
from tests.pageserver import pages as pages  # noqa: PLC0414  (pytest fixture)
from tests.store import pg

database_url = pg.database_url  # pytest fixtures, on SQLite and (when configured) PostgreSQL
store = pg.store



T0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
SCHEDULE = ScheduleConfig(jitter=0, failing_after=3)
PARAGRAPHS = (
    "The river rose above the flood mark on Tuesday morning, officials in the valley said.",
    "Emergency crews moved two hundred families from houses near the old bridge before noon.",
    "The regional governor asked the army for help with sandbags and pumps on Tuesday evening.",
    "Forecasters expect more rain over the hills during the next three days, which may delay repairs.",
)
CHANGED = "Engineers said on Wednesday that the dam had held and that the water was falling slowly."


def _alerts(caplog: pytest.LogCaptureFixture, event: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "monitor.alerts" and getattr(r, "event", None) == event]


async def _check(store: Store, url: str, now: dt.datetime) -> CheckOutcome:
    """Claim the source (whatever its schedule) and check it once."""
    [source] = [s for s in store.claim_due("tester", now, 60, ignore_schedule=True) if s.url == url]
    async with Fetcher(FetchSettings(max_attempts=1, timeout=5)) as fetcher:
        return await Check(store, fetcher, source, SCHEDULE, now, rng=random.Random(1)).run()


def _watch(store: Store, url: str) -> None:
    config = parse_config({"stories": [{"id": "flood", "sources": [{"url": url, "every": "30m"}]}]})
    store.sync_specs(config_specs(config), T0)


def test_unchanged_then_changed_page_stores_two_versions_and_one_alert(
    store: Store, pages: PageServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    url = pages.url("/flood")
    _watch(store, url)
    pages.set("/flood", article("River floods valley", *PARAGRAPHS), etag=False)
    first = asyncio.run(_check(store, url, T0))
    second = asyncio.run(_check(store, url, T0 + dt.timedelta(minutes=30)))
    assert (first.outcome, first.version) == ("new_version", 1)
    assert (second.outcome, second.version) == ("unchanged", 1)
    assert _alerts(caplog, "content_changed") == []  # a first version is not a change

    pages.set("/flood", article("River floods valley", *PARAGRAPHS[:3], CHANGED), etag=False)
    third = asyncio.run(_check(store, url, T0 + dt.timedelta(hours=1)))
    assert (third.outcome, third.version) == ("new_version", 2)
    assert [v.version for v in store.history(url)] == [1, 2]
    [changed] = _alerts(caplog, "content_changed")
    assert changed.levelno == logging.WARNING and changed.story == "flood" and changed.url == url
    assert "1 -> 2" in changed.getMessage()
    diff = sentence_diff(store.snapshot_text(url, 1), store.snapshot_text(url, 2))
    assert CHANGED in diff.added and PARAGRAPHS[3] in diff.removed
    log = store.checks(third.source_id)
    assert [c.outcome for c in log] == ["new_version", "unchanged", "new_version"]


def test_conditional_request_stores_nothing_new(store: Store, pages: PageServer) -> None:
    url = pages.url("/flood")
    _watch(store, url)
    pages.set("/flood", article("River floods valley", *PARAGRAPHS))
    asyncio.run(_check(store, url, T0))
    again = asyncio.run(_check(store, url, T0 + dt.timedelta(minutes=30)))
    requests = pages.requests("/flood")
    assert "if-none-match" not in requests[0]
    assert requests[1]["if-none-match"] == store.source(again.source_id).etag
    assert again.outcome == "not_modified" and again.version is None
    assert len(store.history(url)) == 1


def test_three_failures_alert_once_then_recovery_alerts(
    store: Store, pages: PageServer, caplog: pytest.LogCaptureFixture
) -> None:
    url = pages.url("/flood")
    _watch(store, url)
    pages.fail("/flood", 503)
    outcomes = [asyncio.run(_check(store, url, T0 + dt.timedelta(hours=i))) for i in range(4)]
    assert [o.outcome for o in outcomes] == ["failed"] * 4
    assert outcomes[0].reason == "http_503"
    [failing] = _alerts(caplog, "source_failing")
    assert failing.streak == 3  # type: ignore[attr-defined]
    info = store.find_sources(url)[0]
    assert info.error_streak == 4 and info.last_error == "http_503" and info.active

    pages.set("/flood", article("River floods valley", *PARAGRAPHS))
    back = asyncio.run(_check(store, url, T0 + dt.timedelta(hours=5)))
    assert back.outcome == "new_version"
    [recovered] = _alerts(caplog, "source_recovered")
    assert recovered.url == url
    assert store.find_sources(url)[0].error_streak == 0


def test_gone_page_is_disabled_with_an_alert(
    store: Store, pages: PageServer, caplog: pytest.LogCaptureFixture
) -> None:
    url = pages.url("/flood")
    _watch(store, url)
    pages.fail("/flood", 410)
    outcome = asyncio.run(_check(store, url, T0))
    assert outcome.disabled and outcome.reason == "http_410"
    assert len(_alerts(caplog, "source_failing")) == 1
    info = store.find_sources(url)[0]
    assert not info.active and info.disabled_reason == "gone: http_410"
    assert store.claim_due("x", T0 + dt.timedelta(days=1), 60, ignore_schedule=True) == []


def test_empty_extraction_is_a_failure_not_a_version(store: Store, pages: PageServer) -> None:
    url = pages.url("/flood")
    _watch(store, url)
    pages.set("/flood", "<html><body></body></html>")
    outcome = asyncio.run(_check(store, url, T0))
    assert (outcome.outcome, outcome.reason) == ("failed", "empty_text")
    assert store.history(url) == []
    assert store.source(outcome.source_id).etag is None  # a 304 must not hide the next real body


def test_next_due_adds_jitter_within_bounds_and_honours_retry_after() -> None:
    rng = random.Random(7)
    dues = [next_due(T0, 100, 0.2, rng) - T0 for _ in range(200)]
    assert all(dt.timedelta(seconds=100) <= d <= dt.timedelta(seconds=120) for d in dues)
    assert len(set(dues)) > 100
    assert next_due(T0, 100, 0, retry_after=600) == T0 + dt.timedelta(seconds=600)


@pytest.mark.parametrize("retry_after", [1e12, 1e300, float("inf"), 99999999999999999999.0])
def test_next_due_caps_a_huge_retry_after_at_a_day(retry_after: float) -> None:
    # Unclamped, these overflow timedelta (or silence the source for good).
    assert next_due(T0, 100, 0, retry_after=retry_after) == T0 + dt.timedelta(days=1)
    assert next_due(T0, 3 * 86_400, 0, retry_after=retry_after) == T0 + dt.timedelta(days=3)


def test_next_due_ignores_a_retry_after_that_is_not_a_number() -> None:
    assert next_due(T0, 100, 0, retry_after=float("nan")) == T0 + dt.timedelta(seconds=100)


