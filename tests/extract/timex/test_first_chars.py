"""The first characters of a rule, and the per-character scanners the tagger dispatches on (as written and
lower-cased)."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.extract.timex import loader, tag
from monitor.extract.timex.first_chars import first_characters
from monitor.extract.timex.rules import case_bound, lowered
from monitor.extract.timex.tagger import _first_match

EVENTS = Path(__file__).resolve().parents[2] / "fixtures" / "events"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:the|a)\s+day", "aAtT"),
        (r"(?<![\w'])(?:early\s+)?[0-9]{4}", "eE0123456789"),
        (r"[A-C]\d", "aAbBcC"),
        (r"(?:last|next)?\s*week", None),  # may begin with a space: anything is safer than a guess
        (r"\w+day", None),
        (r"(?:mid-)?ſummer", None),  # a non-ASCII letter that folds to an ASCII one
        (r"x?", None),  # may match nothing
    ],
)
def test_first_characters(pattern: str, expected: str | None) -> None:
    got = first_characters(pattern)
    if expected is None:
        assert got is None or set(" \t\n") <= got
    else:
        assert got == frozenset(expected)


def test_each_characters_scanner_finds_what_the_whole_scanner_finds() -> None:
    rules = loader.load("en")
    texts = [p.read_text(encoding="utf-8") for p in sorted(EVENTS.glob("*.txt"))]
    assert texts
    tried = 0
    for text in texts:
        for at in range(len(text)):
            whole = rules.scanner.match(text, at)
            scanner = rules.scanner_at(text[at])
            part = scanner.match(text, at) if scanner is not None else None
            assert (whole and (whole.lastgroup, whole.span())) == (part and (part.lastgroup, part.span())), at
            tried += whole is not None
    assert tried > 20


def test_the_lowered_scanners_find_what_the_whole_scanner_finds() -> None:
    """The tagger matches most rules case-sensitively on the lower-cased text (faster): same rule, same
    span."""
    rules = loader.load("en")
    texts = [p.read_text(encoding="utf-8") for p in sorted(EVENTS.glob("*.txt"))]
    texts.append("On MONDAY, Main Street 2020 In 2019 Elm Street; the 1990s, Tuesday's March 3, 2020 vote.")
    tried = 0
    for text in texts:
        low = text.lower()
        assert len(low) == len(text)
        for at in range(len(text)):
            whole = rules.scanner.match(text, at)
            part = _first_match(rules, text, low, at)
            assert (whole and (whole.lastgroup, whole.span())) == (part and (part.lastgroup, part.span())), at
            tried += whole is not None
    assert tried > 20


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?P<month>May|June)\s+\S+", r"(?P<month>may|june)\s+\S+"),  # escapes and group names kept
        (r"[A-Z]\w+(?P=month)", r"[a-z]\w+(?P=month)"),
        (r"\bMid-(?:Year|\d{4})\Z", r"\bmid-(?:year|\d{4})\Z"),
    ],
)
def test_lowered_pattern(pattern: str, expected: str) -> None:
    assert lowered(pattern) == expected
    assert not case_bound(pattern)


@pytest.mark.parametrize("pattern", [r"(?-i:[A-Z]\w+)\s+Street", r"\x41pril", r"(\w)\1"])
def test_case_bound_patterns_are_matched_as_written(pattern: str) -> None:
    assert case_bound(pattern)


def test_built_scanners_are_all_the_tagger_asks_for() -> None:
    """Built before a fork, the scanners are shared: tagging afterwards compiles none of its own."""
    rules = loader.load("en")
    rules.build_scanners()
    built = dict(rules._pairs)
    texts = [p.read_text(encoding="utf-8") for p in sorted(EVENTS.glob("*.txt"))]
    texts.append("In the '80s, 6am on Tuesday, 10:30pm last week, 2 years ago, the 1990s; ’90s and Q3 2019.")
    assert sum(len(tag(text, "2020-04-01")) for text in texts) > 20
    assert rules._pairs == built
