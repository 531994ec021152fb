"""A recording owns its data: jobs and drafts name their recording; the catalog becomes a table.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("recording_id", sa.String))
    _backfill_job_recordings()
    op.create_index("jobs_recording", "jobs", ["tenant_id", "recording_id"])
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("recording_id", sa.String))
        batch.add_column(sa.Column("highlight_id", sa.String))
    op.create_index("clips_recording", "clips", ["tenant_id", "recording_id"])
    op.create_table("products",
                    sa.Column("tenant_id", sa.String, sa.ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True),
                    sa.Column("sku", sa.String, primary_key=True), sa.Column("name", sa.Text, nullable=False),
                    sa.Column("fields", sa.JSON, nullable=False), sa.Column("source", sa.String, nullable=False),
                    sa.Column("updated_at", sa.Float, nullable=False))


def _backfill_job_recordings() -> None:
    """Transcription and highlight jobs name the recording; a clip job names a highlight of it."""
    jobs = sa.table("jobs", sa.column("kind"), sa.column("subject_id"), sa.column("recording_id"))
    highlights = sa.table("highlights", sa.column("id"), sa.column("recording_id"))
    op.execute(jobs.update().where(jobs.c.kind.in_(["transcribe", "highlights"]))
               .values(recording_id=jobs.c.subject_id))
    recording_of = sa.select(highlights.c.recording_id).where(highlights.c.id == jobs.c.subject_id).scalar_subquery()
    op.execute(jobs.update().where(jobs.c.kind == "clip").values(recording_id=recording_of))


def downgrade() -> None:
    op.drop_table("products")
    op.drop_index("clips_recording", "clips")
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("highlight_id")
        batch.drop_column("recording_id")
    op.drop_index("jobs_recording", "jobs")
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("recording_id")
