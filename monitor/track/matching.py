"""When reports from different sources are one happening: kinds that agree, names that agree, wording that
agrees (figures: `monitor.track.figure_matching`; the rules' data: `monitor/track/data/matching.yaml`).

Each outlet tells a happening in its own words: one names both leaders of a call, another only one; one says
"Tom Harlowe", another "Thomas J. Harlowe Jr."; one classifies a clause, another leaves it `other`. These
predicates decide, for two reports, whether that is one happening told twice; `monitor.track.timeline`
applies them only between different sources (a source's own versions keep the stricter identity rules).

    actors_compatible(["Donald Trump"], ["Vladimir Putin", "Donald Trump"])    # True: one names fewer
    actors_compatible(["Trump", "Putin"], ["Trump", "Erdogan"])                # False: a conflicting actor
    wording_similarity("The hearing is set for March 3.",
                       "Her hearing is set for March 3, the court said.")  # 1.0
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

from monitor.errors import RuleDataError
from monitor.extract.items.linking import feature_name, initials, is_acronym
from monitor.extract.lexicon import load_lexicon
from monitor.extract.spans import PRECISIONS, DateSpan, date_span
from monitor.extract.wordforms import irregular_past_forms
from monitor.track.identity import normalise_name
from monitor.yamlfile import read_bundled

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class MatchingRules:
    """matching.yaml, read once."""

    compatible: frozenset[tuple[str, str]]
    any_kind: frozenset[str]
    metric_synonyms: dict[str, frozenset[int]]  # a metric's noun -> the groups of synonyms it is in
    increment_modifiers: frozenset[str]
    reported_kinds: frozenset[str]
    distinctive_digits: int
    distinctive_shared_words: int
    wording_threshold: float
    reported_wording_threshold: float
    away_wording_threshold: float
    past_year_wording_threshold: float
    named_wording_threshold: float
    clause_wording_threshold: float
    clause_sentence_floor: float
    away_days: int
    adjacent_days: int
    latent_days: int
    min_content_words: int
    min_shared_words: int
    name_suffixes: frozenset[str]
    organisation_suffixes: frozenset[str]
    transliteration_length: int
    stop_words: frozenset[str]
    date_words: frozenset[str]
    years: re.Pattern[str]
    day_numbers: re.Pattern[str]
    object_ends: frozenset[str]
    word_synonyms: tuple[tuple[str, ...], ...]


@cache
def rules() -> MatchingRules:
    """The bundled matching rules."""
    data = read_bundled("monitor.track.data", "matching.yaml", words=True)
    pairs: set[tuple[str, str]] = set()
    any_kind: set[str] = set()
    for kind, others in (data.get("compatible_kinds") or {}).items():
        for other in others:
            if other == "*":
                any_kind.add(str(kind))
            else:
                pairs |= {(str(kind), str(other)), (str(other), str(kind))}
    return MatchingRules(
        compatible=frozenset(pairs),
        any_kind=frozenset(any_kind),
        metric_synonyms=_groups_of(data.get("metric_synonyms") or ()),
        increment_modifiers=frozenset(str(w).casefold() for w in data.get("increment_modifiers") or ()),
        reported_kinds=frozenset(str(k) for k in data.get("reported_kinds") or ()),
        distinctive_digits=int(data["distinctive_digits"]),
        distinctive_shared_words=int(data["distinctive_shared_words"]),
        wording_threshold=float(data["wording_threshold"]),
        reported_wording_threshold=float(data["reported_wording_threshold"]),
        away_wording_threshold=float(data["away_wording_threshold"]),
        past_year_wording_threshold=float(data["past_year_wording_threshold"]),
        named_wording_threshold=float(data["named_wording_threshold"]),
        clause_wording_threshold=float(data["clause_wording_threshold"]),
        clause_sentence_floor=float(data["clause_sentence_floor"]),
        away_days=int(data["away_days"]),
        adjacent_days=int(data["adjacent_days"]),
        latent_days=int(data["latent_days"]),
        min_content_words=int(data["min_content_words"]),
        min_shared_words=int(data["min_shared_words"]),
        name_suffixes=frozenset(str(w).casefold() for w in data.get("name_suffixes") or ()),
        organisation_suffixes=frozenset(str(w).casefold() for w in data.get("organisation_suffixes") or ()),
        transliteration_length=int(data["transliteration_length"]),
        stop_words=frozenset(str(w).casefold() for w in data.get("stop_words") or ()),
        date_words=frozenset(str(w).casefold() for w in data.get("date_words") or ()),
        years=re.compile(str(data["years"])),
        day_numbers=re.compile(str(data["day_numbers"])),
        object_ends=frozenset(str(w).casefold() for w in data.get("object_ends") or ()),
        word_synonyms=tuple(tuple(str(w).casefold() for w in group)
                            for group in data.get("word_synonyms") or ()),
    )


def _groups_of(groups: Iterable[Iterable[object]]) -> dict[str, frozenset[int]]:
    """Each word of matching.yaml `metric_synonyms` -> the numbers of the groups it is in."""
    out: dict[str, set[int]] = {}
    for n, group in enumerate(groups):
        for word in group:
            out.setdefault(str(word).casefold(), set()).add(n)
    return {word: frozenset(found) for word, found in out.items()}


def kinds_compatible(a: str, b: str) -> bool:
    """The same kind, or two kinds an outlet's wording may tell apart (`other` and any kind)."""
    r = rules()
    return a == b or a in r.any_kind or b in r.any_kind or (a, b) in r.compatible


