"""monitor.extract.body_parts: an article a page splits across containers is read whole."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from monitor.extract.body_parts import with_other_parts
from monitor.extract.items import extract_items
from monitor.extract.text import extract_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"


def _paragraphs(name: str) -> list[str]:
    return extract_document((FIXTURES / name).read_bytes()).text.split("\n\n")


def test_the_chunks_of_an_article_split_by_an_ad_are_read_in_their_order() -> None:
    paragraphs = _paragraphs("article_split_by_an_ad.html")
    assert [p.split()[0] for p in paragraphs] == ["Train", "The", "About", "Valley", "The", "Regional"]
    assert paragraphs[3].startswith("Valley Rail's chief executive, Marta Lindqvist, said the first trains")
    # the ad between the chunks, the teasers beside the article and the footer are no part of it
    text = "\n\n".join(paragraphs)
    for furniture in ("Advertisement", "Harbor bridge", "City council", "All rights reserved"):
        assert furniture not in text


def test_the_happenings_told_after_the_ad_reach_the_items() -> None:
    doc = extract_document((FIXTURES / "article_split_by_an_ad.html").read_bytes())
    assert doc.published is not None
    items = extract_items(doc.text, doc.published)
    # "The company estimated that the strike had cost it about $12 million in lost fares": the second chunk's
    assert any(i.kind == "figure" and i.value == 12_000_000 for i in items)


def test_the_groups_a_page_marks_as_the_article_body_are_all_read() -> None:
    paragraphs = _paragraphs("article_body_groups.html")
    assert paragraphs[0].startswith("The chipmaker Halden Semiconductor opened its first plant")
    assert paragraphs[-1].startswith("Halden said a second line at the plant could open in 2026")
    assert len(paragraphs) == 7 and "Watch:" not in "\n\n".join(paragraphs)


def test_the_next_story_below_an_article_is_not_its_continuation() -> None:
    # Its text sits in a container of the article's class, in a wrapper of another class ("story story_1")
    paragraphs = _paragraphs("story_above_next_articles.html")
    assert len(paragraphs) == 3 and paragraphs[0].startswith("HARBOR CITY (Harbor Wire) - The island ferry")
    assert "North Bay" not in "\n\n".join(paragraphs)


def test_a_page_with_its_article_in_one_container_is_left_as_read() -> None:
    page = lxml_html.fromstring(
        "<html><body><div class='story-body'>"
        "<p>The council approved the harbor budget on Monday after a debate that lasted most of the night."
        "</p>"
        "</div><div class='sidebar'><div class='story-body-teaser'><p>Another story about a ferry and its "
        "crossings that a reader might like to read next week.</p></div></div></body></html>")
    text = "The council approved the harbor budget on Monday after a debate that lasted most of the night."

    def read(tree: object) -> str:
        raise AssertionError("no second reading when nothing continues the article")

    assert with_other_parts(page, text, read) == text


def test_a_reading_past_the_first_container_is_left_as_read() -> None:
    # a live blog: every entry a container of one kind, and the extractor read them all already
    entries = "".join(
        f"<div class='post'><p>At {9 + n}:00 the council's budget debate went on with a speech by member "
        f"{n}, who asked for more money for the harbor and its ferries.</p></div>" for n in range(4))
    page = lxml_html.fromstring(f"<html><body><article>{entries}</article></body></html>")
    text = "\n\n".join(p.text_content() for p in page.iter("p"))

    def read(tree: object) -> str:
        raise AssertionError("no second reading when the first one went on past the first container")

    assert with_other_parts(page, text, read) == text
