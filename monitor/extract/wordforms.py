"""English word forms and their Penn tags, from a compact table generated from lemminflect's dictionaries.

The extractor asks two things of a dictionary: the tags a lower-case word form can have (`tags_of`:
"arrested" -> VBD, VBN) and the inflections of a lower-case base form (`inflections`: "seize" -> VBD:
seized, ...). lemminflect (MIT licence, Copyright (C) 2019 Brad Jascob; see data/en/word_forms.LICENSE)
answers both from dictionaries that cost ~50 MB in every process; `scripts/build_word_forms.py` asks it every
question its dictionaries can answer and writes the answers to data/en/word_forms.txt.gz (~0.6 MB). Here
that table stays one sorted string a section (~2.5 MB in memory), searched by bisection: the same answers,
a twentieth of the memory, and no lemminflect import at run time. On them: `word_tags` (any spelling,
cached) and `inflect_trigger` (every form of a trigger word or phrase, with its tags), which the lexicon
and the extractor's steps ask.

    >>> sorted(tags_of("arrested"))
    ['VBD', 'VBN']
    >>> inflections("seize", "VERB")["VBD"]
    ('seized',)
"""

from __future__ import annotations

import gzip
from array import array
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib.resources import files

from monitor.errors import RuleDataError

DATA_PACKAGE = "monitor.extract.data.en"
TABLE = "word_forms.txt.gz"

# lemminflect's tags of each universal part of speech (its uposToTags): what `upos` keeps of an inflection.
_UPOS_TAGS = {
    "VERB": frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}),
    "AUX": frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}),
    "ADJ": frozenset({"JJ", "JJR", "JJS"}),
    "ADV": frozenset({"RB", "RBR", "RBS"}),
    "NOUN": frozenset({"NN", "NNS", "NNP", "NNPS"}),
}


class SortedTable:
    """`key\\tvalue` lines sorted by key, kept as one string with the offsets of its lines: a mapping that
    costs a few bytes an entry instead of two string objects and a dict slot. Lines with characters outside
    ASCII in their key or value (a handful) sit in a small dict, so the big string stays one byte a
    character."""

    def __init__(self, lines: list[str], where: str) -> None:
        plain = [line for line in lines if line.isascii()]
        self._other: dict[str, str] = {}
        for line in lines:
            if not line.isascii():
                key, _tab, value = line.partition("\t")
                self._other[key] = value
        if any(line.count("\t") != 1 for line in plain) or plain != sorted(plain):
            raise RuleDataError(f"{where}: expected sorted `key<TAB>value` lines")
        self._text = "\n".join(plain) + "\n"
        self._starts = array("I", [0])
        pos = 0
        for line in plain:
            pos += len(line) + 1
            self._starts.append(pos)

    def __len__(self) -> int:
        return len(self._starts) - 1 + len(self._other)

    def entries(self) -> Iterator[tuple[str, str]]:
        """Every (key, value), the plain lines in key order and then the others."""
        text, starts = self._text, self._starts
        for start, end in zip(starts, starts[1:], strict=False):  # line by line: no list of them all
            key, _tab, value = text[start : end - 1].partition("\t")
            yield key, value
        yield from self._other.items()

    def get(self, key: str) -> str | None:
        """The value of `key`, or None."""
        if key in self._other or not key.isascii():
            return self._other.get(key)
        text, starts = self._text, self._starts
        lo, hi = 0, len(starts) - 1
        while lo < hi:  # the first line whose key is >= `key`
            mid = (lo + hi) // 2
            start = starts[mid]
            if text[start : text.index("\t", start)] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(starts) - 1:
            return None
        start = starts[lo]
        tab = text.index("\t", start)
        return text[tab + 1 : starts[lo + 1] - 1] if text[start:tab] == key else None


@cache
def _tables() -> tuple[SortedTable, SortedTable]:
    """(word -> tags, lemma -> inflections), read once from the bundled table."""
    try:
        raw = gzip.decompress(files(DATA_PACKAGE).joinpath(TABLE).read_bytes()).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleDataError(f"{TABLE}: cannot read the bundled word table ({exc})") from exc
    lines = [line for line in raw.split("\n") if line and not line.startswith("#")]
    if "@tags" not in lines or "@inflections" not in lines:
        raise RuleDataError(f"{TABLE}: expected the sections @tags and @inflections")
    tags, infl = lines.index("@tags"), lines.index("@inflections")
    return (
        SortedTable(lines[tags + 1 : infl], f"{TABLE}: @tags"),
        SortedTable(lines[infl + 1 :], f"{TABLE}: @inflections"),
    )


@cache
def _tag_set(value: str) -> frozenset[str]:
    return frozenset(value.split(","))


def tags_of(word: str) -> frozenset[str]:
    """The Penn tags a lower-case word form can have (a past form is also a participle: VBD brings VBN);
    empty for a word the dictionary does not know."""
    value = _tables()[0].get(word)
    return _tag_set(value) if value else frozenset()


def lemminflect_tags(word: str) -> frozenset[str]:
    """The tags of `word` computed from lemminflect itself: the definition the table is generated from
    (scripts/build_word_forms.py), and the answer for a word not in lower case, which lemminflect reads
    with its capitals. Imports lemminflect, and its dictionaries load on first use (~50 MB)."""
    from lemminflect import getAllInflections, getAllLemmas

    tags: set[str] = set()
    for upos, lemmas in getAllLemmas(word).items():
        for lemma in lemmas:
            tags.update(tag for tag, forms in getAllInflections(lemma, upos=upos).items() if word in forms)
    if not tags:
        tags.update(tag for tag, forms in getAllInflections(word).items() if word in forms)
    return with_participle(tags)


