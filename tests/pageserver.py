"""A small HTTP server on 127.0.0.1 whose pages a test can change between checks.

    with PageServer() as server:
        server.set("/story", "<html>...</html>")     # 200, with an ETag honouring If-None-Match
        server.fail("/story", 503)                   # every request answers 503 from now on
        server.redirect("/story", "/news/")          # 301 to another path of the server
        server.url("/story"); server.requests("/story")[-1]["if-none-match"]
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class _Page:
    status: int = 200
    body: bytes = b""
    etag: bool = True
    delay: float = 0.0
    location: str | None = None


class PageServer:
    """Pages by path; each answers its status and body, and 304 to a matching If-None-Match."""

    def __init__(self) -> None:
        self._pages: dict[str, _Page] = {}
        self._requests: dict[str, list[dict[str, str]]] = {}
        self._lock = threading.Lock()
        self._release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                path = self.path.split("?", 1)[0]
                with server._lock:
                    headers = {k.lower(): v for k, v in self.headers.items()}
                    server._requests.setdefault(path, []).append(headers)
                    page = server._pages.get(path, _Page(status=404, body=b"not found", etag=False))
                if page.delay:
                    server._release.wait(page.delay)
                tag = f'"{hashlib.sha256(page.body).hexdigest()[:16]}"'
                if page.status == 200 and page.etag and self.headers.get("If-None-Match") == tag:
                    self.send_response(304)
                    self.send_header("ETag", tag)
                    self.end_headers()
                    return
                self.send_response(page.status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page.body)))
                if page.location is not None:
                    self.send_header("Location", page.location)
                if page.status == 200 and page.etag:
                    self.send_header("ETag", tag)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(page.body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> PageServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    def set(self, path: str, html: str, *, etag: bool = True, delay: float = 0.0) -> None:
        with self._lock:
            self._pages[path] = _Page(200, html.encode("utf-8"), etag, delay)

    def fail(self, path: str, status: int) -> None:
        with self._lock:
            self._pages[path] = _Page(status, f"error {status}".encode(), etag=False)

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        """`path` answers a redirect to the path `to` on this server."""
        with self._lock:
            self._pages[path] = _Page(status, b"moved", etag=False, location=self.url(to))

    def requests(self, path: str) -> list[dict[str, str]]:
        with self._lock:
            return list(self._requests.get(path, []))


def article(title: str, *paragraphs: str) -> str:
    """A news-article-shaped HTML page the extractor recognises."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\n{body}\n"
            "</article></body></html>")


@pytest.fixture
def pages() -> Iterator[PageServer]:
    with PageServer() as server:
        yield server
