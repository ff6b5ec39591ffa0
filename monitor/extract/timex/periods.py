"""Normalisers of durations, periods and sets: "three weeks", "two years ago", decades, quarters, seasons,
holidays, "every Monday", and expressions that refer back to an earlier one ("that year").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from monitor.extract.timex import anchor
from monitor.extract.timex.days import DAY_VALUE, explicit_date, month_day
from monitor.extract.timex.hit import Hit, Result, normaliser
from monitor.extract.timex.readers import (
    date_by_tense,
    day_number,
    day_offset,
    direction,
    duration_value,
    month_number,
    parse_quantity,
    reported_quarter,
    weekday_date,
    written_year,
)
from monitor.extract.timex.rules import normalise_key

_AGE = re.compile(r"(?:-|\s+)olds?\b", re.IGNORECASE)
_SET_BEFORE = re.compile(r"\b(?:once|twice|thrice|times|per)\s*$", re.IGNORECASE)
_TIME_UNITS = {"S": "S", "TM": "M", "H": "H"}
_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|percent|cents?|dollars|shares|units|seats|flights|tons))\W*$",
    re.IGNORECASE,
)


_SPAN_TO_NOW = frozenset({"the past", "past"})


@normaliser
def relative_unit(hit: Hit) -> Result | None:
    """last week / this month / next year / the past year / earlier this week / the end of the year."""
    dir_value = direction(hit.lex, hit.g("dir"))
    if dir_value is None:
        dir_value = 0
    unit = normalise_key(hit.g("unit") or "")
    day = hit.day
    mod = hit.mod()
    if unit == "week" and normalise_key(hit.g("dir") or "") in _SPAN_TO_NOW:
        # "the past week": the seven days up to the DCT, named by the week holding most of them (told on a
        # Sunday, its own; on a Monday, the one before)
        return None, anchor.iso_week(day - dt.timedelta(days=3)), mod
    if unit in ("week", "weekend"):
        value = anchor.iso_week(day + dt.timedelta(weeks=dir_value))
        return None, value + ("-WE" if unit == "weekend" else ""), mod
    if unit == "month":
        return None, anchor.fmt_month(*anchor.shift_month(day.year, day.month, dir_value)), mod
    if unit == "quarter":
        year, quarter = anchor.shift_quarter(day.year, anchor.quarter_of(day), dir_value)
        return None, f"{year:04d}-Q{quarter}", mod
    if unit in ("year", "fiscal year", "calendar year"):
        if normalise_key(hit.g("dir") or "") in _COMING:
            # "this coming year", "the coming year": the year that holds most of the twelve months ahead (told
            # in January, the one just begun; in December, the next)
            return None, f"{(day + dt.timedelta(days=182)).year:04d}", mod
        return None, f"{day.year + dir_value:04d}", mod
    if unit == "decade":
        return None, f"{day.year // 10 + dir_value:03d}", mod
    if unit == "century":
        return None, f"{day.year // 100 + dir_value:02d}", mod
    if unit in ("day",):
        return None, anchor.fmt_date(day + dt.timedelta(days=dir_value)), mod
    return None


_COMING = frozenset({"this coming", "the coming", "coming", "upcoming"})


@normaliser
def ago(hit: Hit) -> Result | None:
    """two days ago / a year earlier / three weeks from now: the DCT moved by a quantity."""
    n = parse_quantity(hit.lex, hit.g("qty"))
    code = hit.lex.get("unit", hit.g("unit"))
    if n is None or code is None:
        return None
    rel = normalise_key(hit.g("rel") or "ago")
    sign = -1 if rel in ("ago", "earlier", "before", "back") else 1
    mod = hit.mod("mod_quantity")
    if n == "X":
        return None, "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    quarter_before = reported_quarter(hit) if code == "Y" and n == 1 else None
    if quarter_before:  # "third-quarter profit rose from a year ago": the same quarter a year before
        return None, f"{int(quarter_before[:4]) + sign:04d}{quarter_before[4:]}", mod
    steps = sign * float(n)
    whole = int(steps)
    if whole != steps and code in ("Y", "M"):
        code, steps, whole = "M", steps * (12 if code == "Y" else 1), int(steps * (12 if code == "Y" else 1))
    day, now = hit.day, hit.dct
    if (hit.g("today") or hit.g("this")) and code in _MONTHS_IN:
        # "one year ago today" (this week, this month): that day (week, month), that long before
        year, month = anchor.shift_month(day.year, day.month, whole * _MONTHS_IN[code])
        if normalise_key(hit.g("this") or "") == "month":
            return None, anchor.fmt_month(year, month), mod
        then = dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
        return None, anchor.iso_week(then) if hit.g("this") else anchor.fmt_date(then), mod
    if code in _TIME_UNITS:
        seconds = {"S": 1, "TM": 60, "H": 3600}[code] * steps
        moved = now + dt.timedelta(seconds=seconds)
        if now.time() == dt.time(0) and code == "H" and abs(steps) >= 24:
            return None, anchor.fmt_date(moved.date()), mod
        return "TIME", f"{anchor.fmt_date(moved.date())}T{moved.hour:02d}:{moved.minute:02d}", mod
    if code == "D":
        return None, anchor.fmt_date(day + dt.timedelta(days=whole)), mod
    if code in ("W", "2W", "WE"):
        weeks = whole * (2 if code == "2W" else 1)
        return None, anchor.iso_week(day + dt.timedelta(weeks=weeks)), mod
    if code == "M":
        return None, anchor.fmt_month(*anchor.shift_month(day.year, day.month, whole)), mod
    if code == "Q":
        year, quarter = anchor.shift_quarter(day.year, anchor.quarter_of(day), whole)
        return None, f"{year:04d}-Q{quarter}", mod
    years = {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}.get(code)
    if years is None:
        return None
    return None, f"{day.year + whole * years:04d}", mod


_MONTHS_IN = {"Y": 12, "M": 1, "DE": 120}


@normaliser
def duration(hit: Hit) -> Result | None:
    """three years / the past two months / a two-day visit / more than four hours -> P3Y, P2M, P2D, PT4H."""
    n = parse_quantity(hit.lex, hit.g("qty"))
    code = hit.lex.get("unit", hit.g("unit"))
    if n is None or code is None or n == 0:
        return None
    if hit.g("half") and not isinstance(n, str):  # "a minute and a half"
        n += 0.5
    if _AGE.match(hit.text, hit.end):  # "a 45-year-old", "three years old": ages are not tagged
        return None
    if isinstance(n, int) and n >= 1000 and not (hit.g("unit") or "").lower().endswith("s"):
        return None  # "the 1988 quarter" names a period, it is no duration
    value = duration_value(n, code)
    qty = normalise_key(hit.g("qty") or "")
    if qty in ("a", "an") and code in ("S", "Q"):  # "a second time", "a quarter of the staff"
        return None
    if code == "Q" and hit.text[hit.end : hit.end + 3] == " of":  # "three-quarters of its food"
        return None
    if qty in ("a", "an") and not hit.g("span") and not hit.g("mod"):
        before = hit.text[max(0, hit.start - 30) : hit.start]
        if _SET_BEFORE.search(before):  # "twice a week"
            return "SET", value, None
        if _AMOUNT_BEFORE.search(before):  # "$500 million a year", "four flights a week": a rate
            return None
    return None, value, hit.mod("mod_quantity")


@normaliser
def vague_duration(hit: Hit) -> Result | None:
    """years / the past few months / recent weeks / decades -> PXY, PXM, PXW, PXDE."""
    code = hit.lex.get("unit", hit.g("unit"))
    if code is None or _AGE.match(hit.text, hit.end):
        return None
    reference = hit.lex.get("reference", hit.text[hit.start : hit.end])
    if reference:  # "recent years", "the coming months": the lexicon lists them as vague references
        return "DATE", reference, None
    return None, duration_value("X", code), hit.mod("mod_quantity")


@normaliser
def reference(hit: Hit) -> Result | None:
    """now / currently / recently / the future -> PRESENT_REF, PAST_REF, FUTURE_REF."""
    value = hit.lex.get("reference", hit.g("ref"))
    # "as soon as he arrives", "soon after the attack" relate to an event, not to the DCT
    is_soon = normalise_key(hit.g("ref") or "") == "soon"
    if is_soon and hit.word_after().lower() in ("as", "after", "thereafter"):
        return None
    return (None, value, None) if value else None


@normaliser
def decade(hit: Hit) -> Result | None:
    """the 1990s / the '80s / the nineties / the early 2000s -> 199, 198, 199, 200 (mod START)."""
    mod = hit.lex.get("mod_point", hit.g("mod")) or hit.lex.get("mod_point", hit.g("mod2"))
    if hit.g("dec"):
        return None, (hit.g("dec") or "")[:3], mod
    if hit.g("dec2"):
        two = int(hit.g("dec2") or 0)
        century = hit.day.year // 100 - (1 if two > hit.day.year % 100 else 0)
        return None, f"{century:02d}{two // 10}", mod
    value = hit.lex.get("decade_word", hit.g("decword"))
    return (None, value, mod) if value else None


