"""The alert log and the notification queue (monitor/store/alert_log.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from monitor.store import Store, open_store
from monitor.store.records import NewAlert
from tests.store import pg

database_url = pg.database_url  # pytest fixtures, on SQLite and (when configured) PostgreSQL
store = pg.store

T0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


def _alert(story: str, n: int, *targets: str) -> NewAlert:
    return NewAlert(story, "event_added", f"https://example.org/{n}", f"event_added: item {n}",
                    {"n": n, "evidence": "It happened.", "source_urls": ["https://example.org/x"]}, targets)


def test_alerts_are_logged_with_their_fields_and_read_newest_first(store: Store) -> None:
    with store.transaction() as tx:
        tx.log_alerts([_alert("a", 1), _alert("b", 2), _alert("a", 3)], T0)
    logged = store.alerts("a")
    assert [a.message for a in logged] == ["event_added: item 3", "event_added: item 1"]
    assert logged[0].fields == {"n": 3, "evidence": "It happened.", "source_urls": ["https://example.org/x"]}
    assert logged[0].created_at == T0 and store.alerts("a", limit=1) == logged[:1]
    assert store.count_pending_notifications() == 0  # no target: nothing queued


def test_each_alert_is_queued_once_per_target_and_leaves_when_delivered(store: Store) -> None:
    with store.transaction() as tx:
        tx.log_alerts([_alert("a", n, "notify[0]", "stories[0].notify[0]") for n in range(5)]
                      + [_alert("b", 9)], T0)
    pending = store.pending_notifications()
    assert len(pending) == 10
    assert {(p.target, p.alert.message) for p in pending} == {
        (t, f"event_added: item {n}") for n in range(5) for t in ("notify[0]", "stories[0].notify[0]")}
    mine = [p.id for p in pending if p.target == "notify[0]"]
    store.notifications_failed(mine, T0 + dt.timedelta(minutes=1), "refused")
    assert len(store.pending_notifications(T0)) == 5  # the failed ones wait for their next attempt
    again = [p for p in store.pending_notifications() if p.target == "notify[0]"]
    assert {(p.attempts, p.next_attempt_at) for p in again} == {(1, T0 + dt.timedelta(minutes=1))}
    store.notifications_delivered(mine)
    assert store.count_pending_notifications() == 5


def test_alerted_since_names_the_stories_with_newer_alerts(store: Store) -> None:
    assert store.alerted_since(0) == (0, set())
    with store.transaction() as tx:
        tx.log_alerts([_alert("a", 1), _alert("b", 2)], T0)
    newest, stories = store.alerted_since(0)
    assert stories == {"a", "b"}
    with store.transaction() as tx:
        tx.log_alerts([_alert("b", 3)], T0)
    assert store.alerted_since(newest)[1] == {"b"}
    assert store.alerted_since(store.alerted_since(newest)[0])[1] == set()


def test_one_process_at_a_time_holds_the_delivery_lock(store: Store, database_url: str) -> None:
    other = open_store(database_url)  # another process's store on the same database
    try:
        with store.delivery_lock() as mine, other.delivery_lock() as theirs:
            assert mine and not theirs
        with other.delivery_lock() as theirs:
            assert theirs  # released
    finally:
        other.close()
