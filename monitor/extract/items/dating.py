"""Step 5: choosing the date of an item.

The temporal expressions of the document are tagged once (or, without a publication date, kept only when
their value does not depend on it); an item takes the expression in its trigger's clause, or one fronted to
the sentence ("Last month, ..."). Without one, the publication date only when the verb is present or present
perfect ("has departed", "now has"); past tense, past perfect, future and "previously" stay undated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from functools import cache

from monitor.extract.items.document import (
    ADVERB_SKIP,
    CLOCK_TIME,
    POSSESSIVE_S,
    Doc,
    SentenceInfo,
    Tok,
    clause_of,
)
from monitor.extract.items.triggers import SINCE_BEFORE_RE, finite_verb
from monitor.extract.lexicon import Lexicon, spaced_alternatives
from monitor.extract.spans import date_span
from monitor.extract.timex import Timex
from monitor.extract.timex.days import DAY_VALUE
from monitor.extract.timex.loader import load as load_timex_rules
from monitor.extract.timex.rules import alternation
from monitor.extract.wordforms import NOUN_TAGS, word_tags

# A season dates by its year ("opens in summer 2021" -> 2021) and a weekend by its week ("over the
# weekend" -> 2019-W46): the timeline's dates are days, weeks, months, quarters, halves and years.
_DATE_VALUE_RE = re.compile(
    r"(\d{4}(?:-(?:W\d{2}|Q\d|H\d|\d{2}(?:-\d{2})?))?)(?:-(?:SP|SU|FA|AU|WI|WE))?(?:T.*)?\Z"
)


def after_publication(value: str | None, published: dt.date | None) -> bool:
    """Whether a TIMEX3 date begins after the publication day (a plan, a session ahead)."""
    span = date_span(value)
    return published is not None and span is not None and span.start > published


def ends_after_publication(value: str | None, published: dt.date | None) -> bool:
    """Whether a TIMEX3 date ends after the publication day ("year end" told in October)."""
    span = date_span(value)
    return published is not None and span is not None and span.end > published


# The temporal expressions that name a day: a date, or a time of day, which dates its day ("on Tuesday
# night": 2019-11-19TNI holds for 2019-11-19).
DAY_TYPES = frozenset({"DATE", "TIME"})


def date_value(timex: Timex, published: dt.date | None) -> str | None:
    """The TIMEX3 date a timex gives an event (time of day dropped), or None."""
    if timex.type not in DAY_TYPES:
        return None
    if timex.value == "PRESENT_REF":
        return published.isoformat() if published else None
    m = _DATE_VALUE_RE.match(timex.value or "")
    return m.group(1) if m else None


# How many days before publication the report's last named day may lie and still be the day of its news.
REPORT_DAYS = 2


def report_day(doc: Doc) -> dt.date | None:
    """The day of the report's news: its last named day so far when within REPORT_DAYS of publication, else
    the publication date; None when the publication date is unknown."""
    if doc.published is None:
        return None
    return scene_day(doc) or doc.published


def scene_day(doc: Doc) -> dt.date | None:
    """The report's last named day so far, when it lies within REPORT_DAYS of publication: a breaking story's
    scene, which sentences with no day of their own go on telling."""
    day = iso_day(doc.last_day)
    return day if day is not None and recent_day(doc, day) else None


def recent_day(doc: Doc, day: dt.date) -> bool:
    """Whether the day lies within REPORT_DAYS before publication (or is its day)."""
    return doc.published is not None and 0 <= (doc.published - day).days <= REPORT_DAYS


def iso_day(value: str | None) -> dt.date | None:
    """The day of a day's ISO value ("2019-11-18"); None for any other value (a week, a month, a time)."""
    if value is None or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


