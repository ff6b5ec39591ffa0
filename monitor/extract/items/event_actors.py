"""Step 3c (who): the actors of an event trigger. Its subject, else the person or thing a pronoun or "the
company" stands for, else the speaker named after a reporting verb; the agent of a passive ("is being
investigated by X"); whom an act is done to ("Officers arrested Jane Doe"); the participants named after a
call or a meeting ("the call with X").
"""

from __future__ import annotations

import re

from monitor.extract.items.actors import (
    actor_name,
    coordinated,
    named_by_its_day,
    subject_of,
    title_word,
)
from monitor.extract.items.document import DETERMINERS, POSSESSIVE_S, Doc, Entity, SentenceInfo, overlaps
from monitor.extract.items.model import MOVEMENT_KINDS
from monitor.extract.items.occurrence import Actors, Occurrence
from monitor.extract.items.references import referred_with, resolve_reference
from monitor.extract.items.triggers import PASSIVE_BE
from monitor.extract.wordforms import NOUN_TAGS, word_tags

# Kinds whose object is not who the happening is of: what was said; where one went; a result's opponent,
# whom one player meets in several matches of a day ("Nadal defeated Khachanov", "Granollers and Lopez
# defeated Khachanov and Rublev").
_NO_OBJECT_ACTOR_KINDS = frozenset({"statement", "departure", "arrival", "result"})


def event_actors(doc: Doc, info: SentenceInfo, occ: Occurrence) -> Actors:
    """The subject before the trigger, else a resolved reference, else the named object of a verb; for calls
    and meetings (and kinds the lexicon does not know, and deliveries) also the names after it."""
    kind, clause = occ.kind, occ.clause
    # "the plan was announced by X": the subject is what was said; X, after the verb, said it
    passive = kind == "statement" and passive_said_by(doc, info, occ)
    ent = None if passive else subject_of(info, occ.start, clause, doc, kind == "statement")
    if ent is not None and occ.is_noun and named_by_its_day(doc, info, occ.start, kind, ent):
        ent = None  # "The Steelers distanced themselves from Thursday night's fight": not theirs
    actors: list[str] = []
    by_reference, referred = False, 1
    speaker_after: Entity | None = None
    if ent is not None:
        actors.extend(actor_name(e, kind == "statement") for e in coordinated(info, ent, doc))
        actors.append(actor_name(ent, kind == "statement"))
        if kind not in _NO_OBJECT_ACTOR_KINDS and not occ.is_noun:
            # "DEA officials arrested Fahie": who it was done to, as the passive names both ("Fahie was
            # arrested by the DEA")
            actors.extend(n for n in _acted_upon(doc, info, occ) if n not in actors)
    else:
        ref = None if passive else resolve_reference(info, occ.start, clause, doc, kind)
        if ref:
            actors.extend(referred_with(info, occ.start, clause, doc, ref))
            actors.append(ref)
            by_reference, referred = True, len(actors)
        elif kind == "statement":
            # "..., said by X" or "..., said X": the speaker follows the verb (not "told X": X was told).
            after = [e for e in info.entities if occ.end <= e.start < clause[1] and not e.modifier]
            # '..., responded NASA administrator Jim Bridenstine': only the speaker's title between
            titled = bool(after) and all(t.cap or title_word(t.lower, doc.lex)
                                         for t in info.tokens_within(occ.end, after[0].start))
            if (after and _by_agent(doc, info, occ.end, after[0].start)) or (
                titled and occ.trigger.split()[0] not in doc.lex.addressee_verbs
            ):
                speaker_after = after[0]
                actors.append(actor_name(speaker_after, True))
        else:
            dem = [
                e
                for e in info.entities
                if clause[0] <= e.start and e.end <= occ.start and e.kind == "demonym"
            ]
            if dem:
                actors.append(dem[-1].name)
            elif occ.is_noun:
                actors.extend(_named_after_of(doc, info, occ))
            elif kind not in MOVEMENT_KINDS:
                # (the one who departs or arrives is the subject: "reached Ada by phone" is no arrival of Ada)
                actors.extend(_acted_upon(doc, info, occ))
    agent = None if passive or kind == "statement" else _passive_agent(doc, info, occ)
    if agent is not None and agent.kind in _AGENT_KINDS and actor_name(agent, False) not in actors:
        # "X is being investigated by Y": Y acts on X, and another outlet tells it "Y is investigating X"
        actors.append(actor_name(agent, False))
    named = occ.is_noun or occ.trigger in doc.lex.dated_nouns
    if (kind in ("call", "meeting") or kind not in doc.lex.kinds or kind == "delivery") and (
            not named or occ.trigger.split()[-1] in _PARTICIPANT_PREPOSITIONS
            or _PARTICIPANTS_RE.match(doc.text, occ.end)):
        # A noun's participants follow a preposition ("the call with X", "talks between X and Y"); after a
        # noun alone the names are another verb's ("the March 20 call convinced him that X had ...").
        for e in info.entities:
            if (occ.end <= e.start < clause[1] and not e.modifier and e.kind in ("person", "org", "name")
                    and not (e.kind == "name" and _told_where(doc, e))):
                name = actor_name(e, False)
                if name not in actors:
                    actors.append(name)
    return Actors(ent, actors, by_reference, speaker_after, referred)


