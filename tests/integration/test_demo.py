"""`monitor demo` as a newcomer runs it: offline, a few seconds, alerts, a CSV and an HTML report."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest

from tests.browser import dump_dom
from tests.test_cli import MONITOR


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("demo")
    result = subprocess.run(
        [MONITOR, "demo", "--output-dir", str(out)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result, out


def rows(out: Path) -> list[dict[str, str]]:
    with (out / "timeline.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_alerts_show_the_story_changing(demo) -> None:
    result, _ = demo
    for event in ("content_changed", "event_added", "event_removed", "figure_revised"):
        assert f"monitor.alerts: {event}:" in result.stderr, event
    revised = [line for line in result.stderr.splitlines() if "figure_revised:" in line]
    assert any("188,663 -> 213,372" in line for line in revised)


def test_csv_has_the_departure_the_call_and_the_figures(demo) -> None:
    _, out = demo
    table = rows(out)
    active = [r for r in table if r["status"] == "active"]
    assert any(r["kind"] == "departure" and r["date"] == "2020-04-01" for r in active)
    call = [r for r in active if r["kind"] == "call" and r["date"] == "2020-03-30"]
    assert call and "Vladimir Putin" in call[0]["actors"] and "Donald Trump" in call[0]["actors"]
    assert call[0]["sources"] == "2"  # the article and the related coverage the feed led to
    figures = {
        (r["subject"], r["metric"], r["value"], r["date"], r["status"])
        for r in table
        if r["kind"] == "figure"
    }
    assert ("United States", "confirmed cases", "188663", "2020-04-01", "revised") in figures
    assert ("United States", "confirmed cases", "213372", "2020-04-01", "active") in figures
    assert ("Russia", "cases", "2337", "2020-04-01", "active") in figures
    assert ("Russia", "deaths", "17", "2020-04-01", "active") in figures
    assert any(f[:2] == ("United States", "deaths") and f[4] == "active" for f in figures)


def test_report_opens_in_chromium_and_shows_the_items(demo) -> None:
    _, out = demo
    dom = dump_dom(out / "report.html")
    for text in ("Vladimir Putin spoke with Donald Trump", "213,372", "188,663", "2,337", "Departure"):
        assert text in dom, text


def test_the_timeline_table_is_printed(demo) -> None:
    result, _ = demo
    assert "departure" in result.stdout and "figure" in result.stdout
