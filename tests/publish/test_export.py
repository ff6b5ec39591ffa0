"""CSV/JSON export and the terminal table (monitor/export.py)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

import pytest

from monitor.errors import InputError
from monitor.publish.export import (
    COLUMNS,
    JSON_EXTRA,
    filter_entries,
    format_table,
    items_to_rows,
    write_csv,
    write_item_rows,
    write_json,
)
from monitor.track.timeline import reconcile
from tests.fixtures.timeline.scenario import at, item, load_scenario

STORY, SOURCES, VERSIONS = load_scenario()
HARBOUR, WIRE = SOURCES["harbour"], SOURCES["wire"]
H1, H2, W1 = VERSIONS

CONTRACT_COLUMNS = (
    "event_id, story, date, date_end, precision, kind, summary, actors, location, subject, metric, value, "
    "unit, qualifier, evidence, source_url, published, first_seen, last_seen, status, sources"
)


@pytest.fixture()
def timeline():
    t = ()
    for v, hours in zip(VERSIONS, (0, 1, 2), strict=True):
        t = reconcile(t, STORY, v.source_url, v.version, v.published, v.items, at(hours)).timeline
    return t


def csv_text(entries) -> str:
    out = io.StringIO(newline="")
    write_csv(entries, out)
    return out.getvalue()


def parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def entry_with(timeline, **changes):
    return dataclasses.replace(timeline[0], **changes)


def test_columns_are_the_contract():
    expected = tuple(CONTRACT_COLUMNS.split(", "))
    assert expected == COLUMNS


def test_csv_header_line_ends_and_one_row_per_entry(timeline):
    text = csv_text(timeline)
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    rows = parse(text)
    assert len(rows) == len(timeline)
    assert {r["event_id"] for r in rows} == {e.event_id for e in timeline}


def test_csv_cells(timeline):
    rows = {r["summary"]: r for r in parse(csv_text(timeline))}
    call = rows["Ana Ruiz spoke with Tom Okafor"]
    assert call["actors"] == "Ana Ruiz; Tom Okafor"
    assert call["sources"] == "2"
    assert call["status"] == "active"
    assert (call["date"], call["date_end"], call["precision"]) == ("2021-06-13", "2021-06-13", "day")
    assert call["first_seen"] == "2021-06-14T08:00:00+00:00"
    assert call["last_seen"] == "2021-06-14T10:00:00+00:00"
    assert call["value"] == "" and call["location"] == ""
    old = rows["Ferry passengers rescued: 120"]
    assert (old["status"], old["value"], old["qualifier"], old["sources"]) == ("revised", "120", "exact", "0")
    assert rows["The harbour authority said the hull was intact"]["status"] == "removed"


def test_csv_sorted_by_date_undated_last_then_kind(timeline):
    extra = [
        entry_with(timeline, event_id="ev-w", date="2021-W23", kind="meeting"),  # starts Monday 7 June
        entry_with(timeline, event_id="ev-m", date="2021-06", kind="meeting"),  # starts 1 June
        entry_with(timeline, event_id="ev-u", date=None, kind="call"),
        entry_with(timeline, event_id="ev-a", date=None, kind="arrival"),
        entry_with(timeline, event_id="ev-p", date="PRESENT_REF", kind="statement"),
    ]
    rows = parse(csv_text([*timeline, *extra]))
    assert [r["event_id"] for r in rows[:2]] == ["ev-m", "ev-w"]
    dated = [r for r in rows if r["event_id"] not in {"ev-u", "ev-a", "ev-p", "ev-m", "ev-w"}]
    assert [(r["date"], r["kind"]) for r in dated] == sorted((r["date"], r["kind"]) for r in dated)
    assert [r["event_id"] for r in rows[-3:]] == ["ev-a", "ev-u", "ev-p"]  # undated: by kind


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tTabbed", "'\tTabbed"),
        ("\rCR", "'\rCR"),
        ("Plain text, = later", "Plain text, = later"),
    ],
)
def test_formula_cells_are_neutralised(timeline, text, cell):
    entry = entry_with(timeline, summary=text, evidence=text, location=text, actors=(text, "B"))
    (row,) = parse(csv_text([entry]))
    assert row["summary"] == cell and row["evidence"] == cell and row["location"] == cell
    assert row["actors"].startswith(cell)


def test_numbers_stay_numbers(timeline):
    values = {"ev-neg": -5, "ev-int": 4000.0, "ev-frac": 2.5, "ev-big": 188663}
    entries = [entry_with(timeline, event_id=k, value=v) for k, v in values.items()]
    rows = {r["event_id"]: r["value"] for r in parse(csv_text(entries))}
    # A negative figure is a number we formatted, not text from a page: it is not prefixed.
    assert rows == {"ev-neg": "-5", "ev-int": "4000", "ev-frac": "2.5", "ev-big": "188663"}


def test_rfc4180_quoting_round_trips(timeline):
    tricky = 'He said "yes, today",\nthen left; Zürich — café'
    entry = entry_with(timeline, summary=tricky, evidence=tricky)
    text = csv_text([entry])
    assert '"He said ""yes, today"",\nthen left; Zürich — café"' in text
    (row,) = parse(text)
    assert row["summary"] == tricky and row["evidence"] == tricky


def test_csv_file_is_utf8(timeline, tmp_path):
    path = tmp_path / "timeline.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        write_csv([entry_with(timeline, summary="Zürich — café")], fh)
    data = path.read_bytes()
    assert "Zürich — café".encode() in data
    assert data.count(b"\r\n") == 2


def test_json_same_keys_typed_values(timeline):
    out = io.StringIO()
    write_json([*timeline, entry_with(timeline, event_id="ev-f", summary="=1+1")], out)
    data = json.loads(out.getvalue())
    assert isinstance(data, list) and len(data) == len(timeline) + 1
    for obj in data:
        # The contract's columns in order, then the JSON's own keys (README: CONTRACT additions).
        assert tuple(obj)[: len(COLUMNS)] == COLUMNS and tuple(obj)[len(COLUMNS):] == JSON_EXTRA
    by_summary = {o["summary"]: o for o in data}
    call = by_summary["Ana Ruiz spoke with Tom Okafor"]
    assert call["actors"] == ["Ana Ruiz", "Tom Okafor"] and call["sources"] == 2
    assert by_summary["Ferry passengers rescued: 180"]["value"] == 180
    assert by_summary["Ferry passengers rescued: 180"]["location"] is None
    assert "=1+1" in by_summary  # JSON is data: never altered


def test_filter_by_story_and_first_seen(timeline):
    other = entry_with(timeline, event_id="ev-other", story="another-story")
    entries = [*timeline, other]
    assert filter_entries(entries, story="another-story") == [other]
    assert len(filter_entries(entries, story=STORY)) == len(timeline)
    new = filter_entries(entries, story=STORY, since=at(1))
    assert {e.summary for e in new} == {
        "Ferry passengers rescued: 180",
        "The tugboat Bravo arrived at the wreck",
    }
    assert len(filter_entries(entries, since="2021-06-14")) == len(entries)
    assert filter_entries(entries, since="2021-06-15") == []
    # A naive `since` is taken as UTC against aware timestamps.
    assert len(filter_entries(entries, since=dt.datetime(2021, 6, 14, 9, 0))) == 2


def test_filter_dated_since(timeline):
    kept = filter_entries(timeline, dated_since="2021-06-14")
    assert kept and all(e.date >= "2021-06-14" for e in kept)
    assert all(e.date == "2021-06-13" for e in timeline if e not in kept)


def test_filter_rejects_a_non_date():
    with pytest.raises(InputError, match="since: 'yesterday'"):
        filter_entries([], since="yesterday")


def test_items_to_rows_for_extract():
    items = [
        item("call", "2021-W23", "Ruiz spoke with Okafor", actors=["Ana Ruiz", "Tom Okafor"]),
        item("figure", "2021-06-14", "120 rescued", subject="the ferry", metric="rescued", value=120.0),
    ]
    rows = items_to_rows(items, "2021-06-14", HARBOUR)
    assert all(tuple(r) == COLUMNS for r in rows)
    text = csv_text(rows)
    parsed = parse(text)
    assert [r["kind"] for r in parsed] == ["call", "figure"]
    assert parsed[0]["date_end"] == "2021-06-13" and parsed[0]["precision"] == "week"
    assert parsed[1]["value"] == "120"
    assert all(r["event_id"] == "" and r["first_seen"] == "" and r["status"] == "" for r in parsed)
    assert all(r["source_url"] == HARBOUR and r["published"] == "2021-06-14" for r in parsed)


def test_format_table(timeline):
    table = format_table(timeline, width=80)
    lines = table.splitlines()
    assert lines[0].split() == ["DATE", "KIND", "SUMMARY", "VALUE", "STATUS", "SRC", "ORIG"]
    assert len(lines) == len(timeline) + 1
    assert all(len(line) <= 80 for line in lines)
    assert any("revised" in line and "120" in line for line in lines)
    long = entry_with(timeline, summary="word " * 60)
    (row,) = format_table([long], width=70).splitlines()[1:]
    assert "…" in row and len(row) <= 70


def test_format_table_shows_sources_origins_and_disputes_at_a_glance():
    from monitor.track.timeline import reconcile

    toll = dict(subject="Port Elms", metric="deaths", qualifier="exact")
    wire_a, wire_b, own = "https://a.example/w", "https://b.example/w", "https://c.example/own"
    timeline: tuple = ()
    for n, (url, value) in enumerate(((wire_a, 12), (wire_b, 12), (own, 15))):
        told = [item("figure", "2021-06-14", f"{value} dead", value=value, **toll)]
        timeline = reconcile(timeline, "s", url, 1, "2021-06-14", told, at(n)).timeline
    lines = format_table(timeline, width=120, origins={wire_a: wire_a, wire_b: wire_a, own: own}).splitlines()
    by_value = {line.split()[4]: line.split() for line in lines[1:]}  # date, kind, "12 dead", value
    assert by_value["12"][-4:] == ["disputed:", "15", "2", "1"]  # two sites, one wire story: one origin
    assert by_value["15"][-4:] == ["disputed:", "12", "1", "1"]


def test_write_item_rows_csv_and_json():
    items = [item("arrival", "2021-06-14", "The tug arrived", actors=["Bravo"])]
    out = io.StringIO(newline="")
    write_item_rows(items, out, published="2021-06-14", source_url="article.html")
    (row,) = parse(out.getvalue())
    assert (row["kind"], row["actors"], row["source_url"], row["sources"]) == (
        "arrival",
        "Bravo",
        "article.html",
        "",
    )
    out = io.StringIO()
    write_item_rows(items, out, fmt="json")
    (obj,) = json.loads(out.getvalue())
    assert tuple(obj) == COLUMNS and obj["actors"] == ["Bravo"] and obj["published"] is None


def test_a_published_date_object_is_written_as_iso(timeline):
    entry = entry_with(timeline, published=dt.date(2021, 6, 14))
    out = io.StringIO()
    write_json([entry], out)
    assert json.loads(out.getvalue())[0]["published"] == "2021-06-14"
    assert parse(csv_text([entry]))[0]["published"] == "2021-06-14"


def test_url_credentials_are_redacted_in_every_format(timeline):
    secret = entry_with(timeline, source_url="http://reader:hunter2@example.org/a",
                        subject="http://reader:hunter2@example.org/b")
    out = io.StringIO()
    write_json([secret], out)
    texts = {"csv": csv_text([secret]), "json": out.getvalue(), "table": format_table([secret], width=300)}
    for fmt, text in texts.items():
        assert "hunter2" not in text, fmt
    [row] = parse(texts["csv"])
    assert row["source_url"] == "http://***@example.org/a" and row["subject"] == "http://***@example.org/b"


def test_json_marks_two_sources_disagreeing_on_a_figure_as_disputed():
    from monitor.track.timeline import reconcile
    from tests.fixtures.timeline.scenario import at, item

    toll = dict(subject="Port Elms", metric="deaths", qualifier="exact")
    a, b = "https://a.example/toll", "https://b.example/toll"
    first = reconcile((), "s", a, 1, "2021-06-14", [item("figure", "2021-06-14", "12", value=12, **toll)],
                      at(0))
    second = reconcile(first.timeline, "s", b, 1, "2021-06-14",
                       [item("figure", "2021-06-14", "15", value=15, **toll)], at(1))
    out = io.StringIO()
    write_json(second.timeline, out)
    rows = {r["value"]: r for r in json.loads(out.getvalue())}
    assert rows[12]["disputed"] and rows[15]["disputed"] and rows[12]["status"] == "active"
    assert rows[12]["disputed_with"] == [{"event_id": rows[15]["event_id"], "value": 15, "qualifier": "exact",
                                          "sources": [b]}]
    assert [s["url"] for s in rows[15]["source_urls"]] == [b] and rows[15]["origins"] == 1


def test_json_gives_each_source_its_own_sentence():
    from monitor.track.timeline import reconcile
    from tests.fixtures.timeline.scenario import at, item

    a, b = "https://a.example/call", "https://b.example/call"
    told_a = "Ada Brisk spoke with Tomas Elvey by phone on Monday."
    told_b = "Harbour Minister Ada Brisk and Mayor Tomas Elvey spoke by phone on Monday."
    both = ("Ada Brisk", "Tomas Elvey")
    first = reconcile((), "s", a, 1, "2021-06-15",
                      [item("call", "2021-06-14", "Call", told_a, actors=both)], at(0))
    second = reconcile(first.timeline, "s", b, 1, "2021-06-15",
                       [item("call", "2021-06-14", "Call", told_b, actors=both)], at(1))
    out = io.StringIO()
    write_json(second.timeline, out)
    [row] = json.loads(out.getvalue())
    assert row["evidence"] == told_a
    assert [(s["url"], s["evidence"]) for s in row["source_urls"]] == [(a, told_a), (b, told_b)]
