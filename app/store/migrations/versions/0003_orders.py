"""接龙 orders: each paste is kept, one current version per recording.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "jielong_orders",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("tenant_id", sa.String, sa.ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False),
        sa.Column("recording_id", sa.String),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("jielong_orders_recording", "jielong_orders", ["tenant_id", "recording_id", "version"])


def downgrade() -> None:
    op.drop_index("jielong_orders_recording", "jielong_orders")
    op.drop_table("jielong_orders")
