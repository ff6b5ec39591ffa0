"""Dated events and figures of one document: text + temporal expressions -> timeline items.

Pure functions over the document text. The steps, each driven by the data in monitor/data/en/:

1. split sentences (monitor.extract.sentences), find quotations (quotes are not events and their dates date nothing),
   skip page furniture ("Related article: ...") and headline-like lines;
2. find names: runs of capitalised words, trimmed of titles ("Russian President Vladimir Putin" -> Vladimir
   Putin, of Russia), classified with the place gazetteer and organisation cues, surnames expanded to the
   full name given earlier in the document. No PyPI NER fits: spaCy/flair/GLiNER models must be downloaded
   and even small ones run far below the 100 articles/s target;
3. events: trigger words per kind; actors are the subject before the trigger (and, for calls and meetings,
   the names after it), a pronoun or "the ministry" resolved to the last fitting name;
4. figures: monitor.extract.items.figures reads the number, qualifier, unit and metric; here we add the subject (the place,
   else the name, the figure is about), the attribution ("according to X", or the speaker) and the as-of date;
5. dating: the temporal expression in the trigger's clause (or one fronted to the sentence: "Last month,
   ..."); without one, the publication date only when the verb is present or present perfect ("has departed",
   "now has"); past tense, past perfect, future and "previously" stay undated;
6. one event told twice is one item (same kind, compatible date, actors and place): the better-dated report
   is kept.

    >>> import datetime
    >>> items = extract_items("The minister has arrived in Paris.", datetime.date(2020, 4, 1))
    >>> [(i.kind, i.date, i.location) for i in items]
    [('arrival', '2020-04-01', 'Paris')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from monitor.extract.items.figures import FigureMention, find_figures
from monitor.extract.lexicon import Lexicon, load_lexicon
from monitor.extract.sentences import Sentence, split_sentences
from monitor.extract.timex import Timex, tag

__all__ = ["Item", "extract_items", "load_lexicon", "published_from_dateline"]


@dataclass(frozen=True)
class Item:
    """One timeline item read from a document (an event or a figure)."""

    kind: str
    date: str | None
    summary: str
    evidence: str
    start: int
    end: int
    actors: tuple[str, ...] = ()
    location: str | None = None
    subject: str | None = None
    metric: str | None = None
    value: float | int | None = None
    unit: str | None = None
    qualifier: str | None = None
    attribution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with the contract's keys (actors as a list)."""
        return {
            "kind": self.kind,
            "date": self.date,
            "summary": self.summary,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "actors": list(self.actors),
            "location": self.location,
            "subject": self.subject,
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "attribution": self.attribution,
        }


# --------------------------------------------------------------------------------------------------- tokens

_TOKEN_RE = re.compile(
    r"\d{1,2}:\d{2}|\d+(?:[.,]\d+)+|[^\W_]+(?=['’]s\b)|['’]s\b|[^\W_](?:[^\W_]|[.'’\-&](?=[^\W_]))*|[,;:()\"“”—–]|(?<=\s)-(?=\s)|\$"
)
_CLAUSE_PUNCT = frozenset(",;:()—–-")
_QUOTE_RE = re.compile(
    r"\"[^\"\n]{2,}?\"|“[^”\n]{2,}?”|“[^”\n]{2,}$|``[^\n]{2,}?''|(?<=\s)‘[^’\n]{4,}?’(?!\w)"
)


@dataclass(slots=True)
class _Tok:
    start: int  # document offsets
    end: int
    text: str
    lower: str
    cap: bool


@dataclass(frozen=True, slots=True)
class _Entity:
    start: int  # offsets of the name itself (titles removed)
    end: int
    name: str  # display name: canonical country, full person name, organisation
    kind: str  # country, demonym, place, capital, org, person, name
    country: str | None = None  # the country it stands for or belongs to
    modifier: bool = False  # only qualifies the next name ("US counterpart X")
    titled: bool = False


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out = []
    for m in _TOKEN_RE.finditer(text, start, end):
        word = m.group(0)
        s, e = m.span()
        # Keep the period of "U.S.", "a.m.", "Dr." and initials, not a sentence's final period.
        if (
            e < end
            and text[e] == "."
            and ("." in word or len(word) == 1 or word.lower() + "." in _TITLE_ABBR)
        ):
            e += 1
            word += "."
        out.append(_Tok(s, e, word, word.lower(), word[0].isupper()))
    return out


_TITLE_ABBR = frozenset(
    {"dr.", "mr.", "mrs.", "ms.", "prof.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.", "st."}
)


# ------------------------------------------------------------------------------------------ document model


@dataclass
class _SentenceInfo:
    sentence: Sentence
    tokens: list[_Tok]
    entities: list[_Entity]
    clauses: list[tuple[int, int]]  # document offsets
    timexes: list[tuple[Timex, str]]  # usable (outside quotes), with the date value to use
    quotes: list[tuple[int, int]]
    triggers: list[tuple[int, int, str, str]]  # start, end, trigger text, kind


@dataclass
class _Doc:
    text: str
    published: dt.date | None
    lex: Lexicon
    quotes: list[tuple[int, int]]
    timexes: list[Timex]
    surname: dict[str, str] = field(default_factory=dict)
    known_caps: set[str] = field(default_factory=set)
    last_person: str | None = None
    last_speaker: str | None = None
    last_thing: str | None = None
    orgs: list[str] = field(default_factory=list)
    datelines: list[tuple[int, int]] = field(default_factory=list)
    tokens: dict[int, list[_Tok]] = field(default_factory=dict)


