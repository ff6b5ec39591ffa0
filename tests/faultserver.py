"""A threaded HTTP server on 127.0.0.1 that misbehaves on purpose, for fetcher and reliability tests.

    with FaultServer() as server:
        server.routes["/page"] = static(b"<p>hi</p>", "text/html; charset=utf-8")
        url = server.url("/page")
        ...
        assert server.count("/page") == 1

Routes are a plain dict of path -> handler (the query string is not part of the key; handlers read it from
`req.query`). Every request is recorded with its headers; the server also tracks how many requests are in
flight at once (`max_in_flight`). Built-in routes (see DEFAULT_ROUTES):

    /ok                       small UTF-8 HTML page
    /etag                     ETag + Last-Modified; 304 to a matching If-None-Match / If-Modified-Since
    /hang?seconds=S           sends nothing for S seconds (default 30), not even headers
    /drip?interval=I&bytes=N  headers, then one byte every I seconds (default 0.2 s, 1000 bytes)
    /reset                    headers promising 10000 bytes, 100 bytes, then a TCP reset
    /status?code=C&retry_after=R   status C with an optional Retry-After header
    /flaky?fail=N&code=C&retry_after=R&key=K   status C (default 503; 0 = reset) for the first N
                              requests of key K, then 200
    /loop/a, /loop/b          redirect to each other
    /redirect?n=N             a chain of N redirects ending at /ok
    /redirect-to?location=L&code=C   one redirect to L
    /endless                  an endless body without Content-Length
    /big?size=N&length=0|1    N bytes of text (with Content-Length unless length=0)
    /gzip-bomb?size=N         gzip of N zero bytes (default 50 MB) with Content-Encoding: gzip
    /binary                   NUL-heavy bytes labelled text/html
    /empty                    200 with an empty body
    /truncated-feed           an RSS document cut off mid-element
    /slow?delay=D             waits D seconds (default 0.3) then answers 200 (for concurrency tests)
    /echo                     JSON of the request line and headers
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

__all__ = ["DEFAULT_ROUTES", "FaultServer", "RecordedRequest", "Request", "fault_server", "static"]


@dataclass(frozen=True)
class RecordedRequest:
    """What the server saw: the method, path, query and headers (lower-case names) of one request."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    client_port: int = 0  # the client's source port: equal ports mean a reused keep-alive connection
    at: float = field(default_factory=time.monotonic)


class Request:
    """What a route handler gets: the parsed request plus helpers to answer it."""

    def __init__(self, handler: _Handler, server: FaultServer, path: str, query: dict[str, str]) -> None:
        self.handler = handler
        self.server = server
        self.path = path
        self.query = query
        self.headers = {k.lower(): v for k, v in handler.headers.items()}

    def arg(self, name: str, default: str) -> str:
        return self.query.get(name, default)

    def send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str | None = "text/plain; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        """A complete response with Content-Length."""
        self.send_head(status, content_type, {"Content-Length": str(len(body)), **(headers or {})})
        self.write(body)

    def send_head(
        self, status: int, content_type: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        h = self.handler
        h.send_response(status)
        if content_type:
            h.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        if "Content-Length" not in (headers or {}):
            # Without a length the body runs until the connection closes.
            h.send_header("Connection", "close")
            h.close_connection = True
        h.end_headers()

    def write(self, data: bytes) -> None:
        self.handler.wfile.write(data)
        self.handler.wfile.flush()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True if the server is stopping (handlers should return then)."""
        return self.server.stopping.wait(seconds)

    def reset(self) -> None:
        """Abort the connection with a TCP RST instead of a clean close."""
        conn = self.handler.connection
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.handler.close_connection = True
        conn.close()


Route = Callable[[Request], None]


