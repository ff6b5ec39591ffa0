"""The dates of one line a page shows (monitor.extract.date_lines), and the byline of an older page whose
markup names no date (monitor.extract.page_date). Pages and lines of our own."""

from __future__ import annotations

import datetime

import pytest

from monitor.extract.date_lines import byline_day, read_date_line, with_opening_dateline
from monitor.extract.text import extract_document


def test_a_line_says_which_of_its_dates_is_the_publications() -> None:
    assert read_date_line("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM", "") == [
        ("updated", (None, 11, 19), None), ("published", (None, 11, 18), None)]


@pytest.mark.parametrize(("line", "day"), [
    ("By Ann Lee | Paris | Monday, 14 January, 2008", (2008, 1, 14)),  # a writer named before it
    ("Sport 31 December 2007 - 4:41PM View all news", (2007, 12, 31)),  # the posting's clock time after it
    ("Ferry back in service 3 Feb 2009, 0930 hrs IST , HNS", (2009, 2, 3)),
    ("by Kit Orme 2 March 2009 8:00 GMT - The week began", (2009, 3, 2)),
    ("1/9/2008 By Bryan Lowe", (2008, 1, 9)),  # figures: month first, as US sites write them
    # an update's words after the publication's
    ("By Ann Lee Published: December 31 2007 00:29 | Last updated: December 31 2007 09:12", (2007, 12, 31)),
])
def test_a_byline_lines_day(line: str, day: tuple[int, int, int]) -> None:
    found = byline_day(line)
    assert found is not None and found[1] == day


@pytest.mark.parametrize("line", [
    "Wednesday, 16 January 2008",  # a masthead's date: no writer, no time
    "Obama urges House to pass the bill by August Reuters - Sat, Jun 29, 2013",  # "by" a month
    "Updated: March 3, 2017 at 10:37 AM",  # an update's
    "Today, March 22, 2017 at 9:00",  # the day the page is read
])
def test_lines_that_are_no_byline(line: str) -> None:
    assert byline_day(line) is None


@pytest.mark.parametrize(("line", "day"), [
    ("Wednesday, January 16, 2008", (2008, 1, 16)),
    ("Time: 16 January, 2008", (2008, 1, 16)),
    ("Sunday, January 20th, 2008", (2008, 1, 20)),
])
def test_a_weekdays_date_alone_may_be_the_day_the_page_was_served(
        line: str, day: tuple[int, int, int]) -> None:
    assert read_date_line(line, "") == [("served", day, None)]


def test_figures_are_day_first_on_a_site_of_a_country_that_writes_them_so() -> None:
    found = byline_day("By Ann Lee 09/01/2008", day_first=True)
    assert found is not None and found[1] == (2008, 1, 9)


def _old_page(top: str) -> bytes:
    """A page of 2008 with no date in its markup but a masthead's date of the day it was served (in an element
    named for a date), then `top` between the headline and the story."""
    story = "The harbour ferry sailed again after a week of repairs, its crew said on the quay. " * 4
    return (f"<html><head><title>Ferry back</title></head><body><div class=\"date\">Wednesday, 16 January "
            f"2008</div><h1>Ferry back in service</h1><div>{top}</div><p>{story}</p></body></html>").encode()


@pytest.mark.parametrize(("top", "day"), [
    ("By Ann Lee | Monday, 14 January, 2008", datetime.date(2008, 1, 14)),
    ("Sport 31 December 2007 - 4:41PM View all news", datetime.date(2007, 12, 31)),
    ("by Kit Orme 2 January 2008 8:00 GMT", datetime.date(2008, 1, 2)),
])
def test_an_older_pages_byline_is_its_day_not_the_mastheads(top: str, day: datetime.date) -> None:
    assert extract_document(_old_page(top)).published == day


def test_an_ad_scripts_comment_is_no_date_of_the_page() -> None:
    # "//2007-10-15: ..." was left in an ad's script by whoever set it up; the page shows its day as text
    story = "The harbour ferry sailed again after a week of repairs, its crew said on the quay. " * 4
    page = ('<html><head><title>Ferry back</title></head><body><table><tr><td><script type="text/javascript">'
            '<!--\nad_width = 250;\n//2007-10-15: harbour news\nad_channel = "3252195010";\n//-->\n</script>'
            "<h3>Ferry back in service</h3>Staff and agencies<br>15 January, 2008<br><br>"
            f"<p>{story}</p></td></tr></table></body></html>").encode()
    assert extract_document(page).published == datetime.date(2008, 1, 15)


def test_a_day_written_as_an_ordinal_is_read() -> None:
    assert read_date_line("Posted January 5th, 2008", "") == [("published", (2008, 1, 5), None)]
    found = byline_day("Article online since January 10th 2008, 0:00 Be the first to comment")
    assert found is not None and found[1] == (2008, 1, 10)


def test_a_day_opening_a_segment_of_the_address_is_the_pages() -> None:
    story = "The harbour ferry sailed again after a week of repairs, its crew said on the quay. " * 4
    page = f"<html><head><title>Ferry back</title></head><body><h1>Ferry</h1><p>{story}</p></body></html>"
    url = "https://news.example.com/Recaps/Ferry/20080108FRY--HARBOUR.aspx"
    doc = extract_document(page.encode(), url=url)
    assert doc.published == datetime.date(2008, 1, 8)


