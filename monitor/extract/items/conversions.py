"""One amount told in two units is one figure: "$4.2bn (\u00a33.3bn)", "1,200 tons (1,089 metric tons)",
"about 3,000 tons, or 2,722 metric tons", "four years and six months". The figure reader
(monitor.extract.items.figures) reads past the brackets of a conversion; this drops the restated amount it
then finds again, and adds the months told after a number of years to it."""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from monitor.extract.items.figure_mention import FigureMention
from monitor.extract.lexicon import Lexicon, load_data_file

__all__ = ["with_months", "without_conversions"]


_OR_RESTATED_RE = re.compile(r",\s+or\s+(?:about\s+|some\s+|roughly\s+)?")


def _same_kind(a: FigureMention, b: FigureMention) -> bool:
    """Whether b can restate a in another unit: b names a unit or a metric that ends in a unit word."""
    last = (b.metric or "").split()[-1:] or [""]
    if "percent" in (a.unit, b.unit) or b.unit == a.unit:
        return False  # "$5 billion, or 12%", "$2.8 billion, or $2.53 a share": another figure
    return b.unit is not None or last[0] in _unit_words()


@cache
def _unit_words() -> frozenset[str]:
    """numbers.yaml `restated_unit_words`: the last words of a unit the lexicon may not know as one."""
    return frozenset(str(w).lower() for w in load_data_file("numbers.yaml").get("restated_unit_words", []))


@cache
def _bracketed_after_unit_re() -> re.Pattern[str]:
    """An amount with a unit of `restated_unit_words`, then the bracket that restates it ("60 mph (")."""
    units = "|".join(re.escape(w) for w in sorted(_unit_words(), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\d\s*(?:{units})\.?\s*\(\s*(?:about\s+|some\s+|roughly\s+)?\Z", re.IGNORECASE)


def without_conversions(sentence: str, mentions: list[FigureMention]) -> list[FigureMention]:
    """ "$4.2bn (£3.3bn)", "2 inches (50.8 millimeters)": the amount in brackets restates the one before it in
    another unit; one figure."""
    out: list[FigureMention] = []
    for f in mentions:
        prev = out[-1] if out else None
        # The one before has read past the brackets (`_CONVERSION_RE`): this is the amount inside them
        # ("1,100 tons (998 metric tons)": the unit inside may be one the lexicon does not know).
        if prev and prev.unit and f.start < prev.end:
            continue
        if _bracketed_after_unit_re().search(sentence, 0, f.start):
            continue  # "from zero to 60 mph (97 kph)": a conversion though its amount is no figure
        # "about 2,750 tons, or 2,500 metric tons": the same amount restated after ", or".
        restated = prev and prev.unit and _OR_RESTATED_RE.fullmatch(sentence, prev.end, f.start)
        if prev and restated and _same_kind(prev, f):
            continue
        out.append(f)
    return out


def with_months(sentence: str, mentions: list[FigureMention], lex: Lexicon) -> list[FigureMention]:
    """"jailed for five years and three months": one term of 5.25 years, not five years (the months left
    out, which no gold or reader would count apart)."""
    out = []
    for f in mentions:
        months = _AND_MONTHS_RE.match(sentence, f.end) if f.unit == "years" else None
        word = months.group(1) if months is not None else ""
        n = int(word) if word.isdigit() else lex.number_words.get(word.lower())
        if months is not None and n is not None and 0 < n < 12:
            f = dataclasses.replace(f, value=round(f.value + n / 12, 2), end=months.end())
        out.append(f)
    return out


_AND_MONTHS_RE = re.compile(r"\s+and\s+(\d{1,2}|[A-Za-z]+)\s+months?\b")