def kinds_compatible_by_wording(a: str, b: str) -> bool:
    """Kinds that are one happening only when the sentences agree: one outlet tells a happening as someone's
    words ("..., the U.S. Attorney's Office announced Monday": a `statement`), another as the happening
    itself (a `legal` plea). Actors alone never join them: "Trump said" and "Trump met" on one day differ."""
    reported = rules().reported_kinds
    return a in reported or b in reported


def adjacent_days(a: DateSpan | None, b: DateSpan | None) -> bool:
    """Two single days at most `adjacent_days` apart (and not the same): what two outlets' dates of one
    happening may be when one dates it in another time zone or by its publication day ("November 16" in
    Beijing is "Sunday" in New York; "is investigating" in Monday's wire and in Tuesday's digest)."""
    if a is None or b is None or a.start != a.end or b.start != b.end:
        return False
    return 0 < abs((a.start - b.start).days) <= rules().adjacent_days


def day_inside_only_a_year(a: DateSpan | None, b: DateSpan | None) -> bool:
    """One date a day, the other a half-year or longer that holds it: nested, yet no closer than any two
    days of that year ("has been the target of several attacks this year" and "on Tuesday ... unleashed a
    wave of attacks")."""
    if a is None or b is None:
        return False
    day, period = sorted((a, b), key=lambda s: s.end - s.start)
    return day.start == day.end and PRECISIONS.index(period.precision) >= PRECISIONS.index("half")


def typed_kind(kind: str) -> bool:
    """A kind a report names by its own verb: not `other` (any kind may be one), nor a reported kind."""
    r = rules()
    return kind not in r.any_kind and kind not in r.reported_kinds


def dated_by_page(date: str | None, evidence: str, published: str | None) -> bool:
    """Whether a report's day is only its page's: the single day it is dated is its publication day and its
    sentence names no date (`date_words`, `years`; a length of time is none: "after being delayed for almost
    two weeks"): "Webb was sentenced to life", read in Tuesday's paper, happened on or before Tuesday, not
    necessarily on it."""
    span = date_span(date)
    day = iso_day(published)
    if span is None or day is None or span.start != span.end or span.start != day:
        return False
    told = _duration_re().sub(lambda m: m.group(0) if m.group(1) else " ", evidence.casefold())
    return not any(_date_word(w) for w in _WORD_RE.findall(told))


@cache
def _duration_re() -> re.Pattern[str]:
    """A length of time ("for almost two weeks", "a few days"; numbers.yaml's number words), not a date: not
    after "past", "last", "next" ... (a period up to now or to come) nor before "ago", "later", "earlier" ...
    (a time counted from another)."""
    words = {*load_lexicon().number_words, *_VAGUE_COUNTS}
    counts = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(
        rf"(\b(?:past|last|next|previous|coming|first|final)\s+)?\b(?:\d+|{counts})\s+"
        r"(?:hours?|days?|weeks?|months?|years?)\b(?!\s+(?:ago|earlier|later|before|after|from|since|old))")


_VAGUE_COUNTS = frozenset({"a", "an", "few", "several", "many"})


