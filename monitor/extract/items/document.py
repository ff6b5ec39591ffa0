"""The working model of one document: tokens, names found, clauses, and what the steps learn as they read.

`Doc` carries the text, the publication date, the lexicon and the state carried from sentence to sentence
(surnames, the last person, speaker and thing named); `SentenceInfo` is one sentence analysed. Also the
small helpers every step shares: the tokenizer, span tests, clause cutting and closed word lists.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from monitor.extract.lexicon import Lexicon
from monitor.extract.sentences import Sentence
from monitor.extract.timex import Timex

_TOKEN_RE = re.compile(
    # A word runs on over inner ".'’-&" ("U.S", "A&B", "O'Shea") but stops before a possessive "'s" ("Putin"
    # "'s", "PG&E" "'s"); possessive quantifiers: no backtracking over a word's letters.
    r"\d{1,2}:\d{2}|\d++(?:[.,]\d+)+|[^\W_]++(?:[.\-&][^\W_]++|['’](?!s\b)[^\W_]++)*+|['’]s\b"
    r"|[,;:()\"“”—–]|(?<=\s)-(?=\s)|\$"
)


CLAUSE_PUNCT = frozenset(",;:()—–-")
# What cuts a clause wherever it stands: its punctuation and quotation marks (each a token of one character).
CLAUSE_CUTS = CLAUSE_PUNCT | frozenset('"“”')  # the marks that cut a clause


@dataclass(slots=True)
class Tok:
    start: int  # document offsets
    end: int
    text: str
    lower: str
    cap: bool


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # offsets of the name itself (titles removed)
    end: int
    name: str  # display name: canonical country, full person name, organisation
    kind: str  # country, demonym, place, capital, org, person, name, document (never an actor)
    country: str | None = None  # the country it stands for or belongs to
    modifier: bool = False  # only qualifies the next name ("US counterpart X")
    titled: bool = False


# The same tokens with the text skipped before each: findall builds no match objects, and the skipped
# lengths give the offsets (the lazy prefix tries a token at each position, exactly as finditer does).
_SKIP_TOKEN_RE = re.compile(r"(.*?)(" + _TOKEN_RE.pattern + ")", re.S)


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of text[start:end] (document offsets)."""
    out: list[Tok] = []
    append = out.append
    pos = start
    for skipped, word in _SKIP_TOKEN_RE.findall(text, start, end):
        s = pos + len(skipped)
        pos = e = s + len(word)
        # Keep the period of "U.S.", "a.m.", "Dr." and initials, not a sentence's final period (nor after a
        # domain's name: "to buy Lerrin.com.").
        if e < end and text[e] == "." and (_INITIALS_RE.fullmatch(word) or len(word) == 1
                                           or word.lower() + "." in _ABBR):
            e += 1
            word += "."
        low = word.lower()
        if out and low in _MODAL_NAMES and word[0].isupper():
            low = word  # "Theresa May visited", "Will Smith said": a name or a month, no modal to read
        append(Tok(s, e, word, low, word[0].isupper() or _PARTICLE_NAME_RE.match(word) is not None))
    return out


# An Arabic name's article or kin word joined to it ("Bashar al-Assad", "Jabhat Fateh al-Sham", "al-Qaeda"):
# a word of the name, as if capitalised. (Spelling, not a lexicon's words: the tokenizer runs before one is
# chosen, and a token's capital is fixed here.)
_PARTICLE_NAME_RE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu)-[A-Z]")
_MODAL_NAMES = frozenset({"may", "will", "can", "must"})


