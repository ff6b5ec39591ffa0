"""Normalisers of days and times: explicit dates, month and day, weekdays, day words, clock times.
"""

from __future__ import annotations

import datetime as dt
import re

from monitor.extract.timex import anchor
from monitor.extract.timex.hit import Hit, Result, normaliser
from monitor.extract.timex.readers import (
    date_by_tense,
    day_number,
    day_offset,
    direction,
    month_number,
    month_year_by_tense,
    weekday_date,
    with_part_of_day,
    written_year,
)


@normaliser
def explicit_date(hit: Hit) -> Result | None:
    """A date with its year written: April 1, 2020 / 2020-04-01 / 1 April 2020 (+ optional clock time)."""
    year = int(hit.g("year") or 0)
    month = month_number(hit.lex, hit.g("month"))
    day = day_number(hit.g("day"))
    if not hit.capitalised_ok("month", "month") or month is None:
        return None
    date = dt.date(year, month, day) if day else None
    if date is None:
        return None, anchor.fmt_month(year, month), hit.mod()
    if hit.g("hour"):
        clock = f"{int(hit.g('hour') or 0):02d}:{hit.g('minute') or '00'}"
        return "TIME", f"{anchor.fmt_date(date)}T{clock}", None
    return with_part_of_day(hit, date, hit.mod())


@normaliser
def month_day(hit: Hit) -> Result | None:
    """A month and day without a year: the year comes from the weekday if given, else the clause's tense."""
    month = month_number(hit.lex, hit.g("month"))
    day = day_number(hit.g("day"))
    if month is None or day is None or not (hit.g("month") or "")[:1].isupper():
        return None
    # "9:12 p.m. Sunday, March 10": the weekday went to the clock time, and still tells this date's year
    weekday = hit.lex.get("weekday", hit.g("weekday") or _weekday_before(hit))
    set_before = None if hit.g("yrel") else hit.year_just_before()
    if hit.g("yrel") or set_before:  # "March 5 last year", "In 2015, on March 5"
        year = set_before or hit.day.year + (direction(hit.lex, hit.g("yrel")) or 0)
        told = _same_day(year, month, day)
        return None if told is None else with_part_of_day(hit, told, hit.mod())
    years = (hit.day.year - 1, hit.day.year, hit.day.year + 1)
    candidates = [c for year in years if (c := _same_day(year, month, day)) is not None]
    if not candidates:
        return None
    if weekday:
        matching = [c for c in candidates if c.isoweekday() == int(weekday)]
        candidates = matching or candidates
    elif (come := [c for c in candidates if c <= hit.day]) and _names_a_past_happening(hit):
        # "the Oct. 7 attacks", told in August: no one schedules an attack or a crash, so the day such a
        # date names is one that has come, however near the next one is.
        return with_part_of_day(hit, come[-1], hit.mod())
    else:
        after, written = _day_before(hit)
        if after is not None:
            # "runs from June 9, 2021 until October 10", "opens June 9 and closes October 10" (told in
            # November): the first such day on or after the one before, not the year nearest the DCT.
            later = (_same_day(after.year, month, day), _same_day(after.year + 1, month, day))
            chosen = next((c for c in later if c is not None and c >= after), None)
            # An order that goes back ("paid Jan. 5 to members on the list on Dec. 12") would put the day
            # most of a year on: a schedule told in order moves on by months.
            if chosen is not None and (written or (chosen - after).days <= _SCHEDULE_DAYS):
                return with_part_of_day(hit, chosen, hit.mod())
    return with_part_of_day(hit, date_by_tense(candidates, hit.day, hit.tense()), hit.mod())


_WEEKDAY_BEFORE = re.compile(r"(?<![\w])(?P<weekday>[A-Z][a-z]+day),?[ \t]+\Z")


def _weekday_before(hit: Hit) -> str | None:
    """A weekday's name written right before the hit ("Sunday, March 10"), or None."""
    m = _WEEKDAY_BEFORE.search(hit.text, max(0, hit.start - 14), hit.start)
    return m.group("weekday") if m else None


def _month_of_a_noun(hit: Hit) -> bool:
    """A month between a determiner or a possessive and a noun: "the December debate", "Hamas's October
    attack"."""
    after = hit.word_after()
    return (after.isalpha() and after.islower() and after not in _NOT_NOUNS
            and _DETERMINER_BEFORE.search(hit.text, max(0, hit.start - 40), hit.start) is not None)


