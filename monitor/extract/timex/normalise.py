"""Normalisers: turn one rule match into a TIMEX3 (type, value, mod), anchored to the DCT.

Each rule in rules.yaml names one function here (`norm:`). A normaliser returns None to reject the
match (e.g. "May" in "Theresa May"), and the tagger then tries the next rule at that position.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from monitor.extract.timex import anchor
from monitor.extract.timex.rules import TimexVocabulary, normalise_key
from monitor.extract.timex.tense import clause_tense

Result = tuple[str | None, str, str | None]  # (type or None for the rule's default, value, mod)
NORMALISERS: dict[str, Callable[[Hit], Result | None]] = {}

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'.-]*)[ \t]*$")
_WORD_AFTER = re.compile(r"^[ \t]*([A-Za-z][\w'-]*)")
_AGE = re.compile(r"(?:-|\s+)olds?\b", re.IGNORECASE)
_SET_BEFORE = re.compile(r"\b(?:once|twice|thrice|times|per)\s*$", re.IGNORECASE)
_TIME_UNITS = {"S": "S", "TM": "M", "H": "H"}
_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
_DERIVED = re.compile(r"\b(?:ago|earlier|later|before|after)\b|year-", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|percent|cents?|dollars|shares|units|seats|flights|tons))\W*$",
    re.IGNORECASE,
)
_RECENT_WINDOW = 400  # characters back in which an earlier expression sets the granularity


def _reported_quarter(hit: Hit) -> str | None:
    """The quarter a report is about, if one was named shortly before and lies within a year of the DCT
    ("third-quarter profit rose from a year ago"); "the 1988 period" is itself a comparison, no report."""
    value = hit.recent_value(_QUARTER_VALUE)
    if value is None:
        return None
    current = hit.day.year * 4 + anchor.quarter_of(hit.day)
    named = int(value[:4]) * 4 + int(value[-1])
    return value if -4 <= named - current <= 1 else None


@dataclass(slots=True)
class Hit:
    """A rule match as the normalisers see it: its groups, the text around it and the DCT."""

    text: str
    start: int
    end: int
    groups: dict[str, str]
    dct: dt.datetime
    lex: TimexVocabulary
    params: dict[str, Any]
    previous: list[Any] = field(default_factory=list)  # the Timex objects found before this one
    _tense: str | None | bool = field(default=False)

    @property
    def day(self) -> dt.date:
        return self.dct.date()

    def g(self, name: str) -> str | None:
        return self.groups.get(name)

    def tense(self) -> str | None:
        """'past', 'future' or None for the clause around the match (computed once)."""
        if self._tense is False:
            own = {w.lower() for w in re.findall(r"[A-Za-z']+", self.text[self.start : self.end])}
            self._tense = clause_tense(
                self.text, self.start, self.end,
                self.lex.words("tense_future"), self.lex.words("tense_past"), own,
                self.lex.words("tense_preposition"),
            )
        return self._tense  # type: ignore[return-value]

    def recent_value(self, shape: re.Pattern[str]) -> str | None:
        """The value of the last expression written out shortly before this one, if it has `shape`.

        Expressions that are themselves relative to another ("a year earlier") are passed over.
        """
        for timex in reversed(self.previous):
            if timex.end < self.start - _RECENT_WINDOW:
                break
            if _DERIVED.search(timex.text):
                continue
            if shape.fullmatch(timex.value):
                return timex.value
        return None

    def mod(self, cls: str = "mod_point") -> str | None:
        return self.lex.get(cls, self.g("mod"))

    def word_before(self) -> str:
        m = _WORD_BEFORE.search(self.text, max(0, self.start - 40), self.start)
        return m.group(1) if m else ""

    def word_after(self) -> str:
        m = _WORD_AFTER.match(self.text[self.end : self.end + 40])
        return m.group(1) if m else ""

    def capitalised_ok(self, cls: str, group: str) -> bool:
        """False when the group's word counts only capitalised ("May") and is written otherwise."""
        surface = self.g(group)
        if surface is None or not self.lex.needs_capital(cls, surface):
            return True
        return surface[:1].isupper()


def normaliser(func: Callable[[Hit], Result | None]) -> Callable[[Hit], Result | None]:
    NORMALISERS[func.__name__] = func
    return func


# ---------------------------------------------------------------- small readers


