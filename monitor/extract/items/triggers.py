"""Step 3a: event kinds. Trigger words per kind (from the lexicon, every inflection of a base form) found in a
sentence, the part of speech each one has there (a noun needs a determiner, a verb must be finite or a
participle), the other senses that rule a trigger out ("delivered a speech"), and where reported speech
starts after "said". Also the kind-free test used for dated happenings: is a word a finite verb here, and
is its clause negated or hypothetical.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Sequence
from itertools import compress

from monitor.extract.items.document import DETERMINERS, POSSESSIVE_S, Doc, Tok
from monitor.extract.kind_words import NO_KIND
from monitor.extract.lexicon import Lexicon
from monitor.extract.wordforms import NOUN_TAGS, VERB_TAGS, word_tags

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
            if n:
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
        if (
            kind is not None
            # "The case was dropped": the phrase's passive opens on its object's noun, after its determiner
            and (trigger in lex.passive_phrases or used_as_event(
                tags, words[max(0, i - 6) : i], nxt, lex.function_words, trigger.endswith("s"),
                _may_be_noun(trigger, tags)
            ))
            and not _modifier_or_subject(tags, prev, nxt)
        ):
            while len(spans) < i + n:
                spans.append(next(unread).span())
            start, end = s_start + spans[i][0], s_start + spans[i + n - 1][1]
            # "added 25 points": no word of what was said follows, so no statement
            said = trigger not in lex.said_only_before or _what_was_said_follows(doc, end, s_end)
            if trigger in lex.said_when_quoting and _quoting(doc, s_start, start, end):
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
        if not modifier or (tags & _FINITE_TAGS and "-" not in word):
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
    return bool(tags) and tags <= _ADJECTIVES


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
    if not found:
        return False
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
    """A plural's present right after its subject, a plural noun or "they"/"we" ("The men take the floor on
    November 29th", "the five companies join nine others"): a finite verb that `finite_verb`'s third person
    and past leave out."""
    if not prev or "VBP" not in word_tags(word):
        return False
    subject = prev[-1]
    return subject in _PLURAL_PRONOUNS or word_tags(subject) == _PLURAL_ONLY


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


def reporting_bounds(
    doc: Doc, triggers: list[tuple[int, int, str, str]], s_end: int, timexes: list[tuple[int, int]]
) -> list[int]:
    """Where a reported clause starts: after "said" (and its date: "said on Wednesday it will ...")."""
    out = []
    for t_start, t_end, text, kind in triggers:
        if kind != "statement":
            continue
        if doc.text[max(0, t_start - 3) : t_start].rstrip()[-1:] in _CLOSING_QUOTES:
            continue  # '"...," wrote Ada Brisk in a Tuesday note': the speech came first, the speaker follows
        end = t_end
        for ts, te in sorted(timexes):
            between = doc.text[end:ts].strip().lower()
            if doc.text[te:te + 2] in POSSESSIVE_S:
                continue  # "weighed in on Thursday's fight": the date is the fight's, not the words'
            if ts >= end and (not between or between in doc.lex.setting_prepositions):
                end = te
                break
        rest = doc.text[end:s_end].lstrip()
        if rest.startswith("by "):
            continue  # "the levy unveiled on Tuesday by the minister": the agent follows, nothing reported
        announcing = text.lower() in doc.lex.announcing_verbs
        if end == t_end and announcing and announced_thing(doc.text, end, s_end):
            # "unveiled its programme at Monday's concert": what was announced, not a reported clause (with
            # a date right after the verb, "announced on Monday a summit on July 8", the object's dates are
            # its own)
            continue
        if rest and rest[0] not in ',.;:!?"”' and not _dated_object(
                doc.text, end, s_end, timexes, doc.lex.setting_prepositions):
            out.append(end)
    return out


def announced_thing(text: str, start: int, end: int) -> bool:
    """Whether an announcing verb's object is a noun phrase up to the clause's punctuation: a determiner or
    possessive, then words with no finite verb ("unveiled its new programme at the close of the concert",
    "announced the autumn tour while ..."); "announced the ferry would sail" reports a clause."""
    words = _object_words(text, start, end)
    for low in words[1:]:
        tags = word_tags(low)
        if _FINITE_RE.fullmatch(low) or low == "that" or (tags & _FINITE_TAGS and not tags & _NOUN_TAGS):
            return False
    return bool(words)


def announced_words(text: str, start: int, end: int) -> frozenset[str]:
    """The words of what an announcing verb announces: its object's noun phrase up to a finite verb or
    "that" (small words out): "announced a slew of new features and updates at ..." -> {slew, features,
    updates, ...}; none for a clause ("announced that ...")."""
    out: set[str] = set()
    for low in _object_words(text, start, end)[1:]:
        if low in ("that", "which", "who") or _FINITE_RE.fullmatch(low):
            break
        if len(low) > 3:
            out.add(low)
    return frozenset(out)


def _object_words(text: str, start: int, end: int) -> list[str]:
    """The lower-cased words after a verb up to the clause's punctuation, when they open with a determiner or
    possessive (`_OBJECT_OPENERS`: an object's noun phrase may follow); none otherwise."""
    stop = _STRETCH_END_RE.search(text, start, end)
    words = [w.lower() for w in _LETTERS_RE.findall(text, start, stop.start() if stop else end)]
    return words if words and words[0] in _OBJECT_OPENERS else []


_OBJECT_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these"})
_LETTERS_RE = re.compile(r"[A-Za-z]+")
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def _dated_object(
    text: str, start: int, end: int, timexes: list[tuple[int, int]], prepositions: frozenset[str]
) -> bool:
    """Whether words after a reporting verb and before its "that" hold a date ("told reporters at the White
    House on Tuesday that ..."): the date is the statement's, so the reported clause starts at "that". With
    no "that", a stretch that opens with a preposition and holds no finite verb is where or when the words
    were said, not what ("said at a Nov. 6 event at the institute"): nothing is reported after the verb."""
    stop = _STRETCH_END_RE.search(text, start, end)
    # the period of a date's abbreviation ("in a Mar. 3 letter") ends no stretch
    while stop and any(ts <= stop.start() < te for ts, te in timexes):
        stop = _STRETCH_END_RE.search(text, stop.end(), end)
    stretch_end = stop.start() if stop else end
    that = _THAT_RE.search(text, start, stretch_end)
    if that is None:
        opening = _OPENING_WORD_RE.match(text, start)
        if opening is None or opening.group(1).lower() not in prepositions:
            return False
        if any(not any(ts <= f.start() < te for ts, te in timexes)  # "May 30" is a date, no modal
               for f in _FINITE_RE.finditer(text, start, stretch_end)):
            return False  # "said in May the ferry would sail": the date may be the ferry's
        that_start = stretch_end
    else:
        that_start = that.start()
    dated = [ts for ts, te in timexes if start <= ts and te <= that_start]
    # a finite verb before the date: the reported clause has begun ("said its effort would continue past the
    # Nov. 1 deadline set in that agreement"), and the date is its own
    return bool(dated) and _FINITE_RE.search(text, start, dated[0]) is None


def statement_setting(doc: Doc, verb_end: int, noun_start: int) -> bool:
    """Whether the words from a reporting verb to a noun open where the words were said: a preposition of
    `setting_prepositions` and the noun's determiner and modifiers ("told reporters at a Tuesday news
    conference", "recounted in an Oct. 21 cabinet meeting")."""
    m = _SETTING_RE.match(doc.text, verb_end, noun_start)
    return m is not None and m.group("prep").lower() in doc.lex.setting_prepositions


# After the reporting verb, up to two words ("told reporters"), the preposition, a determiner or possessive,
# and up to four words before the noun ("a Tuesday news", "an Oct. 21 cabinet"); nothing else.
_SETTING_RE = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,2}?(?P<prep>[A-Za-z]+)\s+(?:an?|the|its|his|her|their|our|[\w.-]+[’']s)\s+"
    r"(?:[\w.,-]+\s+){0,4}?\Z"
)
_CLOSING_QUOTES = frozenset({'"', "\u201d", "\u2019"})
_STRETCH_END_RE = re.compile(r"[,;:.!?()\"\u201c\u201d\u2013\u2014]")
_THAT_RE = re.compile(r"\bthat\b", re.IGNORECASE)
_OPENING_WORD_RE = re.compile(r"\s*([A-Za-z]+)")
_FINITE_RE = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|could|should|can|may|might|must|shall|did|does)\b",
    re.IGNORECASE,
)


