"""Step 3b (amounts): whether a verb tells an amount rather than a happening. A value stated ("was $39,014",
"averaged 4.2 percent"), a change by an amount ("net income fell 22%"), a change forecast ("expects prices to
rise 8.8%"), a count as the subject ("after 22 homicides were recorded"), a period's tally ("sold more than
3,000 homes in October"): the figure is the item, not the verb.
"""

from __future__ import annotations

import re
from functools import cache

from monitor.extract.items.count_nouns import plural
from monitor.extract.items.document import ADVERB_SKIP, Doc, SentenceInfo, Tok
from monitor.extract.items.figure_data import change_signs
from monitor.extract.items.number_hints import DIGIT_RE
from monitor.extract.items.triggers import AUXILIARIES, BE_FORMS, count_is_an_object
from monitor.extract.lexicon import Lexicon


def states_a_figure(doc: Doc, tok: Tok, clause: tuple[int, int]) -> bool:
    """Whether the verb only states a value ("was $39,014", "averaged 4.2 percent", "closed at $185.25"):
    tense.yaml `figure_verbs` with a number after it in its clause, `holding_verbs` with an amount right
    after it."""
    forecast = _TO_VERB_RE.match(doc.text, tok.end) if tok.lower in doc.lex.forecast_words else None
    if forecast is not None:  # "is expected to grow 3.3% this year", "is forecast to accelerate to 4.4%"
        return _amount_next(doc, forecast.end()) is not None
    if tok.lower in change_signs():  # "grew 2.27% in 2019", "rose by about 3%": the change is the figure
        return _amount_next(doc, tok.end) is not None
    if tok.lower in doc.lex.holding_verbs:  # "had 12,500 employees on June 30"
        return _amount_next(doc, tok.end, after_by=False) is not None
    if tok.lower not in doc.lex.figure_verbs:
        return False
    digits = list(DIGIT_RE.finditer(doc.text, tok.end, clause[1]))
    dates = [(tx.start, tx.end) for tx in doc.timexes_in(tok.end, clause[1])]
    if tok.lower in BE_FORMS or (dates and not doc.text[tok.end : dates[0][0]].strip()):
        return bool(digits)  # "was on February 24", "the quarter ended Sept. 29": a date for its value
    # a number of the clause outside its dates ("closed the plant in 2019" states no value)
    return any(not any(a <= m.start() < b for a, b in dates) for m in digits)


def change_by_an_amount(doc: Doc, verb: str, verb_end: int) -> bool:
    """Whether a change verb (metrics.yaml `change_verbs`) has its amount right after it ("net income fell
    22%", "rose by about 3%", "plunged to $35.6 million"): the change is the figure, its item."""
    if verb not in change_signs():
        return False
    to = _TO_AMOUNT_RE.match(doc.text, verb_end)
    return _amount_next(doc, to.end() if to else verb_end) is not None


_TO_AMOUNT_RE = re.compile(r"\s+(?:to|from)(?=\s)")


def forecast_change(doc: Doc, before: list[str], verb_end: int) -> bool:
    """Whether a change verb after "to" is an amount forecast ("expects consumer prices to rise 8.8% this
    year", "are expected to fall 2%"): a forecast or an expectation in the words before, an amount after.
    Its figure is the item; the rise has not happened."""
    if len(before) < 2 or before[-1] != "to":
        return False
    if not any(w in doc.lex.forecast_words or w in doc.lex.expectation_verbs for w in before[-6:]):
        return False
    return _amount_next(doc, verb_end) is not None


_TO_VERB_RE = re.compile(r"\s+to\s+[a-z]+(?:\s+(?:to|by))?")


def counted_subject(doc: Doc, info: SentenceInfo, tok: Tok, clause: tuple[int, int]) -> bool:
    """Whether the verb's subject is a count in digits right before it ("after 22 homicides were recorded",
    "13,000 migrants have already traversed"): a number, a plural noun, then auxiliaries or adverbs."""
    within = [t for t in info.tokens if clause[0] <= t.start < tok.start]
    before = within[-5:]
    for i, t in enumerate(before[:-1]):
        following = before[i + 1].lower
        if not _COUNT_RE.fullmatch(t.text) or not (following.isalpha() and plural(following)):
            continue
        between = [w.lower for w in before[i + 2 :]]
        if all(w in AUXILIARIES or w in ADVERB_SKIP for w in between) and not count_is_an_object(
                within[: len(within) - len(before) + i], doc.lex):
            return True
    return False


_COUNT_RE = re.compile(r"\d[\d,.]*")


TALLY_KINDS = frozenset({"other", "business"})
_PERIOD_RE = re.compile(r"\d{4}(?:-\d{2})?\Z")  # a year or a month, not a day or a week
_PERCENT_RE = re.compile(r"\s*(?:%|percent|per\s+cent)\s+of\b", re.IGNORECASE)
_TALLY_LEAST = 100  # a count below it is one act's ("selected 11 firms"), not a period's tally


def tally_over_a_period(doc: Doc, info: SentenceInfo, verb_end: int, date: str) -> bool:
    """Whether the verb's object is a large amount and its date a year or a month ("consumers bought 208,000
    cars this year", "sold more than 3,000 homes in October"): the tally of a period, which its figure tells.
    On a day it is a happening ("sold 500 jets on Tuesday"), and a small count is one act ("the agency
    selected 11 firms in May")."""
    if not _PERIOD_RE.match(date):
        return False
    number = _amount_next(doc, verb_end, after_by=False)
    if number is None:
        return False
    # A share of the period's whole ("produced 40 percent of the country's coal in 2014") is its figure too.
    share = _PERCENT_RE.match(doc.text, number.end("num")) is not None
    if not (share or number.group("scale") or float(number.group("num").replace(",", "")) >= _TALLY_LEAST):
        return False
    return not any(tx.start <= number.start("num") < tx.end for tx, _v in info.timexes)  # "10 years ago"


def _amount_next(doc: Doc, pos: int, after_by: bool = True) -> re.Match[str] | None:
    """The amount that opens text[pos:], after at most a qualifier ("2.27%", "more than 3,000 homes") and,
    for a change (`after_by`), a "by" ("by about 3%"); None when other words come first."""
    m = _amount_re(doc.lex).match(doc.text, pos)
    if m is None:
        return None
    words = m.group("qual").split()
    qualifier = " ".join(words[1:] if after_by and words[:1] == ["by"] else words)
    return m if not qualifier or doc.lex.qualifier_re.fullmatch(qualifier) else None


@cache
def _amount_re(lex: Lexicon) -> re.Pattern[str]:
    """The verb's object: up to three words that may qualify an amount, then the amount, with its scale word
    ("more than $3,000", "208,560", "nearly 17.3 million"; numbers.yaml `scales`, `suffixes`)."""
    scales = "|".join(re.escape(w) for w in sorted({*lex.scales, *lex.suffixes}, key=len, reverse=True))
    return re.compile(r"\s+(?P<qual>(?:[a-z]+\s+){0,3}?)\W?(?P<num>\d[\d,]*(?:\.\d+)?)(?![\d,.]*\d)"
                      rf"(?P<scale>\s*(?:{scales})\b)?", re.IGNORECASE)
