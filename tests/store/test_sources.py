"""Sources and their leases on real databases (issue 14): a config sync that cannot collide with another
instance's, lease renewal, and the leases of dead owners taken back."""

from __future__ import annotations

import datetime as dt
import threading
import time

from monitor.store import Store, open_store
from tests.store.test_repo import PAGE, T0, specs, story

OTHER = "https://news.example/other"


def test_config_sync_skips_a_source_another_instance_added_meanwhile(store: Store, database_url: str) -> None:
    # Two instances starting together: the other inserts a source of the config and has not committed when
    # this one syncs. This one waits for it and then skips the row; before, its plain INSERT failed with a
    # UniqueViolation on PostgreSQL and the instance exited 1.
    other = open_store(database_url)
    results: list[object] = []
    try:
        with other.transaction() as tx:
            assert tx.add_source(specs(story())[0], T0)

            def sync() -> None:
                try:
                    results.append(store.sync_specs(specs(story(pages=(PAGE, OTHER))), T0))
                except Exception as exc:
                    results.append(exc)

            thread = threading.Thread(target=sync)
            thread.start()
            time.sleep(0.5)  # the sync is now waiting on the other's transaction
            assert results == []
        thread.join(timeout=30)
    finally:
        other.close()
    [summary] = results
    assert not isinstance(summary, Exception), summary
    assert getattr(summary, "added") == (f"s1 {OTHER}",)  # noqa: B009 - the PAGE row is the other's
    assert sorted(s.url for s in store.sources()) == sorted([PAGE, OTHER])


def test_concurrent_config_syncs_add_each_source_once(database_url: str) -> None:
    stores = [open_store(database_url) for _ in range(3)]
    pages = tuple(f"https://news.example/{i}" for i in range(300))
    barrier = threading.Barrier(len(stores))
    added: list[int] = []
    errors: list[BaseException] = []

    def sync(target: Store) -> None:
        barrier.wait()
        try:
            added.append(len(target.sync_specs(specs(story(pages=pages)), T0).added))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=sync, args=(s,)) for s in stores]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert errors == []
        assert sorted(added) == [0, 0, 300]
        assert stores[0].count_sources() == 300
    finally:
        for opened in stores:
            opened.close()


def test_renew_extends_only_the_leases_the_owner_still_holds(store: Store) -> None:
    store.sync_specs(specs(story(pages=(PAGE, OTHER))), T0)
    first, second = store.claim_due("a", T0, lease_seconds=60)
    # "b" takes the second over once a's lease expired.
    later = T0 + dt.timedelta(seconds=61)
    [taken] = store.claim_due("b", later, lease_seconds=60, limit=1)
    assert taken.id == first.id
    assert store.renew("a", [first.id, second.id], later + dt.timedelta(seconds=60)) == {second.id}
    assert store.source(second.id).lease_expires_at == later + dt.timedelta(seconds=60)
    assert store.source(first.id).lease_owner == "b"
    # Renewed, the lease holds past its first expiry: nobody else can claim it.
    assert store.claim_due("c", later + dt.timedelta(seconds=30), lease_seconds=60) == []
    assert store.renew("a", [], later) == set()


def test_lease_owners_and_free_leases(store: Store) -> None:
    pages = tuple(f"https://news.example/{i}" for i in range(4))
    store.sync_specs(specs(story(pages=pages)), T0)
    store.claim_due("h1/ab:10:x", T0, lease_seconds=60, limit=2)
    store.claim_due("h1/ab:11:y", T0, lease_seconds=60, limit=1)
    store.claim_due("h2:10:z", T0, lease_seconds=60, limit=1)
    assert store.lease_owners("h1/ab:", T0) == ["h1/ab:10:x", "h1/ab:11:y"]
    assert store.lease_owners("h1%", T0) == []  # the prefix is literal, not a pattern
    assert store.lease_owners("h1/ab:", T0 + dt.timedelta(seconds=61)) == []  # expired: free anyway
    assert store.free_leases(["h1/ab:10:x"]) == 2
    assert store.free_leases([]) == 0
    held = sorted(s.lease_owner or "-" for s in (store.source(i.id) for i in store.sources()))
    assert held == ["-", "-", "h1/ab:11:y", "h2:10:z"]
