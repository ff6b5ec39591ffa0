"""The database schema as SQLAlchemy 2 typed declarative models.

These rows stay inside `monitor.store`: the rest of the package sees the frozen dataclasses of
`monitor.store.records`. Alembic's migrations in `monitor/store/migrations/versions/` must create exactly this
schema (tests/store/test_migrations.py compares them).

Times are stored in UTC. SQLite has no time zone type, so `UTCDateTime` strips the zone on the way in and
puts UTC back on the way out; every datetime the store hands out is aware.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from monitor.limits import (
    ETAG_LENGTH,
    KIND_LENGTH,
    LAST_MODIFIED_LENGTH,
    OWNER_LENGTH,
    STORY_ID_LENGTH,
    URL_LENGTH,
)

# Stable constraint names, so migrations can refer to them and autogenerate compares like with like.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Every column that takes a string from outside is sized from monitor.limits, where the layers that take such
# strings check them first (tests/test_limits.py keeps the two in step).


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime on every backend (naive UTC text on SQLite, timestamptz on PostgreSQL)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given to the store; pass an aware (UTC) datetime")
        value = value.astimezone(dt.UTC)
        # SQLite compares these as text: one zone-less format keeps the order right.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], dt.datetime | None]:
        """On SQLite, the stored text read straight as UTC: a version of a large story reads thousands of
        reports' times, and parsing then `replace(tzinfo=...)` cost ~3 µs a value against ~0.4 µs."""
        generic = super().result_processor(dialect, coltype)
        if dialect.name != "sqlite" or generic is None:
            return generic  # type: ignore[return-value]

        def utc_from_text(value: Any) -> dt.datetime | None:
            if isinstance(value, str):
                try:  # not contextlib.suppress: it alone would cost three times the parse
                    return dt.datetime.fromisoformat(value + "+00:00")
                except ValueError:
                    pass
            return generic(value)  # None, or text of another form

        return utc_from_text


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Source(Base):
    """A page or feed of one story: the truth of its schedule and lease, conditional-GET state and health."""

    __tablename__ = "sources"
    __table_args__ = (
        UniqueConstraint("story_id", "url"),
        CheckConstraint("kind IN ('page', 'feed')", name="kind"),
        Index("ix_sources_due_id", "active", "next_due_at", "id"),  # the claim order (migration 0002)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[str] = mapped_column(String(STORY_ID_LENGTH))
    url: Mapped[str] = mapped_column(String(URL_LENGTH))
    kind: Mapped[str] = mapped_column(String(8))
    origin: Mapped[str] = mapped_column(String(URL_LENGTH + 5))  # 'config' or 'feed:<feed url>'
    every_seconds: Mapped[float] = mapped_column(Float)
    # Feed settings, copied from the config so a claimed feed can be checked from its row alone.
    follow: Mapped[bool] = mapped_column(Boolean, default=False)
    keywords: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    exclude: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    source_every_seconds: Mapped[float | None] = mapped_column(Float)
    max_new_sources: Mapped[int] = mapped_column(Integer, default=0)

    active: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    next_due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    lease_owner: Mapped[str | None] = mapped_column(String(OWNER_LENGTH))
    lease_expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    etag: Mapped[str | None] = mapped_column(String(ETAG_LENGTH))
    last_modified: Mapped[str | None] = mapped_column(String(LAST_MODIFIED_LENGTH))

    last_checked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    error_streak: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_status: Mapped[int | None] = mapped_column(Integer)


class Snapshot(Base):
    """One distinct version of a page's extracted text (compressed), numbered 1, 2, 3... per source."""

    __tablename__ = "snapshots"
    __table_args__ = (UniqueConstraint("source_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    fetched_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    content_hash: Mapped[str] = mapped_column(String(64))  # hex SHA-256 of the normalised text
    size: Mapped[int] = mapped_column(Integer)  # bytes of the UTF-8 text, before compression
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    final_url: Mapped[str | None] = mapped_column(String(URL_LENGTH))  # after redirects
    body: Mapped[bytes] = mapped_column(LargeBinary)
    # Hashes of the text's long sentences (monitor.track.origins): copies of one wire story are one origin.
    fingerprint: Mapped[bytes | None] = mapped_column(LargeBinary)


    # When retention dropped the text (body emptied; hash, size and fetch time kept). Migration 0007.
    pruned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Check(Base):
    """The bounded log of checks (pruned to `schedule.check_log_keep` rows per source)."""

    __tablename__ = "checks"
    __table_args__ = (
        CheckConstraint("outcome IN ('new_version', 'unchanged', 'not_modified', 'failed')", name="outcome"),
        Index("ix_checks_source_id_id", "source_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(16))
    status: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    elapsed: Mapped[float | None] = mapped_column(Float)
    version: Mapped[int | None] = mapped_column(Integer)  # the version stored or found unchanged


class FeedEntry(Base):
    """An entry of a feed, keyed by its guid (or canonical link); `revision` counts its edits."""

    __tablename__ = "feed_entries"
    __table_args__ = (UniqueConstraint("source_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(URL_LENGTH))
    guid: Mapped[str | None] = mapped_column(String(URL_LENGTH))
    link: Mapped[str | None] = mapped_column(String(URL_LENGTH))
    title: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    first_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    content_hash: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer, default=1)


class FeedEntryRevision(Base):
    """What a feed entry said at each revision."""

    __tablename__ = "feed_entry_revisions"
    __table_args__ = (UniqueConstraint("entry_id", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("feed_entries.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


def new_rev() -> int:
    """A fresh `TimelineItem.rev` token."""
    return secrets.randbits(62)


class TimelineItem(Base):
    """One reconciled event or figure of a story's timeline (the export's row)."""

    __tablename__ = "timeline_items"
    __table_args__ = (
        Index("ix_timeline_items_story_id_key", "story_id", "key"),
        # The rows a version can touch (monitor.track.candidates; migration 0006): events by kind and days,
        # figures by series and by value, and the rows a figure supersedes.
        Index("ix_timeline_items_story_id_kind_span", "story_id", "kind", "span_start", "span_end"),
        Index("ix_timeline_items_story_id_series", "story_id", "series"),
        Index("ix_timeline_items_story_id_value", "story_id", "value"),
        Index("ix_timeline_items_superseded_by", "superseded_by"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(100), unique=True)
    story_id: Mapped[str] = mapped_column(String(STORY_ID_LENGTH))
    key: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(KIND_LENGTH))
    date: Mapped[str | None] = mapped_column(String(40))  # TIMEX3 value: 2020-04-01, 2020-W14, 2020
    date_end: Mapped[str | None] = mapped_column(String(40))
    precision: Mapped[str | None] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text)
    actors: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of names
    location: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    metric: Mapped[str | None] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    qualifier: Mapped[str | None] = mapped_column(String(20))
    evidence: Mapped[str] = mapped_column(Text)
    source_url: Mapped[str] = mapped_column(String(URL_LENGTH))
    published: Mapped[str | None] = mapped_column(String(40))  # ISO date of the source article
    first_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))  # active | removed | revised
    superseded_by: Mapped[str | None] = mapped_column(String(100))
    # The extractor (monitor.extract.version.extractor_stamp) that last wrote the row; None for rows no page
    # extraction made (publications). Migration 0007.
    extractor: Mapped[str | None] = mapped_column(String(100))
    # Derived from the columns above, for finding a version's candidate rows (monitor.track.candidates).
    span_start: Mapped[str | None] = mapped_column(String(10))  # first day `date` covers (ISO)
    span_end: Mapped[str | None] = mapped_column(String(10))  # last day
    series: Mapped[str | None] = mapped_column(Text)  # a figure's normalised subject and metric
    # A random token every write of the row or of its reports sets (migration 0008): while it stands, a
    # process may reuse the entry it built from the row (monitor.store.timeline), not read its reports again.
    rev: Mapped[int] = mapped_column(BigInteger, default=new_rev, onupdate=new_rev, server_default="0")


class ItemReport(Base):
    """One source's report of a timeline item: whether its latest version still says it, and how."""

    __tablename__ = "item_reports"
    __table_args__ = (
        UniqueConstraint("item_id", "source_url"),
        Index("ix_item_reports_source_url", "source_url"),  # the rows a source reports (migration 0006)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("timeline_items.id", ondelete="CASCADE"))
    source_url: Mapped[str] = mapped_column(String(URL_LENGTH))
    evidence: Mapped[str] = mapped_column(Text)
    present: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int | None] = mapped_column(Integer)
    published: Mapped[str | None] = mapped_column(String(40))
    first_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # An undated report that only corroborates another outlet's row (migration 0009; TimelineEntry.shown).
    latent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class AlertLog(Base):
    """Every alert raised, written in the transaction of the check that raised it (the Atom feed's entries,
    and what the notification queue points at)."""

    __tablename__ = "alert_log"
    __table_args__ = (Index("ix_alert_log_story_id_id", "story_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[str] = mapped_column(String(STORY_ID_LENGTH))
    event: Mapped[str] = mapped_column(String(50))  # an alert name: content_changed ...
    url: Mapped[str] = mapped_column(String(URL_LENGTH))
    message: Mapped[str] = mapped_column(Text)
    fields: Mapped[str] = mapped_column(Text, default="{}")  # JSON object: the alert's machine fields
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Notification(Base):
    """The delivery queue: one row per alert and notification target, deleted once delivered."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_next_attempt_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alert_log.id", ondelete="CASCADE"))
    target: Mapped[str] = mapped_column(String(100))  # its key path: notify[0], stories[1].notify[0]
    story_id: Mapped[str] = mapped_column(String(STORY_ID_LENGTH))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class ConfigSync(Base):
    """The last config synced into `sources` (one row): its digest, so that an unchanged config is not
    compared source by source again at every start (migration 0005)."""

    __tablename__ = "config_sync"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    synced_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


# --- history (migration 0007) ------------------------------------------------------------------------------


class TimelineState(Base):
    """Append-only: what one reconcile changed in one timeline row, written in the reconcile's transaction.

    `body` is a JSON delta against the row's previous state in the same generation (its first state holds the
    whole row; monitor.track.history). A story's rows as they stood at T are its states of the generation
    current at T with `at` <= T, folded in id order. `fact` is false when only last_seen and report versions
    moved (the row seen again); the versions behind fact states are kept by retention.
    """

    __tablename__ = "timeline_states"
    __table_args__ = (Index("ix_timeline_states_story_id_generation_id", "story_id", "generation", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[str] = mapped_column(String(STORY_ID_LENGTH))
    generation: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)  # the reconcile's time: its version's fetch time
    source_url: Mapped[str] = mapped_column(String(URL_LENGTH))  # whose version (or feed) caused it
    version: Mapped[int | None] = mapped_column(Integer)
    fact: Mapped[bool] = mapped_column(Boolean)
    body: Mapped[str] = mapped_column(Text)


class StoryGeneration(Base):
    """A story's history generations: 0 is the live one; each `monitor reextract` that changed something
    starts the next, valid from `recorded_at`. A generation-0 row marks when history began for a story that
    existed before migration 0007 (`history_from`); stories created later have their history from the start.
    """

    __tablename__ = "story_generations"
    __table_args__ = (UniqueConstraint("story_id", "generation"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[str] = mapped_column(String(STORY_ID_LENGTH))
    generation: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    history_from: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    extractor: Mapped[str | None] = mapped_column(String(100))
    summary: Mapped[str | None] = mapped_column(Text)  # what the rebuild changed, as `reextract` printed it


class ReextractItems(Base):
    """`monitor reextract`'s progress: the items read from one stored version by one extractor, kept until the
    story's rebuild commits, so a run killed midway resumes without reading those versions again."""

    __tablename__ = "reextract_items"
    __table_args__ = (UniqueConstraint("snapshot_id", "extractor"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("snapshots.id", ondelete="CASCADE"))
    extractor: Mapped[str] = mapped_column(String(100))
    items: Mapped[str | None] = mapped_column(Text)  # JSON list; null: the extractor failed on this version
