"""Step 3a (what follows a trigger): the words after a trigger and what they tell. Where a reported clause
starts after a reporting verb ("said on Wednesday it will ..."), what an announcing verb announces ("unveiled
its programme"), where the words were said ("told reporters at a Tuesday news conference"), another sense or
kind of a trigger by its object ("delivered a speech", "released the transcript") or, for a verb, by the noun
of its subject before it ("the earthquake struck"), and whether what was said follows a verb that tells a
statement only then ("added 25 points" tells none).
"""

from __future__ import annotations

import re
from collections.abc import Container

from monitor.extract.items.document import POSSESSIVE_S, Doc, Tok
from monitor.extract.wordforms import ADJECTIVE_TAGS, FINITE_TAGS, NOUN_TAGS, VERB_TAGS, word_tags


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
        if _FINITE_RE.fullmatch(low) or low == "that" or (tags & FINITE_TAGS and not tags & _ANY_NOUN):
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


_LETTERS_RE = re.compile(r"[A-Za-z]+")
_ANY_NOUN = frozenset({"NN", "NNS", "NNP", "NNPS"})


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


# ("s": a possessive's, "the board's plan", split off its noun; "own": "offered his own suggestion")
_SKIP_AFTER_TRIGGER = frozenset(
    {"a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "own", "new", "all", "of", "and",
     "s"}
)


def other_sense(doc: Doc, kind: str, pos: int, end: int) -> bool:
    """Whether the word after a trigger shows another sense of it ("delivered a speech", "reached a
    record", "reached 1.6 million": `#number` in the list stands for a number)."""
    words = doc.lex.other_sense_after.get(kind)
    return words is not None and _object_word(doc, words, pos, end) is not None


def kind_by_object(doc: Doc, kind: str, pos: int, end: int, start: int | None = None) -> str:
    """The kind a trigger tells by what follows it (kinds.yaml `kind_by_object`: "released the transcript"
    is a statement), or, for a participle at `start`, by the noun it follows ("their first attack launched
    Sunday", "the offensive was launched at dawn"), else its own."""
    objects = doc.lex.kind_by_object.get(kind)
    if not objects:
        return kind
    word = _object_word(doc, objects, pos, end)
    if word is None and start is not None and "VBN" in word_tags(doc.text[start:pos].lower()):
        before = _WORD_BEFORE_RE.search(doc.text, max(0, start - 40), start)
        word = before.group(1).lower() if before else None
    return objects[word] if word is not None and word in objects else kind


def kind_by_subject(doc: Doc, kind: str, trigger: str, tokens_before: list[Tok]) -> str:
    """The kind a verb trigger tells by the noun heading its subject (kinds.yaml `kind_by_subject`: "the
    earthquake struck", "Typhoon Lan struck Japan" are accidents, not violence), else its own; `tokens_before`
    are its clause's words before it."""
    subjects = doc.lex.kind_by_subject.get(kind)
    if not subjects or not word_tags(trigger.split()[0].lower()) & VERB_TAGS:
        return kind  # a noun's modifier is no subject ("a lightning offensive")
    for i in range(len(tokens_before) - 1, max(-1, len(tokens_before) - 1 - _SUBJECT_REACH), -1):
        tok = tokens_before[i]
        if tok.lower not in subjects:
            continue
        after = tokens_before[i + 1] if i + 1 < len(tokens_before) else None
        # the head of its phrase, or a name's title ("Typhoon Lan"), not a modifier ("flood victims")
        if after is None or after.cap or not word_tags(after.lower) & NOUN_TAGS:
            return subjects[tok.lower]
    return kind


_SUBJECT_REACH = 6  # words before a verb trigger in which its subject's noun is looked for (kinds.yaml)


# the noun a participle follows, maybe with a form of "be" between ("the attack was launched")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+(?:(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+)?\Z")


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
        if w == "to" and "#infinitive" in words and not nouns:
            # "fighting to keep the boy": a struggle for something, not blows ("shot to death" is)
            verb = _NEXT_WORD_RE.match(doc.text, m.end())
            after = word_tags(verb.group(1).lower()) if verb else frozenset()
            return "#infinitive" if "VB" in after else None
        tags = word_tags(w)
        # an adjective that is no noun may be a participle too ("classified")
        adjective = tags <= _MODIFIERS or (tags & ADJECTIVE_TAGS and not tags & NOUN_TAGS)
        if w in _SKIP_AFTER_TRIGGER or (tags and adjective):
            continue
        # Nouns of a compound before its head ("reached a Phase 1 trade agreement"), a few at most.
        if tags & NOUN_TAGS and w not in doc.lex.function_words and nouns < 3:
            nouns += 1
            continue
        return None
    return None


_AFTER_RE = re.compile(r"[A-Za-z]+|\d")
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")
_MODIFIERS = ADJECTIVE_TAGS | {"RBR", "RBS"}  # "reached the lowest level": "lowest" may be an adverb
# An object right after a verb of what was said ("added 25 points", "added a goal", "added smaller landers",
# "added to his collection"), adverbs skipped; anything else (a mark, "that", a pronoun, a name, "on
# Monday") leaves what was said to follow.
_SAID_NEXT_RE = re.compile(r"\s*(?:[A-Za-z]+ly\s+)*(?P<next>\d|[A-Za-z]+)")
_OBJECT_OPENERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this",
                             "these", "those", "some", "more", "another", "to", "up"})
_NOUN_PHRASE_TAGS = _MODIFIERS | NOUN_TAGS  # "added smaller landers"


def not_said(doc: Doc, verb: Tok, end: int) -> bool:
    """Whether a verb of kinds.yaml `said_only_before` has an object here, so tells no statement."""
    return verb.lower in doc.lex.said_only_before and not what_was_said_follows(doc, verb.end, end)


def what_was_said_follows(doc: Doc, pos: int, end: int) -> bool:
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


def quoting(doc: Doc, s_start: int, start: int, end: int) -> bool:
    """Whether what was said stands right by the verb at `start`..`end` (kinds.yaml `said_when_quoting`)."""
    return bool(_QUOTING_AFTER_RE.match(doc.text, end)
                or _QUOTED_BEFORE_RE.search(doc.text, max(s_start, start - 60), start))
