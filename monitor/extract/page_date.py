"""The day a page shows its readers as its publication day: htmldate's reading of the parsed page, checked
against what the page itself shows (a dated line near the headline, the markup's stamp, the date in its URL).
"""

from __future__ import annotations

import datetime
import logging
import re
from copy import deepcopy
from functools import cache
from typing import Any, cast
from urllib.parse import unquote

from htmldate import find_date
from lxml import etree

from monitor.extract.date_lines import MONTH_NAMES, MONTHS, month_number
from monitor.extract.shown_dates import byline_dates, date_line, shown_dates, stamp_under_heading

__all__ = ["publication_date"]

log = logging.getLogger(__name__)


def publication_date(tree: Any, url: str | None, source: str | bytes | None = None) -> datetime.date | None:
    """The day the page shows its readers as its publication day (`source`: the page's markup as fetched,
    comments and all, where a line without its year may find it; else the tree is read).

    Order: a visible "Published"/"Posted"/byline date (the reader's own calendar day), but not a byline's
    later day when the markup's stamp and the URL name the same day (on an older page whose markup states no
    date, a byline line in no element named for a date: `byline_dates`); else the markup's
    published timestamp, moved from its own offset into the zone the page names in its byline ("ET", "GMT"),
    because "2019-11-20T02:07Z" on a New York page is the evening of the 19th; else htmldate's reading, unless
    the URL names a day far from it ("/2019/nov/18/"), which is then the page's; else an "Updated" date.
    Image captions and "file photo" lines are never read: they date the photo, not the page.
    """
    lines = shown_dates(tree) or stamp_under_heading(tree)
    shown = [line for line in lines if not _placeholder_day(line[1])]
    stamp = _markup_stamp(tree)
    if stamp is not None and _placeholder_day((stamp.year, stamp.month, stamp.day)):
        stamp = None
    in_markup = stamp is not None
    # an older page's byline, in no element named for a date
    bylines = [] if in_markup or any(k == "published" for k, _d, _z in shown) else byline_dates(tree, url)
    zone = next((z for _k, _d, z in bylines + shown if z is not None), None)
    in_url = _url_day(url)

    @cache
    def markup() -> str:  # decoded (or written) once, for whichever reader asks first
        return _markup_of(tree, source)

    if stamp is None:
        stamp = _htmldate_stamp(tree, url)
        if stamp is not None and (day := _day_of_the_addresses(markup(), stamp.date())):
            stamp = datetime.datetime.combine(day, datetime.time())
        if in_url is not None and in_url not in (_possible_days(stamp) or set()):
            # With no stamp in the markup, htmldate reads dates off the page, which may be any the article
            # names ("the claim made on Sunday, May 3rd", in a fact check whose URL says it ran on May 18th).
            stamp = datetime.datetime.combine(in_url, datetime.time())
    likely = _possible_days(stamp)
    year = stamp.year if stamp is not None else None
    # (first a byline whose day htmldate's reading of the page agrees with: the time a page was served, shown
    # above its story, looks like a byline too; but not one on the day a masthead shows, which htmldate may
    # have read: "Thursday, 17 January 2008" atop, "17/01/2008 11:00:03 AM" in the footer)
    served = {_with_year(d, None) for k, d, _z in shown if k == "served"}
    shown = sorted(bylines, key=lambda line: (
        _with_year(line[1], None) in served, _with_year(line[1], None) not in (likely or ()))) + shown

    def line_year(day: tuple[int | None, int, int]) -> int | None:
        """A line's year, or for one without it ("Posted Nov 18, 8:19 PM") the stamp's when that makes the
        day a likely one, else the year the page's markup gives that day in full, else the stamp's."""
        if day[0] or _with_year(day, year) in (likely or ()):
            return year
        return _year_in_page(markup(), day[1], day[2]) or year

    days = [(k, _with_year(d, line_year(d)), z) for k, d, z in shown]
    # A page is never published after it was updated: a later day is a masthead's "today" or a listed story's.
    ceiling = max((d for k, d, _z in days if k == "updated" and d is not None), default=None)
    # The markup's stamp and the URL naming one day settle it: a later byline date not stated as the
    # publication's is an update's or a listed story's ("22 March" under a story stamped and filed 21 March).
    settled = stamp.date() if in_markup and stamp is not None and stamp.date() == in_url else None
    # A weekday's date alone on its line is a masthead's day the page was served when the page names an
    # earlier day near it (a line's, the stamp's): a page is served on or after the day it was published.
    read_days = [d for k, d, _z in days if k != "updated" and d is not None]
    read_days += [stamp.date()] if stamp is not None else []
    for kind, day, line_zone in days:
        if kind == "updated" or day is None or (settled and kind != "published" and day > settled):
            continue
        if kind == "served" and day != in_url and any(0 < (day - d).days <= _SERVED_REACH for d in read_days):
            continue
        if ceiling is not None and day > ceiling:
            continue
        # A shown date far from the stamp is the site header's "today" or another story's date; but a line
        # that says it ("Written: 2023-11-07") or gives the time and zone of its posting ("Apr 4, 10:57 AM
        # EDT") outweighs htmldate's guess, which may be a listed story's day.
        stated = kind == "published" or (kind == "dated" and line_zone is not None)
        if likely is None or day in likely or (stated and not in_markup):
            return day
    titled = _title_day(tree)
    if titled is not None and not in_markup and (
            in_url is None or abs((titled - in_url).days) <= _TITLE_URL_DAYS):
        # "CNN.com - New Orleans shelters to be evacuated - Aug 31, 2005": the page's day as its title states
        # it, a day after the URL's folder when posted past midnight (no line of the page shows it)
        return titled
    if stamp is not None and not in_markup and ceiling is not None and stamp.date() > ceiling:
        return ceiling  # htmldate's reading of a later day on the page: the update's day is the nearest
    if stamp is not None:
        if stamp.tzinfo is not None and zone is not None:
            return stamp.astimezone(zone).date()
        # The CMS writes the URL's date on the newsroom's calendar: it settles a stamp near midnight UTC. A
        # stamp with the newsroom's own offset ("16:42-04:00") already names that calendar's day, and a
        # print edition's URL may name the next.
        utc_or_naive = stamp.utcoffset() in (None, datetime.timedelta(0))
        if in_url is not None and likely and in_url in likely and utc_or_naive:
            return in_url
        return stamp.date()
    return next((d for _k, d, _z in days if d is not None), None)