def _in_spans(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


_DATE_VALUE_RE = re.compile(r"(\d{4}(?:-(?:W\d{2}|Q\d|\d{2}(?:-\d{2})?))?)(?:T.*)?\Z")


def _date_value(timex: Timex, published: dt.date | None) -> str | None:
    """The TIMEX3 date a timex gives an event (time of day dropped), or None."""
    if timex.type not in ("DATE", "TIME"):
        return None
    if timex.value == "PRESENT_REF":
        return published.isoformat() if published else None
    m = _DATE_VALUE_RE.match(timex.value or "")
    return m.group(1) if m else None


def _is_headline(text_all: str, sentence: Sentence) -> bool:
    """On a line without final punctuation whose words are mostly capitalised (titles, bylines, datelines)."""
    line_start = text_all.rfind("\n", 0, sentence.start) + 1
    line_end = text_all.find("\n", sentence.end)
    text = text_all[line_start : line_end if line_end >= 0 else len(text_all)].strip()
    if text[-1:] in ".!?\"”'’":
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)]
    if len(words) <= 3:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6


def _find_triggers(doc: _Doc, s_start: int, s_end: int) -> list[tuple[int, int, str, str]]:
    out = []
    for m in doc.lex.trigger_re.finditer(doc.text, s_start, s_end):
        trigger = " ".join(m.group(0).split())
        kind = doc.lex.kind_of(trigger)
        if kind is not None:
            out.append((m.start(), m.end(), trigger, kind))
    return out


def _reporting_bounds(
    doc: _Doc, triggers: list[tuple[int, int, str, str]], s_end: int, timexes: list[tuple[int, int]]
) -> list[int]:
    """Where a reported clause starts: after "said" (and its date: "said on Wednesday it will ...")."""
    out = []
    for _start, t_end, _text, kind in triggers:
        if kind != "statement":
            continue
        end = t_end
        for ts, te in sorted(timexes):
            if ts >= end and doc.text[end:ts].strip() in ("", "on"):
                end = te
                break
        rest = doc.text[end:s_end].lstrip()
        if rest and rest[0] not in ',.;:!?"”':
            out.append(end)
    return out


