"""Tests for monitor.extract.sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor.extract.sentences import Sentence, split_sentences


def texts(source: str) -> list[str]:
    return [s.text for s in split_sentences(source)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Dr. Smith met Gov. J. R. Brown on Jan. 5 at 10 a.m. in Washington. They talked.",
            ["Dr. Smith met Gov. J. R. Brown on Jan. 5 at 10 a.m. in Washington.", "They talked."],
        ),
        (
            "Troops left for the U.S. overnight. A statement said so.",
            ["Troops left for the U.S. overnight.", "A statement said so."],
        ),
        ("It was in the U.S. Then it left.", ["It was in the U.S.", "Then it left."]),
        ("Shares rose 2.5 percent. Then they fell.", ["Shares rose 2.5 percent.", "Then they fell."]),
        ('He said "it is over." Then silence.', ['He said "it is over."', "Then silence."]),
        ('"We will win," he said. The crowd cheered.', ['"We will win," he said.', "The crowd cheered."]),
        (
            "The meeting ended at 5 p.m. Monday. Talks resume.",
            ["The meeting ended at 5 p.m. Monday.", "Talks resume."],
        ),
        # A month's short form after a time goes on with the sentence; a capitalised word ends it.
        (
            "No rounds were made from 11:30 p.m. Sept. 4 to dawn. The guard slept.",
            ["No rounds were made from 11:30 p.m. Sept. 4 to dawn.", "The guard slept."],
        ),
        (
            "The gates shut at 9 p.m. Guards stayed outside.",
            ["The gates shut at 9 p.m.", "Guards stayed outside."],
        ),
        # a time zone after a clock time goes on with the sentence
        (
            "Kickoff is at 8 p.m. ET/5 p.m. PT in the new arena. Fans queued at 6 a.m. GMT. Doors opened.",
            ["Kickoff is at 8 p.m. ET/5 p.m. PT in the new arena.", "Fans queued at 6 a.m. GMT.",
             "Doors opened."],
        ),
        # barrels, abbreviated: a lower-case word goes on with the sentence
        (
            "The well spilled 4.9 million bbl. of oil into the Gulf. Crews skimmed it.",
            ["The well spilled 4.9 million bbl. of oil into the Gulf.", "Crews skimmed it."],
        ),
        (
            "Lt. Gen. Ann Ray arrived. No. 10 said nothing.",
            ["Lt. Gen. Ann Ray arrived.", "No. 10 said nothing."],
        ),
        (
            "Apple Inc. said it would recall 1.2 million phones.",
            ["Apple Inc. said it would recall 1.2 million phones."],
        ),
        (
            "Headline Here\n\nBy AP\n\nMay 3, 2021\n\nA quake struck.",
            ["Headline Here", "By AP", "May 3, 2021", "A quake struck."],
        ),
        # A paragraph break after a short line ends a sentence even mid-clause (a heading, a label) ...
        (
            "information on the\n\ndelivery, which came later.",
            ["information on the", "delivery, which came later."],
        ),
        # ... but not after a line of words that stops mid-clause: a page setting each wrapped line of its
        # copy as a paragraph.
        (
            "The ministry gave no further information on the\n\ndelivery, which came later.\n\nTags\n\nships",
            ["The ministry gave no further information on the\n\ndelivery, which came later.", "Tags",
             "ships"],
        ),
        # One item a line (tables in wire copy).
        ("KENYA:\nTotal dead: 192\nInjured: 4,877", ["KENYA:", "Total dead: 192", "Injured: 4,877"]),
        # A hard-wrapped line that goes on in lower case is one sentence.
        (
            "The storm moved\nnorth on Friday. It weakened.",
            ["The storm moved\nnorth on Friday.", "It weakened."],
        ),
        # A two-part state abbreviation after a party letter: no sentence opens on "Va.,".
        (
            "Rep. Jo Hall, R-W.Va., toured the plant. Workers cheered.",
            ["Rep. Jo Hall, R-W.Va., toured the plant.", "Workers cheered."],
        ),
        # The mark that opens the next quote belongs to it, not to the sentence before.
        (
            '"Who signed it?\u201d asked Ada Brisk. "Nobody did."',
            ['"Who signed it?\u201d asked Ada Brisk.', '"Nobody did."'],
        ),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split(source: str, expected: list[str]) -> None:
    assert texts(source) == expected


def test_offsets_slice_back() -> None:
    source = "  First one.  Second one!\n\nThird?  "
    sentences = split_sentences(source)
    assert sentences == [
        Sentence(2, 12, "First one."),
        Sentence(14, 25, "Second one!"),
        Sentence(27, 33, "Third?"),
    ]


def test_non_string_gives_empty() -> None:
    assert split_sentences(None) == []  # type: ignore[arg-type]


@given(st.text())
def test_never_raises_and_offsets_hold(source: str) -> None:
    previous_end = 0
    for s in split_sentences(source):
        assert source[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end


def test_a_ticker_code_after_a_period_does_not_end_the_sentence() -> None:
    text = "The Harbour Index .HBX fell 12.5 points. Shares of Lumen LMN.O rose 2%. He left.She stayed."
    assert [s.text for s in split_sentences(text)] == [
        "The Harbour Index .HBX fell 12.5 points.", "Shares of Lumen LMN.O rose 2%.",
        "He left.", "She stayed.",
    ]


def test_a_sentence_in_brackets_ends_at_its_bracket() -> None:
    text = ("(At one point, the two rivals, a.k.a. the twins, are seen at a harbour cafe.) But the skipper "
            "tells Coast Radio that the race went on. It ended late.")
    assert [s.text for s in split_sentences(text)] == [
        "(At one point, the two rivals, a.k.a. the twins, are seen at a harbour cafe.)",
        "But the skipper tells Coast Radio that the race went on.", "It ended late.",
    ]
    # an abbreviation in brackets ends nothing
    assert len(split_sentences("He joined the (U.S.) Army in 2001.")) == 1
