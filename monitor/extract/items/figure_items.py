"""Step 4: figures as items. monitor.extract.items.figures reads the number, qualifier, unit and metric of
each statistic in a sentence; here we add the subject (the place, else the name, the figure is about), the
attribution ("according to X", or the speaker) and the as-of date (monitor.extract.items.figure_dates).
"""

from __future__ import annotations

import dataclasses
import re

from monitor.extract.items.actors import actor_name, subject_of
from monitor.extract.items.dating import (
    DAY_TYPES,
    after_publication,
    span_end_year,
    timex_in,
    without_closed_baselines,
    years_span_after,
)
from monitor.extract.items.document import (
    POSSESSIVE_S,
    Doc,
    Entity,
    SentenceInfo,
    clause_of,
    in_spans,
    overlaps,
)
from monitor.extract.items.event_dates import ADVERBS
from monitor.extract.items.figure_baselines import (
    a_year_before,
    an_earlier_year,
    baseline_date,
    baseline_of_a_change,
    from_one_value_to_another,
)
from monitor.extract.items.figure_data import extremes_own_date, span_to_now, years_extreme
from monitor.extract.items.figure_dates import (
    as_of,
    date_right_after,
    results_period,
    without_periods_to_come,
)
from monitor.extract.items.figure_filters import off_the_timeline
from monitor.extract.items.figure_records import bracketed_record
from monitor.extract.items.figure_shapes import SCORE_METRICS, may_hold_shape, shaped_figures, with_shaped
from monitor.extract.items.figures import FigureMention, find_figures, may_hold_figure
from monitor.extract.items.merge import Draft, specificity
from monitor.extract.items.model import Item
from monitor.extract.items.summary import figure_summary
from monitor.extract.items.triggers import SINCE_BEFORE_RE
from monitor.extract.timex.model import Timex
from monitor.extract.wordforms import norm_phrase, word_tags


def _attribution(info: SentenceInfo, doc: Doc) -> tuple[str | None, tuple[int, int] | None]:
    """The source cited for the sentence's figures ("according to a Johns Hopkins tally" -> Johns Hopkins)."""
    lex = doc.lex
    s = info.sentence
    for m in lex.attribution_re.finditer(doc.text, s.start, s.end):
        clause = clause_of(m.start(), info.clauses)
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


_PLACE_KINDS = ("country", "capital", "place", "demonym")


_DETS = frozenset({"the", "a", "an"})


_SPREAD_PREPS = ("in", "across", "throughout", "inside", "within")
# The figure's noun (a word or three) and "by" before a name: the agent of the counted thing
_AGENT_AFTER_RE = re.compile(r"(?:\s+[a-z][\w-]*){1,3}\s+by\s+(?:the\s+)?")


def _figure_subject(
    info: SentenceInfo,
    f: FigureMention,
    attribution_span: tuple[int, int] | None,
    source: str | None,
    doc: Doc,
) -> str | None:
    """Whom or where a figure counts: a place in its clause ("killed in Turkey"), else the nearest place
    before it in the sentence, else the nearest name before it that is not the source being cited."""
    start = info.sentence.start + f.start
    end = info.sentence.start + f.end
    clause = clause_of(info.sentence.start + f.num_start, info.clauses)
    outside = [
        e
        for e in info.entities
        if not (attribution_span and attribution_span[0] <= e.start < attribution_span[1])
        and not in_spans(e.start, e.end, info.quotes)
        and not e.modifier
    ]

    def place_name(i: int, ents: list[Entity]) -> str:
        ent = ents[i]
        if ent.kind == "capital" and ent.country and _acts(doc, ent):
            return ent.country  # "Beijing also wants Trump to eliminate the 15% tariffs": China's figure
        # "southern Turkey and northern Syria": a figure for both.
        if i > 0:
            prev = ents[i - 1]
            between = doc.text[prev.end : ent.start].split()
            if between and between[0] == "and" and len(between) <= 2:
                return f"{prev.name} and {ent.name}"
        return ent.name

    carrier = _carrier(doc, info, start, outside)
    if carrier is not None:
        return carrier
    places = [e for e in outside if e.kind in _PLACE_KINDS and not _on_a_route(doc, e)]
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
        if e.end <= start and e.kind in ("org", "name", "person") and actor_name(e, True) != source
        and not _on_a_route(doc, e) and norm_phrase(e.name) not in doc.lex.unit_of  # "197 Nm", "151 PS"
    ]
    if others:
        ent = others[-1]
        return ent.country if ent.kind == "org" and ent.country else ent.name
    agent = next((e for e in outside if end <= e.start < clause[1] and e.kind in ("org", "name", "person")
                  and _AGENT_AFTER_RE.fullmatch(doc.text, end, e.start)), None)
    if agent is not None:
        # "a $3 billion tender offer by SoftBank": the noun's agent is whose figure it is
        return agent.country if agent.kind == "org" and agent.country else agent.name
    # "The Pentagon said it will send 3,000 troops": the speaker is also the one counted.
    lead = [t.lower for t in info.tokens_within(clause[0], start)]
    if source and any(w in doc.lex.thing_pronouns or w == "we" for w in lead):
        speaker = next((e for e in outside if actor_name(e, True) == source), None)
        if speaker is not None:
            return speaker.country if speaker.kind == "org" and speaker.country else source
        return source
    after = [e for e in places if e.start >= end]
    if after:
        return after[0].name
    return None