def parse_quantity(lex: TimexVocabulary, surface: str | None) -> float | str | None:
    """A quantity as a number, "X" for vague ones ("several"), or None: "twenty-four" -> 24."""
    if surface is None:
        return None
    key = normalise_key(surface).replace(",", "")
    half = re.fullmatch(r"(.+?)(?:[\s-]+1/2|\s+and\s+a\s+half)", key)
    if half:  # "5 1/2", "two and a half"
        whole = parse_quantity(lex, half.group(1))
        return whole + 0.5 if isinstance(whole, int | float) else None
    if re.fullmatch(r"\d+(?:\.\d+)?", key):
        return float(key) if "." in key else int(key)
    if lex.get("vague_number", key) is not None:
        return "X"
    value = lex.get("number", key)
    if value is not None:
        return int(value)
    parts = re.split(r"[\s-]+", key)
    if len(parts) == 2 and lex.get("tens", parts[0]) and lex.get("digit_word", parts[1]):
        return int(lex.get("tens", parts[0]) or 0) + int(lex.get("digit_word", parts[1]) or 0)
    return None


def spelled_year(lex: TimexVocabulary, surface: str | None) -> int | None:
    """A year read out in words: "nineteen ninety-six" -> 1996, "nineteen oh five" -> 1905,
    "two thousand" -> 2000, "two thousand and one" -> 2001."""
    if surface is None:
        return None
    words = re.split(r"[\s-]+", normalise_key(surface))
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        if not rest:
            return 2000
        return 2000 + int(lex.get("teen_word", rest[0]) or lex.get("digit_word", rest[0]) or 0)
    century = {"eighteen": 1800, "nineteen": 1900}.get(words[0])
    rest = words[1:]
    if century is None or not rest:
        return None
    if rest == ["hundred"]:
        return century
    if rest[0] == "oh" and len(rest) == 2:
        return century + int(lex.get("digit_word", rest[1]) or 0)
    if len(rest) == 1 and lex.get("teen_word", rest[0]):
        return century + int(lex.get("teen_word", rest[0]) or 0)
    tens = lex.get("tens", rest[0])
    if tens is None:
        return None
    unit = int(lex.get("digit_word", rest[1]) or 0) if len(rest) > 1 else 0
    return century + int(tens) + unit


def written_year(hit: Hit) -> int | None:
    """The year of the match, in digits (group `year`) or in words (group `yearw`)."""
    if hit.g("year"):
        return int(hit.g("year") or 0)
    return spelled_year(hit.lex, hit.g("yearw"))


def month_number(lex: TimexVocabulary, surface: str | None) -> int | None:
    if surface is None:
        return None
    if surface.isdigit():
        return int(surface)
    value = lex.get("month", surface) or lex.get("month_abbr", surface)
    return int(value) if value else None


def day_number(surface: str | None) -> int | None:
    if surface is None:
        return None
    digits = re.match(r"\d+", surface)
    return int(digits.group()) if digits else None


def direction(lex: TimexVocabulary, surface: str | None) -> int | None:
    value = lex.get("direction", surface)
    return int(value) if value is not None else None


def fmt_number(n: float | int | str) -> str:
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    return str(n)


_SMALLER_UNIT = {
    "Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "TM"), "TM": (60, "S"),
}


def _join_durations(first: str | None, second: str) -> str:
    """P2Y + P6M -> P2Y6M, PT5H + PT30M -> PT5H30M, P1D + PT12H -> P1DT12H."""
    if first is None:
        return second
    if second.startswith("PT") and first.startswith("PT"):
        return first + second[2:]
    return first + second[1:]


def duration_value(n: float | int | str, code: str) -> str:
    """TIMEX3 duration for n units of a lexicon unit code: (3, "Y") -> P3Y, ("X", "M") -> PXM,
    (2.5, "Y") -> P2Y6M, (5.5, "H") -> PT5H30M (a fraction is written in the next smaller unit)."""
    if isinstance(n, float) and not n.is_integer() and code in _SMALLER_UNIT:
        factor, smaller = _SMALLER_UNIT[code]
        rest = (n - int(n)) * factor
        if rest.is_integer():
            whole = duration_value(int(n), code) if int(n) else None
            return _join_durations(whole, duration_value(int(rest), smaller))
    if code in _TIME_UNITS:
        return f"PT{fmt_number(n)}{_TIME_UNITS[code]}"
    if n == "X":
        return {"WE": "PXWE", "2W": "PXW"}.get(code, f"PX{code}")
    scale = {"2W": (2, "W"), "WE": (2, "D"), "DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y")}
    factor, designator = scale.get(code, (1, code))
    return f"P{fmt_number(float(n) * factor)}{designator}"


_AGAINST_TENSE_DAYS = 120  # how far a date that fits the tense may lie beyond one that does not


