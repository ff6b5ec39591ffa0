"""Reading one number: digits with separators, a currency and a scale ("$5bn", "1.2 million", "188,663"),
or number words ("two dozen", "a hundred", "half a million"); the words come from numbers.yaml.

No PyPI number parser fitted: word2number, text2num and number-parser all fail on "two dozen", "a hundred"
or "1.2 million" and they rewrite whole texts rather than parse a span, so this is a small data-driven parser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import cache

from monitor.extract.lexicon import Lexicon, load_lexicon

__all__ = ["DIGITS", "bare_letter_sign", "number_patterns", "parse_number", "parse_words",
           "significant_digits", "tidy"]

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@cache
def number_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of a number in digits and of one in words, for `lex`."""
    symbols = "|".join(re.escape(s) for s in sorted(lex.units_before, key=len, reverse=True))
    scales = "|".join(sorted(lex.scales, key=len, reverse=True))
    suffixes = "|".join(sorted(lex.suffixes, key=len, reverse=True))
    # a unit written straight after the digits ("2.15kg", "gusts of 100mph", "60fps") leaves them a number
    glued = "|".join(re.escape(u) for u in sorted(lex.glued_units, key=len, reverse=True)) or "(?!)"
    # A word joined by a hyphen makes the number part of a name or an adjective ("COVID-19", "a 50-year-old"),
    # except "-a-" ("a $7 billion-a-year industry": the number is still the amount) and a qualifier written
    # after it ("50-plus camera traps", qualifiers.yaml `after`).
    hyphened = (re.escape(p[1:]) + r"(?!\w)" for p in lex.qualifier_after if p.startswith("-"))
    joined = "|".join(["a-", *hyphened])
    digits = re.compile(
        rf"(?<![\w.,:/\-])(?P<cur>{symbols})?\s?(?P<num>{DIGITS})"
        # (a scale joined to a participle keeps its amount: "the $185 million-budgeted film")
        rf"(?:(?P<suf>{suffixes})(?![\w])|(?:\s+|-)(?P<scale>{scales})(?:-[a-z]+(?:ed|ing)\b)?"
        rf"(?![\w]|-(?!{joined})))?"
        rf"(?!(?!(?:{glued})(?![\w]))[\w]|-(?!{joined})\w|:\d|[.,]\d)",
        re.IGNORECASE,
    )
    word_alts = "|".join(sorted([*lex.number_words, *lex.scales, *lex.fractions], key=len, reverse=True))
    words = re.compile(
        rf"(?<![\w-])(?P<cur>{symbols})?(?P<num>(?:(?:a|an)\s+)?(?:{word_alts})(?:(?:\s+|-)(?:and\s+|a\s+)?"
        rf"(?:{word_alts}))*)(?![\w-])",
        re.IGNORECASE,
    )
    return digits, words


def bare_letter_sign(m: re.Match[str]) -> bool:
    """Whether a match of the digits pattern is a currency sign of letters glued to a whole number with no
    scale ("R6700", "RM20"): a model's code ("Nighthawk R6700") as often as an amount; "R4bn" and "RM6.2m" are
    amounts."""
    cur = m.group("cur")
    return bool(cur and cur[-1].isalpha() and not m.group("suf") and not m.group("scale")
                and "." not in m.group("num"))


def parse_number(phrase: str, lexicon: Lexicon | None = None) -> int | float | None:
    """Parse "188,663", "1.2 million", "$5bn", "two dozen", "a hundred", "half a million"; else None.

    >>> parse_number("two dozen"), parse_number("1.2 million"), parse_number("a hundred")
    (24, 1200000, 100)
    """
    lex = lexicon or load_lexicon()
    text = phrase.strip().lower().replace("-", " ")
    for sym in sorted(lex.units_before, key=len, reverse=True):
        if text.startswith(sym.lower()):
            text = text[len(sym) :].strip()
            break
    m = re.fullmatch(rf"({DIGITS})\s*([a-z]+)?", text)
    if m:
        base = float(m.group(1).replace(",", ""))
        scale = m.group(2)
        if scale:
            factor = lex.scales.get(scale) or lex.suffixes.get(scale)
            if factor is None:
                return None
            base *= factor
        return tidy(base)
    return parse_words(text.split(), lex)


def tidy(value: float) -> int | float:
    """A whole number as an int, else the value to 12 significant digits: scaling leaves float noise in the
    last digits, which grows with the number ("8.47 billion" is 8470000000.000001 as 8.47 * 1e9)."""
    rounded = float(f"{value:.12g}")
    return int(rounded) if rounded == int(rounded) else rounded


def parse_words(words: Sequence[str], lex: Lexicon) -> int | float | None:
    """The number written by these lower-case words ("two", "dozen"; "a", "hundred"), or None."""
    total = 0.0
    current = 0.0
    fraction: float | None = None
    seen_number = False
    pending_article = False
    for w in words:
        if w == "and":
            continue
        if w in ("a", "an"):
            pending_article = True
            continue
        if w in lex.fractions:
            fraction = lex.fractions[w]
            continue
        if w in lex.number_words:
            current += lex.number_words[w]
            seen_number = True
        elif w in lex.scales:
            if w.endswith("s") and not seen_number and not pending_article and fraction is None:
                return None  # "hundreds", "dozens": no count given
            factor = lex.scales[w]
            base = current or (1.0 if (pending_article or seen_number or fraction) else 0.0)
            if fraction is not None:
                base = fraction
                fraction = None
            if not base:
                return None
            if factor >= 1000:
                total += base * factor
                current = 0.0
            else:
                current = base * factor
            seen_number = True
        else:
            return None
        pending_article = False
    if not seen_number:
        return None
    return tidy(total + current)


def significant_digits(value: float | int) -> int:
    """How many significant digits a value has: 449000 -> 3, 28 -> 2, 0.05 -> 1, 12.9 -> 3."""
    number = Decimal(repr(float(value)))
    if not number.is_finite() or not number:
        return 0
    return len(number.normalize().as_tuple().digits)
