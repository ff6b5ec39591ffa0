"""Step 1: which sentences to read and which spans to leave alone.

Quotations are found here (quotes are not events and their dates date nothing), as are page furniture
("Related article: ...", skipped by prefix), headline-like lines and the header zone (headline, byline, date
line) before the first line of prose.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from monitor.extract.corrections import correction_rules
from monitor.extract.lexicon import Lexicon
from monitor.extract.sentences import Sentence, split_sentences

# Every branch opens with its quote mark (the look-behind of "‘" comes after it): the regex engine then
# skips straight to the next quote mark instead of trying each branch at every character.
_QUOTE_RE = re.compile(
    r"\"[^\"\n]{2,}?\"|“[^”\n]{2,}?”|“[^”\n]{2,}$|``[^\n]{2,}?''|‘(?<=\s‘)[^’\n]{4,}?’(?!\w)"
)


def quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


def is_headline(text_all: str, sentence: Sentence) -> bool:
    """On a line without final punctuation whose words are mostly capitalised (titles, bylines, datelines)."""
    line_start = text_all.rfind("\n", 0, sentence.start) + 1
    line_end = text_all.find("\n", sentence.end)
    return _headline_line(text_all[line_start : line_end if line_end >= 0 else len(text_all)].strip())


def headline_test(text_all: str) -> Callable[[Sentence], bool]:
    """`is_headline` for the sentences of `text_all`, each line judged once (linear in a long text)."""
    newlines = [m.start() for m in _NEWLINE_RE.finditer(text_all)]
    judged: dict[tuple[int, int], bool] = {}

    def test(sentence: Sentence) -> bool:
        i = bisect_left(newlines, sentence.start)
        line_start = newlines[i - 1] + 1 if i else 0
        j = bisect_left(newlines, sentence.end)
        line = (line_start, newlines[j] if j < len(newlines) else len(text_all))
        if line not in judged:
            judged[line] = _headline_line(text_all[line[0] : line[1]].strip())
        return judged[line]

    return test


_NEWLINE_RE = re.compile("\n")
_HEAD_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")


def _headline_line(text: str) -> bool:
    if text[-1:] in ".!?\"”'’":
        return False
    words = _HEAD_WORD_RE.findall(text)
    if len(words) <= 3:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6


def header_end(text: str, sentences: list[Sentence]) -> int:
    """End of the header zone (headline, byline, date line): before the first line that reads as prose."""
    for s in sentences:
        line_end = text.find("\n", s.start)
        line = text[text.rfind("\n", 0, s.start) + 1 : line_end if line_end >= 0 else len(text)].strip()
        if line[-1:] in '.!?"”' and len(line.split()) >= 8:
            return text.rfind("\n", 0, s.start) + 1
    return 0


def body_sentences(text: str, lex: Lexicon) -> list[Sentence]:
    """The sentences of `text` but page furniture: lines opening with a skip prefix (in any case), the
    teasers of other stories that a heading glued into the text opens (names.yaml `teaser_headings`), and
    the editors' corrections (corrections.yaml: "Correction, May 3: this article misnamed ...", which
    tell of the page, not of the story)."""
    prefixes, longest = _lowered(lex.skip_line_prefixes)
    headings, heading_length = _lowered(lex.teaser_headings)
    corrections = correction_rules()
    out: list[Sentence] = []
    line_end = -1
    for s in split_sentences(text):
        if s.start < line_end or s.text[:longest].lower().startswith(prefixes):
            continue
        if any(rule.search(s.text) for rule in corrections):
            continue
        if headings and _opens_teasers(s.text, headings, heading_length):
            line_end = text.find("\n", s.start)
            line_end = len(text) if line_end < 0 else line_end
            continue
        out.append(s)
    return out


def _opens_teasers(sentence: str, headings: tuple[str, ...], longest: int) -> bool:
    """Whether the sentence opens on a teaser heading run into a teaser ("Top stories The council ...")."""
    low = sentence[:longest].lower()  # only the opening: this is asked of every sentence
    return any(low.startswith(h) and _TEASER_START_RE.match(sentence, len(h)) for h in headings)


_TEASER_START_RE = re.compile(r"\s+[\"“‘']?[A-Z0-9]")


@cache
def _lowered(prefixes: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
    """The prefixes lower-cased ("READ MORE: ...", "See More" are furniture too), and the longest's length."""
    return tuple(p.lower() for p in prefixes), max(map(len, prefixes), default=0)
