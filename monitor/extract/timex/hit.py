"""A rule match as the normalisers see it (`Hit`), and the registry of normalisers by name.

The normalisers live in monitor.extract.timex.days (days and times) and monitor.extract.timex.periods
(durations, periods, sets) and register themselves here with `@normaliser`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from monitor.extract.timex.rules import TimexVocabulary
from monitor.extract.timex.tense import clause_tense

Result = tuple[str | None, str, str | None]  # (type or None for the rule's default, value, mod)
NORMALISERS: dict[str, Callable[[Hit], Result | None]] = {}

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'.-]*)[ \t]*$")
_WORD_AFTER = re.compile(r"^[ \t]*([A-Za-z][\w'-]*)")
_DERIVED = re.compile(r"\b(?:ago|earlier|later|before|after)\b|year-", re.IGNORECASE)
# Between a year alone and a day it sets: a comma, "on", "in" or "at" ("Last year, on Easter Sunday").
_YEAR_THEN_DAY = re.compile(r",?\s+(?:on|in|at)\s+|,\s+")
_YEAR_VALUE = re.compile(r"\d{4}")
_RECENT_WINDOW = 400  # characters back in which an earlier expression sets the granularity


@dataclass(slots=True)
class Hit:
    """A rule match as the normalisers see it: its groups, the text around it and the DCT."""

    text: str
    start: int
    end: int
    groups: dict[str, str]
    dct: dt.datetime
    lex: TimexVocabulary
    params: dict[str, Any]
    previous: list[Any] = field(default_factory=list)  # the Timex objects found before this one
    _tense: str | None | bool = field(default=False)

    @property
    def day(self) -> dt.date:
        return self.dct.date()

    def g(self, name: str) -> str | None:
        return self.groups.get(name)

    def tense(self) -> str | None:
        """'past', 'future' or None for the clause around the match (computed once)."""
        if self._tense is False:
            own = {w.lower() for w in re.findall(r"[A-Za-z']+", self.text[self.start : self.end])}
            self._tense = clause_tense(
                self.text, self.start, self.end,
                self.lex.words("tense_future"), self.lex.words("tense_past"), own,
                self.lex.words("tense_preposition"), self.lex.words("tense_not_cues"),
                self.lex.words("tense_future_progressive"),
            )
        return self._tense  # type: ignore[return-value]

    def recent_value(self, shape: re.Pattern[str]) -> str | None:
        """The value of the last expression written out shortly before this one, if it has `shape`.

        Expressions that are themselves relative to another ("a year earlier") are passed over.
        """
        for timex in reversed(self.previous):
            if timex.end < self.start - _RECENT_WINDOW:
                break
            if _DERIVED.search(timex.text):
                continue
            if shape.fullmatch(timex.value):
                return str(timex.value)
        return None

    def year_just_before(self) -> int | None:
        """The year an expression of a year alone sets right before this one ("Last year, on Easter Sunday",
        "In 2015, on March 5"): a day with no year of its own is that year's."""
        if not self.previous:
            return None
        last = self.previous[-1]
        between = _YEAR_THEN_DAY.fullmatch(self.text, last.end, self.start)
        if not _YEAR_VALUE.fullmatch(last.value) or not between:
            return None
        return int(last.value)

    def mod(self, cls: str = "mod_point") -> str | None:
        return self.lex.get(cls, self.g("mod"))

    def word_before(self) -> str:
        m = _WORD_BEFORE.search(self.text, max(0, self.start - 40), self.start)
        return m.group(1) if m else ""

    def word_after(self) -> str:
        m = _WORD_AFTER.match(self.text[self.end : self.end + 40])
        return m.group(1) if m else ""

    def capitalised_ok(self, cls: str, group: str) -> bool:
        """False when the group's word counts only capitalised ("May") and is written otherwise."""
        surface = self.g(group)
        if surface is None or not self.lex.needs_capital(cls, surface):
            return True
        return surface[:1].isupper()


def normaliser(func: Callable[[Hit], Result | None]) -> Callable[[Hit], Result | None]:
    NORMALISERS[func.__name__] = func
    return func
