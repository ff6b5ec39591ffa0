"""The changes journalists watch for (issue 15), through real checks of a page on a local server: a page
taken down and back, a headline rewritten, a correction appended, and a page flipping between versions."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random

import pytest

from monitor.config import ScheduleConfig, parse_config
from monitor.fetch.client import Fetcher, FetchSettings
from monitor.publish.alerts import JOURNALIST_EVENTS
from monitor.run.check import Check, CheckOutcome, redirected_to_front
from monitor.run.specs import config_specs
from monitor.run.story import StoryRules
from monitor.store import Store
from tests.pageserver import PageServer, article
from tests.pageserver import pages as pages  # noqa: PLC0414  (pytest fixture)
from tests.store import pg

database_url = pg.database_url  # pytest fixtures, on SQLite and (when configured) PostgreSQL
store = pg.store

T0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
SCHEDULE = ScheduleConfig(jitter=0, failing_after=3)
TITLE = "Storm cuts power to coastal towns"
A = ("The storm reached the coast on Sunday night and cut power to thousands of homes, the utility said.",
     "Crews restored electricity to the harbour district by Monday afternoon, officials said.",
     "Schools in the three towns stay closed until Wednesday while roads are cleared.")
B = (*A[:2], "Schools in the three towns reopen on Tuesday after crews cleared the main roads overnight.")
PATH = "/2024/05/01/storm-power"


def _alerts(caplog: pytest.LogCaptureFixture, event: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "monitor.alerts" and getattr(r, "event", None) == event]


def _events(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The journalist alerts logged, in order (the timeline's own alerts left out)."""
    events = (str(getattr(r, "event", "")) for r in caplog.records if r.name == "monitor.alerts")
    return [e for e in events if e in JOURNALIST_EVENTS]


async def _check(store: Store, url: str, now: dt.datetime, rules: StoryRules) -> CheckOutcome:
    [source] = [s for s in store.claim_due("tester", now, 60, ignore_schedule=True) if s.url == url]
    async with Fetcher(FetchSettings(max_attempts=1, timeout=5, allow_private_addresses=True)) as fetcher:
        return await Check(store, fetcher, source, SCHEDULE, now, rules, rng=random.Random(1)).run()


class Page:
    """One watched page: set what the server answers, then `check()` it the way the service would."""

    def __init__(self, store: Store, pages: PageServer, **alerts: object) -> None:
        self.store, self.pages, self.url = store, pages, pages.url(PATH)
        config = parse_config({"alerts": alerts,
                               "stories": [{"id": "storm", "sources": [{"url": self.url, "every": "30m"}]}]})
        self.rules = StoryRules.from_config(config)
        store.sync_specs(config_specs(config), T0)
        self.checks = 0

    def serve(self, *paragraphs: str, title: str = TITLE) -> None:
        self.pages.set(PATH, article(title, *paragraphs), etag=False)

    def check(self) -> CheckOutcome:
        self.checks += 1
        return asyncio.run(_check(self.store, self.url, T0 + dt.timedelta(hours=self.checks), self.rules))


@pytest.fixture
def page(store: Store, pages: PageServer) -> Page:
    """The watched page, with the default alert settings."""
    return Page(store, pages)


def test_a_page_taken_down_and_back_is_unpublished_then_republished(
    store: Store, pages: PageServer, page: Page, caplog: pytest.LogCaptureFixture
) -> None:
    page.serve(*A)
    assert page.check().outcome == "new_version"
    pages.fail(PATH, 404)
    assert page.check().outcome == "failed"
    assert page.check().outcome == "failed"  # still gone: said once
    page.serve(*A)
    assert page.check().outcome == "unchanged"
    assert _events(caplog) == ["source_unpublished", "source_republished"]
    [gone] = _alerts(caplog, "source_unpublished")
    assert gone.levelno == logging.WARNING and gone.url == page.url and gone.story == "storm"
    assert gone.reason == "http_404" and "after 1 stored versions" in gone.getMessage()  # type: ignore[attr-defined]
    [back] = _alerts(caplog, "source_republished")
    assert "http_404" in back.getMessage()
    # Recorded with the checks that raised them.
    logged = [a.event for a in store.alerts("storm") if a.event in JOURNALIST_EVENTS]
    assert logged == ["source_republished", "source_unpublished"]  # newest first


def test_a_page_never_stored_that_answers_404_is_no_unpublishing(
    store: Store, pages: PageServer, page: Page, caplog: pytest.LogCaptureFixture
) -> None:
    pages.fail(PATH, 404)
    page.check()
    assert _alerts(caplog, "source_unpublished") == []


