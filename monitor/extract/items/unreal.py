"""Words that make a verb tell no happening: a negation or a modal ("did not arrest", "could be charged"), a
condition ("if funds arrived on Friday") or a refusal ("declined to comment on Thursday"); and the one modal
that tells a plan, "would" under a reporting verb ("said the ferry would be delivered next year") or before a
day to come ("the rules would take effect on Dec. 31, 2007").

The trigger drafts (event_items) and the dated verbs (happenings) ask these of the words around a verb.
"""

from __future__ import annotations

import datetime as dt
import re

from monitor.extract.items.document import Doc, SentenceInfo
from monitor.extract.items.triggers import is_negation
from monitor.extract.timex.days import DAY_VALUE


def modal_or_negated(prev: list[str]) -> bool:
    """Whether the words just before a verb make it no happening: a negation ("did not arrest", "has
    never met") or a modal ("would meet", "could be charged")."""
    return any(is_negation(w) or w in MODALS for w in prev)


def a_refusal(doc: Doc, word: str, end: int) -> bool:
    """Whether `word` (ending at `end`) declines or refuses what the verb after "to" would tell ("declined
    to comment on Thursday"): no happening, and no decline ("shares declined to $5" is one); tense.yaml
    `refusal_verbs`."""
    return word in doc.lex.refusal_verbs and _TO_A_VERB_RE.match(doc.text, end) is not None


def refused(doc: Doc, prev: list[str]) -> bool:
    """Whether the words before a verb make it what someone refused to do ("refused to testify")."""
    return len(prev) >= 2 and prev[-1] == "to" and prev[-2] in doc.lex.refusal_verbs


_TO_A_VERB_RE = re.compile(r"\s+to\s+(?:be\s+)?[a-z]+\b(?![-.,]?\d)")
MODALS = frozenset({"would", "could", "might", "should", "may", "must", "can"})
CONDITIONS = frozenset({"if", "unless", "whether"})


def reported_plan(info: SentenceInfo, start: int, clause: tuple[int, int], prev: list[str],
                  published: dt.date | None = None) -> bool:
    """"She said the ferry would be delivered next year": "would" with a reporting verb is the future of the
    report, a plan with a date of its own clause, not a hypothetical (which an "if" or a negation still
    makes). So is "would" before a day of the calendar after the report (`published`): "The new rules would
    take effect on Dec. 31, 2007" sets the day of a plan, where "would have met on Monday" tells none."""
    if "would" not in prev or any(is_negation(w) for w in prev):
        return False
    if any(t.lower in CONDITIONS for t in info.tokens):
        return False
    in_clause = [(tx, v) for tx, v in info.timexes if clause[0] <= tx.start < clause[1]]
    said = [(s, end) for s, end, _t, kind in info.triggers if kind == "statement"]
    if any(end <= start or s >= clause[1] for s, end in said):
        return bool(in_clause)  # "said it would ...", "... would start in 2022, he said"
    later = (published + dt.timedelta(days=1)).isoformat() if published else None
    return (later is not None and "have" not in prev[prev.index("would"):]
            and any(DAY_VALUE.fullmatch(v or "") and (v or "") >= later for _tx, v in in_clause))
