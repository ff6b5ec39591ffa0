"""A deadline given with "until": "the three shipyards had until June 1 to submit bids", "the port gave the
trawler owners until Friday to sign". "Until" makes a date a limit, which dates no happening (happenings
`_not_when`); given this way the limit is a day on the timeline of its own, the deadline's."""

from __future__ import annotations

from monitor.extract.items.document import SentenceInfo, Tok
from monitor.extract.items.unreal import TO_A_VERB_RE
from monitor.extract.timex import Timex


def deadline_given(info: SentenceInfo, tx: Timex, text: str, givers: frozenset[str]) -> Tok | None:
    """The verb that gives the deadline when `tx` follows "until" after one of `givers` (tense.yaml
    `deadline_verbs`: "had", "gave", "given") within four words, and "to" and a verb follow the date."""
    if TO_A_VERB_RE.match(text, tx.end) is None:
        return None
    before = info.tokens_within(info.sentence.start, tx.start)
    if not before or before[-1].lower != "until":
        return None
    return next((t for t in reversed(before[-6:-1]) if t.lower in givers), None)