@normaliser
def century(hit: Hit) -> Result | None:
    """the 20th century / the twenty-first century -> 19, 20."""
    n = day_number(hit.g("ord")) if hit.g("ord") else None
    if n is None:
        word = hit.lex.get("century_ordinal", hit.g("ordw"))
        n = int(word) if word else None
    if not n:
        return None
    return None, f"{n - 1:02d}", hit.mod()


@normaliser
def quarter(hit: Hit) -> Result | None:
    """the third quarter / Q3 2020 / fourth-quarter / the first quarter of 1990 (of last year) -> YYYY-Qn."""
    n = hit.lex.get("ordinal", hit.g("ord")) or hit.g("qn")
    if n is None:
        return None
    year_text = hit.g("year") or hit.g("year2")
    if year_text:
        year = int(year_text)
    elif hit.g("yrel") or hit.g("yrel2"):  # "next year's first quarter", "the third quarter of last year"
        year = hit.day.year + (direction(hit.lex, hit.g("yrel") or hit.g("yrel2")) or 0)
    else:
        year = _quarter_year(hit.day, int(n), hit.tense())
    return None, f"{year:04d}-Q{int(n)}", hit.mod()


def _quarter_year(today: dt.date, number: int, tense: str | None) -> int:
    """The year of a quarter named without one: business news reports the DCT's year's quarters, except a
    quarter not yet begun that the clause puts in the past ("fourth-quarter profit fell", in January)."""
    ahead = number - anchor.quarter_of(today)
    if ahead > 0 and (tense == "past" or (tense is None and ahead >= 3)):
        return today.year - 1
    return today.year


