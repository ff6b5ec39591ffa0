"""Step 6: one event told twice is one item.

Drafts of the same kind with compatible dates, actors and place are merged; the better-dated report is kept
and the other lends its actors, place, attribution and subject.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache

from monitor.extract.items.model import MOVEMENT_KINDS, Item
from monitor.extract.items.number_parse import parse_number, significant_digits
from monitor.extract.lexicon import load_lexicon
from monitor.extract.spans import date_span, nested


@dataclass
class Draft:
    item: Item
    order: int
    specificity: int
    by_reference: bool = False  # actor resolved from a pronoun ("he said")
    trigger: tuple[int, int] | None = None  # the event's trigger word in the text
    by_verb: bool = False  # told with a verb ("arrived"), not named with a noun ("the arrival")
    verb: str = ""  # the trigger's base form ("say" of "says" and "said"), where the lexicon lists it
    # What an announcing verb announces ("announced the private beta of a feature"): two announcements of
    # one day by one speaker with nothing announced in common are two statements.
    announced: frozenset[str] = frozenset()
    # Dated by the report's day, not by a word of its sentence (a lede's news): a telling of the same
    # happening that states its day is the better-dated one.
    by_report_day: bool = False
    # How many the casualty verb counts ("killed six police officers": 6), kept when drafts merge: the
    # merged draft has no trigger to read it from (`_victims`).
    victims: int | float | None = None


_WEEK = 3  # the specificity of a week's date


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
    # "left overnight" and "took off early Wednesday": one trip to the same place told with two days (a
    # trip's only: six killed in a town on Wednesday and nine there on Thursday are two deaths).
    same_trip = (a.kind in MOVEMENT_KINDS and a.location and a.location == b.location
                 and _adjacent_days(a.date, b.date))
    if not _dates_compatible(a.date, b.date) and not same_trip:
        return False
    if a.kind == "figure":
        # (a bare amount or share, of no metric, is one only with the same subject, "$10,000" given twice,
        # unless its digits are too many to meet twice by chance: "The port authority will raise $4.35bn",
        # then "The sale could raise $4.35bn", one told with who raises it)
        distinctive = a.value is not None and significant_digits(a.value) >= _DISTINCTIVE_DIGITS
        named = a.metric is not None or distinctive
        agree = a.subject == b.subject or (named and _subjects_agree(a.subject, b.subject))
        return (a.metric, a.value, a.unit) == (b.metric, b.value, b.unit) and agree
    if a.location and b.location and a.location != b.location:
        return False
    if a.actors and b.actors:
        # "Chad Hull was arrested by Kincaid police ... Casey Conaway was arrested by Kincaid police": two
        # people of full name, none shared, are two happenings whatever agency or place they share
        full_a, full_b = {n for n in a.actors if " " in n}, {n for n in b.actors if " " in n}
        if full_a and full_b and not full_a & full_b:
            return False
        return bool(set(a.actors) & set(b.actors))
    if a.date != b.date and a.evidence != b.evidence and (a.actors or b.actors):
        # Told in two sentences with two dates, and only one names who acted: nothing says it is one
        # happening ("layoffs begin this week" is not "WeWork signed the deal on Monday").
        return False
    return a.kind != "statement"


# the significant digits of a value one page gives twice as one figure whoever it names (as across outlets:
# monitor/track/data/matching.yaml `distinctive_digits`)
_DISTINCTIVE_DIGITS = 3


def _subjects_agree(a: str | None, b: str | None) -> bool:
    """Whether two figures' subjects may be one: the same, one unnamed, or one a part of the other's name
    ("Chromecast" and "Chromecast Ultra"; "Afghanistan" and "Afghanistan and United States")."""
    if a is None or b is None or a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def _same_draft(a: Draft, b: Draft) -> bool:
    if a.trigger and b.trigger and a.item.start == b.item.start:
        return False  # the event step already kept one item per happening of a sentence
    if "other" in (a.item.kind, b.item.kind) and a.item.start != b.item.start:
        return False  # a kind-free happening has only its date to compare: too little to merge on
    if a.item.evidence != b.item.evidence and (_adds_to_a_count(a) or _adds_to_a_count(b)):
        return False  # "At least four more fishermen drowned Sunday": more than those told before
    counts = (_victims(a), _victims(b))
    passive = (_passive_victims(a), _passive_victims(b))
    if a.item.evidence != b.item.evidence and any(
            None not in pair and pair[0] != pair[1] for pair in (counts, passive)):
        # "killing at least 12 soldiers at a depot" and, in another sentence, "an ambush in the hills late
        # Wednesday killed four police officers": two attacks of one day; so are "At
        # least six on the east bank were shot dead" and "Two guards were shot dead" (counts compared in one
        # voice: "killing 31 guards" and "Nine gunmen were killed" may be one raid's)
        return False
    if not _same_event(a.item, b.item):
        return False
    one_week = a.item.date == b.item.date and specificity(a.item.date) == _WEEK
    if (one_week and a.item.evidence != b.item.evidence and bool(a.item.actors) != bool(b.item.actors)
            and a.verb and b.verb and a.verb != b.verb):
        # A week holds many happenings: "In their meetings this week, the government team boasted ..." and
        # "The bill will be debated in the House this week" are two; "a hearing last week" and "at last
        # week's hearing" one.
        return False
    if (a.item.kind != "statement" and a.item.kind not in MOVEMENT_KINDS and a.by_verb and b.by_verb
            and a.verb and b.verb and a.verb != b.verb and a.item.evidence != b.item.evidence
            and a.item.date and b.item.date):
        # Two sentences telling, each with a verb of its own and a date, what happened: two happenings
        # ("Trump skipped the debate ..." and "Trump separately held an event in nearby Hialeah"; hostages
        # "were released" and the government "freed three Taliban prisoners"). Not a trip, told with many
        # verbs ("has departed for Cyprus", "left for Cyprus overnight"); and an undated telling still lends
        # its actors to the dated one.
        return False
    if a.item.kind == "statement" and a.item.date != b.item.date:
        # One speaker says many things: an undated "he said" joins the statement it follows, nothing else.
        return b.by_reference and b.item.date is None and 0 <= b.item.start - a.item.end <= 400
    if a.item.kind == "statement" and a.trigger and b.trigger:
        # ... even on one day: "accused China" and, later, "announced that the U.S. will provide a ship" are
        # two statements; a reporting verb told again ("said" ... "said") is one, but for an announcing verb
        # that announces two things ("announced a slew of new features", "announced the private beta of ...")
        return _verb(a) == _verb(b) and not (a.announced and b.announced and not a.announced & b.announced)
    return True


def _better_dated(d: Draft, k: Draft) -> bool:
    """Whether `d` dates the happening better than `k`: more precisely, or as precisely but by a word of its
    own sentence where `k` has only the report's day; as well, but told in a sentence where `k` is told in a
    heading ("Brutal week sees more than 70 killed" above "It has been a brutal week in Afghanistan, with
    more than 70 killed, ..."): the sentence is the evidence a reader looks for."""
    return (d.specificity, not d.by_report_day, _a_sentence(d)) > (k.specificity, not k.by_report_day,
                                                                    _a_sentence(k))


def _a_sentence(d: Draft) -> bool:
    """Whether a draft's evidence ends as a sentence does, not as a heading."""
    return d.item.evidence.rstrip("\"'\u201d\u2019) ").endswith((".", "!", "?"))


def _victims(d: Draft) -> int | float | None:
    """How many a casualty verb counts right after it ("killed six police officers": 6), where it does."""
    if d.victims is not None:
        return d.victims
    if d.item.kind not in _CASUALTY_KINDS or d.trigger is None:
        return None
    found = _VICTIMS_RE.match(d.item.evidence, d.trigger[1] - d.item.start)
    return parse_number(found.group(1), load_lexicon()) if found else None


def _passive_victims(d: Draft) -> int | float | None:
    """How many a passive casualty's subject counts, right before its auxiliary ("Two guards were shot",
    "At least five on the east bank were killed": 2, 5), within a few words of it; else None."""
    before = _casualty_lead(d)
    aux = _PASSIVE_AUX_RE.search(before) if before is not None else None
    if before is None or aux is None:
        return None
    words = re.findall(r"[\w,’'-]+", before[: aux.start()])[-_SUBJECT_WORDS:]
    lex = load_lexicon()
    return next((n for w in reversed(words)
                 if not _YEAR_RE.fullmatch(w) and (n := parse_number(w.strip(","), lex)) is not None), None)


_CASUALTY_KINDS = frozenset({"death", "violence"})
# a passive's auxiliary right before the casualty verb, and how far back its subject's count may lie
_PASSIVE_AUX_RE = re.compile(r"\b(?:were|was|have\s+been|had\s+been)\s+\Z", re.IGNORECASE)
_SUBJECT_WORDS = 5
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_VICTIMS_RE = re.compile(r"\s+(?:at\s+least\s+|more\s+than\s+|about\s+|nearly\s+|some\s+|up\s+to\s+)?"
                         r"(\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b")


def _adds_to_a_count(d: Draft) -> bool:
    """Whether a casualty is told as added to one told before: one of tense.yaml `increment_words` before its
    verb in its sentence ("four more fishermen drowned", "another officer was shot"; not "more than")."""
    before = _casualty_lead(d)
    return before is not None and _increment_re(load_lexicon().increment_words).search(before) is not None


def _casualty_lead(d: Draft) -> str | None:
    """A casualty's sentence up to its verb, where its subject and what counts it are told; None for a draft
    of another kind or one merged (no verb to read from)."""
    if d.item.kind not in _CASUALTY_KINDS or d.trigger is None:
        return None
    return d.item.evidence[: max(0, d.trigger[0] - d.item.start)]


@cache
def _increment_re(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(sorted(words))})\b(?!\s+than\b)", re.IGNORECASE)


