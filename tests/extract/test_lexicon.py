"""Tests for monitor.lexicon: bundled data load and validate; config.yaml extends kinds and metrics."""

from __future__ import annotations

import pytest

from monitor.errors import ConfigError, RuleDataError
from monitor.extract.kind_words import kind_by_modifier
from monitor.extract.lexicon import load_data_file, load_lexicon, string_list, string_map

DATA_FILES = [
    "abbreviations.yaml",
    "kinds.yaml",
    "metrics.yaml",
    "qualifiers.yaml",
    "numbers.yaml",
    "places.yaml",
    "names.yaml",
    "tense.yaml",
]


@pytest.mark.parametrize("name", DATA_FILES)
def test_bundled_files_start_with_a_format_comment(name: str) -> None:
    from importlib import resources

    text = resources.files("monitor.extract.data.en").joinpath(name).read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert "Format" in text or "format" in text
    assert isinstance(load_data_file(name), dict)


def test_default_is_cached_and_has_the_contract_kinds() -> None:
    lex = load_lexicon()
    assert lex is load_lexicon()
    assert {"departure", "arrival", "call", "meeting", "statement", "delivery"} <= set(lex.kinds)
    assert lex.kind_of("left for") == "departure"
    assert lex.kind_of("SPOKE   WITH") == "call"
    assert lex.kind_of("evacuated") is None


def test_yaml_words_are_not_booleans() -> None:
    lex = load_lexicon()
    assert "no" in lex.not_figure_before or "no." in lex.not_figure_before
    assert "on" in lex.metric_stop_words


def test_country_aliases_are_data() -> None:
    lex = load_lexicon()
    for alias in ("us", "u.s.", "usa", "america", "the united states"):
        assert lex.country_of[alias] == "United States"
    assert lex.country_of["britain"] == "United Kingdom"
    assert lex.demonym_of["russian"] == "Russia"
    assert lex.capital_of["moscow"] == "Russia"


def test_a_demonym_listed_once_names_its_people_in_the_plural_too() -> None:
    lex = load_lexicon()
    assert lex.demonym_of["indonesians"] == "Indonesia"  # places.yaml lists "Indonesian" only
    assert lex.demonym_of["israelis"] == "Israel"
    assert "chineses" not in lex.demonym_of and "frenchs" not in lex.demonym_of


def test_config_adds_a_kind_and_a_metric() -> None:
    lex = load_lexicon(
        extra_kinds={"evacuation": ["evacuate", "evacuated"], "departure": ["sailed for"]},
        extra_metrics={"ventilators": ["ventilator", "ventilators"]},
    )
    assert lex.kind_of("evacuated") == "evacuation"
    assert lex.kind_of("sailed for") == "departure"
    assert lex.kind_of("left for") == "departure"  # extending keeps the bundled words
    assert lex.metric_of["ventilators"] == "ventilators"
    assert lex.metric_re.search("50 ventilators")
    assert load_lexicon() is not lex
    assert load_lexicon().kind_of("evacuated") is None


def test_config_word_wins_over_bundled_kind() -> None:
    lex = load_lexicon(extra_kinds={"landing": ["landed"]})
    assert lex.kind_of("landed") == "landing"


@pytest.mark.parametrize(
    ("kinds", "message"),
    [
        ({"evacuation": "evacuated"}, "extraction.kinds.evacuation"),
        ({"evacuation": []}, "extraction.kinds.evacuation"),
        ({"evacuation": ["ok", ""]}, "extraction.kinds.evacuation[1]"),
        ({"Bad Name!": ["x"]}, "extraction.kinds"),
        (["evacuated"], "extraction.kinds"),
    ],
)
def test_bad_config_extension_names_the_key(kinds: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_lexicon(extra_kinds=kinds)  # type: ignore[arg-type]


def test_validators_name_file_and_entry() -> None:
    with pytest.raises(RuleDataError, match=r"kinds.yaml: kinds.call\[2\]"):
        string_list(["a", "b", 3], "kinds.yaml: kinds.call")
    with pytest.raises(RuleDataError, match="metrics.yaml: metrics"):
        string_map(["not", "a", "map"], "metrics.yaml: metrics")


def test_missing_file_is_rule_data_error() -> None:
    with pytest.raises(RuleDataError, match="nope.yaml"):
        load_data_file("nope.yaml")


def test_cities_of_two_or_more_words_are_places() -> None:
    from importlib import resources

    text = resources.files("monitor.extract.data.en").joinpath("cities.txt").read_text(encoding="utf-8")
    names = [line for line in text.splitlines() if line and not line.startswith("#")]
    # one-word city names are left out: many are common words or surnames ("Mobile", "Reading")
    assert names and all(" " in name for name in names)
    places = load_lexicon().places
    assert {"fort worth", "santa ana", "salt lake city"} <= places and "mobile" not in places


def test_common_given_names_are_known_also_where_they_are_words() -> None:
    given = load_lexicon().given_names
    # names that are also English words are what the table is for; rare ones that are common words are not
    assert {"mark", "grace", "will", "frank", "art"} <= given
    assert not {"star", "moon", "king", "golden", "big", "blue"} & given


def test_a_kind_told_by_a_modifier_must_be_a_kind() -> None:
    table = kind_by_modifier({"strike": {"violence": ["Drone"]}}, ["violence", "protest"])
    assert table["strike"]["drone"] == table["strikes"]["drone"] == "violence"
    with pytest.raises(RuleDataError, match=r"kind_by_modifier.strike: violense is no kind"):
        kind_by_modifier({"strike": {"violense": ["drone"]}}, ["violence", "protest"])
