"""The noun phrase a count counts, read after its number ("4,000 confirmed cases", "49 U.S. troops", "3
million TV sets"): monitor.extract.items.figures names a figure's metric by it."""

from __future__ import annotations

import itertools
import re

from monitor.extract.items.counted import WORD_RE
from monitor.extract.lexicon import Lexicon
from monitor.extract.wordforms import NOUN_TAGS, word_tags

__all__ = ["metric_after", "plural", "tokens_after"]


def tokens_after(text: str, pos: int, limit: int) -> list[tuple[int, int, str]]:
    """The words of the noun phrase at `pos`, at most `limit`, as (start, end, word): punctuation ends it."""
    out: list[tuple[int, int, str]] = []
    for m in WORD_RE.finditer(text, pos):
        gap = text[pos : m.start()]
        if not out and gap[:1].isspace() and gap.strip() in _OPENING_QUOTES:
            gap = " "  # 12 "harbour pilots": a noun in quotes is still the one counted
        if out and out[-1][2][:1].isupper() and _MODEL_NUMBER_RE.fullmatch(gap):
            gap = " "  # "1.2 million Vortex Tab 4 tablets": a name's model number is part of the name
        if gap.strip() and not (gap == ", " and out and _listed_modifier(text, out[-1][2], m.start())):
            break  # punctuation ends the noun phrase, but for a list of its modifiers ("air, sea and ...")
        out.append((m.start(), m.end(), m.group(0)))
        pos = m.end()
        if len(out) >= limit:
            break
    return out


_OPENING_QUOTES = frozenset({'"', "\u201c", "'", "\u2018"})
_MODEL_NUMBER_RE = re.compile(r"\s\d{1,4}[A-Za-z]?\s")
_MODIFIER_LIST_RE = re.compile(r"(?:[a-z][\w-]*,\s)*[a-z][\w-]*\s(?:and|or)\s[a-z][\w-]*\s[a-z]")


def _listed_modifier(text: str, word: str, pos: int) -> bool:
    """Whether `word`, before a comma, opens a list of a noun's modifiers that goes on at `pos` and ends in
    "and"/"or" ("40 air, sea and land-based drones"; not "killed 5, and injured 10")."""
    return word[:1].islower() and not plural(word.lower()) and _MODIFIER_LIST_RE.match(text, pos) is not None


def _contraction_base(word: str) -> str:
    """The word before a contraction's apostrophe ("he's" -> "he"); "" for a word without one."""
    base, mark, _rest = word.replace("\u2019", "'").partition("'")
    return base if mark and _rest else ""


