"""A team's or player's record of wins and losses: "the Falcons (8-7)", "an 8-27 record", "are 13-4 at home",
"went 9-7 last season", "a career record of 1,203-654". Each side is a figure (wins, losses); a third number
("23-19-1") counts ties or overtime losses, which the story seldom means, and is left out.

A game's score and a vote's tally (figure_shapes) have the same "N-M" shape; a record is told after a
team's name in brackets, beside "record", or as the team's state after a verb of being or moving ("is",
"improved to"), and the word after it is one that follows a record ("at home", "on the road", "since",
a full stop), never "up", "lead" or a noun the pair counts ("10-15 minutes").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from monitor.extract.items.figure_mention import FigureMention
from monitor.extract.lexicon import load_data_file, spaced_alternatives

__all__ = ["RECORD_METRICS", "bracketed_record", "records"]

RECORD_SIDES = (("a", "wins"), ("b", "losses"))
RECORD_METRICS = frozenset(metric for _side, metric in RECORD_SIDES)

# a side written with a leading zero ("08-769") is a docket's number, not a count
_SIDE = r"(?:0|[1-9]\d{0,2}(?:,\d{3})?)"
_PAIR = rf"(?P<a>{_SIDE})[-–](?P<b>{_SIDE})(?:[-–]\d{{1,2}})?"
_OTHER_PAIR = r"\d{1,3}[-–]\d{1,3}(?:[-–]\d{1,2})?"
_WORD_RE = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class _Records:
    """numbers.yaml's record words, compiled once."""

    bracket_re: re.Pattern[str]
    noun_after_re: re.Pattern[str]
    noun_before_re: re.Pattern[str]
    verb_re: re.Pattern[str]
    follow: frozenset[str]
    not_after: frozenset[str]


@cache
def _compiled() -> _Records:
    nd = load_data_file("numbers.yaml")
    nouns = spaced_alternatives(nd.get("record_nouns", []))
    verbs = spaced_alternatives(nd.get("record_verbs", []))
    return _Records(
        # "(8-7)", "(23-19-1)", "(6-5, 3-4)": the first pair (the overall record, the conference's after it)
        bracket_re=re.compile(rf"(?<=[A-Za-z.] )\({_PAIR}(?:,\s*{_OTHER_PAIR})*\)"),
        # "an 8-27 record", "a career record of 1,203-654"
        noun_after_re=re.compile(rf"(?<![\w.,/(-]){_PAIR}\s+(?:{nouns})\b", re.IGNORECASE),
        noun_before_re=re.compile(rf"\b(?:{nouns})\s+(?:of\s+)?{_PAIR}(?![\w/%–-]|[.,]\d)", re.IGNORECASE),
        # "are 13-4", "are a brutal 1-18", "improved to 8-8-4"
        verb_re=re.compile(
            rf"\b(?:{verbs})\s+(?:an?\s+(?:[a-z]+\s+)?)?{_PAIR}(?![\w/%–-]|[.,]\d)", re.IGNORECASE
        ),
        follow=frozenset(str(w).lower() for w in nd.get("record_follow", [])),
        not_after=frozenset(str(w).lower() for w in nd.get("record_not_after", [])),
    )


def records(sentence: str, free: Callable[[int, int], bool]) -> list[FigureMention]:
    """The wins and losses of each record the sentence tells (offsets in the sentence; `free` says whether a
    span is no date's or score's)."""
    if "-" not in sentence and "–" not in sentence:
        return []
    rec = _compiled()
    out: list[FigureMention] = []
    seen: set[int] = set()
    for pattern in (rec.bracket_re, rec.noun_after_re, rec.noun_before_re, rec.verb_re):
        for m in pattern.finditer(sentence):
            if m.start("a") in seen or not free(m.start("a"), m.end("b")):
                continue
            if pattern is rec.bracket_re and not _word_before(sentence, m.start())[:1].isupper():
                continue  # "sales rose (5-7)": no team's or player's name before it
            if pattern is rec.verb_re and (not _followed_as_a_record(sentence, m.end(), rec.follow)
                                           or _word_before(sentence, m.start()).lower() in rec.not_after):
                continue  # "were 2-1 up", "is 10-15 minutes", "the lead was 17-13"
            seen.add(m.start("a"))
            for side, metric in RECORD_SIDES:
                value = int(m.group(side).replace(",", ""))
                if value:  # "(13-0)": no count of losses
                    out.append(FigureMention(start=m.start(), end=m.end(), num_start=m.start(side),
                                             num_end=m.end(side), value=value, qualifier="exact",
                                             metric=metric, unit=None))
    return out


def bracketed_record(mention: FigureMention, sentence: str) -> bool:
    """Whether the figure is a side of a record in brackets after a name ("the Eagles (6-5)")."""
    return mention.metric in RECORD_METRICS and sentence[mention.start : mention.start + 1] == "("


def _word_before(sentence: str, start: int) -> str:
    """The word right before `start`, as written ("" for none)."""
    words = _WORD_RE.findall(sentence[max(0, start - 30) : start])
    return words[-1] if words else ""


def _followed_as_a_record(sentence: str, end: int, follow: frozenset[str]) -> bool:
    """Whether what follows the pair is what follows a record: punctuation, the sentence's end or one of
    numbers.yaml `record_follow` ("at home", "on the road", "since")."""
    rest = sentence[end:].lstrip()
    if not rest or rest[0] in ",.;:)!?\"'\u201d":
        return True
    word = _WORD_RE.match(rest)
    return word is not None and word.group(0).lower() in follow