# A clock time and nothing else ("around midnight", "at 6 a.m."): the tagger puts it on the publication day,
# but it names no day, and a report tells of other days at clock times too ("It was around midnight when a
# tip led officers to his room", in the story of a May kidnapping).
CLOCK_RE = re.compile(
    r"(?:(?:around|about|shortly|just|before|after|at|until|by|roughly|approximately)\s+)*"
    + CLOCK_TIME + r"\.?",
    re.IGNORECASE,
)


def clock_scene_day(doc: Doc, info: SentenceInfo) -> str | None:
    """The breaking report's last named day, when recent, for a sentence that gives a clock time and no day
    of its own ("On Saturday, ... The second stage began at 6:25 p.m., when reserves stood at 9.59
    percent"): the scene goes on, hour by hour."""
    day = scene_day(doc)
    # the document drops clock-only times, so the sentence's own text is searched
    return day.isoformat() if day is not None and CLOCK_RE.search(info.sentence.text) else None


@cache
def timex_words_re(*classes: str) -> re.Pattern[str]:
    """The words of the timex lexicon's classes ("month", "month_abbr", "season") as one alternation."""
    vocabulary = load_timex_rules().lexicon
    return re.compile(alternation([w for c in classes for w in vocabulary.words(c)]), re.IGNORECASE)


MONTH_VALUE_RE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?\Z")
YEAR_WRITTEN_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")  # a year written out in a date's words


_YEARS_BEFORE = re.compile(r"\d{4}\s?[-\u2013\u2014/]\s?$")


_YEARS_AFTER = re.compile(r"\s?[-\u2013\u2014/]\s?\d{4}")


def range_end(text: str, tx: Timex) -> bool:
    """An end of a range of years ("its 2019-2022 models"): a span, not when a thing happened."""
    if not (len(tx.value) == 4 and tx.value.isdigit()):
        return False
    before = _YEARS_BEFORE.search(text, max(0, tx.start - 8), tx.start)
    return bool(before or _YEARS_AFTER.match(text, tx.end))


def range_bound(text: str, tx: Timex) -> bool:
    """A year that opens or closes a span told in words ("between 2009 and 2018", "from 2004 to 2017"): what
    happened over it happened over years, on no one date."""
    if not (len(tx.value) == 4 and tx.value.isdigit()):
        return False
    closes = _SPAN_OPENED.search(text, max(0, tx.start - 40), tx.start)
    return bool(closes or (_SPAN_OPENER.search(text, max(0, tx.start - 9), tx.start)
                           and _SPAN_CLOSED.match(text, tx.end)))


def span_end_year(text: str, timexes: list[tuple[Timex, str]], value: str | None) -> str | None:
    """The year that closes a span `value` opens ("died of it from 1999 to 2021": 2021), else `value`: a
    figure over a span of years holds at its end (news-gold GUIDELINES: a period is dated by what the sentence
    is about, and a count over years is the count reached by the last)."""
    if value is None or not (len(value) == 4 and value.isdigit()):
        return value
    for tx, v in timexes:
        if v == value and _SPAN_OPENER.search(text, max(0, tx.start - 9), tx.start):
            closed = _SPAN_CLOSED.match(text, tx.end)
            if closed:
                return closed.group(1)
    return value


def years_span_after(text: str, timexes: Sequence[Timex]) -> str | None:
    """The closing year of a span of years that one of `timexes` opens ("a 21.6 percent drop ..., from 1999
    to 2005": `span_end_year`): a change found over those years holds at their end, not on the day a study
    telling it came out."""
    for tx in timexes:
        value = str(tx.value)
        if YEAR_WRITTEN_RE.fullmatch(value):
            closing = span_end_year(text, [(tx, value)], value)
            if closing is not None and closing > value:
                return closing
    return None


_SPAN_OPENER = re.compile(r"\b(?:between|from)\s+\Z", re.IGNORECASE)
_SPAN_CLOSED = re.compile(r"\s+(?:and|to|through|until|till)\s+(?:\w+\s+){0,2}?(\d{4})\b", re.IGNORECASE)
_SPAN_OPENED = re.compile(r"\b(?:between|from)\s+(?:\w+\s+){0,2}?\d{4}\s+(?:and|to|through|until|till)\s+\Z",
                          re.IGNORECASE)


