"""The database's cross-process locks: one story's reconcile at a time, one notifier at a time."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text

# The PostgreSQL advisory-lock key of notification delivery (its bytes spell "noti").
DELIVERY_LOCK = 0x6E6F7469


def story_lock_key(story: str) -> int:
    """The PostgreSQL advisory-lock key of a story: a signed 64-bit number from its id."""
    digest = hashlib.sha256(f"monitor.story:{story}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextmanager
def delivery_lock(engine: Engine) -> Iterator[bool]:
    """Whether this process may deliver notifications now: True for one process at a time on one database
    (the others get False and skip the round), so that no message goes out twice.

    PostgreSQL: a session-level advisory lock on a connection of its own. SQLite: an exclusive `flock` on
    `<database file>.notify-lock` (SQLite's processes share one host); an in-memory database: True.
    """
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            key = {"key": DELIVERY_LOCK}
            held = bool(connection.execute(text("SELECT pg_try_advisory_lock(:key)"), key).scalar())
            connection.commit()
            try:
                yield held
            finally:
                if held:
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"), key)
                    connection.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield True
        return
    import fcntl

    with open(f"{database}.notify-lock", "a+b") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
