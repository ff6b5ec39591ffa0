"""The rule set of a language, loaded once per process: lexicon.yaml and rules.yaml from
monitor/extract/timex/data/<lang>/, validated against the normalisers their rules name.

This is the one module that needs both the rule parser (rules) and the normalisers (normalise); keeping the
join here lets normalise build on rules without rules importing normalise back.
"""

from __future__ import annotations

from functools import cache

from monitor.extract.timex.normalise import NORMALISERS
from monitor.extract.timex.rules import RuleSet, parse_lexicon, parse_rules
from monitor.yamlfile import read_bundled


@cache
def load(lang: str = "en") -> RuleSet:
    """The compiled rule set of a language, loaded once per process."""
    package = f"monitor.extract.timex.data.{lang}"
    lexicon = parse_lexicon(read_bundled(package, "lexicon.yaml"), f"{lang}/lexicon.yaml")
    return parse_rules(read_bundled(package, "rules.yaml"), lexicon, NORMALISERS, f"{lang}/rules.yaml")
