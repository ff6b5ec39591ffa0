"""Step 3c: events as items. Each trigger of a sentence that survives the checks (not in a quote or a date,
not part of a name, not another sense of the word) becomes a draft with its actors, date, place and summary.

The triggers of a sentence are read in order and each one updates the document's last person and speaker,
which the pronouns of the next ones resolve to; so this is a loop over triggers, not a map.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from monitor.extract.items.actors import (
    actor_name,
    coordinated,
    place_after,
    resolve_reference,
    speaker_place,
    subject_of,
)
from monitor.extract.items.dating import tense_date, timex_in
from monitor.extract.items.document import (
    ADVERB_SKIP,
    DETERMINERS,
    Doc,
    Entity,
    SentenceInfo,
    Tok,
    clause_of,
    overlaps,
)
from monitor.extract.items.figures import find_figures
from monitor.extract.items.happenings import dated_happenings, first_since
from monitor.extract.items.merge import Draft, specificity
from monitor.extract.items.model import Item
from monitor.extract.items.summary import cap, clean_clause, event_summary, label
from monitor.extract.items.triggers import (
    AUXILIARIES,
    NEGATIONS,
    SINCE_BEFORE_RE,
    counted_participle,
    modal_or_negated,
    other_sense,
    passive_report,
    possessive,
    told_by_verb,
)
from monitor.extract.lexicon import Lexicon, word_tags


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One trigger in its sentence: where it is, its kind, its clause and the words before it there."""

    start: int
    end: int
    surface: str  # the trigger as written (line breaks and all)
    trigger: str  # the trigger with single spaces, as the lexicon knows it
    kind: str
    clause: tuple[int, int]
    tokens_before: list[Tok]
    is_noun: bool  # "the delivery", "a phone call": named, not told with a verb


@dataclass(frozen=True, slots=True)
class _Actors:
    """Who an event is about: the subject name (if one stands before the trigger) and the actor names."""

    subject: Entity | None
    names: list[str]
    by_reference: bool  # the first actor came from a pronoun or "the ministry"


def event_drafts(doc: Doc, info: SentenceInfo, fronted: str | None, order: int) -> list[Draft]:
    """The event drafts of an analysed sentence, numbered from `order`; `fronted` is a date opening it.

    Only dated happenings: an undated event item is almost never a timeline row (a bare "police said", a
    habit, a background fact). Typed triggers first, then a kind-free `other` for each date of the sentence
    that none of them took; one item per date and sentence, since one date in one sentence tells one
    happening far more often than two, unless verbs tell happenings of different kinds ("the ship left
    Brenholm and arrived in Lerrin on Wednesday").
    """
    if _is_question(info, doc.lex):
        return []  # "Will the ferry still sail on Friday?": a question asserts no happening
    typed = _typed_drafts(doc, info, fronted, order)  # undated ones already left out but for _UNDATED_KINDS
    drafts: list[Draft] = []
    for d in typed:
        if all(not _same_slot(k, d) or _coordinated(doc, k, d) or _distinct_verbs(k, d) for k in drafts):
            drafts.append(d)
    taken = {d.item.date for d in drafts}
    for h in dated_happenings(doc, info, taken):
        tokens_before = info.tokens_within(h.clause[0], h.start)
        occ = Occurrence(h.start, h.end, h.verb, h.verb.lower(), h.kind, h.clause, tokens_before, False)
        draft = _event_draft(doc, info, occ, None, order + len(drafts), h.date)
        value = h.date
        if draft is not None:
            drafts.append(draft)
            taken.add(value)
    return drafts


_CONJUNCTIONS = frozenset({"and", "but", "so", "or"})


def _is_question(info: SentenceInfo, lex: Lexicon) -> bool:
    """A sentence asking a question (tense.yaml `question_openers`), not one that reports one."""
    if not info.sentence.text.endswith("?"):
        return False
    words = [t.lower for t in info.tokens[:2] if t.text[:1].isalpha()]
    if words and words[0] in _CONJUNCTIONS:
        words = words[1:]
    return bool(words) and words[0] in lex.question_openers


def _same_slot(a: Draft, b: Draft) -> bool:
    """Drafts a sentence keeps only one of: same date, and both or neither a statement (a source's report
    of a dated happening is news of its own: "the ministry said Monday the plane had landed")."""
    statement = (a.item.kind == "statement", b.item.kind == "statement")
    return a.item.date == b.item.date and statement[0] == statement[1]


