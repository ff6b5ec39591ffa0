"""Step 3c (dates): when a trigger's happening took place. The date of its own clause (leaving out dates
that belong to something else: "since" dates, possessive dates, the date a vote is moved from), else what
its tense and the report tell: news of the publication day, the breaking story's day, or no date at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import cache

from monitor.extract.items.dating import (
    NOUN_AFTER_RE,
    a_later_nouns_date,
    in_a_later_clause_of_its_own,
    iso_day,
    recent_day,
    scene_date,
    sentence_date,
    tense_date,
    timex_in,
    without_closed_baselines,
)
from monitor.extract.items.document import (
    ADVERB_SKIP,
    DETERMINERS,
    PERFECT_AUX,
    POSSESSIVE_S,
    Doc,
    SentenceInfo,
)
from monitor.extract.items.figures import find_figures
from monitor.extract.items.fronted import an_occasion_noun
from monitor.extract.items.happenings import first_since
from monitor.extract.items.number_hints import DIGIT_RE
from monitor.extract.items.occurrence import Actors, Occurrence
from monitor.extract.items.opening import opening_statement, undated_lede
from monitor.extract.items.subject_asides import in_the_subject_s_appositive
from monitor.extract.items.time_clauses import told_with_main_clause
from monitor.extract.items.triggers import AUXILIARIES, SINCE_BEFORE_RE, a_happenings_noun, told_by_verb
from monitor.extract.lexicon import Lexicon
from monitor.extract.spans import date_span
from monitor.extract.timex import Timex
from monitor.extract.timex.days import DAY_VALUE
from monitor.extract.wordforms import NOUN_TAGS, word_tags


def date_by_tense(doc: Doc, info: SentenceInfo, occ: Occurrence, who: Actors) -> str | None:
    """The date of a happening whose clause names none, from its tense and the report: the publication day
    for news told in the present perfect or as the day's result, the report's day for a breaking story's
    simple past; None for a habit, a standing view, background or a plural's summing-up."""
    if _simple_present(occ) or _present_statement(doc, occ) or _position_held(doc, info, occ):
        return None
    date = tense_date(occ.tokens_before, occ.trigger, doc, occ.is_noun)
    if date is not None and (_plural_perfect(doc, info, occ) or _relative_aside(doc, occ)):
        date = None
    if date is None and _perfect_object(doc, occ, who):
        date = doc.published.isoformat() if doc.published else None
    if date is None and _reported_result(doc, occ, who):
        # "On Friday, it was Finland's chance. Finland clinched 3-0": a day the paragraph set is the result's
        scene = scene_date(info, doc)
        date = scene if iso_day(scene) else doc.published.isoformat() if doc.published else None
    if date is None:
        date = day_of_the_report(doc, info, occ, who)
    return date


def _attributed_day(doc: Doc, info: SentenceInfo, occ: Occurrence) -> dt.date | None:
    """The day of a reporting verb that closes the sentence after the happening (", X reported on
    Wednesday"), when it is the sentence's one date."""
    # a later possessive date of another clause names its noun's day ("the previous day's election")
    others = [x for x in info.timexes if not a_later_nouns_date(doc, occ.clause, occ.end, x[0])]
    one = sentence_date(dataclasses.replace(info, timexes=others), doc)
    day = iso_day(one)
    if day is None:
        return None
    tx = next((t for t, v in info.timexes if v == one), None)
    if tx is None or tx.start < occ.end:
        return None
    between = doc.text[occ.end : tx.start]
    return day if _closing_report_re(doc.lex).search(between) else None


@cache
def _closing_report_re(lex: Lexicon) -> re.Pattern[str]:
    """", the agency reported on" or ", police said" right before the sentence's date: a speaker of up to
    five words, then "said", "reported" or one of tense.yaml `announcing_verbs`."""
    verbs = "|".join(sorted({"said", "reported", *lex.announcing_verbs}))
    return re.compile(rf",\s*(?:[\w.'’-]+\s+){{1,5}}(?:{verbs})\s+(?:on\s+)?\Z", re.IGNORECASE)