def year_of_a_noun(text: str, tx: Timex) -> bool:
    """A bare year between a determiner or possessive and its noun ("the grid operator's 2019 resource
    assessment", "its 2019 report"): it names which one, and tells no scene of the story."""
    if not (len(tx.value) == 4 and text[tx.start : tx.end].isdigit()):
        return False
    return bool(_OWNER_BEFORE_RE.search(text, max(0, tx.start - 20), tx.start)
                and NOUN_AFTER_RE.match(text, tx.end))


_OWNER_BEFORE_RE = re.compile(r"(?:\b(?:the|its|their|his|her|our|this|that)|['’]s)\s+\Z", re.IGNORECASE)
# A lower-case word right after: a noun the word before it modifies ("its 2019 report").
NOUN_AFTER_RE = re.compile(r"\s+[a-z][a-z-]+")


@cache
def _comparison_and_change_preps(lex: Lexicon) -> frozenset[str]:
    return lex.comparison_preps | lex.change_preps | lex.year_change_preps


@cache
def _first_words_re(preps: frozenset[str]) -> re.Pattern[str]:
    """A quick test: the first word of some preposition appears at all."""
    return re.compile("|".join(sorted({re.escape(p.split()[0]) for p in preps})) or "(?!)", re.IGNORECASE)


@cache
def _baseline_re(preps: frozenset[str]) -> re.Pattern[str]:
    body = spaced_alternatives(preps)
    # The preposition, then at most four words that are no numbers ("the year-to-date period"), then the date.
    return re.compile(rf"(?<![\w-])({body})((?:\s+[^\W\d][\w'’-]*){{0,4}}?)\s+\Z", re.IGNORECASE)


_VALUE_AFTER_RE = re.compile(r"(?:\s+[^\W\d][\w'’-]*){0,3}\s+of\s+\S?\d")
_AGO_RE = re.compile(r"(?:ago|earlier|before|later)\W*\Z", re.IGNORECASE)


_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")


def comparison_base(text: str, tx: Timex, lex: Lexicon) -> bool:
    """Whether the date is the baseline of a comparison ("down 10 percent from a year ago", "compared with
    last year"): it dates neither the change nor the happening; tense.yaml `comparison_preps`."""
    after = _NEXT_WORD_RE.match(text, tx.end)
    if after is not None and after.group(1).lower() in lex.baseline_nouns:
        return True  # "43% on 2005 levels"
    window = text[max(0, tx.start - 80) : tx.start]
    preps = _comparison_and_change_preps(lex)
    if not _first_words_re(preps).search(window):
        return False  # the common case, decided without the full pattern
    m = _baseline_re(preps).search(window)
    if m is None:
        return False
    prep = " ".join(m.group(1).lower().split())
    if prep in lex.year_change_preps and not YEAR_WRITTEN_RE.fullmatch(str(tx.value)):
        return False  # "fell 5% over the weekend" tells when; "over the previous year" what it is measured on
    # "down from the March high of 21.8 percent": the date of the baseline's own value, which it keeps.
    if _VALUE_AFTER_RE.match(text, tx.end):
        return False
    if prep in lex.comparison_preps:
        return True
    words = _words_before(window[: m.start()])
    at = _change_at(words, lex)
    if at is None:
        return False
    # "more than a year ago" is how long ago, not a comparison.
    return not (prep == "than" and at == 0 and words[0] in ("more", "less", "fewer")
                and _AGO_RE.search(text, tx.start, tx.end))


def _words_before(text: str) -> list[str]:
    """The last words of `text` within its sentence, nearest first, lower-cased and stripped of quotes."""
    words: list[str] = []
    for w in reversed(text.split()[-8:]):
        if w[-1] in ".;:!?":
            break
        words.append(w.strip(",\"'“”‘’()").lower())
    return words


