"""What a report's opening tells: the news of its publication day, where the first paragraphs name no day of
their own (monitor.extract.items.event_dates dates by it)."""

from __future__ import annotations

import re

from monitor.extract.items.dating import iso_day, recent_day
from monitor.extract.items.document import Doc, SentenceInfo
from monitor.extract.items.occurrence import Actors, Occurrence


def undated_lede(doc: Doc, pos: int) -> bool:
    """Whether `pos` is in the lede of an article (the first of several paragraphs) and neither the lede nor
    the paragraph after it names a recent day: then the lede tells the news of the publication day. A day
    named just after ("The tanker left port on Monday") is the lede's, which the scene then gives it."""
    if doc.paragraph_start(pos) >= 0:
        return False
    first = doc.text.find("\n\n", pos)
    if first < 0:
        return False  # one paragraph: no article with a lede
    second = doc.text.find("\n\n", first + 2)
    end = second if second >= 0 else len(doc.text)
    return not any(
        (day := iso_day(tx.value[:10])) is not None and recent_day(doc, day)
        for tx in doc.timexes_in(0, end)
    )


def opening_statement(doc: Doc, info: SentenceInfo, occ: Occurrence, who: Actors) -> bool:
    """Whether a statement with no date is a person's, named before its verb, in the report's first two
    paragraphs before the report names any day, what was said told after the verb ("Harbour master Ilse
    Marrow said the ferry was too old to ..."): the report's news, of its day, as an announcement is. Not an
    organisation's, a place's or a people's ("The harbour board said", "residents claimed"), which there as
    often attributes background; nor words the sentence gave before the verb ('"...," Ann Lee told', ", Ada
    Brisk stressed."), which a speaker attributes; nor later, where a person's words may be of any day (over
    the 38 sets, the third paragraph's gave as many false rows as right ones)."""
    return (occ.kind == "statement" and who.subject is not None and who.subject.kind == "person"
            and not who.by_reference and doc.last_day is None and not info.timexes
            and doc.paragraph_number(occ.start) < _OPENING_PARAGRAPHS
            and doc.paragraph_number(len(doc.text) - 1) > 0  # (one paragraph is no report with an opening)
            and not quoted_before(info, occ) and said_after(doc, info, occ))


_OPENING_PARAGRAPHS = 2


def quoted_before(info: SentenceInfo, occ: Occurrence) -> bool:
    """Whether a quote of the sentence closes before the statement's verb ('"...," Ann Lee said'): the words
    said come first."""
    return any(info.sentence.start <= end <= occ.start for _start, end in info.quotes)


def said_after(doc: Doc, info: SentenceInfo, occ: Occurrence) -> bool:
    """Whether the sentence tells what was said after the statement's verb, in words enough to be more than
    a listener ("Ilse Marrow said the ferry was ...", not "Ann Lee told reporters.")."""
    return len(_WORD_RE.findall(doc.text, occ.end, info.sentence.end)) >= _WORDS_SAID


_WORDS_SAID = 4  # "said the ferry was": what was said, after the verb
_WORD_RE = re.compile(r"[A-Za-z]+")
