"""Initial schema: imports and the post, daily and audience fact tables.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

METRICS = (
    "impressions",
    "reach",
    "views",
    "engagements",
    "reactions",
    "comments",
    "shares",
    "saves",
    "clicks",
    "profile_visits",
    "page_views",
    "unique_visitors",
    "followers",
    "followers_gained",
    "followers_lost",
    "followers_net",
    "watch_time_hours",
)


def _provenance() -> list[sa.Column]:
    return [
        sa.Column("import_id", sa.Integer, sa.ForeignKey("imports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("source_row", sa.Integer, nullable=False),
    ]


def _metrics() -> list[sa.Column]:
    return [sa.Column(name, sa.Float) for name in METRICS]


def upgrade() -> None:
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        sa.Column("platform", sa.String(20)),
        sa.Column("report", sa.String(200)),
        sa.Column("account", sa.Text),
        sa.Column("status", sa.String(10), nullable=False, server_default="active"),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("undone_at", sa.DateTime),
        sa.Column("rows_post", sa.Integer, nullable=False, server_default="0"),
        sa.Column("rows_daily", sa.Integer, nullable=False, server_default="0"),
        sa.Column("rows_audience", sa.Integer, nullable=False, server_default="0"),
        sa.Column("date_from", sa.Date),
        sa.Column("date_to", sa.Date),
        sa.Column("issues_json", sa.Text, nullable=False, server_default="[]"),
    )
    op.create_index(
        "ux_imports_active_sha256",
        "imports",
        ["sha256"],
        unique=True,
        sqlite_where=sa.text("status = 'active'"),
        postgresql_where=sa.text("status = 'active'"),
    )
    op.create_table(
        "posts",
        sa.Column("platform", sa.String(20), primary_key=True),
        sa.Column("account", sa.Text, primary_key=True),
        sa.Column("post_id", sa.Text, primary_key=True),
        *_provenance(),
        sa.Column("published_at", sa.DateTime),
        sa.Column("text", sa.Text),
        sa.Column("permalink", sa.Text),
        sa.Column("post_type", sa.Text),
        *_metrics(),
    )
    op.create_index("ix_posts_import", "posts", ["import_id"])
    op.create_table(
        "daily",
        sa.Column("platform", sa.String(20), primary_key=True),
        sa.Column("account", sa.Text, primary_key=True),
        sa.Column("date", sa.Date, primary_key=True),
        *_provenance(),
        *_metrics(),
    )
    op.create_index("ix_daily_import", "daily", ["import_id"])
    op.create_table(
        "audience",
        sa.Column("platform", sa.String(20), primary_key=True),
        sa.Column("account", sa.Text, primary_key=True),
        sa.Column("date", sa.Date, primary_key=True),
        sa.Column("dimension", sa.String(40), primary_key=True),
        sa.Column("bucket", sa.Text, primary_key=True),
        sa.Column("metric", sa.String(40), primary_key=True),
        *_provenance(),
        sa.Column("unit", sa.String(10), nullable=False),
        sa.Column("value", sa.Float),
    )
    op.create_index("ix_audience_import", "audience", ["import_id"])


def downgrade() -> None:
    for table in ("audience", "daily", "posts"):
        op.drop_table(table)
    op.drop_index("ux_imports_active_sha256", table_name="imports")
    op.drop_table("imports")
