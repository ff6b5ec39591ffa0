"""The extractor itself: runs the steps of monitor.extract.items over one document.

Tags (or takes) the temporal expressions, picks the sentences to read, learns the names, analyses each
sentence (names, usable dates, triggers, clauses), turns it into event and figure drafts, and merges the
drafts that tell one event twice. Pure functions over the text; never raises on arbitrary text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence

from monitor.extract.budget import Budget
from monitor.extract.items.dateline import dateline_spans
from monitor.extract.items.dating import (
    DAY_TYPES,
    MONTH_VALUE_RE,
    comparison_base,
    date_value,
    iso_day,
    later_date,
    paragraph_scene,
    periods_of_play,
    range_end,
    recent_day,
    scene_date,
    scene_day,
    sentence_date,
    span_before,
    timex_words_re,
    value_baseline,
)
from monitor.extract.items.document import (
    Doc,
    Entity,
    SentenceInfo,
    clause_spans,
    overlaps,
    tokenize,
)
from monitor.extract.items.event_items import draft_at, event_drafts, typed_drafts
from monitor.extract.items.figure_items import figure_drafts
from monitor.extract.items.fronted import fronted_timex
from monitor.extract.items.furniture import body_sentences, header_end, headline_test, quote_spans
from monitor.extract.items.linking import NameLinker, is_acronym, ticker_bracket
from monitor.extract.items.memory import remember
from monitor.extract.items.merge import Draft, merge, specificity
from monitor.extract.items.model import Item
from monitor.extract.items.name_memory import learn_names, prime_names
from monitor.extract.items.named_days import named_day_happening
from monitor.extract.items.named_years import model_year
from monitor.extract.items.names import entities
from monitor.extract.items.no_happening import is_question, too_vague
from monitor.extract.items.scenes import remember_scene
from monitor.extract.items.spans_ahead import dates_from_now
from monitor.extract.items.story_year import narrated_year
from monitor.extract.items.summary import event_summary
from monitor.extract.items.trigger_objects import reporting_bounds
from monitor.extract.items.triggers import find_triggers
from monitor.extract.items.unreal import earliest_day_spans
from monitor.extract.items.usable_dates import usable_timexes
from monitor.extract.lexicon import Lexicon, load_lexicon
from monitor.extract.sentences import Sentence
from monitor.extract.timex import Timex
from monitor.extract.wordforms import VERB_TAGS, word_tags

log = logging.getLogger(__name__)


def extract_items(
    text: str,
    published: dt.date | dt.datetime | None,
    *,
    lexicon: Lexicon | None = None,
    timexes: Sequence[Timex] | None = None,
    budget: Budget | None = None,
    latent: bool = False,
) -> list[Item]:
    """Return the dated events and figures of `text`, in document order; never raises on arbitrary text.

    With `latent`, also each sentence's undated report of a happening when the sentence gives no item
    (`Item.latent`, `undated_report`), after the others: what a timeline of several outlets
    matches against other outlets' rows; the other items are the same either way.

    `published` anchors relative dates and dates present-tense reports; `timexes` may be given when already
    tagged (else monitor.extract.timex.tag is run). `lexicon` defaults to the bundled one (`load_lexicon()`).
    `budget` (monitor.extract.budget) bounds the sentences read, the CPU seconds and the items kept; what
    it cut is then in `budget.cut`.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    budget = budget or Budget.unlimited()
    budget.start()
    pub = published.date() if isinstance(published, dt.datetime) else published
    lex = lexicon or load_lexicon()
    sentences = body_sentences(text, lex)
    total = len(sentences)
    sentences = sentences[: budget.sentences(total)]
    # Over budget: only the text of the sentences read is tagged.
    read = text if len(sentences) == total or not sentences else text[: sentences[-1].end]
    try:
        tx = sorted(timexes if timexes is not None else usable_timexes(read, pub), key=lambda t: t.start)
    except Exception:  # a tagger failure must not lose the events; they just go undated
        tx = []
    tx = [t for t in tx if 0 <= t.start < t.end <= len(read)]
    if tx and (in_play := periods_of_play(read, tx, lex)):
        tx = [t for t in tx if t not in in_play]
    doc = Doc(text=text, published=pub, lex=lex, quotes=quote_spans(read), timexes=tx)
    doc.datelines = dateline_spans(read)
    prime_names(doc, sentences)
    body_start = header_end(text, sentences)
    drafts: list[Draft] = []
    undated: list[Draft] | None = [] if latent else None
    is_headline = headline_test(read)
    for number, sentence in enumerate(sentences):
        if budget.out_of_time(number, total):
            break
        if sentence.end <= body_start or is_headline(sentence):
            continue
        try:
            drafts.extend(_sentence_items(doc, sentence, len(drafts), undated))
        except Exception as exc:  # noqa: BLE001 - one odd sentence must not cost the document its other items
            # (none of the real pages of the gold sets raises here: one that does shows a rule's bug)
            log.warning("a sentence's items were skipped (%s: %s), at offset %d: %.80r",
                        type(exc).__name__, exc, sentence.start, sentence.text)
            continue
    # A movement left undated was kept to lend a dated telling of it its actors and place (merge); still
    # undated, it is no timeline row ("Kuzma returned to the bench", "Stadia arrives with missing features").
    items = [i for i in merge(_link_names(doc, drafts))
             if (i.date is not None or i.kind == "figure") and not too_vague(i, pub)]
    items = items[: budget.items(len(items))]
    if undated:  # never merged with the others: they are no rows, and must not change those that are
        items += [d.item for d in _link_names(doc, undated)]
    return items


