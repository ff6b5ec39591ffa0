"""Alembic, configured in code: the scripts ship inside the package (monitor/store/migrations/).

Alembic is imported only when a migration may be needed: a database already at `HEAD_REVISION` (every start
but the first after an upgrade) is recognised with one query, which keeps `monitor check` quick to start.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from monitor.errors import StoreError
from monitor.store.engine import IMMEDIATE, create_store_engine, normalise_url, redact

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = Path(__file__).resolve().parent / "migrations"
# The newest migration in monitor/store/migrations/versions; a new migration updates it
# (tests/store/test_migrations.py checks that
# it equals Alembic's head).
HEAD_REVISION = "0009"
# Key of the PostgreSQL advisory lock that serialises migrations of instances starting together.
_MIGRATION_LOCK = 0x6D6F6E69  # "moni"
# Times a SQLite migration is tried when the database is locked by another process starting at once.
_LOCKED_ATTEMPTS = 5


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config for the shipped migrations (no alembic.ini or working directory needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    if url is not None:
        # ConfigParser interpolation treats '%' specially (URL-encoded passwords).
        config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def head_revision() -> str | None:
    """The newest migration's revision id, as Alembic reads it from monitor/store/migrations/versions."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade_engine(engine: Engine, revision: str = "head") -> None:
    """Bring the schema behind `engine` to `revision`; raises StoreError when the database refuses.

    Several processes may start at once on a new database: on PostgreSQL an advisory lock lets one migrate
    while the others wait and then find it done; on SQLite the migration takes the write lock at BEGIN
    (IMMEDIATE, so the others wait up to the busy timeout instead of failing on a read-then-write upgrade),
    and a "database is locked" that still slips through is retried.
    """
    from alembic import command

    config = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    target = engine.execution_options(**{IMMEDIATE: True}) if sqlite else engine
    for attempt in range(_LOCKED_ATTEMPTS):
        try:
            with target.begin() as connection:
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
            return
        except SQLAlchemyError as exc:
            if sqlite and _locked(exc) and attempt + 1 < _LOCKED_ATTEMPTS:
                time.sleep(0.1 * 2 ** attempt)
                continue
            where = redact(str(engine.url))
            raise StoreError(f"database: cannot migrate {where}: {first_line(exc)}") from exc


def _locked(exc: SQLAlchemyError) -> bool:
    """Whether SQLite refused because another connection held the database (SQLITE_BUSY / LOCKED)."""
    return isinstance(exc, OperationalError) and "locked" in str(exc).lower()


def upgrade(url: str, revision: str = "head") -> str | None:
    """`monitor db upgrade`: migrate the database at `url` to `revision`; returns the revision now current."""
    engine = create_store_engine(url)
    try:
        upgrade_engine(engine, revision)
        return current_of(engine)
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    """The database's Alembic revision (None for an empty database)."""
    engine = create_store_engine(url)
    try:
        return current_of(engine)
    finally:
        engine.dispose()


def at_head(engine: Engine) -> bool:
    """Whether the database is at `HEAD_REVISION`, read with one query and without Alembic. False when it
    is not, or when it cannot tell (no version table yet, database unreachable): Alembic then decides."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:
        return False
    return [tuple(row) for row in rows] == [(HEAD_REVISION,)]


def current_of(engine: Engine) -> str | None:
    """The schema revision behind `engine` (None: not migrated); StoreError when it cannot be read."""
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as exc:
        raise StoreError(f"database: cannot read {redact(str(engine.url))}: {first_line(exc)}") from exc


def first_line(exc: BaseException) -> str:
    """The first line of a driver error, the part a person reads."""
    inner = getattr(exc, "orig", None) or exc
    return (str(inner).strip().splitlines() or [type(inner).__name__])[0]