def _year_in_page(html: str, month: int, day: int) -> int | None:
    """The year the page's own markup gives a month's day in full, most often: a line's "Apr 4, 10:57 AM EDT"
    is the "2005/4/4" its CMS left in a comment or an address, not a day of the year htmldate read off
    another date ("$Id: Story.java,v 1.29 2004/10/20 ..."); None when it gives none."""
    name = MONTH_NAMES[month - 1]
    found = re.findall(
        rf"(?<!\d)((?:19|20)\d\d)(?:[/-]0?{month}[/-]0?{day}(?!\d)|{month:02d}{day:02d}(?!\d))"
        rf"|\b{name}[a-z]*\.?\s+0?{day},?\s+((?:19|20)\d\d)\b",
        html, re.IGNORECASE)
    years = [int(a or b) for a, b in found]
    return max(set(years), key=years.count) if years else None


def _markup_of(tree: Any, source: str | bytes | None) -> str:
    """The page's markup as fetched, else as the tree writes it ("" for a tree that cannot be written)."""
    if isinstance(source, bytes):
        return source.decode("utf-8", errors="replace")
    if source is not None:
        return source
    try:
        return cast(str, etree.tostring(tree, encoding="unicode"))
    except Exception:  # noqa: BLE001 - an odd tree names no date
        return ""


_IMAGE_RE = re.compile(r"\.(?:jpe?g|png|gif|webp)\b", re.IGNORECASE)
# A day written in digits in the markup ("20180302", "2018/03/02", "2018-03-02")
_DIGIT_DAY_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/-]?)([01]\d)\2([0-3]\d)(?!\d)")
_ADDRESS_REST_RE = re.compile(r"[^\s\"'<>]*")


def _digit_days(html: str) -> list[tuple[datetime.date, bool]]:
    """Each day the markup writes in digits, and whether it is in an image's address (what follows it up
    to a quote or a space names an image file)."""
    out: list[tuple[datetime.date, bool]] = []
    for m in _DIGIT_DAY_RE.finditer(html):
        try:
            day = datetime.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
        rest = _ADDRESS_REST_RE.match(html, m.end(), min(len(html), m.end() + 300))
        out.append((day, bool(rest and _IMAGE_RE.search(rest.group(0)))))
    return out


def _day_of_the_addresses(html: str, oldest: datetime.date) -> datetime.date | None:
    """The page's day where htmldate's `oldest` is a photo's: written in digits only in images' addresses
    ("/20180302/harbour.jpeg"), while a later day is written more often in the page's other addresses (its
    links to the day's stories, "/news/20180409/..."); else None."""
    days = _digit_days(html)
    photo = [image for d, image in days if d == oldest]
    if not photo or not all(photo):
        return None
    others = [d for d, image in days if not image]
    if not others:
        return None
    day = max(set(others), key=others.count)
    return day if day > oldest and others.count(day) > max(1, len(photo)) else None


