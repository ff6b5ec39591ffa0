"""The initial schema: sources, snapshots, the check log, feed entries and the timeline.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.DateTime:
    # monitor.store.models.UTCDateTime stores through this column type.
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table('sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=2048), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('origin', sa.String(length=2053), nullable=False),
    sa.Column('every_seconds', sa.Float(), nullable=False),
    sa.Column('follow', sa.Boolean(), nullable=False),
    sa.Column('keywords', sa.Text(), nullable=False),
    sa.Column('exclude', sa.Text(), nullable=False),
    sa.Column('source_every_seconds', sa.Float(), nullable=True),
    sa.Column('max_new_sources', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('disabled_reason', sa.Text(), nullable=True),
    sa.Column('created_at', _utc(), nullable=False),
    sa.Column('next_due_at', _utc(), nullable=False),
    sa.Column('lease_owner', sa.String(length=200), nullable=True),
    sa.Column('lease_expires_at', _utc(), nullable=True),
    sa.Column('etag', sa.String(length=1024), nullable=True),
    sa.Column('last_modified', sa.String(length=200), nullable=True),
    sa.Column('last_checked_at', _utc(), nullable=True),
    sa.Column('last_changed_at', _utc(), nullable=True),
    sa.Column('error_streak', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_status', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('page', 'feed')", name=op.f('ck_sources_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources')),
    sa.UniqueConstraint('story_id', 'url', name=op.f('uq_sources_story_id_url'))
    )
    op.create_index('ix_sources_due', 'sources', ['active', 'next_due_at'], unique=False)

    op.create_table('timeline_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.String(length=100), nullable=False),
    sa.Column('story_id', sa.String(length=200), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=50), nullable=False),
    sa.Column('date', sa.String(length=40), nullable=True),
    sa.Column('date_end', sa.String(length=40), nullable=True),
    sa.Column('precision', sa.String(length=20), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('actors', sa.Text(), nullable=False),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('metric', sa.Text(), nullable=True),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('qualifier', sa.String(length=20), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('source_url', sa.String(length=2048), nullable=False),
    sa.Column('published', sa.String(length=40), nullable=True),
    sa.Column('first_seen', _utc(), nullable=False),
    sa.Column('last_seen', _utc(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('superseded_by', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timeline_items')),
    sa.UniqueConstraint('event_id', name=op.f('uq_timeline_items_event_id'))
    )
    op.create_index('ix_timeline_items_story_id_key', 'timeline_items', ['story_id', 'key'], unique=False)

    op.create_table('checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('started_at', _utc(), nullable=False),
    sa.Column('finished_at', _utc(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('status', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('elapsed', sa.Float(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.CheckConstraint("outcome IN ('new_version', 'unchanged', 'not_modified', 'failed')",
                       name=op.f('ck_checks_outcome')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'],
                       name=op.f('fk_checks_source_id_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checks'))
    )
    op.create_index('ix_checks_source_id_id', 'checks', ['source_id', 'id'], unique=False)

    op.create_table('feed_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=2048), nullable=False),
    sa.Column('guid', sa.String(length=2048), nullable=True),
    sa.Column('link', sa.String(length=2048), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('published', _utc(), nullable=True),
    sa.Column('first_seen', _utc(), nullable=False),
    sa.Column('last_seen', _utc(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'],
                       name=op.f('fk_feed_entries_source_id_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_entries')),
    sa.UniqueConstraint('source_id', 'key', name=op.f('uq_feed_entries_source_id_key'))
    )
    op.create_table('item_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('source_url', sa.String(length=2048), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('published', sa.String(length=40), nullable=True),
    sa.Column('first_seen', _utc(), nullable=False),
    sa.Column('last_seen', _utc(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['timeline_items.id'],
                       name=op.f('fk_item_reports_item_id_timeline_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_reports')),
    sa.UniqueConstraint('item_id', 'source_url', name=op.f('uq_item_reports_item_id_source_url'))
    )
    op.create_table('snapshots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('fetched_at', _utc(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('final_url', sa.String(length=2048), nullable=True),
    sa.Column('body', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'],
                       name=op.f('fk_snapshots_source_id_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_snapshots')),
    sa.UniqueConstraint('source_id', 'version', name=op.f('uq_snapshots_source_id_version'))
    )
    op.create_table('feed_entry_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('seen_at', _utc(), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['feed_entries.id'],
                       name=op.f('fk_feed_entry_revisions_entry_id_feed_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_entry_revisions')),
    sa.UniqueConstraint('entry_id', 'revision', name=op.f('uq_feed_entry_revisions_entry_id_revision'))
    )


def downgrade() -> None:
    op.drop_table('feed_entry_revisions')
    op.drop_table('snapshots')
    op.drop_table('item_reports')
    op.drop_table('feed_entries')
    op.drop_index('ix_checks_source_id_id', table_name='checks')
    op.drop_table('checks')
    op.drop_index('ix_timeline_items_story_id_key', table_name='timeline_items')
    op.drop_table('timeline_items')
    op.drop_index('ix_sources_due', table_name='sources')
    op.drop_table('sources')
