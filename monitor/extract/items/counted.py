"""What a number counts when the words right after it do not say: a total named before it ("the number of
open cases stands at 31"), the count it is part of ("8,200 jobs, including 3,100 in farming"), and
whether a number spelled out counts at all ("seven doctors" does, "the two leaders" does not)."""

from __future__ import annotations

import re

from monitor.extract.items.figure_data import figure_data
from monitor.extract.items.figure_mention import FigureMention
from monitor.extract.lexicon import Lexicon

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")  # a word, with its apostrophes and hyphens


# "increased the total of commercial providers to 14", "the number of open cases stands at 31": the noun
# counted is named before the number, after "total of" or "number of"
_TOTAL_OF_RE = re.compile(
    r"\b(?:total|number|tally|count)\s+of\s+(?P<noun>(?:[a-z][a-z-]*\s+){0,3}?[a-z][a-z-]*[^s\W]s)"
    r"\s+(?:[a-z]+\s+){0,2}?(?:to|at|is|was|hit|reached)\s+(?:[a-z]+\s+){0,2}\Z"
)


# "bringing the total to 19", "the tally stood at 45": a total of what the sentence has been counting
_TOTAL_RE = re.compile(
    r"\b(?:total|tally)\s+(?:[a-z]+\s+){0,2}?(?:to|at|is|was|hit|reached)\s+(?:[a-z]+\s+){0,2}\Z"
)


def labelled(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the words right before the number at `start` make it a label, not a count (numbers.yaml
    `not_figure_before`: "No. 5", "a Level 3 risk", "children younger than 5")."""
    words = WORD_RE.findall(text[max(0, start - 25) : start])
    prev = words[-1].lower() if words else ""
    if prev in lex.not_figure_before or prev + "." in lex.not_figure_before:
        return True
    return len(words) > 1 and f"{words[-2]} {prev}".lower() in lex.not_figure_before


def total_of(text: str, start: int, lex: Lexicon) -> str | None:
    """The noun of a total named before the number ("the total of commercial providers to 14"), "total" for
    a bare tally's ("bringing the total to 19"), or None. A noun the metrics lexicon knows, or whose head it
    knows, is named as there, with the modifiers kept there ("the number of open cases" -> "cases", "the total
    of commercial providers" -> "companies"), as it is after a number ("31 open cases", "14 firms")."""
    m = _TOTAL_OF_RE.search(text, max(0, start - 100), start)
    if m:
        words = m.group("noun").lower().split()
        if (known := lex.metric_of.get(" ".join(words))) is not None:
            return known
        if (head := lex.metric_of.get(words[-1])) is None:
            return " ".join(words)
        return " ".join([*(w for w in words[:-1] if w in lex.kept_modifiers), head])
    return "total" if _TOTAL_RE.search(text, max(0, start - 40), start) else None


# A number told as part of the count before it: "6,200 refugees, nearly 2,100 of them in tents", "8,200
# jobs, including 3,100 in farming"; or with the count's noun left out, no noun after it ("while 600 were
# on short contracts")
_PART_BEFORE_RE = re.compile(r"\b(?:including|among them|of (?:whom|which|them))\s+\Z")
_ELIDED_RE = re.compile(
    r"\s*(?:[,.;)]|\Z|\s(?:and|in|on|at|from|for|by|after|while|with|were|was|are|is|have|had)\b)")
_PART_AFTER_RE = re.compile(r"\s+of\s+(?:them|whom|which|those)\b")


def part_of(
    text: str, num_start: int, num_end: int, whole: FigureMention | None, lex: Lexicon
) -> str | None:
    """The metric of the count `whole` when the number at `num_start` is told as a part of it, or with its
    noun left out (no noun after it), or None."""
    if whole is None or whole.unit is not None or not whole.metric or whole.end > num_start:
        return None
    qualified = lex.qualifier_re.search(text, max(0, num_start - 30), num_start)
    before = qualified.start(1) if qualified else num_start  # "including nearly 2,100"
    if _PART_BEFORE_RE.search(text, max(0, before - 40), before) or _PART_AFTER_RE.match(text, num_end):
        return whole.metric
    prev = WORD_RE.findall(text[max(0, before - 20) : before])
    if _ELIDED_RE.match(text, num_end) and not (prev and prev[-1].lower() in figure_data().not_elided_before):
        return whole.metric  # "sold 900 units, and the other model sold 300": the noun left out
    return None


_AND_OR_COMMA = r"(?:,\s*|\s+and\s+|\s+or\s+)"
# A numeral's count, then "and", "or" or a comma right before a number spelled out: a list of counts
_LISTED_AFTER_RE = re.compile(
    r"(?<![\w.,])\d[\d,]*\s+(?:[A-Za-z][a-z-]*\s+){0,3}?[a-z][a-z-]*s" + _AND_OR_COMMA + r"\Z")

# ... or right after its count's noun, a numeral's count
_LISTED_BEFORE_RE = re.compile(r"[a-z-]+\s+(?:[A-Za-z][a-z-]*\s+){0,3}?[a-z][a-z-]*s" + _AND_OR_COMMA + r"\d")


_DESCRIBING = frozenset(
    {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "both", "all"}
)


def counts_in_words(text: str, start: int, value: int | float, metric: str | None, lex: Lexicon) -> bool:
    """News style spells out one to nine: "the two leaders" describes, it does not count. A spelled-out small
    number counts when qualified ("at least two"), or when it counts a known metric or people ("seven
    doctors") and no determiner or possessor makes it a description ("her three sons", "the state's two
    airports")."""
    if value >= 10 or lex.qualifier_re.search(text, 0, start) is not None:
        return True
    if metric is None:
        return False
    if _LISTED_AFTER_RE.search(text, max(0, start - 60), start) or _LISTED_BEFORE_RE.match(text, start):
        return True  # "48 barns and seven chapels", "five ports and 240 schools": one of a list of counts
    prev = WORD_RE.findall(text[max(0, start - 20) : start])
    if prev and prev[-1].lower().endswith(("'s", "’s")):
        return False  # "California's three power companies": a possessor's, told to describe it
    known = metric in lex.metrics or metric.split()[-1] in lex.metrics
    if known:
        return True
    if value < 2 or (prev and prev[-1].lower() in _DESCRIBING):
        return False
    # "arrested six people": people counted by what happened to them ("arrests").
    counted = metric.split()[-1]
    return (counted in lex.people_nouns or metric == "people" or metric in lex.people_states.values()
            or metric in lex.demonym_of)  # "three Americans"
