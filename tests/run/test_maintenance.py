"""Issue 16's acceptance for retention (monitor.run.maintenance, monitor.store.retention), on SQLite.

A story of 500 versions of which 20 change a fact (the death toll), the others only a line no extractor reads:
`monitor db prune --dry-run` says what goes, `monitor db prune` drops exactly that and the file shrinks by
at least as much, every evidence sentence of the timeline is still in a kept version of its source, and
`monitor history` lists all 500 versions with the hashes it listed before.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from monitor.cli import cli
from monitor.config import load_config
from monitor.extract.text import Document, content_hash
from monitor.run.check import NewVersion
from monitor.run.specs import config_specs
from monitor.run.story import StoryRules, apply_version, extract_version
from monitor.store import CheckRecord, RecordedCheck, Store, open_store
from monitor.store.records import NewSnapshot
from monitor.store.repo import StoreTransaction
from monitor.track.snapshots import compress

T0 = dt.datetime(2024, 3, 4, 8, 0, tzinfo=dt.UTC)
URL = "https://valley.example/floods"
VERSIONS = 500
FACT_EVERY = 25  # versions 1, 26, 51 ... change the toll: 20 of 500
NOISE = "Comments are open in thread {tag}."
TEXT = ("Floods sweep the Ardent valley\n\n"
        "Regional governor Paul Mercer spoke with Interior Minister Hana Ruiz on Monday by phone.\n\n"
        "The valley now has {deaths} confirmed deaths from the floods, according to the health ministry.\n\n")


@pytest.fixture(autouse=True)
def _no_database_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MONITOR_DATABASE_URL", raising=False)


def _tag(n: int) -> str:
    """A word for n made of letters (no number for the extractor to read)."""
    letters = ""
    while True:
        n, digit = divmod(n, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not n:
            return "q" + letters


def _text(number: int) -> str:
    deaths = 10 + (number - 1) // FACT_EVERY
    return TEXT.format(deaths=deaths) + NOISE.format(tag=_tag(number))


def _check(store: Store, number: int, rules: StoryRules) -> None:
    """What `monitor check` does with a changed page, at a fetch time one minute after the last."""
    at = T0 + dt.timedelta(minutes=number)
    [source] = store.claim_due("tester", at, 60, ignore_schedule=True)
    text = _text(number)
    document = Document(title="Floods", text=text, published=T0.date(), url=URL)
    extracted = extract_version(NewVersion(source, number, None, document, text, at), rules)
    assert extracted is not None
    snapshot = NewSnapshot(fetched_at=at, content_hash=content_hash(text), size=len(text.encode()),
                           body=compress(text), title="Floods", published=T0.date())
    record = CheckRecord(source_id=source.id, owner="tester", started_at=at, finished_at=at,
                         outcome="new_version", next_due_at=at + dt.timedelta(minutes=1), snapshot=snapshot)

    def work(tx: StoreTransaction, recorded: RecordedCheck) -> None:
        apply_version(tx, extracted, recorded.version, at)

    store.commit(record, work, story="floods")


def _monitor(config: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--config", str(config), *args])
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def _file_size(database: Path) -> int:
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return database.stat().st_size


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("retention")
    database = tmp / "timeline.sqlite"
    config = tmp / "config.yaml"
    config.write_text(yaml.safe_dump({
        "database": f"sqlite:///{database}",
        "retention": {"keep_last": 5, "keep_younger": "1d"},
        "stories": [{"id": "floods", "sources": [{"url": URL}]}],
    }), encoding="utf-8")
    loaded = load_config(config)
    store = open_store(loaded.database)
    try:
        store.sync_specs(config_specs(loaded), T0)
        rules = StoryRules.from_config(loaded)
        for number in range(1, VERSIONS + 1):
            _check(store, number, rules)
    finally:
        store.close()
    return {"config": config, "database": database}


def test_retention_drops_what_the_dry_run_said_and_keeps_every_fact(story: dict[str, Any]) -> None:
    config, database = story["config"], story["database"]
    history = _monitor(config, "history", URL).stdout.splitlines()
    assert len(history) == VERSIONS
    export = _monitor(config, "export", "--format", "json").stdout

    dry = _monitor(config, "db", "prune", "--dry-run").stdout
    said = re.search(r"floods: would drop the text of (\d+) of 500 versions \(([\d,]+) bytes\)", dry)
    assert said is not None, dry
    dropped, text_bytes = int(said[1]), int(said[2].replace(",", ""))
    # Kept: the 20 that changed the toll (1, 26 ... 476) and the last 5 (the newest also named by reports).
    assert dropped == VERSIONS - 20 - 5
    before = _file_size(database)

    done = _monitor(config, "db", "prune").stdout
    assert f"floods: dropped the text of {dropped} of 500 versions ({text_bytes:,} bytes)" in done
    after = _file_size(database)
    assert before - after >= text_bytes, (before, after, text_bytes)

    assert _monitor(config, "history", URL).stdout.splitlines() == history
    assert _monitor(config, "export", "--format", "json").stdout == export
    assert "nothing" not in _monitor(config, "db", "prune", "--dry-run").stdout
    assert "would drop the text of 0 of 500" in _monitor(config, "db", "prune", "--dry-run").stdout

    store = open_store(f"sqlite:///{database}")
    try:
        kept = {}
        for line in history:
            number = int(line.split()[0])
            try:
                kept[number] = store.snapshot_text(URL, number)
            except Exception as exc:  # a dropped text says so
                assert "dropped by retention" in str(exc)
        assert len(kept) == VERSIONS - dropped
        assert {1 + FACT_EVERY * k for k in range(20)} <= kept.keys()
        for entry in store.load_timeline("floods"):
            for report in entry.sources:
                assert any(report.evidence in text for text in kept.values()), report.evidence
    finally:
        store.close()

    with sqlite3.connect(database) as db:
        checks = db.execute("SELECT count(*) FROM checks").fetchone()[0]
    assert checks == 5  # the check log is bounded the same way


def test_diff_of_a_dropped_version_names_retention(story: dict[str, Any]) -> None:
    config = story["config"]
    _monitor(config, "db", "prune")
    result = CliRunner().invoke(cli, ["--config", str(config), "diff", URL, "--from", "2", "--to", "3"])
    assert result.exit_code == 2
    assert "the text of version 2 was dropped by retention" in result.output


def test_no_retention_keeps_everything(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"database": f"sqlite:///{tmp_path / 'db.sqlite'}",
                                      "stories": [{"id": "floods", "sources": [{"url": URL}]}]}),
                      encoding="utf-8")
    assert "no retention configured" in _monitor(config, "db", "prune").stdout


def test_a_story_keeps_its_own_retention_over_the_global_one() -> None:
    from monitor.config import parse_config
    from monitor.run.maintenance import retention_rules

    config = parse_config({"retention": {"keep_last": 3},
                           "stories": [{"id": "a", "retention": {"keep_younger": "2d"}}, {"id": "b"}]})
    rules = retention_rules(config)
    assert (rules["a"].keep_last, rules["a"].keep_younger) == (3, 2 * 86400)
    assert (rules["b"].keep_last, rules["b"].keep_younger) == (3, 30 * 86400)
