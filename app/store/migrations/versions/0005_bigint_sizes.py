"""Recording sizes as 64-bit integers on PostgreSQL (its INTEGER stops at 2 GiB, the upload limit).

SQLite's INTEGER is already 64-bit, and rebuilding its table would cascade-delete highlights and
clips (foreign keys are on), so this revision changes nothing there.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("recordings", "size_bytes", type_=sa.BigInteger, existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("recordings", "size_bytes", type_=sa.Integer, existing_nullable=False)
