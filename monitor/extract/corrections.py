"""Corrections and editors' notes: which sentences a page's new version adds say it was corrected (pure).

The patterns are data (`data/en/corrections.yaml`, each with examples checked on load), extended by the
config's `alerts.corrections`:

    >>> corrections(["The plane landed.", "Correction: An earlier version misstated the date."])
    ('Correction: An earlier version misstated the date.',)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from monitor.errors import RuleDataError
from monitor.yamlfile import read_bundled

__all__ = ["CORRECTIONS_FILE", "MAX_CORRECTIONS", "correction_rules", "corrections"]

CORRECTIONS_FILE = "corrections.yaml"
_PACKAGE = "monitor.extract.data.en"
# A label sentence of this few words ("Correction:", "Editor's note:") says nothing alone: the sentence after
# it is its text.
_BARE_LABEL_WORDS = 3
# Corrections reported per version at most (a page that adds a whole corrections column is one alert each).
MAX_CORRECTIONS = 5


@cache
def correction_rules(extra: tuple[str, ...] = ()) -> tuple[re.Pattern[str], ...]:
    """The bundled rules' patterns and `extra` ones, compiled; RuleDataError names a bad rule or example."""
    data = read_bundled(_PACKAGE, CORRECTIONS_FILE)
    entries = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RuleDataError(f"{CORRECTIONS_FILE}: expected `rules:`, a list of rules")
    compiled: list[re.Pattern[str]] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise RuleDataError(f"{CORRECTIONS_FILE}: rules[{index}]: expected a mapping with an `id`")
        where = f"{CORRECTIONS_FILE}: rule {entry['id']!r}"
        regex = _compile(entry.get("pattern"), where)
        examples = entry.get("examples")
        if not isinstance(examples, list) or not examples:
            raise RuleDataError(f"{where}: give at least one example sentence")
        for example in examples:
            if not isinstance(example, str) or not regex.search(example):
                raise RuleDataError(f"{where}: example {example!r} does not match the pattern")
        compiled.append(regex)
    compiled.extend(_compile(pattern, f"alerts.corrections[{i}]") for i, pattern in enumerate(extra))
    return tuple(compiled)


def _compile(pattern: object, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise RuleDataError(f"{where}: `pattern` must be a non-empty string")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RuleDataError(f"{where}: bad pattern ({exc})") from None


def corrections(added: Sequence[str], extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The corrections among `added` sentences (a version's new ones, in text order), each with its text."""
    rules = correction_rules(extra)
    found: list[str] = []
    skip = -1
    for index, sentence in enumerate(added):
        if index <= skip or not any(rule.search(sentence) for rule in rules):
            continue
        text = sentence.strip()
        if len(text.split()) <= _BARE_LABEL_WORDS and index + 1 < len(added):
            text = f"{text} {added[index + 1].strip()}"
            skip = index + 1
        found.append(text)
        if len(found) == MAX_CORRECTIONS:
            break
    return tuple(found)
