"""Reading one date line a page shows its readers ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM", "By Ann
Lee | Monday, 14 January, 2008"): its dates, which of them is the publication's, and the zone it names; and
the date line heading a story's text ("April 5, 2021 -- ..."). Text only; monitor.extract.page_date finds the
lines in the page."""

from __future__ import annotations

import datetime
import re

__all__ = [
    "DAY_DATELINE_RE", "MONTHS", "MONTH_NAMES", "UPDATED_RE", "YEAR_RE", "ShownDate", "byline_day",
    "is_writer_line", "month_number", "read_date_line", "with_opening_dateline",
]

# Months by their first three letters: a byline's "Nov 18", a URL's "/2019/nov/18/".
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_SHOWN_DATE_RES = (
    re.compile(
        rf"\b(?P<m>{MONTHS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.]\d)(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
        re.I,
    ),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTHS})\b\.?(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?", re.I
    ),
    # "2023-11-07", and the slashed "2017/03/22 13:46" of sites in East Asia (year first, never a day first)
    re.compile(r"\b(?P<y>(?:19|20)\d\d)([-/])(?P<m>[01]\d)\2(?P<d>[0-3]\d)\b"),
)

# Zones bylines name, as offsets; the US ones through zoneinfo so that daylight saving is right.
_ZONE_NAMES = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "GMT": "UTC", "UTC": "UTC", "BST": "Europe/London", "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "IST": "Asia/Kolkata", "HKT": "Asia/Hong_Kong", "SGT": "Asia/Singapore", "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
}  # fmt: skip
_ZONE_RE = re.compile(r"(?<![\w-])(" + "|".join(_ZONE_NAMES) + r")(?![\w-])")
# Words of an update, in a line or in its element's class or id
UPDATED_RE = re.compile(r"updat|modif|edited|revised", re.I)
_TODAY_RE = re.compile(r"\btoday\b", re.I)
_CLOCK_AFTER_RE = re.compile(r"[\s,]*(?:at\s+)?[0-2]?\d:[0-5]\d\b", re.I)
_UPDATE_AFTER_RE = re.compile(r"[\s,]*(?:[-\u2013\u2014|]+\s*)?(?:last\s+)?updated\b:?\s*\d", re.I)


ShownDate = tuple[str, tuple[int | None, int, int], datetime.tzinfo | None]
# A year in figures, anywhere in a line
YEAR_RE = re.compile(r"(?:19|20)\d\d")
_WEEKDAY = "(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# A weekday's full date alone on its line ("Wednesday, January 16, 2008", "Time: 16 January, 2008"), maybe
# with the clock's time ("Monday, January 14, 2008, 3:16 pm"):
# a masthead's day the page was served as often as the story's own ("served": see page_date)
_SERVED_LINE_RE = re.compile(
    rf"(?:(?:date|time)\s*:\s*(?:{_WEEKDAY},?\s+)?|{_WEEKDAY},?\s+)(?:"
    rf"(?P<m>{MONTHS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTHS}),?\s+(?P<y2>(?:19|20)\d\d))"
    r"(?:,?\s+[0-2]?\d:[0-5]\d\s*[ap]\.?m\.?)?",
    re.I,
)


