"""Figures read in a sentence that are no state or outcome of the story, and so no timeline item: one its
clause denies, the threshold of a streak, someone's build or family, a count of one or two of no happening, a
secondary player's line. The words are numbers.yaml's (`timeline_words`)."""

from __future__ import annotations

import re
from functools import cache

from monitor.extract.items.document import Doc, SentenceInfo, clause_of
from monitor.extract.items.figures import FigureMention
from monitor.extract.lexicon import Lexicon, load_data_file


@cache
def timeline_words(key: str) -> frozenset[str]:
    """A numbers.yaml word list of the figure steps: game_stat_metrics, secondary_line_verbs, build_units,
    build_words, family_words, small_count_metrics, plan_nouns, deal_nouns."""
    return frozenset(str(w).lower() for w in load_data_file("numbers.yaml").get(key, []))


def _small_count(doc: Doc, info: SentenceInfo, f: FigureMention) -> bool:
    """A count of one or two (numbers.yaml `small_count_max`) of no happening: not of what befell people
    (metrics.yaml people_states, or a state word right before it: "killing two"), nor of
    `small_count_metrics`."""
    if f.unit is not None or not isinstance(f.value, int) or not 0 < f.value <= _small_count_max():
        return False
    if (f.metric or "") in _counted_however_few(doc.lex):
        return False
    before = [t.lower for t in info.tokens if t.end <= info.sentence.start + f.num_start][-2:]
    states = doc.lex.people_states
    return not any(w in states or w.removesuffix("ing") + "ed" in states for w in before)


@cache
def _counted_however_few(lex: Lexicon) -> frozenset[str]:
    """The metrics a count of one or two still states: what befell people, and `small_count_metrics`."""
    return timeline_words("small_count_metrics") | frozenset(lex.people_states.values())


@cache
def _family_re() -> re.Pattern[str]:
    """One of numbers.yaml `family_words`, then "of", right before a number ("mother of | four")."""
    words = "|".join(sorted(timeline_words("family_words")))
    return re.compile(rf"(?<![\w-])(?:{words})s?[\s-]+of[\s-]+\Z", re.IGNORECASE)


@cache
def _small_count_max() -> int:
    return int(load_data_file("numbers.yaml").get("small_count_max", 0))


_NEGATION_RE = re.compile(r"(?<![\w-])(?:not|never)(?![\w-])|n[’']t(?![\w-])", re.IGNORECASE)
# "at least 8 rebounds in five straight games": the threshold of a streak; the streak is the figure.
_STREAK_AFTER_RE = re.compile(
    r"\s+in\s+(?:(?:each\s+of\s+)?(?:his|her|their|its|the)\s+)?(?:last\s+)?[\w-]+\s+"
    r"(?:consecutive|straight|successive)(?![\w-])",
    re.IGNORECASE,
)


def off_the_timeline(doc: Doc, info: SentenceInfo, f: FigureMention) -> bool:
    """Whether a figure read in the sentence is no state or outcome of the story: one its clause denies
    ("had not done it against 30 teams"), the threshold of a streak ("at least 10 assists in six straight
    games"), someone's build ("190 pounds") or family ("a mother of four"), a count of one or two of no
    happening ("two doctors"), or a secondary line of a game ("Smith added 25 points")."""
    s = info.sentence
    clause = clause_of(s.start + f.num_start, info.clauses)
    # Only a denial right before the figure: "decided not to vaccinate ... despite the deaths of 3" stands.
    near = [t for t in info.tokens if clause[0] <= t.start < s.start + f.start][-4:]
    if near and _NEGATION_RE.search(doc.text, near[0].start, s.start + f.start):
        return True
    if _STREAK_AFTER_RE.match(s.text, f.end):
        return True
    build = timeline_words("build_words")
    if f.unit in timeline_words("build_units") and any(
            t.lower in build for t in info.tokens if clause[0] <= t.start < clause[1]):
        return True  # "6 feet tall and 190 pounds": a description of someone, no state of the story
    if _family_re().search(s.text, 0, f.num_start):
        return True  # "a single father of three children": someone's family, no count of the story
    if _small_count(doc, info, f):
        return True  # "two doctors who happened to be walking on the beach": a detail, no statistic
    if f.metric and f.metric.lower() in timeline_words("game_stat_metrics"):
        # A player's line: a person adds it ("the Nasdaq added 20 points" is a market's move).
        ents = [e for e in info.entities if e.end <= s.start + f.start]
        if not ents or ents[-1].kind != "person":
            return False
        verbs = timeline_words("secondary_line_verbs")
        return any(t.lower in verbs for t in info.tokens if ents[-1].end <= t.start < s.start + f.start)
    return False
