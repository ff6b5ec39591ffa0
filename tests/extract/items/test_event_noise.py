"""Tests for event noise rules (issue 18): reported speech after a dated object of a reporting verb,
reduced relative participles, participles between a number and a noun, passive reporting verbs with no
agent, and "now" as no date. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from monitor.extract.items import Item, extract_items

DCT = dt.date(2021, 6, 9)  # a Wednesday


def _events(text: str) -> list[tuple[str, str | None]]:
    items: list[Item] = extract_items(text, DCT)
    return [(i.kind, i.date) for i in items if i.kind != "figure"]


def test_date_between_reporting_verb_and_that_dates_the_statement() -> None:
    text = "The harbour master told journalists at the quay on Monday that the repairs were a great relief."
    assert _events(text) == [("statement", "2021-06-07")]


def test_an_abbreviated_month_between_reporting_verb_and_that_dates_the_statement() -> None:
    # the period of "Mar." ends no stretch
    text = "Harlow Port Authority said in a Mar. 3 letter to ferry operators that the delays were too long."
    assert _events(text) == [("statement", "2021-03-03")]


def test_a_date_after_a_finite_verb_of_the_reported_clause_is_its_own() -> None:
    # "would continue" has begun the reported clause: its deadline does not date the statement
    text = (
        "Harlow Dockers Union said its strike would continue past the June 30 deadline set in that agreement "
        "and that more would join."
    )
    assert ("statement", "2021-06-30") not in _events(text)


def test_the_name_after_told_is_who_was_told_not_the_speaker() -> None:
    # (the long aside hides the subject, Ada Brisk, from the speaker rule)
    text = "Ada Brisk, an analyst at Keelwater, a research firm, told Harbour Weekly in May that it was calm."
    statements = [i for i in extract_items(text, DCT) if i.kind == "statement"]
    assert statements and all("Harbour Weekly" not in i.actors for i in statements)


def test_reported_clause_with_its_own_date_stays_a_happening() -> None:
    kinds = _events("The harbour master said on Monday that the ferry had sailed on Friday.")
    assert ("statement", "2021-06-07") in kinds
    assert ("other", "2021-06-04") in kinds


def test_reduced_relative_participle_before_by_is_no_happening() -> None:
    text = "Footage released by the coast guard showed the trawler drifting near the cliffs on Tuesday."
    assert ("release", "2021-06-08") not in _events(text)


def test_reduced_relative_with_its_own_date_is_kept() -> None:
    text = "The town joined a cycling scheme launched by the regional council in 2015 to cut traffic."
    assert ("business", "2015") in _events(text)


def test_participle_between_number_and_unknown_noun_is_an_adjective() -> None:
    text = "The region now has 4,512 confirmed norovirus cases, the highest in a decade."
    assert _events(text) == []


def test_passive_reporting_verb_without_agent_is_no_statement() -> None:
    assert _events("A second leak has been reported at the plant.") == []
    assert _events("A fourth sighting was reported near the lake on Monday.") == [("other", "2021-06-07")]


def test_passive_reporting_verb_with_agent_is_a_statement() -> None:
    assert _events("The results were announced by the board on Monday.") == [("statement", "2021-06-07")]


def test_now_is_no_date_of_a_plural_perfect() -> None:
    assert _events("All but three of the stranded hikers have now been rescued.") == []


def test_hearsay_passive_is_no_statement_and_a_possessed_date_no_happening() -> None:
    # "are said to be": nobody is said to have spoken; the report that follows is the statement.
    text = "Two mills are said to be among the suppliers, the Harbour Gazette reported on Monday."
    assert _events(text) == [("statement", "2021-06-07")]
    # "the mayor's 2016 campaign" dates the campaign, not the giving.
    assert _events("The union gave $40,000 toward the mayor's 2016 re-election campaign.") == []


def test_a_condition_is_no_happening_and_a_reported_plan_with_its_date_is() -> None:
    assert _events("Ada Brisk said the bridge would reopen if funds arrived on Friday.") == []
    assert ("policy", "2021-06-11") in _events("Ada Brisk said the bridge would reopen on Friday.")
    assert _events("Ada Brisk said the bridge would not reopen on Friday.") == []


def test_a_question_asserts_no_happening() -> None:
    assert _events("But will the ferry still leave for the islands on Friday?") == []
    assert _events("The ferry will leave for the islands on Friday.") == [("departure", "2021-06-11")]
    # a question quoted in a report leaves the report alone
    assert _events('The skipper said on Monday: "Who moved the buoys?"') == [("statement", "2021-06-07")]


def test_a_reported_question_is_still_a_statement() -> None:
    text = "The harbour board said on Monday it will look again at whether the old pier is, in fact, safe?"
    assert ("statement", "2021-06-07") in _events(text)


def test_a_possessive_before_an_event_noun_is_no_present_tense() -> None:
    # "'s" before a noun is possessive, not "is" or "has": nothing dates the death to the report's day
    assert _events("The mayor's resignation is a sign of a deeper crisis in the party.") == []
    assert _events("The mayor’s resignation is a sign of a deeper crisis in the party.") == []


def test_a_speaker_after_the_quote_keeps_the_date_of_the_clause() -> None:
    # the speech came first: nothing after "wrote" is reported, so the note's day dates the statement
    text = "\u201cThe repairs are running late,\u201d wrote Ada Brisk in a Tuesday note to clients."
    statements = [i for i in extract_items(text, DCT) if i.kind == "statement"]
    assert [(i.date, i.actors) for i in statements] == [("2021-06-08", ("Ada Brisk",))]
    assert statements[0].summary.count("Ada Brisk") == 1


def test_a_link_line_to_another_story_gives_no_items_in_any_case() -> None:
    text = (
        "The harbour board met the union on Tuesday.\n\n"
        "SEE MORE: Ferry crews walked out on Monday.\n\n"
        "The talks went on."
    )
    assert {i.evidence for i in extract_items(text, DCT)} == {"The harbour board met the union on Tuesday."}


def test_teasers_run_into_the_text_after_a_heading_give_no_items() -> None:
    # A table layout flattens the sidebar into the article's line: from the heading on, other stories.
    text = (
        "The harbour board met the union on Tuesday. The talks went on into the night. "
        "Top stories The city council voted on Monday to close the old pier. "
        "A painter of seascapes died on May 3 at the age of 90.\n\n"
        "The union said on Wednesday that it would vote on the offer."
    )
    evidence = {i.evidence for i in extract_items(text, DCT)}
    assert evidence == {
        "The harbour board met the union on Tuesday.",
        "The union said on Wednesday that it would vote on the offer.",
    }
    # A heading's words in prose are no heading: "Top stories of the week" is read.
    prose = "Top stories of the week were told on Monday by the harbour board."
    assert extract_items(prose, DCT) != []


def test_an_offer_line_of_the_page_is_no_figure() -> None:
    text = ("The ferry line reopened on Monday.\n"
            "Get access to Harbour Daily Pro for as little as $5 for the first year.\n"
            "Click here to read 30 more stories.")
    items = extract_items(text, DCT)
    assert [i.value for i in items if i.kind == "figure"] == []
    assert [d for _k, d in _events(text)] == ["2021-06-07"]  # the line of news is still read


def test_an_editors_correction_tells_of_the_page_not_of_the_story() -> None:
    text = ("The ferry line reopened on Monday.\n\n"
            "Correction, June 8, 2021: An earlier version of this article misnamed the ferry.\n\n"
            "Correction added June 8: The caption misidentified the harbour master, who retired in 2019.")
    assert [i.evidence for i in extract_items(text, DCT)] == ["The ferry line reopened on Monday."]


def test_where_the_words_were_said_is_no_reported_clause() -> None:
    # "at a May 30 dinner ..." after "said" is where and when it was said: the date is the statement's
    text = "\u201cThe pier must close,\u201d Ada Brisk said at a May 30 dinner for the harbour's donors."
    statements = [i for i in extract_items(text, DCT) if i.kind == "statement"]
    assert [(i.date, i.actors) for i in statements] == [("2021-05-30", ("Ada Brisk",))]
    # a finite verb after the date: what follows may be reported, and its date its own
    text = "Ada Brisk said in May the ferry would leave for the islands in July."
    assert ("departure", "2021-07") in _events(text)


def test_a_meeting_where_a_statement_was_made_is_one_row_with_it() -> None:
    text = "\u201cWe lost the season,\u201d Ada Brisk recounted in a June 2 board meeting."
    assert _events(text) == [("statement", "2021-06-02")]
    text = "Ada Brisk told reporters at a news conference on Monday that the pier would close."
    assert [kind for kind, _date in _events(text)] == ["statement"]
    # a meeting the statement speaks about is its own happening
    text = "Ada Brisk announced on Monday a summit of the harbour towns in Lerrin on July 8."
    assert set(_events(text)) == {("statement", "2021-06-07"), ("meeting", "2021-07-08")}


def test_a_possessive_date_after_a_reporting_verb_is_its_nouns() -> None:
    # "on Friday's vote" dates the vote; the words were said on Monday
    text = "Ada Brisk weighed in on Friday's harbour vote on Monday."
    assert ("statement", "2021-06-07") in _events(text)


def test_what_was_announced_is_no_reported_clause() -> None:
    # the object of "unveiled" is a noun phrase: the date after it is the announcement's
    text = "The choir unveiled its new programme at the close of its Monday concert in Lerrin."
    assert _events(text) == [("statement", "2021-06-07")]
    # a clause after it is reported, and a date there is the clause's own
    text = "The choir announced the ferry would sail to Lerrin on Friday."
    assert ("statement", "2021-06-11") not in _events(text)


def test_a_simultaneous_gerund_dates_the_clause_before_it() -> None:
    text = "Ada Brisk announced the new route while opening the harbour fair on Monday."
    assert _events(text) == [("statement", "2021-06-07")]


def test_a_verb_whose_object_opens_with_no_tells_no_happening() -> None:
    day = dt.date(2021, 3, 9)
    assert [i.kind for i in extract_items("Ada Brisk offered no endorsement on Monday.", day)] == []
    # "no later than" bounds a date: the plan is still told
    planned = extract_items("Ada Brisk said Quorvex would launch no later than May.", day)
    assert "business" in [i.kind for i in planned]


def test_a_statement_not_made_is_no_statement() -> None:
    day = dt.date(2010, 8, 14)
    text = "Mayor Ada Rowe did not say on Friday why the port had moved the fuel."
    assert [i.kind for i in extract_items(text, day) if i.kind == "statement"] == []
    said = "Mayor Ada Rowe said on Friday that the port had moved the fuel."
    assert [i.kind for i in extract_items(said, day) if i.kind == "statement"] == ["statement"]
