"""Which figure is a comparison's baseline, and when it held: the value a change started from ("up 13% from
$280.7 million"), a value compared with one dated after it ("down from 1.81% late on Monday"), and a change
from one value to another over a span the text does not date (monitor.extract.items.figure_items)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from monitor.extract.items.dating import possessive_baseline
from monitor.extract.items.document import SentenceInfo
from monitor.extract.items.figure_data import change_signs
from monitor.extract.items.figures import FigureMention
from monitor.extract.lexicon import Lexicon, spaced_alternatives


def baseline_date(info: SentenceInfo, end: int, lex: Lexicon) -> str | None:
    """The date of a comparison's baseline (`info.bound`) when this figure is that baseline: the date follows
    it with no other number between ("down from 1.81% late on Monday"), or the figure is one of the values a
    comparison's preposition lists before it ("compared with 1.8353 marks and 141.52 yen Wednesday")."""
    text, base = info.sentence.text, info.sentence.start
    for tx, value in info.timexes:
        if tx.start in info.bound and possessive_baseline(text, tx.start - base, tx.end - base):
            # "to 4.29 percent from Friday's high of 4.33 percent": the first value after the date is its
            if tx.end <= end and len(_NUMBER_RE.findall(text, tx.end - base, end - base)) == 1:
                return value
            continue
        if tx.start >= end and tx.start in info.bound:
            between = text[end - base : tx.start - base]
            if not any(c.isdigit() for c in between):
                return value
            listed = _compared_before_re(lex.comparison_preps).search(text, 0, end - base)
            return value if listed is not None and not _CLAUSE_MARK_RE.search(between) else None
    return None


_CLAUSE_MARK_RE = re.compile(r"[,;]")
_NUMBER_RE = re.compile(r"\d[\d.,]*")


@cache
def _compared_before_re(preps: frozenset[str]) -> re.Pattern[str]:
    # a comparison's preposition, then no comma up to the value's number
    return re.compile(rf"\b(?:{spaced_alternatives(preps)})\s[^,;]*\Z", re.IGNORECASE)


def an_earlier_year(date: str | None, published: dt.date | None) -> bool:
    """Whether `date` is a year (no month or day) before the publication's."""
    return published is not None and date is not None and len(date) == 4 and date < str(published.year)


_FROM_BEFORE_RE = re.compile(r"(?<![\w-])from\s+\Z", re.IGNORECASE)
_TO_BEFORE_RE = re.compile(r"(?<![\w-])to\s+\Z", re.IGNORECASE)
_OR_BEFORE_RE = re.compile(r",\s+or\s+")
# What may stand between a value and its own date: the value told otherwise (", or 70 cents a share"), words
_FEW_WORDS_RE = re.compile(r"(?:,\s+or\s+[\w.$-]+(?:\s+[A-Za-z]+){0,4})?[\s,]*(?:[A-Za-z]+[\s,]+){0,3}")


def from_one_value_to_another(info: SentenceInfo, mentions: list[FigureMention]) -> bool:
    """Whether a sentence tells a change from one figure to the next ("rose ... from 0.90 percent to 1.23
    percent", "dropped from about 10 percent of disposable income to less than 2 percent"): a change verb
    (metrics.yaml `change_verbs`), then "from" right before one figure (its qualifier included) and "to"
    right before the next; "ranged from $350 to $600" is a range, no change."""
    text, changes = info.sentence.text, change_signs()
    return any(
        _FROM_BEFORE_RE.search(text[: a.start]) and _TO_BEFORE_RE.search(text[a.end : b.start])
        and any(t.lower in changes for t in info.tokens if t.end <= info.sentence.start + a.start)
        for a, b in zip(mentions, mentions[1:], strict=False)
    )


def baseline_of_a_change(info: SentenceInfo, mentions: list[FigureMention], f: FigureMention) -> bool:
    """Whether `f` is the value a change started from, told after what it came to ("profit rose 16% to
    $110.9 million from $95.9 million", "earned $315.8 million, up 13% from $280.7 million"): "from" right
    before it, a change verb or sign before that, and no "to" and other figure after it (a "from ... to ..."
    span reads the other way)."""
    text = info.sentence.text
    before = [m for m in mentions if m.end <= f.start]
    if before and _OR_BEFORE_RE.fullmatch(text[before[-1].end : f.start]):
        # "from $95.9 million, or 79 cents a share": the same value told a share
        return baseline_of_a_change(info, mentions, before[-1])
    if not _FROM_BEFORE_RE.search(text[: f.start]):
        return False
    later = [m for m in mentions if m.start > f.end]
    if later and _TO_BEFORE_RE.search(text[f.end : later[0].start]):
        return False
    end = f.end
    for m in later:  # past the same value told otherwise: "from C$9.7 million, or 70 cents a share"
        if not _OR_BEFORE_RE.fullmatch(text[end : m.start]):
            break
        end = m.end
    base = info.sentence.start
    if any(tx.start >= base + end and _FEW_WORDS_RE.fullmatch(text[end : tx.start - base])
           for tx, _v in info.timexes):
        return False  # "down from C$9.7 million, or 70 cents a share last year": dated as written
    changes = change_signs()
    return any(t.lower in changes for t in info.tokens if t.end <= info.sentence.start + f.start)


def a_year_before(value: str | None) -> str | None:
    """The same period a year before, for a year, quarter or half ("1989-Q3" -> "1988-Q3"): what an earnings
    report's "from" value holds for when it states no date of its own; None for any other value."""
    period = re.fullmatch(r"(\d{4})((?:-[QH]\d)?)", value or "")
    return f"{int(period.group(1)) - 1:04d}{period.group(2)}" if period else None
