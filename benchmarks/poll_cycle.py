"""Poll-cycle benchmark (issue 2): `monitor check` against urlwatch 2.29 on the same local pages.

Serves N pages (default 2,000) from a private nginx on 127.0.0.1, then times two cycles of each tool as a
subprocess: a cold one (empty database) and one in which nothing changed. Prints pages per second and peak
RSS side by side, the unchanged-cycle ratio, and whether the targets hold (ours >= 4x urlwatch's unchanged
throughput; our peak RSS < 150 MB).

    python benchmarks/poll_cycle.py                 # the full run (about a few minutes)
    python benchmarks/poll_cycle.py --pages 50      # a quick end-to-end check
    python benchmarks/poll_cycle.py --keep          # leave the temp dir (configs, logs, DBs) for inspection

The pages are the 181 real article pages of ../shared/data/article-html, read in place; without them the
script generates synthetic article pages and says so.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _nginx import Nginx, find_nginx  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED_HTML = REPO / ".." / "shared" / "data" / "article-html" / "html"
URLWATCH_VERSION = "2.29"
URLWATCH_VENV = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "timeline-monitor-bench" / (
    f"venv-urlwatch-{URLWATCH_VERSION}"
)
# Issue 17's targets: the unchanged cycle >= 6x urlwatch's throughput, the cold cycle at most 2.5x urlwatch's
# time, the tree's PSS and every process's RSS under 150 MB.
TARGET_RATIO = 6.0
TARGET_COLD_RATIO = 2.5
TARGET_RSS_MB = 150.0
_HEAD = re.compile(rb"<head(?:\s[^>]*)?>", re.IGNORECASE)


@dataclass(frozen=True)
class Measurement:
    """One subprocess run: wall seconds, kernel peak RSS of the child, sampled peaks of its whole tree."""

    seconds: float
    maxrss_mb: float
    tree_peak_mb: float | None  # the largest sum of RSS over the tree (shared pages counted in every process)
    tree_pss_mb: float | None  # the largest sum of PSS (each shared page split between its sharers)
    returncode: int
    proc_peak_mb: float | None = None  # the largest RSS of any one process of the tree, sampled
    # At the sample with the largest tree PSS: each process's (pid, RSS, PSS, USS) in MB, the parent first.
    # USS (its private pages) is what the process alone costs; PSS - USS is its part of the pages it shares.
    at_pss_peak: tuple[tuple[int, float, float, float], ...] = ()


@dataclass(frozen=True)
class Row:
    tool: str
    cycle: str
    pages: int
    run: Measurement
    check: str  # what the run left behind, as evidence that it did real work
    served: int  # requests nginx answered during the cycle
    stored: int | None  # versions in the tool's store after the cycle (None: could not tell)
    stages: tuple[str, ...] = ()  # `monitor check --timings`: where the cycle's time went

    def problems(self) -> list[str]:
        """Why this row's figures do not measure a real cycle of `pages` pages (empty when they do)."""
        found = []
        if self.run.returncode != 0:
            found.append(f"exit {self.run.returncode}")
        if self.served != self.pages:
            found.append(f"{self.served} of {self.pages} pages requested")
        if self.stored != self.pages:
            found.append(f"{self.stored} of {self.pages} versions stored")
        return found


# --- pages -------------------------------------------------------------------------------------------


def _real_pages() -> list[bytes]:
    files = sorted(SHARED_HTML.glob("*.html.gz")) if SHARED_HTML.is_dir() else []
    return [gzip.decompress(path.read_bytes()) for path in files]