@lru_cache(maxsize=1024)  # a story's few names are compared with each other many times a version
def _core(name: str) -> tuple[tuple[str, ...], bool]:
    """The words of a name without the trailing words outlets drop, and whether one of them was an
    organisation's ("Harbourline News", "Acme Corp")."""
    tokens = normalise_name(name).replace(",", " ").split()
    r, organisation = rules(), False
    while len(tokens) > 1 and (tokens[-1] in r.name_suffixes or tokens[-1] in r.organisation_suffixes):
        organisation = tokens.pop() in r.organisation_suffixes or organisation
    return tuple(tokens), organisation


def _coded_number(a: str, b: str) -> bool:
    """One number written bare and after a code of letters ("8501", "qz8501"; "17", "mh17")."""
    short, long_ = sorted((a, b), key=len)
    return short.isdigit() and (code := _CODED_RE.fullmatch(long_)) is not None and code.group(1) == short


_CODED_RE = re.compile(r"[a-z]{1,3}(\d+)")


def same_surname(a: str, b: str) -> bool:
    """One surname, or two spellings of one transliterated surname: the longer is the shorter with one letter
    added ("Zelensky", "Zelenskiy", "Zelenskyy"; "Gadafi", "Gaddafi"), for names of at least
    `transliteration_length` letters. A changed letter is another name ("Johnson", "Johnsen")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1 or len(short) < rules().transliteration_length:
        return False
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=1024)  # a story's rows share a few lists of names
def last_words(names: tuple[str, ...]) -> frozenset[str]:
    """The last words of names (surnames, organisations' names), as `names_match` compares them."""
    return frozenset(words[-1] for words, _org in map(_core, names) if words)


def names_match(a: str, b: str) -> bool:
    """One name for one person or body: equal, a surname or tail of the other ("Putin" ~ "Vladimir Putin"), or
    the same surname (`same_surname`) with compatible given names ("Tom Harlowe" ~ "Thomas J. Harlowe Jr.",
    "Volodymyr Zelensky" ~ "Volodymyr Zelenskiy"). An organisation named with and without its trailing
    `organisation_suffixes` word is one ("Harbourline News" ~ "Harbourline", "Acme Corp." ~ "Acme"), but such
    a name is never a person's surname ("Harbourline News" and "Anna Harbourline" differ). An acronym of
    three letters or more is the long name whose initials it is ("ESA" ~ "European Space Agency"): outlets
    name a body either way, and a page's own "(ESA)" may be in another outlet's page only. A name of two
    words or more is also the same name with a code after it ("Malaysia Airlines Flight" ~ "Malaysia
    Airlines Flight MH17", where a page's number was not read as part of the name), and the same name with
    its number written with and without the airline's code ("Flight 17" ~ "Flight MH17")."""
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True
    (ta, org_a), (tb, org_b) = _core(a), _core(b)
    if not ta or not tb:
        return False
    if org_a or org_b:  # an organisation's short form is its whole name, never a surname
        return ta == tb
    short, long_ = sorted((ta, tb), key=len)
    if long_[len(long_) - len(short):] == short:
        return True
    if len(short) > 1 and long_[:-1] == short and any(c.isdigit() for c in long_[-1]):
        return True  # "Malaysia Airlines Flight" (its "17" read as a number), "Malaysia Airlines Flight MH17"
    if len(ta) == len(tb) > 1 and ta[:-1] == tb[:-1] and _coded_number(ta[-1], tb[-1]):
        return True  # "Flight 8501", "Flight QZ8501"
    if len(ta) == len(tb) > 1 and ta[:-1] == tb[:-1] and _plural_of(ta[-1], tb[-1]):
        return True  # "Davis Cup Finals", "Davis Cup Final": one event's name, told in either number
    if not same_surname(ta[-1], tb[-1]):
        return False
    given_a = [t for t in ta[:-1] if len(t) > 1]
    given_b = [t for t in tb[:-1] if len(t) > 1]
    if not given_a or not given_b:
        return True
    return given_a[0].startswith(given_b[0]) or given_b[0].startswith(given_a[0])


def _plural_of(a: str, b: str) -> bool:
    return a + "s" == b or b + "s" == a


def _acronym_of(short: str, long_: str) -> bool:
    """Whether `short` is written as an acronym of at least three letters that are `long_`'s initials."""
    letters = short.replace(".", "")
    return (len(letters) >= 3 and " " in long_.strip() and is_acronym(short)
            and initials(long_, load_lexicon()) == letters)


def _pairs_all(fewer: Sequence[str], more: Sequence[str]) -> bool:
    """Every name of `fewer` pairs with a distinct name of `more` (augmenting paths: lists are short)."""
    mate: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j, other in enumerate(more):
            if j in seen or not names_match(fewer[i], other):
                continue
            seen.add(j)
            if j not in mate or place(mate[j], seen):
                mate[j] = i
                return True
        return False

    return all(place(i, set()) for i in range(len(fewer)))


def actors_compatible(a: Iterable[str], b: Iterable[str]) -> bool:
    """Both name someone and every actor of the side naming fewer is among the other's: an outlet may name
    fewer people, but an actor on each side that the other lacks is a different happening."""
    left = [x for x in a if normalise_name(x)]
    right = [x for x in b if normalise_name(x)]
    if not left or not right:
        return False
    fewer, more = sorted((left, right), key=len)
    return _pairs_all(fewer, more)


@lru_cache(maxsize=4096)  # a story's few names meet each other many times
def is_place(name: str) -> bool:
    """A country, capital or known place (the extractor's gazetteer, places.yaml), or a name of a landform, a
    water or a venue: named as an actor ("Peru agreed to reopen the border", "A Boston woman was charged",
    "two oil patches in the Java Sea"), it says where, not who acts."""
    lex = load_lexicon()
    keys = {name.strip().casefold(), normalise_name(name)}
    return any(key in table for key in keys for table in (lex.country_of, lex.capital_of, lex.places)) or (
        feature_name(name.split(), lex))


def who_acts(actors: Iterable[str]) -> list[str]:
    """The actors that are not places (`is_place`)."""
    return [a for a in actors if normalise_name(a) and not is_place(a)]


def actors_agree(a: Sequence[str], b: Sequence[str]) -> bool | None:
    """Whether two outlets' actors of a happening agree (`actors_compatible`); None when a side names nobody
    who acts, so the wording decides. A place is where, not who: "A Boston woman was charged" and "Harlowe
    was charged" conflict only by the place, so where one side names only places, the wording decides; a
    conflict left after the places are set aside on both sides is one."""
    if not (a and b):
        return None
    if actors_compatible(a, b):
        return True
    acting = who_acts(a), who_acts(b)
    if all(acting):
        return actors_compatible(*acting)
    return None if any(acting) else False


def named_in(name: str, text: str) -> bool:
    """Whether a sentence names `name`: the name's last word (a surname, an organisation's name without the
    words outlets drop, `_core`) is one of its words, case aside ("Google" in "the service of Google's",
    "Noem" in "Gov. Kristi Noem", "SoftBank Group Corp" in "SoftBank, its largest investor")."""
    words, _organisation = _core(name)
    last = _WORD_RE.findall(words[-1]) if words else []
    return bool(last) and last[-1] in _plain_words(text)


@lru_cache(maxsize=512)  # a version's few items meet the same rows' sentences many times
def _plain_words(text: str) -> frozenset[str]:
    return frozenset(_WORD_RE.findall(text.casefold()))


def united_actors(known: Sequence[str], more: Iterable[str]) -> tuple[str, ...]:
    """A row's actors with another report's added: the names of `more` that name none of `known` (one outlet
    names the governor, another the state's health department; the row is both's)."""
    out = list(known)
    for name in more:
        if normalise_name(name) and not any(names_match(name, k) for k in out):
            out.append(name)
    return tuple(out)


def _date_word(word: str) -> bool:
    """A word of a date (case-folded): `date_words` or a year."""
    r = rules()
    return word in r.date_words or r.years.fullmatch(word) is not None


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=2048)  # one version's items meet the same entries' evidence many times
def _words(text: str) -> tuple[int, frozenset[str]]:
    """(how many content words, dates counted; the content words without dates, stemmed)."""
    r = rules()
    words = [m.casefold() for m in _WORD_RE.findall(text)]
    dated = {i for i, w in enumerate(words) if _date_word(w)}
    # A day of the month is a number beside a date's word ("Nov. 18", "Sunday 17th"); other numbers count.
    dated |= {i for i, w in enumerate(words) if r.day_numbers.fullmatch(w) and {i - 1, i + 1} & dated}
    content = [(i, w) for i, w in enumerate(words) if w not in r.stop_words]
    stems = _stems([w for i, w in content if i not in dated])
    synonym = _synonyms()
    return len(content), frozenset(synonym.get(stem, stem) for stem in stems)


