"""Small readers the normalisers share: numbers, years, months and days as written, durations, and the
choice among candidate dates by the tense of the clause.
"""

from __future__ import annotations

import datetime as dt
import re

from monitor.extract.timex import anchor
from monitor.extract.timex.hit import Hit, Result
from monitor.extract.timex.rules import TimexVocabulary, normalise_key
from monitor.extract.timex.tense import planned_from_the_past

_TIME_UNITS = {"S": "S", "TM": "M", "H": "H"}
_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")


def reported_quarter(hit: Hit) -> str | None:
    """The quarter a report is about, if one was named shortly before and lies within a year of the DCT
    ("third-quarter profit rose from a year ago"); "the 1988 period" is itself a comparison, no report."""
    value = hit.recent_value(_QUARTER_VALUE)
    if value is None:
        return None
    current = hit.day.year * 4 + anchor.quarter_of(hit.day)
    named = int(value[:4]) * 4 + int(value[-1])
    return value if -4 <= named - current <= 1 else None


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


# How far a date that fits the tense may lie beyond one that does not: a year's two candidates are 365 days
# apart, so the one against the tense wins only within (365 - 240) / 2, about two months ("declared a dividend
# payable Dec. 15"); "was fined for a March 21 collision" in November is last March. (120 made that next
# March: the same TempEval-3 train scores, 120 to 365, and the same gold timelines up to 240.)
_AGAINST_TENSE_DAYS = 240


def date_by_tense(candidates: list[dt.date], ref: dt.date, tense: str | None) -> dt.date:
    """The candidate nearest to `ref`, where one on the wrong side of the tense counts as
    `_AGAINST_TENSE_DAYS` further.

    News dates lie close to the DCT, and a clause's tense may belong to another verb ("declared a
    dividend payable Dec. 15"), so the tense only decides between candidates of similar distance.
    """

    def cost(c: dt.date) -> tuple[int, bool]:
        against = (tense == "past" and c > ref) or (tense == "future" and c < ref)
        return abs((c - ref).days) + (_AGAINST_TENSE_DAYS if against else 0), c < ref

    return min(candidates, key=cost)


_MONTH_AGAINST_TENSE_DAYS = 330
_MONTH_NO_TENSE_DAYS = 150  # with no cue a month name leans to the past: news reports what happened


def month_year_by_tense(today: dt.date, month: int, tense: str | None) -> int:
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


def with_part_of_day(hit: Hit, day: dt.date, mod: str | None) -> Result:
    pod = hit.lex.get("part_of_day", hit.g("pod"))
    if pod:
        return "TIME", f"{anchor.fmt_date(day)}T{pod}", mod
    return None, anchor.fmt_date(day), mod


def weekday_date(hit: Hit, weekday: int, dir_value: int | None) -> dt.date:
    if dir_value is not None and dir_value != 0:
        return anchor.resolve_weekday(hit.day, weekday, dir_value, strict=True)
    if dir_value == 0:  # "this Monday": the one of the current week, else the coming one
        return anchor.resolve_weekday(hit.day, weekday, 1)
    tense = hit.tense()
    planned = hit.lex.words("tense_planned_past")
    if tense != "future" and planned_from_the_past(hit.text, hit.start, hit.end, planned,
                                                   hit.lex.words("tense_purpose_nouns")):
        tense = "future"  # "was to resume Friday": a plan from the narrative's day
    return anchor.resolve_weekday(hit.day, weekday, 1 if tense == "future" else -1)


def day_offset(spec: str) -> int:
    """A day word's offset as the lexicon gives it ("-1" for yesterday); 0 when it names none."""
    found = re.match(r"-?\d+", spec)
    return int(found.group()) if found else 0
