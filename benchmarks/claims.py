"""Lease claims at fleet scale (issue 14): how many sources a second PostgreSQL can hand out.

Loads N sources (default 100,000) into a PostgreSQL database, all due, then for each process count P (default
1, 2 and 4) runs P processes that each loop `Store.claim_due` (a batch of the service's claim chunk) and give
every source back as a check would, with its next due time moved on by its interval, until every source has
been claimed once. No fetching: this is the database's side of the schedule, through the project's own store
code (monitor.store), so the figure is what `monitor run` asks of PostgreSQL.

Two ways to give a source back (`--modes`):

- `release`: `Store.release(id, owner, next_due_at)`, one transaction a source (what a check that fails or is
  skipped does; the lower bound of a claim's cost);
- `quiet`: `Store.record_quiet(...)`, the unchanged cycle's write: a check record (`not_modified`, 304) for
  each source, its health and next due time and the release of its lease, in batches as the service writes
  them (monitor.run.checker.BATCH_SIZE).

Per round it prints claims/s, the latency of a claim (one `claim_due` of a batch) at p50/p99, the latency of
giving back, and the sources claimed twice in the round (must be 0) or never; with the server started here,
the server's CPU per source too. Then the requirement beside it: 1,000,000 sources every 15 minutes is 1,111
claims/s sustained.

    python benchmarks/claims.py                                  # 100,000 sources, 1, 2, 4 processes
    python benchmarks/claims.py --sources 10000 --processes 2    # a quick look
    python benchmarks/claims.py --url postgresql+psycopg://u@db/bench   # an existing (empty!) database

Without `--url` it starts a throwaway PostgreSQL (initdb, pg_ctl from /usr/lib/postgresql/*/bin, as the
`postgres` user when run as root) on 127.0.0.1:`--port` (54334) in a temp dir, and removes it at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import math
import multiprocessing as mp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, text

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from monitor.errors import StoreError  # noqa: E402
from monitor.run.checker import BATCH_SIZE  # noqa: E402
from monitor.run.cycle import CLAIM_CHUNK  # noqa: E402
from monitor.store import CheckRecord, Store, open_store  # noqa: E402
from monitor.store.models import Check, Source  # noqa: E402

# The requirement the fleet is sized for.
NEWSROOM_SOURCES = 1_000_000
NEWSROOM_EVERY_SECONDS = 15 * 60
REQUIRED_PER_SECOND = NEWSROOM_SOURCES / NEWSROOM_EVERY_SECONDS  # 1,111.1

INTERVAL_SECONDS = 900.0  # each source's `every` (15m), as in the requirement
LEASE_SECONDS = 300.0  # schedule.lease's default
SOURCES_PER_STORY = 20
LOAD_CHUNK = 5_000
MODES = ("quiet", "release")
EXTRA_INDEX = "ix_bench_sources_due_id"


# ------------------------------------------------------------------------------------------- the load


def load_sources(store: Store, n: int, now: dt.datetime, *, progress: Progress | None = None) -> int:
    """Insert `n` page sources (stories of SOURCES_PER_STORY, `every` 15m) into an empty sources table, all
    due (see `make_round_due`); how many are there afterwards.

    One multi-row INSERT per LOAD_CHUNK rows through the schema's own table (monitor.store.models), the
    columns set as the config sync sets them for a new source.
    """
    table = cast(Table, Source.__table__)
    with store.engine.begin() as connection:
        existing = connection.scalar(select(func.count()).select_from(table)) or 0
        if existing:
            raise SystemExit(f"claims.py: the database already has {existing} sources; give an empty one")
        for start in range(0, n, LOAD_CHUNK):
            rows = [_source_row(i, now) for i in range(start, min(n, start + LOAD_CHUNK))]
            connection.execute(insert(table), rows)
            if progress is not None:
                progress.show(f"loading sources {start + len(rows):,}/{n:,}")
    with store.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(table)) or 0)


def _source_row(i: int, now: dt.datetime) -> dict[str, object]:
    return {
        "story_id": f"bench-{i // SOURCES_PER_STORY:06d}",
        "url": f"https://news{i % 997}.example/{now:%Y/%m/%d}/article-{i}",
        "kind": "page", "origin": "config", "every_seconds": INTERVAL_SECONDS, "follow": False,
        "keywords": "[]", "exclude": "[]", "source_every_seconds": None, "max_new_sources": 0,
        "active": True, "created_at": now, "next_due_at": now, "error_streak": 0,
    }


def make_round_due(store: Store, now: dt.datetime, *, spread_seconds: float = INTERVAL_SECONDS) -> None:
    """Make every source free and due by `now`, their due times spread evenly over the `spread_seconds`
    before it (a running fleet's steady state: each source came due at its own time in the last interval;
    0 puts them all at `now`, as `monitor check` does), and forget earlier rounds' check records; then VACUUM
    ANALYZE, so that every round starts from the same table."""
    sources = cast(Table, Source.__table__)
    with store.engine.begin() as connection:
        n = int(connection.scalar(select(func.max(sources.c.id))) or 1)
        step = spread_seconds / max(n, 1)
        connection.execute(delete(cast(Table, Check.__table__)))
        # Source i comes due at now - spread + i * step (ids run 1..n): a plain UPDATE, not the store's code,
        # which has no reason to set due times so.
        connection.execute(text(
            "UPDATE sources SET lease_owner = NULL, lease_expires_at = NULL, "
            "next_due_at = :now - make_interval(secs => :spread - id * :step)"
        ), {"now": now, "spread": spread_seconds, "step": step})
    if store.dialect == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE sources"))
            connection.execute(text("VACUUM ANALYZE checks"))


# ----------------------------------------------------------------------------------------- the workers


@dataclass
class WorkerResult:
    """What one claiming process did in a round."""

    ids: bytes  # array('q') of the source ids it claimed, in order
    claim_ms: list[float]  # each claim_due call
    give_back_ms: list[float]  # each release (mode release) or record_quiet batch (mode quiet)
    lost: int  # releases or records refused: the lease was no longer ours (must be 0)
    started: float  # time.monotonic() when it began claiming
    finished: float
    cpu_seconds: float  # this process's user + system CPU during the round
    error: str | None = None


@dataclass
class RoundResult:
    """One round: P processes claiming every due source once."""

    mode: str
    processes: int
    sources: int
    batch: int
    seconds: float
    claimed: int
    duplicates: int  # sources claimed more than once in the round (must be 0)
    missed: int  # sources still due after the round (never claimed, or not given back)
    lost: int
    claim_ms: list[float] = field(repr=False)
    give_back_ms: list[float] = field(repr=False)
    client_cpu_seconds: float
    server_cpu_seconds: float | None  # PostgreSQL's, when the server runs on this machine (see PgServer)
    errors: list[str]
    wal_bytes: int | None = None  # write-ahead log written during the round

    @property
    def per_second(self) -> float:
        return self.claimed / self.seconds if self.seconds > 0 else 0.0

    @property
    def ok(self) -> bool:
        return not self.errors and self.duplicates == 0 and self.missed == 0 and self.lost == 0


def _worker(
    url: str, mode: str, batch: int, due_by: dt.datetime, connected: Any, ready: Any, counter: Any,
    results: Any,
) -> None:
    """One claiming process: connect, count itself in `connected`, wait for `ready`, then claim `batch` due
    sources and give each back moved on by its interval, until nothing due by `due_by` is left. Sends a
    WorkerResult on `results`."""
    ids: array[int] = array("q")
    claim_ms: list[float] = []
    give_back_ms: list[float] = []
    lost = 0
    started = finished = time.monotonic()
    cpu0 = _cpu_seconds()
    error: str | None = None
    store: Store | None = None
    try:
        store = open_store(url, migrate=False)
        store.count_sources()  # connect now, not in the first timed claim
        owner = f"bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        pending: list[CheckRecord] = []
        with connected.get_lock():
            connected.value += 1
        ready.wait()
        cpu0 = _cpu_seconds()
        started = time.monotonic()
        while True:
            t = time.perf_counter()
            now = dt.datetime.now(dt.UTC)
            claimed = store.claim_due(owner, now, LEASE_SECONDS, batch, due_by=due_by)
            claim_ms.append((time.perf_counter() - t) * 1000)
            if not claimed:
                break
            ids.extend(s.id for s in claimed)
            if mode == "release":
                for source in claimed:
                    t = time.perf_counter()
                    if not store.release(source.id, owner, now + dt.timedelta(seconds=source.every_seconds)):
                        lost += 1
                    give_back_ms.append((time.perf_counter() - t) * 1000)
            else:
                pending.extend(_quiet_record(s.id, owner, now, s.every_seconds) for s in claimed)
                if len(pending) >= BATCH_SIZE:
                    lost += _write_quiet(store, pending, give_back_ms)
                    pending = []
            with counter.get_lock():
                counter.value += len(claimed)
        if pending:
            lost += _write_quiet(store, pending, give_back_ms)
        finished = time.monotonic()
    except BaseException as exc:  # reported to the parent, which fails the round
        error = f"{type(exc).__name__}: {exc}"
        finished = time.monotonic()
    finally:
        if store is not None:
            store.close()
    results.put(WorkerResult(ids.tobytes(), claim_ms, give_back_ms, lost, started, finished,
                             _cpu_seconds() - cpu0, error))


def _quiet_record(source_id: int, owner: str, now: dt.datetime, every: float) -> CheckRecord:
    """What an unchanged check (a 304) writes for a source, as monitor.run.check builds it."""
    return CheckRecord(
        source_id=source_id, owner=owner, started_at=now, finished_at=now, outcome="not_modified",
        next_due_at=now + dt.timedelta(seconds=every), status=304, elapsed=0.05, version=1,
        update_validators=True, etag='"bench"', last_modified=None,
    )


def _write_quiet(store: Store, records: list[CheckRecord], timings: list[float]) -> int:
    t = time.perf_counter()
    results = store.record_quiet(records)
    timings.append((time.perf_counter() - t) * 1000)
    return sum(1 for r in results if isinstance(r, Exception))


def _cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system


# ------------------------------------------------------------------------------------------ one round


def run_round(
    url: str, processes: int, *, mode: str = "release", batch: int = CLAIM_CHUNK,
    spread_seconds: float = INTERVAL_SECONDS, server: PgServer | None = None,
    progress: Progress | None = None, timeout: float = 3600.0,
) -> RoundResult:
    """Make every source due, let `processes` processes claim and give back every one of them once, and
    check the round: each source claimed exactly once, none left due, no lease lost."""
    if mode not in MODES:
        raise ValueError(f"mode {mode!r}: one of {', '.join(MODES)}")
    store = open_store(url, migrate=False)
    try:
        due_by = dt.datetime.now(dt.UTC)
        make_round_due(store, due_by, spread_seconds=spread_seconds)
        total = store.count_sources(active_only=True)
        wal0 = _wal_position(store)
    finally:
        store.close()  # no connection may cross the fork
    context = mp.get_context("fork")
    connected, ready, counter = context.Value("i", 0), context.Event(), context.Value("q", 0)
    results = context.Queue()
    workers = [context.Process(target=_worker, daemon=True,
                               args=(url, mode, batch, due_by, connected, ready, counter, results))
               for _ in range(processes)]
    for worker in workers:
        worker.start()
    # The clock starts when every worker has connected (or one failed: it reports why).
    while connected.value < processes and results.empty() and any(w.is_alive() for w in workers):
        time.sleep(0.01)
    server_cpu0 = server.cpu_seconds() if server is not None else None
    ready.set()
    done: list[WorkerResult] = []
    deadline = time.monotonic() + timeout
    label = f"{mode}, {processes} process{'es' if processes > 1 else ''}"
    while len(done) < processes:
        with contextlib.suppress(Exception):
            done.append(results.get(timeout=0.5))
            continue
        if progress is not None:
            progress.show(f"{label}: claimed {counter.value:,}/{total:,}")
        if time.monotonic() > deadline or not any(w.is_alive() for w in workers) and results.empty():
            break
    for worker in workers:
        worker.join(timeout=10)
        if worker.is_alive():
            worker.kill()
    if progress is not None:
        progress.show(f"{label}: claimed {counter.value:,}/{total:,}", done=True)
    server_cpu = None
    if server is not None and server_cpu0 is not None:
        server_cpu = server.cpu_seconds() - server_cpu0

    errors = [r.error for r in done if r.error]
    if len(done) < processes:
        errors.append(f"{processes - len(done)} worker(s) sent nothing")
    counts: Counter[int] = Counter()
    for r in done:
        ids: array[int] = array("q")
        ids.frombytes(r.ids)
        counts.update(ids)
    store = open_store(url, migrate=False)
    try:
        wal1 = _wal_position(store)
        missed = _still_due(store, due_by)
    finally:
        store.close()
    seconds = (max(r.finished for r in done) - min(r.started for r in done)) if done else 0.0
    return RoundResult(
        mode=mode, processes=processes, sources=total, batch=batch, seconds=seconds,
        claimed=sum(counts.values()), duplicates=sum(c - 1 for c in counts.values() if c > 1),
        missed=missed, lost=sum(r.lost for r in done),
        claim_ms=[x for r in done for x in r.claim_ms],
        give_back_ms=[x for r in done for x in r.give_back_ms],
        client_cpu_seconds=sum(r.cpu_seconds for r in done), server_cpu_seconds=server_cpu, errors=errors,
        wal_bytes=wal1 - wal0 if wal0 is not None and wal1 is not None else None,
    )


def _wal_position(store: Store) -> int | None:
    """The server's current write-ahead log position in bytes (None where it is not PostgreSQL)."""
    if store.dialect != "postgresql":
        return None
    with store.engine.connect() as connection:
        return int(connection.scalar(text("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')")) or 0)


