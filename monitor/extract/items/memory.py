"""What a sentence leaves the next ones to refer to: the last person and thing named, the person or firm
opening it, the names told as places, people's genders (for "he", "she", "it", "the company")."""

from __future__ import annotations

from monitor.extract.items.actors import FIRM_KINDS, aside_object, human_subject, opening_subject
from monitor.extract.items.document import Doc, Entity, SentenceInfo, Tok
from monitor.extract.items.genders import learn_genders
from monitor.extract.wordforms import word_tags


def remember(doc: Doc, info: SentenceInfo) -> None:
    """The last person, thing and firm named outside quotes, the names told as places, and people's genders,
    for the references of the next sentences."""
    learn_genders(doc, info)
    doc.last_subject = _opening_person(doc, info)
    since = info.sentence.start
    last_firm = None
    for ent in info.entities:
        if info.quoted(ent.start, ent.end):
            continue
        if ent.kind in FIRM_KINDS and not ent.modifier:
            if _told_as_place(doc, ent):
                doc.places.add(ent.name)
            elif ent.name not in doc.places:
                last_firm = ent.name
                doc.firms[ent.name] = doc.firms.get(ent.name, 0) + 1
        if ent.kind == "person" and not _after_the(doc, ent) and not aside_object(info, ent, doc):
            doc.last_person, since = ent.name, ent.end
        elif ent.kind in ("org", "country", "capital"):
            doc.last_thing = ent.country if ent.kind == "capital" and ent.country else ent.name
            doc.last_thing_end = ent.end
    opening_name = opening_subject(info, doc)
    opening = _opening_firm(opening_name)
    thing = _opening_thing(opening_name)
    # "Quorvex has long wanted the island's dairies. Now it is ready. It has agreed to buy ...": a
    # sentence whose subject is "it" goes on with the thing the sentence before opened on
    doc.thing_before = thing if thing is not None or not _it_opens(info, doc) else doc.thing_before
    doc.firm_before = opening if opening is not None and opening not in doc.places else last_firm
    # "Ann Lee was charged. The suspect told police he ...": "he" is the suspect, whoever that is.
    if doc.last_person is not None and human_subject(info, since, info.sentence.end, doc):
        doc.last_person = None


def _opening_person(doc: Doc, info: SentenceInfo) -> str | None:
    """The person whose name opens the sentence, titles or a fronted phrase aside ("Ramaswamy spent much of
    the debate throwing bombs, mostly at Haley.", "Former Gov. Nikki Haley said ...", "During an interview,
    Skaik paused"): the subject a "he" or "she" opening the next sentence most often goes on with."""
    first = info.first_name_outside_quotes()
    if first is None or first.kind != "person" or _after_the(doc, first) or aside_object(info, first, doc):
        return None
    before = info.tokens_within(info.sentence.start, first.start)
    if all(t.cap or t.lower in doc.lex.function_words for t in before):
        return first.name
    # a fronted phrase set off by its comma ("During an interview, Skaik paused"): the name still opens the
    # main clause
    fronted = len(before) >= 2 and before[-1].text == "," and before[0].lower in doc.lex.function_words
    return first.name if fronted and "," not in (t.text for t in before[:-1]) else None


def _told_as_place(doc: Doc, ent: Entity) -> bool:
    """Whether a name follows a place's noun and "of" ("the Indonesian city of Surabaya", "the mayor of")."""
    words = doc.text[max(0, ent.start - 20) : ent.start].lower().split()
    return len(words) >= 2 and words[-1] == "of" and words[-2] in doc.lex.place_nouns


def _it_opens(info: SentenceInfo, doc: Doc) -> bool:
    """Whether "it" is the sentence's subject before its verb, after adverbs or function words at most
    ("It has agreed", "Now it has made")."""
    for t in info.tokens_within(info.sentence.start, info.sentence.end)[:4]:
        if t.lower == "it":
            return True
        if not (t.lower in doc.lex.function_words or "RB" in word_tags(t.lower)):
            return False
    return False


def _opening_firm(found: tuple[Entity, Tok] | None) -> str | None:
    """The organisation or other name (no person, no place) that opens the sentence as its subject
    (`opening_subject`: "Amazon is now letting you ..."), for a "the company" of the next."""
    return found[0].name if found is not None and found[0].kind in FIRM_KINDS else None


def _opening_thing(found: tuple[Entity, Tok] | None) -> str | None:
    """The organisation, country or other name opening the sentence as its subject (`opening_subject`), for
    an "it" opening the next."""
    if found is None or found[0].kind not in ("org", "name", "country", "capital"):
        return None
    ent = found[0]
    return ent.country if ent.kind == "capital" and ent.country else ent.name


def _after_the(doc: Doc, ent: Entity) -> bool:
    """An untitled name after "the" ("dubbed the Marsh Fever", "The Harbour Singers") names a thing or a
    group, read as a person only by its capitals: no later "he" or "the man" stands for it."""
    return not ent.titled and doc.text[max(0, ent.start - 4) : ent.start].lower() == "the "
