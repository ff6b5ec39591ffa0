"""The address guard: keeps URLs we did not write ourselves away from internal networks (SSRF).

A URL taken from a feed, or reached by a redirect to another host, could point at a router admin page, a
database on localhost or the cloud metadata service. Before such a URL is fetched its host name is resolved
once, every address is checked, and the request is then sent to the checked address (see `pin_url`) so a
second, different DNS answer (DNS rebinding) cannot slip in between the check and the connection.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import httpx

from monitor.errors import BlockedAddressError, FetchError

__all__ = ["ALLOWED_SCHEMES", "Resolver", "check_scheme", "is_blocked_address", "pin_url", "resolve_checked"]

ALLOWED_SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# `is_global` already excludes RFC 1918, loopback, link-local, CGNAT, documentation and reserved ranges;
# these are listed as well so the rule reads plainly and survives changes to the stdlib's registry.
_BLOCKED_NETWORKS = tuple(
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",  # "this network", includes the unspecified address
        "10.0.0.0/8",
        "100.64.0.0/10",  # carrier-grade NAT (RFC 6598)
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, includes 169.254.169.254 (cloud metadata)
        "172.16.0.0/12",
        "192.168.0.0/16",
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, includes broadcast
        "::/128",
        "::1/128",
        "fc00::/7",  # unique local, includes fd00:ec2::254 (AWS metadata over IPv6)
        "fe80::/10",
        "ff00::/8",
    )
)
_METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254"))

Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""An async function (host, port) -> IP address strings; the default asks the system via getaddrinfo."""


def is_blocked_address(ip: str | IPAddress) -> bool:
    """True when `ip` is not a public unicast address (loopback, private, link-local, CGNAT, metadata...).

    >>> is_blocked_address("10.1.2.3"), is_blocked_address("93.184.216.34")
    (True, False)
    """
    addr = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    if isinstance(addr, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 reaches the IPv4 host, so judge the IPv4 address.
        embedded = addr.ipv4_mapped or addr.sixtofour or (addr.teredo[1] if addr.teredo else None)
        if embedded is not None and is_blocked_address(embedded):
            return True
        if addr in ipaddress.ip_network("64:ff9b::/96"):  # NAT64: the last 32 bits are the IPv4 target
            return is_blocked_address(ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF))
    if addr in _METADATA_ADDRESSES or any(addr in net for net in _BLOCKED_NETWORKS):
        return True
    return addr.is_multicast or addr.is_reserved or addr.is_unspecified or not addr.is_global


def check_scheme(url: httpx.URL) -> None:
    """Raise BlockedAddressError unless `url` is http or https (FetchError if it is not absolute at all)."""
    if not url.scheme:
        raise FetchError(
            f"{str(url)!r}: not an absolute URL (http:// or https:// expected)", reason="invalid_url"
        )
    if url.scheme not in ALLOWED_SCHEMES:
        raise BlockedAddressError(
            f"{url}: scheme {url.scheme!r} is not allowed (only http and https)",
            reason="blocked_address",
        )
    if not url.host:
        raise FetchError(f"{url}: the URL has no host name", reason="invalid_url")


async def system_resolver(host: str, port: int) -> Sequence[str]:
    """Resolve `host` with the loop's getaddrinfo; failure raises FetchError(reason='connect_error')."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(
            f"{host}: cannot resolve the host name ({exc})", reason="connect_error", retryable=True
        ) from exc
    # sockaddr[0] of an IPv6 link-local answer may carry a "%scope" suffix.
    return [str(info[4][0]).split("%", 1)[0] for info in infos]


@dataclass(frozen=True)
class CheckedHost:
    """A host name and the addresses it resolved to, all of them allowed."""

    host: str
    addresses: tuple[str, ...]


async def resolve_checked(url: httpx.URL, resolver: Resolver | None = None) -> CheckedHost:
    """Resolve the host of `url` and return its addresses; raise BlockedAddressError if any one is blocked.

    Every address must pass, not just one: the connection could use any of them.
    """
    check_scheme(url)
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    addresses = (
        [str(literal)] if literal is not None else list(await (resolver or system_resolver)(host, port))
    )
    if not addresses:
        raise FetchError(
            f"{url}: the host name resolved to no address", reason="connect_error", retryable=True
        )
    for address in addresses:
        try:
            blocked = is_blocked_address(address)
        except ValueError:
            blocked = True  # not an IP address at all: refuse rather than guess
        if blocked:
            where = host if literal is not None else f"{host} ({address})"
            raise BlockedAddressError(
                f"{url}: address {where} is private, loopback, link-local or reserved; refusing an"
                " untrusted URL (set network.allow_private_addresses: true to allow it)",
                reason="blocked_address",
            )
    return CheckedHost(host=host, addresses=tuple(addresses))


def pin_url(url: httpx.URL, address: str) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
    """Return (url with its host replaced by `address`, headers, request extensions) for a pinned request.

    The Host header keeps the name (virtual hosting) and, for https, `sni_hostname` keeps TLS server
    name indication and certificate checking on the name, not on the IP address.
    """
    pinned = url.copy_with(host=address)
    headers = {"Host": url.netloc.decode("ascii")}
    extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
    return pinned, headers, extensions