def _analyse(doc: Doc, sentence: Sentence) -> SentenceInfo:
    """Names, usable dates (outside quotes, no ends of year ranges), triggers and clauses of a sentence."""
    start, end = sentence.start, sentence.end
    tokens = doc.tokens.get(start) or tokenize(doc.text, start, end)
    quotes = doc.quotes_in(start, end)
    # Only the timexes and date lines of this sentence: a long document is read in linear time.
    own = doc.timexes_in(start, end)
    timex_spans = [(t.start, t.end) for t in own]
    datelines = doc.datelines_in(start, end)
    found = entities(tokens, doc, timex_spans + datelines)
    _ticker_asides(doc, found)
    usable: list[tuple[Timex, str]] = []
    for tx in own:
        if (
            tx.end <= end
            and not overlaps(tx.start, tx.end, quotes)
            and not range_end(doc.text, tx)
            and not comparison_base(doc.text, tx, doc.lex)
            and not model_year(doc.text, tx, doc.lex)
            # a season's word alone ("as though winter had descended", "closes in winter") names no time
            and not timex_words_re("season").fullmatch(tx.text)
            and not _season_of_a_noun(doc.text, tx, doc.lex)
            and not _period_of_a_clause(doc.text, tx, doc.lex)
        ):
            value = date_value(tx, doc.published)
            if value and _EARLIER_RE.search(tx.text):
                value = _earlier_date(doc, tx, value, usable, start)  # counted from the story's day
            if value:
                usable.append((tx, narrated_year(doc, tx, value, start)))
    usable.extend(_later_dates(doc, own, usable, start))
    usable.extend(_dates_of_what_came_between(doc, own, usable, start, end))
    usable.extend(dates_from_now(doc, own, start))
    usable.sort(key=lambda found: found[0].start)
    if datelines:
        # the day the story was filed yields to a date of the sentence itself ("PERTH, April 5 -- Crowds
        # waited ... as the bells rang last night": last night's)
        told = [u for u in usable if not overlaps(u[0].start, u[0].end, datelines)]
        if told:
            usable = told
    triggers = find_triggers(doc, sentence.start, sentence.end)
    bound = _NONE
    if usable:  # the dates of a baseline's value ("down from 1.8% on Monday") date only that value
        bound = frozenset(tx.start for tx, _v in usable if value_baseline(doc.text, tx, doc.lex))

    def cut_clauses() -> list[tuple[int, int]]:
        reported = reporting_bounds(doc, triggers, sentence.end, timex_spans)
        # The brackets of "the World Health Organization (WHO) said" cut no clause: the name is the speaker's.
        uncut = (timex_spans + earliest_day_spans(doc.text, doc.lex, timex_spans)
                 + [d for d in doc.defining_in(start, end) if start <= d[0]])
        clauses = clause_spans(doc.text, tokens, sentence.start, sentence.end, doc.lex, reported, uncut)
        return _dates_set_off_joined(doc.text, clauses, timex_spans)

    return SentenceInfo(sentence, tokens, found, cut_clauses, usable, quotes, triggers, bound)


