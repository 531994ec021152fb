"""Every table, declared once (SQLAlchemy Core). Migrations under migrations/versions/ build this
schema step by step; a test checks that the two agree. Every row a tenant owns carries tenant_id."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _tenant_fk() -> Column:
    return Column("tenant_id", String, ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False)


tenants = Table(
    "tenants", metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False, unique=True),
    Column("bot_secret", String, nullable=False),
    Column("created_at", Float, nullable=False),
)

api_keys = Table(
    "api_keys", metadata,
    Column("key_hash", String, primary_key=True),
    _tenant_fk(),
    Column("created_at", Float, nullable=False),
)

console_sessions = Table(  # the console's sign-in: the cookie holds a random id, stored here as its hash
    "console_sessions", metadata,
    Column("token_hash", String, primary_key=True),
    _tenant_fk(),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
)

recordings = Table(
    "recordings", metadata,
    Column("id", String, primary_key=True),
    _tenant_fk(),
    Column("sha256", String, nullable=False),
    Column("filename", String, nullable=False),
    Column("size_bytes", BigInteger().with_variant(Integer, "sqlite"), nullable=False),  # over 2 GiB on PostgreSQL
    Column("format", String, nullable=False),
    Column("duration_s", Float, nullable=False),
    Column("has_video", Boolean, nullable=False),
    Column("width", Integer),
    Column("height", Integer),
    Column("created_at", Float, nullable=False),
    UniqueConstraint("tenant_id", "sha256"),
)

jobs = Table(
    "jobs", metadata,
    Column("id", String, primary_key=True),
    _tenant_fk(),
    Column("kind", String, nullable=False),
    Column("subject_id", String),
    Column("recording_id", String),  # the recording whose data the job reads or writes, if any
    Column("status", String, nullable=False),  # queued | running | succeeded | failed | cancelled
    Column("stage", String, nullable=False, server_default="queued"),
    Column("progress", Float, nullable=False, server_default="0"),
    Column("params", JSON, nullable=False),
    Column("result", JSON(none_as_null=True)),
    Column("error_code", String),
    Column("error_message", Text),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)
Index("jobs_status", jobs.c.status, jobs.c.created_at)
Index("jobs_recording", jobs.c.tenant_id, jobs.c.recording_id)

knowledge_gaps = Table(
    "knowledge_gaps", metadata,
    Column("id", String, primary_key=True),
    _tenant_fk(),
    Column("question", Text, nullable=False),
    Column("group_id", String),
    Column("asked", Integer, nullable=False, server_default="1"),
    Column("status", String, nullable=False, server_default="open"),  # open | answered
    Column("answer_doc_id", String),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    UniqueConstraint("tenant_id", "question"),
)

highlights = Table(
    "highlights", metadata,
    Column("id", String, primary_key=True),
    _tenant_fk(),
    Column("recording_id", String, ForeignKey("recordings.id", ondelete="CASCADE"), nullable=False),
    Column("rank", Integer, nullable=False),
    Column("data", JSON, nullable=False),
    Column("created_at", Float, nullable=False),
)
Index("highlights_recording", highlights.c.tenant_id, highlights.c.recording_id, highlights.c.rank)

clips = Table(
    "clips", metadata,
    Column("id", String, primary_key=True),
    _tenant_fk(),
    Column("highlight_id", String, nullable=False),
    Column("recording_id", String, ForeignKey("recordings.id", ondelete="CASCADE"), nullable=False),
    Column("data", JSON, nullable=False),
    Column("created_at", Float, nullable=False),
)
Index("clips_recording", clips.c.tenant_id, clips.c.recording_id)

drafts = Table(
    "drafts", metadata,
    Column("id", String, primary_key=True),
    _tenant_fk(),
    Column("kind", String, nullable=False),
    Column("title", Text, nullable=False),
    Column("request", JSON, nullable=False),
    Column("content", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("recording_id", String),  # the recording (or its highlight) the draft quoted, if any
    Column("highlight_id", String),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)

glossary = Table(
    "glossary", metadata,
    Column("tenant_id", String, ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True),
    Column("term", String, primary_key=True),
    Column("created_at", Float, nullable=False),
)

bot_messages = Table(
    "bot_messages", metadata,
    Column("tenant_id", String, primary_key=True),
    Column("msg_id", String, primary_key=True),
    Column("reply", JSON, nullable=False),
    Column("created_at", Float, nullable=False),
)

products = Table(
    "products", metadata,
    Column("tenant_id", String, ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True),
    Column("sku", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("fields", JSON, nullable=False),
    Column("source", String, nullable=False),  # the catalog document the product came from
    Column("updated_at", Float, nullable=False),
)

jielong_orders = Table(
    "jielong_orders", metadata,
    Column("id", String, primary_key=True),
    _tenant_fk(),
    Column("recording_id", String),  # the stream the 接龙 belongs to; pasting again there makes a new version
    Column("version", Integer, nullable=False),
    Column("current", Boolean, nullable=False),  # the latest version for its recording (history is kept)
    Column("text", Text, nullable=False),  # the paste with phone numbers masked
    Column("result", JSON, nullable=False),
    Column("created_at", Float, nullable=False),
)
Index("jielong_orders_recording", jielong_orders.c.tenant_id, jielong_orders.c.recording_id, jielong_orders.c.version)

TENANT_TABLES = (api_keys, console_sessions, recordings, jobs, knowledge_gaps, highlights, clips, drafts, glossary, bot_messages,
                 products, jielong_orders)
