"""The fetcher against a real misbehaving server on 127.0.0.1 (tests/faultserver.py).

URLs here are fetched as trusted (as if written in the config), so the address guard lets 127.0.0.1 through;
the guard itself is tested in tests/fetch/test_guard.py.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from monitor.errors import BlockedAddressError, FetchError
from monitor.fetch.client import (
    DEFAULT_USER_AGENT,
    Fetcher,
    FetchResult,
    FetchSettings,
    parse_retry_after,
)
from tests.faultserver import FaultServer, gzip_of_zeros, http_date, static

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fetch"
RUSSIAN = (FIXTURES / "russian.txt").read_text(encoding="utf-8")
FRENCH = (FIXTURES / "french.txt").read_text(encoding="utf-8")

# Short timeouts keep failing cases quick; sleeps are recorded, never waited.
FAST = FetchSettings(timeout=2.0, deadline=8.0, backoff_base=0.5, backoff_max=4.0)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as srv:
        yield srv


class SleepRecorder:
    """Stands in for asyncio.sleep: remembers each delay and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def fetch(
    url: str, settings: FetchSettings = FAST, sleep: SleepRecorder | None = None, **kwargs: Any
) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(settings, sleep=sleep or SleepRecorder()) as fetcher:
            return await fetcher.fetch(url, **kwargs)

    return asyncio.run(go())


def fetch_error(
    url: str, settings: FetchSettings = FAST, sleep: SleepRecorder | None = None, **kwargs: Any
) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetch(url, settings, sleep, **kwargs)
    error = info.value
    assert url.split("?")[0] in str(error), "the message names the URL"
    assert "\n" not in str(error), "the message is one line"
    return error


# ------------------------------------------------------------------------------------------------ success


def test_fetch_returns_decoded_page_and_metadata(server: FaultServer) -> None:
    result = fetch(server.url("/ok"))
    assert result.status == 200
    assert "Hello, world." in (result.text or "")
    assert result.encoding == "utf-8"
    assert result.content_type == "text/html"
    assert result.url == result.requested_url == server.url("/ok")
    assert result.redirects == ()
    assert not result.not_modified
    assert result.headers["content-type"] == "text/html; charset=utf-8"


def test_user_agent_is_descriptive_and_configurable(server: FaultServer) -> None:
    fetch(server.url("/ok"))
    fetch(server.url("/ok"), FetchSettings(user_agent="custom-bot/2.0 (+mailto:ops@example.org)"))
    seen = [r.headers["user-agent"] for r in server.requests_to("/ok")]
    assert seen == [DEFAULT_USER_AGENT, "custom-bot/2.0 (+mailto:ops@example.org)"]
    assert "timeline-monitor" in DEFAULT_USER_AGENT and "+http" in DEFAULT_USER_AGENT


def test_one_fetcher_reuses_its_pooled_connection(server: FaultServer) -> None:
    async def go() -> None:
        async with Fetcher(FAST) as fetcher:
            for _ in range(3):
                await fetcher.fetch(server.url("/ok"))

    asyncio.run(go())
    ports = {r.client_port for r in server.requests_to("/ok")}
    assert server.count("/ok") == 3 and len(ports) == 1


def test_304s_and_redirects_keep_their_pooled_connection(server: FaultServer) -> None:
    # An unread body would drop the connection: a poll cycle of 304s must not open one connection a page.
    async def go() -> list[bool]:
        async with Fetcher(FAST) as fetcher:
            first = await fetcher.fetch(server.url("/etag"))
            again = [await fetcher.fetch(server.url("/etag"), etag=first.etag) for _ in range(3)]
            await fetcher.fetch(server.url("/redirect?n=2"))
            return [r.not_modified for r in again]

    assert asyncio.run(go()) == [True, True, True]
    ports = {r.client_port for r in server.requests_to("/etag")}
    ports |= {r.client_port for r in server.requests_to("/redirect")}
    assert server.count("/etag") == 4 and len(ports) == 1


# ------------------------------------------------------------------------------------------- conditional GET


