"""aliases: the alias table of monitor/extract/data/en/aliases.yaml and `extraction.aliases`."""

from __future__ import annotations

import doctest

import monitor.extract.aliases
from monitor.extract.lexicon import load_lexicon


def test_acronyms_are_keyed_as_written_other_names_in_lower_case() -> None:
    table = load_lexicon().alias_of
    assert table["WHO"] == "World Health Organization"
    assert "who" not in table  # the pronoun is never the organisation
    assert table["world health organisation"] == "World Health Organization"
    assert table["world health organization"] == "World Health Organization"


def test_config_entry_wins_over_the_bundled_one() -> None:
    # A user whose story is about another "AP" (a party, a port) says so in the config.
    assert load_lexicon(extra_aliases={"Alliance Party": ["AP"]}).alias_of["AP"] == "Alliance Party"
    assert load_lexicon().alias_of["AP"] == "Associated Press"


def test_every_bundled_alias_names_one_canonical_name() -> None:
    table = load_lexicon().alias_of
    canonical = set(table.values())
    assert all(name.lower() in table for name in canonical)
    assert len(canonical) >= 10


def test_docstring_examples() -> None:
    result = doctest.testmod(monitor.extract.aliases)
    assert result.attempted > 0 and result.failed == 0
