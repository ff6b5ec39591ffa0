"""Alembic, configured in code: the scripts live in the repository's db/ folder, found from the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

import monitor
from monitor.errors import StoreError
from monitor.store.engine import create_store_engine, normalise_url, redact

SCRIPT_LOCATION = Path(monitor.__file__).resolve().parent.parent / "db"
# Key of the PostgreSQL advisory lock that serialises migrations of instances starting together.
_MIGRATION_LOCK = 0x6D6F6E69  # "moni"


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config for db/ (no alembic.ini or working directory needed)."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    if url is not None:
        # ConfigParser interpolation treats '%' specially (URL-encoded passwords).
        config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def head_revision() -> str | None:
    """The newest migration's revision id."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade_engine(engine: Engine, revision: str = "head") -> None:
    """Bring the schema behind `engine` to `revision`; raises StoreError when the database refuses."""
    config = alembic_config()
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                # Several instances starting at once: one migrates, the others wait and then find it done.
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"database: cannot migrate {redact(str(engine.url))}: {_first_line(exc)}") from exc


def upgrade(url: str, revision: str = "head") -> str | None:
    """`monitor db upgrade`: migrate the database at `url` to `revision`; returns the revision now current."""
    engine = create_store_engine(url)
    try:
        upgrade_engine(engine, revision)
        return _current(engine)
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    """The database's Alembic revision (None for an empty database)."""
    engine = create_store_engine(url)
    try:
        return _current(engine)
    finally:
        engine.dispose()


def _current(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as exc:
        raise StoreError(f"database: cannot read {redact(str(engine.url))}: {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    inner = getattr(exc, "orig", None) or exc
    return (str(inner).strip().splitlines() or [type(inner).__name__])[0]