def test_conditional_get_with_etag_returns_not_modified_without_body(server: FaultServer) -> None:
    first = fetch(server.url("/etag"))
    assert first.etag == '"v1-abc"' and first.text and "Version one" in first.text
    second = fetch(server.url("/etag"), etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.status == 304
    assert second.content == b"" and second.text is None
    assert second.etag == first.etag and second.last_modified == first.last_modified
    sent = server.requests_to("/etag")[1].headers
    assert sent["if-none-match"] == '"v1-abc"'
    assert sent["if-modified-since"] == first.last_modified


def test_conditional_get_with_last_modified_only(server: FaultServer) -> None:
    result = fetch(server.url("/etag"), last_modified="Wed, 01 Apr 2020 10:00:00 GMT")
    assert result.not_modified
    assert "if-none-match" not in server.requests_to("/etag")[0].headers


def test_stale_etag_gets_the_new_body(server: FaultServer) -> None:
    result = fetch(server.url("/etag"), etag='"v0-old"')
    assert result.status == 200 and not result.not_modified and "Version one" in (result.text or "")


def test_plain_fetch_sends_no_validators(server: FaultServer) -> None:
    fetch(server.url("/etag"))
    headers = server.requests_to("/etag")[0].headers
    assert "if-none-match" not in headers and "if-modified-since" not in headers


# ---------------------------------------------------------------------------------------------- time limits


def test_server_hanging_before_headers_times_out(server: FaultServer) -> None:
    started = time.monotonic()
    error = fetch_error(server.url("/hang?seconds=30"), FetchSettings(timeout=0.5, max_attempts=1))
    assert error.reason == "timeout"
    assert time.monotonic() - started < 5  # the point: it does not hang for 30 s


def test_deadline_bounds_all_attempts_together(server: FaultServer) -> None:
    settings = FetchSettings(timeout=0.6, deadline=1.0, max_attempts=5, backoff_base=0.01)
    started = time.monotonic()
    error = fetch_error(server.url("/hang?seconds=30"), settings)
    assert error.reason == "timeout"
    assert time.monotonic() - started < 5
    assert server.count("/hang") == 2  # 0.6 s + the 0.4 s left; no third attempt past the deadline


def test_slow_drip_is_cut_off_by_the_deadline(server: FaultServer) -> None:
    # One byte every 0.1 s never trips the 5 s read timeout, but 1000 bytes would take 100 s.
    settings = FetchSettings(timeout=5.0, deadline=1.0, max_attempts=1)
    started = time.monotonic()
    error = fetch_error(server.url("/drip?interval=0.1&bytes=1000"), settings)
    assert error.reason == "timeout" and "deadline" in str(error)
    assert time.monotonic() - started < 5


# ------------------------------------------------------------------------------------------------- retries


def test_connection_refused_is_retried_then_reported() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sleep = SleepRecorder()
    error = fetch_error(f"http://127.0.0.1:{port}/", sleep=sleep)
    assert error.reason == "connect_error" and error.retryable
    assert len(sleep.delays) == FAST.max_attempts - 1


def test_reset_mid_body_is_a_protocol_error_retried(server: FaultServer) -> None:
    error = fetch_error(server.url("/reset"))
    assert error.reason == "protocol_error"
    assert server.count("/reset") == 3


def test_reset_then_success_recovers(server: FaultServer) -> None:
    result = fetch(server.url("/flaky?fail=1&code=0&key=reset"))
    assert result.status == 200 and server.count("/flaky") == 2


def test_500_is_retried_with_bounded_jittered_backoff(server: FaultServer) -> None:
    sleep = SleepRecorder()
    error = fetch_error(server.url("/status?code=500"), sleep=sleep)
    assert error.reason == "http_500" and error.status == 500 and error.retryable
    assert server.count("/status") == 3
    # Full jitter: retry n sleeps somewhere in [0, base * 2**(n-1)].
    assert len(sleep.delays) == 2
    assert 0 <= sleep.delays[0] <= 0.5 and 0 <= sleep.delays[1] <= 1.0


def test_backoff_is_capped_by_backoff_max(server: FaultServer) -> None:
    sleep = SleepRecorder()
    settings = FetchSettings(max_attempts=6, backoff_base=10.0, backoff_max=3.0, deadline=60.0)
    fetch_error(server.url("/status?code=502"), settings, sleep)
    assert len(sleep.delays) == 5 and max(sleep.delays) <= 3.0


def test_attempt_count_is_configurable(server: FaultServer) -> None:
    fetch_error(server.url("/status?code=503"), FetchSettings(max_attempts=1))
    assert server.count("/status") == 1


def test_503_twice_then_success(server: FaultServer) -> None:
    result = fetch(server.url("/flaky?fail=2&code=503"))
    assert result.status == 200 and "Hello" in (result.text or "")
    assert server.count("/flaky") == 3


def test_404_is_not_retried(server: FaultServer) -> None:
    error = fetch_error(server.url("/status?code=404"))
    assert error.reason == "http_404" and error.status == 404
    assert not error.retryable and not error.permanent
    assert server.count("/status") == 1


def test_410_is_permanent(server: FaultServer) -> None:
    error = fetch_error(server.url("/status?code=410"))
    assert error.reason == "http_410" and error.permanent
    assert server.count("/status") == 1


def test_429_waits_for_retry_after_seconds(server: FaultServer) -> None:
    sleep = SleepRecorder()
    result = fetch(server.url("/flaky?fail=1&code=429&retry_after=7"), sleep=sleep)
    assert result.status == 200
    assert sleep.delays == [7.0]


def test_429_waits_for_retry_after_http_date(server: FaultServer) -> None:
    sleep = SleepRecorder()
    fetch(
        server.url(f"/flaky?fail=1&code=429&retry_after={http_date(30)}"), FetchSettings(deadline=60), sleep
    )
    assert len(sleep.delays) == 1 and 27 <= sleep.delays[0] <= 31


def test_503_with_retry_after_is_honoured(server: FaultServer) -> None:
    sleep = SleepRecorder()
    fetch(server.url("/flaky?fail=1&code=503&retry_after=3"), sleep=sleep)
    assert sleep.delays == [3.0]


def test_retry_after_beyond_the_maximum_gives_up_at_once(server: FaultServer) -> None:
    sleep = SleepRecorder()
    settings = FetchSettings(retry_after_max=60.0)
    error = fetch_error(server.url("/status?code=429&retry_after=600"), settings, sleep)
    assert error.reason == "http_429" and error.retry_after == 600.0
    assert sleep.delays == [] and server.count("/status") == 1


def test_retry_after_beyond_the_deadline_gives_up(server: FaultServer) -> None:
    sleep = SleepRecorder()
    error = fetch_error(server.url("/status?code=503&retry_after=20"), FetchSettings(deadline=10.0), sleep)
    assert error.reason == "http_503" and error.retry_after == 20.0 and sleep.delays == []


def test_a_wait_that_leaves_the_next_attempt_a_sliver_of_the_deadline_gives_up(server: FaultServer) -> None:
    # 7 s of the 8 s deadline leaves under 1 s, a quarter of the 4 s timeout: that attempt could only time
    # out, likely before the server saw it, and the retry log would name a request nobody received.
    sleep = SleepRecorder()
    settings = FetchSettings(timeout=4.0, deadline=8.0)
    error = fetch_error(server.url("/status?code=429&retry_after=7"), settings, sleep)
    assert error.reason == "http_429" and sleep.delays == [] and server.count("/status") == 1


def test_exhausted_429_reports_retry_after(server: FaultServer) -> None:
    error = fetch_error(server.url("/status?code=429&retry_after=2"))
    assert error.reason == "http_429" and error.retry_after == 2.0
    assert server.count("/status") == 3


# ------------------------------------------------------------------------------------------------ redirects


def test_redirect_chain_is_followed(server: FaultServer) -> None:
    result = fetch(server.url("/redirect?n=3"))
    assert result.url == server.url("/ok")
    assert result.requested_url == server.url("/redirect?n=3")
    assert result.redirects == (server.url("/redirect?n=2"), server.url("/redirect?n=1"), server.url("/ok"))


def test_more_than_five_redirects_fail(server: FaultServer) -> None:
    error = fetch_error(server.url("/redirect?n=6"))
    assert error.reason == "too_many_redirects"
    assert server.count("/redirect") == 6 and server.count("/ok") == 0
    assert fetch(server.url("/redirect?n=5")).url == server.url("/ok")


def test_redirect_loop_is_detected(server: FaultServer) -> None:
    error = fetch_error(server.url("/loop/a"))
    assert error.reason == "redirect_loop"
    assert server.count("/loop/a") == 1 and server.count("/loop/b") == 1


def test_redirect_to_another_scheme_is_refused(server: FaultServer) -> None:
    with pytest.raises(BlockedAddressError) as info:
        fetch(server.url("/redirect-to?location=file:///etc/passwd"))
    assert info.value.reason == "blocked_address"


# ------------------------------------------------------------------------------------------------- size cap


def test_declared_oversize_body_is_refused_early(server: FaultServer) -> None:
    error = fetch_error(server.url("/big?size=6000000"))
    assert error.reason == "too_large" and "Content-Length" in str(error)


def test_undeclared_oversize_body_is_cut_off_while_streaming(server: FaultServer) -> None:
    error = fetch_error(server.url("/big?size=6000000&length=0"))
    assert error.reason == "too_large" and "cap of 5000000" in str(error)


def test_endless_body_is_cut_off(server: FaultServer) -> None:
    started = time.monotonic()
    error = fetch_error(server.url("/endless"), FetchSettings(max_bytes=200_000))
    assert error.reason == "too_large"
    assert time.monotonic() - started < 5


def test_body_at_the_cap_is_accepted(server: FaultServer) -> None:
    result = fetch(server.url("/big?size=1000&length=0"), FetchSettings(max_bytes=1000))
    assert len(result.content) == 1000


def test_gzip_bomb_is_cut_off_after_decompression(server: FaultServer) -> None:
    wire = gzip_of_zeros(50_000_000)
    assert len(wire) < FAST.max_bytes  # small on the wire: only the decompressed count can catch it
    error = fetch_error(server.url("/gzip-bomb?size=50000000"))
    assert error.reason == "too_large" and "decompression" in str(error)


def test_gzip_body_is_decompressed(server: FaultServer) -> None:
    result = fetch(server.url("/gzip-bomb?size=1000&type=application/octet-stream"))
    assert result.content == b"\0" * 1000 and result.text is None
    page = f"<html><body>{FRENCH}</body></html>"
    server.routes["/gz"] = static(
        gzip.compress(page.encode()), "text/html; charset=utf-8", headers={"Content-Encoding": "gzip"}
    )
    assert fetch(server.url("/gz")).text == page


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_deflate_body_is_decompressed(server: FaultServer, wbits: int) -> None:
    page = f"<html><body>{RUSSIAN}</body></html>"
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    body = compressor.compress(page.encode()) + compressor.flush()
    headers = {"Content-Encoding": "deflate"}
    server.routes["/deflate"] = static(body, "text/html; charset=utf-8", headers=headers)
    assert fetch(server.url("/deflate")).text == page


def test_only_boundable_codings_are_offered(server: FaultServer) -> None:
    fetch(server.url("/ok"))
    assert server.requests_to("/ok")[0].headers["accept-encoding"] == "gzip, deflate"


def test_corrupt_content_encoding_is_a_decode_error(server: FaultServer) -> None:
    server.routes["/bad-gzip"] = static(
        b"this is not gzip data at all", "text/html", headers={"Content-Encoding": "gzip"}
    )
    error = fetch_error(server.url("/bad-gzip"))
    assert error.reason == "decode_error"
    assert server.count("/bad-gzip") == 1


# -------------------------------------------------------------------------------------------------- charset


@pytest.mark.parametrize(
    ("text", "codec", "content_type"),
    [
        (RUSSIAN, "cp1251", "text/html; charset=utf-8"),  # declared UTF-8, sent windows-1251
        (FRENCH, "utf-8", "text/html; charset=iso-8859-1"),  # declared Latin-1, sent UTF-8
        (RUSSIAN, "cp1251", "text/html"),  # no charset anywhere: detection
        (RUSSIAN, "koi8_r", "text/plain; charset=koi8-r"),  # declared correctly
        (FRENCH, "cp1252", "text/html; charset=windows-1252"),
    ],
)
def test_body_decodes_to_the_right_text(
    server: FaultServer, text: str, codec: str, content_type: str
) -> None:
    page = f"<html><body><p>{text}</p></body></html>"
    server.routes["/page"] = static(page.encode(codec), content_type)
    result = fetch(server.url("/page"))
    assert result.text == page


def test_meta_charset_is_used_when_the_header_has_none(server: FaultServer) -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body>{RUSSIAN}</body></html>'
    server.routes["/page"] = static(page.encode("cp1251"), "text/html")
    result = fetch(server.url("/page"))
    assert result.text == page and result.encoding == "cp1251"


def test_wrong_header_charset_falls_back_to_meta(server: FaultServer) -> None:
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"</head><body>{RUSSIAN}</body></html>"
    )
    server.routes["/page"] = static(page.encode("cp1251"), "text/html; charset=utf-8")
    assert fetch(server.url("/page")).text == page