def _change_at(words: list[str], lex: Lexicon) -> int | None:
    """Where a change word stands among the words before a preposition (nearest first): right before it ("up
    from", "higher than"), or with the amount of the change between them ("down 10 percent from", "an
    increase of 0.3% from"), or the amount right before it ("2.4% more jobs over"); None for no comparison
    ("holding up a shirt from its account on Wednesday")."""
    at = next((i for i, w in enumerate(words) if w in lex.change_words), None)
    if at is None or (at > 0 and not any(c.isdigit() for w in words[: at + 2] for c in w)):
        return None
    return at


def periods_of_play(text: str, timexes: list[Timex], lex: Lexicon) -> set[Timex]:
    """The bare "the second quarter", "the first half" (no year) of a report that tells a game (two or more
    tense.yaml `game_words`): periods of play, which date nothing; in other reports they are the year's."""
    bare = [t for t in timexes if _BARE_PERIOD_RE.fullmatch(t.text)]
    if not bare or not lex.game_words:
        return set()
    told = {w.lower() for w in _GAME_WORD_RE.findall(text)} & lex.game_words
    return set(bare) if len(told) >= 2 else set()


# A game's periods ("the second quarter", "the first half", "the third period") and "the quarter" told back to
# one of them ("a layup closed the quarter").
_BARE_PERIOD_RE = re.compile(
    r"(?:the\s+)?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|half|period)"
    r"|the\s+(?:quarter|half|period))",
    re.IGNORECASE,
)
_GAME_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def value_baseline(text: str, tx: Timex, lex: Lexicon) -> bool:
    """Whether the date closes a clause of its own that gives a comparison's baseline value ("rate 2.41%,
    down from 2.47% on Tuesday", ", compared with $3 billion a year earlier"): it is the date of that
    value only, not of the figure or happening the sentence is about."""
    if possessive_baseline(text, tx.start, tx.end):
        return True
    window = text[max(0, tx.start - 80) : tx.start]
    if not any(c.isdigit() for c in window):
        return False
    if _compared_value(text, tx, lex):
        return True
    m = _value_baseline_re(_comparison_and_change_preps(lex), frozenset(lex.qualifier_of)).search(window)
    if m is None:
        return False
    if m.group("bare") is not None:
        # "fell from 54% in November", "lower than the 46,797 he saw on Friday": the change word right before
        # "from", or before "than the" (without "the", "more than 2% to begin the week" is a quantity); or
        # with the change's amount between ("down 21 per cent from the high of $816,720 reached in February")
        rest = [w.lower() for w in m.group(0)[len(m.group("bare")):].split()[:2]]
        if rest[0] != "from" and rest != ["than", "the"]:
            return False
        return m.group("bare").lower() in lex.change_words or (
            rest[0] == "from" and _change_at(_words_before(window[: m.start() + len(m.group("bare"))]), lex)
            is not None)
    return m.group(1) is None or m.group(1).lower() in lex.change_words