def _synthetic_page(index: int) -> bytes:
    day = index % 28 + 1
    paragraphs = "\n".join(
        f"<p>On March {day}, 2020, officials in city {index} said {index * 7 + k} people had been tested, "
        f"and the council met on Tuesday to discuss supplies for paragraph {k}.</p>"
        for k in range(12)
    )
    return (
        f"<!doctype html><html><head><title>Synthetic article {index}</title>"
        f'<meta property="article:published_time" content="2020-03-{day:02d}T10:00:00Z"></head>'
        f"<body><article><h1>Synthetic article {index}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _with_marker(page: bytes, index: int) -> bytes:
    marker = f'<meta name="bench-page" content="{index}">'.encode()
    match = _HEAD.search(page)
    if match is None:
        return b"<!-- bench-page %d -->\n" % index + page
    return page[: match.end()] + marker + page[match.end():]


def build_pages(root: Path, count: int) -> tuple[list[str], str]:
    """Write `count` distinct pages under `root`; returns their paths (relative) and where they came from."""
    real = _real_pages()
    root.mkdir(parents=True, exist_ok=True)
    names = []
    for index in range(count):
        page = _with_marker(real[index % len(real)], index) if real else _synthetic_page(index)
        name = f"p/{index:05d}.html"
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_bytes(page)
        names.append(name)
    size = sum((root / name).stat().st_size for name in names)
    if real:
        origin = (f"{len(real)} real article pages from {SHARED_HTML.resolve()}, "
                  f"page i = real[i % {len(real)}]")
    else:
        origin = "SYNTHETIC article pages (../shared/data/article-html is absent)"
    return names, f"{origin}; {size / 1e6:.1f} MB in all"


# --- measuring a child -------------------------------------------------------------------------------


# The measured command runs under this tiny launcher, forked from its small fresh address space. Linux keeps
# the parent's RSS at fork time as the child's starting high-water mark (and carries it across exec), so
# forking straight from this script, which holds the pages in memory, would inflate ru_maxrss.
_LAUNCHER = """\
import os, sys, time
out, args = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(args[0], args)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
code = os.waitstatus_to_exitcode(status)
with open(out, "w") as f:
    f.write(f"{seconds} {usage.ru_maxrss} {code}")
"""


def _children_memory(pid: int) -> tuple[int, int, int, tuple[tuple[int, float, float, float], ...]]:
    """(sum of RSS, sum of PSS, largest RSS of one process) over the processes under `pid`, in bytes, and
    each process's (pid, RSS, PSS, USS) in MB in the order psutil lists them (the parent first); PSS and
    USS are 0 where unavailable."""
    import psutil

    try:
        procs = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return 0, 0, 0, ()
    rss = pss = largest = 0
    each = []
    for proc in procs:
        with contextlib.suppress(psutil.Error, AttributeError):
            info = proc.memory_full_info()  # Linux: reads /proc/PID/smaps_rollup
            rss += info.rss
            pss += getattr(info, "pss", 0)
            largest = max(largest, info.rss)
            each.append((proc.pid, info.rss / 2**20, getattr(info, "pss", 0) / 2**20,
                         getattr(info, "uss", 0) / 2**20))
    return rss, pss, largest, tuple(each)


def measure(args: list[str], *, out: Path, env: dict[str, str], timeout: float) -> Measurement:
    """Run `args` to completion with stdout/stderr to `out`.{stdout,stderr}; wall time and peak memory."""
    try:
        import psutil  # noqa: F401

        sampling = True
    except ImportError:
        sampling = False
    result = Path(f"{out}.rusage")
    result.unlink(missing_ok=True)
    with open(f"{out}.stdout", "wb") as stdout, open(f"{out}.stderr", "wb") as stderr:
        proc = subprocess.Popen([sys.executable, "-S", "-c", _LAUNCHER, str(result), *args], stdout=stdout,
                                stderr=stderr, env=env, cwd=out.parent, start_new_session=True)
    peak = peak_pss = peak_proc = 0
    at_peak: tuple[tuple[int, float, float, float], ...] = ()
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss, peak_proc, at_peak
        while not done.is_set():
            rss, pss, largest, each = _children_memory(proc.pid)
            if pss > peak_pss:
                at_peak = each
            peak, peak_pss, peak_proc = max(peak, rss), max(peak_pss, pss), max(peak_proc, largest)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if sampling:
        sampler.start()
    timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
    timer.start()
    try:
        proc.wait()
    finally:
        timer.cancel()
        done.set()
    if sampling:
        sampler.join()
    if not result.exists():
        raise RuntimeError(f"{args[0]}: killed after {timeout:g}s or the launcher failed "
                           f"(exit {proc.returncode}): {_tail(Path(f'{out}.stderr'))}")
    seconds, maxrss_kib, code = result.read_text().split()
    return Measurement(
        seconds=float(seconds),
        maxrss_mb=int(maxrss_kib) / 1024,  # ru_maxrss is in KiB on Linux
        tree_peak_mb=peak / 2**20 if sampling else None,
        tree_pss_mb=peak_pss / 2**20 if sampling and peak_pss else None,
        returncode=int(code),
        proc_peak_mb=peak_proc / 2**20 if sampling else None,
        at_pss_peak=at_peak,
    )


def _tail(path: Path, lines: int = 15) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MONITOR_DATABASE_URL", None)  # it would override the benchmark's own database
    env.pop("MONITOR_CONFIG", None)
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONFAULTHANDLER"] = "1"  # a crash in a C extension then leaves the Python stacks in stderr
    return env


# --- ours --------------------------------------------------------------------------------------------


def monitor_command() -> list[str]:
    script = shutil.which("monitor", path=str(Path(sys.executable).parent)) or shutil.which("monitor")
    if script:
        return [script]
    return [sys.executable, "-c", "import sys; from monitor.cli import main; sys.exit(main())"]


# urlwatch 2.29 checks its jobs on a pool of 10 threads (worker.MAX_WORKERS).
URLWATCH_WORKERS = 10
# `monitor check --workers`: one process per core unless told otherwise.
DEFAULT_WORKERS = os.cpu_count() or 1


def write_monitor_config(work: Path, urls: list[str], per_story: int, concurrency: int | None) -> Path:
    """Our config: the URLs in stories of `per_story` pages each (a newsroom watches many stories), the
    product's default concurrency unless `concurrency` sets checks in flight and requests per host."""
    db = work / "monitor.sqlite"
    lines = [
        "# Generated by benchmarks/poll_cycle.py",
        f"database: sqlite:///{db}",
    ]
    if concurrency is not None:
        lines += [f"network: {{max_per_host: {concurrency}, max_connections: {max(concurrency, 20)}}}",
                  f"schedule: {{concurrency: {concurrency}}}"]
    lines.append("stories:")
    for number, start in enumerate(range(0, len(urls), per_story), 1):
        lines += [f"  - id: bench-{number:04d}", f"    title: Poll-cycle benchmark story {number}",
                  "    sources:"]
        lines += [f"      - {{url: '{url}', every: 1d}}" for url in urls[start:start + per_story]]
    config = work / "config.yaml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def count_monitor_db(db: Path) -> str:
    """Row counts of the version-like tables of our database (names vary while the schema settles)."""
    if not db.exists():
        return "no database"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        tables = [name for (name,) in conn.execute("select name from sqlite_master where type='table'")]
        wanted = [t for t in tables if re.search(r"version|snapshot|check|source", t, re.IGNORECASE)]
        counts = [f"{t}={conn.execute(f'select count(*) from {t}').fetchone()[0]}" for t in sorted(wanted)]
    return " ".join(counts) or f"tables: {', '.join(tables)}"


def history_lines(cmd: list[str], config: Path, url: str, env: dict[str, str]) -> str:
    result = subprocess.run([*cmd, "--config", str(config), "history", url], capture_output=True, text=True,
                            env=env, timeout=120)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or [""])[-1]
        return f"history exit {result.returncode}: {last[:200]}"
    return f"{len([line for line in result.stdout.splitlines() if line.strip()])} version(s)"


