"""A timeline row's history as deltas, and the rows as they stood at a time (pure, no I/O).

Each reconcile writes, for every row it changed, one state: the row's first state holds the whole row, each
later one only what changed (a row seen again moves little: its `last_seen` and its source's report
version). Folding a story's states in the order they were written gives its rows as of the last one folded:

    body, fact = delta(before, after)        # before is None for a new row
    rows = fold(bodies)                       # event_id -> TimelineEntry

A state is a *fact* change when anything but `last_seen` and the reports' `version` moved: a new row, a
date, value, status, evidence, a source starting or ceasing to present it. Retention keeps the versions
behind fact changes (monitor.store.retention).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from monitor.track.entries import SourceReport, TimelineEntry

# Fields a row seen again changes without any fact changing.
_SEEN_FIELDS = frozenset({"last_seen"})
_SEEN_REPORT_FIELDS = frozenset({"version"})
# The key of a delta's per-source changes (a report replaced in place or appended); "sources" is the list.
_REPORTS = "reports"

Encoded = dict[str, Any]


def encode(entry: TimelineEntry) -> Encoded:
    """The row as a JSON-ready dict (every field; times in ISO 8601; counts as integers)."""
    return {
        "event_id": entry.event_id, "story": entry.story, "key": entry.key, "kind": entry.kind,
        "date": entry.date, "date_end": entry.date_end, "precision": entry.precision,
        "summary": entry.summary,
        "actors": list(entry.actors), "location": entry.location, "subject": entry.subject,
        "metric": entry.metric, "value": _number(entry.value), "unit": entry.unit,
        "qualifier": entry.qualifier, "evidence": entry.evidence, "source_url": entry.source_url,
        "published": entry.published, "first_seen": entry.first_seen.isoformat(),
        "last_seen": entry.last_seen.isoformat(), "status": entry.status,
        "sources": [_encode_report(r) for r in entry.sources], "superseded_by": entry.superseded_by,
    }


def decode(data: Mapping[str, Any]) -> TimelineEntry:
    """The row `encode` wrote."""
    fields = {k: v for k, v in data.items() if k not in ("actors", "sources", "first_seen", "last_seen")}
    return TimelineEntry(
        **fields, actors=tuple(data["actors"]),
        first_seen=dt.datetime.fromisoformat(data["first_seen"]),
        last_seen=dt.datetime.fromisoformat(data["last_seen"]),
        sources=tuple(_decode_report(r) for r in data["sources"]),
    )


def delta(before: TimelineEntry | None, after: TimelineEntry) -> tuple[Encoded, bool]:
    """What changed from `before` to `after` (the whole row when `before` is None), and whether a fact did: a
    row of undated reports on no timeline (`TimelineEntry.shown`) changes none a reader saw."""
    body, fact = _delta(before, after)
    return body, fact and (after.shown or (before is not None and before.shown))


def _delta(before: TimelineEntry | None, after: TimelineEntry) -> tuple[Encoded, bool]:
    new = encode(after)
    if before is None:
        return new, True
    old = encode(before)
    body: Encoded = {k: v for k, v in new.items() if k != "sources" and old[k] != v}
    fact = any(k not in _SEEN_FIELDS for k in body)
    old_urls = [r["source_url"] for r in old["sources"]]
    new_urls = [r["source_url"] for r in new["sources"]]
    if new_urls[: len(old_urls)] != old_urls:
        body["sources"] = new["sources"]  # reordered or dropped: the whole list (reconcile never does this)
        return body, True
    known = {r["source_url"]: r for r in old["sources"]}
    reports: dict[str, Encoded] = {}
    for report in new["sources"]:
        was = known.get(report["source_url"])
        if was is None:
            reports[report["source_url"]] = report
            fact = True
            continue
        moved = {k: v for k, v in report.items() if was.get(k) != v}
        if was.get("latent") and not report.get("latent"):
            moved["latent"] = False  # ("latent" is encoded only when set: its end must be said)
        if moved:
            reports[report["source_url"]] = moved
            fact = fact or any(k not in _SEEN_REPORT_FIELDS for k in moved)
    if reports:
        body[_REPORTS] = reports
    return body, fact


def apply(current: Encoded | None, body: Mapping[str, Any]) -> Encoded:
    """The encoded row after the state `body` (a whole row, or a delta on `current`)."""
    if current is None:
        return {k: v for k, v in body.items() if k != _REPORTS}
    row = dict(current)
    for key, value in body.items():
        if key != _REPORTS:
            row[key] = value
    if _REPORTS in body:
        sources = [dict(r) for r in row["sources"]]
        at = {r["source_url"]: i for i, r in enumerate(sources)}
        for url, change in body[_REPORTS].items():
            if url in at:
                sources[at[url]].update(change)
            else:
                sources.append(dict(change))
        row["sources"] = sources
    return row


def fold(bodies: Iterable[tuple[str, Mapping[str, Any]]]) -> dict[str, TimelineEntry]:
    """Rows by event id after the states (event id, body), taken in the order written."""
    rows: dict[str, Encoded] = {}
    for event_id, body in bodies:
        rows[event_id] = apply(rows.get(event_id), body)
    return {eid: decode(row) for eid, row in rows.items()}


def dumps(body: Mapping[str, Any]) -> str:
    """A state's body as stored: compact JSON, keys sorted (equal states are equal strings)."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _encode_report(report: SourceReport) -> Encoded:
    first = report.first_seen.isoformat() if report.first_seen is not None else None
    encoded: Encoded = {"source_url": report.source_url, "evidence": report.evidence,
                        "present": report.present, "version": report.version, "published": report.published,
                        "first_seen": first}
    if report.latent:  # only then: the states written before undated reports were kept read the same
        encoded["latent"] = True
    return encoded


def _decode_report(data: Mapping[str, Any]) -> SourceReport:
    first = data.get("first_seen")  # absent from states written before reports kept it
    fields = {k: v for k, v in data.items() if k != "first_seen"}
    return SourceReport(**fields, first_seen=dt.datetime.fromisoformat(first) if first else None)


def _number(value: float | int | None) -> float | int | None:
    """4000.0 and 4000 are one value: stored as the integer, as the store hands counts back."""
    return int(value) if isinstance(value, float) and value.is_integer() else value
