"""The fetcher and what comes from outside (issue 14): credentials sent as HTTP basic auth, validators too
long to keep, and a stray NUL byte; against real servers on 127.0.0.1 (tests/faultserver.py)."""

from __future__ import annotations

import asyncio
import base64
import logging
from typing import Any

import pytest

from monitor.errors import FetchError
from monitor.fetch.client import Fetcher, FetchResult, FetchSettings
from monitor.limits import ETAG_LENGTH, LAST_MODIFIED_LENGTH
from tests.faultserver import FaultServer, Request, static

PAGE = "<!doctype html><html><head><title>Members</title></head><body><p>Members only.</p></body></html>"


def fetch(url: str, settings: FetchSettings | None = None, **kwargs: Any) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(settings or FetchSettings(timeout=2.0, max_attempts=1)) as fetcher:
            return await fetcher.fetch(url, **kwargs)

    return asyncio.run(go())


def _members_only(user: str, password: str) -> Any:
    """A route that answers 401 unless the request carries these basic credentials."""
    expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def route(req: Request) -> None:
        if req.headers.get("authorization") != expected:
            req.send(401, b"who are you?", headers={"WWW-Authenticate": 'Basic realm="members"'})
        else:
            req.send(200, PAGE.encode(), "text/html; charset=utf-8")

    return route


def test_credentials_are_sent_as_basic_auth(fault_server: FaultServer) -> None:
    fault_server.routes["/members"] = _members_only("reader", "s3cret:x")
    url = fault_server.url("/members")
    with pytest.raises(FetchError) as refused:
        fetch(url)
    assert refused.value.reason == "http_401"
    settings = FetchSettings(timeout=2.0, max_attempts=1, credentials={url: ("reader", "s3cret:x")})
    assert "s3cret" not in repr(settings)
    result = fetch(url, settings)
    assert result.status == 200 and "Members only" in (result.text or "")


def test_credentials_follow_a_redirect_on_the_same_origin_only(fault_server: FaultServer) -> None:
    fault_server.routes["/members"] = _members_only("reader", "pw")
    other = fault_server.url("/members", host="localhost")  # same server, another origin
    fault_server.routes["/moved"] = static(b"", headers={"Location": "/members"}, status=301)
    fault_server.routes["/away"] = static(b"", headers={"Location": other}, status=302)
    moved, away = fault_server.url("/moved"), fault_server.url("/away")
    settings = FetchSettings(timeout=2.0, max_attempts=1, allow_private_addresses=True,
                             credentials={moved: ("reader", "pw"), away: ("reader", "pw")})
    assert fetch(moved, settings).status == 200
    with pytest.raises(FetchError) as refused:
        fetch(away, settings)
    assert refused.value.reason == "http_401"
    requests = fault_server.requests_to("/members")
    [sent] = [r for r in requests if r.headers.get("host", "").startswith("localhost")]
    assert "authorization" not in sent.headers


@pytest.mark.parametrize(("header", "value", "limit"), [
    ("ETag", '"' + "e" * 1998 + '"', ETAG_LENGTH),
    ("Last-Modified", "Wed, 01 Apr 2020 10:00:00 GMT" + " x" * 186, LAST_MODIFIED_LENGTH),
])
def test_a_validator_too_long_to_keep_is_dropped_with_a_warning(
    fault_server: FaultServer, caplog: pytest.LogCaptureFixture, header: str, value: str, limit: int,
) -> None:
    assert len(value) > limit
    fault_server.routes["/page"] = static(PAGE, headers={header: value, "ETag": '"short"'}
                                          if header == "Last-Modified" else {header: value})
    result = fetch(fault_server.url("/page"))
    assert result.status == 200
    kept = result.last_modified if header == "Last-Modified" else result.etag
    assert kept is None
    if header == "Last-Modified":
        assert result.etag == '"short"'  # the other validator still makes the next fetch conditional
    [warning] = [r for r in caplog.records if getattr(r, "event", None) == "validator_dropped"]
    assert warning.levelno == logging.WARNING and header in warning.getMessage()


def test_one_nul_byte_does_not_make_a_page_binary(fault_server: FaultServer) -> None:
    fault_server.routes["/page"] = static(PAGE.replace("Members only", "Members\x00 only").encode())
    result = fetch(fault_server.url("/page"))
    assert result.text is not None and "Members only" in result.text


def test_a_host_that_is_not_valid_idna_is_an_invalid_url_error() -> None:
    with pytest.raises(FetchError) as refused:
        fetch("http://xn--/")
    assert refused.value.reason == "invalid_url"