def _carrier(doc: Doc, info: SentenceInfo, start: int, names: list[Entity]) -> str | None:
    """The name in the noun phrase right before one of metrics.yaml `carrier_verbs` that the figure at
    `start` follows ("an AirAsia plane carrying 162 people": AirAsia), or None."""
    before = info.tokens_within(info.sentence.start, start)
    if not before or before[-1].lower not in doc.lex.carrier_verbs:
        return None
    verb, opens = before[-1].start, before[-1].start
    for tok in reversed(before[-4:-1]):  # the noun phrase: a few words, no mark between
        if not (tok.text.isalpha() or tok.text in POSSESSIVE_S):
            break
        opens = tok.start
    found = [e for e in names if opens <= e.start and e.end <= verb]
    return actor_name(found[-1], True) if found else None


def _on_a_route(doc: Doc, ent: Entity) -> bool:
    """Whether a place or name is where something goes or comes from ("from Kuala Lumpur to Beijing", "to
    and from the Earth's moon"): right after one of metrics.yaml `route_prepositions`, a determiner
    between."""
    words = [w for w in doc.text[max(0, ent.start - 30) : ent.start].lower().split() if w not in _DETS]
    return any(" ".join(words[-n:]) in doc.lex.route_prepositions for n in (1, 2) if len(words) >= n)


# The finite verb forms after a name that make it the one who acts ("Beijing wants", "Moscow said"); a plural
# noun form too ("talks", "police") leaves it a place ("Beijing talks", "Moscow police").
_FINITE_TAGS = frozenset({"VBZ", "VBD"})


def _acts(doc: Doc, ent: Entity) -> bool:
    """Whether a name is followed by its own verb (adverbs such as "also" skipped): a capital so used speaks
    for its country (places.yaml), as a figure's subject too."""
    for word in doc.text[ent.end : ent.end + 60].split()[:3]:
        low = word.lower()
        if low in ADVERBS:
            continue
        tags = word_tags(low)
        return low in doc.lex.modal_aux or (bool(tags & _FINITE_TAGS) and "NNS" not in tags)
    return False


_POINTING_BACK = frozenset({"this", "that", "these", "those", "the"})


def _restated(doc: Doc, info: SentenceInfo, f: FigureMention) -> bool:
    """Whether the figure points back at one the text already gave ("nearly 150 were deported ... These 150
    men"; "some of that 4.21 GW"): a demonstrative before a number written the same way earlier."""
    before = info.sentence.text[: f.start].split()
    # Only a figure already read is pointed back at: a number in a table's footnote or a headline the
    # reading skipped leaves "the 162 passengers" the figure.
    if not before or before[-1].lower() not in _POINTING_BACK or f.value not in doc.figure_values:
        return False
    number = re.escape(info.sentence.text[f.num_start : f.num_end])
    # Written on its own: not part of another number ("150", "2,150"), nor an age ("this 6-year-old" gave no 6
    # for "shows that 6 of 10 Americans"), nor a date's day or year ("a scheduled Dec. 15 imposition of
    # tariffs" gave no 15 for "eliminate the 15% tariffs").
    dates = [(t.start, t.end) for t in doc.timexes_in(0, info.sentence.start) if t.type in DAY_TYPES]
    alone = re.compile(rf"(?<![\d.,]){number}(?![\d]|[.,]\d|-years?-old)")
    earlier = alone.finditer(doc.text, 0, info.sentence.start)
    return any(not overlaps(m.start(), m.end(), dates) for m in earlier)


def _dates_a_coming_noun(doc: Doc, timex: tuple[Timex, str | None]) -> bool:
    """Whether a date is the possessive of a noun still to come ("spots in next spring's final", "ahead of
    Friday's vote" told before it): it dates that noun, not a figure, which holds as its own clause tells."""
    tx, value = timex
    return (doc.text.startswith(("'s", "\u2019s"), tx.end) and value is not None
            and after_publication(value, doc.published))


