"""Database URLs and engines: SQLite (WAL, foreign keys, IMMEDIATE writes) or PostgreSQL (psycopg 3)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

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


def create_store_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; raises StoreError naming the URL when it is not usable."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"database: {url!r} is not an SQLAlchemy URL ({exc})") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, parsed.database, **kwargs)
    if backend == "postgresql":
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
