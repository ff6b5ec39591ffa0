"""What a number counts when the words right after it do not say: a total named before it ("the number of
open cases stands at 31"), and whether a number spelled out counts at all ("seven doctors" does, "the two
leaders" does not)."""

from __future__ import annotations

import re

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
