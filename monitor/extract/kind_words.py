"""kinds.yaml and the config's `extraction.kinds`: each kind's trigger words in every inflection, with their
parts of speech, and the words that tell a trigger's other senses and kinds (the Lexicon's kinds fields)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from monitor.errors import RuleDataError
from monitor.extract.rule_files import NAME_RE, load_data_file, lower_list, string_list, string_map
from monitor.extract.wordforms import VERB_TAGS, inflect_trigger, norm_phrase

POS_OF_LIST = {"verbs": "verb", "nouns": "noun", "dated_nouns": "dated noun"}


def _kind_words(value: Any, where: str) -> list[tuple[str, str]]:
    """A kind's triggers as (word, part of speech): a plain list (words of either part of speech) or a
    mapping `verbs: [...]`, `nouns: [...]`, `dated_nouns: [...]` (a word in both lists is both)."""
    if isinstance(value, list):
        return [(w, "both") for w in string_list(value, where)]
    if not isinstance(value, dict) or not value or set(value) - set(POS_OF_LIST):
        raise RuleDataError(
            f"{where}: expected a list of triggers or a mapping with `verbs:`, `nouns:`, `dated_nouns:`")
    out: list[tuple[str, str]] = []
    for key, pos in POS_OF_LIST.items():
        out.extend((w, pos) for w in string_list(value.get(key, []), f"{where}.{key}"))
    return out


# In `kind_by_modifier`, the modifiers that make the word no happening at all ("a moon shot", "a flu shot").
NO_KIND = "none"


def kind_by_modifier(raw: object, kinds: Iterable[str]) -> dict[str, dict[str, str]]:
    """kinds.yaml `kind_by_modifier` as trigger form (the listed noun and its plural) -> modifier -> kind (or
    NO_KIND)."""
    senses = _words_to_kinds(raw, "kind_by_modifier", set(kinds) | {NO_KIND}, keys_are_kinds=False)
    return {form: by_modifier for trigger, by_modifier in senses.items()
            for form in inflect_trigger(trigger, "noun")}


def _kind_by_object(raw: object, kinds: Iterable[str]) -> dict[str, dict[str, str]]:
    """kinds.yaml `kind_by_object` as trigger kind -> object word -> the kind the trigger then tells."""
    return _words_to_kinds(raw, "kind_by_object", set(kinds), keys_are_kinds=True)


def _words_to_kinds(raw: object, field: str, allowed: set[str], *, keys_are_kinds: bool,
                    ) -> dict[str, dict[str, str]]:
    """A kinds.yaml mapping key -> kind -> words as key -> word -> kind, every kind named one of `allowed`
    (with `keys_are_kinds`, the keys too)."""
    if not isinstance(raw, Mapping):
        raise RuleDataError(f"kinds.yaml: {field}: expected a mapping of kinds to words")
    out: dict[str, dict[str, str]] = {}
    for key, senses in raw.items():
        where = f"kinds.yaml: {field}.{key}"
        by_kind = string_map(senses, where)
        unknown = sorted((set(by_kind) | ({str(key)} if keys_are_kinds else set())) - allowed)
        if unknown:
            raise RuleDataError(f"{where}: {', '.join(unknown)} is no kind of kinds.yaml or extraction.kinds")
        out[str(key)] = {w.lower(): kind for kind, words in by_kind.items() for w in words}
    return out


def _first_word_index(forms: Mapping[str, str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        words = tuple(form.split())
        index.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _with_hyphenated_prefix(forms: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Forms and, for a verb's "re" before a vowel ("reopened", "reelected"), the spelling that hyphenates the
    prefix ("re-opened", "re-elected"), as English often does there (not before a consonant: "re-signed" is
    signed again, not resigned)."""
    out = dict(forms)
    for form, tags in forms.items():
        if _RE_BEFORE_VOWEL.match(form) and tags & VERB_TAGS:
            out.setdefault(f"re-{form[2:]}", tags)
    return out


_RE_BEFORE_VOWEL = re.compile(r"re[aeiou]\w")


