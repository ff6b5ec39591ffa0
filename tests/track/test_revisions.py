"""monitor.track.revisions: which figure revises which, and every row's status."""

from __future__ import annotations

import dataclasses
import datetime as dt

from monitor.track.entries import ACTIVE, REMOVED, REVISED, SourceReport, TimelineEntry
from monitor.track.revisions import resolve_statuses, supersede

NOW = dt.datetime(2024, 3, 5, 12, 0, tzinfo=dt.UTC)
A, B = "http://127.0.0.1/a", "http://127.0.0.1/b"


def _figure(eid: str, value: int, date: str, *reports: tuple[str, bool]) -> TimelineEntry:
    sources = tuple(SourceReport(url, f"{value} ferries were in service.", present, 1, date)
                    for url, present in reports)
    return TimelineEntry(
        event_id=eid, story="harbour", key=eid, kind="figure", date=date, date_end=None, precision="day",
        summary=f"ferries {value}", actors=(), location=None, subject="Harbour City", metric="ferries",
        value=value, unit=None, qualifier=None, evidence=sources[0].evidence,
        source_url=sources[0].source_url, published=date, first_seen=NOW, last_seen=NOW, status=ACTIVE,
        sources=sources)


def test_a_later_figure_of_a_series_revises_the_current_one() -> None:
    old, new = _figure("ev-old", 12, "2024-03-01", (A, True)), _figure("ev-new", 14, "2024-03-04", (A, True))
    work = {"ev-old": old, "ev-new": new}
    supersede(work, {"ev-old": old}, ["ev-new"], set(), A)
    after = resolve_statuses(work)
    assert after["ev-old"].status == REVISED and after["ev-old"].superseded_by == "ev-new"
    assert after["ev-new"].status == ACTIVE


def test_another_sources_value_for_the_same_day_disputes_rather_than_revises() -> None:
    mine, theirs = _figure("ev-a", 12, "2024-03-04", (A, True)), _figure("ev-b", 14, "2024-03-04", (B, True))
    work = {"ev-a": mine, "ev-b": theirs}
    supersede(work, {"ev-a": mine}, ["ev-b"], set(), B)
    after = resolve_statuses(work)
    assert after["ev-a"].status == ACTIVE and after["ev-b"].status == ACTIVE


def test_a_row_no_source_presents_is_removed_and_its_predecessor_falls_back() -> None:
    old = _figure("ev-old", 12, "2024-03-01", (A, True))
    gone = _figure("ev-new", 14, "2024-03-04", (A, False))
    after = resolve_statuses({"ev-old": dataclasses.replace(old, superseded_by="ev-new"), "ev-new": gone})
    assert after["ev-new"].status == REMOVED
    assert after["ev-old"].status == ACTIVE and after["ev-old"].superseded_by is None


def test_a_row_shows_the_evidence_of_its_earliest_source_still_presenting_it() -> None:
    row = _figure("ev-1", 12, "2024-03-04", (A, False), (B, True))
    assert resolve_statuses({"ev-1": row})["ev-1"].source_url == B