def metric_after(
    text: str, pos: int, lex: Lexicon, allow_singular: bool = False
) -> tuple[str | None, int, bool]:
    """Read the metric from the noun phrase at `pos`: (metric, end, is_people_noun)."""
    if initials := _INITIALS_RE.match(text, pos):
        pos = initials.end()  # "49 U.S. troops": the country's initials modify the noun
    tokens = tokens_after(text, pos, 8)
    if _next_clause(tokens):
        return None, pos, False
    # a list of modifiers ("air, sea and land-based drones") makes the phrase a word longer a comma
    reach = 4 + sum(text[a[1] : b[0]] == ", " for a, b in itertools.pairwise(tokens))
    for i, (s, _e, w) in enumerate(tokens[:reach]):
        lw = w.lower()
        if i and lw in lex.metric_stop_words:
            break
        if i and lw.endswith(("ing", "ed")) and plural(tokens[i - 1][2].lower()):
            break  # "nine statements attacking the council": a participle after the counted noun
        m = lex.metric_re.match(text, s)
        if m:
            name = lex.metric_of[" ".join(m.group(0).lower().split())]
            kept = [t[2].lower() for t in tokens[:i] if t[2].lower() in lex.kept_modifiers]
            kept = [k for k in kept if k not in name.split()]
            # a metric of people ("soldiers" -> troops) still gives way to a grave state ("were wounded")
            return " ".join([*kept, name]), m.end(), name in lex.people_nouns
        if lw in lex.people_nouns or lw in lex.people_by_state:
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if (following is not None and not plural(lw) and text[tokens[i][1] : following[0]] == " "
                    and plural(following[2].lower()) and word_tags(following[2].lower()) & NOUN_TAGS):
                continue  # "400 police officers", "15 police districts": the compound's head is counted
            return lw, tokens[i][1], True
        if w[:1].isupper() and lw.endswith("s") and lw in lex.demonym_of:
            # "150 Indians": a people noun, capitalised; counted apart from people of other kinds (155
            # Indonesians aboard are not the 155 passengers another outlet counts)
            return lw, tokens[i][1], True
    # Not in the lexicon: the bare noun phrase, up to four words, ending on a plural noun.
    words: list[tuple[int, int, str]] = []
    for k, (s, e, w) in enumerate(tokens[:reach]):
        lw = w.lower()
        # "1,300 false or misleading adverts": adjectives joined by "or"/"and" still lead to the noun
        joins_adjectives = lw in ("or", "and") and bool(words) and not plural(words[-1][2])
        # "341 American congregations": a nationality is an adjective of the noun, not a name that ends it
        demonym = not words and lw in lex.demonym_of and not plural(lw)
        if (lw in lex.metric_stop_words and not joins_adjectives) or not (
                w[0].islower() or demonym or _ACRONYMS_RE.fullmatch(w)
                or (_names_a_kind(tokens[k + 1 : reach], lex) and not _after_a_count(text, pos, lex))):
            break
        if _contraction_base(lw) in lex.metric_stop_words:
            break  # "the 30 years he's farmed there": "he's" is no plural noun of the phrase
        if words and (lw.endswith("ed") or lw.endswith("ing")) and words[-1][2] not in ("or", "and"):
            break
        if words and words[-1][2] in ("or", "and") and "NNS" not in (tags := word_tags(lw)) and "VBZ" in tags:
            break  # "5 feet, 10 inches tall and weighs 150 pounds": a verb, not the noun of adjectives
        words.append((s, e, lw))
    while words and not allow_singular and not plural(words[-1][2]):
        words.pop()
    if words and words[-1][2] in ("or", "and"):
        words.pop()
    if words and words[0][2].endswith(("ed", "ing")) and len(words) == 1:
        return None, pos, False
    if words:
        if reach > 4:  # a list's words modify its noun: "missiles", not "air sea and ground-launched ..."
            return words[-1][2], words[-1][1], False
        return " ".join(w[2] for w in words), words[-1][1], False
    return None, pos, False


def _next_clause(tokens: list[tuple[int, int, str]]) -> bool:
    """Whether the words after a number open the next clause of a pair of verbs, "and" with a past verb
    ("killed 25 and injured 78"): the number has no noun, and the second verb's word does not count it."""
    if len(tokens) < 2 or tokens[0][2].lower() not in ("and", "or"):
        return False
    tags = word_tags(tokens[1][2].lower())
    return bool(tags & {"VBD", "VBN"}) and not tags & NOUN_TAGS


_INITIALS_RE = re.compile(r"\s+(?:[A-Z]\.){2,}(?=\s+[a-z])")
_ACRONYMS_RE = re.compile(r"[A-Z]{2,}s")  # "35 million TVs", "1,200 SUVs": an acronym's plural is a noun


def _names_a_kind(rest: list[tuple[int, int, str]], lex: Lexicon) -> bool:
    """Whether a capitalised word is a brand's or an acronym's name before the counted noun: one more such
    word at most, then a plural noun in lower case ("3 million TV sets", "40 Lerrin Ferries vessels")."""
    words = [w for _s, _e, w in rest[:2]]
    lower = next((i for i, w in enumerate(words) if w[:1].islower()), None)
    return (lower is not None and all(w[:1].isupper() for w in words[:lower])
            and plural(words[lower]) and words[lower] not in lex.metric_stop_words)


def _after_a_count(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether the number ending near `pos` follows a count ("six 320 Airbus orders"): it is a label."""
    found = _WORD_BEFORE_NUMBER_RE.search(text, max(0, pos - 40), pos)
    return found is not None and found.group(1).lower() in lex.number_words


_WORD_BEFORE_NUMBER_RE = re.compile(r"([A-Za-z]+)\s+[\d.,]+\s*\Z")


def plural(word: str) -> bool:
    """A plural noun's ending: -s, not -ss ("cases", not "press")."""
    return word.endswith("s") and not word.endswith("ss")
