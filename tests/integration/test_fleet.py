"""Several instances on one database, as real processes (issue 14 items 2 and 3): started together they
never crash, and after SIGKILLs a restarted `monitor check` checks every source at once.

Run on a SQLite file and, when MONITOR_TEST_POSTGRES_URL is set, on PostgreSQL (marked `postgres`).
`benchmarks/start_together.py` gives the 20-round figure.

    pytest tests/integration/test_fleet.py -s      # prints the figures
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml

from monitor.store import open_store
from tests.pageserver import PageServer, article
from tests.pageserver import pages as pages  # noqa: PLC0414  (pytest fixture)
from tests.store import pg

database_url = pg.database_url  # pytest fixtures, on SQLite and (when configured) PostgreSQL

MONITOR = [sys.executable, "-c", "from monitor.cli import main; main()"]
TEXT = ("Rescue teams reached the village on Monday after the road reopened, the mayor said.",
        "Power was restored to most homes by the evening, the utility company reported.")


def _write_config(folder: Path, database: str, urls: list[str], **schedule: object) -> Path:
    config = {
        "database": database,
        "network": {"allow_private_addresses": True, "timeout": "5s", "max_attempts": 1},
        "schedule": {"jitter": 0, **schedule},
        "stories": [{"id": f"story-{s}", "sources": [{"url": u, "every": "1h"} for u in urls[s::3]]}
                    for s in range(3)],
    }
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def _monitor(config: Path, log: Path, *args: str) -> subprocess.Popen[bytes]:
    """`monitor` with JSON logs to the file `log` (a pipe nobody reads at once could fill and block it)."""
    with log.open("wb") as stream:
        return subprocess.Popen([*MONITOR, "--config", str(config), "--log-format", "json", *args],
                                stdout=subprocess.DEVNULL, stderr=stream, cwd=config.parent)


def _events(log: Path, name: str) -> list[dict[str, object]]:
    found = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("{") and f'"{name}"' in line:
            record = json.loads(line)
            if record.get("event") == name:
                found.append(record)
    return found


def test_instances_started_together_never_crash(database_url: str, tmp_path: Path) -> None:
    # Three `monitor check` at the same instant on an empty database, three rounds. Before: on PostgreSQL
    # the config sync's plain INSERT lost the race (UniqueViolation, exit 1) in nearly every round; on a new
    # SQLite file some exited 2 "cannot migrate: database is locked".
    urls = [f"http://127.0.0.1:9/{i}" for i in range(150)]  # nothing listens: each check fails at once
    for round_ in range(3):
        if database_url.startswith("sqlite"):
            database = f"sqlite:///{tmp_path / f'round{round_}.sqlite'}"
        else:
            database = database_url
            pg.empty_postgres_schema(database)
        config = _write_config(tmp_path, database, urls)
        logs = [tmp_path / f"check-{round_}-{i}.log" for i in range(3)]
        processes = [_monitor(config, log, "check") for log in logs]
        for process, log in zip(processes, logs, strict=True):
            assert process.wait(timeout=120) == 0, log.read_text()[-2000:]
        # Each source was checked once, by one of them.
        checked = sum(int(str(_events(log, "check_cycle")[0]["checked"])) for log in logs)
        assert checked == len(urls)


def test_after_10_sigkills_monitor_check_checks_every_source_at_once(
    database_url: str, tmp_path: Path, pages: PageServer
) -> None:
    # `monitor run` is killed (SIGKILL) ten times while its checks are in flight, and restarted each time.
    # The lease is 5 minutes, so expiry cannot help: before, after the kills every source was held by dead
    # processes and `monitor check` checked none of them. The dead processes were on this host: their
    # leases are freed at the next start.
    paths = [f"/{i}" for i in range(12)]
    for path in paths:
        pages.set(path, article("Quake", *TEXT), delay=3.0)
    config = _write_config(tmp_path, database_url, [pages.url(p) for p in paths], lease="5m",
                           concurrency=8)
    held_by_dead = 0
    for _ in range(10):
        before = sum(len(pages.requests(p)) for p in paths)
        process = _monitor(config, tmp_path / "run.log", "run")
        deadline = time.monotonic() + 15
        while sum(len(pages.requests(p)) for p in paths) == before and time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / "run.log").read_text()[-2000:]
            time.sleep(0.05)
        time.sleep(0.3)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        store = open_store(database_url)
        try:
            held_by_dead = sum(1 for s in store.sources() if store.source(s.id).lease_owner)
        finally:
            store.close()
    assert held_by_dead > 0  # the last kill left leases behind

    for path in paths:
        pages.set(path, article("Quake", *TEXT))  # answered at once now
    began = time.monotonic()
    log = tmp_path / "check.log"
    code = _monitor(config, log, "check").wait(timeout=120)
    took = time.monotonic() - began
    assert code == 0, log.read_text()[-2000:]
    [cycle] = _events(log, "check_cycle")
    assert cycle["checked"] == len(paths), cycle
    reclaimed = _events(log, "leases_reclaimed")
    print(f"\n{database_url.split(':')[0]}: after 10 SIGKILLs {held_by_dead} sources held by dead processes; "
          f"`monitor check` freed {reclaimed[0]['sources'] if reclaimed else 0} and checked "
          f"{cycle['checked']} of {len(paths)} in {took:.1f} s")
