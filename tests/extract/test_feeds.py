"""monitor.feeds: parsing feed bytes, canonical URLs and keyword relevance."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

import pytest

from monitor.errors import InputError
from monitor.extract.feeds import (
    FeedEntry,
    ParsedFeed,
    canonical_url,
    compile_keywords,
    entry_matches,
    parse_feed,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
FEED_CORPUS = SHARED / "data" / "feeds"
UTC = datetime.UTC

SEED_KEYWORDS = ["coronavirus", "medical", "plane", "Putin", "Trump"]


def _feed(name: str, **kwargs: str) -> ParsedFeed:
    return parse_feed((FIXTURES / name).read_bytes(), **kwargs)


def _by_title(feed: ParsedFeed) -> dict[str, FeedEntry]:
    return {e.title: e for e in feed.entries}


# --- formats ----------------------------------------------------------------------------------------------


def test_rss2_entries_identity_dates_and_plain_summary() -> None:
    feed = _feed("rss2_world_news.xml", content_type="application/rss+xml; charset=utf-8")
    assert feed.title == "Example World Desk"
    assert feed.error is None
    entries = _by_title(feed)
    assert len(feed.entries) == 4
    seed = entries["Russian Plane Heads to U.S. With Supplies for Virus Fight"]
    assert seed.key == seed.guid == "example-world-69821"
    assert seed.link == "https://news.example.org/2020/04/01/russian-plane-heads-to-us"  # utm_* removed
    assert seed.summary == (
        "A military cargo jet left a base near Moscow on Wednesday, the Defense Ministry said."
    )
    assert seed.published == datetime.datetime(2020, 4, 1, 7, 13, tzinfo=UTC)  # +0300 converted to UTC
    # no guid: the canonical link is the key (fragment dropped)
    festival = entries["Harbour Festival Draws Record Crowds"]
    assert festival.guid is None
    assert festival.key == festival.link == "https://news.example.org/2020/04/01/harbour-festival"
    # host lower-cased, default port and fbclid removed, other parameters kept
    assert (
        entries["Planetarium Reopens After Renovation"].link
        == "https://news.example.org/2020/03/31/planetarium?id=12"
    )
    assert entries["Planetarium Reopens After Renovation"].published == datetime.datetime(
        2020, 3, 31, 17, 30, tzinfo=UTC
    )
    # neither guid nor link: a hash of title and link
    chess = entries["Chess Olympiad Postponed"]
    assert chess.key.startswith("sha256:") and chess.link is None and chess.published is None


def test_atom_relative_links_html_titles_and_updated() -> None:
    feed = _feed("atom_bridge.xml", url="https://river.example.net/atom.xml")
    assert feed.title == "Marlow Cross Gazette"
    bridge, ferry = feed.entries
    assert bridge.title == "Old Mill Bridge closed after flood"
    assert bridge.link == "https://river.example.net/news/bridge-closed"
    assert bridge.key == "tag:river.example.net,2021:bridge-1"
    assert bridge.summary == "Engineers found cracks in two piers. Detours via Hill Road."
    assert bridge.published == datetime.datetime(2021, 6, 1, 5, 45, tzinfo=UTC)
    assert bridge.updated == datetime.datetime(2021, 6, 2, 10, 0, tzinfo=UTC)
    # no <published>: the updated time stands in; content is used when there is no summary
    assert ferry.published == ferry.updated == datetime.datetime(2021, 6, 3, 8, 30, tzinfo=UTC)
    assert ferry.summary == "Boats run every 20 minutes."


def test_rss1_rdf() -> None:
    feed = _feed("rss1_observatory.rdf")
    assert feed.title == "Kestrel Ridge Observatory"
    assert [e.title for e in feed.entries] == ["Comet seen from Kestrel Ridge", "Open night moved to Friday"]
    assert feed.entries[0].published == datetime.datetime(2022, 1, 11, 9, 10, tzinfo=UTC)
    assert feed.entries[1].published is None


def test_utf8_byte_order_mark() -> None:
    feed = _feed("rss2_utf8_bom.xml")
    assert feed.title == "Revue de Saint-Aubépine"
    assert feed.entries[0].title == "Le café de la gare rouvre à Saint-Aubépine"
    assert feed.entries[0].summary == "Crêpes et thé dès 7 h."


def test_declared_latin1_but_utf8_bytes() -> None:
    feed = _feed("rss2_declared_latin1_is_utf8.xml", content_type="application/rss+xml")
    assert feed.title == "Zürich Notes"
    assert feed.entries[0].title == "Zürich café reopens – finally"
    assert feed.entries[0].summary == "Größere Terrasse, neue Öffnungszeiten."


def test_declared_utf8_but_latin1_bytes_is_read_and_flagged() -> None:
    feed = _feed("rss2_declared_utf8_is_latin1.xml", content_type="text/xml; charset=utf-8")
    assert feed.entries[0].title == "Fête de quartier annulée"
    assert feed.error and "declared as utf-8" in feed.error


def test_truncated_feed_keeps_entries_it_read() -> None:
    feed = _feed("rss2_truncated.xml", url="https://bulletin.example.org/rss")
    assert feed.error is not None and "SAXParseException" in feed.error
    titles = [e.title for e in feed.entries]
    assert titles[:2] == ["Lighthouse keeper retires after 40 years", "New pier opens to fishing boats"]
    assert feed.entries[0].published == datetime.datetime(2023, 3, 14, 9, 0, tzinfo=UTC)


def test_feed_cut_off_inside_a_new_item_drops_the_empty_entry() -> None:
    feed = _feed("rss2_truncated_in_item.xml")
    assert feed.error is not None and "SAXParseException" in feed.error
    assert [(e.key, e.title) for e in feed.entries] == [("courier-1", "Bridge reopens after repairs")]


@pytest.mark.parametrize(
    "item",
    ["<item></item>", '<item><guid isPermaLink="false">tag:x,2023:9</guid></item>',
     "<item><pubDate>Tue, 14 Mar 2023 09:00:00 GMT</pubDate></item>"],
)
def test_entries_without_title_summary_or_link_are_dropped(item: str) -> None:
    body = f'<rss version="2.0"><channel><item><title>Kept</title></item>{item}</channel></rss>'
    assert [e.title for e in parse_feed(body.encode()).entries] == ["Kept"]


def test_items_with_only_a_description_are_kept_apart() -> None:
    # RSS 2.0 allows an item with a description and nothing else.
    item = "<item><description>{}</description></item>"
    items = item.format("Ferry delayed") + item.format("Road closed")
    body = f'<rss version="2.0"><channel>{items}</channel></rss>'
    entries = parse_feed(body.encode()).entries
    assert [e.summary for e in entries] == ["Ferry delayed", "Road closed"]
    assert len({e.key for e in entries}) == 2


def test_cdf_channel_without_items_is_an_empty_feed() -> None:
    feed = _feed("cdf_channel_no_items.xml", content_type="application/xml")
    assert feed == ParsedFeed(title="Valley Courier channel", entries=(), error=None)
    assert parse_feed(b"<channel>\n</channel>").entries == ()


def test_html_page_is_refused_with_one_line_error() -> None:
    with pytest.raises(InputError) as info:
        _feed("not_a_feed.html", url="https://bulletin.example.org/", content_type="text/html; charset=utf-8")
    message = str(info.value)
    assert message == "https://bulletin.example.org/ is not an RSS or Atom feed: it is an HTML page"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the response is empty"),
        (b"  \n ", "the response is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not XML"),
        (b"just some words", "not XML"),
        (b'{"items": [1, 2]}', "not XML"),
        (b"<?xml version='1.0'?><catalog><book>Dune</book></catalog>", "no RSS, RDF or Atom elements found"),
    ],
)
def test_not_a_feed(content: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=f"feed.example/x is not an RSS or Atom feed: {reason}") as info:
        parse_feed(content, url="https://feed.example/x")
    assert "\n" not in str(info.value)


def test_bytes_naming_a_local_file_are_not_opened(tmp_path: Path) -> None:
    # feedparser opens a bytes argument as a file path when the file exists; parse_feed must not.
    local = tmp_path / "feed.xml"
    local.write_bytes((FIXTURES / "rss2_world_news.xml").read_bytes())
    with pytest.raises(InputError):
        parse_feed(str(local).encode())


def test_duplicate_entries_keep_the_first() -> None:
    item = "<item><guid>g1</guid><title>{}</title></item>"
    body = f'<rss version="2.0"><channel>{item.format("First")}{item.format("Second")}</channel></rss>'
    feed = parse_feed(body.encode())
    assert [e.title for e in feed.entries] == ["First"]


def test_revised_entry_gets_new_content_hash_but_same_key() -> None:
    template = '<rss version="2.0"><channel><item><guid>g1</guid><title>{}</title></item></channel></rss>'
    a = parse_feed(template.format("12 hurt in crash").encode()).entries[0]
    b = parse_feed(template.format("14 hurt in crash").encode()).entries[0]
    c = parse_feed(template.format("12  hurt in  crash").encode()).entries[0]
    assert a.key == b.key == c.key
    assert a.content_hash != b.content_hash
    assert a.content_hash == c.content_hash


# --- canonical URLs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://Example.ORG:443/News/A?id=7&utm_source=rss&fbclid=x#top",
            "https://example.org/News/A?id=7",
        ),
        ("http://example.org:80", "http://example.org/"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("https://example.org/a?b=2&a=1&utm_campaign=x&gclid=y", "https://example.org/a?b=2&a=1"),
        ("https://example.org/a?UTM_Medium=feed&mc_cid=1&mc_eid=2&ocid=3&ref=rss", "https://example.org/a"),
        ("https://example.org/a?q=caf%C3%A9&empty=&flag", "https://example.org/a?q=caf%C3%A9&empty=&flag"),
        ("https://user@Example.org/a", "https://user@example.org/a"),
        ("https://[2001:DB8::1]:443/a", "https://[2001:db8::1]/a"),
        ("  https://example.org/a  ", "https://example.org/a"),
        ("not a url", "not a url"),
        ("https://example.org:99999/a", "https://example.org:99999/a"),  # unparsable port: left alone
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent() -> None:
    url = "HTTPS://Example.ORG:443/News/A?id=7&utm_source=rss#top"
    assert canonical_url(canonical_url(url)) == canonical_url(url)


# --- relevance --------------------------------------------------------------------------------------------


def test_seed_story_keywords_match_seed_entry_only() -> None:
    entries = _by_title(_feed("rss2_world_news.xml"))
    matching = [title for title, e in entries.items() if entry_matches(e, SEED_KEYWORDS)]
    # "Trumpet" and "airplane" in the festival entry are not the whole words "Trump" and "plane"
    assert matching == ["Russian Plane Heads to U.S. With Supplies for Virus Fight"]


def test_exclude_terms_veto_a_match() -> None:
    entries = _by_title(_feed("rss2_world_news.xml"))
    seed = entries["Russian Plane Heads to U.S. With Supplies for Virus Fight"]
    assert not entry_matches(seed, SEED_KEYWORDS, exclude=["Defense Ministry"])
    assert entry_matches(seed, SEED_KEYWORDS, exclude=["Defence Ministry"])


@pytest.mark.parametrize(
    ("keywords", "text", "expected"),
    [
        (["White House"], "Talks at the white  house ended", True),
        (["White House"], "A white houseboat", False),
        (["White House"], "White\nHouse officials", True),
        (["U.S."], "Aid for the U.S. arrived", True),
        (["U.S."], "Aid for the U.S.A. arrived", False),
        (["plane"], "The PLANE landed.", True),
        (["plane"], "Planes landed.", False),
        (["C++"], "Written in C++ mostly", True),
        (["covid-19"], "COVID-19 cases rose", True),
        ([], "anything at all", False),
        (["  "], "anything at all", False),
    ],
)
def test_compile_keywords(keywords: list[str], text: str, expected: bool) -> None:
    assert compile_keywords(keywords)(text) is expected


def test_matcher_can_be_reused() -> None:
    matcher = compile_keywords(SEED_KEYWORDS)
    entries = _feed("rss2_world_news.xml").entries
    assert sum(entry_matches(e, matcher) for e in entries) == 1


# --- the feedparser corpus --------------------------------------------------------------------------------


@pytest.mark.skipif(not FEED_CORPUS.is_dir(), reason="../shared feed corpus not present")
def test_feed_corpus_is_ingested_or_refused() -> None:
    files = sorted(FEED_CORPUS.rglob("*.xml"))
    assert len(files) == 2106
    ingested, refused, crashed = 0, [], []
    started = time.perf_counter()
    for path in files:
        try:
            result = parse_feed(path.read_bytes(), url=path.as_uri())
        except InputError as exc:
            refused.append(str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - this is what the test is looking for
            crashed.append(f"{path}: {exc!r}")
            continue
        assert isinstance(result, ParsedFeed)
        ingested += 1
    elapsed = time.perf_counter() - started
    assert crashed == []
    assert all("is not an RSS or Atom feed: " in m and "\n" not in m for m in refused)
    # Measured: 2,105 ingested, 1 refused (the empty document), ~1.3 s.
    assert ingested >= 2105, (ingested, refused)
    print(f"\nfeed corpus: {ingested} ingested, {len(refused)} refused, {elapsed:.1f} s")


def _rss(*items: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>' + "".join(items)
            + "</channel></rss>").encode()


@pytest.mark.parametrize(("link", "reason"), [
    ("https://example.org/a?" + "q" * 2110, "link_too_long: 2132 characters, over 2048"),
    ("http://xn--:p/", "invalid_link"),
    ("http://xn--/", "invalid_link"),
    ("http://user:pw@example.org/a", "invalid_link: credentials in the link"),
])
def test_a_link_the_fetcher_could_not_follow_is_refused_and_the_entry_kept(link: str, reason: str) -> None:
    feed = parse_feed(_rss(f"<item><title>Dam holds</title><link>{link}</link></item>",
                           "<item><title>River falls</title><link>https://example.org/b</link></item>"))
    held, falls = feed.entries
    assert held.title == "Dam holds" and held.link is None and len(held.key) <= 2048
    assert falls.link == "https://example.org/b"
    [refused] = feed.refused
    assert refused.startswith(reason) and "'Dam holds'" in refused and "pw" not in refused


def test_an_over_long_guid_is_keyed_by_its_hash() -> None:
    guid = "urn:x:" + "g" * 3000
    feed = parse_feed(_rss(f'<item><title>Dam holds</title><guid isPermaLink="false">{guid}</guid></item>'))
    [entry] = feed.entries
    assert entry.guid is None and entry.key.startswith("sha256:")
    assert parse_feed(_rss(f"<item><title>Dam holds</title><guid>{guid}</guid></item>")).entries[0].key \
        == entry.key  # the same guid, the same key, check after check
