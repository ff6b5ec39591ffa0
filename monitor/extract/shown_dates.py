"""The date lines a page shows near its story, for monitor.extract.page_date: the lines of elements named for
a date ("Posted Nov 18, 8:19 PM", a masthead's "Wednesday, January 16, 2008"), an older page's byline in no
such element ("By Ann Lee | Monday, 14 January, 2008"), a post's stamp right under its heading; never a
caption's, a teaser's or a comment's."""

from __future__ import annotations

import re
from typing import Any, cast
from urllib.parse import urlsplit

from lxml import etree

from monitor.extract.date_lines import (
    UPDATED_RE,
    YEAR_RE,
    ShownDate,
    byline_day,
    is_writer_line,
    read_date_line,
)

__all__ = ["byline_dates", "date_line", "shown_dates", "stamp_under_heading"]


# Elements that may hold the page's date line: by tag, or by a class/id/itemprop that says so.
_DATE_HOLDER_RE = re.compile(r"date|time|byline|publish|posted|updated|modified|dateline|article-meta", re.I)
# Never read: the date of a photo, of another article (a teaser, a listing of posts), of a comment, of a post
# embedded from a social site ("A post shared by ... on Mar 27, 2017 at 6:13pm PDT"), and the site header's
# date of the day it is read ("Friday, April 29, 2022" above a story of the 28th: "today",
# "current-date", "top-date", the tagDiv themes' "tdb_header_date", the MH themes' "mh-header-date", a date
# in the masthead's logo block or its weather box).
_NOT_PAGE_RE = re.compile(
    r"caption|credit|related|recirc|promo|comment|sidebar|footer|teaser|card|listing|embed|instagram|tweet"
    r"|(?<![a-z])today|current[-_]?date|top[-_]?date|header[-_]*date|logo|weather",
    re.I,
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "figure", "figcaption", "template", "svg"})
_MAX_LINE = 160
_NEAR_ANCESTORS = 6


# The <time> elements and the class, id and itemprop values of every element, in page order: libxml2 walks the
# tree, and Python sees only these strings, not a proxy object for each of the page's elements (that walk was
# a fifth of the text stage). An attribute's value comes right after its element.
_DATE_HOLDER_CUES = etree.XPath(
    "descendant-or-self::time | descendant-or-self::*/@class | descendant-or-self::*/@id"
    " | descendant-or-self::*/@itemprop"
)


def _date_holders(tree: Any) -> list[Any]:
    """The elements that may hold the page's date line, in page order: each <time>, and each element whose
    class, id or itemprop `_DATE_HOLDER_RE` finds a word in (the words hold no space, so searching the values
    one by one finds what searching them joined does)."""
    found: list[Any] = []
    for cue in _DATE_HOLDER_CUES(tree):
        element = cue
        if isinstance(cue, str):  # an attribute's value: lxml's "smart" string knows its element
            if not _DATE_HOLDER_RE.search(cue):
                continue
            element = cast(Any, cue).getparent()
        if not found or found[-1] is not element:
            found.append(element)
    return found


def shown_dates(tree: Any) -> list[ShownDate]:
    """The date lines a reader sees near the byline: (published|updated|dated|served, (year or None, month,
    day), zone named or None), in page order; "dated" when no word says which, "served" for a weekday's date
    alone in its own element (a masthead's, as often as not)."""
    out: list[ShownDate] = []
    # The elements already read as part of a line; kept alive here, so lxml hands back the same proxies.
    seen: set[Any] = set()
    try:
        elements = _date_holders(tree)
    except Exception:  # noqa: BLE001 - an odd tree just has no visible date
        return out
    headline_columns = _headline_columns(tree)
    for el in elements:
        if el in seen:
            continue
        attrs = " ".join(str(el.get(a) or "") for a in ("class", "id", "itemprop"))
        line_el = date_line(el, headline_columns)
        if line_el is None:
            continue
        seen.update(line_el.iter())
        # (a masthead's date in an element of its own, whose line runs on into the site's menu: "Wednesday,
        # January 16, 2008 West Bengal")
        served = read_date_line(" ".join(" ".join(el.itertext()).split()), attrs)
        if served and served[0][0] == "served":
            out.extend(served)
            continue
        out.extend(read_date_line(" ".join(" ".join(line_el.itertext()).split()), attrs))
    return out


def byline_dates(tree: Any, url: str | None) -> list[ShownDate]:
    """The byline lines of the page (`date_lines.byline_day`) outside captions, scripts, teasers and updates'
    elements, before its first paragraph of prose (after it, a line with a date and a time is a comment's, a
    date after "by" a citation's), in page order; a date alone on the line above or below one that names
    only the writer ("By The Associated Press") is one too. Figures are read day first on a site of a
    country that writes them so."""
    day_first = _DAY_FIRST_HOST_RE.search(urlsplit(url or "").hostname or "") is not None
    columns = _headline_columns(tree)
    try:
        texts = _TEXTS(tree)
    except Exception:  # noqa: BLE001 - an odd tree just has no byline
        return []
    found: list[ShownDate] = []
    previous = ""  # the last line of text read, for a writer's line above a date's
    for n, text in enumerate(texts):
        if len(text) > _PROSE and len(" ".join(text.split())) > _PROSE:
            break
        if not YEAR_RE.search(text):
            if not (words := " ".join(text.split())):
                continue
            previous = words
            if _PUBLISHED_LABEL_RE.match(words) and not _of_other_content(_element_of(text), columns):
                # "Published: Tuesday, January 08": the year is the stamp's
                found.extend(line for line in read_date_line(words, "") if line[0] == "published")
            continue
        if (el := _element_of(text)) is None or _of_other_content(el, columns):
            continue
        line_el = _widened_line(el)
        if line_el is not None and UPDATED_RE.search(f"{line_el.get('class')} {line_el.get('id')}"):
            continue  # (<span class="updated">: the day of an update, its word outside the line)
        # (a line the markup never closed, "<font>May 2, 2008 4:48 a.m. EST<p>...", holds the story: its
        # first text is the line)
        line = " ".join((" ".join(line_el.itertext()) if line_el is not None else text).split())
        if len(line) > _MAX_LINE:
            continue
        day = byline_day(line, day_first)
        if day is None and is_writer_line(previous):
            day = byline_day(f"{previous} | {line}", day_first)
        if day is None and is_writer_line(following := _next_text(texts, n)):
            day = byline_day(f"{line} {following}", day_first)  # ("1/9/2008<br><i>By Ann Lee</i>")
        if day is not None:
            found.append(day)
        previous = line
    return found


