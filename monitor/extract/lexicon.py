"""Lexicon data for the event and figure extractors: YAML in monitor/extract/data/en/ plus config extensions.

Every file starts with a comment giving its format; a malformed file raises RuleDataError naming the file
and the entry. The bundled data are read once (cached); `load_lexicon()` merges the config's
`extraction.kinds` and `extraction.metrics` on top.

    >>> lex = load_lexicon(extra_kinds={"evacuation": ["evacuated"]})
    >>> lex.kind_of("evacuated")
    'evacuation'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from monitor.errors import RuleDataError
from monitor.extract.aliases import alias_table, check_aliases
from monitor.extract.kind_words import kinds_fields
from monitor.extract.rule_files import (
    DATA_PACKAGE,
    NAME_RE,
    load_data_file,
    lower_list,
    phrase_regex,
    spaced_alternatives,
    string_list,
    string_map,
)
from monitor.extract.tense_words import tense_fields
from monitor.extract.wordforms import norm_phrase

# The rule-file readers are part of this module's interface: the extractors read their own files with them.
__all__ = ["Lexicon", "abbreviations", "load_data_file", "load_lexicon", "spaced_alternatives", "string_list",
           "string_map"]


@cache
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Return (never_final, maybe_final) abbreviation sets for the sentence splitter."""
    data = load_data_file("abbreviations.yaml")
    never = string_list(data.get("never_final"), "abbreviations.yaml: never_final")
    maybe = string_list(data.get("maybe_final"), "abbreviations.yaml: maybe_final")
    return frozenset(w.lower() for w in never), frozenset(w.lower() for w in maybe)


