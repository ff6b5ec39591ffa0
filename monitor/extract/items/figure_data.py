"""The data of the figure readers (numbers.yaml, metrics.yaml) and the phrase tests built on it.

monitor.extract.items.figures reads numbers with it; figure_dates, figure_shapes, subject_metric and
happenings ask it the sign of a change verb (`change_signs`) and whether a phrase leaves a figure undated
(`undating_phrase`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from monitor.extract.lexicon import load_data_file, spaced_alternatives
from monitor.extract.wordforms import inflect_trigger, word_tags

__all__ = ["FigureData", "change_signs", "extremes_own_date", "figure_data", "span_to_now", "undating_phrase",
           "years_extreme"]


@dataclass(frozen=True, slots=True)
class FigureData:
    """The figure data that only the figure modules read (numbers.yaml, metrics.yaml; see their headers)."""

    ordinals: dict[str, int]
    units_need_metric: frozenset[str]
    variant_units: frozenset[str]
    rain_units: frozenset[str]
    rain_re: re.Pattern[str]  # numbers.yaml rain_words: a sentence of rain makes a depth its rainfall
    game_yards_re: re.Pattern[str]  # numbers.yaml game_yards_words: a game's sentence makes yards a statistic
    prison_words: frozenset[str]
    sentence_re: re.Pattern[str]  # numbers.yaml sentence_phrases, right before the number (and a qualifier)
    change_of: dict[str, int]  # any inflection of a change verb -> +1 (up) or -1 (down)
    change_noun_of: dict[str, int]
    ordinal_nouns: frozenset[str]
    period_nouns: frozenset[str]  # metrics.yaml period_nouns: "in fiscal 2018" is when, not what
    undating_re: re.Pattern[str]  # numbers.yaml timeless_words, habit_words, rate_words and undating_adverbs
    habit_re: re.Pattern[str]  # numbers.yaml habit_words: a habit, not a rate as it stands
    history_re: re.Pattern[str]  # numbers.yaml timeless_words and undating_adverbs: never a date
    phone_numbers: frozenset[str]
    sources_re: re.Pattern[str]  # numbers.yaml source_phrases, after up to three words
    part_of: str  # "of" and numbers.yaml ratio_words, as an alternation: "6 of 10", "3 out of 12", "1 in 5"
    extremes: frozenset[str]  # numbers.yaml span_extremes: "a new 2008 high" is the year's highest, today
    extreme_set_re: re.Pattern[str]  # an extreme, numbers.yaml extreme_set_verbs and "on"/"in", at the end
    to_now_re: re.Pattern[str]  # numbers.yaml spans_to_now: "the past year" runs up to today
    not_elided_before: frozenset[str]  # numbers.yaml: a word that keeps a bare number from the count before


@cache
def figure_data() -> FigureData:
    nd, md = load_data_file("numbers.yaml"), load_data_file("metrics.yaml")

    def signs(table: dict[str, list[str]], inflect: bool) -> dict[str, int]:
        out: dict[str, int] = {}
        for direction, words in table.items():
            for word in words:
                forms = inflect_trigger(word) if inflect else {word: None}
                out.update({f: 1 if direction == "up" else -1 for f in forms})
        return out

    return FigureData(
        ordinals={str(k).lower(): int(v) for k, v in nd.get("ordinals", {}).items()},
        units_need_metric=frozenset(nd.get("units_need_metric", [])),
        variant_units=frozenset(nd.get("variant_units", [])),
        rain_units=frozenset(nd.get("rain_units", [])),
        rain_re=_phrases_re(nd.get("rain_words", [])),
        game_yards_re=_phrases_re(nd.get("game_yards_words", [])),
        prison_words=frozenset(w.lower() for w in nd.get("prison_words", [])),
        # the phrase, then at most a qualifier's two words ("sentenced to up to 57 months")
        sentence_re=re.compile(rf"(?<![\w-])(?:{spaced_alternatives(nd.get('sentence_phrases', []))})"
                               r"(?:\s+[a-z]+){0,2}?\s+\Z", re.IGNORECASE),
        change_of=signs(md.get("change_verbs", {}), True),
        change_noun_of=signs(md.get("change_nouns", {}), False),
        ordinal_nouns=frozenset(w.lower() for w in md.get("ordinal_nouns", [])),
        period_nouns=frozenset(w.lower() for w in md.get("period_nouns", [])),
        undating_re=_phrases_re([*nd.get("timeless_words", []), *nd.get("habit_words", []),
                                 *nd.get("rate_words", []), *nd.get("undating_adverbs", [])]),
        history_re=_phrases_re([*nd.get("timeless_words", []), *nd.get("undating_adverbs", [])]),
        habit_re=_phrases_re(nd.get("habit_words", [])),
        phone_numbers=frozenset(str(n) for n in nd.get("phone_numbers", [])),
        sources_re=_after_a_few_words_re(nd.get("source_phrases", [])),
        part_of=spaced_alternatives(["of", *nd.get("ratio_words", [])]),
        extremes=frozenset(w.lower() for w in nd.get("span_extremes", [])),
        not_elided_before=frozenset(w.lower() for w in nd.get("not_elided_before", [])),
        to_now_re=re.compile(rf"(?:{spaced_alternatives(nd.get('spans_to_now', []))})\b", re.IGNORECASE),
        extreme_set_re=re.compile(
            rf"\b(?:{spaced_alternatives(nd.get('span_extremes', []))})\s+"
            rf"(?:{spaced_alternatives(nd.get('extreme_set_verbs', []))})\s+(?:on|in)\s+\Z", re.IGNORECASE),
    )


def _after_a_few_words_re(phrases: Sequence[str]) -> re.Pattern[str]:
    """One of `phrases` after one to three words ("two people | familiar with"); never found without any."""
    return re.compile(rf"\s+(?:[a-z]+\s+){{1,3}}?(?:{spaced_alternatives(phrases)})\b", re.IGNORECASE)


def change_signs() -> dict[str, int]:
    """Every inflection of metrics.yaml's change verbs -> +1 (up) or -1 (down): "fell" -> -1."""
    return figure_data().change_of