def _date_by_tense(candidates: list[dt.date], ref: dt.date, tense: str | None) -> dt.date:
    """The candidate nearest to `ref`, where one on the wrong side of the tense counts as 120 days further.

    News dates lie close to the DCT, and a clause's tense may belong to another verb ("declared a
    dividend payable Dec. 15"), so the tense only decides between candidates of similar distance.
    """

    def cost(c: dt.date) -> tuple[int, bool]:
        against = (tense == "past" and c > ref) or (tense == "future" and c < ref)
        return abs((c - ref).days) + (_AGAINST_TENSE_DAYS if against else 0), c < ref

    return min(candidates, key=cost)


_MONTH_AGAINST_TENSE_DAYS = 330
_MONTH_NO_TENSE_DAYS = 150  # with no cue a month name leans to the past: news reports what happened


def _month_year_by_tense(today: dt.date, month: int, tense: str | None) -> int:
    """The year of a month named alone: the nearest, a month against the clause's tense (or, with no
    cue, in the future) counting as further away."""
    ref = dt.date(today.year, today.month, 1)

    def cost(year: int) -> int:
        first = dt.date(year, month, 1)
        distance = abs((first - ref).days)
        if (tense == "past" and first > ref) or (tense == "future" and first < ref):
            distance += _MONTH_AGAINST_TENSE_DAYS
        elif tense is None and first > ref:
            distance += _MONTH_NO_TENSE_DAYS
        return distance

    return min((today.year - 1, today.year, today.year + 1), key=cost)


def _with_part_of_day(hit: Hit, day: dt.date, mod: str | None) -> Result:
    pod = hit.lex.get("part_of_day", hit.g("pod"))
    if pod:
        return "TIME", f"{anchor.fmt_date(day)}T{pod}", mod
    return None, anchor.fmt_date(day), mod


def _weekday_date(hit: Hit, weekday: int, dir_value: int | None) -> dt.date:
    if dir_value is not None and dir_value != 0:
        return anchor.resolve_weekday(hit.day, weekday, dir_value, strict=True)
    if dir_value == 0:  # "this Monday": the one of the current week, else the coming one
        return anchor.resolve_weekday(hit.day, weekday, 1)
    tense = hit.tense()
    return anchor.resolve_weekday(hit.day, weekday, 1 if tense == "future" else -1)


# ---------------------------------------------------------------- normalisers


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
    return _with_part_of_day(hit, date, hit.mod())


