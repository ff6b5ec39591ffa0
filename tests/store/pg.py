"""Database fixtures: every database test runs on a fresh SQLite file and, when MONITOR_TEST_POSTGRES_URL is
set, on a fresh PostgreSQL database created for the test and dropped after it.

    MONITOR_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5433/postgres pytest tests/store

Use from a test module (or from tests/conftest.py, for the whole suite):

    from tests.store.pg import database_url, store  # noqa: F401  (pytest fixtures)
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from monitor.store import Store, normalise_url, open_store

POSTGRES_ENV = "MONITOR_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", pytest.param("postgres", marks=pytest.mark.postgres))


def postgres_admin_url() -> str | None:
    """The server to create test databases on, or None when none is configured."""
    url = os.environ.get(POSTGRES_ENV)
    return normalise_url(url) if url else None


def create_postgres_database(admin_url: str) -> str:
    """CREATE a uniquely named database on the server of `admin_url`; returns its URL."""
    name = f"monitor_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(admin_url: str, url: str) -> None:
    """DROP the test database, disconnecting whoever is still on it."""
    name = make_url(url).database
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file in tmp_path, or a fresh PostgreSQL database (skipped when unset)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'timeline.sqlite'}"
        return
    yield from _fresh_postgres_database()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database of its own (skipped when MONITOR_TEST_POSTGRES_URL is unset)."""
    yield from _fresh_postgres_database()


def _fresh_postgres_database() -> Iterator[str]:
    """A new PostgreSQL database for one test, dropped after it; skips the test when no server is given."""
    admin = postgres_admin_url()
    if admin is None:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}")
    url = create_postgres_database(admin)
    try:
        yield url
    finally:
        drop_postgres_database(admin, url)


def empty_postgres_schema(url: str) -> None:
    """Drop every table of the database at `url`: the new, unmigrated database instances start on."""
    engine = create_engine(normalise_url(url))
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A migrated store on `database_url`."""
    opened = open_store(database_url)
    try:
        yield opened
    finally:
        opened.close()
