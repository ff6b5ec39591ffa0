"""monitor.extract.boilerplate: page furniture, the normal form of text and content hashes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.extract.boilerplate import content_hash, is_furniture, normalise

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"
BOILERPLATE = Path(__file__).resolve().parents[2] / "monitor" / "extract" / "data" / "en" / "boilerplate.yaml"


CASES = yaml.safe_load((FIXTURES / "normalise_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_normalise_cases(case: dict) -> None:
    same = normalise(case["a"]) == normalise(case["b"])
    assert same is case["same"], (normalise(case["a"]), normalise(case["b"]))
    assert (content_hash(case["a"]) == content_hash(case["b"])) is case["same"]


def test_content_hash_is_sha256_of_normalised_text() -> None:
    text = "The bridge reopened.\nShare\n"
    assert content_hash(text) == hashlib.sha256(b"The bridge reopened.").hexdigest()
    assert re.fullmatch(r"[0-9a-f]{64}", content_hash(""))


def test_normalise_keeps_one_line_per_paragraph() -> None:
    assert normalise("First para.\n\n\nSecond   para.\n") == "First para.\nSecond para."


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


def test_boilerplate_examples_match_their_rules() -> None:
    """Every example line in boilerplate.yaml is furniture: a line made only of it normalises to nothing."""
    data = yaml.safe_load(BOILERPLATE.read_text(encoding="utf-8"))
    for rule in data["drop_lines"]:
        for example in rule["examples"]:
            assert normalise(example) == "", (rule["id"], example)
    for rule in data["remove_inline"]:
        for example in rule["examples"]:
            assert normalise(f"Kept words {example} here") == "Kept words here", (rule["id"], example)


def test_bad_boilerplate_rule_names_file_and_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    import monitor.extract.boilerplate as text_module
    from monitor.errors import RuleDataError

    bad = {"drop_lines": [{"id": "broken", "pattern": "(unclosed", "examples": ["x"]}], "remove_inline": []}
    monkeypatch.setattr(text_module, "load_data_file", lambda name: bad)
    text_module._boilerplate.cache_clear()
    try:
        with pytest.raises(RuleDataError, match=r"boilerplate\.yaml: drop_lines rule 'broken': bad pattern"):
            text_module.normalise("x")
        bad["drop_lines"][0] = {"id": "wrong-example", "pattern": "share", "examples": ["tweet"]}
        text_module._boilerplate.cache_clear()
        with pytest.raises(RuleDataError, match="example 'tweet' does not match"):
            text_module.normalise("x")
    finally:
        monkeypatch.undo()
        text_module._boilerplate.cache_clear()


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("posted on April 21, 2015, at 11:29 a.m.", True),
        ("Last updated: 3 hours ago", True),
        ("Advertisement", True),
        ("The ferry was posted to a new route on April 21.", False),
        # a link to another story set off by "MORE :", not a sentence opening on "More"
        ("MORE : Harbour wall gives way after gales batter the coast", True),
        ("More than 100 ferries were held in port.", False),
    ],
)
def test_is_furniture_knows_a_bylines_stamp_from_a_sentence(line: str, furniture: bool) -> None:
    assert is_furniture(line) is furniture


def test_a_stamp_in_a_layout_tables_cell_is_furniture() -> None:
    # a page laid out in a table gives its cells as "| ... |"; the bars are no words of the line
    assert is_furniture("| Page last updated at 06:29 GMT, Tuesday, 10 March 2009 |")
    assert not is_furniture("| Two cargo ships collided off Japan early on Tuesday, officials said. |")
