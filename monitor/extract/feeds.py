"""Feed bytes -> entries (pure), canonical URLs, and keyword relevance.

parse_feed() wraps feedparser: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 (and CDF) in any encoding feedparser can resolve
from the bytes and the response's Content-Type. A malformed feed that still yields entries is kept, with the
parser's complaint in `ParsedFeed.error`; a response that is not a feed at all raises InputError. A channel
with no items (feedparser gives a CDF document no version) is a valid, empty feed. An entry with nothing a
reader could recognise it by (no title, no summary, no link: what a feed cut off inside `<item>` leaves) is
dropped. A link the fetcher could not follow (over `URL_LENGTH`, not a valid URL, a host name that is not
valid IDNA, credentials in it) is refused: the entry is kept without it, and `ParsedFeed.refused` says why;
a guid over `URL_LENGTH` is kept by its hash.

An entry belongs to a story when its title or summary contains one of the story's keywords (case-insensitive,
whole words, phrases allowed) and none of its exclude terms:

    >>> entry_matches_text = compile_keywords(["White House", "Putin"])
    >>> entry_matches_text("Putin calls the White House"), entry_matches_text("Putinism explained")
    (True, False)
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import io
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import feedparser
import httpx
import lxml.html
from lxml import etree

from monitor.errors import InputError
from monitor.extract.text import content_hash as _text_hash
from monitor.limits import URL_LENGTH, clip

__all__ = [
    "FeedEntry",
    "KeywordMatcher",
    "ParsedFeed",
    "canonical_url",
    "compile_keywords",
    "entry_matches",
    "parse_feed",
]

TRACKING_FILE = "tracking_params.yaml"


@dataclass(frozen=True)
class FeedEntry:
    """One feed item, identified by `key` (guid/id, else canonical link, else a hash of title and link)."""

    key: str
    guid: str | None
    link: str | None
    title: str
    summary: str
    published: datetime.datetime | None  # published, else updated; aware UTC
    updated: datetime.datetime | None
    content_hash: str  # of title + summary (normalised): a revised entry gets a new hash


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed: title, entries (first occurrence of each key, in feed order), any parse error, and the
    links refused (`link_too_long: ...`, `invalid_link: ...`), one line each."""

    title: str | None
    entries: tuple[FeedEntry, ...]
    error: str | None
    refused: tuple[str, ...] = ()


# --- parsing ----------------------------------------------------------------------------------------------


