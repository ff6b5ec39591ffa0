"""Page furniture that is not content (boilerplate.yaml): the normal form of a page's text that decides
whether it changed, and the test of one line or sentence (a byline's timestamp, share buttons, an advert
label) that the event stage skips too."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from monitor.errors import RuleDataError
from monitor.extract.lexicon import load_data_file

__all__ = ["content_hash", "is_furniture", "normalise"]

BOILERPLATE_FILE = "boilerplate.yaml"


@dataclass(frozen=True)
class _LineRule:
    id: str
    regex: re.Pattern[str]
    max_length: int | None


@dataclass(frozen=True)
class _Boilerplate:
    drop_lines: tuple[_LineRule, ...]
    remove_inline: tuple[_LineRule, ...]
    translate: dict[int, str]


# Left dangling at either end of a byline once a timestamp is cut out: "By AFP | updated 5 minutes ago".
_SEPARATORS = " |·•,;-"

_REF_RE = re.compile(r"\{\{(\w+)\}\}")


@cache
def _boilerplate() -> _Boilerplate:
    """Load and validate boilerplate.yaml once; RuleDataError names the file and the rule."""
    data = load_data_file(BOILERPLATE_FILE)
    shared = data.get("patterns") or {}
    if not isinstance(shared, dict) or not all(isinstance(v, str) for v in shared.values()):
        raise RuleDataError(f"{BOILERPLATE_FILE}: patterns: expected a mapping of name -> regex string")

    def expand(pattern: str, where: str) -> str:
        def sub(m: re.Match[str]) -> str:
            if m.group(1) not in shared:
                raise RuleDataError(f"{where}: unknown shared pattern {{{{{m.group(1)}}}}}")
            return f"(?:{shared[m.group(1)]})"

        return _REF_RE.sub(sub, pattern)

    def rules(section: str, check: Callable[[re.Pattern[str], str], Any]) -> tuple[_LineRule, ...]:
        entries = data.get(section)
        if not isinstance(entries, list):
            raise RuleDataError(f"{BOILERPLATE_FILE}: {section}: expected a list of rules")
        out = []
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            where = f"{BOILERPLATE_FILE}: {section}[{i}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise RuleDataError(f"{where}: expected a mapping with an `id`")
            where = f"{BOILERPLATE_FILE}: {section} rule {entry['id']!r}"
            if entry["id"] in seen:
                raise RuleDataError(f"{where}: duplicate id")
            seen.add(entry["id"])
            pattern, max_length = entry.get("pattern"), entry.get("max_length")
            if not isinstance(pattern, str) or not pattern:
                raise RuleDataError(f"{where}: `pattern` must be a non-empty string")
            if max_length is not None and (not isinstance(max_length, int) or max_length <= 0):
                raise RuleDataError(f"{where}: `max_length` must be a positive integer")
            try:
                regex = re.compile(expand(pattern, where), re.IGNORECASE)
            except re.error as exc:
                raise RuleDataError(f"{where}: bad pattern ({exc})") from None
            examples = entry.get("examples")
            if not isinstance(examples, list) or not examples:
                raise RuleDataError(f"{where}: give at least one example line")
            for example in examples:
                if not isinstance(example, str) or not check(regex, example):
                    raise RuleDataError(f"{where}: example {example!r} does not match the pattern")
            out.append(_LineRule(entry["id"], regex, max_length))
        return tuple(out)

    translate: dict[int, str] = {}
    for i, entry in enumerate(data.get("replacements") or []):
        src, dst = (entry.get("from"), entry.get("to")) if isinstance(entry, dict) else (None, None)
        if not isinstance(src, str) or len(src) != 1 or not isinstance(dst, str):
            where = f"{BOILERPLATE_FILE}: replacements[{i}]"
            raise RuleDataError(f"{where}: expected {{from: <one character>, to: <string>}}")
        translate[ord(src)] = dst
    return _Boilerplate(
        drop_lines=rules("drop_lines", lambda rx, s: rx.fullmatch(" ".join(s.split()))),
        remove_inline=rules("remove_inline", lambda rx, s: rx.search(s)),
        translate=translate,
    )


def _is_furniture(line: str, rules: tuple[_LineRule, ...]) -> bool:
    # a page laid out in a table gives its cells as "| ... |" (text.py): the bars are no words of the line
    line = line.strip("| ") if line.startswith("|") else line
    return any(
        (rule.max_length is None or len(line) <= rule.max_length) and rule.regex.fullmatch(line)
        for rule in rules
    )


def is_furniture(text: str) -> bool:
    """Whether a line (or a sentence that is all of its line) is page furniture by a `drop_lines` rule
    ("posted on April 21, 2015, at 11:29 a.m.", "Advertisement")."""
    return _is_furniture(" ".join(text.split()), _boilerplate().drop_lines)


def normalise(text: str) -> str:
    """The form of `text` that decides whether content changed: one line per non-empty line of the input.

    NFKC, typographic quotes and dashes folded (boilerplate.yaml `replacements`), whitespace collapsed, page
    furniture lines dropped (`drop_lines`) and volatile fragments cut (`remove_inline`). Case, wording and
    numbers are kept: those are changes. Re-wrapping a paragraph over different lines is a change.
    """
    rules = _boilerplate()
    text = unicodedata.normalize("NFKC", text).translate(rules.translate)
    out: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line or _is_furniture(line, rules.drop_lines):
            continue
        for rule in rules.remove_inline:
            line = rule.regex.sub(" ", line)
        line = " ".join(line.split()).strip(_SEPARATORS)
        # What remains of a byline after its timestamp is cut may itself be furniture ("Updated").
        if line and not _is_furniture(line, rules.drop_lines):
            out.append(line)
    return "\n".join(out)


def content_hash(text: str) -> str:
    """SHA-256 (hex) of normalise(text): equal hashes mean no change worth reporting."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
