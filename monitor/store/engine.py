"""Database URLs and engines: SQLite (WAL, foreign keys, IMMEDIATE writes) or PostgreSQL (psycopg 3)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from monitor.errors import StoreError

BUSY_TIMEOUT_MS = 15_000
# Execution option asking a SQLite transaction to take the write lock at BEGIN (see `_begin`).
IMMEDIATE = "monitor_sqlite_immediate"


def normalise_url(url: str) -> str:
    """`postgres://` and `postgresql://` -> `postgresql+psycopg://` (psycopg 3); other URLs unchanged."""
    return re.sub(r"^(postgres|postgresql)://", "postgresql+psycopg://", url.strip())


def redact(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def readable_as_is(url: str) -> bool:
    """Whether there is a database at `url` to open read-only: a PostgreSQL database, or a SQLite file that
    exists (not one still to be created, nor an in-memory one)."""
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError:
        return False
    if parsed.get_backend_name() == "postgresql":
        return True
    database = parsed.database
    return bool(database) and database != ":memory:" and Path(database or "").expanduser().is_file()


def create_store_engine(url: str, *, read_only: bool = False, **kwargs: Any) -> Engine:
    """An engine for `url`; raises StoreError naming the URL when it is not usable.

    With `read_only`, nothing is created and nothing can be written: a SQLite file is opened read-only (it
    may belong to another user, in a folder we cannot write: see `_read_only_sqlite`), a PostgreSQL session
    is read-only (`default_transaction_read_only`); a user with SELECT rights alone can read.
    """
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"database: {url!r} is not an SQLAlchemy URL ({exc})") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if read_only and parsed.database and parsed.database != ":memory:":
            return _read_only_sqlite(url, parsed.database, **kwargs)
        return _sqlite_engine(url, parsed.database, **kwargs)
    if backend == "postgresql":
        if read_only:
            kwargs.setdefault("connect_args", {"options": "-c default_transaction_read_only=on"})
        try:
            return create_engine(url, pool_pre_ping=True, **kwargs)
        except Exception as exc:  # unknown driver, bad query options
            raise StoreError(f"database: cannot use {redact(url)}: {exc}") from None
    raise StoreError(f"database: {redact(url)}: only sqlite:/// and postgresql:// databases are supported")


def _sqlite_engine(url: str, database: str | None, **kwargs: Any) -> Engine:
    memory = not database or database == ":memory:"
    if memory or database is None:
        kwargs.setdefault("poolclass", StaticPool)
        kwargs.setdefault("connect_args", {"check_same_thread": False})
    else:
        # A fresh checkout has no db/ folder content; creating the file's folder is what a user expects.
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # pysqlite's own transaction handling defers BEGIN and skips it for DDL; take control (SQLAlchemy's
        # documented recipe) so every transaction, migrations included, is real and atomic.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not memory:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a killed process loses nothing
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when another
        # process wrote in between (busy_timeout cannot help); writers take the lock up front instead.
        immediate = connection.get_execution_options().get(IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _read_only_sqlite(url: str, database: str, **kwargs: Any) -> Engine:
    """A SQLite file opened read-only (`mode=ro`): every statement that would write fails, and nothing is
    created beside it when the folder allows it. In a folder we cannot write, a database in WAL mode cannot
    be read that way without its `-shm` file: when there is no write-ahead log to read (no writer, or none
    with anything uncheckpointed), the file alone is the database and it is opened `immutable`."""
    path = Path(database).expanduser()
    target = quote(str(path.resolve()))

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            connection.close()
            wal = path.with_name(path.name + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise
            connection = sqlite3.connect(f"file:{target}?mode=ro&immutable=1", uri=True,
                                         check_same_thread=False)
        connection.isolation_level = None  # as _sqlite_engine: BEGIN is ours
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return connection

    engine = create_engine(url, creator=connect, **kwargs)

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