def parse_feed(content: bytes, *, url: str | None = None, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed response body; raises InputError when it is not an RSS or Atom feed at all.

    `content_type` (the response's Content-Type header) lets feedparser use its charset; `url` names the feed
    in errors and is the base for relative links.

        >>> feed = parse_feed(b'<rss version="2.0"><channel><title>News</title><item><title>A plane left'
        ...                   b'</title><link>https://example.org/a?utm_source=rss</link></item></channel></rss>')
        >>> feed.title, feed.entries[0].link
        ('News', 'https://example.org/a')
    """
    name = url or "the response"
    if not isinstance(content, bytes | bytearray):
        raise InputError(f"{name} is not an RSS or Atom feed: expected bytes, got {type(content).__name__}")
    if not content.strip():
        raise InputError(f"{name} is not an RSS or Atom feed: the response is empty")
    headers = {"content-type": content_type} if content_type else {}
    if url:
        headers["content-location"] = url
    # A stream, never bytes: feedparser opens a bytes argument as a local file path when one exists.
    parsed = feedparser.parse(io.BytesIO(bytes(content)), response_headers=headers)
    problem = _problem(parsed)
    if not content_type and problem and problem.startswith("NonXMLContentType"):
        problem = None  # no header was given, so "no Content-type specified" says nothing about the bytes
    entries: dict[str, FeedEntry] = {}
    refused: list[str] = []
    for raw in parsed.entries:
        entry = _entry(raw, refused)
        if entry is not None:
            entries.setdefault(entry.key, entry)
    if not parsed.get("version") and not entries and not _is_cdf_channel(content):
        raise InputError(f"{name} is not an RSS or Atom feed: {_not_a_feed_reason(content, problem)}")
    title = _plain(parsed.feed.get("title", ""), parsed.feed.get("title_detail")) or None
    return ParsedFeed(title=title, entries=tuple(entries.values()), error=problem, refused=tuple(refused))


def _problem(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    text = " ".join(str(exc).split()) if exc is not None else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _is_cdf_channel(content: bytes) -> bool:
    """Whether the root element is a CDF <CHANNEL> (which feedparser reads but gives no version)."""
    parser = etree.XMLPullParser(
        events=("start",), recover=True, resolve_entities=False, no_network=True, load_dtd=False
    )
    try:
        parser.feed(bytes(content[:_SNIFF_BYTES]))
        for _, element in parser.read_events():
            return isinstance(element.tag, str) and etree.QName(element).localname.lower() == "channel"
    except etree.LxmlError:
        return False
    return False


_SNIFF_BYTES = 65536  # the root element follows at most a prolog and a comment
_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]", re.IGNORECASE)


def _not_a_feed_reason(content: bytes, problem: str | None) -> str:
    head = content[:2048]
    if _HTML_SNIFF.search(head):
        return "it is an HTML page"
    if problem and ("SAXParseException" in problem or "not well-formed" in problem):
        return f"not XML ({problem})"
    if b"\x00" in head[:512] and not head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return "binary content"
    return f"no RSS, RDF or Atom elements found{f' ({problem})' if problem else ''}"


def link_problem(link: str) -> str | None:
    """Why the fetcher could not follow `link` (`link_too_long: ...`, `invalid_link: ...`), or None.

    Judged by httpx's own parser, the fetcher's: `http://xn--/` parses, but its host is not valid IDNA.
    """
    if len(link) > URL_LENGTH:
        return f"link_too_long: {len(link)} characters, over {URL_LENGTH}"
    try:
        url = httpx.URL(link)
        url.host  # noqa: B018  (decoded on demand: raises for a host that is not valid IDNA)
    except (httpx.InvalidURL, ValueError) as exc:
        return f"invalid_link: {clip(str(exc), 200)}"
    if url.userinfo:
        return "invalid_link: credentials in the link"
    return None


def _entry(raw: Any, refused: list[str]) -> FeedEntry | None:
    """The entry, or None when it has no title, summary or link (an `<item>` cut off before any of them).

    A link `link_problem` refuses is left out (the entry is kept without it), the reason added to `refused`.
    """
    title = _plain(raw.get("title", ""), raw.get("title_detail"))
    summary_html, detail = raw.get("summary", ""), raw.get("summary_detail")
    if not summary_html and raw.get("content"):
        summary_html, detail = raw["content"][0].get("value", ""), raw["content"][0]
    summary = _plain(summary_html, detail)
    guid = (raw.get("id") or "").strip() or None
    link_raw = (raw.get("link") or "").strip()
    link = canonical_url(link_raw) if link_raw else None
    if not (title or summary or link):
        return None
    problem = link_problem(link) if link else None
    if problem is not None:
        refused.append(f"{problem} (entry {clip(title, 60)!r})")
        link = None
    key_of_guid: str | None = guid
    if guid is not None and len(guid) > URL_LENGTH:
        key_of_guid = "sha256:" + hashlib.sha256(guid.encode()).hexdigest()
        guid = None
    published = _utc(raw.get("published_parsed"))
    # dict.get: FeedParserDict.get("updated_parsed") falls back to the published time (with a warning).
    updated = _utc(dict.get(raw, "updated_parsed"))
    if key_of_guid:
        key = key_of_guid
    elif link:
        key = link
    elif title:
        key = "sha256:" + hashlib.sha256(f"{title}\n{link_raw}".encode()).hexdigest()
    else:
        # RSS allows an item with only a description: its text is all that tells two such items apart.
        key = "sha256:" + hashlib.sha256(f"\n\n{summary}".encode()).hexdigest()
    return FeedEntry(
        key=key,
        guid=guid,
        link=link,
        title=title,
        summary=summary,
        published=published or updated,
        updated=updated,
        content_hash=_text_hash(f"{title}\n{summary}"),
    )


def _utc(parsed: time.struct_time | None) -> datetime.datetime | None:
    """feedparser's *_parsed values are UTC struct_times."""
    if not parsed:
        return None
    try:
        return datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None


_BLOCK_TAGS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "pre"}
    | {"blockquote", "section", "article", "header", "footer", "figcaption"}
)
_PLAIN_TYPES = frozenset({"text/plain", "text"})


