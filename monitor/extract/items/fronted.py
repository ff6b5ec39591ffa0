"""A date that opens a sentence and so dates what it tells (`fronted_timex`): "Last month, Russia said ...",
"In a Nov. 5 letter, the doctors urged ...", "During the debate on Tuesday, ...", "Shortly after news broke on
Monday that ..., the company denied ...". Part of step 5, choosing an item's date (see `dating`).
"""

from __future__ import annotations

import re

from monitor.extract.items.dating import DAY_TYPES
from monitor.extract.items.document import Doc, SentenceInfo
from monitor.extract.items.triggers import a_happenings_noun
from monitor.extract.lexicon import Lexicon
from monitor.extract.timex import Timex

_OPENER_WORDS = frozenset({"early", "late", "later"})


def fronted_timex(info: SentenceInfo, doc: Doc) -> str | None:
    """A date that opens the sentence and so governs all of it: "Last month, Russia said ...", "In a Nov. 5
    letter, the doctors ..." (tense.yaml `record_nouns`)."""
    if not info.timexes or not info.clauses:  # the dates first: most sentences have none, and no clause cut
        return None
    opening, day = info.timexes[0]
    if opening.start == info.sentence.start and doc.text[opening.end : opening.end + 1] == ":":
        return day  # "October 24: ARRESTS – Corey Inman, 38, was arrested ...": a blotter's entry
    first = _past_connectives(info, doc)
    if (after := _after_opening(info, doc, first[0])) is not None:
        return after
    for tx, value in info.timexes:
        if _dated_record_subject(info, doc, tx):
            return value  # "A Nov. 5 letter from the doctors urged ...": the record's day dates what it says
        if first[0] <= tx.start and tx.end <= first[1]:
            rest = doc.text[first[0] : tx.start] + doc.text[tx.end : first[1]]
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", rest)]
            records = doc.lex.record_nouns
            # "According to a paper published on Monday, ...", "In a letter to the president in May, ...":
            # the record's day dates what it reports, wherever it stands in the phrase
            sourced = (words[:2] == ["according", "to"] and any(w in records for w in words)) or (
                words[:1] == ["in"] and any(w in records for w in words[1:3])
            )
            if words[:1] == ["since"]:
                return None  # "Since 2015, the chain has opened 40 stores": the start of a span, no one day
            opener = sourced or all(
                w in doc.lex.function_words or w in _OPENER_WORDS or w in doc.lex.record_nouns for w in words
            ) or _an_occasion(doc, rest)
            if opener and first[1] < info.sentence.end and doc.text[first[1]] == ",":
                return value
    return None


def _after_opening(info: SentenceInfo, doc: Doc, start: int) -> str | None:
    """The date of an opening "after" or "following" phrase ("Shortly after news broke on Monday that ...,
    Dick Clark Productions denied ...", "Following a two-day trial in September, a jury deliberated ..."):
    what the sentence's main clause, after the phrase's comma, tells came then, unless that clause tells a
    state of the present or the future ("After debuting the Juke two months ago, Nissan has taken the covers
    off the Sentra": the news). A span of days or more between ("two weeks after") is counted elsewhere."""
    opening = _AFTER_OPENING_RE.match(doc.text, start, info.sentence.end)
    if opening is None:
        return None
    dated = [(tx, value) for tx, value in info.timexes if tx.start >= opening.end() and tx.type in DAY_TYPES]
    if not dated:
        return None
    tx, value = dated[0]
    if "," in doc.text[opening.end() : tx.start]:
        return None  # the phrase ended before the date ("After a year, ... he is now recovered")
    comma = doc.text.find(",", tx.end, info.sentence.end)
    if comma < 0 or any(t.start < comma for t, _v in dated[1:]):
        return None
    main = [w.lower() for w in re.findall(r"[A-Za-z']+", doc.text[comma : info.sentence.end])[:8]]
    if not main or set(main) & _NOT_PAST_WORDS:
        return None
    return value


_AFTER_OPENING_RE = re.compile(
    r"[\s,]*(?:(?:shortly|soon|just|right|immediately|hours|minutes|moments)\s+)?(?:after|following)\s+",
    re.IGNORECASE)
# words of a clause telling the present, a perfect or what is to come, not a past happening
_NOT_PAST_WORDS = frozenset({"has", "have", "is", "are", "am", "do", "does", "will", "would", "could",
                             "should", "shall", "must", "may", "might", "can"})


def _past_connectives(info: SentenceInfo, doc: Doc) -> tuple[int, int]:
    """The sentence's first clause after those of function words only ("Then, last week, Swift posted ...",
    "However, on Monday, ..."): a connective set off by its comma leaves the date after it fronted."""
    for i, (start, end) in enumerate(info.clauses[:-1]):
        words = re.findall(r"[A-Za-z]+", doc.text[start:end])
        dated = any(start <= tx.start < end for tx, _v in info.timexes)  # "Today, ...": a date itself
        if dated or not (words and all(w.lower() in doc.lex.function_words for w in words)
                         and doc.text[end] == ","):
            return info.clauses[i]
    return info.clauses[-1]


def an_occasion_noun(lex: Lexicon, word: str) -> bool:
    """A noun that names a happening something else may take place at: `a_happenings_noun`, or one of
    tense.yaml `occasion_nouns` ("game", "concert")."""
    return word in lex.occasion_nouns or a_happenings_noun(lex, word)


def _an_occasion(doc: Doc, phrase: str) -> bool:
    """Whether the words of a phrase opening the sentence (its date left out) name the occasion of what the
    sentence tells: one of tense.yaml `occasion_prepositions`, then a happening's noun phrase ("During the
    debate on Tuesday, ...", "At Wednesday night's debate, ...", "In the closing seconds of last week's
    Browns-Steelers game, ..."): names, function words and time nouns aside, at most two other words
    ("closing", "council")."""
    lex = doc.lex
    words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", phrase)
    if not words or words[0].lower() not in lex.occasion_prepositions:
        return False
    lower = [w.lower() for w in words[1:] if not w[0].isupper() and len(w) > 1]
    nouns = [w for w in lower if an_occasion_noun(lex, w)]
    others = [w for w in lower if w not in nouns and w not in lex.function_words and w not in lex.time_nouns]
    return bool(nouns) and len(others) <= 2


def _dated_record_subject(info: SentenceInfo, doc: Doc, tx: Timex) -> bool:
    """Whether the sentence opens on "A/An/The <date> <record noun>" (tense.yaml `record_nouns`): a dated
    record is the subject, and its day that of what the sentence says it told."""
    before = [t.lower for t in info.tokens if t.end <= tx.start]
    after = next((t.lower for t in info.tokens if t.start >= tx.end), "")
    return before in (["a"], ["an"], ["the"]) and after in doc.lex.record_nouns