def _verb(d: Draft) -> str:
    if d.trigger is None:
        return ""
    if d.verb:
        return d.verb
    return d.item.evidence[d.trigger[0] - d.item.start : d.trigger[1] - d.item.start].lower()


def merge(drafts: list[Draft]) -> list[Item]:
    """One item per happening: each draft, in document order, joins the first kept draft it tells again
    (`_same_draft`), else is kept. Near-linear: a draft is compared only with the kept drafts that share
    what any match must share (`_Index`), in the order they were kept, so the result is the one comparing
    it with every kept draft gives (issue 14: that took minutes on a live blog of thousands of items)."""
    kept: list[Draft] = []
    index = _Index()
    for d in sorted(drafts, key=lambda x: x.order):
        for i in index.candidates(d.item):
            k = kept[i]
            if _same_draft(k, d):
                better, other = (d, k) if _better_dated(d, k) else (k, d)
                actors = tuple(dict.fromkeys(better.item.actors + other.item.actors))
                merged = replace(
                    better.item,
                    actors=actors,
                    location=better.item.location or other.item.location,
                    attribution=better.item.attribution or other.item.attribution,
                    subject=better.item.subject or other.item.subject,
                )
                kept[i] = Draft(merged, min(k.order, d.order), better.specificity, better.by_reference,
                                by_report_day=better.by_report_day, victims=_victims(better))
                index.put(i, merged)
                break
        else:
            index.put(len(kept), d.item)
            kept.append(d)
    return [d.item for d in sorted(kept, key=lambda x: x.item.start)]


