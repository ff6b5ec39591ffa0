"""monitor/store/records.py: what a check writes is bounded before it reaches a column (issue 14)."""

from __future__ import annotations

import datetime as dt

from monitor.limits import MESSAGE_LENGTH
from monitor.store.records import CheckRecord, NewSnapshot

T0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


def test_a_check_record_clips_messages_and_drops_validators_that_do_not_fit() -> None:
    record = CheckRecord(source_id=1, owner="me", started_at=T0, finished_at=T0, outcome="failed",
                         next_due_at=T0, reason="check_error: " + "SELECT 1; " * 2000, warning="w" * 5000,
                         etag='"' + "e" * 2000 + '"', last_modified="x" * 400, update_validators=True)
    assert len(record.reason or "") == len(record.warning or "") == MESSAGE_LENGTH
    assert (record.reason or "").startswith("check_error: SELECT 1;") and (record.reason or "").endswith("…")
    assert record.etag is None and record.last_modified is None
    kept = CheckRecord(source_id=1, owner="me", started_at=T0, finished_at=T0, outcome="unchanged",
                       next_due_at=T0, etag='"v1"', last_modified="Wed, 01 Apr 2020 10:00:00 GMT")
    assert (kept.etag, kept.last_modified) == ('"v1"', "Wed, 01 Apr 2020 10:00:00 GMT")


def test_a_snapshot_keeps_its_final_url_only_when_it_fits() -> None:
    long = NewSnapshot(T0, "h", 1, b"", final_url="https://example.org/" + "a" * 3000)
    assert long.final_url is None
    assert NewSnapshot(T0, "h", 1, b"", final_url="https://example.org/a").final_url == "https://example.org/a"
