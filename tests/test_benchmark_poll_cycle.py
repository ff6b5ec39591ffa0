"""benchmarks/poll_cycle.py's memory sampling, small: a command that forks a worker holding its own memory is
reported process by process at the tree's PSS peak, the command's own process first."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.benchmark_scripts import load_script

# The parent holds ~20 MB that its worker shares after the fork; the worker then writes 40 MB of its own.
_FORKING = """\
import os, time
shared = bytearray(b"y" * (20 * 2**20))
pid = os.fork()
if pid == 0:
    private = bytearray(b"x" * (40 * 2**20))
    time.sleep(1.5)
    os._exit(0)
time.sleep(0.3)
os.waitpid(pid, 0)
"""


@pytest.fixture(scope="module")
def poll_cycle() -> ModuleType:
    pytest.importorskip("psutil")
    return load_script("poll_cycle")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PSS and USS are read from /proc")
def test_memory_at_the_pss_peak_is_given_by_process(poll_cycle: ModuleType, tmp_path: Path) -> None:
    run = poll_cycle.measure([sys.executable, "-c", _FORKING], out=tmp_path / "forking", env={},
                             timeout=60)
    assert run.returncode == 0
    assert len(run.at_pss_peak) == 2
    (_, parent_rss, parent_pss, parent_uss), (_, worker_rss, worker_pss, worker_uss) = run.at_pss_peak
    assert worker_uss > 35  # the 40 MB only the worker wrote
    assert parent_uss < worker_uss
    assert parent_rss - parent_pss > 8  # half of the 20 MB the two share is the worker's part
    for rss, pss, uss in ((parent_rss, parent_pss, parent_uss), (worker_rss, worker_pss, worker_uss)):
        assert uss <= pss <= rss
    assert sum(p[2] for p in run.at_pss_peak) == pytest.approx(run.tree_pss_mb, abs=0.5)
    lines = poll_cycle.process_lines(run.at_pss_peak)
    assert [line.split()[0] for line in lines] == ["parent", "worker", "all"]