def _clauses(
    text: str,
    info_tokens: list[_Tok],
    s_start: int,
    s_end: int,
    lex: Lexicon,
    extra: Sequence[int] = (),
    timexes: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Clause spans of a sentence: cut at punctuation, quotes, subordinators and reported speech."""
    bounds = [s_start, *extra]
    for tok in info_tokens:
        if _overlaps(tok.start, tok.end, timexes):
            continue
        punct = tok.text in _CLAUSE_PUNCT or tok.text in '"“”'
        if punct or (tok.lower in lex.clause_markers and tok.start > s_start):
            bounds.append(tok.start)
    bounds = sorted(set(bounds))
    bounds.append(s_end)
    # A stretch with no word (", " between a comma and "when") joins the clause after it.
    kept = [b for i, b in enumerate(bounds[:-1]) if i == 0 or re.search(r"\w", text[b : bounds[i + 1]])]
    kept.append(s_end)
    return [(a, b) for a, b in zip(kept, kept[1:], strict=False) if b > a]


def _clause_of(pos: int, clauses: list[tuple[int, int]]) -> tuple[int, int]:
    for c in clauses:
        if c[0] <= pos < c[1]:
            return c
    return clauses[-1] if clauses else (pos, pos)


# ------------------------------------------------------------------------------------------------- names


def _title_len(tokens: list[_Tok], i: int, lex: Lexicon) -> int:
    """How many tokens from i form a title ("Prime Minister" -> 2), 0 if none."""
    for n in range(min(lex.max_title_words, len(tokens) - i), 0, -1):
        phrase = " ".join(t.lower for t in tokens[i : i + n])
        if phrase in lex.titles:
            return n
    return 0


def _classify(words: list[_Tok], lex: Lexicon) -> tuple[str, str, str | None]:
    """(kind, display name, country) of a trimmed name."""
    name = " ".join(t.text for t in words)
    low = name.lower()
    if low in lex.country_of:
        return "country", lex.country_of[low], lex.country_of[low]
    if low in lex.demonym_of:
        return "demonym", lex.demonym_of[low], lex.demonym_of[low]
    if low in lex.capital_of:
        return "capital", name, lex.capital_of[low]
    if low in lex.institution_of:
        return "org", name, lex.institution_of[low]
    if low in lex.places:
        return "place", name, None
    if any(t.lower.rstrip(".") in lex.organisation_cues or t.lower in lex.organisation_cues for t in words):
        return "org", name, None
    if len(words) >= 2 and all(t.text[:1].isupper() for t in words):
        if words[0].lower in lex.demonym_of:
            rest = " ".join(t.text for t in words[1:])
            if rest.lower() in lex.places or rest.lower() in lex.capital_of:
                return "place", rest, lex.demonym_of[words[0].lower]
        return "person", name, None
    return "name", name, None


def _name_runs(tokens: list[_Tok], doc: _Doc, blocked: list[tuple[int, int]]) -> list[list[_Tok]]:
    lex = doc.lex
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []
    first_word = next((i for i, t in enumerate(tokens) if t.text[:1].isalnum()), 0)

    def close() -> None:
        nonlocal current
        while current and (current[-1].lower in lex.connectors or current[-1].lower in lex.org_connectors):
            current.pop()
        if current:
            runs.append(current)
        current = []

    for i, tok in enumerate(tokens):
        usable = (
            tok.cap
            and tok.text[:1].isalpha()
            and tok.lower not in lex.not_names
            and tok.lower.rstrip(".") not in lex.not_names
            and not _overlaps(tok.start, tok.end, blocked)
        )
        if (
            usable
            and not current
            and tok.lower in lex.function_words
            and not (tok.text.isupper() and len(tok.text) > 1)
        ):
            usable = False
        if usable and current and tok.start - current[-1].end > 1:
            close()
        if usable:
            current.append(tok)
            continue
        org_run = any(t.lower.rstrip(".") in lex.organisation_cues for t in current)
        if (
            current
            and (tok.lower in lex.connectors or (org_run and tok.lower in lex.org_connectors))
            and i + 1 < len(tokens)
            and tokens[i + 1].cap
            and tok.start - current[-1].end <= 1
        ):
            current.append(tok)
            continue
        close()
    close()
    # A sentence-initial capital is only a name when we know the word as one.
    if runs and tokens and runs[0][0] is tokens[first_word] and len(runs[0]) == 1:
        word = runs[0][0]
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
            or (word.text.isupper() and len(word.text) > 1)
        )
        if not known:
            runs.pop(0)
    return runs


def _entities(tokens: list[_Tok], doc: _Doc, blocked: list[tuple[int, int]]) -> list[_Entity]:
    lex = doc.lex
    out: list[_Entity] = []
    runs = _name_runs(tokens, doc, blocked)
    index = {id(t): i for i, t in enumerate(tokens)}
    for run in runs:
        words = list(run)
        country: str | None = None
        titled = False
        # Leading demonym/country + title, or title alone: "Russian President", "US Secretary of State".
        while words:
            if words[0].lower in lex.demonym_of or words[0].lower in lex.country_of:
                n = _title_len(words, 1, lex)
                if n:
                    country = lex.demonym_of.get(words[0].lower) or lex.country_of.get(words[0].lower)
                    words = words[1 + n :]
                    titled = True
                    continue
            n = _title_len(words, 0, lex)
            if n and n < len(words):
                words = words[n:]
                titled = True
                continue
            # A title after capitalised words: "Defense Secretary Lloyd Austin", "Bank of England Governor".
            cut = 0
            for k in range(1, len(words) - 1):
                n = _title_len(words, k, lex)
                if n and k + n < len(words):
                    cut = k + n
            rest = words[cut:]
            if cut and not any(t.lower.rstrip(".") in lex.organisation_cues for t in rest):
                head = words[:cut]
                if head[0].lower in lex.demonym_of or head[0].lower in lex.country_of:
                    country = lex.demonym_of.get(head[0].lower) or lex.country_of.get(head[0].lower)
                words = rest
                titled = True
            break
        while words and (words[-1].lower in lex.connectors or words[-1].lower in lex.org_connectors):
            words.pop()
        if not words:
            continue
        if len(words) == 1 and _title_len(words, 0, lex):
            continue
        kind, name, ent_country = _classify(words, lex)
        if titled and kind in ("name", "person", "place"):
            kind = "person"
        if kind in ("person", "name"):
            full = doc.surname.get(name)
            if full:
                name, kind = full, "person"
        # A name followed by title words and another name only qualifies it ("US counterpart Donald Trump").
        last = index[id(run[-1])]
        n = _title_len(tokens, last + 1, lex) if last + 1 < len(tokens) else 0
        modifier = bool(n) and last + 1 + n < len(tokens) and tokens[last + 1 + n].cap
        out.append(
            _Entity(words[0].start, words[-1].end, name, kind, country or ent_country, modifier, titled)
        )
    return out


def _learn_names(doc: _Doc, entities: list[_Entity]) -> None:
    for ent in entities:
        if ent.kind == "person" and " " in ent.name:
            parts = ent.name.split()
            doc.surname.setdefault(parts[-1], ent.name)
        if ent.kind == "org":
            doc.orgs.append(ent.name)


# ----------------------------------------------------------------------------------------------- dating


def _tense_date(tokens_before: list[_Tok], trigger: str, doc: _Doc, is_noun: bool) -> str | None:
    """Publication date when the verb says the event holds now, else None."""
    lex = doc.lex
    if doc.published is None:
        return None
    words = [t.lower for t in tokens_before[-4:]]
    if any(w in lex.undating_adverbs for w in words):
        return None
    first = trigger.split()[0].lower()
    for w in reversed(words):
        if w in lex.modal_aux or w in lex.past_aux:
            return None
        if w in lex.present_aux:
            return doc.published.isoformat()
        if w in _ADVERB_SKIP:
            continue
        break
    if is_noun:
        return None
    if first in lex.present_verbs or (
        first.endswith("s") and not first.endswith(("ss", "us", "is")) and first not in lex.past_verbs
    ):
        return doc.published.isoformat()
    return None


_ADVERB_SKIP = frozenset(
    {"also", "now", "just", "recently", "already", "not", "since", "then", "reportedly", "been"}
)
_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "phone", "telephone"}
)


_SIMULTANEOUS = frozenset({"when", "as", "while"})


def _timex_in(clause: tuple[int, int], info: _SentenceInfo, anchor: int) -> str | None:
    """The date in the clause nearest the anchor (a day beats a time of day: "at 4:17 a.m. on Monday");
    a "when ..." clause without one takes the date of the clause it hangs on."""
    best: tuple[int, int, str] | None = None
    for tx, value in info.timexes:
        if clause[0] <= tx.start and tx.end <= clause[1]:
            key = (tx.type != "DATE", abs(tx.start - anchor))
            if best is None or key < best[:2]:
                best = (*key, value)
    if best:
        return best[2]
    first = next((t for t in info.tokens if t.start >= clause[0]), None)
    if first is not None and first.lower in _SIMULTANEOUS:
        i = info.clauses.index(clause) if clause in info.clauses else 0
        if i > 0:
            prev = info.clauses[i - 1]
            return _timex_in(prev, info, prev[1]) if prev != clause else None
    return None


def _fronted_timex(info: _SentenceInfo, doc: _Doc) -> str | None:
    """A date that opens the sentence and so governs all of it: "Last month, Russia said ..."."""
    if not info.clauses or not info.timexes:
        return None
    first = info.clauses[0]
    for tx, value in info.timexes:
        if first[0] <= tx.start and tx.end <= first[1]:
            rest = doc.text[first[0] : tx.start] + doc.text[tx.end : first[1]]
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", rest)]
            opener = all(w in doc.lex.function_words or w in {"early", "late", "later"} for w in words)
            if opener and first[1] < info.sentence.end and doc.text[first[1]] == ",":
                return value
    return None


# ---------------------------------------------------------------------------------------------- actors


def _subject(
    info: _SentenceInfo, pos: int, clause: tuple[int, int], doc: _Doc, strict: bool
) -> _Entity | None:
    """The name acting at `pos`: the nearest name before it in its clause ("the X in Moscow" -> X)."""
    cands = [e for e in info.entities if clause[0] <= e.start and e.end <= pos and not e.modifier]
    if cands:
        ent = cands[-1]
        # "the Defense Ministry in Moscow said": the place qualifies the name before it.
        if len(cands) >= 2:
            between = doc.text[cands[-2].end : ent.start].strip().lower()
            if between in {"in", "of", "at", "from", "near", "for"} and ent.kind in _PLACE_OR_NAME:
                ent = cands[-2]
        return ent
    if strict:
        return None
    before = [t for t in info.tokens if clause[0] <= t.start and t.end <= pos]
    lex = doc.lex
    if all(
        t.lower in lex.present_aux
        or t.lower in lex.past_aux
        or t.lower in lex.modal_aux
        or t.lower in _ADVERB_SKIP
        or t.lower in lex.undating_adverbs
        or t.text in _CLAUSE_PUNCT
        for t in before
    ):
        first = [e for e in info.entities if e.end <= clause[0] and not e.modifier]
        if first:
            return first[0]
    return None


def _resolve_reference(
    info: _SentenceInfo, pos: int, clause: tuple[int, int], doc: _Doc, kind: str
) -> str | None:
    """A pronoun or "the ministry" just before the trigger, resolved to the last fitting name."""
    lex = doc.lex
    before = [t for t in info.tokens if clause[0] <= t.start and t.end <= pos]
    while before and (
        before[-1].lower in lex.present_aux
        or before[-1].lower in lex.past_aux
        or before[-1].lower in lex.modal_aux
        or before[-1].lower in _ADVERB_SKIP
        or before[-1].lower in lex.undating_adverbs
    ):
        before.pop()
    if not before:
        return None
    word = before[-1].lower
    # A pronoun in a reported clause is most often the speaker: "Russia said it had sent ...".
    earlier = [
        e for e in info.entities if info.sentence.start <= e.start and e.end <= clause[0] and not e.modifier
    ]
    if word in lex.person_pronouns:
        people = [e for e in earlier if e.kind == "person"]
        if people:
            return people[-1].name
        return (doc.last_speaker if kind == "statement" else None) or doc.last_person
    if word in lex.thing_pronouns:
        things = [e for e in earlier if e.kind in ("org", "country", "capital")]
        if things:
            return _actor_name(things[-1], True)
        return doc.last_thing
    if word in lex.common_nouns or word in lex.company_nouns:
        for org in reversed(doc.orgs):
            if word in org.lower().split():
                return org
        if word in lex.company_nouns:
            for org in reversed(doc.orgs):
                if org.lower().split()[-1] in lex.company_suffixes:
                    return org
        return None
    if word in lex.titles and len(before) >= 2 and before[-2].lower in ("the", "a"):
        return f"the {word}"  # "the mayor said": no name given
    return None


_SKIP_AFTER_TRIGGER = frozenset(
    {"a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "new", "all"}
)


def _other_sense(doc: _Doc, kind: str, pos: int, end: int) -> bool:
    """Whether the word after a trigger shows another sense of it ("delivered a speech")."""
    words = doc.lex.other_sense_after.get(kind)
    if not words:
        return False
    for m in re.finditer(r"[A-Za-z]+", doc.text[pos : min(end, pos + 40)]):
        w = m.group(0).lower()
        if w in _SKIP_AFTER_TRIGGER:
            continue
        return w in words
    return False


def _speaker_place(info: _SentenceInfo, ent: _Entity | None, doc: _Doc) -> str | None:
    """ "the Defense Ministry in Moscow said" -> Moscow."""
    if ent is None:
        return None
    for other in info.entities:
        if other.start > ent.end and other.kind in ("country", "capital", "place"):
            if doc.text[ent.end : other.start].strip().lower() in ("in", "at"):
                return other.name
            break
    return None


def _actor_name(ent: _Entity, speaking: bool) -> str:
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


def _location(info: _SentenceInfo, pos: int, clause_end: int, doc: _Doc, kind: str) -> str | None:
    preps = _LOCATIVE.get(kind, _DEFAULT_LOCATIVE)
    for ent in info.entities:
        if ent.start < pos or ent.start >= clause_end + 40:
            continue
        if ent.kind not in ("country", "capital", "place", "name"):
            continue
        words = re.findall(
            r"[A-Za-z]+", doc.text[max(info.sentence.start, ent.start - 25) : ent.start].lower()
        )
        words = [w for w in words if w not in {"the", "a", "an"}]
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


# ------------------------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True)
class _Span:
    """A trigger occurrence, with the accessors of a regex match."""

    s: int
    e: int
    text: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self, _n: int = 0) -> str:
        return self.text


@dataclass
class _Draft:
    item: Item
    order: int
    specificity: int
    by_reference: bool = False  # actor resolved from a pronoun ("he said")


def _specificity(date: str | None) -> int:
    if date is None:
        return 0
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return 4
    if "W" in date:
        return 3
    if re.fullmatch(r"\d{4}-\d{2}", date):
        return 2
    return 1


def _date_range(value: str) -> tuple[dt.date, dt.date] | None:
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            d = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return d, d + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            end = dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)
            return dt.date(y, mo, 1), end
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    ra, rb = _date_range(a), _date_range(b)
    if ra is None or rb is None:
        return False
    return (ra[0] <= rb[0] and rb[1] <= ra[1]) or (rb[0] <= ra[0] and ra[1] <= rb[1])


def _adjacent_days(a: str | None, b: str | None) -> bool:
    ra, rb = _date_range(a or ""), _date_range(b or "")
    return bool(ra and rb and ra[0] == ra[1] and rb[0] == rb[1] and abs((ra[0] - rb[0]).days) <= 1)


def _same_event(a: Item, b: Item) -> bool:
    if a.kind != b.kind:
        return False
    # "left overnight" and "took off early Wednesday": one trip to the same place told with two days.
    same_trip = (
        a.kind != "figure" and a.location and a.location == b.location and _adjacent_days(a.date, b.date)
    )
    if not _dates_compatible(a.date, b.date) and not same_trip:
        return False
    if a.kind == "figure":
        return (a.subject, a.metric, a.value, a.unit) == (b.subject, b.metric, b.value, b.unit)
    if a.location and b.location and a.location != b.location:
        return False
    if a.actors and b.actors:
        return bool(set(a.actors) & set(b.actors))
    return a.kind != "statement"


def _same_draft(a: _Draft, b: _Draft) -> bool:
    if not _same_event(a.item, b.item):
        return False
    if a.item.kind == "statement" and a.item.date != b.item.date:
        # One speaker says many things: an undated "he said" joins the statement it follows, nothing else.
        return b.by_reference and b.item.date is None and 0 <= b.item.start - a.item.end <= 400
    return True


def _merge(drafts: list[_Draft]) -> list[Item]:
    kept: list[_Draft] = []
    for d in sorted(drafts, key=lambda x: x.order):
        for i, k in enumerate(kept):
            if _same_draft(k, d):
                better, other = (d, k) if d.specificity > k.specificity else (k, d)
                actors = tuple(dict.fromkeys(better.item.actors + other.item.actors))
                merged = replace(
                    better.item,
                    actors=actors,
                    location=better.item.location or other.item.location,
                    attribution=better.item.attribution or other.item.attribution,
                    subject=better.item.subject or other.item.subject,
                )
                kept[i] = _Draft(merged, min(k.order, d.order), better.specificity, better.by_reference)
                break
        else:
            kept.append(d)
    return [d.item for d in sorted(kept, key=lambda x: x.item.start)]


def _clean_clause(text: str) -> str:
    text = re.sub(r"^[\s,;:\-—–\"“”]+|[\s,;:\-—–\"“”.]+$", "", text)
    text = re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text)


def _cap(text: str, words: int = 16) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def _label(kind: str) -> str:
    return kind.replace("_", " ").capitalize()


def _event_summary(
    kind: str, actors: tuple[str, ...], trigger: str, clause_text: str, is_noun: bool = False
) -> str:
    if kind in ("call", "meeting") and len(actors) >= 2:
        words = trigger.split()
        if is_noun:  # "a phone call", "the summit"
            verb = f"held a {trigger} with"
        elif words[-1].lower() in ("with", "to") or len(words) == 1 or words[0].lower() in ("will", "to"):
            verb = trigger  # "spoke with", and verbs that take the other party: "met", "phoned", "will meet"
        else:
            verb = f"{trigger} with"  # "held talks", "spoke by phone"
        return f"{_label(kind)}: {actors[0]} {verb} {' and '.join(actors[1:])}"
    return f"{_label(kind)}: {_cap(clause_text)}"


def _figure_summary(f: FigureMention, subject: str | None, attribution: str | None, lex: Lexicon) -> str:
    value = f"{f.value:,}" if isinstance(f.value, int) else f"{f.value:,.2f}".rstrip("0").rstrip(".")
    if f.unit:
        value = f"{value} {f.unit}"
    qual = "" if f.qualifier == "exact" else f.qualifier.replace("_", " ") + " "
    head = " ".join(p for p in (subject, f.metric) if p)
    line = f"Figure: {head} {qual}{value}".replace("  ", " ")
    if attribution:
        line += f" ({attribution})"
    return line


def _attribution(info: _SentenceInfo, doc: _Doc) -> tuple[str | None, tuple[int, int] | None]:
    """The source cited for the sentence's figures ("according to a Johns Hopkins tally" -> Johns Hopkins)."""
    lex = doc.lex
    s = info.sentence
    for m in lex.attribution_re.finditer(doc.text, s.start, s.end):
        clause = _clause_of(m.start(), info.clauses)
        span = (m.start(), clause[1])
        for ent in info.entities:
            if m.end() <= ent.start < clause[1]:
                between = doc.text[m.end() : ent.start].lower().split()
                if all(w in lex.attribution_generic for w in between):
                    name = ent.name
                    return (ent.country if ent.kind == "capital" and ent.country else name), span
                break
        return None, span
    return None, None


def _figure_tense(info: _SentenceInfo, f_start: int, doc: _Doc) -> str | None:
    lex = doc.lex
    if doc.published is None:
        return None
    toks = [t for t in info.tokens if t.end <= f_start and not _in_spans(t.start, t.end, info.quotes)]
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        w = t.lower
        if w in lex.undating_adverbs:
            return None
        if lex.present_adverbs_re.fullmatch(w):
            return doc.published.isoformat()
        nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
        is_verb = (
            w in lex.present_verbs
            or w in lex.past_verbs
            or w in lex.present_aux
            or w in lex.past_aux
            or w in lex.modal_aux - {"to"}
            or (
                w.endswith("ed")
                and (nxt == "" or nxt in lex.qualifier_of or nxt in _DETERMINERS or nxt[:1].isdigit())
            )
        )
        if not is_verb:
            continue
        prev = [p.lower for p in toks[max(0, i - 3) : i]]
        if any(p in lex.modal_aux - {"to"} for p in prev):
            return None
        if any(p in lex.past_aux for p in prev):
            return None
        if any(p in lex.present_aux for p in prev):
            return doc.published.isoformat()
        if w in lex.present_aux or w in lex.present_verbs:
            return doc.published.isoformat()
        return None
    if lex.present_adverbs_re.search(info.sentence.text):
        return doc.published.isoformat()
    after = [t for t in info.tokens if t.start >= f_start][:8]
    for t in after:
        if t.lower in lex.present_aux:
            return doc.published.isoformat()
        if t.lower in lex.past_aux or t.lower in lex.past_verbs or t.lower in lex.modal_aux - {"to"}:
            return None
    return None


_PLACE_KINDS = ("country", "capital", "place", "demonym")
_PLACE_OR_NAME = ("country", "capital", "place", "name")
_DETS = frozenset({"the", "a", "an"})
_SPREAD_PREPS = ("in", "across", "throughout", "inside", "within")


def _figure_subject(
    info: _SentenceInfo,
    f: FigureMention,
    attribution_span: tuple[int, int] | None,
    source: str | None,
    doc: _Doc,
) -> str | None:
    """Whom or where a figure counts: a place in its clause ("killed in Turkey"), else the nearest place
    before it in the sentence, else the nearest name before it that is not the source being cited."""
    start = info.sentence.start + f.start
    end = info.sentence.start + f.end
    clause = _clause_of(info.sentence.start + f.num_start, info.clauses)
    outside = [
        e
        for e in info.entities
        if not (attribution_span and attribution_span[0] <= e.start < attribution_span[1])
        and not _in_spans(e.start, e.end, info.quotes)
        and not e.modifier
    ]

    def place_name(i: int, ents: list[_Entity]) -> str:
        ent = ents[i]
        # "southern Turkey and northern Syria": a figure for both.
        if i > 0:
            prev = ents[i - 1]
            between = doc.text[prev.end : ent.start].split()
            if between and between[0] == "and" and len(between) <= 2:
                return f"{prev.name} and {ent.name}"
        return ent.name

    places = [e for e in outside if e.kind in _PLACE_KINDS]
    before_in_clause = [i for i, e in enumerate(places) if clause[0] <= e.start and e.end <= start]
    if before_in_clause:
        return place_name(before_in_clause[-1], places)
    for i, e in enumerate(places):
        if end <= e.start < clause[1]:
            words = [w for w in doc.text[max(end, e.start - 20) : e.start].lower().split() if w not in _DETS]
            if words and words[-1] in _SPREAD_PREPS:
                return place_name(i, places)
            break
    before = [i for i, e in enumerate(places) if e.end <= start]
    if before:
        return place_name(before[-1], places)
    others = [
        e
        for e in outside
        if e.end <= start and e.kind in ("org", "name", "person") and _actor_name(e, True) != source
    ]
    if others:
        ent = others[-1]
        return ent.country if ent.kind == "org" and ent.country else ent.name
    # "The Pentagon said it will send 3,000 troops": the speaker is also the one counted.
    lead = [t.lower for t in info.tokens if clause[0] <= t.start and t.end <= start]
    if source and any(w in doc.lex.thing_pronouns or w == "we" for w in lead):
        speaker = next((e for e in outside if _actor_name(e, True) == source), None)
        if speaker is not None:
            return speaker.country if speaker.kind == "org" and speaker.country else source
        return source
    after = [e for e in places if e.start >= end]
    if after:
        return after[0].name
    return None


def _analyse(doc: _Doc, sentence: Sentence) -> _SentenceInfo:
    tokens = doc.tokens.get(sentence.start) or _tokens(doc.text, sentence.start, sentence.end)
    quotes = [q for q in doc.quotes if q[0] < sentence.end and sentence.start < q[1]]
    timex_spans = [(t.start, t.end) for t in doc.timexes if sentence.start <= t.start < sentence.end]
    entities = _entities(tokens, doc, timex_spans + doc.datelines)
    usable = []
    for tx in doc.timexes:
        if _range_end(doc.text, tx):
            continue
        if sentence.start <= tx.start and tx.end <= sentence.end and not _overlaps(tx.start, tx.end, quotes):
            value = _date_value(tx, doc.published)
            if value:
                usable.append((tx, value))
    triggers = _find_triggers(doc, sentence.start, sentence.end)
    reported = _reporting_bounds(doc, triggers, sentence.end, timex_spans)
    clauses = _clauses(doc.text, tokens, sentence.start, sentence.end, doc.lex, reported, timex_spans)
    return _SentenceInfo(sentence, tokens, entities, clauses, usable, quotes, triggers)


_DATELINE_RE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\- ]{2,}(?:,[ \t]*[A-Z][A-Za-z]*\.?(?:[ \t]+\d{1,2})?(?:,[ \t]*\d{4})?)?"
    r"[ \t]*(?:\([^)\n]*\))?[ \t]*(?:--|-|—|–)[ \t]*",
    re.MULTILINE,
)


