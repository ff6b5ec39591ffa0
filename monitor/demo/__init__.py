"""`monitor demo`: the whole product, offline, in a few seconds.

A loopback web server plays the part of the news site: the seed story's article as first published, a later
revision with updated figures and an added paragraph, a related article from another outlet, and a feed that
links them. The real scheduler and pipeline run against it for a few cycles; the demo then prints the
timeline and leaves `timeline.csv`, `report.html` and the database in the output folder.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.config import Config, parse_config

if TYPE_CHECKING:
    from monitor.store import Store

log = logging.getLogger(__name__)

STORY_ID = "russia-us-aid"
STORY_TITLE = "Russian plane heads to U.S. with supplies for virus fight"
ARTICLE = "/2020/04/01/russian-plane-heads-to-us-with-supplies-for-virus-fight"
RELATED = "/2020/03/31/russia-sends-medical-aid-trump-says"
FEED = "/rss/news"
CYCLE_TIMEOUT = 30.0  # seconds one cycle may take before the demo gives up


def _site_file(name: str) -> bytes:
    return resources.files("monitor.demo").joinpath("site", name).read_bytes()


class DemoSite:
    """The archived story on 127.0.0.1; `revision` picks which version of the article is served."""

    def __init__(self) -> None:
        self.revision = 1
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                body, content_type = site.page(self.path.split("?", 1)[0])
                if body is None:
                    self.send_error(404)
                    return
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # the monitor's own log says what was fetched

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-site", daemon=True)

    def page(self, path: str) -> tuple[bytes | None, str]:
        """The body and content type served at `path` (None: not found)."""
        if path == ARTICLE:
            return _site_file(f"article-v{self.revision}.html"), "text/html; charset=utf-8"
        if path == RELATED:
            return _site_file("related.html"), "text/html; charset=utf-8"
        if path == FEED:
            feed = _site_file("feed.xml").replace(b"{base}", self.base.encode())
            return feed, "application/rss+xml; charset=utf-8"
        return None, ""

    def __enter__(self) -> DemoSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def demo_config(base: str, database: Path) -> Config:
    """The demo's config: the story, its article and its feed on the loopback site, checked every second."""
    return parse_config({
        "database": f"sqlite:///{database}",
        # The feed links to loopback articles; a real config keeps this false.
        "network": {"allow_private_addresses": True, "timeout": "5s", "max_attempts": 1},
        "schedule": {"jitter": 0, "lease": "30s"},
        "stories": [{
            "id": STORY_ID,
            "title": STORY_TITLE,
            "keywords": ["coronavirus", "medical", "plane", "Putin", "Trump"],
            "sources": [{"url": base + ARTICLE, "every": "1s"}],
            "feeds": [{"url": base + FEED, "every": "1s", "follow": True}],
        }],
    })


@dataclass(frozen=True)
class DemoResult:
    """Where the demo left its files, and how many timeline items it found."""

    database: Path
    csv: Path
    report: Path
    items: int


def _say(message: str) -> None:
    print(f"demo: {message}", file=sys.stderr, flush=True)


def _fresh(path: Path) -> Path:
    """A clean database file for each run, so the demo always tells the story from the start."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    return path


@contextmanager
def _quiet_checks() -> Iterator[None]:
    """The demo's own progress lines replace the per-check INFO records; alerts (WARNING) still show."""
    names = ("monitor.run.check", "monitor.run.checker", "monitor.run.cycle", "monitor.run.service")
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


async def _run_cycles(config: Config, store: Store, site: DemoSite, cycles: int) -> None:
    from monitor.run.service import run_service

    stop = asyncio.Event()
    service = asyncio.create_task(run_service(config, store, stop_event=stop))
    try:
        for cycle in range(1, cycles + 1):
            if cycle == 2:
                site.revision = 2
                _say("the site now serves a revision of the article (updated figures, a new paragraph)")
            started = dt.datetime.now(dt.UTC)
            _say(f"cycle {cycle}/{cycles}: checking the article, the feed and the articles it leads to ...")
            await _wait_for_cycle(store, started, service)
            sources = await asyncio.to_thread(store.sources, STORY_ID)
            versions = sum(s.versions for s in sources)
            _say(f"cycle {cycle}/{cycles} done: {len(sources)} sources, {versions} stored versions")
    finally:
        stop.set()
        await service


async def _wait_for_cycle(store: Store, started: dt.datetime, service: asyncio.Task[object]) -> None:
    """Until every active source of the story has been checked since `started` (followed ones included)."""
    deadline = asyncio.get_running_loop().time() + CYCLE_TIMEOUT
    while asyncio.get_running_loop().time() < deadline:
        if service.done():
            service.result()  # re-raise what stopped the service
            raise RuntimeError("the service stopped before the demo finished")
        sources = await asyncio.to_thread(store.sources, STORY_ID, active_only=True)
        checked = [s for s in sources if s.last_checked_at and s.last_checked_at >= started]
        # A feed's followed articles are added during its check: wait one more tick for them to appear.
        settled = (dt.datetime.now(dt.UTC) - started).total_seconds() > 1.5
        if sources and len(checked) == len(sources) and settled:
            return
        await asyncio.sleep(0.2)
    raise RuntimeError(f"a demo cycle took more than {CYCLE_TIMEOUT:.0f} s")


def run_demo(output_dir: Path, *, cycles: int = 3) -> DemoResult:
    """Run the demo, print the timeline, and leave its files in `output_dir`."""
    from monitor.publish.export import format_table, write_csv
    from monitor.publish.report import write_report
    from monitor.store import open_store

    output_dir.mkdir(parents=True, exist_ok=True)
    database = _fresh(output_dir / "demo.sqlite")
    with _quiet_checks(), DemoSite() as site:
        config = demo_config(site.base, database)
        _say(f"serving the archived story at {site.base} (no network needed)")
        store = open_store(config.database)
        try:
            asyncio.run(_run_cycles(config, store, site, cycles))
            entries = store.load_timeline(story=STORY_ID)
            origins = store.source_origins(STORY_ID)
            csv_path = output_dir / "timeline.csv"
            with csv_path.open("w", encoding="utf-8", newline="") as stream:
                write_csv(entries, stream)
            report_path = output_dir / "report.html"
            write_report(store, list(config.stories), report_path)
        finally:
            store.close()
    print(format_table(entries, origins=origins))
    _say(f"{len(entries)} timeline items; wrote {csv_path}, {report_path} and the database {database}")
    _say(f"try: monitor --config <your config.yaml> run   (or open {report_path} in a browser)")
    return DemoResult(database, csv_path, report_path, len(entries))