def test_xml_declaration_encoding_is_used(server: FaultServer) -> None:
    feed = (
        f'<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>{RUSSIAN}</title></channel></rss>'
    )
    server.routes["/feed"] = static(feed.encode("cp1251"), "application/rss+xml")
    result = fetch(server.url("/feed"))
    assert result.text == feed and result.content_type == "application/rss+xml"


def test_byte_order_mark_wins(server: FaultServer) -> None:
    server.routes["/page"] = static(
        "\ufeff".encode("utf-16-le") + FRENCH.encode("utf-16-le"), "text/plain; charset=iso-8859-1"
    )
    result = fetch(server.url("/page"))
    assert result.text == FRENCH


def test_binary_labelled_as_html_is_refused(server: FaultServer) -> None:
    error = fetch_error(server.url("/binary"))
    assert error.reason == "binary_content"


def test_binary_with_a_binary_type_is_returned_without_text(server: FaultServer) -> None:
    png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(100)
    server.routes["/image"] = static(png, "image/png")
    result = fetch(server.url("/image"))
    assert result.content == png and result.text is None and result.encoding is None


def test_empty_200_is_returned_as_empty(server: FaultServer) -> None:
    result = fetch(server.url("/empty"))
    assert result.status == 200 and result.content == b"" and result.text == ""