_YEARS_BEFORE = re.compile(r"\d{4}\s?[-\u2013\u2014/]\s?$")
_YEARS_AFTER = re.compile(r"\s?[-\u2013\u2014/]\s?\d{4}")


def _range_end(text: str, tx: Timex) -> bool:
    """An end of a range of years ("its 2019-2022 models"): a span, not when a thing happened."""
    if not (len(tx.value) == 4 and tx.value.isdigit()):
        return False
    before = _YEARS_BEFORE.search(text, max(0, tx.start - 8), tx.start)
    return bool(before or _YEARS_AFTER.match(text, tx.end))


def _dateline_spans(text: str) -> list[tuple[int, int]]:
    """ "WASHINGTON, Feb. 2, 2022 (Reuters) -- " prefixes: the place there is where the story was filed."""
    return [(m.start(), m.end()) for m in _DATELINE_RE.finditer(text)]


def _header_end(text: str, sentences: list[Sentence]) -> int:
    """End of the header zone (headline, byline, date line): before the first line that reads as prose."""
    for s in sentences:
        line_end = text.find("\n", s.start)
        line = text[text.rfind("\n", 0, s.start) + 1 : line_end if line_end >= 0 else len(text)].strip()
        if line[-1:] in '.!?"”' and len(line.split()) >= 8:
            return text.rfind("\n", 0, s.start) + 1
    return 0


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


