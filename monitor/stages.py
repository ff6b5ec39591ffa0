"""Where a process's time goes, by pipeline stage: wall and CPU seconds summed over every call.

    with stages.timed("text"):
        document = extract_document(html)
    stages.add("fetch", 0.031)           # a wait measured by the caller (CPU is the event loop's)
    print(stages.snapshot())             # {"text": StageTime(calls=1, wall=0.02, cpu=0.02), ...}

A poll cycle runs its stages in several threads (the event loop, the extraction thread, the database's
worker threads) and processes, so a profiler's view of one thread misses most of it; these sums are kept by
the run itself and `monitor check --timings` prints them. A stage timed inside another (timex inside items,
reconcile inside the database's commit) is taken out of the outer one's figures, so the stages add up.
Costs two clock reads and a lock at each end of a stage: nothing next to a stage's own work.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from typing import ParamSpec, TypeVar

__all__ = ["StageTime", "add", "merge", "reset", "snapshot", "timed", "timed_call"]

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class StageTime:
    """A stage's calls and summed seconds; `cpu` is None for a stage measured as a wait (`add`)."""

    calls: int = 0
    wall: float = 0.0
    cpu: float | None = None

    def __add__(self, other: StageTime) -> StageTime:
        cpu = None if self.cpu is None and other.cpu is None else (self.cpu or 0.0) + (other.cpu or 0.0)
        return StageTime(self.calls + other.calls, self.wall + other.wall, cpu)


_lock = threading.Lock()
_totals: dict[str, StageTime] = {}
_local = threading.local()


def _stack() -> list[list[float]]:
    """This thread's open stages: [wall, cpu] spent in stages nested inside each."""
    stack: list[list[float]] | None = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


def _record(name: str, time_: StageTime) -> None:
    with _lock:
        _totals[name] = _totals.get(name, StageTime()) + time_


@contextmanager
def timed(name: str) -> Iterator[None]:
    """Count the block's wall and CPU (this thread's) seconds to `name`, less those of stages timed inside it.

    Only for blocks that run on one thread without yielding to others on it (not around an `await`)."""
    stack = _stack()
    inner = [0.0, 0.0]
    stack.append(inner)
    wall0, cpu0 = time.perf_counter(), time.thread_time()
    try:
        yield
    finally:
        wall, cpu = time.perf_counter() - wall0, time.thread_time() - cpu0
        stack.pop()
        if stack:  # the enclosing stage does not count this one's time as its own
            stack[-1][0] += wall
            stack[-1][1] += cpu
        _record(name, StageTime(1, wall - inner[0], cpu - inner[1]))


def timed_call(name: str, func: Callable[P, R]) -> Callable[P, R]:
    """`func` with each call timed as stage `name` (for handing to a thread)."""

    @wraps(func)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        with timed(name):
            return func(*args, **kwargs)

    return call


def add(name: str, wall: float) -> None:
    """Count a wait of `wall` seconds measured by the caller (e.g. a request in flight) to `name`."""
    _record(name, StageTime(1, wall, None))


def snapshot() -> dict[str, StageTime]:
    """The sums so far, by stage."""
    with _lock:
        return dict(_totals)


def reset() -> None:
    """Start counting afresh (a forked worker: its parent's sums are the parent's to report)."""
    with _lock:
        _totals.clear()


def merge(parts: Iterator[Mapping[str, StageTime]] | list[Mapping[str, StageTime]]) -> dict[str, StageTime]:
    """Several processes' sums, added by stage."""
    out: dict[str, StageTime] = {}
    for part in parts:
        for name, time_ in part.items():
            out[name] = out.get(name, StageTime()) + time_
    return out