def compile_bytecode() -> str:
    """Compile the monitor package's bytecode, as pip does when it installs a wheel; what was done.

    urlwatch runs from a wheel whose bytecode pip compiled. An editable install of ours has none, and where
    PYTHONDONTWRITEBYTECODE is set (it is on the development machine) Python never writes it: every
    `monitor` start then compiles ~100 modules again, ~0.1 s of the unchanged cycle's 1-3 s.
    """
    spec = importlib.util.find_spec("monitor")
    if spec is None or spec.origin is None:
        return "monitor's bytecode not compiled (package not found)"
    package = Path(spec.origin).parent
    done = subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=False)
    if done.returncode != 0:
        return f"monitor's bytecode not compiled (compileall exited {done.returncode})"
    return f"monitor's bytecode compiled first (python -m compileall {package}), as a wheel install does"


def run_ours(
    work: Path, urls: list[str], server: Nginx, timeout: float, log_level: str, profile: Path | None,
    py_spy: Path | None = None, per_story: int = 20, concurrency: int | None = None, workers: int = 1,
) -> list[Row]:
    cmd = monitor_command()
    config = write_monitor_config(work, urls, per_story, concurrency)
    env = _child_env()
    rows = []
    for cycle in ("cold", "unchanged"):
        server.mark()
        args = [*cmd, "--config", str(config), "--log-level", log_level, "check", "--workers", str(workers),
                "--timings"]
        if profile is not None:
            script = args[1:] if args[0] == sys.executable else args  # cProfile takes the script itself
            args = [sys.executable, "-m", "cProfile", "-o", str(profile / f"monitor-{cycle}.prof"), *script]
        if py_spy is not None:
            # Every thread (the pipeline's to_thread work too), as collapsed stacks; --idle off.
            args = [os.environ.get("PY_SPY", "py-spy"), "record", "--rate", "250", "--format", "raw",
                    "--output", str(py_spy / f"monitor-{cycle}.txt"), "--", *args]
        run = measure(args, out=work / f"monitor-{cycle}", env=env, timeout=timeout)
        if run.returncode != 0:
            print(f"!! monitor check ({cycle}) exited {run.returncode}; stderr tail:\n"
                  f"{_tail(work / f'monitor-{cycle}.stderr')}", file=sys.stderr)
        sample = ", ".join(f"history #{i}: {history_lines(cmd, config, urls[i], env)}"
                           for i in (0, len(urls) - 1))
        check = f"db: {count_monitor_db(work / 'monitor.sqlite')}; {sample}; nginx: {_statuses(server)}"
        stored = _count_rows(work / "monitor.sqlite", "snapshots")
        rows.append(Row("monitor", cycle, len(urls), run, check, sum(server.statuses().values()), stored,
                        stage_lines(work / f"monitor-{cycle}.stderr")))
    return rows


