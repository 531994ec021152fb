"""The schema as it was before migrations (databases from that time are stamped with this revision).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _tenant_id() -> sa.Column:
    return sa.Column("tenant_id", sa.String, sa.ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table("tenants", sa.Column("id", sa.String, primary_key=True),
                    sa.Column("name", sa.String, nullable=False, unique=True),
                    sa.Column("bot_secret", sa.String, nullable=False), sa.Column("created_at", sa.Float, nullable=False))
    op.create_table("api_keys", sa.Column("key_hash", sa.String, primary_key=True), _tenant_id(),
                    sa.Column("created_at", sa.Float, nullable=False))
    op.create_table("recordings", sa.Column("id", sa.String, primary_key=True), _tenant_id(),
                    sa.Column("sha256", sa.String, nullable=False), sa.Column("filename", sa.String, nullable=False),
                    sa.Column("size_bytes", sa.Integer, nullable=False), sa.Column("format", sa.String, nullable=False),
                    sa.Column("duration_s", sa.Float, nullable=False), sa.Column("has_video", sa.Boolean, nullable=False),
                    sa.Column("width", sa.Integer), sa.Column("height", sa.Integer),
                    sa.Column("created_at", sa.Float, nullable=False), sa.UniqueConstraint("tenant_id", "sha256"))
    op.create_table("jobs", sa.Column("id", sa.String, primary_key=True), _tenant_id(),
                    sa.Column("kind", sa.String, nullable=False), sa.Column("subject_id", sa.String),
                    sa.Column("status", sa.String, nullable=False),
                    sa.Column("stage", sa.String, nullable=False, server_default="queued"),
                    sa.Column("progress", sa.Float, nullable=False, server_default="0"),
                    sa.Column("params", sa.JSON, nullable=False), sa.Column("result", sa.JSON),
                    sa.Column("error_code", sa.String), sa.Column("error_message", sa.Text),
                    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
                    sa.Column("created_at", sa.Float, nullable=False), sa.Column("updated_at", sa.Float, nullable=False))
    op.create_index("jobs_status", "jobs", ["status", "created_at"])
    op.create_table("knowledge_gaps", sa.Column("id", sa.String, primary_key=True), _tenant_id(),
                    sa.Column("question", sa.Text, nullable=False), sa.Column("group_id", sa.String),
                    sa.Column("asked", sa.Integer, nullable=False, server_default="1"),
                    sa.Column("status", sa.String, nullable=False, server_default="open"),
                    sa.Column("answer_doc_id", sa.String), sa.Column("created_at", sa.Float, nullable=False),
                    sa.Column("updated_at", sa.Float, nullable=False), sa.UniqueConstraint("tenant_id", "question"))
    _media_tables()
    _tenant_tables()


def _media_tables() -> None:
    recording = sa.ForeignKey("recordings.id", ondelete="CASCADE")
    op.create_table("highlights", sa.Column("id", sa.String, primary_key=True), _tenant_id(),
                    sa.Column("recording_id", sa.String, recording, nullable=False),
                    sa.Column("rank", sa.Integer, nullable=False), sa.Column("data", sa.JSON, nullable=False),
                    sa.Column("created_at", sa.Float, nullable=False))
    op.create_index("highlights_recording", "highlights", ["tenant_id", "recording_id", "rank"])
    op.create_table("clips", sa.Column("id", sa.String, primary_key=True), _tenant_id(),
                    sa.Column("highlight_id", sa.String, nullable=False),
                    sa.Column("recording_id", sa.String, sa.ForeignKey("recordings.id", ondelete="CASCADE"),
                              nullable=False),
                    sa.Column("data", sa.JSON, nullable=False), sa.Column("created_at", sa.Float, nullable=False))


def _tenant_tables() -> None:
    op.create_table("drafts", sa.Column("id", sa.String, primary_key=True), _tenant_id(),
                    sa.Column("kind", sa.String, nullable=False), sa.Column("title", sa.Text, nullable=False),
                    sa.Column("request", sa.JSON, nullable=False), sa.Column("content", sa.JSON, nullable=False),
                    sa.Column("text", sa.Text, nullable=False), sa.Column("created_at", sa.Float, nullable=False),
                    sa.Column("updated_at", sa.Float, nullable=False))
    op.create_table("glossary",
                    sa.Column("tenant_id", sa.String, sa.ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True),
                    sa.Column("term", sa.String, primary_key=True), sa.Column("created_at", sa.Float, nullable=False))
    op.create_table("bot_messages", sa.Column("tenant_id", sa.String, primary_key=True),
                    sa.Column("msg_id", sa.String, primary_key=True), sa.Column("reply", sa.JSON, nullable=False),
                    sa.Column("created_at", sa.Float, nullable=False))


def downgrade() -> None:
    for table in ("bot_messages", "glossary", "drafts", "clips", "highlights", "knowledge_gaps", "jobs", "recordings",
                  "api_keys", "tenants"):
        op.drop_table(table)