def with_participle(tags: set[str] | frozenset[str]) -> frozenset[str]:
    """`tags` with VBN wherever VBD is: lemminflect leaves out VBN when it equals VBD ("arrested"); a past
    form may always be a participle."""
    return frozenset(tags | {"VBN"} if "VBD" in tags else tags)


def inflections(lemma: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:
    """Penn tag -> forms of a lower-case base form, in lemminflect's order (its `getAllInflections`), only
    the tags of `upos` ("VERB", "NOUN"...) when given; {} for a word the dictionary does not know."""
    value = _tables()[1].get(lemma)
    if not value:
        return {}
    keep = _UPOS_TAGS.get(upos.upper(), frozenset()) if upos is not None else None
    out: dict[str, tuple[str, ...]] = {}
    for entry in value.split(";"):
        tag, _eq, forms = entry.partition("=")
        if keep is None or tag in keep:
            out[tag] = tuple(forms.split("|"))
    return out


@cache
def irregular_past_forms() -> dict[str, str]:
    """Past forms and participles a suffix-stripping stemmer cannot bring back to their verb ("ate",
    "eaten" -> "eat"; "took" -> "take"; "fought" -> "fight"), read from the inflection table: forms that are
    not the base with "-ed" or "-d", of one verb only, and never a noun ("wound", "saw", "crew", "left" keep
    their other senses). Why: two outlets' "killed and ate a wild rabbit" and "after eating a wild rabbit"
    tell one happening in words a stemmer leaves apart."""
    out: dict[str, set[str]] = {}
    for base, value in _tables()[1].entries():
        for entry in value.split(";"):
            tag, _eq, forms = entry.partition("=")
            if tag not in ("VBD", "VBN"):
                continue
            for form in forms.split("|"):
                if form.isalpha() and form not in _regular_past(base):
                    out.setdefault(form, set()).add(base)
    return {form: next(iter(bases)) for form, bases in out.items()
            if len(bases) == 1 and form not in bases and not tags_of(form) & NOUN_TAGS}


def _regular_past(base: str) -> tuple[str, ...]:
    """The past forms a verb would have by rule ("arrest" -> "arrested", "seize" -> "seized", "try" ->
    "tried", "stop" -> "stopped", "panic" -> "panicked")."""
    return base + "ed", base + "d", base[:-1] + "ied", base + base[-1:] + "ed", base + "ked"


def norm_phrase(phrase: str) -> str:
    """A phrase in lower case with single spaces: the form the word lists are looked up by."""
    return " ".join(phrase.lower().split())


# The tags of a verb form (word_tags): what triggers and actors ask whether a word can be a verb.
VERB_TAGS = frozenset({"VB", "VBD", "VBN", "VBG", "VBZ", "VBP"})
# The tags of a common noun's forms: a word that may be one ("wound", "saw") is read as a noun too.
NOUN_TAGS = frozenset({"NN", "NNS"})
# The tags of a finite verb's forms ("was", "says", "say") and of an adjective's.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
# The tags of a past tense or participle ("released", "found"): a word of these alone is a verb's past form.
PAST_TAGS = frozenset({"VBD", "VBN"})


@lru_cache(maxsize=65536)
def word_tags(word: str) -> frozenset[str]:
    """The Penn tags a lower-case word form can have, from lemminflect's dictionaries ("arrested": VBD, VBN).

    A lower-case word is looked up in the table generated from them (`tags_of`: the same answers without
    lemminflect's ~50 MB in every process); any other spelling, which the extractor does not ask about, is
    still asked of lemminflect, whose answers depend on the capitals. Cached: the extractor asks for the same
    few thousand words again and again.
    """
    return tags_of(word) if word == word.lower() else lemminflect_tags(word)


def inflect_trigger(trigger: str, pos: str = "both") -> dict[str, frozenset[str]]:
    """Every form of a trigger with its possible tags. `pos` "verb": the verb inflections of a word or of the
    first word of a phrase ("plead guilty" -> "pleaded guilty"), verb tags only; "noun": the word or the last
    word of a phrase with its plural ("phone call" -> "phone calls"), noun tags only; "both" (a config word):
    all inflections of a single word, and both of the above for a phrase. The form as written is always kept
    (tags "?" when lemminflect does not know it)."""
    words = norm_phrase(trigger).split()
    if not words:
        return {}
    head, rest = words[0], words[1:]
    out: dict[str, set[str]] = {}
    if pos == "verb" or rest and pos == "both":
        for tag, forms in inflections(head, "VERB").items():
            for form in forms:
                out.setdefault(" ".join([form, *rest]), set()).add(tag)
    elif pos == "both":
        for tag, forms in inflections(head).items():
            for form in forms:
                out.setdefault(form, set()).add(tag)
    if pos in ("noun", "dated noun") or rest and pos == "both":  # a phrase names it too: "phone calls"
        for tag, forms in inflections(words[-1], "NOUN").items():
            for form in forms:
                out.setdefault(" ".join([*words[:-1], form]), set()).add(tag)
    written = " ".join(words)
    if written not in out:
        known = set(word_tags(head))
        if pos == "verb":
            known &= VERB_TAGS
        elif pos in ("noun", "dated noun"):
            known = {"NNS" if written.endswith("s") else "NN"}
        out[written] = known or {"?"}
    return {k: with_participle(v) for k, v in out.items()}