def stage_lines(stderr: Path) -> tuple[str, ...]:
    """The table `monitor check --timings` printed at the end of its stderr (empty when it printed none)."""
    if not stderr.exists():
        return ()
    lines = stderr.read_text(errors="replace").splitlines()
    starts = [i for i, line in enumerate(lines) if line.split()[:4] == ["stage", "calls", "wall", "s"]]
    if not starts:
        return ()
    table = lines[starts[-1]:]
    ends = [i for i, line in enumerate(table) if line.startswith("all ")]
    return tuple(table[: ends[0] + 1] if ends else table)


# --- urlwatch ----------------------------------------------------------------------------------------


def urlwatch_command(venv: Path) -> list[str]:
    """urlwatch 2.29: the importable one if it is that version, else a venv created (once) in `venv`."""
    probe = subprocess.run([sys.executable, "-c", "import urlwatch; print(urlwatch.__version__)"],
                           capture_output=True, text=True)
    if probe.returncode == 0 and probe.stdout.strip() == URLWATCH_VERSION:
        return [sys.executable, "-c", "from urlwatch.cli import main; main()"]
    binary = venv / "bin" / "urlwatch"
    if not binary.exists():
        print(f"installing urlwatch=={URLWATCH_VERSION} into {venv} ...", file=sys.stderr)
        venv.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "pip"), "install", "-q", f"urlwatch=={URLWATCH_VERSION}"]
        subprocess.run(pip, check=True)
    return [str(binary)]


def write_urlwatch_files(work: Path, urls: list[str]) -> tuple[Path, Path]:
    jobs = work / "urls.yaml"
    jobs.write_text("\n---\n".join(f"name: page-{i}\nurl: {url}" for i, url in enumerate(urls)) + "\n",
                    encoding="utf-8")
    # Every reporter off so that only checking is timed; the rest is urlwatch's default config.
    config = work / "urlwatch.yaml"
    config.write_text(
        "display: {new: true, error: true, unchanged: false, empty-diff: true}\n"
        "report:\n"
        "  stdout: {enabled: false, color: false}\n"
        "  email: {enabled: false}\n",
        encoding="utf-8",
    )
    return jobs, config