# Two unrelated anchor days: an expression whose value is the same against both does not depend on the
# (unknown) publication date.
_PROBE_DAYS = (dt.date(2001, 6, 13), dt.date(2011, 11, 23))


def _probe(text: str) -> tuple[list[Timex], dict[tuple[int, int], str]]:
    """The expressions tagged against the first probe day, and the values against the second by span."""
    first = tag(text, _PROBE_DAYS[0])
    return first, {(t.start, t.end): t.value for t in tag(text, _PROBE_DAYS[1])}


def _usable_timexes(text: str, published: dt.date | None) -> list[Timex]:
    if published is not None:
        return list(tag(text, published))
    # No publication date: keep only the expressions whose value does not depend on it.
    first, second = _probe(text)
    return [t for t in first if second.get((t.start, t.end)) == t.value]


def extract_items(
    text: str,
    published: dt.date | dt.datetime | None,
    *,
    lexicon: Lexicon | None = None,
    timexes: Sequence[Timex] | None = None,
) -> list[Item]:
    """Return the dated events and figures of `text`, in document order; never raises on arbitrary text.

    `published` anchors relative dates and dates present-tense reports; `timexes` may be given when already
    tagged (else monitor.extract.timex.tag is run). `lexicon` defaults to the bundled one (`load_lexicon()`).
    """
    if not isinstance(text, str) or not text.strip():
        return []
    pub = published.date() if isinstance(published, dt.datetime) else published
    lex = lexicon or load_lexicon()
    try:
        tx = sorted(timexes if timexes is not None else _usable_timexes(text, pub), key=lambda t: t.start)
    except Exception:  # a tagger failure must not lose the events; they just go undated
        tx = []
    tx = [t for t in tx if 0 <= t.start < t.end <= len(text)]
    doc = _Doc(text=text, published=pub, lex=lex, quotes=_quote_spans(text), timexes=tx)
    sentences = [s for s in split_sentences(text) if not s.text.startswith(lex.skip_line_prefixes)]
    _prime_names(doc, sentences)
    header_end = _header_end(text, sentences)
    doc.datelines = _dateline_spans(text)
    drafts: list[_Draft] = []
    for sentence in sentences:
        if sentence.end <= header_end or _is_headline(text, sentence):
            continue
        try:
            drafts.extend(_sentence_items(doc, sentence, len(drafts)))
        except Exception:  # noqa: BLE001 - one odd sentence must not cost the document its other items
            continue
    return _merge(drafts)