def test_truncated_feed_is_returned_as_is(server: FaultServer) -> None:
    # Judging XML is the feed parser's job; the fetcher hands over the bytes it got.
    result = fetch(server.url("/truncated-feed"))
    assert result.text is not None and result.text.endswith("<title>Second ent")


# ---------------------------------------------------------------------------------------------- concurrency


def _fetch_many(urls: list[str], settings: FetchSettings) -> list[FetchResult]:
    async def go() -> list[FetchResult]:
        async with Fetcher(settings) as fetcher:
            return list(await asyncio.gather(*(fetcher.fetch(u) for u in urls)))

    return asyncio.run(go())


def test_per_host_limit_is_respected(server: FaultServer) -> None:
    urls = [server.url(f"/slow?delay=0.2&i={i}") for i in range(6)]
    results = _fetch_many(urls, FetchSettings(max_per_host=2, max_connections=20))
    assert all(r.status == 200 for r in results)
    assert server.max_in_flight == 2


def test_global_limit_is_respected(server: FaultServer) -> None:
    urls = [server.url(f"/slow?delay=0.2&i={i}") for i in range(8)]
    _fetch_many(urls, FetchSettings(max_per_host=10, max_connections=3))
    assert server.max_in_flight == 3


def test_a_busy_host_does_not_starve_other_hosts(server: FaultServer) -> None:
    # Three slow requests to one host queue on its 2 slots without holding the third global slot.
    async def go() -> float:
        async with Fetcher(FetchSettings(max_per_host=2, max_connections=3)) as fetcher:
            busy = [fetcher.fetch(server.url(f"/slow?delay=0.4&i={i}")) for i in range(3)]
            other = fetcher.fetch(server.url("/ok", host="localhost"))
            results = await asyncio.gather(*busy, other)
            return results[-1].elapsed

    assert asyncio.run(go()) < 0.3  # not queued behind the busy host (that would take 0.4 s or more)


