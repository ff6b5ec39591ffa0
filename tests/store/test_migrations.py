"""Alembic: the migrated schema is exactly the models' schema, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from monitor.errors import StoreError
from monitor.store import current_revision, head_revision, open_store, upgrade
from monitor.store.engine import create_store_engine
from monitor.store.migrate import HEAD_REVISION, alembic_config, at_head
from monitor.store.models import Base
from tests.store.pg import empty_postgres_schema


def test_migrated_schema_matches_the_models(database_url: str) -> None:
    assert current_revision(database_url) is None
    assert upgrade(database_url) == head_revision()
    engine = create_store_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_open_store_migrates_and_is_idempotent(database_url: str) -> None:
    open_store(database_url).close()
    open_store(database_url).close()
    assert current_revision(database_url) == head_revision()
    open_store(database_url, migrate=False).close()


def test_head_revision_constant_is_alembics_head() -> None:
    # open_store skips Alembic when the database is at HEAD_REVISION: a new migration must move it.
    assert head_revision() == HEAD_REVISION


def test_at_head_tells_a_current_database_from_an_empty_or_older_one(database_url: str) -> None:
    engine = create_store_engine(database_url)
    try:
        assert not at_head(engine)  # no version table yet
        upgrade(database_url)
        assert at_head(engine)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'older'"))
        assert not at_head(engine)
        with pytest.raises(StoreError, match="expected"):
            open_store(database_url, migrate=False)
    finally:
        engine.dispose()


def test_downgrade_to_base_and_back(database_url: str) -> None:
    upgrade(database_url)
    engine = create_store_engine(database_url)
    try:
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        with engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()
    assert upgrade(database_url) == head_revision()


def test_sqlite_connections_use_wal_and_foreign_keys(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/sub/dir/t.sqlite"  # missing folders are created
    store = open_store(url)
    try:
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        store.close()


def test_unusable_databases_raise_store_error(tmp_path: object) -> None:
    with pytest.raises(StoreError, match="cannot migrate"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/nothing")
    with pytest.raises(StoreError, match="only sqlite"):
        open_store("mysql://127.0.0.1/x")
    with pytest.raises(StoreError, match="not an SQLAlchemy URL"):
        open_store("not a url")
    with pytest.raises(StoreError, match=f"expected {HEAD_REVISION}"):
        open_store(f"sqlite:///{tmp_path}/empty.sqlite", migrate=False)


def test_several_instances_migrate_a_new_database_at_once(database_url: str) -> None:
    # Instances started together on a new database (issue 14): each opens it, finds no schema and migrates.
    # On SQLite some failed with "cannot migrate: database is locked"; one migrates, the others wait now.
    for _ in range(3):
        url = database_url
        if url.startswith("sqlite:///"):
            url = url.replace(".sqlite", f"-{_}.sqlite")
        else:
            empty_postgres_schema(url)
        barrier = threading.Barrier(4)
        errors: list[BaseException] = []

        def start(url: str = url, barrier: threading.Barrier = barrier, errors: list[BaseException] = errors,
                  ) -> None:
            barrier.wait()
            try:
                open_store(url).close()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=start) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert current_revision(url) == head_revision()



def test_migration_0003_fills_the_candidate_columns_of_existing_rows(database_url: str) -> None:
    # Rows written before 0003 get the days their date covers and, for figures, their series, so a version
    # reconciled after the upgrade finds them (monitor.track.candidates).
    engine = create_store_engine(database_url)
    row = ("INSERT INTO timeline_items (event_id, story_id, key, kind, date, summary, actors, subject, "
           "metric, evidence, source_url, first_seen, last_seen, status) VALUES (:id, 's', 'k', :kind, "
           ":date, 'x', '[]', :subject, :metric, 'x.', 'https://a.example/', :t, :t, 'active')")
    at = dt.datetime(2021, 6, 14)
    try:
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0002")
            connection.execute(text(row), [
                {"id": "ev-1", "kind": "call", "date": "2021-W23", "subject": None, "metric": None, "t": at},
                {"id": "ev-2", "kind": "figure", "date": None, "subject": "The Ferry", "metric": "rescued",
                 "t": at},
                {"id": "ev-3", "kind": "call", "date": "PRESENT_REF", "subject": "the port", "metric": "x",
                 "t": at},
            ])
            command.upgrade(config, "head")
        with engine.connect() as connection:
            filled = connection.execute(text(
                "SELECT event_id, span_start, span_end, series FROM timeline_items ORDER BY event_id")).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in filled] == [
        ("ev-1", "2021-06-07", "2021-06-13", None),
        ("ev-2", None, None, "ferry\trescued"),
        ("ev-3", None, None, None),
    ]


def test_migration_0008_gives_each_existing_row_a_token_of_its_own(database_url: str) -> None:
    # A row's token tells a process whether the entry it built from the row still stands
    # (monitor.store.timeline); rows written before 0008 get one each, not a shared default.
    engine = create_store_engine(database_url)
    row = ("INSERT INTO timeline_items (event_id, story_id, key, kind, date, summary, actors, evidence, "
           "source_url, first_seen, last_seen, status) VALUES (:id, 's', 'k', 'call', '2021-06-14', 'x', "
           "'[]', 'x.', 'https://a.example/', :t, :t, 'active')")
    at = dt.datetime(2021, 6, 14)
    try:
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0007")
            connection.execute(text(row), [{"id": f"ev-{n}", "t": at} for n in range(3)])
            command.upgrade(config, "head")
        with engine.connect() as connection:
            tokens = connection.execute(text("SELECT rev FROM timeline_items")).scalars().all()
    finally:
        engine.dispose()
    assert len(set(tokens)) == 3 and 0 not in tokens
