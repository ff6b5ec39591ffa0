"""When two outlets' figures are one figure: the same value and unit, subjects and metrics that agree or a
value too precise to be a coincidence (the rules' data: `monitor/track/data/matching.yaml`, read by
`monitor.track.matching.rules`).

    figures_agree("WHO", "cases", 3248, None, None, "cases", 3248.0, None)        # True: a metric both give
    figures_agree("Italy", "cases", 10, None, "Spain", "cases", 10, None)         # False: two subjects
"""

from __future__ import annotations

from functools import lru_cache

from monitor.extract.items.number_parse import significant_digits
from monitor.extract.lexicon import load_lexicon
from monitor.extract.spans import date_span, nested
from monitor.track.entries import ItemLike, TimelineEntry
from monitor.track.identity import normalise_name
from monitor.track.matching import (
    adjacent_days,
    content_words,
    dated_by_page,
    named_in,
    names_match,
    rules,
    same_wording,
)


def is_distinctive(value: float | int) -> bool:
    """A value precise enough that two outlets of one story giving it is no coincidence (`distinctive_digits`
    significant digits: $449,000 or 3,248 cases, not 10 years or $250,000)."""
    return significant_digits(value) >= rules().distinctive_digits


def shared_words(a: str, b: str) -> frozenset[str]:
    """The content words two sentences share, numbers aside (a figure's own digits say nothing more)."""
    return frozenset(w for w in content_words(a) & content_words(b) if not any(c.isdigit() for c in w))


def figures_agree(
    a_subject: str | None, a_metric: str | None, a_value: float | int | None, a_unit: str | None,
    b_subject: str | None, b_metric: str | None, b_value: float | int | None, b_unit: str | None,
    *, evidence: tuple[str, str] = ("", ""), by_wording: bool = False,
) -> bool:
    """Two outlets' figures are one: the same value and unit, subject and metric not contradicting each other
    where both give them (the subject as a name: "Harlowe" ~ "Thomas Harlowe Jr."), and at least one of
    them given by both (a bare number matches nothing). The qualifier may differ: "roughly $449,000" and
    "nearly $449,000" report one number.

    A distinctive value (`is_distinctive`) whose two sentences (`evidence`) share `distinctive_shared_words`
    words needs neither: a subject read without a metric is only the name nearest the number ("the campaign,
    which includes TV ads, cost $449,000" gives "TV"), so only a fully read series (subject and metric on both
    sides) with another subject stays apart. The shared words keep two prices of a deals page apart ("stands
    start at $79" and "down from its list price of $79").

    With `by_wording` (two outlets' figures, never one page's: one sentence may give one value twice), where
    neither subject nor metric is given by both and none conflicts, the wording of the two sentences decides,
    as it does for events without actors ("Acme sees same-store sales growth of 2.5 percent" and
    "same-store sales will grow 2.5% this year"); and where both give a metric, two subjects that differ
    agree when one is named in the other's sentence (`_subject_named_by_other`) or the value is distinctive
    (one outlet's "an AirAsia plane carrying 162 people", another's "Flight QZ8501['s] ... 162 people on
    board": a subject is only the name read nearest the number, and one story seldom counts one thing to
    the same three digits twice)."""
    if a_value is None or b_value is None or float(a_value) != float(b_value):
        return False
    if normalise_name(a_unit) != normalise_name(b_unit):
        return False
    metrics = normalise_name(a_metric), normalise_name(b_metric)
    subjects = normalise_name(a_subject), normalise_name(b_subject)
    if all(metrics) and not metrics_agree(*metrics):
        return False
    if all(subjects) and not names_match(subjects[0], subjects[1]):
        if all(metrics) and by_wording and (_subject_named_by_other(a_subject, b_subject, evidence)
                                            or is_distinctive(a_value)):
            return True
        return not all(metrics) and _one_by_value(a_value, a_unit, evidence)
    return (all(metrics) or all(subjects) or _one_by_value(a_value, a_unit, evidence)
            or (by_wording and same_wording(*evidence)))


def days_apart(a: str | None, b: str | None) -> bool:
    """Whether two figures' dates tell two times: neither nests in the other, nor are they adjacent days."""
    mine, theirs = date_span(a), date_span(b)
    return not (mine is None or theirs is None or nested(mine, theirs) or adjacent_days(mine, theirs))


def told_apart(a: ItemLike, b: ItemLike, published: str | None) -> bool:
    """Whether one page's two mentions of a figure are on days told apart (`days_apart`, neither day only the
    page's): two figures, as `days_agree` holds two outlets' to be."""
    return days_apart(a.date, b.date) and not (dated_by_page(a.date, a.evidence, published)
                                               or dated_by_page(b.date, b.evidence, published))


def days_agree(item: ItemLike, published: str | None, entry: TimelineEntry, source_url: str) -> bool:
    """Whether another outlet's figure of the same value may be `item` by its dates: dates not apart
    (`days_apart`), or one of them only its page's day (`matching.dated_by_page`: a count "now" read in
    Monday's paper and in Tuesday's). Two days each told are two counts however alike ("Six people were
    killed in that attack" of a bombing on 29 September; "an ambush late Wednesday killed six police")."""
    if not days_apart(item.date, entry.date) or dated_by_page(item.date, item.evidence, published):
        return True
    return any(dated_by_page(entry.date, s.evidence, s.published)
               for s in entry.sources if s.source_url != source_url)


def _subject_named_by_other(a_subject: str | None, b_subject: str | None, evidence: tuple[str, str]) -> bool:
    """Whether one outlet's subject is named in the other's sentence: each reading took a different name of
    one sentence's few ("Two hostages -- an American and an Australian -- held by the Taliban" gives the
    Americans, "the Taliban swapped two Western hostages" the Taliban)."""
    if not (a_subject and b_subject and evidence[0] and evidence[1]):
        return False
    return named_in(a_subject, evidence[1]) or named_in(b_subject, evidence[0])


def metrics_agree(a: str, b: str) -> bool:
    """Two outlets' metrics (normalised) of one count: the same, or one is the other's noun without its
    modifiers ("launch titles" and "titles"), the two nouns the same or synonyms (matching.yaml
    `metric_synonyms`: "titles" and "games"). Two modified differently differ ("confirmed cases", "suspected
    cases"), and so does a count of more against a count so far (`increment_modifiers`: "three more bodies",
    "three bodies")."""
    if a == b:
        return True
    words_a, words_b = a.split(), b.split()
    if len(words_a) > 1 and len(words_b) > 1:
        return False
    added = rules().increment_modifiers
    if bool(added.intersection(words_a)) != bool(added.intersection(words_b)):
        return False  # "three more bodies" found this morning are not the "three bodies" found so far
    nouns, groups = (words_a[-1], words_b[-1]), rules().metric_synonyms
    return nouns[0] == nouns[1] or bool(groups.get(nouns[0], frozenset()) & groups.get(nouns[1], frozenset()))


def _one_by_value(value: float | int, unit: str | None, evidence: tuple[str, str]) -> bool:
    """A distinctive value whose sentences share words besides the unit's own ("355 horsepower" in two
    sentences says only that both count horsepower)."""
    if not is_distinctive(value):
        return False
    return len(shared_words(*evidence) - _unit_words(unit)) >= rules().distinctive_shared_words


@lru_cache(maxsize=64)  # a story's figures have few units
def _unit_words(unit: str | None) -> frozenset[str]:
    """The content words that name `unit` (numbers.yaml `units`: "horsepower", "hp" for hp)."""
    if not unit:
        return frozenset()
    named = [word for word, of in load_lexicon().unit_of.items() if of == unit]
    return content_words(" ".join(named))
