"""Splitting long id lists: one statement per chunk keeps `IN (...)` under the databases' parameter limits."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def chunks(ids: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """`ids` in consecutive slices of at most `size`."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]