@normaliser
def half_year(hit: Hit) -> Result | None:
    """the first half of 2020 / the second half of this year -> 2020-H1."""
    n = "2" if normalise_key(hit.g("ord") or "") == "last" else hit.lex.get("ordinal", hit.g("ord"))
    if n not in ("1", "2"):
        return None
    written = hit.g("year")
    year = int(written) if written else hit.day.year + (direction(hit.lex, hit.g("yrel")) or 0)
    return None, f"{year:04d}-H{n}", hit.mod()


@normaliser
def season(hit: Hit) -> Result | None:
    """this summer / last fall / winter 2019 / the early summer -> YYYY-SU etc."""
    code = hit.lex.get("season", hit.g("season"))
    if code is None:
        return None
    dir_value = direction(hit.lex, hit.g("dir"))
    if (hit.lex.needs_capital("season", hit.g("season") or "") and dir_value is None and not hit.g("year")
            and not hit.g("yearw")
            and not hit.g("mod") and not hit.g("in")):
        return None  # bare "fall", "spring" are usually not seasons
    if hit.g("in") and not hit.g("year") and not hit.g("yearw") and hit.word_after().lower() == "of":
        return None  # "the fall of Rome"
    if (hit.g("in") and not hit.g("year") and not hit.g("yearw") and not hit.g("mod")
            and normalise_key(hit.g("season") or "") in _NOUN_SEASONS
            and hit.word_before().lower() not in _SEASON_PREPOSITIONS):
        return None  # "took the fall", "the fall in the unemployment rate": a word, no season
    today = hit.day
    written = written_year(hit)
    if written is not None:
        year = written
    elif dir_value is None and code != "WI":
        year = _season_year_by_tense(today, code, hit.tense())
    elif dir_value is None or dir_value == 0:
        year = today.year
    elif dir_value < 0 and "this" not in normalise_key(hit.g("dir") or ""):
        year = today.year - 1  # "last spring" in October: TimeBank reads it as the year before's
    elif dir_value < 0:  # "this past spring": the latest one that has ended
        start = anchor.SEASON_START_MONTH[code]
        now = (today.year, today.month)
        ended = [y for y in (today.year, today.year - 1) if anchor.shift_month(y, start, 3) <= now]
        year = ended[0] if ended else today.year - 2
    else:
        year = today.year if anchor.SEASON_START_MONTH[code] > today.month else today.year + 1
    return None, f"{year:04d}-{code}", hit.mod()


