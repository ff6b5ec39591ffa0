"""Whether a figure whose clause names no date holds now (a count in the present, a rate as it stands, a move
of the day's trading) or at no time the text states (history, a habit, an earlier unstated time): the tests
that `figure_dates.as_of` asks before it falls back on the scene or the publication day."""

from __future__ import annotations

import re

from monitor.extract.items.dating import comparison_base
from monitor.extract.items.document import Doc, SentenceInfo, clause_of, in_spans
from monitor.extract.items.figure_data import habit_phrase, undating_phrase
from monitor.extract.items.triggers import finite_verb, plural_present
from monitor.extract.wordforms import FINITE_TAGS, word_tags

RELATIVES = frozenset({"which", "who", "whom", "whose", "that"})


def _undated_clause_words(info: SentenceInfo, number_at: int) -> list[str] | None:
    """The words of the figure's clause outside quotes, or None when the clause names a date (which then
    dates it) or opens as a relative clause ("964,000 people, which account for 0.4 percent, reported it in
    2017": an aside of a dated clause)."""
    clause = clause_of(number_at, info.clauses)
    if any(clause[0] <= tx.start < clause[1] for tx, _v in info.timexes):
        return None
    words = [t.lower for t in info.tokens
             if clause[0] <= t.start < clause[1] and not in_spans(t.start, t.end, info.quotes)]
    return words if words and words[0] not in RELATIVES else None


def holds_now(doc: Doc, info: SentenceInfo, number_at: int) -> bool:
    """Whether the figure's own clause, which names no date, states it in the present ("Roughly 13,000 troops
    remain in Afghanistan, 18 years after the 2001 invasion"): a count of today, whatever the other clauses
    date."""
    lex = doc.lex
    words = _undated_clause_words(info, number_at)
    if words is None or any(w in lex.modal_aux or w in lex.past_aux for w in words):
        return False
    return any(
        w in lex.present_verbs and w not in ("has", "have") and not plural_noun(w, nxt)
        for w, nxt in zip(words, [*words[1:], ""], strict=True)
    )


def _rate_now_or_ahead(doc: Doc, info: SentenceInfo, number_at: int) -> bool:
    """Whether the figure's clause, which names no date, tells its rate with a verb of the present or a modal
    ("The port spends $2 billion a year", "the toll could raise $40 million a year"): a rate as it stands
    today."""
    lex = doc.lex
    words = _undated_clause_words(info, number_at)
    # (a past of "be" tells the rate of then: "was writing checks of $2 billion a day")
    if words is None or any(w in lex.past_aux or w in ("was", "were") for w in words):
        return False
    clause_start = clause_of(number_at, info.clauses)[0]
    joined = [w for w in words if w.isalpha()]
    if joined and joined[0] in _JOINS and not any(word_tags(w) & _VERB_FORMS for w in joined[1:]):
        # "will cost the port $4 million a year, and the airline about $2.5 million a year": the verb of the
        # clause before is this one's too
        before = [c for c in info.clauses if c[1] <= clause_start]
        return bool(before) and _rate_now_or_ahead(doc, info, before[-1][0])
    # "said the ferries ...", "told reporters the ferries ...": a statement's verb (kinds.yaml) right before
    # the clause (a clause opening on "that" has no words here)
    lead = [t.lower for t in info.tokens if t.end <= clause_start][-2:]
    reported = any(lex.kind_of(w) == "statement" for w in lead)
    for i, w in enumerate(words):
        if w in lex.modal_aux - {"to"} or w in lex.present_aux:
            return True
        tags, prev = word_tags(w), words[max(0, i - 4) : i]
        plural = plural_present(w, prev)
        if (finite_verb(tags, prev) or plural) and "VBD" not in tags and (
                "VBZ" in tags or (plural and "VBP" in tags)):
            return True  # "spends", "they earn"; not "carried", nor a noun ("the night ferry carried")
        if reported and "VBD" in tags and finite_verb(tags, prev):
            # "the trust said the ferries brought in $3 million a day": the past of reported words is their
            # present, shifted back
            return True
    return False


_JOINS = frozenset({"and", "or"})
_VERB_FORMS = FINITE_TAGS | {"MD"}


def plural_noun(word: str, nxt: str) -> bool:
    """Whether a word that may be a plural noun is one here, before "with", "of", "and" or "or" ("39 stolen
    card numbers with PINs and 315 gift cards"): no present verb."""
    return nxt in _AFTER_A_NOUN and "NNS" in word_tags(word)


_AFTER_A_NOUN = frozenset({"with", "of", "and", "or"})


def of_the_session(doc: Doc, info: SentenceInfo, number_at: int) -> bool:
    """Whether the figure's clause tells a move of the day's trading ("shares rose 2% in early trading")."""
    clause = clause_of(number_at, info.clauses)
    return doc.lex.session_re.search(doc.text, clause[0], clause[1]) is not None


_BRACKETS_RE = re.compile(r"\([^()]*\)")
# an aside between two dashes set off by spaces ("home to 300 moorings, and – opened four years ago –
# its chandlery"): a dash of each kind, or two hyphens
_DASHED_RE = re.compile(r"(?<=\s)(–|—|--)\s[^–—]*?\s\1(?=\s)")


def bracket_asides(info: SentenceInfo) -> list[tuple[int, int]]:
    """The spans of a sentence's asides in brackets ("(formerly known as ...)"), in document offsets."""
    base = info.sentence.start
    return [(base + m.start(), base + m.end()) for m in _BRACKETS_RE.finditer(info.sentence.text)]


def dashed_asides(info: SentenceInfo) -> list[tuple[int, int]]:
    """The spans of a sentence's asides between two spaced dashes, in document offsets."""
    base = info.sentence.start
    return [(base + m.start(), base + m.end()) for m in _DASHED_RE.finditer(info.sentence.text)]


def timeless(doc: Doc, info: SentenceInfo, number_at: int) -> bool:
    """Whether the figure holds at no time the text states: its clause (or what opens the sentence before it)
    speaks of history ("in the 14th century ... killing 60 percent"), of an earlier unstated time
    ("previously recalled 300,000"), of a habit ("a dozen cases were diagnosed annually"), of a rate not told
    as it stands ("the ferry carried 300 cars a day"), or in the modal perfect ("100 million people may have
    perished")."""
    clause = clause_of(number_at, info.clauses)
    baselines = [
        (t.start, t.end)
        for t in doc.timexes_in(info.sentence.start, clause[1])
        if comparison_base(doc.text, t, doc.lex)
    ]
    # an aside in brackets closed before the number tells its own time ("(formerly known as ...)")
    baselines += [(a, b) for a, b in bracket_asides(info) if b <= number_at]
    if undating_phrase(doc.text, info.sentence.start, clause[1], baselines):
        # a rate stated in the present holds now ("there are about 10,000 patients waiting each year", "the
        # port spends $2 billion a year"); history and an earlier unstated time never date
        return (undating_phrase(doc.text, info.sentence.start, clause[1], baselines, history_only=True)
                or not (holds_now(doc, info, number_at) or (
                    not habit_phrase(doc.text, info.sentence.start, clause[1])
                    and _rate_now_or_ahead(doc, info, number_at))))
    words = [t.lower for t in info.tokens if clause[0] <= t.start < clause[1]]
    modals = doc.lex.modal_aux - {"to"}
    # the modal perfect: a participle after "have" ("may have perished"), not "have" a thing ("could have a
    # net benefit of $40 million")
    return any(a in modals and b == "have" and "VBN" in word_tags(c)
               for a, b, c in zip(words, words[1:], words[2:], strict=False))
