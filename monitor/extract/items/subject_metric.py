"""What a bare count counts when its clause's subject names it: "Deaths in Italy rose to 12,000" (deaths).

monitor.extract.items.figures reads the metric of a number after it ("12,000 deaths") or in a phrase before it
("the death toll rose to 12,000"); a number with neither may still be the value of its clause's subject, told
by a verb that states a level (tense.yaml `figure_verbs`: "stood at", "was", "numbered") or a change verb with
"to" ("rose to", "climbed to"). The subject's noun is one of metrics.yaml's metric words or people nouns.
"""

from __future__ import annotations

import re
from functools import cache

from monitor.extract.items.figure_data import change_signs
from monitor.extract.lexicon import Lexicon, spaced_alternatives
from monitor.extract.wordforms import word_tags

_PRONOUNS = ("i", "you", "he", "she", "it", "we", "they")
# "who were 22 and 24 years old": ages, the first without its noun
_AGES_AFTER_RE = re.compile(r"(?:\s*(?:and|or|to|-)\s*\d+)?\s*-?\s*years?\s*-?\s*old\b", re.IGNORECASE)


def metric_of_subject(text: str, span: tuple[int, int], lex: Lexicon) -> str | None:
    """The metric of the count at `span` (the number, and its unit or qualifier after it) that its clause's
    subject names ("Deaths in Italy rose to 12,000", "Visitors numbered about 9,000"), or None."""
    start, end = span
    last = text[max(0, start - 24) : start].split()[-1:]
    if not last or last[0].lower() not in _last_words(lex) or _AGES_AFTER_RE.match(text, end):
        return None  # the common case: no verb or qualifier right before the number
    m = _subject_metric_re(lex).search(text, max(0, start - 100), start)
    if m is None:
        return None
    noun = " ".join(m.group("noun").lower().split())
    return lex.metric_of.get(noun, noun)


@cache
def _last_words(lex: Lexicon) -> frozenset[str]:
    """The words that may stand right before the count: a figure verb, "at"/"to", a qualifier's last word."""
    qualifier_ends = {phrase.split()[-1].lower() for phrase in lex.qualifier_of}
    return frozenset(lex.figure_verbs) | {"at", "to"} | qualifier_ends


# A metric's words that open on a preposition name it after the number only ("239 on board", "215 miles on a
# charge"): "On board Flight QZ8501 were 155 Indonesians" counts Indonesians, not those on board.
_PREPOSITIONS = frozenset({"on", "in", "at", "per", "of", "for", "with"})


@cache
def _subject_metric_re(lex: Lexicon) -> re.Pattern[str]:
    nouns = spaced_alternatives([*(w for w in lex.metric_of if w.split()[0] not in _PREPOSITIONS),
                                 *lex.people_nouns])
    # No clause marker or pronoun between: "worked on my own vehicles since I was 17" counts no vehicles.
    other_clause = spaced_alternatives([*lex.clause_markers, *_PRONOUNS])
    levels = spaced_alternatives(lex.figure_verbs)
    # metrics.yaml's change verbs in the past ("rose to", "had climbed to")
    changes = spaced_alternatives([w for w in change_signs() if "VBD" in word_tags(w)])
    qualifiers = spaced_alternatives(lex.qualifier_of)
    # The noun, up to eight more words of its phrase (no number), the verb (perhaps perfect), the value.
    phrase = rf"(?P<noun>{nouns})(?:\s+(?!(?:{other_clause})\b)[^\W\d][\w'’-]*){{0,8}}?"
    perfect = r"(?:(?:has|have|had)\s+(?:now\s+|already\s+)?)?"
    verb = rf"{perfect}(?:(?:{levels})(?:\s+(?:at|to))?|(?:{changes})\s+to)"
    return re.compile(rf"(?<![\w-]){phrase}\s+{verb}(?:\s+(?:{qualifiers}))?\s+\Z", re.IGNORECASE)
