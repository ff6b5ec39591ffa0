"""Statistics in a sentence: the number, its qualifier, unit and what it counts.

This layer reads one sentence at a time and knows nothing of names or dates; figure_items adds the
subject, attribution and as-of date. Number words, scales, qualifiers, units and metric words come from
monitor/extract/data/en/{numbers,qualifiers,metrics}.yaml (see monitor.extract.lexicon).

One number is read by monitor.extract.items.number_parse.

    >>> [(m.value, m.qualifier, m.metric) for m in find_figures("Over 4,000 deaths and 1.2 million cases")]
    [(4000, 'more_than', 'deaths'), (1200000, 'exact', 'cases')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from monitor.extract.items.conversions import with_months, without_conversions
from monitor.extract.items.count_nouns import metric_after, tokens_after
from monitor.extract.items.counted import WORD_RE, counts_in_words, labelled, part_of, total_of
from monitor.extract.items.document import age_after_name
from monitor.extract.items.figure_data import figure_data
from monitor.extract.items.figure_mention import FigureMention
from monitor.extract.items.figure_ranges import range_ends, with_ranges_dashed
from monitor.extract.items.number_hints import (
    DIGIT_RE,
    find_as_written,
    is_plain,
    may_have_number_words,
    plain_words,
)
from monitor.extract.items.number_names import in_a_name, labels_a_number
from monitor.extract.items.number_parse import (
    bare_letter_sign,
    number_patterns,
    parse_number,
    parse_words,
    tidy,
)
from monitor.extract.items.subject_metric import metric_of_subject
from monitor.extract.lexicon import Lexicon, load_lexicon, spaced_alternatives
from monitor.extract.wordforms import NOUN_TAGS, word_tags

__all__ = ["FigureMention", "find_figures", "parse_number"]


# After "N times": a comparison makes the number a ratio ("three times higher", "twice as many" aside).
# ... or a measure set against another's: "1.8 times that of the Moon", "four times the national average",
# "2.5 times its width", "0.7 times Titan's mass", any possessive's (not "three times the following year":
# occasions counted)
_COMPARATIVE_RE = re.compile(
    r"\s+(?:(?:as|higher|lower|greater|larger|bigger|smaller|more|less|faster|slower)(?![\w-])"
    r"|(?:that|those)\s+of\b|(?:its|their|[A-Z][a-z]+['\u2019]s)\s+(?!(?:first|second|third|last|next|own)\b)[a-z]+\b"
    r"|the\s+(?!(?:following|previous|next|same|last|first|second|third)\b)[a-z]+\s+"
    r"(?:of|average|rate|level|amount|number)\b)",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(1[89]|20)\d\d")


_GRAVE = frozenset({"deaths", "injuries"})


def _state_near(text: str, before: int, after: int, lex: Lexicon, noun: str | None) -> str | None:
    """A people-state word just after the noun ("were killed") or just before the number ("killed 25");
    specific nouns ("residents") give way only to deaths and injuries."""

    def fits(word: str) -> bool:
        return word in lex.people_states and (
            noun is None or noun in lex.generic_people or noun in lex.people_by_state
            or lex.people_states[word] in _GRAVE
        )

    tokens = tokens_after(text, after, 3 + _OF_PHRASE)
    if tokens and tokens[0][2].lower() == "of":
        # "two members of the Afghan national security forces were killed": the state after the noun's "of"
        # phrase (punctuation ends it: `count_nouns.tokens_after`)
        at = next((i for i, t in enumerate(tokens[: _OF_PHRASE + 1]) if t[2].lower() in _BE_FORMS), None)
        tokens = tokens[at:] if at is not None else []
    for _s, _e, w in tokens[:3]:
        lw = w.lower()
        if fits(lw):
            return lex.people_states[lw]
        if lw not in _BEFORE_STATE:
            break
    prefix = text[max(0, before - 40) : before]
    words = WORD_RE.findall(prefix)[-3:]
    for w in reversed(words):
        if fits(w.lower()):
            return lex.people_states[w.lower()]
        if w.lower() in _OBJECT_PRONOUNS:
            break  # "killing them in one hit": the state's object is another
    return None


_OBJECT_PRONOUNS = frozenset({"them", "him", "her", "it", "us", "me", "you"})
_OF_PHRASE = 6  # the words of an "of" phrase after the counted noun, before its verb
_BE_FORMS = frozenset({"were", "was", "are", "is", "have", "has", "had"})
# what may stand between the people and their state ("22 attackers were also killed")
_BEFORE_STATE = frozenset({"were", "was", "are", "is", "have", "has", "had", "been", "be", "reported",
                           "later", "also", "reportedly", "allegedly", "all", "both", "then", "subsequently"})


def _metric_before(text: str, start: int, lex: Lexicon) -> str | None:
    window_start = max(0, start - 120)
    window = text[window_start:start]
    last = None
    for m in lex.before_number_re.finditer(window):
        last = m
    if last is None or _DIGIT_OR_STOP_RE.search(window[last.end() :]):
        return None
    words = last.group(0).lower().split()
    # "number of positive cases" is the phrase "number of cases"
    return lex.before_number.get(" ".join(words)) or lex.before_number.get(" ".join(words[:2] + words[-1:]))


# A number between the metric and this one is another figure's; one joined to a word by a hyphen is part of a
# name ("the caseload of Covid-19 is nearly 162,000").
_DIGIT_OR_STOP_RE = re.compile(r"(?<![A-Za-z]-)(?<!\d)\d|[;:]")


def _blocked(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_figures(
    sentence: str, lexicon: Lexicon | None = None, blocked: Sequence[tuple[int, int]] = ()
) -> list[FigureMention]:
    """Return the statistics of one sentence; numbers in a `blocked` span (dates, quotes) are skipped.

    A number is a statistic only when something says what it counts: a metric word after it ("4,000 deaths"),
    a metric phrase before it ("the death toll rose to 250"), or a currency. Years, ages, times, ordinals and
    labels ("Flight 370", "COVID-19", "Antonov-124") are not.
    """
    lex = lexicon or load_lexicon()
    if not isinstance(sentence, str) or not sentence:
        return []
    digits_re, words_re = number_patterns(lex)
    low = sentence.lower() if is_plain(sentence) else None
    # A number in digits needs a digit: most sentences have none. Both ends of a range are numbers.
    dashed = with_ranges_dashed(sentence)
    candidates: list[tuple[re.Match[str], bool]] = (
        [(m, False) for m in find_as_written(digits_re, dashed, dashed.lower() if low else None)]
        if DIGIT_RE.search(sentence) else []
    )
    taken = [(m.start(), m.end()) for m, _ in candidates]
    for m in find_as_written(words_re, sentence, low) if may_have_number_words(sentence, lex) else ():
        if not _blocked(m.start(), m.end(), taken):
            candidates.append((m, True))
    out: list[FigureMention] = []
    for m, is_words in sorted(candidates, key=lambda c: c[0].start()):
        mention = _read(sentence, m, is_words, lex, blocked, out[-1] if out else None)
        if mention is not None:
            out.append(mention)
    out = range_ends(
        sentence, [m for m, is_words in candidates if not is_words], out, lex,
        lambda m: _value(m, False, lex),
        lambda m: not _blocked(m.start("num"), m.end(), blocked) and not _ruled_out(sentence, m, False, lex),
    )
    out.extend(_ordinal_counts(sentence, lex, blocked))
    return with_months(sentence, without_conversions(sentence, sorted(out, key=lambda f: f.start)), lex)


_CONVERSION_RE = re.compile(r"\s*\([^()\d]{0,20}\d[^()]{0,30}\)")


def may_hold_figure(sentence: str, lex: Lexicon) -> bool:
    """False only when `find_figures` finds nothing in `sentence` for want of a number: no digit, no number
    word, no ordinal of a tallied noun (most sentences of a report)."""
    if DIGIT_RE.search(sentence):
        return True
    return may_have_number_words(sentence, lex) or _may_count_ordinals(sentence)


def _may_count_ordinals(sentence: str) -> bool:
    # The counted noun is a whole run of ASCII letters: without one of them, no ordinal counts.
    found = plain_words(sentence)
    return found is None or not figure_data().ordinal_nouns.isdisjoint(found)


@cache
def _ordinal_re(lex: Lexicon) -> re.Pattern[str]:
    words = "|".join(sorted(figure_data().ordinals, key=len, reverse=True))
    return re.compile(
        rf"\b(?:the|his|her|its|their|a)\s+(?P<num>\d+(?:st|nd|rd|th)|{words})\s+"
        r"(?:(?:straight|consecutive|successive)\s+)?(?P<noun>[a-z]+)\b",
        re.IGNORECASE,
    )


def _ordinal_counts(sentence: str, lex: Lexicon, blocked: Sequence[tuple[int, int]]) -> list[FigureMention]:
    """An ordinal of a tallied thing states the tally: "the sixth death" -> 6 deaths, "her 12th title"."""
    ex = figure_data()
    out: list[FigureMention] = []
    if not _may_count_ordinals(sentence):
        return out
    for m in _ordinal_re(lex).finditer(sentence):
        noun = m.group("noun").lower()
        if noun not in ex.ordinal_nouns or _blocked(m.start("num"), m.end("num"), blocked):
            continue
        if re.search(rf"\b(?:one|first|1st)\s+{re.escape(noun)}\b", sentence[: m.start()], re.IGNORECASE):
            continue  # "One victim was shot ... while the second victim was killed": a sequence, no tally
        raw = m.group("num").lower()
        value = int(raw[:-2]) if raw[0].isdigit() else ex.ordinals[raw]
        metric = lex.metric_of.get(noun) or (noun[:-1] + "ies" if noun.endswith("y") else noun + "s")
        out.append(
            FigureMention(
                start=m.start("num"),
                end=m.end(),
                num_start=m.start("num"),
                num_end=m.end("num"),
                value=value,
                qualifier="exact",
                metric=metric,
                unit=None,
            )
        )
    return out


def _read(
    text: str, m: re.Match[str], is_words: bool, lex: Lexicon, blocked: Sequence[tuple[int, int]],
    whole: FigureMention | None = None,
) -> FigureMention | None:
    num_start, num_end = m.start("num"), m.end()
    if _blocked(num_start, num_end, blocked) or _phone_number(m, is_words):
        return None
    value = _value(m, is_words, lex)
    if value is None:
        return None
    unit = lex.units_before.get(m.group("cur")) if m.group("cur") else None
    if m.group("cur") is None and not is_words and m.group("suf"):
        return None  # "5m" without a currency is more likely metres than millions
    if _ruled_out(text, m, is_words, lex):
        return None
    return _mention(text, m, is_words, lex, value, unit, whole)


def _phone_number(m: re.Match[str], is_words: bool) -> bool:
    """"make 911 calls": an emergency number, never a statistic; "$911 million" is an amount."""
    plain = not (is_words or m.group("cur") or m.group("suf") or m.group("scale"))
    return plain and m.group("num") in figure_data().phone_numbers


def _value(m: re.Match[str], is_words: bool, lex: Lexicon) -> int | float | None:
    """The number a match writes: in words, or digits with their suffix ("5m") and scale ("1.2 million")."""
    raw = m.group("num")
    if is_words:
        return parse_words(raw.lower().replace("-", " ").split(), lex)
    value = float(raw.replace(",", ""))
    if m.group("suf"):
        value *= lex.suffixes[m.group("suf").lower()]
    if m.group("scale"):
        value *= lex.scales[m.group("scale").lower()]
    return tidy(value)


# The first number of a range or a pair whose end is at the search's end: "5 to ", "330-", "11 and ".
_RANGE_END_RE = re.compile(r"[0-9][0-9,.]*\s*(?:to|through|and|or|[-\u2013])\s*$")


def _ruled_out(text: str, m: re.Match[str], is_words: bool, lex: Lexicon) -> bool:
    """Whether the words around the number show it is no count: "No. 5", "Boeing 737"."""
    num_start, num_end = m.start("num"), m.end()
    if labelled(text, num_start, lex):
        return True  # "No. 5", "children younger than 5"
    if not is_words and age_after_name(text, num_start, num_end):
        return True  # "killed Tomas Elvey, 41, on Monday": a person's age set off by commas
    first = _RANGE_END_RE.search(text, max(0, num_start - 40), num_start)
    if first and labelled(text, first.start(), lex):
        return True  # "ages 5 to 12", "rooms 330 to 340", "aged 11 and 7": the same label's
    if _NO_RE.search(text[:num_start]) or _AFTER_COUNT_RE.search(text, max(0, num_start - 12), num_start):
        return True  # "No. 5"; the model in "400 737 Max jets" (the count is the number before it)
    if _ratio_before_re(lex).search(text, max(0, num_start - 30), num_start):
        return True  # the whole of "6 of 10 Americans": the part before it is the figure
    # "Boeing 737", "Apollo 11", and a code that looks like an amount in rand: "Netgear Nighthawk R6700"
    label_at = num_start if m.group("cur") is None else m.start("cur")
    before_words = WORD_RE.findall(text[max(0, label_at - 25) : label_at])
    if (not is_words and (m.group("cur") is None or bare_letter_sign(m))
            and labels_a_number(text, label_at, before_words, lex)
            and not lex.unit_re.match(text, num_end)):  # "told Nine News Queensland 211 millimeters of rain"
        return True
    if is_words and in_a_name(text, m.start(), m.end(), m.group("num")):
        return True
    if any(i.start() <= num_start < i.end() for i in lex.not_figure_idioms_re.finditer(
            text, max(0, num_start - 12), min(len(text), num_end + 20))):
        return True  # "in one case, ...", "from zero to 60 mph in 3.5 seconds": an idiom, no count
    if figure_data().sources_re.match(text, num_end, num_end + 60):
        return True  # "two people familiar with the talks said": who the story's sources are, no count
    after_text = text[num_end : num_end + 20].lower()
    return _not_figure_after_re(lex).match(after_text) is not None


_NO_RE = re.compile(r"No\.\s*$")
# A model's name between a count and its noun: an optional brand, a code with a digit, an optional word
# ("737 Max", "Boeing 787-9", "Galaxy S10", "A350"), then the lower-case noun counted.
_MODEL_LABEL_RE = re.compile(r"\s+(?:[A-Z][A-Za-z]+\s+)?[A-Z]{0,3}\d[\w-]*(?:\s+[A-Z][A-Za-z]+)?(?=\s+[a-z])")
# A count right before the number ("400 737 Max jets"), not a year closing a phrase ("In 2021, 13,000 ...").
_AFTER_COUNT_RE = re.compile(r"(?<![\w.,])\d(?:[\d,.]*\d)?\s+$")


@cache
def _not_figure_after_re(lex: Lexicon) -> re.Pattern[str]:
    """One pattern for "a word of not_figure_after opens the text" (an alternation tries every word)."""
    alts = "|".join(re.escape(word) for word in lex.not_figure_after) or "(?!)"
    return re.compile(rf"\s*-?(?:{alts})(?![\w])")


def _mention(
    text: str, m: re.Match[str], is_words: bool, lex: Lexicon, value: int | float, unit: str | None,
    whole: FigureMention | None = None,
) -> FigureMention | None:
    """The figure of a number read: its unit, metric (after or before it, or that of the count before it
    that it is part of, `whole`) and qualifier; None when it counts nothing we know, spans time ("11 days")
    or is a year."""
    num_start, num_end = m.start("num"), m.end()
    pos = num_end
    if unit is None:
        um = lex.unit_re.match(text, pos)
        if um:
            word = " ".join(um.group(0).lower().split())
            unit = lex.unit_of.get(word)
            value = tidy(value * lex.unit_fractions.get(word, 1))  # "37 cents": 0.37 USD
            pos = um.end()
    if unit in figure_data().variant_units and _variant_of(text, num_start, pos):
        return None  # "the 30GB version": the size names the variant
    if unit is not None and (conv := _CONVERSION_RE.match(text, pos)):
        pos = conv.end()  # "3 inches (76 millimeters) of rain": the metric follows the conversion
    qa = lex.qualifier_after_re.match(text, pos)
    qualifier_after = None
    if qa:
        qualifier_after = lex.qualifier_after[qa.group(1).lower()]
        pos = qa.end()
    start = m.start("cur") if m.group("cur") else num_start
    label = _MODEL_LABEL_RE.match(text, pos)
    if label:  # "200 A320 jets", "15 Airbus A350-900 jets": the count is of what follows the model's name
        pos = label.end()
    metric, metric_end, unit = _metric_of(text, (start, pos), lex, unit, not is_words)
    if metric is None and unit is None:
        metric = total_of(text, start, lex) or part_of(text, num_start, num_end, whole, lex)
    data = figure_data()
    if metric is None and unit in data.rain_units and data.rain_re.search(text):
        metric = "rain"  # "heavy rainfall ..., dumping 800 millimeters in the 48 hours to Sunday"
    if metric is None and (unit is None or unit in data.units_need_metric):
        return None
    multiple = metric == "times" and _COMPARATIVE_RE.match(text, metric_end) is not None
    if multiple:
        metric, unit = "ratio", "times"  # "nine times higher than expected": a ratio is a figure
    elif (metric is not None and metric.split()[-1] in lex.not_figure_metrics
          and not (metric == "yards" and data.game_yards_re.search(text))):
        return None  # "11 days", "nine months": a span of time, not a count ("rushed for 101 yards" is)
    # "six tonnes of minced beef", "five percent": a measure spelled out ("the two leaders" is no count)
    measured = unit is not None and value >= 2
    if is_words and not multiple and not measured and not counts_in_words(text, start, value, metric, lex):
        return None
    year_like = (
        not is_words and not m.group("scale") and not m.group("cur") and _YEAR_RE.fullmatch(m.group("num"))
    )
    if year_like and (metric is None or metric_end == pos):
        return None  # a year, unless a count follows it ("2000 troops")
    qualifier = "exact"
    qm = lex.qualifier_re.search(text, 0, start)
    if qm:
        qualifier = lex.qualifier_of[" ".join(qm.group(1).lower().split())]
        start = qm.start(1)
    elif qualifier_after:
        qualifier = qualifier_after
    crossed = qm is not None and " ".join(qm.group(1).lower().split()) in lex.crossed_levels
    if (unit == "percent" or metric in _POINTS) and not crossed:
        sign = _change_sign(text, start, metric_end, lex)
        if sign:
            metric, value = metric or "change", -value if sign < 0 else value
    return FigureMention(
        start=start,
        end=max(metric_end, num_end),
        num_start=num_start,
        num_end=num_end,
        value=value,
        qualifier=qualifier,
        metric=metric,
        unit=unit,
    )


def _metric_of(
    text: str, span: tuple[int, int], lex: Lexicon, unit: str | None, partitive: bool
) -> tuple[str | None, int, str | None]:
    """What the number at span[0] counts, read from span[1] (after its unit): (metric, end, unit); a
    `partitive` number may count the noun of a whole ("46 of their contacts"; not "one of the ...")."""
    start, pos = span
    if unit is not None and (mo := _OF_AFTER_UNIT_RE.match(text[pos:])):
        metric, metric_end, people = None, pos, False
        if not _count_next(text, pos + mo.end(), lex):  # "$6 million in some 20 cases": another count
            metric, metric_end, people = metric_after(text, pos + mo.end(), lex, allow_singular=True)
        if metric is not None and metric.split()[-1] in figure_data().period_nouns:
            metric = None  # "$19.1 billion in fiscal 2018": when the amount holds, not what it is of
        if metric is None:
            metric_end = pos
    elif unit is None and (mo := _OF_WHOLE_RE.match(text[pos:])) and (
            partitive or _whole_size_re(lex).match(text, pos + mo.end())):
        # "46 of their contacts", "Four of the 12 boxes": a part counted by the noun of the whole (past the
        # whole's own size, qualified or not: "191 of the approximately 250 files")
        sized = _whole_size_re(lex).match(text, pos + mo.end())
        metric, metric_end, people = metric_after(text, sized.end() if sized else pos + mo.end(), lex)
    elif unit is None and (mo := _ratio_re(lex).match(text, pos)):
        # "6 of 10 Americans", "one in five adults": the part is the figure, counted by the whole's noun.
        metric, metric_end, people = metric_after(text, mo.end(), lex)
    else:
        metric, metric_end, people = metric_after(text, pos, lex)
        if metric is None and unit is None and (fronted := _FRONTED_WHOLE_RE.search(text, 0, start)):
            # "Out of 34,000 Hispanic students, 2,285 were absent": a part of the whole named before it
            metric, _end, people = metric_after(text, fronted.start("noun"), lex)
    whole = _part_before_re(lex).search(text, max(0, start - 30), start) is not None
    if (people or metric is None) and not whole:  # "Three of the 20 passengers died": 20 did not
        state = _state_near(text, start, metric_end, lex, metric if people else None)
        if state:
            metric, people = state, False
        elif metric in lex.people_by_state:
            return None, pos, unit  # "approached by two men": no state, no count
    if metric is None or people:
        before = _metric_before(text, start, lex)
        if before:
            metric = before
    if metric is None and unit is None:
        metric = metric_of_subject(text, (start, pos), lex)
    if metric in ("years", "months", "weeks") and unit is None:
        # "up to 10 years in prison", "sentenced to 57 months": a sentence's length is a figure although
        # years are a span.
        after = _PRISON_RE.match(text[metric_end:])
        if after and {w.lower() for w in after.groups() if w} & figure_data().prison_words:
            return "prison term", metric_end, metric
        if figure_data().sentence_re.search(text, max(0, start - 40), start):
            return "prison term", metric_end, metric
    return metric, metric_end, unit


def _variant_of(text: str, start: int, end: int) -> bool:
    """Whether the size text[start:end] names a variant: after a determiner and before a noun or a name ("the
    40GB version", "the older 16 GB Walkman"; not "comes with 64GB storage", "the other 4GB is", "3GB worth
    of", nor a code in capitals: "12 GB GDDR5")."""
    nxt = _NEXT_WORD_RE.match(text, end)
    if nxt is None or _DETERMINER_BEFORE_RE.search(text, max(0, start - 30), start) is None:
        return False
    word = nxt.group(1)
    if word[1:].isupper() or word.lower() in _NOT_VARIANTS:
        return False
    tags = word_tags(word.lower())
    # a noun, or a product's name ("iPod", "Walkman")
    name = (word[:1].islower() and word[1:2].isupper()) or (word[:1].isupper() and not tags)
    return name or (bool(tags & NOUN_TAGS) and not tags & _VERB_FORMS)


_NEXT_WORD_RE = re.compile(r"[ \t-]+([A-Za-z]+)\b")
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|its|this|that|their)\s+(?:[a-z]+\s+)?\Z", re.IGNORECASE)
_NOT_VARIANTS = frozenset({"worth", "total", "more", "less", "each"})
_VERB_FORMS = frozenset({"VBD", "VBZ", "VBN"})