_NONE: frozenset[int] = frozenset()


def _ticker_asides(doc: Doc, found: list[Entity]) -> None:
    """A company's stock ticker in brackets after its name ("Coca-Cola Co (NYSE: KO) said") is one of the
    document's brackets that cut no clause and name no one who acts (`Doc.defining`), as an acronym's are."""
    for ent in found:
        close = ticker_bracket(doc.text, ent.end, doc.lex) if ent.kind in ("org", "name") else None
        if close is not None and (ent.end, close) not in doc.defining_in(ent.end, close):
            doc.defining.append((ent.end, close))


def _dates_set_off_joined(
    text: str, clauses: list[tuple[int, int]], timexes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The clauses with one that is only a date set off by a comma joined to the clause before: the date
    of that clause's happening ("with the Pavilion hosting the final date on the tour, Oct. 10."), and of
    the clause before a place's apposition ("made landfall on Honshu, the largest island of Japan, on
    Monday")."""
    out: list[tuple[int, int]] = []
    for n, clause in enumerate(clauses):
        if out and any(_only(text, clause, tx) for tx in timexes):
            out[-1] = (out[-1][0], clause[1])
        elif (n == len(clauses) - 1 and len(out) > 1 and _apposition(text, out[-1])
              and any(_only(text, clause, tx, preposition=True) for tx in timexes)):
            # the sentence's last words, "..., on Monday.", after an apposition: the clause before it's
            out[-2:] = [(out[-2][0], clause[1])]
        else:
            out.append(clause)
    return out


def _only(text: str, clause: tuple[int, int], timex: tuple[int, int], preposition: bool = False) -> bool:
    """Whether a clause holds nothing but the date `timex` (with `preposition`, a preposition before it) and
    punctuation."""
    start, end = clause
    before = (_DATE_PREPOSITION_RE.fullmatch(text, start, timex[0]) is not None if preposition
              else not _WORD_CHAR_RE.search(text, start, timex[0]))
    return start <= timex[0] and timex[1] <= end and before and not _WORD_CHAR_RE.search(text, timex[1], end)


_WORD_CHAR_RE = re.compile(r"\w")
_DATE_PREPOSITION_RE = re.compile(r"\W*(?:(?:on|in|at|during)\s+)?", re.IGNORECASE)


def _apposition(text: str, clause: tuple[int, int]) -> bool:
    """Whether a clause is a noun phrase set off after a name (`_APPOSITION_RE`), with no word that can only
    be a verb ("the police said" is a clause)."""
    return (_APPOSITION_RE.fullmatch(text, *clause) is not None
            and not any((tags := word_tags(w)) and tags <= _VERB_OR_MODAL
                        for w in _WORD_RE.findall(text[clause[0] : clause[1]].lower())))


_VERB_OR_MODAL = VERB_TAGS | {"MD"}
_WORD_RE = re.compile(r"[a-z]+")
# A noun phrase set off by commas after a name ("Honshu, the largest and most populous island of Japan,"): a
# determiner, then up to ten words (a comma or a clause marker would have cut the clause before).
_APPOSITION_RE = re.compile(r"\W*(?:the|a|an)\s+(?:[\w'\u2019-]+\s+){0,8}?(?:of\s+)?[\w'\u2019-]+\W*",
                            re.IGNORECASE)


def _season_of_a_noun(text: str, tx: Timex, lex: Lexicon) -> bool:
    """A season's word before a word of the weather ("the early winter temperatures", "summer heat";
    numbers.yaml `temperature_words`): a kind of weather, no time."""
    words = tx.text.split()
    if not words or not timex_words_re("season").fullmatch(words[-1]):
        return False
    after = _NEXT_WORD_RE.match(text, tx.end)
    return after is not None and after.group(1).lower() in lex.weather_words


_NEXT_WORD_RE = re.compile(r" ([A-Za-z]+)\b")


def _period_of_a_clause(text: str, tx: Timex, lex: Lexicon) -> bool:
    """A period that the clause after it defines ("the summer she turned 17", "the year his father died"):
    the clause, not the calendar, tells which one, and the text does not say (tense.yaml `defined_periods`).
    """
    words = tx.text.lower().split()
    if len(words) != 2 or words[0] != "the":
        return False
    if words[1] not in lex.defined_periods and not timex_words_re("season").fullmatch(words[1]):
        return False
    after = _NEXT_WORD_RE.match(text, tx.end)
    if after is None or after.group(1).lower() not in lex.pronouns:
        return False
    # After a preposition the period is an adverbial and the pronoun opens the clause it dates ("over the
    # weekend it emerged that ..."); "met him the summer she turned 17" names the period by the clause.
    before = _WORD_BEFORE_RE.search(text, max(0, tx.start - 40), tx.start)
    word = before.group(1).lower() if before else ""
    return not word or word in lex.pronouns or word not in lex.function_words


_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\W*\Z")


def _later_dates(
    doc: Doc, own: Sequence[Timex], usable: Sequence[tuple[Timex, str]], start: int
) -> list[tuple[Timex, str]]:
    """Spans told as "<span> later" ("the supplier cancelled the order two months later"), dated from the last
    date before them in the sentence, else from the scene of the paragraph (`later_date`)."""
    out: list[tuple[Timex, str]] = []
    for tx in own:
        if tx.type != "DURATION" or not _LATER_RE.match(doc.text, tx.end):
            continue
        earlier = [value for t, value in usable if t.end <= tx.start]
        anchor = earlier[-1] if earlier else paragraph_scene(doc, start)
        value = later_date(anchor, tx.value) if anchor else None
        if value:
            out.append((dataclasses.replace(tx, type="DATE", value=value), value))
    return out


_LATER_RE = re.compile(r"\s+later\b")


def _dates_of_what_came_between(
    doc: Doc, own: Sequence[Timex], usable: Sequence[tuple[Timex, str]], start: int, end: int
) -> list[tuple[Timex, str]]:
    """The date of a clause told as "<span> after" or "<span> before" another happening ("The crash comes a
    day after the Taliban swapped two hostages", "resigned on May 3, two weeks after the vote"): the span
    counted back (or on) from the happening it follows, dated by the last date before it in the sentence, by
    the paragraph's scene, or by the day of the news a "comes" or "came" tells (`_news_day`), or the
    publication day where the span is of years. A vague span ("days", "shortly", "soon") counts from a day
    the sentence or the news gives, never a paragraph's scene ("gas present shortly after the universe was
    born"), and dates its clause by the month or the week that holds all seven days before (after) it
    ("withdrew its filing on Sept. 30, shortly after Neumann stepped down": September); "hours" by that
    day. The date sits on the word "after", which opens the clause it dates, and so dates that clause's
    happening, not the one before (which keeps its own date or none)."""
    text = doc.text
    spans = [(tx.start, tx.end, tx.value) for tx in own
             if tx.type == "DURATION" and (_SPAN_RE.fullmatch(tx.value) or tx.value in _FEW_DAYS_OR_HOURS)]
    spans += [(m.start(), m.end(), "PXD") for m in _SHORTLY_RE.finditer(text, start, end)]
    out: list[tuple[Timex, str]] = []
    for at, span_end, span in sorted(spans):
        follows = _SPAN_BETWEEN_RE.match(text, span_end)
        before = text[max(0, at - 24) : at]
        if follows is None or _LENGTH_BEFORE_RE.search(before):
            continue  # "jailed for 11 years after pleading guilty": how long, not when
        earlier = [value for t, value in usable if t.end <= at]
        exact = _SPAN_RE.fullmatch(span) is not None
        later = [value for t, value in usable if follows.end() <= t.start <= follows.end() + _NOUN_DATE_REACH]
        if not earlier and exact and later and _NOUN_DATE_RE.match(text, follows.end()):
            # "three years after the 1993 settlement", "freed two years after the 2001 attack": the happening
            # after "after" has its date, so the span dates the clause it ends, counted on from it; a span
            # that reaches the report's year tells how long ago that was ("remain, 12 years after the 2009
            # ceasefire"), no date of its own
            value = _counted_from(later[0], span, after=follows.group(1).lower() != "after")
            if value and not (doc.published and value[:4] >= str(doc.published.year)):
                out.append((Timex(at, span_end, text[at:span_end], "DATE", value), value))
                continue
        if earlier:
            anchor: str | None = earlier[-1]
        else:
            anchor = paragraph_scene(doc, start) if exact else None
            anchor = anchor or _news_day(doc, at, past=not exact)
        if anchor is None and doc.published and span.endswith("Y"):
            anchor = doc.published.isoformat()
        value = _counted_from(anchor, span, after=follows.group(1).lower() == "after") if anchor else None
        if value:
            out.append((Timex(follows.start(1), follows.end(1), follows.group(1), "DATE", value), value))
    return out


_SPAN_BETWEEN_RE = re.compile(r"\s+(after|before)\s+(?!(?:that|this|then)\b)", re.IGNORECASE)
# "after the 1993 settlement", "after its Oct. 7 attack": a happening's noun phrase that opens on its date
_NOUN_DATE_RE = re.compile(r"(?:the|its|his|her|their|a|an)\s+(?=[A-Z0-9])")
_NOUN_DATE_REACH = 24
_SPAN_RE = re.compile(r"P\d+[DWMY]")
_FEW_DAYS_OR_HOURS = frozenset({"PXD", "PTXH", "PTXM"})  # "days", "hours", "minutes"
_HOURS = frozenset({"PTXH", "PTXM"})  # (the same day)
_SHORTLY_RE = re.compile(r"\b(?:shortly|soon)(?=\s+(?:after|before)\b)", re.IGNORECASE)
_QUALIFIERS = r"(?:about\s+|nearly\s+|almost\s+|just\s+|only\s+|up\s+to\s+)?"
_LENGTH_BEFORE_RE = re.compile(rf"\b(?:for|of|to|over|in|within|lasting)\s+{_QUALIFIERS}\Z", re.IGNORECASE)
# "The crash comes a day after", "Their release came hours after": the news of the report follows
_NEWS_BEFORE_RE = re.compile(rf"\b(?P<verb>comes|come|is|are|follows|came|followed)\s+{_QUALIFIERS}\Z")
_PAST_NEWS_VERBS = frozenset({"came", "followed"})


def _counted_from(anchor: str, span: str, *, after: bool) -> str | None:
    """The date a span before (`after`) or after the day `anchor` gives: an exact span counted, "hours" the
    same day, "days" the month (else the week) holding all seven days (`_few_days_from`)."""
    if _SPAN_RE.fullmatch(span):
        return later_date(anchor, f"P{'-' if after else ''}{span[1:]}")
    day = iso_day(anchor)
    if day is None:
        return None
    return day.isoformat() if span in _HOURS else _few_days_from(day, before=after)


def _news_day(doc: Doc, at: int, *, past: bool) -> str | None:
    """The day of the news a span right after "comes" or "came" counts from: the publication day for the
    present; with `past` (vague spans), "came" too, from the report's last named day if within days of
    publication, else the publication day ("Two hostages held since 2016 were freed. Their release came hours
    after ...": the news, not 2016). An exact span after "came" is a narrative's, not the news's ("The news
    came a month after ...")."""
    told = _NEWS_BEFORE_RE.search(doc.text, max(0, at - 24), at)
    if told is None or doc.published is None:
        return None
    if told.group("verb") not in _PAST_NEWS_VERBS:
        return doc.published.isoformat()
    if not past:
        return None
    day = iso_day(doc.last_day)
    return day.isoformat() if day is not None and recent_day(doc, day) else doc.published.isoformat()


def _few_days_from(day: dt.date, *, before: bool) -> str | None:
    """The month, else the ISO week, that holds all of the seven days before (after) `day` (a month as the
    reader dates "shortly after", a week seldom holds them); None when neither does."""
    step = dt.timedelta(days=-1 if before else 1)
    first, last = sorted((day + step, day + 7 * step))
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year}-{first.month:02d}"
    (y1, w1, _d1), (y2, w2, _d2) = first.isocalendar(), last.isocalendar()
    return f"{y1}-W{w1:02d}" if (y1, w1) == (y2, w2) else None