def day_of_the_report(doc: Doc, info: SentenceInfo, occ: Occurrence, who: Actors) -> str | None:
    """A happening told in the simple past in a main clause with no date of its own, in a report whose last
    named day is within days of publication, happened that day: the breaking story goes on telling its
    scene ("The fight broke out Tuesday. ... He was arrested a block away."); in the first paragraph, before
    any day is named, the publication day ("Police released video of the rescue."). An announcement
    by a speaker named right before its verb (tense.yaml `announcing_verbs`) is the report's news: that day,
    else the publication date; so is a person's statement in the report's opening (`opening_statement`)."""
    day = iso_day(doc.last_day)
    if doc.published is None or occ.is_noun:
        return None
    if doc.last_day is None and not info.timexes and undated_lede(doc, occ.start):
        day = doc.published  # the lede's news, told before the report names any day ("Police released ...")
    if occ.kind != "statement" and (attributed := _attributed_day(doc, info, occ)) is not None:
        day = attributed  # "X was stabbed to death, the agency reported on Wednesday": the sentence's own
    # Only a speaker named right before the verb announces ("Esper announced"; not "the president", who
    # may be speaking of another day, nor a headline's "outbreak confirmed").
    results = reports_results(doc, info, occ)
    announcing = (
        occ.kind == "statement"
        and (occ.trigger in doc.lex.announcing_verbs or results)
        and who.subject is not None
        and not who.by_reference
        # (a ticker's or an acronym's bracket between: "Coca-Cola Co (NYSE: KO) announced")
        and doc.text[next((b for a, b in doc.defining_in(who.subject.end, occ.start) if a == who.subject.end),
                          who.subject.end) : occ.start].strip() == ""
        # a date of the sentence dates it ("Today (May 4), the agency announced"), not the results' period nor
        # the date of a clause of its own after it ("announced ... after it was tested over the weekend")
        and all((results and tx.start >= occ.end and _PERIOD_RE.fullmatch(v or ""))
                or in_a_later_clause_of_its_own(info, occ.end, tx.start, _SUBORDINATORS)
                for tx, v in info.timexes)
    )
    news = announcing or opening_statement(doc, info, occ, who)
    if day is None or not recent_day(doc, day):
        if not news:
            return None
        day = doc.published  # "Esper announced that ...": the news of the report, dated by it
    if occ.kind == "statement" and not news:
        return None
    return day.isoformat() if simple_past_main_clause(doc, info, occ) else None


def reports_results(doc: Doc, info: SentenceInfo, occ: Occurrence) -> bool:
    """Whether a statement's verb tells a company's results (tense.yaml `results_verbs`, `results_nouns`:
    "Home Depot reported third-quarter earnings"): an announcement, the report's news."""
    if occ.kind != "statement" or occ.trigger not in doc.lex.results_verbs:
        return False
    after = [t.lower for t in info.tokens if t.start >= occ.end][:5]  # ("third-quarter" may end the clause)
    return any(w in doc.lex.results_nouns for w in after)


# a TIMEX3 quarter or half-year: "2019-Q3", "2020-H1"
_PERIOD_RE = re.compile(r"\d{4}-[QH]\d")


def _ends_a_period(doc: Doc, tx: Timex) -> bool:
    """Whether a date is the last day of the results' period ("in the third quarter ended Sept. 29")."""
    before = _WORD_RE.findall(doc.text, max(0, tx.start - 20), tx.start)
    return bool(before) and before[-1].lower() in doc.lex.results_period_ends


def simple_past_main_clause(doc: Doc, info: SentenceInfo, occ: Occurrence) -> bool:
    """Whether the trigger is a verb in the simple past, active or passive, of a main clause that tells no
    amount and names no year: a clause that goes on telling the scene before it."""
    lex = doc.lex
    clause = [t.lower for t in occ.tokens_before]
    if clause and clause[0] in lex.clause_markers and clause[0] not in _COORDINATORS:
        return False  # "after the rebels swapped ...": a subordinate clause sets the background
    if any(w in lex.undating_adverbs for w in clause) or _amount_after(doc, info, occ):
        return False  # "was originally launched"; "rose 0.3%": the clause tells the amount (a figure)
    if _YEAR_RE.search(info.sentence.text):
        return False  # "in the 1967 war": a year, even one read as part of a name, dates the sentence
    # "The Fed did launch ...": the emphatic "did" right before the verb is the simple past
    emphatic = bool(clause) and clause[-1] == "did"
    helpers = (lex.present_aux | lex.modal_aux | lex.past_aux | _NON_FINITE) - {"was", "were"}
    perfect = any(t.lower in _PERFECT for t in info.tokens if t.end <= occ.start)
    if perfect or any(w in helpers for w in (clause[:-1] if emphatic else clause)):
        return False  # "had, according to X, killed", "will be launched": no simple past
    if emphatic:
        return True
    words = [w for w in clause[-3:] if w not in ADVERB_SKIP]
    first = occ.trigger.split()[0].lower()
    # a trigger may hold its own auxiliary ("was killed"): the simple past passive all the same
    passive = (words and words[-1] in ("was", "were")) or first in ("was", "were")
    return bool(passive or first in lex.past_verbs or first.endswith("ed"))