def read_date_line(line: str, attrs: str) -> list[ShownDate]:
    """The dates of one byline line; each is "updated" when the words since the previous date say so
    ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM"), or "Updated" and a time right after it ("October 7,
    2009 -- Updated 1240 GMT": the day of the update), or the element is named for it. A weekday's full date
    alone on the line is "served": a masthead's day the page was served as often as the story's own."""
    if not line or re.search(r"file photo|photo:", line, re.I):
        return []
    if (served := _served_day(line)) is not None:
        return [("served", served, None)]
    matches: list[re.Match[str]] = []
    for rx in _SHOWN_DATE_RES:
        matches.extend(m for m in rx.finditer(line) if not any(_overlap(m, n) for n in matches))
    matches.sort(key=lambda m: m.start())
    zm = _ZONE_RE.search(line)
    zone = _zone(zm.group(1)) if zm else None
    out: list[ShownDate] = []
    prev_end = 0
    for m in matches:
        month = month_number(m.group("m"))
        lead = line[prev_end : m.start()]
        prev_end = m.end()
        if not month or not 1 <= int(m.group("d")) <= 31:
            continue
        # (followed by the update's time, not by its date: "November 19, 2019 Updated: November 20" was
        # published on the 19th)
        update_after = _UPDATE_AFTER_RE.match(line, m.end()) is not None
        if _TODAY_RE.search(lead):
            continue  # "Today, March 22, 2017": the day the page is read (a weather box, a masthead)
        if re.search(r"publish|posted|written", lead, re.I):
            kind = "published"
        elif not out and not UPDATED_RE.search(lead + attrs) and _CLOCK_AFTER_RE.match(line, m.end()):
            kind = "published"  # "2017/03/22 13:46" alone on its line: the posting's day and time
        elif UPDATED_RE.search(lead) or update_after or (not out and UPDATED_RE.search(attrs)):
            kind = "updated"
        else:
            kind = out[-1][0] if out else "dated"
        year = int(m.group("y")) if m.group("y") else None
        out.append((kind, (year, month, int(m.group("d"))), zone))
    return out


def _served_day(line: str) -> tuple[int, int, int] | None:
    """The day of a line that holds a weekday's full date and nothing else (`_SERVED_LINE_RE`), else None."""
    if (m := _SERVED_LINE_RE.fullmatch(line)) is None:
        return None
    month = month_number(m.group("m") or m.group("m2"))
    day = int(m.group("d") or m.group("d2"))
    return (int(m.group("y") or m.group("y2")), month, day) if month and 1 <= day <= 31 else None


def _overlap(a: re.Match[str], b: re.Match[str]) -> bool:
    return a.start() < b.end() and b.start() < a.end()


def month_number(month: str) -> int:
    """A month's number from its figures or its name ("11", "Nov", "November"); 0 for neither."""
    if month.isdigit():
        return int(month) if 1 <= int(month) <= 12 else 0
    return MONTH_NAMES.index(month[:3].lower()) + 1 if month[:3].lower() in MONTH_NAMES else 0


def _zone(name: str) -> datetime.tzinfo | None:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(_ZONE_NAMES[name])
    except Exception:  # noqa: BLE001 - no tz database: the stamp keeps its own offset
        return None


def byline_day(line: str, day_first: bool = False) -> ShownDate | None:
    """The publication day of a byline line that no markup names one ("By Ann Lee | Monday, 14 January, 2008",
    "3 March 2009 - 2:15PM", "3 Feb 2009, 0930 hrs IST", "2/3/2009 By Ann Lee"): its first date with a
    year that a writer's name stands beside or the posting's clock time follows; None for any other line (a
    masthead's "Friday, 6 March 2009", a date in a sentence). A date in figures is month first, as US
    sites write it, unless `day_first` (the site's country writes the day first) or the first is over 12."""
    updated = UPDATED_RE.search(line)
    if _TODAY_RE.search(line) or (updated and not _PUBLISHED_RE.search(line, 0, updated.start())):
        return None
    found = [(m, (int(m.group("y")), month_number(m.group("m")), int(m.group("d"))))
             for rx in _SHOWN_DATE_RES for m in rx.finditer(line) if m.group("y")]
    for m in _FIGURES_DATE_RE.finditer(line):
        first, second = int(m.group(1)), int(m.group(2))
        month, day = (second, first) if day_first or first > 12 else (first, second)
        found.append((m, (int(m.group(3)), month if month <= 12 else 0, day)))
    for m, (year, month, day) in sorted(found, key=lambda f: f[0].start()):
        writer = _WRITER_RE.search(line, 0, m.start()) or _WRITER_RE.match(line, m.end())
        if month and 1 <= day <= 31 and (writer or _POSTED_CLOCK_RE.match(line, m.end())):
            zm = _ZONE_RE.search(line)
            return "published", (year, month, day), _zone(zm.group(1)) if zm else None
    return None


# A line that names its publication's date before an update's ("Published: December 31 2007 00:29 | Last
# updated: ...")
_PUBLISHED_RE = re.compile(r"\b(?:published|posted)\b", re.I)


