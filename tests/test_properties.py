"""Property tests (issue 7 item 4): the text stages never raise on arbitrary input.

Hypothesis feeds text extraction arbitrary strings and bytes and HTML-shaped soup built by a strategy (nested
and unclosed tags, attributes, entities, comments, scripts, charsets that lie); the temporal tagger and event
extraction get arbitrary text and news-shaped text salted with the characters that break offset arithmetic
(characters whose lower case is longer, combining marks, surrogate-free astral characters, NBSP, zero-width
space). They must not raise, and every temporal expression's offsets must slice back to its text. The
fetcher's decoding and the feed parser are held to the same: `decode_body` never raises, `parse_feed` raises
nothing but InputError.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.errors import InputError
from monitor.extract.feeds import parse_feed
from monitor.extract.items import extract_items
from monitor.extract.text import Document, extract_document
from monitor.extract.timex import tag
from monitor.fetch.decode import decode_body

# PROPERTY_EXAMPLES=2000 for a deeper hunt; the default keeps this file to a few seconds.
SETTINGS = settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Characters that change length under lower()/casefold(), combine, or hide: offset arithmetic breaks on them.
_TRICKY = ["İ", "ß", "ﬁ", "ŉ", "ǰ", "Σ", "e\u0301", "\u00a0", "\u200b", "\u2028", "\ufeff", "𝟙", "😀", "\r\n",
           "\t", "–", "—", "’", "“", "”", "…", "½", "٣", "〇"]
_WORDS = ["on", "Monday", "Tuesday", "March", "Dec.", "3", "3,", "03/04/2021", "2021", "2020-04-01", "1990s",
          "last", "next", "week", "month", "year", "ago", "since", "until", "between", "and", "from", "to",
          "the", "minister", "President", "Putin", "met", "spoke", "arrived", "left", "said", "died",
          "more", "than", "at", "least", "nearly", "about", "1,000", "4.5", "million", "percent", "%", "$",
          "people", "cases", "deaths", "10:30", "a.m.", "p.m.", "GMT", "tonight", "yesterday", "every", "day",
          "two", "dozen", "hundred", "Q3", "mid-", "early", "late", "spring", ".", ",", ";", ":", "(", ")",
          '"', "'s", "-", "\n", "\n\n", "WASHINGTON", "(Reuters)", "—"]

news_text = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_TRICKY), st.text(max_size=6)),
                     max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=400), news_text)
dcts = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))

# --- HTML-shaped soup ----------------------------------------------------------------------------------

_TAGS = ["html", "head", "body", "title", "p", "div", "article", "span", "b", "h1", "table", "tr", "td",
         "script", "style", "meta", "br", "img", "a", "li", "ul", "noscript", "svg", "iframe", "template"]
_ATTR_VALUES = ["utf-8", "x-bogus", "utf-16", "shift_jis", "javascript:alert(1)", "text/html; charset=koi8-r"]
_attr = st.tuples(st.sampled_from(["class", "id", "href", "charset", "content", "http-equiv", "src", "lang"]),
                  st.one_of(st.text(max_size=12), st.sampled_from(_ATTR_VALUES)))
_open = st.builds(lambda name, attrs, close: f"<{name}" + "".join(f' {k}="{v}"' for k, v in attrs)
                  + ("/>" if close else ">"),
                  st.sampled_from(_TAGS), st.lists(_attr, max_size=3), st.booleans())
_junk = st.sampled_from(["</p>", "</div></div>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#x0;",
                         "&#99999999;", "&nosuch;", "<", ">", "<<>>", "<!DOCTYPE html>", "</html>", "\x00",
                         "\x0c", "<?xml version='1.0' encoding='latin-1'?>"])
_leaf = st.one_of(_open, _junk, news_text, st.text(max_size=20))


def _nest(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def element(name: str, inner: list[str], closed: bool) -> str:
        return f"<{name}>{''.join(inner)}" + (f"</{name}>" if closed else "")

    return st.builds(element, st.sampled_from(_TAGS), st.lists(children, max_size=5), st.booleans())


html_soup = st.recursive(_leaf, _nest, max_leaves=40)


@SETTINGS
@given(st.one_of(st.text(max_size=500), st.binary(max_size=500), html_soup,
                 html_soup.map(lambda s: s.encode("utf-8", errors="surrogatepass"))))
def test_extract_document_never_raises(page: str | bytes) -> None:
    document = extract_document(page, url="http://example.com/a")
    assert isinstance(document, Document) and isinstance(document.text, str)
    assert document.published is None or isinstance(document.published, dt.date)


@SETTINGS
@given(html_soup, st.sampled_from(["utf-16", "utf-32", "cp1251", "shift_jis", "latin-1"]))
def test_extract_document_never_raises_on_soup_in_other_encodings(page: str, codec: str) -> None:
    assert isinstance(extract_document(page.encode(codec, errors="replace")), Document)


@SETTINGS
@given(any_text, st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
def test_timex_never_raises_and_offsets_slice_back(text: str, dct: dt.date) -> None:
    found = tag(text, dct)
    end = 0
    for timex in found:
        assert end <= timex.start < timex.end <= len(text)  # sorted, non-overlapping, inside the text
        assert text[timex.start:timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert isinstance(timex.value, str) and timex.value
        end = timex.end


@SETTINGS
@given(any_text, dcts)
def test_event_extraction_never_raises(text: str, published: dt.date | None) -> None:
    items = extract_items(text, published)
    for item in items:
        assert isinstance(item.to_dict(), dict)


@SETTINGS
@given(st.binary(max_size=600), st.one_of(st.none(), st.sampled_from([
    "text/html", "text/html; charset=utf-8", "text/html; charset=x-bogus", "application/xml; charset=utf-16",
    "text/plain; charset=iso-8859-1", 'text/html; charset="', "text/html; charset=utf-32"])))
def test_decode_body_never_raises(body: bytes, content_type: str | None) -> None:
    text, codec = decode_body(body, content_type)
    assert isinstance(text, str) and codec


_FEED_PARTS = ["<rss version='2.0'>", "<channel>", "<item>", "<title>", "</title>", "<link>", "</item>",
               "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<pubDate>", "<updated>", "&ent;",
               "<!ENTITY", "<!DOCTYPE rss [", "]>", "<![CDATA[", "]]>"]
_feedish = st.recursive(
    st.one_of(st.text(max_size=20), st.sampled_from(_FEED_PARTS)),
    lambda inner: st.lists(inner, max_size=6).map("".join), max_leaves=30,
)


@SETTINGS
@given(st.one_of(st.binary(max_size=400), _feedish.map(str.encode)))
def test_parse_feed_raises_nothing_but_input_error(body: bytes) -> None:
    try:
        feed = parse_feed(body, url="http://example.com/feed", content_type="application/xml")
    except InputError:
        return
    for entry in feed.entries:
        assert isinstance(entry.key, str) and entry.key


@pytest.mark.parametrize("text", ["İstanbul said on Monday", "ﬁve days ago on March 3, 2021",
                                  "e\u0301 last week", "😀 2021-03-03 😀", "ß" * 50 + " yesterday"])
def test_timex_offsets_survive_case_changing_characters(text: str) -> None:
    for timex in tag(text, dt.date(2021, 3, 10)):
        assert text[timex.start:timex.end] == timex.text