def perfect_with_a_past_day(doc: Doc, info: SentenceInfo, occ: Occurrence, date: str) -> bool:
    """Whether a verb in the present perfect has a past day, month or year in its clause: English does not
    date the present perfect by a time wholly past ("have released ... on Dec. 22", "have dropped an inquiry
    into an allegation made in 2010"), so the date is a noun's, and the verb tells news of the report. Not a
    week: "in the past week" is a period up to now, which the perfect takes. A span's start ("since
    Friday") makes the perfect a span's, whose steps the clause's other dates are ("Since 1949, it has been
    expanded to include Greece in 1952"). Not either where the date follows the verb with no happening's noun
    or participle between (`_happening_between`): news copy does date a perfect so ("Suicide bombers have
    struck two mosques ... during Friday prayers"), and no noun is there to take the date."""
    span = date_span(date)
    if occ.is_noun or span is None or span.precision not in _PAST_PRECISIONS or doc.published is None:
        return False
    if span.end >= doc.published:
        return False
    before = [t.lower for t in occ.tokens_before[-3:]]
    if not any(w in PERFECT_AUX for w in before) or "had" in before:
        return False
    clause = occ.clause
    dated = [tx.start for tx, _v in info.timexes if info.sentence.start <= tx.start < clause[1]]
    starts = [tx.start for tx, value in info.timexes if value == date and clause[0] <= tx.start < clause[1]]
    if starts and min(starts) > occ.end and not _happening_between(
            info, occ.end, min(starts)) and occ.trigger not in doc.lex.rescheduling_verbs:
        # "Suicide bombers have struck two mosques ... during Friday prayers", "Domino's has tested ground
        # robots in Australia and New Zealand in 2016": a perfect dated by the time of its own act, where no
        # happening's noun or participle stands between to hold it
        return False
    return bool(starts) and not any(SINCE_BEFORE_RE.search(doc.text, max(0, s - 20), s) for s in dated)


def _happening_between(info: SentenceInfo, start: int, end: int) -> bool:
    """Whether a trigger ("the robbery", "the truck attack") or a past participle ("an allegation made")
    stands between `start` and `end`: what a day after it may date instead of the verb before it."""
    return (any(start <= t_start < end for t_start, _e, _text, _kind in info.triggers)
            or any(start <= t.start < end and "VBN" in word_tags(t.lower) for t in info.tokens))


_PAST_PRECISIONS = frozenset({"day", "month", "year"})


_NON_FINITE = frozenset({"be", "been", "being", "to"})
_COORDINATORS = frozenset({"but", "and", "or"})  # "..., but the union welcomed the move": a main clause
_PERFECT = frozenset({"had", "'d"})
_YEAR_RE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _amount_after(doc: Doc, info: SentenceInfo, occ: Occurrence) -> bool:
    """Whether the clause states an amount after the verb ("rose 0.86% to $5,880"; an age is no amount)."""
    if not DIGIT_RE.search(doc.text, occ.end, occ.clause[1]):
        return False
    base = info.sentence.start
    return any(
        occ.end <= base + f.start < occ.clause[1] for f in find_figures(info.sentence.text, doc.lex)
    )


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


def main_clause_date(doc: Doc, info: SentenceInfo, occ: Occurrence) -> str | None:
    """The sentence's one day for a verb in a clause told with the main clause (`time_clauses.
    told_with_main_clause`: "Governor Rankin on Thursday called for calm after DEA officials arrested the
    premier", "Kuchma and Yeltsin signed a plan Friday, and Yeltsin claimed they resolved ...": the arrest
    and the claim are told with Thursday and Friday, as the gold dates every happening with a date in its
    sentence). Only a day: "reopened the investigation in May after he was hauled out" may tell an April."""
    if occ.is_noun or not told_with_main_clause(doc, info, occ.clause, occ.start):
        return None
    date = sentence_date(info, doc)
    return date if date is not None and DAY_VALUE.fullmatch(date) else None