_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # "U.S", "a.m", "D.C": one letter between the dots
_ABBR = frozenset(
    {"dr.", "mr.", "mrs.", "ms.", "prof.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "st."}
)


@dataclass
class SentenceInfo:
    sentence: Sentence
    tokens: list[Tok]
    entities: list[Entity]
    # Clauses are cut on first use: most sentences of a report have no trigger, date or number to place.
    cut_clauses: Callable[[], list[tuple[int, int]]]
    timexes: list[tuple[Timex, str]]  # usable (outside quotes), with the date value to use
    quotes: list[tuple[int, int]]
    triggers: list[tuple[int, int, str, str]]  # start, end, trigger text, kind
    # Starts of the dates that belong to a baseline value before them ("rate 2.41%, down from 2.47% on
    # Tuesday"): they date their own clause, not the rest of the sentence.
    bound: frozenset[int] = frozenset()
    _clauses: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)
    _bounds: tuple[list[int], list[int]] | None = field(default=None, init=False, repr=False)

    @property
    def clauses(self) -> list[tuple[int, int]]:
        """The clauses of the sentence, as document offsets."""
        if self._clauses is None:
            self._clauses = self.cut_clauses()
        return self._clauses

    def quoted(self, start: int, end: int) -> bool:
        """Whether document offsets [start, end] lie inside one of the sentence's quotations."""
        return bool(self.quotes) and in_spans(start, end, self.quotes)

    def first_name_outside_quotes(self) -> Entity | None:
        """The sentence's first name that no quotation holds: its subject's, when it opens the sentence."""
        return next((e for e in self.entities if not self.quoted(e.start, e.end)), None)

    def tokens_within(self, start: int, end: int) -> list[Tok]:
        """The tokens lying wholly inside document offsets [start, end] (`start <= t.start and t.end <= end`),
        as a slice: tokens are in order and never overlap, and the steps ask it of each trigger and figure."""
        if self._bounds is None:
            self._bounds = ([t.start for t in self.tokens], [t.end for t in self.tokens])
        starts, ends = self._bounds
        return self.tokens[bisect_left(starts, start) : bisect_right(ends, end)]


