"""A sentence that names a past day or month and gave no item: one kind-free happening on that date.

The rules before this one read a happening off a trigger, or off the finite verb nearest a date in its
clause, and leave a sentence alone when neither holds ("On the night of 3 May, though, the water in the
harbour was below freezing", "The first crossing was with the mayor aboard in April"). A
sentence that names a day or month other than the report's own, in a past tense, still tells what happened
then far more often than not in news copy: this is the last reading of such a sentence, at its first past
verb that is not a report's ("said"), a modal's or a negation's. A sentence that names no such date but a
day that owns a noun ("Union leaders praised Tuesday's gathering", "today's publication of a report")
tells of that noun's happening on that day, unless the noun names the present ("by today's standards") or
was called off ("Monday's crossing was cancelled").
"""

from __future__ import annotations

import re

from monitor.extract.items.amounts import counted_subject, states_a_figure
from monitor.extract.items.dating import after_publication, iso_day, range_bound
from monitor.extract.items.document import (
    PERFECT_AUX,
    POSSESSIVE_S,
    Doc,
    SentenceInfo,
    Tok,
    clause_of,
    overlaps,
)
from monitor.extract.items.happenings import first_since
from monitor.extract.items.joined_clauses import MakeDraft
from monitor.extract.items.merge import Draft
from monitor.extract.items.no_happening import is_question
from monitor.extract.items.occurrence import Occurrence
from monitor.extract.items.triggers import PASSIVE_BE, is_negation, source_spans
from monitor.extract.items.unreal import CONDITIONS, MODALS, a_refusal, modal_or_negated
from monitor.extract.wordforms import word_tags

_DAY_OR_MONTH_RE = re.compile(r"\d{4}-\d\d(?:-\d\d)?")
# a limit right before the date: not when the sentence's happening was ("adjourned until July", "prior to
# Friday", "ahead of the Christmas holiday", "as soon as Tuesday")
_LIMIT_RE = re.compile(
    r"\b(?:until|till|prior\s+to|ahead\s+of|as\s+(?:soon|early)\s+as)\s+(?:the\s+)?\Z", re.IGNORECASE)
_COUNT_RE = re.compile(r"\d[\d,.]*")


def named_day_happening(doc: Doc, info: SentenceInfo, make: MakeDraft) -> list[Draft]:
    """The happening of a sentence that gave no item but names a day or month other than the report's own
    as when it happened, told by its first past verb, or a day's happening named by its noun ("Wednesday's
    deal"); `make` drafts the verb or the noun with that date."""
    if doc.published is None or is_question(info, doc.lex):
        return []
    date = _date_named(doc, info)
    if date is None:
        return _day_of_a_noun(doc, info, make)
    verb = _past_verb(doc, info)
    draft = make(_kind_free(info, verb, False), date) if verb is not None else None
    return [draft] if draft is not None else []


def _kind_free(info: SentenceInfo, word: Tok, is_noun: bool) -> Occurrence:
    """A word this module reads as a happening of kind `other`, in its clause."""
    clause = clause_of(word.start, info.clauses)
    return Occurrence(word.start, word.end, word.text, word.lower, "other", clause,
                      info.tokens_within(clause[0], word.start), is_noun)


def _day_of_a_noun(doc: Doc, info: SentenceInfo, make: MakeDraft) -> list[Draft]:
    """The happening a day's possessive names ("Wednesday's deal", "Friday's conference call", "today's
    publication of a report"): the noun it owns, on that day. A year's ("last year's tax bill") is more often
    a thing of that year than news of it, and a sentence that gave an item tells its news otherwise."""
    for tx, value in info.timexes:
        if (iso_day(value) is None or doc.text[tx.end : tx.end + 2] not in POSSESSIVE_S
                or after_publication(value, doc.published)):
            continue  # (a day to come is read by the sentence's tense: "will remember Saturday's match")
        noun = _owned_noun(info, tx.end + 2)
        if noun is None or noun.lower in doc.lex.present_nouns or _called_off(doc, info, noun):
            return []  # ("by today's standards": the present's; "Monday's crossing was cancelled": none)
        draft = make(_kind_free(info, noun, True), value)
        return [draft] if draft is not None else []
    return []


