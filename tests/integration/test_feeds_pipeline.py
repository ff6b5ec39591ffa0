"""Issue 3's acceptance: feeds served by a local server, checked by `run_once` cycles on real databases.

Relevant entries become publications and followed sources (snapshotted by the next cycle); a feed served
again, reordered with one entry added, duplicates nothing; broken feeds (byte-order mark, wrong declared
encoding, truncated) still give their entries, with the problem recorded on the feed; a page that is not a
feed is that feed's failed check.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from monitor.config import Config, parse_config
from monitor.run.checker import RunSummary
from monitor.run.cycle import run_once
from monitor.store import SourceInfo, Store
from tests.pageserver import article
from tests.store import pg

database_url = pg.database_url  # pytest fixtures, on SQLite and (when configured) PostgreSQL
store = pg.store

PIPELINE = Path(__file__).resolve().parents[1] / "fixtures" / "pipeline"
FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
STORM = ("Corvessa now has 412 confirmed deaths from the cyclone, according to the interior ministry.",
         "Prime Minister Anna Berg spoke with President Tomas Vale on Monday by phone, her office said.")


class Site:
    """Bytes by path with a content type; ETag / If-None-Match like a real server."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                path = self.path.split("?", 1)[0]
                with site.lock:
                    site.hits[path] = site.hits.get(path, 0) + 1
                    body, kind = site.pages.get(path, (b"not found", ""))
                if not kind:
                    self.send_response(404)
                    self.end_headers()
                    return
                tag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
                if self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.send_header("ETag", tag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", tag)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def feed(self, path: str, body: bytes, kind: str = "application/rss+xml") -> None:
        """Serve a feed; its example.* hosts and `{base}` point at this server."""
        body = re.sub(rb"https://[a-z.]+\.example\.[a-z]+", self.base.encode(), body)
        with self.lock:
            self.pages[path] = (body.replace(b"{base}", self.base.encode()), kind)

    def page(self, path: str, title: str, *paragraphs: str) -> None:
        with self.lock:
            self.pages[path] = (article(title, *paragraphs).encode(), "text/html; charset=utf-8")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    yield served
    served.close()




def _config(*stories: dict[str, Any], private: bool = True) -> Config:
    return parse_config({
        "network": {"allow_private_addresses": private, "max_attempts": 1, "timeout": "10s"},
        "schedule": {"jitter": 0},
        "stories": list(stories),
    })


def _cycle(config: Config, store: Store) -> RunSummary:
    return asyncio.run(run_once(config, store))


def _sources(store: Store, story: str) -> dict[str, SourceInfo]:
    return {s.url: s for s in store.sources(story)}


def _publications(store: Store, story: str) -> list[Any]:
    return [e for e in store.load_timeline(story) if e.kind == "publication"]


def _alerts(caplog: pytest.LogCaptureFixture, event: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "monitor.alerts" and getattr(r, "event", None) == event]


def _storm_site(site: Site) -> None:
    site.feed("/rss", (PIPELINE / "relief-feed.xml").read_bytes())
    site.page("/world/relief-ship", "Relief ship sails", *STORM)
    site.page("/world/leaders-call", "Leaders discuss reconstruction", STORM[1])
    site.page("/world/engineers", "Engineers reach Corvessa",
              "Forty engineers from Marland arrived in Corvessa on Thursday, the interior ministry said.")
    site.page("/culture/festival", "Festival moved", "The harbour festival was moved to October.")


STORM_STORY = {"id": "storm", "keywords": ["cyclone", "Corvessa"]}


def test_relevant_entries_are_followed_snapshotted_and_never_duplicated(
    store: Store, site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    _storm_site(site)
    feed = site.url("/rss")
    config = _config({**STORM_STORY, "feeds": [{"url": feed, "every": "15m", "follow": True,
                                                "source_every": "1h"}]})
    first = _cycle(config, store)
    assert first.counts == {"new_version": 1}  # the feed: three new entries
    sources = _sources(store, "storm")
    followed = [site.url("/world/relief-ship"), site.url("/world/leaders-call")]  # tracking params dropped
    assert sorted(sources) == sorted([feed, *followed])
    assert all(sources[u].origin == f"feed:{feed}" and sources[u].every_seconds == 3600 for u in followed)
    assert sources[feed].entries == 3 and sources[feed].last_error is None
    pubs = _publications(store, "storm")
    assert sorted((p.date, p.summary) for p in pubs) == [
        ("2023-09-05", "Leaders discuss reconstruction after the cyclone"),
        ("2023-09-06", "Relief ship sails for cyclone-hit Corvessa"),
    ]
    assert all(p.source_url == feed and p.status == "active" for p in pubs)
    assert len([a for a in _alerts(caplog, "event_added") if a.kind == "publication"]) == 2  # type: ignore[attr-defined]

    second = _cycle(config, store)  # the followed articles are checked like any source
    assert second.counts == {"not_modified": 1, "new_version": 2}
    sources = _sources(store, "storm")
    assert [sources[u].versions for u in followed] == [1, 1]
    assert site.hits.get("/culture/festival") is None
    [call] = [e for e in store.load_timeline("storm") if e.kind == "call"]
    assert call.source_count == 2  # both followed articles report the leaders' call

    caplog.clear()
    site.feed("/rss", (PIPELINE / "relief-feed-later.xml").read_bytes())  # reordered, one entry added
    third = _cycle(config, store)
    assert third.counts.get("new_version") == 1 and third.failed == 0
    sources = _sources(store, "storm")
    assert len(sources) == 4 and sources[feed].entries == 4
    assert sources[site.url("/world/engineers")].versions == 0  # followed now, checked by the next cycle
    pubs = _publications(store, "storm")
    assert len(pubs) == 3 and len({p.event_id for p in pubs}) == 3
    added = [a for a in _alerts(caplog, "event_added")]
    assert [a.summary for a in added] == ["Engineers from Marland reach Corvessa"]  # type: ignore[attr-defined]
    assert _alerts(caplog, "content_changed") == []

    _cycle(config, store)
    assert _sources(store, "storm")[site.url("/world/engineers")].versions == 1
    timeline = store.load_timeline("storm")
    assert len({e.event_id for e in timeline}) == len(timeline)

    # The feed moves on: older entries drop out of its window, but publications are cumulative.
    site.feed("/rss", (PIPELINE / "relief-feed-later.xml").read_bytes().replace(b"ledger-relief-1", b"x-1")
              .replace(b"Relief ship sails for cyclone-hit Corvessa", b"Storm passes, skies clear"))
    _cycle(config, store)
    statuses = {p.summary: p.status for p in _publications(store, "storm")}
    assert statuses["Relief ship sails for cyclone-hit Corvessa"] == "active"


def test_a_revised_entry_keeps_its_history_and_alerts(
    store: Store, site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    _storm_site(site)
    feed = site.url("/rss")
    config = _config({**STORM_STORY, "feeds": [{"url": feed, "follow": False}]})
    _cycle(config, store)
    raw = (PIPELINE / "relief-feed.xml").read_bytes()
    site.feed("/rss", raw.replace(b"Leaders discuss reconstruction after the cyclone",
                                  b"Leaders agree on cyclone reconstruction plan"))
    _cycle(config, store)
    [changed] = _alerts(caplog, "content_changed")
    assert changed.url == site.url("/world/leaders-call") and changed.story == "storm"  # type: ignore[attr-defined]
    assert changed.feed == feed and changed.revision == 2  # type: ignore[attr-defined]
    source_id = _sources(store, "storm")[feed].id
    history = store.feed_entry_revisions(source_id, "ledger-call-1")
    assert [(r, t) for r, t, _ in history] == [(1, "Leaders discuss reconstruction after the cyclone"),
                                              (2, "Leaders agree on cyclone reconstruction plan")]
    pubs = _publications(store, "storm")
    assert len(pubs) == 2  # the same publication, its headline revised, not a second one
    assert _sources(store, "storm") == {feed: _sources(store, "storm")[feed]}  # follow: false


def test_broken_feeds_keep_their_entries_and_say_what_is_wrong(store: Store, site: Site) -> None:
    site.feed("/bom", (FEEDS / "rss2_utf8_bom.xml").read_bytes())
    site.feed("/latin1-is-utf8", (FEEDS / "rss2_declared_latin1_is_utf8.xml").read_bytes())
    site.feed("/utf8-is-latin1", (FEEDS / "rss2_declared_utf8_is_latin1.xml").read_bytes())
    site.feed("/truncated", (FEEDS / "rss2_truncated.xml").read_bytes())
    site.feed("/atom", (FEEDS / "atom_bridge.xml").read_bytes(), "application/atom+xml")
    site.feed("/html", (FEEDS / "not_a_feed.html").read_bytes(), "text/html; charset=utf-8")
    site.feed("/empty", b"", "application/rss+xml")
    articles = ("/cafe-gare", "/cafe", "/fete", "/lighthouse", "/pier", "/news/bridge-closed", "/news/ferry")
    for path in articles:
        site.page(path, f"Article {path}", f"Local news from {path} today, the town council said.")
    feeds = ["/bom", "/latin1-is-utf8", "/utf8-is-latin1", "/truncated", "/atom", "/html", "/empty"]
    config = _config({
        "id": "town", "keywords": ["café", "fête", "lighthouse", "pier", "bridge"],
        "feeds": [{"url": site.url(p), "follow": True, **({"exclude": ["ferry"]} if p == "/atom" else {})}
                  for p in feeds],
    })
    first = _cycle(config, store)
    assert first.counts == {"new_version": 5, "failed": 2} and first.errors == 0
    sources = _sources(store, "town")
    assert sources[site.url("/html")].last_error == "not_a_feed: it is an HTML page"
    assert sources[site.url("/empty")].last_error.startswith("not_a_feed")  # type: ignore[union-attr]
    assert sources[site.url("/html")].error_streak == 1
    truncated = sources[site.url("/truncated")]
    assert truncated.error_streak == 0 and truncated.entries == 3
    assert truncated.last_error is not None and truncated.last_error.startswith("malformed_feed")
    assert sources[site.url("/utf8-is-latin1")].last_error.startswith("malformed_feed")  # type: ignore[union-attr]
    assert sources[site.url("/bom")].last_error is None

    summaries = {p.summary for p in _publications(store, "town")}
    assert summaries == {"Le café de la gare rouvre à Saint-Aubépine", "Zürich café reopens – finally",
                         "Fête de quartier annulée", "Lighthouse keeper retires after 40 years",
                         "New pier opens to fishing boats", "Old Mill Bridge closed after flood"}
    wanted = ["/cafe-gare", "/cafe", "/fete", "/lighthouse", "/pier", "/news/bridge-closed"]
    assert sorted(u for u, s in sources.items() if s.kind == "page") == sorted(site.url(p) for p in wanted)

    _cycle(config, store)
    sources = _sources(store, "town")
    assert all(sources[site.url(p)].versions == 1 for p in wanted)
    assert site.hits.get("/news/ferry") is None  # excluded by the feed's `exclude`


def test_the_seed_keywords_pick_the_seed_entry_only(store: Store, site: Site) -> None:
    site.feed("/world", (FEEDS / "rss2_world_news.xml").read_bytes())
    keywords = ["coronavirus", "medical", "plane", "Putin", "Trump"]
    config = _config({"id": "russia-us-aid", "keywords": keywords,
                      "feeds": [{"url": site.url("/world"), "follow": True}]})
    _cycle(config, store)
    [pub] = _publications(store, "russia-us-aid")
    assert pub.date == "2020-04-01"
    assert pub.summary == "Russian Plane Heads to U.S. With Supplies for Virus Fight"
    pages = [s for s in store.sources("russia-us-aid") if s.kind == "page"]
    assert [p.url for p in pages] == [site.url("/2020/04/01/russian-plane-heads-to-us")]


def test_new_sources_per_check_are_capped_and_no_article_is_added_twice(store: Store, site: Site) -> None:
    _storm_site(site)
    site.feed("/rss2", (PIPELINE / "relief-feed-later.xml").read_bytes())
    relief = site.url("/world/relief-ship")
    config = _config({**STORM_STORY, "sources": [{"url": relief}],
                      "feeds": [{"url": site.url("/rss2"), "follow": True, "max_new_sources": 1},
                                {"url": site.url("/rss"), "follow": True}]})
    _cycle(config, store)
    sources = _sources(store, "storm")
    assert sources[relief].origin == "config"  # already a config source: not added again
    pages = sorted(u for u, s in sources.items() if s.kind == "page")
    assert pages == sorted([relief, site.url("/world/engineers"), site.url("/world/leaders-call")])
    leaders = [p for p in _publications(store, "storm") if p.summary.startswith("Leaders")]
    assert len(leaders) == 1 and leaders[0].source_count == 2  # one article announced by two feeds


def test_the_cap_defers_the_rest_to_the_next_check(store: Store, site: Site) -> None:
    _storm_site(site)
    site.feed("/rss", (PIPELINE / "relief-feed-later.xml").read_bytes())
    feed = {"url": site.url("/rss"), "follow": True, "max_new_sources": 1}
    config = _config({**STORM_STORY, "feeds": [feed]})
    counts = []
    for _ in range(4):
        _cycle(config, store)
        counts.append(len([s for s in store.sources("storm") if s.kind == "page"]))
    assert counts == [1, 2, 3, 3]


@pytest.mark.parametrize("private", [False, True])
def test_followed_links_go_through_the_address_guard(store: Store, site: Site, private: bool) -> None:
    _storm_site(site)
    config = _config({**STORM_STORY, "feeds": [{"url": site.url("/rss"), "follow": True}]}, private=private)
    _cycle(config, store)  # the feed itself is written in the config: trusted
    _cycle(config, store)
    followed = _sources(store, "storm")[site.url("/world/relief-ship")]
    if private:
        assert followed.versions == 1 and followed.last_error is None
    else:
        assert followed.versions == 0 and followed.last_error == "blocked_address"
        assert site.hits.get("/world/relief-ship") is None
