"""monitor.text: extraction from HTML and plain text, normalisation and content hashes."""

from __future__ import annotations

import datetime
import doctest
import gzip
import importlib.util
from pathlib import Path

import lxml.html
import pytest
import trafilatura.external
from hypothesis import given, settings
from hypothesis import strategies as st

import monitor.extract.breaks
import monitor.extract.text as text_module
from monitor.errors import RuleDataError
from monitor.extract.breaks import paragraphs_from_breaks
from monitor.extract.text import Document, content_hash, extract_document, plain_text_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ARTICLE_HTML = SHARED / "data" / "article-html"


def _page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


# --- extraction -------------------------------------------------------------------------------------------


def test_extracts_title_date_and_paragraphs() -> None:
    doc = extract_document(_page("dam_v1.html"), url="https://courier.example.com/dam")
    assert doc.title == "Engineers Lower Reservoir as Dam Cracks Widen"
    # original_date: the published time, not article:modified_time
    assert doc.published == datetime.date(2021, 2, 16)
    assert doc.url == "https://courier.example.com/dam"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("Engineers began lowering the Hollow Creek reservoir on Tuesday")
    assert any(p.startswith("About 1,200 residents") for p in paragraphs)
    assert paragraphs[-1].endswith("downstream of the reservoir.")
    # navigation, the aside and the footer are not the article
    for furniture in ("Sport", "Most read", "Bakery wins award", "All rights reserved"):
        assert furniture not in doc.text
    # no paragraph is split across lines, and the headline is not repeated as the first paragraph
    assert "\n\n\n" not in doc.text and doc.title not in paragraphs


def test_an_article_the_fast_extractor_misses_for_a_menu_is_read_by_the_fallbacks() -> None:
    doc = extract_document(_page("article_in_aside_below_menu.html"))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("HARBOR CITY (AP) - The harbor council approved a new ferry budget")
    assert len(paragraphs) == 4
    assert "Section Politics" not in doc.text


def test_a_wire_story_is_read_not_the_next_storys_teaser_the_fast_extractor_takes() -> None:
    doc = extract_document(_page("wire_story_above_next_story_teasers.html"))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("HARBOR CITY (Harbor Wire) - The port council approved")
    assert paragraphs[-1].startswith("Mayor Ana Ruiz said she would sign the budget")
    assert "Asian shares" not in doc.text


def test_paragraphs_written_between_breaks_become_paragraphs() -> None:
    # The article's paragraphs straight in a <div>, separated by <br> (monitor.extract.breaks): each becomes
    # a <p>, the div's own leading text first, and the picture between them stays where it was.
    tree = lxml.html.fromstring(_page("paragraphs_between_breaks.html"))
    [content] = paragraphs_from_breaks(tree).xpath('//div[@class="content"]')
    assert [child.tag for child in content] == ["p", "img", "center", "p", "p", "p"]
    assert content.text is None
    assert content[0].text_content().startswith("The Harbor City ferry company plans to add a night crossing")
    assert content[0].text_content().endswith("shared with Tidewater Notes.\n")
    doc = extract_document(_page("paragraphs_between_breaks.html"))
    assert doc.text.startswith("The Harbor City ferry company plans") and "Most read" not in doc.text


def test_a_div_opening_on_a_link_inside_its_first_sentence_is_written_with_breaks_too() -> None:
    # the div's own text before the link is one word; its first paragraph, link and all, is the news
    page = ("<div class='storybody'>Ending <a href='/s'>what she called a long and costly dispute</a>, the "
            "council on Tuesday approved the new ferry contract with the harbour union.<br><br>"
            "The deal runs for five years.<br><br></div>")
    [div] = paragraphs_from_breaks(lxml.html.fromstring(page)).xpath("//div")
    assert [p.text_content() for p in div] == [
        "Ending what she called a long and costly dispute, the council on Tuesday approved the new ferry "
        "contract with the harbour union.", "The deal runs for five years."]
    # a div that opens on a short label and a link is no paragraph run
    label = "<div>See <a href='/x'>more</a> stories<br>Sports<br></div>"
    [div] = paragraphs_from_breaks(lxml.html.fromstring(label)).xpath("//div")
    assert [child.tag for child in div] == ["a", "br", "br"]


