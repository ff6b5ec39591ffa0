"""How the `monitor` process starts, holds its memory and ends: settings of the interpreter, not the product.

A poll cycle in which nothing changed is mostly start-up and teardown around a few thousand cheap checks, so
these three knobs decide much of its time (figures from benchmarks/poll_cycle.py, 2,000 pages):
- the cyclic garbage collector runs lazily during start-up (imports and the config build hundreds of
  thousands of long-lived objects, and each collection walks them all): ~50 ms;
- glibc's malloc arenas are capped, so extraction threads do not each fragment their own: ~30 MB of peak RSS;
- the process ends without the interpreter's teardown once its output is flushed: ~0.2 s.

Two more shape a cycle of new pages: a short GIL switch interval, so that a check's transaction does not wait
behind the extraction thread at each of its queries (`favour_short_waits`), and the free heap given back to
the system after each page's extraction, at most twice a second (`release_free_heap`).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from typing import NoReturn

# Allocations between two young-generation collections during start-up (CPython's default is 700).
START_UP_GC_THRESHOLD = 100_000
_DEFAULT_GC_THRESHOLDS = gc.get_threshold()
_starting = False

# glibc's mallopt parameter for the most malloc arenas; its default, 8 per core, lets the extraction threads
# each fragment their own arena.
_M_ARENA_MAX = -8
MALLOC_ARENAS = 1


def start_up() -> None:
    """Collect garbage lazily until `settle()`: start-up makes long-lived objects, not garbage."""
    global _starting
    _starting = True
    gc.set_threshold(START_UP_GC_THRESHOLD, *_DEFAULT_GC_THRESHOLDS[1:])


def settle() -> None:
    """End of start-up: freeze what it built out of the collector's view and collect as usual from now on.

    Frozen objects are never walked again by a collection, and, before a fork, never written to by one, so
    their pages stay shared with the children (the pattern the gc.freeze documentation gives). Does nothing
    unless `start_up()` ran (the `monitor` command), so a library caller's collector is left alone.
    """
    global _starting
    if not _starting:
        return
    _starting = False
    gc.freeze()
    gc.set_threshold(*_DEFAULT_GC_THRESHOLDS)


# How long a thread holds the GIL before one waiting for it may take it (CPython's default is 5 ms).
SWITCH_INTERVAL = 0.0005


def favour_short_waits(interval: float = SWITCH_INTERVAL) -> None:
    """Let a thread that waited for the GIL have it sooner: `sys.setswitchinterval(interval)`.

    A check's transaction runs many short queries, and SQLite lets go of the GIL during each: to go on, the
    transaction's thread waits for the extraction thread (pure Python, reading another page) to hand the GIL
    back, up to a whole switch interval each time, with the database's write lock held all the while. With
    the default 5 ms, a cold cycle's transactions lasted several times their CPU, and on SQLite the other
    processes of the cycle waited for that lock.
    """
    sys.setswitchinterval(interval)


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas (as MALLOC_ARENA_MAX does) unless the environment sets it; True if done.

    Measured on the 2,000-page cold cycle of benchmarks/poll_cycle.py: the peak RSS drops by ~30 MB at the
    same speed. Threads started afterwards share the arenas; elsewhere than glibc this does nothing.
    """
    if "MALLOC_ARENA_MAX" in os.environ or not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        return bool(libc.mallopt(_M_ARENA_MAX, arenas))
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False


# The most often `release_free_heap` gives memory back (seconds): each call walks the heap (~2 ms).
TRIM_SECONDS = 0.5
_trim: Callable[[int], int] | None = None
_trimmed_at = 0.0


def release_free_heap() -> bool:
    """Give the free pages inside glibc's heap back to the system (`malloc_trim`), at most every
    TRIM_SECONDS; True when it gave memory back. Call after a page was read; elsewhere than glibc it does
    nothing.

    A page's parse trees and texts are many small blocks, freed at once when it is done, but free() keeps
    them in the heap, where the next page's blocks do not fit them all: measured on the 181 real pages read
    twice by the text stage, the process grew 12.6 MB that way, and trimming every 10th page kept it under
    5 MB for ~2 ms a trim.
    """
    global _trim, _trimmed_at
    now = time.monotonic()
    if now - _trimmed_at < TRIM_SECONDS or not sys.platform.startswith("linux"):
        return False
    _trimmed_at = now
    if _trim is None:
        try:
            import ctypes

            _trim = ctypes.CDLL(None).malloc_trim
        except (OSError, AttributeError):  # not glibc
            _trim = _no_trim
    return bool(_trim(0))


def _no_trim(_pad: int) -> int:
    return 0


def exit_now(code: int) -> NoReturn:
    """Flush the logs and the output, then end the process without the interpreter's teardown.

    The teardown frees every module and object of a process that loaded SQLAlchemy, httpx and pydantic, one
    by one: ~0.2 s here, as long as a few hundred checks. Nothing is lost by skipping it when the caller has
    closed what holds data (the CLI closes its database when a command ends) and the handlers are flushed.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: the reader has gone
            stream.flush()
    os._exit(code)