def passive_said_by(doc: Doc, info: SentenceInfo, occ: Occurrence) -> bool:
    """A reporting verb in the passive ("was announced") with its agent named after it ("by X")."""
    return _passive_agent(doc, info, occ) is not None


def _passive_agent(doc: Doc, info: SentenceInfo, occ: Occurrence) -> Entity | None:
    """The agent named after a verb in the passive ("was announced by X", "is being investigated by X")."""
    if occ.is_noun or not occ.tokens_before or occ.tokens_before[-1].lower not in PASSIVE_BE:
        return None
    after = next((e for e in info.entities if occ.end <= e.start < occ.clause[1] and not e.modifier), None)
    if after is None or not _by_agent(doc, info, occ.end, after.start):
        return None
    return after


def _by_agent(doc: Doc, info: SentenceInfo, start: int, end: int) -> bool:
    """Whether the words between a passive reporting verb and a name make that name its agent: "by", with the
    verb's date before it and the name's title after it left aside ("unveiled on Tuesday by Harbour Works
    Minister Ada Brisk")."""
    dates = [(t.start, t.end) for t, _v in info.timexes]
    words = [t for t in info.tokens_within(start, end) if not overlaps(t.start, t.end, dates)]
    if words and words[0].lower in _DATE_PREPOSITIONS and words[0].end < end and any(
            words[0].end <= d[0] < end for d in dates):
        words = words[1:]  # "on" of "on Monday"
    if not words or words[0].lower != "by":
        return False
    # A title before the name: capitalised words, the words of titles ("president") and the small words
    # inside titles ("Secretary of State").
    return all(t.cap or t.lower in _TITLE_JOINERS or title_word(t.lower, doc.lex) for t in words[1:])


_AGENT_KINDS = frozenset({"person", "org", "name"})
BY_WORD_RE = re.compile(r"\s\bby\b", re.IGNORECASE)
_DATE_PREPOSITIONS = frozenset({"on", "in", "at"})
_TITLE_JOINERS = frozenset({"of", "the", "for", "and"})


def _told_where(doc: Doc, ent: Entity) -> bool:
    """Whether a name comes right after "in" or "near": for a name the gazetteer lacks, where the meeting
    was, not who met ("held an event in nearby Hialeah", "met Ada Brisk in Ostvik")."""
    return _LOCATIVE_BEFORE_RE.search(doc.text, max(0, ent.start - 20), ent.start) is not None


_LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|near|outside)\s+(?:nearby\s+)?\Z")


_PARTICIPANT_PREPOSITIONS = frozenset({"with", "between", "among", "to", "of", "by", "in", "at"})
_PARTICIPANTS_RE = re.compile(r"\s+(?:" + "|".join(sorted(_PARTICIPANT_PREPOSITIONS)) + r")\b", re.IGNORECASE)


def _acted_upon(doc: Doc, info: SentenceInfo, occ: Occurrence) -> list[str]:
    """The person, organisation or other name a verb's act is done to, named right after it ("Officers
    arrested Jane Doe", "Amazon bought Whole Foods"), or a person named past a determiner, titles and an
    owner's name ("arrested the Caribbean Territory's Premier Andrew Fahie"); none when other words stand
    between. A name before "'s" owns the object and is not it ("dismissed Ada's comments")."""
    owners: list[tuple[int, int]] = []
    for e in info.entities:
        if not occ.end < e.start < occ.clause[1] or e.modifier:
            continue
        if doc.text.startswith(("'s", "\u2019s"), e.end):
            owners.append((e.start, e.end + 2))
            continue
        between = doc.text[occ.end : e.start]
        if not between.strip() and e.kind in ("person", "org", "name"):
            return [actor_name(e, False)]
        for a, b in owners:
            between = between.replace(doc.text[a:b], " ")
        words = [w.lower() for w in _WORD_RE.findall(between)]
        if e.kind == "person" and words and all(w in DETERMINERS or w in doc.lex.titles for w in words):
            return [actor_name(e, False)]
        return []
    return []


_WORD_RE = re.compile(r"[A-Za-z]+")


def _named_after_of(doc: Doc, info: SentenceInfo, occ: Occurrence) -> list[str]:
    """Who a noun with no subject tells of, named right after its "of" ("the death of Ada Brisk", "the
    disappearance of Flight 8501", "the arrest of Tomas Berg"): whom it befell, as a verb's subject or object
    would be ("Brisk died", "police arrested Berg"). Not a place ("the invasion of Valdoria": where)."""
    after = _OF_RE.match(doc.text, occ.end)
    if after is None:
        return []
    ent = next((e for e in info.entities if e.start == after.end() and e.end <= occ.clause[1]), None)
    if ent is None or ent.modifier or ent.kind not in ("person", "org", "name"):
        return []
    # "the decline of Punjab's water table", "the release of the COI report": the name qualifies another noun
    if doc.text.startswith(POSSESSIVE_S, ent.end) or (
            (word := _NEXT_WORD_RE.match(doc.text, ent.end)) and word_tags(word.group(1)) & NOUN_TAGS):
        return []
    return [actor_name(ent, False)]


_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")


# "of", then maybe a determiner: "the death of the ...", "the arrest of Tomas Berg"
_OF_RE = re.compile(r"\s+of\s+(?:the\s+)?")