def test_a_sentence_wrapped_in_the_pages_source_stays_one_paragraph() -> None:
    # a paragraph of <br>s whose source wraps a sentence around a ticker's links: the wrapping is spaces
    story = (
        "The harbour board met on Monday and approved the new ferry fees after a long debate. " * 4
        + "<br/>\n<br/>\nHarbour Lines <span class='ticker'><b>Holdings<x-id value='HL'/>\n</b></span>\n"
        "    (otc:\n      <a href='/q?t=HL'>HLX</a> -\n\t<a href='/n?t=HL'>\n       news\n    </a>) "
        "also said on Monday that it\nwould raise its fares in June. <br/>\n<br/>\nThe fees start in May."
    )
    page = f"<html><body><article><h1>Fees</h1><p>{story}</p></article></body></html>".encode()
    paragraphs = extract_document(page).text.split("\n\n")
    said = "Harbour Lines Holdings (otc: HLX - news ) also said on Monday that it would raise its fares"
    assert f"{said} in June." in paragraphs


def test_a_hover_card_inside_a_paragraph_is_no_part_of_its_sentence() -> None:
    # the card (full name, headlines, "MORE") is hidden markup inside the sentence (data/popup_cards.yaml)
    doc = extract_document(_page("name_with_hover_card.html"))
    assert "Harbor City Mayor Ada Brisk (D) on Monday defended the new ferry fares" in doc.text
    assert "Margaret" not in doc.text and "MORE" not in doc.text


def test_the_breaks_modules_example_runs() -> None:
    result = doctest.testmod(monitor.extract.breaks)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.skipif(not (ARTICLE_HTML / "ground-truth.json").is_file(), reason="../shared corpus not present")
def test_a_real_page_written_between_breaks_keeps_its_first_paragraph() -> None:
    # On the whole page the extractor took another container and dropped the div's own text: the news.
    [path] = (ARTICLE_HTML / "html").glob("232a43fb15ab*.html.gz")
    doc = extract_document(gzip.decompress(path.read_bytes()))
    assert "Apple plans to release a new 13-inch MacBook Pro with a scissor switch keyboard" in doc.text


def test_the_jusText_fallback_reads_with_english_stop_words_only() -> None:
    # trafilatura's default gives jusText the stop words of every language (~155,000 words): ~30 MB more in
    # every process the first time a page reaches it (benchmarks/poll_cycle.py, a worker's peak RSS).
    extract_document(_page("menu_and_one_line.html"))
    stop_words = trafilatura.external.JT_STOPLIST
    assert stop_words is not None and "the" in stop_words and len(stop_words) < 1_000


def test_date_found_in_page_text_when_no_metadata() -> None:
    doc = extract_document(_page("no_metadata_date.html"))
    assert doc.published == datetime.date(2019, 9, 14)
    assert doc.title == "Library Extends Opening Hours"
    assert "open until 9 p.m. on weekdays" in doc.text


def test_title_from_the_meta_tags_else_from_json_ld() -> None:
    # The meta tags' title wins over the JSON-LD headline; without one, the headline is the title.
    page = _page("title_meta_and_json_ld.html")
    assert extract_document(page).title == "Ferry Service Resumes After Storm"
    meta_title = b'<meta property="og:title" content="Ferry Service Resumes After Storm">'
    assert meta_title in page
    assert extract_document(page.replace(meta_title, b"")).title == "Island Ferry Back in Service"


def test_str_and_bytes_input_agree() -> None:
    raw = _page("dam_v1.html")
    assert extract_document(raw) == extract_document(raw.decode("utf-8"))


@pytest.mark.parametrize(
    "html",
    [b"", "", "   ", b"\x00\xff\xfe" * 50, "<<<>>>", "<html><body></body></html>", "<p>x</p>", "plain words"],
)
def test_unextractable_input_gives_empty_document(html: str | bytes) -> None:
    doc = extract_document(html, url="https://example.com/x")
    assert doc.text == ""
    assert doc.url == "https://example.com/x"


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_extract_never_raises(html: str | bytes) -> None:
    assert isinstance(extract_document(html), Document)


def test_extract_does_not_treat_a_url_string_as_something_to_fetch() -> None:
    # htmldate and trafilatura download a bare URL string; we must only ever hand them a parsed tree.
    doc = extract_document("http://127.0.0.1:9/never-fetched")
    assert doc.text == ""


# --- plain text -------------------------------------------------------------------------------------------


def test_plain_text_headline_becomes_title() -> None:
    doc = plain_text_document((FIXTURES / "storm_plain.txt").read_text(encoding="utf-8"))
    assert doc.title == "Storm Closes Ports Along the Northern Coast"
    assert doc.text.startswith("By Staff Reporter\n\nMarch 3, 2022\n\nHarbour authorities closed four ports")
    assert doc.published is None


