"""monitor.track.bridging: rows of one happening merged, and which row survives."""

from __future__ import annotations

import datetime as dt

from monitor.track.bridging import as_report, merged, settle, survivor_first
from monitor.track.candidates import pool_of
from monitor.track.entries import ACTIVE, SourceReport, TimelineEntry

EARLY = dt.datetime(2024, 3, 5, 9, 0, tzinfo=dt.UTC)
LATE = EARLY + dt.timedelta(hours=3)
A, B, C = "http://127.0.0.1/a", "http://127.0.0.1/b", "http://127.0.0.1/c"


def _row(eid: str, kind: str, *reports: SourceReport, first_seen: dt.datetime = EARLY) -> TimelineEntry:
    return TimelineEntry(
        event_id=eid, story="harbour", key=eid, kind=kind, date="2024-03-04", date_end="2024-03-04",
        precision="day", summary=f"{kind}: {eid}", actors=(), location=None, subject=None, metric=None,
        value=None, unit=None, qualifier=None, evidence=reports[0].evidence, source_url=reports[0].source_url,
        published="2024-03-05", first_seen=first_seen, last_seen=first_seen, status=ACTIVE, sources=reports)


def _told(url: str, evidence: str, *, latent: bool = False) -> SourceReport:
    return SourceReport(url, evidence, True, 1, "2024-03-05", EARLY, latent)


def _rank(entry: TimelineEntry) -> tuple[dt.datetime, str]:
    return entry.first_seen, entry.event_id


def test_a_row_is_told_as_its_first_dated_report_and_a_row_of_undated_reports_as_none() -> None:
    row = _row("ev-1", "business", _told(A, "The ferry line was sold, its owner said.", latent=True),
               _told(B, "Harbour Lines sold the ferry line on Monday."))
    told = as_report(row)
    assert told is not None and not told.latent
    assert (told.source_url, told.evidence, told.kind) == (B, "Harbour Lines sold the ferry line on Monday.",
                                                           "business")
    assert told.event_id == row.event_id and told.sources == row.sources
    assert as_report(_row("ev-2", "business", _told(A, "It was sold.", latent=True))) is None


def test_the_row_holding_undated_reports_survives_else_the_older() -> None:
    older = _row("ev-old", "policy", _told(A, "The council adopted the plan on Monday."))
    newer = _row("ev-new", "business", _told(B, "The plan was launched on Monday."), first_seen=LATE)
    echoed = _row("ev-echo", "business", _told(C, "The plan was launched on Monday."),
                  _told(B, "Officials launched the plan.", latent=True), first_seen=LATE)
    assert survivor_first(newer, older, _rank) == (older, newer)
    # Undated reports meet rows of their own kind only: their row keeps its kind.
    assert survivor_first(older, echoed, _rank) == (echoed, older)
    other_kind = _row("ev-other", "policy", _told(A, "It was adopted.", latent=True), _told(C, "Adopted."))
    assert survivor_first(echoed, other_kind, _rank) is None


def test_settle_merges_a_grown_row_with_another_sources_row_the_rule_takes_for_one() -> None:
    new_sentence = "Ruiz launched the water-saving campaign to bring awareness to the drought."
    grown = _row("ev-grown", "business", _told(A, "Gov. Ana Ruiz launched the campaign on Monday."),
                 _told(B, new_sentence, latent=True), first_seen=LATE)
    alike = _row("ev-alike", "policy",
                 _told(C, "The water-saving campaign, introduced on Monday, drew mockery."))
    mine = _row("ev-mine", "policy", _told(B, "The water-saving campaign drew mockery on Monday."))
    unlike = _row("ev-unlike", "policy", _told(C, "The council voted on the budget on Monday."))
    work = {row.event_id: row for row in (grown, alike, mine, unlike)}
    def one_happening(item: TimelineEntry, entry: TimelineEntry) -> bool:
        return True  # the rules are timeline's: here every row asked is taken for one happening

    moved, settled = settle(work, {"ev-grown": [new_sentence]}, pool_of(work.values()), one_happening, _rank)
    assert settled
    assert moved == []  # the grown row holds undated reports: it survives
    assert {s.source_url for s in work["ev-grown"].sources} == {A, B, C}
    assert merged(work["ev-alike"]) and work["ev-alike"].superseded_by == "ev-grown"
    # A row of a source the grown row has is that source's own happening; a row worded unlike the new
    # sentence is not asked (asked, it would have been taken for one).
    assert not merged(work["ev-mine"]) and not merged(work["ev-unlike"])