_SKIP_AFTER_TRIGGER = frozenset(
    {"a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "new", "all", "of", "and"}
)


def other_sense(doc: Doc, kind: str, pos: int, end: int) -> bool:
    """Whether the word after a trigger shows another sense of it ("delivered a speech", "reached a
    record", "reached 1.6 million": `#number` in the list stands for a number)."""
    words = doc.lex.other_sense_after.get(kind)
    return words is not None and _object_word(doc, words, pos, end) is not None


def kind_by_object(doc: Doc, kind: str, pos: int, end: int) -> str:
    """The kind a trigger tells by what follows it (kinds.yaml `kind_by_object`: "released the transcript"
    is a statement), else its own."""
    objects = doc.lex.kind_by_object.get(kind)
    if not objects:
        return kind
    word = _object_word(doc, objects, pos, end)
    return objects[word] if word is not None and word in objects else kind


def _object_word(doc: Doc, words: Container[str], pos: int, end: int) -> str | None:
    """The first of `words` right after `pos` (`#number` for a number), determiners, adjectives, "of", "and"
    and the first nouns of a compound skipped ("reached a historic Phase 1 trade agreement", "the release of
    classified military and diplomatic material"); None when another word comes first."""
    nouns = 0
    for m in _AFTER_RE.finditer(doc.text, pos, min(end, pos + 60)):
        w = m.group(0).lower()
        if w[0].isdigit():
            if nouns:
                continue  # "a Phase 1 trade agreement": a number inside the noun phrase
            return "#number" if "#number" in words else None
        if w in words:
            return w
        tags = word_tags(w)
        # an adjective that is no noun may be a participle too ("classified")
        adjective = tags <= _MODIFIERS or (tags & _ADJECTIVES and not tags & _NOUN)
        if w in _SKIP_AFTER_TRIGGER or (tags and adjective):
            continue
        # Nouns of a compound before its head ("reached a Phase 1 trade agreement"), a few at most.
        if tags & _NOUN and w not in doc.lex.function_words and nouns < 3:
            nouns += 1
            continue
        return None
    return None


_AFTER_RE = re.compile(r"[A-Za-z]+|\d")
_ADJECTIVES = frozenset({"JJ", "JJR", "JJS"})
_MODIFIERS = _ADJECTIVES | {"RBR", "RBS"}  # "reached the lowest level": "lowest" may be an adverb
# An object right after a verb of what was said ("added 25 points", "added a goal", "added smaller landers",
# "added to his collection"), adverbs skipped; anything else (a mark, "that", a pronoun, a name, "on
# Monday") leaves what was said to follow.
_SAID_NEXT_RE = re.compile(r"\s*(?:[A-Za-z]+ly\s+)*(?P<next>\d|[A-Za-z]+)")
_OBJECT_OPENERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this",
                             "these", "those", "some", "more", "another", "to", "up"})