@pytest.mark.parametrize(
    "text",
    [
        "The storm closed four ports on Thursday and ferries stopped.\nMore text.",  # ends like a sentence
        "storm closes ports\n\nBody.",  # lower-case start
        "Breaking\n\nBody.",  # one word
        "",
    ],
)
def test_plain_text_without_headline_keeps_all_text(text: str) -> None:
    doc = plain_text_document(text)
    assert doc.title is None
    assert doc.text == text.strip()


def test_plain_text_crlf_normalised() -> None:
    doc = plain_text_document("Ports Reopen After Storm\r\n\r\nFerries run again.\r\n")
    assert doc.title == "Ports Reopen After Storm"
    assert doc.text == "Ferries run again."


# --- page furniture in extracted text ---------------------------------------------------------------


def test_furniture_only_refetch_has_same_hash_and_revision_differs() -> None:
    v1, v2, v3 = (
        extract_document(_page(n)).text
        for n in ("dam_v1.html", "dam_v2_furniture_only.html", "dam_v3_revised.html")
    )
    assert v1 != v2  # the extracted text did change (related link, timestamp) ...
    assert content_hash(v1) == content_hash(v2)  # ... but not the content
    assert content_hash(v1) != content_hash(v3)



# --- the real-pages corpus --------------------------------------------------------------------------------

# Measured with benchmarks/text_quality.py (trafilatura fast=True, no fallbacks): 181/181 dated, F1 0.9646
# (precision 0.951, recall 0.979); the floor stays above trafilatura's published 0.958 on this corpus.
F1_FLOOR = 0.96
DATED_FLOOR = 181


@pytest.mark.skipif(not (ARTICLE_HTML / "ground-truth.json").is_file(), reason="../shared corpus not present")
def test_real_pages_corpus() -> None:
    spec = importlib.util.spec_from_file_location(
        "text_quality", Path(__file__).resolve().parents[2] / "benchmarks" / "text_quality.py"
    )
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.evaluate(ARTICLE_HTML)
    assert result["pages"] == 181
    assert result["errors"] == []
    assert result["dated"] >= DATED_FLOOR
    precision, recall, f1 = result["shingle"]
    assert f1 >= F1_FLOOR, f"body F1 {f1:.4f} < {F1_FLOOR} (precision {precision:.4f}, recall {recall:.4f})"


# --- the page's own publication day -----------------------------------------------------------------------


def test_published_is_the_bylines_local_day_not_the_utc_day():
    # Metadata says 03:40 UTC on the 10th; the byline names ET, where that moment is the evening of the 9th.
    # The "Updated" line's own date is a revision, and the caption's 2019 date is the photo's.
    doc = extract_document((FIXTURES / "byline_zone_updated.html").read_bytes())
    assert doc.published == datetime.date(2021, 3, 9)


def test_published_prefers_the_posted_line_and_ignores_the_site_header_date():
    # "Posted Jun 1" has no year (taken from the stamp); the header's "today" is days from the stamp.
    doc = extract_document((FIXTURES / "byline_posted_no_year.html").read_bytes())
    assert doc.published == datetime.date(2022, 6, 1)


def _port_page(head_meta: bytes) -> bytes:
    """An article page whose <head> holds `head_meta`."""
    return (
        b"<html><head>" + head_meta + b"</head><body><article><h1>Port reopens</h1><p>"
        + b"The port reopened to ships on Tuesday. " * 8
        + b"</p></article></body></html>"
    )


def test_published_stamp_near_midnight_takes_the_urls_day():
    page = _port_page(b'<meta property="article:published_time" content="2020-05-06T03:10:00+00:00">')
    doc = extract_document(page, url="https://news.example.com/2020/05/05/port-reopens/")
    assert doc.published == datetime.date(2020, 5, 5)
    assert extract_document(page).published == datetime.date(2020, 5, 6)


def test_a_stamp_with_the_newsrooms_offset_keeps_its_day_over_a_print_urls_day():
    # 16:42 in New York is 20:42 UTC; the print edition's URL names the next day, the stamp its own.
    page = _port_page(
        b'<meta property="article:published" itemprop="datePublished" content="2020-05-05T16:42:00-04:00">'
    )
    doc = extract_document(page, url="https://news.example.com/2020/05/06/business/port-reopens.html")
    assert doc.published == datetime.date(2020, 5, 5)


