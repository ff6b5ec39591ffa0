"""The bundled rule files load, validate, and every rule's example lines come out as written."""

from __future__ import annotations

import pytest

from monitor.errors import RuleDataError
from monitor.extract.timex import tag
from monitor.extract.timex.loader import load
from monitor.extract.timex.normalise import NORMALISERS
from monitor.extract.timex.rules import parse_lexicon, parse_rules

RULES = load("en").rules
EXAMPLES = [pytest.param(rule, ex, id=f"{rule.id}:{ex.span}") for rule in RULES for ex in rule.examples]


def test_every_rule_has_an_example() -> None:
    assert [r.id for r in RULES if not r.examples] == []


def test_rule_ids_are_unique_and_dotted() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all("." in i for i in ids)


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example(rule, example) -> None:
    found = {t.text: t for t in tag(example.text, example.dct)}
    assert example.span in found, f"{rule.id}: {example.span!r} not tagged in {example.text!r}: {list(found)}"
    timex = found[example.span]
    assert timex.value == example.value
    if example.type:
        assert timex.type == example.type


LEXICON = {"month": {"april": "04"}, "number": {"two": 2}}


def test_lexicon_rejects_bad_class_name() -> None:
    with pytest.raises(RuleDataError, match="Month"):
        parse_lexicon({"Month": {"april": "04"}}, "x.yaml")


def test_lexicon_rejects_empty_entry() -> None:
    with pytest.raises(RuleDataError, match="x.yaml: month: bad entry"):
        parse_lexicon({"month": {"april": None}}, "x.yaml")


def test_lexicon_star_marks_capital_only_words() -> None:
    lex = parse_lexicon({"month": {"may": "05*", "june": "06"}})
    assert lex.get("month", "May") == "05"
    assert lex.needs_capital("month", "may")
    assert not lex.needs_capital("month", "june")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"pattern": "x", "norm": "year"}, "needs an `id`"),
        ({"id": "a.b", "pattern": "{nothing}", "norm": "year"}, "unknown pattern or lexicon class"),
        ({"id": "a.b", "pattern": "(", "norm": "year"}, "does not compile"),
        ({"id": "a.b", "pattern": "x", "norm": "no_such"}, "unknown norm"),
        ({"id": "a.b", "pattern": "x", "norm": "year", "type": "DAY"}, "type 'DAY'"),
        ({"id": "a.b", "pattern": "x", "norm": "year", "colour": 1}, "unknown keys"),
        ({"id": "a.b", "pattern": "x", "norm": "year", "examples": [["a", "b"]]}, "must be"),
        (
            {"id": "a.b", "pattern": "x", "norm": "year", "examples": [["abc", "2020-01-01", "z", "1"]]},
            "not in",
        ),
    ],
)
def test_rules_file_errors_name_file_and_rule(entry, message) -> None:
    lex = parse_lexicon(LEXICON)
    with pytest.raises(RuleDataError, match="r.yaml: rule #1") as info:
        parse_rules({"rules": [entry]}, lex, NORMALISERS, "r.yaml")
    assert message in str(info.value)


def test_rules_duplicate_id() -> None:
    lex = parse_lexicon(LEXICON)
    rule = {"id": "a.b", "pattern": "x", "norm": "year"}
    with pytest.raises(RuleDataError, match="rule #2 .*duplicate id"):
        parse_rules({"rules": [rule, dict(rule)]}, lex, NORMALISERS, "r.yaml")


def test_patterns_may_not_refer_to_themselves() -> None:
    lex = parse_lexicon(LEXICON)
    data = {"patterns": {"loop": "a{loop}"}, "rules": [{"id": "a.b", "pattern": "{loop}", "norm": "year"}]}
    with pytest.raises(RuleDataError, match="refers to itself"):
        parse_rules(data, lex, NORMALISERS, "r.yaml")