# words after a month that make no noun of it ("the December of 1989", "the May to June window")
_NOT_NOUNS = frozenset({"of", "to", "and", "or", "through", "until", "when", "as", "in", "on", "at", "for",
                        "after", "before", "last", "next", "this", "is", "was", "will"})


def _names_a_past_happening(hit: Hit) -> bool:
    """A month and day that modifies a noun of what nobody schedules (lexicon `unscheduled_nouns`), after a
    determiner or a possessive: "the Oct. 7 attacks", "Hamas's Oct. 7 assault", "the deadly May 5 crash"."""
    nouns = hit.lex.words("unscheduled_nouns")
    after = _NOUN_AFTER.match(hit.text, hit.end)
    if after is None or not any(word.lower() in nouns for word in after.group(1, 2) if word):
        return False
    return _DETERMINER_BEFORE.search(hit.text, max(0, hit.start - 40), hit.start) is not None


def _month_of_a_past_happening(hit: Hit) -> bool:
    """A month after "in" that follows a noun of what nobody schedules ("rebuilding to be done after the
    tornadoes in April"): the last such month, whatever the clause's tense."""
    before = _NOUN_IN_BEFORE.search(hit.text, max(0, hit.start - 40), hit.start)
    return before is not None and before.group(1).lower() in hit.lex.words("unscheduled_nouns")


_NOUN_IN_BEFORE = re.compile(r"\b([A-Za-z-]+)\s+in\s+\Z")
# up to one word (a name or an adjective: "the Oct. 7 Hamas attacks") between the date and its noun
_NOUN_AFTER = re.compile(r"\s+([A-Za-z-]+)(?:\s+([A-Za-z-]+))?")
# "the", a possessive pronoun or a name's "'s", maybe with an adjective ("the deadly")
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Tt]hat)|\w['\u2019]s)(?:\s+[a-z]+)?\s+\Z"
)


