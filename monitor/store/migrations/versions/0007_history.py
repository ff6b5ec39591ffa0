"""History as an asset (#16): the timeline's history, generations, reextract's progress, retention's mark.

- `timeline_states`: append-only, one state per row a reconcile changed (monitor.track.history).
- `story_generations`: a story's history generations (`monitor reextract`), and when history began.
- `reextract_items`: the items `monitor reextract` read from a version, until its story's rebuild commits.
- `timeline_items.extractor`: which extractor last wrote a row; `snapshots.pruned_at`: retention dropped the
  version's text.

A database upgraded with rows in it: each story's rows are written as they stand as its first states, at the
upgrade's time, and the story's history is marked as beginning then (`--as-of` before it is refused); its
rows' extractor is unknown (older) but for publications, which no page extractor made.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.DateTime:
    # monitor.store.models.UTCDateTime stores through this column type.
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "timeline_states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.String(length=200), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("at", _utc(), nullable=False),
        sa.Column("source_url", sa.String(length=2048), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("fact", sa.Boolean(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timeline_states")),
    )
    op.create_index("ix_timeline_states_story_id_generation_id", "timeline_states",
                    ["story_id", "generation", "id"], unique=False)
    op.create_table(
        "story_generations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.String(length=200), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("recorded_at", _utc(), nullable=False),
        sa.Column("history_from", _utc(), nullable=True),
        sa.Column("extractor", sa.String(length=100), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_generations")),
        sa.UniqueConstraint("story_id", "generation", name=op.f("uq_story_generations_story_id_generation")),
    )
    op.create_table(
        "reextract_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(length=100), nullable=False),
        sa.Column("items", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["snapshot_id"], ["snapshots.id"],
                                name=op.f("fk_reextract_items_snapshot_id_snapshots"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reextract_items")),
        sa.UniqueConstraint("snapshot_id", "extractor",
                            name=op.f("uq_reextract_items_snapshot_id_extractor")),
    )
    op.add_column("timeline_items", sa.Column("extractor", sa.String(length=100), nullable=True))
    op.add_column("snapshots", sa.Column("pruned_at", _utc(), nullable=True))
    _seed_history()


def _seed_history() -> None:
    """The rows as they stand become each story's first states, its history beginning now."""
    from sqlalchemy.orm import Session

    from monitor.store.history import State
    from monitor.store.rebuild import new_generation
    from monitor.store.timeline import load_timeline
    from monitor.track.history import delta, dumps

    now = dt.datetime.now(dt.UTC)
    session = Session(bind=op.get_bind())
    session.execute(sa.text("UPDATE timeline_items SET extractor = 'feed' WHERE kind = 'publication'"))
    by_story: dict[str, list[State]] = {}
    for entry in load_timeline(session, before_0009=True):
        body, _ = delta(None, entry)
        by_story.setdefault(entry.story, []).append(State(entry.event_id, now, entry.source_url, None, True,
                                                          dumps(body)))
    for story, seeded in by_story.items():
        new_generation(session, story, 0, now, "", "history begins: the rows as they stood", seeded)
    session.flush()
    session.execute(sa.text("UPDATE story_generations SET history_from = recorded_at, extractor = NULL"))


def downgrade() -> None:
    op.drop_column("snapshots", "pruned_at")
    op.drop_column("timeline_items", "extractor")
    op.drop_table("reextract_items")
    op.drop_table("story_generations")
    op.drop_index("ix_timeline_states_story_id_generation_id", table_name="timeline_states")
    op.drop_table("timeline_states")
