"""monitor.snapshots: stored form of texts and sentence diffs between versions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor.errors import StoreError
from monitor.extract.text import content_hash, extract_document
from monitor.track.snapshots import (
    SentenceDiff,
    compress,
    decompress,
    sentence_diff,
    sentence_lines,
    unified_diff,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"

OLD = (
    "The bridge reopened on Monday after repairs. Traffic was light.\n\n"
    "Tolls will return in June, the council said. About 40 people attended the ceremony."
)


def _text(name: str) -> str:
    return extract_document((FIXTURES / name).read_bytes()).text


@given(st.text())
def test_compress_round_trips(text: str) -> None:
    assert decompress(compress(text)) == text


def test_compress_shrinks_article_text() -> None:
    text = _text("dam_v1.html")
    assert len(compress(text)) < len(text.encode("utf-8")) * 0.75


@pytest.mark.parametrize("blob", [b"", b"not zlib at all", compress("ok")[:-3]])
def test_decompress_damaged_blob_raises_store_error(blob: bytes) -> None:
    with pytest.raises(StoreError, match="not a zlib-compressed UTF-8 blob"):
        decompress(blob)


def test_sentence_lines_one_sentence_a_line() -> None:
    assert sentence_lines(OLD) == [
        "The bridge reopened on Monday after repairs.",
        "Traffic was light.",
        "Tolls will return in June, the council said.",
        "About 40 people attended the ceremony.",
    ]


def test_sentence_lines_drop_page_furniture() -> None:
    text = "Share\nThe bridge reopened.\nRelated article: Tolls Debate\n"
    assert sentence_lines(text) == ["The bridge reopened."]


def test_unchanged_text_has_no_diff() -> None:
    assert unified_diff(OLD, OLD, "v1", "v2") == ""
    assert sentence_diff(OLD, OLD) == SentenceDiff(added=(), removed=())
    assert not sentence_diff(OLD, OLD)


def test_whitespace_only_change_same_hash_and_no_diff() -> None:
    respaced = "  " + OLD.replace(" ", "  ").replace("\n\n", "\n\n\n") + "\n"
    assert content_hash(respaced) == content_hash(OLD)
    assert unified_diff(OLD, respaced, "v1", "v2") == ""
    assert not sentence_diff(OLD, respaced)


def test_changed_sentence_shows_as_minus_plus() -> None:
    new = OLD.replace("About 40 people", "About 60 people")
    diff = unified_diff(OLD, new, "v1 2021-06-01", "v2 2021-06-02")
    lines = diff.splitlines()
    assert lines[0] == "--- v1 2021-06-01"
    assert lines[1] == "+++ v2 2021-06-02"
    assert "-About 40 people attended the ceremony." in lines
    assert "+About 60 people attended the ceremony." in lines
    # unchanged sentences appear only as context
    assert " Traffic was light." in lines
    assert not any(line[:1] in "+-" and "Traffic" in line for line in lines)
    assert sentence_diff(OLD, new) == SentenceDiff(
        added=("About 60 people attended the ceremony.",), removed=("About 40 people attended the ceremony.",)
    )


def test_moved_sentence_is_not_a_sentence_change() -> None:
    moved = (
        "Tolls will return in June, the council said. About 40 people attended the ceremony.\n\n"
        "The bridge reopened on Monday after repairs. Traffic was light."
    )
    assert not sentence_diff(OLD, moved)
    assert unified_diff(OLD, moved, "a", "b") != ""  # the ordered diff still shows the move


def test_repeated_sentence_counts_once_more() -> None:
    new = OLD + " Traffic was light."
    assert sentence_diff(OLD, new) == SentenceDiff(added=("Traffic was light.",), removed=())


def test_real_revision_of_fixture_page() -> None:
    d = sentence_diff(_text("dam_v1.html"), _text("dam_v3_revised.html"))
    assert "Two schools in Ashford will stay closed until Monday." in d.added
    assert any(s.startswith("About 2,500 residents") for s in d.added)
    assert any(s.startswith("About 1,200 residents") for s in d.removed)
    assert not sentence_diff(_text("dam_v1.html"), _text("dam_v2_furniture_only.html"))
