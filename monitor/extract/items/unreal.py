"""Words that make a verb tell no happening: a negation or a modal ("did not arrest", "could be charged"), a
condition ("if funds arrived on Friday") or a refusal ("declined to comment on Thursday"); and the one modal
that tells a plan, "would" under a reporting verb ("said the ferry would be delivered next year") or before a
day to come ("the rules would take effect on Dec. 31, 2007").

The trigger drafts (event_items) and the dated verbs (happenings) ask these of the words around a verb.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from monitor.extract.items.dating import after_publication
from monitor.extract.items.document import Doc, SentenceInfo
from monitor.extract.items.triggers import is_negation
from monitor.extract.lexicon import Lexicon
from monitor.extract.timex.days import DAY_VALUE


def modal_or_negated(prev: list[str]) -> bool:
    """Whether the words just before a verb make it no happening: a negation ("did not arrest", "has
    never met") or a modal ("would meet", "could be charged")."""
    return any(is_negation(w) or w in MODALS for w in prev)


def a_refusal(doc: Doc, word: str, end: int) -> bool:
    """Whether `word` (ending at `end`) declines or refuses what the verb after "to" would tell ("declined
    to comment on Thursday"): no happening, and no decline ("shares declined to $5" is one); tense.yaml
    `refusal_verbs`."""
    return word in doc.lex.refusal_verbs and TO_A_VERB_RE.match(doc.text, end) is not None


def refused(doc: Doc, prev: list[str]) -> bool:
    """Whether the words before a verb make it what someone refused to do ("refused to testify")."""
    return len(prev) >= 2 and prev[-1] == "to" and prev[-2] in doc.lex.refusal_verbs


def earliest_day_spans(text: str, lex: Lexicon, dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of tense.yaml `earliest_day_phrases` right before a date ("as early as June 15"): a
    comparison on the date, whose "as" opens no clause of its own."""
    return [(opens, start) for start, _end in dates
            if (opens := _earliest_start(text, lex, start)) is not None]


def _earliest_start(text: str, lex: Lexicon, at: int) -> int | None:
    """Where one of tense.yaml `earliest_day_phrases` that ends right before `at` starts, else None."""
    found = _earliest_re(lex.earliest_day_phrases).search(text, max(0, at - 40), at)
    return found.start() if found else None


@cache
def _earliest_re(phrases: frozenset[tuple[str, ...]]) -> re.Pattern[str]:
    body = "|".join(r"\s+".join(map(re.escape, p)) for p in sorted(phrases))
    return re.compile(rf"\b(?:{body})\s+\Z", re.IGNORECASE)


TO_A_VERB_RE = re.compile(r"\s+to\s+(?:be\s+)?[a-z]+\b(?![-.,]?\d)")
MODALS = frozenset({"would", "could", "might", "should", "may", "must", "can"})
CONDITIONS = frozenset({"if", "unless", "whether"})


def reported_plan(doc: Doc, info: SentenceInfo, start: int, clause: tuple[int, int], prev: list[str]) -> bool:
    """"She said the ferry would be delivered next year": "would" with a reporting verb is the future of the
    report, a plan with a date of its own clause, not a hypothetical (which an "if" or a negation still
    makes). So is "would" before a day of the calendar after the report: "The new rules would take effect on
    Dec. 31, 2007" sets the day of a plan, where "would have met on Monday" tells none; and any modal before a
    day or month to come that "as early as" opens (tense.yaml `earliest_day_phrases`): "the levy vote may be
    held as early as June 15" is a hedged schedule."""
    if any(is_negation(w) for w in prev) or any(t.lower in CONDITIONS for t in info.tokens):
        return False
    published = doc.published
    in_clause = [(tx, v) for tx, v in info.timexes if clause[0] <= tx.start < clause[1]]
    if any(w in MODALS for w in prev) and any(
            tx.start > start and after_publication(v, published)
            and _earliest_start(doc.text, doc.lex, tx.start) is not None
            for tx, v in in_clause):
        return True
    if "would" not in prev:
        return False
    said = [(s, end) for s, end, _t, kind in info.triggers if kind == "statement"]
    if any(end <= start or s >= clause[1] for s, end in said):
        return bool(in_clause)  # "said it would ...", "... would start in 2022, he said"
    later = (published + dt.timedelta(days=1)).isoformat() if published else None
    return (later is not None and "have" not in prev[prev.index("would"):]
            and any(DAY_VALUE.fullmatch(v or "") and (v or "") >= later for _tx, v in in_clause))
