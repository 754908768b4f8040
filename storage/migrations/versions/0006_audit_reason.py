"""The audit log states why an attempt was denied or refused in columns of its own (issue 10).

A denial's reason was appended to the details as a message key with Python's dict repr; now the key and its
parameters (JSON) stand apart, so the Data page shows the reason in the reader's language and the CSV keeps them
machine-readable. Adding nullable columns changes no existing row (the append-only triggers stay as they are).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("reason", sa.String(80)))
    op.add_column("audit_log", sa.Column("reason_params", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("reason_params")
        batch.drop_column("reason")
