"""monitor.store.history, retention and backup on SQLite and PostgreSQL: the rows as they stood at any time
are the rows `load_timeline` gave then; a database upgraded with rows in it starts its history at the upgrade;
pruning keeps what the facts need; pg_dump/pg_restore round-trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from monitor.config import parse_config
from monitor.errors import InputError
from monitor.extract.text import Document, content_hash
from monitor.run.check import NewVersion
from monitor.run.specs import config_specs
from monitor.run.story import StoryRules, apply_version, extract_version
from monitor.store import CheckRecord, RecordedCheck, Store, open_store
from monitor.store.backup import backup, restore
from monitor.store.migrate import alembic_config
from monitor.store.records import NewSnapshot
from monitor.store.repo import StoreTransaction
from monitor.store.retention import Rule
from monitor.track.snapshots import compress
from tests.store import pg

database_url = pg.database_url  # pytest fixtures, on SQLite and (when configured) PostgreSQL
store = pg.store
postgres_url = pg.postgres_url

T0 = dt.datetime(2024, 3, 4, 8, 0, tzinfo=dt.UTC)
A, B = "https://valley.example/a", "https://wire.example/b"
CALL = "Regional governor Paul Mercer spoke with Interior Minister Hana Ruiz on Monday by phone."
TOLL = "France now has {n} confirmed deaths from the floods, according to the health ministry."
MEETING = "Minister Hana Ruiz met relief agencies in Ardenne on March 4, 2024, her ministry said."
# (source, minutes after T0, text): a toll revised, a meeting told, dropped and told again, a second source.
STEPS = [
    (A, 1, f"{CALL}\n\n{TOLL.format(n=14)}"),
    (B, 2, f"{CALL}\n\n{MEETING}"),
    (A, 3, f"{CALL}\n\n{TOLL.format(n=19)}\n\n{MEETING}"),
    (B, 4, CALL),
    (A, 5, f"{TOLL.format(n=19)}\n\n{MEETING}"),
    (B, 6, f"{CALL}\n\n{MEETING}"),
]


def _watch(store: Store) -> None:
    config = parse_config({"stories": [{"id": "floods", "sources": [{"url": A}, {"url": B}]}]})
    store.sync_specs(config_specs(config), T0)


def _check(store: Store, url: str, at: dt.datetime, body: str) -> None:
    """A page's new version as `monitor check` writes it: snapshot, check record and reconcile together."""
    claimed = store.claim_due("tester", at, 60, ignore_schedule=True)
    for other in claimed:
        if other.url != url:
            store.release(other.id, "tester")
    [source] = [s for s in claimed if s.url == url]
    head = store.latest_version(source.id)
    number = (head[0] if head else 0) + 1
    document = Document(title="Floods", text=body, published=T0.date(), url=url)
    extracted = extract_version(NewVersion(source, number, None, document, body, at), StoryRules())
    assert extracted is not None
    snapshot = NewSnapshot(fetched_at=at, content_hash=content_hash(body), size=len(body.encode()),
                           body=compress(body), published=T0.date())
    record = CheckRecord(source_id=source.id, owner="tester", started_at=at, finished_at=at,
                         outcome="new_version", next_due_at=at + dt.timedelta(minutes=30), snapshot=snapshot)

    def work(tx: StoreTransaction, recorded: RecordedCheck) -> None:
        apply_version(tx, extracted, recorded.version, at)

    store.commit(record, work, story="floods")


def _by_id(entries: list[object]) -> dict[str, object]:
    return {e.event_id: e for e in entries}  # type: ignore[attr-defined]


