"""When a figure holds: the as-of date of a statistic read in a sentence (monitor.extract.items.figure_items).

In order: a date right after the figure or in its clause, a fronted or attributed date, a date elsewhere in
the sentence, the tense (a running count in the present holds on the publication day), the scene the
paragraph is telling, and last the publication date; and the cases that date nothing (a habit, a rate,
history, a change over a span the text does not give).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from monitor.extract.items.dating import (
    DAY_TYPES,
    a_later_nouns_date,
    after_publication,
    clock_scene_day,
    comparison_base,
    date_value,
    ends_after_publication,
    in_a_later_clause_of_its_own,
    range_end,
    scene_day,
    value_baseline,
)
from monitor.extract.items.document import (
    DETERMINERS,
    PERFECT_AUX,
    POSSESSIVE_S,
    Doc,
    SentenceInfo,
    Tok,
    clause_of,
    in_spans,
)
from monitor.extract.items.figure_data import extremes_own_date, span_to_now, years_extreme
from monitor.extract.items.figure_filters import timeline_words
from monitor.extract.items.figure_now import (
    RELATIVES,
    bracket_asides,
    dashed_asides,
    holds_now,
    of_the_session,
    plural_noun,
    timeless,
)
from monitor.extract.items.subject_asides import in_the_subject_s_aside
from monitor.extract.items.triggers import AUXILIARIES, SINCE_BEFORE_RE, finite_verb, plural_present
from monitor.extract.items.unreal import CONDITIONS
from monitor.extract.lexicon import Lexicon
from monitor.extract.timex import Timex
from monitor.extract.wordforms import NOUN_TAGS, PAST_TAGS, word_tags

_THIRD_PERSON = frozenset({"VBZ"})


def _figure_tense(info: SentenceInfo, f_start: int, doc: Doc) -> str | None:
    lex = doc.lex
    if doc.published is None:
        return None
    toks = [t for t in info.tokens if t.end <= f_start and not in_spans(t.start, t.end, info.quotes)]
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        w = t.lower
        if w in lex.undating_adverbs:
            return None
        if lex.present_adverbs_re.fullmatch(w):
            return doc.published.isoformat()
        nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
        if plural_noun(w, nxt):
            continue
        # "continues", "wants": a verb of the present by its form alone ("signals", "plans" may be nouns)
        present_form = w.endswith("s") and word_tags(w) == _THIRD_PERSON
        is_verb = (
            present_form
            or w in lex.present_verbs
            or w in lex.past_verbs
            or w in lex.present_aux
            or w in lex.past_aux
            or w in lex.modal_aux - {"to"}
            or (
                w.endswith("ed")
                and (nxt == "" or nxt in lex.qualifier_of or nxt in DETERMINERS or nxt[:1].isdigit())
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
        if w in lex.present_aux or w in lex.present_verbs or present_form:
            return doc.published.isoformat()
        return None
    if lex.present_adverbs_re.search(info.sentence.text):
        return doc.published.isoformat()
    # ("voted against Deonarine's amendment": after a name, "'s" is its possessive more often than "is")
    after = _past_an_aside([t for t in info.tokens if t.start >= f_start and t.lower not in POSSESSIVE_S])[:8]
    for t in after:
        if t.lower in lex.present_aux:
            return doc.published.isoformat()
        if t.lower in lex.past_aux or t.lower in lex.past_verbs or t.lower in lex.modal_aux - {"to"}:
            return None
    return None


def _past_an_aside(tokens: list[Tok]) -> list[Tok]:
    """The words less the first aside set off by a pair of dashes ("An estimated 60 million Americans - about
    20 percent of the nation's population - have passports": the verb comes after it)."""
    dashes = [i for i, t in enumerate(tokens) if t.text in _ASIDE_DASHES]
    return tokens[: dashes[0]] + tokens[dashes[1] + 1 :] if len(dashes) >= 2 else tokens


_ASIDE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _sentence_date(doc: Doc, info: SentenceInfo, start: int, end: int) -> str | None:
    """The date nearest the figure anywhere in its sentence ("In a Nov. 5 letter, they offered 100 doses";
    "964 people had it, the survey found in 2017"): a figure is a state at one time, and a sentence that
    gives a date for it gives one. A date yet to come is not that of a figure told in a clause of what came
    before ("promised a referendum next year after delegates voted 89-52")."""
    own = clause_of(start, info.clauses)
    first = next((t.lower for t in info.tokens if t.start >= own[0]), "")
    # "after delegates voted 89-52": told as what came before; "If 30 members back the plan ...": a
    # condition, whose consequence's day ("the club could move by the 2023 season") is not its own
    background = first in _BACKGROUND_OPENERS or first in CONDITIONS
    # "the blast that killed at least 21 people", told beside "who is due to visit Egypt April 28-29": a
    # figure of the past takes no other clause's day to come
    past = background or _told_in_the_past(doc, info, own)
    dated = [
        (tx.type != "DATE", abs(tx.start - start), value)  # a day beats a time of day ("overnight")
        for tx, value in info.timexes
        if tx.type in DAY_TYPES and value and not _opens_span(info, tx.start) and tx.start not in info.bound
        and not (past and not own[0] <= tx.start < own[1] and after_publication(value, doc.published))
        # "dropped 0.5 percent after industrial production in October fell": the later clause's happening's
        and not _past_a_later_opener(info, own[1], tx.start)
        and not years_extreme(doc.text, tx.end, value) and not extremes_own_date(doc.text, tx.start)
        and not (not own[0] <= tx.start < own[1] and _in_a_reduced_relative(info, tx.start)
                 and not _relative_right_after(doc, own, first, tx.end))
        and not a_later_nouns_date(doc, own, start, tx)
        and not _in_a_relative_of_another_noun(doc, info, own, end, tx.start)
        and not in_the_subject_s_aside(doc, info, tx.start, start)
        and not _in_brackets_apart(info, tx.start, start)
    ]
    return min(dated)[2] if dated else None


def _in_brackets_apart(info: SentenceInfo, pos: int, figure_at: int) -> bool:
    """Whether `pos` lies in brackets or between dashes that do not hold the figure ("$30 a month (a cheaper
    pass is due next year)"): an aside of its own, whose dates are its own."""
    asides = [*bracket_asides(info), *dashed_asides(info)]
    return any(a <= pos < b and not a <= figure_at < b for a, b in asides)


def _past_a_later_opener(info: SentenceInfo, own_end: int, pos: int) -> bool:
    """Whether `pos` lies in or past a clause after the figure's that "after", "before" or "until" opens
    ("limits any holding to 15%, until the restriction expires on Dec. 31, 1990"; "dropped 0.5
    percent after industrial production in October fell", "dropped 12.9% in Zurich after an analyst predicted
    the bank will post a third-quarter loss"): the date is of that clause's happening, told as background."""
    return any(in_a_later_clause_of_its_own(info, own_end, start, _LATER_OPENERS)
               for start, _end in info.clauses if own_end <= start <= pos)


def _relative_right_after(doc: Doc, own: tuple[int, int], first: str, date_end: int) -> bool:
    """Whether the figure's clause is a relative right after the date ("in an attack on the town on Tuesday
    that killed at least 86 people"): it tells the happening the date's phrase names."""
    return first in ("that", "which") and date_end <= own[0] and not doc.text[date_end : own[0]].strip()


def _told_in_the_past(doc: Doc, info: SentenceInfo, clause: tuple[int, int]) -> bool:
    """Whether a clause's verb is in the simple past ("that killed at least 21 people", "were wounded")."""
    lex = doc.lex
    words = [t.lower for t in info.tokens if clause[0] <= t.start < clause[1] and t.text.isalpha()]
    if any(w in lex.modal_aux or w in lex.present_aux for w in words):
        return False
    return _a_past_verb(lex, words)


def _a_past_verb(lex: Lexicon, words: list[str]) -> bool:
    """Whether the words hold a verb in the simple past ("was", "killed", "fell")."""
    return any(w in lex.past_verbs or w in ("was", "were") or _past_form(w) for w in words)


def _past_form(word: str) -> bool:
    """A verb's simple past by its form: "killed", or one whose every reading is a past ("blew", "took")."""
    tags = word_tags(word)
    return "VBD" in tags and (word.endswith("ed") or tags <= {"VBD", "VBN"})


def _in_a_reduced_relative(info: SentenceInfo, pos: int) -> bool:
    """Whether the date at `pos` dates a participle that describes a noun after its clause's verb ("The five
    companies join nine others selected by the agency in November 2018, bringing the total to 14"): the
    others' selection, not a figure of another clause."""
    clause = clause_of(pos, info.clauses)
    toks = [t for t in info.tokens_within(clause[0], pos) if t.text.isalpha()]
    words = [t.lower for t in toks]
    for j in range(2, len(toks)):
        tags = word_tags(words[j])
        if toks[j].cap or not tags or not tags <= PAST_TAGS or not word_tags(words[j - 1]) & NOUN_TAGS:
            continue
        if words[j - 1] in AUXILIARIES:
            continue  # "were selected": the clause's own verb
        # a verb of the clause before the noun: the participle cannot be the clause's own verb
        if any(not toks[k].cap and (finite_verb(word_tags(words[k]), words[max(0, k - 3) : k])
                                    or plural_present(words[k], words[:k]))
               for k in range(1, j - 1)):
            return True
    return False


def _in_a_relative_of_another_noun(
    doc: Doc, info: SentenceInfo, own: tuple[int, int], end: int, pos: int
) -> bool:
    """Whether `pos` lies in a later relative clause with a verb of its own that describes a noun other than
    the figure's ("authorizes $19.5 billion in spending ... for the budget year that began Oct. 1"): the date
    is that noun's; a relative right after the figure's phrase or its noun may tell its happening ("1,000
    workers who were laid off on Monday")."""
    # (the relative may run on past a phrase or a quote to the date: "the shop's range, which won a prize
    # after the success of "Lumo" last summer")
    for start, _end in info.clauses:
        if not own[1] <= start <= pos:
            continue
        between = doc.text[end:start]
        if "," not in between and len(_WORDS_RE.findall(between)) <= 1:
            continue  # "a 15 percent tariff that the administration had planned to impose Dec. 15": its noun
        if in_a_later_clause_of_its_own(info, own[1], start, RELATIVES):
            return True
    return False


_BACKGROUND_OPENERS = frozenset({"after", "when", "since", "because", "as"})
_LATER_OPENERS = frozenset({"after", "before", "until"})
# (a qualifier after the value first: "peak at 11 percent or higher by the middle of 2010")
_RIGHT_AFTER_RE = re.compile(r"\s*(?:or\s+(?:higher|more|less|lower|above|below|so)\s*)?(?:,\s*)?"
                             r"(?:by|in|on|as of|at the end of|until|through)?\s*", re.IGNORECASE)


def date_right_after(info: SentenceInfo, end: int, lex: Lexicon) -> str | None:
    """The date that directly follows the figure ("to $0.10 by 2030", "3,248 cases in 2015"): it is the
    figure's own, even when another date of its clause stands as near before it ("$0.23 today")."""
    text = info.sentence.text
    for tx, value in info.timexes:
        if tx.type == "DATE" and tx.start >= end:
            gap = text[end - info.sentence.start : tx.start - info.sentence.start]
            return _same_period_earlier(info, tx, value, lex) if _RIGHT_AFTER_RE.fullmatch(gap) else None
    return None


def without_periods_to_come(doc: Doc, info: SentenceInfo) -> SentenceInfo:
    """The sentence without the dates that end a period still to come ("plans to spend $2.6 billion on its
    contracts through November 2028", "through year end" told before the year's end): what a plan covers,
    not when its figure holds, which is when the plan is told (GUIDELINES: "a plan announced today dates
    today")."""
    ends = [(tx, v) for tx, v in info.timexes if ends_after_publication(v, doc.published)
            and _THROUGH_RE.search(doc.text, max(0, tx.start - 10), tx.start)]
    return dataclasses.replace(info, timexes=[x for x in info.timexes if x not in ends]) if ends else info


_THROUGH_RE = re.compile(r"\b(?:through|thru)\s+\Z", re.IGNORECASE)


def results_period(doc: Doc, info: SentenceInfo) -> str | None:
    """The year of a sentence that reports results over a span of months so far ("In the first nine months,
    the line earned $6.6 million"; tense.yaml `results_period_preps`): the year of the quarter last ended
    before publication, which such reports follow by a few weeks."""
    if doc.published is None:
        return None
    for tx in doc.timexes_in(info.sentence.start, info.sentence.end):
        if tx.type != "DURATION" or not _MONTHS_SO_FAR_RE.fullmatch(tx.value):
            continue
        if not _SO_FAR_TEXT_RE.fullmatch(tx.text):
            continue  # "over the past three months": a window that ends now, not a part of the year
        before = _WORD_BEFORE_RE.search(doc.text, max(0, tx.start - 12), tx.start)
        if before and before.group(1).lower() in doc.lex.results_period_preps:
            return str((doc.published - dt.timedelta(days=_REPORTING_LAG_DAYS)).year)
    return None


_MONTHS_SO_FAR_RE = re.compile(r"P(?:3|6|9)M")
_SO_FAR_TEXT_RE = re.compile(r"the\s+(?:first\s+|latest\s+)?\w+\s+months", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+\Z")
_REPORTING_LAG_DAYS = 45  # results for a period ended Dec. 31 come out in January and February


_YEARS_EARLIER_RE = re.compile(r"(?P<n>a|an|\d+|[a-z]+)\s+years?\s+(?:ago|earlier|before)\Z", re.IGNORECASE)
_PERIOD_RE = re.compile(r"(\d{4})(-(?:\d{2}|Q\d|H\d))\Z")


def _same_period_earlier(info: SentenceInfo, tx: Timex, value: str, lex: Lexicon) -> str:
    """"$39,014 in October, up from $38,373 a year ago": a year before the month the sentence speaks of,
    2018-10, not the year 2018."""
    m = _YEARS_EARLIER_RE.match(tx.text)
    if m is None or not value.isdigit():
        return value
    n = m.group("n").lower()
    years = 1 if n in ("a", "an") else int(n) if n.isdigit() else lex.number_words.get(n)
    if not years:
        return value
    for other, other_value in info.timexes:
        period = _PERIOD_RE.match(other_value)
        if other is not tx and period and int(period.group(1)) - years == int(value):
            return value + period.group(2)
    return value


def _about_a_plan(info: SentenceInfo) -> bool:
    """Whether the sentence speaks of a plan or its targets ("The plan includes cutting emissions by 90%")."""
    nouns = timeline_words("plan_nouns")
    return any(t.lower in nouns for t in info.tokens if not in_spans(t.start, t.end, info.quotes))


def _opens_span(info: SentenceInfo, pos: int) -> bool:
    """Whether the date at pos is in a "since ..." clause or right after a "from" with no end: the start of a
    span ("has led since he joined in 2003, with 11.1 a game"), not the time of a figure in another clause."""
    clause = clause_of(pos, info.clauses)
    first = next((t.lower for t in info.tokens if t.start >= clause[0]), "")
    if first == "since":
        return True
    # "with shipments from autumn 2021": a start with no end, when something else begins
    before = [t for t in info.tokens if t.end <= pos][-1:]
    after = [t.lower for t in info.tokens if t.start > pos][:4]
    return bool(before) and before[0].lower == "from" and not {"to", "until", "through", "till"} & set(after)


def _context_date(doc: Doc, info: SentenceInfo, whole_text: bool = False) -> str | None:
    """The last date stated earlier in the same paragraph (`whole_text`: anywhere before): the text continues
    that scene ("On Tuesday the index fell. It closed 2% down." -> Tuesday)."""
    line_start = 0 if whole_text else doc.text.rfind("\n", 0, info.sentence.start) + 1
    for tx in reversed(doc.timexes_in(line_start, info.sentence.start)):  # not the whole document's
        if tx.type not in DAY_TYPES:
            continue
        if in_spans(tx.start, tx.end, doc.quotes_in(tx.start, tx.end)) or range_end(doc.text, tx):
            continue
        if (comparison_base(doc.text, tx, doc.lex) or value_baseline(doc.text, tx, doc.lex)
                or span_to_now(doc.text, tx.start) or extremes_own_date(doc.text, tx.start)):
            continue
        if SINCE_BEFORE_RE.search(doc.text, max(0, tx.start - 16), tx.start):
            continue  # "its worst week since the spring of 2011. The index fell 3%": a span's start, no scene
        if doc.text[tx.end : tx.end + 2] in POSSESSIVE_S:
            continue  # "in the aftermath of Sunday's referendum": the referendum's day, no scene to go on
        value = date_value(tx, doc.published)
        if value and after_publication(value, doc.published):
            continue  # "... the session that opens in September. 9,000 signed up": not September's
        if value:
            return value
    return None


def as_of(
    doc: Doc, info: SentenceInfo, span: tuple[int, int], dates: tuple[str | None, ...], number_at: int,
    over_a_span: bool,
) -> str | None:
    """The date a figure holds for: the dates already found (its clause's, a fronted one, the attribution's)
    first, then a date elsewhere in its sentence, the tense (a running count in the present holds today), a
    date earlier in the paragraph, and last the publication date (an undated news figure is news of the day),
    but for a sentence telling a change from one value to another (`over_a_span`), which dates none; `span`
    is the figure's phrase.
    """
    start, end = span
    for date in dates:
        if date:
            return date
    if noun_date := _its_nouns_date(doc, info, number_at):
        return noun_date
    if timeless(doc, info, number_at):
        return None
    if _background_deal(doc, info, number_at):
        return _context_date(doc, info)  # the paragraph's scene, else none: not the publication day
    today = holds_now(doc, info, number_at) or of_the_session(doc, info, number_at)
    if doc.published is not None and today:
        return doc.published.isoformat()
    # A count its clause gives in the present perfect or by "has" holds now, whatever another clause dates.
    date = (clock_scene_day(doc, info) or _perfect_now(doc, info, start)
            or _sentence_date(doc, info, start, end))
    date = date or _results_period(doc, info, start)
    if not date and doc.lex.anaphoric_openers_re.match(info.sentence.text):
        # "At the time, Denmark was recording a rate of 65.2": the last date named before, wherever it was
        date = _context_date(doc, info, whole_text=True)
    if not date and _about_a_plan(info):
        # A plan's targets date by the plan: "The plan, presented this week, ... The plan cuts dust by 90%."
        date = _context_date(doc, info)
    date = (date or _past_decade(doc, info, clause_of(start, info.clauses)) or _figure_tense(info, start, doc)
            or _context_date(doc, info))
    if date or doc.published is None:
        return date
    # The past perfect puts the figure before the story's time, at no stated date ("he had paid $5,000").
    clause = clause_of(start, info.clauses)
    had = next((t for t in info.tokens if clause[0] <= t.start < start and t.lower == "had"), None)
    if had is not None and not _reported_past_perfect(doc, info, had.start):
        return None
    scene = _scene_past(doc, info, clause)
    if scene is None and over_a_span and doc.paragraph_start(start) >= 0:
        # "Gross federal debt increased from 60 percent to 75 percent of nominal GDP": past the lede, a change
        # over a span the text does not give, no state of the publication day (the lede's is its news).
        return None
    return scene or doc.published.isoformat()


def _past_decade(doc: Doc, info: SentenceInfo, clause: tuple[int, int]) -> str | None:
    """A decade wholly past that the figure's clause names, else the paragraph's last date before the
    sentence when that is one, for a figure its clause tells in the past ("the study counted 241 harbour
    deaths in the 1990s", then "There were 287 inquests during that time"): TIMEX3's "199". Only a figure's:
    a decade sets the background of a story, no day of its happenings, and the readers of events take none."""
    if doc.published is None or not _told_in_the_past(doc, info, clause):
        return None
    line_start = doc.text.rfind("\n", 0, info.sentence.start) + 1
    for tx in reversed(doc.timexes_in(line_start, info.sentence.end)):
        if tx.type not in DAY_TYPES or in_spans(tx.start, tx.end, doc.quotes_in(tx.start, tx.end)):
            continue
        value = tx.value or ""
        own = tx.start < info.sentence.start or clause[0] <= tx.start < clause[1]  # (not another clause's)
        if own and _DECADE_RE.fullmatch(value) and int(value) * 10 + 9 < doc.published.year:
            return value
        if tx.start < info.sentence.start:
            return None  # the paragraph's last date before the sentence is no decade
    return None


_DECADE_RE = re.compile(r"\d{3}")


def _reported_past_perfect(doc: Doc, info: SentenceInfo, had_at: int) -> bool:
    """Whether a past perfect is a count a speaker reported ("police said four people had been killed", "the
    firm said it had sold a million"): its time is the report's. A person's own past told ("he said he had
    paid $5,000") keeps its earlier, unstated time."""
    before = [t.lower for t in info.tokens if t.start < had_at]
    if before and before[-1] in doc.lex.person_pronouns:
        return False
    return any(kind == "statement" and end <= had_at and not text.lower().endswith(("s", "ing"))
               for _start, end, text, kind in info.triggers)


def _its_nouns_date(doc: Doc, info: SentenceInfo, number_at: int) -> str | None:
    """The date of the noun that a relative clause in the past describes, for a figure of that clause ("since
    the Dec. 14 shootings at a school in which 20 first-graders were killed", "its 2015 launch, which drew 3
    million users"): the figure is that happening's, whatever the clause before dates by its own tense."""
    own = clause_of(number_at, info.clauses)
    words = [t.lower for t in info.tokens_within(own[0], own[1]) if t.text.isalpha()]
    lex = doc.lex
    if not words or words[0] not in _RELATIVE_OPENERS:
        return None
    if any(w in lex.modal_aux or w in lex.present_aux for w in words) or not any(
            w in ("was", "were") or w in lex.past_verbs or "VBD" in word_tags(w) for w in words[1:]):
        return None
    before = [(tx, v) for tx, v in info.timexes
              if tx.type in DAY_TYPES and v and tx.end <= own[0] and own[0] - tx.end <= _NOUN_REACH]
    if not before:
        return None
    tx, value = before[-1]
    between = _WORDS_RE.findall(doc.text[tx.end : own[0]])
    # the date right before its noun: "the Dec. 14 shootings", not "on Dec. 14 at a school where ..."
    if not between or between[0][:1].isupper() or not word_tags(between[0].lower()) & NOUN_TAGS:
        return None
    return None if after_publication(value, doc.published) else value


_NOUN_REACH = 80  # characters from a noun's date to the relative clause that describes it
_RELATIVE_OPENERS = frozenset({"which", "who", "whom", "whose", "that", "where"})


def _results_period(doc: Doc, info: SentenceInfo, start: int) -> str | None:
    """The quarter or month a report of results named last, for a result its sentence tells in the past
    with no date of its own ("At GMAC, net dropped 3.1% to $234.5 million", after "net income fell 22% in
    the third quarter"): a result for a quarter or a month dates that period (tense.yaml `results_nouns`:
    "sold 90,000 units", after "its May sales"); and so the month of a month's economic data for an
    indicator's figure ("its jobless rate jumped to 9.7 percent", "shed 4,100 jobs", after "lost jobs last
    month": `indicator_nouns`). The noun may stand anywhere in the clause, the past verb before the figure."""
    clause = clause_of(start, info.clauses)
    words = [t.lower for t in info.tokens if clause[0] <= t.start < start]
    whole = [t.lower for t in info.tokens if clause[0] <= t.start < clause[1]]  # "shed 4,100 jobs"
    lex = doc.lex
    nouns = (lex.results_nouns if any(w in lex.results_nouns for w in whole)
             else lex.indicator_nouns if any(w in lex.indicator_nouns for w in whole)
             or _an_indicators_head(doc, clause[0], whole) else None)
    if nouns is None:
        return None
    if not any("VBD" in word_tags(w) and w not in AUXILIARIES for w in words) or any(
            w in lex.present_aux and w not in POSSESSIVE_S for w in words):
        return None  # "revenue is expected to rise 5%": no result yet; "has started": a state of now
    period = _RESULTS_PERIOD_RE if nouns is lex.results_nouns else _MONTH_RE
    # the period of the report's results, named with them ("net income fell 22% in the third quarter"; not a
    # game's "In the second quarter, the Hawks led"), not a baseline's ("from $70.1 million a year ago")
    named = [tx.value for tx in doc.timexes_in(0, info.sentence.start) if period.fullmatch(tx.value)
             and _named_with(doc, tx, nouns)
             and not comparison_base(doc.text, tx, doc.lex) and not value_baseline(doc.text, tx, doc.lex)]
    return named[-1] if named else None


def _an_indicators_head(doc: Doc, clause_start: int, words: list[str]) -> bool:
    """Whether the clause names the noun an indicator modified earlier in its paragraph, on its own ("The
    jobless rate for harbour workers rose to 9.2 percent; the rate for miners fell to 4.4 percent"): the same
    indicator, told again without the word that says which."""
    before = doc.text[max(0, doc.paragraph_start(clause_start)) : clause_start]
    heads = {m.group(2).lower() for m in _MODIFIED_RE.finditer(before)
             if m.group(1).lower() in doc.lex.indicator_nouns}
    return bool(heads & set(words))


# a word and the next (a lookahead, so that "The jobless rate" gives "jobless rate" too)
_MODIFIED_RE = re.compile(r"\b([A-Za-z]+)\s+(?=([a-z]+)\b)")


def _named_with(doc: Doc, tx: Timex, nouns: frozenset[str]) -> bool:
    """Whether one of `nouns` stands near the period in its sentence ("net income fell 22% in the third
    quarter", "lost jobs last month")."""
    before = _SENTENCE_END_RE.split(doc.text[max(0, tx.start - _RESULTS_REACH) : tx.start])[-1]
    after = _SENTENCE_END_RE.split(doc.text[tx.end : tx.end + _RESULTS_REACH])[0]
    return any(w.lower() in nouns for w in _WORDS_RE.findall(before + " " + after))


_WORDS_RE = re.compile(r"[A-Za-z]+")
_SENTENCE_END_RE = re.compile(r"[.!?]\s|\n")
_RESULTS_REACH = 60  # characters each side of a quarter, within its sentence


_RESULTS_PERIOD_RE = re.compile(r"\d{4}-(?:Q[1-4]|\d\d)")
_MONTH_RE = re.compile(r"\d{4}-\d\d")


def _scene_past(doc: Doc, info: SentenceInfo, clause: tuple[int, int]) -> str | None:
    """A breaking report's recent last day, for a figure of a clause in the simple past ("The Senate met on
    Tuesday. ... When the sitting resumed, all 15 government senators voted against it"): the scene's."""
    day = scene_day(doc)
    if day is None or day == doc.published:
        return None
    first = next((t for t in info.tokens if t.start >= clause[0] and t.text[:1].isalnum()), None)
    if first is not None and first.text[:1].isdigit() and clause[0] > info.sentence.start:
        # "seized $6,490 in cash, 39 stolen card numbers and 315 gift cards": the next item of a list, whose
        # verb is the clause's before it
        clause = (clause_of(clause[0] - 1, info.clauses)[0], clause[1])
    words = [t.lower for t in info.tokens
             if clause[0] <= t.start < clause[1] and t.lower not in POSSESSIVE_S]
    lex = doc.lex
    # ("gusts of up to 90 mph", "from 10 to 12": a range's "to", no infinitive's)
    cues = [w for i, w in enumerate(words) if not (w == "to" and (
        words[i - 1:i] == ["up"] or (i + 1 < len(words) and words[i + 1][:1].isdigit())))]
    if not words or words[0] in RELATIVES or any(w in lex.modal_aux or w in lex.present_aux for w in cues):
        return None  # "the blast that killed 10 people": a relative clause tells what came before
    return day.isoformat() if _a_past_verb(lex, words) else None


def _background_deal(doc: Doc, info: SentenceInfo, number_at: int) -> bool:
    """A deal's price told as its noun's modifier after the lede ("the man behind his company's $19 billion
    acquisition of WhatsApp"): background of no stated date (numbers.yaml `deal_nouns`)."""
    if doc.paragraph_start(number_at) < 0:
        return False  # the lede's deal is the day's news
    after = [t.lower for t in info.tokens if t.start > number_at][:2]
    if after and after[0] in doc.lex.scales:
        after = after[1:]  # "$19 billion acquisition"
    return bool(after) and after[0] in timeline_words("deal_nouns")


def _perfect_now(doc: Doc, info: SentenceInfo, start: int) -> str | None:
    """The publication day for a figure right after a present perfect or a "has" of its own clause ("Spain has
    recorded about 157,000 cases, while China, where the virus emerged last year, has nearly 83,000")."""
    if doc.published is None:
        return None
    clause = clause_of(start, info.clauses)
    before = [t.lower for t in info.tokens if clause[0] <= t.start < start][-4:]
    lex = doc.lex
    for i, word in enumerate(before):
        rest = before[i + 1 :]
        if word not in PERFECT_AUX:
            continue
        if rest and (rest[0].endswith("ed") or rest[0] in lex.past_verbs):
            rest = rest[1:]  # "has recorded"
        if all(w in lex.qualifier_of for w in rest):
            return doc.published.isoformat()
    return None
