"""Step 3c: events as items. Each trigger of a sentence that survives the checks (not in a quote or a date,
not part of a name, not another sense of the word) becomes a draft with its actors, date, place and summary.

The triggers of a sentence are read in order and each one updates the document's last person and speaker,
which the pronouns of the next ones resolve to; so this is a loop over triggers, not a map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from monitor.extract.items.actors import actor_name, place_after, resolve_reference, speaker_place, subject_of
from monitor.extract.items.dating import tense_date, timex_in
from monitor.extract.items.document import DETERMINERS, Doc, Entity, SentenceInfo, Tok, clause_of, overlaps
from monitor.extract.items.happenings import dated_happenings
from monitor.extract.items.merge import Draft, specificity
from monitor.extract.items.model import Item
from monitor.extract.items.summary import cap, clean_clause, event_summary, label
from monitor.extract.items.triggers import (
    AUXILIARIES,
    modal_or_negated,
    other_sense,
    possessive,
    told_by_verb,
)
from monitor.extract.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One trigger in its sentence: where it is, its kind, its clause and the words before it there."""

    start: int
    end: int
    surface: str  # the trigger as written (line breaks and all)
    trigger: str  # the trigger with single spaces, as the lexicon knows it
    kind: str
    clause: tuple[int, int]
    tokens_before: list[Tok]
    is_noun: bool  # "the delivery", "a phone call": named, not told with a verb


@dataclass(frozen=True, slots=True)
class _Actors:
    """Who an event is about: the subject name (if one stands before the trigger) and the actor names."""

    subject: Entity | None
    names: list[str]
    by_reference: bool  # the first actor came from a pronoun or "the ministry"


def event_drafts(doc: Doc, info: SentenceInfo, fronted: str | None, order: int) -> list[Draft]:
    """The event drafts of an analysed sentence, numbered from `order`; `fronted` is a date opening it.

    Only dated happenings: an undated event item is almost never a timeline row (a bare "police said", a
    habit, a background fact). Typed triggers first, then a kind-free `other` for each date of the sentence
    that none of them took; one item per date and sentence, since one date in one sentence tells one
    happening far more often than two.
    """
    typed = _typed_drafts(doc, info, fronted, order)  # undated ones already left out but for _UNDATED_KINDS
    drafts: list[Draft] = []
    for d in typed:
        if all(not _same_slot(k, d) or _coordinated(doc, k, d) for k in drafts):
            drafts.append(d)
    taken = {d.item.date for d in drafts}
    for h in dated_happenings(doc, info, taken):
        tokens_before = [t for t in info.tokens if h.clause[0] <= t.start and t.end <= h.start]
        occ = Occurrence(h.start, h.end, h.verb, h.verb.lower(), h.kind, h.clause, tokens_before, False)
        draft = _event_draft(doc, info, occ, None, order + len(drafts), h.date)
        value = h.date
        if draft is not None:
            drafts.append(draft)
            taken.add(value)
    return drafts


def _same_slot(a: Draft, b: Draft) -> bool:
    """Drafts a sentence keeps only one of: same date, and both or neither a statement (a source's report
    of a dated happening is news of its own: "the ministry said Monday the plane had landed")."""
    statement = (a.item.kind == "statement", b.item.kind == "statement")
    return a.item.date == b.item.date and statement[0] == statement[1]


def _may_stay_undated(doc: Doc, occ: Occurrence, who: _Actors) -> bool:
    """An undated movement of named actors told with a verb ("X departed for Y") may still be the story; an
    undated noun ("the arrival"), a modal ("may be reached"), an undated statement, meeting ("trade talks")
    or one of the other kinds almost never is a row of its own."""
    if occ.kind not in _UNDATED_KINDS or not who.names or occ.is_noun:
        return False
    tags = doc.lex.trigger_tags.get(occ.trigger, frozenset())
    return told_by_verb(tags, [t.lower for t in occ.tokens_before[-4:]])


_UNDATED_KINDS = frozenset({"departure", "arrival"})


