"""HTML or plain text -> an article's title, main text and publication date; and text's normalised form.

Extraction uses trafilatura (main text and title) and htmldate (publication date: monitor.extract.page_date).
The settings were chosen by measurement on 181 real pages (benchmarks/text_quality.py): `fast=True`
(trafilatura's own extractor only, no readability/jusText fallbacks), comments off and tables kept. That
scores body F1 0.9646 there against 0.9656 with the fallbacks and `favor_precision`, and never builds
jusText's stoplists of every language: ~30 MB less per process and ~30% less time a page. (`fast` with
`favor_precision` drops to 0.948: it empties short pages.) A page whose fast extraction is mostly short lines
(a menu taken for the article, as on a site that puts its story in an `<aside>`) is read again with the
fallbacks: 8 of 419 saved news pages, one of them changed (F1 0.00 -> 0.996). jusText, the last of them, is
given the English stop words only (the words the extractor reads in): with trafilatura's default, every
language's, the first page that reached it grew its process by ~30 MB; the 8 pages read the same either way.
Before that, paragraphs a page writes as text between `<br>`s are made `<p>`s (monitor.extract.breaks): one
of the 181 pages had lost its first paragraph, its news (F1 0.79 -> 0.89; 0.9652 on all). A hover card hidden
inside a paragraph (monitor/extract/data/popup_cards.yaml) is cut out first: two pages whose names' cards were
glued into their sentences read right (0.9663 on all). The extractor reads one container: an article a page
splits across several, an ad between them, has the rest read from them (monitor.extract.body_parts: Wired's
two pages of the 181, 0.62 -> 0.97 and 0.52 -> 0.96; 0.9679 on all).

`normalise()` is the form that decides whether content changed: Unicode and typography folded, whitespace
collapsed, and page furniture (share buttons, "Related article:" lines, cookie banners, "updated 5 minutes
ago") dropped using the rules in monitor/extract/data/en/boilerplate.yaml. `content_hash()` is its SHA-256.

    >>> normalise("Share\\n\\nThe  plane   left on Wednesday.\\nRelated article: Other news")
    'The plane left on Wednesday.'
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import trafilatura.external
from justext.utils import get_stoplist
from trafilatura import bare_extraction, load_html
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title

from monitor.errors import RuleDataError
from monitor.extract.body_parts import is_prose, with_other_parts
from monitor.extract.boilerplate import content_hash, normalise
from monitor.extract.breaks import paragraphs_from_breaks, source_newlines_as_spaces
from monitor.extract.date_lines import with_opening_dateline
from monitor.extract.deep import MAX_DEPTH, flatten, too_deep
from monitor.extract.page_date import publication_date
from monitor.extract.rule_files import load_data_file, string_list

__all__ = ["Document", "content_hash", "extract_document", "normalise", "plain_text_document"]

log = logging.getLogger(__name__)

# Chosen on the 181-page corpus (benchmarks/text_quality.py); keep in step with the figures quoted there.
_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "fast": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    # Its metadata pass (author, site name, categories and htmldate again) cost ~30% of a page for a title:
    # the title is read by `_title`, the date by `page_date.publication_date`, both on the one parsed tree.
    "with_metadata": False,
}

_POPUP_CARDS_FILE = "popup_cards.yaml"
_CLASS_NAME_RE = re.compile(r"[A-Za-z0-9_-]+")


@cache
def _popup_cards() -> list[str]:
    """XPaths of the elements of monitor/extract/data/popup_cards.yaml (a hover card's hidden text would be
    glued into its sentence: "Kristi NoemKristi Lynn NoemSouth Dakota governor ..."), for trafilatura's
    `prune_xpath`."""
    data = load_data_file(_POPUP_CARDS_FILE, package="monitor.extract.data")
    classes = string_list(data.get("classes"), f"{_POPUP_CARDS_FILE}: classes")
    if bad := next((name for name in classes if not _CLASS_NAME_RE.fullmatch(name)), None):
        raise RuleDataError(f"{_POPUP_CARDS_FILE}: classes: {bad!r} is not a class name "
                            "(letters, digits, - and _)")
    # One expression, so that the tree is walked once whatever the number of classes.
    has = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
    tests = " or ".join(has.format(name) for name in classes)
    return [f"//*[@class and ({tests})]"]


@dataclass(frozen=True)
class Document:
    """An article: title, main text (paragraphs separated by blank lines) and publication date.

    `published` is a `datetime.date`: htmldate gives a reliable day far more often than a reliable time, and
    the timeline works at day precision.
    """

    title: str | None
    text: str
    published: datetime.date | None
    url: str | None = None
    # Why `text` is empty when the page could not be read at all (`unparseable_html: ...`); None otherwise.
    problem: str | None = None


# --- extraction -------------------------------------------------------------------------------------------


def extract_document(html: str | bytes, url: str | None = None) -> Document:
    """Extract title, main text and publication date from an HTML page; never raises.

    Bytes are decoded by trafilatura (declared charset, then detection). An empty or unparsable page gives a
    Document with text "" (and whatever title and date could still be read). A page whose markup nests deeper
    than the HTML parser goes (`MAX_DEPTH`, e.g. 100,000 nested `<div>`s) is read again with its layout
    containers taken out; when even that gives no text, `problem` says why (`unparseable_html: ...`).

        >>> page = b"<html><body><article><h1>Storm hits coast</h1><p>" + b"The storm hit. " * 20
        >>> doc = extract_document(page + b"</p></article></body></html>")
        >>> doc.title, doc.text[:14]
        ('Storm hits coast', 'The storm hit.')
    """
    if not isinstance(html, str | bytes) or not html.strip():
        return Document(title=None, text="", published=None, url=url)
    document = _extract(html, url)
    if document.text or not too_deep(html):
        return document
    flat = flatten(html)
    again = _extract(flat, url) if not too_deep(flat) else document
    if again.text:
        return again
    problem = f"unparseable_html: markup nested deeper than {MAX_DEPTH} levels"
    return Document(title=document.title, text="", published=document.published, url=url, problem=problem)


def _extract(html: str | bytes, url: str | None) -> Document:
    """`extract_document` once, as the page is."""
    try:
        tree = load_html(html)
    except Exception as exc:  # third-party parser: a hostile page must not stop a check
        log.debug("could not parse HTML of %s: %s", url, exc)
        tree = None
    if tree is None:
        return Document(title=None, text="", published=None, url=url)

    try:
        published = publication_date(tree, url, html)
    except Exception as exc:  # noqa: BLE001 - heuristics over arbitrary markup must not stop a check
        log.debug("publication date failed on %s: %s", url, exc)
        published = None
    title = _title(tree, url)
    text = ""
    with contextlib.suppress(Exception):  # same reason as above; the page is then read as it is
        source_newlines_as_spaces(tree)
    with contextlib.suppress(Exception):  # (each on its own: one that fails leaves the other's work)
        paragraphs_from_breaks(tree)
    try:
        # bare_extraction copies the tree it is given (it prunes its copy), so `tree` is left as it was.
        text = _reading(tree, url, title)
    except Exception as exc:  # same reason as above
        log.debug("trafilatura failed on %s: %s", url, exc)
    with contextlib.suppress(Exception):  # same reason as above
        text = with_other_parts(tree, text, lambda page: _reading(page, url, title))
    if _LAYOUT_ROW_RE.search(text):
        # A page laid out in a table (the article one cell of it) comes out as table rows, a cell's paragraphs
        # run into one line of "| ... |": read without tables, its paragraphs are the article's.
        # The fast reading may leave out a lede set in bold before the cell's first <p> (an old BBC or Fox
        # News story's first sentence); the fallback extractors keep it: the reading of more prose is taken.
        readings = []
        for fast in (True, False):
            with contextlib.suppress(Exception):  # same reason as above
                if not fast:
                    _english_stop_words_for_justext()
                readings.append(_reading(tree, url, title, include_tables=False, fast=fast))
        other = max(readings, key=_prose, default="")
        if _prose(other) >= _LAYOUT_KEEP * _prose(text):
            text = other
    if _prose(text) < _PROSE_SHARE * len(text) or _prose(text) < _SHORT_PROSE:
        # The fast extractor took a menu or a list of links for the article (a site whose navigation outweighs
        # a plain <div> of <p>s), or a teaser of the next story for a wire page's article whose paragraphs
        # sit in <span>s: trafilatura's fallback extractors (readability, jusText) read it again.
        with contextlib.suppress(Exception):  # same reason as above
            _english_stop_words_for_justext()
            other = _reading(tree, url, title, fast=False)
            if _prose(other) > _prose(text):
                text = other
    return Document(title=title, text=text, published=with_opening_dateline(published, text), url=url)


# A table row holding paragraphs of prose: a cell of a layout table, no table of figures.
_LAYOUT_ROW_RE = re.compile(r"^\|[^\n]{1500,}$", re.MULTILINE)
# Of the prose read with tables, the share a reading without them must keep: a row glues the story's cell to
# the cells beside it (a box of other sites' headlines, "Apple shares down - 13 hrs ago"), whose text counts
# as prose there, so a reading of the story alone may hold little more than half of it.
_LAYOUT_KEEP = 0.55


def _reading(tree: Any, url: str | None, title: str | None, **options: Any) -> str:
    """The text the extractor reads of `tree` (paragraphs separated by blank lines), with `options` over
    `_TRAFILATURA_OPTIONS`."""
    result = bare_extraction(tree, url=url, prune_xpath=_popup_cards(), **{**_TRAFILATURA_OPTIONS, **options})
    if result is None or isinstance(result, dict):
        return ""
    return _paragraphs(result.text or "", title)


@cache
def _english_stop_words_for_justext() -> None:
    """Give trafilatura's jusText fallback the English stop words, before it builds every language's
    (~155,000 words, ~30 MB a process; see the module's docstring)."""
    trafilatura.external.JT_STOPLIST = tuple(get_stoplist("English"))  # type: ignore[assignment]


# A text of which less than this share is prose (`body_parts.is_prose` paragraphs) is no article.
_PROSE_SHARE = 0.5
# A text of less prose than this (a short item, or one teaser paragraph) is read again by the fallbacks too:
# it is 8% of the 453 pages of the news sets, so the slower pass costs little.
_SHORT_PROSE = 1000


def _prose(text: str) -> int:
    """Characters of `text` in paragraphs long enough to be sentences, not menu entries or link lists."""
    return sum(len(block) for block in text.split("\n\n") if is_prose(block))


def _title(tree: Any, url: str | None) -> str | None:
    """The page's title as trafilatura's metadata pass reads it: the meta tags (og:title...), then JSON-LD,
    then the page's own headings and <title>."""
    try:
        meta = examine_meta(tree)
        # The JSON-LD reader only fills a title the meta tags left empty (its other fields are not used
        # here); parsing every ld+json script took ~6% of the text stage on pages that had one already.
        if not meta.title:
            with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader on arbitrary scripts
                meta = extract_meta_json(tree, meta)
        return _clean_title(meta.title or extract_title(tree))
    except Exception as exc:  # noqa: BLE001 - heuristics over arbitrary markup must not stop a check
        log.debug("title failed on %s: %s", url, exc)
        return None


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = " ".join(title.split())
    return title or None


def _paragraphs(text: str, title: str | None) -> str:
    """trafilatura puts one block a line; we separate blocks by a blank line, as plain-text articles do.

    A first block that repeats the title (the <h1> inside <article>) is dropped: the title has its own field
    (and the body F1 on the corpus is higher without it).
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


# --- plain text -------------------------------------------------------------------------------------------

_SENTENCE_END = ".;,:"


def plain_text_document(text: str) -> Document:
    """A Document for plain-text input: the first non-empty line is the title when it looks like a headline.

    A headline is short (at most 20 words and 200 characters), has at least two words, starts with a capital
    letter or digit and does not end like a sentence (., ;, :, comma). The text is the rest, with line endings
    normalised and outer blank lines trimmed; `published` is left None (datelines are the events stage's job).

        >>> plain_text_document("Storm Hits Coast\\n\\nA storm hit the coast on Monday.").title
        'Storm Hits Coast'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Document(title=None, text="", published=None)
    candidate = " ".join(lines[first].split())
    if _looks_like_headline(candidate):
        body = "\n".join(lines[first + 1 :])
        return Document(title=candidate, text=body.strip("\n").rstrip(), published=None)
    return Document(title=None, text=text.strip("\n").rstrip(), published=None)


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 20
        and len(line) <= 200
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'‘“")
        and line[-1] not in _SENTENCE_END
    )
