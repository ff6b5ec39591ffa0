"""Timeline export: CSV (RFC 4180) and JSON with the contract's columns, and a terminal table.

Rows are sorted by date (the start of the period the date covers; undated items last), then kind, then
event_id. In CSV, actors are joined with "; ", `sources` is the count of distinct sources that still report
the item, and an integer value prints without ".0".

Spreadsheet safety: a text cell starting with =, +, -, @, a tab or a carriage return is prefixed with a
single quote so Excel/LibreOffice show it instead of running it as a formula. The `value` and `sources`
columns are numbers we format ourselves (never text from a page), so a negative value such as -5 stays
-5 and remains a number in the spreadsheet. JSON is data, not a spreadsheet: it is never altered, but for
this: in every format, the userinfo of a URL (`http://user:password@host/`) is redacted (`monitor.redact`).

`filter_entries(since=...)` keeps items *first seen* on or after `since` ("what is new since yesterday");
`dated_since=...` keeps items whose date reaches on or after a day.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from monitor.errors import InputError
from monitor.extract.spans import date_span
from monitor.numbers import format_number, plain_number
from monitor.redact import redact
from monitor.track.conflicts import rivals
from monitor.track.timeline import ItemLike, TimelineEntry

COLUMNS = (
    "event_id", "story", "date", "date_end", "precision", "kind", "summary", "actors", "location", "subject",
    "metric", "value", "unit", "qualifier", "evidence", "source_url", "published", "first_seen", "last_seen",
    "status", "sources",
)
# Keys the JSON export carries beyond the contract's columns (README: CONTRACT additions).
JSON_EXTRA = ("origins", "source_urls", "disputed", "disputed_with")
ACTOR_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMERIC_COLUMNS = frozenset({"value", "sources"})

Row = dict[str, Any]


def _timestamp(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def _text(value: object) -> str | None:
    """A date the store may hand back as a date object, as ISO text."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def entry_to_row(
    entry: TimelineEntry, rivals: Sequence[TimelineEntry] = (), origins: Mapping[str, str] | None = None
) -> Row:
    """One timeline entry as a dict keyed by COLUMNS (actors a list, timestamps ISO 8601, sources a count),
    then JSON_EXTRA: the sources with when each first reported it, the independent origins among them
    (`origins` maps a source URL to its origin; without it each source is its own), whether another source
    disputes the value and with what."""
    present = [s.source_url for s in entry.sources if s.present]
    origin_of = origins or {}
    return {
        "event_id": entry.event_id,
        "story": entry.story,
        "date": entry.date,
        "date_end": entry.date_end,
        "precision": entry.precision,
        "kind": entry.kind,
        "summary": entry.summary,
        "actors": list(entry.actors),
        "location": entry.location,
        "subject": entry.subject,
        "metric": entry.metric,
        "value": plain_number(entry.value),
        "unit": entry.unit,
        "qualifier": entry.qualifier,
        "evidence": entry.evidence,
        "source_url": entry.source_url,
        "published": _text(entry.published),
        "first_seen": _timestamp(entry.first_seen),
        "last_seen": _timestamp(entry.last_seen),
        "status": entry.status,
        "sources": entry.source_count,
        "origins": len({origin_of.get(url, url) for url in present}),
        "source_urls": source_list(entry, origin_of),
        "disputed": bool(rivals),
        "disputed_with": [{"event_id": r.event_id, "value": plain_number(r.value), "qualifier": r.qualifier,
                           "sources": [s.source_url for s in r.sources if s.present]} for r in rivals],
    }


