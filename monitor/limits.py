"""How long a string from outside may be: the column widths of the schema, in one place.

`monitor/store/models.py` sizes its columns with these constants (tests/test_limits.py checks every bounded
column against them), and the layers that take strings from outside check them before anything reaches a
column, the same on SQLite (which would keep any length) and PostgreSQL (which refuses the row):

- the config: a source or feed URL longer than `URL_LENGTH`, a story id longer than `STORY_ID_LENGTH`, a kind
  name longer than `KIND_LENGTH` is a config error at load;
- the fetcher: an ETag or Last-Modified over its width is dropped with a warning (no conditional GET then);
- the feed reader: a link over `URL_LENGTH` is refused with a reason, a guid over it is kept by its hash;
- the store: error messages are clipped to `MESSAGE_LENGTH`, and a value that still does not fit is dropped.

    >>> clip("x" * 2000, 10)
    'xxxxxxxxx…'
"""

from __future__ import annotations

__all__ = [
    "ETAG_LENGTH",
    "KIND_LENGTH",
    "LAST_MODIFIED_LENGTH",
    "MESSAGE_LENGTH",
    "OWNER_LENGTH",
    "STORY_ID_LENGTH",
    "URL_LENGTH",
    "clip",
    "fits",
]

URL_LENGTH = 2048  # source, feed entry and timeline URLs (the de facto limit of browsers and CDNs)
STORY_ID_LENGTH = 200
KIND_LENGTH = 50  # a timeline item's kind: the lexicon's or one `extraction.kinds` adds
ETAG_LENGTH = 1024
LAST_MODIFIED_LENGTH = 200  # an HTTP-date is 29 characters
OWNER_LENGTH = 200  # a lease owner: host name, pid and a tag
MESSAGE_LENGTH = 1000  # an error or warning message kept with a check, or written in a log line


def fits(value: str | None, limit: int) -> bool:
    """True when `value` is None or at most `limit` characters long."""
    return value is None or len(value) <= limit


def clip(text: str, limit: int = MESSAGE_LENGTH) -> str:
    """`text` cut to at most `limit` characters, the cut marked with '…'."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"