def static(
    body: bytes | str,
    content_type: str | None = "text/html; charset=utf-8",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Route:
    """A route that always answers the same response."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def route(req: Request) -> None:
        req.send(status, data, content_type, headers)

    return route


# ------------------------------------------------------------------------------------------------ routes

_OK_HTML = "<!doctype html><html><head><title>OK</title></head><body><p>Hello, world.</p></body></html>"
ETAG = '"v1-abc"'
LAST_MODIFIED = "Wed, 01 Apr 2020 10:00:00 GMT"


def _ok(req: Request) -> None:
    req.send(200, _OK_HTML.encode(), "text/html; charset=utf-8")


def _etag(req: Request) -> None:
    validators = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
    inm = req.headers.get("if-none-match")
    ims = req.headers.get("if-modified-since")
    fresh = False
    if inm is not None:
        fresh = ETAG in [tag.strip() for tag in inm.split(",")] or inm.strip() == "*"
    elif ims is not None:
        try:
            fresh = parsedate_to_datetime(ims) >= parsedate_to_datetime(LAST_MODIFIED)
        except (TypeError, ValueError):
            fresh = False
    if fresh:
        req.send_head(304, None, {**validators, "Content-Length": "0"})
    else:
        req.send(
            200, b"<html><body><p>Version one.</p></body></html>", "text/html; charset=utf-8", validators
        )


def _hang(req: Request) -> None:
    req.wait(float(req.arg("seconds", "30")))
    req.handler.close_connection = True


def _drip(req: Request) -> None:
    total = int(req.arg("bytes", "1000"))
    interval = float(req.arg("interval", "0.2"))
    req.send_head(200, "text/plain; charset=utf-8", {"Content-Length": str(total)})
    for _ in range(total):
        if req.wait(interval):
            return
        req.write(b"x")


def _reset(req: Request) -> None:
    req.send_head(200, "text/html; charset=utf-8", {"Content-Length": "10000"})
    req.write(b"<html><body>" + b"a" * 88)
    time.sleep(0.05)  # let the client read the headers first, so the reset lands mid-body
    req.reset()


def _retry_headers(req: Request) -> dict[str, str]:
    retry_after = req.query.get("retry_after")
    return {"Retry-After": retry_after} if retry_after is not None else {}


def _status(req: Request) -> None:
    code = int(req.arg("code", "500"))
    req.send(code, f"status {code}\n".encode(), headers=_retry_headers(req))


def _flaky(req: Request) -> None:
    key = req.arg("key", req.path)
    failures = int(req.arg("fail", "2"))
    seen = req.server.bump(f"flaky:{key}")
    if seen <= failures:
        code = int(req.arg("code", "503"))
        if code == 0:  # code=0: fail by resetting the connection instead of answering
            req.reset()
            return
        req.send(code, f"failure {seen} of {failures}\n".encode(), headers=_retry_headers(req))
    else:
        _ok(req)


def _redirect(location: str, code: int = 302) -> Route:
    def route(req: Request) -> None:
        req.send(code, b"", None, {"Location": location})

    return route


def _redirect_chain(req: Request) -> None:
    n = int(req.arg("n", "3"))
    location = f"/redirect?n={n - 1}" if n > 1 else "/ok"
    req.send(302, b"", None, {"Location": location})


def _redirect_to(req: Request) -> None:
    req.send(int(req.arg("code", "302")), b"", None, {"Location": req.arg("location", "/ok")})


def _endless(req: Request) -> None:
    req.send_head(200, "text/html; charset=utf-8")
    chunk = b"<p>" + b"all work and no play " * 3000 + b"</p>\n"
    try:
        while not req.server.stopping.is_set():
            req.write(chunk)
    except OSError:  # the client hung up, as it should
        return


def _big(req: Request) -> None:
    size = int(req.arg("size", "6000000"))
    body = (b"0123456789abcdef" * (size // 16 + 1))[:size]
    if req.arg("length", "1") == "1":
        req.send(200, body, "text/plain; charset=utf-8")
        return
    req.send_head(200, "text/plain; charset=utf-8")
    try:
        for start in range(0, size, 65536):
            req.write(body[start : start + 65536])
    except OSError:
        return


@lru_cache(maxsize=4)
def gzip_of_zeros(size: int) -> bytes:
    """Gzip of `size` zero bytes: about 1000 times smaller than what it expands to."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip container
    block = b"\0" * min(size, 1 << 20)  # compressed a block at a time, so a 1 GB bomb costs no 1 GB here
    parts = [compressor.compress(block) for _ in range(size // len(block))] if size else []
    parts.append(compressor.compress(block[: size % len(block)]) if size else b"")
    parts.append(compressor.flush())
    return b"".join(parts)


def _gzip_bomb(req: Request) -> None:
    body = gzip_of_zeros(int(req.arg("size", "50000000")))
    req.send(200, body, req.arg("type", "text/plain"), {"Content-Encoding": "gzip"})


def _binary(req: Request) -> None:
    body = bytes(range(256)) * 16 + b"\0" * 1024
    req.send(200, body, "text/html; charset=utf-8")


def _empty(req: Request) -> None:
    req.send(200, b"", "text/html; charset=utf-8")


TRUNCATED_FEED = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Feed</title>\n'
    b"<item><title>First entry</title><link>http://example.com/1</link></item>\n"
    b"<item><title>Second ent"
)


def _truncated_feed(req: Request) -> None:
    req.send(200, TRUNCATED_FEED, "application/rss+xml; charset=utf-8")


def _slow(req: Request) -> None:
    req.wait(float(req.arg("delay", "0.3")))
    _ok(req)


def _echo(req: Request) -> None:
    body = json.dumps({"path": req.path, "query": req.query, "headers": req.headers}).encode()
    req.send(200, body, "application/json")


DEFAULT_ROUTES: dict[str, Route] = {
    "/ok": _ok,
    "/etag": _etag,
    "/hang": _hang,
    "/drip": _drip,
    "/reset": _reset,
    "/status": _status,
    "/flaky": _flaky,
    "/loop/a": _redirect("/loop/b"),
    "/loop/b": _redirect("/loop/a"),
    "/redirect": _redirect_chain,
    "/redirect-to": _redirect_to,
    "/endless": _endless,
    "/big": _big,
    "/gzip-bomb": _gzip_bomb,
    "/binary": _binary,
    "/empty": _empty,
    "/truncated-feed": _truncated_feed,
    "/slow": _slow,
    "/echo": _echo,
}


# ------------------------------------------------------------------------------------------------ server


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so the client's connection pool is exercised
    server: _HTTPServer

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        self.server.fault.dispatch(self)

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass  # keep test output clean


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    fault: FaultServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up on purpose are the point of this server


class FaultServer:
    """The fault-injection server; a context manager that starts and stops it."""

    def __init__(self, routes: dict[str, Route] | None = None) -> None:
        self.routes: dict[str, Route] = dict(DEFAULT_ROUTES if routes is None else routes)
        self.requests: list[RecordedRequest] = []
        self.stopping = threading.Event()
        self.in_flight = 0
        self.max_in_flight = 0
        self._counters: dict[str, int] = {}
        self._lock = threading.Lock()
        self._httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.fault = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def bump(self, key: str) -> int:
        """Increment and return a named counter (shared by handler threads)."""
        with self._lock:
            self._counters[key] = self._counters.get(key, 0) + 1
            return self._counters[key]

    def requests_to(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def count(self, path: str) -> int:
        return len(self.requests_to(path))

    def reset_stats(self) -> None:
        with self._lock:
            self.requests.clear()
            self._counters.clear()
            self.max_in_flight = 0

    def dispatch(self, handler: _Handler) -> None:
        parts = urlsplit(handler.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        req = Request(handler, self, parts.path, query)
        with self._lock:
            self.requests.append(
                RecordedRequest(
                    handler.command, parts.path, query, req.headers, int(handler.client_address[1])
                )
            )
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            route = self.routes.get(parts.path)
            if route is None:
                req.send(404, b"no such route\n")
            else:
                route(req)
        except OSError:
            handler.close_connection = True  # the client went away mid-response
        finally:
            with self._lock:
                self.in_flight -= 1


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A running FaultServer with the default routes, stopped after the test."""
    with FaultServer() as server:
        yield server


def http_date(seconds_from_now: float) -> str:
    """An HTTP-date `seconds_from_now` in the future, for Retry-After tests."""
    return formatdate(time.time() + seconds_from_now, usegmt=True)
