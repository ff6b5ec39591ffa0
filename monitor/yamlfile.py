"""The one YAML reader: the config file and the bundled rule and lexicon data all parse through here.

Safe loading only, through libyaml when PyYAML was built with it (a config of thousands of sources loads ~10x
faster). Word lists ask for `words=True`: there nothing is read as a boolean, so "on", "no" and "yes" stay
words. A leaf module, like errors: every layer may use it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from monitor.errors import RuleDataError

__all__ = ["parse_yaml", "read_bundled"]

_SAFE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _WordsLoader(_SAFE):  # type: ignore[valid-type,misc]
    """The safe loader without booleans."""


class _PyWordsLoader(yaml.SafeLoader):
    """The same in pure Python, for its error messages."""


_WORD_RESOLVERS = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordsLoader.yaml_implicit_resolvers = _WORD_RESOLVERS
_PyWordsLoader.yaml_implicit_resolvers = _WORD_RESOLVERS


def parse_yaml(raw: str | bytes, *, words: bool = False) -> Any:
    """Parse a YAML document safely; raises yaml.YAMLError for invalid YAML.

    A document libyaml refuses is read again by the pure-Python loader, so that the error message (and its
    line) is the one users of PyYAML know."""
    try:
        return yaml.load(raw, Loader=_WordsLoader if words else _SAFE)  # noqa: S506 - both are safe loaders
    except yaml.YAMLError:
        if _SAFE is yaml.SafeLoader:
            raise
    return yaml.load(raw, Loader=_PyWordsLoader if words else yaml.SafeLoader)  # noqa: S506


@cache
def read_bundled(package: str, name: str, *, words: bool = False) -> Any:
    """Parse one YAML file shipped in `package`; RuleDataError names it when it is missing or invalid."""
    try:
        raw = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise RuleDataError(f"{name}: cannot read bundled data file ({exc})") from None
    try:
        return parse_yaml(raw, words=words)
    except yaml.YAMLError as exc:
        raise RuleDataError(f"{name}: not valid YAML ({exc})") from None