@cache
def _synonyms() -> dict[str, str]:
    """The stem of each word of `word_synonyms` -> its group's first word's stem."""
    out: dict[str, str] = {}
    for group in rules().word_synonyms:
        stems = _stems(group)
        for stem in stems:
            if out.get(stem, stems[0]) != stems[0]:
                raise RuleDataError(f"matching.yaml word_synonyms: {stem!r} is in two groups")
            out[stem] = stems[0]
    return out


def _stems(words: Iterable[str]) -> list[str]:
    """Case-folded words stemmed (Snowball's English stemmer), a past form the stemmer cannot undo taken
    as its verb first ("ate", "eaten" -> "eat")."""
    irregular = irregular_past_forms()
    stems: list[str] = _stemmer().stemWords([irregular.get(w, w) for w in words])
    return stems


def content_words(text: str) -> frozenset[str]:
    """The words of a sentence that carry its content: case-folded and stemmed (Snowball's English stemmer:
    "investigated" and "is investigating" are one word), stop words out, numbers kept, the words of dates
    out (`date_words`, `years`, `day_numbers`). Why no dates: the dates of two reports are compared on their
    own before their wording is; one outlet writes "on Sunday", another "on March 8" for one happening,
    while two happenings of one day share the day's words."""
    return _words(text)[1]


