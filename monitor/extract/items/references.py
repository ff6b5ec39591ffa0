"""What a reference stands for: a pronoun ("he", "it"), "the ministry" or "the company", "the president", and
"which" or "who" opening a clause set off by a comma, resolved to the name it tells of (step 3, who acts)."""

from __future__ import annotations

import re

from monitor.extract.items.actors import (
    FIRM_KINDS,
    ONLY_ADVERB,
    actor_name,
    aside_object,
    coordinated,
    human_subject,
    opening_subject,
)
from monitor.extract.items.document import ADVERB_SKIP, Doc, Entity, SentenceInfo, Tok
from monitor.extract.items.genders import fits, fitting
from monitor.extract.items.unreal import TO_A_VERB_RE
from monitor.extract.wordforms import word_tags


def _adverb(word: str) -> bool:
    """A word the dictionary knows only as an adverb ("flatly"), or a hyphenated one whose every part may be
    one and which it does not know ("flat-out")."""
    if word_tags(word) == ONLY_ADVERB:
        return True
    parts = word.split("-")
    return len(parts) > 1 and not word_tags(word) and all("RB" in word_tags(p) for p in parts)


def resolve_reference(
    info: SentenceInfo, pos: int, clause: tuple[int, int], doc: Doc, kind: str
) -> str | None:
    """A pronoun, "the ministry", "the company" or a relative "which" just before the trigger (adverbs and
    auxiliaries aside), resolved to the name it stands for."""
    lex = doc.lex
    before = _words_to_the_reference(info, pos, clause, doc)
    if not before:
        return None
    word = before[-1].lower
    if word in _RELATIVES:
        return _antecedent(info, before[-1], doc)
    # A pronoun in a reported clause is most often the speaker: "Russia said it had sent ...". A name the
    # speaker's own words hold is not who speaks them ('"I spoke with Tom Berg," she said').
    outside = not info.quoted(before[-1].start, before[-1].end)
    earlier = [
        e for e in info.entities if info.sentence.start <= e.start and e.end <= clause[0] and not e.modifier
        and not (outside and info.quoted(e.start, e.end))
    ]
    if word in lex.person_pronouns:
        people = [e for e in earlier if e.kind == "person" and not aside_object(info, e, doc)]
        # "..., the 40-year-old man had ... by the time he visited": the man, not a name told before him.
        if human_subject(info, people[-1].end if people else info.sentence.start, before[-1].start, doc):
            return None
        if mine := [p for p in people if fits(doc, p.name, word)]:
            return mine[-1].name
        # The sentence before's subject first when the pronoun opens this one, a quotation aside ("Ramaswamy
        # spent much of the debate throwing bombs, mostly at Haley. He described Haley ...", "Fiona Parry
        # issued a plea ... '...,' she said": not a speaker told earlier).
        lead = [t for t in info.tokens_within(info.sentence.start, before[-1].start)
                if not info.quoted(t.start, t.end) and t.text[:1].isalnum()]
        opening = doc.last_subject if not lead else None
        speaker = doc.last_speaker if kind == "statement" else None
        return fitting(doc, word, [opening, speaker, doc.last_person])
    if word in lex.person_possessives:
        # "In his testimony Tuesday morning, Vindman said ...": whose testimony the phrase goes on to say
        # ("After his arrest on Monday, police said the man ...": the man, whom no name gives)
        people = [e for e in earlier if e.kind == "person" and not aside_object(info, e, doc)]
        if mine := [p for p in people if fits(doc, p.name, word)]:
            return mine[-1].name
        if _opens_the_sentence(info, clause, doc):
            ahead = _person_right_after(info, clause, doc)
            return ahead.name if ahead is not None else None
        return fitting(doc, word, [doc.last_person])
    if word in lex.thing_pronouns:
        # "Ada Brisk and Tom Berg said they ...": the names joined before stand for "they", people too (the
        # last of them here, the others with it: `referred_with`)
        joined = [e for e in earlier if word == "they" and e.kind in ("person", *FIRM_KINDS)
                  and not aside_object(info, e, doc) and coordinated(info, e, doc)]
        if joined:
            return actor_name(joined[-1], True)
        things = [e for e in earlier if e.kind in ("org", "country", "capital")]
        if things:
            return actor_name(things[-1], True)
        lead = info.tokens_within(info.sentence.start, before[-1].start)
        opens = not any(t.text[:1].isalnum() for t in lead)
        if word == "it" and opens and doc.thing_before is not None:
            return doc.thing_before  # "Storm Ivar struck Norway. It weakened ...": the subject goes on
        if word == "they" and doc.last_subject is not None and opens:
            # "Cristian Gonzalez, an immigrant from Mexico, ... They sneaked across the border": people the
            # sentence before opened on, not the country it named
            return None
        return doc.last_thing if pos - doc.last_thing_end <= lex.thing_pronoun_reach else None
    if word in lex.common_nouns or word in lex.company_nouns:
        for org in reversed(doc.orgs):
            # "the agency" of "Turkey's disaster agency AFAD" too
            if word in org.lower().split() or word in doc.described.get(org, ()):
                return org
        if word in lex.company_nouns:
            firm = word in lex.firm_nouns and _the_firm(before, doc)
            if firm and (here := _firm_of_the_sentence(info, before[-1].start, doc)) is not None:
                return here
            for org in reversed(doc.orgs):
                if org.lower().split()[-1] in lex.company_suffixes:
                    return org
            return _story_firm(doc) if firm else None
        return None
    if word in lex.titles and len(before) >= 2 and before[-2].lower in ("the", "a"):
        if before[-2].lower == "the" and word in doc.by_title:
            return doc.by_title[word]  # "President Donald Trump ... The president said": the one so titled
        return f"the {word}"  # "the mayor said": no name given
    return None


