"""An aside that commas set off right after a sentence's subject ("The company, which was founded in 1998,
employs 4,000 people"; "Ann Lee, a contender in 2008, said ..."): its dates tell of the subject, not when
the clause's figure holds or its happening happened."""

from __future__ import annotations

import re

from monitor.extract.items.document import Doc, SentenceInfo
from monitor.extract.wordforms import word_tags


def in_the_subject_s_aside(doc: Doc, info: SentenceInfo, pos: int, at: int, appositive: bool = False) -> bool:
    """Whether `pos` lies in an aside set off by commas after the subject, before what is at `at` ("The
    bill, passed on Oct. 1, gives the agency $18 billion"): one a relative or a participle opens, or with
    `appositive` one a noun phrase is ("Ann Lee, a contender in 2008, said"), and only such."""
    text, first = doc.text, info.sentence.start
    opening = text.rfind(",", first, pos)
    closing = text.find(",", pos, at)
    if opening <= first or closing < 0 or "," in text[closing + 1 : at]:
        return False
    words = _WORDS_RE.findall(text, opening, closing)
    if not words or "," in text[first:opening]:
        return False  # the subject before the aside is the sentence's opening words
    head = words[0].lower()
    if appositive:
        return head in _ARTICLES
    return head in _ASIDE_RELATIVES or ("VBN" in word_tags(head) and head.endswith("ed"))


_WORDS_RE = re.compile(r"[A-Za-z]+")
_ASIDE_RELATIVES = frozenset({"which", "who", "whose"})
_ARTICLES = frozenset({"a", "an"})
