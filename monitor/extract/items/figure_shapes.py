"""Figures that a number and its metric word alone do not show: shares told as "N out of M" or as fractions
("two-thirds of voters"), changes told as fractions ("cut by a third"), the level a change ends at ("fell 102
points, or 0.4%, to 27,934"), distances travelled ("flew more than 1,200 miles") and the length of a sentence
joined to its span ("a 30-year prison term"), a metric or a unit joined to its number ("the magnitude-5.8
quake", "a 275-horsepower motor"), and temperatures in bare degrees ("a high of 86 degrees"). The words are
data: numbers.yaml `ratio_words`, `change_fractions`, `level_words`, `distance_verbs`, `distance_units`,
`distance_qualifiers`, `term_lengths`, `hyphen_joined_metrics`, `hyphen_joined_units`, `temperature_words` and
`temperature_differences`, and metrics.yaml's words for those metrics.

    >>> [(f.value, f.unit, f.metric) for f in shaped_figures("Eight out of ten companies use it.")]
    [(80, 'percent', 'companies')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from monitor.extract.items.count_nouns import plural
from monitor.extract.items.counted import labelled
from monitor.extract.items.figure_data import change_signs
from monitor.extract.items.figure_records import records
from monitor.extract.items.figures import FigureMention
from monitor.extract.items.number_hints import DIGIT_RE
from monitor.extract.lexicon import Lexicon, load_data_file, load_lexicon, spaced_alternatives
from monitor.extract.wordforms import inflect_trigger, word_tags

__all__ = ["may_hold_shape", "shaped_figures", "with_shaped"]


@dataclass(frozen=True, slots=True)
class _Shapes:
    """numbers.yaml's words for the shapes of this module, compiled once."""

    # Each shape's full pattern runs only where its cheap hint matches: most sentences have none.
    ratio_hint: re.Pattern[str]
    ratio_re: re.Pattern[str]
    fraction_hint: re.Pattern[str]
    fraction_re: re.Pattern[str]
    share_re: re.Pattern[str]
    fractions: dict[str, float]
    level_hint: re.Pattern[str]
    level_re: re.Pattern[str]
    distance_hint: re.Pattern[str]
    distance_re: re.Pattern[str]
    change_of: dict[str, int]
    score_re: re.Pattern[str]
    score_before: frozenset[str]
    score_after: frozenset[str]
    vote_before: frozenset[str]
    vote_after: frozenset[str]
    term_hint: re.Pattern[str]
    term_re: re.Pattern[str]
    joined_hint: re.Pattern[str]
    joined_re: re.Pattern[str]
    unit_joined_hint: re.Pattern[str]
    unit_joined_re: re.Pattern[str]
    unit_of_joined: dict[str, str]
    weather_hint: re.Pattern[str]
    temperature_re: re.Pattern[str]
    glued_scale_re: re.Pattern[str]
    glued_scales: dict[str, str]


