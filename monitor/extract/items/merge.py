"""Step 6: one event told twice is one item.

Drafts of the same kind with compatible dates, actors and place are merged; the better-dated report is kept
and the other lends its actors, place, attribution and subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from monitor.extract.items.model import Item
from monitor.extract.spans import date_span, nested


@dataclass
class Draft:
    item: Item
    order: int
    specificity: int
    by_reference: bool = False  # actor resolved from a pronoun ("he said")
    trigger: tuple[int, int] | None = None  # the event's trigger word in the text
    by_verb: bool = False  # told with a verb ("arrived"), not named with a noun ("the arrival")


def specificity(date: str | None) -> int:
    if date is None:
        return 0
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return 4
    if "W" in date:
        return 3
    if re.fullmatch(r"\d{4}-\d{2}", date):
        return 2
    return 1


def _dates_compatible(a: str | None, b: str | None) -> bool:
    # Within one document an undated telling is the same happening as a dated one (the dated one wins).
    if a is None or b is None or a == b:
        return True
    return nested(date_span(a), date_span(b))


def _adjacent_days(a: str | None, b: str | None) -> bool:
    sa, sb = date_span(a), date_span(b)
    return bool(sa and sb and sa.precision == sb.precision == "day" and abs((sa.start - sb.start).days) <= 1)


def _same_event(a: Item, b: Item) -> bool:
    if a.kind != b.kind:
        return False
    # "left overnight" and "took off early Wednesday": one trip to the same place told with two days.
    same_trip = (
        a.kind != "figure" and a.location and a.location == b.location and _adjacent_days(a.date, b.date)
    )
    if not _dates_compatible(a.date, b.date) and not same_trip:
        return False
    if a.kind == "figure":
        return (a.subject, a.metric, a.value, a.unit) == (b.subject, b.metric, b.value, b.unit)
    if a.location and b.location and a.location != b.location:
        return False
    if a.actors and b.actors:
        return bool(set(a.actors) & set(b.actors))
    if a.date != b.date and a.evidence != b.evidence and (a.actors or b.actors):
        # Told in two sentences with two dates, and only one names who acted: nothing says it is one
        # happening ("layoffs begin this week" is not "WeWork signed the deal on Monday").
        return False
    return a.kind != "statement"


def _same_draft(a: Draft, b: Draft) -> bool:
    if a.trigger and b.trigger and a.item.start == b.item.start:
        return False  # the event step already kept one item per happening of a sentence
    if "other" in (a.item.kind, b.item.kind) and a.item.start != b.item.start:
        return False  # a kind-free happening has only its date to compare: too little to merge on
    if not _same_event(a.item, b.item):
        return False
    if a.item.kind == "statement" and a.item.date != b.item.date:
        # One speaker says many things: an undated "he said" joins the statement it follows, nothing else.
        return b.by_reference and b.item.date is None and 0 <= b.item.start - a.item.end <= 400
    return True


def merge(drafts: list[Draft]) -> list[Item]:
    kept: list[Draft] = []
    for d in sorted(drafts, key=lambda x: x.order):
        for i, k in enumerate(kept):
            if _same_draft(k, d):
                better, other = (d, k) if d.specificity > k.specificity else (k, d)
                actors = tuple(dict.fromkeys(better.item.actors + other.item.actors))
                merged = replace(
                    better.item,
                    actors=actors,
                    location=better.item.location or other.item.location,
                    attribution=better.item.attribution or other.item.attribution,
                    subject=better.item.subject or other.item.subject,
                )
                kept[i] = Draft(merged, min(k.order, d.order), better.specificity, better.by_reference)
                break
        else:
            kept.append(d)
    return [d.item for d in sorted(kept, key=lambda x: x.item.start)]
