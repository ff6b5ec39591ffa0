"""Issue 16's acceptance for `monitor db backup` and `monitor db restore` on SQLite.

`monitor run` checks a page that changes every second while `monitor db backup` copies the database: the copy
passes `PRAGMA integrity_check`, and restored with `monitor db restore` it exports the timeline the source had
at the backup's moment (the source's `export --as-of` the last reconcile the copy holds).
"""

from __future__ import annotations

import datetime as dt
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import cli
from tests.integration.test_reextract_as_of import _monitor
from tests.pageserver import PageServer, article

MONITOR = [sys.executable, "-c", "from monitor.cli import main; main()"]


@pytest.fixture(autouse=True)
def _no_database_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MONITOR_DATABASE_URL", raising=False)


def _config(path: Path, database: Path, url: str) -> Path:
    path.write_text(yaml.safe_dump({
        "database": f"sqlite:///{database}",
        "network": {"allow_private_addresses": True, "max_attempts": 1, "timeout": "5s"},
        "schedule": {"jitter": 0, "lease": "10s"},
        "stories": [{"id": "floods", "sources": [{"url": url, "every": "1s"}]}],
    }), encoding="utf-8")
    return path


@pytest.fixture
def changing_site() -> Iterator[PageServer]:
    """A page whose toll rises every 0.4 s, with a new dated meeting every fourth change."""
    stop = threading.Event()
    with PageServer() as site:
        def change() -> None:
            n = 0
            while not stop.wait(0.4):
                n += 1
                meetings = [f"Minister Hana Ruiz met relief agencies in Ardenne on March {1 + k}, 2024."
                            for k in range(n // 4 % 20)]
                toll = f"The valley now has {10 + n} confirmed deaths from the floods, the ministry said."
                site.set("/floods", article("Floods", toll, *meetings))

        site.set("/floods", article("Floods", "The valley now has 10 confirmed deaths from the floods, "
                                    "according to the health ministry."))
        thread = threading.Thread(target=change, daemon=True)
        thread.start()
        yield site
        stop.set()
        thread.join()


def test_a_backup_taken_while_run_writes_restores_whole(tmp_path: Path, changing_site: PageServer) -> None:
    database = tmp_path / "timeline.sqlite"
    config = _config(tmp_path / "config.yaml", database, changing_site.url("/floods"))
    log = (tmp_path / "run.log").open("wb")
    service = subprocess.Popen([*MONITOR, "--config", str(config), "run"], stdout=subprocess.DEVNULL,
                               stderr=log, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while _versions(database) < 4:
            assert service.poll() is None and time.monotonic() < deadline, (tmp_path / "run.log").read_text()
            time.sleep(0.2)
        backup = tmp_path / "backup.sqlite"
        result = _monitor(config, "db", "backup", str(backup))
        assert "integrity_check ok" in result.stdout
        written_after = _versions(database)
        with sqlite3.connect(backup) as copy:
            copied = copy.execute("SELECT count(*) FROM snapshots").fetchone()[0]
        while _versions(database) <= copied:  # the service goes on writing after the copy
            assert service.poll() is None and time.monotonic() < deadline + 60
            time.sleep(0.2)
    finally:
        service.send_signal(signal.SIGTERM)
        service.wait(timeout=30)
        log.close()
    assert service.returncode == 0
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        last = copy.execute("SELECT max(at) FROM timeline_states").fetchone()[0]
    assert 4 <= copied <= written_after

    restored = tmp_path / "restored"
    restored.mkdir()
    restored_config = _config(restored / "config.yaml", restored / "timeline.sqlite", changing_site.url("/x"))
    assert "restored" in _monitor(restored_config, "db", "restore", str(backup)).stdout
    at = dt.datetime.fromisoformat(last).replace(tzinfo=dt.UTC).isoformat()
    then = _monitor(config, "export", "--format", "json", "--as-of", at).stdout
    assert _monitor(restored_config, "export", "--format", "json").stdout == then
    assert then != _monitor(config, "export", "--format", "json").stdout


def test_backup_refuses_an_existing_file_and_restore_a_file_that_is_no_backup(tmp_path: Path) -> None:
    config = _config(tmp_path / "config.yaml", tmp_path / "timeline.sqlite", "http://127.0.0.1:9/x")
    _monitor(config, "db", "upgrade")
    (tmp_path / "taken.sqlite").write_bytes(b"")
    for args, message in (
        (["db", "backup", str(tmp_path / "taken.sqlite")], "already exists"),
        (["db", "restore", str(tmp_path / "taken.sqlite")], "not a usable backup"),
        (["db", "restore", str(tmp_path / "missing.sqlite")], "no such file"),
    ):
        result = CliRunner().invoke(cli, ["--config", str(config), *args])
        assert result.exit_code == 2, result.output
        assert message in result.output
    (tmp_path / "text.sqlite").write_text("not a database", encoding="utf-8")
    text_file = str(tmp_path / "text.sqlite")
    result = CliRunner().invoke(cli, ["--config", str(config), "db", "restore", text_file])
    assert result.exit_code == 2 and "not a usable backup" in result.output


def _versions(database: Path) -> int:
    try:
        with sqlite3.connect(database, timeout=10) as db:
            return int(db.execute("SELECT count(*) FROM snapshots").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0
