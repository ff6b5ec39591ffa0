"""Engines opened read-only (issue 14): the read commands' database, never migrated and never written."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from monitor.errors import StoreError
from monitor.store import Store, current_revision, open_store
from monitor.store.migrate import HEAD_REVISION
from tests.store.test_repo import PAGE, T0, specs, story


def test_a_read_only_store_reads_and_cannot_write(store: Store, database_url: str) -> None:
    store.sync_specs(specs(story()), T0)
    reader = open_store(database_url, read_only=True)
    try:
        assert [s.url for s in reader.sources()] == [PAGE]
        with pytest.raises(Exception, match="(?i)read.?only"):
            reader.sync_specs(specs(story(pages=(PAGE, "https://news.example/other"))), T0)
    finally:
        reader.close()
    assert store.count_sources() == 1


def test_a_read_only_open_never_migrates_and_says_the_schema_is_out_of_date(
    store: Store, database_url: str
) -> None:
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    out_of_date = rf"schema is at revision 0000, expected {HEAD_REVISION}: run `monitor db upgrade`"
    with pytest.raises(StoreError, match=out_of_date):
        open_store(database_url, read_only=True)
    assert current_revision(database_url) == "0000"