_NOUN_PHRASE_TAGS = _MODIFIERS | _NOUN  # "added smaller landers"


def not_said(doc: Doc, verb: Tok, end: int) -> bool:
    """Whether a verb of kinds.yaml `said_only_before` has an object here, so tells no statement."""
    return verb.lower in doc.lex.said_only_before and not _what_was_said_follows(doc, verb.end, end)


def _what_was_said_follows(doc: Doc, pos: int, end: int) -> bool:
    """Whether no object follows a verb of kinds.yaml `said_only_before` at `pos` (`_SAID_NEXT_RE`)."""
    m = _SAID_NEXT_RE.match(doc.text, pos, end)
    if m is None:
        return True
    word = m.group("next")
    if word[0].isdigit() or word in _OBJECT_OPENERS or word in doc.lex.number_words:
        return False
    # Only a lower-case word is looked up: any other spelling is asked of lemminflect, ~50 MB more memory.
    tags = word_tags(word) if word.islower() else frozenset()
    return not (tags and tags <= _NOUN_PHRASE_TAGS)


# What was said, right after a verb: "that" or an opening quotation mark.
_QUOTING_AFTER_RE = re.compile(r"\s*(?:that\b|[\"\u201c])")
# A quotation closing right before a verb and its speaker of up to four words ('...," Christie charged').
_QUOTED_BEFORE_RE = re.compile(r"[,.!?][\"\u201d]\s+(?:[\w.'\u2019-]+\s+){1,4}\Z")


def _quoting(doc: Doc, s_start: int, start: int, end: int) -> bool:
    """Whether what was said stands right by the verb at `start`..`end` (kinds.yaml `said_when_quoting`)."""
    return bool(_QUOTING_AFTER_RE.match(doc.text, end)
                or _QUOTED_BEFORE_RE.search(doc.text, max(s_start, start - 60), start))


def a_happenings_noun(lex: Lexicon, word: str) -> bool:
    """A noun trigger of the kinds' lists ("attack", "debate"): a noun that names a happening."""
    return word in lex.trigger_kind and bool(lex.trigger_tags.get(word, frozenset()) & NOUN_TAGS)


def counted_participle(word: str, before: Sequence[Tok]) -> bool:
    """A participle right after a counted plural noun ("3,248 cases reported", "12 people injured")
    qualifies the noun: the count is a figure, and no one is said to have acted or spoken."""
    if len(before) < 2 or " " in word or not word.endswith("ed"):
        return False
    noun, count = before[-1], before[-2]
    return count.text[:1].isdigit() and "NNS" in word_tags(noun.lower) and not noun.cap


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
