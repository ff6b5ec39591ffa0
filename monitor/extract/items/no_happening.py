"""Words that look like a happening's and tell none: a question ("Will the ferry sail on Friday?"), a list of
headlines caught in the text, a participle that only describes a noun ("video released by the ministry"); and
dated happenings too vague to be rows ("earlier this year, the conglomerate made headlines")."""

from __future__ import annotations

import datetime as dt
import re

from monitor.extract.items.document import Doc, SentenceInfo
from monitor.extract.items.event_dates import ADVERBS
from monitor.extract.items.model import Item
from monitor.extract.items.occurrence import Occurrence
from monitor.extract.items.triggers import AUXILIARIES
from monitor.extract.lexicon import Lexicon
from monitor.extract.spans import date_span
from monitor.extract.wordforms import word_tags

_CONJUNCTIONS = frozenset({"and", "but", "so", "or"})
_BY_RE = re.compile(r"\s+by\b", re.IGNORECASE)


def is_question(info: SentenceInfo, lex: Lexicon) -> bool:
    """A sentence asking a question (tense.yaml `question_openers`), not one that reports one."""
    if not info.sentence.text.endswith("?"):
        return False
    words = [t.lower for t in info.tokens[:2] if t.text[:1].isalpha()]
    if words and words[0] in _CONJUNCTIONS:
        words = words[1:]
    return bool(words) and words[0] in lex.question_openers


def link_lists(info: SentenceInfo) -> list[tuple[int, int]]:
    """The parts of a sentence that are a list of headlines run together by "|" (a page's related links
    caught in the text): from the first bar to the last one, and the headline on either side of them."""
    text = info.sentence.text
    if text.count("|") < 2:
        return []
    first, last = text.index("|"), text.rindex("|")
    start = max(text.rfind(c, 0, first) for c in ".!?") + 1
    end = min((i for i in (text.find(c, last) for c in ".!?") if i >= 0), default=len(text))
    base = info.sentence.start
    return [(base + max(start, first - 120), base + min(end, last + 120))]


def reduced_relative(doc: Doc, info: SentenceInfo, occ: Occurrence) -> bool:
    """A past participle right after a noun and before "by" modifies that noun ("video released by the
    ministry showed ...", "data compiled by the agency"): it tells no happening of the sentence unless a date
    stands in its own stretch, before the verb of the clause ("the programme launched by the government in
    2011")."""
    toks = occ.tokens_before
    if occ.is_noun or not toks or " " in occ.trigger or not _BY_RE.match(doc.text, occ.end):
        return False
    after = [t for t in info.tokens if t.start >= occ.end]
    if not after or after[0].lower != "by":
        return False
    tags = doc.lex.trigger_tags.get(occ.trigger, frozenset())
    if not tags & {"VBN", "VBD"}:
        return False
    prev = toks[-1]
    if prev.lower in AUXILIARIES or prev.lower in ADVERBS or not prev.text.isalpha():
        return False
    if not (prev.cap or word_tags(prev.lower) & {"NN", "NNS"}):
        return False
    # The stretch of the participle: up to the verb of the clause (a past or present tense after the noun
    # phrase of "by") or the end of the clause.
    stop = occ.clause[1]
    for t in after[2:]:
        if t.start >= stop:
            break
        t_tags = word_tags(t.lower)
        if not t.cap and t_tags & {"VBD", "VBZ", "VBP"} and not t_tags & {"NN", "NNS"}:
            stop = t.start
            break
    return not any(occ.end <= tx.start < stop for tx, _v in info.timexes)


def too_vague(item: Item, published: dt.date | None) -> bool:
    """Whether a dated happening says too little to be a row of its own: one of no kind dated only by the
    year of publication ("earlier this year, the conglomerate made headlines", "the rules are to be finalised
    this fall"), or business dated only by a quarter ("net income fell 22% in the third quarter", "expected
    to break even for the quarter"), the quarter's results that its figures tell. Over the gold sets such
    rows were false 35 times to 14 right, and 9 to none."""
    if item.kind == "other":
        return published is not None and item.date == str(published.year)
    span = date_span(item.date) if item.kind == "business" else None
    return span is not None and span.precision == "quarter"