# Seasons whose word is also a common noun: a season only after a preposition of time ("in the fall").
_NOUN_SEASONS = frozenset({"fall", "spring"})
_SEASON_PREPOSITIONS = frozenset(
    {"in", "during", "by", "until", "till", "since", "over", "through", "throughout", "before", "after",
     "for", "from", "into", "this", "that", "next", "last", "late", "early", "mid", "of"}
)


def _season_year_by_tense(today: dt.date, code: str, tense: str | None) -> int:
    """The year of a bare season ("in the summer"): this year's, but the next one's when the clause looks
    ahead and this year's has ended ("goes on sale in the summer", told in November), and last year's when it
    looks back and this year's has not begun ("was hot in the summer", told in March). Winter, which spans
    two years, stays this year's."""
    start = anchor.SEASON_START_MONTH[code]
    if tense == "future" and anchor.shift_month(today.year, start, 3) <= (today.year, today.month):
        return today.year + 1
    if tense == "past" and start > today.month:
        return today.year - 1
    return today.year


@normaliser
def year(hit: Hit) -> Result | None:
    """1998 / fiscal 1989 / mid-1996 / 1994 or later / nineteen ninety-six -> the year."""
    number = written_year(hit)
    if number is None:
        return None
    text = f"{number:04d}"
    mod = hit.mod()
    after = normalise_key(hit.g("after") or "")
    if after:
        mod = "ON_OR_AFTER" if ("later" in after or "beyond" in after) else "ON_OR_BEFORE"
    return None, text, mod


@normaliser
def named_day(hit: Hit) -> Result | None:
    """"The Sept. 11 attacks": the one day of history the words name (lexicon.yaml `named_day`)."""
    value = hit.lex.get("named_day", hit.g("named"))
    return (None, value, None) if value else None