def test_a_later_byline_date_yields_to_the_day_the_stamp_and_the_url_both_name():
    # Filed at 15:20 UTC on 3 May under /2021/05/03/; the byline's "4 May 2021" is the revision's (or a listed
    # story's) day, not said to be the publication's.
    stamp = b'<meta property="article:published_time" content="2021-05-03T15:20:00+00:00">'
    byline = b'<body><p class="byline-date">4 May 2021</p>'
    page = _port_page(stamp).replace(b"<body>", byline)
    doc = extract_document(page, url="https://news.example.com/2021/05/03/port-reopens/")
    assert doc.published == datetime.date(2021, 5, 3)
    # without the URL's word on it, the byline stays the page's day
    assert extract_document(page).published == datetime.date(2021, 5, 4)
    # a line that says it is the publication's still outweighs both
    stated = page.replace(b"4 May 2021", b"Published 4 May 2021")
    stated_doc = extract_document(stated, url="https://news.example.com/2021/05/03/port-reopens/")
    assert stated_doc.published == datetime.date(2021, 5, 4)


def test_an_og_prefixed_published_time_outweighs_the_sailthru_date_of_the_last_revision():
    # Reuters' page: "og:article:published_time" holds the first publication, the other stamps the revision.
    page = _port_page(
        b'<meta name="sailthru.date" content="2016-12-15T13:50:38Z">'
        b'<meta content="2016-12-14T06:02:15Z" name="og:article:published_time">'
    )
    assert extract_document(page).published == datetime.date(2016, 12, 14)


def test_the_site_headers_date_of_today_is_not_the_pages_even_hours_from_the_stamp():
    # Saved the morning after: the header's "today" lies within a day of the 20:44 UTC stamp, and comes first.
    stamp = b'<meta property="article:published_time" content="2022-04-28T20:44:13+00:00">'
    for header in (b'class="td_block_wrap tdb_header_date"', b'class="topbar-today-date"',
                   b'class="col-2 current-date"'):
        page = _port_page(stamp).replace(
            b"<body>", b"<body><div " + header + b"><div>Friday, April 29, 2022</div></div>"
            b'<span class="entry-date">April 28, 2022</span>'
        )
        assert extract_document(page).published == datetime.date(2022, 4, 28), header


def test_a_listing_of_other_posts_gives_no_published_date_even_hours_from_the_stamp():
    # The page's own line says only "Last updated"; the posts listed beside it say their own days, published
    # after this one's 22:05 (New York) stamp and within a day of it.
    stamp = b'<meta property="article:published_time" content="2023-11-08T22:05:41-05:00">'
    page = _port_page(stamp).replace(
        b"<body>", b'<body><div class="post-meta"><time class="post-published updated" '
        b'datetime="2023-11-08T22:06:51-05:00">Last updated Nov 8, 2023</time></div>'
        b'<div class="listing listing-modern-grid"><div class="listing-item"><div class="post-meta">'
        b'<time class="post-published" datetime="2023-11-09T02:12:58-05:00">Nov 9, 2023</time>'
        b"</div></div></div>"
    )
    assert extract_document(page).published == datetime.date(2023, 11, 8)


def test_a_written_line_outweighs_htmldates_guess_from_a_list_of_other_stories():
    # No stamp in the markup: htmldate reads the first listed story's day; the byline says "Written:".
    page = (
        b"<html><body><div class='view'><p class='date'>Written: 2023-11-07 15:03:30"
        b"<span> / </span>Updated: 2023-11-07 15:30:46</p><h1>Cold wave</h1>"
        + b"<p>The first cold wave alert of the season was in effect on Tuesday across the nation.</p>" * 6
        + b"</div><ul class='news_list'><li><a href='/a'>Rain ahead</a><p class='date'>2023-11-03</p></li>"
        b"<li><a href='/b'>Fog lifts</a><p class='date'>2023-11-06</p></li></ul></body></html>"
    )
    assert extract_document(page).published == datetime.date(2023, 11, 7)