def _same_day(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None where the year has none (Feb 29 outside leap years)."""
    try:
        return dt.date(year, month, day)
    except ValueError:  # Feb 29 outside leap years
        return None


_WRITTEN_YEAR = re.compile(r"\b\d{4}\b")
_SCHEDULE_DAYS = 183  # how far on a day told after a future one may lie (see month_day)


def _day_before(hit: Hit) -> tuple[dt.date | None, bool]:
    """The day a month and day follows in the hit's sentence, and whether it was written with its year: the
    last one that was ("June 9, 2021"), or the day right before it when that lies after the DCT and this
    clause is not past: a schedule told in order ("opens June 9th and closes October 10th")."""
    first = True
    for timex in reversed(hit.previous):
        too_far = timex.end < hit.start - _SAME_SENTENCE_CHARS
        if too_far or _SENTENCE_BREAK.search(hit.text, timex.end, hit.start):
            break
        if not DAY_VALUE.fullmatch(timex.value[:10]):
            continue
        day = dt.date.fromisoformat(timex.value[:10])
        if _WRITTEN_YEAR.search(timex.text):
            return day, True
        if first and day > hit.day and hit.tense() != "past":
            return day, False
        first = False
    return None, False


@normaliser
def month_year(hit: Hit) -> Result | None:
    """A month with a year: March 2020, January this year, July last year."""
    month = month_number(hit.lex, hit.g("month"))
    if month is None or not hit.capitalised_ok("month", "month"):
        return None
    year = written_year(hit)
    if year is None:
        year = hit.day.year + (direction(hit.lex, hit.g("yrel")) or 0)
    return None, anchor.fmt_month(year, month), hit.mod()


@normaliser
def month_alone(hit: Hit) -> Result | None:
    """A month name alone ("in April", "last December"): the year comes from the direction or tense."""
    surface = hit.g("month") or ""
    month = month_number(hit.lex, surface)
    if month is None or not surface[:1].isupper():
        return None
    is_abbr = hit.lex.get("month", surface) is None
    if is_abbr and not hit.g("dot"):
        return None
    if not hit.g("dir") and not hit.g("mod"):
        before, after = hit.word_before(), hit.word_after()
        opened = before.lower() in _SENTENCE_OPENERS  # "in June", "the June meeting": the month
        if hit.lex.needs_capital("month", surface):
            # "Theresa May", "May Day": a capitalised neighbour that is no temporal word makes it a name
            if (before[:1].isupper() and not opened) or after[:1].isupper():
                return None
        elif not is_abbr and not opened and after[:1].isupper():
            return None  # "June Berg visited", "Rep. August Pfluger said": a given name before a surname
    dir_value = direction(hit.lex, hit.g("dir"))
    today = hit.day
    if dir_value is None:
        # "the December debate", "its March meeting": the month names a noun's time, whatever the clause's
        # tense ("Yang has not yet qualified for the December debate", told in November, is the coming one)
        tense = None if _month_of_a_noun(hit) else "past" if _month_of_a_past_happening(hit) else hit.tense()
        year = hit.year_just_before() or month_year_by_tense(today, month, tense)  # "Last year in March"
    elif dir_value < 0:
        year = today.year if month < today.month else today.year - 1
        if "last" in (hit.g("dir") or "").lower() and month % 12 == (today.month - 1) % 12:
            # "last October" written in November: that October is "last month", so this is the one before
            year -= 1
    elif dir_value > 0 and "next" in (hit.g("dir") or "").lower():
        year = today.year if month > today.month else today.year + 1
    elif dir_value > 0:
        year = today.year if month >= today.month else today.year + 1
    else:
        year = today.year
    return None, anchor.fmt_month(year, month), hit.mod()


DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")  # a TIMEX3 day: 2020-04-01
_SENTENCE_OPENERS = frozenset(
    {"in", "on", "by", "since", "until", "till", "from", "through", "during", "before", "after", "of",
     "early", "late", "mid", "last", "next", "this", "that", "and", "or", "to", "for", "between",
     "the", "around", "about", "as", "at", "into", "throughout", "starting", "beginning", "ending"}
)


@normaliser
def weekday(hit: Hit) -> Result | None:
    """A weekday ("Monday", "last Friday", "early Wednesday morning"), resolved by direction or tense."""
    number = hit.lex.get("weekday", hit.g("weekday"))
    if number is None or not (hit.g("weekday") or "")[:1].isupper():
        return None
    dir_value = direction(hit.lex, hit.g("dir"))
    if hit.g("wrel") and dir_value is None:  # "Monday last week": that week's Monday
        weeks = direction(hit.lex, hit.g("wrel")) or 0
        monday = hit.day - dt.timedelta(days=hit.day.weekday()) + dt.timedelta(weeks=weeks)
        return with_part_of_day(hit, monday + dt.timedelta(days=int(number) - 1), hit.mod())
    named = _day_in_apposition(hit, int(number)) if dir_value is None else None
    day = named or weekday_date(hit, int(number), dir_value)
    return with_part_of_day(hit, day, hit.mod())


# "on Dec. 18, a Wednesday": a weekday set after a date, in apposition.
_APPOSITION = re.compile(r",[ \t]*(?:a|the)?[ \t]*\Z", re.IGNORECASE)


def _day_in_apposition(hit: Hit, weekday: int) -> dt.date | None:
    """The date just before a weekday in apposition to it ("Dec. 18, a Wednesday"), when it falls on that
    weekday: the weekday restates it, whatever the nearest such weekday is."""
    if not hit.previous:
        return None
    last = hit.previous[-1]
    if not _APPOSITION.search(hit.text, last.end, hit.start) or hit.start - last.end > 8:
        return None
    try:
        day = dt.date.fromisoformat(str(last.value))
    except ValueError:
        return None
    return day if day.isoweekday() == weekday else None


@normaliser
def day_word(hit: Hit) -> Result | None:
    """today / yesterday / tomorrow / tonight, with an optional part of day or "the day before"."""
    spec = hit.lex.get("day_word", hit.g("dayword"))
    if spec is None:
        return None
    m = re.fullmatch(r"(-?\d+)([A-Z]{2})?", spec)
    if not m:
        return None
    offset = int(m.group(1))
    if hit.g("rel2"):
        offset += -1 if hit.g("rel2", ).lower() == "before" else 1  # type: ignore[union-attr]
    day = hit.day + dt.timedelta(days=offset)
    pod = hit.lex.get("part_of_day", hit.g("pod")) or m.group(2)
    if pod:
        return "TIME", f"{anchor.fmt_date(day)}T{pod}", hit.mod()
    return None, anchor.fmt_date(day), hit.mod()


@normaliser
def this_part_of_day(hit: Hit) -> Result | None:
    """this morning / this afternoon / last night / tonight: a part of the DCT's day (or the day before)."""
    pod = hit.lex.get("part_of_day", hit.g("pod"))
    if pod is None:
        return None
    offset = -1 if (hit.g("which") or "").lower() == "last" else 0
    day = hit.day + dt.timedelta(days=offset)
    return "TIME", f"{anchor.fmt_date(day)}T{pod}", hit.mod()


@normaliser
def clock_time(hit: Hit) -> Result | None:
    """A clock time ("3 p.m.", "10:35 a.m. Tuesday", "noon", "shortly after midnight") on a day."""
    if hit.g("named"):
        clock = hit.lex.get("part_of_day", hit.g("named")) or "12:00"
    else:
        hour = int(hit.g("hour") or 0)
        minute = int(hit.g("minute") or 0)
        ampm = (hit.g("ampm") or "").lower()
        if hour > 24 or minute > 59:
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    if hit.g("weekday"):
        number = hit.lex.get("weekday", hit.g("weekday"))
        day = _date_after_weekday(hit) or weekday_date(hit, int(number or 1), None)
    elif hit.g("dayword"):
        spec = hit.lex.get("day_word", hit.g("dayword")) or "0"
        day = hit.day + dt.timedelta(days=day_offset(spec))
    elif hit.g("month") and hit.g("day"):
        month, day_of_month = month_number(hit.lex, hit.g("month")), day_number(hit.g("day"))
        if month is None or day_of_month is None:
            return None
        year = anchor.nearest_year(hit.day, month, day_of_month, hit.tense())
        day = dt.date(year, month, day_of_month)
    else:
        day = _day_of_clock(hit)
    return "TIME", f"{anchor.fmt_date(day)}T{clock}", hit.mod()


# a year written after a month and day ("on Sunday November 3, 2013")
_YEAR_AFTER = r"(?:,?[ \t]+(?P<year>(?:1[6-9]|20)[0-9]{2}))?"
_DAY_AFTER_CLOCK = re.compile(
    r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?,?[ \t]*(?:on[ \t]+)?"
    r"(?:(?P<weekday>[A-Z][a-z]+day)|(?P<dayword>today|yesterday|tomorrow|tonight)"
    r"|(?P<month>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?" + _YEAR_AFTER + r")(?![\w])"
)
# "9 p.m. Saturday, March 14": the weekday of a clock time followed by the date it names.
_DATE_AFTER_WEEKDAY = re.compile(
    r",?[ \t]+(?P<month>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
    + _YEAR_AFTER + r"(?![\w])"
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d]*\s+[A-Z\u201c\"`]")
_SAME_SENTENCE_CHARS = 150


def _date_after_weekday(hit: Hit) -> dt.date | None:
    """The date written right after a clock time's weekday ("at 9 p.m. Saturday, March 14"): the day meant,
    where the weekday alone would be read as the nearest Saturday."""
    m = _DATE_AFTER_WEEKDAY.match(hit.text, hit.end, hit.end + 26)
    return _month_day(hit, m) if m else None


def _month_day(hit: Hit, written: re.Match[str]) -> dt.date | None:
    """The date a month's name and a day's number written after a clock time name, in the year written with
    them, else the one nearest the DCT in the hit's tense; None when they name no date ("Feb. 30")."""
    month, number = month_number(hit.lex, written.group("month")), day_number(written.group("day"))
    if month is None or number is None or not 1 <= number <= 31:
        return None
    year = written.group("year")
    try:
        if year:
            return dt.date(int(year), month, number)
        return dt.date(anchor.nearest_year(hit.day, month, min(number, 28), hit.tense()), month, number)
    except ValueError:
        return None


def _day_of_clock(hit: Hit) -> dt.date:
    """The day of a bare clock time: a day written right after it ("4:17 a.m. on Monday", "10:35 a.m.
    (0735 GMT) Friday"), else a day named earlier in the same sentence, else the DCT's."""
    m = _DAY_AFTER_CLOCK.match(hit.text, hit.end, hit.end + 60)
    if m:
        weekday = hit.lex.get("weekday", m.group("weekday"))
        if weekday:
            # "9:12 p.m. on Sunday, March 10": the date after the weekday is the day meant
            dated = _DATE_AFTER_WEEKDAY.match(hit.text, m.end(), m.end() + 26)
            written = _month_day(hit, dated) if dated else None
            return written or weekday_date(hit, int(weekday), None)
        spec = hit.lex.get("day_word", m.group("dayword"))
        if spec:
            return hit.day + dt.timedelta(days=day_offset(spec))
        written = _month_day(hit, m) if m.group("month") else None
        if written is not None:
            return written
    for timex in reversed(hit.previous):
        too_far = timex.end < hit.start - _SAME_SENTENCE_CHARS
        if too_far or _SENTENCE_BREAK.search(hit.text, timex.end, hit.start):
            break
        if DAY_VALUE.match(timex.value):
            return dt.date.fromisoformat(timex.value[:10])
    return hit.day
