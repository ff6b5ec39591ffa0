"""The temporal expressions of a document that can date its items: the tagger's, less a bare clock time and a
"now" of a past telling, with a fiscal quarter read as the calendar's and a day restated in brackets read as
the writer's (monitor.extract.items.extract tags a document once; every step then reads these)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from monitor.extract.items.dating import CLOCK_RE, DAY_TYPES
from monitor.extract.timex import Timex, tag
from monitor.extract.timex.days import DAY_VALUE

# Two unrelated anchor days: an expression whose value is the same against both does not depend on the
# (unknown) publication date.
_PROBE_DAYS = (dt.date(2001, 6, 13), dt.date(2011, 11, 23))


def probe(text: str) -> tuple[list[Timex], dict[tuple[int, int], str]]:
    """The expressions tagged against the first probe day, and the values against the second by span."""
    first = tag(text, _PROBE_DAYS[0])
    return first, {(t.start, t.end): t.value for t in tag(text, _PROBE_DAYS[1])}


def usable_timexes(text: str, published: dt.date | None) -> list[Timex]:
    """The temporal expressions of the document that can date its items (a bare clock time names no day)."""
    if published is not None:
        found = [t for t in tag(text, published) if not _clock_only(t)]
    else:  # no publication date: keep only the expressions whose value does not depend on it
        first, second = probe(text)
        found = [t for t in first if second.get((t.start, t.end)) == t.value]
    found = [t for t in found if not _narrative_now(text, t)]
    return restated_days(text, calendar_quarters(text, found))


# "announced on Friday that it had now found ...", "by then the toll was now 40": a "now" after a past
# auxiliary is the time of the past telling, which its sentence dates, not the publication day.
_PAST_AUX_BEFORE_RE = re.compile(r"\b(?:had|was|were)\s+\Z", re.IGNORECASE)


def _narrative_now(text: str, timex: Timex) -> bool:
    return (timex.value == "PRESENT_REF" and timex.text.lower() == "now"
            and _PAST_AUX_BEFORE_RE.search(text, max(0, timex.start - 8), timex.start) is not None)


def _clock_only(timex: Timex) -> bool:
    return timex.type == "TIME" and CLOCK_RE.fullmatch(timex.text.strip()) is not None


_QUARTER_VALUE_RE = re.compile(r"\d{4}-Q[1-4]\Z")
_ENDED_RE = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending)\s+(?:on\s+)?\Z")


def calendar_quarters(text: str, timexes: list[Timex]) -> list[Timex]:
    """A quarter said to end on a day is the calendar quarter of that day: "its fiscal fourth quarter ended
    Sept. 28" is 2019-Q3 on a timeline, though TIMEX3 (and the tagger, as TimeBank) labels it 2019-Q4."""
    out = list(timexes)
    for i, (quarter, day) in enumerate(zip(timexes, timexes[1:], strict=False)):
        if (
            _QUARTER_VALUE_RE.match(quarter.value)
            and DAY_VALUE.fullmatch(day.value)
            and _ENDED_RE.match(text[quarter.end : day.start])
        ):
            month = int(day.value[5:7])
            out[i] = dataclasses.replace(quarter, value=f"{day.value[:4]}-Q{(month - 1) // 3 + 1}")
    return out


_BRACKETED_RE = re.compile(r"\s*\(\s*\Z")


def restated_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """A day restated in brackets names it in the writer's own calendar: "published today (May 3)" on a page
    dated the 4th (in UTC, or read the next morning) is the 3rd, so the bracketed day dates both."""
    out = list(timexes)
    for i, (said, restated) in enumerate(zip(timexes, timexes[1:], strict=False)):
        if (
            said.type in DAY_TYPES
            and DAY_VALUE.match(said.value)
            and DAY_VALUE.fullmatch(restated.value)
            and _BRACKETED_RE.match(text[said.end : restated.start])
            and text[restated.end : restated.end + 1] == ")"
        ):
            out[i] = dataclasses.replace(said, value=restated.value + said.value[10:])
    return out
