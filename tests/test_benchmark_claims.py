"""benchmarks/claims.py's core, small: P processes claiming through the store's leases claim every source
exactly once (PostgreSQL, where the fleet shares its sources); and its command line parses."""

from __future__ import annotations

import datetime as dt
from types import ModuleType

import pytest

from monitor.store import open_store
from tests.benchmark_scripts import load_script
from tests.store.pg import postgres_url as postgres_url  # noqa: PLC0414  (pytest fixture)


@pytest.fixture(scope="module")
def claims() -> ModuleType:
    return load_script("claims")


@pytest.mark.postgres
@pytest.mark.parametrize("mode", ["quiet", "release"])
def test_every_source_claimed_exactly_once(claims: ModuleType, postgres_url: str, mode: str) -> None:
    store = open_store(postgres_url)
    try:
        assert claims.load_sources(store, 500, dt.datetime.now(dt.UTC)) == 500
    finally:
        store.close()
    # A small batch, so the two processes take turns many times.
    result = claims.run_round(postgres_url, 2, mode=mode, batch=10, timeout=60)
    assert result.errors == []
    assert (result.claimed, result.duplicates, result.missed, result.lost) == (500, 0, 0, 0)
    assert result.ok and result.per_second > 0
    # A second round over the same table: make_round_due made every source due again.
    again = claims.run_round(postgres_url, 2, mode=mode, batch=50, spread_seconds=0, timeout=60)
    assert (again.claimed, again.duplicates, again.missed) == (500, 0, 0)
    store = open_store(postgres_url, migrate=False)
    try:
        after = store.sources()
        # Every source given back, moved on by its interval, as a check leaves it; in the quiet mode with
        # one check record of the round (make_round_due forgot the first round's).
        assert all(s.next_due_at > dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10) for s in after)
        assert {len(store.checks(s.id)) for s in after[:20]} == ({1} if mode == "quiet" else {0})
    finally:
        store.close()


def test_percentile_and_arguments(claims: ModuleType) -> None:
    assert claims.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert claims.percentile(list(map(float, range(1, 101))), 99) == 99.0
    assert round(claims.REQUIRED_PER_SECOND) == 1111
    with pytest.raises(SystemExit):
        claims.main(["--processes", "0"])
    with pytest.raises(SystemExit):
        claims.main(["--modes", "fetch"])