def source_list(entry: TimelineEntry, origins: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Every source that reported the item, the first reporter first: its URL, when it was first seen
    reporting it, its publication day, whether its newest version still does, its origin (the first source
    of the near-identical copies it belongs to; itself when it has none), and its own sentence of it (the
    row's `evidence` is its first reporter's: each outlet tells it in its own words)."""
    reports = sorted(entry.sources, key=lambda s: (s.first_seen is None, s.first_seen or entry.first_seen))
    return [{"url": s.source_url, "first_seen": _timestamp(s.first_seen), "published": _text(s.published),
             "present": s.present, "origin": (origins or {}).get(s.source_url, s.source_url),
             "evidence": s.evidence}
            for s in reports]


def items_to_rows(items: Iterable[ItemLike], published: str | None, source_url: str | None) -> list[Row]:
    """Extracted items (no database) as export rows; event_id, story, first_seen... are None."""
    rows = []
    for item in items:
        span = date_span(item.date)
        row: Row = dict.fromkeys(COLUMNS)
        row.update(
            date=item.date,
            date_end=span.end.isoformat() if span else None,
            precision=span.precision if span else None,
            kind=item.kind,
            summary=item.summary,
            actors=list(item.actors),
            location=item.location,
            subject=item.subject,
            metric=item.metric,
            value=plain_number(item.value),
            unit=item.unit,
            qualifier=item.qualifier,
            evidence=item.evidence,
            source_url=source_url,
            published=_text(published),
        )
        rows.append(row)
    return rows


def sort_key(row: Mapping[str, Any]) -> tuple[object, ...]:
    """Date (period start, then end; undated last), then kind, then event_id."""
    span = date_span(row.get("date"))
    dated = (0, span.start, span.end) if span else (1, dt.date.max, dt.date.max)
    return (*dated, row.get("kind") or "", row.get("event_id") or "")


def _rows(
    entries: Iterable[TimelineEntry | Mapping[str, Any]], origins: Mapping[str, str] | None = None
) -> list[Row]:
    entries = list(entries)
    disputed = rivals(e for e in entries if isinstance(e, TimelineEntry))
    rows = [
        _redacted(entry_to_row(e, disputed.get(e.event_id, ()), origins) if isinstance(e, TimelineEntry)
                  else dict(e))
        for e in entries
    ]
    return sorted(rows, key=sort_key)


def _redacted(row: Row) -> Row:
    """The row with the credentials of every URL in its text hidden (source_url, subject, evidence ...)."""
    for key, value in row.items():
        if isinstance(value, str):
            row[key] = redact(value)
        elif isinstance(value, list):
            row[key] = [redact(v) if isinstance(v, str) else _redacted(dict(v)) if isinstance(v, dict) else v
                        for v in value]
    return row


def _neutralise(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv_cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column == "actors" and not isinstance(value, str):
        value = ACTOR_SEPARATOR.join(value)
    if column in _NUMERIC_COLUMNS and isinstance(value, int | float) and not isinstance(value, bool):
        return str(plain_number(value))
    return _neutralise(str(value))


def write_csv(entries: Iterable[TimelineEntry | Mapping[str, Any]], stream: IO[str]) -> None:
    """Write a header row and one row per entry (or row dict from items_to_rows), sorted, RFC 4180.

    Open a file for it with newline="" and encoding="utf-8" so the CRLF line ends are kept as written.
    """
    writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in _rows(entries):
        writer.writerow([_csv_cell(column, row.get(column)) for column in COLUMNS])


def write_item_rows(
    items: Iterable[ItemLike],
    stream: IO[str],
    *,
    published: str | None = None,
    source_url: str | None = None,
    fmt: str = "csv",
) -> None:
    """Write extracted items (`monitor extract --format csv`) with the export's columns; fmt csv or json."""
    rows = items_to_rows(items, published, source_url)
    (write_json if fmt == "json" else write_csv)(rows, stream)


def write_json(
    entries: Iterable[TimelineEntry | Mapping[str, Any]],
    stream: IO[str],
    origins: Mapping[str, str] | None = None,
) -> None:
    """Write one JSON array of objects keyed by COLUMNS (actors a list, value and sources numbers), then the
    JSON_EXTRA keys a timeline row has (see entry_to_row); `origins` maps source URLs to their origin."""
    keys = (*COLUMNS, *JSON_EXTRA)
    rows = [{k: row.get(k) for k in keys if k in COLUMNS or k in row} for row in _rows(entries, origins)]
    json.dump(rows, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _as_datetime(value: str | dt.date | dt.datetime, name: str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{name}: {value!r} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None


def _comparable(a: dt.datetime, b: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Naive datetimes are taken as UTC when compared with aware ones."""
    if (a.tzinfo is None) != (b.tzinfo is None):
        a = a.replace(tzinfo=dt.UTC) if a.tzinfo is None else a
        b = b.replace(tzinfo=dt.UTC) if b.tzinfo is None else b
    return a, b


def filter_entries(
    entries: Iterable[TimelineEntry],
    story: str | None = None,
    since: str | dt.date | dt.datetime | None = None,
    dated_since: str | dt.date | None = None,
) -> list[TimelineEntry]:
    """Keep the entries of `story`, first seen on or after `since`, dated on or after `dated_since`.

    Raises InputError when `since` or `dated_since` is not a date.
    """
    since_at = _as_datetime(since, "since") if since is not None else None
    dated_from = _as_datetime(dated_since, "dated_since").date() if dated_since is not None else None
    kept = []
    for entry in entries:
        if story is not None and entry.story != story:
            continue
        if since_at is not None:
            seen, limit = _comparable(entry.first_seen, since_at)
            if seen < limit:
                continue
        if dated_from is not None:
            span = date_span(entry.date)
            if span is None or span.end < dated_from:
                continue
        kept.append(entry)
    return kept


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _status_cell(row: Row) -> str:
    """The status, or for a figure another source contradicts, `disputed` and the other values."""
    if not row.get("disputed"):
        return str(row["status"] or "")
    return "disputed: " + ", ".join(format_number(r["value"]) for r in row["disputed_with"])


def format_table(
    entries: Sequence[TimelineEntry], width: int | None = None, origins: Mapping[str, str] | None = None
) -> str:
    """A plain-text table for `monitor timeline`: date, kind, summary (clipped), value, status (`disputed`
    and the other sources' values when sources disagree), sources, independent origins among them."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    rows = _rows(entries, origins)
    cells = [
        [
            row["date"] or "undated",
            row["kind"] or "",
            row["summary"] or "",
            "" if row["value"] is None else format_number(row["value"]),
            _status_cell(row),
            str(row["sources"] if row["sources"] is not None else ""),
            str(row["origins"] if row.get("origins") is not None else ""),
        ]
        for row in rows
    ]
    header = ["DATE", "KIND", "SUMMARY", "VALUE", "STATUS", "SRC", "ORIG"]
    widths = [max([len(header[i])] + [len(c[i]) for c in cells]) for i in range(len(header))]
    fixed = sum(w for i, w in enumerate(widths) if i != 2) + 2 * (len(header) - 1)
    widths[2] = max(min(widths[2], width - fixed), 12)
    right = {3, 5, 6}

    def line(values: list[str]) -> str:
        parts = [
            (_clip(v, widths[i]).rjust(widths[i]) if i in right else _clip(v, widths[i]).ljust(widths[i]))
            for i, v in enumerate(values)
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(header), *(line(c) for c in cells)]) + "\n"
