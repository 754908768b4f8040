"""Editorial plan: plan versions and items, user decisions on matches, campaigns and events.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PLAN_TEXT_COLUMNS = ("account", "department", "topic", "campaign", "format", "owner", "status", "key_messages", "hashtags", "link", "text")


def upgrade() -> None:
    op.create_table(
        "plan_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("uploaded_at", sa.DateTime, nullable=False),
        sa.Column("date_from", sa.Date, nullable=False),
        sa.Column("date_to", sa.Date, nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="active"),
        sa.Column("undone_at", sa.DateTime),
    )
    op.create_table(
        "plan_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("plan_versions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sheet", sa.Text),
        sa.Column("source_row", sa.Integer, nullable=False),
        sa.Column("planned_at", sa.DateTime, nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        *(sa.Column(name, sa.Text) for name in PLAN_TEXT_COLUMNS),
    )
    op.create_index("ix_plan_items_version", "plan_items", ["version_id"])
    op.create_table(
        "plan_matches",
        sa.Column("item_id", sa.Integer, sa.ForeignKey("plan_items.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("platform", sa.String(20)),
        sa.Column("account", sa.Text),
        sa.Column("post_id", sa.Text),  # NULL: the user says no post fulfils the item
        sa.Column("decided_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("date_from", sa.Date, nullable=False),
        sa.Column("date_to", sa.Date, nullable=False),
        sa.Column("key_messages", sa.Text, nullable=False, server_default=""),
        sa.Column("hashtags", sa.Text, nullable=False, server_default=""),
        sa.Column("department", sa.Text),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("date_from", sa.Date, nullable=False),
        sa.Column("date_to", sa.Date, nullable=False),
        sa.Column("title", sa.String(60), nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("category", sa.Text, nullable=False, server_default=""),
        sa.Column("department", sa.Text),
        sa.Column("channels", sa.Text, nullable=False, server_default=""),  # comma-separated platforms; blank = all
        sa.Column("colour", sa.String(9), nullable=False, server_default="#888888"),
    )


def downgrade() -> None:
    for table in ("events", "campaigns", "plan_matches", "plan_items", "plan_versions"):
        op.drop_table(table)
