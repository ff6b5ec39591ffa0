"""What a fetch takes and gives: the fetcher's settings, one result, and reading a server's Retry-After."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

__all__ = ["DEFAULT_USER_AGENT", "RETRY_AFTER_CEILING", "FetchResult", "FetchSettings", "parse_retry_after"]

DEFAULT_USER_AGENT = "timeline-monitor/0.1 (+https://github.com/timeline-monitor; news timeline monitor)"
DEADLINE_TIMEOUTS = 3  # a fetch's default deadline, in per-phase timeouts
# The longest postponement a server can ask for: one "Retry-After: 99999999999999999999" or a date in the
# year 9999 must not silence a source for good, nor overflow the scheduler's date arithmetic.
RETRY_AFTER_CEILING = 86_400.0


@dataclass(frozen=True)
class FetchSettings:
    """Limits and manners of the fetcher; the defaults suit a news monitor polling a few dozen sites."""

    timeout: float = 20.0  # seconds for each phase of one request: connect, write, each read, pool wait
    # Seconds for the whole fetch: all attempts, redirect hops and backoff sleeps. None: 3 * timeout (60 s at
    # the default), so a user who shortens network.timeout also shortens what a slow drip can hold a check.
    deadline: float | None = None
    max_bytes: int = 5_000_000  # body cap, counted after decompression
    max_redirects: int = 5
    max_attempts: int = 3  # attempts per request, the first one included
    backoff_base: float = 1.0  # the n-th retry sleeps uniform(0, min(backoff_max, backoff_base * 2**(n-1)))
    backoff_max: float = 60.0
    retry_after_max: float = (
        300.0  # a longer Retry-After is not waited for: the fetch fails with retry_after set
    )
    max_connections: int = 20  # requests in flight across all hosts
    max_per_host: int = 2  # requests in flight to one host name
    user_agent: str = DEFAULT_USER_AGENT
    allow_private_addresses: bool = False  # True: untrusted URLs may reach loopback/private addresses
    # URL -> (user name, password) sent as HTTP basic auth to that URL and its same-origin redirects.
    credentials: Mapping[str, tuple[str, str]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.deadline is None:
            object.__setattr__(self, "deadline", DEADLINE_TIMEOUTS * self.timeout)
        for name in ("timeout", "deadline", "max_bytes", "max_attempts", "max_connections", "max_per_host"):
            if getattr(self, name) <= 0:
                raise ValueError(f"FetchSettings.{name}: must be positive, got {getattr(self, name)!r}")
        for name in ("max_redirects", "backoff_base", "backoff_max", "retry_after_max"):
            if getattr(self, name) < 0:
                raise ValueError(f"FetchSettings.{name}: must not be negative, got {getattr(self, name)!r}")

    @property
    def whole_fetch(self) -> float:
        """The deadline of one whole fetch, in seconds (`deadline`, which defaults to 3 * `timeout`)."""
        assert self.deadline is not None  # filled in by __post_init__
        return self.deadline


@dataclass(frozen=True)
class FetchResult:
    """One successful fetch (2xx, or 304 when `not_modified`)."""

    url: str  # final URL, after redirects
    requested_url: str
    status: int
    headers: Mapping[str, str]  # lower-case names, read-only
    content: bytes  # the decompressed body; b"" on 304
    text: str | None  # decoded body for text-like content (or unlabelled content that is text), else None
    encoding: str | None  # codec used for `text` (Python name, e.g. "utf-8", "cp1251")
    content_type: str | None  # media type without parameters, lower case, e.g. "text/html"
    etag: str | None
    last_modified: str | None
    not_modified: bool
    elapsed: float  # seconds, from the call to the result, queueing included
    redirects: tuple[str, ...] = field(default=())  # every hop after the requested URL, the final one last


def parse_retry_after(value: str, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP-date), at most a day; None when
    unparsable.

    >>> parse_retry_after("120"), parse_retry_after("99999999999999999999")
    (120.0, 86400.0)
    """
    seconds = _retry_after_seconds(value.strip(), now)
    return None if seconds is None else min(seconds, RETRY_AFTER_CEILING)


def _retry_after_seconds(value: str, now: datetime | None) -> float | None:
    if value.isascii() and value.isdigit():  # str.isdigit() also accepts "²", which float() refuses
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP-dates are GMT by definition
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())