@normaliser
def holiday(hit: Hit) -> Result | None:
    """Christmas / last Thanksgiving / Easter 2019: the holiday's day in the year the context gives."""
    spec = hit.lex.get("holiday", hit.g("holiday"))
    if spec is None or not (hit.g("holiday") or "")[:1].isupper():
        return None
    today = hit.day
    candidates = [anchor.holiday_date(spec, y) for y in (today.year - 1, today.year, today.year + 1)]
    dir_value = direction(hit.lex, hit.g("dir"))
    if hit.g("year"):
        day = anchor.holiday_date(spec, int(hit.g("year") or 0))
    elif hit.g("yrel"):  # "Thanksgiving last year"
        day = anchor.holiday_date(spec, today.year + (direction(hit.lex, hit.g("yrel")) or 0))
    elif (set_before := hit.year_just_before()) and dir_value is None:  # "Last year, on Easter Sunday"
        day = anchor.holiday_date(spec, set_before)
    elif (after := _YEAR_AFTER_RE.match(hit.text, hit.end)) and dir_value is None:
        day = anchor.holiday_date(spec, int(after.group(1)))  # "on the Christmas weekend back in 2011"
    elif dir_value is not None and dir_value < 0:
        day = max(c for c in candidates if c < today)
    elif dir_value is not None and dir_value > 0:
        day = min(c for c in candidates if c > today)
    else:
        tense = hit.tense()
        if hit.word_before().lower() in _WHEN_IT_HAPPENED and tense in _SIDES:
            # "killed nine people on Easter Sunday", told a week before this year's: the holiday a year
            # apart on the tense's side ("for Christmas", "before Easter" look ahead whatever the tense)
            sided = [c for c in candidates if c == today or (c < today) == (tense == "past")]
            candidates = sided or candidates
        day = date_by_tense(candidates, today, tense)
    if hit.g("weekend"):
        # "Thanksgiving weekend", "Memorial Day weekend": the weekend next to the holiday (a Monday's is the
        # one before it, a Sunday's the one it ends)
        back = {0: 2, 6: 1}.get(day.weekday())
        saturday = day - dt.timedelta(days=back) if back else day + dt.timedelta(days=(5 - day.weekday()) % 7)
        year, week, _ = saturday.isocalendar()
        return None, f"{year}-W{week:02d}-WE", None
    return None, anchor.fmt_date(day), None


_WHEN_IT_HAPPENED = frozenset({"on", "at", "over", "during"})
_YEAR_AFTER_RE = re.compile(r"\s+(?:back\s+)?in\s+((?:1[89]|20)\d\d)\b")
_SIDES = frozenset({"past", "future"})


@normaliser
def set_every(hit: Hit) -> Result | None:
    """every week / each Thursday / every two years / each July / every morning -> SET values."""
    n = parse_quantity(hit.lex, hit.g("qty")) if hit.g("qty") else 1
    if hit.g("unit"):
        code = hit.lex.get("unit", hit.g("unit"))
        if code is None or n is None:
            return None
        return None, duration_value(n, code), None
    if hit.g("weekday"):
        return None, f"XXXX-WXX-{hit.lex.get('weekday', hit.g('weekday'))}", None
    if hit.g("month"):
        month = month_number(hit.lex, hit.g("month"))
        return None, f"XXXX-{month:02d}", None
    if hit.g("pod"):
        return None, f"XXXX-XX-XXT{hit.lex.get('part_of_day', hit.g('pod'))}", None
    if hit.g("season"):
        code = hit.lex.get("season", hit.g("season"))
        return None, f"XXXX-{code}" if code else "P1Y", None
    return None


@normaliser
def set_word(hit: Hit) -> Result | None:
    """daily / weekly / annually -> P1D, P1W, P1Y."""
    value = hit.lex.get("set_word", hit.g("word"))
    return (None, value, None) if value else None


@normaliser
def set_weekday(hit: Hit) -> Result | None:
    """on Mondays / Tuesday nights -> XXXX-WXX-1, XXXX-WXX-2TNI."""
    number = hit.lex.get("weekday_plural", hit.g("weekdays")) or hit.lex.get("weekday", hit.g("weekday"))
    if number is None:
        return None
    pod = hit.lex.get("part_of_day", hit.g("pod"))
    return None, f"XXXX-WXX-{number}" + (f"T{pod}" if pod else ""), None


@normaliser
def year_period(hit: Hit) -> Result | None:
    """the 1988 period / the 1989 third quarter / the 1988 fiscal year -> 1988-Q3, 1989-Q3, 1988."""
    year = int(hit.g("year") or 0)
    unit = normalise_key(hit.g("unit") or "")
    n = hit.lex.get("ordinal", hit.g("ord"))
    if n:
        return None, f"{year:04d}-Q{n}", None
    if unit in ("quarter", "period"):
        quarter_before = hit.recent_value(_QUARTER_VALUE)
        last_closed = anchor.shift_quarter(hit.day.year, anchor.quarter_of(hit.day), -1)[1]
        q = quarter_before[-1] if quarter_before else str(last_closed)
        return None, f"{year:04d}-Q{q}", None
    return None, f"{year:04d}", None