def _count_rows(db: Path, table: str, what: str = "count(*)") -> int | None:
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute(f"select {what} from {table}").fetchone()[0])
    except sqlite3.Error:
        return None


def count_urlwatch_cache(db: Path) -> str:
    if not db.exists():
        return "no cache"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows, guids = conn.execute("select count(*), count(distinct guid) from CacheEntry").fetchone()
    return f"cache: {rows} entries for {guids} jobs"


def run_urlwatch(work: Path, urls: list[str], server: Nginx, venv: Path, timeout: float) -> list[Row]:
    cmd = urlwatch_command(venv)
    jobs, config = write_urlwatch_files(work, urls)
    cache = work / "urlwatch-cache.db"
    args = [*cmd, "--urls", str(jobs), "--config", str(config), "--cache", str(cache),
            "--hooks", str(work / "no-hooks.py")]
    env = _child_env()
    env["HOME"] = str(work)  # keep urlwatch's default dirs out of the real home
    rows = []
    for cycle in ("cold", "unchanged"):
        server.mark()
        run = measure(args, out=work / f"urlwatch-{cycle}", env=env, timeout=timeout)
        if run.returncode != 0:
            print(f"!! urlwatch ({cycle}) exited {run.returncode}; stderr tail:\n"
                  f"{_tail(work / f'urlwatch-{cycle}.stderr')}", file=sys.stderr)
        check = f"{count_urlwatch_cache(cache)}; nginx: {_statuses(server)}"
        stored = _count_rows(cache, "CacheEntry", "count(distinct guid)")
        rows.append(Row("urlwatch", cycle, len(urls), run, check, sum(server.statuses().values()), stored))
    return rows


# --- report ------------------------------------------------------------------------------------------


def _statuses(server: Nginx) -> str:
    counts: Counter[str] = server.statuses()
    if not counts:
        return "no requests"
    codes = " ".join(f"{code}x{n}" for code, n in sorted(counts.items()))
    return f"{codes} over {server.connections()} connection(s)"


def _mb(value: float | None) -> str:
    return f"{value:8.1f}" if value is not None else f"{'-':>8}"


def print_table(rows: list[Row]) -> None:
    header = f"{'tool':<9} {'cycle':<10} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak RSS MB':>12} " \
             f"{'proc MB':>8} {'tree MB':>8} {'tree PSS':>8} {'exit':>4}"
    print(header)
    print("-" * len(header))
    for row in rows:
        run = row.run
        print(f"{row.tool:<9} {row.cycle:<10} {row.pages:>6} {run.seconds:>8.2f} "
              f"{row.pages / run.seconds:>8.1f} {run.maxrss_mb:>12.1f} {_mb(run.proc_peak_mb)} "
              f"{_mb(run.tree_peak_mb)} {_mb(run.tree_pss_mb)} {run.returncode:>4}")
    print()
    for row in rows:
        print(f"  {row.tool} {row.cycle}: {row.check}")
    for row in rows:
        if row.tool == "monitor" and row.run.at_pss_peak:
            print(f"  monitor {row.cycle}, by process at the tree's PSS peak (MB; USS = its private pages):")
            for line in process_lines(row.run.at_pss_peak):
                print(f"    {line}")
    for row in rows:
        if row.stages:
            print(f"\n  monitor {row.cycle} cycle, by stage (`monitor check --timings`; summed over its "
                  "processes; a request's wall time is its time in flight, so they overlap):")
            for line in row.stages:
                print(f"    {line}")


