"""Dates that lie a span after the report: "in <span>" of what will happen ("The candidates will debate in one
week": that day), and a span of months or years that opens its sentence as the horizon of what it tells
("Within a decade, $900 billion in interest will be due annually": that year)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from monitor.extract.items.dating import later_date
from monitor.extract.items.document import Doc
from monitor.extract.timex import Timex
from monitor.extract.timex.loader import load as load_timex_rules
from monitor.extract.timex.tense import clause_tense


def dates_from_now(doc: Doc, own: Sequence[Timex], sentence_start: int) -> list[tuple[Timex, str]]:
    """Spans told as "in <span>" of what will happen ("The candidates will debate in one week", "In just 63
    days, the final votes will be cast", "Within a decade, ... will be due"): the date that far after the
    report. `own`: the timexes of the sentence starting at `sentence_start`."""
    out: list[tuple[Timex, str]] = []
    if doc.published is None:
        return out
    for tx in own:
        if tx.type != "DURATION":
            continue
        if not _DAYS_OR_WEEKS_RE.fullmatch(tx.value):
            # "due in a decade", "in 25 years": a term or a span, seldom a time to come; but one that opens
            # the sentence is its horizon ("Within a decade, $900 billion in interest will be due annually")
            if not (_MONTHS_OR_YEARS_RE.fullmatch(tx.value)
                    and _OPENING_SPAN_RE.fullmatch(doc.text, sentence_start, tx.start)):
                continue
        elif not _IN_BEFORE_RE.search(doc.text, max(0, tx.start - 16), tx.start):
            continue
        if _RATE_AFTER_RE.match(doc.text, tx.end):
            continue  # "in five days a week": a rate
        value = later_date(doc.published.isoformat(), tx.value)
        if value and _will_happen(doc.text, tx):
            out.append((dataclasses.replace(tx, type="DATE", value=value), value))
    return out


def _will_happen(text: str, tx: Timex) -> bool:
    """Whether the clause around a timex tells what is to come, by the tagger's own cue words."""
    words = load_timex_rules().lexicon.words
    own = {w.lower() for w in re.findall(r"[A-Za-z']+", tx.text)}
    return clause_tense(text, tx.start, tx.end, words("tense_future"), words("tense_past"), own,
                        not_cues=words("tense_not_cues")) == "future"


_DAYS_OR_WEEKS_RE = re.compile(r"P\d+[DW]")
_MONTHS_OR_YEARS_RE = re.compile(r"P\d+[MY]")
# "In" or "Within" opening the sentence, past any quote mark or bracket, up to the span
_OPENING_SPAN_RE = re.compile(
    r"[\s\"'\u201c\u2018(]*(?:In|Within)\s+(?:just\s+|only\s+|another\s+|about\s+)?")
_RATE_AFTER_RE = re.compile(r"\s+(?:a|an|per|each|every)\b")
_IN_BEFORE_RE = re.compile(r"\b[Ii]n\s+(?:just\s+|only\s+|another\s+|about\s+)?\Z")

