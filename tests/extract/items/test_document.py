"""Tokens of monitor.extract.items.document: where a word ends."""

import pytest

from monitor.extract.items.document import tokenize


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a possessive "'s" is a token of its own, after a plain word and after one joined by "&" or "-"
        ("Putin's call", ["Putin", "'s", "call"]),
        ("P&O's ferries", ["P&O", "'s", "ferries"]),
        ("Gastelum-Vera’s neighbour", ["Gastelum-Vera", "’s", "neighbour"]),
        # an apostrophe inside a word keeps it whole
        ("O'Shea said", ["O'Shea", "said"]),
        ("it didn't", ["it", "didn't"]),
    ],
)
def test_a_word_stops_before_its_possessive(text: str, want: list[str]) -> None:
    assert [t.text for t in tokenize(text, 0, len(text))] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # initials and abbreviations keep their period, a sentence's end does not
        ("He left the U.S. on Monday.", ["He", "left", "the", "U.S.", "on", "Monday"]),
        ("It opened at 9 a.m. today.", ["It", "opened", "at", "9", "a.m.", "today"]),
        # a domain's name ends before the sentence's period
        ("Quorvex agreed to buy Lerrin.com.", ["Quorvex", "agreed", "to", "buy", "Lerrin.com"]),
    ],
)
def test_a_period_ends_a_word_only_as_initials_or_an_abbreviation(text: str, want: list[str]) -> None:
    assert [t.text for t in tokenize(text, 0, len(text))] == want
