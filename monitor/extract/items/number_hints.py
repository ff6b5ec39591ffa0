"""Cheap tests that a sentence can hold no number told in words: most sentences cannot, and the full
patterns of monitor.extract.items.figures then need not run (each sentence is tested by several readers, so
its words are taken once: `plain_words`); and the fast way to run those patterns where they must."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from monitor.extract.lexicon import Lexicon
from monitor.extract.timex.rules import lowered

_LETTERS_RE = re.compile(r"[a-z]+")
DIGIT_RE = re.compile(r"\d")  # a number in digits needs one: most sentences, and most clauses, have none


@cache
def _number_words(lex: Lexicon) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """The words a number in words is made of (None when they are not all ASCII letters), and a pattern for
    one glued to a currency sign that ends in a letter ("Rsfive")."""
    words = frozenset(w.lower() for w in [*lex.number_words, *lex.scales, *lex.fractions])
    if not all(w.isascii() and w.isalpha() for w in words):
        return frozenset(), None
    signs = sorted({sym.lower() for sym in lex.units_before if sym[-1:].isalpha()}, key=len, reverse=True)
    if not signs or not words:
        return words, None
    alts = "|".join(sorted(words, key=len, reverse=True))
    return words, re.compile(rf"(?:{'|'.join(re.escape(x) for x in signs)})(?:{alts})(?![a-z])")


# The characters outside ASCII that a case-insensitive pattern may read as an ASCII letter, or whose case
# changes bring one ("K" Kelvin sign, long "s", dotted and dotless "i", "ß", ligatures).
_FOLDS_TO_ASCII_RE = re.compile("[\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96-\u1e9a\u212a\ufb00-\ufb06]")


def is_plain(sentence: str) -> bool:
    """Whether a case-insensitive pattern can read an ASCII letter only as itself in `sentence`, so that a
    word it matches is a whole run of ASCII letters of `sentence.lower()`."""
    return sentence.isascii() or not _FOLDS_TO_ASCII_RE.search(sentence)


@lru_cache(maxsize=4)
def plain_words(sentence: str) -> frozenset[str] | None:
    """The runs of ASCII letters of the lower-cased sentence, or None when it is not `is_plain` (a word a
    case-insensitive pattern matches in it may then be no such run)."""
    return frozenset(_LETTERS_RE.findall(sentence.lower())) if is_plain(sentence) else None


def may_have_number_words(sentence: str, lex: Lexicon) -> bool:
    """False only when the words pattern cannot match: each of its number words is a whole run of ASCII
    letters (or follows a currency sign ending in a letter: "Rsfive"). Text with a character that may stand
    for an ASCII letter (`_FOLDS_TO_ASCII_RE`) is always tried."""
    words, glued = _number_words(lex)
    found = plain_words(sentence)
    if not words or found is None or not words.isdisjoint(found):
        return True
    return glued is not None and glued.search(sentence.lower()) is not None


def find_as_written(pattern: re.Pattern[str], sentence: str, low: str | None) -> list[re.Match[str]]:
    """`pattern.finditer(sentence)`, found faster (a case-insensitive scan is about twice as slow) on `low`,
    the sentence lower-cased when that keeps every letter's place and reading (`is_plain`), by the pattern
    lower-cased and matched case-sensitively; each match is then taken again from the sentence itself, so
    that its groups are the text as written."""
    if low is None or len(low) != len(sentence):
        return list(pattern.finditer(sentence))
    out = []
    for found in _lowered(pattern).finditer(low):
        m = pattern.match(sentence, found.start())
        if m is None or m.end() != found.end():
            return list(pattern.finditer(sentence))  # never expected: the slow, exact way
        out.append(m)
    return out


@cache
def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(lowered(pattern.pattern))
