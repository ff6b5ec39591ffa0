"""Scan text for temporal expressions and normalise them against the DCT."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import monitor.stages as stages
from monitor.extract.timex import loader
from monitor.extract.timex.model import Timex, coerce_dct
from monitor.extract.timex.normalise import NORMALISERS, Hit, Result
from monitor.extract.timex.rules import Rule, RuleSet, TimexVocabulary, normalise_key

_TITLE_WORD = re.compile(r"[A-Za-z][a-z]+")
_PROPER_CLASSES = ("month", "month_abbr", "weekday", "weekday_plural", "holiday", "season")
_OPENERS = frozenset(".!?\"'`(\u201c\u2018\n:;-_")


def _looks_like_title(ruleset: RuleSet, text: str, start: int, end: int) -> bool:
    """'High Noon', 'This Week With David Brinkley', '60 Minutes': a capitalised common time word
    that does not open a sentence belongs to a name or title, not to a time expression."""
    lex = ruleset.lexicon
    proper = _proper_words(lex)
    for word in _TITLE_WORD.finditer(text, start, end):
        token = word.group()
        if not token[0].isupper() or token.lower() in proper:
            continue
        if _in_holiday_name(lex, text[start:end], token):
            continue
        if word.start() > start:
            return True
        before = text[max(0, start - 3) : start].rstrip(" \t")
        if before and before[-1] not in _OPENERS:
            return True
    # "the Winter Olympics", "the Summer Games", "the Fall Classic": a capitalised season that a capitalised
    # word of no time follows names an event ("Winter 2019" is the season)
    last = _LAST_WORD.search(text[start:end])
    if (last and last.group()[:1].isupper() and last.group().lower() in lex.words("season")
            and (name := _NAME_AFTER.match(text, end)) and name.group(1).lower() not in proper):
        return True
    # "told USA TODAY that ...": a time word in capitals after a name's capitals, in a sentence that goes on
    # in lower case, is the name's last word (a line in capitals, "OPEN TODAY ONLY", is no name)
    for word in _CAPS_WORD.finditer(text, start, end):
        if (word.group().lower() not in proper and _NAME_BEFORE.search(text, max(0, start - 24), start)
                and _LOWER_AFTER.match(text, end)):
            return True
    return False


_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\s+\Z")  # "USA ", "NBC "
_LOWER_AFTER = re.compile(r"\s+[a-z]")
_LAST_WORD = re.compile(r"[A-Za-z]+\Z")
_NAME_AFTER = re.compile(r" ([A-Z][a-z]+)")


_PROPER_CACHE: dict[int, frozenset[str]] = {}


def _proper_words(lex: TimexVocabulary) -> frozenset[str]:
    """Every word of the classes written capitalised (names of months, days, holidays: "Thanksgiving Day")."""
    words = _PROPER_CACHE.get(id(lex))
    if words is None:
        common = set(lex.words("unit"))  # "Day" of "Thanksgiving Day" is no name word of its own
        words = frozenset(
            token
            for cls in _PROPER_CLASSES
            for entry in lex.words(cls)
            for token in re.findall(r"[a-z]+", entry)
            if token not in common
        )
        _PROPER_CACHE[id(lex)] = words
    return words


def _in_holiday_name(lex: TimexVocabulary, span: str, token: str) -> bool:
    """Whether a capitalised common word belongs to a holiday name in the span ("Election Day", the "Year" of
    "New Year's Eve")."""
    low = normalise_key(span)
    word = token.lower()
    return any(word in _WORD_RE.findall(name) and name in low for name in lex.words("holiday") if " " in name)


_WORD_RE = re.compile(r"[a-z]+")


# Errors a normaliser may hit on odd input (day 31 of February, year 0, year 10000): reject the match.
_REJECT = (ValueError, OverflowError, KeyError, TypeError)


def tag(text: str, dct: dt.date | dt.datetime | str, lang: str = "en") -> list[Timex]:
    """Return the temporal expressions of `text`, sorted by start and non-overlapping.

    Offsets are Python string indices into `text` as given. Relative expressions ("on Monday",
    "last month") are anchored to `dct`; a malformed DCT string raises InputError, text never raises.

        >>> [(t.text, t.value) for t in tag("He left on Monday.", "2020-04-01")]
        [('Monday', '2020-03-30')]
    """
    with stages.timed("timex"):
        return _tag(text, coerce_dct(dct), lang)


def _tag(text: str, base: dt.datetime, lang: str) -> list[Timex]:
    ruleset = loader.load(lang)
    found: list[Timex] = []
    pos = 0
    low = text.lower()
    for start in _candidate_starts(ruleset, text, low):
        if start < pos:
            continue
        m = _first_match(ruleset, text, low, start)
        if m is None:
            continue
        rule = ruleset.rules[_rule_index(m)]
        timex = _apply(ruleset, rule, text, m, base, found, prefixed=True)
        if timex is None:
            timex = _fallback(ruleset, rule.index + 1, text, start, base, found)
        if timex is not None:
            found.append(timex)
            pos = timex.end
    return _ranges_share_their_year(text, found)


# What joins the two ends of a range of days or months ("March 3-April 9, 1992", "from June 3 to
# July 9, 2019", "between May 1 and June 30, 2020").
_RANGE_JOIN = re.compile(r"\s*(?:[-\u2013\u2014]|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_MONTH_OR_DAY = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


def _ranges_share_their_year(text: str, found: list[Timex]) -> list[Timex]:
    """The first end of a range written without its year takes the year written with the second ("March
    3-April 9, 1992": 1992-03-03; "December 29-January 3, 2008": 2007-12-29), not the DCT's."""
    out = list(found)
    for i, (first, second) in enumerate(zip(found, found[1:], strict=False)):
        if (_YEAR_WRITTEN.search(first.text) or not _YEAR_WRITTEN.search(second.text)
                or not _MONTH_OR_DAY.fullmatch(first.value) or not _MONTH_OR_DAY.fullmatch(second.value)
                or not _RANGE_JOIN.fullmatch(text, first.end, second.start)):
            continue
        year = int(second.value[:4]) - (first.value[5:7] > second.value[5:7])
        out[i] = dataclasses.replace(first, value=f"{year:04d}{first.value[4:]}")
    return out


_TOKEN = re.compile(r"[a-z]+|[0-9]+[a-z]*")
_BACK = 48  # characters before an anchor word where an expression may start ("at least the past 18 months")
_APOSTROPHES = "'\u2019"


def _first_match(ruleset: RuleSet, text: str, low: str, start: int) -> re.Match[str] | None:
    """The match of the first rule (in priority order) that matches at `start`; `low` is `text.lower()`."""
    if len(low) != len(text):  # a few characters change length when lower-cased ("İ"): the text as written
        scanner = ruleset.scanner_at(text[start])
        return scanner.match(text, start) if scanner is not None else None
    on_low, as_written = ruleset.lowered_scanners_at(low[start])  # one pair for "T" and "t"
    m = on_low.match(low, start) if on_low is not None else None
    if as_written is not None:
        other = as_written.match(text, start)
        if other is not None and (m is None or _rule_index(other) < _rule_index(m)):
            return other
    return m


def _rule_index(m: re.Match[str]) -> int:
    return int((m.lastgroup or "R0")[1:])


def _candidate_starts(ruleset: RuleSet, text: str, low: str) -> list[int]:
    """Offsets where an expression may start: the anchor words themselves and the starter words
    (or numbers) of the few words before each of them, in order; `low` is `text.lower()`."""
    if ruleset.anchors is None:
        return [m.start() for m in re.finditer(r"(?<![\w'])[\w']", text)]
    if len(low) != len(text):  # a few characters change length when lower-cased ("İ"): keep offsets
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    starters = ruleset.starters
    starts: set[int] = set()
    for anchor in ruleset.anchors.finditer(low):
        at = anchor.start()
        starts.add(at)
        if at and text[at - 1] in _APOSTROPHES:  # the '80s
            starts.add(at - 1)
        for token in list(_TOKEN.finditer(low, max(0, at - _BACK), at))[-6:]:
            word = token.group()
            if word in starters or word[0].isdigit():
                starts.add(token.start())
    return sorted(starts)


def _fallback(
    ruleset: RuleSet, first: int, text: str, start: int, base: dt.datetime, found: list[Timex]
) -> Timex | None:
    """Try the rules after a rejected one at the same position, in order."""
    for rule in ruleset.rules[first:]:
        if not ruleset.may_begin(rule, text[start]):
            continue
        m = rule.regex.match(text, start)
        if m is not None and m.end() > start:
            timex = _apply(ruleset, rule, text, m, base, found, prefixed=False)
            if timex is not None:
                return timex
    return None


def _apply(
    ruleset: RuleSet,
    rule: Rule,
    text: str,
    m: re.Match[str],
    base: dt.datetime,
    found: list[Timex],
    *,
    prefixed: bool,
) -> Timex | None:
    start, end = m.span(f"R{rule.index}") if prefixed else m.span()
    if end <= start or _looks_like_title(ruleset, text, start, end):
        return None
    prefix = f"r{rule.index}_" if prefixed else ""
    groups = {}
    for name in rule.groups:
        # from the text as written: the match may have run on its lower-cased copy
        g_start, g_end = m.span(prefix + name)
        if g_start >= 0:
            groups[name] = text[g_start:g_end]
    hit = Hit(text, start, end, groups, base, ruleset.lexicon, dict(rule.params), found)
    try:
        result: Result | None = NORMALISERS[rule.norm](hit)
    except _REJECT:
        return None
    if result is None:
        return None
    rtype, value, mod = result
    return Timex(start, end, text[start:end], rtype or rule.type, value, mod)