def _distinct_verbs(a: Draft, b: Draft) -> bool:
    """Two verbs of different kinds tell two happenings, even on one date ("has departed ..., the ministry
    said on Wednesday"; "left port and arrived on Monday")."""
    return a.by_verb and b.by_verb and a.item.kind != b.item.kind


def _may_stay_undated(doc: Doc, occ: Occurrence, who: _Actors) -> bool:
    """An undated movement of named actors told with a verb ("X departed for Y") may still be the story; an
    undated noun ("the arrival"), a modal ("may be reached"), an undated statement, meeting ("trade talks")
    or one of the other kinds almost never is a row of its own."""
    if occ.kind not in _UNDATED_KINDS or not who.names or occ.is_noun:
        return False
    tags = doc.lex.trigger_tags.get(occ.trigger, frozenset())
    return told_by_verb(tags, [t.lower for t in occ.tokens_before[-4:]])


_UNDATED_KINDS = frozenset({"departure", "arrival"})


def _coordinated(doc: Doc, a: Draft, b: Draft) -> bool:
    """Two event verbs joined by "and" tell two happenings ("was convicted and sentenced on Friday")."""
    if "statement" in (a.item.kind, b.item.kind) or not (a.trigger and b.trigger):
        return False
    between = doc.text[a.trigger[1] : b.trigger[0]]
    return bool(re.fullmatch(r"\s*(?:,\s*)?and\s+(?:(?:was|were|then|also)\s+)?", between))


def _typed_drafts(doc: Doc, info: SentenceInfo, fronted: str | None, order: int) -> list[Draft]:
    drafts: list[Draft] = []
    timex_spans = [(t.start, t.end) for t, _ in info.timexes]
    first_word = info.tokens[0].start if info.tokens else info.sentence.start
    found: list[tuple[Occurrence, Draft]] = []
    links = _link_lists(info)
    for t_start, t_end, trigger, kind in info.triggers:
        if overlaps(t_start, t_end, info.quotes) or overlaps(t_start, t_end, timex_spans):
            continue
        if links and overlaps(t_start, t_end, links):
            continue  # "Lawmakers spar over actor's testimony | House Dems unveil ...": link texts, no news
        if doc.text[t_start].isupper() and t_start != first_word:
            continue  # "Met Office", "Summit County": part of a name
        if other_sense(doc, kind, t_end, info.sentence.end):
            continue
        occ = _occurrence(doc, info, (t_start, t_end, trigger, kind))
        if _reduced_relative(doc, info, occ):
            continue
        prev = [t.lower for t in occ.tokens_before[-4:]]
        if kind != "statement" and modal_or_negated(prev) and not _reported_plan(info, occ, prev):
            continue  # "would not be vaccinating", "could be charged": no happening (GUIDELINES)
        if kind != "statement" and occ.tokens_before and occ.tokens_before[0].lower in _CONDITIONS:
            continue  # "if funds arrived on Friday": a condition, no happening (GUIDELINES)
        if kind == "statement" and passive_report(occ.trigger, prev, _next_word(doc, occ.end)):
            continue  # "a third case has been reported": no speaker, the report only sources a fact
        if kind == "statement" and counted_participle(occ.trigger, occ.tokens_before):
            continue  # "there were 3,248 cases reported": the participle qualifies the counted noun
        draft = _event_draft(doc, info, occ, fronted, order + len(drafts), remember=True)
        if draft is not None:
            draft.by_verb = _finite(doc, occ, prev)
            found.append((occ, draft))
    # The verb of a clause tells its happening: a noun of another event in the same clause with the same
    # date is its subject, object or background ("the supply ship arrived on Wednesday"). A noun with a
    # date of its own stays ("was detained in May for a January 4 call"); reporting verbs tell a
    # statement of their own and leave the nouns alone ("announced the closure").
    told = {(occ.clause, d.item.date) for occ, d in found if d.by_verb and occ.kind != "statement"}
    for occ, d in found:
        if d.by_verb or occ.kind == "statement" or (occ.clause, d.item.date) not in told:
            d.order = order + len(drafts)
            drafts.append(d)
    return drafts


def _next_word(doc: Doc, pos: int) -> str:
    m = _NEXT_WORD_RE.match(doc.text, pos)
    return m.group(1).lower() if m else ""


