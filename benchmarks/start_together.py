"""Instances started together (issue 14 item 2): N `monitor check` processes at the same instant on an
empty database, R rounds; counts the processes that did not exit 0.

Each round creates a fresh database (a new PostgreSQL database on the server of `--postgres`, or a new
SQLite file with `--sqlite`), writes a config of `--sources` sources (on 127.0.0.1:9, where nothing listens,
so each check fails at once and is recorded), and starts the instances together: each migrates the empty
database, syncs the config into it and checks its share. Before the fix some died on a UniqueViolation in
the config sync (exit 1) or on "cannot migrate: database is locked" (exit 2).

    python benchmarks/start_together.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres
    python benchmarks/start_together.py --sqlite --rounds 20
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import yaml
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

MONITOR = [sys.executable, "-c", "from monitor.cli import main; main()"]


def write_config(folder: Path, database: str, sources: int) -> Path:
    stories = [{"id": f"story-{s}", "sources": [{"url": f"http://127.0.0.1:9/{s}/{i}", "every": "1h"}
                                               for i in range(s, sources, 3)]} for s in range(3)]
    config = {"database": database, "network": {"allow_private_addresses": True, "timeout": "2s",
                                                "max_attempts": 1}, "stories": stories}
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def start_together(config: Path, instances: int) -> list[tuple[int, str]]:
    """Start `instances` `monitor check` at once; (exit code, last stderr line) of each."""
    processes = [subprocess.Popen([*MONITOR, "--config", str(config), "check"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, cwd=config.parent) for _ in range(instances)]
    results = []
    for process in processes:
        _, err = process.communicate(timeout=300)
        lines = err.decode("utf-8", "replace").strip().splitlines()
        results.append((process.returncode, lines[-1] if lines else ""))
    return results


def create_database(admin: str) -> str:
    name = f"monitor_together_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin).set(database=name).render_as_string(hide_password=False)


def drop_database(admin: str, url: str) -> None:
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", default=os.environ.get("MONITOR_TEST_POSTGRES_URL"),
                        help="admin URL of a PostgreSQL server (default $MONITOR_TEST_POSTGRES_URL)")
    parser.add_argument("--sqlite", action="store_true", help="new SQLite files instead of PostgreSQL")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--instances", type=int, default=3)
    parser.add_argument("--sources", type=int, default=300)
    args = parser.parse_args()
    if not args.sqlite and not args.postgres:
        parser.error("--postgres URL (or $MONITOR_TEST_POSTGRES_URL), or --sqlite")
    admin = args.postgres.replace("postgresql://", "postgresql+psycopg://") if args.postgres else ""
    crashes: list[str] = []
    began = time.monotonic()
    for round_ in range(1, args.rounds + 1):
        with tempfile.TemporaryDirectory(prefix="monitor-together-") as tmp:
            folder = Path(tmp)
            database = f"sqlite:///{folder / 'timeline.sqlite'}" if args.sqlite else create_database(admin)
            try:
                results = start_together(write_config(folder, database, args.sources), args.instances)
            finally:
                if not args.sqlite:
                    drop_database(admin, database)
        bad = [f"exit {code}: {line}" for code, line in results if code != 0]
        crashes.extend(f"round {round_}: {b}" for b in bad)
        print(f"round {round_:2d}: exit codes {' '.join(str(code) for code, _ in results)}", flush=True)
    backend = "SQLite" if args.sqlite else "PostgreSQL"
    print(f"{backend}: {args.rounds} rounds of {args.instances} instances started together on an empty "
          f"database with {args.sources} sources: {len(crashes)} crashes "
          f"({time.monotonic() - began:.0f} s)")
    for crash in crashes:
        print(f"  {crash}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
