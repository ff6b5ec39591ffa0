"""Step 4: figures as items. monitor.extract.items.figures reads the number, qualifier, unit and metric of
each statistic in a sentence; here we add the subject (the place, else the name, the figure is about), the
attribution ("according to X", or the speaker) and the as-of date.
"""

from __future__ import annotations

from monitor.extract.items.actors import actor_name, subject_of
from monitor.extract.items.dating import date_value, range_end, timex_in
from monitor.extract.items.document import (
    DETERMINERS,
    Doc,
    Entity,
    SentenceInfo,
    clause_of,
    in_spans,
    overlaps,
)
from monitor.extract.items.figures import FigureMention, find_figures
from monitor.extract.items.merge import Draft, specificity
from monitor.extract.items.model import Item
from monitor.extract.items.summary import figure_summary


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
        is_verb = (
            w in lex.present_verbs
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


def _sentence_date(info: SentenceInfo, start: int) -> str | None:
    """The date nearest the figure anywhere in its sentence ("In a Nov. 5 letter, they offered 100 doses";
    "964 people had it, the survey found in 2017"): a figure is a state at one time, and a sentence that
    gives a date for it gives one."""
    dated = [(abs(tx.start - start), value) for tx, value in info.timexes if tx.type == "DATE" and value]
    return min(dated)[1] if dated else None


def _context_date(doc: Doc, info: SentenceInfo) -> str | None:
    """The last date stated earlier in the same paragraph: the text continues that scene ("On Tuesday the
    index fell. It closed 2% down." -> Tuesday)."""
    line_start = doc.text.rfind("\n", 0, info.sentence.start) + 1
    for tx in reversed(doc.timexes):
        if tx.start >= info.sentence.start or tx.type != "DATE":
            continue
        if tx.start < line_start:
            return None
        if in_spans(tx.start, tx.end, doc.quotes) or range_end(doc.text, tx):
            continue
        value = date_value(tx, doc.published)
        if value:
            return value
    return None


def _as_of(doc: Doc, info: SentenceInfo, start: int, dates: tuple[str | None, ...]) -> str | None:
    """The date a figure holds for: the dates already found (its clause's, a fronted one, the attribution's)
    first, then a date elsewhere in its sentence, the tense (a running count in the present holds today), a
    date earlier in the paragraph, and last the publication date, since a news figure is the news of the day
    unless the text dates it otherwise."""
    for date in dates:
        if date:
            return date
    return (
        _sentence_date(info, start)
        or _figure_tense(info, start, doc)
        or _context_date(doc, info)
        or (doc.published.isoformat() if doc.published else None)
    )


_PLACE_KINDS = ("country", "capital", "place", "demonym")


_DETS = frozenset({"the", "a", "an"})


_SPREAD_PREPS = ("in", "across", "throughout", "inside", "within")


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
        if e.end <= start and e.kind in ("org", "name", "person") and actor_name(e, True) != source
    ]
    if others:
        ent = others[-1]
        return ent.country if ent.kind == "org" and ent.country else ent.name
    # "The Pentagon said it will send 3,000 troops": the speaker is also the one counted.
    lead = [t.lower for t in info.tokens if clause[0] <= t.start and t.end <= start]
    if source and any(w in doc.lex.thing_pronouns or w == "we" for w in lead):
        speaker = next((e for e in outside if actor_name(e, True) == source), None)
        if speaker is not None:
            return speaker.country if speaker.kind == "org" and speaker.country else source
        return source
    after = [e for e in places if e.start >= end]
    if after:
        return after[0].name
    return None


def figure_drafts(doc: Doc, info: SentenceInfo, fronted: str | None, order: int) -> list[Draft]:
    """The figure drafts of an analysed sentence, numbered from `order`; `fronted` is a date opening it."""
    s = info.sentence
    blocked = [(a - s.start, b - s.start) for a, b in info.quotes]
    blocked += [(t.start - s.start, t.end - s.start) for t in doc.timexes if s.start <= t.start < s.end]
    mentions = find_figures(s.text, doc.lex, blocked)
    if not mentions:
        return []
    attribution, attr_span = _attribution(info, doc)
    if attribution is None:
        for t_start, t_end, _text, kind in info.triggers:
            if kind == "statement" and not overlaps(t_start, t_end, info.quotes):
                clause = clause_of(t_start, info.clauses)
                ent = subject_of(info, t_start, clause, doc, True)
                if ent is not None:
                    attribution = actor_name(ent, True)
                break
    attr_date = None
    if attr_span:
        attr_date = timex_in((attr_span[0], attr_span[1]), info, attr_span[0])
    out: list[Draft] = []
    for f in mentions:
        start = s.start + f.start
        clause = clause_of(s.start + f.num_start, info.clauses)
        in_attr = attr_span is not None and attr_span[0] <= start < attr_span[1]
        date = None if in_attr else timex_in(clause, info, start)
        date = _as_of(doc, info, start, (date, fronted, attr_date))
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
    return out
