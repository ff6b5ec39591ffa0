"""linking: one canonical form of a name among the names seen so far (monitor.extract.items.linking).

The cases are in tests/fixtures/names/linking.yaml (`link_name`): titles dropped, surnames and honorifics
linked to the full name, acronyms to their long names and back, the alias table, pronouns refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.cli import cli
from monitor.errors import ConfigError
from monitor.extract.items.linking import NameLinker, initials, is_acronym, link_name
from monitor.extract.lexicon import load_lexicon

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "fixtures" / "names" / "linking.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES["link_name"], ids=lambda c: f"{c['name']!r}")
def test_link_name(case: dict[str, Any]) -> None:
    assert link_name(case["name"], case["seen"]) == case["want"]


def test_first_person_of_a_surname_wins() -> None:
    # Two people of one surname: a bare surname is the first one named, as a reader takes it.
    assert link_name("Berg", ["Tomas Berg", "Ilse Berg"]) == "Tomas Berg"
    assert link_name("Ilse Berg", ["Tomas Berg", "Ilse Berg"]) == "Ilse Berg"


def test_full_name_is_never_shortened() -> None:
    # A story that saw the surname first keeps the full name when it comes; it may then re-link the surname.
    assert link_name("Anna Lindqvist", ["Lindqvist"]) == "Anna Lindqvist"
    assert link_name("Lindqvist", ["Lindqvist", "Anna Lindqvist"]) == "Lindqvist"


def test_document_aliases_win_over_initials() -> None:
    # A document that defined "Coastal Rescue Service (KRV)" links the long name to the acronym.
    assert link_name("Coastal Rescue Service", [], aliases={"Coastal Rescue Service": "KRV"}) == "KRV"


def test_linker_indexes_once_and_links_many() -> None:
    linker = NameLinker(load_lexicon(), ["Anna Lindqvist", "Northland Flood Agency"])
    assert [linker.link(n) for n in ("Lindqvist", "NFA", "Solberg")] == [
        "Anna Lindqvist", "Northland Flood Agency", "Solberg"]
    linker.add("Erik Solberg")
    assert linker.link("Solberg") == "Erik Solberg"


def test_acronym_shapes() -> None:
    lex = load_lexicon()
    assert initials("Bank of Northland", lex) == "BN"
    assert initials("Food and Drug Administration", lex) == "FDA"
    assert [is_acronym(w) for w in ("NFA", "G7", "U.N.", "Who", "A", "1999")] == [
        True, True, True, False, False, False]


def test_config_aliases_extend_the_table() -> None:
    lex = load_lexicon(extra_aliases={"Northland Rail": ["NRX", "Northland Railways"]})
    assert link_name("NRX", [], lex) == "Northland Rail"
    assert link_name("northland railways", [], lex) == "Northland Rail"
    assert link_name("nrx", [], lex) == "nrx"  # an acronym matches only in capitals
    assert link_name("NRX", []) == "NRX"  # the bundled lexicon alone does not know it


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        ({"Northland Rail": []}, "extraction.aliases.Northland Rail"),
        ({"Northland Rail": "NRX"}, "extraction.aliases.Northland Rail"),
        ({"Northland Rail": ["NRX", ""]}, "extraction.aliases.Northland Rail[1]"),
        ({"": ["NRX"]}, "extraction.aliases"),
    ],
)
def test_bad_config_aliases_name_the_entry(aliases: Any, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_lexicon(extra_aliases=aliases)


def test_config_aliases_reach_monitor_extract(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        yaml.safe_dump({"extraction": {"aliases": {"Northland Rail": ["NRX"]}}}), encoding="utf-8"
    )
    page = tmp_path / "story.txt"
    page.write_text("Trains stopped across the north.\n\nNRX said on Monday that two lines had reopened.\n")
    argv = ["extract", str(page), "--published", "2024-05-08"]
    with_config = CliRunner().invoke(cli, ["--config", str(config), *argv])
    assert with_config.exit_code == 0, with_config.output
    assert '"Northland Rail"' in with_config.output
    config.write_text(yaml.safe_dump({"extraction": {"aliases": {"Northland Rail": []}}}), encoding="utf-8")
    bad = CliRunner().invoke(cli, ["--config", str(config), *argv])
    assert bad.exit_code == 2 and "extraction.aliases.Northland Rail" in bad.output


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.lists(st.text(max_size=30), max_size=4))
def test_link_name_is_total_and_stable(name: str, seen: list[str]) -> None:
    """Any string links without an error, and a canonical form links to itself."""
    linked = link_name(name, seen)
    if linked is not None:
        assert link_name(linked, seen) == linked
