"""The repository on real databases: config sync, leases, one-transaction results, history."""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from monitor.config import parse_config
from monitor.errors import InputError
from monitor.run.specs import config_specs
from monitor.store import CheckRecord, LeaseLostError, NewSnapshot, SourceSpec, Store, open_store
from monitor.store.records import REMOVED_FROM_CONFIG, SyncSummary
from monitor.track.snapshots import compress

T0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
PAGE = "https://news.example/story"
FEED = "https://news.example/rss"


def specs(*stories: dict[str, object]) -> list[SourceSpec]:
    """The source specs of a config with these stories."""
    return config_specs(parse_config({"stories": list(stories)}))


def story(sid: str = "s1", pages: tuple[str, ...] = (PAGE,), every: str = "30m", feeds: tuple[str, ...] = ()):
    return {"id": sid, "sources": [{"url": u, "every": every} for u in pages],
            "feeds": [{"url": u, "every": "15m", "follow": True, "keywords": ["virus"]} for u in feeds]}


def record(source_id: int, owner: str, outcome: str = "unchanged", **kw: object) -> CheckRecord:
    return CheckRecord(source_id=source_id, owner=owner, started_at=T0, finished_at=T0, outcome=outcome,
                       next_due_at=T0 + dt.timedelta(minutes=30), **kw)


def snap(text: str, at: dt.datetime = T0) -> NewSnapshot:
    return NewSnapshot(fetched_at=at, content_hash=f"{hash(text) & 0xFFFF:064x}", size=len(text),
                       body=compress(text), title="T")


def test_sync_specs_adds_updates_deactivates_and_reactivates(store: Store) -> None:
    first = store.sync_specs(specs(story(feeds=(FEED,))), T0)
    assert sorted(first.added) == sorted([f"s1 {PAGE}", f"s1 {FEED}"])
    infos = {s.url: s for s in store.sources()}
    assert infos[PAGE].kind == "page" and infos[FEED].kind == "feed"
    assert infos[PAGE].next_due_at == T0 and infos[PAGE].every_seconds == 1800

    assert store.sync_specs(specs(story(feeds=(FEED,))), T0) == type(first)()  # idempotent

    later = T0 + dt.timedelta(minutes=1)
    changed = store.sync_specs(specs(story(every="1h")), later)
    assert changed.updated == (f"s1 {PAGE}",)
    assert changed.deactivated == (f"s1 {FEED}",)
    infos = {s.url: s for s in store.sources()}
    assert infos[PAGE].every_seconds == 3600 and infos[PAGE].active
    assert not infos[FEED].active and infos[FEED].disabled_reason == "removed from config"
    assert len(store.sources()) == 2  # deactivated, not deleted

    back = store.sync_specs(specs(story(every="1h", feeds=(FEED,))), later)
    assert back.reactivated == (f"s1 {FEED}",)
    assert all(s.active for s in store.sources())


def test_followed_sources_live_and_die_with_their_feed(store: Store) -> None:
    store.sync_specs(specs(story(feeds=(FEED,))), T0)
    article = "https://news.example/article-1"
    spec = SourceSpec("s1", article, "page", 1800, origin=f"feed:{FEED}")
    assert store.add_source(spec, T0) is True
    assert store.add_source(spec, T0) is False  # already there
    assert store.sync_specs(specs(story(feeds=(FEED,))), T0).deactivated == ()
    gone = store.sync_specs(specs(story()), T0)
    assert sorted(gone.deactivated) == [f"s1 {article}", f"s1 {FEED}"]


def test_claim_due_respects_schedule_leases_and_expiry(store: Store) -> None:
    store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2"))), T0)
    early = store.claim_due("a", T0 - dt.timedelta(seconds=1), lease_seconds=60)
    assert early == []  # not due yet
    claimed = store.claim_due("a", T0, lease_seconds=60, limit=1)
    assert len(claimed) == 1 and claimed[0].lease_owner == "a"
    rest = store.claim_due("b", T0, lease_seconds=60)
    assert [s.id for s in rest] != [claimed[0].id] and len(rest) == 1
    # Both leased: nobody gets anything until a lease expires.
    assert store.claim_due("c", T0 + dt.timedelta(seconds=59), lease_seconds=60) == []
    taken_over = store.claim_due("c", T0 + dt.timedelta(seconds=61), lease_seconds=60)
    assert len(taken_over) == 2 and {s.lease_owner for s in taken_over} == {"c"}
    # "a" lost its lease: its result is refused and nothing is written.
    with pytest.raises(LeaseLostError):
        store.record_result(record(claimed[0].id, "a", "new_version", snapshot=snap("x")))
    assert store.latest_snapshot(claimed[0].id) is None
    assert store.checks(claimed[0].id) == []