def _earlier_date(
    doc: Doc, tx: Timex, value: str, usable: Sequence[tuple[Timex, str]], start: int
) -> str | None:
    """A span told as "<span> earlier" ("the flue pipe fitted 12 days earlier") counts back from the day the
    story is telling: from a date before it in the sentence ("struck on July 14, after the pilots had
    stopped work two months earlier": May), else from the publication date, where the paragraph's scene is the
    story's day, else a breaking story's scene a paragraph before (`scene_day`: "... left the ward
    Saturday." / "She had been admitted a day earlier ..."); with no scene, it dates nothing. (The tagger
    counts every such span from the publication date.)"""
    span = span_before(value, doc.published)
    before = [v for t, v in usable if t.end <= tx.start]
    if before:
        anchor = before[-1]
        if not span or not MONTH_VALUE_RE.match(anchor) or _THAN_RE.match(doc.text, tx.end):
            return value  # ("a day earlier than expected": a comparison, no span back from the date)
        return later_date(anchor, "P-" + span[1:]) or value
    scene = paragraph_scene(doc, start) or ((day := scene_day(doc)) and day.isoformat())
    return later_date(scene, "P-" + span[1:]) if span and scene else None


_THAN_RE = re.compile(r"\s+than\b")
_EARLIER_RE = re.compile(
    r"^(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|just\s+|roughly\s+)?"
    r"(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)\s+earlier\Z",
    re.IGNORECASE,
)


