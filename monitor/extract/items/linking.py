"""Names that link: one canonical form for the names that tell one person or organisation.

A person is named in full once and then by surname or with a title ("Russian President Vladimir Putin",
"Mr. Putin", "Putin"); an organisation by its long name and its acronym ("the World Health Organization
(WHO)", "WHO"). `link_name` maps one name to the canonical form among the names seen so far, so that a story
(several documents) can link its names as one document does; `NameLinker` is the same with its index built
once, for a caller that links many names against one fixed list. Beside them, what the words around a name
tell of it: a title (`title_at`), a place's kind (`feature_name`, `kind_of_place_after`), or no name at all
(`party_and_state`, `grade_before_number`).

    >>> link_name("Mr. Putin", ["Vladimir Putin", "Donald Trump"])
    'Vladimir Putin'
    >>> link_name("WHO", [])
    'World Health Organization'
    >>> link_name("she", ["Angela Merkel"]) is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from monitor.extract.items.document import Tok
from monitor.extract.lexicon import Lexicon, load_lexicon

# An acronym: capitals (an inner "&" or digit allowed, "G7", "AT&T"), two to ten of them.
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&]{1,9}\Z")
_POSSESSIVE_RE = re.compile(r"['\u2019]s?\Z")
_EDGE_PUNCT = " \t\n\"'\u2018\u2019\u201c\u201d,.;:()[]"


def is_acronym(name: str) -> bool:
    """Whether `name` is written as an acronym ("WHO", "AFAD", "G7"; not "Who", "US-led")."""
    return bool(_ACRONYM_RE.match(name.replace(".", ""))) and any(c.isalpha() for c in name)


def initials(name: str, lex: Lexicon) -> str:
    """The capitals of a long name's words, connectors left out: "World Health Organization" -> "WHO"."""
    words = name.replace("-", " ").split()
    return "".join(
        w[0] for w in words if w[:1].isupper() and w.lower() not in lex.connectors and w.lower() != "and"
    )


@dataclass
class NameLinker:
    """The names seen so far, indexed to link a new name to one of them (see `link_name`).

    `seen` are canonical forms (full person names, organisations' names) in the order they were seen;
    `aliases` maps a document's own short forms to their canonical form ("AFAD" defined by "Disaster and
    Emergency Management Authority (AFAD)"), on top of the lexicon's alias table.
    """

    lex: Lexicon
    seen: list[str] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _last: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _first: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _acronym: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        names, self.seen = self.seen, []
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        """Remember a canonical name (the first one seen of a surname or an acronym wins; of one name in
        other capitals, the one not all in capitals: "Dear Abby", not "DEAR ABBY")."""
        known = self._exact.get(name.lower())
        if known is not None:
            if known.isupper() and not name.isupper() and " " in name:
                self._exact[name.lower()] = name
            return
        self.seen.append(name)
        self._exact[name.lower()] = name
        words = name.split()
        if _person_like(words, self.lex):
            self._last.setdefault(words[-1], name)
            self._first.setdefault(words[0], name)
        if len(words) >= 2 and not any(c.isdigit() for c in name):  # "LC500 Convertible" is no "LC"
            acronym = initials(name, self.lex)
            if len(acronym) >= 2:
                self._acronym.setdefault(acronym, name)

    def link(self, name: str, titled: bool = False) -> str:
        """The canonical form of a name already cleaned of titles (`titled`: it had one: "Mr. Xi")."""
        if name in self.aliases:
            name = self.aliases[name]
        table = self.lex.alias_of
        canonical = table.get(name) or (None if is_acronym(name) else table.get(name.lower()))
        if canonical:
            return self._exact.get(canonical.lower(), canonical)
        if name.lower() in self._exact:
            return self._exact[name.lower()]
        words = name.split()
        if is_acronym(name):
            return self._acronym.get(name.replace(".", ""), name)
        if len(words) >= 2:
            seen = self._exact.get(initials(name, self.lex).lower())  # the long form of an acronym seen
            return seen if seen is not None and is_acronym(seen) else name
        # A surname alone; the given name alone only with a title ("President Xi" of "Xi Jinping").
        return self._last.get(name) or (self._first.get(name) if titled else None) or name


