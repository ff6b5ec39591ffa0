"""Step 3c: events as items. Each trigger of a sentence that survives the checks (not in a quote or a date,
not part of a name, not another sense of the word) becomes a draft with its actors, date, place and summary.

The triggers of a sentence are read in order and each one updates the document's last person and speaker,
which the pronouns of the next ones resolve to; so this is a loop over triggers, not a map.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from monitor.extract.items.actors import (
    place_after,
    speaker_place,
)
from monitor.extract.items.amounts import (
    TALLY_KINDS,
    change_by_an_amount,
    forecast_change,
    tally_over_a_period,
)
from monitor.extract.items.dating import iso_day, report_day, scene_date
from monitor.extract.items.document import (
    DETERMINERS,
    Doc,
    SentenceInfo,
    Tok,
    clause_of,
    overlaps,
)
from monitor.extract.items.event_actors import BY_WORD_RE, event_actors, passive_said_by
from monitor.extract.items.event_dates import (
    ADVERBS,
    clause_date,
    date_by_tense,
    day_of_the_report,
    main_clause_date,
    perfect_news,
    perfect_with_a_past_day,
    simple_past_main_clause,
    tensed,
)
from monitor.extract.items.happenings import dated_happenings, hanging_happenings
from monitor.extract.items.joined_clauses import joined_clause_happenings
from monitor.extract.items.lede import lede_verb
from monitor.extract.items.merge import Draft, specificity
from monitor.extract.items.model import MOVEMENT_KINDS, Item
from monitor.extract.items.no_happening import is_question, link_lists, reduced_relative
from monitor.extract.items.number_hints import DIGIT_RE
from monitor.extract.items.occurrence import Actors, Occurrence
from monitor.extract.items.scenes import speakers_scene_day
from monitor.extract.items.summary import cap, clean_clause, event_summary, label
from monitor.extract.items.time_clauses import closing_attribution, day_just_after, told_with_main_clause
from monitor.extract.items.trigger_objects import (
    announced_thing,
    announced_words,
    kind_by_object,
    kind_by_subject,
    other_sense,
    statement_setting,
)
from monitor.extract.items.triggers import (
    AUXILIARIES,
    BE_FORMS,
    a_happenings_noun,
    counted_participle,
    is_negation,
    passive_report,
    possessive,
    told_by_verb,
)
from monitor.extract.items.unreal import CONDITIONS, a_refusal, modal_or_negated, refused, reported_plan
from monitor.extract.lexicon import Lexicon, spaced_alternatives


def event_drafts(doc: Doc, info: SentenceInfo, fronted: str | None, order: int) -> list[Draft]:
    """The event drafts of an analysed sentence, numbered from `order`; `fronted` is a date opening it.

    Only dated happenings: an undated event item is almost never a timeline row (a bare "police said", a
    habit, a background fact). Typed triggers first, then a kind-free `other` for each date of the sentence
    that none of them took; one item per date and sentence, since one date in one sentence tells one
    happening far more often than two, unless verbs tell happenings of different kinds ("the ship left
    Brenholm and arrived in Lerrin on Wednesday").
    """
    if is_question(info, doc.lex):
        return []  # "Will the ferry still sail on Friday?": a question asserts no happening
    typed = typed_drafts(doc, info, fronted, order)  # undated ones already left out but for _UNDATED_KINDS
    drafts: list[Draft] = []
    for d in typed:
        kept = [n for n, k in enumerate(drafts) if _same_slot(k, d) and not (
            _coordinated(doc, k, d) or _distinct_verbs(k, d) or _contrasted(doc, k, d)
            or _verbs_joined(doc, k, d))]
        if not kept:
            drafts.append(d)
        elif (d.item.kind == drafts[kept[0]].item.kind == "statement" and d.by_verb
              and not drafts[kept[0]].item.actors and d.item.actors):
            # "In a tweet on Tuesday, Trump said ...": the statement's noun came first and names nobody; the
            # verb after it tells who
            k = drafts[kept[0]]
            drafts[kept[0]] = replace(k, item=replace(k.item, actors=d.item.actors))
    if (published := _journal_publication(doc, info, drafts, order + len(drafts))) is not None:
        drafts.append(published)
    if (reply := _contrasted_statement(doc, info, drafts, order + len(drafts))) is not None:
        drafts.append(reply)
    # (a date a clause told with the main clause took is still the main clause's verb's to find)
    taken = {d.item.date for d in drafts
             if not (d.trigger and told_with_main_clause(doc, info, clause_of(d.trigger[0], info.clauses),
                                                          d.trigger[0]))}
    taken_in: dict[str | None, set[tuple[int, int]]] = {}
    for d in drafts:
        if d.trigger:
            taken_in.setdefault(d.item.date, set()).add(clause_of(d.trigger[0], info.clauses))
    for h in dated_happenings(doc, info, taken, taken_in):
        tokens_before = info.tokens_within(h.clause[0], h.start)
        occ = Occurrence(h.start, h.end, h.verb, h.verb.lower(), h.kind, h.clause, tokens_before, False)
        draft = _event_draft(doc, info, occ, None, order + len(drafts), h.date)
        value = h.date
        if draft is not None and not any(
                d.trigger and d.trigger[0] == h.start and d.item.date == draft.item.date for d in drafts):
            # (not a verb read already with the same day: "Police have released photos of the robbery on
            # Dec. 22" gives the report's day to the verb, the robbery's day being no happening of its own)
            drafts.append(draft)
            taken.add(value)
    dates = {d.item.date for d in drafts if d.item.date}
    for h in hanging_happenings(doc, info, [d.trigger for d in drafts if d.trigger],
                                dates.pop() if len(dates) == 1 else None):
        occ = Occurrence(h.start, h.end, h.verb, h.verb.lower(), h.kind, h.clause,
                         info.tokens_within(h.clause[0], h.start), False)
        if (draft := _event_draft(doc, info, occ, None, order + len(drafts), h.date)) is not None:
            drafts.append(draft)
    drafts.extend(joined_clause_happenings(
        doc, info, drafts, lambda occ, date: draft_at(doc, info, occ, order + len(drafts), date)))
    if (news := lede_verb(doc, info, len(drafts))) is not None and doc.published is not None:
        # The undated lede's news ("has named", "is set to raise", "apologized to"): the day's.
        clause, verb, kind = news
        if kind != "other" and other_sense(doc, kind, verb.end, info.sentence.end):
            kind = "other"  # "Cruz offered his own suggestion": words, no deal
        occ = Occurrence(verb.start, verb.end, verb.text, verb.lower, kind, clause,
                         info.tokens_within(clause[0], verb.start), False)
        if (draft := _event_draft(doc, info, occ, None, order + len(drafts), doc.published.isoformat())):
            drafts.append(replace(draft, by_report_day=True))
    return drafts


def draft_at(doc: Doc, info: SentenceInfo, occ: Occurrence, order: int, date: str) -> Draft | None:
    """The draft of a verb that a rule of its own found and dated (`joined_clauses`, `named_days`)."""
    return _event_draft(doc, info, occ, None, order, date)


def _contrasted_statement(doc: Doc, info: SentenceInfo, drafts: list[Draft], order: int) -> Draft | None:
    """Another speaker's statement in a clause of its own after a dated one's (", but", ", while": "An
    Italian magazine said on Wednesday that ..., but the Holy See said it had no knowledge of it"): the reply
    or denial told with it, on its day; its own clause dates nothing."""
    said = [d for d in drafts if d.item.kind == "statement" and d.item.date and d.by_verb and d.trigger]
    if not said or not _JOINT_RE.search(doc.text, info.sentence.start, info.sentence.end):
        return None  # (a cheap test first: most sentences join no clause so)
    for d in typed_drafts(doc, info, None, order, keep_undated=True):
        if (d.item.kind == "statement" and d.item.date is None and d.by_verb and d.item.actors and any(
                _contrasted(doc, s, d) and not set(s.item.actors) & set(d.item.actors) for s in said)):
            return replace(d, item=replace(d.item, date=said[0].item.date))
    return None


def _journal_publication(doc: Doc, info: SentenceInfo, drafts: list[Draft], order: int) -> Draft | None:
    """A study told as published in a journal in a sentence with no date ("according to a case report
    published in the journal BMJ Case Reports"): the science report's news, dated by the report's day
    (tense.yaml `publication_verbs`, `publication_venues`). Kept even as a participle, inside "according
    to" or with no speaker, which would leave another statement out; not when modal or negated."""
    if doc.published is None or any(tx.value != "PRESENT_REF" for tx, _v in info.timexes):
        return None  # a date of the sentence ("now" is none) dates the publication as any clause is dated
    found = _publication_re(doc.lex).search(info.sentence.text)
    if found is None:
        return None
    start, end = info.sentence.start + found.start("verb"), info.sentence.start + found.end("verb")
    if overlaps(start, end, info.quotes) or any(d.trigger and d.trigger[0] <= start < d.trigger[1]
                                                for d in drafts):
        return None  # inside a quote, or a step above read this verb already
    # Told by nobody: the kind-free `other`, the kind the dated form gets ("were published Monday in ...").
    occ = _occurrence(doc, info, (start, end, found.group("verb").lower(), "other"))
    if any(w in doc.lex.modal_aux or is_negation(w) for w in _verb_group(doc.lex, occ.tokens_before)):
        return None  # "will be published", "to be published", "was not published in a journal"
    day = report_day(doc)
    return _event_draft(doc, info, occ, None, order, day.isoformat()) if day is not None else None


def _verb_group(lex: Lexicon, before: list[Tok]) -> list[str]:
    """The auxiliaries, negations and adverbs right before a verb ("will not be" in "will not be published")
    (nearest first)."""
    helpers = lex.modal_aux | lex.present_aux | lex.past_aux | BE_FORMS | ADVERBS
    group: list[str] = []
    for tok in reversed(before):
        if tok.lower not in helpers and not is_negation(tok.lower):
            break
        group.append(tok.lower)
    return group


# The report's opening paragraphs, whose changes by an amount are news besides their figures.
_NEWS_PARAGRAPHS = 2


@lru_cache(maxsize=4)
def _publication_re(lex: Lexicon) -> re.Pattern[str]:
    """"published in the journal", "published their findings online in a peer-reviewed journal": the verb,
    up to three words, "in", an article and up to two words before the venue."""
    verbs = spaced_alternatives(lex.publication_verbs)
    venues = spaced_alternatives(lex.publication_venues)
    return re.compile(rf"\b(?P<verb>{verbs})\s+(?:[\w’'-]+\s+){{0,3}}?in\s+(?:the|a|an)\s+"
                      rf"(?:[\w’'-]+\s+){{0,2}}?(?:{venues})\b", re.IGNORECASE)


def _same_slot(a: Draft, b: Draft) -> bool:
    """Drafts a sentence keeps only one of: same date, and both or neither a statement (a source's report
    of a dated happening is news of its own: "the ministry said Monday the plane had landed")."""
    statement = (a.item.kind == "statement", b.item.kind == "statement")
    return a.item.date == b.item.date and statement[0] == statement[1]


def _distinct_verbs(a: Draft, b: Draft) -> bool:
    """Two verbs of different kinds tell two happenings, even on one date ("has departed ..., the ministry
    said on Wednesday"; "left port and arrived on Monday")."""
    return a.by_verb and b.by_verb and a.item.kind != b.item.kind


def _may_stay_undated(doc: Doc, occ: Occurrence, who: Actors) -> bool:
    """An undated movement of named actors told with a verb ("X departed for Y") may still be the story; an
    undated noun ("the arrival"), a modal ("may be reached"), an undated statement, meeting ("trade talks")
    or one of the other kinds almost never is a row of its own."""
    if occ.kind not in _UNDATED_KINDS or not who.names or occ.is_noun:
        return False
    tags = doc.lex.trigger_tags.get(occ.trigger, frozenset())
    return told_by_verb(tags, [t.lower for t in occ.tokens_before[-4:]])


_UNDATED_KINDS = MOVEMENT_KINDS  # a movement of named actors may stay undated (see _may_stay_undated)


def _coordinated(doc: Doc, a: Draft, b: Draft) -> bool:
    """Two event verbs joined by "and" tell two happenings ("was convicted and sentenced on Friday")."""
    if "statement" in (a.item.kind, b.item.kind) or not (a.trigger and b.trigger):
        return False
    between = doc.text[a.trigger[1] : b.trigger[0]]
    # "was convicted and sentenced", "a manhunt was launched and one person was arrested"
    return bool(_COORDINATED_RE.fullmatch(between))


_COORDINATED_RE = re.compile(
    r"\s*(?:,\s*)?and\s+(?:(?:was|were|then|also)\s+|(?:[\w'-]+\s+){1,3}(?:was|were)\s+)?")


def _verbs_joined(doc: Doc, a: Draft, b: Draft) -> bool:
    """Two different event verbs of one subject, the second right after "and", tell two happenings, the
    first's object between them ("was arrested in October and charged with fraud", "struck down the ban
    and also invalidated part of the law")."""
    if not (a.by_verb and b.by_verb and a.trigger and b.trigger) or "statement" in (a.item.kind, b.item.kind):
        return False
    if a.verb and a.verb == b.verb:
        return False
    first_end, second_start = min(a.trigger, b.trigger)[1], max(a.trigger, b.trigger)[0]
    return _AND_BEFORE_RE.search(doc.text, first_end, second_start) is not None


_AND_BEFORE_RE = re.compile(r"\band\s+(?:also\s+|then\s+|later\s+)?\Z", re.IGNORECASE)


def _contrasted(doc: Doc, a: Draft, b: Draft) -> bool:
    """Two verbs in clauses of their own, each with its subject, joined by ", while", ", but", ", and" or ";"
    tell two happenings ("Wheat fell on Monday, while the dairy index rose")."""
    if not (a.by_verb and b.by_verb and a.trigger and b.trigger) or a.trigger[1] > b.trigger[0]:
        return False
    m = _CONTRAST_RE.search(doc.text, a.trigger[1], b.trigger[0])
    if m is None:
        return False
    subject = [w for w in m.group("rest").lower().split() if w not in AUXILIARIES and w not in ADVERBS]
    return bool(subject)


# the last joint before the second verb, then the words of its clause up to it
_CONTRAST_RE = re.compile(r"(?:,\s*(?:while|whereas|but|and)|;)\s+(?P<rest>[^,;]*)\Z", re.IGNORECASE)
_JOINT_RE = re.compile(r"(?:,\s*(?:while|whereas|but|and)|;)\s", re.IGNORECASE)


def typed_drafts(
    doc: Doc, info: SentenceInfo, fronted: str | None, order: int, keep_undated: bool = False
) -> list[Draft]:
    """The drafts of the sentence's triggers that tell a happening (not quoted, negated, conditional, part of
    a name ...); with `keep_undated`, also those no date reaches (`_event_draft`)."""
    drafts: list[Draft] = []
    timex_spans = [(t.start, t.end) for t, _ in info.timexes]
    first_word = info.tokens[0].start if info.tokens else info.sentence.start
    found: list[tuple[Occurrence, Draft]] = []
    links = link_lists(info)
    for t_start, t_end, trigger, kind in info.triggers:
        if overlaps(t_start, t_end, info.quotes) or overlaps(t_start, t_end, timex_spans):
            continue
        if links and overlaps(t_start, t_end, links):
            continue  # "Lawmakers spar over actor's testimony | House Dems unveil ...": link texts, no news
        if (doc.text[t_start].isupper() and t_start != first_word
                and not _named_meeting(doc, kind, trigger, t_start, t_end)):
            continue  # "Met Office", "Summit County": part of a name
        if other_sense(doc, kind, t_end, info.sentence.end):
            continue
        # "released the transcript": a statement; "the attack launched Sunday": violence
        kind = kind_by_object(doc, kind, t_end, info.sentence.end, t_start)
        occ = _occurrence(doc, info, (t_start, t_end, trigger, kind))
        by_subject = kind if occ.is_noun else kind_by_subject(doc, kind, occ.surface, occ.tokens_before)
        if by_subject != kind:  # "the earthquake struck": an accident
            kind = by_subject
            occ = replace(occ, kind=kind)
        if reduced_relative(doc, info, occ):
            continue
        prev = [t.lower for t in occ.tokens_before[-4:]]
        if (kind != "statement" and modal_or_negated(prev)
                and not reported_plan(doc, info, occ.start, occ.clause, prev)):
            continue  # "would not be vaccinating", "could be charged": no happening (GUIDELINES)
        if a_refusal(doc, occ.trigger, t_end) or refused(doc, prev):
            continue  # "declined to comment on Thursday", "refused to testify": nothing happened (GUIDELINES)
        if kind == "statement" and len(prev) >= 2 and is_negation(prev[-1]) and prev[-2] in _DO_FORMS:
            continue  # "Russian officials did not say why ...": no statement was made (GUIDELINES)
        if kind != "statement" and occ.tokens_before and occ.tokens_before[0].lower in CONDITIONS:
            continue  # "if funds arrived on Friday": a condition, no happening (GUIDELINES)
        if kind != "statement" and not occ.is_noun and _NO_OBJECT_RE.match(doc.text, occ.end):
            continue  # "offered no formal endorsement", "found no evidence": a negated object, no happening
        if (kind == "statement" and passive_report(occ.trigger, prev, _next_word(doc, occ.end))
                and not passive_said_by(doc, info, occ)):
            continue  # "a third case has been reported": no speaker, the report only sources a fact
        if kind == "statement" and counted_participle(occ.trigger, occ.tokens_before, doc.lex):
            continue  # "there were 1,240 cases reported": the participle qualifies the counted noun
        # (the undated reading of a sentence read already must not change what later sentences' pronouns are)
        draft = _event_draft(doc, info, occ, fronted, order + len(drafts), remember=not keep_undated,
                             keep_undated=keep_undated)
        if draft is not None:
            draft.by_verb = _finite(doc, occ, prev)
            found.append((occ, draft))
    # A verb that moves a happening ("the all-hands meeting will be postponed from Tuesday to Friday") leaves
    # the row to the happening moved, on its new day: the meeting, not the postponing.
    moved = {(occ.clause, d.item.date) for occ, d in found
             if not d.by_verb and occ.kind != "statement" and d.item.date is not None}
    found = [(occ, d) for occ, d in found
             if not (d.by_verb and occ.surface.lower() in doc.lex.rescheduling_verbs
                     and (occ.clause, d.item.date) in moved)]
    # The verb of a clause tells its happening: a noun of another event in the same clause with the same
    # date is its subject, object or background ("the supply ship arrived on Wednesday"). A noun with a
    # date of its own stays ("was detained in May for a January 4 call"); reporting verbs tell a
    # statement of their own and leave the nouns alone ("announced the closure").
    # "killed one militant and wounded 44 troops": the wounded are the death's happening, counted
    deaths = {d.item.date for occ, d in found if d.by_verb and occ.kind == "death"}
    found = [(occ, d) for occ, d in found
             if not (d.by_verb and occ.kind == "violence" and d.verb in doc.lex.casualty_verbs
                     and d.item.date in deaths)]
    told = {(occ.clause, d.item.date) for occ, d in found if d.by_verb and occ.kind != "statement"}
    said = [(occ, d) for occ, d in found if d.by_verb and occ.kind == "statement"]
    for occ, d in found:
        if said and _setting_of_words(doc, occ, d, said):
            continue
        if d.by_verb or occ.kind == "statement" or (occ.clause, d.item.date) not in told:
            d.order = order + len(drafts)
            drafts.append(d)
    return drafts


def _named_meeting(doc: Doc, kind: str, trigger: str, start: int, end: int) -> bool:
    """A meeting noun that ends a capitalised name is the meeting the name names ("Wednesday's Caribbean
    Financial Access Roundtable", "the Munich Security Conference"), not a word of another name ("Summit
    County", "Conference Board")."""
    if kind != "meeting" or not a_happenings_noun(doc.lex, trigger):
        return False
    before = _WORD_BEFORE_NAME_RE.search(doc.text, max(0, start - 60), start)
    if before is None or before.group("first").lower() in DETERMINERS:
        return False  # "The Forum": a venue's name
    if before.group("year"):
        return False  # "the 2015 Executive Board Meeting": the name's year, not the meeting's day
    after = _NEXT_WORD_RE.match(doc.text, end)
    return not (after and after.group(1)[:1].isupper())


# the capitalised words of a name before its last ("Caribbean Financial Access "), and a year before them
_WORD_BEFORE_NAME_RE = re.compile(
    r"(?P<year>\b\d{4}\s+)?(?<![\w&'’-])(?P<first>[A-Z][\w&'’-]*)(?:\s+[A-Z][\w&'’-]*)*\s+\Z")


def _setting_of_words(doc: Doc, occ: Occurrence, draft: Draft, said: list[tuple[Occurrence, Draft]]) -> bool:
    """Whether a meeting named with a noun is where a statement of the same date was made ("said at a news
    conference on Tuesday", "recounted in an Oct. 21 cabinet meeting"): the words and their setting are one
    happening, told by the statement."""
    if draft.by_verb or occ.kind != "meeting":
        return False
    return any(d.item.date == draft.item.date and verb.end <= occ.start
               and statement_setting(doc, verb.end, occ.start) for verb, d in said)


def _next_word(doc: Doc, pos: int) -> str:
    m = _NEXT_WORD_RE.match(doc.text, pos)
    return m.group(1).lower() if m else ""


_NEXT_WORD_RE = re.compile(r"\s*(\w+)")
_DO_FORMS = frozenset({"did", "does", "do"})
# "no" opening the object, not a bound ("launch no later than November")
_NO_OBJECT_RE = re.compile(r"\s+no\s+(?!later|earlier|sooner|more|less|fewer|longer)\w", re.IGNORECASE)


def _finite(doc: Doc, occ: Occurrence, prev: list[str]) -> bool:
    """Whether a trigger is the finite verb of its clause ("arrived", "has departed", "was arrested"), not a
    noun ("the arrival") nor an infinitive that completes another verb ("allowing companies to sell")."""
    if occ.is_noun or not told_by_verb(doc.lex.trigger_tags.get(occ.trigger, frozenset()), prev):
        return False
    before = [w for w in prev if w not in ADVERBS]
    return not before or before[-1] != "to"


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
    keep_undated: bool = False,
) -> Draft | None:
    """The draft of one trigger (dated `date_of` when given), or None when there is nothing to put on a
    timeline. With `remember`, the actors found are kept for the pronouns of later triggers; with
    `keep_undated`, a trigger left undated still gives its draft (see `extract.undated_report`)."""
    who = event_actors(doc, info, occ)
    if fronted is not None and occ.kind == "statement" and closing_attribution(doc, info, occ.clause):
        fronted = None  # "On Monday, the board fired its chief, officials said": Monday is the firing's
    in_clause = (date_of or clause_date(doc, info, occ) or main_clause_date(doc, info, occ)
                 or (None if occ.is_noun else day_just_after(doc, info, occ.clause)))
    if in_clause is not None and perfect_with_a_past_day(doc, info, occ, in_clause):
        in_clause = None  # "Police have released photos of the robbery on Dec. 22": the day is the robbery's
    bare = occ.kind == "statement" and not who.names and date_of is None and fronted is None
    if bare and not keep_undated and not (
            in_clause and occ.trigger in doc.lex.announcing_verbs
            and announced_thing(doc.text, occ.end, info.sentence.end)):
        # "officials said": a bare attribution; "In a Nov. 5 letter, the doctors urged" is news, and so is
        # "the choir unveiled its programme at Monday's concert"
        return None
    undated = in_clause is None and fronted is None
    date = in_clause or fronted
    if (
        not who.names
        and undated
        and not perfect_news(doc, occ)
        and (occ.is_noun or place_after(info, occ.end, occ.clause[1], doc, occ.kind) is None)
    ):
        # A casualty told with no name in the scene of a breaking story ("One victim was shot ..."): its day.
        date = day_of_the_report(doc, info, occ, who) if occ.kind in doc.lex.casualty_kinds else None
        if date is None and not keep_undated:
            return None  # "the delivery, which ...", "to meet redemptions": nothing to put on a timeline
    timed = tensed(doc.lex, occ)  # "has agreed to buy": the tense of "has agreed"
    if date is None:
        date = date_by_tense(doc, info, timed, who)
    scene = scene_date(info, doc) if date is None and who.names and occ.kind in doc.scene_kinds else None
    if scene is not None and iso_day(scene) and occ.kind != "statement":
        # "October 24: Corey Inman was arrested for retail theft. Cameron Horve was arrested for ...": the
        # paragraph goes on telling its day, one more happening of a kind it dated (a month or a year is a
        # span, not one scene; a statement's words may be of any day)
        date = scene if simple_past_main_clause(doc, info, timed) else None
    if date is None and (said := speakers_scene_day(doc, info, timed, who)) is not None:
        date = said  # "Ilse Marrow ... testified on Monday. Marrow said ...": said there, that day
    if remember and not (occ.is_noun and who.subject is None):
        # ("After a call with Mayor X, she ...": a noun's participants are a phrase's objects, not a subject)
        _remember_actors(doc, occ.kind, tuple(who.names))
    if date is None and not keep_undated and not _may_stay_undated(doc, occ, who):
        return None  # an undated event is no timeline row (see event_drafts): no summary to write
    if date is not None and occ.kind in TALLY_KINDS and not occ.is_noun and tally_over_a_period(
            doc, info, occ.end, date):
        return None  # "dealers sold 303,000 cars last year": the year's figure is the item
    if occ.kind in TALLY_KINDS and not occ.is_noun and forecast_change(
            doc, [t.lower for t in occ.tokens_before[-7:]], occ.end):
        return None  # "expects consumer prices to rise 8.8% this year": a forecast's figure is the item
    if (occ.kind in TALLY_KINDS and not occ.is_noun and doc.paragraph_number(occ.start) >= _NEWS_PARAGRAPHS
            and not (occ.tokens_before and occ.tokens_before[-1].lower in BE_FORMS)
            and change_by_an_amount(doc, occ.trigger, occ.end)):
        # "net income fell 22% in the third quarter": past the report's opening, where a change is its news
        # ("New vehicle sales plunged 10 percent last month"), the change is the figure, its item; not in the
        # passive, whose change someone made ("Tariffs were increased from 10% to 25% in May 2019")
        return None
    if date is not None and _running_tally(doc, info, occ, date):
        return None  # "nearly 200 soldiers have been killed since 1985": the count is the item
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
    announced = (announced_words(doc.text, occ.end, info.sentence.end)
                 if occ.kind == "statement" and occ.trigger in doc.lex.announcing_verbs else frozenset())
    return Draft(item, order, specificity(date), who.by_reference, (occ.start, occ.end),
                 verb=doc.lex.trigger_base.get(occ.trigger, ""), announced=announced)


@lru_cache(maxsize=4)
def _running_re(lex: Lexicon) -> re.Pattern[str]:
    """One of tense.yaml `running_tally_phrases` right before a date ("since ", "so far this ")."""
    phrases = spaced_alternatives(lex.running_tally_phrases)
    return re.compile(rf"\b(?:{phrases})\s+(?:(?:early|late|mid|the)[\s-]+)?\Z", re.IGNORECASE)


def _running_tally(doc: Doc, info: SentenceInfo, occ: Occurrence, date: str) -> bool:
    """Whether a casualty verb with a count for its subject is dated by the start of a running tally ("N have
    been killed since 1985", "so far this year"): a toll that holds now, which its figure tells, not a
    happening on the day the tally began."""
    if occ.kind not in doc.lex.casualty_kinds:
        return False  # "400 jets have been grounded since March": the grounding began in March
    dates = [(tx.start, tx.end) for tx, _v in info.timexes]
    if occ.is_noun or not any(
        DIGIT_RE.search(t.text) and not overlaps(t.start, t.end, dates) for t in occ.tokens_before
    ):
        return False
    return any(
        value == date and _running_re(doc.lex).search(doc.text, max(0, tx.start - 16), tx.start) is not None
        for tx, value in info.timexes
    )


def _statement_text(doc: Doc, info: SentenceInfo, occ: Occurrence, who: Actors) -> tuple[str | None, str]:
    """(place, summary) of a statement: the speaker's place and what was said, from the speaker on."""
    ent = who.subject
    location = speaker_place(info, ent, doc)
    lead = ent.start if ent is not None else occ.start
    body = doc.text[lead : info.sentence.end]
    summary = f"{label(occ.kind)}: {cap(clean_clause(body), 18)}"
    if ent is None and who.names:
        # "..., wrote Ada Brisk in a note": the speaker's name moves before the verb, once
        after = who.speaker_after
        if after is not None and not doc.text[occ.end : after.start].strip():
            body = doc.text[occ.start : occ.end] + doc.text[after.end : info.sentence.end]
        elif after is not None and (by := BY_WORD_RE.search(doc.text, occ.end, after.start)):
            # "announced on Monday by Minister Ada Brisk": her name before the verb, the agent phrase out
            body = doc.text[occ.start : by.start()].rstrip() + doc.text[after.end : info.sentence.end]
        summary = f"{label(occ.kind)}: {who.names[0]} {cap(clean_clause(body), 18)}"
    return location, summary


def _event_text(doc: Doc, info: SentenceInfo, occ: Occurrence, who: Actors) -> tuple[str | None, str]:
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
        told = " and ".join(actors[: who.referred])
        clause_text = re.sub(r"^\W*(?:he|she|it|they)\b", told, clause_text, flags=re.IGNORECASE)
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