@dataclass(
    frozen=True, eq=False
)  # eq=False: hashed by identity, so derived patterns can be cached per lexicon
class Lexicon:
    """Everything the event and figure extractors look up; built by `load_lexicon`."""

    kinds: Mapping[str, tuple[str, ...]]
    trigger_kind: Mapping[str, str]  # every form of every trigger (lower, single spaces) -> kind
    trigger_base: Mapping[str, str]  # every form of a kinds.yaml trigger -> the form listed ("says" -> "say")
    # The kind of a form used as a noun, where a noun list gives it another kind than its verb ("contract").
    noun_kind: Mapping[str, str]
    trigger_tags: Mapping[str, frozenset[str]]  # trigger form -> Penn tags it can have (VBD, VBN, NN...)
    trigger_first: Mapping[str, tuple[tuple[str, ...], ...]]  # first word -> forms as words, longest first
    dated_nouns: frozenset[str]  # forms that are a trigger only right after a date ("the March 20 call")
    other_sense_after: Mapping[str, frozenset[str]]
    kind_by_object: Mapping[str, Mapping[str, str]]  # kind -> object word -> the kind it then tells
    kind_by_subject: Mapping[str, Mapping[str, str]]  # kind -> subject's noun -> the kind its verb then tells
    passive_phrases: frozenset[str]  # "case ... dropped": a "verb ... object" phrase in the passive
    said_only_before: frozenset[str]  # every form of kinds.yaml said_only_before ("added")
    casualty_verbs: frozenset[str]  # verbs of the wounded, one happening with a death of their sentence's day
    toll_participles: frozenset[str]  # ", killing four Iraqis": a toll told as what happened
    said_when_quoting: frozenset[str]  # every form of kinds.yaml said_when_quoting ("charged")
    denying_verbs: frozenset[str]  # every form of kinds.yaml denying_verbs ("denied")
    kind_by_modifier: Mapping[str, Mapping[str, str]]  # trigger form -> modifier before it -> its kind
    setting_prepositions: frozenset[str]  # after a reporting verb, they open where it was said
    metrics: Mapping[str, tuple[str, ...]]
    metric_of: Mapping[str, str]
    metric_re: re.Pattern[str]
    kept_modifiers: frozenset[str]
    route_prepositions: frozenset[str]
    carrier_verbs: frozenset[str]
    people_nouns: frozenset[str]
    generic_people: frozenset[str]
    people_by_state: frozenset[str]
    people_states: Mapping[str, str]
    before_number: Mapping[str, str]
    before_number_re: re.Pattern[str]
    metric_stop_words: frozenset[str]
    qualifier_of: Mapping[str, str]
    qualifier_re: re.Pattern[str]
    qualifier_after: Mapping[str, str]
    qualifier_after_re: re.Pattern[str]
    crossed_levels: frozenset[str]
    number_words: Mapping[str, int]
    scales: Mapping[str, int]
    suffixes: Mapping[str, int]
    fractions: Mapping[str, float]
    units_before: Mapping[str, str]
    unit_of: Mapping[str, str]
    unit_fractions: Mapping[str, float]
    unit_re: re.Pattern[str]
    glued_units: tuple[str, ...]  # unit words written straight after the digits ("2.15kg", "60fps")
    not_figure_after: tuple[str, ...]
    not_figure_idioms_re: re.Pattern[str]
    not_figure_before: frozenset[str]
    not_figure_metrics: frozenset[str]
    weather_words: frozenset[str]  # numbers.yaml temperature_words: a sentence about temperatures
    country_of: Mapping[str, str]  # alias or canonical name (lower) -> canonical country
    demonym_of: Mapping[str, str]
    capital_of: Mapping[str, str]  # capital (lower) -> country
    institution_of: Mapping[str, str]  # institution (lower) -> country ("kremlin" -> Russia)
    places: frozenset[str]
    feature_nouns: frozenset[str]
    compass_words: frozenset[str]  # places.yaml: "northern" in "the northern province of Balkh"
    titles: frozenset[str]
    given_names: frozenset[str]  # given_names.txt: common given names, also those that are words ("mark")
    max_title_words: int
    organisation_cues: frozenset[str]
    document_words: frozenset[str]  # names.yaml: "Data Retention Bill" names a document, not who acts
    organisation_endings: frozenset[str]  # names.yaml: "Dick Clark Productions" is no person
    person_pronouns: frozenset[str]
    person_possessives: frozenset[str]
    pronoun_genders: Mapping[str, str]  # names.yaml genders: "she" -> "female"
    gender_of: Mapping[str, str]  # the same with the gendered titles: "ms." -> "female"
    object_pronouns: frozenset[str]
    pronouns: frozenset[str]  # every pronoun: never a name
    alias_of: Mapping[str, str]  # aliases.yaml + `extraction.aliases`: acronym as written, else lower -> name
    thing_pronouns: frozenset[str]
    thing_pronoun_reach: int
    person_nouns: frozenset[str]
    member_nouns: frozenset[str]
    aside_prepositions: frozenset[str]
    modifier_tails: frozenset[str]
    role_endings: tuple[str, ...]
    party_initials: frozenset[str]  # as written: "D", "R", "I"
    bare_organisation_words: frozenset[str]  # names.yaml: "office", "court": alone, no one's name
    name_suffixes: frozenset[str]
    numbered_nouns: frozenset[str]  # names.yaml: "flight" of "Flight 8501"
    rating_nouns: frozenset[str]  # names.yaml: "category" of "a Category 2 storm": a grade, no name
    ticker_prefixes: frozenset[str]  # names.yaml: "NYSE" of "Coca-Cola Co (NYSE: KO)": a ticker's aside
    given_name_prefixes: tuple[str, ...]  # names.yaml: "le" of "LeBron", "mc" of "McKinley"
    common_nouns: frozenset[str]
    company_nouns: frozenset[str]
    firm_nouns: frozenset[str]
    place_nouns: frozenset[str]
    company_suffixes: frozenset[str]
    function_words: frozenset[str]
    connectors: frozenset[str]
    org_connectors: frozenset[str]
    attribution_re: re.Pattern[str]
    attribution_generic: frozenset[str]
    skip_line_prefixes: tuple[str, ...]
    teaser_headings: tuple[str, ...]
    not_names: frozenset[str]
    present_aux: frozenset[str]
    past_aux: frozenset[str]
    progressive_aux: frozenset[str]
    ongoing_verbs: frozenset[str]
    state_aux: frozenset[str]
    modal_aux: frozenset[str]
    present_verbs: frozenset[str]
    past_verbs: frozenset[str]
    undating_adverbs: frozenset[str]
    present_adverbs_re: re.Pattern[str]
    session_re: re.Pattern[str]
    # "At the time, ...", "That day, ...": a sentence opening on one goes on at the last date named before it
    anaphoric_openers_re: re.Pattern[str]
    clause_markers: frozenset[str]
    change_words: frozenset[str]
    figure_verbs: frozenset[str]
    holding_verbs: frozenset[str]  # tense.yaml: "had 12,500 employees on June 30" states a figure
    rescheduling_verbs: frozenset[str]
    announcing_verbs: frozenset[str]
    results_verbs: frozenset[str]  # tense.yaml: "reported third-quarter earnings" announces
    results_nouns: frozenset[str]
    indicator_nouns: frozenset[str]
    results_period_ends: frozenset[str]
    publication_verbs: frozenset[str]
    publication_venues: frozenset[str]
    ongoing_claims: frozenset[str]
    interview_verbs: frozenset[str]
    record_nouns: frozenset[str]
    release_participles: frozenset[str]
    question_openers: frozenset[str]
    comparison_preps: frozenset[str]
    change_preps: frozenset[str]
    year_change_preps: frozenset[str]  # "2.4% more jobs over the previous year": before a year only
    baseline_nouns: frozenset[str]
    defined_periods: frozenset[str]
    game_words: frozenset[str]
    addressee_verbs: frozenset[str]
    over_periods: frozenset[str]
    time_subordinators: frozenset[str]
    dated_by_main_clause: frozenset[str]
    schedule_words: frozenset[str]
    forecast_words: frozenset[str]
    expectation_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    deadline_verbs: frozenset[str]
    earliest_day_phrases: frozenset[tuple[str, ...]]
    decision_verbs: frozenset[str]  # "has agreed to buy": the infinitive told in their tense
    perfect_news_kinds: frozenset[str]
    perfect_passive_news_kinds: frozenset[str]  # "have been postponed": the day's news in the passive only
    outlook_nouns: frozenset[str]
    intention_verbs: frozenset[str]
    topic_preps: frozenset[str]
    time_nouns: frozenset[str]
    occasion_prepositions: frozenset[str]
    occasion_nouns: frozenset[str]
    present_nouns: frozenset[str]
    cancelling_verbs: frozenset[str]
    before_phrases: tuple[str, ...]  # words split at hyphens: "run up to"
    running_tally_phrases: tuple[str, ...]
    results_period_preps: frozenset[str]
    casualty_kinds: frozenset[str]
    increment_words: frozenset[str]  # "five more were killed": a casualty added to one told before

    def kind_of(self, trigger: str) -> str | None:
        """The kind a trigger word or phrase belongs to, or None."""
        return self.trigger_kind.get(norm_phrase(trigger))


