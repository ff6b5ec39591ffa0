"""The self-contained HTML report (monitor/report.py), read back with a real HTML parser."""

from __future__ import annotations

import dataclasses
import datetime as dt
from html.parser import HTMLParser

import pytest

from monitor.publish.report import render_report, safe_url, write_report
from monitor.track.timeline import reconcile
from tests.fixtures.timeline.scenario import at, item, load_scenario

STORY, SOURCES, VERSIONS = load_scenario()
HARBOUR, WIRE = SOURCES["harbour"], SOURCES["wire"]
EVIL = "<script>alert(1)</script>"
BAD_URL = "javascript:alert(1)"


class Page(HTMLParser):
    """Collects every start tag with its attributes, and the text outside <style>."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self._in_style = False
        self.feed(text)
        self.close()
        self.text = " ".join(" ".join(self.chunks).split())

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if not self._in_style:
            self.chunks.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]

    def hrefs(self) -> list[str]:
        return [a["href"] or "" for t, a in self.tags if "href" in a]


@pytest.fixture(scope="module")
def timeline():
    t = ()
    for v, hours in zip(VERSIONS, (0, 1, 2), strict=True):
        t = reconcile(t, STORY, v.source_url, v.version, v.published, v.items, at(hours)).timeline
    hostile = [
        item(
            "meeting",
            "2021-W24",
            f"Crisis meeting {EVIL}",
            actors=["Ana Ruiz", "<img src=x onerror=alert(1)>"],
        ),
        item(
            "statement",
            None,
            "Aid was sent before",
            evidence='Aid was sent "before" </script><script>x()</script>',
        ),
        item(
            "figure", "2021-06-15", "rescued 200", subject="the ferry", metric="passengers rescued", value=200
        ),
    ]
    return reconcile(t, STORY, BAD_URL, 1, "2021-06-15", hostile, at(3)).timeline


@pytest.fixture(scope="module")
def html(timeline) -> str:
    return render_report(f"Ferry aground {EVIL}", timeline, dt.datetime(2021, 6, 15, 12, 0))


@pytest.fixture(scope="module")
def page(html) -> Page:
    return Page(html)


def test_one_document_with_viewport_and_inline_style(html, page):
    assert html.startswith("<!DOCTYPE html>")
    assert [t for t, _ in page.tags].count("html") == 1
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in page.all("meta")
    assert len(page.all("style")) == 1


def test_no_external_resource(page):
    assert page.all("script") == []
    assert page.all("link") == [] and page.all("img") == [] and page.all("iframe") == []
    assert not any("src" in attrs for _, attrs in page.tags)
    # Links lead out only from anchors, never to load anything.
    assert all(tag == "a" for tag, attrs in page.tags if "href" in attrs)


def test_every_item_with_its_date_and_anchor(page, timeline):
    ids = {a.get("id") for _, a in page.tags}
    for entry in timeline:
        assert entry.summary in page.text
        assert entry.event_id in ids
        if entry.date:  # the time axis links each dated marker to its item
            assert f"#{entry.event_id}" in page.hrefs()
    times = {a["datetime"] for a in page.all("time") if a.get("datetime")}
    assert {"2021-06-13", "2021-06-14", "2021-06-15"} <= times
    assert "2021-W24 (14 Jun – 20 Jun 2021)" in page.text
    assert "Undated" in page.text


def test_evidence_and_source_links(page, timeline):
    for entry in timeline:
        for report in entry.sources:
            assert " ".join(report.evidence.split()) in page.text
    assert HARBOUR in page.hrefs() and WIRE in page.hrefs()
    for attrs in page.all("a"):
        if (attrs["href"] or "").startswith("http"):
            assert "noopener" in (attrs.get("rel") or "")


def test_data_is_escaped(html, page):
    assert EVIL not in html
    assert f"Crisis meeting {EVIL}" in page.text  # shown as text
    assert f"Ferry aground {EVIL}" in page.text
    assert "<img src=x onerror=alert(1)>" in page.text
    assert "</script><script>x()</script>" in page.text


def test_only_http_links(page):
    assert all(h.startswith(("http://", "https://", "#")) for h in page.hrefs())
    assert BAD_URL in page.text  # the bad source is still named, just not linked


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/a?b=1#c", "https://news.example.org/a?b=1#c"),
        ("HTTP://Example.org/", "http://Example.org/"),
        ("javascript:alert(1)", None),
        (" JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<b>x</b>", None),
        ("//evil.example/x", None),
        ("http:///no-host", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_figure_series_chart_shows_every_value(page, timeline):
    figures = [e for e in timeline if e.kind == "figure"]
    assert len(page.all("figure")) == 2  # (ferry, injured) and (ferry, passengers rescued)
    assert "the ferry — passengers rescued" in page.text
    svgs = page.all("svg")
    assert len(svgs) == 3 and all("viewbox" in a for a in svgs)  # html.parser lower-cases names
    # One marker per figure in its chart, plus one per item on the axis.
    assert len(page.all("circle")) >= len(figures) + sum(
        1 for e in timeline if e.date and e.precision == "day"
    )
    for value in ("120", "180", "200", "more than 12"):
        assert value in page.text
    assert "revised" in page.text


def test_empty_timeline_still_renders():
    page = Page(render_report("Nothing yet", [], "2021-06-15T12:00"))
    assert "Nothing yet" in page.text and "No dated items yet." in page.text
    assert page.all("script") == []


def test_revised_figure_points_to_its_successor(timeline):
    old = next(e for e in timeline if e.kind == "figure" and e.value == 120)
    html = render_report("t", [old, *(e for e in timeline if e.event_id == old.superseded_by)], "now")
    assert 'stroke-dasharray="4 3"' in html  # the revision is drawn
    lone = render_report("t", [dataclasses.replace(old, superseded_by=None, status="active")], "now")
    assert 'stroke-dasharray="4 3"' not in lone


class _Story:
    def __init__(self, story_id: str, title: str) -> None:
        self.id, self.title = story_id, title


class _MemoryStore:
    """The two store methods write_report uses, over a list (no copies among the sources)."""

    def __init__(self, entries) -> None:
        self.entries = list(entries)

    def load_timeline(self, story=None):
        return [e for e in self.entries if story is None or e.story == story]

    def source_origins(self, story=None):
        return {}


def test_write_report_puts_several_stories_in_one_file(timeline, tmp_path):
    other = [dataclasses.replace(e, story="second", event_id=e.event_id + "-b") for e in timeline[:2]]
    store = _MemoryStore([*timeline, *other])
    path = tmp_path / "report.html"
    write_report(store, [_Story(STORY, "Ferry aground"), _Story("second", "")], path, at(5))
    page = Page(path.read_text(encoding="utf-8"))
    assert "Ferry aground" in page.text and "second" in page.text  # an untitled story is named by its id
    assert {"#story-1", "#story-2"} <= set(page.hrefs())
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))  # anchors stay unique across stories
    assert page.all("script") == []
    single = tmp_path / "one.html"
    write_report(store, [_Story(STORY, "Ferry aground")], single, at(5))
    assert single.read_text(encoding="utf-8") == render_report(
        "Ferry aground", store.load_timeline(STORY), at(5)
    )


def test_report_in_a_real_browser(tmp_path, html, timeline):
    """Chromium loads the file offline, every item is in the rendered DOM, and a screenshot is taken."""
    from tests.browser import dump_dom, screenshot

    report = tmp_path / "report.html"
    report.write_text(html, encoding="utf-8")
    rendered = Page(dump_dom(report))
    for entry in timeline:
        assert entry.summary in rendered.text
    assert "<script>alert(1)</script>" not in [t for t, _ in rendered.tags]
    assert rendered.all("script") == []  # nothing injected ran or was parsed as markup
    for width in (1100, 390):  # a laptop and a phone
        png = screenshot(report, tmp_path / f"report-{width}.png", width=width)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_url_credentials_are_redacted(timeline):
    secret = dataclasses.replace(timeline[0], source_url="http://reader:hunter2@example.org/a",
                                 summary="Ferry seen at http://reader:hunter2@example.org/b")
    text = render_report("Ferry", [secret], dt.datetime(2021, 6, 15, 12, 0))
    assert "hunter2" not in text
    assert "Ferry seen at http://***@example.org/b" in Page(text).text
