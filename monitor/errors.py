"""The exception tree. Callers catch one class; the CLI maps it to an exit code in one place.

    MonitorError
    ├── ConfigError      config.yaml is wrong (names the key path)
    ├── InputError       a document, date or argument given on the command line is wrong
    ├── RuleDataError    a bundled or user-supplied lexicon/rule file is malformed
    ├── FetchError       a URL could not be fetched (carries a short reason and whether to retry)
    │   └── BlockedAddressError   the address guard refused the URL
    └── StoreError       the database is unreachable or its schema is wrong
"""

from __future__ import annotations


class MonitorError(Exception):
    """Root of every error the monitor raises on purpose."""


class ConfigError(MonitorError):
    """The configuration is invalid; the message names the key path, the value and the fix."""


class InputError(MonitorError):
    """Bad input given by the user: a missing file, an unparsable date, an unknown story."""


class RuleDataError(MonitorError):
    """A rule or lexicon file is malformed; the message names the file, line and rule."""


class FetchError(MonitorError):
    """A fetch failed. `reason` is a short machine-friendly tag, e.g. `timeout`, `http_503`, `too_large`."""

    def __init__(
        self,
        message: str,
        *,
        reason: str = "error",
        retryable: bool = False,
        permanent: bool = False,
        retry_after: float | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.retryable = retryable  # worth retrying within this check (connection error, 5xx, 429)
        self.permanent = permanent  # the resource is gone for good (410): disable the source
        self.retry_after = retry_after  # seconds the server asked us to wait
        self.status = status


class BlockedAddressError(FetchError):
    """The address guard refused a URL (private, loopback, link-local, metadata, or not http/https)."""


class StoreError(MonitorError):
    """The database could not be reached or is not at the expected schema."""