def test_a_slashed_date_with_its_time_under_the_headline_outweighs_htmldates_guess():
    # No stamp in the markup; the byline gives only "2024/05/14 09:20", which htmldate reads cut short
    # with the writer's line before it ("By Lena Hartwell,Harbour News, Staff Writer2024/05/1": the 1st).
    page = (
        b"<html><body><header class='article-head'><h1>Ferry line opens</h1><div class='article-meta'>"
        b"<div class='article-author'><span>By&nbsp;</span><a href='/s'>Lena Hartwell</a>,Harbour News,"
        b" Staff Writer</div><div class='article-date'>2024/05/14 09:20</div></div></header>"
        + b"<p>The new ferry line between the two islands carried its first passengers this week.</p>" * 6
        + b"<ul class='news_list'><li><a href='/a'>Port rates</a><p class='date'>2024-05-02</p></li>"
        b"<li><a href='/b'>Dock repairs</a><p class='date'>2024-05-03</p></li></ul></body></html>"
    )
    assert extract_document(page).published == datetime.date(2024, 5, 14)


def test_a_blog_posts_stamp_in_figures_under_its_heading_is_its_day():
    # No stamp in the markup and no class naming the line; a comment's stamp further down names another day.
    post = b"<p>The harbour board met the ferry owners the other night and agreed on the fares.</p>" * 6
    page = (
        b"<html><body><div class='entry'><h2 class='entry-title'>Ferry fares agreed</h2>"
        b"<h4>2/11/09 at  6:05 PM</h4>" + post + b"</div><div class='comments'><p>ann</p>"
        b"<p>2/20/09 at 9:14 AM</p><p>Good news for the island.</p></div></body></html>"
    )
    assert extract_document(page).published == datetime.date(2009, 2, 11)


def test_a_data_attribute_stating_the_published_moment_outweighs_htmldates_guess_from_a_caption():
    # No stamp in meta tags; the CMS writes the moment for its scripts in words, and a photo caption below
    # names an older day that htmldate would take.
    page = (
        b"<html><body><ul><li class='first timestamp'"
        b" data-published='Tue Mar 09 08:15:00 EST 2021'></li></ul>"
        b"<h1>Ferry fares agreed</h1>"
        + b"<p>The harbour board met the ferry owners on Saturday and agreed on the fares.</p>" * 6
        + b"<p class='caption'>The old ferry at the pier on November 23, 2011 in Lerrin.</p></body></html>"
    )
    assert extract_document(page).published == datetime.date(2021, 3, 9)


def test_the_date_line_the_story_opens_on_outweighs_htmldates_guess_from_a_link():
    # No stamp in the markup and no date shown around the headline; a link names the next day's folder.
    page = (
        b"<html><body><a href='http://example.com/sections/20210406/p45.asp'>Spring preview</a>"
        b"<h1>Mourners fill the square</h1><div class='story'><p>April 5, 2021 -- A crowd of mourners waited"
        b" for hours in the square as the bells rang last night.</p>"
        + b"<p>The harbour master said the square would stay open all night for the mourners.</p>" * 6
        + b"</div></body></html>"
    )
    assert extract_document(page).published == datetime.date(2021, 4, 5)


def test_an_embedded_videos_date_is_not_the_articles():
    page = (
        b'<html><body><div itemscope itemtype="https://schema.org/VideoObject">'
        b'<meta itemprop="datePublished" content="2020-05-07T13:11:07Z"></div>'
        b'<div itemscope itemtype="https://schema.org/NewsArticle">'
        b'<meta itemprop="datePublished" content="2020-05-05T19:46:14Z"><h1>Port reopens</h1><p>'
        + b"The port reopened to ships on Tuesday. " * 8
        + b"</p></div></body></html>"
    )
    assert extract_document(page).published == datetime.date(2020, 5, 5)


def test_a_date_the_article_names_is_not_its_day_when_the_url_names_another():
    # No stamp in the markup: htmldate takes the claim's date off the page; the URL dates the fact check.
    page = (
        b"<html><head><title>Is the port busier?</title></head><body><article><h1>Is the port busier?</h1>"
        b'<p class="statement__meta">Harbour master Ana Rui on Sunday, October 13th, 2019 on the radio</p>'
        + b"<p>" + b"We checked what the harbour master said about the ships and the cargo. " * 8 + b"</p>"
        + b"</article></body></html>"
    )
    url = "https://checks.example.org/statements/2019/nov/18/ana-rui/is-the-port-busier/"
    assert extract_document(page, url=url).published == datetime.date(2019, 11, 18)
    assert extract_document(page).published == datetime.date(2019, 10, 13)  # no URL: the page's only date