# ------------------------------------------------------------------------------------------ the index

# A date span longer than this is filed as wide, not under each of its months (a decade, a century).
_WIDE_DAYS = 400
_Key = tuple[object, ...]


class _Index:
    """The kept drafts by keys that any draft telling the same happening must query (see `_keys`)."""

    def __init__(self) -> None:
        self._buckets: dict[_Key, set[int]] = defaultdict(set)
        self._filed: dict[int, list[_Key]] = {}

    def put(self, i: int, item: Item) -> None:
        """File kept draft `i` (again, after a merge changed it) under the keys of `item`."""
        for key in self._filed.pop(i, ()):
            self._buckets[key].discard(i)
        keys = _keys(item)
        for key in keys:
            self._buckets[key].add(i)
        self._filed[i] = keys

    def candidates(self, item: Item) -> list[int]:
        """The kept drafts `item` may tell again, in the order they were kept."""
        found: set[int] = set()
        for key in _queries(item):
            found.update(self._buckets.get(key, ()))
        return sorted(found)


def _keys(item: Item) -> list[_Key]:
    """What a kept item is filed under; `_queries` are what a new draft looks up. Each pair of items for
    which `_same_draft` can hold shares a key: the rules of `_same_event`, read as necessary conditions."""
    kind = item.kind
    if kind == "figure":
        return [("figure", item.metric, item.value, item.unit)]
    if kind == "other":
        return [("other", item.start)]  # only the same happening of one sentence
    if kind == "statement" or item.actors:
        # Statements merge only when both name who spoke, and share one.
        keys: list[_Key] = [("actor", kind, actor) for actor in item.actors]
        if kind != "statement":  # with one side unnamed: the same date or the same sentence
            keys += [("named date", kind, item.date), ("named evidence", kind, item.evidence)]
        return keys
    keys = [("unnamed", kind), ("unnamed date", kind, item.date), ("unnamed evidence", kind, item.evidence)]
    return keys + _date_keys(kind, item.date)


def _queries(item: Item) -> list[_Key]:
    kind = item.kind
    if kind in ("figure", "other"):
        return _keys(item)
    if kind == "statement":
        return [("actor", kind, actor) for actor in item.actors]
    if item.actors:
        return [*(("actor", kind, actor) for actor in item.actors),
                ("unnamed date", kind, item.date), ("unnamed evidence", kind, item.evidence)]
    queries: list[_Key] = [("named date", kind, item.date), ("named evidence", kind, item.evidence)]
    span = date_span(item.date)
    if item.date is None or (span is not None and (span.end - span.start).days > _WIDE_DAYS):
        return [*queries, ("unnamed", kind)]  # compatible with any date (undated), or too wide to file
    return [*queries, ("undated", kind), ("wide", kind), *_date_keys(kind, item.date)]


def _date_keys(kind: str, date: str | None) -> list[_Key]:
    """Unnamed items are the same happening only with compatible dates (one nested in the other) or, told of
    one trip, adjacent days: filed by every month from the day before their span to the day after."""
    if date is None:
        return [("undated", kind)]
    span = date_span(date)
    if span is None:
        return [("date", kind, date)]  # not a period: compatible only with the same value
    if (span.end - span.start).days > _WIDE_DAYS:
        return [("wide", kind)]
    first, last = span.start - _DAY if span.start > dt.date.min else span.start, span.end
    last = last + _DAY if last < dt.date.max else last
    keys: list[_Key] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        keys.append(("month", kind, year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


_DAY = dt.timedelta(days=1)