_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")  # "a streak dating to 2007": a year, no level
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern found wherever one of `words` is (a substring test, in one scan); never found without one."""
    alternatives = "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))
    return re.compile(alternatives or r"(?!)")


@cache
def _shapes(lex: Lexicon) -> _Shapes:
    nd = load_data_file("numbers.yaml")
    glued_scales = {str(k): str(v) for k, v in (nd.get("glued_temperature_scales") or {}).items()}
    words = spaced_alternatives(lex.number_words)
    small = rf"(?:\d{{1,3}}|{words})"
    ratio = spaced_alternatives(nd.get("ratio_words", []))
    fractions = {str(k).lower(): float(v) for k, v in nd.get("change_fractions", {}).items()}
    change_of = change_signs()
    changes = spaced_alternatives(change_of)
    distance = [f for v in nd.get("distance_verbs", []) for f in inflect_trigger(str(v).lower())]
    units = [w for unit in nd.get("distance_units", []) for w in nd.get("units", {}).get(unit, [])]
    qualifiers = spaced_alternatives(nd.get("distance_qualifiers", []))
    distances, unit_words = spaced_alternatives(distance), spaced_alternatives(units)
    levels = spaced_alternatives(nd.get("level_words", []))
    score_before = {f for w in nd.get("score_before", []) for f in inflect_trigger(str(w).lower())}
    vote_before = {f for w in nd.get("vote_before", []) for f in inflect_trigger(str(w).lower())}
    lengths = spaced_alternatives(nd.get("term_lengths", []))
    joined = [w for metric in nd.get("hyphen_joined_metrics", []) for w in lex.metrics.get(str(metric), ())]
    unit_of_joined = {str(w).lower(): str(unit) for unit, ws in (nd.get("hyphen_joined_units") or {}).items()
                      for w in ws}
    signs = "".join(sorted({re.escape(sign[-1]) for sign in lex.units_before if not sign[-1].isalnum()}))
    not_money = f"(?<![{signs}])" if signs else ""
    # one look-behind a word (a look-behind has one width)
    not_after = "".join(f"(?<!{re.escape(str(w).lower())} )" for w in nd.get("share_positions", []))
    return _Shapes(
        # hints run on the lower-cased sentence, without case folding or look-behinds: they may say yes
        # where the pattern then finds nothing, never no where it would find something
        ratio_hint=re.compile(rf"(?:{ratio.lower()})\s+{small}"),
        fraction_hint=_any_of(f.lower().split()[0] for f in fractions),
        level_hint=re.compile(rf"(?:{levels.lower()})\s+\d"),
        distance_hint=_any_of(u.lower().split()[0] for u in units),
        ratio_re=re.compile(
            rf"(?<![\w.,-])(?P<a>{small})\s+(?:{ratio})\s+(?P<b>{small})"
            r"(?:\s+(?P<noun>[a-z][a-z-]+))?(?![\w-])",
            re.IGNORECASE,
        ),
        fraction_re=re.compile(
            rf"(?<![\w-])(?P<verb>[a-z]+)\s+(?:by\s+(?:(?:a|one|an)[\s-])?|(?:a|one|an)[\s-])"
            rf"(?P<frac>{spaced_alternatives(fractions)})"
            r"(?![\w-])",
            re.IGNORECASE,
        ),
        # "a third of the workers", "one-fourth of the work force", "nearly two-thirds of voters": a share (a
        # bare "half", "two-thirds" needs no article; "the first half of 2020", "the northern half of the
        # territory" and "half of them" are none)
        share_re=re.compile(
            rf"(?<![\w-]){not_after}"
            rf"(?:(?:a|an|one)[\s-](?P<frac>{spaced_alternatives(fractions)})"
            rf"|(?P<bare>{spaced_alternatives(nd.get('bare_share_fractions', []))}))\s+of\s+"
            r"(?!(?:them|us|it|those|these|this|that|which|whom|\d)\b)(?=[a-z])",
            re.IGNORECASE,
        ),
        fractions=fractions,
        level_re=re.compile(
            rf"(?<![\w-])(?P<verb>{changes})\s+(?P<amount>[^,;.]*?\d[^;]*?),?\s+(?:{levels})\s+"
            rf"(?P<num>{_NUM})"
            r"(?![.,]?\d)(?=\s*(?:[,;.)]|and\b|on\b|in\b|at\b|\Z))",
            re.IGNORECASE,
        ),
        distance_re=re.compile(
            rf"(?<![\w-])(?:{distances})\s+(?:(?:{qualifiers})\s+)?(?P<num>{_NUM})\s+(?:{unit_words})"
            r"(?![\w-])",
            re.IGNORECASE,
        ),
        change_of=change_of,
        # "2-1", "112-107": not inside a longer run of digits, a range of years or a date, nor a range of
        # money after a currency sign ("won ($80-130)"; numbers.yaml `units_before`)
        score_re=re.compile(rf"(?<![\w.,/(-]){not_money}(?P<a>\d{{1,3}})[-–](?P<b>\d{{1,3}})"
                            r"(?![\w/%–-]|[.,]\d)"),
        score_before=frozenset(score_before),
        score_after=frozenset(str(w).lower() for w in nd.get("score_after", [])),
        vote_before=frozenset(vote_before),
        vote_after=frozenset(str(w).lower() for w in nd.get("vote_after", [])),
        term_hint=re.compile(rf"-(?:{lengths.lower()})\b"),
        # "a potential 30-year prison term", "a 10-year jail sentence": the hyphen that keeps "20-year-old"
        # and "a 10-year bond" from being counts joins a sentence's length to its span here
        term_re=re.compile(
            rf"(?<![\w-])(?P<num>\d{{1,3}}|{words})-(?:{lengths})[\s-]+"
            rf"(?:{spaced_alternatives(lex.metrics.get('prison term', ()))})(?![\w-])",
            re.IGNORECASE,
        ),
        # "the magnitude-5.8 quake", "a 5.8-magnitude quake": a metric joined to its number by a hyphen
        joined_hint=_any_of(w.lower() for w in joined),
        joined_re=re.compile(
            rf"(?<![\w.-])(?:(?P<before>{spaced_alternatives(joined)})-(?P<a>{_NUM})"
            rf"|(?P<b>{_NUM})-(?P<after>{spaced_alternatives(joined)}))(?![\w-]|[.,]\d)",
            re.IGNORECASE,
        ),
        # "a rear-mounted 275-horsepower motor", "a 1,000-megawatt reactor": a unit joined to its number
        unit_joined_hint=_any_of(unit_of_joined),
        unit_joined_re=re.compile(
            rf"(?<![\w.,-])(?P<num>{_NUM})-(?P<unit>{spaced_alternatives(unit_of_joined)})(?![\w-])",
            re.IGNORECASE,
        ),
        unit_of_joined=unit_of_joined,
        # "a high of 86 degrees", "lows of two degrees": a bare "degrees" is a temperature in a sentence that
        # speaks of one (an angle otherwise), not a difference ("five degrees lower") nor a named scale
        weather_hint=re.compile(
            rf"(?<![\w-])(?:{spaced_alternatives(lex.weather_words)})(?![\w-])"
        ),
        temperature_re=re.compile(
            rf"(?<![\w.-])(?P<minus>(?:minus|negative)\s+|-)?(?P<num>{_NUM}|{words})\s+degrees(?![\w-])"
            rf"(?!\s+(?:{spaced_alternatives(nd.get('temperature_differences', []))}|celsius|fahrenheit)\b)",
            re.IGNORECASE,
        ),
        # "a surface temperature of 370C", "to 1.5C": the scale's capital glued to the digits (case counts:
        # "20c a litre" is cents)
        glued_scale_re=re.compile(
            rf"(?<![\w.,-])(?P<minus>-)?(?P<num>{_NUM})"
            rf"(?P<scale>{'|'.join(map(re.escape, glued_scales)) or '(?!)'})(?![\w-])"
        ),
        glued_scales=glued_scales,
    )


def _mention(
    start: int, end: int, num: tuple[int, int], value: float, metric: str, unit: str | None
) -> FigureMention:
    tidy = round(value, 1) if unit == "percent" else round(value, 6)  # a share or change: 33.3 percent
    return FigureMention(
        start=start,
        end=end,
        num_start=num[0],
        num_end=num[1],
        value=int(tidy) if tidy == int(tidy) else tidy,
        qualifier="exact",
        metric=metric,
        unit=unit,
    )


def _small_number(raw: str, lex: Lexicon) -> int | None:
    raw = raw.lower()
    return int(raw) if raw.isdigit() else lex.number_words.get(raw)


def may_hold_shape(sentence: str, lex: Lexicon) -> bool:
    """Whether `sentence` may hold a shape without a number that `figures.may_hold_figure` sees: a fraction of
    a change ("cut by a third"); every other shape has a digit or a number word."""
    return _shapes(lex).fraction_hint.search(sentence.lower()) is not None


def shaped_figures(
    sentence: str, lexicon: Lexicon | None = None, blocked: Sequence[tuple[int, int]] = ()
) -> list[FigureMention]:
    """The figures of a sentence told in one of this module's shapes (offsets in the sentence)."""
    lex = lexicon or load_lexicon()
    sh = _shapes(lex)
    out: list[FigureMention] = []
    low = sentence.lower()

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in blocked)

    for m in sh.ratio_re.finditer(sentence) if sh.ratio_hint.search(low) else ():
        a, b = _small_number(m.group("a"), lex), _small_number(m.group("b"), lex)
        if a is None or not b or a >= b or not free(m.start(), m.end()):
            # "5 in 2019" is blocked as a date; "one in a million" has no small whole; "struck out five in
            # five innings" is a count over a span, no whole's share
            continue
        noun = (m.group("noun") or "").lower()
        if noun in lex.not_figure_metrics:
            continue  # "two in three years": a span of time, no share
        if labelled(sentence, m.start(), lex):
            continue  # "a Level 3 out of 5 risk", "category 4 of 5": a rank on a scale, no share
        # "3 in 10 voters" counts voters; "3 in 10 say" is a share of those asked, "say" its verb
        counted = plural(noun) or noun in lex.people_nouns or word_tags(noun) == {"NNS"}
        metric = noun if noun and counted and noun not in lex.function_words else "share"
        end = m.end() if metric != "share" else m.end("b")
        out.append(_mention(m.start(), end, (m.start("a"), m.end("b")), 100 * a / b, metric, "percent"))
    for m in sh.fraction_re.finditer(sentence) if sh.fraction_hint.search(low) else ():
        sign = sh.change_of.get(m.group("verb").lower())
        if sign and free(m.start(), m.end()):
            value = sign * sh.fractions[" ".join(m.group("frac").lower().split())]
            out.append(
                _mention(
                    m.start("verb"), m.end(), (m.start("frac"), m.end("frac")), value, "change", "percent"
                )
            )
    for m in sh.share_re.finditer(sentence) if sh.fraction_hint.search(low) else ():
        frac = m.group("frac") or m.group("bare")
        if free(m.start(), m.end()):
            value = sh.fractions[" ".join(frac.lower().split())]
            span = m.span("frac" if m.group("frac") else "bare")
            out.append(_mention(m.start(), m.end(), span, value, "share", "percent"))
    # a distance and a level are numbers in digits: most sentences have none
    with_digits = DIGIT_RE.search(sentence) is not None
    for m in sh.distance_re.finditer(sentence) if with_digits and sh.distance_hint.search(low) else ():
        if free(m.start("num"), m.end("num")):
            value = float(m.group("num").replace(",", ""))
            out.append(_mention(m.start("num"), m.end(), m.span("num"), value, "distance", None))
    for m in sh.level_re.finditer(sentence) if with_digits and sh.level_hint.search(low) else ():
        if free(m.start("num"), m.end("num")) and not _YEAR_RE.fullmatch(m.group("num")):
            value = float(m.group("num").replace(",", ""))
            out.append(_mention(m.start("num"), m.end("num"), m.span("num"), value, "level", None))
    if with_digits:
        scores = _scores(sentence, sh, free)
        out += scores
        taken = [(f.num_start, f.num_end) for f in scores]
        out += records(sentence, lambda s, e: free(s, e) and not any(a < e and s < b for a, b in taken))
    for m in sh.joined_re.finditer(sentence) if with_digits and sh.joined_hint.search(low) else ():
        num = "a" if m.group("a") else "b"
        if free(m.start(num), m.end(num)):
            metric = lex.metric_of.get((m.group("before") or m.group("after")).lower(), "")
            value = float(m.group(num).replace(",", ""))
            out.append(_mention(m.start(), m.end(), m.span(num), value, metric, None))
    for m in sh.unit_joined_re.finditer(sentence) if with_digits and sh.unit_joined_hint.search(low) else ():
        if free(m.start("num"), m.end("num")):
            value = float(m.group("num").replace(",", ""))
            unit = sh.unit_of_joined[m["unit"].lower()]
            out.append(_mention(m.start(), m.end(), m.span("num"), value, "", unit))
    for m in sh.temperature_re.finditer(sentence) if "degrees" in low and sh.weather_hint.search(low) else ():
        raw = m.group("num")
        degrees = float(raw.replace(",", "")) if raw[0].isdigit() else _small_number(raw, lex)
        if degrees is not None and free(m.start("num"), m.end("num")):
            value = -degrees if m.group("minus") else degrees
            out.append(_mention(m.start(), m.end(), m.span("num"), value, "temperature", None))
    for m in sh.glued_scale_re.finditer(sentence) if with_digits else ():
        # a lone digit and a capital is as often a room ("Room 1C"), unless the weather is the topic
        lone = len(m.group("num")) == 1 and not sh.weather_hint.search(low)
        if free(m.start("num"), m.end("num")) and not lone:
            value = float(m.group("num").replace(",", "")) * (-1 if m.group("minus") else 1)
            out.append(_mention(m.start(), m.end(), m.span("num"), value, "", sh.glued_scales[m["scale"]]))
    for m in sh.term_re.finditer(sentence) if sh.term_hint.search(low) else ():
        length = _small_number(m.group("num"), lex)
        if length and free(m.start("num"), m.end("num")):
            out.append(_mention(m.start("num"), m.end(), m.span("num"), length, "prison term", None))
    return out