@normaliser
def month_day(hit: Hit) -> Result | None:
    """A month and day without a year: the year comes from the weekday if given, else the clause's tense."""
    month = month_number(hit.lex, hit.g("month"))
    day = day_number(hit.g("day"))
    if month is None or day is None or not (hit.g("month") or "")[:1].isupper():
        return None
    weekday = hit.lex.get("weekday", hit.g("weekday"))
    candidates = []
    for year in (hit.day.year - 1, hit.day.year, hit.day.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:  # Feb 29 outside leap years
            continue
    if not candidates:
        return None
    if weekday:
        matching = [c for c in candidates if c.isoweekday() == int(weekday)]
        candidates = matching or candidates
    return _with_part_of_day(hit, _date_by_tense(candidates, hit.day, hit.tense()), hit.mod())


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
    if hit.lex.needs_capital("month", surface) and not hit.g("dir") and not hit.g("mod"):
        before, after = hit.word_before(), hit.word_after()
        # "Theresa May", "May Day": a capitalised neighbour that is no temporal word makes it a name
        if (before[:1].isupper() and before.lower() not in _SENTENCE_OPENERS) or after[:1].isupper():
            return None
    dir_value = direction(hit.lex, hit.g("dir"))
    today = hit.day
    if dir_value is None:
        year = _month_year_by_tense(today, month, hit.tense())
    elif dir_value < 0:
        year = today.year if month < today.month else today.year - 1
    elif dir_value > 0 and "next" in (hit.g("dir") or "").lower():
        year = today.year if month > today.month else today.year + 1
    elif dir_value > 0:
        year = today.year if month >= today.month else today.year + 1
    else:
        year = today.year
    return None, anchor.fmt_month(year, month), hit.mod()


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
    day = _weekday_date(hit, int(number), direction(hit.lex, hit.g("dir")))
    return _with_part_of_day(hit, day, hit.mod())


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
        day = _weekday_date(hit, int(number or 1), None)
    elif hit.g("dayword"):
        spec = hit.lex.get("day_word", hit.g("dayword")) or "0"
        day = hit.day + dt.timedelta(days=int(re.match(r"-?\d+", spec).group()))  # type: ignore[union-attr]
    elif hit.g("month") and hit.g("day"):
        month, number = month_number(hit.lex, hit.g("month")), day_number(hit.g("day"))
        if month is None or number is None:
            return None
        year = anchor.nearest_year(hit.day, month, number, hit.tense())
        day = dt.date(year, month, number)
    else:
        day = _day_of_clock(hit)
    return "TIME", f"{anchor.fmt_date(day)}T{clock}", hit.mod()


_DAY_AFTER_CLOCK = re.compile(
    r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?,?[ \t]*(?:on[ \t]+)?"
    r"(?:(?P<weekday>[A-Z][a-z]+day)|(?P<dayword>today|yesterday|tomorrow|tonight)"
    r"|(?P<month>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day>[0-9]{1,2}))(?![\w])"
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d]*\s+[A-Z\u201c\"`]")
_SAME_SENTENCE_CHARS = 150


def _day_of_clock(hit: Hit) -> dt.date:
    """The day of a bare clock time: a day written right after it ("4:17 a.m. on Monday", "10:35 a.m.
    (0735 GMT) Friday"), else a day named earlier in the same sentence, else the DCT's."""
    m = _DAY_AFTER_CLOCK.match(hit.text, hit.end, hit.end + 60)
    if m:
        weekday = hit.lex.get("weekday", m.group("weekday"))
        if weekday:
            return _weekday_date(hit, int(weekday), None)
        spec = hit.lex.get("day_word", m.group("dayword"))
        if spec:
            return hit.day + dt.timedelta(days=int(re.match(r"-?\d+", spec).group()))  # type: ignore[union-attr]
        month, number = month_number(hit.lex, m.group("month")), day_number(m.group("day"))
        if month is not None and number is not None and 1 <= number <= 31:
            year = anchor.nearest_year(hit.day, month, min(number, 28), hit.tense())
            try:
                return dt.date(year, month, number)
            except ValueError:
                pass
    for timex in reversed(hit.previous):
        too_far = timex.end < hit.start - _SAME_SENTENCE_CHARS
        if too_far or _SENTENCE_BREAK.search(hit.text, timex.end, hit.start):
            break
        if _DAY_VALUE.match(timex.value):
            return dt.date.fromisoformat(timex.value[:10])
    return hit.day


@normaliser
def relative_unit(hit: Hit) -> Result | None:
    """last week / this month / next year / the past year / earlier this week / the end of the year."""
    dir_value = direction(hit.lex, hit.g("dir"))
    if dir_value is None:
        dir_value = 0
    unit = normalise_key(hit.g("unit") or "")
    day = hit.day
    mod = hit.mod()
    if unit in ("week", "weekend"):
        value = anchor.iso_week(day + dt.timedelta(weeks=dir_value))
        return None, value + ("-WE" if unit == "weekend" else ""), mod
    if unit == "month":
        return None, anchor.fmt_month(*anchor.shift_month(day.year, day.month, dir_value)), mod
    if unit == "quarter":
        year, quarter = anchor.shift_quarter(day.year, anchor.quarter_of(day), dir_value)
        return None, f"{year:04d}-Q{quarter}", mod
    if unit in ("year", "fiscal year", "calendar year"):
        return None, f"{day.year + dir_value:04d}", mod
    if unit == "decade":
        return None, f"{day.year // 10 + dir_value:03d}", mod
    if unit == "century":
        return None, f"{day.year // 100 + dir_value:02d}", mod
    if unit in ("day",):
        return None, anchor.fmt_date(day + dt.timedelta(days=dir_value)), mod
    return None


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
    quarter_before = _reported_quarter(hit) if code == "Y" and n == 1 else None
    if quarter_before:  # "third-quarter profit rose from a year ago": the same quarter a year before
        return None, f"{int(quarter_before[:4]) + sign:04d}{quarter_before[4:]}", mod
    steps = sign * float(n)
    whole = int(steps)
    if whole != steps and code in ("Y", "M"):
        code, steps, whole = "M", steps * (12 if code == "Y" else 1), int(steps * (12 if code == "Y" else 1))
    day, now = hit.day, hit.dct
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
    """the third quarter / Q3 2020 / fourth-quarter / the first quarter of 1990 -> YYYY-Qn."""
    n = hit.lex.get("ordinal", hit.g("ord")) or hit.g("qn")
    if n is None:
        return None
    year_text = hit.g("year") or hit.g("year2")
    if year_text:
        year = int(year_text)
    elif hit.g("yrel"):
        year = hit.day.year + (direction(hit.lex, hit.g("yrel")) or 0)
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
    year = int(hit.g("year")) if hit.g("year") else hit.day.year + (direction(hit.lex, hit.g("yrel")) or 0)
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
    today = hit.day
    written = written_year(hit)
    if written is not None:
        year = written
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
def holiday(hit: Hit) -> Result | None:
    """Christmas / last Thanksgiving / Easter 2019: the holiday's day in the year the context gives."""
    spec = hit.lex.get("holiday", hit.g("holiday"))
    if spec is None or not (hit.g("holiday") or "")[:1].isupper():
        return None
    if hit.g("year"):
        return None, anchor.fmt_date(anchor.holiday_date(spec, int(hit.g("year") or 0))), None
    today = hit.day
    candidates = [anchor.holiday_date(spec, y) for y in (today.year - 1, today.year, today.year + 1)]
    dir_value = direction(hit.lex, hit.g("dir"))
    if dir_value is not None and dir_value < 0:
        return None, anchor.fmt_date(max(c for c in candidates if c < today)), None
    if dir_value is not None and dir_value > 0:
        return None, anchor.fmt_date(min(c for c in candidates if c > today)), None
    return None, anchor.fmt_date(_date_by_tense(candidates, today, hit.tense())), None


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
    if unit in ("quarter", "period"):
        named = _reported_quarter(hit) if not which else None
        if named:  # "fiscal first-quarter net rose ... in the quarter": the quarter just named
            return None, named, None
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
    quarter_before = _reported_quarter(hit)
    if quarter_before:
        return None, f"{int(quarter_before[:4]) - 1:04d}{quarter_before[4:]}", None
    if hit.g("unit"):
        year, q = anchor.shift_quarter(day.year, anchor.quarter_of(day), -5)
        return None, f"{year:04d}-Q{q}", None
    return None, f"{day.year - 1:04d}", None


_ANTECEDENT_WINDOW = 2000  # characters back in which "that year" finds the year it refers to
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ANTECEDENT_SHAPE = {
    "day": _DAY_VALUE,
    "week": re.compile(r"\d{4}-(?:\d{2}-\d{2}|W\d{2})"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "quarter": re.compile(r"\d{4}-(?:\d{2}|Q[1-4])"),
    "year": re.compile(r"\d{4}"),
}
_ANAPHORIC_SHIFT = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}


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
    if ref == "next" and pod is None and unit != "day":
        return None  # "the next year" counts from the DCT (date.relative_unit) or is a span
    key = "day" if pod else unit
    delta = _ANAPHORIC_SHIFT.get(ref, 0)
    if pod and ref == "that":
        return None  # "that night" with no day named stays out
    base = _antecedent(hit, _QUARTER_VALUE) if key == "quarter" else None  # a quarter named outright first
    base = base or _antecedent(hit, _ANTECEDENT_SHAPE[key])
    if base is None:
        today = hit.day
        base = {"year": f"{today.year:04d}", "quarter": f"{today.year:04d}-Q{anchor.quarter_of(today)}",
                "month": anchor.fmt_month(today.year, today.month)}.get(key, anchor.fmt_date(today))
    value = _shift_value(base, key, delta)
    if pod:
        return "TIME", f"{value}T{pod}", hit.mod()
    return None, value, hit.mod()


@normaliser
def part_of_day(hit: Hit) -> Result | None:
    """mid-afternoon yesterday / late morning / early evening Tuesday -> 1989-11-01TAF (default: the DCT)."""
    pod = hit.lex.get("part_of_day", hit.g("pod"))
    if pod is None:
        return None
    if hit.g("weekday"):
        day = _weekday_date(hit, int(hit.lex.get("weekday", hit.g("weekday")) or 1), None)
    else:
        spec = hit.lex.get("day_word", hit.g("dayword")) or "0"
        day = hit.day + dt.timedelta(days=int(re.match(r"-?\d+", spec).group()))  # type: ignore[union-attr]
    return "TIME", f"{anchor.fmt_date(day)}T{pod}", hit.mod()


@normaliser
def week_of(hit: Hit) -> Result | None:
    """the week of March 6 -> the ISO week containing that day (2000-W10)."""
    result = explicit_date(hit) if hit.g("year") else month_day(hit)
    if result is None or not _DAY_VALUE.fullmatch(result[1]):
        return None
    return None, anchor.iso_week(dt.date.fromisoformat(result[1])), None