def _coordinated(doc: Doc, a: Draft, b: Draft) -> bool:
    """Two event verbs joined by "and" tell two happenings ("was convicted and sentenced on Friday")."""
    if "statement" in (a.item.kind, b.item.kind) or not (a.trigger and b.trigger):
        return False
    between = doc.text[a.trigger[1] : b.trigger[0]]
    return bool(re.fullmatch(r"\s*(?:,\s*)?and\s+(?:(?:was|were|then|also)\s+)?", between))


def _typed_drafts(doc: Doc, info: SentenceInfo, fronted: str | None, order: int) -> list[Draft]:
    drafts: list[Draft] = []
    timex_spans = [(t.start, t.end) for t, _ in info.timexes]
    first_word = info.tokens[0].start if info.tokens else info.sentence.start
    for t_start, t_end, trigger, kind in info.triggers:
        if overlaps(t_start, t_end, info.quotes) or overlaps(t_start, t_end, timex_spans):
            continue
        if doc.text[t_start].isupper() and t_start != first_word:
            continue  # "Met Office", "Summit County": part of a name
        if other_sense(doc, kind, t_end, info.sentence.end):
            continue
        occ = _occurrence(doc, info, (t_start, t_end, trigger, kind))
        if kind != "statement" and modal_or_negated([t.lower for t in occ.tokens_before[-4:]]):
            continue  # "would not be vaccinating", "could be charged": no happening (GUIDELINES)
        draft = _event_draft(doc, info, occ, fronted, order + len(drafts), remember=True)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _occurrence(doc: Doc, info: SentenceInfo, found: tuple[int, int, str, str]) -> Occurrence:
    start, end, trigger, kind = found
    clause = clause_of(start, info.clauses)
    tokens_before = [t for t in info.tokens if clause[0] <= t.start and t.end <= start]
    last = tokens_before[-1].lower if tokens_before else ""
    is_noun = last in DETERMINERS or last in ("'s", "’s") or possessive(last)
    return Occurrence(start, end, doc.text[start:end], trigger, kind, clause, tokens_before, is_noun)


def _event_draft(
    doc: Doc,
    info: SentenceInfo,
    occ: Occurrence,
    fronted: str | None,
    order: int,
    date_of: str | None = None,
    remember: bool = False,
) -> Draft | None:
    """The draft of one trigger (dated `date_of` when given), or None when there is nothing to put on a
    timeline. With `remember`, the actors found are kept for the pronouns of later triggers."""
    who = _actors(doc, info, occ)
    if occ.kind == "statement" and not who.names and date_of is None:
        return None
    in_clause = date_of or timex_in(occ.clause, info, occ.start)
    undated = in_clause is None and fronted is None
    if (
        not who.names
        and undated
        and (occ.is_noun or place_after(info, occ.end, occ.clause[1], doc, occ.kind) is None)
    ):
        return None  # "the delivery, which ...", "to meet redemptions": nothing to put on a timeline
    date = in_clause or fronted
    if date is None and not _simple_present(occ) and not _present_statement(occ):
        date = tense_date(occ.tokens_before, occ.trigger, doc, occ.is_noun)
    if remember:
        _remember_actors(doc, occ.kind, tuple(who.names))
    if date is None and not _may_stay_undated(doc, occ, who):
        return None  # an undated event is no timeline row (see event_drafts): no summary to write
    if occ.kind == "statement":
        location, summary = _statement_text(doc, info, occ, who)
    else:
        location, summary = _event_text(doc, info, occ, who)
    item = Item(
        kind=occ.kind,
        date=date,
        summary=summary,
        evidence=info.sentence.text,
        start=info.sentence.start,
        end=info.sentence.end,
        actors=tuple(who.names),
        location=location,
    )
    return Draft(item, order, specificity(date), who.by_reference, (occ.start, occ.end))


def _simple_present(occ: Occurrence) -> bool:
    """A bare present tense of an event verb ("hosts", "ships") tells a habit, not a happening of today;
    only a reporting verb ("says") reports today."""
    if occ.kind == "statement" or occ.is_noun:
        return False
    last = occ.tokens_before[-1].lower if occ.tokens_before else ""
    return last not in AUXILIARIES and occ.trigger.split()[0].endswith("s")