def _phrases_re(phrases: Sequence[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) or "(?!)"
    # "a day after the swap", "a year ago" measure a span from a day: no rate
    span = r"\s+(?:after|before|earlier|later|ago)\b"
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])(?!{span})", re.IGNORECASE)


def undating_phrase(text: str, start: int, end: int, skip: Sequence[tuple[int, int]] = (),
                    history_only: bool = False) -> bool:
    """Whether text[start:end] holds a phrase that leaves a figure without a date of its own: a habit or rate
    ("annually", "a year"), history ("in the 14th century") or an earlier unstated time ("previously"); with
    `history_only`, one of the last two. Phrases inside the `skip` spans (the baselines of comparisons: "from
    a year ago") do not count."""
    found = figure_data().history_re if history_only else figure_data().undating_re
    # The phrases' look-ahead ("a day after" is no rate) reads on past the range, whose end may fall right
    # before "after"; a phrase still counts only within it.
    return any(
        m.end() <= end and not any(a <= m.start() < b for a, b in skip) and not _of_an_adjective(text, m)
        and not _of_a_span_to_now(text, m.start())
        for m in found.finditer(text, start, min(len(text), end + _LOOK_AHEAD))
    )


_LOOK_AHEAD = 16  # characters past the range that `_phrases_re`'s look-ahead may need (" earlier")


def habit_phrase(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] tells a habit ("annually", "usually": numbers.yaml `habit_words`), not a rate
    as it stands ("a year")."""
    return figure_data().habit_re.search(text, start, end) is not None


_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")


def years_extreme(text: str, end: int, value: str) -> bool:
    """Whether a year ending at `end` names the span a level is the extreme of ("a new 2008 high of 3.85%",
    numbers.yaml `span_extremes`), not the figure's date."""
    nxt = _NEXT_WORD_RE.match(text, end)
    return len(value) == 4 and nxt is not None and nxt.group(1).lower() in figure_data().extremes


def extremes_own_date(text: str, start: int) -> bool:
    """Whether the date starting at `start` is when an extreme was set ("from the all-time high set on
    March 1", numbers.yaml `extreme_set_verbs`): that level's date, not the figure's."""
    return figure_data().extreme_set_re.search(text, max(0, start - 40), start) is not None


def span_to_now(text: str, start: int) -> bool:
    """Whether a date starting at `start` is a span that runs up to today ("in the past year, shares have lost
    35%", numbers.yaml `spans_to_now`): a figure over it holds now, not in the calendar year before."""
    return figure_data().to_now_re.match(text, start) is not None


def _of_a_span_to_now(text: str, pos: int) -> bool:
    """A history word opening a span that runs up to today ("over the last century": numbers.yaml
    `spans_to_now`) tells what changed over it, not that the clause holds at an earlier time."""
    before = text[max(0, pos - 16) : pos]
    m = figure_data().to_now_re.search(before)
    return m is not None and m.end() < len(before) and not before[m.end() :].strip()


def _of_an_adjective(text: str, m: re.Match[str]) -> bool:
    """An adverb that modifies the adjective after it ("a historically black church", "historically low
    rates") says nothing of when the clause holds."""
    if not m.group(0).endswith("ly"):
        return False
    nxt = _NEXT_WORD_RE.match(text, m.end())
    return nxt is not None and "JJ" in word_tags(nxt.group(1).lower())
