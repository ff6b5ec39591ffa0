"""Corrections and editors' notes among a version's new sentences (monitor/extract/corrections.py)."""

from __future__ import annotations

import pytest

from monitor.errors import RuleDataError
from monitor.extract.corrections import MAX_CORRECTIONS, correction_rules, corrections
from monitor.yamlfile import read_bundled

RULES = read_bundled("monitor.extract.data.en", "corrections.yaml")["rules"]


@pytest.mark.parametrize("example", [e for rule in RULES for e in rule["examples"]])
def test_every_rule_example_is_a_correction(example: str) -> None:
    assert corrections([example]) == (example,)


@pytest.mark.parametrize("sentence", [
    "The council will correct the flood maps next year, the mayor said.",
    "Officials said an earlier version of the plan was rejected in March.",
    "The editor of the local paper said the note was found on Monday.",
    "Corrections officers escorted the prisoners to the court on Tuesday.",
])
def test_ordinary_sentences_are_not_corrections(sentence: str) -> None:
    assert corrections([sentence]) == ()


def test_a_bare_label_takes_the_next_sentence_as_its_text() -> None:
    added = ["The plane landed on Wednesday.", "Correction:", "The plane carried 60 tonnes, not 16.",
             "Officials welcomed it."]
    assert corrections(added) == ("Correction: The plane carried 60 tonnes, not 16.",)


def test_at_most_a_few_per_version() -> None:
    added = [f"Correction: item {n} was misdated." for n in range(MAX_CORRECTIONS + 3)]
    assert len(corrections(added)) == MAX_CORRECTIONS


def test_the_config_adds_patterns_and_a_bad_one_names_itself() -> None:
    assert corrections(["Rectificación: la cifra era 60."], ("^rectificaci[oó]n:",)) == (
        "Rectificación: la cifra era 60.",)
    with pytest.raises(RuleDataError, match=r"alerts.corrections\[0\]"):
        correction_rules(("(",))