def wording_similarity(a: str, b: str) -> float:
    """Content words the two sentences share over those of the shorter one (the overlap coefficient): an
    outlet adding a clause ("..., the office said") keeps the score, different happenings share little.
    Sentences of fewer than `min_content_words` (their dates counted), or sharing fewer than
    `min_shared_words`, score 0: one word in common is a coincidence."""
    (count_a, wa), (count_b, wb) = _words(a), _words(b)
    shared = len(wa & wb)
    if min(count_a, count_b) < rules().min_content_words or shared < rules().min_shared_words:
        return 0.0
    return shared / min(len(wa), len(wb))


def same_wording(a: str, b: str, *, away: bool = False, past_year: bool = False, named: bool = False,
                 agreeing: bool = False, announced: str | None = None,
                 clauses: tuple[str | None, str | None] = (None, None)) -> bool:
    """The two sentences tell one happening by their words alone (`wording_threshold`), with less in common
    where more agrees, the lowest threshold that applies: `away`, two reports dated alike away from the news
    (`away_wording_threshold`, see `away_from_news`); `past_year`, dated alike by a past year
    (`past_year_wording_threshold`, see `in_a_past_year`); `named`, one names nobody who acts and the
    other's actors are named in it (`named_wording_threshold`, see `corroboration.named_by_the_silent`);
    `agreeing`, a reported kind and another whose actors agree (`reported_wording_threshold`: "The agency
    said Monday that its researchers examined how hibernation would affect ..." and "ESA has investigated
    how crew hibernation would impact ..."); `announced`, the kind of a happening that a reported kind may
    tell, when both sentences name it by one of its trigger words (`reported_wording_threshold`: "Federal
    prosecutors on Wednesday announced three arrests ..." and "Three people have been arrested ...").
    `clauses`, the words of `a` and of `b` that tell the happening (an item's summary): where a sentence
    tells more besides ("Beijing also wants Trump to eliminate the 15% tariffs ... imposed on Sept. 1"), its
    clause worded like the other sentence (`clause_wording_threshold`) is enough, with
    `clause_sentence_floor` in common for the whole sentences; a clause counts only where its words are its
    sentence's (a row's summary is its first source's)."""
    r = rules()
    need = r.wording_threshold
    told = announced is not None and bool(content_words(a) & content_words(b) & _trigger_stems(announced))
    for applies, threshold in ((away, r.away_wording_threshold), (past_year, r.past_year_wording_threshold),
                               (named, r.named_wording_threshold), (agreeing, r.reported_wording_threshold),
                               (told, r.reported_wording_threshold)):
        if applies:
            need = min(need, threshold)
    whole = wording_similarity(a, b)
    if whole >= need or whole < r.clause_sentence_floor:
        return whole >= need
    return any(clause is not None and _words_of(clause, own)
               and wording_similarity(clause, other) >= r.clause_wording_threshold
               for clause, own, other in ((clauses[0], a, b), (clauses[1], b, a)))