def test_make_due_then_claiming_in_chunks_takes_each_free_source_once(store: Store) -> None:
    store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2", PAGE + "/3"))), T0)
    later = T0 + dt.timedelta(minutes=5)
    first, second, third = store.claim_due("a", T0, lease_seconds=3600, ignore_schedule=True)
    store.release(first.id, "a", next_due_at=T0 + dt.timedelta(hours=1))
    store.release(second.id, "a", next_due_at=T0 + dt.timedelta(hours=1))
    # `third` is leased by a running service: make_due leaves it alone.
    assert store.make_due(later) == 2
    assert store.source(third.id).lease_owner == "a"
    chunk = store.claim_due("b", later, 60, limit=1, due_by=later)
    assert [s.id for s in chunk] == [first.id]
    # Checked and rescheduled after the cycle's start: not claimed again by the same cycle.
    store.release(first.id, "b", next_due_at=later + dt.timedelta(hours=1))
    rest = store.claim_due("c", later + dt.timedelta(seconds=1), 60, limit=5, due_by=later)
    assert [s.id for s in rest] == [second.id]
    assert store.claim_due("c", later + dt.timedelta(seconds=2), 60, due_by=later) == []


def test_make_due_leaves_alone_what_another_process_checked_since_it_was_asked(store: Store) -> None:
    # Three `monitor check` launched together: one that gets to make_due later must not make due again
    # what another has already checked since it was asked (each source is checked once, by one of them).
    store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2", PAGE + "/3"))), T0)
    asked = T0 + dt.timedelta(minutes=2)
    before, since, never = store.claim_due("a", T0, lease_seconds=3600)
    for source, minutes in ((before, 1), (since, 3)):
        store.record_result(replace(record(source.id, "a", "failed", reason="connect_error"),
                                    finished_at=T0 + dt.timedelta(minutes=minutes),
                                    next_due_at=T0 + dt.timedelta(hours=1)))
    store.release(never.id, "a", next_due_at=T0 + dt.timedelta(hours=1))
    later = T0 + dt.timedelta(minutes=4)
    assert store.make_due(later, checked_before=asked) == 2  # checked before it was asked, and never checked
    due = store.claim_due("b", later, 60, due_by=later)
    assert sorted(s.id for s in due) == sorted([before.id, never.id])
    # Without `checked_before` (a cycle's own start), every free source is made due, as before.
    assert store.make_due(later + dt.timedelta(minutes=1)) == 1
    again = store.claim_due("c", later, 60, due_by=later + dt.timedelta(minutes=1))
    assert [s.id for s in again] == [since.id]


def test_release_and_inactive_sources(store: Store) -> None:
    store.sync_specs(specs(story()), T0)
    [source] = store.claim_due("a", T0, lease_seconds=60)
    assert store.release(source.id, "b") is False
    assert store.release(source.id, "a", next_due_at=T0 + dt.timedelta(hours=1)) is True
    assert store.claim_due("b", T0, lease_seconds=60) == []  # rescheduled
    assert len(store.claim_due("b", T0, lease_seconds=60, ignore_schedule=True)) == 1
    store.sync_specs(specs(story(pages=())), T0)
    assert store.claim_due("c", T0 + dt.timedelta(days=1), lease_seconds=60, ignore_schedule=True) == []