def test_a_url_with_a_section_between_year_and_month_still_names_the_day():
    # The byline is written by a script; the other stories' links name a later day, which htmldate takes.
    page = (
        b"<html><head><title>Port deal</title></head><body><article><h1>Port deal</h1>"
        + b"<p>" + b"The council backed the port deal on Friday after a long debate over the costs. " * 8
        + b"</p></article><div><a href='/2011/CRIME/08/19/story/'>Another story, August 19, 2011</a></div>"
        b"</body></html>"
    )
    url = "https://news.example.com/2010/POLITICS/08/13/port.deal/index.html"
    assert extract_document(page, url=url).published == datetime.date(2010, 8, 13)


def test_a_titles_day_a_day_past_the_urls_dates_the_page():
    # posted just after midnight, in a story folder of the day before; the byline is written by a script
    page = (
        b"<html><head><title>News.example - Ferry strike spreads to the islands - Aug 31, 2005</title></head>"
        b"<body><article><h1>Ferry strike spreads</h1><p>"
        + b"The ferry strike spread to the islands overnight as crews walked off the boats. " * 8
        + b"</p></article></body></html>"
    )
    url = "https://news.example.com/2005/WORLD/08/30/ferry.strike/index.html"
    assert extract_document(page, url=url).published == datetime.date(2005, 8, 31)
    # a title's date far from the URL's is another day's (an anniversary, a listing)
    far = page.replace(b"Aug 31, 2005", b"Aug 31, 1995")
    assert extract_document(far, url=url).published == datetime.date(2005, 8, 30)


def _wire_page(stamp: bytes, extra: bytes = b"") -> bytes:
    """A wire story as a portal served it: a posting line without its year, links to stories of other days."""
    return (
        b"<html><head><title>Ferry strike</title></head><body>" + extra
        + b"<div class='story'><span class='timestamp'>" + stamp + b"</span>"
        + b"<p>" + b"Ferry crews walked off the job on Monday over a pay offer the company called final. " * 8
        + b"</p></div><div class='more'><a href='/x'>Harbour tolls rise</a><em>Port news, 2004/10/20</em>"
        + b"<a href='/y'>Bridge closes</a><em>Port news, 2004/10/20</em></div></body></html>"
    )


def test_a_posting_line_without_its_year_takes_the_year_the_cms_left_for_that_day():
    # htmldate reads the listed stories' 2004/10/20; the line "Apr 4, 10:57 AM EDT" is the page's day, and
    # the comment its CMS wrote for that day gives the year.
    page = _wire_page(b"Apr 4, 10:57 AM EDT", b"<!-- HTML GENERATED 2005/4/4 10:58:33 -->")
    assert extract_document(page).published == datetime.date(2005, 4, 4)
    # with no full date of that day anywhere, the line takes the year of the page's other dates
    assert extract_document(_wire_page(b"Apr 4, 10:57 AM EDT")).published == datetime.date(2004, 4, 4)


def test_a_posting_line_with_its_time_and_zone_outweighs_htmldates_guess():
    # htmldate reads the listed stories' day; the line gives the posting's time and zone
    page = _wire_page(b"12:26 PM PDT, September 10, 2005")
    assert extract_document(page).published == datetime.date(2005, 9, 10)


def test_the_mastheads_date_of_today_is_not_the_pages_in_a_weather_box_or_a_header_bar():
    story = b"<p>" + b"The harbour board approved the new ferry fees on Tuesday. " * 8 + b"</p>"
    stamp = b"<meta property='article:published_time' content='2017-03-21T23:27:23+02:00'>"
    weather = (b"<html><head><title>Fees</title>" + stamp + b"</head><body><div class='weather-info'>"
               b"<p class='date'><span>Today,</span> March 22, 2017</p></div><article><h1>Fees</h1>" + story
               + b"</article></body></html>")
    assert extract_document(weather).published == datetime.date(2017, 3, 21)
    header = (b"<html><head><title>Fees</title></head><body>"
              b"<div class='mh-header-date'>October 24, 2017</div><article><h1>Fees</h1>" + story
              + b"</article></body></html>")
    url = "https://news.example.com/2017/10/23/harbour-fees/"
    assert extract_document(header, url=url).published == datetime.date(2017, 10, 23)