@dataclass
class Doc:
    text: str
    published: dt.date | None
    lex: Lexicon
    quotes: list[tuple[int, int]]
    timexes: list[Timex]
    surname: dict[str, str] = field(default_factory=dict)
    known_caps: set[str] = field(default_factory=set)
    last_person: str | None = None
    last_speaker: str | None = None
    last_subject: str | None = None  # the person who opens the sentence before, if one does
    figure_values: set[float] = field(default_factory=set)  # the values of the figures read so far
    # The votes for each person's gender the story gives, and the people named outside quotes, the last
    # named last (genders.py; a dict as an ordered set: moving a name to the end costs nothing).
    gender_votes: dict[str, dict[str, int]] = field(default_factory=dict)
    people_named: dict[str, None] = field(default_factory=dict)
    last_thing: str | None = None
    last_thing_end: int = 0  # where it was named: a pronoun far past it stands for something else
    orgs: list[str] = field(default_factory=list)
    # The name neither a person nor a place ("WeWork", "Big Machine") that opens the sentence before, else
    # its last such name outside quotes: what "the company" stands for when no name says company; and the
    # names told as places the gazetteer lacks ("the city of Surabaya"), never such a firm.
    firm_before: str | None = None
    # The organisation, country or other name (no person) opening the sentence before as its subject: what an
    # "it" opening the next sentence goes on with ("Storm Ivar struck Norway. It weakened ...": the storm).
    thing_before: str | None = None
    firms: dict[str, int] = field(default_factory=dict)  # how often each such name was read
    places: set[str] = field(default_factory=set)
    # The first person named with each title ("president" -> "Donald Trump"), for a later "the president
    # said": a story names its protagonist first ("Prince Harry ... Prince Philip ... the prince hit back").
    by_title: dict[str, str] = field(default_factory=dict)
    # Names that link (monitor.extract.items.linking): the document's own "Long Name (ACRONYM)" definitions
    # (long name -> acronym), the words describing an acronym ("disaster agency AFAD"), the spans of the
    # defining brackets (they cut no clause), the names of people and organisations read, in order,
    # each with whether it came with a title ("Mr. Xi"), and the full forms among them.
    aliases: dict[str, str] = field(default_factory=dict)
    described: dict[str, frozenset[str]] = field(default_factory=dict)
    defining: list[tuple[int, int]] = field(default_factory=list)
    names_read: dict[str, bool] = field(default_factory=dict)
    full_names: dict[str, None] = field(default_factory=dict)  # the forms short ones may link to, in order
    datelines: list[tuple[int, int]] = field(default_factory=list)
    tokens: dict[int, list[Tok]] = field(default_factory=dict)
    # The date the text is telling about (start of its paragraph, TIMEX3 value), for the next sentences.
    scene: tuple[int, str] | None = None
    # The kinds of the happenings the scene dated so far ("October 24: ... was arrested"): a sentence after
    # it that tells one more of a kind ("Cameron Horve was arrested for ...") goes on telling it.
    scene_kinds: set[str] = field(default_factory=set)
    # The surnames of those who acted in what it dated (a statement's speaker aside): "Marrow said" after
    # "Ilse Marrow ... testified on Monday" was said there (monitor.extract.items.scenes).
    scene_actors: set[str] = field(default_factory=set)
    # The last day a sentence of the text named (outside quotes): the day a breaking report is telling.
    last_day: str | None = None
    # Whether the report's lede (its first full sentence) has been read (monitor.extract.items.lede).
    lede_read: bool = False
    # Indexes built once, on first use, so that a sentence's lookups do not rescan the whole document.
    _breaks: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _spans: dict[str, tuple[list[int], list[int]] | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def paragraph_start(self, pos: int) -> int:
        """`text.rfind("\\n\\n", 0, pos)`, from an index of the paragraph breaks."""
        i = self.paragraph_number(pos) - 1
        return self._paragraph_breaks()[i] if i >= 0 else -1

    def paragraph_number(self, pos: int) -> int:
        """How many paragraphs of the text come before the one holding `pos` (0 in the first)."""
        return bisect_right(self._paragraph_breaks(), pos - 2)

    def _paragraph_breaks(self) -> list[int]:
        if self._breaks is None:
            self._breaks = [m.start() for m in _BREAK_RE.finditer(self.text)]
        return self._breaks

    def timexes_in(self, start: int, end: int) -> list[Timex]:
        """The timexes that start in [start, end), in document order."""
        index = self._index("timexes", lambda: [(t.start, t.start) for t in self.timexes])
        if index is None:
            return [t for t in self.timexes if start <= t.start < end]
        starts = index[0]
        return self.timexes[bisect_left(starts, start) : bisect_left(starts, end)]

    def quotes_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotes that overlap [start, end), in document order."""
        return self._overlapping("quotes", self.quotes, start, end)

    def defining_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The defining brackets (`defining`) that overlap [start, end), in the order learnt. A document's are
        learnt sentence by sentence, so the search goes back from the last and stops at the first that ends
        before `start`: a long document's brackets are not all read again for each sentence."""
        found = []
        for a, b in reversed(self.defining):
            if b <= start:
                break
            if a < end:
                found.append((a, b))
        return found[::-1]

    def datelines_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The date lines ("KABUL, Afghanistan — ") that overlap [start, end), in document order."""
        return self._overlapping("datelines", self.datelines, start, end)

    def _overlapping(self, name: str, spans: list[tuple[int, int]], start: int, end: int,
                     ) -> list[tuple[int, int]]:
        if not spans:
            return []
        index = self._index(name, lambda: spans)
        if index is None:
            return [q for q in spans if q[0] < end and start < q[1]]
        starts, ends = index
        i, j = bisect_right(ends, start), bisect_left(starts, end)
        return [q for q in spans[i:j] if q[0] < end and start < q[1]]

    def _index(
        self, name: str, spans: Callable[[], list[tuple[int, int]]]
    ) -> tuple[list[int], list[int]] | None:
        """(starts, ends) of `spans()` when both ascend (so bisectable), else None; made once per name."""
        if name not in self._spans:
            pairs = spans()
            starts, ends = [a for a, _ in pairs], [b for _, b in pairs]
            ordered = all(a <= b for a, b in zip(starts, starts[1:], strict=False)) and all(
                a <= b for a, b in zip(ends, ends[1:], strict=False)
            )
            self._spans[name] = (starts, ends) if ordered else None
        return self._spans[name]


def in_spans(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


_BREAK_RE = re.compile(r"(?=\n\n)")
# A clock time ("6 a.m.", "2:30pm", "midnight"), matched case-insensitively.
CLOCK_TIME = r"(?:(?<![\d:.,])\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?![a-z])|\bmidnight\b|\bnoon\b)"
_CLOCK_AFTER_RE = re.compile(r"\s+(?:(?:about|around|roughly|approximately)\s+)?" + CLOCK_TIME, re.IGNORECASE)
_WORD_CHAR_RE = re.compile(r"\w")


def clause_spans(
    text: str,
    info_tokens: list[Tok],
    s_start: int,
    s_end: int,
    lex: Lexicon,
    extra: Sequence[int] = (),
    timexes: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Clause spans of a sentence: cut at punctuation, quotes, subordinators and reported speech."""
    bounds = [s_start, *extra]
    markers = lex.clause_markers
    for tok in info_tokens:
        if not (tok.text in CLAUSE_CUTS or (tok.lower in markers and tok.start > s_start)):
            continue
        if timexes and overlaps(tok.start, tok.end, timexes):
            continue
        if _CLOCK_AFTER_RE.match(text, tok.end):
            continue  # "left the club shortly after 2am on Sunday": a time, no clause (bare clock times date
            # nothing, so they are not among `timexes`)
        if tok.text == "," and _in_age_aside(text, tok.start):
            continue  # "arrested Tomas Elvey, 41, on Monday": the age is no clause of its own
        if tok.text == "," and _in_town_and_region(text, tok.start, lex, timexes):
            continue  # "a strike at a factory in Arlington, Texas, earlier this week": one place, one clause
        bounds.append(tok.start)
    bounds = sorted(set(bounds))
    bounds.append(s_end)
    # A stretch with no word (", " between a comma and "when") joins the clause after it.
    search = _WORD_CHAR_RE.search
    kept = [b for i, b in enumerate(bounds[:-1]) if i == 0 or search(text, b, bounds[i + 1])]
    kept.append(s_end)
    return [(a, b) for a, b in zip(kept, kept[1:], strict=False) if b > a]


# A person's age set off by commas after the name: "Tomas Elvey, 41, of Brenholm", "Abdallah, 37, and ...".
_NAME_COMMA_RE = re.compile(r"[A-Z][\w'\u2019.-]*,\s*\Z")
_AGE_END_RE = re.compile(r",|\)|\.(?!\d)|\s+and\b")
_AGE_AFTER_COMMA_RE = re.compile(r",\s*(\d{1,3})(?=,)")
_AGE_BEFORE_COMMA_RE = re.compile(r"\d{1,3}\Z")


# A town and the region or country after its comma: "Arlington, Texas", "Rathdrum, Idaho", "Lyon, France".
_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}"
_TOWN_BEFORE_RE = re.compile(r"([A-Z][\w'\u2019.-]*)\Z")
_REGION_AFTER_RE = re.compile(r",\s+(" + _NAME + ")")
_TOWN_REGION_BEFORE_RE = re.compile(r"([A-Z][\w'\u2019.-]*),\s+(" + _NAME + r")\Z")