def _present_statement(occ: Occurrence) -> bool:
    """A statement told by a bare present verb ("the president says his approach works", "Jones tells
    a story") with no date of its own: a standing view or a headline teaser, not news of the publication
    day. The publication date does not date it (and so it is no row)."""
    if occ.kind != "statement" or occ.is_noun:
        return False
    before = [t.lower for t in occ.tokens_before if t.lower not in _ADVERBS]
    last = before[-1] if before else ""
    first = occ.trigger.split()[0]
    return last not in AUXILIARIES and first.endswith("s") and not first.endswith(("ss", "us", "is"))


_ADVERBS = frozenset({"also", "now", "still", "often", "repeatedly", "again", "already", "even", "just"})


def _actors(doc: Doc, info: SentenceInfo, occ: Occurrence) -> _Actors:
    """The subject before the trigger, else a resolved reference; for calls and meetings (and kinds the
    lexicon does not know, and deliveries) also the names after it."""
    kind, clause = occ.kind, occ.clause
    ent = subject_of(info, occ.start, clause, doc, kind == "statement")
    actors: list[str] = []
    by_reference = False
    if ent is not None:
        actors.append(actor_name(ent, kind == "statement"))
    else:
        ref = resolve_reference(info, occ.start, clause, doc, kind)
        if ref:
            actors.append(ref)
            by_reference = True
        elif kind == "statement":
            # "..., said by X" or "..., said X": the speaker follows the verb.
            after = [e for e in info.entities if occ.end <= e.start < clause[1] and not e.modifier]
            if after and doc.text[occ.end : after[0].start].strip().lower() in ("", "by"):
                actors.append(actor_name(after[0], True))
        else:
            dem = [
                e
                for e in info.entities
                if clause[0] <= e.start and e.end <= occ.start and e.kind == "demonym"
            ]
            if dem:
                actors.append(dem[-1].name)
    if kind in ("call", "meeting") or kind not in doc.lex.kinds or kind == "delivery":
        for e in info.entities:
            if occ.end <= e.start < clause[1] and not e.modifier and e.kind in ("person", "org", "name"):
                name = actor_name(e, False)
                if name not in actors:
                    actors.append(name)
    return _Actors(ent, actors, by_reference)


def _statement_text(doc: Doc, info: SentenceInfo, occ: Occurrence, who: _Actors) -> tuple[str | None, str]:
    """(place, summary) of a statement: the speaker's place and what was said, from the speaker on."""
    ent = who.subject
    location = speaker_place(info, ent, doc)
    lead = ent.start if ent is not None else occ.start
    body = doc.text[lead : info.sentence.end]
    summary = f"{label(occ.kind)}: {cap(clean_clause(body), 18)}"
    if ent is None and who.names:
        summary = f"{label(occ.kind)}: {who.names[0]} {cap(clean_clause(body), 18)}"
    return location, summary


def _event_text(doc: Doc, info: SentenceInfo, occ: Occurrence, who: _Actors) -> tuple[str | None, str]:
    """(place, summary) of another event: the place after the trigger and its clause, told with the actor."""
    actors, ent, clause = who.names, who.subject, occ.clause
    location = place_after(info, occ.end, clause[1], doc, occ.kind)
    if location in actors:
        location = None
    text_from = clause[0]
    if ent is not None and ent.start < clause[0]:
        text_from = ent.start
    clause_text = doc.text[text_from : clause[1]]
    clause_text = re.sub(rf"\b(?:has|have|had)\s+(?={re.escape(occ.surface)})", "", clause_text)
    if who.by_reference:
        clause_text = re.sub(r"^\W*(?:he|she|it|they)\b", actors[0], clause_text, flags=re.IGNORECASE)
    summary = event_summary(occ.kind, tuple(actors), occ.trigger, clean_clause(clause_text), occ.is_noun)
    return location, summary


def _remember_actors(doc: Doc, kind: str, actors: tuple[str, ...]) -> None:
    """Keep the last person and speaker named in full, for the pronouns of later triggers."""
    if not actors:
        return
    surnames = set(doc.surname.values())
    countries = _countries(doc.lex)
    for a in actors:
        if " " in a and a not in countries:
            doc.last_person = a if a in surnames else doc.last_person
    if kind == "statement" and actors[0] in surnames:
        doc.last_speaker = actors[0]


@lru_cache(maxsize=8)
def _countries(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.country_of.values())