_NEXT_WORD_RE = re.compile(r"\s*(\w+)")
_BY_RE = re.compile(r"\s+by\b", re.IGNORECASE)


def _reduced_relative(doc: Doc, info: SentenceInfo, occ: Occurrence) -> bool:
    """A past participle right after a noun and before "by" modifies that noun ("video released by the
    ministry showed ...", "data compiled by the agency"): it tells no happening of the sentence unless a date
    stands in its own stretch, before the verb of the clause ("the programme launched by the government in
    2011")."""
    toks = occ.tokens_before
    if occ.is_noun or not toks or " " in occ.trigger or not _BY_RE.match(doc.text, occ.end):
        return False
    after = [t for t in info.tokens if t.start >= occ.end]
    if not after or after[0].lower != "by":
        return False
    tags = doc.lex.trigger_tags.get(occ.trigger, frozenset())
    if not tags & {"VBN", "VBD"}:
        return False
    prev = toks[-1]
    if prev.lower in AUXILIARIES or prev.lower in _ADVERBS or not prev.text.isalpha():
        return False
    if not (prev.cap or word_tags(prev.lower) & {"NN", "NNS"}):
        return False
    # The stretch of the participle: up to the verb of the clause (a past or present tense after the noun
    # phrase of "by") or the end of the clause.
    stop = occ.clause[1]
    for t in after[2:]:
        if t.start >= stop:
            break
        t_tags = word_tags(t.lower)
        if not t.cap and t_tags & {"VBD", "VBZ", "VBP"} and not t_tags & {"NN", "NNS"}:
            stop = t.start
            break
    return not any(occ.end <= tx.start < stop for tx, _v in info.timexes)


def _finite(doc: Doc, occ: Occurrence, prev: list[str]) -> bool:
    """Whether a trigger is the finite verb of its clause ("arrived", "has departed", "was arrested"), not a
    noun ("the arrival") nor an infinitive that completes another verb ("allowing companies to sell")."""
    if occ.is_noun or not told_by_verb(doc.lex.trigger_tags.get(occ.trigger, frozenset()), prev):
        return False
    before = [w for w in prev if w not in _ADVERBS]
    return not before or before[-1] != "to"


def _link_lists(info: SentenceInfo) -> list[tuple[int, int]]:
    """The parts of a sentence that are a list of headlines run together by "|" (a page's related links
    caught in the text): from the first bar to the last one, and the headline on either side of them."""
    text = info.sentence.text
    if text.count("|") < 2:
        return []
    first, last = text.index("|"), text.rindex("|")
    start = max(text.rfind(c, 0, first) for c in ".!?") + 1
    end = min((i for i in (text.find(c, last) for c in ".!?") if i >= 0), default=len(text))
    base = info.sentence.start
    return [(base + max(start, first - 120), base + min(end, last + 120))]


_CONDITIONS = frozenset({"if", "unless", "whether"})


def _reported_plan(info: SentenceInfo, occ: Occurrence, prev: list[str]) -> bool:
    """"He said it would be provided next year": "would" after a reporting verb is the future of the report,
    a plan with a date of its own clause, not a hypothetical (which an "if" or a negation still makes)."""
    if "would" not in prev or any(w in NEGATIONS for w in prev):
        return False
    if not any(kind == "statement" and end <= occ.start for _s, end, _t, kind in info.triggers):
        return False
    if any(t.lower in _CONDITIONS for t in info.tokens):
        return False
    return any(occ.clause[0] <= tx.start < occ.clause[1] for tx, _v in info.timexes)


def _occurrence(doc: Doc, info: SentenceInfo, found: tuple[int, int, str, str]) -> Occurrence:
    start, end, trigger, kind = found
    clause = clause_of(start, info.clauses)
    tokens_before = info.tokens_within(clause[0], start)
    last = tokens_before[-1].lower if tokens_before else ""
    is_noun = last in DETERMINERS or last in ("'s", "’s") or possessive(last)
    return Occurrence(start, end, doc.text[start:end], trigger, kind, clause, tokens_before, is_noun)


