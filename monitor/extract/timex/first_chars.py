"""Which characters a rule's match can begin with, so that the tagger tries at a position only the rules
that may match there.

The combined scanner is one alternation of every rule; at a failing position Python's regex engine tries
each branch in turn, and most positions the tagger tries fail. A scanner made of only the rules that can
begin with the character at hand gives the same first match (the rules keep their order), in a fraction
of the tries. The first characters are read from the parsed pattern and are a superset: anything this
module cannot read exactly (a class such as \\w, a back-reference, a non-ASCII letter that case folding
may pair with an ASCII one) makes the rule possible everywhere.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]  # the parsed form of a pattern (3.11+)
import re._parser as sre_parse  # type: ignore[import-not-found]
import string
from typing import Any

# What a parsed item can start with: a set of ASCII characters (both cases), or None for "anything".
_First = frozenset[str] | None
_DIGITS = frozenset(string.digits)
_SPACES = frozenset(" \t\n\r\f\v")


def first_characters(pattern: str) -> frozenset[str] | None:
    """The ASCII characters a case-insensitive match of `pattern` can begin with; None when a match may begin
    with any character or be empty."""
    first, nullable = _sequence(list(sre_parse.parse(pattern, re.IGNORECASE)))
    return None if nullable else first


def _sequence(items: list[tuple[Any, Any]]) -> tuple[_First, bool]:
    """(first characters, whether the sequence can match the empty string)."""
    out: set[str] = set()
    for op, arg in items:
        first, nullable = _item(op, arg)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return frozenset(out), False
    return frozenset(out), True


def _item(op: Any, arg: Any) -> tuple[_First, bool]:
    if op is sre.LITERAL:
        return _letters(chr(arg)), False
    if op is sre.IN:
        return _class(arg), False
    if op is sre.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in arg[1]:
            first, empty = _sequence(list(branch))
            if first is None:
                return None, False
            out |= first
            nullable = nullable or empty
        return frozenset(out), nullable
    if op is sre.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, sub = arg
        first, nullable = _sequence(list(sub))
        return first, first is not None and (low == 0 or nullable)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset(), True  # zero-width: what follows decides (ignoring the assertion only widens)
    return None, False


def _letters(char: str) -> frozenset[str] | None:
    if not char.isascii():
        return None  # case folding may pair it with an ASCII letter ("ſ" and "s", "K" and "k")
    return frozenset({char.lower(), char.upper()})


def _class(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    out: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            chars = _letters(chr(arg))
        elif op is sre.RANGE:
            low, high = arg
            cases = (case for code in range(low, high + 1) for case in (chr(code).lower(), chr(code).upper()))
            chars = None if high > 127 else frozenset(cases)
        elif op is sre.CATEGORY and arg is sre.CATEGORY_DIGIT:
            chars = _DIGITS
        elif op is sre.CATEGORY and arg is sre.CATEGORY_SPACE:
            chars = _SPACES
        else:
            chars = None  # a negated class, \w, ...: anything
        if chars is None:
            return None
        out |= chars
    return frozenset(out)
