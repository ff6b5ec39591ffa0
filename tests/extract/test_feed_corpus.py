"""The feedparser corpus served as feeds (issue 7 item 5): every file is ingested or refused, never a crash.

Every one of the 2,106 files under ../shared/data/feeds/ (read in place) is served by one local server, with
the HTTP headers the file's own comment asks for (`Header: Content-type: ...`, as feedparser's test suite
does) and application/xml otherwise. Each is a feed source of the config, and the whole corpus goes through
the real check path (`run_once`: fetch -> parse_feed -> store entries -> publications in the timeline) in one
cycle. A feed is then either ingested (its check did not fail, its entries are stored) or refused with a clear
reason recorded on the source; no check crashes and the database stays intact.

    pytest tests/test_feed_corpus.py -s      # prints counts (ingested / refused by reason) and the time
"""

from __future__ import annotations

import asyncio
import codecs
import re
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from monitor.config import parse_config
from monitor.run.cycle import run_once
from monitor.store import open_store
from tests.faultserver import FaultServer, Request, Route

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "feeds"
PER_STORY = 100  # feeds per story: keeps each story's timeline (reconciled at every new entry) small
# Reasons a refusal may give: the feed stage's own, and the fetcher's for bodies it will not read.
CLEAR_REASONS = ("not_a_feed: ", "binary_content", "decode_error", "too_large")
# Headers of the response itself, which the server sets; a file cannot ask for them.
_OWN_HEADERS = frozenset({"content-length", "connection", "transfer-encoding", "content-encoding"})
_HEADER = re.compile(r"^Header:\s*([A-Za-z-]+):[ \t]*(.*?)\s*$", re.MULTILINE)


def _comment(data: bytes) -> str:
    """The file's text as far as its leading comment goes, in whatever Unicode form the file is in."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data[:4096].decode(codec, errors="ignore")
    if data[:4].count(0) >= 2:  # UTF-16/32 without a byte-order mark
        for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
            head = data[:4096].decode(codec, errors="ignore")
            if "<!--" in head[:20] or "<?xml" in head[:20]:
                return head
    return data[:4096].decode("latin-1")


def headers_for(data: bytes) -> dict[str, str]:
    """The response headers a corpus file asks for in its comment; Content-Type application/xml by default."""
    wanted: dict[str, str] = {}
    head = _comment(data)
    end = head.find("-->")
    for name, value in _HEADER.findall(head[: end if end >= 0 else len(head)]):
        if name.lower() not in _OWN_HEADERS:
            wanted[name.title()] = value
    wanted.setdefault("Content-Type", "application/xml")
    return wanted


def _route(path: Path) -> Route:
    def route(req: Request) -> None:
        data = path.read_bytes()
        headers = headers_for(data)
        content_type = headers.pop("Content-Type") or None
        req.send(200, data, content_type, headers)

    return route


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> list[Path]:
    files = sorted(p for p in CORPUS.rglob("*.xml") if p.is_file())
    if not files:
        pytest.skip(f"{CORPUS} holds no feeds")
    return files


def test_headers_come_from_the_file_comment() -> None:
    sample = b"<!--\nHeader:  Content-type: text/xml; charset=windows-1252\nHeader: X-Foo: bar\n-->\n<rss/>"
    assert headers_for(sample) == {"Content-Type": "text/xml; charset=windows-1252", "X-Foo": "bar"}
    assert headers_for(b"<rss/>") == {"Content-Type": "application/xml"}
    utf16 = codecs.BOM_UTF16_LE + "<!--\nHeader: Content-type: text/xml\n-->".encode("utf-16-le")
    assert headers_for(utf16) == {"Content-Type": "text/xml"}


def test_every_corpus_feed_is_ingested_or_refused_with_a_reason(corpus: list[Path], tmp_path: Path) -> None:
    with FaultServer(routes={}) as server:
        urls: dict[str, Path] = {}
        for path in corpus:
            rel = path.relative_to(CORPUS).as_posix()
            server.routes[f"/c/{rel}"] = _route(path)
            urls[server.url(f"/c/{rel}")] = path
        ordered = list(urls)
        stories = [
            {"id": f"corpus-{n}", "keywords": ["example", "the", "title", "entry", "item"],
             "feeds": [{"url": url, "every": "1h"} for url in ordered[start:start + PER_STORY]]}
            for n, start in enumerate(range(0, len(ordered), PER_STORY))
        ]
        config = parse_config({
            "database": f"sqlite:///{tmp_path / 'corpus.sqlite'}",
            "network": {"timeout": "10s", "max_attempts": 1, "max_per_host": 16, "max_connections": 16},
            "schedule": {"concurrency": 16},
            "stories": stories,
        })
        store = open_store(config.database)
        try:
            began = time.monotonic()
            summary = asyncio.run(run_once(config, store))
            took = time.monotonic() - began
            infos = {s.url: s for s in store.sources() if s.kind == "feed"}
            with store.engine.connect() as db:
                assert db.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                items = db.execute(text("SELECT COUNT(*) FROM timeline_items")).scalar()
        finally:
            store.close()

    assert summary.errors == 0, "a check crashed (logged with a traceback)"
    assert len(summary.outcomes) == len(corpus) == len(infos)
    refused: Counter[str] = Counter()
    unclear: list[str] = []
    ingested = entries = warned = 0
    for outcome in summary.outcomes:
        info = infos[outcome.url]
        if outcome.outcome == "failed":
            assert info.last_error == outcome.reason
            reason = outcome.reason or ""
            if not reason.startswith(CLEAR_REASONS):
                unclear.append(f"{urls[outcome.url].relative_to(CORPUS)}: {reason!r}")
            refused[reason.split(":", 1)[0]] += 1
        else:
            ingested += 1
            entries += info.entries
            warned += bool(info.last_error)  # read in part: the parser's complaint is on record
    print(f"\nfeed corpus: {len(corpus)} files in {took:.1f}s: {ingested} ingested "
          f"({warned} of them malformed, {entries} entries, {items} timeline items), "
          f"{sum(refused.values())} refused {dict(refused)}")
    assert unclear == [], unclear
    # feedparser's well-formed feeds are feeds: the monitor must read them all, UTF-16/32 without a
    # byte-order mark and CDF channels without items included.
    wellformed_refused = {
        str(urls[o.url].relative_to(CORPUS)): o.reason for o in summary.outcomes
        if o.outcome == "failed" and urls[o.url].relative_to(CORPUS).parts[0] == "wellformed"
    }
    assert wellformed_refused == {}, wellformed_refused
    # Only documents with no element at all may be refused (in this corpus: the one holding just a comment).
    refused_files = [urls[o.url] for o in summary.outcomes if o.outcome == "failed"]
    not_empty = [path.relative_to(CORPUS).as_posix() for path in refused_files
                 if re.sub(rb"<!--.*?-->", b"", path.read_bytes(), flags=re.DOTALL).strip()]
    assert not_empty == [], not_empty
    assert not any(reason == "binary_content" for reason in refused)  # UTF-16/32 feeds are text
