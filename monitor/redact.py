"""Credentials never shown: the one function that hides the userinfo of every URL in a text.

Used at the edges, where a URL leaves the program: log lines (monitor.logs), `monitor sources`, the export
(monitor.publish.export), the HTML report (monitor.publish.report) and config error messages. Config URLs may
not carry credentials at all (see `auth:` in the README); this is for the URLs that come from elsewhere: feed
links, databases written by older versions, database URLs in error messages.

    >>> redact("fetching http://user:secret@example.org/a failed")
    'fetching http://***@example.org/a failed'
"""

from __future__ import annotations

import re

__all__ = ["REDACTED", "redact"]

REDACTED = "***"
# scheme://userinfo@host : the userinfo runs to the authority's last '@' (a password may hold an unescaped
# '@'); the authority ends at '/', '?', '#' or whitespace.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s]*@")


def redact(text: str) -> str:
    """`text` with the userinfo (user name and password) of every URL in it replaced by `***`.

    A URL or any text holding URLs (a log message, an error); anything without credentials comes back as is.
    """
    if "@" not in text:
        return text
    return _USERINFO.sub(rf"\g<1>{REDACTED}@", text)