@normaliser
def reporting_period(hit: Hit) -> Result | None:
    """the quarter / the latest period / the year / the week / the weekend, as business news uses them.

    "The quarter" in a report is the one last closed; "the year ended March 31" is a fiscal year (P1Y).
    """
    unit = normalise_key(hit.g("unit") or "")
    which = normalise_key(hit.g("dir") or "")
    day = hit.day
    if unit == "period" and which == "same":
        # "41 ferries in the 1990s ... During the same period, ...": the period named last
        named = _antecedent(hit, _PERIOD_VALUE)
        if named:
            return None, named, None
    if unit in ("quarter", "period"):
        named = reported_quarter(hit) if not which else None
        if named:  # "fiscal first-quarter net rose ... in the quarter": the quarter just named
            return None, named, None
        if unit == "period" and not which:
            # No quarter named before: "0-for-9 from three-point range in the period" (a game's), "the period
            # between Tuesday and Election Day" are no quarter of a company's year.
            return None
        delta = 0 if which == "current" else -1
        year, q = anchor.shift_quarter(day.year, anchor.quarter_of(day), delta)
        return None, f"{year:04d}-Q{q}", None
    if unit == "year":
        if re.match(r"\s+(?:ended|ending|through|to\s+date)\b", hit.text[hit.end : hit.end + 20]):
            return "DURATION", "P1Y", None
        return None, f"{day.year:04d}", None
    if unit == "week":
        return None, anchor.iso_week(day), None
    saturday = anchor.resolve_weekday(day, 6, 1 if hit.tense() == "future" else -1)
    return None, anchor.iso_week(saturday) + "-WE", None


@normaliser
def year_ago_adjective(hit: Hit) -> Result | None:
    """year-earlier / the year-ago quarter: the same period a year before (quarter: the last one closed)."""
    day = hit.day
    quarter_before = reported_quarter(hit)
    if quarter_before:
        return None, f"{int(quarter_before[:4]) - 1:04d}{quarter_before[4:]}", None
    if hit.g("unit"):
        year, q = anchor.shift_quarter(day.year, anchor.quarter_of(day), -5)
        return None, f"{year:04d}-Q{q}", None
    return None, f"{day.year - 1:04d}", None


