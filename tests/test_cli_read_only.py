"""The commands that only read (`timeline`, `sources`, `export`, `report`, `history`) on a database they may
not write (issue 14 item 7): a read-only SQLite file in a read-only folder, as the real `monitor` process.
Before, each failed with "cannot migrate"."""

from __future__ import annotations

import ctypes
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.store.migrate import HEAD_REVISION
from tests.pageserver import PageServer
from tests.pageserver import pages as pages  # noqa: PLC0414  (pytest fixture)
from tests.test_cli import FIRST, MONITOR, write_config

# Linux capabilities that let root write what its permissions forbid: CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH,
# CAP_FOWNER. Dropped in the child so that a read-only file is read-only for it even when tests run as root.
_OVERRIDES = (1, 2, 3)
_PR_CAPBSET_DROP = 24


def _without_overrides() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in _OVERRIDES:
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def reader(*args: str, config: Path) -> subprocess.CompletedProcess[str]:
    """`monitor` as a user who may read the database but not write it or its folder."""
    drop = _without_overrides if os.getuid() == 0 else None
    return subprocess.run([MONITOR, "--config", str(config), *args], capture_output=True, text=True,
                          timeout=120, check=False, preexec_fn=drop)


@pytest.fixture
def read_only(tmp_path: Path, pages: PageServer) -> Iterator[tuple[Path, Path, str]]:
    """A database with one checked source, then made read-only with its folder; (config, database, url)."""
    pages.set("/dam", FIRST)
    folder = tmp_path / "db"
    folder.mkdir()
    config = write_config(folder, pages.url("/dam"))
    checked = subprocess.run([MONITOR, "--config", str(config), "check"], capture_output=True, text=True,
                             timeout=120, check=False)
    assert checked.returncode == 0, checked.stderr
    database = folder / "timeline.sqlite"
    assert not (folder / "timeline.sqlite-wal").exists()
    database.chmod(0o444)
    folder.chmod(0o555)
    try:
        probe = reader("db", "upgrade", config=config)  # the database really is read-only to the reader
        assert probe.returncode == 2 and "readonly" in probe.stderr.replace("read-only", "readonly")
        yield config, database, pages.url("/dam")
    finally:
        folder.chmod(0o755)
        database.chmod(0o644)


def test_read_only_commands_work_on_a_read_only_database(read_only: tuple[Path, Path, str],
                                                          tmp_path: Path) -> None:
    config, database, url = read_only
    before = database.read_bytes()
    timeline = reader("timeline", config=config)
    assert timeline.returncode == 0, timeline.stderr
    assert "capacity 92 percent" in timeline.stdout
    sources = reader("sources", config=config)
    assert sources.returncode == 0, sources.stderr
    assert url in sources.stdout and "1 versions" in sources.stdout
    exported = reader("export", "--format", "json", config=config)
    assert exported.returncode == 0 and exported.stdout.startswith("["), exported.stderr
    report = reader("report", "-o", str(tmp_path / "report.html"), config=config)
    assert report.returncode == 0, report.stderr
    history = reader("history", url, config=config)
    assert history.returncode == 0 and history.stdout.startswith("1\t"), history.stderr
    assert database.read_bytes() == before
    assert sorted(p.name for p in database.parent.iterdir()) == ["config.yaml", "timeline.sqlite"]


def test_an_out_of_date_schema_is_one_line(read_only: tuple[Path, Path, str]) -> None:
    config, database, _ = read_only
    database.parent.chmod(0o755)
    database.chmod(0o644)
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0000'")
    connection.close()
    database.chmod(0o444)
    database.parent.chmod(0o555)
    for command in (["timeline"], ["sources"], ["export"]):
        result = reader(*command, config=config)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr
        assert f"schema is at revision 0000, expected {HEAD_REVISION}: run `monitor db upgrade`" in lines[0]
