"""Issue 16's acceptance for `monitor reextract` and `--as-of`, through the command line.

A story is checked through ten versions (tests/fixtures/history/versions.yaml) with the extractor as
shipped, its export saved after three of them; then `extraction.kinds` gains `evacuation` and `monitor
reextract` re-reads the stored versions: the evacuations become rows of the new kind, dated as the text dates
them, first seen at the fetch time of the version that first carried them. A second run changes nothing; a
run killed with SIGKILL midway and run again gives the database an uninterrupted run gives. `--as-of` at the
three instants prints what `export` printed then, row for row, before and after the re-reading.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from monitor.cli import cli
from tests.pageserver import PageServer

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "history" / "versions.yaml"
EVACUATION = {"evacuation": ["evacuate", "evacuation"]}


@pytest.fixture(autouse=True)
def _no_database_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MONITOR_DATABASE_URL", raising=False)


def _page(story: dict[str, Any], paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in [*story["base"], *paragraphs])
    return (f"<html><head><title>{story['title']}</title>"
            f"<meta property=\"article:published_time\" content=\"{story['published']}\"></head>"
            f"<body><article><h1>{story['title']}</h1>\n{body}\n</article></body></html>")


def _config(path: Path, database: Path, url: str, kinds: dict[str, list[str]] | None = None) -> Path:
    path.write_text(yaml.safe_dump({
        "database": f"sqlite:///{database}",
        "network": {"allow_private_addresses": True, "max_attempts": 1, "timeout": "10s"},
        "schedule": {"jitter": 0},
        "extraction": {"kinds": kinds or {}},
        "stories": [{"id": "floods", "title": "Floods", "sources": [{"url": url, "every": "30m"}]}],
    }), encoding="utf-8")
    return path


def _monitor(config: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--config", str(config), *args])
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def _export(config: Path, *args: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(_monitor(config, "export", "--format", "json", *args).stdout)
    return rows


def _copy(database: Path, to: Path) -> None:
    """A consistent copy of a SQLite database in WAL mode (the online backup API)."""
    with sqlite3.connect(database) as source, sqlite3.connect(to) as target:
        source.backup(target)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The story checked through its ten versions, with exports saved after versions 3, 6 and 9."""
    story = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    tmp = tmp_path_factory.mktemp("history")
    database = tmp / "timeline.sqlite"
    with PageServer() as site:
        url = site.url("/floods")
        config = _config(tmp / "config.yaml", database, url)
        saved: list[tuple[str, list[dict[str, Any]]]] = []
        for number, paragraphs in enumerate(story["versions"], 1):
            site.set("/floods", _page(story, paragraphs))
            _monitor(config, "check")
            if number in (3, 6, 9):
                rows = _export(config)
                saved.append((dt.datetime.now(dt.UTC).isoformat(), rows))
                time.sleep(0.01)
    pristine = tmp / "pristine.sqlite"
    _copy(database, pristine)
    yield {"tmp": tmp, "database": database, "pristine": pristine, "url": url, "saved": saved, "story": story}


def _fetch_times(database: Path) -> list[str]:
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT fetched_at FROM snapshots ORDER BY version").fetchall()
    # As the export prints them: UTC, to the second.
    return [dt.datetime.fromisoformat(r[0]).replace(tzinfo=dt.UTC, microsecond=0).isoformat() for r in rows]


def _fresh(checked: dict[str, Any], name: str, kinds: dict[str, list[str]] | None) -> Path:
    """A config over a copy of the checked database."""
    folder = checked["tmp"] / name
    folder.mkdir()
    shutil.copy(checked["pristine"], folder / "timeline.sqlite")
    return _config(folder / "config.yaml", folder / "timeline.sqlite", checked["url"], kinds)


def test_reextract_with_a_new_kind_dates_its_rows_as_then(checked: dict[str, Any]) -> None:
    config = _fresh(checked, "new-kind", EVACUATION)
    before = _export(config)
    assert not [r for r in before if r["kind"] == "evacuation"]
    note = _monitor(config, "timeline").stderr
    assert "older extractor" in note and "monitor reextract --story floods" in note

    result = _monitor(config, "reextract")
    assert "floods: 10 versions read: 3 rows added, 3 removed" in result.stdout

    rows = {r["summary"]: r for r in _export(config) if r["kind"] == "evacuation"}
    fetched = _fetch_times(checked["database"])
    expected = {"Lorne": ("2024-03-02", 3), "Brisk": ("2024-03-03", 6), "Tarn": ("2024-03-04", 8)}
    assert len(rows) == 3
    for place, (date, version) in expected.items():
        row = next(r for s, r in rows.items() if place in s)
        assert row["date"] == date
        assert row["first_seen"] == fetched[version - 1]
        assert row["status"] == "active"
    assert not [r for r in _export(config) if "evacuated" in r["evidence"] and r["kind"] == "other"]
    assert "older extractor" not in _monitor(config, "timeline").stderr
    assert "older extractor" not in _monitor(config, "sources").stderr

    # Twice: nothing changes, not even the history.
    database = config.parent / "timeline.sqlite"
    snapshot = _dump(database)
    assert "no change" in _monitor(config, "reextract").stdout
    assert _dump(database) == snapshot