def test_two_owners_claiming_concurrently_never_share_a_source(store: Store) -> None:
    urls = tuple(f"{PAGE}/{i}" for i in range(40))
    store.sync_specs(specs(story(pages=urls)), T0)
    results: dict[str, list[int]] = {}
    barrier = threading.Barrier(4)

    def claimer(owner: str) -> None:
        barrier.wait()
        got: list[int] = []
        for _ in range(10):
            got.extend(s.id for s in store.claim_due(owner, T0, lease_seconds=60, limit=3))
        results[owner] = got

    threads = [threading.Thread(target=claimer, args=(f"owner-{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = [sid for got in results.values() for sid in got]
    assert len(claimed) == len(set(claimed)) == 40


def test_record_result_numbers_versions_and_updates_health_in_one_go(store: Store) -> None:
    store.sync_specs(specs(story()), T0)
    [source] = store.claim_due("a", T0, lease_seconds=60)
    first = store.record_result(record(source.id, "a", "new_version", snapshot=snap("one"), status=200,
                                       update_validators=True, etag='"v1"', error_streak=0))
    assert first.version == 1
    [source] = store.claim_due("a", T0 + dt.timedelta(hours=1), lease_seconds=60)
    assert source.etag == '"v1"' and source.lease_owner == "a"
    failed = store.record_result(record(source.id, "a", "failed", reason="timeout", error_streak=1))
    assert failed.version is None
    info = store.find_sources(PAGE)[0]
    assert info.error_streak == 1 and info.last_error == "timeout" and info.versions == 1
    assert store.source(source.id).etag == '"v1"'  # a failed check keeps the validators
    assert store.source(source.id).lease_owner is None
    [source] = store.claim_due("a", T0 + dt.timedelta(hours=2), lease_seconds=60)
    second = store.record_result(record(source.id, "a", "new_version", snapshot=snap("two"), error_streak=0))
    assert second.version == 2
    assert [v.version for v in store.history(PAGE)] == [1, 2]
    assert store.snapshot_text(PAGE, 1) == "one" and store.latest_snapshot(source.id).text == "two"


def test_record_result_disables_a_gone_source(store: Store) -> None:
    store.sync_specs(specs(story()), T0)
    [source] = store.claim_due("a", T0, lease_seconds=60)
    store.record_result(record(source.id, "a", "failed", reason="http_410", status=410, error_streak=1,
                               disable_reason="gone: http_410"))
    info = store.find_sources(PAGE)[0]
    assert not info.active and info.disabled_reason == "gone: http_410"
    assert store.claim_due("a", T0 + dt.timedelta(days=1), lease_seconds=60, ignore_schedule=True) == []
    # Still in the config at the next start: a gone source stays disabled.
    assert store.sync_specs(specs(story()), T0).reactivated == ()


def test_check_log_is_pruned_per_source(store: Store) -> None:
    store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2"))), T0)
    ids = []
    for i in range(7):
        for source in store.claim_due("a", T0 + dt.timedelta(hours=i), lease_seconds=60):
            store.record_result(record(source.id, "a", reason=f"r{i}", check_log_keep=3))
            ids.append(source.id)
    for source_id in set(ids):
        log = store.checks(source_id)
        assert [c.reason for c in log] == ["r6", "r5", "r4"]


def test_quiet_batches_prune_each_source_to_its_newest_checks(store: Store) -> None:
    pages = (PAGE, PAGE + "/2", PAGE + "/3")
    store.sync_specs(specs(story(pages=pages)), T0)
    for i in range(6):
        claimed = store.claim_due("a", T0 + dt.timedelta(hours=i), lease_seconds=60)
        # Source 1 keeps 2 rows, the others 4; source 3 is left out of the last two batches.
        store.record_quiet([
            record(s.id, "a", "not_modified", status=304, update_validators=True, warning=f"r{i}",
                   check_log_keep=2 if s.id == 1 else 4)
            for s in claimed if i < 4 or s.id != 3
        ])
    assert [c.reason for c in store.checks(1)] == ["r5", "r4"]
    assert [c.reason for c in store.checks(2)] == ["r5", "r4", "r3", "r2"]
    assert [c.reason for c in store.checks(3)] == ["r3", "r2", "r1", "r0"]


def test_history_of_a_url_in_two_stories_needs_the_story(store: Store) -> None:
    store.sync_specs(specs(story("a"), story("b")), T0)
    with pytest.raises(InputError, match=r"several stories \(a, b\).*--story"):
        store.history(PAGE)
    assert store.history(PAGE, story="a") == []
    with pytest.raises(InputError, match="not a source"):
        store.history("https://elsewhere.example/")
    with pytest.raises(InputError, match="no version 3"):
        store.snapshot(PAGE, 3, story="b")


def test_timeline_round_trips_and_is_written_with_the_check(store: Store) -> None:
    from dataclasses import replace

    from monitor.track.timeline import SourceReport, TimelineEntry

    call = TimelineEntry(
        event_id="s1-call-1", story="s1", key="call|2020-03-30|ames;boyd", kind="call", date="2020-03-30",
        date_end=None, precision="day", summary="Ames spoke with Boyd", actors=("Ann Ames", "Bo Boyd"),
        location=None, subject=None, metric=None, value=None, unit=None, qualifier=None,
        evidence="Ames and Boyd spoke by phone on Monday.", source_url=PAGE, published="2020-04-01",
        first_seen=T0, last_seen=T0, status="active",
        sources=(SourceReport(PAGE, "Ames and Boyd spoke by phone on Monday.", True, 1, "2020-04-01", T0),),
    )
    deaths = replace(call, event_id="s1-fig-1", key="figure|us|deaths", kind="figure", date="2020-04-01",
                     actors=(), subject="Freedonia", metric="deaths", value=4000, qualifier="more_than",
                     summary="More than 4,000 deaths in Freedonia", status="revised",
                     superseded_by="s1-fig-2")
    store.write_timeline([call, deaths])
    assert store.load_timeline("s1") == [call, deaths]  # by date
    assert {e.event_id: e for e in store.load_timeline()}["s1-fig-1"].value == 4000

    store.sync_specs(specs(story()), T0)
    [source] = store.claim_due("a", T0, lease_seconds=60)
    later = T0 + dt.timedelta(hours=1)
    other = "https://other.example/a"
    gone = replace(call, last_seen=later, status="removed", sources=(
        replace(call.sources[0], present=False, version=2), SourceReport(other, "They spoke.", True, 1,
                                                                            first_seen=later)))
    store.record_result(record(source.id, "a", timeline=(gone,)))
    [loaded] = [e for e in store.load_timeline("s1") if e.event_id == "s1-call-1"]
    assert loaded == gone
    assert store.load_timeline("nope") == []


def _row(store: Store, source_id: int) -> tuple[object, ...]:
    s = store.source(source_id)
    info = next(i for i in store.sources() if i.id == source_id)
    return (s.etag, s.last_modified, s.error_streak, s.next_due_at, s.lease_owner, info.last_checked_at,
            info.last_status, info.last_error, [(c.outcome, c.status, c.reason, c.version)
                                                for c in store.checks(source_id)])


def test_record_quiet_writes_what_record_result_would(tmp_path_factory: pytest.TempPathFactory,
                                                      store: Store) -> None:
    # The same three quiet checks, one by one and in a batch, leave the same rows behind.
    pages = (PAGE, PAGE + "/2", PAGE + "/3")
    other = open_store(f"sqlite:///{tmp_path_factory.mktemp('one_by_one')}/db.sqlite")
    try:
        for target in (store, other):
            target.sync_specs(specs(story(pages=pages)), T0)
            target.claim_due("a", T0, lease_seconds=60)
        quiet = [
            record(1, "a", "not_modified", status=304, update_validators=True, etag='"e1"', elapsed=0.1),
            record(2, "a", "unchanged", status=200, version=3, update_validators=True,
                   last_modified="Wed, 01 May 2024 10:00:00 GMT", warning="malformed_feed: x"),
            record(3, "a", "not_modified", status=304, update_validators=True, check_log_keep=0),
        ]
        assert store.record_quiet(quiet) == [other.record_result(r) for r in quiet]
        for source_id in (1, 2, 3):
            assert _row(store, source_id) == _row(other, source_id)
        assert store.checks(1)[0].outcome == "not_modified" and store.checks(3) == []  # keep 0: pruned
        assert store.source(2).next_due_at == T0 + dt.timedelta(minutes=30)
    finally:
        other.close()


def test_record_quiet_discards_only_the_checks_whose_lease_was_lost(store: Store) -> None:
    store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2"))), T0)
    store.claim_due("a", T0, lease_seconds=60)
    # "b" takes source 2 over once a's lease expired; a's batch still writes source 1.
    store.release(2, "a")
    [taken] = store.claim_due("b", T0, lease_seconds=60, ignore_schedule=True)
    results = store.record_quiet([
        record(1, "a", "not_modified", status=304, update_validators=True),
        record(taken.id, "a", "not_modified", status=304, update_validators=True),
    ])
    assert results[0].outcome == "not_modified"
    assert isinstance(results[1], LeaseLostError) and "held by b" in str(results[1])
    assert [c.outcome for c in store.checks(1)] == ["not_modified"] and store.checks(2) == []
    assert store.source(2).lease_owner == "b"


def test_record_quiet_refuses_a_check_that_changed_something(store: Store) -> None:
    store.sync_specs(specs(story()), T0)
    [source] = store.claim_due("a", T0, lease_seconds=60)
    for loud in (record(source.id, "a", "new_version", snapshot=snap("one"), update_validators=True),
                 record(source.id, "a", "failed", reason="timeout", error_streak=1),
                 record(source.id, "a", "not_modified", update_validators=False)):
        with pytest.raises(ValueError):
            store.record_quiet([loud])
    assert store.checks(source.id) == [] and store.source(source.id).lease_owner == "a"


def test_count_sources_counts_what_sources_lists(store: Store) -> None:
    store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2")), story("s2", pages=(PAGE,))), T0)
    store.sync_specs(specs(story(pages=(PAGE,)), story("s2", pages=(PAGE,))), T0)  # /2 deactivated
    for story_id in (None, "s1", "s2", "nope"):
        for active in (False, True):
            assert store.count_sources(story_id, active_only=active) == len(
                store.sources(story_id, active_only=active))
    assert store.count_sources("s1", active_only=True) == 1


def test_count_sources_unread_counts_pages_never_stored(store: Store) -> None:
    store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2"))), T0)
    assert store.count_sources(active_only=True, unread=True) == 2
    [first, second] = store.claim_due("a", T0, lease_seconds=60)
    store.commit(record(first.id, "a", "new_version", snapshot=snap("one"), update_validators=True))
    store.commit(record(second.id, "a", "failed", reason="timeout", error_streak=1))
    assert store.count_sources(active_only=True, unread=True) == 1  # a failed check stored nothing


def test_sync_of_an_unchanged_config_is_skipped_and_a_changed_one_is_not(store: Store) -> None:
    first = store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2"))), T0)
    assert len(first.added) == 2
    # The same config again is not compared row by row: a row changed behind the sync's back (here as a
    # sync deactivates a removed page) is left as it is, where a sync would have reactivated it.
    with store.engine.begin() as connection:
        connection.execute(sa.text("UPDATE sources SET active = false, disabled_reason = :r WHERE url = :u"),
                           {"r": REMOVED_FROM_CONFIG, "u": PAGE + "/2"})
    assert store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2"))), T0) == SyncSummary()
    assert store.count_sources(active_only=True) == 1
    # Any change of a spec is synced: a shorter interval, a page removed, then the old config back.
    changed = store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2"), every="10m")), T0)
    assert len(changed.updated) == 2
    removed = store.sync_specs(specs(story(pages=(PAGE,), every="10m")), T0)
    assert removed.deactivated == (f"s1 {PAGE}/2",)
    back = store.sync_specs(specs(story(pages=(PAGE, PAGE + "/2"))), T0)
    assert back.reactivated == (f"s1 {PAGE}/2",) and len(back.updated) == 2
    assert store.count_sources(active_only=True) == 2


def test_a_processs_sqlite_writers_queue_rather_than_time_out_on_each_other(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/db.sqlite")
    # SQLite's busy timeout down to 20 ms, on every connection opened from now on.
    sa.event.listen(store.engine, "connect",
                    lambda connection, _record: connection.execute("PRAGMA busy_timeout = 20"))
    store.engine.dispose()
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    failures: list[Exception] = []

    def write(number: int) -> None:
        try:
            with store.transaction() as tx:
                tx.add_source(SourceSpec("s", f"https://example.com/{number}", "page", 3600.0), now)
                time.sleep(0.05)  # the write lock held longer than the busy timeout
        except Exception as exc:  # noqa: BLE001 - counted: none is expected
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert failures == []
        assert store.count_sources() == 8
    finally:
        store.close()