def _placeholder_day(day: tuple[int | None, int, int]) -> bool:
    """The Unix epoch's day (or the eve of it, west of Greenwich): what a CMS prints for a date it never set
    ("1 January 1970" in the byline and the markup of an archived story)."""
    return day in ((1970, 1, 1), (1969, 12, 31))


def _possible_days(stamp: datetime.datetime | None) -> set[datetime.date] | None:
    """The local days a timestamp can be for a page read somewhere from UTC-10 (Hawaii) to UTC+10 (Sydney);
    a stamp without an offset may be any of three days."""
    if stamp is None:
        return None
    if stamp.tzinfo is None or not 1900 < stamp.year < 9000:
        return {stamp.date() + datetime.timedelta(days=d) for d in (-1, 0, 1)}
    try:
        utc = stamp.astimezone(datetime.UTC)
        return {(utc + datetime.timedelta(hours=h)).date() for h in (-10, 10)}
    except OverflowError:  # year 1 or 9999: no day is likely
        return set()


# "/2019/11/18/", "/2019/nov/18/", "/2008/January/10/" (The Guardian, PolitiFact, Soccerway) and
# "/2010/POLITICS/08/13/", "/2009/WORLD/asiapcf/10/06/" (CNN's section, and subsection, between the year and
# the month).
_URL_DAY_RE = re.compile(
    rf"[/=]((?:19|20)\d\d)/(?:[A-Za-z][A-Za-z-]*/){{0,2}}([01]?\d|{MONTHS})/([0-3]?\d)/",
    re.IGNORECASE,
)


# "/s/ap/20050922/ap_on_re_us/rita": the day as one path segment (Yahoo's wire stories, many newspapers' CMS),
# or opening one ("/Recaps/NHL/20080108NHL-...")
_URL_COMPACT_DAY_RE = re.compile(r"/((?:19|20)\d\d)([01]\d)([0-3]\d)(?=/|$|[A-Za-z]{2})")