def _person_like(words: list[str], lex: Lexicon) -> bool:
    """Two to four capitalised words, none of them an organisation's cue or a connector: a person's name."""
    if not 2 <= len(words) <= 4:
        return False
    return all(
        w[:1].isupper()
        and not (w.isupper() and len(w) > 2 and "." not in w)  # "USB-C", "LLC": no one's name, "J.R." is
        and w.replace("-", "").replace("'", "").replace(".", "").isalpha()
        and w.lower() not in lex.organisation_cues
        and w.lower() not in lex.connectors
        for w in words
    )


def strip_name(name: str, lex: Lexicon) -> tuple[str, bool] | None:
    """(the name without titles, possessive and edge punctuation, whether a title was dropped), or None
    when nothing of a name is left: empty, a pronoun, a title alone ("the president")."""
    titled = False
    # Until nothing more comes off: what one pass bares may be stripped again ("the the X", "0.\x1f"), and a
    # canonical form must strip to itself.
    for _ in range(len(name) + 1):
        stripped = _strip_once(name, lex)
        if stripped is None:
            return None
        titled = titled or stripped[1]
        if stripped[0] == name:
            break
        name = stripped[0]
    return name, titled


def _strip_once(name: str, lex: Lexicon) -> tuple[str, bool] | None:
    words = " ".join(name.split()).strip(_EDGE_PUNCT).split()
    if words:
        words[-1] = _POSSESSIVE_RE.sub("", words[-1]) or words[-1]
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    titled = False
    while words:
        low = [w.lower() for w in words]
        n = title_at(low, 0, lex)
        if n == 0 and len(low) > 1 and (low[0] in lex.demonym_of or low[0] in lex.country_of):
            n = title_at(low, 1, lex)
            n = n + 1 if n else 0
        if n == 0:
            # A title after capitalised words: "Valdorian Prime Minister X", "Acme Corp chief executive X".
            cut = max((k + m for k in range(1, len(low) - 1) if (m := title_at(low, k, lex))), default=0)
            if cut and cut < len(low) and not any(w in lex.organisation_cues for w in low[cut:]):
                words, titled = words[cut:], True
            break
        words, titled = words[n:], True
    if not words or (len(words) == 1 and words[0].lower() in lex.pronouns and not is_acronym(words[0])):
        return None
    return " ".join(words), titled


def feature_name(words: list[str], lex: Lexicon) -> bool:
    """Whether the words of a name end in a landform's, a water's or a venue's noun (places.yaml
    feature_nouns), maybe with a road's number after it: a place ("Java Sea", "Shoreline Amphitheatre",
    "Highway 287"). One word alone is the noun, no name."""
    if len(words) < 2:
        return False
    noun = words[-2] if words[-1].isdigit() else words[-1]
    return noun.lower() in lex.feature_nouns


def party_and_state(word: str, lex: Lexicon) -> bool:
    """Whether a word is a lawmaker's party and state ("D-Minn", "R-Texas": names.yaml `party_initials`), an
    aside about the name before it ("Rep. Ilhan Omar, D-Minn., said"), no name itself."""
    party, _, state = word.partition("-")
    return party in lex.party_initials and state[:1].isupper() and state.replace(".", "").isalpha()


def grade_before_number(tokens: Sequence[Tok], i: int, lex: Lexicon) -> bool:
    """Whether token i grades a thing with the number after it ("a Category 2 storm", "a Level 3 risk":
    names.yaml `rating_nouns`): no word of a name, nor one of its own."""
    return (tokens[i].lower in lex.rating_nouns and i + 1 < len(tokens) and tokens[i + 1].text.isdigit()
            and tokens[i + 1].start - tokens[i].end <= 1)