def _sentence_items(doc: Doc, sentence: Sentence, order: int, undated: list[Draft] | None) -> list[Draft]:
    """The drafts of one sentence; when it gives none and `undated` is a list, its undated report joins it."""
    info = _analyse(doc, sentence)
    # Surnames learnt here expand the names of later sentences ("Putin" -> "Vladimir Putin").
    learn_names(doc, info.entities)
    fronted = fronted_timex(info, doc)
    drafts = event_drafts(doc, info, fronted, order)
    drafts.extend(figure_drafts(doc, info, fronted, order + len(drafts)))
    drafts.extend(_counted_happenings(doc, info, drafts, order + len(drafts)))
    if not drafts:  # the last reading of a sentence that names a past day
        drafts = named_day_happening(doc, info, lambda occ, date: draft_at(doc, info, occ, order, date))
    if undated is not None and not drafts and (report := undated_report(doc, info, order)) is not None:
        undated.append(report)
    remember(doc, info)
    return _without_what_is_reported(doc, _date_undated(doc, info, drafts))


def _counted_happenings(doc: Doc, info: SentenceInfo, drafts: list[Draft], order: int) -> list[Draft]:
    """The happening a sentence that names no day tells by the toll of a participle after it, on the toll's
    date ("gunmen fired at a group of people driving to work, killing four Iraqis": the figure is the day's
    news, and so is the shooting); none when the sentence gives an event or dates an item itself."""
    if any(d.item.kind != "figure" for d in drafts) or any(tx.type in DAY_TYPES for tx, _v in info.timexes):
        return []
    tolls = [d for d in drafts if d.item.date and d.item.metric in _TOLLS]
    told = next((m for m in _PARTICIPLE_RE.finditer(info.sentence.text)
                 if m.group(1).lower() in doc.lex.toll_participles and _a_count(doc, m.group(2))), None)
    if not tolls or told is None:
        return []
    word = told.group(1)
    # "wounding 44", "injuring dozens": an attack; "killing four", "leaving three people dead": a death
    kind = "violence" if doc.lex.trigger_kind.get(word.lower()) == "violence" else "death"
    start = info.sentence.start + told.start(1)
    item = dataclasses.replace(tolls[0].item, kind=kind, value=None, unit=None, subject=None, metric=None,
                               qualifier=None, summary=event_summary(kind, (), word, info.sentence.text))
    return [dataclasses.replace(tolls[0], item=item, order=order, trigger=(start, start + len(word)))]


