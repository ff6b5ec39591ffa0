"""What a check alerts on: the source's health and a page's new version, as pure functions."""

from __future__ import annotations

import datetime as dt

from monitor.run.check_alerts import health_alerts, version_alerts
from monitor.store import SourceRef
from monitor.store.records import SnapshotData

SOURCE = SourceRef(1, "flood", "https://x.example/river", "page", "config", 60)
OLD_TEXT = "The river rose on Tuesday.\n\nCrews moved two hundred families."


def _latest(title: str | None) -> SnapshotData:
    when = dt.datetime(2024, 5, 1, 12, tzinfo=dt.UTC)
    return SnapshotData(1, 3, when, "h", len(OLD_TEXT), title, None, None, OLD_TEXT)


def test_health_alerts_fire_on_the_threshold_only() -> None:
    def source(streak: int) -> SourceRef:
        return SourceRef(1, "s", "https://x.example/", "page", "config", 60, error_streak=streak)

    assert [len(health_alerts(source(n), failed=True, failing_after=3)) for n in range(5)] == [0, 0, 1, 0, 0]
    assert [a.event for a in health_alerts(source(0), failed=True, failing_after=3, permanent=True)] == [
        "source_failing"]
    assert health_alerts(source(2), failed=False, failing_after=3) == []
    assert [a.event for a in health_alerts(source(5), failed=False, failing_after=3)] == ["source_recovered"]


def test_a_new_version_alerts_on_what_it_changed() -> None:
    new_text = OLD_TEXT + "\n\nCorrection: an earlier version gave the wrong day of the flood."
    alerts = version_alerts(SOURCE, _latest("River rises"), 4, new_text, "River rises again")
    assert [a.event for a in alerts] == ["content_changed", "headline_changed", "correction_added"]
    assert all(a.story == "flood" and a.url == SOURCE.url for a in alerts)


def test_a_title_that_differs_only_in_spacing_or_is_missing_changes_no_headline() -> None:
    assert version_alerts(SOURCE, _latest("River  rises"), 4, OLD_TEXT, "River rises") == []
    assert version_alerts(SOURCE, _latest("River rises"), 4, OLD_TEXT, None) == []
