"""Database fixtures for the store tests (defined in tests/store/pg.py, shared with the rest of the suite)."""

from tests.store.pg import database_url, store

__all__ = ["database_url", "store"]