_TOLLS = frozenset({"deaths", "injuries"})
# a participle after a comma, then the first word of its object past a quantifier (kinds.yaml
# `toll_participles` says which participles tell a toll)
_PARTICIPLE_RE = re.compile(r",\s+([A-Za-z]+ing)\s+(?:at\s+least\s+|about\s+|some\s+)?([A-Za-z]+|\d)")
_COUNTS_OF_MANY = frozenset({"dozens", "scores", "hundreds"})


def _a_count(doc: Doc, word: str) -> bool:
    """Whether a participle's object opens on a count ("four Iraqis", "12 people", "dozens"), not on words
    ("more than 1,300": a background tally, told otherwise)."""
    low = word.lower()
    return word.isdigit() or low in doc.lex.number_words or low in _COUNTS_OF_MANY


def undated_report(doc: Doc, info: SentenceInfo, order: int) -> Draft | None:
    """The words a sentence that gave no item reports, undated and `latent`: no row of its own (most undated
    sentences are background or a bare "officials said"), but another outlet's report of the same words
    ("..., Johnston said in a statement") corroborates it (monitor.track). Only a happening told by its verb
    or named by its noun with who acts named ("Russia's straightforward victory against Croatia"), or words
    quoted: what outlets echo of one another is who said or did what, often in the words of one press
    release ("charged with conspiracy to export controlled goods without a licence"),
    or a happening of a typed kind told by its verb, who did it named or not ("a barge was torn from its
    moorings": a scene outlets tell in words alike); a bare "officials said" is no one's, nor is "the
    minister's statement" (no words of it)."""
    if is_question(info, doc.lex):
        return None
    told = [d for d in typed_drafts(doc, info, None, order, keep_undated=True)
            if d.by_verb or (d.item.actors and d.item.kind != "statement")]
    if not told or not (told[0].item.actors or info.quotes
                        or (told[0].by_verb and told[0].item.kind not in ("other", "statement"))):
        return None
    item = dataclasses.replace(told[0].item, date=None, latent=True)
    return dataclasses.replace(told[0], item=item, specificity=specificity(None))


