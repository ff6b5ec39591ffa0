"""Local receivers of notifications: an HTTP server that takes Apprise's `json://` posts, and an SMTP server
for `mailto://`, both on 127.0.0.1, recording what arrived.

    with HookServer() as hook:
        url = hook.apprise_url("/hook")          # json://127.0.0.1:PORT/hook
        hook.status = 500                        # refuse from now on (Apprise then reports a failure)
        hook.wait_for(1); hook.messages[0]["title"]

    with SmtpServer() as smtp:
        smtp.apprise_url("to@example.org")       # mailto://127.0.0.1:PORT?... (no TLS, no login)
        smtp.wait_for(1); smtp.mails[0]["Subject"]
"""

from __future__ import annotations

import email
import email.message
import email.policy
import json
import socketserver
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import pytest

T = TypeVar("T")


def _wait_for(lock: threading.Lock, arrived: list[T], count: int, timeout: float, what: str) -> list[T]:
    """`arrived`, once at least `count` are there (AssertionError after `timeout` seconds)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with lock:
            if len(arrived) >= count:
                return list(arrived)
        time.sleep(0.05)
    raise AssertionError(f"{len(arrived)} {what} arrived, {count} expected")


class HookServer:
    """Records the JSON bodies POSTed to it; answers `status` (200 by default)."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self.status = 200
        self.refused = 0
        self.delay = 0.0  # seconds each answer takes
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length)
                time.sleep(server.delay)
                with server._lock:
                    status = server.status
                    if status == 200:
                        server.messages.append(json.loads(data))
                        server.paths.append(self.path)
                    else:
                        server.refused += 1
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def apprise_url(self, path: str = "/hook") -> str:
        return f"json://127.0.0.1:{self.port}{path}"

    def wait_for(self, count: int, timeout: float = 20.0) -> list[dict[str, Any]]:
        """The messages, once at least `count` arrived (AssertionError after `timeout` seconds)."""
        return _wait_for(self._lock, self.messages, count, timeout, "messages")

    def __enter__(self) -> HookServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class SmtpServer:
    """A minimal SMTP server (EHLO, MAIL, RCPT, DATA, QUIT; no TLS, no login) keeping each mail parsed."""

    def __init__(self) -> None:
        self.mails: list[email.message.EmailMessage] = []
        self.recipients: list[list[str]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, line: str) -> None:
                self.wfile.write(line.encode() + b"\r\n")

            def handle(self) -> None:
                self.reply("220 localhost test SMTP")
                to: list[str] = []
                while True:
                    raw = self.rfile.readline()
                    if not raw:
                        return
                    command = raw.decode(errors="replace").strip()
                    verb = command.split(" ", 1)[0].upper()
                    if verb in ("EHLO", "HELO"):
                        self.reply("250-localhost" if verb == "EHLO" else "250 localhost")
                        if verb == "EHLO":
                            self.reply("250 8BITMIME")
                    elif verb == "MAIL":
                        to = []
                        self.reply("250 OK")
                    elif verb == "RCPT":
                        to.append(command.split(":", 1)[1].strip().strip("<>"))
                        self.reply("250 OK")
                    elif verb == "DATA":
                        self.reply("354 end with <CRLF>.<CRLF>")
                        lines: list[bytes] = []
                        while (line := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                            lines.append(line[1:] if line.startswith(b"..") else line)
                        mail = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                        with server._lock:
                            server.mails.append(mail)  # type: ignore[arg-type]
                            server.recipients.append(to)
                        self.reply("250 OK queued")
                    elif verb == "QUIT":
                        self.reply("221 bye")
                        return
                    else:  # RSET, NOOP ...
                        self.reply("250 OK")

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def apprise_url(self, to: str) -> str:
        return (f"mailto://127.0.0.1:{self.port}?smtp=127.0.0.1&mode=insecure&from=monitor@example.org"
                f"&to={to}")

    def wait_for(self, count: int, timeout: float = 20.0) -> list[email.message.EmailMessage]:
        """The mails, once at least `count` arrived (AssertionError after `timeout` seconds)."""
        return _wait_for(self._lock, self.mails, count, timeout, "mails")

    def __enter__(self) -> SmtpServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def hook() -> Iterator[HookServer]:
    """A HookServer for one test."""
    with HookServer() as server:
        yield server