def is_writer_line(line: str) -> bool:
    """Whether a short line of its own names the writer and nothing else ("By The Associated Press", "By ANN
    LEE, Staff Writer"): a date alone on the line above or below it is the byline's."""
    return (len(line) <= _WRITER_LINE and _WRITER_RE.match(line) is not None
            and not YEAR_RE.search(line))


_WRITER_LINE = 60
# A writer named in a byline: "By Ann Lee", "by K. Scott" (a capital after "by": not "by the river", nor a
# month or a day: "reform by August", "by Friday")
_WRITER_RE = re.compile(
    rf"(?:^|[\s|,-])[Bb]y:?\s+(?!(?i:{MONTHS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)[A-Z][\w.'\u2019-]*"
)
# The clock time of a posting right after its date: "- 4:41PM", "9:00 GMT", ", 0000 hrs IST", "at 12:25am"
_POSTED_CLOCK_RE = re.compile(
    r"[\s,|\u2013\u2014-]*(?:at\s+)?(?:[0-2]?\d[:.][0-5]\d\s*(?:[AaPp]\.?[Mm]\.?)?(?![\d])|[0-2]\d[0-5]\d\s*hrs\b)"
)
_FIGURES_DATE_RE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")


# A date alone heading the story's text ("April 5, 2021 -- A crowd of mourners ..."): the day it was filed.
# Only at the top: further down, a line that opens on a date and a dash is a chronology's entry.
DAY_DATELINE_RE = re.compile(
    r"\A\s*(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+(?P<day>\d{1,2}),[ \t]*"
    r"(?P<year>\d{4})[ \t]*(?:--|—|–|-)[ \t]*"
)
_DATELINE_REACH = 3  # days: a page date further from its story's date line is another reading, left alone


def with_opening_dateline(published: datetime.date | None, text: str) -> datetime.date | None:
    """The page's day, or the day its story's text opens on ("April 5, 2021 -- ...") when the two are a day or
    few apart: the date line is what the reader is shown, a page date found in the markup may be a link's. A
    wire's date line after its place ("LONDON, JAN 17 (PTI) --", "Islamabad, Jan 14 (IANS)") names the day
    it was filed: the page's, when the page's own day is that one or a few after it (a masthead's, a later
    edition's)."""
    if published is None:
        return published
    if (m := DAY_DATELINE_RE.match(text)) is not None:
        day = _dateline_day(m["year"], m["month"], m["day"], published)
        return day if day is not None and abs((day - published).days) <= _DATELINE_REACH else published
    # (the first lines: a table's cells may come before the story's, "| | Send This Article |")
    lines = (line.strip(_CELL_EDGES) for line in text[:_PLACE_DATELINE_REACH].split("\n"))
    for line in [line for line in lines if line][:_PLACE_DATELINE_LINES]:
        if (m := _PLACE_DATELINE_RE.match(line)) is not None:
            day = _dateline_day(m["year"], m["month"], m["day"], published)
            return day if day is not None and 0 <= (published - day).days <= _DATELINE_REACH else published
    return published


def _dateline_day(year: str | None, month: str, day: str, published: datetime.date) -> datetime.date | None:
    """A date line's day; without its year, the one nearest before the page's day that it may be."""
    try:
        if year:
            return datetime.date(int(year), month_number(month), int(day))
        found = datetime.date(published.year, month_number(month), int(day))
        return found if found <= published else found.replace(year=published.year - 1)
    except ValueError:
        return None


_PLACE_DATELINE_LINES = 6
_PLACE_DATELINE_REACH = 3000  # characters of the text's top read for those lines
_CELL_EDGES = "| \t"
# A place in capitals or words, a month's day, maybe its year and the agency, then a dash or a colon.
_PLACE_DATELINE_RE = re.compile(
    rf"\A\s*[A-Z][A-Za-z.'\-]*(?:[ \t]+[A-Z][A-Za-z.'\-]*){{0,3}}(?:[ \t]*\([A-Za-z .]{{1,30}}\))?,[ \t]*"
    rf"(?P<month>(?i:{MONTHS}))\.?[ \t]+(?P<day>\d{{1,2}})\b(?:,[ \t]*(?P<year>\d{{4}}))?[ \t]*"
    rf"(?:\([^)\n]{{1,40}}\)|--|—|–|-|:)"
)