def test_a_page_redirected_to_its_section_front_is_unpublished(
    store: Store, pages: PageServer, page: Page, caplog: pytest.LogCaptureFixture
) -> None:
    page.serve(*A)
    page.check()
    pages.set("/news/", article("News", "The latest news from the coast and the region, updated daily."))
    pages.redirect(PATH, "/news/")
    gone = page.check()
    assert gone.outcome == "failed" and (gone.reason or "").startswith("redirected_to_front")
    assert [v.version for v in store.history(page.url)] == [1]  # the front page is not a version of it
    page.serve(*A)
    page.check()
    assert _events(caplog) == ["source_unpublished", "source_republished"]
    [gone_alert] = _alerts(caplog, "source_unpublished")
    assert gone_alert.reason == f"redirected_to_front: {pages.url('/news/')}"  # type: ignore[attr-defined]
    [back] = _alerts(caplog, "source_republished")
    assert back.reason == "redirected_to_front"  # type: ignore[attr-defined]


def test_redirected_to_front_tells_a_section_front_from_a_moved_article() -> None:
    article_url = "https://news.example.org/2024/05/01/storm-power"
    assert redirected_to_front(article_url, "https://news.example.org/")
    assert redirected_to_front(article_url, "https://www.news.example.org/world/")
    assert not redirected_to_front(article_url, "https://news.example.org/2024/05/01/storm-power-cuts")
    assert not redirected_to_front(article_url, "https://other.example.com/")
    assert not redirected_to_front("https://news.example.org/storm", "https://news.example.org/storm-2")


def test_a_new_headline_alerts_with_both_titles(
    store: Store, pages: PageServer, page: Page, caplog: pytest.LogCaptureFixture
) -> None:
    page.serve(*A)
    page.check()
    new_title = "Storm leaves 40,000 homes without power"
    page.serve(*A, title=new_title)
    changed = page.check()
    assert changed.outcome == "new_version" and changed.version == 2
    [headline] = _alerts(caplog, "headline_changed")
    assert headline.old_title == TITLE and headline.new_title == new_title  # type: ignore[attr-defined]
    assert _alerts(caplog, "content_changed") == []  # the text itself did not change
    assert page.check().outcome == "unchanged"  # and the new title is not news twice
    assert len(_alerts(caplog, "headline_changed")) == 1


def test_an_appended_correction_alerts_with_its_text(
    store: Store, pages: PageServer, page: Page, caplog: pytest.LogCaptureFixture
) -> None:
    page.serve(*A)
    page.check()
    note = ("Correction: An earlier version of this article said schools would reopen on Monday; "
            "they stay closed until Wednesday.")
    page.serve(*A, note)
    page.check()
    [correction] = _alerts(caplog, "correction_added")
    assert correction.text == note  # type: ignore[attr-defined]
    assert correction.new_version == 2  # type: ignore[attr-defined]
    assert len(_alerts(caplog, "content_changed")) == 1  # it is a change of the text too


def test_an_ordinary_new_paragraph_is_no_correction(
    store: Store, pages: PageServer, page: Page, caplog: pytest.LogCaptureFixture
) -> None:
    page.serve(*A)
    page.check()
    page.serve(*A, "The mayor said on Monday that the town would correct the flood maps next year.")
    page.check()
    assert _alerts(caplog, "correction_added") == []


def test_a_page_flipping_between_two_versions_alerts_once(
    store: Store, pages: PageServer, page: Page, caplog: pytest.LogCaptureFixture
) -> None:
    for paragraphs in (A, B, A, B):
        page.serve(*paragraphs)
        assert page.check().outcome == "new_version"  # every version is recorded
    assert [v.version for v in store.history(page.url)] == [1, 2, 3, 4]
    assert len(_alerts(caplog, "content_changed")) == 1
    reverted = [r for r in caplog.records if getattr(r, "event", None) == "content_reverted"]
    assert [getattr(r, "version", None) for r in reverted] == [3, 4]
    assert all(r.levelno == logging.INFO for r in reverted)


def test_reverts_alert_when_the_window_is_zero(
    store: Store, pages: PageServer, caplog: pytest.LogCaptureFixture
) -> None:
    page = Page(store, pages, revert_window=0)
    for paragraphs in (A, B, A, B):
        page.serve(*paragraphs)
        page.check()
    assert len(_alerts(caplog, "content_changed")) == 3


def test_a_return_older_than_the_window_alerts(
    store: Store, pages: PageServer, caplog: pytest.LogCaptureFixture
) -> None:
    page = Page(store, pages, revert_window=1)
    c = (*A[:2], "Schools in the three towns reopen on Thursday, the council said on Monday evening.")
    for paragraphs in (A, B, c, A):
        page.serve(*paragraphs)
        page.check()
    assert len(_alerts(caplog, "content_changed")) == 3  # A came back after two others: news again