def _plain(value: str, detail: Any = None) -> str:
    """Feed text (HTML unless the feed says text/plain) as one line of plain text."""
    if not value:
        return ""
    kind = (detail or {}).get("type") if isinstance(detail, dict) else None
    if kind in _PLAIN_TYPES or ("<" not in value and "&" not in value):
        return " ".join(value.split())
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
        for el in root.iter():
            if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
                el.tail = " " + (el.tail or "")
        for bad in root.xpath("//script|//style"):
            bad.drop_tree()
        text = root.text_content()
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        text = re.sub(r"<[^>]*>", " ", value)
    return " ".join(text.split())


# --- URLs -------------------------------------------------------------------------------------------------


@cache
def _tracking() -> tuple[frozenset[str], tuple[str, ...]]:
    """(names, prefixes) from monitor/extract/data/tracking_params.yaml, validated once."""
    from monitor.extract.lexicon import load_data_file, string_list

    data = load_data_file(TRACKING_FILE, package="monitor.extract.data")
    names, prefixes = (
        [item.lower() for item in string_list(data.get(section), f"{TRACKING_FILE}: {section}")]
        for section in ("names", "prefixes")
    )
    return frozenset(names), tuple(prefixes)


_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """The identity form of a URL: lower-case scheme and host, no default port, no fragment, no tracking
    parameters (monitor/extract/data/tracking_params.yaml); other query parameters kept as written, in order.

    A string that does not parse as a URL is returned stripped, unchanged otherwise.

        >>> canonical_url("HTTPS://Example.ORG:443/News/A?id=7&utm_source=rss&fbclid=x#top")
        'https://example.org/News/A?id=7'
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if not scheme or not host:
        return url
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{userinfo}@{host}"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    path = parts.path or ("/" if scheme in _DEFAULT_PORTS else "")
    return urlunsplit((scheme, netloc, path, _strip_tracking(parts.query), ""))


def _strip_tracking(query: str) -> str:
    if not query:
        return ""
    names, prefixes = _tracking()
    kept = []
    for pair in query.split("&"):
        if not pair:
            continue
        name = pair.split("=", 1)[0].lower()
        if name in names or name.startswith(prefixes):
            continue
        kept.append(pair)
    return "&".join(kept)


# --- relevance --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeywordMatcher:
    """Case-insensitive whole-word matcher for a list of keywords or phrases; call it on a text.

    A keyword matches only as a whole word (`plane` does not match `planet`; `U.S.` matches `U.S.`), and the
    words of a phrase may be separated by any whitespace. No keywords match nothing.
    """

    keywords: tuple[str, ...]
    regex: re.Pattern[str] | None

    def __call__(self, text: str) -> bool:
        return bool(self.regex and text and self.regex.search(text))


@lru_cache(maxsize=256)
def _compile(keywords: tuple[str, ...]) -> KeywordMatcher:
    alternatives = []
    for keyword in keywords:
        words = keyword.split()
        if words:
            alternatives.append(r"\s+".join(re.escape(w) for w in words))
    if not alternatives:
        return KeywordMatcher(keywords, None)
    # Lookarounds instead of \b so that keywords ending in punctuation ("U.S.") still need a word boundary.
    regex = re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)
    return KeywordMatcher(keywords, regex)


class _Headed(Protocol):
    """Anything with a title and a summary: a parsed entry or a stored one."""

    @property
    def title(self) -> str: ...
    @property
    def summary(self) -> str: ...


def compile_keywords(keywords: Iterable[str]) -> KeywordMatcher:
    """A matcher for `keywords` (compiled once per distinct list)."""
    return _compile(tuple(k for k in keywords if isinstance(k, str) and k.strip()))


def entry_matches(
    entry: _Headed,
    keywords: Sequence[str] | KeywordMatcher,
    exclude: Sequence[str] | KeywordMatcher = (),
) -> bool:
    """True when the entry's title or summary matches a keyword and no exclude term."""
    include = keywords if isinstance(keywords, KeywordMatcher) else compile_keywords(keywords)
    reject = exclude if isinstance(exclude, KeywordMatcher) else compile_keywords(exclude)
    fields = (entry.title, entry.summary)
    return any(include(f) for f in fields) and not any(reject(f) for f in fields)
