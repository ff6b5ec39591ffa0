"""The Atom feed of a story's alerts: valid for feedparser, newest first, stable ids, evidence and links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import feedparser

from monitor.publish.atom import atom_feed, feed_file_name

T0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
URL = "https://news.example.org/2024/05/01/ferry"
OTHER = "https://wire.example.com/ferry-aground"


@dataclass(frozen=True)
class Logged:
    id: int
    event: str
    message: str
    created_at: dt.datetime
    fields: Mapping[str, object] = field(default_factory=dict)
    story: str = "harbour"
    url: str = URL


ALERTS = [
    Logged(1, "event_added", f"event_added: arrival 2024-05-01 — The tugboat arrived [story harbour, {URL}]",
           T0, {"summary": "The tugboat arrived", "source_urls": [URL, OTHER],
                "evidence": "The tugboat Bravo arrived at the wreck on Tuesday."}),
    Logged(2, "headline_changed", f"headline_changed: “Ferry aground” -> “Ferry freed” (version 2) "
           f"[story harbour, {URL}]", T0 + dt.timedelta(hours=1),
           {"old_title": "Ferry aground", "new_title": "Ferry freed"}),
    Logged(3, "correction_added", "correction_added: Correction: the ferry carried 180 people. (version 3) "
           f"[story harbour, {URL}]", T0 + dt.timedelta(hours=2),
           {"text": "Correction: the ferry carried 180 people.\x0b"}),
]


def _parse(alerts: list[Logged]) -> feedparser.FeedParserDict:
    return feedparser.parse(atom_feed("harbour", "Ferry aground", alerts, T0))


def test_the_feed_is_valid_and_lists_the_alerts_newest_first() -> None:
    parsed = _parse(list(ALERTS))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Ferry aground: alerts"
    assert [e.tags[0].term for e in parsed.entries] == ["correction_added", "headline_changed", "event_added"]
    assert parsed.feed.updated_parsed[:4] == (2024, 5, 1, 14)


def test_an_entry_carries_its_evidence_and_source_links() -> None:
    added = _parse(list(ALERTS)).entries[-1]
    assert added.title == "event_added: The tugboat arrived"
    assert added.link == URL
    assert [link.href for link in added.links if link.rel == "related"] == [OTHER]
    assert "Evidence: The tugboat Bravo arrived at the wreck on Tuesday." in added.content[0].value
    correction = _parse(list(ALERTS)).entries[0]
    assert "Evidence: Correction: the ferry carried 180 people." in correction.content[0].value


def test_entry_ids_are_stable_across_rewrites_and_stories() -> None:
    once = [e.id for e in _parse(list(ALERTS)).entries]
    again = [e.id for e in _parse(list(reversed(ALERTS))).entries]
    assert once == again and len(set(once)) == 3
    other = feedparser.parse(atom_feed("elsewhere", "", list(ALERTS), T0))
    assert not set(once) & {e.id for e in other.entries}


def test_an_empty_feed_is_valid_and_credentials_never_show() -> None:
    empty = _parse([])
    assert not empty.bozo and empty.entries == []
    secret = Logged(9, "content_changed", "content_changed: version 1 -> 2 [story harbour, "
                    "https://user:pw@members.example.org/live]", T0, url="https://user:pw@members.example.org/live")
    text = atom_feed("harbour", "", [secret], T0).decode()
    assert "user:pw" not in text and "https://***@members.example.org/live" in text


def test_feed_file_name_is_the_story_id() -> None:
    assert feed_file_name("russia-us-aid") == "russia-us-aid.atom"
