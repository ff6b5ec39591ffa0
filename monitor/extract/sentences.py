"""Sentence splitting with character offsets.

Built on `sentencex` (Wikimedia's rule-based segmenter, compiled, no data download; ~40k TempEval articles/s),
with two layers of our own: a line break ends a sentence (plain-text articles and extracted page text put
one paragraph a line) unless the line stops mid-clause and the next goes on in lower case (hard-wrapped copy,
`_lines`), and a split right after a title such as "Dr." or "Gov." is undone using the abbreviation list in
monitor/extract/data/en/abbreviations.yaml.

    >>> [s.text for s in split_sentences("Dr. Smith left for the U.S. on Monday. He is back.")]
    ['Dr. Smith left for the U.S. on Monday.', 'He is back.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import sentencex

from monitor.extract.lexicon import abbreviations, load_data_file, string_list

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: `text == source[start:end]`, with surrounding whitespace left out."""

    start: int
    end: int
    text: str


_LINE_RE = re.compile(r"[^\n]+")
_CODE_RE = re.compile(r"[A-Z0-9]+(?![a-z])")
_LAST_TOKEN_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.\W*\Z")
_TAIL = 40
_WORD_CHAR_RE = re.compile(r"[A-Za-z.]")


@cache
def _continuation() -> re.Pattern[str]:
    """What opens the rest of a sentence after a maybe-final abbreviation: lower case, a digit or a sign, or
    a word of abbreviations.yaml `continuing_words` ("at 5 p.m. Monday", "11 p.m. Sept. 4 to dawn")."""
    data = load_data_file("abbreviations.yaml")
    words = string_list(data.get("continuing_words"), "abbreviations.yaml: continuing_words")
    dotted = "|".join(re.escape(w.rstrip(".")) + (r"\." if w.endswith(".") else r"\b") for w in words)
    return re.compile(rf"(?:[a-z0-9(,;:%$]|(?:{dotted}))")


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] (one line) with sentencex; fall back to the whole line if it fails."""
    chunk = text[start:end]
    try:
        bounds = sentencex.get_sentence_boundaries("en", chunk)
        spans = [(start + int(b["start_index"]), start + int(b["end_index"])) for b in bounds]
    except Exception:  # the segmenter is third-party code; a bad split must never stop extraction
        return [(start, end)]
    if not spans or spans[0][0] != start or spans[-1][1] != end:
        return [(start, end)]
    return spans


# "R-W.Va., visited": no sentence opens on an abbreviation and a comma; the split inside it was wrong.
_OPENS_ON_ABBREVIATION_RE = re.compile(r"[A-Z][a-z]{0,4}\.,")


def _should_join(prev: str, nxt: str) -> bool:
    if _OPENS_ON_ABBREVIATION_RE.match(nxt):
        return True
    # The last word is in the sentence's tail: searching there is linear, not quadratic, in a long
    # sentence; a word that may run on before the tail is read in full.
    cut = max(0, len(prev) - _TAIL)
    m = _LAST_TOKEN_RE.search(prev, cut)
    if m and cut and _WORD_CHAR_RE.match(prev, m.start() - 1):
        m = _LAST_TOKEN_RE.search(prev)
    if not m:
        return False
    token = m.group(1).lower()
    never, maybe = abbreviations()
    if token in never:
        return True
    return token in maybe and bool(_continuation().match(nxt))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str) -> list[tuple[int, int]]:
    """Line spans; a single line break joins two lines when the first ends mid-clause and the next goes on
    in lower case (hard-wrapped text), and so does a blank line after a line of words that stops on a word
    or a comma (a page that sets each wrapped line of its copy as a paragraph: "flashed up on" /
    "television screens on Tuesday"); a short line ("Tags", "About us") is a heading."""
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(text)]
    out: list[tuple[int, int]] = []
    for start, end in lines:
        if out:
            p_start, p_end = out[-1]
            prev = text[p_start:p_end].rstrip()
            breaks = text[p_end:start].count("\n")
            if (
                prev
                and prev[-1] not in ".!?:\"'”"
                and text[start:end].lstrip()[:1].islower()
                and (breaks == 1 or (breaks == 2 and _WRAPPED_END_RE.search(prev) is not None))
            ):
                out[-1] = (p_start, end)
                continue
        out.append((start, end))
    return out


# A line of at least four words that stops on a lower-case word or a comma.
_WRAPPED_END_RE = re.compile(r"(?:\S+[ \t]+){3,}[a-z]+,?\Z")


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences with offsets into it; never raises (non-str input gives [])."""
    if not isinstance(text, str) or not text:
        return []
    out: list[Sentence] = []
    for line_start, line_end in _lines(text):
        merged: list[tuple[int, int]] = []
        for s, e in _closing_brackets_split(text, _spans(text, line_start, line_end)):
            s, e = _trim(text, s, e)
            if s >= e:
                continue
            # A period with no space after it, before a code in capitals or a number: a ticker (".DJI",
            # "AAPL.O"), not a sentence's end ("said.The" stays a split: text with a lost space).
            glued = (bool(merged) and merged[-1][1] == s and text[s - 1] == "."
                     and bool(_CODE_RE.match(text, s)))
            # A line break inside a line `_lines` joined ends no sentence (the segmenter may split there).
            wrapped = bool(merged) and "\n" in text[merged[-1][1] : s]
            if merged and (glued or wrapped or _should_join(text[merged[-1][0] : merged[-1][1]], text[s:e])):
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        out.extend(Sentence(s, e, text[s:e]) for s, e in _openers_moved(text, merged))
    return out


# A sentence in brackets ends at its bracket: "(They met once, in Paris.) But the two ..." (the segmenter
# reads on); the word before the stop is of two small letters or digits at least, so "(U.S.) Army" stays.
_BRACKETED_END_RE = re.compile(r"(?<=[a-z0-9]{2}[.!?]\))\s+(?=[A-Z\"“])")


def _closing_brackets_split(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` split after a bracketed sentence's closing bracket."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for m in _BRACKETED_END_RE.finditer(text, s, e):
            out.append((s, m.start()))
            s = m.end()
        out.append((s, e))
    return out


def _openers_moved(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote mark after a sentence's last space opens the next sentence (the segmenter may leave it
    behind: 'asked Ada. "Nobody did ...'): it moves to the sentence it opens."""
    out = list(spans)
    for i in range(len(out) - 1):
        (s, e), (s2, e2) = out[i], out[i + 1]
        opens_next = text[s2].isupper() or text[s2].isdigit()  # not 'ourselves? " she wrote'
        if e - s > 2 and text[e - 1] in "\"“" and text[e - 2].isspace() and opens_next:
            out[i] = _trim(text, s, e - 1)
            out[i + 1] = (e - 1, e2)
    return out