def test_a_byline_in_a_column_named_sidebar_that_holds_the_headline_is_the_pages():
    # the site calls its main column "left-sidebar"; the masthead shows the day the page is read
    page = (
        b"<html><head><title>Fees</title></head><body><div class='site-header__date'>April 9, 2017</div>"
        b"<div class='left-sidebar'><div class='story'><h1>Fees</h1>"
        b"<span class='storydate'>By the desk | Publish Date: Apr  8 2017  8:16AM</span><p>"
        + b"The harbour board approved the new ferry fees on Friday. " * 8
        + b"</p></div></div><div class='right-sidebar'><div class='date'>April 2, 2017</div></div>"
        b"</body></html>"
    )
    assert extract_document(page).published == datetime.date(2017, 4, 8)


def test_a_social_post_embedded_in_the_story_dates_the_post_not_the_page():
    # the byline gives only an "Updated" line; the photo posted the evening before, with its time and zone,
    # is the embed's date
    page = (
        b"<html><head><title>Storm</title>"
        b"<meta property='article:published_time' content='2017-03-28T07:16:32Z'></head><body><article>"
        b"<h1>Storm</h1><p class='update-time'>Updated 0928 GMT March 28, 2017</p><p>"
        + b"The storm flooded the harbour road on Tuesday and cut power to the port. " * 8
        + b"</p><div class='el-embed-instagram'><blockquote><p><a href='/p/x'>Flooded street</a></p>"
        b"<p>A post shared by a reader on <time datetime='2017-03-28T01:13:00+00:00'>"
        b"Mar 27, 2017 at 6:13pm PDT</time></p></blockquote></div></article></body></html>"
    )
    assert extract_document(page).published == datetime.date(2017, 3, 28)


def test_a_url_naming_the_day_as_one_segment_dates_the_page():
    page = _wire_page(b"1 hour, 41 minutes ago")
    url = "https://news.example.com/s/wire/20050922/us_news/ferry_strike"
    assert extract_document(page, url=url).published == datetime.date(2005, 9, 22)
    assert extract_document(page, url="https://news.example.com/s/wire/20051399/x").published != (
        datetime.date(2005, 9, 22))  # no month 13: no day in that URL


def _portal_page(links: int) -> bytes:
    """A wire story with no date of its own but an old photo's address, and links to stories of its day."""
    return (
        b"<html><head><title>Ferry strike</title></head><body><div class='story'>"
        b"<img src='http://img.example.com/us/20180302/harbour.jpeg'><p>"
        + b"Ferry crews walked off the job on Monday over a pay offer the company called final. " * 8
        + b"</p></div><div class='more'>"
        + b"".join(b"<a href='/news/20180409/story_%d'>More</a>" % i for i in range(links))
        + b"</div></body></html>"
    )


def test_an_old_photos_address_is_not_the_pages_day_when_its_links_name_a_later_one():
    # htmldate reads the oldest day it finds, the photo's (2018-03-02); the page's links name its day
    assert extract_document(_portal_page(6)).published == datetime.date(2018, 4, 9)
    # one link is no evidence: the photo's day stands
    assert extract_document(_portal_page(1)).published == datetime.date(2018, 3, 2)


DEEP_TEXT = ("The river rose above the flood mark on Tuesday morning, officials in the valley said. "
             "Emergency crews moved two hundred families from houses near the old bridge before noon.")


def test_text_nested_in_100000_divs_is_read() -> None:
    page = ("<html><head><title>Deep</title></head><body>" + "<div>" * 100_000 + f"<p>{DEEP_TEXT}</p>"
            + "</div>" * 100_000 + "</body></html>")
    document = extract_document(page, url="https://example.org/deep")
    assert document.text == DEEP_TEXT and document.problem is None


def test_markup_too_deep_to_read_says_so() -> None:
    page = ("<html><head><title>Deep</title></head><body>" + "<ul><li>" * 100_000 + DEEP_TEXT
            + "</li></ul>" * 100_000 + "</body></html>")
    document = extract_document(page.encode(), url="https://example.org/deep")
    assert document.text == ""
    assert document.problem == "unparseable_html: markup nested deeper than 255 levels"
    assert extract_document("<html><body></body></html>").problem is None  # empty is just empty


# --- long pages (issue 14) --------------------------------------------------------------------------------


def _live_blog(entries: int) -> str:
    """A live blog: each entry a <time> (a date line candidate) and a paragraph of text."""
    posts = "".join(
        f'<div class="post"><p><time>{8 + n // 60 % 12:02d}:{n % 60:02d}</time></p>'
        f"<p>Entry {n}: the minister arrived in Paris on Monday and met the mayor for talks.</p></div>"
        for n in range(entries, 0, -1)
    )
    return f"<html><body><article><h1>Live: the story</h1>{posts}</article></body></html>"