def test_as_of_returns_what_export_returned_then(checked: dict[str, Any]) -> None:
    config = _fresh(checked, "as-of", EVACUATION)
    for at, rows in checked["saved"]:
        assert _export(config, "--as-of", at) == rows
    _monitor(config, "reextract")
    for at, rows in checked["saved"]:  # what was known then, not what the new extractor reads now
        assert _export(config, "--as-of", at) == rows
    table = _monitor(config, "timeline", "--as-of", checked["saved"][0][0]).stdout
    assert "rescue boats" in table or "120" in table
    report = config.parent / "then.html"
    _monitor(config, "report", "--as-of", checked["saved"][0][0], "-o", str(report))
    drawn = report.read_text(encoding="utf-8")
    assert "120" in drawn and "19 confirmed deaths" not in drawn  # version 3's timeline, before the revision
    csv_then = _monitor(config, "export", "--as-of", checked["saved"][1][0]).stdout
    assert csv_then.splitlines()[0].startswith("event_id,story,date")
    assert len(csv_then.splitlines()) == len(checked["saved"][1][1]) + 1


def test_reextract_killed_midway_then_rerun_matches_an_uninterrupted_run(checked: dict[str, Any]) -> None:
    whole = _fresh(checked, "whole", EVACUATION)
    _monitor(whole, "reextract")
    killed = _fresh(checked, "killed", EVACUATION)
    database = killed.parent / "timeline.sqlite"
    process = subprocess.Popen(
        [sys.executable, "-c", "from monitor.cli import main; main()", "--config", str(killed), "reextract"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    with sqlite3.connect(database, timeout=30) as db:
        deadline = time.monotonic() + 60
        while _progress(db) < 2:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "reextract made no progress"
            time.sleep(0.005)
        db.execute("BEGIN IMMEDIATE")  # the run's next write waits here: it cannot finish before the kill
        read = _progress(db)
        process.send_signal(signal.SIGKILL)
        process.wait()
        db.rollback()
    assert 2 <= read < 10
    result = _monitor(killed, "reextract")
    assert f"({read} read by an earlier run)" in result.stdout
    assert _export(killed) == _export(whole)
    assert _dump(database, times=False) == _dump(whole.parent / "timeline.sqlite", times=False)


def _progress(db: sqlite3.Connection) -> int:
    try:
        return int(db.execute("SELECT count(*) FROM reextract_items").fetchone()[0])
    except sqlite3.OperationalError:  # locked by the run's write
        return 0


def _dump(database: Path, *, times: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """The tables a rebuild writes (generation times left out with `times=False`)."""
    with sqlite3.connect(database) as db:
        generation = "story_id, generation, extractor, summary" + (", recorded_at" if times else "")
        # Not `rev`: a random token each write sets, so that a process knows the rows it read are unchanged
        # (monitor.store.timeline); the rows' content is the rest.
        names = [row[1] for row in db.execute("PRAGMA table_info(timeline_items)")]
        columns = ", ".join(name for name in names if name != "rev")
        return {
            "items": db.execute(f"SELECT {columns} FROM timeline_items ORDER BY event_id").fetchall(),
            "reports": db.execute("SELECT * FROM item_reports ORDER BY item_id, source_url").fetchall(),
            "states": db.execute("SELECT story_id, generation, event_id, at, source_url, version, fact, body "
                                 "FROM timeline_states ORDER BY id").fetchall(),
            "generations": db.execute(f"SELECT {generation} FROM story_generations ORDER BY id").fetchall(),
            "progress": db.execute("SELECT * FROM reextract_items").fetchall(),
        }


def test_a_bad_as_of_is_one_line(checked: dict[str, Any]) -> None:
    config = _fresh(checked, "bad-as-of", None)
    result = CliRunner().invoke(cli, ["--config", str(config), "timeline", "--as-of", "last tuesday"])
    assert result.exit_code == 2
    assert result.output.strip() == ("monitor: error: --as-of: 'last tuesday' is not a time "
                                     "(use YYYY-MM-DDTHH:MM[:SS][+HH:MM])")