def _passive_of(forms: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """For a verb phrase holding its object ("drop ... case"), the passive that names the object first
    ("case ... dropped": "The case against him was dropped in 2017"), so that the object's noun, not the
    verb's other sense ("sales dropped"), tells the kind."""
    out: dict[str, frozenset[str]] = {}
    for form, tags in forms.items():
        words = form.split()
        if "VBN" in tags and len(words) == 3 and words[1] == "...":
            out[f"{words[2]} ... {words[0]}"] = frozenset({"VBN"})
    return out


def _verb_forms(kinds_data: dict[str, Any], key: str) -> frozenset[str]:
    """Every form of the verbs a kinds.yaml list gives ("deny": "denied", "denies", ...)."""
    words = lower_list(kinds_data, key, "kinds.yaml")
    return frozenset(form for w in words for form in inflect_trigger(w, "verb"))


def kinds_fields(extra_kinds: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, Any]:
    """kinds.yaml and `extraction.kinds`: kinds, every form of every trigger with its tags, other senses."""
    kinds_data = load_data_file("kinds.yaml")
    raw = kinds_data.get("kinds")
    if not isinstance(raw, dict):
        raise RuleDataError("kinds.yaml: kinds: expected a mapping kind -> triggers")
    kinds: dict[str, list[tuple[str, str]]] = {}
    for name, value in raw.items():
        if not isinstance(name, str) or not NAME_RE.match(name):
            raise RuleDataError(f"kinds.yaml: kinds.{name}: kind names are lowercase letters, digits and _")
        kinds[name] = _kind_words(value, f"kinds.yaml: kinds.{name}")
    for name, extra in extra_kinds:  # config words are of either part of speech
        kinds.setdefault(name.lower(), []).extend((w, "both") for w in extra)
    trigger_kind: dict[str, str] = {}
    trigger_base: dict[str, str] = {}
    noun_kinds: dict[str, set[str]] = {}
    trigger_tags: dict[str, frozenset[str]] = {}
    dated: set[str] = set()
    passives: set[str] = set()  # "case ... dropped": a phrase's passive, its object first
    undated: set[str] = set()  # forms some other list gives: triggers wherever they stand
    # A listed word is a base form: its inflections (verb ones for a verb, the plural for a noun) trigger its
    # kind. A form written out in the list (or by the config) wins over one merely generated from another
    # base form ("left" of "leave"). A form's tags are those of every list that gives it.
    for name, words in kinds.items():
        for w, pos in words:
            forms = _with_hyphenated_prefix(inflect_trigger(w, pos))
            passive = _passive_of(forms)
            passives.update(passive)
            for form, tags in {**forms, **passive}.items():
                trigger_kind.setdefault(form, name)
                trigger_base.setdefault(form, norm_phrase(w))
                trigger_tags[form] = trigger_tags.get(form, frozenset()) | tags
                if pos == "noun":
                    noun_kinds.setdefault(form, set()).add(name)
                (dated if pos == "dated noun" else undated).add(form)
    for name, words in kinds.items():
        for w, _pos in words:
            trigger_kind[norm_phrase(w)] = name
    for name, extra in extra_kinds:  # config wins on a shared word
        for w in extra:
            for form in inflect_trigger(w):
                trigger_kind[form] = name.lower()
    other = string_map(kinds_data.get("other_sense_after", {}), "kinds.yaml: other_sense_after")
    return {
        "kinds": {k: tuple(dict.fromkeys(w for w, _pos in v)) for k, v in kinds.items()},
        "trigger_kind": trigger_kind,
        "trigger_base": trigger_base,
        # Only a noun of one kind is sure ("contract"); "strike" (violence, protest) keeps its one kind.
        "noun_kind": {form: next(iter(names)) for form, names in noun_kinds.items()
                      if len(names) == 1 and trigger_kind.get(form) not in names},
        "trigger_tags": trigger_tags,
        "passive_phrases": frozenset(passives),
        "trigger_first": _first_word_index(trigger_kind),
        # A word that tells its kind only right after a date ("the March 20 call", not "a call for calm"),
        # unless another list gives it too.
        "dated_nouns": frozenset(dated - undated),
        "other_sense_after": {k: frozenset(w.lower() for w in v) for k, v in other.items()},
        "kind_by_object": _kind_by_object(kinds_data.get("kind_by_object", {}), kinds),
        # ("other": a happening no trigger names, "a suicide bomber walked into the mosque")
        "kind_by_subject": _words_to_kinds(kinds_data.get("kind_by_subject", {}), "kind_by_subject",
                                           {*kinds, "other"}, keys_are_kinds=True),
        "said_only_before": _verb_forms(kinds_data, "said_only_before"),
        "casualty_verbs": frozenset(lower_list(kinds_data, "casualty_verbs", "kinds.yaml")),
        "toll_participles": frozenset(lower_list(kinds_data, "toll_participles", "kinds.yaml")),
        "said_when_quoting": _verb_forms(kinds_data, "said_when_quoting"),
        "denying_verbs": _verb_forms(kinds_data, "denying_verbs"),
        "kind_by_modifier": kind_by_modifier(kinds_data.get("kind_by_modifier", {}), kinds),
        "setting_prepositions": frozenset(lower_list(kinds_data, "setting_prepositions", "kinds.yaml")),
    }