def _event_draft(
    doc: Doc,
    info: SentenceInfo,
    occ: Occurrence,
    fronted: str | None,
    order: int,
    date_of: str | None = None,
    remember: bool = False,
) -> Draft | None:
    """The draft of one trigger (dated `date_of` when given), or None when there is nothing to put on a
    timeline. With `remember`, the actors found are kept for the pronouns of later triggers."""
    who = _actors(doc, info, occ)
    if occ.kind == "statement" and not who.names and date_of is None:
        return None
    in_clause = date_of or _clause_date(doc, info, occ)
    undated = in_clause is None and fronted is None
    if (
        not who.names
        and undated
        and (occ.is_noun or place_after(info, occ.end, occ.clause[1], doc, occ.kind) is None)
    ):
        return None  # "the delivery, which ...", "to meet redemptions": nothing to put on a timeline
    date = in_clause or fronted
    if date is None and not _simple_present(occ) and not _present_statement(occ):
        date = tense_date(occ.tokens_before, occ.trigger, doc, occ.is_noun)
        if date is not None and (_plural_perfect(info, occ) or _relative_aside(doc, occ)):
            date = None
        if date is None and _perfect_object(doc, occ, who):
            date = doc.published.isoformat() if doc.published else None
        if date is None and _reported_result(doc, occ, who):
            date = doc.published.isoformat() if doc.published else None
        if date is None:
            date = _day_of_the_report(doc, info, occ, who)
    if remember:
        _remember_actors(doc, occ.kind, tuple(who.names))
    if date is None and not _may_stay_undated(doc, occ, who):
        return None  # an undated event is no timeline row (see event_drafts): no summary to write
    if occ.kind == "statement":
        location, summary = _statement_text(doc, info, occ, who)
    else:
        location, summary = _event_text(doc, info, occ, who)
    item = Item(
        kind=occ.kind,
        date=date,
        summary=summary,
        evidence=info.sentence.text,
        start=info.sentence.start,
        end=info.sentence.end,
        actors=tuple(who.names),
        location=location,
    )
    return Draft(item, order, specificity(date), who.by_reference, (occ.start, occ.end))


def _day_of_the_report(doc: Doc, info: SentenceInfo, occ: Occurrence, who: _Actors) -> str | None:
    """A happening told in the simple past in a main clause with no date of its own, in a report whose last
    named day is within days of publication, happened that day: the breaking story goes on telling its
    scene ("The fight broke out Tuesday. ... He was arrested a block away."). An announcement
    by a speaker named right before its verb (tense.yaml `announcing_verbs`) is the report's news: that day,
    else the publication date."""
    day = _iso_day(doc.last_day)
    if doc.published is None or occ.is_noun:
        return None
    # Only a speaker named right before the verb announces ("Esper announced"; not "the president", who
    # may be speaking of another day, nor a headline's "outbreak confirmed").
    announcing = (
        occ.kind == "statement"
        and occ.trigger in doc.lex.announcing_verbs
        and who.subject is not None
        and not who.by_reference
        and doc.text[who.subject.end : occ.start].strip() == ""
        and not info.timexes  # a date of the sentence dates it ("Today (Nov. 18), NASA announced")
    )
    if day is None or not 0 <= (doc.published - day).days <= 2:
        if not announcing:
            return None
        day = doc.published  # "Esper announced that ...": the news of the report, dated by it
    if occ.kind == "statement" and not announcing:
        return None
    lex = doc.lex
    clause = [t.lower for t in occ.tokens_before]
    if clause and clause[0] in lex.clause_markers:
        return None  # "after the rebels swapped ...": a subordinate clause sets the background
    if any(w in lex.undating_adverbs for w in clause) or _amount_after(doc, info, occ):
        return None  # "was originally launched"; "rose 0.3%": the clause tells the amount (a figure)
    if _YEAR_RE.search(info.sentence.text):
        return None  # "in the 1967 war": a year, even one read as part of a name, dates the sentence
    helpers = (lex.present_aux | lex.modal_aux | lex.past_aux | _NON_FINITE) - {"was", "were"}
    perfect = any(t.lower in _PERFECT for t in info.tokens if t.end <= occ.start)
    if perfect or any(w in helpers for w in clause):
        return None  # "had, according to X, killed", "will be launched": no simple past
    words = [w for w in clause[-3:] if w not in ADVERB_SKIP]
    first = occ.trigger.split()[0].lower()
    if (words and words[-1] in ("was", "were")) or first in lex.past_verbs or first.endswith("ed"):
        return day.isoformat()
    return None


