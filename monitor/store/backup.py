"""`monitor db backup FILE` and `monitor db restore FILE`.

SQLite: SQLite's online backup API (`sqlite3.Connection.backup`) copies the database page by page while
checks go on writing (WAL mode: the copy is the database as of one commit), then the copy is checked with
`PRAGMA integrity_check`. Restore copies a checked backup back the same way; stop `monitor run` first.

PostgreSQL: `pg_dump --format=custom` (PostgreSQL's own client; a consistent snapshot while the service
writes) and `pg_restore --clean --if-exists --no-owner`; both must be on PATH, as the PostgreSQL client
package installs them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from monitor.errors import InputError, StoreError
from monitor.store.engine import BUSY_TIMEOUT_MS, normalise_url, redact


def backup(url: str, target: Path) -> str:
    """Copy the database at `url` to the new file `target`; one line saying what was written.

    Raises InputError when `target` exists, StoreError when the database or the copy fails.
    """
    if target.exists():
        raise InputError(f"{target}: already exists; give a new file name")
    kind, where = _backend(url)
    if kind == "postgresql":
        _run("pg_dump", ["--format=custom", f"--file={target}", where], url)
        return f"wrote {target} with pg_dump (restore with `monitor db restore {target}`)"
    try:
        with closing(_connect(where)) as source, closing(_connect(str(target))) as copy:
            source.backup(copy)
        problem = integrity(target)
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise StoreError(f"backup of {where} failed: {exc}") from None
    if problem is not None:
        target.unlink(missing_ok=True)
        raise StoreError(f"backup of {where} failed its integrity check: {problem}")
    return f"wrote {target} ({target.stat().st_size:,} bytes; integrity_check ok)"


def restore(url: str, source: Path) -> str:
    """Replace the database at `url` with the backup `source`; one line saying what was done.

    The backup is checked first (SQLite: integrity and a monitor schema); InputError names what is wrong.
    """
    if not source.is_file():
        raise InputError(f"{source}: no such file")
    kind, where = _backend(url)
    if kind == "postgresql":
        _run("pg_restore", ["--clean", "--if-exists", "--no-owner", f"--dbname={where}", str(source)], url)
        return f"restored {redact(url)} from {source} with pg_restore"
    try:
        problem = integrity(source)
        if problem is None and not _is_monitor_database(source):
            problem = "not a timeline-monitor database (no schema revision)"
    except sqlite3.DatabaseError as exc:
        problem = str(exc)
    if problem is not None:
        raise InputError(f"{source}: not a usable backup: {problem}")
    Path(where).parent.mkdir(parents=True, exist_ok=True)
    try:
        with closing(_connect(str(source))) as backup_db, closing(_connect(where)) as database:
            backup_db.backup(database)
    except sqlite3.Error as exc:
        raise StoreError(f"restore into {where} failed: {exc}") from None
    return f"restored {where} from {source}"


def integrity(path: Path) -> str | None:
    """None when `PRAGMA integrity_check` finds the SQLite file sound, else its first complaint."""
    with closing(_connect(str(path))) as db:
        result = db.execute("PRAGMA integrity_check").fetchone()[0]
    return None if result == "ok" else str(result)


def _is_monitor_database(path: Path) -> bool:
    with closing(_connect(str(path))) as db:
        found = db.execute("SELECT name FROM sqlite_master WHERE name = 'alembic_version'").fetchone()
        return found is not None and db.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1


def _connect(path: str) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)


def _backend(url: str) -> tuple[str, str]:
    """('sqlite', file path) or ('postgresql', a libpq URL pg_dump takes, without the password: `_run` passes
    it in the environment, where other users' `ps` does not see it)."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "postgresql":
        bare = parsed.set(drivername="postgresql", password=None)
        return "postgresql", bare.render_as_string(hide_password=False)
    if not parsed.database or parsed.database == ":memory:":
        raise InputError("database: an in-memory SQLite database has nothing to back up")
    return "sqlite", parsed.database


def _run(program: str, arguments: list[str], url: str) -> None:
    found = shutil.which(program)
    if found is None:
        raise StoreError(f"{program} not found on PATH: install PostgreSQL's client tools "
                         f"(e.g. apt-get install postgresql-client)")
    password = make_url(normalise_url(url)).password
    env = {**os.environ, **({"PGPASSWORD": str(password)} if password is not None else {})}
    done = subprocess.run([found, *arguments], capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines() or ["no message"]
        raise StoreError(f"{program} failed for {redact(url)}: {lines[0]}")