def _url_day(url: str | None) -> datetime.date | None:
    # (a path in the query, its folders split by backslashes: "default.asp?page=2008%5C01%5C14%5Cstory_14")
    url = unquote(url or "").replace("\\", "/")
    m = _URL_DAY_RE.search(url) or _URL_COMPACT_DAY_RE.search(url)
    if m is None:
        return None
    try:
        return datetime.date(int(m.group(1)), month_number(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _with_year(day: tuple[int | None, int, int], year: int | None) -> datetime.date | None:
    y, m, d = day
    try:
        return datetime.date(y or year or 0, m, d)
    except ValueError:
        return None


def _htmldate_stamp(tree: Any, url: str | None) -> datetime.datetime | None:
    """htmldate on the parsed tree (markup first, then its wider text search), with time and offset kept.

    The tree, never a string, is passed: htmldate fetches a string that looks like a URL.
    """
    for extensive in (False, True):
        try:
            page = _without_script_comments(tree) if extensive else tree
            found = find_date(
                page, extensive_search=extensive, original_date=True, url=url, outputformat=_STAMP_FORMAT
            )
        except Exception as exc:  # third-party heuristics on arbitrary pages
            log.debug("htmldate failed on %s: %s", url, exc)
            found = None
        stamp = _parse_stamp(found)
        if stamp is not None:
            return stamp
    return None


_STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def _without_script_comments(tree: Any) -> Any:
    """The page, its scripts' comments cut out of a copy when they hold a year: the wider search reads the
    scripts' text, where an ad's comment ("//2007-10-15: sports channel", left by whoever set the ad up) is no
    date of the page, while its code may set the page's ("ga('set', 'dimension2', '2021-04-07')")."""
    if not any(s.text and _COMMENT_RE.search(s.text) for s in _SCRIPTS(tree)):
        return tree
    copy = deepcopy(tree)
    for script in _SCRIPTS(copy):
        if script.text:
            script.text = _COMMENT_RE.sub("", script.text)
    return copy


_SCRIPTS = etree.XPath("//script")
# A script's comment that holds a year: "// ... 2007 ..." to the line's end (not "http://": a colon or a quote
# before it), "/* ... */"
_COMMENT_RE = re.compile(
    r"(?<![:'\"\w\\])//[^\n]*?(?:19|20)\d\d[^\n]*|/\*(?:(?!\*/).)*?(?:19|20)\d\d(?:(?!\*/).)*\*/", re.DOTALL
)


def _title_day(tree: Any) -> datetime.date | None:
    """The day a page's <title> ends on ("... - Aug 31, 2005", "... - Mar. 27, 2017"), else None."""
    m = _TITLE_DAY_RE.search(" ".join((tree.findtext(".//title") or "").split()))
    if m is None:
        return None
    return _with_year((int(m.group("y")), month_number(m.group("m")), int(m.group("d"))), None)


_TITLE_DAY_RE = re.compile(
    rf"[-\u2013\u2014|]\s*(?P<m>{MONTHS})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\s*\Z", re.IGNORECASE
)
_TITLE_URL_DAYS = 2  # how far from the URL's day a title's day may lie and still be the page's
_SERVED_REACH = 31  # days: how far before a masthead's day the page's own may lie



# Markup that states the published moment, best first; the first <time datetime> only after all of them.
_STAMP_META = (
    "article:published_time", "og:article:published_time", "datepublished", "og:pubdate", "pubdate",
    "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "date", "sailthru.date",
    "parsely-pub-date",
)  # fmt: skip
_JSONLD_RE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def _markup_stamp(tree: Any) -> datetime.datetime | None:
    """The published timestamp the markup states (meta, itemprop, JSON-LD, <time datetime>), or None."""
    found: dict[str, str] = {}
    time_value: str | None = None
    try:
        for el in tree.iter("meta", "time", "script"):
            if el.tag == "meta":
                # <meta property="article:published" itemprop="datePublished">: any of its names may say it
                names = (str(el.get(a) or "").lower() for a in ("property", "name", "itemprop"))
                key = next((n for n in names if n in _STAMP_META), None)
                if key is not None and el.get("content") and not _of_embedded_item(el):
                    found.setdefault(key, str(el.get("content")))
            elif el.tag == "time" and el.get("datetime"):
                if str(el.get("itemprop") or "").lower() == "datepublished" or el.get("pubdate") is not None:
                    found.setdefault("datepublished", str(el.get("datetime")))
                elif time_value is None and date_line(el) is not None:
                    time_value = str(el.get("datetime"))
            elif el.tag == "script" and "ld+json" in str(el.get("type") or "") and el.text:
                m = _JSONLD_RE.search(el.text)
                if m:
                    found.setdefault("datepublished", m.group(1))
        attribute = next(iter(_DATA_PUBLISHED(tree)), None)
    except Exception:  # noqa: BLE001 - odd markup: fall back to htmldate
        return None
    for name in (*_STAMP_META, None):
        written = found.get(name) if name else time_value
        stamp = _parse_stamp(written)
        if stamp is not None:
            return stamp
    return _written_stamp(str(attribute)) if attribute is not None else None


# An element's data attribute that states the publication moment in words, as some CMSs write it for their
# scripts ("Tue Mar 09 08:15:00 EST 2021"): read after the markup's own stamps.
_DATA_PUBLISHED = etree.XPath("//*[not(ancestor::a)]/@data-published")


def _written_stamp(value: str) -> datetime.datetime | None:
    """The day of a moment written in words ("Tue Mar 09 08:15:00 EST 2021"), on the writer's calendar."""
    m = _WRITTEN_STAMP_RE.search(value)
    if m is None:
        return None  # a number of seconds, or no month by name: not this form
    try:
        return datetime.datetime(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
    except ValueError:
        return None


_WRITTEN_STAMP_RE = re.compile(
    r"\b(" + "|".join(MONTH_NAMES) + r")[a-z]*\.?\s+([0-3]?\d)\b.*?\b((?:19|20)\d\d)\b", re.IGNORECASE
)


def _of_embedded_item(el: Any) -> bool:
    """Whether a microdata property belongs to an item inside the page that is not the article (an embedded
    video's `datePublished`, a comment's): its nearest `itemscope` names a schema.org type of neither kind."""
    if el.get("itemprop") is None:
        return False
    scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
    if scope is None:
        return False
    kind = str(scope.get("itemtype") or "").rsplit("/", 1)[-1].lower()
    return bool(kind) and not kind.endswith(_ARTICLE_TYPES)


# schema.org types whose datePublished is the page's: Article and its kinds (NewsArticle,
# ReportageNewsArticle, BlogPosting, ...), a web page, a creative work.
_ARTICLE_TYPES = ("article", "posting", "page", "creativework", "report")


def _parse_stamp(value: str | None) -> datetime.datetime | None:
    """An ISO-like timestamp ("2019-11-20T02:07:18Z", "+0000", "2019-11-19 02:24:00 UTC"), or None."""
    if not value:
        return None
    text = value.strip().replace(" UTC", "Z").replace("z", "Z")
    m = re.match(
        r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?", text
    )
    if m is None:
        return None
    iso = m.group(1) + "T" + (m.group(2) or "00:00")
    zone = m.group(3)
    if zone:
        iso += "+00:00" if zone == "Z" else zone[:3] + ":" + zone[-2:]
    try:
        stamp = datetime.datetime.fromisoformat(iso)
    except ValueError:
        return None
    if not 1900 < stamp.year < 2200:  # a placeholder ("0001-01-01"), not the page's day
        return None
    return stamp if m.group(2) or zone else stamp.replace(tzinfo=None)
