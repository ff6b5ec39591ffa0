"""Step 3b: who acts and where. The actor of a trigger is the name before it in its clause, or what a pronoun,
"the ministry" or "the company" stands for (references); a statement's place is the speaker's ("the ministry
in Moscow"), an event's the place after a locative preposition ("left for Tartus").
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from monitor.extract.items.document import (
    ADVERB_SKIP,
    CLAUSE_CUTS,
    CLAUSE_PUNCT,
    DETERMINERS,
    POSSESSIVE_S,
    Doc,
    Entity,
    SentenceInfo,
    Tok,
    in_spans,
    overlaps,
)
from monitor.extract.items.linking import feature_name, party_and_state
from monitor.extract.items.names import given_name
from monitor.extract.items.triggers import source_spans
from monitor.extract.lexicon import Lexicon
from monitor.extract.wordforms import ADJECTIVE_TAGS, FINITE_TAGS, VERB_TAGS, word_tags

_PLACE_OR_NAME = ("country", "capital", "place", "name")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "atop", "near", "on", "inside", "outside", "across", "around",
                                 "aboard", "off"})
_WORDS_RE = re.compile(r"[a-z]+")
_PEOPLE_AFTER_RE = re.compile(r"\s+[a-z]+")


# "X had been shelved in 2017 but was re-opened": a verb coordinated with the one before shares its subject.
_COORDINATED_VERB = frozenset({"and", "but"})
# The kinds of names a firm ("the company") may be read as: an organisation, or a name neither a person nor a
# place.
FIRM_KINDS = ("org", "name")


def _where_it_happened(doc: Doc, ent: Entity) -> bool:
    """Whether a place is told as where something was: after a compass word and "of" ("two oil patches east
    of Belitung island were located"), or after a happening's word (kinds.yaml trigger) and "in", "at" or
    "near" ("The bombing in Ghor province killed 33"): it acts in no verb after it. People of a place may act
    for it ("Prosecutors in Sweden have dropped ...", as "Swedish prosecutors" would)."""
    if ent.kind not in ("country", "capital", "place"):
        return False
    before = [w.lower().strip(",") for w in doc.text[max(0, ent.start - 40) : ent.start].split()]
    if len(before) < 2:
        return False
    if before[-1] == "of":
        return before[-2] in doc.lex.compass_words
    return before[-1] in _LOCATIVES and doc.lex.kind_of(before[-2]) is not None


_LOCATIVES = frozenset({"in", "at", "near"})


def _in_a_defining_bracket(brackets: list[tuple[int, int]], ent: Entity) -> bool:
    """Whether a name stands inside one of the brackets that follow a name to define it or give its ticker
    (`Doc.defining_in`: "the World Health Organization (WHO) said", "Coca-Cola Co (NYSE: KO) said"): the name
    before it speaks."""
    return any(a < ent.start and ent.end <= b for a, b in brackets)


def subject_of(
    info: SentenceInfo, pos: int, clause: tuple[int, int], doc: Doc, strict: bool
) -> Entity | None:
    """The name acting at `pos`: the nearest name before it in its clause ("the X in Moscow" -> X); when the
    clause has none before the verb, the sentence's first name (`strict`: only one an aside sets off from the
    verb, "X, who heads the union, said")."""
    if (shared := _subject_of_the_first_verb(info, pos, doc)) is not None:
        return shared
    # "He had, according to Alex Horton of the Washington Post, killed ...": who sources it does not act
    sources = source_spans(doc.text, info.sentence.start, pos)
    brackets = doc.defining_in(clause[0], pos)
    cands = [e for e in info.entities if clause[0] <= e.start and e.end <= pos and not e.modifier
             and e.kind != "document" and not (sources and overlaps(e.start, e.end, sources))
             and not _where_it_happened(doc, e) and not _in_a_defining_bracket(brackets, e)]
    if cands:
        ent = cands[-1]
        if ent.kind in _PLACE_OR_NAME and (person := _named_with_age_before(info, ent, doc)) is not None:
            return person  # "Casey Conaway, 30, Edinburg was arrested": a blotter's name, age and town
        # "the Defense Ministry in Moscow said": the place qualifies the name before it.
        if len(cands) >= 2:
            between = doc.text[cands[-2].end : ent.start].strip().lower()
            if between in {"in", "of", "at", "from", "near", "for"} and ent.kind in _PLACE_OR_NAME:
                ent = cands[-2]
        first = next((e for e in info.entities if clause[0] <= e.start), ent)
        if first is not ent and _qualifies_the_subject(first, ent, doc):
            # "NASA scientists using a telescope atop Mauna Kea have confirmed": the body whose people act,
            # not the name of a place after them (whatever kind of name it was read as)
            ent = first
        # "Lee's appearance follows the testimony of ...": a possessor acts only within its own noun phrase
        # ("Lee's arrest", "Lee's visit to Lindos", "Lee's decision to resign"), not past a verb.
        if doc.text.startswith(("'s", "’s"), ent.end) and _verb_between(info, ent.end + 2, pos, doc):
            return None
        return ent
    before = info.tokens_within(clause[0], pos)
    if (verb := _verb_of_its_object(before)) is not None:
        # "Trump, who regularly beats DeSantis in the polls, held a raucous rally": the rally is the subject's
        # of the verb whose object it is
        return subject_of(info, verb.start, clause, doc, strict)
    lex = doc.lex
    if not all(
        t.lower in lex.present_aux
        or t.lower in lex.past_aux
        or t.lower in lex.modal_aux
        or t.lower in ADVERB_SKIP
        or t.lower in lex.undating_adverbs
        or t.text in CLAUSE_PUNCT
        or t.lower in _COORDINATED_VERB
        for t in before
    ):
        return None
    # a landform or a venue says where, never who acts ("walked into the Imam Zaman Mosque, a Shiite mosque
    # ..., and opened fire"), nor a place told as where ("east of Belitung island"); a city or a state may act
    # for its government ("Chicago, meanwhile, imposed")
    prior = [e for e in info.entities if e.end <= clause[0] and not e.modifier and e.kind != "document"
             and not (e.kind == "place" and feature_name(e.name.split(), doc.lex))
             and not _where_it_happened(doc, e)
             and not (sources and overlaps(e.start, e.end, sources))]
    if prior and (named := _naming_aside(prior[-1], clause[0], doc)) is not None:
        return named  # "Police said the driver, John Smith, was arrested": the aside names the subject
    aside = _before_appositive(prior, clause[0], doc)
    if strict or aside is not None:
        # "Ada Brisk and Tom Harlowe, the mayor, met": the name before the aside, with those joined to it
        return aside
    return prior[0] if prior else None


def _verb_of_its_object(before: list[Tok]) -> Tok | None:
    """The finite verb opening a clause whose object's noun comes next, only its determiner and adjectives
    between ("held a raucous", "staged their"): the verb of which the noun at the end is the object."""
    words = [t for t in before if t.text not in CLAUSE_PUNCT]
    if len(words) < 2 or not word_tags(words[0].lower) & FINITE_TAGS or words[1].lower not in DETERMINERS:
        return None
    if not all(word_tags(t.lower) <= ADJECTIVE_TAGS and word_tags(t.lower) for t in words[2:]):
        return None
    return words[0]


def _subject_of_the_first_verb(info: SentenceInfo, pos: int, doc: Doc) -> Entity | None:
    """The subject of a verb joined by "and" or "but" to the sentence's first verb, with none of its own: the
    name opening the sentence right before that verb ("Ada Brisk left Brenholm and arrived in Lerrin", "Ms
    Cafferkey returned to Scotland after working in the west African country and arrived on a flight"; not
    Brenholm or Africa, the names nearest it). Not when the first verb reports ("Brisk said the ferry sank
    and killed two": the ferry's)."""
    toks = info.tokens_within(info.sentence.start, pos)
    while toks and (word_tags(toks[-1].lower) == ONLY_ADVERB or _auxiliary(toks[-1].lower, doc.lex)):
        toks.pop()
    if len(toks) < 3 or toks[-1].lower not in _COORDINATED_VERB or toks[-2].text in CLAUSE_PUNCT:
        return None
    found = opening_subject(info, doc)
    if found is None or found[1].end > toks[-1].start or doc.lex.kind_of(found[1].lower) == "statement":
        return None
    return found[0] if found[0].kind in ("person", "org", "name") else None


def opening_subject(info: SentenceInfo, doc: Doc) -> tuple[Entity, Tok] | None:
    """The name opening the sentence as its subject, with the verb right after it: the first name outside
    quotes, only capitalised or function words before it (a digest's bullet, "- Amazon is ...", aside), and
    no modifier of a noun ("The Valdorian attorney general is ...": not Valdorian's)."""
    first = info.first_name_outside_quotes()
    if first is None or first.modifier:
        return None
    lead = list(itertools.dropwhile(lambda t: not t.text[:1].isalnum(),
                                    info.tokens_within(info.sentence.start, first.start)))
    after = info.tokens_within(first.end, info.sentence.end)[:1]
    if (any(not (t.cap or t.lower in doc.lex.function_words) for t in lead)
            or not after or not word_tags(after[0].lower) & VERB_TAGS):
        return None
    return first, after[0]


def _qualifies_the_subject(first: Entity, ent: Entity, doc: Doc) -> bool:
    """Whether `first` opens the clause's subject as a body qualifying its noun ("NASA scientists", "U.N.
    officials") and `ent`, the last name before the verb, follows a preposition of place after it."""
    if first.kind not in ("org", "name", "person") or not _PEOPLE_AFTER_RE.match(doc.text, first.end):
        return False
    words = _WORDS_RE.findall(doc.text[first.end : ent.start].lower())
    while words and words[-1] in ("the", "a", "an"):
        words.pop()
    return bool(words) and words[-1] in _PLACE_PREPOSITIONS and words[0] in doc.lex.member_nouns


def named_by_its_day(doc: Doc, info: SentenceInfo, noun_at: int, kind: str, ent: Entity) -> bool:
    """Whether the noun trigger at `noun_at` is named by the day that possesses it ("Thursday night's
    fight") after `ent`: a happening the sentence refers to by its day, not one its subject acts in ("The
    Steelers distanced themselves from Thursday night's fight"). A meeting or call so named is one the
    subject takes part in ("Haley entered Wednesday's debate")."""
    if kind in _TAKEN_PART_IN:
        return False
    return any(ent.end <= tx.start and tx.end < noun_at and doc.text[tx.end : tx.end + 2] in POSSESSIVE_S
               and _DAY_OWNS_RE.fullmatch(doc.text, tx.end, noun_at) for tx, _value in info.timexes)


_TAKEN_PART_IN = frozenset({"meeting", "call"})
_DAY_OWNS_RE = re.compile(r"['\u2019]s(?:\s+[a-z-]+){0,2}\s+")


def _named_with_age_before(info: SentenceInfo, place: Entity, doc: Doc) -> Entity | None:
    """The person a place follows as their home, after their age ("Casey Conaway, 30, Edinburg")."""
    return next(
        (e for e in info.entities if e.kind == "person" and e.end <= place.start
         and _AGE_THEN_HOME_RE.fullmatch(doc.text, e.end, place.start)),
        None,
    )


_AGE_THEN_HOME_RE = re.compile(r",\s*\d{1,3},\s*(?:of\s+)?")


# ", who heads the union", ", the president of the farm bureau", ", 45": what a name's commas set off (up to
# three asides: ", a senior analyst at Stratfor, the Texas-based intelligence firm,")
# An aside never opens on "and" or "or": ", and Tom Harlowe, ..." joins another name.
# An aside opens on a lower-case word, a number (an age) or a possessive name before one ("Mayer, Disney's
# chairman of direct-to-consumer and international, said").
_APPOSITIVE_RE = re.compile(
    r"(?:,\s+(?!(?:and|or)\b)(?:\d{1,3}|[a-z][\w'’-]*|(?:[A-Z][\w&-]*\s+){0,3}[A-Z][\w&-]*['’]s\s+[a-z][\w'’-]*)"
    r"[^.;:!?\"“”(),]*){1,3},?\s*"
)


def _before_appositive(prior: list[Entity], clause_start: int, doc: Doc) -> Entity | None:
    """The name a verb's clause follows across an aside set off by commas: "Ada Brisk, who heads the union,
    said", "Zippy Duvall, the president of the farm bureau, said"; the first such name, not one inside the
    aside ("Omar Lamrani, a senior analyst at Stratfor, the Texas-based firm, told")."""
    for ent in prior:
        object_of = _WORD_BEFORE_RE.search(doc.text, max(0, ent.start - 20), ent.start)
        if object_of and object_of.group(1).lower() in doc.lex.aside_prepositions:
            continue  # "a letter to Kevin McAleenan, who ..., said": whom it was written to, not who spoke
        if _an_aside(doc, ent.end, clause_start):
            return ent
    return None


def _an_aside(doc: Doc, start: int, end: int) -> bool:
    """Whether the text from `start` to `end` is, whole, an aside set off by commas after a name (what
    `_aside_end` reads)."""
    at, party = _past_affiliation(doc, start, end)
    if party and doc.text[at:end].strip() in ("", ","):
        return True
    return _APPOSITIVE_RE.fullmatch(doc.text, at, end) is not None


def _aside_end(doc: Doc, start: int, end: int) -> int | None:
    """Where an aside set off by commas right after a name ends (its closing comma included), None if none
    starts at `start`: words opening lower-case or a number ("the president of the farm bureau", "30"), or a
    lawmaker's party and state ("D-Minn."), maybe with such words after it ("Former Rep. Will Hurd, R-Texas, a
    onetime rival ..., said")."""
    at, party = _past_affiliation(doc, start, end)
    words = _APPOSITIVE_RE.match(doc.text, at, end)
    if words is not None:
        return words.end()
    if not party:
        return None
    if doc.text.startswith(",", at):
        at += 1  # the party's closing comma
    rest = doc.text[at:end]
    return at + len(rest) - len(rest.lstrip())


def _past_affiliation(doc: Doc, start: int, end: int) -> tuple[int, bool]:
    """(where the text goes on after a lawmaker's party and state set off at `start`, ", D-Minn.", ", R-Texas"
    (`linking.party_and_state`), whether one is)."""
    word = _SET_OFF_WORD_RE.match(doc.text, start, end)
    if word is None or not party_and_state(word.group(1), doc.lex):
        return start, False
    return word.end(), True


# A word set off by a comma after a name, up to the next comma or space.
_SET_OFF_WORD_RE = re.compile(r",\s+([^\s,]+)")


_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+(?:the\s+)?\Z")

# a lower-case word (the noun a name names) and the comma before that name: "the driver, ", "the company's
# founder, ", "its chief executive, ", "WeWork's parent company, The" (We Company)
_NOUN_BEFORE_ASIDE_RE = re.compile(r"\b[a-z][\w'’-]*,\s*(?:[Tt]he\s+)?\Z")
# or, before a person's full name, a noun phrase ending on a name: "Trump's ambassador to the United Nations,"
_NAME_BEFORE_ASIDE_RE = re.compile(r"\b[a-z]+\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*,\s*\Z")
# or a noun's relative clause, whatever its last word: "The company that runs the AMAs, "
_RELATIVE_BEFORE_ASIDE_RE = re.compile(r"\b[a-z]+\s+(?:that|who|which)\s+[^,;:.!?\"“”()]+,\s*\Z")


def _naming_aside(ent: Entity, clause_start: int, doc: Doc) -> Entity | None:
    """A person or organisation set off by commas between a noun and a verb that has no subject of its own:
    it names the noun, and so the verb's subject ("the man who kidnapped the child, Michael Webb, was
    sentenced", "its chief executive, Jane Roe, resigned", "The company that runs the AMAs, Dick Clark
    Productions, denies"; a person's full name after a noun phrase ending on a name, "Trump's ambassador to
    the United Nations, Nikki R. Haley, said"), not a name told earlier in the sentence."""
    # (the clause may start at the closing comma or after it)
    if ent.kind not in ("person", "org") or doc.text[ent.end : clause_start].strip() not in ("", ","):
        return None
    if not doc.text.startswith(",", ent.end):
        return None
    if (_NOUN_BEFORE_ASIDE_RE.search(doc.text, max(0, ent.start - 40), ent.start) is None
            and _RELATIVE_BEFORE_ASIDE_RE.search(doc.text, max(0, ent.start - 80), ent.start) is None
            and not (ent.kind == "person" and " " in ent.name and given_name(ent.name.split()[0], doc.lex)
                     and _NAME_BEFORE_ASIDE_RE.search(doc.text, max(0, ent.start - 40), ent.start))):
        return None
    return ent


def _verb_between(info: SentenceInfo, start: int, end: int, doc: Doc) -> bool:
    """Whether a finite verb stands between offsets `start` and `end`, the auxiliaries and adverbs of the
    verb at `end` aside: an auxiliary, or a word the dictionary knows only as a verb in the present's third
    person or the past ("follows", "sent"; not "reports", which may be a plural noun). An infinitive's "to"
    is a noun's complement ("Lee's decision to resign")."""
    lex = doc.lex
    toks = info.tokens_within(start, end)
    while toks and (
        _auxiliary(toks[-1].lower, lex)
        or toks[-1].lower in ADVERB_SKIP
        or word_tags(toks[-1].lower) == ONLY_ADVERB
    ):
        toks.pop()
    for tok in toks:
        low = tok.lower
        if _auxiliary(low, lex):
            return True
        tags = word_tags(low)
        if tags and tags <= VERB_TAGS and ("VBZ" in tags or "VBD" in tags):
            return True
    return False


def _auxiliary(word: str, lex: Lexicon) -> bool:
    return word != "to" and (word in lex.present_aux or word in lex.past_aux or word in lex.modal_aux)


# The tags of a word that is only an adverb ("flatly", "sharply").
ONLY_ADVERB = frozenset({"RB"})


def aside_object(info: SentenceInfo, ent: Entity, doc: Doc) -> bool:
    """Whether `ent` is the object of a preposition closing a phrase ("published in the journal Harbour
    Review, the man ...", "In a call with Mr. Smith, she ..."): a phrase's object is not what a later "he"
    stands for. Up to three words (a determiner, a title, a lower-case noun) may stand between."""
    after = doc.text[ent.end : ent.end + 3].lstrip()
    if not after or after[0] not in ",)—–":
        return False
    lex = doc.lex
    for tok in reversed(info.tokens_within(info.sentence.start, ent.start)[-4:]):
        if tok.lower in lex.aside_prepositions:
            return True
        if tok.text in CLAUSE_CUTS or tok.lower in lex.clause_markers:
            return False
        if not (tok.lower in _TITLE_DETERMINERS or tok.lower in lex.titles or not tok.cap):
            return False
    return False


def human_subject(info: SentenceInfo, start: int, end: int, doc: Doc) -> bool:
    """Whether a clause between offsets `start` and `end` opens on "the" and a noun for one person ("the
    suspect", "the 40-year-old man"): the subject a following "he" or "she" most likely stands for. A noun
    phrase right after the name, behind a comma, is that name's apposition ("Ann Lee, the driver, said
    she")."""
    lex = doc.lex
    # Asked of every sentence after a person is named: most have no such noun.
    nouns = lex.person_nouns
    if not any(t.lower in nouns for t in info.tokens if start <= t.start < end):
        return False
    toks = info.tokens_within(info.sentence.start, end)
    for i, tok in enumerate(toks):
        if tok.start < start or tok.lower != "the" or in_spans(tok.start, tok.end, info.quotes):
            continue
        prev = toks[i - 1] if i else None
        if prev is not None and not (
            prev.text in CLAUSE_CUTS
            or prev.lower in lex.clause_markers
            or prev.lower in ADVERB_SKIP
            or prev.lower in ("and", "but", "so")
        ):
            continue
        if prev is not None and prev.text == "," and not doc.text[start : prev.start].strip():
            continue  # an apposition
        for word in toks[i + 1 : i + 5]:
            if word.lower in nouns:
                return True
            if word.cap or word.text in CLAUSE_CUTS:
                break
    return False


def coordinated(info: SentenceInfo, ent: Entity, doc: Doc) -> list[Entity]:
    """The names joined to `ent` by "and" (or a list's commas) right before it, in order: "Russian President
    Vladimir Putin and U.S. President Donald Trump spoke" gives Vladimir Putin for Donald Trump. Only titles
    stand between them ("and his US counterpart"); a place or nationality is not coordinated."""
    lex = doc.lex
    out: list[Entity] = []
    names = [e for e in info.entities if e.end <= ent.start and not e.modifier]
    current, joined_by_and = ent, False
    for prev in reversed(names):
        if prev.kind in ("demonym", "place") or ent.kind in ("demonym", "place"):
            break
        object_of = _WORD_BEFORE_RE.search(doc.text, max(0, prev.start - 20), prev.start)
        if object_of and object_of.group(1).islower() and object_of.group(1) in lex.aside_prepositions:
            continue  # "the envoy to Norway, and Tom Harlowe": a name inside an aside, not of the list
        # "Ada Brisk, the former envoy, and Tom Harlowe": an aside after a name of the list
        aside = _aside_end(doc, prev.end, current.start)
        joined = aside is not None and _AND_NEXT_RE.match(doc.text, aside, current.start) is not None
        after = aside if aside is not None and joined else prev.end
        between = [t for t in info.tokens if after <= t.start and t.end <= current.start]
        links = [t.lower for t in between if t.lower in ("and", "&", ",")]
        if not links or any(t.lower not in ("and", "&", ",") for t in between[: len(links)]):
            break
        rest = between[len(links) :]
        if not all(t.cap or title_word(t.lower, lex) or t.lower in _TITLE_DETERMINERS for t in rest):
            break
        joined_by_and = joined_by_and or links[-1] != ","
        if not joined_by_and:
            break  # "Putin, Trump said": an aside, not a list, until an "and" joins the last name
        out.append(prev)
        current = prev
    return out[::-1]


_TITLE_DETERMINERS = frozenset({"his", "her", "its", "their", "the"})
_AND_NEXT_RE = re.compile(r"(?:and|&)\s", re.IGNORECASE)


def title_word(word: str, lex: Lexicon) -> bool:
    """Whether a lower-case word is a word of a title ("chief" and "executive" of "chief executive"), or a
    title shared ("co-founder", "co-chair")."""
    return word in _title_words(lex) or word.removeprefix("co-") in lex.titles


@cache
def _title_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(word for title in lex.titles for word in title.split())


def speaker_place(info: SentenceInfo, ent: Entity | None, doc: Doc) -> str | None:
    """ "the Defense Ministry in Moscow said" -> Moscow."""
    if ent is None:
        return None
    for other in info.entities:
        if other.start > ent.end and other.kind in ("country", "capital", "place"):
            if doc.text[ent.end : other.start].strip().lower() in ("in", "at"):
                return other.name
            break
    return None


def actor_name(ent: Entity, speaking: bool) -> str:
    if ent.kind == "demonym":
        return ent.name
    if speaking and ent.kind == "capital" and ent.country:
        return ent.country  # "Moscow said" speaks for Russia
    return ent.name


_LOCATIVE = {
    "departure": ("for", "to", "from", "toward", "towards"),
    "arrival": ("in", "at", "to"),
}


_DEFAULT_LOCATIVE = ("in", "at", "to", "for")


# Words that name a kind of place before "of <name>" ("the island of Corvessa").
_PLACE_NOUNS = frozenset(
    {
        "island",
        "islands",
        "port",
        "city",
        "town",
        "village",
        "region",
        "province",
        "state",
        "district",
        "county",
        "harbour",
        "harbor",
        "capital",
        "coast",
        "area",
        "municipality",
        "territory",
        "republic",
    }
)


def place_after(info: SentenceInfo, pos: int, clause_end: int, doc: Doc, kind: str) -> str | None:
    preps = _LOCATIVE.get(kind, _DEFAULT_LOCATIVE)
    for ent in info.entities:
        if ent.start < pos or ent.start >= clause_end + 40:
            continue
        if ent.kind not in ("country", "capital", "place", "name"):
            continue
        words = re.findall(
            r"[A-Za-z]+", doc.text[max(info.sentence.start, ent.start - 40) : ent.start].lower()
        )
        if ent.kind == "name" and words and words[-1] in ("a", "an"):
            continue  # "died in a Taliban ambush": a name before a noun tells whose, not where
        words = [w for w in words if w not in {"the", "a", "an"}]
        if len(words) > 2 and words[-1] == "of" and words[-2] in _PLACE_NOUNS:
            words = words[:-2]  # "for the island of Corvessa", "in the port of Lerrin"
        while words and words[-1] in doc.lex.compass_words:
            words = words[:-1]  # "in western Farah province", "in the northern province of Balkh"
        if words and words[-1] in preps:
            # An unknown name is a place only after a word of place ("in Lindos", "left for Tartus").
            if ent.kind == "name" and words[-1] not in (
                "in",
                "at",
                "for",
                "near",
                "from",
                "toward",
                "towards",
            ):
                continue
            return ent.name
    return None
