"""Fetch pages and feeds politely and defensively: one pooled httpx transport, bounded in time, size, fan-out.

    async with Fetcher(FetchSettings(timeout=10)) as fetcher:
        result = await fetcher.fetch(url, etag=previous.etag, last_modified=previous.last_modified)
        if not result.not_modified:
            handle(result.text)

Every failure raises `FetchError` (or its subclass `BlockedAddressError`) with a one-line message naming the
URL and a short `reason` tag: timeout, connect_error, protocol_error, invalid_url, http_<status>
(http_404, http_410, http_429, http_500, http_503 ...), too_many_redirects, redirect_loop, too_large,
blocked_address, binary_content, decode_error.

Time: `timeout` bounds each phase of one request (connect, write, each read, waiting for a pooled
connection); `deadline` (default 3 x `timeout`) bounds the whole fetch: every attempt, redirect hop and
backoff sleep together, so a server that drips one byte a second or hangs before its headers cannot hold a
check longer than `deadline`.
Time spent waiting for a free concurrency slot is not counted: a queue of 50 URLs on one host must not
time out before the first byte is asked for.

Retries: connection errors, timeouts, a connection reset mid-body, 5xx and 429 are retried up to
`max_attempts` in all, after an exponential backoff with full jitter, or after the server's Retry-After when
it gives one. A Retry-After longer than `retry_after_max`, or any wait that would leave the next attempt less
than a quarter of `timeout` before the deadline, ends the fetch at once with the error (its `retry_after` set)
so the scheduler can postpone the source instead.
Other 4xx are final; 410 is flagged `permanent`.

An empty 200 is not an error: it returns `content=b""` and `text=""`; the caller decides what it means.
`decode_error` is raised only for a broken Content-Encoding (e.g. corrupt gzip): text decoding never fails
(a wrong charset falls back to detection, and at worst to replacement characters).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import zlib
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from contextlib import aclosing, asynccontextmanager
from dataclasses import dataclass
from types import MappingProxyType, TracebackType
from typing import Any

import httpx

from monitor.errors import FetchError
from monitor.fetch.decode import decode_body, is_text_type, looks_binary, media_type
from monitor.fetch.guard import Resolver, check_scheme, pin_url, resolve_checked
from monitor.fetch.model import (
    DEFAULT_USER_AGENT,
    FetchResult,
    FetchSettings,
    parse_retry_after,
)
from monitor.fetch.network import pooled_transport
from monitor.limits import ETAG_LENGTH, LAST_MODIFIED_LENGTH

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchResult",
    "FetchSettings",
    "Fetcher",
    "parse_retry_after",
]

log = logging.getLogger(__name__)

_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# The most bytes of a 304 or redirect body read (and dropped) to keep its connection (see `_drain`); an error
# response's connection is simply closed.
DRAIN_MAX = 64 * 1024
DRAIN_SECONDS = 0.5

Sleep = Callable[[float], Awaitable[object]]


# --------------------------------------------------------------------------------------------- pure helpers


@dataclass(frozen=True)
class _Response:
    url: httpx.URL
    status: int
    reason_phrase: str
    headers: httpx.Headers
    content: bytes


_LEAST_ATTEMPT_SHARE = 0.25  # of `timeout`: the least deadline a retry must have left once its wait is over


class _Budget:
    """The deadline of one fetch: time inside attempts plus planned sleeps, not time queued for a slot."""

    def __init__(self, total: float) -> None:
        self.total = total
        self.spent = 0.0

    @property
    def remaining(self) -> float:
        return self.total - self.spent

    @asynccontextmanager
    async def running(self, url: httpx.URL) -> AsyncIterator[None]:
        if self.remaining <= 0:
            raise _deadline_error(url, self.total)
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.remaining):
                yield
        except TimeoutError as exc:
            raise _deadline_error(url, self.total) from exc
        finally:
            self.spent += time.monotonic() - started


def _deadline_error(url: httpx.URL, deadline: float) -> FetchError:
    return FetchError(
        f"{url}: gave up after the fetch deadline of {deadline:g}s", reason="timeout", retryable=True
    )


class Fetcher:
    """Fetches URLs over one pooled httpx.AsyncHTTPTransport; use as `async with Fetcher(settings) as f:`.

    `sleep` is what backoff waits with (inject a recorder in tests), `resolver` resolves host names for the
    address guard (default: the system's getaddrinfo), `rng` draws the backoff jitter.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        sleep: Sleep = asyncio.sleep,
        resolver: Resolver | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self._sleep = sleep
        self._resolver = resolver
        self._rng = rng or random.Random()
        s = self.settings
        # The transport, not an httpx.AsyncClient: the client's layers (cookies, auth, redirects, event hooks)
        # are all unwanted here (hops are followed one by one below, so each passes the address guard) and
        # cost about a third of a 304's time. trust_env=False: no proxy or certificate settings from the
        # environment (a proxy would resolve names itself and defeat the address guard).
        self._transport = pooled_transport(
            httpx.Limits(max_connections=s.max_connections, max_keepalive_connections=s.max_connections)
        )
        # Only codings _decoded_chunks can inflate with a bound (see there).
        self._headers = httpx.Headers(
            {"User-Agent": s.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
        )
        self._timeouts = httpx.Timeout(s.timeout).as_dict()
        self._auth = {url: _basic_auth(*pair) for url, pair in s.credentials.items()}
        self._global = asyncio.Semaphore(s.max_connections)
        self._per_host: dict[str, asyncio.Semaphore] = {}

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self._transport.aclose()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        trusted: bool = True,
    ) -> FetchResult:
        """GET `url`, following up to `max_redirects` redirects, and return the final response.

        `etag` / `last_modified` from the previous fetch make the request conditional; an unchanged resource
        comes back as `not_modified=True` with no body. `trusted=False` (URLs from feeds) puts every hop
        through the address guard; a trusted URL (from the config) is guarded only after it redirects to
        another host. A URL given `credentials` in the settings is sent them (HTTP basic auth), and so is each
        redirect to the same origin (scheme, host and port), never another. Raises FetchError /
        BlockedAddressError.
        """
        started = time.monotonic()
        current = _parse_url(url)
        check_scheme(current)
        requested = str(current)
        conditional: dict[str, str] = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        auth = self._auth.get(url) or self._auth.get(requested) or {}
        origin = _origin(current)
        budget = _Budget(self.settings.whole_fetch)
        guarded = not trusted
        seen = {requested}
        redirects: list[str] = []
        while True:
            headers = {**conditional, **auth} if _origin(current) == origin else conditional
            response = await self._send_with_retries(current, guarded, headers, budget)
            if response.status not in _REDIRECT_STATUSES:
                break
            target = _redirect_target(response)
            if str(target) in seen:
                raise FetchError(
                    f"{requested}: redirect loop back to {target}",
                    reason="redirect_loop",
                    status=response.status,
                )
            if len(redirects) >= self.settings.max_redirects:
                raise FetchError(
                    f"{requested}: more than {self.settings.max_redirects} redirects (last: {target})",
                    reason="too_many_redirects",
                    status=response.status,
                )
            check_scheme(target)
            if target.host != current.host:
                guarded = True  # trust does not travel: the config vouched for one host, not its redirects
            seen.add(str(target))
            redirects.append(str(target))
            current = target
        if not (200 <= response.status < 300 or response.status == 304):
            raise FetchError(
                f"{response.url}: unexpected HTTP {response.status} {response.reason_phrase}".rstrip(),
                reason=f"http_{response.status}",
                status=response.status,
            )
        return self._result(response, requested, redirects, started, etag, last_modified)

    # ----------------------------------------------------------------------------------------- internals

    def _result(
        self,
        response: _Response,
        requested: str,
        redirects: list[str],
        started: float,
        etag: str | None,
        last_modified: str | None,
    ) -> FetchResult:
        headers = response.headers
        content_type = headers.get("content-type")
        mtype = media_type(content_type)
        not_modified = response.status == 304
        text: str | None = None
        encoding: str | None = None
        if not not_modified and (is_text_type(mtype) or mtype is None):
            if not looks_binary(response.content, content_type):
                text, encoding = decode_body(response.content, content_type)
            elif mtype is not None:  # unlabelled binary is just not text; labelled as text, it is a fault
                raise FetchError(
                    f"{response.url}: labelled {mtype} but the body is binary data",
                    reason="binary_content",
                    status=response.status,
                )
        return FetchResult(
            url=str(response.url),
            requested_url=requested,
            status=response.status,
            headers=MappingProxyType({k.lower(): v for k, v in headers.items()}),
            content=response.content,
            text=text,
            encoding=encoding,
            content_type=mtype,
            # A 304 may omit the validators; the ones we sent are still the current ones then.
            etag=_validator(response.url, "ETag", headers.get("etag"), ETAG_LENGTH)
            or (etag if not_modified else None),
            last_modified=_validator(response.url, "Last-Modified", headers.get("last-modified"),
                                     LAST_MODIFIED_LENGTH)
            or (last_modified if not_modified else None),
            not_modified=not_modified,
            elapsed=time.monotonic() - started,
            redirects=tuple(redirects),
        )

    def _host_slot(self, host: str) -> asyncio.Semaphore:
        slot = self._per_host.get(host)
        if slot is None:
            slot = self._per_host[host] = asyncio.Semaphore(self.settings.max_per_host)
        return slot

    def _backoff(self, retry: int) -> float:
        s = self.settings
        return self._rng.uniform(0.0, min(s.backoff_max, s.backoff_base * 2 ** (retry - 1)))

    async def _send_with_retries(
        self, url: httpx.URL, guarded: bool, headers: dict[str, str], budget: _Budget
    ) -> _Response:
        """One request with its retries; returns a 2xx, 3xx or 304 response, raises for the rest."""
        s = self.settings
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._attempt(url, guarded, headers, budget)
            except FetchError as exc:
                if not exc.retryable or attempt >= s.max_attempts:
                    raise
                error, delay = exc, self._backoff(attempt)
            else:
                if response.status < 400:
                    return response
                error = _status_error(response)
                if not error.retryable or attempt >= s.max_attempts:
                    raise error
                if error.retry_after is None:
                    delay = self._backoff(attempt)
                elif error.retry_after > s.retry_after_max:
                    raise error
                else:
                    delay = error.retry_after
            # An attempt left a sliver of the deadline can only time out, often before the server sees it.
            if delay + s.timeout * _LEAST_ATTEMPT_SHARE > budget.remaining:
                raise error
            log.info(
                "retrying %s in %.1fs after %s (attempt %d of %d)",
                url,
                delay,
                error.reason,
                attempt,
                s.max_attempts,
                extra={"event": "fetch_retry", "url": str(url), "reason": error.reason},
            )
            budget.spent += (
                delay  # planned, not measured: an injected sleep that returns at once still counts
            )
            await self._sleep(delay)

    async def _attempt(
        self, url: httpx.URL, guarded: bool, headers: dict[str, str], budget: _Budget
    ) -> _Response:
        # Host slot first: a task queued for a busy host must not sit on one of the global slots meanwhile.
        async with self._host_slot(url.host), self._global, budget.running(url):
            send_url, extra_headers = url, dict(headers)
            extensions: dict[str, Any] = {}
            if guarded and not self.settings.allow_private_addresses:
                checked = await resolve_checked(url, self._resolver)
                send_url, host_header, extensions = pin_url(url, checked.addresses[0])
                extra_headers.update(host_header)
            request_headers = self._headers.copy()
            request_headers.update(extra_headers)
            request = httpx.Request(
                "GET", send_url, headers=request_headers, extensions={"timeout": self._timeouts, **extensions}
            )
            phase = "headers"
            try:
                response = await self._transport.handle_async_request(request)
                response.request = request
                try:
                    phase = "body"
                    content = b""
                    if 200 <= response.status_code < 300 and response.status_code != 204:
                        content = await self._read_capped(url, response)
                    elif response.status_code < 400:
                        await _drain(response)
                finally:
                    await response.aclose()
            except httpx.HTTPError as exc:
                raise _translate(url, exc, phase) from exc
            return _Response(url, response.status_code, response.reason_phrase, response.headers, content)

    async def _read_capped(self, url: httpx.URL, response: httpx.Response) -> bytes:
        cap = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > cap:
            raise FetchError(
                f"{url}: Content-Length {declared} exceeds the cap of {cap} bytes",
                reason="too_large",
                status=response.status_code,
            )
        chunks: list[bytes] = []
        total = 0
        # The cap counts decompressed bytes, so a small gzip bomb is cut off as well.
        async with aclosing(_decoded_chunks(url, response, cap)) as pieces:
            async for chunk in pieces:
                total += len(chunk)
                if total > cap:
                    raise FetchError(
                        f"{url}: body exceeds the cap of {cap} bytes (after decompression)",
                        reason="too_large",
                        status=response.status_code,
                    )
                chunks.append(chunk)
        return b"".join(chunks)


async def _drain(response: httpx.Response) -> None:
    """Read the small body of a 304 or a redirect, so its keep-alive connection goes back to the pool.

    Closing a response whose body was not read drops its connection: a poll cycle of 304s would open a new
    TCP connection per page. Best effort and bounded: a body over `DRAIN_MAX` bytes, one not done within
    `DRAIN_SECONDS`, or a read error just drops the connection as before; the response itself stands.
    """
    if response.status_code == 304:
        # Never has a body (RFC 9110): the parser ends the message without reading, no timeout needed.
        with contextlib.suppress(httpx.HTTPError):
            async for _ in response.aiter_raw():
                pass
        return
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > DRAIN_MAX:
        return
    read = 0
    try:
        async with asyncio.timeout(DRAIN_SECONDS):
            async for chunk in response.aiter_raw():
                read += len(chunk)
                if read > DRAIN_MAX:
                    return
    except (TimeoutError, httpx.HTTPError):
        return


async def _decoded_chunks(url: httpx.URL, response: httpx.Response, cap: int) -> AsyncGenerator[bytes, None]:
    """The decompressed body in pieces of at most `cap + 1` bytes each.

    httpx's own decoder inflates each network read whole: one 64 KiB read of a gzip bomb becomes ~64 MB in
    memory before anything can count it. gzip and deflate (the only codings we offer) are inflated here with
    a bound on each output piece instead; any other coding a server sends unasked goes through httpx.
    """
    codings = [c.strip() for c in response.headers.get("content-encoding", "").lower().split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        async for chunk in response.aiter_raw():
            yield chunk
        return
    if len(codings) > 1 or codings[0] not in ("gzip", "x-gzip", "deflate"):
        async for chunk in response.aiter_bytes():
            yield chunk
        return
    deflate = codings[0] == "deflate"
    inflater = zlib.decompressobj(zlib.MAX_WBITS if deflate else zlib.MAX_WBITS | 16)
    first = True
    try:
        async for raw in response.aiter_raw():
            data = raw
            while data and not inflater.eof:
                try:
                    piece = inflater.decompress(data, cap + 1)
                except zlib.error:
                    if not (deflate and first):
                        raise
                    # Some servers send raw deflate without the zlib header the RFC asks for.
                    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                    piece = inflater.decompress(data, cap + 1)
                first = False
                data = inflater.unconsumed_tail
                if piece:
                    yield piece
        tail = inflater.flush()
    except zlib.error as exc:
        raise FetchError(
            f"{url}: the body's Content-Encoding is corrupt ({exc})", reason="decode_error"
        ) from exc
    if tail:
        yield tail


def _basic_auth(username: str, password: str) -> dict[str, str]:
    """The Authorization header httpx.BasicAuth gives a request."""
    flow = httpx.BasicAuth(username, password).sync_auth_flow(httpx.Request("GET", "http://localhost/"))
    return {"Authorization": next(flow).headers["Authorization"]}


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port or (443 if url.scheme == "https" else 80)


def _validator(url: httpx.URL, name: str, value: str | None, limit: int) -> str | None:
    """A response's ETag or Last-Modified, or None (with a warning) when it is longer than `limit`.

    No server needs more; kept, it could not be stored, and dropped it costs only the conditional GET.
    """
    if value is None or len(value) <= limit:
        return value
    log.warning("%s: dropped a %d-character %s (over %d): the next fetch is not conditional", url,
                len(value), name, limit,
                extra={"event": "validator_dropped", "url": str(url), "header": name, "length": len(value)})
    return None


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
        parsed.host  # noqa: B018  (decoded on demand: raises IDNAError for a host like `xn--`)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"{url!r}: not a valid URL ({exc})", reason="invalid_url") from exc
    return parsed


def _redirect_target(response: _Response) -> httpx.URL:
    location = response.headers.get("location")
    if not location:
        raise FetchError(
            f"{response.url}: HTTP {response.status} redirect without a Location header",
            reason="protocol_error",
            status=response.status,
        )
    try:
        target = response.url.join(location).copy_with(fragment=None)
        target.host  # noqa: B018  (raises for a host that is not valid IDNA)
        return target
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(
            f"{response.url}: redirect to an invalid URL {location!r}",
            reason="invalid_url",
            status=response.status,
        ) from exc


def _status_error(response: _Response) -> FetchError:
    status = response.status
    message = f"{response.url}: HTTP {status} {response.reason_phrase}".rstrip()
    if status == 410:
        return FetchError(
            f"{message}: the resource was removed for good", reason="http_410", permanent=True, status=status
        )
    retry_after = None
    if status == 429 or status >= 500:
        raw = response.headers.get("retry-after")
        retry_after = parse_retry_after(raw) if raw else None
        if retry_after is not None:
            message += f" (Retry-After {retry_after:.1f}s)"
    return FetchError(
        message,
        reason=f"http_{status}",
        retryable=status == 429 or status >= 500,
        retry_after=retry_after,
        status=status,
    )


def _translate(url: httpx.URL, exc: httpx.HTTPError, phase: str) -> FetchError:
    """Map an httpx error to a FetchError with a reason tag."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        what = {
            httpx.ConnectTimeout: "connecting",
            httpx.ReadTimeout: "waiting for data",
            httpx.WriteTimeout: "sending the request",
            httpx.PoolTimeout: "waiting for a free connection",
        }.get(type(exc), "waiting")
        return FetchError(f"{url}: timed out {what}", reason="timeout", retryable=True)
    if isinstance(exc, httpx.ConnectError):
        return FetchError(f"{url}: cannot connect ({detail})", reason="connect_error", retryable=True)
    if isinstance(exc, httpx.DecodingError):
        return FetchError(f"{url}: the body's Content-Encoding is corrupt ({detail})", reason="decode_error")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError(f"{url}: cannot be requested ({detail})", reason="invalid_url")
    if isinstance(exc, httpx.NetworkError | httpx.RemoteProtocolError) and phase == "headers":
        return FetchError(
            f"{url}: the connection failed before a response ({detail})",
            reason="connect_error",
            retryable=True,
        )
    # Reset mid-body, truncated chunked encoding, garbage instead of HTTP: all worth one more try.
    return FetchError(
        f"{url}: the connection broke while reading the response ({detail})",
        reason="protocol_error",
        retryable=True,
    )
