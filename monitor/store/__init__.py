"""Persistence: the schema (models), its migrations (migrations/), and the repository the service and CLI
use."""

from monitor.store.engine import normalise_url
from monitor.store.migrate import current_revision, head_revision, upgrade
from monitor.store.records import (
    CheckInfo,
    CheckRecord,
    LeaseLostError,
    NewSnapshot,
    ParsedFeedEntry,
    RecordedCheck,
    SavedFeedEntry,
    SnapshotData,
    SourceInfo,
    SourceRef,
    SourceSpec,
    StoredFeedEntry,
    SyncSummary,
    VersionInfo,
)
from monitor.store.repo import Store, StoreTransaction, open_store

__all__ = [
    "CheckInfo",
    "CheckRecord",
    "LeaseLostError",
    "NewSnapshot",
    "ParsedFeedEntry",
    "RecordedCheck",
    "SavedFeedEntry",
    "SnapshotData",
    "SourceInfo",
    "SourceRef",
    "SourceSpec",
    "Store",
    "StoreTransaction",
    "StoredFeedEntry",
    "SyncSummary",
    "VersionInfo",
    "current_revision",
    "head_revision",
    "normalise_url",
    "open_store",
    "upgrade",
]
