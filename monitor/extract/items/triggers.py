"""Step 3a: event kinds. Trigger words per kind (from the lexicon, every inflection of a base form) found in a
sentence and the part of speech each one has there (a noun needs a determiner, a verb must be finite or a
participle); what the words after a trigger tell (its other senses, where reported speech starts) is
monitor.extract.items.trigger_objects'. Also the kind-free test used for dated happenings: is a word a finite
verb here, and is its clause negated or hypothetical.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import compress

from monitor.extract.items.document import DETERMINERS, Doc, Tok
from monitor.extract.items.trigger_objects import quoting, what_was_said_follows
from monitor.extract.kind_words import NO_KIND
from monitor.extract.lexicon import Lexicon
from monitor.extract.wordforms import ADJECTIVE_TAGS, FINITE_TAGS, NOUN_TAGS, VERB_TAGS, word_tags

# "T1", "G20": letters and digits are one word (a name), no count
_WORD_RE = re.compile(r"[A-Za-z]+\d[A-Za-z\d]*|[A-Za-z]+(?:['’-][A-Za-z]+)*|['’]s\b|\d+|[^\w\s]")

# Words before a verb that make it a verb of the clause ("has sent", "will meet", "was arrested").
AUXILIARIES = frozenset(
    {
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "will",
        "did",
        "do",
        "does",
        "to",
        "'s",
        "’s",
        "am",
        "shall",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "get",
        "got",
    }
)
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s"})
_SUBJECT_PRONOUNS = frozenset({"i", "we", "they", "you"})
# Adverbs that may stand between an auxiliary or subject and its verb ("has also sent", "was quickly freed").
_BETWEEN = frozenset(
    {
        "also",
        "now",
        "just",
        "recently",
        "already",
        "not",
        "then",
        "reportedly",
        "allegedly",
        "later",
        "since",
        "subsequently",
        "officially",
        "finally",
        "quickly",
        "initially",
        "first",
        "again",
        "still",
        "jointly",
        "formally",
        "publicly",
        "n't",
        "never",
        "been",
        "being",
        "previously",
        "originally",
    }
)
_POSSESSIVE = frozenset({"'s", "’s", "my", "your", "whose"})
_NOUN = NOUN_TAGS
_PARTICIPLES = frozenset({"VBN", "VBG"})
# forms of a verb a noun before a relative "that" does not have ("said", "reported", "believes")
_PAST_OR_THIRD = frozenset({"VBD", "VBN", "VBZ"})
# What stops a verb from being a happening: hypothetical and negated clauses.
HYPOTHETICAL = frozenset(
    {"would", "could", "might", "should", "may", "must", "can", "if", "unless", "whether"}
)
NEGATIONS = frozenset({"not", "n't", "never", "no", "nor"})


def is_negation(word: str) -> bool:
    """A negation, or a word that holds one (the tokenizer keeps "haven't", "didn’t" whole)."""
    return word in NEGATIONS or word.endswith(("n't", "n’t"))


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).lower()) for m in _WORD_RE.finditer(text, start, end)]


def find_triggers(doc: Doc, s_start: int, s_end: int) -> list[tuple[int, int, str, str]]:
    """(start, end, trigger form, kind) of the triggers of a sentence that are used as events here."""
    lex = doc.lex
    first = lex.trigger_first
    segment = doc.text[s_start:s_end]
    low = segment.lower()
    # The words' offsets, read only as far as a trigger used needs them (most sentences use none).
    spans: list[tuple[int, int]] = []
    unread: Iterator[re.Match[str]] = iter(())
    if len(low) != len(segment):  # a letter whose lower case is longer ("İ"): the slow, exact way
        spans = [(s - s_start, e - s_start) for s, e, _w in _words(doc.text, s_start, s_end)]
        words = [w for _s, _e, w in _words(doc.text, s_start, s_end)]
    else:
        # Words as plain strings first (one C-level pass); their offsets only when a trigger is used.
        words = _WORD_RE.findall(low)
        if first.keys().isdisjoint(words):
            return []
        unread = _WORD_RE.finditer(low)
    out = []
    i, count = 0, len(words)
    # Only the words that may open a trigger (or "according to") are looked at, in order; `i` is where the
    # next one may start (after a trigger's words, after the source of "according to").
    stops = list(compress(range(count), map(first.__contains__, words)))
    if "according" in words:
        stops = sorted({*stops, *(j for j, w in enumerate(words) if w == "according")})
    for j in stops:
        if j < i:
            continue
        i = j
        phrases = first.get(words[i])
        if phrases is None:
            if i + 1 < count and words[i + 1] == "to":
                i = _source_end(words, i + 2)  # "according to X" sources a fact; it tells no happening
                continue
            i += 1
            continue
        match, n = None, 0
        for phrase in phrases:
            n = _phrase_length(phrase, words, i)
            if n and (" ".join(phrase) not in lex.passive_phrases or _passive_gap(words[i : i + n])):
                match = phrase
                break
        if match is None:
            i += 1
            continue
        trigger = " ".join(match)
        tags = lex.trigger_tags.get(trigger, _UNKNOWN)
        # A trigger ending on a preposition ("call with") has its object next, no noun it could modify.
        nxt = words[i + n] if i + n < count and match[-1] not in lex.function_words else ""
        kind = lex.trigger_kind.get(trigger)
        prev = words[max(0, i - 4) : i]
        if trigger in lex.noun_kind and prev and (prev[-1] in DETERMINERS or _after_modifiers(prev)):
            # "signed a contract", "the tentative five-year contract": business; "contracted the virus":
            # outbreak
            kind = lex.noun_kind[trigger]
        if prev and trigger in lex.kind_by_modifier:
            kind = lex.kind_by_modifier[trigger].get(prev[-1], kind)  # "a drone strike", "a rail strike"
            if kind == NO_KIND:
                kind = None  # "a moon shot", "a three-point shot"
        # a plural right after a day of the month ("the Dec. 14 shootings") may be that day's happenings
        # (a day's number: "the 2016 elections" are a year's, talked about more often than told)
        after_a_day = (kind is not None and bool(prev) and prev[-1].isdigit() and len(prev[-1]) <= 2
                       and "NNS" in tags)
        if after_a_day:
            while len(spans) < i + n:
                spans.append(next(unread).span())
        if (
            kind is not None
            # "The case was dropped": the phrase's passive opens on its object's noun, after its determiner
            and (trigger in lex.passive_phrases or used_as_event(
                tags, words[max(0, i - 6) : i], nxt, lex.function_words, trigger.endswith("s"),
                _may_be_noun(trigger, tags)
            ) or (after_a_day and _right_after_date(doc, s_start, s_start + spans[i][0])
                  and _heads_its_phrase(tags, nxt, lex.function_words, plural=False)))
            and not _modifier_or_subject(tags, prev, nxt)
        ):
            while len(spans) < i + n:
                spans.append(next(unread).span())
            start, end = s_start + spans[i][0], s_start + spans[i + n - 1][1]
            # "added 25 points": no word of what was said follows, so no statement
            said = trigger not in lex.said_only_before or what_was_said_follows(doc, end, s_end)
            if trigger in lex.said_when_quoting and quoting(doc, s_start, start, end):
                kind = "statement"  # 'she charged "you're just scum"': words, not a charge
            if said and (trigger not in lex.dated_nouns or _right_after_date(doc, s_start, start)):
                out.append((start, end, trigger, kind))
        i += n
    return out


# "found Dylann Roof guilty", "took the man into custody": a phrase written with "..." holds its object
# (a few words, no punctuation) between its parts.
_GAP = "..."
_MAX_GAP = 5
_GAP_STOPS = frozenset(",;:()[]\"\u201c\u201d\u2013\u2014.!?")


def _passive_gap(words: list[str]) -> bool:
    """Whether the words of a passive phrase ("case ... dropped") put a form of "be" (or "get") before its
    verb, maybe with an adverb after it ("the case against him was quickly dropped"): not an active clause
    of its own whose subject fills the gap ("the bill President Obama signed")."""
    return any(w in BE_FORMS or w in ("got", "get", "gets") for w in words[-3:-1])


def _phrase_length(phrase: tuple[str, ...], words: list[str], i: int) -> int:
    """How many words from `i` the phrase spans there (its gap included), or 0 where it is not."""
    if _GAP not in phrase:
        n = len(phrase)
        return n if n == 1 or tuple(words[i : i + n]) == phrase else 0
    gap = phrase.index(_GAP)
    head, tail = phrase[:gap], phrase[gap + 1 :]
    if tuple(words[i : i + gap]) != head:
        return 0
    for start in range(i + gap + 1, min(i + gap + 1 + _MAX_GAP, len(words))):
        if words[start - 1] in _GAP_STOPS:
            return 0  # a clause's punctuation ends the object
        if tuple(words[start : start + len(tail)]) == tail:
            return start + len(tail) - i
    return 0


_UNKNOWN = frozenset({"?"})
_DATE_TO_NOUN_RE = re.compile(r"(?:['\u2019]s)?\s+")  # "March 20 call", "Tuesday's call"


def _right_after_date(doc: Doc, s_start: int, start: int) -> bool:
    """Whether a date expression of the sentence ends right before `start` (a `dated_nouns` trigger)."""
    return any(t.end <= start and _DATE_TO_NOUN_RE.fullmatch(doc.text, t.end, start)
               for t in doc.timexes_in(s_start, start))


def _may_be_noun(trigger: str, tags: frozenset[str]) -> bool:
    """Whether a trigger word can be a noun in some other use (a verb trigger's tags leave its noun out)."""
    return bool(tags & _NOUN) or (" " not in trigger and bool(word_tags(trigger) & _NOUN))


def source_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of "according to X" in text[start:end] (to the next punctuation mark): X only sources a
    fact, so no word there tells a happening ("according to data released in August")."""
    if "ccording" not in text[start:end]:
        return []
    return [m.span() for m in _SOURCE_RE.finditer(text, start, end)]


_SOURCE_RE = re.compile(r"\baccording\s+to\b[^,;:.!?()\u2013\u2014\"\u201c\u201d]*", re.IGNORECASE)


def _after_modifiers(before: list[str]) -> bool:
    """Whether a determiner and only modifiers (adjectives, numbers, hyphenated words) come right before a
    word ("the tentative contract", "a new five-year contract"): it is a noun there."""
    for k, word in enumerate(reversed(before)):
        if word in DETERMINERS:
            return k > 0
        tags = word_tags(word)
        modifier = "-" in word or word.isdigit() or bool(tags & _MODIFIER_TAGS)
        if not modifier or (tags & FINITE_TAGS and "-" not in word):
            return False  # "the company signed contracts": a verb, no modifier
    return False


_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "CD"})


def _source_end(words: list[str], i: int) -> int:
    """The index after the source named by "according to" (up to the next punctuation mark)."""
    while i < len(words) and (words[i][0].isalnum() or words[i] in _POSSESSIVE):
        i += 1
    return i


def _modifier_or_subject(tags: frozenset[str], prev: list[str], nxt: str) -> bool:
    """A verb form that is no verb here: a participle between a number and a noun is an adjective ("587
    confirmed deaths", "12 injured people"); an -s form right before a past tense is a plural noun, the
    subject ("navy ships arrived")."""
    if tags & _NOUN or not nxt.isalpha():
        return False
    if prev and prev[-1].isdigit() and tags & {"VBD", "VBN"}:
        # A word the tagger does not know after it ("188,663 confirmed coronavirus cases") is a noun too.
        # A determiner after it opens its object: a verb ("the team that won in 2022 beat the champions").
        nxt_tags = word_tags(nxt)
        return bool(not nxt_tags or nxt_tags & _NOUN) and not nxt_tags & {"VBD", "VBN", "IN"} and (
            nxt not in DETERMINERS
        )
    return tags <= {"VBZ"} and "VBD" in word_tags(nxt)


def used_as_event(
    tags: frozenset[str],
    prev: list[str],
    nxt: str,
    function_words: frozenset[str],
    plural: bool = False,
    may_be_noun: bool = True,
) -> bool:
    """Whether a trigger with these possible tags is an event here: a verb of a clause, or a noun with a
    determiner that heads its phrase ("the arrest", not "delivery services" nor "the arrest warrant")."""
    if "?" in tags:
        return True
    return _verb_here(tags, prev, may_be_noun) or _noun_here(tags, prev, nxt, function_words, plural)


def told_by_verb(tags: frozenset[str], prev: list[str]) -> bool:
    """Whether a trigger with these tags is the verb of its clause here, not after a modal ("may be
    reached") nor a noun ("trade talks", "a meeting")."""
    if "?" in tags or not _verb_here(tags, prev):
        return False
    return not any(w in HYPOTHETICAL for w in prev)


def _verb_here(tags: frozenset[str], prev: list[str], may_be_noun: bool = True) -> bool:
    if not tags & VERB_TAGS:
        return False
    before = [w for w in prev if w not in _BETWEEN]
    last = before[-1] if before else ""
    if last in DETERMINERS or last in _POSSESSIVE or possessive(last):
        return False  # "the accused", "its ships", "Monday's attack": a noun or an adjective
    if tags & {"VBD", "VBN"}:
        return True
    if "VBZ" in tags:
        # Right after an adjective or a preposition, a word that is also a plural noun is that noun: "two
        # highly critical reports", "waited for results", "amid storms" (no finite verb stands there).
        return not (may_be_noun and (_adjective(last) or last in _PREPOSITIONS))
    if "VBG" in tags:
        return last in BE_FORMS
    if last in BE_FORMS:
        return False  # "entry is free", "will be free": after "be" a base form is an adjective, no verb
    if last in AUXILIARIES or last in _SUBJECT_PRONOUNS:
        return True  # base form: "will meet", "to sign", "they vote"
    # After a plural noun, a word that cannot be a noun is its verb ("tickets go on sale", "troops arrive");
    # one that can ("the weapons ban", "a new front grill") may be the head of a compound.
    return not may_be_noun and (last in _RELATIVE_SUBJECTS or "NNS" in word_tags(last))


_PREPOSITIONS = frozenset(
    {
        "of",
        "in",
        "for",
        "with",
        "amid",
        "after",
        "before",
        "despite",
        "against",
        "about",
        "over",
        "from",
        "into",
        "on",
        "at",
        "by",
        "during",
        "following",
        "under",
        "without",
        "between",
        "among",
        "including",
        "like",
        "via",
        "than",
        "through",
        "toward",
        "towards",
        "upon",
        "within",
        "across",
        "behind",
        "beyond",
    }
)


def _adjective(word: str) -> bool:
    """Whether a word is only ever an adjective (the word list tags it so and nothing else)."""
    tags = word_tags(word)
    return bool(tags) and tags <= ADJECTIVE_TAGS


# "seats for which go on sale": a relative pronoun right before a base form is its subject.
_RELATIVE_SUBJECTS = frozenset({"which", "who", "that"})


def _noun_here(
    tags: frozenset[str], prev: list[str], nxt: str, function_words: frozenset[str], plural: bool
) -> bool:
    if not tags & _NOUN:
        return False
    # A determiner, a possessive or a date/number close before it ("the talks", "Monday's attack",
    # "an Oct. 11 announcement"), with no punctuation in between.
    found = False
    for w in reversed(prev[-5:]):
        if not (w[0].isalnum() or w in _POSSESSIVE):
            break
        if w.isdigit() and plural:
            return False  # "587 deaths", "12 arrests": a count, which is a figure, not a happening
        if w in DETERMINERS or w in _POSSESSIVE or w.isdigit() or possessive(w):
            found = True
            break
    return found and _heads_its_phrase(tags, nxt, function_words, plural)


def _heads_its_phrase(tags: frozenset[str], nxt: str, function_words: frozenset[str], plural: bool) -> bool:
    """Whether a noun trigger heads its phrase, given the word after it."""
    # A noun right after it makes the trigger a modifier ("the delivery services", "a trial date"); so does
    # a noun that could only be a plural verb after a singular trigger ("the ruling party", "an arrest
    # warrant": "party" and "warrant" cannot be the verb of "the ruling").
    nxt_tags = word_tags(nxt) if nxt and nxt.isalpha() else frozenset()
    if not nxt_tags & _NOUN or nxt in function_words:
        return True
    if not nxt_tags & VERB_TAGS:
        return False
    return not (nxt_tags & VERB_TAGS <= _BASE_VERB and not plural)


_BASE_VERB = frozenset({"VB", "VBP"})


# "'s" after these is "is" or "has" ("he's left"), not a possessive.
_CONTRACTED = frozenset({"he", "she", "it", "that", "there", "what", "who", "where", "here", "let"})


def possessive(word: str) -> bool:
    """A word with a possessive "'s" ("Thursday's", "the company's"), not a contraction ("he's")."""
    return word.endswith(("'s", "’s")) and len(word) > 2 and word[:-2] not in _CONTRACTED


def finite_verb(tags: frozenset[str], prev: list[str], present: bool = True) -> bool:
    """Whether a word with these tags is the verb of a clause here: past (or, with `present`, present)
    tense, or a participle or base form after an auxiliary ("has bought", "will host", "was voted")."""
    if not tags & VERB_TAGS:
        return False
    before = [w for w in prev if w not in _BETWEEN]
    last = before[-1] if before else ""
    if (last in DETERMINERS and not _relative_that(before)) or last in _POSSESSIVE:
        return False
    if last in BE_FORMS and not tags & _PARTICIPLES:
        return False  # "2,285 were absent Monday": after "be" only a participle is a verb, the rest describes
    if last in AUXILIARIES and last != "to":
        return True
    return bool(tags & ({"VBD", "VBZ"} if present else {"VBD"}))


def plural_present(word: str, prev: list[str]) -> bool:
    """A plural's present right after its subject, a plural noun, a plural name or "they"/"we" ("The men take
    the floor on November 29th", "the three ferries join two others"): a finite verb that `finite_verb`'s
    third person and past leave out."""
    if not prev or "VBP" not in word_tags(word):
        return False
    subject = prev[-1]
    if subject in _PLURAL_PRONOUNS or word_tags(subject) == _PLURAL_ONLY:
        return True
    # "the Olympics begin", "the Lakers host the Celtics": a plural name after "the", a word of no tags
    return subject.endswith("s") and not word_tags(subject) and "the" in prev[-3:-1]


_PLURAL_PRONOUNS = frozenset({"they", "we"})
_PLURAL_ONLY = frozenset({"NNS"})


def _relative_that(before: list[str]) -> bool:
    """Whether a "that" opens a relative clause, right after the noun it tells of ("the tour that stops at
    ..."), not a determiner nor the "that" after a verb ("reported that plans ...", "they report that costs
    rose")."""
    if len(before) < 3 or before[-1] != "that":
        return False
    tags = word_tags(before[-2])
    # a noun of a noun phrase: a determiner up to three words before it ("the tour", "the reunion tour", "a
    # suspected gas attack")
    return (bool(tags & _NOUN) and not tags & _PAST_OR_THIRD
            and any(w in DETERMINERS for w in before[-5:-2]))


def a_happenings_noun(lex: Lexicon, word: str) -> bool:
    """A noun trigger of the kinds' lists ("attack", "debate"): a noun that names a happening."""
    return word in lex.trigger_kind and bool(lex.trigger_tags.get(word, frozenset()) & NOUN_TAGS)


def counted_participle(word: str, before: Sequence[Tok], lex: Lexicon) -> bool:
    """A participle right after a counted plural noun ("3,248 cases reported", "12 people injured")
    qualifies the noun: the count is a figure, and no one is said to have acted or spoken. Not when the count
    is a verb's object ("rescuers searching for a plane carrying 162 people pulled bodies from the sea")."""
    if len(before) < 2 or " " in word or not word.endswith("ed"):
        return False
    noun, count = before[-1], before[-2]
    return (count.text[:1].isdigit() and "NNS" in word_tags(noun.lower) and not noun.cap
            and not count_is_an_object(before[:-2], lex))


def count_is_an_object(before: Sequence[Tok], lex: Lexicon) -> bool:
    """Whether the words before a count end on a verb whose object it is, past its qualifier ("a plane
    carrying (more than) 162 people"): the count is then no subject of the verb after it."""
    words = [t.lower for t in before[-4:]]
    while words and words[-1] in _qualifier_words(lex):
        words.pop()
    if not words or words[-1] in AUXILIARIES:
        return False
    tags = word_tags(words[-1])
    return bool(tags) and tags <= VERB_TAGS


@cache
def _qualifier_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(w for phrase in lex.qualifier_of for w in phrase.split())


# "since" (with "early", "late", "mid" or "the") right before a date: the date starts a period.
SINCE_BEFORE_RE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the)[\s-]+)?\Z", re.IGNORECASE)


def passive_report(trigger: str, prev: list[str], nxt: str) -> bool:
    """A reporting verb in the passive with no agent ("a case has been reported", "it was announced"): no
    one is said to have spoken, so it is no statement; with "by" the agent is the speaker ("was announced
    by the board")."""
    before = [w for w in prev if w not in _BETWEEN or w == "been"]
    if not before or before[-1] not in PASSIVE_BE or " " in trigger or nxt == "by":
        return False
    return trigger.endswith(("ed", "en", "ld", "wn", "nt", "id"))  # a participle ("said"), not "is saying"


PASSIVE_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