def _owned_noun(info: SentenceInfo, start: int) -> Tok | None:
    """The head of the noun phrase right after a possessive: its modifiers, then its nouns, the last of them
    the head ("Friday's early conference call", "today's publication"), up to four words, a lower-case noun
    last; a word of another kind after a noun, or punctuation, ends the phrase."""
    words = [t for t in info.tokens if t.start >= start][:_OWNED_WORDS]
    head = None
    for i, tok in enumerate(words):
        if i and tok.start > words[i - 1].end + 1:
            break  # punctuation or a line between: the phrase has ended
        tags = word_tags(tok.lower)
        noun = not tok.cap and bool(tags & {"NN", "NNS"}) and tok.lower not in _BE_WORDS
        if noun:
            head = tok
        elif head is not None or not (tok.cap or tags & {"JJ", "VBG", "VBN"}):
            break
    return head


def _called_off(doc: Doc, info: SentenceInfo, noun: Tok) -> bool:
    """Whether the verb right after a day's noun (past "was", "has been") undoes or moves it ("Monday's
    crossing was cancelled", "Saturday's match has been postponed"): tense.yaml `cancelling_verbs`,
    `rescheduling_verbs`."""
    undoing = doc.lex.cancelling_verbs | doc.lex.rescheduling_verbs
    for tok in [t for t in info.tokens if t.start >= noun.end][:3]:
        if tok.lower in undoing:
            return True
        if tok.lower not in _BE_WORDS:
            return False
    return False


# the auxiliaries between a day's noun and what undid it ("was cancelled", "has been postponed")
_BE_WORDS = PASSIVE_BE | PERFECT_AUX | {"had"}
_OWNED_WORDS = 4


def _date_named(doc: Doc, info: SentenceInfo) -> str | None:
    """The sentence's first date of a day or month before the report's day that may say when something
    happened: not a limit ("until July"), a span's end, a baseline's date, a source's or a possessor's
    ("Thursday's reuse")."""
    published = doc.published.isoformat() if doc.published else ""
    # "according to the survey of Monday": the source's date (its release is read before, if told)
    sources = source_spans(doc.text, info.sentence.start, info.sentence.end)
    for tx, value in info.timexes:
        if (value == published or not _DAY_OR_MONTH_RE.fullmatch(value) or tx.start in info.bound
                or after_publication(value, doc.published)  # a past verb tells no day to come
                or overlaps(tx.start, tx.end, sources)
                or _LIMIT_RE.search(doc.text, max(info.sentence.start, tx.start - 16), tx.start)
                or doc.text[tx.end : tx.end + 2] in POSSESSIVE_S  # "Thursday's reuse": a noun's date
                or range_bound(doc.text, tx) or first_since(doc.text, info.sentence.start, tx.start)):
            continue
        return value
    return None


def _past_verb(doc: Doc, info: SentenceInfo) -> Tok | None:
    """The first verb in the simple past outside quotes that tells something done, or None when that verb
    only states a figure, is a modal's, a negation's, a condition's or a refusal's; a report's verb
    ("said", "told") is passed over, its date being often another's."""
    for i, tok in enumerate(info.tokens):
        tags = word_tags(tok.lower)
        # ("must" is among the forms tagged a past tense)
        if tok.cap or tok.lower in MODALS or "VBD" not in tags or tags & {"NN", "NNS", "JJ"}:
            continue
        if overlaps(tok.start, tok.end, info.quotes):
            continue
        if doc.lex.kind_of(tok.lower) == "statement":
            continue
        after = info.tokens[i + 1].lower if i + 1 < len(info.tokens) else ""
        span = clause_of(tok.start, info.clauses)
        clause = info.tokens_within(span[0], tok.start)
        if (states_a_figure(doc, tok, span) or counted_subject(doc, info, tok, span)
                or (bool(clause) and _COUNT_RE.fullmatch(clause[-1].text) is not None)):
            return None  # "2,285 were absent Monday", "22 homicides were recorded in March": a figure's
        if (any(t.lower in MODALS for t in clause) or (clause and clause[0].lower in CONDITIONS)
                or modal_or_negated([t.lower for t in info.tokens[max(0, i - 3) : i]]) or is_negation(after)
                or a_refusal(doc, tok.lower, tok.end)):
            # "might help Amazon sell more", "if funds arrived", "didn't search", "there was no word Friday",
            # "declined to comment on Thursday"
            return None
        return tok
    return None