def process_lines(each: tuple[tuple[int, float, float, float], ...]) -> list[str]:
    """One line a process (the first is the command's own, the rest its forked workers), then the sums."""
    lines = [f"{'parent' if i == 0 else 'worker':<7} pid {pid:<8} RSS {rss:6.1f}  PSS {pss:6.1f}  "
             f"USS {uss:6.1f}  shared part {pss - uss:5.1f}" for i, (pid, rss, pss, uss) in enumerate(each)]
    total = [sum(column) for column in zip(*(e[1:] for e in each), strict=True)]
    lines.append(f"{'all':<7} {'':<12} RSS {total[0]:6.1f}  PSS {total[1]:6.1f}  USS {total[2]:6.1f}"
                 f"  shared part {total[1] - total[2]:5.1f}")
    return lines


def _verdict(met: bool, *invalid: Row | None) -> str:
    # A broken run can make a miss look better, never a pass honest: MET needs clean runs.
    if not met:
        return "MISSED"
    broken = any(r is None or r.problems() for r in invalid)
    return "NOT MEASURED (a run above is invalid)" if broken else "MET"


def print_verdict(rows: list[Row]) -> None:
    by = {(row.tool, row.cycle): row for row in rows}
    print()
    for row in rows:
        if row.problems():
            print(f"INVALID: {row.tool} {row.cycle}: {'; '.join(row.problems())}")
    ours, theirs = by.get(("monitor", "unchanged")), by.get(("urlwatch", "unchanged"))
    cold, their_cold = by.get(("monitor", "cold")), by.get(("urlwatch", "cold"))
    if ours and theirs:
        ratio = (ours.pages / ours.run.seconds) / (theirs.pages / theirs.run.seconds)
        print(f"unchanged cycle throughput, monitor / urlwatch: {ratio:.2f}x "
              f"(target >= {TARGET_RATIO:g}x): {_verdict(ratio >= TARGET_RATIO, ours, theirs, cold)}")
    if cold and their_cold:
        ratio = cold.run.seconds / their_cold.run.seconds
        print(f"cold cycle time, monitor / urlwatch: {ratio:.2f}x (target <= {TARGET_COLD_RATIO:g}x): "
              f"{_verdict(ratio <= TARGET_COLD_RATIO, cold, their_cold)}")
    # Per cycle: the tree's PSS (pages the `--workers` processes share split between them) and the largest
    # RSS of any one process (the larger of its kernel high-water mark and the sampled peaks).
    for row in (r for r in rows if r.tool == "monitor"):
        pss = row.run.tree_pss_mb
        if pss is None:
            print(f"monitor {row.cycle} cycle tree PSS: NOT MEASURED (psutil missing or no PSS)")
        else:
            print(f"monitor {row.cycle} cycle tree PSS: {pss:.1f} MB (target < {TARGET_RSS_MB:g} MB): "
                  f"{_verdict(pss < TARGET_RSS_MB, row)}")
        proc = max(row.run.maxrss_mb, row.run.proc_peak_mb or 0.0)
        print(f"monitor {row.cycle} cycle largest process RSS: {proc:.1f} MB "
              f"(target < {TARGET_RSS_MB:g} MB): {_verdict(proc < TARGET_RSS_MB, row)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="number of pages (default 2000)")
    parser.add_argument("--pages-per-story", type=int, default=20,
                        help="our config groups the pages into stories of this many (default 20; "
                             "--pages-per-story 2000: one story holding every page)")
    parser.add_argument("--concurrency", type=int, metavar="N",
                        help="our schedule.concurrency and network.max_per_host (default: the product's "
                             f"defaults, 8 and 2; --concurrency {URLWATCH_WORKERS}: the same as urlwatch's "
                             "thread pool)")
    parser.add_argument("--workers", type=int, metavar="N", default=DEFAULT_WORKERS,
                        help="`monitor check --workers N`: processes sharing each cycle (default "
                             f"{DEFAULT_WORKERS}, this machine's core count)")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir for inspection")
    parser.add_argument("--only", choices=["monitor", "urlwatch"], help="run one tool only")
    parser.add_argument("--timeout", type=float, default=1800,
                        help="seconds allowed per cycle (default 1800)")
    parser.add_argument("--log-level", default="WARNING", help="monitor's --log-level (default WARNING)")
    parser.add_argument("--urlwatch-venv", type=Path, default=URLWATCH_VENV,
                        help=f"where urlwatch {URLWATCH_VERSION} is installed if not importable "
                             f"(default {URLWATCH_VENV})")
    parser.add_argument("--no-compile", action="store_true",
                        help="do not compile monitor's bytecode first (see compile_bytecode)")
    parser.add_argument("--cprofile", type=Path, metavar="DIR",
                        help="run monitor under cProfile, writing DIR/monitor-{cold,unchanged}.prof "
                             "(slows it down: figures are then not comparable)")
    parser.add_argument("--py-spy", type=Path, metavar="DIR",
                        help="run monitor under `py-spy record` (or $PY_SPY), writing collapsed stacks to "
                             "DIR/monitor-{cold,unchanged}.txt")
    opts = parser.parse_args(argv)
    if opts.pages < 1:
        parser.error("--pages must be at least 1")
    if opts.pages_per_story < 1:
        parser.error("--pages-per-story must be at least 1")
    if opts.concurrency is not None and opts.concurrency < 1:
        parser.error("--concurrency must be at least 1")
    if opts.workers < 1:
        parser.error("--workers must be at least 1")
    if not find_nginx():
        print("nginx not found: install Debian's nginx package or set $NGINX", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="poll-cycle-"))
    try:
        names, origin = build_pages(work / "www", opts.pages)
        with Nginx(work / "www", work / "nginx") as server:
            urls = [f"{server.base_url}/{name}" for name in names]
            print(f"pages: {len(urls)} served by {server.binary} (1 worker, if_modified_since "
                  f"{server.if_modified_since}) at {server.base_url}; {origin}")
            print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; seconds = wall time of "
                  "the command, interpreter start-up included; peak RSS = its ru_maxrss (wait4 from a small "
                  "launcher); tree MB / tree PSS = sampled sums of RSS / PSS over its process tree (psutil, "
                  "every 50 ms)")
            rows: list[Row] = []
            if opts.only in (None, "urlwatch"):
                print(f"urlwatch {URLWATCH_VERSION}: default thread pool (worker.MAX_WORKERS = 10), "
                      "requests with ETag/If-Modified-Since, reporters off, minidb cache in the temp dir")
                rows += run_urlwatch(work, urls, server, opts.urlwatch_venv, opts.timeout)
            if opts.only in (None, "monitor"):
                stories = -(-len(urls) // opts.pages_per_story)
                if opts.concurrency is None:
                    fan_out = ("product defaults: schedule.concurrency 8, network.max_per_host 2 (fewer "
                               f"requests in flight than urlwatch's {URLWATCH_WORKERS} threads)")
                else:
                    same = " (same concurrency as urlwatch)" if opts.concurrency == URLWATCH_WORKERS else ""
                    fan_out = (f"schedule.concurrency {opts.concurrency}, network.max_per_host "
                               f"{opts.concurrency}{same}")
                cores = " (default: the machine's core count)" if opts.workers == DEFAULT_WORKERS else ""
                print(f"monitor: `{' '.join(monitor_command())} --config <tmp>/config.yaml --log-level "
                      f"{opts.log_level} check --workers {opts.workers}`{cores}, {len(urls)} sources "
                      f"every 1d in {stories} stories of "
                      f"{opts.pages_per_story} pages (--pages-per-story), sqlite in the temp dir; {fan_out}")
                if not opts.no_compile:
                    print(compile_bytecode())
                if opts.cprofile:
                    opts.cprofile.mkdir(parents=True, exist_ok=True)
                    print(f"monitor runs under cProfile: profiles in {opts.cprofile.resolve()}")
                if opts.py_spy:
                    opts.py_spy.mkdir(parents=True, exist_ok=True)
                    print(f"monitor runs under py-spy: stacks in {opts.py_spy.resolve()}")
                rows += run_ours(work, urls, server, opts.timeout, opts.log_level, opts.cprofile, opts.py_spy,
                                 opts.pages_per_story, opts.concurrency, opts.workers)
        print()
        print_table(rows)
        print_verdict(rows)
    finally:
        if opts.keep:
            print(f"\nkept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