def _without_what_is_reported(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A happening told after a statement's verb of its sentence, on the statement's date, is what was said
    ("NASA announced that nine companies were eligible to bid", "Trump said a contract with Boeing would be
    too expensive"): the statement is the row; the reported happening took that date from it. One the
    speaker tells as done, by a verb in the past ("Spain said it had delivered 500 ventilators"), stays."""
    said = [d for d in drafts if d.item.kind == "statement" and d.trigger and d.item.date]
    if not said:
        return drafts

    def reported(d: Draft, by: list[Draft]) -> bool:
        return any(s.trigger and s.item.date == d.item.date and d.trigger and d.trigger[0] > s.trigger[1]
                   for s in by)

    # A denial's clause is told as done only to be denied ("denied that it had settled"): no row either.
    denied = [s for s in said if s.trigger and _trigger_word(doc, s) in doc.lex.denying_verbs]
    return [
        d for d in drafts
        if d.item.kind in ("statement", "figure") or d.trigger is None
        or ((_told_as_done(doc, d) or not reported(d, said)) and not reported(d, denied))
    ]


def _trigger_word(doc: Doc, d: Draft) -> str:
    """A draft's trigger's first word, lower case."""
    return (doc.text[d.trigger[0] : d.trigger[1]].split() or [""])[0].lower() if d.trigger else ""


def _told_as_done(doc: Doc, d: Draft) -> bool:
    """Whether a draft's trigger is a verb in the simple past or past perfect ("delivered", "had sent")."""
    if not d.by_verb or d.trigger is None:
        return False
    word = _trigger_word(doc, d)
    before = doc.text[max(0, d.trigger[0] - 12) : d.trigger[0]].lower().split()[-2:]
    return "had" in before or ("VBD" in word_tags(word) and not {"to", "be", "been"} & set(before))


def _date_undated(doc: Doc, info: SentenceInfo, drafts: list[Draft]) -> list[Draft]:
    """Date what the clause steps left undated: by the sentence's one date, else by the scene the paragraph
    is telling ("On Tuesday ... . He finished with 25 points."); then remember this sentence's scene."""
    fill = sentence_date(info, doc) or scene_date(info, doc)
    out = drafts
    if fill is not None:
        out = [
            dataclasses.replace(d, item=dataclasses.replace(d.item, date=fill), specificity=specificity(fill))
            # Figures left undated were left so on purpose (a modal or future amount: "will send 3,000").
            if d.item.date is None and d.item.kind != "figure"
            else d
            for d in drafts
        ]
    remember_scene(doc, info, out)
    return out


def _link_names(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Every name of the drafts in its one form for the document (monitor.extract.items.linking): a surname
    told before the full name ("Putin ... Russian President Vladimir Putin"), an acronym and its long name,
    an alias of the lexicon's table. Only names read as people or organisations are linked (a place named
    "Paris" is never "Paris Hilton"); a pronoun is no actor."""
    if not doc.names_read:
        return drafts
    lex, linkers, known = doc.lex, list[NameLinker](), dict[str, str | None]()

    def link(name: str | None) -> str | None:
        if name is None or name not in doc.names_read:
            return name
        if name not in known:
            if name in doc.full_names and name not in doc.aliases and not _in_table(name, lex):
                known[name] = name  # already the one form: the common case, no index needed
            else:
                if not linkers:  # the index, built once and only for a document that needs it
                    linkers.append(NameLinker(lex, list(doc.full_names), doc.aliases))
                known[name] = linkers[0].link(name, doc.names_read[name])
            linked = known[name]
            if linked is not None and linked.lower() in lex.pronouns and not is_acronym(linked):
                known[name] = None
        return known[name]

    out = []
    for d in drafts:
        item = d.item
        actors = tuple(dict.fromkeys(linked for a in item.actors if (linked := link(a))))
        subject, attribution = link(item.subject) or item.subject, link(item.attribution) or item.attribution
        if (actors, subject, attribution) != (item.actors, item.subject, item.attribution):
            item = dataclasses.replace(item, actors=actors, subject=subject, attribution=attribution)
            d = dataclasses.replace(d, item=item)
        out.append(d)
    return out


def _in_table(name: str, lex: Lexicon) -> bool:
    """Whether the alias table has `name` (an acronym as written, any other name in lower case)."""
    return name in lex.alias_of or (not is_acronym(name) and name.lower() in lex.alias_of)