_NON_FINITE = frozenset({"be", "been", "being", "to"})
_PERFECT = frozenset({"had", "'d"})
_DIGIT_RE = re.compile(r"\d")
_YEAR_RE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _amount_after(doc: Doc, info: SentenceInfo, occ: Occurrence) -> bool:
    """Whether the clause states an amount after the verb ("rose 0.86% to $5,880"; an age is no amount)."""
    if not _DIGIT_RE.search(doc.text, occ.end, occ.clause[1]):
        return False
    base = info.sentence.start
    return any(
        occ.end <= base + f.start < occ.clause[1] for f in find_figures(info.sentence.text, doc.lex)
    )


def _iso_day(value: str | None) -> dt.date | None:
    if value is None or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


# "postponed from Tuesday to Friday", "pushed the vote back until March": a few words, no clause break.
_MOVED_TO_RE = re.compile(r"[^,;.!?]{0,60}?(?<![\w-])(?:to|until|till)\s+\Z", re.IGNORECASE)


def _new_date(doc: Doc, info: SentenceInfo, occ: Occurrence) -> str | None:
    """"The vote was postponed from Tuesday to Friday": the moving, and the vote moved, date by the date it
    is moved to (tense.yaml `rescheduling_verbs`)."""
    if not info.timexes:
        return None
    for tok in info.tokens:
        if not occ.clause[0] <= tok.start < occ.clause[1] or tok.lower not in doc.lex.rescheduling_verbs:
            continue
        for tx, value in info.timexes:
            if tx.start >= tok.end and _MOVED_TO_RE.fullmatch(doc.text, tok.end, tx.start):
                return value
    return None


def _clause_date(doc: Doc, info: SentenceInfo, occ: Occurrence) -> str | None:
    """The date of the trigger's clause (timex_in), leaving out dates that do not say when it happened: for a
    noun, a "since" date before it, which tells how long something else has lasted ("its worst run since
    early August amid worsening protests"); for a verb, a possessive date, which dates its own noun
    ("decided to weigh in on Thursday's fight on Monday")."""
    if any(tx.value == "PRESENT_REF" for tx, _v in info.timexes):
        # "have now been released": "now" tells the tense, not a date; the tense rules date it (or not).
        info = dataclasses.replace(info, timexes=[x for x in info.timexes if x[0].value != "PRESENT_REF"])
    new_date = _new_date(doc, info, occ)
    if new_date is not None:
        return new_date
    sentence = info.sentence.text
    if "since" not in sentence and "'s" not in sentence and "\u2019s" not in sentence:
        return timex_in(occ.clause, info, occ.start)  # the common case: nothing to leave out
    text = doc.text
    marked = [
        (tx, v)
        for tx, v in info.timexes
        if text[tx.end : tx.end + 2] in _POSSESSIVE_S or "since" in text[max(0, tx.start - 16) : tx.start]
    ]
    if not marked:  # the common case: nothing to leave out
        return timex_in(occ.clause, info, occ.start)
    tags = doc.lex.trigger_tags.get(occ.trigger, frozenset())
    verbal = not occ.is_noun and told_by_verb(tags, [t.lower for t in occ.tokens_before[-4:]])
    noun = occ.is_noun or bool(tags & {"NN", "NNS"})  # "amid worsening protests" may be a noun
    drop = []
    for tx, v in marked:
        possessive_date = text[tx.end : tx.end + 2] in _POSSESSIVE_S
        if (
            occ.is_noun
            and possessive_date
            and tx.end < occ.start
            and _OWN_DATE_RE.match(text, tx.end, occ.start)
        ):
            return v  # "Thursday's fight on Monday": the fight was on Thursday
        if possessive_date and tx.start >= occ.end:
            drop.append((tx, v))  # "to clinch the title for last year's runner-up": it dates its own noun
            continue
        if tx.start >= occ.end and first_since(text, occ.end, tx.start):
            drop.append((tx, v))  # "its first win since 2011": when the last one was, not this one
            continue
        if (verbal and possessive_date) or (
            noun and tx.end <= occ.start and SINCE_BEFORE_RE.search(text, max(0, tx.start - 16), tx.start)
        ):
            drop.append((tx, v))
    if not drop:
        return timex_in(occ.clause, info, occ.start)
    kept = [x for x in info.timexes if x not in drop]
    return timex_in(occ.clause, dataclasses.replace(info, timexes=kept), occ.start)


_POSSESSIVE_S = ("'s", "\u2019s")


