"""The address guard: untrusted URLs and redirect hops may not reach internal addresses."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest

from monitor.errors import BlockedAddressError, FetchError
from monitor.fetch import guard as netguard
from monitor.fetch.client import Fetcher, FetchResult, FetchSettings
from monitor.fetch.guard import is_blocked_address, pin_url, resolve_checked
from tests.faultserver import FaultServer

GUARDED = FetchSettings(timeout=2.0, deadline=5.0, max_attempts=1)
OPEN = FetchSettings(timeout=2.0, deadline=5.0, max_attempts=1, allow_private_addresses=True)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as srv:
        yield srv


def fetch(url: str, settings: FetchSettings = GUARDED, **kwargs: Any) -> FetchResult:
    resolver = kwargs.pop("resolver", None)

    async def go() -> FetchResult:
        async with Fetcher(settings, resolver=resolver) as fetcher:
            return await fetcher.fetch(url, **kwargs)

    return asyncio.run(go())


def blocked(url: str, settings: FetchSettings = GUARDED, **kwargs: Any) -> BlockedAddressError:
    with pytest.raises(BlockedAddressError) as info:
        fetch(url, settings, **kwargs)
    assert info.value.reason == "blocked_address"
    return info.value


def fixed_resolver(answers: dict[str, Sequence[str]]) -> netguard.Resolver:
    async def resolve(host: str, port: int) -> Sequence[str]:
        return answers[host]

    return resolve


# -------------------------------------------------------------------------------------------- address rules


@pytest.mark.parametrize(
    "ip",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.0.0.1",
        "172.16.5.4",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "169.254.1.1",
        "100.64.0.1",
        "100.127.255.254",
        "0.0.0.0",
        "255.255.255.255",
        "224.0.0.1",
        "240.0.0.1",
        "192.0.2.1",
        "::",
        "::1",
        "fc00::1",
        "fd12:3456::1",
        "fd00:ec2::254",
        "fe80::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",  # IPv4-mapped
        "2002:a00:1::1",  # 6to4 wrapping 10.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    ],
)
def test_internal_addresses_are_blocked(ip: str) -> None:
    assert is_blocked_address(ip)


@pytest.mark.parametrize(
    "ip",
    [
        "93.184.216.34",
        "8.8.8.8",
        "1.1.1.1",
        "172.32.0.1",
        "100.128.0.1",
        "2606:4700:4700::1111",
        "2a00:1450:4001:80b::200e",
        "64:ff9b::808:808",
    ],
)
def test_public_addresses_are_allowed(ip: str) -> None:
    assert not is_blocked_address(ip)


def test_every_resolved_address_must_pass() -> None:
    resolver = fixed_resolver({"mixed.test": ["93.184.216.34", "10.0.0.7"]})
    with pytest.raises(BlockedAddressError, match="10.0.0.7"):
        asyncio.run(resolve_checked(httpx.URL("http://mixed.test/"), resolver))


def test_a_host_resolving_to_nothing_is_a_connect_error() -> None:
    with pytest.raises(FetchError) as info:
        asyncio.run(resolve_checked(httpx.URL("http://void.test/"), fixed_resolver({"void.test": []})))
    assert info.value.reason == "connect_error"


def test_pin_url_keeps_the_name_for_host_header_and_tls() -> None:
    url, headers, extensions = pin_url(httpx.URL("https://news.example.com:8443/a?b=1"), "2001:db8::5")
    assert str(url) == "https://[2001:db8::5]:8443/a?b=1"
    assert headers == {"Host": "news.example.com:8443"}
    assert extensions == {"sni_hostname": "news.example.com"}
    assert pin_url(httpx.URL("http://example.com/"), "93.184.216.34")[2] == {}


# -------------------------------------------------------------------------------------------- in the fetcher


def test_untrusted_loopback_url_is_blocked_before_any_request(server: FaultServer) -> None:
    error = blocked(server.url("/ok"), trusted=False)
    assert server.url("/ok") in str(error) and "allow_private_addresses" in str(error)
    assert server.count("/ok") == 0


def test_untrusted_name_resolving_to_loopback_is_blocked(server: FaultServer) -> None:
    blocked(server.url("/ok", host="localhost"), trusted=False)
    assert server.count("/ok") == 0


def test_resolver_answer_is_what_gets_checked(server: FaultServer) -> None:
    resolver = fixed_resolver({"intranet.test": ["10.1.2.3"]})
    error = blocked(f"http://intranet.test:{server.port}/ok", trusted=False, resolver=resolver)
    assert "10.1.2.3" in str(error)


def test_allow_private_addresses_lets_untrusted_loopback_through(server: FaultServer) -> None:
    assert fetch(server.url("/ok"), OPEN, trusted=False).status == 200


def test_trusted_url_is_not_address_checked(server: FaultServer) -> None:
    assert fetch(server.url("/ok"), GUARDED, trusted=True).status == 200


def test_same_host_redirect_of_a_trusted_url_stays_trusted(server: FaultServer) -> None:
    assert fetch(server.url("/redirect?n=2"), GUARDED).url == server.url("/ok")


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/admin",
        "http://[::1]/",
        "http://[fd00:ec2::254]/",
    ],
)
def test_redirect_hop_to_an_internal_address_is_blocked(server: FaultServer, target: str) -> None:
    error = blocked(server.url(f"/redirect-to?location={target}"))
    assert str(httpx.URL(target)) in str(error)


def test_redirect_hop_to_another_host_is_checked_unless_allowed(server: FaultServer) -> None:
    hop = server.url("/ok", host="localhost")
    blocked(server.url(f"/redirect-to?location={hop}"))
    assert server.count("/ok") == 0
    assert fetch(server.url(f"/redirect-to?location={hop}"), OPEN).url == hop


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://127.0.0.1:70/"])
def test_other_schemes_are_refused_even_when_private_addresses_are_allowed(url: str) -> None:
    blocked(url, OPEN)
    blocked(url, OPEN, trusted=False)


def test_connection_goes_to_the_checked_address(server: FaultServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # "pinned.test" exists only in our resolver: if the client resolved the name again itself (the DNS
    # rebinding gap), the request could not connect at all. Loopback is allowed so it can reach the server.
    monkeypatch.setattr(netguard, "is_blocked_address", lambda ip: False)
    resolver = fixed_resolver({"pinned.test": ["127.0.0.1"]})
    result = fetch(f"http://pinned.test:{server.port}/echo", trusted=False, resolver=resolver)
    assert result.url == f"http://pinned.test:{server.port}/echo"
    assert json.loads(result.content)["headers"]["host"] == f"pinned.test:{server.port}"
