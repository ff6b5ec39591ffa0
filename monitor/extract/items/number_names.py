"""Numbers that are part of a name, not counts: a label after a capitalised word ("Boeing 737", "Apollo 11")
and a capitalised number word inside a name ("the Twelve Star Seats", "the Four Seasons hotel"). A weekday
before a number names no label ("seized Sunday 475 pounds of cocaine"): the weekday words are the temporal
tagger's (monitor/extract/timex/data/en/lexicon.yaml `weekday`)."""

from __future__ import annotations

import re

from monitor.extract.items.dating import timex_words_re
from monitor.extract.items.document import POSSESSIVE_S
from monitor.extract.lexicon import Lexicon


def labels_a_number(text: str, num_start: int, before_words: list[str], lex: Lexicon) -> bool:
    """Whether the capitalised word right before a number in digits makes it a label ("Boeing 737", and a
    name written with a capital inside: "iOS 10.3"); an owner's does only before a name ("Boeing's 737 Max
    jets", not "Stadia's 22 launch titles")."""
    if not before_words or not (before_words[-1][:1].isupper() or _INNER_CAPITAL_RE.match(before_words[-1])):
        return False
    if before_words[-1].endswith(_POSSESSIVES):
        return _NAME_AFTER_NUMBER_RE.match(text, num_start) is not None
    word = before_words[-1].lower()
    return (
        text[max(0, num_start - 2) : num_start].endswith(" ")
        and _LETTER_SPACE_END_RE.search(text[:num_start]) is not None
        and word not in lex.qualifier_of
        and word not in lex.function_words
        and not timex_words_re("weekday").fullmatch(word)
    )


def in_a_name(text: str, start: int, end: int, number: str) -> bool:
    """A number word capitalised inside a sentence before another capitalised word is part of a name ("the
    Twelve Star Seats", "the Four Seasons hotel"); a sentence may open on one ("Two Chinese nationals")."""
    opening = not text[:start].strip(_OPENING_MARKS)
    return not opening and number[:1].isupper() and _CAPITAL_NEXT_RE.match(text, end) is not None


_POSSESSIVES = (*POSSESSIVE_S, "s'", "s\u2019")  # "Stadia's", "the Doobies' "
_NAME_AFTER_NUMBER_RE = re.compile(r"[\d,.]+[ \t]+[A-Z]")
_LETTER_SPACE_END_RE = re.compile(r"[A-Za-z]\s$")
_INNER_CAPITAL_RE = re.compile(r"[a-z]+[A-Z]")  # "iOS", "macOS", "eBay"
_OPENING_MARKS = " \t\n\"'“‘([—–-"
_CAPITAL_NEXT_RE = re.compile(r"[ \t]+[A-Z]")