_WORD_RE = re.compile(r"[A-Za-z]+")
# "6-4, |7-6", "6-1 |6-3": the score of a set
_SET_BEFORE_RE = re.compile(r"\d[-–]\d{1,2}(?:\s*\(\d+\))?(?:,\s*|\s+)$")
_SET_AFTER_RE = re.compile(r"\s*(?:\(\d+\)|,?\s*\d{1,2}[-–]\d)")


# The metrics of each side of a game's score.
SCORE_SIDES = (("a", "winning score"), ("b", "losing score"))
SCORE_METRICS = frozenset(metric for _side, metric in SCORE_SIDES)


def _scores(sentence: str, sh: _Shapes, free: Callable[[int, int], bool]) -> list[FigureMention]:
    """A game's score or a vote's tally, each side a figure: "beat Wales 2-0", "a 5-2 victory", "voted
    89-52", "by a 6-3 vote" (not a set's "6-4, 7-6", a record "(6-5)" or a span "10-15 minutes", which no
    result or vote word stands beside)."""
    out: list[FigureMention] = []
    for m in sh.score_re.finditer(sentence):
        if not free(m.start(), m.end()) or _SET_BEFORE_RE.search(sentence, 0, m.start()):
            continue
        if _SET_AFTER_RE.match(sentence, m.end()):
            continue
        before = [w.lower() for w in _WORD_RE.findall(sentence[max(0, m.start() - 60) : m.start()])][-4:]
        found = _WORD_RE.match(sentence[m.end() :].lstrip(" ,"))
        after = found.group(0).lower() if found else ""
        if set(before) & sh.vote_before or after in sh.vote_after:
            # "voted 89-52", "by a 6-3 vote": the ayes first, then the noes
            sides = (("a", "votes for"), ("b", "votes against"))
        elif set(before) & sh.score_before or after in sh.score_after:
            # English writes the winner's points first ("lost 24-17"); two metrics keep the sides apart, so
            # two outlets' readings of one game never look like a dispute over one figure
            sides = SCORE_SIDES
        else:
            continue
        for side, metric in sides:
            if int(m.group(side)) == 0:
                continue  # "beat Wales 2-0": no count of nothing
            out.append(_mention(m.start(side), m.end(side), m.span(side), float(m.group(side)), metric, None))
    return out


def with_shaped(mentions: list[FigureMention], shaped: list[FigureMention]) -> list[FigureMention]:
    """The figures of a sentence with its shaped ones: a shaped figure replaces the plain reading of its own
    numbers ("eight out of ten companies" is 80 percent, not ten companies)."""
    if not shaped:
        return mentions

    def inside(f: FigureMention, g: FigureMention) -> bool:
        return g.num_start <= f.num_start < g.num_end or f.num_start <= g.num_start < f.num_end

    kept = [f for f in mentions if not any(inside(f, g) for g in shaped)]
    return sorted([*kept, *shaped], key=lambda f: f.start)