def ticker_bracket(text: str, end: int, lex: Lexicon) -> int | None:
    """The end of a stock ticker's bracket right after a company's name ending at `end` ("Apple (AAPL)",
    "Coca-Cola Co (NYSE: KO)", names.yaml `ticker_prefixes`), else None."""
    found = _ticker_re(lex).match(text, end)
    return found.end() if found else None


def exchange_ticker(text: str, end: int, lex: Lexicon) -> bool:
    """Whether the bracket right after `end` holds a ticker by its exchange or market suffix ("(NYSE: KO)",
    "(KFL.L)"): no acronym the name before it goes by, as a bare "(WHO)" may be."""
    found = _ticker_re(lex).match(text, end)
    return found is not None and (":" in found.group(0) or "." in found.group(0))


@cache
def _ticker_re(lex: Lexicon) -> re.Pattern[str]:
    prefixes = "|".join(re.escape(p).replace(r"\ ", r"\s+")
                        for p in sorted(lex.ticker_prefixes, key=len, reverse=True))
    # (a letter among the ticker's characters: "(2019)" is a year)
    return re.compile(rf"\s*\(\s*(?:(?i:{prefixes})\s*:\s*)?(?=[A-Z0-9.]*[A-Z])[A-Z0-9][A-Z0-9]{{0,5}}"
                      rf"(?:\.[A-Z]{{1,2}})?\s*\)")


def kind_of_place_after(tokens: Sequence[Tok], i: int, lex: Lexicon) -> bool:
    """Whether token i, right after a name, is a lower-case noun that says what kind of place the name is
    ("Belitung island", "Ghor province", "Loudon county": names.yaml `place_nouns`, not the officials among
    them); a venue's noun is not one ("a Shiite mosque": the word before it may be an adjective)."""
    if i >= len(tokens) or tokens[i].cap or tokens[i].start - tokens[i - 1].end > 1:
        return False
    return tokens[i].lower in lex.place_nouns and tokens[i].lower not in lex.titles


def title_at(low: list[str], i: int, lex: Lexicon) -> int:
    """How many lower-case words from i form a title ("prime minister" -> 2), 0 if none; a title written with
    a hyphen for its space is the title ("attorney-general" -> 1)."""
    for n in range(min(lex.max_title_words, len(low) - i), 0, -1):
        phrase = " ".join(low[i : i + n])
        if phrase in lex.titles or phrase.replace("-", " ") in lex.titles:
            return n
    return 0


def link_name(
    name: str,
    seen: Iterable[str],
    lexicon: Lexicon | None = None,
    aliases: Mapping[str, str] | None = None,
) -> str | None:
    """The canonical form of `name` given the names `seen` so far (canonical forms, in the order seen).

    Titles, roles and a possessive are dropped ("U.S. President Donald Trump's" -> "Donald Trump"); the
    lexicon's alias table (`aliases.yaml`, extended by `extraction.aliases`) and `aliases` (a document's own
    "Long Name (ACRONYM)" definitions) map a short form to its canonical one; a name seen before in other
    capitals is that one; an acronym links to a seen name with those initials and a long name to a seen
    acronym of it; a surname alone links to the first seen person of that surname ("Putin", "Mr. Putin"),
    a given name only with a title ("President Xi" -> "Xi Jinping"). Otherwise the name itself (a full name
    is never shortened: a caller that saw "Putin" before "Vladimir Putin" may re-link the earlier one).
    Returns None when `name` is no name at all: empty, a pronoun ("he", "they"), a title alone. Pure: the
    same arguments give the same answer; raises nothing on any string.

        >>> link_name("Russian President Vladimir Putin", [])
        'Vladimir Putin'
        >>> link_name("Putin", ["Vladimir Putin"])
        'Vladimir Putin'
        >>> link_name("Disaster and Emergency Management Authority", ["DEMA"])
        'DEMA'
    """
    lex = lexicon or load_lexicon()
    stripped = strip_name(name, lex)
    if stripped is None:
        return None
    linker = NameLinker(lex, list(seen), dict(aliases or {}))
    return linker.link(*stripped)