def _cpu(page: str) -> float:
    import time

    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        extract_document(page)
        best = min(best, time.process_time() - start)
    return best


def test_date_lines_of_a_live_blog_are_read_in_linear_time() -> None:
    # Each <time> widened its date line to its parents, reading the whole blog's text at each: 3x the
    # entries took 9x the time (8,000 entries, 171 s of CPU).
    short, long_ = _live_blog(500), _live_blog(1500)
    document = extract_document(long_)
    assert "Entry 1:" in document.text and "Entry 1500:" in document.text
    ratio = _cpu(long_) / _cpu(short)
    assert ratio < 6, f"3x the entries took {ratio:.1f}x the time"


def test_the_unix_epoch_in_byline_and_markup_is_no_publication_day() -> None:
    # An archived story whose CMS never set its date prints the epoch; the address still names the day.
    page = (
        '<html><head><meta property="article:published_time" content="1970-01-01T00:00:00+00:00"></head>'
        '<body><article><p class="byline">Published 1 January 1970</p><h1>Dump fire</h1>'
        f"<p>{'A fire broke out at the town dump on Monday morning and crews worked until dark. ' * 4}</p>"
        "</article></body></html>"
    )
    assert extract_document(page).published is None
    doc = extract_document(page, url="https://courier.example.com/2023/11/28/dump-fire/")
    assert doc.published == datetime.date(2023, 11, 28)


def test_a_popup_card_class_that_is_no_class_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_module, "load_data_file", lambda *_a, **_k: {"classes": ["card') or (1=1"]})
    text_module._popup_cards.cache_clear()
    try:
        with pytest.raises(RuleDataError, match="popup_cards.yaml: classes: .* is not a class name"):
            text_module._popup_cards()
    finally:
        text_module._popup_cards.cache_clear()


def test_a_day_told_with_its_update_time_is_the_updates_and_the_url_names_the_days_story() -> None:
    # "October 7, 2009 -- Updated 1240 GMT": the day of the update; the story's day is its address's (a
    # section and a subsection may stand between the year and the month)
    page = (
        b"<html><head><title>Harbour fire</title></head><body><article><h1>Harbour fire</h1>"
        b"<div class='timestamp'>October 7, 2009 -- Updated 1240 GMT (2040 HKT)</div>"
        + b"<p>" + b"Crews fought the harbour fire through the night before it was put out on Tuesday. " * 8
        + b"</p></article></body></html>"
    )
    url = "https://news.example.com/2009/WORLD/europe/10/06/harbour.fire/index.html"
    assert extract_document(page, url=url).published == datetime.date(2009, 10, 6)


def test_an_article_in_a_layout_table_keeps_its_paragraphs() -> None:
    # read as a table, the cell's seven paragraphs were one line of "| ... |": no sentence of it ended
    doc = extract_document(_page("article_in_a_layout_table.html"))
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) >= 7
    assert not any(p.startswith("|") for p in paragraphs)
    assert paragraphs[0].startswith("Harbour officials in Port Elms said on Tuesday")


def test_a_bold_lede_before_the_first_paragraph_of_a_layout_tables_cell_is_kept() -> None:
    # the fast reading without tables starts at the first <p>, leaving out the story's first sentence
    doc = extract_document(_page("bold_lede_in_a_layout_table.html"))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("The island ferry operator Tidewater Lines has admitted there are faults")
    assert paragraphs[1].startswith("The boats were hailed as the fastest on the coast")
    # the box of other sites' headlines, glued into the table's row, is not the article's
    assert not any(p.startswith("|") or "About us" in p or "hrs ago" in p for p in paragraphs)


def test_a_date_before_an_update_line_with_its_own_date_is_still_the_publication() -> None:
    # "October 6, 2009 Updated: October 7, 2009": the first is the publication day, though "Updated" follows
    # it; the markup's stamp (within a day of both) is no tie-breaker for the shown line
    page = (
        b"<html><head><title>Harbour fire</title>"
        b"<meta property='article:published_time' content='2009-10-07T01:30:00'></head><body><article>"
        b"<h1>Harbour fire</h1><div class='timestamp'>October 6, 2009 Updated: October 7, 2009</div>"
        + b"<p>" + b"Crews fought the harbour fire through the night before it was put out on Tuesday. " * 8
        + b"</p></article></body></html>"
    )
    assert extract_document(page).published == datetime.date(2009, 10, 6)
