"""tense.yaml: the words that tell a clause's tense and time (auxiliaries, present and past verbs, adverbs
that date or undate a clause, the verbs and nouns the dating rules ask about): the Lexicon's tense fields."""

from __future__ import annotations

from typing import Any

from monitor.extract.rule_files import load_data_file, lower_list, phrase_regex


def tense_fields() -> dict[str, Any]:
    """tense.yaml: auxiliaries, present and past verbs, adverbs that date or undate a clause."""
    td = load_data_file("tense.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(lower_list(td, key, "tense.yaml"))

    return {
        "present_aux": words("present_aux"),
        "past_aux": words("past_aux"),
        "progressive_aux": words("progressive_aux"),
        "ongoing_verbs": words("ongoing_verbs"),
        "state_aux": words("state_aux"),
        "modal_aux": words("modal_aux"),
        "present_verbs": words("present_verbs"),
        "past_verbs": words("past_verbs"),
        "undating_adverbs": words("undating_adverbs"),
        "present_adverbs_re": phrase_regex(lower_list(td, "present_adverbs", "tense.yaml")),
        "session_re": phrase_regex(lower_list(td, "session_phrases", "tense.yaml")),
        "anaphoric_openers_re": phrase_regex(lower_list(td, "anaphoric_openers", "tense.yaml")),
        "clause_markers": words("clause_markers"),
        "change_words": words("change_words"),
        "figure_verbs": words("figure_verbs"),
        "holding_verbs": words("holding_verbs"),
        "rescheduling_verbs": words("rescheduling_verbs"),
        "announcing_verbs": words("announcing_verbs"),
        "results_verbs": words("results_verbs"),
        "results_nouns": words("results_nouns"),
        "indicator_nouns": words("indicator_nouns"),
        "results_period_ends": words("results_period_ends"),
        "publication_verbs": words("publication_verbs"),
        "publication_venues": words("publication_venues"),
        "ongoing_claims": words("ongoing_claims"),
        "interview_verbs": words("interview_verbs"),
        "record_nouns": words("record_nouns"),
        "release_participles": words("release_participles"),
        "question_openers": words("question_openers"),
        "comparison_preps": words("comparison_preps"),
        "change_preps": words("change_preps"),
        "year_change_preps": words("year_change_preps"),
        "baseline_nouns": words("baseline_nouns"),
        "defined_periods": words("defined_periods"),
        "game_words": words("game_words"),
        "addressee_verbs": words("addressee_verbs"),
        "over_periods": words("over_periods"),
        "time_subordinators": words("time_subordinators"),
        "dated_by_main_clause": words("dated_by_main_clause"),
        "schedule_words": words("schedule_words"),
        "forecast_words": words("forecast_words"),
        "expectation_verbs": words("expectation_verbs"),
        "refusal_verbs": words("refusal_verbs"),
        "deadline_verbs": words("deadline_verbs"),
        "earliest_day_phrases": frozenset(tuple(p.split()) for p in words("earliest_day_phrases")),
        "decision_verbs": words("decision_verbs"),
        "perfect_news_kinds": words("perfect_news_kinds"),
        "perfect_passive_news_kinds": words("perfect_passive_news_kinds"),
        "outlook_nouns": words("outlook_nouns"),
        "intention_verbs": words("intention_verbs"),
        "topic_preps": words("topic_preps"),
        "time_nouns": words("time_nouns"),
        "occasion_prepositions": words("occasion_prepositions"),
        "occasion_nouns": words("occasion_nouns"),
        "present_nouns": words("present_nouns"),
        "cancelling_verbs": words("cancelling_verbs"),
        # matched against a date's preceding words, read without hyphens ("run-up to" -> "run up to")
        "before_phrases": tuple(
            " ".join(p.replace("-", " ").split()) for p in lower_list(td, "before_phrases", "tense.yaml")
        ),
        "running_tally_phrases": tuple(lower_list(td, "running_tally_phrases", "tense.yaml")),
        "results_period_preps": words("results_period_preps"),
        "casualty_kinds": words("casualty_kinds"),
        "increment_words": words("increment_words"),
    }
