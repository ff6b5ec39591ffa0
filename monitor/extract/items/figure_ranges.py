"""The two ends of a range of numbers, each a figure: "9-10 percent", "between 200 and 300 people",
"$100-200 million". Writers give both ends as the story's figure, and a reader checks either; an end that
has no unit or metric of its own takes the other's ("$2-3 million": two amounts in millions of dollars)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from monitor.extract.items.figure_mention import FigureMention
from monitor.extract.items.number_parse import tidy
from monitor.extract.lexicon import Lexicon

__all__ = ["range_ends", "with_ranges_dashed"]

# "9-10", "4,000-5,000": a hyphen between two numbers, neither part of a longer word, code or decimal
_HYPHEN_RANGE_RE = re.compile(
    r"(?<![\w.,:/-])(?P<low>\d[\d,]*(?:\.\d+)?)-(?=(?P<high>\d[\d,]*(?:\.\d+)?)(?![\w-]|[.,]\d))"
)
# What joins a range's ends ("and" only after "between", below)
_GAP_RE = re.compile(r"\s*(?:[-\u2013]|to|through|and)\s*", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"(?<![\w-])between\s*$", re.IGNORECASE)
# "from 5 to 10 percent" (a change's start and end), "fell by 30 to 126" (a change and the level reached)
_NOT_A_RANGE_RE = re.compile(r"(?<![\w-])(?:from|by)\s*$", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")


def _number(raw: str) -> float:
    return float(raw.replace(",", ""))


def with_ranges_dashed(sentence: str) -> str:
    """`sentence` with the hyphen of a rising range of numbers written as an en dash (the same length), so
    that the number reader sees two numbers where it would see a hyphenated word ("COVID-19"); a falling
    pair ("went 9-7") is a record or a score, and a pair of years ("2019-2022") a span, and both stay."""
    if "-" not in sentence:
        return sentence
    out = list(sentence)
    for m in _HYPHEN_RANGE_RE.finditer(sentence):
        low, high = m.group("low"), m.group("high")
        if _YEAR_RE.fullmatch(low) and _YEAR_RE.fullmatch(high):
            continue
        if _number(low) < _number(high):
            out[m.end() - 1] = "\u2013"
    return "".join(out)


def _scale_of(m: re.Match[str], lex: Lexicon) -> float | None:
    if m.group("suf"):
        return lex.suffixes[m.group("suf").lower()]
    if m.group("scale"):
        return lex.scales[m.group("scale").lower()]
    return None


def range_ends(
    text: str, numbers: Sequence[re.Match[str]], mentions: list[FigureMention], lex: Lexicon,
    value: Callable[[re.Match[str]], int | float | None], readable: Callable[[re.Match[str]], bool],
) -> list[FigureMention]:
    """`mentions` with the end of each range of two `numbers` (matches of the digits pattern, in order) that
    was read alone given the other's unit, metric and scale; `value` reads a match's number, `readable` says
    whether a match may be a figure at all (not in a date, no label's number)."""
    if len(numbers) < 2:
        return mentions
    at = {m.num_start: m for m in mentions}
    added: list[FigureMention] = []
    for first, second in zip(numbers, numbers[1:], strict=False):
        gap = _GAP_RE.fullmatch(text, first.end(), second.start("cur") if second.group("cur") else
                                second.start("num"))
        if gap is None or _NOT_A_RANGE_RE.search(text, 0, first.start()):
            continue
        if gap.group(0).strip().lower() == "and" and not _BETWEEN_RE.search(text, 0, first.start()):
            continue  # "12 soldiers and 3 civilians", "11 and 7": two counts, no range
        low, high = value(first), value(second)
        if low is None or high is None:
            continue
        scale = _scale_of(second, lex)
        if scale is not None and _scale_of(first, lex) is None and low * scale <= high:
            low = low * scale  # "$2-3 million", "2 to 3 billion dollars": the scale is both ends'
        if not low < high:
            continue
        low_read, high_read = at.get(first.start("num")), at.get(second.start("num"))
        if high_read is not None and low_read is None and not readable(first):
            if gap.group(0).strip() in ("-", "\u2013"):
                del at[high_read.num_start]  # "Boeing 737-800 jets": the label's numbers, both
            continue
        if high_read is not None and low_read is None:
            said = lex.qualifier_re.search(text, 0, first.start())  # "about 4,000-5,000 people"
            sign = -1 if high_read.value < 0 else 1  # "fell 5 to 10 percent": both ends a fall
            unit = lex.units_before.get(first.group("cur")) if first.group("cur") else high_read.unit
            added.append(FigureMention(
                start=first.start("cur") if first.group("cur") else first.start("num"), end=first.end(),
                num_start=first.start("num"), num_end=first.end(), value=sign * tidy(low),
                qualifier=lex.qualifier_of[" ".join(said.group(1).lower().split())] if said else "exact",
                metric=high_read.metric, unit=unit,
            ))
        elif low_read is not None and high_read is None and not second.group("cur") and readable(second):
            at[low_read.num_start] = replace(low_read, value=tidy(low))
            added.append(FigureMention(
                start=second.start("num"), end=second.end(), num_start=second.start("num"),
                num_end=second.end(), value=tidy(high), qualifier=low_read.qualifier,
                metric=low_read.metric, unit=low_read.unit,
            ))
    return sorted([*at.values(), *added], key=lambda f: f.start)