def clause_date(doc: Doc, info: SentenceInfo, occ: Occurrence) -> str | None:
    """The date of the trigger's clause (timex_in), leaving out dates that do not say when it happened: for a
    noun, a "since" date before it, which tells how long something else has lasted ("its worst run since
    early August amid worsening protests"); for a verb, a possessive date, which dates its own noun
    ("chose to comment on Thursday's vote on Monday")."""
    if any(tx.value == "PRESENT_REF" for tx, _v in info.timexes):
        # "have now been released": "now" tells the tense, not a date; the tense rules date it (or not).
        info = dataclasses.replace(info, timexes=[x for x in info.timexes if x[0].value != "PRESENT_REF"])
    info = without_closed_baselines(doc, info)
    if reports_results(doc, info, occ):
        # "reported third-quarter earnings on Tuesday": the quarter is what the results are of, not when they
        # were told; a date after them is the report's (the reporting verb's clause ends at its object)
        periods = [x for x in info.timexes if x[0].start >= occ.end and _PERIOD_RE.fullmatch(x[1] or "")]
        info = dataclasses.replace(info, timexes=[x for x in info.timexes if x not in periods])
        told = [v for tx, v in info.timexes if tx.start >= occ.end and v and not _ends_a_period(doc, tx)]
        if told:
            return told[0]
    new_date = _new_date(doc, info, occ)
    if new_date is not None:
        return new_date
    if info.timexes:
        # (and a date of the subject's aside: "Ann Lee, a contender in 2008, resigned")
        topics = [x for x in info.timexes if _topic_date(doc, occ, x[0]) or (
            not occ.is_noun and in_the_subject_s_appositive(doc, info, x[0].start, occ.start))]
        if topics:
            info = dataclasses.replace(info, timexes=[x for x in info.timexes if x not in topics])
    sentence = info.sentence.text
    if "since" not in sentence and "'s" not in sentence and "\u2019s" not in sentence:
        return timex_in(occ.clause, info, occ.start)  # the common case: nothing to leave out
    text = doc.text
    marked = [
        (tx, v)
        for tx, v in info.timexes
        if text[tx.end : tx.end + 2] in POSSESSIVE_S or "since" in text[max(0, tx.start - 16) : tx.start]
    ]
    if not marked:  # the common case: nothing to leave out
        return timex_in(occ.clause, info, occ.start)
    tags = doc.lex.trigger_tags.get(occ.trigger, frozenset())
    verbal = not occ.is_noun and told_by_verb(tags, [t.lower for t in occ.tokens_before[-4:]])
    noun = occ.is_noun or bool(tags & {"NN", "NNS"})  # "amid worsening protests" may be a noun
    drop = []
    for tx, v in marked:
        possessive_date = text[tx.end : tx.end + 2] in POSSESSIVE_S
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
        if (verbal and possessive_date and not _occasion(doc, tx)) or (
            noun and tx.end <= occ.start and SINCE_BEFORE_RE.search(text, max(0, tx.start - 16), tx.start)
            # "since the Dec. 14 shootings", "since the 2011 school shooting": the date is the noun's own
            and not _nouns_own_date(doc, tx, occ)
        ):
            drop.append((tx, v))
    if not drop:
        return timex_in(occ.clause, info, occ.start)
    kept = [x for x in info.timexes if x not in drop]
    return timex_in(occ.clause, dataclasses.replace(info, timexes=kept), occ.start)


_WORD_RE = re.compile(r"[A-Za-z]+")


