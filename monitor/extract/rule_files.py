"""Reading the bundled rule files: one parsed file, and the shapes of its entries checked, with a one-line
error that names the file and the entry (RuleDataError); and the regular expressions their phrase lists
become (`spaced_alternatives`, `phrase_regex`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from monitor.errors import RuleDataError
from monitor.yamlfile import read_bundled

DATA_PACKAGE = "monitor.extract.data.en"

NAME_RE = re.compile(r"[a-z][a-z0-9_]*\Z")


def load_data_file(name: str, package: str = DATA_PACKAGE) -> Any:
    """Parse one bundled word-list file (e.g. "abbreviations.yaml"); RuleDataError when missing or invalid."""
    data = read_bundled(package, name, words=True)
    if not isinstance(data, dict):
        raise RuleDataError(f"{name}: expected a mapping at the top level, got {type(data).__name__}")
    return data


def string_list(value: Any, where: str) -> list[str]:
    """Validate a list of non-empty strings (`where` names file and entry for the error)."""
    if not isinstance(value, list):
        raise RuleDataError(f"{where}: expected a list of strings, got {type(value).__name__}")
    out: list[str] = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise RuleDataError(f"{where}[{i}]: expected a non-empty string, got {item!r}")
        out.append(item.strip())
    return out


def string_map(value: Any, where: str) -> dict[str, list[str]]:
    """Validate a mapping name -> list of strings."""
    if not isinstance(value, dict):
        raise RuleDataError(f"{where}: expected a mapping of name -> list of strings")
    out: dict[str, list[str]] = {}
    for key, items in value.items():
        if not isinstance(key, str) or not key.strip():
            raise RuleDataError(f"{where}: key {key!r} is not a non-empty string")
        out[key.strip()] = string_list(items, f"{where}.{key}")
    return out


def lower_list(data: dict[str, Any], key: str, file: str) -> tuple[str, ...]:
    """The list under `key` of a parsed file, lower-cased."""
    return tuple(w.lower() for w in string_list(data.get(key), f"{file}: {key}"))


def spaced_alternatives(phrases: Iterable[str]) -> str:
    """A regex alternation of `phrases`, longest first, any run of spaces between their words ("so far" ->
    `so\\s+far`); one that never matches when there are none."""
    ordered = sorted({str(p) for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered) or "(?!)"


def phrase_regex(phrases: Sequence[str]) -> re.Pattern[str]:
    """One case-insensitive alternation over `phrases`, longest first, on word boundaries."""
    body = spaced_alternatives(p.lower() for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