_ANTECEDENT_WINDOW = 2000  # characters back in which "that year" finds the year it refers to
_ANTECEDENT_SHAPE = {
    "day": DAY_VALUE,
    "week": re.compile(r"\d{4}-(?:\d{2}-\d{2}|W\d{2})"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "quarter": re.compile(r"\d{4}-(?:\d{2}|Q[1-4])"),
    "year": re.compile(r"\d{4}"),
}
# what "the same period" may refer back to: a decade, a year, a half, a quarter or a month
_PERIOD_VALUE = re.compile(r"\d{3,4}(?:-(?:[QH]\d|\d{2})(?!-))?(?![\d-])")
_ANAPHORIC_SHIFT = {
    "following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1,
}


def _antecedent(hit: Hit, shape: re.Pattern[str]) -> str | None:
    """The value of the nearest expression before the match whose value starts with `shape`."""
    for timex in reversed(hit.previous):
        if timex.end < hit.start - _ANTECEDENT_WINDOW:
            break
        m = shape.match(timex.value)
        if m:
            return m.group()
    return None


def _shift_value(value: str, unit: str, delta: int) -> str:
    """Move a DATE value of the unit's precision by `delta` units: ("1998-10", "month", 1) -> "1998-11"."""
    if unit == "year":
        return f"{int(value[:4]) + delta:04d}"
    if unit == "quarter":
        year, q = int(value[:4]), int(value[-1]) if "Q" in value else (int(value[5:7]) - 1) // 3 + 1
        return "{:04d}-Q{}".format(*anchor.shift_quarter(year, q, delta))
    if unit == "month":
        return anchor.fmt_month(*anchor.shift_month(int(value[:4]), int(value[5:7]), delta))
    if unit == "week" and "W" in value:
        monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        return anchor.iso_week(monday + dt.timedelta(weeks=delta))
    day = dt.date.fromisoformat(value[:10])
    if unit == "week":
        return anchor.iso_week(day + dt.timedelta(weeks=delta))
    return anchor.fmt_date(day + dt.timedelta(days=delta))


@normaliser
def anaphoric(hit: Hit) -> Result | None:
    """that year / the following month / the next morning / earlier that day: relative to the period named
    last before it, else to the DCT."""
    ref = normalise_key(hit.g("ref") or "").split()[-1]
    unit = normalise_key(hit.g("unit") or "")
    if ref == "that" and unit == "day" and not hit.g("mod"):
        return None  # a bare "that day" is left untagged, as TimeBank annotators did
    pod = hit.lex.get("part_of_day", unit) if unit not in _ANTECEDENT_SHAPE else None
    if ref == "next" and pod is None and unit != "day" and not _narrated_from(hit, unit):
        return None  # "the next year" counts from the DCT (date.relative_unit) or is a span
    if pod and ref == "that":
        return None  # "that night" with no day named stays out
    value = _referred_value(hit, "day" if pod else unit, ref)
    if pod:
        return "TIME", f"{value}T{pod}", hit.mod()
    return None, value, hit.mod()


def _referred_value(hit: Hit, key: str, ref: str) -> str:
    """The period of `key`'s precision named last before the match (else the DCT's), moved by `ref`
    ("following" +1, "previous" -1, "same" 0)."""
    base = _antecedent(hit, _QUARTER_VALUE) if key == "quarter" else None  # a quarter named outright first
    base = base or _antecedent(hit, _ANTECEDENT_SHAPE[key])
    if base is None:
        today = hit.day
        base = {"year": f"{today.year:04d}", "quarter": f"{today.year:04d}-Q{anchor.quarter_of(today)}",
                "month": anchor.fmt_month(today.year, today.month)}.get(key, anchor.fmt_date(today))
    return _shift_value(base, key, _ANAPHORIC_SHIFT.get(ref, 0))


def _narrated_from(hit: Hit, unit: str) -> bool:
    """"(In August 2016 ...) The next year, they released a video": a past narrative going on from a period
    it named counts from that period, not from the DCT."""
    if unit not in _ANTECEDENT_SHAPE or hit.tense() != "past":
        return False
    return _antecedent(hit, _ANTECEDENT_SHAPE[unit]) is not None


@normaliser
def part_of_day(hit: Hit) -> Result | None:
    """mid-afternoon yesterday / late morning / early evening Tuesday -> 1989-11-01TAF (default: the DCT);
    late morning the next day: of the day after the one named last."""
    pod = hit.lex.get("part_of_day", hit.g("pod"))
    if pod is None:
        return None
    if ref := hit.g("ref"):
        return "TIME", f"{_referred_value(hit, 'day', normalise_key(ref).split()[-1])}T{pod}", hit.mod()
    if hit.g("weekday"):
        day = weekday_date(hit, int(hit.lex.get("weekday", hit.g("weekday")) or 1), None)
    else:
        spec = hit.lex.get("day_word", hit.g("dayword")) or "0"
        day = hit.day + dt.timedelta(days=day_offset(spec))
    return "TIME", f"{anchor.fmt_date(day)}T{pod}", hit.mod()


@normaliser
def week_of(hit: Hit) -> Result | None:
    """the week of March 6 -> the ISO week containing that day (2000-W10)."""
    result = explicit_date(hit) if hit.g("year") else month_day(hit)
    if result is None or not DAY_VALUE.fullmatch(result[1]):
        return None
    return None, anchor.iso_week(dt.date.fromisoformat(result[1])), None
