"""The alert log and the notification queue (issue 15).

Every alert is written with the check that raised it (`alert_log`: the Atom feeds' entries), and one queue row
per alert and notification target (`notifications`), deleted once delivered, so that a crash loses no message
and a restart delivers what was pending.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.DateTime:
    # monitor.store.models.UTCDateTime stores through this column type.
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "alert_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.String(length=200), nullable=False),
        sa.Column("event", sa.String(length=50), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_log")),
    )
    op.create_index("ix_alert_log_story_id_id", "alert_log", ["story_id", "id"], unique=False)
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=100), nullable=False),
        sa.Column("story_id", sa.String(length=200), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _utc(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["alert_id"], ["alert_log.id"],
                                name=op.f("fk_notifications_alert_id_alert_log"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    op.create_index("ix_notifications_next_attempt_at", "notifications", ["next_attempt_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_notifications_next_attempt_at", table_name="notifications")
    op.drop_table("notifications")
    op.drop_index("ix_alert_log_story_id_id", table_name="alert_log")
    op.drop_table("alert_log")
