"""Issue 14: values from outside that do not fit a column, and hostile feed links, must not break a source.

Each check runs against a real HTTP server on 127.0.0.1 and a real database: a SQLite file and (marked, when
MONITOR_TEST_POSTGRES_URL is set) PostgreSQL, whose VARCHAR columns refuse what SQLite silently keeps.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from monitor.config import parse_config
from monitor.limits import ETAG_LENGTH, LAST_MODIFIED_LENGTH, URL_LENGTH
from monitor.run.checker import RunSummary
from monitor.run.cycle import run_once
from monitor.store import Store
from tests.faultserver import FaultServer, static
from tests.pageserver import article
from tests.store import pg

database_url = pg.database_url  # pytest fixtures, on SQLite and (when configured) PostgreSQL
store = pg.store

PAGE = article("River floods valley",
               "The river rose above the flood mark on Tuesday morning, officials in the valley said.",
               "Emergency crews moved two hundred families from houses near the old bridge before noon.")


def _cycle(store: Store, story: dict[str, Any]) -> RunSummary:
    config = parse_config({
        "network": {"allow_private_addresses": True, "max_attempts": 1, "timeout": "10s"},
        "schedule": {"jitter": 0},
        "stories": [story],
    })
    return asyncio.run(run_once(config, store))


def _feed(*links: str) -> bytes:
    items = "".join(f"<item><title>Flood item {i}</title><link>{link}</link></item>"
                    for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}'
            "</channel></rss>").encode()


@pytest.mark.parametrize(("header", "value"), [
    ("ETag", '"' + "e" * 1998 + '"'),  # 2,000 characters
    ("Last-Modified", "Wed, 01 Apr 2020 10:00:00 GMT; " + "x" * 369),  # 400 characters
])
def test_an_over_long_validator_is_dropped_and_the_page_still_stored(
    store: Store, fault_server: FaultServer, caplog: pytest.LogCaptureFixture, header: str, value: str,
) -> None:
    fault_server.routes["/page"] = static(PAGE, headers={header: value})
    url = fault_server.url("/page")
    summary = _cycle(store, {"id": "flood", "sources": [{"url": url}]})
    assert [o.outcome for o in summary.outcomes] == ["new_version"]
    [info] = store.sources("flood")
    assert info.versions == 1 and info.error_streak == 0
    ref = store.source(info.id)
    assert ref.etag is None and ref.last_modified is None  # dropped: the next check is unconditional
    assert any(getattr(r, "event", None) == "validator_dropped" for r in caplog.records)
    assert ETAG_LENGTH < 2000 and LAST_MODIFIED_LENGTH < 400


def test_over_long_and_invalid_feed_links_are_refused_with_a_reason(
    store: Store, fault_server: FaultServer,
) -> None:
    long_link = fault_server.url("/a?" + "q" * (2130 - len(fault_server.url("/a?"))))
    assert len(long_link) == 2130 > URL_LENGTH
    good = fault_server.url("/good")
    fault_server.routes["/feed"] = static(_feed(long_link, "http://xn--:p/", "http://xn--/", good),
                                          "application/rss+xml")
    fault_server.routes["/good"] = static(PAGE)
    feed = fault_server.url("/feed")
    summary = _cycle(store, {"id": "flood", "keywords": ["flood"],
                             "feeds": [{"url": feed, "follow": True}]})
    assert [o.outcome for o in summary.outcomes] == ["new_version"]
    rows = {s.url: s for s in store.sources("flood")}
    assert set(rows) == {feed, good}  # only the good link was followed
    warning = rows[feed].last_error or ""
    assert rows[feed].error_streak == 0
    assert "link_too_long" in warning and "invalid_link" in warning
    assert len(store.feed_entries(rows[feed].id)) == 4  # the entries themselves are kept

    again = _cycle(store, {"id": "flood", "keywords": ["flood"], "feeds": [{"url": feed, "follow": True}]})
    assert {o.outcome for o in again.outcomes} <= {"new_version", "unchanged", "not_modified"}


def test_an_over_long_guid_is_kept_by_its_hash(store: Store, fault_server: FaultServer) -> None:
    guid = "urn:x:" + "g" * 3000
    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item>'
            f"<title>Flood item</title><guid isPermaLink=\"false\">{guid}</guid></item></channel></rss>")
    fault_server.routes["/feed"] = static(body, "application/rss+xml")
    feed = fault_server.url("/feed")
    for _ in range(2):
        summary = _cycle(store, {"id": "flood", "feeds": [{"url": feed}]})
        assert [o.outcome for o in summary.outcomes][0] in ("new_version", "unchanged")
    [info] = store.sources("flood")
    [entry] = store.feed_entries(info.id)
    assert len(entry.key) <= URL_LENGTH and entry.guid is None


def test_a_page_with_a_nul_byte_is_stored(store: Store, fault_server: FaultServer) -> None:
    fault_server.routes["/page"] = static(PAGE.replace("Emergency crews", "Emergency\x00 crews"))
    summary = _cycle(store, {"id": "flood", "sources": [{"url": fault_server.url("/page")}]})
    assert [(o.outcome, o.reason) for o in summary.outcomes] == [("new_version", None)]


def test_a_page_nested_too_deep_is_read_or_failed_with_an_honest_reason(
    store: Store, fault_server: FaultServer,
) -> None:
    body = PAGE.split("<article>", 1)[1].split("</article>", 1)[0]
    fault_server.routes["/divs"] = static("<html><body>" + "<div>" * 100_000 + body + "</div>" * 100_000
                                          + "</body></html>")
    fault_server.routes["/lists"] = static("<html><body>" + "<ul><li>" * 100_000 + "Deep text."
                                           + "</li></ul>" * 100_000 + "</body></html>")
    summary = _cycle(store, {"id": "flood", "sources": [{"url": fault_server.url("/divs")},
                                                        {"url": fault_server.url("/lists")}]})
    outcomes = {o.url.rsplit("/", 1)[1]: (o.outcome, o.reason) for o in summary.outcomes}
    assert outcomes == {"divs": ("new_version", None),
                        "lists": ("failed", "unparseable_html: markup nested deeper than 255 levels")}


def test_a_source_with_auth_is_fetched_with_its_credentials(
    store: Store, fault_server: FaultServer, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import base64

    from tests.faultserver import Request

    expected = "Basic " + base64.b64encode(b"reader:hunter2").decode()

    def members(req: Request) -> None:
        if req.headers.get("authorization") == expected:
            req.send(200, PAGE.encode(), "text/html; charset=utf-8")
        else:
            req.send(401, b"who are you?", headers={"WWW-Authenticate": 'Basic realm="members"'})

    fault_server.routes["/members"] = members
    monkeypatch.setenv("MEMBERS_PASSWORD", "hunter2")
    url = fault_server.url("/members")
    auth = {"username": "reader", "password_env": "MEMBERS_PASSWORD"}
    summary = _cycle(store, {"id": "flood", "sources": [{"url": url, "auth": auth}]})
    assert [(o.outcome, o.reason) for o in summary.outcomes] == [("new_version", None)]
