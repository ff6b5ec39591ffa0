"""Whether a source's report of a timeline row is an undated one that only corroborates (issue 13).

A sentence that gives no row of its own ("..., Johnston said in a statement") is kept as a `latent` report:
the row it makes is on the timeline only when another outlet tells the same happening (monitor.track.entries
`TimelineEntry.shown`). Every report stored before was a row's own: false.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("item_reports") as batch:
        batch.add_column(sa.Column("latent", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("item_reports") as batch:
        batch.drop_column("latent")
