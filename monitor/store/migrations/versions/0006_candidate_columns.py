"""A version's candidate rows found by index, not by reading the story (issue 13).

Reconciling one version used to read every row of its story: in a story of 2,000 sources each new version
cost seconds. It now reads the rows it can touch (monitor.track.candidates): rows its source reports
(`item_reports.source_url`), events of a kind whose days overlap an item's (`span_start`, `span_end`), figures
of a series (`series`) or of a value, and the rows a figure supersedes (`superseded_by`). The new columns are
derived from each row's date, subject and metric; existing rows are filled here.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table("timeline_items") as batch:
        batch.add_column(sa.Column("span_start", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("span_end", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("series", sa.Text(), nullable=True))
    _fill()
    op.create_index("ix_timeline_items_story_id_kind_span", "timeline_items",
                    ["story_id", "kind", "span_start", "span_end"], unique=False)
    op.create_index("ix_timeline_items_story_id_series", "timeline_items", ["story_id", "series"])
    op.create_index("ix_timeline_items_story_id_value", "timeline_items", ["story_id", "value"])
    op.create_index("ix_timeline_items_superseded_by", "timeline_items", ["superseded_by"])
    op.create_index("ix_item_reports_source_url", "item_reports", ["source_url"])


def _fill() -> None:
    """Derive the new columns of the rows already stored, as the store derives them on write."""
    from monitor.track.candidates import date_bounds, series_key
    from monitor.track.entries import FIGURE_KIND

    items = sa.table("timeline_items", sa.column("id", sa.Integer), sa.column("kind", sa.String),
                     sa.column("date", sa.String), sa.column("subject", sa.Text),
                     sa.column("metric", sa.Text), sa.column("span_start", sa.String),
                     sa.column("span_end", sa.String), sa.column("series", sa.Text))
    bind = op.get_bind()
    update = (items.update().where(items.c.id == sa.bindparam("row_id"))
              .values(span_start=sa.bindparam("first"), span_end=sa.bindparam("last"),
                      series=sa.bindparam("figure_series")))
    last_id = 0
    while True:
        rows = bind.execute(
            sa.select(items.c.id, items.c.kind, items.c.date, items.c.subject, items.c.metric)
            .where(items.c.id > last_id).order_by(items.c.id).limit(_BATCH)
        ).all()
        if not rows:
            return
        values = []
        for row in rows:
            first, last = date_bounds(row.date) or (None, None)
            values.append({
                "row_id": row.id, "first": first, "last": last,
                "figure_series": series_key(row.subject, row.metric) if row.kind == FIGURE_KIND else None,
            })
        bind.execute(update, values)
        last_id = rows[-1].id


def downgrade() -> None:
    op.drop_index("ix_item_reports_source_url", table_name="item_reports")
    op.drop_index("ix_timeline_items_superseded_by", table_name="timeline_items")
    op.drop_index("ix_timeline_items_story_id_value", table_name="timeline_items")
    op.drop_index("ix_timeline_items_story_id_series", table_name="timeline_items")
    op.drop_index("ix_timeline_items_story_id_kind_span", table_name="timeline_items")
    with op.batch_alter_table("timeline_items") as batch:
        batch.drop_column("series")
        batch.drop_column("span_end")
        batch.drop_column("span_start")