def _topic_date(doc: Doc, occ: Occurrence, tx: Timex) -> bool:
    """Whether a date after the trigger qualifies a noun of a phrase on its topic ("dropped its inquiry into a
    2010 allegation", "an inquiry into a 2010 allegation"), or a relative clause without "that" of a noun
    after it ("named CEO of the company Jobs co-founded 35 years ago"): it dates that noun, not the happening
    (tense.yaml `topic_preps`)."""
    if tx.type != "DATE" or not occ.end <= tx.start < occ.clause[1]:
        return False
    relative = _ZERO_RELATIVE_RE.search(doc.text, occ.end, tx.start)
    if relative is not None and not occ.is_noun:
        verb = relative.group(2).lower()
        if verb in doc.lex.past_verbs or "VBD" in word_tags(verb.rsplit("-", 1)[-1]):
            return True
    words = [w.lower() for w in _WORD_RE.findall(doc.text, occ.end, tx.start)]
    if len(words) < 2 or words[-1] not in DETERMINERS:
        return False
    if " ".join(words[-4:-1]).endswith(doc.lex.before_phrases):
        return True  # "in the run-up to the 2020 election", "ahead of the 2020 vote": before it, not at it
    if words[-2] not in doc.lex.topic_preps:
        # "the meeting discussed the March 3 attack", "the first debate following the Oct. 7 terrorist
        # attack": a date before another happening's noun is that happening's; not where this one took place
        # ("recounted in an Oct. 21 cabinet meeting", "arrested in the March 3 raid")
        return words[-2] not in doc.lex.setting_prepositions and _dates_a_happenings_noun(doc, tx)
    if len(words) > 2 and words[-2] == "of" and words[-3] in doc.lex.time_nouns:
        return False  # "at the close of its Monday concert": when, not what about
    noun = NOUN_AFTER_RE.match(doc.text, tx.end)
    return noun is not None and noun.group(0).strip() not in doc.lex.function_words


def _occasion(doc: Doc, tx: Timex) -> bool:
    """Whether a possessive date names the occasion of its clause's verb ("at Wednesday night's debate", "in
    the closing seconds of last week's game"): after one of tense.yaml `occasion_prepositions` or "<a time
    noun> of", before a happening's noun (a noun trigger, or one of `occasion_nouns`) within two words."""
    words = [w.lower() for w in _WORD_RE.findall(doc.text, max(0, tx.start - 40), tx.start)]
    words = [w for w in words if w not in DETERMINERS]
    lex = doc.lex
    opened = bool(words) and (
        words[-1] in lex.occasion_prepositions
        or (len(words) > 1 and words[-1] == "of" and words[-2] in lex.time_nouns))
    after = _NOUN_AFTER_OWN_RE.match(doc.text, tx.end)
    nouns = after.group(1).lower().split() if after else []
    return opened and any(an_occasion_noun(lex, w) for w in nouns)


# up to three words after a date's "'s": "Wednesday night's third Republican debate" reads "third republican
# debate" (the part of the day, "night", is the date's own)
_NOUN_AFTER_OWN_RE = re.compile(r"['\u2019]s((?:\s+[A-Za-z][a-z-]*){1,3})")


def _dates_a_happenings_noun(doc: Doc, tx: Timex) -> bool:
    """Whether the noun phrase a date opens ("the Oct. 7 terrorist attack") ends on a noun that names a
    happening (a trigger of the lexicon), within two modifiers."""
    after = _PHRASE_AFTER_RE.match(doc.text, tx.end)
    for word in after.group(1).lower().split() if after else ():
        if a_happenings_noun(doc.lex, word):
            return True
        if word in DETERMINERS or word in doc.lex.function_words:
            return False  # the phrase ended ("the March 3 deadline to file") before any such noun
    return False


# up to three lower-case words right after a date, no punctuation between
_PHRASE_AFTER_RE = re.compile(r"((?:\s+[a-z][a-z-]*){0,3})")


_OWN_DATE_RE = re.compile(r"['\u2019]s(?:\s+[a-z]+){0,2}\s+\Z")
_NOUNS_DATE_RE = re.compile(r"(?:\s+[a-z]+){0,2}\s+")


def _nouns_own_date(doc: Doc, tx: Timex, occ: Occurrence) -> bool:
    """Whether the date is right before the trigger's noun, maybe with a modifier or two between ("the Dec. 14
    shootings", "the 2011 school shooting"; not "since early August amid worsening protests")."""
    between = doc.text[tx.end : occ.start]
    return _NOUNS_DATE_RE.fullmatch(between) is not None and all(
        word_tags(w) & _MODIFIER_TAGS and w not in doc.lex.function_words for w in between.split())


_MODIFIER_TAGS = frozenset({"JJ", "NN"})
# "the company Jobs co-founded", "the firm he built": a noun, then a name or pronoun and its past verb
_ZERO_RELATIVE_RE = re.compile(
    r"\b(?:the|a|an|its|his|her|their)\s+[a-z][a-z-]*\s+(he|she|they|we|[A-Z][a-z]+)\s+([a-z][a-z-]*)\b"
)