def test_waiting_for_a_slot_does_not_eat_the_deadline(server: FaultServer) -> None:
    # Five 0.2 s requests through one slot take 1 s in all, longer than each fetch's 0.6 s deadline.
    urls = [server.url(f"/slow?delay=0.2&i={i}") for i in range(5)]
    results = _fetch_many(urls, FetchSettings(max_per_host=1, deadline=0.6))
    assert [r.status for r in results] == [200] * 5


# ------------------------------------------------------------------------------------------------ pure parts


def test_parse_retry_after() -> None:
    now = datetime(2020, 4, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after(" 0 ", now) == 0.0
    assert parse_retry_after("Wed, 01 Apr 2020 12:01:30 GMT", now) == 90.0
    assert parse_retry_after("Wed, 01 Apr 2020 11:00:00 GMT", now) == 0.0  # in the past: now
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after("-5", now) is None


def test_settings_reject_nonsense() -> None:
    with pytest.raises(ValueError, match="timeout"):
        FetchSettings(timeout=0)
    with pytest.raises(ValueError, match="max_redirects"):
        FetchSettings(max_redirects=-1)


@pytest.mark.parametrize("url", ["http://example.com:notaport/", "http:///no-host", "", "/relative/path"])
def test_invalid_url_is_a_fetch_error(url: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch(url)
    assert info.value.reason == "invalid_url"
    assert not isinstance(info.value, BlockedAddressError)