_OF_AFTER_UNIT_RE = re.compile(r"\s+(?:of|in|worth of)\s+(?:the\s+|its\s+|their\s+)?")
# ... past an owner: "330 of the resort's 397 guest rooms"
_OF_WHOLE_RE = re.compile(r"\s+of\s+(?:the|their|its|his|her|our)\s+(?:[A-Za-z-]+['\u2019]s\s+)?")


@cache
def _whole_size_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:(?:{spaced_alternatives(lex.qualifier_of)})\s+)?\d[\d,]*\s+", re.IGNORECASE)

# "Out of 34,000 students, ", "Of the 500 patients, " opening a sentence: the whole the next number is part of
_FRONTED_WHOLE_RE = re.compile(r"(?:^|\bout\s+)of\s+(?:the\s+)?\d[\d,]*\s+(?P<noun>[^,]{1,40}),\s*\Z", re.I)


def _count_next(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether a number in digits, maybe after a qualifier ("some 20"), opens text[pos:]."""
    rest = text[pos : pos + 40]
    if rest[:1].isdigit():
        return True
    low = rest.lower()
    return any(low.startswith(f"{q} ") and rest[len(q) + 1 :].lstrip()[:1].isdigit()
               for q in lex.qualifier_of)


def _number_alts(lex: Lexicon) -> str:
    words = "|".join(sorted(lex.number_words, key=len, reverse=True))
    return rf"(?:\d[\d,]*|{words})"


@cache
def _part_before_re(lex: Lexicon) -> re.Pattern[str]:
    """"Four of the " / "10 of their " right before a number: that number is the whole's size ("Three of the
    20 passengers died": the 20 did not)."""
    return re.compile(rf"\b{_number_alts(lex)}\s+of\s+(?:the|their|its|his|her|our)\s+\Z", re.IGNORECASE)


@cache
def _ratio_re(lex: Lexicon) -> re.Pattern[str]:
    """" of 10 " / " in five " / " out of 10 " after a part (numbers.yaml `ratio_words`): the whole it is
    counted in."""
    return re.compile(rf"\s+(?:{figure_data().part_of})\s+{_number_alts(lex)}(?=\s+[a-z])", re.IGNORECASE)


@cache
def _ratio_before_re(lex: Lexicon) -> re.Pattern[str]:
    """"6 of " / "one in " / "3 out of " right before a number: that number is the whole of a ratio."""
    # "one of two people who ...": a member of a group of two, not a ratio
    return re.compile(
        rf"(?<![\w.,])(?!(?:one|1)\s+of\b){_number_alts(lex)}\s+(?:{figure_data().part_of})\s+\Z",
        re.IGNORECASE,
    )


_PRISON_RE = re.compile(r"\s+(?:in|behind)\s+(?:a\s+)?(\w+)(?:\s+(\w+))?")


# The units of an index's move, whose change verb gives their sign as it does a percent's ("fell 350 points").
_POINTS = frozenset({"points", "percentage points", "basis points"})
# A change's amount restated after "or" ("lost 1.85 points, or 0.06%"): the first amount's start.
_CHANGE_ASIDE_RE = re.compile(
    r"(?P<amount>\$?\d[\d,.]*)\s+(?:percentage\s+|basis\s+)?(?:points?|cents?|pence)\s*,?\s+or\s+\Z",
    re.IGNORECASE,
)


def _change_sign(text: str, start: int, end: int, lex: Lexicon) -> int:
    """+1 or -1 when the percent is a change ("fell 10 percent", "up 2%", "a 3% drop"), else 0; "rose to
    5%" and "from 12% to 18%" are levels."""
    ex = figure_data()
    if aside := _CHANGE_ASIDE_RE.search(text, max(0, start - 60), start):
        start = aside.start("amount")  # "fell 350 points, or 1.1%": the percent restates the fall
    words = [w.lower() for w in WORD_RE.findall(text[max(0, start - 30) : start])]
    while words and words[-1] in ("by", "a", "an", "further", "another", "just", "only"):
        words.pop()
    if words and words[-1] in ex.change_of:
        return ex.change_of[words[-1]]
    after = tokens_after(text, end, 1)
    if after and after[0][2].lower() in ex.change_noun_of:
        return ex.change_noun_of[after[0][2].lower()]
    return 0
