"""The sockets under the Fetcher's connection pool: asyncio streams, without anyio's layer in between.

    transport = pooled_transport(limits)     # an httpx.AsyncHTTPTransport whose pool connects through here

httpcore drives HTTP/1.1 over a network backend. Its default under asyncio goes through anyio, which wraps
every read and write of every request in a cancel scope and asks sniffio which event loop runs: on a poll
cycle of 2,000 conditional GETs answered 304 (benchmarks/poll_cycle.py), that was a fifth of the fetch's
CPU. This backend does the same with asyncio's own streams and `asyncio.timeout`.

Errors keep httpcore's types (ConnectError, ReadTimeout, ...), which httpx's transport maps to its own as it
does for anyio's, so `Fetcher` sees the same exceptions either way.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import ssl
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import httpx

# httpcore's socket options: (level, option, value) tuples, as `socket.setsockopt` takes them.
SocketOption = tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
# Bytes a stream buffers from the socket before it stops reading (asyncio's default is 64 KiB too).
READ_LIMIT = 2**16


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """The TLS settings every Fetcher of this process uses: httpx's defaults (certifi's CA bundle), built
    once. Loading the CA bundle takes ~20 ms; built before `monitor check` forks, it is shared."""
    return httpx.create_ssl_context(trust_env=False)


def warm_up() -> None:
    """Build now what a process's first request builds lazily: the TLS context and the asyncio half of
    anyio, which httpcore's pool still uses for its locks. Called before `monitor check` forks, so that
    its processes share them instead of each importing and building its own (~0.1 s of CPU each)."""
    ssl_context()
    with contextlib.suppress(ImportError):  # where anyio keeps it today; a later anyio loads it itself
        import anyio._backends._asyncio  # noqa: F401


def pooled_transport(
    limits: httpx.Limits, context: ssl.SSLContext | None = None,
) -> httpx.AsyncHTTPTransport:
    """An httpx transport (no proxy, no environment settings) whose connection pool uses `StreamBackend`;
    TLS with `context`, by default `ssl_context()`.

    httpx takes no network backend, so its pool is replaced by one built the same way with ours; should a
    future httpx keep its pool elsewhere, the transport is returned as httpx made it (anyio underneath).
    """
    context = context or ssl_context()
    transport = httpx.AsyncHTTPTransport(verify=context, limits=limits, trust_env=False)
    if isinstance(getattr(transport, "_pool", None), httpcore.AsyncConnectionPool):
        transport._pool = httpcore.AsyncConnectionPool(
            ssl_context=context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=StreamBackend(),
        )
    return transport


@contextlib.contextmanager
def _mapped(timeout_error: type[Exception], os_error: type[Exception]) -> Iterator[None]:
    """asyncio's timeout and socket errors as the httpcore errors the pool and httpx expect."""
    try:
        yield
    except TimeoutError as exc:
        raise timeout_error(str(exc) or "timed out") from exc
    except (OSError, EOFError) as exc:  # ssl.SSLError is an OSError
        raise os_error(str(exc) or type(exc).__name__) from exc


class StreamBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend on asyncio streams (TCP and TLS; no Unix sockets)."""

    async def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        local = (local_address, 0) if local_address else None
        with _mapped(httpcore.ConnectTimeout, httpcore.ConnectError):
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(host, port, local_addr=local, limit=READ_LIMIT)
        sock = writer.get_extra_info("socket")
        for option in socket_options or ():
            sock.setsockopt(*option)
        return Stream(reader, writer)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class Stream(httpcore.AsyncNetworkStream):
    """One connection: asyncio's reader and writer, each call bounded by its timeout."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """Up to `max_bytes` bytes; b"" once the peer closed the connection."""
        with _mapped(httpcore.ReadTimeout, httpcore.ReadError):
            async with asyncio.timeout(timeout):
                return await self._reader.read(max_bytes)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        with _mapped(httpcore.WriteTimeout, httpcore.WriteError):
            self._writer.write(buffer)
            if not self._writer.transport.get_write_buffer_size():
                # The socket took it all (a request's few hundred bytes nearly always): drain() cannot wait,
                # only raise for a connection already lost, so the timeout (a timer set and cancelled for
                # every request) is left out.
                await self._writer.drain()
                return
            async with asyncio.timeout(timeout):
                await self._writer.drain()

    async def aclose(self) -> None:
        self._writer.close()  # a TLS connection sends its close_notify on the way out; nothing to wait for

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Upgrade this connection to TLS in place (the handshake bounded by `timeout`)."""
        try:
            with _mapped(httpcore.ConnectTimeout, httpcore.ConnectError):
                async with asyncio.timeout(timeout):
                    await self._writer.start_tls(ssl_context, server_hostname=server_hostname)
        except BaseException:
            await self.aclose()
            raise
        return self

    def get_extra_info(self, info: str) -> Any:
        """What httpcore asks a stream: the TLS object (for ALPN), the addresses, the socket, and whether an
        idle connection has something to read (the server closed it, or sent what nobody asked for)."""
        if info == "is_readable":
            return self._reader.at_eof() or self._writer.transport.is_closing()
        name = {"client_addr": "sockname", "server_addr": "peername"}.get(info, info)
        return self._writer.get_extra_info(name)
