"""How much of one document the extractor may read: sentences, items and CPU seconds (issue 14).

A live blog of 8,000 entries or a 5 MB page of dated sentences must not hold a worker (and the lease of its
source) for minutes. `extract_items(..., budget=Budget(...))` reads the first `max_sentences` sentences,
stops between two sentences once the thread has spent `max_seconds` of CPU on it, and keeps the first
`max_items` items; what it left out is then in `budget.cut`, one line for the log:

    >>> budget = Budget(max_sentences=2)
    >>> budget.sentences(5)
    2
    >>> budget.cut
    'read 2 of 5 sentences (max_sentences 2)'

A Budget is one extraction's meter: make a new one for each document. CPU time is the calling thread's
(`time.thread_time`), so other threads of the process do not spend this document's budget.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Budget"]


@dataclass
class Budget:
    """The limits of one extraction (None: no limit) and, once it is over one, what was cut."""

    max_sentences: int | None = None
    max_items: int | None = None
    max_seconds: float | None = None
    clock: Callable[[], float] = field(default=time.thread_time, repr=False)
    cut: str | None = field(default=None, init=False)
    _started: float | None = field(default=None, init=False, repr=False)

    @classmethod
    def unlimited(cls) -> Budget:
        """A budget that cuts nothing."""
        return cls()

    def start(self) -> None:
        """Start the CPU clock (the first call only)."""
        if self._started is None:
            self._started = self.clock()

    def spent(self) -> float:
        """CPU seconds since `start`."""
        return 0.0 if self._started is None else self.clock() - self._started

    def sentences(self, total: int) -> int:
        """How many of `total` sentences may be read."""
        if self.max_sentences is None or total <= self.max_sentences:
            return total
        most = self.max_sentences
        self._note(f"read {most:,} of {total:,} sentences (max_sentences {most:,})")
        return most

    def out_of_time(self, read: int, total: int) -> bool:
        """Whether to stop now, `read` of `total` sentences read: the CPU seconds are spent."""
        if self.max_seconds is None:
            return False
        spent = self.spent()
        if spent < self.max_seconds:
            return False
        self._note(f"stopped after {read:,} of {total:,} sentences: {spent:.1f} s of CPU "
                   f"(max_seconds {self.max_seconds:g})")
        return True

    def items(self, total: int) -> int:
        """How many of `total` items may be kept."""
        if self.max_items is None or total <= self.max_items:
            return total
        self._note(f"kept {self.max_items:,} of {total:,} items (max_items {self.max_items:,})")
        return self.max_items

    def _note(self, what: str) -> None:
        self.cut = what if self.cut is None else f"{self.cut}; {what}"
