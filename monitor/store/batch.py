"""Splitting long id lists: one statement per chunk keeps `IN (...)` under the databases' parameter limits."""

from __future__ import annotations

from collections.abc import Iterator, Sequence


def chunks(ids: Sequence[int], size: int = 500) -> Iterator[Sequence[int]]:
    """`ids` in consecutive slices of at most `size`."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]