def _prime_names(doc: _Doc, sentences: list[Sentence]) -> None:
    """Learn which words are names on their own from their use, capitalised and alone, mid-sentence."""
    for s in sentences:
        toks = doc.tokens[s.start] = _tokens(doc.text, s.start, s.end)
        for i in range(1, len(toks)):
            tok, prev = toks[i], toks[i - 1]
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                tok.cap
                and tok.text[:1].isalpha()
                and prev.text not in '.!?"“:'
                and not prev.cap
                and not (nxt is not None and nxt.cap)
            ):
                doc.known_caps.add(tok.text)


def _sentence_items(doc: _Doc, sentence: Sentence, order: int) -> list[_Draft]:
    lex = doc.lex
    info = _analyse(doc, sentence)
    _learn_names(doc, info.entities)
    # Rebuild entities now that surnames of this sentence are known ("Putin" -> "Vladimir Putin").
    drafts: list[_Draft] = []
    fronted = _fronted_timex(info, doc)
    timex_spans = [(t.start, t.end) for t, _ in info.timexes]

    first_word = info.tokens[0].start if info.tokens else sentence.start
    for t_start, t_end, trigger, kind in info.triggers:
        m = _Span(t_start, t_end, doc.text[t_start:t_end])
        if _overlaps(m.start(), m.end(), info.quotes) or _overlaps(m.start(), m.end(), timex_spans):
            continue
        if doc.text[t_start].isupper() and t_start != first_word:
            continue  # "Met Office", "Summit County": part of a name
        if _other_sense(doc, kind, t_end, sentence.end):
            continue
        clause = _clause_of(m.start(), info.clauses)
        tokens_before = [t for t in info.tokens if clause[0] <= t.start and t.end <= m.start()]
        is_noun = bool(tokens_before) and tokens_before[-1].lower in _DETERMINERS
        strict = kind == "statement"
        ent = _subject(info, m.start(), clause, doc, strict)
        actors: list[str] = []
        by_reference = False
        if ent is not None:
            actors.append(_actor_name(ent, kind == "statement"))
        else:
            ref = _resolve_reference(info, m.start(), clause, doc, kind)
            if ref:
                actors.append(ref)
                by_reference = True
            elif kind == "statement":
                after = [e for e in info.entities if m.end() <= e.start < clause[1] and not e.modifier]
                if after and doc.text[m.end() : after[0].start].strip().lower() in ("", "by"):
                    actors.append(_actor_name(after[0], True))
            else:
                dem = [
                    e
                    for e in info.entities
                    if clause[0] <= e.start and e.end <= m.start() and e.kind == "demonym"
                ]
                if dem:
                    actors.append(dem[-1].name)
        if kind in ("call", "meeting") or kind not in lex.kinds or kind == "delivery":
            for e in info.entities:
                if m.end() <= e.start < clause[1] and not e.modifier and e.kind in ("person", "org", "name"):
                    name = _actor_name(e, False)
                    if name not in actors:
                        actors.append(name)
        if kind == "statement" and not actors:
            continue
        undated = _timex_in(clause, info, m.start()) is None and fronted is None
        if not actors and undated and (is_noun or _location(info, m.end(), clause[1], doc, kind) is None):
            continue  # "the delivery, which ...", "to meet redemptions": nothing to put on a timeline
        date = _timex_in(clause, info, m.start()) or fronted
        if date is None:
            date = _tense_date(tokens_before, trigger, doc, is_noun)
        if kind == "statement":
            location = _speaker_place(info, ent, doc)
            lead = ent.start if ent is not None else m.start()
            body = doc.text[lead : sentence.end]
            summary = f"{_label(kind)}: {_cap(_clean_clause(body), 18)}"
            if ent is None and actors:
                summary = f"{_label(kind)}: {actors[0]} {_cap(_clean_clause(body), 18)}"
        else:
            location = _location(info, m.end(), clause[1], doc, kind)
            if location in actors:
                location = None
            text_from = clause[0]
            if ent is not None and ent.start < clause[0]:
                text_from = ent.start
            clause_text = doc.text[text_from : clause[1]]
            clause_text = re.sub(rf"\b(?:has|have|had)\s+(?={re.escape(m.group(0))})", "", clause_text)
            if by_reference:
                clause_text = re.sub(r"^\W*(?:he|she|it|they)\b", actors[0], clause_text, flags=re.IGNORECASE)
            summary = _event_summary(kind, tuple(actors), trigger, _clean_clause(clause_text), is_noun)
        item = Item(
            kind=kind,
            date=date,
            summary=summary,
            evidence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            actors=tuple(actors),
            location=location,
        )
        drafts.append(_Draft(item, order + len(drafts), _specificity(date), by_reference))
        for a in actors:
            if " " in a and a not in lex.country_of.values():
                doc.last_person = a if a in doc.surname.values() else doc.last_person
        if kind == "statement" and actors and actors[0] in doc.surname.values():
            doc.last_speaker = actors[0]

    drafts.extend(_figures(doc, info, fronted, order + len(drafts)))
    _remember(doc, info)
    return drafts