def _in_town_and_region(text: str, comma: int, lex: Lexicon, timexes: Sequence[tuple[int, int]]) -> bool:
    """Whether the comma at `comma` joins a town to its region or country, or closes that pair; not in a
    list of countries ("Indonesia, Australia, Malaysia") nor after a date ("In July, Norway ...")."""
    town = _TOWN_BEFORE_RE.search(text, max(0, comma - 40), comma)
    if town is not None and _is_town(town, lex, timexes):
        after = _REGION_AFTER_RE.match(text, comma)
        if after is not None and _is_region(after.group(1), lex):
            return True
    pair = _TOWN_REGION_BEFORE_RE.search(text, max(0, comma - 60), comma)
    return pair is not None and _is_town(pair, lex, timexes) and _is_region(pair.group(2), lex)


def _is_town(found: re.Match[str], lex: Lexicon, timexes: Sequence[tuple[int, int]]) -> bool:
    name = found.group(1)
    return name.lower() not in lex.country_of and not overlaps(found.start(1), found.end(1), timexes)


def _is_region(words: str, lex: Lexicon) -> bool:
    low = words.lower().rstrip(".")
    return low in lex.places or low in lex.country_of or low in lex.capital_of


def age_after_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], one to three digits, is a person's age set off after a name."""
    return bool(_NAME_COMMA_RE.search(text, max(0, start - 40), start) and _AGE_END_RE.match(text, end))


def _in_age_aside(text: str, comma: int) -> bool:
    """Whether the comma at `comma` opens or closes a bare age after a name."""
    if opening := _AGE_AFTER_COMMA_RE.match(text, comma):
        return age_after_name(text, opening.start(1), opening.end(1))
    closing = _AGE_BEFORE_COMMA_RE.search(text, max(0, comma - 3), comma)
    return closing is not None and age_after_name(text, closing.start(), closing.end())


def clause_of(pos: int, clauses: list[tuple[int, int]]) -> tuple[int, int]:
    for c in clauses:
        if c[0] <= pos < c[1]:
            return c
    return clauses[-1] if clauses else (pos, pos)


ADVERB_SKIP = frozenset(
    {"also", "now", "just", "recently", "already", "not", "since", "then", "reportedly", "been"}
)


DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "phone", "telephone"}
)

# A clitic "'s" as a token or after a word: a possessive as often as "is" or "has".
POSSESSIVE_S = ("'s", "\u2019s")
# The present perfect's auxiliaries ("has recorded", "they've said").
PERFECT_AUX = frozenset({"has", "have", "'ve", "\u2019ve"})
