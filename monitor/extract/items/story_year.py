"""The year of a month or a day written without one: the tagger anchors "in May" and "December 27" to the
publication date, while a story telling an earlier time wrote that time's year out before them."""

from __future__ import annotations

import datetime as dt
import re

from monitor.extract.items.dating import MONTH_VALUE_RE, YEAR_WRITTEN_RE, iso_day, timex_words_re
from monitor.extract.items.document import Doc
from monitor.extract.items.subject_asides import in_a_relative_aside
from monitor.extract.timex import Timex
from monitor.extract.timex.anchor import shift_month


def narrated_year(doc: Doc, tx: Timex, value: str, sentence_start: int) -> str:
    """A month or a day written without its year ("in May") is of the year written out before it in its
    sentence when that year is two or more before the publication's ("GCSEs were introduced in September
    1986, after Sir Keith stepped down in May" -> 1986-05): the tagger anchors it to the publication date.
    Only the sentence's own year: a paragraph's earlier years are often background ("Since 1985, ...")."""
    pub = doc.published
    if pub is None or not MONTH_VALUE_RE.match(value) or YEAR_WRITTEN_RE.search(tx.text):
        return value
    bare = timex_words_re("month", "month_abbr").fullmatch(_ANCHORED_RE.sub("", tx.text))
    if abs(int(value[:4]) - pub.year) > 1 or not bare:
        return value  # not a bare month or day the publication date anchored ("January this year" is)
    written = [t for t in doc.timexes_in(sentence_start, tx.start)
               if (YEAR_WRITTEN_RE.search(t.text) or _years_ago_of(doc.text, t, tx))
               and not in_a_relative_aside(doc.text, sentence_start, t.start, tx.start)]
    if not written:
        return _days_of_the_story(doc, value, sentence_start)
    year = written[-1].value[:4]
    if not (len(year) == 4 and year.isdigit()) or int(year) > pub.year - 2:
        return value  # a year of plans ("by 2025") dates no month told after it
    return year + value[4:]


def _years_ago_of(text: str, ago: Timex, tx: Timex) -> bool:
    """Whether a count of years back opens the phrase of the day after it ("Sixteen years ago, on the night of
    October 19th"): it names that day's year as a written year does; not across a verb ("fled more than 30
    years ago and was detained in September")."""
    return (len(ago.value) == 4 and _YEARS_AGO_RE.search(ago.text) is not None
            and _SAME_PHRASE_RE.fullmatch(text, ago.end, tx.start) is not None)


_YEARS_AGO_RE = re.compile(r"\byears?\s+ago\b", re.IGNORECASE)
_SAME_PHRASE_RE = re.compile(r"[,\s]*(?:(?:on|in|the|of|night|morning|evening|afternoon|early|late)[,\s]+)*")
# How far after (or before) the story's last full date a day written without its year still tells its time.
NARRATED_DAYS_AFTER = 62
NARRATED_DAYS_BEFORE = 31
_RECENT = dt.timedelta(days=45)


def _days_of_the_story(doc: Doc, value: str, before: int) -> str:
    """A day written without its year ("She returned to the house on December 27") weeks from the last full
    date the story wrote out before it ("the job ... on December 16, 2010") is of that date's year: the
    story is telling that time, not the last December before publication (April 2012). A month's day in
    between that lies far from it ("set the trial for Feb. 25") has brought the story back to its present, and
    a day within six weeks before publication is the present's (`_RECENT`: a trade "on December 14" told on
    January 8, after a record "set in December 1988").
    So is a month ("However in early April she acquiesced", after "dated March 18 1986") a month or two from
    a full date two or more years back (`_month_of_the_story`)."""
    day = iso_day(value)
    earlier = doc.timexes_in(0, before)
    # (a day told with its year in words, "June 2 of this year", is as full: it brings the story back)
    full = [i for i, t in enumerate(earlier)
            if (YEAR_WRITTEN_RE.search(t.text) or _YEAR_NAMED_RE.search(t.text)) and iso_day(t.value)]
    anchor = iso_day(earlier[full[-1]].value) if full else None
    if anchor is None:
        return value
    months = timex_words_re("month", "month_abbr")
    later = [t for t in earlier[full[-1] + 1 :] if months.search(t.text)]
    if day is None:
        far_back = doc.published is not None and anchor.year <= doc.published.year - 2
        if not far_back or not _MONTH_RE.fullmatch(value) or _recent_month(value, doc.published):
            # (a month ending within six weeks before publication is the present's: "At the sentencing
            # hearing in December", told on January 18 after a crash "on Dec. 15, 2003")
            return value
        return _month_of_the_story(anchor, later, value)
    if anchor.year == day.year or (doc.published is not None and day > doc.published - _RECENT):
        # (a day the tagger put after publication is one to come, of the present: "over the anniversary period
        # ending July 7", after "the battle that took place July 1-3, 1863")
        return value
    between = [d for t in later if (d := iso_day(t.value))]
    told = None
    for written in (*between, day):
        told = _in_year(written, anchor.year)
        if told is None or not -NARRATED_DAYS_BEFORE <= (told - anchor).days <= NARRATED_DAYS_AFTER:
            return value
    return told.isoformat() if told is not None else value


_MONTH_RE = re.compile(r"\d{4}-\d{2}")
_YEAR_NAMED_RE = re.compile(r"\b(?:this|last|next)\s+year\b", re.IGNORECASE)
# How many months after (or before) the story's last full date a month written without its year still tells
# its time. (A month written with its year, "in November 2016", anchors none: too often background.)
NARRATED_MONTHS_AFTER = 2
NARRATED_MONTHS_BEFORE = 1


def _month_of_the_story(anchor: dt.date, later: list[Timex], value: str) -> str:
    """`value`, a month, in the anchor's year when it and every month told since (`later`) lie within the
    story's months around the anchor; else as it is."""
    if anchor.year == int(value[:4]):
        return value
    base = anchor.year * 12 + anchor.month
    for told in (*(t.value for t in later if _MONTH_RE.match(t.value)), value):
        if not -NARRATED_MONTHS_BEFORE <= anchor.year * 12 + int(told[5:7]) - base <= NARRATED_MONTHS_AFTER:
            return value
    return f"{anchor.year}{value[4:]}"


def _recent_month(value: str, published: dt.date | None) -> bool:
    """Whether the month `value` ("2007-12") ends within `_RECENT` before `published` (or after it)."""
    year, month = shift_month(int(value[:4]), int(value[5:7]), 1)
    return published is not None and dt.date(year, month, 1) > published - _RECENT


def _in_year(day: dt.date, year: int) -> dt.date | None:
    """The same day of another year; None for February 29 in a common year."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None


# What may stand around a bare month or day in a timex's text: "early", "mid-", a day number, "the".
_ANCHORED_RE = re.compile(r"\b(?:early|mid|late|the|of)\b|[\d.,-]+(?:st|nd|rd|th)?|\s+", re.IGNORECASE)

