"""monitor.run.reextract on SQLite and PostgreSQL: replaying what the checks did finds nothing to change; a
changed lexicon rebuilds the rows and their history as a new generation, the past as it was known untouched;
`since` re-reads only the later versions."""

from __future__ import annotations

import datetime as dt

from monitor.config import parse_config
from monitor.run.reextract import reextract
from monitor.store import Store
from tests.store import pg
from tests.store.test_history import STEPS, T0, A, B, _check, _watch

database_url = pg.database_url  # pytest fixtures, on SQLite and (when configured) PostgreSQL
store = pg.store


def _config(kinds: dict[str, list[str]] | None = None) -> object:
    return parse_config({"extraction": {"kinds": kinds or {}},
                         "stories": [{"id": "floods", "sources": [{"url": A}, {"url": B}]}]})


def _checked(store: Store) -> list[dt.datetime]:
    _watch(store)
    times = []
    for url, minutes, body in STEPS:
        at = T0 + dt.timedelta(minutes=minutes)
        _check(store, url, at, body)
        times.append(at)
    return times


def test_replaying_the_checks_with_the_same_extractor_changes_nothing(store: Store) -> None:
    _checked(store)
    rows = store.load_timeline("floods")
    [summary] = reextract(store, _config(), story="floods")  # type: ignore[arg-type]
    assert not summary.written and summary.versions == len(STEPS)
    assert store.load_timeline("floods") == rows
    assert store.rebuild_base("floods")[0] == 0  # no new generation


def test_a_changed_lexicon_rebuilds_rows_and_keeps_the_past_as_known(store: Store) -> None:
    times = _checked(store)
    known = {at: store.timeline_as_of(at, "floods") for at in times}
    assert any(e.kind == "meeting" for e in store.load_timeline("floods"))
    config = _config({"assembly": ["meet"]})
    [summary] = reextract(store, config, story="floods",  # type: ignore[arg-type]
                          now=lambda: T0 + dt.timedelta(hours=1))
    assert summary.written and summary.added >= 1 and summary.removed >= 1
    rows = store.load_timeline("floods")
    assembly = [e for e in rows if e.kind == "assembly"]
    assert assembly and not [e for e in rows if e.kind == "meeting"]
    # First told by B's first version (minute 2): first seen then, as a check with this lexicon would have.
    assert min(e.first_seen for e in assembly) == T0 + dt.timedelta(minutes=2)
    for at, then in known.items():
        assert store.timeline_as_of(at, "floods") == then
    later = store.timeline_as_of(T0 + dt.timedelta(hours=2), "floods")
    assert {e.event_id: e for e in later} == {e.event_id: e for e in rows}
    [again] = reextract(store, config, story="floods")  # type: ignore[arg-type]
    assert not again.written


def test_since_reads_only_the_later_versions(store: Store) -> None:
    times = _checked(store)
    config = _config({"assembly": ["meet"]})
    [summary] = reextract(store, config, story="floods", since=times[3])  # type: ignore[arg-type]
    assert summary.versions == len(STEPS) - 3
    assert summary.written
    # The meeting read before `since` stays as it was read; re-read from then on, no version says "meeting"
    # any more (it is removed) and the assembly is first seen in A's version after `since`.
    rows = store.load_timeline("floods")
    assert [e.status for e in rows if e.kind == "meeting"] == ["removed"]
    assert [(e.status, e.first_seen) for e in rows if e.kind == "assembly"] == [("active", times[4])]