def _element_of(text: Any) -> Any:
    """The element a text node of the page is read in: its parent's, for the text after a child (a tail)."""
    el = text.getparent()
    return el.getparent() if el is not None and text.is_tail else el


def _next_text(texts: list[Any], n: int) -> str:
    """The next text of the page after its `n`th that is more than white space, collapsed; "" for none."""
    return next((line for text in texts[n + 1 : n + 4] if (line := " ".join(text.split()))), "")


# The page's text nodes outside scripts and styles, in page order; the length of a paragraph
# of prose; the hosts of countries that write a day before its month
_TEXTS = etree.XPath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
_PUBLISHED_LABEL_RE = re.compile(r"(?:published|posted)\b", re.IGNORECASE)
_PROSE = 200
_DAY_FIRST_HOST_RE = re.compile(r"\.(?:uk|au|nz|ie|in|za|pk|sg|my|ng|ke)$")


def stamp_under_heading(tree: Any) -> list[ShownDate]:
    """A post's stamp on a line of its own right under its heading, in figures ("2/11/09 at 6:05 PM", a blog's
    date line with no class to name it): the day it was posted; [] when there is none."""
    try:
        lines = _STAMP_LINES(tree)
    except Exception:  # noqa: BLE001 - an odd tree just has no such line
        return []
    for el in lines:
        m = _NUMERIC_STAMP_RE.fullmatch(" ".join(" ".join(el.itertext()).split()))
        if m is None or not 1 <= int(m.group("m")) <= 12 or not 1 <= int(m.group("d")) <= 31:
            continue
        year = int(m.group("y"))
        year += 2000 if year < 100 else 0
        return [("published", (year, int(m.group("m")), int(m.group("d"))), None)]
    return []


# The element right after a heading (its next sibling) whose whole text may be a date line.
_STAMP_LINES = etree.XPath(
    "//*[self::h1 or self::h2 or self::h3]/following-sibling::*[1][string-length(normalize-space()) < 40]"
)
# Month first, as US sites write it, with the posting's clock time: "2/11/09 at 6:05 PM", "03/14/2017 4:00 pm"
_NUMERIC_STAMP_RE = re.compile(
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|(?:19|20)\d\d),?\s+(?:at\s+)?[0-2]?\d:[0-5]\d\s*[AaPp]\.?[Mm]\.?"
)


def _headline_columns(tree: Any) -> set[Any]:
    """The elements that hold a <h1> of the page (its article's column, whatever its class says), found once
    per page so that no date line searches a subtree for it."""
    try:
        return {a for h in tree.iter("h1") for a in h.iterancestors()}
    except Exception:  # noqa: BLE001 - an odd tree: no column is known
        return set()


def date_line(el: Any, headline_columns: set[Any] | frozenset[Any] = frozenset()) -> Any:
    """The element, widened to its parent while that stays a short line ("Updated" + <time>), or None when
    it sits in a caption, a script or another article's teaser (not in `headline_columns`)."""
    return None if _of_other_content(el, headline_columns) else _widened_line(el)


def _of_other_content(el: Any, headline_columns: set[Any] | frozenset[Any]) -> bool:
    """Whether the element sits in a caption, a script or another article's teaser (not in
    `headline_columns`)."""
    node = el
    # Only the near ancestors: a caption or teaser wraps its date closely, while a class far up
    # ("has-comments" on <body>) says nothing about this line.
    for _ in range(_NEAR_ANCESTORS):
        if node is None:
            break
        if not isinstance(node.tag, str):
            return True
        attrs = " ".join(str(node.get(a) or "") for a in ("class", "id"))
        if node.tag in _SKIP_TAGS:
            return True
        # (a column that holds the headline is the article's, whatever it is named: "left-sidebar")
        if _NOT_PAGE_RE.search(attrs) and node not in headline_columns:
            return True
        node = node.getparent()
    return False


def _widened_line(el: Any) -> Any:
    """The element, widened to its parent while that stays a short line; None when it is no short line."""
    line = el
    parent = el.getparent()
    while parent is not None and _is_short_line(parent):
        line, parent = parent, parent.getparent()
    return line if _is_short_line(line) else None


def _is_short_line(el: Any) -> bool:
    """Whether the element's text, white space collapsed, is at most `_MAX_LINE` characters.

    Reads the text only until it is over: the parent of a live blog's 8,000th <time> is the whole blog, and
    reading all of it for every date line made a 2 MB page take minutes (issue 14).
    """
    pieces: list[str] = []
    visible = 0
    for piece in el.itertext():
        pieces.append(piece)
        visible += len("".join(piece.split()))
        if visible > _MAX_LINE:  # the visible characters alone are over: so is the collapsed text
            return False
    return len(" ".join("".join(pieces).split())) <= _MAX_LINE
