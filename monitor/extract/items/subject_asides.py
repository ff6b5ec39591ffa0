"""Asides that commas set off in a sentence ("The company, which was founded in 1998, employs 4,000 people";
"Ann Lee, a contender in 2008, said ..."): their dates tell of the noun they describe, not when the clause's
figure holds or its happening happened."""

from __future__ import annotations

import re

from monitor.extract.items.document import Doc, SentenceInfo
from monitor.extract.wordforms import word_tags

__all__ = ["in_a_relative_aside", "in_the_subject_s_aside", "in_the_subject_s_appositive"]


def in_the_subject_s_aside(doc: Doc, info: SentenceInfo, pos: int, at: int) -> bool:
    """Whether `pos` lies in an aside a relative or a participle opens, set off by commas after the subject,
    before what is at `at` ("The bill, passed on Oct. 1, gives the agency $18 billion")."""
    head = _subject_s_aside_head(doc, info, pos, at)
    return head in _RELATIVES or ("VBN" in word_tags(head) and head.endswith("ed"))


def in_the_subject_s_appositive(doc: Doc, info: SentenceInfo, pos: int, at: int) -> bool:
    """Whether `pos` lies in a noun phrase set off by commas after the subject, before what is at `at` ("Ann
    Lee, a contender in 2008, said")."""
    return _subject_s_aside_head(doc, info, pos, at) in _ARTICLES


def in_a_relative_aside(text: str, start: int, pos: int, before: int) -> bool:
    """Whether `pos` lies in a relative clause set off by commas (opened after `start`, the sentence's) that
    closes before `before` ("A former mayor, who took office in 1991, came back in October")."""
    opened = text.rfind(",", start, pos)
    if opened < 0 or "," not in text[pos:before]:
        return False
    words = _WORDS_RE.findall(text, opened, min(before, opened + 12))
    return bool(words) and words[0].lower() in _RELATIVES


def _subject_s_aside_head(doc: Doc, info: SentenceInfo, pos: int, at: int) -> str:
    """The first word, lower case, of the aside set off by commas right after the sentence's opening words
    that holds `pos` and closes before `at`; "" for none."""
    text, first = doc.text, info.sentence.start
    opening = text.rfind(",", first, pos)
    closing = text.find(",", pos, at)
    if opening <= first or closing < 0 or "," in text[closing + 1 : at]:
        return ""
    words = _WORDS_RE.findall(text, opening, closing)
    if not words or "," in text[first:opening]:
        return ""  # the subject before the aside is the sentence's opening words
    return str(words[0]).lower()


_WORDS_RE = re.compile(r"[A-Za-z]+")
_RELATIVES = frozenset({"which", "who", "whom", "whose"})
_ARTICLES = frozenset({"a", "an"})
