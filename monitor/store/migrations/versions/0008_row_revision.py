"""A revision token on each timeline row, so that a process reuses the rows it read (issue 13).

Each new version of a story of thousands of sources read every report of every row it could touch: at
2,000 sources about 5,000 reports a version, most of them of rows no other version had changed since. Every
write of a row or of its reports now sets `timeline_items.rev` to a new random token, and a process keeps the
entries it built while their row's token stands (monitor.store.timeline). Existing rows get a token here.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table("timeline_items") as batch:
        batch.add_column(sa.Column("rev", sa.BigInteger(), nullable=False, server_default="0"))
    _fill()


def _fill() -> None:
    """A token for every row already stored: no two databases' rows then share one by chance."""
    items = sa.table("timeline_items", sa.column("id", sa.Integer), sa.column("rev", sa.BigInteger))
    bind = op.get_bind()
    update = items.update().where(items.c.id == sa.bindparam("row_id")).values(rev=sa.bindparam("token"))
    last_id = 0
    while True:
        ids = bind.execute(sa.select(items.c.id).where(items.c.id > last_id).order_by(items.c.id)
                           .limit(_BATCH)).scalars().all()
        if not ids:
            return
        bind.execute(update, [{"row_id": row_id, "token": secrets.randbits(62)} for row_id in ids])
        last_id = ids[-1]


def downgrade() -> None:
    with op.batch_alter_table("timeline_items") as batch:
        batch.drop_column("rev")