def referred_with(info: SentenceInfo, pos: int, clause: tuple[int, int], doc: Doc, ref: str) -> list[str]:
    """The names "they" just before the trigger stands for besides `ref`, the one `resolve_reference` gave:
    those joined to it by "and" earlier in the sentence ("Japan Airlines Co and All Nippon Airways Co said
    they canceled ...")."""
    before = _words_to_the_reference(info, pos, clause, doc)
    if not before or before[-1].lower != "they":
        return []
    named = [e for e in info.entities if e.end <= pos and actor_name(e, True) == ref]
    return [actor_name(e, True) for e in coordinated(info, named[-1], doc)] if named else []


def _words_to_the_reference(info: SentenceInfo, pos: int, clause: tuple[int, int], doc: Doc) -> list[Tok]:
    """The clause's words before the trigger at `pos`, less the auxiliaries and adverbs right before it (or
    those before a relative aside the commas set off): the last is the reference, if any."""
    lex = doc.lex
    before = info.tokens_within(clause[0], pos)

    def between(word: str) -> bool:  # an auxiliary or an adverb between a reference and its verb
        return (word in lex.present_aux or word in lex.past_aux or word in lex.modal_aux
                or word in ADVERB_SKIP or word in lex.undating_adverbs or _adverb(word))

    while before and (
        between(before[-1].lower)
        # "the company swiftly and firmly denied": adverbs joined by "and" or "or"
        or (before[-1].lower in ("and", "or") and len(before) > 1 and _adverb(before[-2].lower))
    ):
        before.pop()
    if before and before[-1].lower in lex.decision_verbs and TO_A_VERB_RE.match(doc.text, before[-1].end):
        # "It has agreed to buy ...": the decision's subject is the trigger's (tense.yaml `decision_verbs`)
        return _words_to_the_reference(info, before[-1].start, clause, doc)
    if all(t.text == "," for t in before):
        before = _before_relative_aside(info, before[-1].end if before else clause[0])
    return before


def _before_relative_aside(info: SentenceInfo, end: int) -> list[Tok]:
    """The words before a relative clause that commas set off, the second ending at `end`, right before a
    verb: its last word is the verb's subject ("The company, which is expected to lay off thousands,
    confirmed")."""
    toks = info.tokens_within(info.sentence.start, end)
    if not toks or toks[-1].text != ",":
        return []
    commas = [i for i, t in enumerate(toks[:-1]) if t.text == ","]
    if not commas or commas[-1] + 1 >= len(toks) or toks[commas[-1] + 1].lower not in _RELATIVES:
        return []
    return toks[: commas[-1]]