_OWN_DATE_RE = re.compile(r"['\u2019]s(?:\s+[a-z]+){0,2}\s+\Z")


def _plural_perfect(info: SentenceInfo, occ: Occurrence) -> bool:
    """An event told in the present perfect of a plural subject with no date of its own ("health care
    providers have protested", "the doctors have offered to help") sums up what a group has been doing:
    background, not news of the publication day (a single actor's "has bought" is), unless a source
    reports it after it ("authorities have evacuated 3,500 residents, the fire service said"). Statements
    are news either way ("leaders have denied the claims")."""
    if occ.kind == "statement":
        return False
    if any(kind == "statement" and start > occ.end for start, _e, _t, kind in info.triggers):
        return False
    words = [t.lower for t in occ.tokens_before[-4:] if t.lower not in _ADVERBS]
    return "have" in words[-3:]


def _perfect_object(doc: Doc, occ: Occurrence, who: _Actors) -> bool:
    """An event noun that is the object of a named subject's present perfect ("X has agreed a deal",
    "Y has signed a contract") tells news of the publication day, as the verb alone would ("has bought")."""
    if not occ.is_noun or who.subject is None or who.by_reference:
        return False
    words = [t.lower for t in occ.tokens_before if t.start >= who.subject.end]
    # subject, "has", a past participle, a determiner: nothing else between the subject and the noun
    if len(words) != 3 or words[0] not in ("has", "have") or words[2] not in ("a", "an", "the"):
        return False
    return "VBN" in word_tags(words[1]) and words[1] not in AUXILIARIES


def _reported_result(doc: Doc, occ: Occurrence, who: _Actors) -> bool:
    """A result told in the plain past by its named winner or loser with no date of its own ("Norland beat
    Vesta 2-1", "the Otters lost to the Hawks") is the news a report gives of its day: the publication date
    dates it (a result of an earlier day carries its date: "beat Vesta on Monday", "had lost to")."""
    if occ.kind != "result" or occ.is_noun or who.subject is None or who.by_reference:
        return False
    before = [t.lower for t in occ.tokens_before if t.lower not in _ADVERBS and not t.lower.endswith("ly")]
    if before and before[-1] in AUXILIARIES:
        return False
    if occ.tokens_before and occ.tokens_before[0].lower in _SUBORDINATORS:
        return False  # "..., while X defeated Y": background to the clause it hangs on
    gap = doc.text[who.subject.end : occ.start].split()
    if any(w not in _ADVERBS and w not in _TIME_ADVERBS and not w.endswith("ly") for w in gap):
        return False  # the subject right before the verb: "X, who ..., beat" tells background
    first = occ.trigger.split()[0]
    return "VBD" in word_tags(first) and first not in doc.lex.present_verbs


_TIME_ADVERBS = frozenset({"then", "again", "earlier", "later"})
_SUBORDINATORS = frozenset(
    {"while", "whereas", "after", "before", "when", "as", "since", "until", "because", "although", "if"}
)


def _relative_aside(doc: Doc, occ: Occurrence) -> bool:
    """A trigger in a relative clause set off as an aside (", which has rejected ...", "- who has long
    criticised ...") with no date of its own describes its noun: background, not news of the publication
    day."""
    first = occ.tokens_before[0] if occ.tokens_before else None
    if first is None or first.lower not in ("which", "who"):
        return False
    before = doc.text[max(0, first.start - 3) : first.start].strip()
    return before[-1:] in (",", "-", "\u2013", "\u2014", "(")


def _simple_present(occ: Occurrence) -> bool:
    """A bare present tense of an event verb ("hosts", "ships") tells a habit, not a happening of today;
    only a reporting verb ("says") reports today."""
    if occ.kind == "statement" or occ.is_noun:
        return False
    last = occ.tokens_before[-1].lower if occ.tokens_before else ""
    return last not in AUXILIARIES and occ.trigger.split()[0].endswith("s")


def _present_statement(occ: Occurrence) -> bool:
    """A statement told by a bare present verb ("the president says his approach works", "Jones tells
    a story") with no date of its own: a standing view or a headline teaser, not news of the publication
    day. The publication date does not date it (and so it is no row)."""
    if occ.kind != "statement" or occ.is_noun:
        return False
    before = [t.lower for t in occ.tokens_before if t.lower not in _ADVERBS]
    last = before[-1] if before else ""
    first = occ.trigger.split()[0]
    return last not in AUXILIARIES and first.endswith("s") and not first.endswith(("ss", "us", "is"))


