"""Step 2: finding and normalising names and titles.

Names are runs of capitalised words, trimmed of titles ("Russian President Vladimir Putin" -> Vladimir Putin,
of Russia), classified with the place gazetteer and organisation cues, and surnames are expanded to the full
name given earlier in the document. No PyPI NER fits: spaCy/flair/GLiNER models must be downloaded and even
small ones run far below the 100 articles/s target.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from monitor.extract.items.document import POSSESSIVE_S, Doc, Entity, Tok, overlaps
from monitor.extract.items.linking import (
    exchange_ticker,
    feature_name,
    grade_before_number,
    initials,
    is_acronym,
    kind_of_place_after,
    party_and_state,
    title_at,
)
from monitor.extract.items.number_parse import bare_letter_sign, number_patterns
from monitor.extract.lexicon import Lexicon
from monitor.extract.wordforms import FINITE_TAGS, NOUN_TAGS, word_tags


def _title_len(tokens: list[Tok], i: int, lex: Lexicon) -> int:
    """How many tokens from i form a title ("Prime Minister" -> 2, "Vice-President" -> 1), 0 if none."""
    firsts = _title_firsts(lex)
    if i >= len(tokens) or (tokens[i].lower not in firsts and tokens[i].lower.split("-")[0] not in firsts):
        return 0  # (most words open no title: the words are joined only for those that may)
    return title_at([t.lower for t in tokens[i : i + lex.max_title_words]], 0, lex)


@cache
def _title_firsts(lex: Lexicon) -> frozenset[str]:
    """The first words of the titles (token lower cases hold no space: no other token can open one)."""
    return frozenset(title.split(" ")[0] for title in lex.titles)


def _classify(words: list[Tok], lex: Lexicon) -> tuple[str, str, str | None]:
    """(kind, display name, country) of a trimmed name."""
    name = " ".join(t.text for t in words).replace(" 's", "'s").replace(" \u2019s", "\u2019s")
    low = name.lower()
    if low in lex.country_of:
        return "country", lex.country_of[low], lex.country_of[low]
    if low in lex.demonym_of:
        return "demonym", lex.demonym_of[low], lex.demonym_of[low]
    if low in lex.capital_of:
        return "capital", name, lex.capital_of[low]
    if low in lex.institution_of:
        return "org", name, lex.institution_of[low]
    if low in lex.places or feature_name([t.text for t in words], lex):
        return "place", name, None
    if len(words) >= 2 and words[-1].lower in lex.document_words:
        return "document", name, None  # "the Data Retention Bill", "the Affordable Care Act"
    if any(t.lower.rstrip(".") in lex.organisation_cues or t.lower in lex.organisation_cues for t in words):
        return "org", name, None
    if len(words) >= 2 and words[-1].lower in lex.organisation_endings:
        return "org", name, None  # "Dick Clark Productions": given names, but a company's
    if len(words) >= 2 and all(t.text[:1].isupper() for t in words):
        if words[0].lower in lex.demonym_of:
            rest = " ".join(t.text for t in words[1:])
            if rest.lower() in lex.places or rest.lower() in lex.capital_of:
                return "place", rest, lex.demonym_of[words[0].lower]
        # "Mark Meadows", "P.J. Crowley", "Tri Wobowo", "LeBron James"; not "Big Machine", "Blue Origin"
        if any(_may_be_given_name(t.text, lex) for t in words[:-1]):
            return "person", name, None
    return "name", name, None


def _may_be_given_name(word: str, lex: Lexicon) -> bool:
    """Whether a word of a name may be a given name: initials ("J.", "P.J."), a word the dictionary does not
    know (`given_name`; "De'Broski" too), or a common given name that is also a word (given_names.txt: "Mark",
    "Grace")."""
    plain = _APOSTROPHE_RE.sub("", word)
    low = plain.lower()
    # "LeBron": the capital inside right after a given name's opening (names.yaml given_name_prefixes)
    if any(low.startswith(p) and plain[len(p) :].istitle() for p in lex.given_name_prefixes):
        plain = plain[0] + low[1:]
    return bool(_INITIALS_RE.fullmatch(word)) or given_name(plain, lex) or word.lower() in lex.given_names


_INITIALS_RE = re.compile(r"(?:[A-Z]\.){1,3}")
# An apostrophe inside a given name: "De'Broski", "D’Angelo"
_APOSTROPHE_RE = re.compile(r"(?<=\w)['’](?=\w)")


_LOWER_TAIL = re.compile(r"[^\W\d_]-([a-z]+)$")


def _modifier_tail(word: str, lex: Lexicon) -> bool:
    """Whether a capitalised word ends in a lower-case hyphen tail that makes it a modifier: a participle ("a
    Vermont-sized field", "the Brenholm-based firm", "Oscar-winning") or a word of `modifier_tails`
    ("Lindqvist-era rules"). The run such a word ends is no name. A given name's lower-case syllable is
    neither ("Lee Min-ho", "Moon Jae-in"), and most names' own hyphen keeps its capital ("Jean-Luc")."""
    match = _LOWER_TAIL.search(word)
    if match is None:
        return False
    tail = match.group(1)
    return tail in lex.modifier_tails or bool(word_tags(tail) & _PARTICIPLES)


_PARTICIPLES = frozenset({"VBN", "VBG"})
_DETERMINERS = frozenset({"the", "a", "an"})


def _amount(word: str, lex: Lexicon) -> bool:
    """Whether `word` is an amount after a currency sign ("R4bn", "RM6.2m"), not a model's code ("R6700")."""
    found = number_patterns(lex)[0].fullmatch(word)
    return found is not None and found.group("cur") is not None and not bare_letter_sign(found)


def _capitalised_inside(tokens: list[Tok], i: int, first_word: int, lex: Lexicon) -> bool:
    """A pronoun or another function word capitalised after a word of its sentence is a name's ("The We
    Company", "Japan Airlines and All Nippon Airways"): it opens no sentence there ("I" is always written
    so); a word other than a pronoun only before another capitalised word, and not an article ("said The
    European Space Agency": the name is the agency's)."""
    tok = tokens[i]
    if i <= first_word or tok.lower == "i" or not tokens[i - 1].text[:1].isalpha():
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return tok.lower in lex.pronouns or (tok.lower not in _DETERMINERS and after is not None and after.cap
                                         and after.start - tok.end <= 1)


def _name_runs(tokens: list[Tok], doc: Doc, blocked: list[tuple[int, int]]) -> list[tuple[int, list[Tok]]]:
    """The runs of capitalised words that may be names, each with the index of its first token (a run is a
    stretch of consecutive tokens)."""
    lex = doc.lex
    runs: list[tuple[int, list[Tok]]] = []
    current: list[Tok] = []
    opened = 0
    # A dateline ("KABUL, Afghanistan — Suicide bombers struck") opens no sentence: the word after it does.
    datelines = doc.datelines_in(tokens[0].start, tokens[-1].end) if tokens else []
    first_word = next((i for i, t in enumerate(tokens)
                       if t.text[:1].isalnum() and not overlaps(t.start, t.end, datelines)), 0)

    def close() -> None:
        nonlocal current
        while current and (current[-1].lower in lex.connectors or current[-1].lower in lex.org_connectors):
            current.pop()
        if current:
            runs.append((opened, current))
        current = []

    for i, tok in enumerate(tokens):
        if not current and not tok.cap:
            continue  # the common case, no name open and none starting: nothing below would act
        if tok.cap and "-" in tok.text and _modifier_tail(tok.text, lex):
            current = []
            continue
        usable = (
            tok.cap
            and tok.text[:1].isalpha()
            and tok.lower not in lex.not_names
            and tok.lower.rstrip(".") not in lex.not_names
            and not (blocked and overlaps(tok.start, tok.end, blocked))
            # a heading in capitals that names a kind of happening ("October 24: ARRESTS – ...")
            and not (tok.text.isupper() and tok.lower in lex.trigger_kind)
            # an amount in a currency written with letters ("R4bn", "RM6m") is no word of a name
            and not (any(c.isdigit() for c in tok.text) and _amount(tok.text, lex))
            and not party_and_state(tok.text, lex)
            and not grade_before_number(tokens, i, lex)
            # a count opening the sentence ("Five Republican contenders", "Hundreds of Chinese workers");
            # "One" opens names as often ("One Nation", "One World Trade Center")
            and not (i == first_word and tok.lower != "one"
                     and (tok.lower in lex.number_words or tok.lower in lex.scales))
        )
        if (
            usable
            and not current
            and tok.lower in lex.function_words
            and not (tok.text.isupper() and len(tok.text) > 1)
            and not _capitalised_inside(tokens, i, first_word, lex)
        ):
            usable = False
        if usable and current and tok.start - current[-1].end > 1:
            close()
        if usable:
            if not current:
                opened = i
            current.append(tok)
            continue
        if current and tok.text.isdigit() and current[-1].lower in lex.numbered_nouns and (
                tok.start - current[-1].end <= 1):
            current.append(tok)  # "Flight 8501": the number names it
            close()
            continue
        if (
            current
            and (
                tok.lower in lex.connectors
                or (tok.lower == "the" and current[-1].lower == "of"
                    and _of_the_name(tokens, i - 1, current, lex))
                or (
                    tok.lower in lex.org_connectors
                    and not _whole_organisation_before_and(tok, current, lex)
                    and (
                        any(t.lower.rstrip(".") in lex.organisation_cues for t in current)
                        or _joins_org_name(tokens, i, current, doc)
                    )
                )
            )
            and i + 1 < len(tokens)
            and (tokens[i + 1].cap or _of_the_name(tokens, i, current, lex))
            and tok.start - current[-1].end <= 1
        ):
            current.append(tok)
            continue
        if current:
            close()
    close()
    # A sentence-initial capital is only a name when we know the word as one.
    if runs and tokens and runs[0][0] == first_word and len(runs[0][1]) == 1:
        word = runs[0][1][0]
        low = word.lower
        known = (
            low in lex.country_of
            or low in lex.demonym_of
            or low in lex.capital_of
            or low in lex.institution_of
            or low in lex.places
            or low.rstrip(".") in lex.organisation_cues
            or word.text in doc.known_caps
            or word.text in doc.surname
            or low in lex.titles
            or _plural_alias(word, lex)
            or (word.text.isupper() and len(word.text) > 1)
            or _subject_name(tokens, first_word, lex)
        )
        if not known:
            runs.pop(0)
    return runs


def _of_the_name(tokens: list[Tok], i: int, current: list[Tok], lex: Lexicon) -> bool:
    """Whether "of the" at token i goes on an organisation's name ("Office of the Inspector General",
    "Ministry of the Interior"): a cue in the name so far, a capitalised word after "the"."""
    return (tokens[i].lower == "of" and i + 2 < len(tokens) and tokens[i + 1].lower == "the"
            and tokens[i + 2].cap and any(t.lower.rstrip(".") in lex.organisation_cues for t in current))


def _plural_alias(word: Tok, lex: Lexicon) -> bool:
    """Whether a word is an alias of the table that can only be a plural noun ("Republicans", "Tories"): a
    name's at a sentence's start too, where "Conservative", "Labour" or "Fed" may be common words."""
    return (word.text in lex.alias_of or word.lower in lex.alias_of) and word_tags(word.lower) == {"NNS"}


def _whole_organisation_before_and(tok: Tok, current: list[Tok], lex: Lexicon) -> bool:
    """Whether "and" follows an organisation's whole name, ended by its cue ("Japan Airlines and All Nippon
    Airways", "Acme Corp and Kell Ltd": two), not a name it goes on ("Department of Health and Human
    Services", "Centers for Disease Control and Prevention")."""
    return tok.lower == "and" and current[-1].lower.rstrip(".") in lex.organisation_cues


def _joins_org_name(tokens: list[Tok], i: int, current: list[Tok], doc: Doc) -> bool:
    """Whether "and" at i joins one capitalised word to the rest of an organisation's name ("Disaster and
    Emergency Management Authority", "Food and Drug Administration"): the capitalised words after it end in
    an organisation's cue, and the word before it names nothing on its own (no country, no known surname)."""
    lex = doc.lex
    if tokens[i].lower != "and" or len(current) != 1:
        return False
    low = current[0].lower
    if low in lex.country_of or low in lex.demonym_of or low in lex.capital_of:
        return False
    if current[0].text in doc.surname:
        return False
    for tok in tokens[i + 1 : i + 6]:
        if not tok.cap or not tok.text[:1].isalpha():
            return False
        if tok.lower.rstrip(".") in lex.organisation_cues:
            return True
    return False


def _subject_name(tokens: list[Tok], i: int, lex: Lexicon) -> bool:
    """Whether the capitalised word opening a sentence is a name because it is the subject of the finite
    verb right after it ("Lumen has acquired ...", "Vantor was fined ...", "Tidewell sued ...": a word known
    only as a finite verb) or an aside describes it ("Ascom, a provider of ...", "SoftBank, its largest
    investor, ..."), and no English word that could stand there capitalised ("Officials have", "Police
    said", "Apple has", "However, the ..." stay unknown: the word lists tag them)."""
    if i + 1 >= len(tokens) or tokens[i + 1].start - tokens[i].end > 1:
        return False
    word, nxt = tokens[i], tokens[i + 1]
    if not word.text.isalpha() or word_tags(word.lower):
        return False
    if nxt.text == "," and i + 2 < len(tokens) and tokens[i + 2].lower in _APPOSITIVE_OPENERS:
        return True  # "Ascom, a global solutions provider ..., announced": an aside describes a name
    if nxt.lower in _FINITE_AFTER_NAME:
        return True
    # not a plural of a role's noun the dictionary lacks ("Appropriators offered ...")
    low = word.lower
    plural_role = low.endswith("s") and low[:-1].endswith(lex.role_endings)
    return word_tags(nxt.lower) in _ONLY_FINITE and not plural_role


# The first word of an aside that describes the name before its comma ("Ascom, a provider of ...", "SoftBank,
# its largest investor, ...").
_APPOSITIVE_OPENERS = frozenset({"a", "an", "the", "its", "his", "her", "their"})


# Finite verbs that make the word before them its (singular) subject.
_FINITE_AFTER_NAME = frozenset({"has", "had", "was", "is", "will", "said", "says"})
# The tags of a word the dictionary knows only as a verb in the past or the present's third person ("sued",
# "announced", "expects"): after a word it does not know, that word is the verb's subject ("Tidewell sued").
_ONLY_FINITE = (frozenset({"VBD", "VBN"}), frozenset({"VBZ"}), frozenset({"VBD"}))


def _strip_titles(words: list[Tok], lex: Lexicon) -> tuple[list[Tok], str | None, bool]:
    """(name words, country of the title, whether a title was removed) of a run of capitalised words."""
    country: str | None = None
    titled = False
    if feature_name([t.text for t in words], lex):
        return words, None, False  # a place named after someone titled: "the Imam Zaman Mosque"
    # Leading demonym/country + title, or title alone: "Russian President", "US Secretary of State".
    while words:
        if words[0].lower in lex.demonym_of or words[0].lower in lex.country_of:
            n = _title_len(words, 1, lex)
            if n:
                country = lex.demonym_of.get(words[0].lower) or lex.country_of.get(words[0].lower)
                if _bare_organisation(words[1 + n :], lex) or (1 + n < len(words) and _owned(words[1 + n])):
                    return words[1:], country, False  # "US Justice Department", "U.S. Attorney's Office"
                words = words[1 + n :]
                titled = True
                continue
        n = _title_len(words, 0, lex)
        # (not "Justice Department", "the Sheriff's Office": the title is the organisation's name)
        if n and n < len(words) and not _bare_organisation(words[n:], lex) and not _owned(words[n]):
            words = words[n:]
            while len(words) > 1 and words[0].lower in lex.connectors:
                words = words[1:]  # "Leader of Government Business X" (a title of two words and "of")
            titled = True
            continue
        # A title after capitalised words: "Defense Secretary Lloyd Austin", "Bank of England Governor".
        cut = 0
        for k in range(1, len(words) - 1):
            n = _title_len(words, k, lex)
            # (a title's last word is no name: "Office of the Inspector General")
            if n and k + n < len(words) and not (k + n == len(words) - 1 and _title_len(words, k + n, lex)):
                cut = k + n
        rest = words[cut:]
        if cut and not any(t.lower.rstrip(".") in lex.organisation_cues for t in rest):
            head = words[:cut]
            if head[0].lower in lex.demonym_of or head[0].lower in lex.country_of:
                country = lex.demonym_of.get(head[0].lower) or lex.country_of.get(head[0].lower)
            words = rest
            titled = True
        break
    return words, country, titled


def _owned(tok: Tok) -> bool:
    """Whether a token is the possessive "'s" (of a name joined to what it owns)."""
    return tok.lower in POSSESSIVE_S


def _bare_organisation(words: list[Tok], lex: Lexicon) -> bool:
    """Whether words are one organisation cue that names no one alone ("Department", "Office")."""
    return len(words) == 1 and words[0].lower in lex.bare_organisation_words


def _described_person(words: list[Tok], lex: Lexicon, surnames: dict[str, str]) -> int:
    """Where a person's name starts after capitalised words that describe the person, 0 if nowhere: a given
    name and a surname, with initials or connectors between (names.yaml `role_endings`: "NASA Administrator
    Jim Bridenstine", "envoy to Ukraine Kurt Volker", "Browns DL Sheldon Richardson")."""
    # A run opening on a connector is a title's complement: "(Director) of Public Prosecution Eva Persson".
    complement = bool(words) and words[0].lower in lex.connectors
    for k in range(1, len(words) - 1):
        before, given, rest = words[k - 1], words[k], words[k:]
        if before.lower in lex.connectors or given.lower in lex.connectors:
            continue  # a particle of a name: "James Van Der Beek"
        if not (given_name(given.text, lex) and _describes(before, lex, complement)):
            continue
        last = rest[-1].lower.rstrip(".")
        if len(rest) > 4 or any(not (t.cap or t.lower in lex.connectors) for t in rest):
            return 0
        # A surname that is also a word ("Levy", "Weeks") after a place the person is of, or one the story
        # named; after other words it more likely names a thing ("Nikkei Index").
        place = before.lower in lex.country_of or before.lower in lex.places
        if (last in lex.organisation_cues or last in lex.company_suffixes
                or (word_tags(last) and not place and rest[-1].text not in surnames)):
            return 0
        return k
    return 0


def given_name(word: str, lex: Lexicon) -> bool:
    """A capitalised word that can only be a name: each part (of "Eva-Marie") a capital then lower-case
    letters ("AirAsia", "WhatsApp" are brands), no English word, no place."""
    low = word.lower()
    parts = word.split("-")
    return (all(p[:1].isupper() and p[1:].isalpha() and p[1:].islower() for p in parts)
            and not any(word_tags(p.lower()) for p in parts)
            and low not in lex.country_of and low not in lex.demonym_of and low not in lex.places)


def _describes(tok: Tok, lex: Lexicon, complement: bool) -> bool:
    """Whether a capitalised word before a given name describes the person (`_described_person`): a
    country, demonym, place or acronym; a noun or adjective of a role, any in a title's complement."""
    low = tok.lower.rstrip(".")
    if low in lex.country_of or low in lex.demonym_of or low in lex.places or is_acronym(tok.text):
        return True
    return bool(word_tags(low) & (NOUN_TAGS | {"JJ"})) and (complement or low.endswith(lex.role_endings))


def entities(tokens: list[Tok], doc: Doc, blocked: list[tuple[int, int]]) -> list[Entity]:
    """The names of a sentence's tokens, trimmed, classified and expanded; `blocked` spans hold none."""
    lex = doc.lex
    out: list[Entity] = []
    runs = _owned_places(_name_runs(tokens, doc, blocked), tokens, lex)
    if not runs:
        return out
    for at, run in runs:
        words, country, titled = _strip_titles(list(run), lex)
        if (start := _described_person(words, lex, doc.surname)):
            described = words[start - 1].lower
            country = country or lex.demonym_of.get(described)
            words, titled = words[start:], True
        # "Mr. Xi": the honorific stands outside the run (it is never part of a name) but titles the name.
        honorific = at > 0 and tokens[at - 1].lower in lex.titles and tokens[at - 1].lower.endswith(".")
        titled = titled or honorific
        while words and (words[-1].lower in lex.connectors or words[-1].lower in lex.org_connectors):
            words.pop()
        if not words:
            continue
        if len(words) == 1 and (_title_len(words, 0, lex) or _bare_organisation(words, lex)):
            continue  # "Company management said", "Court papers showed": no one named
        kind, name, ent_country = _classify(words, lex)
        if kind == "name" and kind_of_place_after(tokens, at + len(run), lex):
            kind = "place"  # "east of Belitung island", "in western Ghor province": the noun says a place
        if kind == "demonym" and _a_person_so_named(tokens, at, len(run)):
            continue  # "The 48-year-old Australian was evicted": a person, not the country
        if titled and kind in ("name", "person", "place"):
            kind = "person"
        if kind in ("person", "name"):
            full = doc.surname.get(name)
            if full is None and len(words) > 1:
                # the tail of a full name told before ("Al Saud" of "Abu Anas Al Saud", "Van Der Beek")
                longer = doc.surname.get(words[-1].text)
                full = longer if longer is not None and longer.endswith(" " + name) else None
            if full:
                name, kind = full, "person"
        # A name followed by title words and another name only qualifies it ("US counterpart Donald Trump").
        last = at + len(run) - 1
        n = _title_len(tokens, last + 1, lex) if last + 1 < len(tokens) else 0
        modifier = bool(n) and last + 1 + n < len(tokens) and tokens[last + 1 + n].cap
        out.append(
            Entity(words[0].start, words[-1].end, name, kind, country or ent_country, modifier, titled)
        )
    return _acronyms(out, tokens, doc)


def _owned_places(runs: list[tuple[int, list[Tok]]], tokens: list[Tok], lex: Lexicon,
                  ) -> list[tuple[int, list[Tok]]]:
    """Runs with a place or an office named by its owner made one ("St. Paul's Cathedral", "St Peter's
    Square", "the Harris County Sheriff's Office"): the whole is the name, not a name and a capitalised
    noun."""
    out: list[tuple[int, list[Tok]]] = []
    for at, run in runs:
        if out:
            prev_at, prev = out[-1]
            owner_end = prev_at + len(prev)
            if (at == owner_end + 1 and _owned(tokens[owner_end])
                    and (feature_name([t.text for t in (*prev, *run)], lex) or _bare_organisation(run, lex))):
                out[-1] = (prev_at, [*prev, tokens[owner_end], *run])
                continue
        out.append((at, run))
    return out


def _a_person_so_named(tokens: list[Tok], at: int, size: int) -> bool:
    """Whether a single demonym stands for one person, as a noun after its determiner and modifiers ("an
    American was killed", "the 48-year-old Australian was evicted"), not as a nation's adjective before a
    noun ("American officials") or in the plural ("Australians voted")."""
    word = tokens[at].lower
    if size != 1 or word.endswith("s"):
        return False
    nxt = tokens[at + 1] if at + 1 < len(tokens) else None
    if nxt is not None and nxt.text[:1].isalnum():
        # a verb next ("was evicted", "died", "who was held"); anything else ("American officials", "the
        # Israeli blockade", "Australian Prime Minister") is what it qualifies
        tags = word_tags(nxt.lower)
        verb = nxt.lower in _VERB_NEXT or (bool(tags & FINITE_TAGS) and not tags & NOUN_TAGS)
        if nxt.cap or not verb:
            return False
    for tok in reversed(tokens[max(0, at - 4):at]):
        if tok.lower in ("a", "an", "the"):
            return True
        if not ("-" in tok.lower or tok.lower.isdigit() or word_tags(tok.lower) & {"JJ", "CD"}):
            return False
    return False


_VERB_NEXT = frozenset({"is", "was", "were", "has", "had", "will", "would", "could", "who"})


_OPEN_RE = re.compile(r"\s*\(\s*\Z")
_CLOSE_RE = re.compile(r"\s*\)")


def _acronyms(found: list[Entity], tokens: list[Tok], doc: Doc) -> list[Entity]:
    """Learn the acronyms a sentence defines, and make each an organisation where it is one: "the World
    Health Organization (WHO)" (a long name and, in brackets, its initials or an organisation's acronym)
    and "Turkey's disaster agency AFAD" (lower-case words ending in an organisation's noun)."""
    lex, text = doc.lex, doc.text
    out = list(found)
    for i, ent in enumerate(out):
        if ent.kind not in ("name", "org") or not ent.name[1:2].isupper() or not is_acronym(ent.name):
            continue
        prev = out[i - 1] if i else None
        close = _CLOSE_RE.match(text, ent.end)
        if (
            prev is not None
            and close
            and prev.kind in ("org", "name", "person")
            and _OPEN_RE.search(text, prev.end, ent.start)
            and (prev.kind == "org" or initials(prev.name, lex) == ent.name)
            and not exchange_ticker(text, prev.end, lex)
        ):
            # The long name is the one form when the acronym is its initials (another outlet's "WHO" still
            # links to it by them); else the acronym, which outlets share where they translate the long one.
            if initials(prev.name, lex) == ent.name:
                doc.aliases.setdefault(ent.name, prev.name)
            else:
                doc.aliases.setdefault(prev.name, ent.name)
            doc.defining.append((prev.end, close.end()))
            if prev.kind != "person":
                out[i] = dataclasses.replace(ent, kind="org")
            continue
        words = _description(tokens, ent.start, lex)
        if words:
            doc.described.setdefault(ent.name, words)
        if ent.name in doc.described or ent.name in doc.aliases or ent.name in doc.aliases.values():
            out[i] = dataclasses.replace(ent, kind="org")
    return out


def _description(tokens: list[Tok], start: int, lex: Lexicon) -> frozenset[str]:
    """The lower-case words right before an acronym that say what it is ("the disaster agency" AFAD), when
    the last of them is an organisation's noun; else none."""
    before = [t for t in tokens if t.end <= start][-3:]
    words: list[str] = []
    for tok in reversed(before):
        if tok.cap or not tok.text.isalpha() or tok.lower in lex.function_words:
            break
        words.append(tok.lower)
    if words and (words[0] in lex.organisation_cues or words[0] in lex.company_nouns):
        return frozenset(words)
    return frozenset()
