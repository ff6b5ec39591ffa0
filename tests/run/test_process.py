"""Process settings of `monitor`: the start-up collector, and ending without the interpreter teardown."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.run import process


@pytest.fixture()
def collector() -> Iterator[None]:
    """Leave the test process's collector as it was found."""
    thresholds = gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)
    gc.unfreeze()
    process._starting = False


def test_start_up_collects_lazily_until_settled(collector: None) -> None:
    default = gc.get_threshold()
    process.start_up()
    assert gc.get_threshold()[0] == process.START_UP_GC_THRESHOLD
    process.settle()
    assert gc.get_threshold() == default
    assert gc.get_freeze_count() > 0, "start-up's objects are frozen out of the collector's view"


def test_settle_leaves_a_library_callers_collector_alone(collector: None) -> None:
    gc.set_threshold(500, 5, 5)
    frozen = gc.get_freeze_count()
    process.settle()  # no start_up(): not the `monitor` command
    assert gc.get_threshold() == (500, 5, 5)
    assert gc.get_freeze_count() == frozen


def test_exit_now_flushes_output_and_buffered_log_records(tmp_path: Path) -> None:
    log_file = tmp_path / "records.log"
    script = textwrap.dedent(f"""
        import logging, logging.handlers, sys
        from monitor.run.process import exit_now
        target = logging.FileHandler({str(log_file)!r})
        # Holds records until it is flushed or closed: only logging.shutdown() writes this one.
        logging.getLogger().addHandler(logging.handlers.MemoryHandler(100, flushLevel=100, target=target))
        logging.getLogger().warning("the last record")
        sys.stdout.write("output still in the buffer")
        exit_now(3)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert result.stdout == "output still in the buffer"
    assert log_file.read_text(encoding="utf-8") == "the last record\n"


def test_favour_short_waits_shortens_the_interval_a_thread_holds_the_gil() -> None:
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # CPython's default: a cycle run earlier in this process set ours
        process.favour_short_waits()
        assert sys.getswitchinterval() == pytest.approx(process.SWITCH_INTERVAL)
    finally:
        sys.setswitchinterval(before)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_release_free_heap_gives_freed_blocks_back_at_most_every_trim_seconds() -> None:
    script = textwrap.dedent("""
        import ctypes
        from monitor.run import process
        ctypes.CDLL(None).mallopt(-8, 1)  # one arena, as `monitor` runs (limit_malloc_arenas)
        def resident():
            with open("/proc/self/statm") as statm:
                return int(statm.read().split()[1]) * 4096
        # Many small blocks (as a page's trees and texts), then all but every 50th freed: the survivors keep
        # the heap's top from shrinking, so free() alone returns nothing.
        blocks = [bytearray(2000) for _ in range(40_000)]
        kept = blocks[::50]
        del blocks
        before = resident()
        first = process.release_free_heap()
        after = resident()
        second = process.release_free_heap()  # within TRIM_SECONDS of the first
        print(first, second, before - after > 20_000_000, len(kept))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "True", "800"]
