"""Which clause of a sentence a date belongs to, where the sentence has more than one: a clause of time that
hangs on the main clause ("after DEA officials arrested the premier"), one with a date of its own, a closing
attribution (", prosecutors said."), a name set off by commas, one day written two ways in two clauses.
`monitor.extract.items.happenings` and `event_dates` read them to give each happening its own date and no
other's.
"""

from __future__ import annotations

import re

from monitor.extract.items.document import CLAUSE_CUTS, Doc, SentenceInfo, Tok, clause_of
from monitor.extract.timex.days import DAY_VALUE
from monitor.extract.wordforms import word_tags

_WORD_RE = re.compile(r"[A-Za-z]+")
_ATTRIBUTION_WORDS = 5  # the words of a closing attribution at most (", the harbour board said.")
_CLOSING = " .!?\"'\u201d\u2019"
_SPAN_BEFORE_RE = re.compile(r"\b(?:shortly|soon|days|hours|weeks|months|years)\s*\Z", re.IGNORECASE)


def hangs_on_main_clause(doc: Doc, info: SentenceInfo, clause: tuple[int, int]) -> bool:
    """Whether `clause` is a clause of time hanging on the main clause before it, with no date of its own
    ("called for calm on Thursday after DEA officials arrested the premier"; tense.yaml
    `dated_by_main_clause`): what it tells is told with the sentence's date. Not a clause opening the
    sentence, a participle's ("after being deported"), nor one in the past perfect ("after it had spread",
    which came before)."""
    if not info.clauses or clause == info.clauses[0] or doc.timexes_in(*clause):
        return False
    words = _words(info, clause)
    if len(words) < 2 or words[0].lower not in doc.lex.dated_by_main_clause:
        return False
    if _SPAN_BEFORE_RE.search(doc.text, max(0, words[0].start - 24), words[0].start) or any(
            t.type == "DURATION" and t.end >= words[0].start - 1
            for t in doc.timexes_in(max(0, words[0].start - 24), words[0].start)):
        return False  # "days after", "shortly after": a span, which dates it by itself (or leaves it undated)
    return "VBG" not in word_tags(words[1].lower) and not any(t.lower == "had" for t in words)


def told_with_main_clause(doc: Doc, info: SentenceInfo, clause: tuple[int, int], start: int) -> bool:
    """Whether the verb at `start` tells its happening with the date of the main clause before it: in a
    clause of time hanging on it (`hangs_on_main_clause`), or in a clause joined to it by "and", in the
    simple past, with no date of its own ("signed an economic plan Friday, and Yeltsin claimed they
    resolved ...": two happenings of one day)."""
    if hangs_on_main_clause(doc, info, clause):
        return True
    if not info.clauses or clause == info.clauses[0] or doc.timexes_in(*clause):
        return False
    verb = _WORD_RE.match(doc.text, start)
    return (_AND_THEN_RE.match(doc.text, clause[0], start) is not None and verb is not None
            and "VBD" in word_tags(verb.group().lower()))


# What opens a clause joined by "and" up to its verb: "and", maybe "then", at most four words of its subject.
_AND_THEN_RE = re.compile(r"[\s,;]*and\s+(?:then\s+)?(?:[\w.'\u2019-]+\s+){0,4}\Z")


def closing_attribution(doc: Doc, info: SentenceInfo, clause: tuple[int, int]) -> bool:
    """Whether `clause` is the sentence's last and only says who reports it (", prosecutors said."): a few
    words ending on a reporting verb."""
    words = _WORD_RE.findall(doc.text, clause[0], clause[1])
    if clause != info.clauses[-1] or len(words) > _ATTRIBUTION_WORDS:
        return False
    return any(kind == "statement" and clause[0] <= start and not doc.text[end : clause[1]].strip(_CLOSING)
               for start, end, _t, kind in info.triggers)


def dated_apart(info: SentenceInfo, clause: tuple[int, int], date_at: int) -> bool:
    """Whether `clause` holds a date of the sentence other than the one at `date_at`."""
    return any(clause[0] <= other.start < clause[1] and other.start != date_at
               and other.value != "PRESENT_REF" for other, _v in info.timexes)


def subordinate_with_its_date(doc: Doc, info: SentenceInfo, clause: tuple[int, int], date_at: int) -> bool:
    """Whether `clause` opens with one of tense.yaml `time_subordinators` (its first word, or its second:
    "shortly after") and holds a date of the sentence other than the one at `date_at`: its verb is that
    date's happening."""
    opens = any(t.lower in doc.lex.time_subordinators for t in _words(info, clause)[:2])
    return opens and dated_apart(info, clause, date_at)


