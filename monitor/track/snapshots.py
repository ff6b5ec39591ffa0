"""Snapshot storage form and diffs between two versions of a text (pure).

Stored text is zlib-compressed UTF-8 (level 9): news texts are a few kilobytes, where zlib compresses within a
few percent of lzma at a small fraction of the time, and every platform can read it.

Diffs work on sentences, one a line, of the *normalised* text (monitor.extract.text.normalise), so whatever
does not change the content hash (whitespace, typography, page furniture) never shows up in a diff either.

    >>> d = sentence_diff("The plane left. It carried masks.", "The plane left. It carried ventilators.")
    >>> d.removed, d.added
    (('It carried masks.',), ('It carried ventilators.',))
"""

from __future__ import annotations

import difflib
import zlib
from collections import Counter
from dataclasses import dataclass

from monitor.errors import StoreError
from monitor.extract.sentences import split_sentences
from monitor.extract.text import normalise

__all__ = ["SentenceDiff", "compress", "decompress", "sentence_diff", "sentence_lines", "unified_diff"]

_LEVEL = 9


def compress(text: str) -> bytes:
    """The stored form of a snapshot's text: zlib (level 9) over UTF-8."""
    return zlib.compress(text.encode("utf-8"), _LEVEL)


def decompress(blob: bytes) -> str:
    """Inverse of compress(); a blob that is not one raises StoreError (the stored snapshot is damaged)."""
    try:
        return zlib.decompress(blob).decode("utf-8")
    except (zlib.error, UnicodeDecodeError, TypeError) as exc:
        raise StoreError(f"stored snapshot text is not a zlib-compressed UTF-8 blob: {exc}") from None


def sentence_lines(text: str) -> list[str]:
    """The normalised sentences of `text`, one per list item (whitespace inside a sentence collapsed)."""
    lines = (" ".join(s.text.split()) for s in split_sentences(normalise(text)))
    return [line for line in lines if line]


@dataclass(frozen=True)
class SentenceDiff:
    """Sentences only in the new text (`added`) and only in the old one (`removed`), in text order."""

    added: tuple[str, ...]
    removed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


def sentence_diff(old: str, new: str) -> SentenceDiff:
    """Which normalised sentences were added and removed between two versions.

    Order-insensitive: a sentence that only moved is neither added nor removed (a reshuffled page is not new
    information). Multiplicity counts: a sentence that now appears twice instead of once is added once.
    """
    old_lines, new_lines = sentence_lines(old), sentence_lines(new)
    only_new = Counter(new_lines) - Counter(old_lines)
    only_old = Counter(old_lines) - Counter(new_lines)
    return SentenceDiff(added=_take(new_lines, only_new), removed=_take(old_lines, only_old))


def _take(lines: list[str], wanted: Counter[str]) -> tuple[str, ...]:
    """The last `wanted[line]` occurrences of each line, in text order (later copies are the new ones)."""
    left = Counter(wanted)
    picked: list[str] = []
    for line in reversed(lines):
        if left[line] > 0:
            left[line] -= 1
            picked.append(line)
    return tuple(reversed(picked))


def unified_diff(old: str, new: str, from_label: str, to_label: str, *, context: int = 3) -> str:
    """A unified diff (difflib) between the sentence lines of two versions; "" when nothing changed.

    Unlike sentence_diff this one is ordered: a moved sentence shows as removed here and added there, which
    is what a person reading two versions side by side expects.
    """
    lines = list(
        difflib.unified_diff(
            sentence_lines(old),
            sentence_lines(new),
            fromfile=from_label,
            tofile=to_label,
            n=context,
            lineterm="",
        )
    )
    return "\n".join(lines) + "\n" if lines else ""