def _check_extension(value: Mapping[str, Sequence[str]] | None, key: str) -> dict[str, list[str]]:
    from monitor.errors import ConfigError

    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigError(f"extraction.{key}: expected a mapping of name -> list of words")
    out: dict[str, list[str]] = {}
    for name, words in value.items():
        where = f"extraction.{key}.{name}"
        if not isinstance(name, str) or not NAME_RE.match(name.strip().lower().replace(" ", "_")):
            raise ConfigError(f"extraction.{key}: {name!r} is not a valid name (letters, digits, _)")
        if isinstance(words, str) or not isinstance(words, Sequence) or not words:
            raise ConfigError(f"{where}: expected a non-empty list of words or phrases")
        clean: list[str] = []
        for i, w in enumerate(words):
            if not isinstance(w, str) or not w.strip():
                raise ConfigError(f"{where}[{i}]: {w!r} is not a non-empty word or phrase")
            clean.append(w.strip())
        out[name.strip()] = clean
    return out


def _freeze(mapping: Mapping[str, Sequence[str]] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not mapping:
        return ()
    return tuple((k, tuple(v)) for k, v in mapping.items())


def load_lexicon(
    extra_kinds: Mapping[str, Sequence[str]] | None = None,
    extra_metrics: Mapping[str, Sequence[str]] | None = None,
    extra_aliases: Mapping[str, Sequence[str]] | None = None,
) -> Lexicon:
    """Return the bundled lexicon merged with config extensions (`extraction.kinds`, `extraction.metrics`,
    `extraction.aliases`).

    A config kind or metric adds to a bundled one of the same name, or creates a new one; its words win over a
    bundled entry that names the same word. Raises ConfigError for a malformed extension and RuleDataError for
    a malformed bundled file. The result is cached per distinct extension.
    """
    kinds = _check_extension(extra_kinds, "kinds")
    metrics = _check_extension(extra_metrics, "metrics")
    return _build(_freeze(kinds), _freeze(metrics), check_aliases(extra_aliases))


@cache
def _build(
    extra_kinds: tuple[tuple[str, tuple[str, ...]], ...],
    extra_metrics: tuple[tuple[str, tuple[str, ...]], ...],
    extra_aliases: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> Lexicon:
    """The lexicon from the bundled files (one step per file) and the config extensions."""
    return Lexicon(
        **kinds_fields(extra_kinds),
        **_metrics_fields(extra_metrics),
        **_qualifiers_fields(),
        **_numbers_fields(),
        **_places_fields(),
        **_names_fields(),
        alias_of=alias_table(
            string_map(load_data_file("aliases.yaml").get("aliases"), "aliases.yaml: aliases"), extra_aliases
        ),
        **tense_fields(),
    )


def _metrics_fields(extra_metrics: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, Any]:
    """metrics.yaml and `extraction.metrics`: metric names, people words, words before a number."""
    md = load_data_file("metrics.yaml")
    metric_map = {k: list(v) for k, v in string_map(md.get("metrics"), "metrics.yaml: metrics").items()}
    for name, extra in extra_metrics:
        metric_map.setdefault(name, []).extend(extra)
    metric_of: dict[str, str] = {}
    for name, words in metric_map.items():
        for w in [name, *words]:
            metric_of.setdefault(norm_phrase(w), name)
    for name, extra in extra_metrics:
        for w in extra:
            metric_of[norm_phrase(w)] = name
    people_states = md.get("people_states")
    if not isinstance(people_states, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in people_states.items()
    ):
        raise RuleDataError("metrics.yaml: people_states: expected a mapping word -> metric name")
    before = string_map(md.get("before_number"), "metrics.yaml: before_number")
    before_of = {norm_phrase(w): name for name, words in before.items() for w in words}
    return {
        "metrics": {k: tuple(v) for k, v in metric_map.items()},
        "metric_of": metric_of,
        "metric_re": phrase_regex(list(metric_of)),
        "kept_modifiers": frozenset(lower_list(md, "kept_modifiers", "metrics.yaml")),
        "route_prepositions": frozenset(lower_list(md, "route_prepositions", "metrics.yaml")),
        "carrier_verbs": frozenset(lower_list(md, "carrier_verbs", "metrics.yaml")),
        "people_nouns": frozenset(lower_list(md, "people_nouns", "metrics.yaml")),
        "generic_people": frozenset(lower_list(md, "generic_people", "metrics.yaml")),
        "people_by_state": frozenset(lower_list(md, "people_by_state", "metrics.yaml")),
        "people_states": {k.lower(): v for k, v in people_states.items()},
        "before_number": before_of,
        # "number of cases" also as "number of positive cases": up to two words before the phrase's noun
        "before_number_re": re.compile(
            r"(?:" + "|".join(re.escape(p).replace(r"of\ ", r"of\s+(?:[a-z-]+\s+){0,2}?")
                              for p in sorted(before_of, key=len, reverse=True)) + r")\b",
            re.IGNORECASE,
        ),
        "metric_stop_words": frozenset(lower_list(md, "stop_words", "metrics.yaml")),
    }


_QUALIFIERS = frozenset({"more_than", "less_than", "about", "nearly", "at_least", "up_to"})


def _qualifiers_fields() -> dict[str, Any]:
    """qualifiers.yaml: the words before (and after) a number that qualify it ("more than", "or so")."""
    qd = load_data_file("qualifiers.yaml")
    quals = string_map(qd.get("qualifiers"), "qualifiers.yaml: qualifiers")
    after = string_map(qd.get("after", {}), "qualifiers.yaml: after")
    for key, group in (("qualifiers", quals), ("after", after)):
        for q in group:
            if q not in _QUALIFIERS:
                raise RuleDataError(
                    f"qualifiers.yaml: {key}.{q}: unknown qualifier (use {sorted(_QUALIFIERS)})"
                )
    qualifier_of = {norm_phrase(p): q for q, phrases in quals.items() for p in phrases}
    qualifier_after = {norm_phrase(p): q for q, phrases in after.items() for p in phrases}
    q_body = "|".join(
        r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(qualifier_of, key=len, reverse=True)
    )
    crossed = string_list(qd.get("crossed_levels", []), "qualifiers.yaml: crossed_levels")
    return {
        "crossed_levels": frozenset(norm_phrase(p) for p in crossed),
        "qualifier_of": qualifier_of,
        # not inside a word ("non-more"), but after a dash typed as two hyphens ("PERTH, Scotland--More than")
        "qualifier_re": re.compile(rf"(?:(?<![\w-])|(?<=--))({q_body})\s*$", re.IGNORECASE),
        "qualifier_after": qualifier_after,
        "qualifier_after_re": re.compile(
            r"\s*("
            + "|".join(re.escape(p) for p in sorted(qualifier_after, key=len, reverse=True))
            + r")(?!\w)",
            re.IGNORECASE,
        ),
    }


def _numbers_fields() -> dict[str, Any]:
    """numbers.yaml: number words, scales, suffixes, fractions, units, and what is no figure."""
    nd = load_data_file("numbers.yaml")

    def int_map(key: str, kind: type = int) -> dict[str, Any]:
        value = nd.get(key)
        if not isinstance(value, dict):
            raise RuleDataError(f"numbers.yaml: {key}: expected a mapping word -> number")
        for k, v in value.items():
            if not isinstance(v, int | float) or isinstance(v, bool):
                raise RuleDataError(f"numbers.yaml: {key}.{k}: {v!r} is not a number")
        return {str(k).lower(): kind(v) for k, v in value.items()}

    units = string_map(nd.get("units"), "numbers.yaml: units")
    unit_of = {norm_phrase(w): u for u, words in units.items() for w in words}
    units_before = nd.get("units_before")
    if not isinstance(units_before, dict):
        raise RuleDataError("numbers.yaml: units_before: expected a mapping symbol -> unit")
    return {
        "number_words": int_map("words"),
        "scales": int_map("scales"),
        "suffixes": int_map("suffixes"),
        "fractions": int_map("fractions", float),
        "units_before": {str(k): str(v) for k, v in units_before.items()},
        "unit_of": unit_of,
        "unit_fractions": int_map("unit_fractions", float),
        "unit_re": re.compile(
            r"\s*(?:"
            + "|".join(
                r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(unit_of, key=len, reverse=True)
            )
            + r")(?![\w])",
            re.IGNORECASE,
        ),
        "glued_units": tuple(w.lower() for w in string_list(nd.get("glued_units", []), "numbers.yaml")),
        "not_figure_after": tuple(w.lower() for w in string_list(nd.get("not_figure_after"), "numbers.yaml")),
        "not_figure_before": frozenset(lower_list(nd, "not_figure_before", "numbers.yaml")),
        "not_figure_idioms_re": phrase_regex(lower_list(nd, "not_figure_idioms", "numbers.yaml")),
        "not_figure_metrics": frozenset(lower_list(nd, "not_figure_metrics", "numbers.yaml")),
        "weather_words": frozenset(lower_list(nd, "temperature_words", "numbers.yaml")),
    }


# A demonym ending so names a people in the singular too ("the Chinese", "the British", "the Swiss").
_NO_PLURAL_RE = re.compile(r"(?:s|sh|ch|ese|x|z)$|[-.]", re.IGNORECASE)


def _people_of(demonym: str) -> str | None:
    """The plural that counts a country's people ("Indonesian" -> "Indonesians", "Israeli" -> "Israelis"),
    so places.yaml lists a demonym once; None where the word is its own plural ("Chinese", "French")."""
    return None if _NO_PLURAL_RE.search(demonym) else demonym + "s"


def _places_fields() -> dict[str, Any]:
    """places.yaml: countries with their aliases, demonyms, capitals and institutions; other places."""
    pd = load_data_file("places.yaml")
    countries = pd.get("countries")
    if not isinstance(countries, dict):
        raise RuleDataError("places.yaml: countries: expected a mapping name -> entry")
    country_of: dict[str, str] = {}
    demonym_of: dict[str, str] = {}
    capital_of: dict[str, str] = {}
    institution_of: dict[str, str] = {}
    for name, entry in countries.items():
        where = f"places.yaml: countries.{name}"
        if not isinstance(entry, dict):
            raise RuleDataError(f"{where}: expected a mapping with aliases/demonyms/capital/institutions")
        unknown = set(entry) - {"aliases", "demonyms", "capital", "institutions"}
        if unknown:
            raise RuleDataError(f"{where}: unknown key(s) {sorted(unknown)}")
        country_of[name.lower()] = name
        country_of["the " + name.lower()] = name
        for alias in string_list(entry.get("aliases", []), f"{where}.aliases"):
            country_of[alias.lower()] = name
        for dem in string_list(entry.get("demonyms", []), f"{where}.demonyms"):
            demonym_of[dem.lower()] = name
            if plural := _people_of(dem):
                demonym_of.setdefault(plural.lower(), name)
        if "capital" in entry:
            cap = entry["capital"]
            if not isinstance(cap, str):
                raise RuleDataError(f"{where}.capital: expected a city name")
            capital_of[cap.lower()] = name
        for inst in string_list(entry.get("institutions", []), f"{where}.institutions"):
            institution_of[inst.lower()] = name
    places = string_map(pd.get("place_demonyms"), "places.yaml: place_demonyms")
    for place, words in places.items():
        for dem in words:
            demonym_of.setdefault(dem.lower(), place)
    return {
        "country_of": country_of,
        "demonym_of": demonym_of,
        "capital_of": capital_of,
        "institution_of": institution_of,
        "places": frozenset(p.lower() for p in string_list(pd.get("places"), "places.yaml: places"))
        | _cities(),
        "feature_nouns": frozenset(w.lower() for w in string_list(pd.get("feature_nouns", []),
                                                                   "places.yaml: feature_nouns")),
        "compass_words": frozenset(w.lower() for w in string_list(pd.get("compass_words", []),
                                                                   "places.yaml: compass_words")),
    }


CITIES = "cities.txt"
# The common given names (generated by scripts/build_given_names.py from the U.S. Census name files): a run of
# capitalised words is a person's name only with a word that may be a given name ("Mark Meadows", not "Big
# Machine").
GIVEN_NAMES = "given_names.txt"


def _genders(nm: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """names.yaml `genders`: each gender's pronouns, and its pronouns with its titles, word -> gender."""
    genders = nm.get("genders") or {}
    if not isinstance(genders, Mapping):
        raise RuleDataError("names.yaml: genders: expected a mapping of gender -> pronouns and titles")
    pronouns: dict[str, str] = {}
    words: dict[str, str] = {}
    for gender, lists in genders.items():
        if not isinstance(lists, Mapping):
            raise RuleDataError(f"names.yaml: genders: {gender}: expected keys pronouns and titles")
        for key, table in (("pronouns", pronouns), ("titles", words)):
            for word in lower_list(dict(lists), key, f"names.yaml genders {gender}"):
                table[word] = str(gender)
    return {"pronoun_genders": pronouns, "gender_of": {**words, **pronouns}}


def _cities() -> frozenset[str]:
    """The cities named in two or more words (cities.txt, generated by scripts/build_cities.py), lower-cased:
    a run of capitalised words they hold is a place, not a person's name ("a Fort Worth girl")."""
    return _bundled_table(CITIES)


def _bundled_table(file: str) -> frozenset[str]:
    """The lines of a bundled table (one entry a line, "#" comments), lower-cased."""
    try:
        raw = resources.files(DATA_PACKAGE).joinpath(file).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise RuleDataError(f"{file}: cannot read bundled data file ({exc})") from None
    return frozenset(line.strip().lower() for line in raw.splitlines() if line.strip() and line[0] != "#")


def _names_fields() -> dict[str, Any]:
    """names.yaml: titles, organisation cues, pronouns, common and function words, attribution cues."""
    nm = load_data_file("names.yaml")
    titles = lower_list(nm, "titles", "names.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(lower_list(nm, key, "names.yaml"))

    return {
        "titles": frozenset(titles),
        "given_names": _bundled_table(GIVEN_NAMES),
        "max_title_words": max(len(t.split()) for t in titles),
        "organisation_cues": words("organisation_cues"),
        "document_words": words("document_words"),
        "organisation_endings": words("organisation_endings"),
        "person_pronouns": words("person_pronouns"),
        "person_possessives": words("person_possessives"),
        **_genders(nm),
        "object_pronouns": words("object_pronouns"),
        "pronouns": words("person_pronouns") | words("thing_pronouns") | words("pronouns"),
        "thing_pronouns": words("thing_pronouns"),
        "thing_pronoun_reach": int(nm["thing_pronoun_reach"]),
        "person_nouns": words("person_nouns"),
        "member_nouns": words("member_nouns"),
        "aside_prepositions": words("aside_prepositions"),
        "modifier_tails": words("modifier_tails"),
        "role_endings": tuple(sorted(words("role_endings"))),
        "party_initials": frozenset(str(w) for w in nm["party_initials"]),
        "bare_organisation_words": words("bare_organisation_words"),
        "name_suffixes": words("name_suffixes"),
        "numbered_nouns": words("numbered_nouns"),
        "rating_nouns": words("rating_nouns"),
        "ticker_prefixes": words("ticker_prefixes"),
        "given_name_prefixes": tuple(sorted(words("given_name_prefixes"))),
        "common_nouns": words("common_nouns"),
        "company_nouns": words("company_nouns"),
        "firm_nouns": words("firm_nouns"),
        "place_nouns": words("place_nouns"),
        "company_suffixes": words("company_suffixes"),
        "function_words": words("function_words"),
        "connectors": words("connectors"),
        "org_connectors": words("org_connectors"),
        "attribution_re": phrase_regex(lower_list(nm, "attribution_cues", "names.yaml")),
        "attribution_generic": words("attribution_generic"),
        "skip_line_prefixes": tuple(
            string_list(nm.get("skip_line_prefixes"), "names.yaml: skip_line_prefixes")
        ),
        "teaser_headings": tuple(string_list(nm.get("teaser_headings"), "names.yaml: teaser_headings")),
        "not_names": words("not_names"),
    }
