"""Parse and validate the lexicon and rule files of a language and compile the scanner.

`lexicon.yaml` maps class -> surface word -> value. `rules.yaml` holds shared `patterns` and an ordered
list of `rules`; a pattern inserts a lexicon class or a shared pattern as `{name}`. All rules are
compiled into one alternation (rule order = priority at a given position), each rule's groups
renamed `r<index>_<name>` so that one scan finds every rule.

The normalisers a rule may name are passed in (`parse_rules(..., normalisers)`), so this module does
not import monitor.extract.timex.normalise, which builds on the vocabulary defined here;
monitor.extract.timex.loader puts the two together.
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from monitor.errors import RuleDataError
from monitor.extract.timex.first_chars import first_characters

TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_GROUP = re.compile(r"\(\?P<([a-z_][a-z0-9_]*)>")
_CAPITAL_MARK = "*"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML was built with it


def normalise_key(surface: str) -> str:
    """Lexicon key of a surface string: lower case, single spaces, straight apostrophes, no final dot."""
    return " ".join(surface.lower().replace("\u2019", "'").split()).rstrip(".")


@dataclass(frozen=True, slots=True)
class TimexVocabulary:
    """The words of temporal expressions (lexicon.yaml): class -> normalised surface -> value;
    `capital` holds (class, surface) pairs that are temporal only when capitalised ("May")."""

    classes: Mapping[str, Mapping[str, str]]
    capital: frozenset[tuple[str, str]] = frozenset()

    def get(self, cls: str, surface: str | None) -> str | None:
        """The value of `surface` in class `cls`, or None."""
        if surface is None:
            return None
        return self.classes.get(cls, {}).get(normalise_key(surface))

    def words(self, cls: str) -> Mapping[str, str]:
        """All entries of a class."""
        return self.classes.get(cls, {})

    def needs_capital(self, cls: str, surface: str) -> bool:
        """Whether `surface` counts in `cls` only when written with a capital letter."""
        return (cls, normalise_key(surface)) in self.capital


@dataclass(frozen=True, slots=True)
class Example:
    """One example line of a rule: in `text` written at `dct`, the tagger finds `span` with `value`."""

    text: str
    dct: str
    span: str
    value: str
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern family: a regex (already expanded), the normaliser that values it, and examples."""

    id: str
    index: int
    pattern: str
    norm: str
    type: str
    params: Mapping[str, Any] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()
    groups: tuple[str, ...] = ()

    @property
    def regex(self) -> re.Pattern[str]:
        """This rule alone, compiled (used when a higher-priority rule's match is rejected)."""
        return _compile_single(self.pattern)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Everything the tagger needs for one language.

    `anchors` are the words of which every expression contains at least one (month and weekday
    names, units, "now"...); the tagger runs the scanner only around them, which keeps it fast.
    """

    lexicon: TimexVocabulary
    rules: tuple[Rule, ...]
    scanner: re.Pattern[str]
    anchors: re.Pattern[str] | None = None  # on lower-cased text
    starters: frozenset[str] = frozenset()
    # Per rule, the ASCII characters its match can begin with (None: any); scanners per character, built
    # on first use.
    firsts: tuple[frozenset[str] | None, ...] = ()
    _scanners: dict[str, re.Pattern[str] | None] = field(default_factory=dict, compare=False, repr=False)
    _pairs: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def may_begin(self, rule: Rule, char: str) -> bool:
        """Whether `rule` can match from a position holding `char`."""
        first = self.firsts[rule.index] if rule.index < len(self.firsts) else None
        return first is None or not char.isascii() or char in first

    def scanner_at(self, char: str) -> re.Pattern[str] | None:
        """The combined scanner of the rules that can begin with `char` (same order, same groups as
        `scanner`); None when no rule can."""
        if not char.isascii() or not self.firsts:
            return self.scanner
        if char not in self._scanners:
            rules = [r for r in self.rules if self.may_begin(r, char)]
            self._scanners[char] = _combined(rules) if rules else None
        return self._scanners[char]

    def lowered_scanners_at(self, char: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """The rules that can begin with `char` as two scanners: one for the lower-cased text, matching
        case-sensitively (twice as fast as a case-insensitive scan), and one for the text as written, of the
        few rules whose case matters (`case_bound`); the match of the lower rule index wins."""
        if char not in self._pairs:
            rules = [r for r in self.rules if not self.firsts or self.may_begin(r, char)]
            bound = [r for r in rules if case_bound(r.pattern)]
            free = [dataclasses.replace(r, pattern=lowered(r.pattern)) for r in rules if r not in bound]
            self._pairs[char] = (
                _combined(free, re.NOFLAG) if free else None,
                _combined(bound) if bound else None,
            )
        return self._pairs[char]

    def build_scanners(self) -> None:
        """Compile now every scanner pair the tagger may ask for (~1 s), not on first use: done before a
        fork, the processes share them instead of each compiling its own. (The tagger tries only at anchor
        and starter words, which begin with a letter or digit, and at the apostrophe of "'80s".)"""
        for char in string.ascii_lowercase + string.digits + "'\u2019":
            self.lowered_scanners_at(char)


# Escapes `lowered` cannot carry over (a character code may name a capital letter) and a case-sensitive
# group: a rule with one is matched on the text as written.
_CASE_BOUND_RE = re.compile(r"\\[xuUN0-7]|\(\?-i")
# What `lowered` keeps as written: escapes ("\\S" is no "\\s") and group names.
_VERBATIM_RE = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", re.S)


def case_bound(pattern: str) -> bool:
    """Whether a rule's pattern must match the text as written (see `lowered`)."""
    return _CASE_BOUND_RE.search(pattern) is not None


