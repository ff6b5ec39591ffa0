"""Tests for the furniture step (monitor.extract.items.furniture): which spans of a text are someone's
words, whatever marks a page mixes (quote_spans), and which lines are the page's, not the story's. Sentences
are our own."""

from __future__ import annotations

import datetime as dt

from monitor.extract.items import extract_items
from monitor.extract.items.furniture import quote_spans

DCT = dt.date(2021, 6, 9)  # a Wednesday


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in quote_spans(text)]


def test_a_straight_opening_mark_pairs_with_a_curly_closing_one() -> None:
    text = '"Who signed it?\u201d asked Ada Brisk, who will testify Friday. "Nobody did."'
    assert _quoted(text) == ['"Who signed it?\u201d', '"Nobody did."']


def test_marks_of_one_shape_and_single_quotes_are_quotes_as_before() -> None:
    text = "He said: \u201cWe will rebuild.\u201d The board called it \u2018a fair plan\u2019 and \"final\"."
    assert _quoted(text) == ["\u201cWe will rebuild.\u201d", "\u2018a fair plan\u2019", '"final"']


def test_an_inch_mark_opens_no_quote() -> None:
    assert _quoted('The screen is 27" wide and the stand "folds" flat.') == ['"folds"']


def test_a_quote_left_open_runs_to_the_end_of_its_paragraph() -> None:
    # a quote that goes on into the next paragraph reopens there, by the convention of print
    text = 'The club said: "He has won 12 cups.\n\n"He starts on Monday," it added. The crowd left.'
    assert _quoted(text) == ['"He has won 12 cups.', '"He starts on Monday,"']


def test_the_words_between_two_quotes_of_mixed_marks_are_read() -> None:
    text = '"Who signed it?\u201d asked Ada Brisk, who will testify Friday. "Nobody did."'
    assert [(i.kind, i.date) for i in extract_items(text, DCT)] == [("legal", "2021-06-11")]


def test_a_bylines_timestamp_line_is_no_happening() -> None:
    text = "posted on June 7, 2021, at 11:29 a.m.\n\nThe ferry sailed from Harwick on Monday."
    items = extract_items(text, DCT)
    assert [i.evidence for i in items] == ["The ferry sailed from Harwick on Monday."]


def test_a_lede_that_ends_on_a_colon_is_prose_not_the_header() -> None:
    # The header zone ends before the first line that reads as prose: a colon ends the lede of a list story.
    text = (
        "June 9, 2021\n\nThe Harwick Rovers hosted the Dock Street Stars on Wednesday night. Here is what"
        " stood out in the Rovers' 106-103 win:\n\nThe first quarter was slow on both sides."
    )
    values = [i.value for i in extract_items(text, DCT) if i.kind == "figure"]
    assert values == [106, 103]


def test_a_lede_that_ends_on_a_bracketed_sentence_is_prose_not_the_header() -> None:
    # "(Watch the video below.)" closing the lede: the line still reads as prose, and so opens the body
    text = (
        "Harbour Radio's Ada Brisk on Monday repeatedly pressed the mayor to name the cost of the new ferry"
        " pier. (Watch the video below.)\n\nThe council has not yet published the cost of the pier."
    )
    assert [i.date for i in extract_items(text, DCT) if i.kind != "figure"] == ["2021-06-07"]


def test_a_bracketed_link_to_another_story_is_no_sentence_of_the_report() -> None:
    text = (
        "The ferry sank off Harwick on Monday. (See the world's top 10 ferry disasters.) "
        "(MORE: 13 Best Photos of the Storm) Divers searched the wreck on Tuesday."
    )
    assert [i.kind for i in extract_items(text, DCT) if i.kind == "figure"] == []


def _ferry_report_with(line: str) -> str:
    """A short report with a line of another kind among its paragraphs: its one figure is the crew of 12."""
    return (
        "The ferry Kell Star sank off Harwick on Monday, the coastguard said.\n\n"
        "The crew of 12 was rescued by a lifeboat before dawn.\n\n"
        f"{line}\n\nDivers will search the wreck on Thursday."
    )


def test_a_line_ending_on_a_tag_in_capitals_links_another_story() -> None:
    text = _ferry_report_with("Couple who moved to a harbour town on a whim win £392k on a lottery [REVEAL]")
    assert [i.value for i in extract_items(text, DCT) if i.kind == "figure"] == [12]


def test_a_line_in_square_brackets_links_another_story_but_an_editors_bracket_opens_a_sentence() -> None:
    text = _ferry_report_with(
        "[How a TV anchor found the missing $10,000 portrait that the mayor bought with his charity's money]"
    )
    assert [i.value for i in extract_items(text, DCT) if i.kind == "figure"] == [12]
    edited = text.replace("The crew of 12", "[T]he crew of 12")
    assert [i.value for i in extract_items(edited, DCT) if i.kind == "figure"] == [12]


def test_a_list_of_links_to_other_stories_is_no_sentence_of_the_report() -> None:
    links = ("- Harwick's ferry fares rise 8% as fuel costs climb\n\n"
             "- Kell Lines orders 3 new ferries for $90 million")
    assert [i.value for i in extract_items(_ferry_report_with(links), DCT) if i.kind == "figure"] == [12]
    # the report's own list, whose items end on a stop, is read
    own = "- The second boat carried 40 passengers, all rescued.\n\n- Fares will rise 8% on Harwick routes."
    values = [i.value for i in extract_items(_ferry_report_with(own), DCT) if i.kind == "figure"]
    assert 40 in values and 8 in values


def test_a_links_teaser_between_two_links_is_no_sentence_of_the_report() -> None:
    links = ("- Harwick's ferry fares rise as fuel costs climb\n\n"
             "- Kell Lines said on Monday it had ordered 3 new ferries for $90 million.\n\n"
             "- Bridge to Orme reopens after repairs")
    assert [i.value for i in extract_items(_ferry_report_with(links), DCT) if i.kind == "figure"] == [12]


def test_a_list_a_line_ending_on_a_colon_opens_is_the_reports_own() -> None:
    own = ("In other developments:\n\n- The second boat carried 40 passengers to the quay\n\n"
           "- Fares on Harwick routes will rise 8% in May")
    values = [i.value for i in extract_items(_ferry_report_with(own), DCT) if i.kind == "figure"]
    assert 40 in values and 8 in values


def test_an_offers_terms_told_to_the_reader_are_no_figures_of_the_story() -> None:
    text = ("The harbour bank launched a new travel card on Monday.\n\n"
            "- Earn 60,000 ferry miles once your card spends $3,000 in its first quarter.\n\n"
            "- Get 20% more value when you redeem points for ferry fares.")
    values = [i.value for i in extract_items(text, DCT) if i.kind == "figure"]
    assert values == []
    # a title in capitals that opens like one is the story's ("Get Out" is a film)
    film = "Get Out ran past $100 million at the box office on Saturday."
    assert [i.date for i in extract_items(film, DCT)] == ["2021-06-05"]
