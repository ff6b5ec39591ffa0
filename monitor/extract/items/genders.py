"""Whom "he" and "she" can stand for: the gender a story gives each person it names.

A story shows who is a man and who a woman by its own words: an honorific or gendered title before the name
("Ms. Haley", "Congresswoman Ilhan Omar"), or a pronoun the sentence goes on to use for the one person it
names ("Haley was even less aggressive in her criticism"). The words are names.yaml `genders`. A pronoun is
then resolved to the last fitting person: in a story of several men and one woman, "she said" after a
man's quote is the woman (the pronoun's words decide, never a name's look).
"""

from __future__ import annotations

from monitor.extract.items.document import POSSESSIVE_S, Doc, Entity, SentenceInfo, Tok
from monitor.extract.wordforms import NOUN_TAGS, word_tags

# A gendered title says more than a pronoun after the name, which may stand for someone the sentence
# does not name ("Smith's lawyer said she ...").
_TITLE_VOTES = 3
_NOUN_OR_ADJECTIVE = frozenset({"NN", "NNS", "JJ"})
_NOUN_OR_BASE_VERB = NOUN_TAGS | {"VB", "VBP"}


def learn_genders(doc: Doc, info: SentenceInfo) -> None:
    """Count the votes for the gender of each person the sentence names outside quotes: a gendered title
    before the name, or the first gendered pronoun after it when no one else is named or described in
    between; keep the people named, the last named last."""
    people = [e for e in info.entities
              if e.kind == "person" and not info.quoted(e.start, e.end)]
    for n, person in enumerate(people):
        before = info.tokens_within(info.sentence.start, person.start)
        titled = doc.lex.gender_of.get(before[-1].lower) if before else None
        if titled is not None:
            _vote(doc, person.name, titled, _TITLE_VOTES)
        elif all(p.name == person.name for p in people[:n]):
            told = _pronoun_after(doc, info, person, people[n + 1].start if n + 1 < len(people) else None)
            if told is not None:
                _vote(doc, person.name, told, 1)
        doc.people_named.pop(person.name, None)  # named again: now the last named
        doc.people_named[person.name] = None


def _pronoun_after(doc: Doc, info: SentenceInfo, person: Entity, next_person: int | None) -> str | None:
    """The gender of the first gendered pronoun after `person`, outside quotes, before the next person;
    None where the pronoun may well stand for someone else: after a possessive name or a name qualifying a
    noun ("Trump's defenders ... her testimony", "a former Beto O'Rourke supporter, she"), a noun for a
    person ("Webb grabbed the little girl as she"), or "of" ("said Beth Meacham, one of his editors")."""
    end = info.sentence.end if next_person is None else next_person
    tokens = info.tokens_within(person.end, end)
    lex = doc.lex
    if tokens and (tokens[0].text in POSSESSIVE_S or _noun_after_name(tokens[0])):
        return None
    for n, tok in enumerate(tokens):
        if info.quoted(tok.start, tok.end):
            continue
        if tok.lower in lex.person_nouns:
            return None
        if tok.lower in lex.object_pronouns and not _before_a_noun(tokens[n + 1:n + 2]):
            continue  # "Garrett hit him": someone else
        if tok.lower in lex.pronoun_genders:
            return None if n and tokens[n - 1].lower == "of" else lex.pronoun_genders[tok.lower]
    return None


def _noun_after_name(tok: Tok) -> bool:
    """A lower-case noun right after a name, which then qualifies it ("O'Rourke supporter", "Trump campaign"):
    a noun that is no verb but in its base form, which a singular name is not the subject of."""
    tags = word_tags(tok.lower) if not tok.cap and tok.text.isalpha() else frozenset()
    return bool(tags & NOUN_TAGS) and tags <= _NOUN_OR_BASE_VERB


def _vote(doc: Doc, name: str, gender: str, votes: int) -> None:
    tally = doc.gender_votes.setdefault(name, {})
    tally[gender] = tally.get(gender, 0) + votes


def gender(doc: Doc, name: str | None) -> str | None:
    """The gender the story gives `name`: the one with more votes than all others, else None."""
    tally = doc.gender_votes.get(name) if name else None
    if not tally:
        return None
    best = max(tally, key=tally.__getitem__)
    return best if 2 * tally[best] > sum(tally.values()) else None


def _before_a_noun(following: list[Tok]) -> bool:
    """Whether the next word is a noun or adjective, never an adverb: "her criticism", not "told her that"."""
    if not following or not following[0].text.isalpha():
        return False
    tags = word_tags(following[0].lower)
    return bool(tags & _NOUN_OR_ADJECTIVE) and "RB" not in tags


def fits(doc: Doc, name: str | None, pronoun: str) -> bool:
    """Whether `pronoun` may stand for `name`: no gender known for either, or the same."""
    wanted, known = doc.lex.pronoun_genders.get(pronoun), gender(doc, name)
    return wanted is None or known is None or known == wanted


def fitting(doc: Doc, pronoun: str, candidates: list[str | None]) -> str | None:
    """The first candidate the story gives the pronoun's gender, else the first `pronoun` may stand for
    (one of no known gender: the last speaker, Trump, whom the story never calls "he" outside quotes, is not
    the "she" of a quote told right after "Haley was even less aggressive in her criticism"). When every
    named candidate has the other gender, the last person named whom the story gives the pronoun's gender
    ("Ramaswamy said ... . 'Leave my daughter out of it,' she said" after Haley was named as a woman), else
    None; None too when no candidate is named (a clause's own subject was "the suspect")."""
    named = [c for c in candidates if c]
    wanted = doc.lex.pronoun_genders.get(pronoun)
    for name in [n for n in named if wanted is not None and gender(doc, n) == wanted] or named:
        if fits(doc, name, pronoun):
            return name
    if not named:
        return None
    return next((name for name in reversed(doc.people_named) if gender(doc, name) == wanted), None)
