"""The fetcher's sockets (monitor.fetch.network) against real servers on 127.0.0.1: plain HTTP through the
Fetcher is tests/fetch/test_client.py; here TLS, the pool's connection reuse, and the errors httpx sees.

The TLS server uses a self-signed certificate for localhost and 127.0.0.1 (tests/fixtures/fetch/, valid
until 2125), which only a context told to trust it accepts.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from monitor.fetch.network import pooled_transport
from tests.faultserver import FaultServer, Request

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fetch"
CERT = FIXTURES / "localhost-cert.pem"
KEY = FIXTURES / "localhost-key.pem"
LIMITS = httpx.Limits(max_connections=4, max_keepalive_connections=4)
TIMEOUTS = httpx.Timeout(2.0).as_dict()


@pytest.fixture
def tls_server() -> Iterator[FaultServer]:
    """The fault server behind TLS (its listening socket wrapped before it serves)."""
    server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_side.load_cert_chain(CERT, KEY)
    srv = FaultServer()
    srv._httpd.socket = server_side.wrap_socket(srv._httpd.socket, server_side=True)
    with srv:
        yield srv


def trusting() -> ssl.SSLContext:
    """A client context that trusts the fixture's certificate."""
    return ssl.create_default_context(cafile=str(CERT))


async def get(transport: httpx.AsyncHTTPTransport, url: str) -> tuple[int, bytes]:
    request = httpx.Request("GET", url, extensions={"timeout": TIMEOUTS})
    response = await transport.handle_async_request(request)
    try:
        body = b"".join([chunk async for chunk in response.aiter_raw()])
    finally:
        await response.aclose()
    return response.status_code, body


def test_https_pages_are_read_over_tls_on_one_kept_connection(tls_server: FaultServer) -> None:
    async def go() -> list[tuple[int, bytes]]:
        transport = pooled_transport(LIMITS, trusting())
        try:
            return [await get(transport, f"https://localhost:{tls_server.port}/ok") for _ in range(3)]
        finally:
            await transport.aclose()

    answers = asyncio.run(go())
    assert [status for status, _ in answers] == [200, 200, 200]
    assert all(b"Hello, world." in body for _, body in answers)
    assert len({r.client_port for r in tls_server.requests_to("/ok")}) == 1, "the connection was kept"


def test_a_certificate_the_context_does_not_trust_is_a_connect_error(tls_server: FaultServer) -> None:
    async def go() -> None:
        transport = pooled_transport(LIMITS)  # the default context: certifi's CAs, not the fixture's
        try:
            await get(transport, f"https://localhost:{tls_server.port}/ok")
        finally:
            await transport.aclose()

    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        asyncio.run(go())
    assert tls_server.count("/ok") == 0


def test_a_refused_connection_is_a_connect_error() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def go() -> None:
        transport = pooled_transport(LIMITS)
        try:
            await get(transport, f"http://127.0.0.1:{port}/ok")
        finally:
            await transport.aclose()

    with pytest.raises(httpx.ConnectError):
        asyncio.run(go())


def test_a_server_that_stops_answering_is_a_read_timeout() -> None:
    with FaultServer() as srv:
        async def go() -> None:
            transport = pooled_transport(LIMITS)
            timeouts = httpx.Timeout(0.3).as_dict()
            request = httpx.Request("GET", srv.url("/hang?seconds=3"), extensions={"timeout": timeouts})
            try:
                await transport.handle_async_request(request)
            finally:
                await transport.aclose()

        with pytest.raises(httpx.ReadTimeout):
            asyncio.run(go())


def _close_after(req: Request) -> None:
    """A complete keep-alive answer (no `Connection: close`), after which the server closes anyway."""
    req.send(200, b"bye", "text/plain")
    req.handler.close_connection = True


def test_a_kept_connection_the_server_closed_meanwhile_is_not_reused(tls_server: FaultServer) -> None:
    tls_server.routes["/close-after"] = _close_after

    async def go() -> list[tuple[int, bytes]]:
        transport = pooled_transport(LIMITS, trusting())
        try:
            first = await get(transport, f"https://localhost:{tls_server.port}/close-after")
            await asyncio.sleep(0.3)  # the server's close reaches the client's idle connection
            return [first, await get(transport, f"https://localhost:{tls_server.port}/ok")]
        finally:
            await transport.aclose()

    (status, body), (again, _) = asyncio.run(go())
    assert (status, body, again) == (200, b"bye", 200)
    ports = [r.client_port for r in tls_server.requests]
    assert len(ports) == 2 and ports[0] != ports[1], "the second request went over a new connection"


def test_a_write_the_peer_does_not_read_times_out_and_one_to_a_closed_peer_fails() -> None:
    """A write the socket takes at once does not wait; one the peer never reads waits at most its timeout
    (WriteTimeout), and one to a peer that reset the connection is a WriteError, as httpcore expects."""
    import httpcore

    from monitor.fetch.network import StreamBackend

    async def go() -> None:
        accepted: list[asyncio.StreamWriter] = []

        async def hold(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            accepted.append(writer)  # never reads: the client's buffers fill up

        server = await asyncio.start_server(hold, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            stream = await StreamBackend().connect_tcp("127.0.0.1", port, timeout=2.0)
            await stream.write(b"GET / HTTP/1.1\r\n\r\n", timeout=2.0)  # small: taken at once
            with pytest.raises(httpcore.WriteTimeout):
                for _ in range(1000):  # 64 MB at most; the socket buffers hold a few MB
                    await stream.write(b"x" * 65536, timeout=0.3)
            await stream.aclose()

            stream = await StreamBackend().connect_tcp("127.0.0.1", port, timeout=2.0)
            await asyncio.sleep(0.05)
            peer = accepted[-1].get_extra_info("socket")
            peer.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            accepted[-1].transport.abort()  # closed with a reset
            await asyncio.sleep(0.05)
            with pytest.raises(httpcore.WriteError):
                for _ in range(5):
                    await stream.write(b"GET / HTTP/1.1\r\n\r\n", timeout=2.0)
                    await asyncio.sleep(0.05)
            await stream.aclose()
        finally:
            server.close()
            await server.wait_closed()

    asyncio.run(go())
