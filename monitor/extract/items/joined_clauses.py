"""A clause with a subject of its own after ", and", ", while" or ";": a second happening.

"Iceland said it would guarantee bank deposits on Monday, while Sweden doubled its deposit guarantee",
"Police said the driver was killed, and paramedics rushed the passenger to hospital": two subjects, two
things done, and the one date of the sentence dates both. A typed verb of such a clause is read already
(`event_items._contrasted`); this reads the verbs the lexicon does not type. Not after ", but": what
follows it answers the first clause ("drew ridicule on Monday, but the governor cited the backlash as
proof"), and, read as a happening of its own with the speaker's name, joined another outlet's row of a
different happening of that day and name (the campaign's launch).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from monitor.extract.items.document import Doc, SentenceInfo, Tok, overlaps
from monitor.extract.items.merge import Draft
from monitor.extract.items.occurrence import Occurrence
from monitor.extract.items.triggers import AUXILIARIES, is_negation
from monitor.extract.items.unreal import a_refusal
from monitor.extract.wordforms import word_tags

# the joint, then the clause it opens runs to the next joint (or ", but") or the sentence's end
_JOINT_RE = re.compile(r"(?:,\s*(?:and|while|whereas)|;)\s", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s", re.IGNORECASE)
# a time counted from the first clause's ("24 hours later", "soon afterwards") is the clause's own
_ANOTHER_TIME_RE = re.compile(r"\b(?:later|earlier|ago|afterwards?|since|until|before|then)\b", re.IGNORECASE)
_TO_RE = re.compile(r"\s+to\b")
_SUBJECT_WORDS = 6
_PASSIVE = frozenset({"was", "were"})
# a pronoun goes on telling the first clause's happening ("it failed", "she apologized"); a relative
# pronoun opens no clause of its own ("one that hardly aroused"); a share of a poll says, nobody states
_NOT_ITS_OWN = frozenset(
    {"it", "he", "she", "they", "we", "i", "you", "there", "this", "that", "which", "who", "percent", "per"})

# drafts a verb a rule found with the date it gives it (event_items.draft_at, bound to a sentence)
MakeDraft = Callable[[Occurrence, str], Draft | None]


def joined_clause_happenings(
    doc: Doc, info: SentenceInfo, drafts: list[Draft], make: MakeDraft
) -> list[Draft]:
    """The happenings told by the untyped verbs of clauses joined to a dated event of the sentence, each
    clause with a subject of its own and no time of its own, on that event's date; `make` drafts a verb."""
    out: list[Draft] = []
    read = [d.trigger[0] for d in drafts if d.trigger]
    for joint in _JOINT_RE.finditer(doc.text, info.sentence.start, info.sentence.end):
        dated = [d for d in drafts if d.trigger and d.trigger[1] <= joint.start() and d.item.date
                 and d.item.kind != "figure"]
        if not dated or overlaps(joint.start(), joint.end(), info.quotes):
            continue
        nxt = _CLAUSE_END_RE.search(doc.text, joint.end(), info.sentence.end)
        clause = (joint.end(), nxt.start() if nxt else info.sentence.end)
        if (any(clause[0] <= t < clause[1] for t in read)
                or any(clause[0] <= tx.start < clause[1] for tx, _v in info.timexes)
                or _ANOTHER_TIME_RE.search(doc.text, *clause)):
            continue
        verb = _verb_after_a_subject(info.tokens_within(*clause))
        if verb is None or _not_done(doc, verb):
            continue
        subject = info.tokens_within(clause[0], verb.start)
        if _the_same_ones(doc, subject):
            continue
        kind = next((k for s, _e, _t, k in info.triggers if s == verb.start), "other")
        if kind == "statement" and subject[-1].lower in _PASSIVE:
            continue  # "looting was reported": no speaker
        occ = Occurrence(verb.start, verb.end, verb.text, verb.lower, kind, clause, subject, False)
        if (draft := make(occ, dated[-1].item.date or "")) is not None:
            out.append(draft)
    return out


def _verb_after_a_subject(toks: list[Tok]) -> Tok | None:
    """The past verb, active or passive, after a subject of up to six words that opens a clause ("Sweden
    doubled", "a new lamp was fitted"); None when no subject of its own stands before it, or when a form of
    "be", "have" or a modal comes first (a state, a perfect, what may be)."""
    for i, tok in enumerate(toks[: _SUBJECT_WORDS + 2]):
        if not tok.text[:1].isalnum():
            return None  # an aside or a quote
        if tok.lower in _PASSIVE and i + 1 < len(toks) and "VBN" in word_tags(toks[i + 1].lower):
            return toks[i + 1] if _a_subject(toks[:i]) else None
        if tok.lower in AUXILIARIES:
            return None
        tags = word_tags(tok.lower)
        if "VBD" in tags and not tok.cap and not tags & {"NN", "NNS", "JJ"}:
            return tok if _a_subject(toks[:i]) else None
    return None


def _a_subject(words: list[Tok]) -> bool:
    """Whether the words before a verb are a subject of its own: not a pronoun, no negation ("hasn't"),
    no count ("20 percent said"), no participle opening them ("while being kept")."""
    if not words:
        return False
    first = word_tags(words[0].lower)
    if "VBG" in first and "NN" not in first:
        return False
    return not any(w.lower in _NOT_ITS_OWN or is_negation(w.lower) or w.text[:1].isdigit() for w in words)


def _the_same_ones(doc: Doc, subject: list[Tok]) -> bool:
    """Whether the subject points back at the first clause's actors ("the two leaders discussed ...", "both
    sides agreed"): the same happening told on, like a pronoun's."""
    words = [t.lower for t in subject]
    return bool(words) and (words[0] in ("both", "each") or (
        len(words) > 1 and words[0] == "the" and (words[1] in doc.lex.number_words or words[1] == "pair")))


def _not_done(doc: Doc, verb: Tok) -> bool:
    """Whether the verb only expects or declines what comes after "to" ("was expected to recover",
    "declined to be interviewed"): nothing happened."""
    if not _TO_RE.match(doc.text, verb.end):
        return False
    base = verb.lower.removesuffix("d").removesuffix("e")  # "expected" -> "expect", as in "expects"
    return a_refusal(doc, verb.lower, verb.end) or len(base) > 3 and any(
        v.startswith(base) for v in doc.lex.expectation_verbs)