def _plural_perfect(doc: Doc, info: SentenceInfo, occ: Occurrence) -> bool:
    """An event told in the present perfect of a plural subject with no date of its own ("health care
    providers have protested", "the doctors have offered to help") sums up what a group has been doing:
    background, not news of the publication day (a single actor's "has bought" is), unless a source
    reports it after it ("authorities have evacuated 3,500 residents, the fire service said"). Statements
    are news either way ("leaders have denied the claims"), and so are an authority's acts (tense.yaml
    `perfect_news_kinds`: "prosecutors have charged three people")."""
    if occ.kind == "statement" or occ.kind in doc.lex.perfect_news_kinds or _perfect_passive_news(doc, occ):
        return False
    if any(kind == "statement" and start > occ.end for start, _e, _t, kind in info.triggers):
        return False
    words = [t.lower for t in occ.tokens_before[-4:] if t.lower not in ADVERBS]
    return "have" in words[-3:]


def _perfect_object(doc: Doc, occ: Occurrence, who: Actors) -> bool:
    """An event noun that is the object of a named subject's present perfect ("X has agreed a deal",
    "Y has signed a contract") tells news of the publication day, as the verb alone would ("has bought")."""
    if not occ.is_noun or who.subject is None or who.by_reference:
        return False
    words = [t.lower for t in occ.tokens_before if t.start >= who.subject.end]
    # subject, "has", a past participle, a determiner: nothing else between the subject and the noun
    if len(words) != 3 or words[0] not in ("has", "have") or words[2] not in ("a", "an", "the"):
        return False
    return "VBN" in word_tags(words[1]) and words[1] not in AUXILIARIES


def _reported_result(doc: Doc, occ: Occurrence, who: Actors) -> bool:
    """A result told in the plain past by its named winner or loser with no date of its own ("Norland beat
    Vesta 2-1", "the Otters lost to the Hawks") is the news a report gives of its day: the publication date
    dates it (a result of an earlier day carries its date: "beat Vesta on Monday", "had lost to")."""
    if occ.kind != "result" or occ.is_noun or who.subject is None or who.by_reference:
        return False
    before = [t.lower for t in occ.tokens_before if t.lower not in ADVERBS and not t.lower.endswith("ly")]
    if before and before[-1] in AUXILIARIES:
        return False
    if occ.tokens_before and occ.tokens_before[0].lower in _SUBORDINATORS:
        return False  # "..., while X defeated Y": background to the clause it hangs on
    gap = doc.text[who.subject.end : occ.start].split()
    if any(w not in ADVERBS and w not in _TIME_ADVERBS and not w.endswith("ly") for w in gap):
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


def _present_statement(doc: Doc, occ: Occurrence) -> bool:
    """A statement told by a bare present verb ("the president says his approach works", "Jones tells
    a story") with no date of its own: a standing view or a headline teaser, not news of the publication
    day. The publication date does not date it (and so it is no row), but for an interview given for the
    report, its listener named ("the actor tells Screen Weekly that ...": tense.yaml `interview_verbs`)."""
    if occ.kind != "statement" or occ.is_noun:
        return False
    lex = doc.lex
    before = [t.lower for t in occ.tokens_before if t.lower not in ADVERBS]
    last = before[-1] if before else ""
    first = occ.trigger.split()[0]
    if last in ("has", "have") and first == "said":
        return True  # "the ministry has said it will appeal": a position held, told again as background
    if last in ("is", "are") and "VBN" in word_tags(first):
        return True  # "Corbyn is accused by critics of ...": a standing charge, not the day's statement
    if last in ("is", "are") and first.lower() in lex.ongoing_claims:
        return True  # "Democrats are alleging that ...", "authorities are reporting a death": held, sourcing
    if last in _PLURAL_PRONOUNS and "VBP" in word_tags(first) and "VBD" not in word_tags(first):
        return True  # "They say IRA commanders are responsible": a view held, as "says" after a name
    if first in lex.interview_verbs and _told_a_listener(doc.text, occ.end):
        return False
    return last not in AUXILIARIES and first.endswith("s") and not first.endswith(("ss", "us", "is"))


def _told_a_listener(text: str, end: int) -> bool:
    """Whether a name follows the verb ending at `end` as its listener ("tells Coast Radio that ..."), not as
    the first word of its object ("tells Ferris story", a story about Ferris): no bare noun after the name.
    Not the writer: "tells me" most often quotes a passer-by in a piece of colour, no news of the day."""
    m = _LISTENER_RE.match(text, end)
    if m is None:
        return False
    after = _NEXT_WORD_RE.match(text, m.end())
    tags = word_tags(after.group(1)) if after else frozenset()
    return not tags or not tags <= NOUN_TAGS