def figure_drafts(doc: Doc, info: SentenceInfo, fronted: str | None, order: int) -> list[Draft]:
    """The figure drafts of an analysed sentence, numbered from `order`; `fronted` is a date opening it."""
    s = info.sentence
    if not may_hold_figure(s.text, doc.lex) and not may_hold_shape(s.text, doc.lex):
        return []  # the common case: no number in the sentence, nothing below can find one
    blocked = [(a - s.start, b - s.start) for a, b in info.quotes]
    # Dates are no figures; durations may be ("up to 10 years in prison"), and figures rejects spans of time.
    blocked += [
        (t.start - s.start, t.end - s.start)
        for t in doc.timexes_in(s.start, s.end)
        if t.type in DAY_TYPES
    ]
    mentions = [
        f
        for f in with_shaped(find_figures(s.text, doc.lex, blocked), shaped_figures(s.text, doc.lex, blocked))
        if not _restated(doc, info, f) and not off_the_timeline(doc, info, f)
    ]
    if not mentions:
        return []
    attribution, attr_span = _attribution(info, doc)
    # A reporting word inside a figure's own phrase modifies the count ("412 confirmed deaths"): no speaker.
    phrases = [(s.start + f.start, s.start + f.end) for f in mentions]
    if attribution is None:
        for t_start, t_end, _text, kind in info.triggers:
            if (
                kind == "statement"
                and not overlaps(t_start, t_end, info.quotes)
                and not overlaps(t_start, t_end, phrases)
            ):
                clause = clause_of(t_start, info.clauses)
                ent = subject_of(info, t_start, clause, doc, True)
                if ent is not None:
                    attribution = actor_name(ent, True)
                break
    attr_date = None
    if attr_span:
        attr_date = timex_in((attr_span[0], attr_span[1]), info, attr_span[0])
    out: list[Draft] = []
    info = without_periods_to_come(doc, info)
    # "In the past year, shares have lost 35%": a span up to today dates no figure (the tagger's value is the
    # calendar year before); the figure holds now, as its tense or the publication day says.
    to_now = [x for x in info.timexes if span_to_now(doc.text, x[0].start)]
    if to_now:
        info = dataclasses.replace(info, timexes=[x for x in info.timexes if x not in to_now])
        fronted = None if fronted in {v for _tx, v in to_now} else fronted
    # A baseline's date ("to $6 million from $9 million a year ago") dates the value right before it, and
    # another figure of its clause only when the clause has no other date ("rose to 30 from 25 on Tuesday").
    # A "since" date starts a span that runs to now ("cooperation since 2013 is anchored by 74 agreements"):
    # no time a figure of its clause holds at; nor does a year whose extreme a level is ("a new 2008 high").
    coming = [x for x in info.timexes if _dates_a_coming_noun(doc, x)]
    spans = [x for x in info.timexes if SINCE_BEFORE_RE.search(doc.text, max(0, x[0].start - 16), x[0].start)
             or years_extreme(doc.text, x[0].end, x[1] or "") or extremes_own_date(doc.text, x[0].start)
             or x in coming]
    unbound = dataclasses.replace(
        info, timexes=[x for x in info.timexes if x[0].start not in info.bound and x not in spans])
    opened = without_closed_baselines(doc, info)
    opened = dataclasses.replace(opened, timexes=[x for x in opened.timexes if x not in spans])
    over_a_span = from_one_value_to_another(info, mentions)
    undated_nouns = dataclasses.replace(info, timexes=[x for x in info.timexes if x not in coming])
    for f in mentions:
        start = s.start + f.start
        clause = clause_of(s.start + f.num_start, info.clauses)
        in_attr = attr_span is not None and attr_span[0] <= start < attr_span[1]
        # the date written with the value itself, right after it or as its baseline's
        own = None if in_attr else (date_right_after(info, s.start + f.end, doc.lex)
                                    or baseline_date(info, s.start + f.end, doc.lex))
        date = None if in_attr else (own or timex_in(clause, unbound, start)
                                     or timex_in(clause, opened, start) or results_period(doc, info))
        date = as_of(doc, undated_nouns, (start, s.start + f.end), (date, fronted, attr_date),
                     s.start + f.num_start, over_a_span)
        if bracketed_record(f, s.text) and doc.published is not None:
            # "The Eagles (6-5) snapped a streak dating to 2007": the team's record as the page is written,
            # whatever its sentence dates
            date = doc.published.isoformat()
        if own is None and not in_attr and baseline_of_a_change(info, mentions, f):
            # "third-quarter profit rose to $110.9 million from $95.9 million": the year-earlier quarter's
            date = a_year_before(date) or date
        date = span_end_year(doc.text, info.timexes, date)
        if own is None and not in_attr and date is not None and len(date) > 4:
            # "a study released Tuesday found a 21.6 percent drop ..., from 1999 to 2005": the span's end
            closing = years_span_after(doc.text, doc.timexes_in(s.start + f.end, s.end))
            date = closing if closing is not None and closing < date[:4] else date
        if f.metric in SCORE_METRICS and an_earlier_year(date, doc.published):
            continue  # "At Worlds 2019, T1 lost to G2 3-1": a past season's result, the story's background
        subject = _figure_subject(info, f, attr_span, attribution, doc)
        item = Item(
            kind="figure",
            date=date,
            summary=figure_summary(f, subject, attribution, doc.lex),
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
        out.append(Draft(item, order + len(out), specificity(date)))
        doc.figure_values.add(f.value)
    return out
