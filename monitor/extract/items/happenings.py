"""Step 3b: happenings with no typed kind. A clause that has an explicit date and a finite verb (past tense,
present perfect, a scheduled future: "was voted off on Monday", "will host an event on Dec. 2"; the present
with a day to come: "the festival opens on June 26") tells a happening even when no trigger word names its
kind; it reaches the timeline as kind `other` (or the kind of its verb, when the verb is a trigger in a sense
the trigger guards did not accept).

Not happenings: negated clauses ("did not meet on Monday"), hypothetical and conditional ones ("would meet",
"if ... on Monday"), quotes (their dates are not usable), expressions of "now", and verbs that tell an amount
(monitor.extract.items.amounts: "sold more than 3,000 homes in October" is the month's figure).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from monitor.extract.items.amounts import TALLY_KINDS, counted_subject, states_a_figure, tally_over_a_period
from monitor.extract.items.dating import YEAR_WRITTEN_RE, after_publication, range_bound, sentence_date
from monitor.extract.items.deadlines import deadline_given
from monitor.extract.items.document import (
    DETERMINERS,
    POSSESSIVE_S,
    Doc,
    SentenceInfo,
    Tok,
    clause_of,
    overlaps,
)
from monitor.extract.items.fronted import fronted_timex
from monitor.extract.items.furniture import ENTRY_TAIL
from monitor.extract.items.subject_asides import in_the_subject_s_appositive
from monitor.extract.items.time_clauses import (
    closing_attribution,
    dated_apart,
    hangs_on_main_clause,
    past_name_asides,
    said_apart,
    subordinate_with_its_date,
)
from monitor.extract.items.trigger_objects import kind_by_subject, not_said, other_sense
from monitor.extract.items.triggers import (
    AUXILIARIES,
    BE_FORMS,
    HYPOTHETICAL,
    SINCE_BEFORE_RE,
    counted_participle,
    finite_verb,
    is_negation,
    passive_report,
    plural_present,
    source_spans,
)
from monitor.extract.items.unreal import a_refusal, reported_plan
from monitor.extract.kind_words import NO_KIND
from monitor.extract.timex import Timex
from monitor.extract.timex.days import DAY_VALUE
from monitor.extract.wordforms import ADJECTIVE_TAGS, PAST_TAGS, word_tags


@dataclass(frozen=True, slots=True)
class Happening:
    """The verb that tells a dated happening, its clause, kind and date value."""

    start: int
    end: int
    verb: str
    kind: str
    clause: tuple[int, int]
    date: str


def dated_happenings(doc: Doc, info: SentenceInfo, taken: set[str | None],
                     taken_in: dict[str | None, set[tuple[int, int]]] | None = None) -> list[Happening]:
    """One happening per date of the sentence not in `taken` (`taken_in`: the clauses of the drafts that took
    each; see `time_clauses.said_apart`): the finite verb nearest the date in its own clause, else in the
    clause after it ("In a May 3 letter, the board asked ..."), else the one before.
    One verb tells one happening: a second date that finds the same verb ("rose last year and this year")
    adds nothing."""
    out: list[Happening] = []
    seen = set(taken)
    verbs: set[int] = set()
    # "according to X": X (and its date: "data released in August") sources a fact; it tells no happening.
    sources = (
        source_spans(doc.text, info.sentence.start, info.sentence.end)
        if "ccording" in info.sentence.text
        else []
    )
    for tx, value in info.timexes:
        if value in seen and not said_apart(info, tx.start, value, taken_in or {}, {h.date for h in out}):
            continue
        if tx.value == "PRESENT_REF" or "Q" in value or tx.start in info.bound:
            continue  # a baseline value's date ("down from 1.8% on Monday") tells no happening
        if _listing_line(doc, info, tx):
            # "Jan. 15-18: Boat Show, Civic Center", "June 9 – West Palm Beach, FL": a calendar's line (its
            # span of days starts on its first)
            day = _coming(value, tx.text, doc.published)
            out.append(Happening(tx.start, tx.end, tx.text, "other", (tx.start, info.sentence.end), day))
            seen.add(value)
            continue
        if sources and overlaps(tx.start, tx.end, sources):
            released = source_release(doc, info, tx)
            if released is not None and released.start not in verbs:
                # "according to court documents unsealed Wednesday": the source's release is news of its day
                out.append(Happening(released.start, released.end, released.text, "other",
                                     clause_of(tx.start, info.clauses), value))
                seen.add(value)
                verbs.add(released.start)
            continue
        if (giver := deadline_given(info, tx, doc.text, doc.lex.deadline_verbs)) is not None:
            # "had until June 1 to submit bids": the deadline's day
            at = clause_of(tx.start, info.clauses)
            out.append(Happening(giver.start, giver.end, giver.text, "other", at, value))
            seen.add(value)
            continue
        if range_bound(doc.text, tx):
            continue  # "grew between 2009 and 2018": over years, on no one date (figures keep the end)
        if _not_when(doc, info, tx.start, tx.end) or first_since(doc.text, info.sentence.start, tx.start):
            continue
        clause = clause_of(tx.start, info.clauses)
        i = info.clauses.index(clause) if clause in info.clauses else 0
        # A date that opens the sentence ("On Monday, two oil patches in the Java Sea, close to its last
        # position, were located ...") dates the main clause, past the asides with no verb before it.
        fronted = i == 0 and _opens_sentence(info, tx)
        following = (_to_main_clause(info, info.clauses[1:]) if fronted
                     else past_name_asides(info, info.clauses[i + 1 :])[:1])
        if following and _reported_after(doc, info, tx.start, following[0]):
            following = []  # "told reporters on Tuesday that ...": the date is the statement's
        if following and SINCE_BEFORE_RE.search(doc.text, max(0, tx.start - 16), tx.start):
            following = []  # "have been killed since 2015, the council said": the span of what came before
        if following and closing_attribution(doc, info, following[0]):
            following = []  # "threatening her in March, prosecutors said": the report's verb is no happening
        if following and not fronted and subordinate_with_its_date(doc, info, following[0], tx.start):
            following = []  # "reported a case on Sunday after two were revealed last week": not Sunday's
        neighbours = [clause, *following, *info.clauses[max(0, i - 1) : i], *_list_before(doc, info, i)]
        participle = _subordinate_participle(info, clause)
        if participle is not None:
            # "After debuting the Juke two months ago, Nissan ...": the date is the participle's
            if participle.start not in verbs:
                at = (participle.start, participle.end)
                out.append(Happening(*at, participle.text, "other", clause, value))
                seen.add(value)
                verbs.add(participle.start)
            continue
        # "The festival opens on November 29th": the present tells a day to come as scheduled
        present = DAY_VALUE.fullmatch(value) is not None and after_publication(value, doc.published)
        for c in neighbours:
            state, tok = _verb_in(doc, info, c, (tx.start, tx.end), sources, present, due=len(value) > 4)
            if state is _NONE:
                continue
            if c[1] <= clause[0] and dated_apart(info, c, tx.start):
                break  # "pleaded guilty Monday to threatening her, D-Minn., in March": Monday's verb
            before = info.tokens[: info.tokens.index(tok)] if tok is not None else []
            if state is _FOUND and tok is not None and counted_participle(tok.lower, before, doc.lex):
                break  # "3,248 cases reported between 2010 and 2015": the figure's date, no happening
            if state is _FOUND and tok is not None and tok.start in verbs:
                # "will be shown at this year's harbour fair in August": a second date of the same verb that
                # narrows the first (2021 -> 2021-08) is the finer telling of its day
                out = [replace(h, date=value) if h.start == tok.start and _narrows(value, h.date)
                       else h for h in out]
            if state is _FOUND and tok is not None and in_the_subject_s_appositive(
                    doc, info, tx.start, tok.start):
                break  # "Ann Lee, a contender in 2008, said": the aside tells of her, not of her saying
            if state is _FOUND and tok is not None and tok.start not in verbs:
                said = not not_said(doc, tok, info.sentence.end)  # "added 25 points" tells no statement
                # the kind of a phrase the verb opens ("took aim at"), else of the verb
                phrase = next((k for start, _e, _t, k in info.triggers if start == tok.start), None)
                kind = (phrase or doc.lex.kind_of(tok.lower) if said else None) or "other"
                if not doc.lex.trigger_tags.get(tok.lower, _VERB_TAGS) & _VERB_TAGS:
                    kind = "other"  # a noun trigger ("talks") names its kind only as a noun
                if kind != "other" and other_sense(doc, kind, tok.end, info.sentence.end):
                    kind = "other"  # "reached 40 points": a happening, not an arrival
                if kind == "statement" and _passive_report(info, tok):
                    kind = "other"  # "a case was reported on Monday": no speaker
                if kind == "other" and tok.lower in doc.lex.expectation_verbs:
                    break  # "the IMF expects continued rate hikes in 2023": what is expected has not happened
                if kind == "other" and (states_a_figure(doc, tok, c) or counted_subject(doc, info, tok, c)):
                    # "the average price in October was $39,014", "after 22 homicides were recorded in March":
                    # a figure, which is its item
                    break
                if kind == "other":  # "a suicide bomber walked into the mosque": the attacker's is an attack
                    kind = kind_by_subject(doc, kind, tok.text, [t for t in before if t.start >= c[0]])
                if kind in TALLY_KINDS and tally_over_a_period(doc, info, tok.end, value):
                    break  # "dealers sold 303,417 cars last year": a figure of the year, no one happening
                out.append(Happening(tok.start, tok.end, tok.text, kind, c, value))
                seen.add(value)
                verbs.add(tok.start)
            break  # the clause with a verb decides, even when it is negated or hypothetical
    return out


def hanging_happenings(doc: Doc, info: SentenceInfo, drafted: list[tuple[int, int]],
                       main_date: str | None) -> list[Happening]:
    """A happening told by the finite verb of a clause of time hanging on the main clause
    (`hangs_on_main_clause`: "Shares of Acme fell on Tuesday after the company cut its forecast") with no
    happening drafted in it (`drafted`: the drafts' triggers): told with the sentence's one day, else
    `main_date`, the one date of the sentence's drafts ("Shares are dropping in premarket trading after the
    company cut its guidance": the day the tense gave). Only a day: "reopened the investigation in May after
    he was hauled out" may tell an April."""
    date = sentence_date(info, doc) or main_date
    if date is None or not DAY_VALUE.fullmatch(date):
        return []
    out: list[Happening] = []
    for clause in info.clauses:
        if any(clause[0] <= a < clause[1] for a, _b in drafted):
            continue
        if not hangs_on_main_clause(doc, info, clause):
            continue
        state, tok = _verb_in(doc, info, clause, (clause[0], clause[0]), [])
        if (state is _FOUND and tok is not None and not states_a_figure(doc, tok, clause)
                and doc.lex.kind_of(tok.lower) != "statement" and tok.lower not in BE_FORMS):
            # (a report's verb, "after sources told", sources what came after; "after it was on recess" is
            # a state)
            out.append(Happening(tok.start, tok.end, tok.text, "other", clause, date))
    return out


def _narrows(value: str, earlier: str) -> bool:
    """Whether a date value lies within an earlier one and is finer ("2017-06" within "2017")."""
    return len(value) > len(earlier) and value.startswith(earlier + "-")


def _list_before(doc: Doc, info: SentenceInfo, i: int) -> list[tuple[int, int]]:
    """The clauses before clause `i`'s neighbour, nearest first, past the items of a list after semicolons
    ("is accused of stabbing A of Conway, Washington; B of Moscow, Idaho; and C on November 13"), short
    asides ("rolled past Northern Illinois, 45-17, on Tuesday night") or the words quoted ('described the
    plan as "a gift to the yard" on Tuesday'): they date the verb before them. (The verb search stops at
    the first clause with a verb.)"""
    out: list[tuple[int, int]] = []
    for k in range(i - 1, 0, -1):
        skipped = info.clauses[k]
        if ";" not in doc.text[skipped[0] : info.clauses[i][0]] and not _quote_then_date(info, k, i) and len(
                [t for t in info.tokens_within(*skipped) if t.text[:1].isalnum()]) > _ASIDE_WORDS:
            break
        out.append(info.clauses[k - 1])
    return out


_ASIDE_WORDS = 3  # "45-17", "Idaho", "his wife said": no clause that would hold a verb's date


def _quote_then_date(info: SentenceInfo, k: int, i: int) -> bool:
    """Whether clause `k`'s words are all quoted and clause `i`, right after it, is its date alone ('"a gift
    to the yard" on Tuesday'), not a clause of its own that the quote opens."""
    if k != i - 1:
        return False
    words = [t for t in info.tokens_within(*info.clauses[k]) if t.text[:1].isalnum()]
    if not (words and any(a <= words[0].start and words[-1].end <= b for a, b in info.quotes)):
        return False
    rest = [t for t in info.tokens_within(*info.clauses[i]) if t.text[:1].isalnum()
            and not any(tx.start <= t.start and t.end <= tx.end for tx, _v in info.timexes)]
    return len(rest) <= 1  # "on"


def source_release(doc: Doc, info: SentenceInfo, tx: Timex) -> Tok | None:
    """The participle that releases a source right before its date, inside "according to" ("according to
    November data released Tuesday", "a report published on Friday by Group-IB"; tense.yaml
    `release_participles`), or the source's noun itself ("according to a report Thursday"; `record_nouns`):
    the source was made public that day, a happening of its own."""
    before = [t for t in info.tokens if t.end <= tx.start][-3:]
    for k in range(len(before) - 1, -1, -1):
        word = before[k].lower
        if word in doc.lex.release_participles or word in doc.lex.record_nouns:
            between = [t.lower for t in before[k + 1 :]]
            return before[k] if all(w in _BEFORE_A_DAY for w in between) else None
    return None


_BEFORE_A_DAY = frozenset({"on", "in", "late", "early", "last", "this"})


def _listing_line(doc: Doc, info: SentenceInfo, tx: Timex) -> bool:
    """Whether the sentence is a line of a calendar: a paragraph of its own that opens with a day (or a span
    of days) and a colon or a dash, then what takes place, with no verb ("Jan. 15-18: 2015 Boat Show, Civic
    Center, 500"; "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre")."""
    start = info.sentence.start
    if tx.start != start or len(tx.value) != 10 or (start and doc.text[start - 1] != "\n"):
        return False
    line_end = doc.text.find("\n", start)
    if info.sentence.end < (line_end if line_end >= 0 else len(doc.text)) - 1:
        return False  # a line of several sentences is prose
    return _LISTING_RE.match(doc.text, tx.end) is not None and not any(
        finite_verb(word_tags(t.lower), []) for t in info.tokens if not t.cap
    )


def _coming(value: str, written: str, published: dt.date | None) -> str:
    """A calendar's day with no year written and no verb to tell its tense is the next one to come: a list of
    what is scheduled (a chronology of what happened tells it with verbs)."""
    if published is None or YEAR_WRITTEN_RE.search(written) or value >= published.isoformat():
        return value
    try:
        return dt.date.fromisoformat(value).replace(year=published.year + 1).isoformat()
    except ValueError:  # February 29th
        return value


# After a listing line's day: the rest of its span, a colon or a dash, and the entry.
_LISTING_RE = re.compile(ENTRY_TAIL + r"\s*\S")


def _opens_sentence(info: SentenceInfo, tx: Timex) -> bool:
    """Whether the date stands in the sentence's short opening phrase ("On Monday, ...", "Last week, ...")."""
    first = info.clauses[0]
    return first[0] <= tx.start and tx.end <= first[1] and len(info.tokens_within(*first)) <= 4


def _to_main_clause(info: SentenceInfo, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses up to the first with a verb group (a form of "be", an auxiliary or a past tense): the
    asides before it have none ("two oil patches in the Java Sea, close to its last position, were ...")."""
    for n, clause in enumerate(clauses):
        if any(
            (t.lower in BE_FORMS or t.lower in AUXILIARIES or "VBD" in word_tags(t.lower))
            and t.lower not in _NOT_VERBS and not t.cap
            for t in info.tokens_within(*clause)
        ):
            return clauses[: n + 1]
    return clauses


_NOT_VERBS = frozenset({"to", "'s", "\u2019s"})  # an infinitive's "to"; "'s" is a possessive as often as "is"


def first_since(text: str, start: int, date_start: int) -> bool:
    """Whether the date at `date_start` follows "since" after a "first" or a superlative ("its first win
    since 2011", "the biggest rally since March"): it tells when the last such happening was, not this one."""
    m = SINCE_BEFORE_RE.search(text, start, date_start)
    if m is None:
        return False
    words = _WORD_RE.findall(text, max(start, m.start() - 60), m.start())
    return any(w.lower() == "first" or "JJS" in word_tags(w.lower()) for w in words[-6:])


_WORD_RE = re.compile(r"[A-Za-z]+")


def _passive_report(info: SentenceInfo, tok: Tok) -> bool:
    j = info.tokens.index(tok)
    prev = [t.lower for t in info.tokens[max(0, j - 4) : j]]
    nxt = info.tokens[j + 1].lower if j + 1 < len(info.tokens) else ""
    return passive_report(tok.lower, prev, nxt)


def _subordinate_participle(info: SentenceInfo, clause: tuple[int, int]) -> Tok | None:
    """The participle of a clause opened by a subordinator of time ("after debuting the Juke ...", "since
    taking refuge ...") or by "as" ("as announced on Monday"): a date in that clause is its happening's, never
    the main clause's."""
    toks = info.tokens_within(clause[0], clause[1])[:2]
    if len(toks) < 2:
        return None
    first, word = toks[0].lower, toks[1].lower
    if first in _TIME_SUBORDINATORS and word.endswith("ing"):
        return toks[1] if "VBG" in word_tags(word) else None
    if first == "as" and word not in _ASIDES and "VBN" in word_tags(word):
        return toks[1]  # "As shown off at the show this week", "as announced on Monday"
    return None


# "as expected", "as noted": a comment on the main clause, no happening of its own
_ASIDES = frozenset({"expected", "noted", "mentioned", "said", "stated", "planned", "scheduled", "described",
                     "seen", "needed", "required", "previously", "usual", "been", "had"})


_TIME_SUBORDINATORS = frozenset({"after", "before", "since", "until", "till", "once"})


def _reported_after(doc: Doc, info: SentenceInfo, pos: int, clause: tuple[int, int]) -> bool:
    """Whether `clause` is the content of a reporting verb that stands before `pos` in its sentence ("told
    reporters on Tuesday that the shipment was ..."): what was said is the statement's, no happening of its
    own (a date of its own in that clause is read for itself)."""
    if not doc.text[clause[0] : clause[1]].lstrip().lower().startswith("that "):
        return False
    return any(kind == "statement" and end <= pos for _s, end, _t, kind in info.triggers)


_NONE, _FOUND, _RULED_OUT = "none", "found", "ruled out"
_VERB_TAGS = frozenset({"VB", "VBD", "VBN", "VBG", "VBZ", "VBP", "?"})


def _verb_in(
    doc: Doc,
    info: SentenceInfo,
    clause: tuple[int, int],
    timex: tuple[int, int],
    sources: list[tuple[int, int]],
    present: bool = False,
    due: bool = False,
) -> tuple[str, Tok | None]:
    """(_FOUND, the finite verb of a clause nearest the date: past, or with `present` also present; with
    `due`, a schedule word after "be": "the report is due on Friday", not "is due in the summer", which names
    no time finer than a year);
    (_RULED_OUT, None) when the clause has one but is negated ("did not meet", "has never met") or
    hypothetical; (_NONE, None) when it has none."""
    toks = info.tokens_within(clause[0], clause[1])
    skip = [timex, *info.quotes, *sources]
    best: tuple[bool, int, int] | None = None  # (past a coordinator, distance, index): the least wins
    for j, t in enumerate(toks):
        if t.cap or not t.text.isalpha() or overlaps(t.start, t.end, skip):
            continue
        prev = [p.lower for p in toks[max(0, j - 4) : j]]
        if j == 1 and prev == ["that"]:
            # a clause opening on "that": the words before it tell a relative "that" ("the tour that stops")
            prev = [p.lower for p in info.tokens_within(info.sentence.start, clause[0])[-4:]] + prev
        if j + 1 < len(toks) and f"{t.lower} {toks[j + 1].lower}" in doc.lex.comparison_preps:
            continue  # "compared with growth of 3.4%": a preposition, no verb
        if (j and word_tags(toks[j - 1].lower) == _PRESENT_ONLY and toks[j - 1].lower not in AUXILIARIES
                and not toks[j - 1].cap):  # "Winston Peters backed": a name, whatever its lower case
            continue  # "expects continued rate hikes": right after a verb, a participle describes its object
        if j and doc.lex.kind_by_modifier.get(t.lower, {}).get(toks[j - 1].lower) == NO_KIND:
            continue  # "queued for a flu shot": a noun (kinds.yaml kind_by_modifier)
        # (a copula in the present states, "Saturday is the 75th anniversary": its date is the subject's)
        now = present and t.lower not in BE_FORMS
        if (finite_verb(word_tags(t.lower), prev, present=now) or _scheduled(t.lower, prev, doc)
                or (now and plural_present(t.lower, prev))  # with a day to come, a schedule
                or (due and t.lower in doc.lex.schedule_words and prev[-1:] and prev[-1] in _BE_WORDS)):
            # "signed in 1996 and ratified in 2000": a verb past "and" has its own date
            past_and = t.start > timex[1] and _COORDINATOR_RE.search(doc.text, timex[1], t.start) is not None
            found = (past_and, abs(t.start - timex[0]), j)
            if best is None or found < best:
                best = found
    if best is None:
        return _NONE, None
    j = best[2]
    before = [t.lower for t in toks[:j]]
    after = [t.lower for t in toks[j + 1 : j + 3]]
    # "was not", "had still not"; not "advised supporters not to travel", whose negation is its object's
    negated = any(is_negation(w) for w in before[-3:]) or (bool(after) and (is_negation(after[0]) or (
        len(after) > 1 and after[0] in _STATE_ADVERBS and is_negation(after[1]))))
    if negated or a_refusal(doc, toks[j].lower, toks[j].end):
        return _RULED_OUT, None  # "did not meet", "declined to comment on Thursday"
    if any(w in HYPOTHETICAL for w in before) and not reported_plan(doc, info, toks[j].start, clause,
                                                                   before[-4:]):
        return _RULED_OUT, None  # "said it would close the plant on Friday" is a plan, "could close" is not
    if toks[j].lower in _PAST_COPULAS and _describes_state([t.lower for t in toks[j + 1 : j + 4]]):
        return _RULED_OUT, None  # "a decade ago the city was still a farming town": a state, no happening
    return _FOUND, toks[j]


_DEICTIC = frozenset({"last", "next", "this", "past", "coming"})
_COORDINATOR_RE = re.compile(r"\b(?:and|but|or)\b", re.IGNORECASE)
_PAST_COPULAS = frozenset({"was", "were"})
# "be" written out: not the "'s" of "the choir's set", a possessive as often as an "is"
_BE_WORDS = BE_FORMS - frozenset(POSSESSIVE_S)
_PRESENT_ONLY = frozenset({"VBZ"})
_STATE_ADVERBS = frozenset({"still", "already", "also", "then", "once", "just", "largely", "mostly"})
_PARTICIPLE_TAGS = frozenset({"VBN", "VBD", "VBG"})


def _describes_state(after: list[str]) -> bool:
    """Whether the words after "was"/"were" describe what something was (a noun phrase, an adjective),
    not what happened to it (a participle: "was closed")."""
    words = [w for w in after if w not in _STATE_ADVERBS]
    if not words:
        return False
    tags = word_tags(words[0])
    return words[0] in DETERMINERS or bool(tags & ADJECTIVE_TAGS and not tags & _PARTICIPLE_TAGS)


def _scheduled(word: str, prev: list[str], doc: Doc) -> bool:
    """A base form after "is due to", "are set to", "was scheduled to" (tense.yaml `schedule_words`) or after
    "plans to" (`intention_verbs`): the happening the date schedules ("The new timetable is due to start in
    mid-July")."""
    if len(prev) < 2 or prev[-1] != "to" or "VB" not in word_tags(word):
        return False
    if prev[-2] in doc.lex.intention_verbs:
        return True  # "a rover NASA plans to fly in 2022"
    return len(prev) >= 3 and prev[-2] in doc.lex.schedule_words and prev[-3] in BE_FORMS


# Before a date, these make it a limit or a span, not when something happened ("by 2030", "until May",
# "so far this year").
_LIMITS = frozenset({"by", "until", "till", "through", "to", "before", "within", "over", "far"})
_PREPOSITIONS = frozenset(
    {
        "on",
        "in",
        "at",
        "since",
        "from",
        "during",
        "of",
        "for",
        "after",
        "last",
        "this",
        "next",
        "early",
        "late",
        "earlier",
        "later",
        "that",
        "and",
    }
)


_AT_AN_EVENT = frozenset({"at", "during"})
_AT_OR_IN = _AT_AN_EVENT | {"in"}


def _opening_occasion(doc: Doc, info: SentenceInfo, start: int, value: str) -> bool:
    """Whether the date stands in a phrase opening the sentence that names the occasion of what its main
    clause tells ("In the closing seconds of last week's game, Garrett pulled off Rudolph's helmet"; see
    `fronted.fronted_timex`)."""
    return bool(info.clauses) and start < info.clauses[0][1] and fronted_timex(info, doc) == value


def _not_when(doc: Doc, info: SentenceInfo, start: int, end: int) -> bool:
    """A date that does not say when the clause happened: a limit ("by 2030"), the start of a span ("from
    2010 to 2015"), or a modifier of a noun ("the 2016 elections", "the newest 2020 hopeful", "the best
    games of the year", "Thursday's fight")."""
    before = [t for t in info.tokens if t.end <= start]
    after = [t for t in info.tokens if t.start >= end]
    prev = before[-1].lower if before else ""
    nxt = after[0] if after else None
    value = next((v for tx, v in info.timexes if tx.start == start), "")
    if prev == "since" and len(before) == 1:
        return True  # "Since 1949, the alliance has grown": the start of a span that opens the sentence
    if prev == "by" and len(before) == 1 and DAY_VALUE.match(value) and not after_publication(
            value[:10], doc.published):
        # "By mid-afternoon that same day, police found the bodies": a past day's hour opening the sentence
        # tells the day it happened ("by 2030", "by Friday" of a deadline to come, are limits)
        return False
    if prev in _LIMITS:
        # "over the weekend" is when it happened; "over the past year" a span
        last = doc.text[start:end].split()[-1].lower()
        return not (prev == "over" and last in doc.lex.over_periods)
    if prev in ("from", "between") and nxt is not None and nxt.lower in ("to", "and", "through", "until"):
        # (a span of days to come starts its happening: "a visit expected to take place between October 11
        # and 13"; a past span, "a lull between Oct. 25 and 29", is dated as a whole, by none of its ends, and
        # "postponed from Tuesday to Friday" names the day it was moved from)
        return not (prev == "between" and DAY_VALUE.fullmatch(value)
                    and after_publication(value, doc.published))
    if prev == "of" and len(before) > 1 and before[-2].lower == "as" and not after_publication(
            value or None, doc.published):
        # "As of October, the airline had 270 jets": when a state was measured, a figure's date ("as of
        # December 1, the line will run hourly" is a start, still a happening)
        return True
    if prev == "of" and len(before) > 1 and _describes_noun(doc, before[-2].lower):
        # "the best apps of the year": the date belongs to the noun, unless the phrase opens the sentence on
        # the occasion of what it tells ("In the closing seconds of Thursday's game, ...")
        return not _opening_occasion(doc, info, start, value)
    if prev == "for" and any(t.lower in doc.lex.outlook_nouns for t in before[-7:-1]):
        return True  # "cut its outlook for the world economy for 2023": the outlook's year
    if nxt is not None and nxt.lower in ("'s", "\u2019s"):
        # "Thursday's fight": the date of a noun; but what happened at or during it happened then ("derided
        # him at Wednesday night's debate")
        return prev not in _AT_AN_EVENT and not _opening_occasion(doc, info, start, value)
    if prev in ("'s", "\u2019s") and nxt is not None and nxt.text[:1].isalpha():
        return True  # "the mayor's 2018 election campaign": a date inside a possessed noun phrase
    if nxt is None or not nxt.text.isalpha():
        return False
    if (prev in DETERMINERS and len(before) > 1 and before[-2].lower in _AT_OR_IN
            and DAY_VALUE.fullmatch(value) and doc.text[start].isupper()):
        # "In his Sunday Mass, the cardinal called ...", "at the Wednesday hearing": it happened then (a named
        # day; "in the early morning" is a part of some day)
        return False
    if prev in DETERMINERS or (prev.isalpha() and word_tags(prev) and word_tags(prev) <= ADJECTIVE_TAGS):
        return True  # "the 2020 race", "the newest 2020 Democratic hopeful"
    if word_tags(prev) and word_tags(prev) <= PAST_TAGS and not (
            len(before) > 1 and before[-2].lower in DETERMINERS):
        # right after a past verb the date is its time, not a noun's ("the files released Friday detail
        # the letters", "announced Monday plans to cut 300 jobs"; but "a scheduled Dec. 15 imposition")
        return False
    if not nxt.cap and prev not in _PREPOSITIONS and doc.text[start:end].split()[0].lower() not in _DEICTIC:
        # ("last month following the assassination": a date of its own words modifies no noun after it)
        tags = word_tags(nxt.lower)
        return bool(tags & {"NN", "NNS"}) and not doc.lex.kind_of(nxt.lower)
    return False


def _describes_noun(doc: Doc, word: str) -> bool:
    """A noun (not a word of time such as "end", "morning") that a following "of <date>" describes."""
    tags = word_tags(word)
    return bool(tags & {"NN", "NNS"}) and word not in doc.lex.function_words and word not in _TIME_NOUNS


_TIME_NOUNS = frozenset(
    {"end", "start", "beginning", "middle", "half", "part", "rest", "morning", "evening", "night",
     "afternoon", "week", "weekend", "month", "year", "day", "summer", "winter", "spring", "autumn",
     "fall", "season", "close", "course", "turn", "anniversary", "time", "period", "first", "last"}
)
