"""A bare year that names a thing, not a time: a model's ("the 2021 RAV4 Prime"), a cohort's or a law's ("the
Class of 2021", "the Policing Act 2014"), a product's or a plan's ("Office 2007", "Vision 2030")."""

from __future__ import annotations

import re

from monitor.extract.lexicon import Lexicon
from monitor.extract.timex import Timex

__all__ = ["model_year"]


# A year between a word that is no preposition nor determiner and a capitalised name: "the production model
# 2021 XR 300", "2021 Corvo gets ..." (at the start of a sentence or a line).
_MODEL_YEAR_BEFORE_RE = re.compile(r"(?:(?:^|[.!?]\s+|\n\s*)|(?<![\w'’-])([A-Za-z]+)\s+)\Z")
_NAME_AFTER_RE = re.compile(r"\s+[A-Z][\w-]*")
# a name's capitalised words right before the year, the last one's in group 2, after a word in lower case
# (group 1: the name is not the sentence's first words)
_CAPITAL_BEFORE_RE = re.compile(r"\b([a-z]+),?\s(?:[A-Z][A-Za-z]+\s){0,3}([A-Z][A-Za-z]+)\s\Z")
# the prepositions before an occasion named with its year ("at Worlds 2017", "since Euro 2008")
_OCCASION_BEFORE = frozenset({"at", "in", "during", "since", "before", "after", "until", "ahead", "from",
                              "through", "throughout", "following"})
# a model's code (capitals and digits in one word), maybe after its maker's name
_MODEL_CODE_AFTER_RE = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?[A-Z][A-Za-z]*-?\d+[A-Za-z]*\b")
# "the Class of 2021", "the Harbour Freight Act of 1996", "the Policing Act 2014" (a law's year, as
# British statutes are named)
_COHORT_BEFORE_RE = re.compile(r"(?<![\w-])(?:(?:class|act)\s+of|(?-i:Act|Bill|Regulations))\s+\Z",
                               re.IGNORECASE)
# Besides the lexicon's function words ("in 2020 Nissan", "the 2020 race"): words of a period before a year.
_PERIOD_WORDS = frozenset({"through", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter",
                           "holiday", "holidays"})


def model_year(text: str, tx: Timex, lex: Lexicon) -> bool:
    """A bare year that names a model, a cohort or a law, not a date ("the production model 2021 QX 50", "the
    Hall of Fame's Class of 2021": the year the class is named for, not when it is chosen; "the Harbour
    Freight Act of 1996", "the Harbour Policing Act 2014")."""
    if not (len(tx.value) == 4 and text[tx.start : tx.end].isdigit()):
        return False
    if _COHORT_BEFORE_RE.search(text, max(0, tx.start - 12), tx.start):
        return True
    named = _CAPITAL_BEFORE_RE.search(text, max(0, tx.start - 40), tx.start)
    last = named.group(2).lower() if named is not None else ""
    if (named is not None and named.group(1).lower() not in _OCCASION_BEFORE
            and last not in lex.function_words and last not in _PERIOD_WORDS):
        # "upgrade to Office 2007", "unveiled Harbour Vision 2030", "the Russell 2000 index": a name's year (a
        # month's or a feast's would be in the timex); not an occasion's ("at Worlds 2017")
        return True
    if not _NAME_AFTER_RE.match(text, tx.end):
        return False
    if _MODEL_CODE_AFTER_RE.match(text, tx.end):
        return True  # "The 2021 RAV4 Prime", "a 2020 Ford F-150": a model's code follows, after "the" too
    before = _MODEL_YEAR_BEFORE_RE.search(text, max(0, tx.start - 30), tx.start)
    if before is None:
        return False
    word = before.group(1)
    return word is None or not (word.lower() in lex.function_words or word.lower() in _PERIOD_WORDS)