# A name of one or more capitalised words ("Yahoo Movies", "The Hollywood Reporter"), then the next word
_LISTENER_RE = re.compile(r"(?:\s+[A-Z][\w.&'’-]*(?![\w-]))+")
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")
_PLURAL_PRONOUNS = frozenset({"they", "we"})


def _position_held(doc: Doc, info: SentenceInfo, occ: Occurrence) -> bool:
    """A statement in the present perfect past a report's opening paragraphs ("Assange has denied both
    allegations", "Israel has pledged to punish ..."): a position taken before, told as background; the
    day's news opens the report ("Audi has revealed ..."). "has now confirmed" and the items of a list of
    briefs ("- Alibaba leaders have denied ...") are news all the same."""
    if occ.kind != "statement" or occ.is_noun or doc.paragraph_number(occ.start) < _NEWS_PARAGRAPHS:
        return False
    before = [t.lower for t in occ.tokens_before[-3:]]
    if "now" in before or not PERFECT_AUX & {w for w in before if w not in ADVERBS}:
        return False
    line = doc.text.rfind("\n", 0, info.sentence.start) + 1
    return not doc.text[line : info.sentence.start + 1].lstrip().startswith(_BULLETS)


# The lede and the paragraphs right after it tell the news of the day; what follows is its background.
_NEWS_PARAGRAPHS = 4
_BULLETS = ("-", "*", "\u2022")


ADVERBS = frozenset({"also", "now", "still", "often", "repeatedly", "again", "already", "even", "just"})


def tensed(lex: Lexicon, occ: Occurrence) -> Occurrence:
    """The verb whose tense dates `occ`: for an infinitive after a verb of decision in a main clause ("has
    agreed to buy", "voted to close"), that verb, which the decision's news is told in; else `occ` itself.
    Not in a clause of an object before it ("the stake it has agreed to acquire")."""
    before = occ.tokens_before
    if occ.is_noun or len(before) < 2 or before[-1].lower != "to" or (
            before[-2].lower not in lex.decision_verbs):
        return occ
    words = [t.lower for t in before[:-2] if t.lower not in ADVERBS and t.lower not in AUXILIARIES]
    if len(words) >= 2 and words[-1] in _SUBJECT_PRONOUNS and word_tags(words[-2]) & {"NN", "NNS"}:
        return occ  # "the stake it has agreed to acquire": the noun's clause, not a decision told
    head = before[-2]
    return dataclasses.replace(occ, start=head.start, end=head.end, surface=head.text, trigger=head.lower,
                               tokens_before=before[:-2])


_SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you"})


def perfect_news(doc: Doc, occ: Occurrence) -> bool:
    """Whether a verb of an authority's act is told in the present perfect, active or passive ("Prosecutors
    have charged three people", "Three people have been arrested"), in a main clause: the day's news, dated
    by the tense though no name or place tells who or where (tense.yaml `perfect_news_kinds`)."""
    opening = occ.tokens_before[0].lower if occ.tokens_before else ""
    if opening in doc.lex.clause_markers and opening not in _COORDINATORS:
        return False  # "the yard, where three men have been arrested before": a subordinate clause describes
    before = [t.lower for t in occ.tokens_before[-2:]]
    if before[-1:] == ["been"]:
        before = before[:-1]  # the passive's "been"
    return (not occ.is_noun and occ.kind in doc.lex.perfect_news_kinds and bool(before)
            and before[-1] in PERFECT_AUX) or _perfect_passive_news(doc, occ)


def _perfect_passive_news(doc: Doc, occ: Occurrence) -> bool:
    """A measure told in the present perfect passive ("Sunday's three games have been postponed", "all
    references to climate change have been removed"): the day's news, as `perfect_news`; its active ("the
    banks have reversed course") is a group's summing-up (tense.yaml `perfect_passive_news_kinds`)."""
    before = [t.lower for t in occ.tokens_before[-2:]]
    return (not occ.is_noun and occ.kind in doc.lex.perfect_passive_news_kinds and len(before) == 2
            and before[0] in PERFECT_AUX and before[1] == "been")
