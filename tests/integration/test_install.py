"""An installed wheel (not the source tree) creates and migrates its database and checks a source.

The wheel is built from the repository and installed into a folder of its own; the test's dependencies
(httpx, SQLAlchemy, Alembic ...) come from the running environment, so nothing is downloaded. The command runs
from another directory with the repository kept off `sys.path`, so only what the wheel ships is used.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from monitor.store.migrate import HEAD_REVISION
from tests.pageserver import PageServer, article

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package installed from a freshly built wheel: the folder to put on sys.path."""
    work = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(work),
         str(REPO)],
        capture_output=True, text=True, cwd=work, timeout=300,
    )
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {build.stderr.strip().splitlines()[-1:]}")
    [wheel] = work.glob("timeline_monitor-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "monitor/store/migrations/versions/0001_initial.py" in names
    assert "monitor/store/migrations/env.py" in names
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    return target


def test_an_installed_wheel_migrates_a_new_database_and_checks(installed: Path, tmp_path: Path) -> None:
    with PageServer() as server:
        server.set("/story", article("Flood", "Flood waters rose in the valley on Monday, officials said.",
                                     "More than 200 homes were evacuated as the river burst its banks."))
        (tmp_path / "config.yaml").write_text(
            "database: sqlite:///new/place/timeline.sqlite\n"
            "stories:\n  - id: flood\n    title: Flood\n"
            f"    sources:\n      - url: {server.url('/story')}\n        every: 1h\n",
            encoding="utf-8",
        )
        run = subprocess.run(
            [sys.executable, "-P", "-c",
             f"import sys; sys.path.insert(0, {str(installed)!r}); import monitor; "
             f"assert monitor.__file__.startswith({str(installed)!r}), monitor.__file__; "
             "from monitor.cli import main; sys.exit(main())",
             "--config", "config.yaml", "check"],
            capture_output=True, text=True, cwd=tmp_path, timeout=120,
        )
    assert run.returncode == 0, run.stderr
    database = tmp_path / "new" / "place" / "timeline.sqlite"
    with sqlite3.connect(database) as db:
        versions = db.execute("SELECT count(*) FROM snapshots").fetchone()[0]
        revision = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert versions == 1
    assert revision == HEAD_REVISION