def _words(info: SentenceInfo, clause: tuple[int, int]) -> list[Tok]:
    """A clause's tokens without the marks that cut it ("(after ...": "after" opens it)."""
    return [t for t in info.tokens_within(*clause) if t.text not in CLAUSE_CUTS]


def past_name_asides(info: SentenceInfo, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses from the first that is more than a name or a title set off by commas ("a day after the
    boy's mother, Sophia Vera, was arrested"; "last week Ann Berg, head of the port's engineering group,
    told ...": the aside has no verb; the clause after it has)."""
    for n, clause in enumerate(clauses):
        words = [t for t in info.tokens_within(*clause) if t.text[:1].isalpha()]
        if not words or not (all(t.cap for t in words) or _a_title_aside(info, clause, words)):
            return clauses[n:]
    return []


def _a_title_aside(info: SentenceInfo, clause: tuple[int, int], words: list[Tok]) -> bool:
    """Whether a clause set off by a comma right after a name, before the name's verb, holds no word that may
    be a verb ("Ann Berg, head of the port's engineering group, told ...")."""
    text, base = info.sentence.text, info.sentence.start
    opened = (text[clause[0] - base : clause[1] - base].lstrip().startswith(",")
              or text[: clause[0] - base].rstrip().endswith(","))
    last = next((t for t in reversed(info.tokens) if t.end <= clause[0] and t.text[:1].isalpha()), None)
    # right after a name: the name's title, not a clause of its own
    after_a_name = last is not None and last.cap and last.start > base and not any(
        tx.start <= last.start < tx.end for tx, _v in info.timexes)  # "in May, at 3.1 percent,"
    # and the name's verb right after it ("..., head of the group, told ...")
    nxt = next((t for t in info.tokens if t.start >= clause[1] and t.text[:1].isalpha()), None)
    verb_next = nxt is not None and not nxt.cap and bool(word_tags(nxt.lower) & _FINITE)
    return opened and after_a_name and verb_next and not any(
        word_tags(t.lower) & _FINITE for t in words if not t.cap)


# a word of any of these forms may be a clause's own verb ("head" is not: a noun or a base form)
_FINITE = frozenset({"VBD", "VBZ", "MD"})


def said_apart(info: SentenceInfo, at: int, value: str, taken_in: dict[str | None, set[tuple[int, int]]],
               found: set[str | None]) -> bool:
    """Whether the date at `at`, whose value a draft of the sentence took (`taken_in`: the clauses of the
    drafts of each value), still dates a happening of its own: written another way ("over the weekend" and
    "last week", both 2019-W46) in a clause no draft of that value is in ("A case was reported over the
    weekend — after two people were diagnosed last week": two happenings); `found` holds the values
    already given. The same words again ("on Monday ... Monday") tell one day twice."""
    if value not in taken_in or value in found:
        return False
    written = {t.value for t, v in info.timexes if v == value}
    return len(written) > 1 and clause_of(at, info.clauses) not in taken_in[value]


def day_just_after(doc: Doc, info: SentenceInfo, clause: tuple[int, int]) -> str | None:
    """The day of the clause right after `clause` when that one opens "shortly after", "hours before" or the
    like and names a day, and `clause` names no date: what `clause` tells came that day ("was shot through
    the kitchen window shortly after he returned home on the night of Friday, Oct. 23"). A span of days or
    more ("two weeks after") dates nothing so."""
    if clause not in info.clauses or doc.timexes_in(*clause):
        return None
    i = info.clauses.index(clause)
    if i + 1 >= len(info.clauses):
        return None
    after = info.clauses[i + 1]
    words = _words(info, after)
    if not words or words[0].lower not in ("after", "before"):
        return None
    if not _WITHIN_A_DAY_RE.search(doc.text, max(0, words[0].start - 24), words[0].start):
        return None
    days = {tx.value[:10] for tx in doc.timexes_in(*after) if DAY_VALUE.fullmatch(tx.value[:10])}
    return days.pop() if len(days) == 1 else None


_WITHIN_A_DAY_RE = re.compile(
    r"\b(?:shortly|soon|just|right|immediately|moments|minutes|hours)\s*\Z", re.IGNORECASE)