_ADVERBS = frozenset({"also", "now", "still", "often", "repeatedly", "again", "already", "even", "just"})


def _actors(doc: Doc, info: SentenceInfo, occ: Occurrence) -> _Actors:
    """The subject before the trigger, else a resolved reference; for calls and meetings (and kinds the
    lexicon does not know, and deliveries) also the names after it."""
    kind, clause = occ.kind, occ.clause
    ent = subject_of(info, occ.start, clause, doc, kind == "statement")
    actors: list[str] = []
    by_reference = False
    if ent is not None:
        actors.extend(actor_name(e, kind == "statement") for e in coordinated(info, ent, doc))
        actors.append(actor_name(ent, kind == "statement"))
    else:
        ref = resolve_reference(info, occ.start, clause, doc, kind)
        if ref:
            actors.append(ref)
            by_reference = True
        elif kind == "statement":
            # "..., said by X" or "..., said X": the speaker follows the verb.
            after = [e for e in info.entities if occ.end <= e.start < clause[1] and not e.modifier]
            if after and doc.text[occ.end : after[0].start].strip().lower() in ("", "by"):
                actors.append(actor_name(after[0], True))
        else:
            dem = [
                e
                for e in info.entities
                if clause[0] <= e.start and e.end <= occ.start and e.kind == "demonym"
            ]
            if dem:
                actors.append(dem[-1].name)
    if kind in ("call", "meeting") or kind not in doc.lex.kinds or kind == "delivery":
        for e in info.entities:
            if occ.end <= e.start < clause[1] and not e.modifier and e.kind in ("person", "org", "name"):
                name = actor_name(e, False)
                if name not in actors:
                    actors.append(name)
    return _Actors(ent, actors, by_reference)


def _statement_text(doc: Doc, info: SentenceInfo, occ: Occurrence, who: _Actors) -> tuple[str | None, str]:
    """(place, summary) of a statement: the speaker's place and what was said, from the speaker on."""
    ent = who.subject
    location = speaker_place(info, ent, doc)
    lead = ent.start if ent is not None else occ.start
    body = doc.text[lead : info.sentence.end]
    summary = f"{label(occ.kind)}: {cap(clean_clause(body), 18)}"
    if ent is None and who.names:
        summary = f"{label(occ.kind)}: {who.names[0]} {cap(clean_clause(body), 18)}"
    return location, summary


def _event_text(doc: Doc, info: SentenceInfo, occ: Occurrence, who: _Actors) -> tuple[str | None, str]:
    """(place, summary) of another event: the place after the trigger and its clause, told with the actor."""
    actors, ent, clause = who.names, who.subject, occ.clause
    location = place_after(info, occ.end, clause[1], doc, occ.kind)
    if location in actors:
        location = None
    text_from = clause[0]
    if ent is not None and ent.start < clause[0]:
        text_from = ent.start
    clause_text = doc.text[text_from : clause[1]]
    clause_text = _without_auxiliary(clause_text, occ.surface)
    if who.by_reference:
        clause_text = re.sub(r"^\W*(?:he|she|it|they)\b", actors[0], clause_text, flags=re.IGNORECASE)
    summary = event_summary(occ.kind, tuple(actors), occ.trigger, clean_clause(clause_text), occ.is_noun)
    return location, summary


_AUXILIARY_RE = re.compile(r"\b(?:has|have|had)\s+")


def _without_auxiliary(text: str, verb: str) -> str:
    """`text` without the "has"/"have"/"had" right before `verb` ("has left" -> "left")."""
    if verb not in text:
        return text
    return _AUXILIARY_RE.sub(lambda m: "" if text.startswith(verb, m.end()) else m.group(0), text)


def _remember_actors(doc: Doc, kind: str, actors: tuple[str, ...]) -> None:
    """Keep the last person and speaker named in full, for the pronouns of later triggers."""
    if not actors:
        return
    surnames = set(doc.surname.values())
    countries = _countries(doc.lex)
    for a in actors:
        if " " in a and a not in countries:
            doc.last_person = a if a in surnames else doc.last_person
    if kind == "statement" and actors[0] in surnames:
        doc.last_speaker = actors[0]


@lru_cache(maxsize=8)
def _countries(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.country_of.values())