def _words_of(clause: str, sentence: str) -> bool:
    """Whether a clause's words are its sentence's, names aside: a summary names who acts where its sentence
    says "the company" or "he" ("WeWork confirmed on Monday ..." of "The company, which ..., confirmed on
    Monday ...")."""
    missing = content_words(clause) - content_words(sentence)
    return not missing or missing <= content_words(" ".join(_CAPITALISED_RE.findall(clause)))


_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'\u2019.-]*")


def same_verb_and_object(kind: str, a: str, b: str) -> bool:
    """Whether two clauses tell their happening with one trigger of `kind` acting upon a thing both name (a
    content word of the trigger's object in each, `object_ends`): "Noem launched the campaign to bring
    awareness ..." and "Gov. Kristi Noem launched the campaign on Monday ...", which outlets that word the
    rest apart still share."""
    told_a, told_b = _verb_objects(kind, a), _verb_objects(kind, b)
    return any(verb == other and words & more for verb, words in told_a for other, more in told_b)


# Words (numbers too) and the marks that end a phrase; other signs ("$", "%") are skipped.
_TOKEN_RE = re.compile(r"[^\W_]+|[,;:.!?()\[\]\"\u201c\u201d\u2014\u2013]")


def _verb_objects(kind: str, text: str) -> list[tuple[str, frozenset[str]]]:
    """(trigger stem, the stems of the content words of its object) of each trigger of `kind` in `text`: the
    words after the trigger up to one of `object_ends` or a punctuation mark, dates and stop words out."""
    r = rules()
    tokens = [t.casefold() for t in _TOKEN_RE.findall(text)]
    triggers = _trigger_stems(kind)
    found: list[tuple[str, frozenset[str]]] = []
    for i, tok in enumerate(tokens):
        if not tok.isalnum() or (stem := _stems([tok])[0]) not in triggers:
            continue
        words: list[str] = []
        for word in tokens[i + 1:]:
            if not word.isalnum() or word in r.object_ends:
                break
            if word not in r.stop_words and not _date_word(word):
                words.append(word)
        if words:
            found.append((stem, frozenset(_stems(words))))
    return found


@cache
def _trigger_stems(kind: str) -> frozenset[str]:
    """The stems of a kind's one-word triggers, verbs and nouns (kinds.yaml: "arrest", "arrests", "arrested"
    for `legal`), as `content_words` stems them."""
    lex = load_lexicon()
    forms = [form for table in (lex.trigger_kind, lex.noun_kind) for form, of in table.items()
             if of == kind and " " not in form]
    return frozenset(_stems(forms))


def away_from_news(a: str | None, b: str | None, published: Iterable[str | None]) -> bool:
    """Two reports dated alike on one day or month that lies more than `away_days` from every publication
    day given (a visit "in November 2016" in reports of 2019, an offering shelved "on September 30" in
    reports of November): a story's outlets naming that date for unlike happenings is rarer than for the
    days of the news, where launch, backlash and defence share one Monday. Unknown publication days never
    count as away."""
    span = date_span(a)
    if a != b or span is None or span.precision not in ("day", "month"):
        return False
    margin = dt.timedelta(days=rules().away_days)
    days = [iso_day(p) for p in published]
    return bool(days) and all(
        d is not None and (span.end < d - margin or span.start > d + margin) for d in days)


def in_a_past_year(a: str | None, b: str | None, published: Iterable[str | None]) -> bool:
    """Two reports dated by a year before every publication year given, one by the year alone and the other
    by it or a day, month or season in it ("these cases were dropped in 2015" and "which was dropped in
    2015" in reports of 2019; "tested ... in 2016" and "Last March, Domino's ... tested" in reports of
    2017): the story's background, where outlets retell a few happenings in their own words. Unknown
    publication days never count."""
    year = next((d for d in (a, b) if d is not None and _YEAR_ONLY_RE.fullmatch(d)), None)
    other = b if year == a else a
    if year is None or other is None or other[:4] != year:
        return False
    days = [iso_day(p) for p in published]
    return bool(days) and all(d is not None and int(year) < d.year for d in days)


_YEAR_ONLY_RE = re.compile(r"\d{4}")


def iso_day(value: str | None) -> dt.date | None:
    """The day an ISO date or timestamp (a report's publication day) names, None when it names none."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None