def test_the_rows_as_of_each_moment_are_the_rows_then(store: Store) -> None:
    _watch(store)
    seen: list[tuple[dt.datetime, dict[str, object]]] = []
    for url, minutes, body in STEPS:
        at = T0 + dt.timedelta(minutes=minutes)
        _check(store, url, at, body)
        seen.append((at, _by_id(list(store.load_timeline("floods")))))
    assert any(e.status == "revised" for e in store.load_timeline("floods"))  # the toll was revised
    for at, rows in seen:
        assert _by_id(list(store.timeline_as_of(at, "floods"))) == rows
        assert _by_id(list(store.timeline_as_of(at + dt.timedelta(seconds=30), "floods"))) == rows
    assert store.timeline_as_of(T0, "floods") == []
    stamps = store.extractors("floods")
    assert set(stamps) == {("floods", StoryRules().extractor())}


def test_retention_keeps_the_versions_facts_need(store: Store) -> None:
    _watch(store)
    for url, minutes, body in STEPS:
        _check(store, url, T0 + dt.timedelta(minutes=minutes), body)
    _check(store, A, T0 + dt.timedelta(minutes=7), f"{TOLL.format(n=19)}\n\n{MEETING}\n\nComments open.")
    now = T0 + dt.timedelta(days=2)
    rules = {"floods": Rule(keep_last=1, keep_younger=3600)}
    [plan] = store.prune_plan(rules, now)
    # Of A's four versions only the last, which changed no fact and is not the newest's evidence... is kept by
    # keep_last; every earlier one changed a fact. B's three versions each changed one.
    assert plan.snapshot_ids == ()
    _check(store, A, T0 + dt.timedelta(minutes=8), f"{TOLL.format(n=19)}\n\n{MEETING}\n\nComments closed.")
    [plan] = store.prune_plan(rules, now)
    assert len(plan.snapshot_ids) == 1 and plan.text_bytes > 0
    [done] = store.prune(rules, now)
    assert done.snapshot_ids == plan.snapshot_ids
    assert [v.version for v in store.history(A)] == [1, 2, 3, 4, 5]
    with pytest.raises(InputError, match="version 4 was dropped by retention"):
        store.snapshot_text(A, 4)
    assert store.prune_plan(rules, now)[0].snapshot_ids == ()


def test_an_upgraded_database_begins_its_history_at_the_upgrade(database_url: str) -> None:
    command.upgrade(alembic_config(database_url), "0002")
    from monitor.store.engine import create_store_engine

    engine = create_store_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO timeline_items (id, event_id, story_id, key, kind, date, summary, actors, evidence, "
            "source_url, first_seen, last_seen, status) VALUES (1, 'ev-1', 'floods', 'k', 'call', "
            "'2024-03-04', 'Call', '[]', 'They spoke.', 'https://a.example/', :t, :t, 'active')"),
            {"t": T0.replace(tzinfo=None) if engine.dialect.name == "sqlite" else T0})
    engine.dispose()
    upgraded = open_store(database_url)
    try:
        now = dt.datetime.now(dt.UTC)
        [row] = upgraded.timeline_as_of(now + dt.timedelta(seconds=1), "floods")
        assert row == upgraded.load_timeline("floods")[0]
        with pytest.raises(InputError, match="history of story 'floods' begins at"):
            upgraded.timeline_as_of(T0, "floods")
        assert upgraded.extractors("floods") == {("floods", None): 1}  # an older extractor's row
    finally:
        upgraded.close()


@pytest.mark.postgres
def test_pg_dump_and_pg_restore_round_trip(postgres_url: str, tmp_path: Path) -> None:
    store = open_store(postgres_url)
    try:
        _watch(store)
        for url, minutes, body in STEPS[:3]:
            _check(store, url, T0 + dt.timedelta(minutes=minutes), body)
        rows = store.load_timeline("floods")
        assert "pg_dump" in backup(postgres_url, tmp_path / "floods.dump")
        with store.transaction() as tx:
            tx.session.execute(text("DELETE FROM timeline_items"))
        assert store.load_timeline("floods") == []
        store.close()
        assert "pg_restore" in restore(postgres_url, tmp_path / "floods.dump")
        store = open_store(postgres_url)
        assert store.load_timeline("floods") == rows
    finally:
        store.close()