# A past participle and "by" right before a name: the name is the agent of a phrase that qualifies the noun
# before it ("operated by", "owned by").
_AGENT_BEFORE_RE = re.compile(r"\b[a-z]+ed\s+by\s+(?:the\s+)?\Z")
# The pronouns opening a relative clause set off by commas ("that" opens none).
_RELATIVES = frozenset({"which", "who"})


def _antecedent(info: SentenceInfo, relative: Tok, doc: Doc) -> str | None:
    """The name a relative clause set off by a comma tells of, right before the comma ("released through Big
    Machine, which was bought out by ..."; "Ada Brisk, who heads the union, said"): "who" a person's, "which"
    any other name's."""
    comma = doc.text.rfind(",", info.sentence.start, relative.start)
    if comma < 0 or doc.text[comma + 1 : relative.start].strip():
        return None
    ent = next((e for e in info.entities if not doc.text[e.end : comma].strip() and e.end <= comma
                and not info.quoted(e.start, e.end)), None)
    if ent is None or ent.modifier:
        return None
    if relative.lower == "which" and _AGENT_BEFORE_RE.search(doc.text, max(0, ent.start - 30), ent.start):
        # "the Airbus A320-200 operated by Indonesia AirAsia, which disappeared": the plane's clause, as
        # likely as the operator's
        return None
    if relative.lower == "who":
        return actor_name(ent, False) if ent.kind == "person" else None
    return None if ent.kind == "person" else actor_name(ent, False)


def _the_firm(before: list[Tok], doc: Doc) -> bool:
    """Whether "the company" (`before` ends on its noun) is "the" company, a firm told before: not "another
    company" nor "a screening company"."""
    words = [t.lower for t in before[-4:-1]]
    lead = next((i for i in range(len(words) - 1, -1, -1) if not words[i].replace("-", "").isalpha()
                 or words[i] in doc.lex.function_words), None)
    return lead is not None and words[lead] == "the"


def _firm_of_the_sentence(info: SentenceInfo, pos: int, doc: Doc) -> str | None:
    """The firm "the company" at `pos` stands for in its own sentence, before any told earlier: the one the
    sentence opens on as its subject ("Blue Origin will offer NASA its Blue Moon lander that the company
    unveiled"), else the one named nearest before it ("Shares of Home Depot fell after the company cut its
    guidance")."""
    named = [e for e in info.entities if info.sentence.start <= e.start and e.end <= pos
             and e.kind in FIRM_KINDS and not e.modifier and e.name not in doc.places
             and not info.quoted(e.start, e.end)]
    if not named:
        return None
    opening = opening_subject(info, doc)
    # (not a subject the verb "be" describes: "Stadia is Google's attempt ..., and the company has promised")
    if opening is not None and opening[0] in named and opening[1].lower not in _FORMS_OF_BE:
        return opening[0].name
    return named[-1].name


_FORMS_OF_BE = frozenset({"is", "are", "was", "were", "'s", "’s"})


def _story_firm(doc: Doc) -> str | None:
    """What "the company" stands for when neither its sentence nor a name of the story ending in a company's
    suffix tells: the firm opening the sentence before ("Amazon is now letting you listen ... . The company
    published"), else the last one it names ("The New York state attorney general is investigating WeWork.
    The company confirmed ..."), else the one the story names most, twice at least (further back, a story
    names many firms, and one named once is any of them)."""
    if doc.firm_before is not None:
        return doc.firm_before
    told = [(n, name) for name, n in doc.firms.items() if n >= 2 and name not in doc.places]
    return max(told)[1] if told else None


def _opens_the_sentence(info: SentenceInfo, clause: tuple[int, int], doc: Doc) -> bool:
    """Whether a phrase opens the sentence and a comma ends it ("In his testimony Tuesday morning, ...")."""
    first = info.tokens[0].start if info.tokens else info.sentence.start
    return clause[0] <= first and doc.text[clause[1] : clause[1] + 2].lstrip().startswith(",")


def _person_right_after(info: SentenceInfo, clause: tuple[int, int], doc: Doc) -> Entity | None:
    """The person named right after the clause's comma: the subject a fronted phrase leads to ("In his
    testimony Tuesday morning, | Vindman said")."""
    after = next((e for e in info.entities if e.start >= clause[1] and not e.modifier), None)
    if after is None or after.kind != "person" or doc.text[clause[1] : after.start].strip(" ,"):
        return None
    return after