def possessive_baseline(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] names, after "from", whose value a change started from ("eased to
    4.29 percent from Friday's high of 4.33 percent"): that value's date, not the new value's."""
    return (_FROM_RIGHT_BEFORE_RE.search(text, max(0, start - 12), start) is not None
            and _POSSESSIVE_VALUE_AFTER_RE.match(text, end) is not None)


_FROM_RIGHT_BEFORE_RE = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
# "'s" and a value within a few words, before any clause mark
_POSSESSIVE_VALUE_AFTER_RE = re.compile(r"['\u2019]s\s+[^,;.\d]{0,40}?[$\u20ac\u00a3]?\d")
_NEW_VALUE_AFTER_RE = re.compile(r"\s+to\s+(?:[^\W\d]+\s+){0,2}?\S?\d")  # "to 35%", "to roughly $116.8"
_NAMED_VALUE_BEFORE_RE = re.compile(r"\bof\s+\S*\d\S*(?:\s+[^\W\d][\w'’-]*){0,3}?\s+\Z")


def without_closed_baselines(doc: Doc, info: SentenceInfo) -> SentenceInfo:
    """The sentence without the dates of baselines that a new value follows ("fell from 54% in November to
    35%") or that name a state of their own ("down 21% from the all-time high of $816,720 reached in
    February", "to 4.29% from Friday's 4.33%"): such a date is the old value's alone; it dates neither the new
    value nor the change."""
    if not info.bound:
        return info
    kept = [x for x in info.timexes
            if x[0].start not in info.bound or not (
                _NEW_VALUE_AFTER_RE.match(doc.text, x[0].end)
                or _NAMED_VALUE_BEFORE_RE.search(doc.text, max(0, x[0].start - 60), x[0].start)
                or _compared_value(doc.text, x[0], doc.lex)
                or possessive_baseline(doc.text, x[0].start, x[0].end)
                # "up from C$252 million in 1988": a year or month past the old value is a year-ago
                # comparison's, not the new value's ("rose to 30 from 25 on Tuesday" may date the rise)
                or not DAY_VALUE.fullmatch(x[1] or ""))]
    return info if len(kept) == len(info.timexes) else dataclasses.replace(info, timexes=kept)


def _compared_value(text: str, tx: Timex, lex: Lexicon) -> bool:
    """Whether the date follows the baseline value of a comparison made right after a value ("was at $1.5765
    compared with $1.6145 Wednesday"): the baseline's date, neither the value's nor the sentence's."""
    return _compared_value_re(lex.comparison_preps).search(text, max(0, tx.start - 80), tx.start) is not None


@cache
def _compared_value_re(preps: frozenset[str]) -> re.Pattern[str]:
    # A value (and its unit: "142.10 yen") right before a comparison's preposition, then the baseline values
    # up to the date, no comma between.
    return re.compile(
        rf"\d\S*(?:\s+[^\W\d][\w'’-]*){{0,2}}\s+(?:{spaced_alternatives(preps)})\s+(?:(?:the|an?)\s+)?"
        rf"\S*\d[^,;]*?\s+\Z",
        re.IGNORECASE,
    )


@cache
def _value_baseline_re(preps: frozenset[str], qualifiers: frozenset[str]) -> re.Pattern[str]:
    body = spaced_alternatives(preps)
    # A comma and a change word or none, or a new value ("declined to 3.8 percent last month"), or a change
    # word alone ("fell from 54% in November to 35%"), then the preposition, the value (a number, perhaps
    # qualified or named: "about 10 percent", "the all-time high of $816,720"; then up to five words), the
    # date.
    return re.compile(
        rf"(?:,\s*(?:([^\W\d]+)\s+)?|\bto\s+\S*\d[^,;]*?\s+|(?<![\w'’-])(?P<bare>[^\W\d]+)\s+)(?:{body})"
        rf"(?:\s+(?:the|an?))?(?:\s+(?:{spaced_alternatives(qualifiers)}))?"
        rf"(?:(?:\s+[^\W\d][\w'’-]*){{1,3}}?\s+of)?\s+\S*\d\S*(?:\s+[^\W\d][\w'’-]*){{0,5}}?\s+\Z",
        re.IGNORECASE,
    )


def tense_date(tokens_before: list[Tok], trigger: str, doc: Doc, is_noun: bool) -> str | None:
    """Publication date when the verb says the event holds now, else None."""
    lex = doc.lex
    if doc.published is None:
        return None
    words = [t.lower for t in tokens_before[-4:]]
    if any(w in lex.undating_adverbs for w in words):
        return None
    if is_noun:
        return None  # "the mayor's resignation is ...": the "'s" before a noun is no "is" or "has"
    first = trigger.split()[0].lower()
    if (words[-2:-1] and words[-1] == "to" and words[-2] in lex.ongoing_verbs
            and lex.kind_of(trigger) in lex.casualty_kinds):
        # "the gale continues to batter the harbour": it goes on now ("continues to insist", "to offer" tell
        # a stance or a habit, no happening)
        return doc.published.isoformat()
    progressive = False
    for w in reversed(_without_coordinated_participles([t.lower for t in tokens_before[-8:]])[-4:]):
        if w in lex.modal_aux or w in lex.past_aux:
            return None
        if w in lex.state_aux and not progressive and "VBN" in word_tags(first):
            return None  # "is charged with five counts", "are nominated": the state an earlier act left
        if w in lex.present_aux:
            return doc.published.isoformat()
        if w in lex.progressive_aux:
            progressive = True  # "is being investigated": it goes on now
            continue
        if w in ADVERB_SKIP:
            continue
        break
    if first in lex.present_verbs or (
        first.endswith("s") and not first.endswith(("ss", "us", "is")) and first not in lex.past_verbs
    ):
        return doc.published.isoformat()
    return None


def _without_coordinated_participles(words: list[str]) -> list[str]:
    """The words before a verb without the participles coordinated with it, so that the auxiliary they share
    tells its tense too: "has questioned and released" -> "has ... released"."""
    while len(words) >= 2 and words[-1] == "and" and "VBN" in word_tags(words[-2]):
        words = words[:-2]
    return words


_SIMULTANEOUS = frozenset({"when", "as", "while"})


def in_a_later_clause_of_its_own(info: SentenceInfo, after: int, pos: int, openers: frozenset[str]) -> bool:
    """Whether `pos` lies in a clause from `after` on that one of `openers` opens, with a finite verb of its
    own ("after it was tested over the weekend", "that began Oct. 1"; not the phrase "after the recession of
    1991"): its date is that clause's happening's."""
    clause = clause_of(pos, info.clauses)
    toks = info.tokens_within(clause[0], clause[1])
    if clause[0] < after or not toks or toks[0].lower not in openers:
        return False
    words = [t.lower for t in toks]
    # the words after the opener ("that" read as a determiner would hide the verb after it)
    return any(t.text.isalpha() and not t.cap and finite_verb(word_tags(t.lower), words[max(1, i - 3) : i])
               for i, t in enumerate(toks) if i)


def a_later_nouns_date(doc: Doc, own: tuple[int, int], at: int, tx: Timex) -> bool:
    """Whether `tx` is a possessive date after `at`, outside its clause `own` ("died as ..., disrupting the
    count of the previous day's vote"), or a span ago right after a noun there ("opened to $61M, a 35%
    improvement on the pic's projections four weeks ago"): it dates its own noun, not what the clause at `at`
    tells."""
    if tx.start <= at or own[0] <= tx.start < own[1]:
        return False
    if doc.text[tx.end : tx.end + 2] in POSSESSIVE_S:
        return True
    before = _WORD_BEFORE_RE.search(doc.text, max(0, tx.start - 30), tx.start)
    tags = word_tags(before.group(1).lower()) if before else frozenset()
    return _AGO_RE.search(tx.text) is not None and bool(tags) and tags <= NOUN_TAGS


_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+\Z")
_AGO_RE = re.compile(r"\bago\Z", re.IGNORECASE)


def timex_in(clause: tuple[int, int], info: SentenceInfo, anchor: int) -> str | None:
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
    i = info.clauses.index(clause) if clause in info.clauses else -1
    if first is not None and first.lower in _SIMULTANEOUS:
        if i > 0:
            prev = info.clauses[i - 1]
            return timex_in(prev, info, prev[1]) if prev != clause else None
    elif 0 <= i < len(info.clauses) - 1:
        # "announced the new route while opening the harbour fair on Monday": what it did meanwhile dates it
        after = info.clauses[i + 1]
        opening = [t.lower for t in info.tokens if t.start >= after[0]][:2]
        if len(opening) == 2 and opening[0] in _SIMULTANEOUS and opening[1].endswith("ing"):
            return _own_date(after, info)
    return None


def _own_date(clause: tuple[int, int], info: SentenceInfo) -> str | None:
    """The first date inside `clause`, no other clause's."""
    return next((v for tx, v in info.timexes if clause[0] <= tx.start and tx.end <= clause[1]), None)


def sentence_date(info: SentenceInfo, doc: Doc) -> str | None:
    """The one date a sentence gives (outside quotes), which then dates every happening of it that has no
    date of its own clause: "James scored 34 points, 112-107 over the Thunder on Tuesday night"."""
    values = {
        v for tx, v in info.timexes
        if tx.type in DAY_TYPES and tx.start not in info.bound
        and not SINCE_BEFORE_RE.search(doc.text, max(0, tx.start - 16), tx.start)
    }
    return values.pop() if len(values) == 1 else None


def later_date(anchor: str, span: str) -> str | None:
    """The date a span after an anchor date names ("two months later" after May: 2019-05 + P2M = 2019-07), at
    the precision the span allows: days and weeks need a day to count from; None when it cannot be told.

        >>> later_date("2019-05", "P2M"), later_date("2016-11", "P1Y"), later_date("2021-06-07", "P3D")
        ('2019-07', '2017', '2021-06-10')
        >>> later_date("2021-06-07", "PTXH")
        '2021-06-07'
    """
    day = DAY_VALUE.fullmatch(anchor)
    if day and _HOURS_RE.fullmatch(span):
        return anchor[:10]  # "a few hours later", "minutes later": the same day, as a reader takes it
    m = _SPAN_RE.fullmatch(span)
    if m is None:
        return None
    n, unit = int(m.group(1)), m.group(2)
    if unit == "Y" and anchor[:4].isdigit():
        return str(int(anchor[:4]) + n)
    if unit == "M" and MONTH_VALUE_RE.match(anchor):
        months = int(anchor[:4]) * 12 + int(anchor[5:7]) - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit in ("D", "W") and day:
        then = dt.date.fromisoformat(anchor[:10]) + dt.timedelta(days=n * (7 if unit == "W" else 1))
        if unit == "D":
            return then.isoformat()
        year, week, _ = then.isocalendar()
        return f"{year}-W{week:02d}"
    return None


_SPAN_RE = re.compile(r"P(-?\d+)([DWMY])")
_HOURS_RE = re.compile(r"PT(?:X|[1-9]|1\d|2[0-3])[HM]|PT\d+M")


def span_before(value: str, published: dt.date | None) -> str | None:
    """The span ("P12D", "P2W", "P3M", "P1Y") between a date the tagger counted back from the publication
    date ("12 days earlier" -> 2012-04-05) and that date, at the date's precision; None when unknown."""
    if published is None:
        return None
    if (day := iso_day(value)) is not None:
        return f"P{(published - day).days}D"
    if (week := re.fullmatch(r"(\d{4})-W(\d\d)", value)) is not None:
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return f"P{(published - monday).days // 7}W"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return f"P{(published.year - int(value[:4])) * 12 + published.month - int(value[5:7])}M"
    if re.fullmatch(r"\d{4}", value):
        return f"P{published.year - int(value)}Y"
    return None


def scene_date(info: SentenceInfo, doc: Doc) -> str | None:
    """The date of the scene this sentence continues: the last date of an earlier sentence of the same
    paragraph, when this one names none and is told in the past ("He then left." after "On Monday, ...")."""
    return None if info.timexes else paragraph_scene(doc, info.sentence.start)


def paragraph_scene(doc: Doc, pos: int) -> str | None:
    """The date of the scene an earlier sentence of `pos`'s paragraph set, or None."""
    if doc.scene is None or doc.scene[0] != doc.paragraph_start(pos):
        return None
    return doc.scene[1]