def _remember(doc: _Doc, info: _SentenceInfo) -> None:
    for ent in info.entities:
        if _in_spans(ent.start, ent.end, info.quotes):
            continue
        if ent.kind == "person":
            doc.last_person = ent.name
        elif ent.kind in ("org", "country", "capital"):
            doc.last_thing = ent.country if ent.kind == "capital" and ent.country else ent.name


def _figures(doc: _Doc, info: _SentenceInfo, fronted: str | None, order: int) -> list[_Draft]:
    s = info.sentence
    blocked = [(a - s.start, b - s.start) for a, b in info.quotes]
    blocked += [(t.start - s.start, t.end - s.start) for t in doc.timexes if s.start <= t.start < s.end]
    mentions = find_figures(s.text, doc.lex, blocked)
    if not mentions:
        return []
    attribution, attr_span = _attribution(info, doc)
    if attribution is None:
        for t_start, t_end, _text, kind in info.triggers:
            if kind == "statement" and not _overlaps(t_start, t_end, info.quotes):
                clause = _clause_of(t_start, info.clauses)
                ent = _subject(info, t_start, clause, doc, True)
                if ent is not None:
                    attribution = _actor_name(ent, True)
                break
    attr_date = None
    if attr_span:
        attr_date = _timex_in((attr_span[0], attr_span[1]), info, attr_span[0])
    out = []
    for f in mentions:
        start = s.start + f.start
        clause = _clause_of(s.start + f.num_start, info.clauses)
        in_attr = attr_span is not None and attr_span[0] <= start < attr_span[1]
        date = None if in_attr else _timex_in(clause, info, start)
        date = date or fronted or attr_date or _figure_tense(info, start, doc)
        subject = _figure_subject(info, f, attr_span, attribution, doc)
        item = Item(
            kind="figure",
            date=date,
            summary=_figure_summary(f, subject, attribution, doc.lex),
            evidence=s.text,
            start=s.start,
            end=s.end,
            actors=(attribution,) if attribution else (),
            subject=subject,
            metric=f.metric,
            value=f.value,
            unit=f.unit,
            qualifier=f.qualifier,
            attribution=attribution,
        )
        out.append(_Draft(item, order + len(out), _specificity(date)))
    return out


# --------------------------------------------------------------------------------------------- dateline

_DATELINE_LINES = 6


def published_from_dateline(text: str) -> dt.date | None:
    """The publication date given by a date line near the top of a plain-text article, or None.

    Reads the first few non-empty lines ("April 01, 2020", "WASHINGTON, March 3, 2021 (Reuters) -"); a date
    line without a year takes the year most often written in full elsewhere in the text.
    """
    if not isinstance(text, str):
        return None
    lines = [ln for ln in text.splitlines() if ln.strip()][:_DATELINE_LINES]
    try:
        for line in lines:
            a, b = _probe(line)
            for t in a:
                if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value or ""):
                    continue
                other = b.get((t.start, t.end))
                if other == t.value:
                    return dt.date.fromisoformat(t.value)
                if other and other[4:] == t.value[4:]:
                    year = _likely_year(text)
                    if year:
                        return dt.date.fromisoformat(f"{year}{t.value[4:]}")
    except Exception:  # noqa: BLE001 - a missing date line is not an error
        return None
    return None


def _likely_year(text: str) -> int | None:
    years = re.findall(r"\b(19[5-9]\d|20\d\d)\b", text)
    if not years:
        return None
    return int(max(set(years), key=years.count))