def lowered(pattern: str) -> str:
    """`pattern` with its letters lower-cased but for escapes and group names: matched case-sensitively on
    `text.lower()`, it finds what `pattern` finds case-insensitively on `text` (a `case_bound` pattern
    excepted)."""
    out: list[str] = []
    pos = 0
    for m in _VERBATIM_RE.finditer(pattern):
        out += (pattern[pos : m.start()].lower(), m.group())
        pos = m.end()
    out.append(pattern[pos:].lower())
    return "".join(out)


@cache
def _compile_single(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def parse_lexicon(data: Any, where: str = "lexicon.yaml") -> TimexVocabulary:
    """Validate and index a lexicon mapping; raise RuleDataError naming the file and entry."""
    if not isinstance(data, dict):
        raise RuleDataError(f"{where}: expected a mapping of class -> {{word: value}}")
    classes: dict[str, dict[str, str]] = {}
    capital: set[tuple[str, str]] = set()
    for cls, entries in data.items():
        if not isinstance(cls, str) or not re.fullmatch(r"[a-z_]+", cls):
            raise RuleDataError(f"{where}: class name {cls!r} must be lower-case letters and _")
        if not isinstance(entries, dict) or not entries:
            raise RuleDataError(f"{where}: {cls}: expected a non-empty mapping of word -> value")
        table: dict[str, str] = {}
        for word, value in entries.items():
            if not isinstance(word, str) or not word.strip() or value is None:
                raise RuleDataError(f"{where}: {cls}: bad entry {word!r}: {value!r}")
            key = normalise_key(word)
            text_value = str(value)
            if text_value.endswith(_CAPITAL_MARK):
                text_value = text_value[: -len(_CAPITAL_MARK)]
                capital.add((cls, key))
            table[key] = text_value
        classes[cls] = table
    return TimexVocabulary(classes, frozenset(capital))


def alternation(words: Mapping[str, str] | list[str]) -> str:
    """A non-capturing regex alternation of words, longest first; spaces match any whitespace."""
    parts = []
    for word in sorted(words, key=lambda w: (-len(w), w)):
        parts.append(re.escape(word).replace(r"\ ", r"\s+").replace("'", "['\u2019]"))
    return "(?:" + "|".join(parts) + ")"


def trie_pattern(words: set[str] | frozenset[str]) -> str:
    """A regex matching exactly `words`, factored by common prefixes (fast for the regex engine)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return emit(trie)


def _expand(
    template: str,
    lexicon: TimexVocabulary,
    patterns: Mapping[str, str],
    where: str,
    seen: tuple[str, ...] = (),
) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in seen:
            raise RuleDataError(f"{where}: pattern {name!r} refers to itself")
        if name in patterns:
            return "(?:" + _expand(patterns[name], lexicon, patterns, where, (*seen, name)) + ")"
        if name in lexicon.classes:
            return alternation(lexicon.classes[name])
        raise RuleDataError(f"{where}: unknown pattern or lexicon class {{{name}}}")

    return _PLACEHOLDER.sub(sub, template)


def parse_rules(
    data: Any,
    lexicon: TimexVocabulary,
    normalisers: Mapping[str, Callable[..., Any]],
    where: str = "rules.yaml",
) -> RuleSet:
    """Validate the rules file, expand its patterns and compile the combined scanner."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleDataError(f"{where}: expected a mapping with a `rules` list (and optional `patterns`)")
    patterns = data.get("patterns") or {}
    if not isinstance(patterns, dict) or not all(isinstance(v, str) for v in patterns.values()):
        raise RuleDataError(f"{where}: `patterns` must map names to regex strings")
    rules: list[Rule] = []
    seen_ids: set[str] = set()
    for index, entry in enumerate(data["rules"]):
        rid = entry.get("id") if isinstance(entry, dict) else None
        label = f"{where}: rule #{index + 1} ({rid or 'no id'})"
        if not isinstance(entry, dict) or not isinstance(rid, str) or not rid:
            raise RuleDataError(f"{label}: every rule needs an `id`")
        if rid in seen_ids:
            raise RuleDataError(f"{label}: duplicate id")
        seen_ids.add(rid)
        unknown = set(entry) - {"id", "pattern", "norm", "type", "params", "examples"}
        if unknown:
            raise RuleDataError(f"{label}: unknown keys {sorted(unknown)}")
        template, norm, rtype = entry.get("pattern"), entry.get("norm"), entry.get("type", "DATE")
        if not isinstance(template, str) or not template:
            raise RuleDataError(f"{label}: `pattern` must be a non-empty string")
        if not isinstance(norm, str) or norm not in normalisers:
            raise RuleDataError(f"{label}: unknown norm {norm!r} (known: {', '.join(sorted(normalisers))})")
        if rtype not in TYPES:
            raise RuleDataError(f"{label}: type {rtype!r} is not one of {sorted(TYPES)}")
        params = entry.get("params") or {}
        if not isinstance(params, dict):
            raise RuleDataError(f"{label}: `params` must be a mapping")
        pattern = r"(?<![\w'])(?:" + _expand(template, lexicon, patterns, label) + r")(?![\w])"
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise RuleDataError(f"{label}: pattern does not compile: {exc}") from None
        rules.append(
            Rule(
                id=rid,
                index=index,
                pattern=pattern,
                norm=norm,
                type=rtype,
                params=params,
                examples=_parse_examples(entry.get("examples") or [], label),
                groups=tuple(dict.fromkeys(_GROUP.findall(pattern))),
            )
        )
    scanner = _combined(rules)
    anchors, starters = _anchor_words(lexicon, data.get("anchors"), where)
    anchor_re = None
    if anchors:
        anchor_re = re.compile(
            r"(?<![a-z0-9])(?:"
            + trie_pattern(anchors)
            # "6am", "10:30pm": a clock time written without a space before its am/pm
            + r"|(?:1[6-9]|20)[0-9]{2}|[0-9]*0s|[0-9]{1,2}(?:[:.][0-9]{2})?[ap]m)(?![a-z0-9])"
        )
    firsts = tuple(first_characters(r.pattern) for r in rules)
    return RuleSet(lexicon, tuple(rules), scanner, anchor_re, starters | anchors, firsts)


def _combined(rules: list[Rule], flags: re.RegexFlag = re.IGNORECASE) -> re.Pattern[str]:
    """One scanner for `rules`: each rule is group R<index>, its own groups r<index>_<name>."""
    # the shared word-start test up front lets the scanner skip most positions without trying each rule
    alternatives = "|".join(_renamed(r) for r in rules)
    return re.compile(r"(?<![\w'])(?=[\w'])(?:" + alternatives + ")", flags)


_ANCHOR_TOKEN = re.compile(r"[a-z]+|[0-9]+[a-z]*")


def _anchor_words(
    lexicon: TimexVocabulary, spec: Any, where: str
) -> tuple[frozenset[str], frozenset[str]]:
    """The words around which the tagger looks: every token of the lexicon classes named in the rules
    file's `anchors` (but its `stopwords`), plus its `words`; every entry must keep one. Also the
    words an expression may start with: first tokens of the `starter_classes`, plus `starters`."""
    if spec is None:
        return frozenset(), frozenset()
    if not isinstance(spec, dict) or not isinstance(spec.get("classes"), list):
        raise RuleDataError(f"{where}: `anchors` must map `classes` (and `words`, `stopwords`...) to lists")
    stop = {str(w).lower() for w in spec.get("stopwords") or []}
    words = {str(w).lower() for w in spec.get("words") or []}
    for cls in spec["classes"]:
        if cls not in lexicon.classes:
            raise RuleDataError(f"{where}: anchors: unknown lexicon class {cls!r}")
        for entry in lexicon.classes[cls]:
            tokens = [t for t in _ANCHOR_TOKEN.findall(entry) if t not in stop]
            if not tokens:
                raise RuleDataError(f"{where}: anchors: {cls} entry {entry!r} has only stopwords")
            words.update(tokens)
    starters = {str(w).lower() for w in spec.get("starters") or []}
    for cls in spec.get("starter_classes") or []:
        if cls not in lexicon.classes:
            raise RuleDataError(f"{where}: anchors: unknown lexicon class {cls!r}")
        starters.update(_ANCHOR_TOKEN.findall(entry)[0] for entry in lexicon.classes[cls])
    return frozenset(words), frozenset(starters)


def _renamed(rule: Rule) -> str:
    prefix = f"(?P<r{rule.index}_"
    inner = _GROUP.sub(lambda m: prefix + m.group(1) + ">", rule.pattern)
    return f"(?P<R{rule.index}>{inner})"


def _parse_examples(raw: Any, label: str) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise RuleDataError(f"{label}: `examples` must be a list")
    out = []
    for item in raw:
        if not (isinstance(item, list) and len(item) in (4, 5) and all(isinstance(x, str) for x in item)):
            raise RuleDataError(f"{label}: example {item!r} must be [text, dct, span, value(, type)]")
        if item[2] not in item[0]:
            raise RuleDataError(f"{label}: example span {item[2]!r} is not in its text {item[0]!r}")
        out.append(Example(*item))
    return tuple(out)