def test_a_clock_time_after_a_month_is_no_day_of_it() -> None:
    # "16 Jan 12:51p.m.": the 16th, at 12:51 (not the 12th)
    found = read_date_line("Latest headlines Updated: 16 Jan 12:51p.m.", "")
    assert found == [("updated", (None, 1, 16), None)]


def test_a_month_written_in_full_in_the_address_names_its_day() -> None:
    story = "The harbour ferry sailed again after a week of repairs, its crew said on the quay. " * 4
    page = f"<html><head><title>Ferry back</title></head><body><h1>Ferry</h1><p>{story}</p></body></html>"
    doc = extract_document(page.encode(), url="https://news.example.com/news/2008/January/10/ferry-back")
    assert doc.published == datetime.date(2008, 1, 10)


def test_a_page_is_never_published_after_the_day_it_was_updated() -> None:
    # the masthead's "today" (the day the page was served) is later than the story's update
    page = _old_page('<div class="updated">Last updated: January 13, 2008</div>')
    assert extract_document(page).published == datetime.date(2008, 1, 13)


def test_a_posted_line_outweighs_a_mastheads_later_day() -> None:
    page = _old_page('<p class="posted">Posted at 7:12am on 14 Jan 2008</p>').replace(
        b'<div class="date">Wednesday, 16 January 2008</div>',
        b'<p id="time"><span class="hide">Time:</span>16 January, 2008</p>')
    assert extract_document(page).published == datetime.date(2008, 1, 14)


def test_a_mastheads_date_whose_line_runs_into_the_menu_is_still_the_mastheads() -> None:
    page = _old_page('<div class="storydate">Harbour, January 13, 2008 11:57 IST</div>').replace(
        b'<div class="date">Wednesday, 16 January 2008</div>',
        b'<div><span id="lblDate">Wednesday, January 16, 2008</span> Harbour News</div>')
    assert extract_document(page).published == datetime.date(2008, 1, 13)


_STORY = "The harbour ferry sailed again after a week of repairs, its crew said on the quay. " * 4


@pytest.mark.parametrize(("top", "day"), [
    (f"<div><span>By The Harbour Press<br></span> <span class='greytext'><i>Tuesday, January 8, 2008</i>"
     f"</span><br><br>{_STORY}</div>", datetime.date(2008, 1, 8)),  # the writer's line above
    (f"<table><tr><td>1/9/2008<br><i>By Ann Lee</i><br><br>{_STORY}</td></tr></table>",
     datetime.date(2008, 1, 9)),  # and below
])
def test_a_date_alone_beside_a_line_naming_only_the_writer_is_the_byline(
        top: str, day: datetime.date) -> None:
    assert extract_document(_old_page(top)).published == day


def test_a_byline_in_an_element_the_markup_never_closed_is_read() -> None:
    # "<font>...<p>": the font holds the whole story, its first text is the date line
    story = "The harbour ferry sailed again after a week of repairs, its crew said on the quay. " * 4
    page = _old_page(f'<font size="2">January 2, 2008 4:48 a.m. EST <p>{story}<p>{story}')
    assert extract_document(page).published == datetime.date(2008, 1, 2)


def test_a_day_in_a_path_the_address_passes_in_its_query() -> None:
    story = "The harbour ferry sailed again after a week of repairs, its crew said on the quay. " * 4
    page = f"<html><head><title>Ferry back</title></head><body><h1>Ferry</h1><p>{story}</p></body></html>"
    doc = extract_document(page.encode(), url="http://news.example.com/default.asp?page=2008%5C01%5C14%5Cstory_7")
    assert doc.published == datetime.date(2008, 1, 14)


@pytest.mark.parametrize(("opening", "day"), [
    ("LONDON, JAN 17 (PTI) — A harbour ferry ran aground", datetime.date(2008, 1, 17)),
    ("| | Send this story |\n\n| Harbour, Jan. 18: A harbour ferry ran aground", datetime.date(2008, 1, 18)),
    ("Islamabad, Jan 14 (IANS) A harbour ferry ran aground", datetime.date(2008, 1, 20)),  # too far before
    ("Fans in Paris, Jan 17 - a harbour ferry ran aground", datetime.date(2008, 1, 20)),  # no place's line
])
def test_a_wires_date_line_after_its_place_names_the_pages_day(opening: str, day: datetime.date) -> None:
    # the page's own day, a masthead's, is a few days after the one the wire filed the story on
    assert with_opening_dateline(datetime.date(2008, 1, 20), opening + " on the quay.") == day


def test_a_published_line_without_its_year_takes_the_stamps() -> None:
    story = "The harbour ferry sailed again after a week of repairs, its crew said on the quay. " * 4
    page = (f"<html><head><title>Ferry back</title></head><body><h1>Ferry back in service</h1>"
            f"<div class='by'><h4>ANN LEE, Harbour News</h4><span>Published: Tuesday, January 08</span></div>"
            f"<p>{story}</p>"
            f"<p>Filed with a photo of 2008-01-13</p></body></html>").encode()
    assert extract_document(page).published == datetime.date(2008, 1, 8)


def test_a_mastheads_day_and_time_is_the_day_the_page_was_served() -> None:
    assert read_date_line("Monday, January 14, 2008, 3:16 pm", "") == [("served", (2008, 1, 14), None)]
