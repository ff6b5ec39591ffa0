"""An Atom feed (RFC 4287) of a story's alerts, newest first, for feed readers (pure).

One entry per alert: its title is the alert's line without the story suffix, its content the whole line and,
for timeline items, the evidence sentence; it links to the source that raised it (`alternate`) and to every
source that reports the item (`related`). Entry ids are stable (the alert's number in the log), so a reader
shows each alert once however often the file is rewritten.

    >>> xml = atom_feed("russia-us-aid", "Russian plane heads to U.S.", alerts, now)
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Protocol
from xml.etree import ElementTree as ET

from monitor.publish.alerts import Alert
from monitor.publish.notify import template_fields
from monitor.redact import redact

__all__ = ["ATOM_NS", "FEED_ENTRIES", "LoggedAlertLike", "atom_feed", "feed_file_name"]

ATOM_NS = "http://www.w3.org/2005/Atom"
# Entries in one feed: the newest alerts (a reader keeps what it has already seen).
FEED_ENTRIES = 200
_GENERATOR = "timeline-monitor"
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class LoggedAlertLike(Protocol):
    """What the feed reads of a logged alert (monitor.store.records.LoggedAlert is one)."""

    @property
    def id(self) -> int: ...
    @property
    def story(self) -> str: ...
    @property
    def event(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def fields(self) -> Mapping[str, object]: ...
    @property
    def created_at(self) -> dt.datetime: ...


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"timeline-monitor:{name}").urn


def _time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    clean = {key: _NOT_XML.sub("", value) for key, value in attributes.items()}
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", clean)
    if text is not None:
        element.text = _NOT_XML.sub("", text)  # a page's control characters would make the file unreadable
    return element


def feed_file_name(story: str) -> str:
    """The file a story's feed is kept in, in the config's `atom_dir` (story ids are file-name safe)."""
    return f"{story}.atom"


def _links(logged: LoggedAlertLike) -> list[str]:
    urls = logged.fields.get("source_urls")
    others = [u for u in urls if isinstance(u, str)] if isinstance(urls, list) else []
    return [u for u in dict.fromkeys(others) if u != logged.url and u.startswith(("http://", "https://"))]


def atom_feed(
    story: str, title: str, alerts: Sequence[LoggedAlertLike], now: dt.datetime, *,
    self_url: str | None = None,
) -> bytes:
    """The feed of `alerts` (any order: written newest first) as UTF-8 XML."""
    ET.register_namespace("", ATOM_NS)
    ordered = sorted(alerts, key=lambda a: (a.created_at, a.id), reverse=True)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "id", _urn(f"story:{story}"))
    _sub(feed, "title", f"{title or story}: alerts")
    _sub(feed, "subtitle", f"What changed in the timeline of the story {story}")
    _sub(feed, "updated", _time(ordered[0].created_at if ordered else now))
    _sub(feed, "generator", _GENERATOR)
    author = _sub(feed, "author")
    _sub(author, "name", _GENERATOR)
    if self_url:
        _sub(feed, "link", rel="self", href=self_url)
    for logged in ordered:
        alert = Alert(logged.event, logged.story, redact(logged.url), redact(logged.message), logged.fields)
        fields = template_fields(alert)
        entry = _sub(feed, "entry")
        _sub(entry, "id", _urn(f"story:{story}:alert:{logged.id}"))
        _sub(entry, "title", f"{logged.event}: {fields['summary']}")
        _sub(entry, "updated", _time(logged.created_at))
        _sub(entry, "published", _time(logged.created_at))
        _sub(entry, "category", term=logged.event)
        if alert.url.startswith(("http://", "https://")):
            _sub(entry, "link", rel="alternate", href=alert.url)
        for other in _links(logged):
            _sub(entry, "link", rel="related", href=redact(other))
        content = [alert.message]
        evidence = logged.fields.get("evidence") or logged.fields.get("text")
        if isinstance(evidence, str) and evidence:
            content.append(f"Evidence: {evidence}")
        _sub(entry, "content", "\n\n".join(content), type="text")
    ET.indent(feed)
    text = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{text}\n'.encode()