def _still_due(store: Store, due_by: dt.datetime) -> int:
    """Sources still due by `due_by` or still leased: each one a source the round did not finish."""
    with store.engine.connect() as connection:
        return int(connection.scalar(
            select(func.count()).select_from(Source.__table__).where(
                Source.active.is_(True),
                (Source.next_due_at <= due_by) | Source.lease_owner.is_not(None),
            )
        ) or 0)


# ------------------------------------------------------------------------------- a throwaway PostgreSQL


class PgServer:
    """A PostgreSQL server in a temp dir on 127.0.0.1 (as scripts/test starts one), stopped and removed on
    close. Its settings are PostgreSQL's defaults but for the ones passed (fsync stays on: a benchmark of
    writes should pay for durability)."""

    def __init__(self, port: int, settings: Sequence[str] = ()) -> None:
        self.port = port
        self.settings = list(settings)
        self.bin = _pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="monitor-claims-pg."))
        self.data = self.dir / "data"
        self._root = os.geteuid() == 0
        self._started = False

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/bench"

    def _run(self, *args: str | Path) -> None:
        command = [str(a) for a in args]
        if self._root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> PgServer:
        if self._root:
            shutil.chown(self.dir, "postgres")
        self._run(self.bin / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8")
        options = " ".join([f"-p {self.port}", f"-k {self.dir}", "-c listen_addresses=127.0.0.1",
                            *(f"-c {s}" for s in self.settings)])
        self._run(self.bin / "pg_ctl", "-D", self.data, "-o", options, "-l", self.dir / "log", "-w", "start")
        self._started = True
        self._run(self.bin / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "bench")
        return self

    def close(self) -> None:
        if self._started:
            with contextlib.suppress(Exception):
                self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> PgServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def version(self) -> str:
        return self.bin.parent.name

    def cpu_seconds(self) -> float:
        """User + system CPU of the server: the postmaster, its live children, and the children it reaped
        (a backend's CPU lands in the postmaster's cutime/cstime when its connection ends)."""
        pid = int((self.data / "postmaster.pid").read_text().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
        total = sum(_proc_ticks(pid, children=True))
        for child in _children(pid):
            total += sum(_proc_ticks(child, children=False))
        return total / ticks


def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: [int(x) if x.isdigit() else 0 for x in p.parent.parent.name.split(".")])
    if not found:
        raise SystemExit("claims.py: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin; "
                         "install Debian's postgresql or pass --url")
    return found[-1].parent


def _proc_ticks(pid: int, *, children: bool) -> list[int]:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # it ended meanwhile: its CPU is in its parent's cutime now
        return [0]
    # After the ')': state is field 3 of stat, so utime (14), stime (15), cutime (16), cstime (17) are 11..14.
    return [int(x) for x in fields[11:15 if children else 13]]


def _children(pid: int) -> Iterator[int]:
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid:
            yield int(stat.parent.name)


# --------------------------------------------------------------------------------------------- output


class Progress:
    """One line rewritten in place on a terminal; occasional plain lines otherwise."""

    def __init__(self, stream: Any = sys.stderr) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._last = 0.0

    def show(self, message: str, *, done: bool = False) -> None:
        if self.tty:
            self.stream.write(f"\r\x1b[K{message}" + ("\n" if done else ""))
            self.stream.flush()
            return
        now = time.monotonic()
        if done or now - self._last >= 10:
            self._last = now
            print(message, file=self.stream, flush=True)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`; nan when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def report(rounds: Sequence[RoundResult], out: Any = sys.stdout) -> None:
    header = (f"{'mode':<8} {'procs':>5} {'sources':>8} {'batch':>5} {'seconds':>8} {'claims/s':>9} "
              f"{'claim p50':>9} {'claim p99':>9} {'back p50':>8} {'back p99':>8} {'twice':>5} {'missed':>6} "
              f"{'db CPU':>7} {'client CPU':>10} {'WAL KB':>6}")
    print(header, file=out)
    print("-" * len(header), file=out)
    for r in rounds:
        db = f"{r.server_cpu_seconds * 1000 / r.claimed:.3f}" if r.server_cpu_seconds and r.claimed else "n/a"
        client = f"{r.client_cpu_seconds * 1000 / r.claimed:.3f}" if r.claimed else "n/a"
        wal = f"{r.wal_bytes / 1024 / r.claimed:.2f}" if r.wal_bytes is not None and r.claimed else "n/a"
        print(f"{r.mode:<8} {r.processes:>5} {r.sources:>8,} {r.batch:>5} {r.seconds:>8.2f} "
              f"{r.per_second:>9,.0f} {percentile(r.claim_ms, 50):>9.2f} {percentile(r.claim_ms, 99):>9.2f} "
              f"{percentile(r.give_back_ms, 50):>8.2f} {percentile(r.give_back_ms, 99):>8.2f} "
              f"{r.duplicates:>5} {r.missed:>6} {db:>7} {client:>10} {wal:>6}", file=out)
    print("\n(claim p50/p99: ms for one claim_due of a batch; back: ms for one release, or one record_quiet "
          f"of up to {BATCH_SIZE} records; twice: sources claimed twice in the round, must be 0; missed: not "
          "claimed or still leased after it; db CPU, client CPU: ms of CPU per source, PostgreSQL's and the "
          "claiming processes'; WAL KB: write-ahead log per source)", file=out)
    for r in rounds:
        for problem in r.errors:
            print(f"  {r.mode} x{r.processes}: ERROR {problem}", file=out)
        if r.lost:
            print(f"  {r.mode} x{r.processes}: {r.lost} releases or records refused (lease lost)", file=out)
    print(f"\nrequirement: {NEWSROOM_SOURCES:,} sources every {NEWSROOM_EVERY_SECONDS // 60} minutes = "
          f"{REQUIRED_PER_SECOND:,.0f} claims/s sustained", file=out)
    for mode in MODES:
        of_mode = [r for r in rounds if r.mode == mode and r.claimed]
        if not of_mode:
            continue
        best = max(of_mode, key=lambda r: r.per_second)
        met = best.per_second >= REQUIRED_PER_SECOND and all(r.ok for r in of_mode)
        verdict = "MET" if met else "NOT MET"
        line = (f"  {mode:<8} best {best.per_second:,.0f}/s with {best.processes} process(es): "
                f"{best.per_second / REQUIRED_PER_SECOND:.1f}x the requirement on this machine: {verdict}")
        with_cpu = [r for r in of_mode if r.server_cpu_seconds]
        if with_cpu:
            per_source = statistics.median((r.server_cpu_seconds or 0.0) / r.claimed for r in with_cpu)
            line += (f"; PostgreSQL CPU {per_source * 1000:.3f} ms a source -> "
                     f"{per_source * REQUIRED_PER_SECOND:.2f} core(s) at {REQUIRED_PER_SECOND:,.0f}/s")
        print(line, file=out)
    bad = [r for r in rounds if not r.ok]
    print("\nall rounds: every source claimed exactly once" if not bad else
          f"\nINVALID: {len(bad)} round(s) claimed a source twice, missed some or failed", file=out)


# ----------------------------------------------------------------------------------------------- main


def _counts(text_value: str) -> list[int]:
    try:
        values = [int(x) for x in text_value.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text_value!r}: a comma-separated list of counts") from None
    if not values or any(v < 1 for v in values):
        raise argparse.ArgumentTypeError(f"{text_value!r}: counts of at least 1")
    return values


def _modes(text_value: str) -> list[str]:
    values = [x.strip() for x in text_value.split(",") if x.strip()]
    unknown = [v for v in values if v not in MODES]
    if not values or unknown:
        raise argparse.ArgumentTypeError(f"{text_value!r}: a comma-separated list of {', '.join(MODES)}")
    return values


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Claims per second of the sources' leases on PostgreSQL, with 1, 2, 4... claiming "
                    "processes, beside the fleet requirement (1,000,000 sources every 15 minutes).")
    parser.add_argument("--sources", type=int, default=100_000, help="sources to load (default 100,000)")
    parser.add_argument("--processes", type=_counts, default=[1, 2, 4],
                        help="claiming process counts, comma-separated (default 1,2,4)")
    parser.add_argument("--batch", type=int, default=CLAIM_CHUNK,
                        help=f"sources a claim asks for (default {CLAIM_CHUNK}: "
                             "monitor.run.cycle.CLAIM_CHUNK)")
    parser.add_argument("--modes", type=_modes, default=list(MODES),
                        help="release (claim -> release with the next due time) and/or quiet (claim -> "
                             "record_quiet: the unchanged cycle's writes); default both")
    parser.add_argument("--spread", type=float, default=INTERVAL_SECONDS, metavar="SECONDS",
                        help="due times spread over this many seconds before the round (default 900, a "
                             "running fleet); 0: all due at one instant, as after `monitor check`'s make_due")
    parser.add_argument("--index-due-id", action="store_true",
                        help="also create an index on sources (active, next_due_at, id), the claim's whole "
                             "ORDER BY (not in the schema: what the figures would be with it)")
    parser.add_argument("--url", help="a PostgreSQL URL of an empty database (default: start a throwaway "
                                      "server)")
    parser.add_argument("--port", type=int, default=54334,
                        help="port of the throwaway server (default 54334)")
    parser.add_argument("--pg-setting", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for the throwaway server (repeatable), e.g. synchronous_commit=off")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway server's directory")
    args = parser.parse_args(argv)
    if args.sources < 1 or args.batch < 1:
        parser.error("--sources and --batch must be at least 1")

    progress = Progress()
    server: PgServer | None = None
    stack = contextlib.ExitStack()
    with stack:
        if args.url:
            url = args.url
        else:
            progress.show(f"starting PostgreSQL on 127.0.0.1:{args.port} ...", done=True)
            server = PgServer(args.port, args.pg_setting).start()
            if not args.keep:
                stack.callback(server.close)
            else:
                print(f"server kept in {server.dir}", file=sys.stderr)
            url = server.url
        t = time.monotonic()
        try:
            store = open_store(url)
        except StoreError as exc:
            raise SystemExit(f"claims.py: {exc}") from None
        try:
            loaded = load_sources(store, args.sources, dt.datetime.now(dt.UTC), progress=progress)
            if args.index_due_id:
                with store.engine.begin() as connection:
                    connection.execute(text(f"CREATE INDEX {EXTRA_INDEX} ON sources "
                                            "(active, next_due_at, id)"))
            with store.engine.connect() as connection:
                pg_version = connection.scalar(text("SHOW server_version"))
                settings = {name: connection.scalar(text(f"SHOW {name}")) for name in
                            ("max_connections", "shared_buffers", "fsync", "synchronous_commit")}
        finally:
            store.close()
        progress.show(f"loaded {loaded:,} sources in {time.monotonic() - t:.1f} s", done=True)
        rounds = []
        for mode in args.modes:
            for processes in args.processes:
                r = run_round(url, processes, mode=mode, batch=args.batch, spread_seconds=args.spread,
                              server=server, progress=progress)
                rounds.append(r)
                progress.show(f"{mode}, {processes} process(es): {r.claimed:,} claims in {r.seconds:.1f} s, "
                              f"{r.per_second:,.0f}/s, claimed twice {r.duplicates}, missed {r.missed}"
                              + "".join(f", ERROR {e}" for e in r.errors), done=True)
        cpus = os.cpu_count()
        print(f"\nPostgreSQL {pg_version} ({'throwaway, this machine' if server else 'given by --url'}; "
              + ", ".join(f"{k}={v}" for k, v in settings.items())
              + f"); {cpus} CPU(s) here, shared by the server and the claiming processes; "
              f"due times spread over {args.spread:g} s"
              + (f"; extra index {EXTRA_INDEX} (active, next_due_at, id)" if args.index_due_id else "")
              + "\n")
        report(rounds)
        return 0 if all(r.ok for r in rounds) else 1


if __name__ == "__main__":
    sys.exit(main())
