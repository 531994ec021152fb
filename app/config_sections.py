"""The settings sections that belong to the app itself (the pipelines' options live beside them)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

MB = 1024 * 1024


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)


class JobOptions(_Section):
    """The in-process job worker (env: WUTONG_JOBS__*)."""

    concurrency: int = 1
    """Heavy jobs run at once by the in-process worker (2 cores: one)."""
    max_attempts: int = 3
    """A job interrupted this many times (the process died under it) fails instead of running again."""
    lifetime_s: float = 6 * 3600
    """The longest a job may take; at start-up, temp files and half-rendered clips older than this are swept."""
    poll_s: float = 1.0
    """How often an idle worker looks for queued jobs enqueued by another process."""
    progress_interval_s: float = 0.5
    """Progress is written at most this often per job (a chatty pipeline cannot flood the database)."""
    events_poll_s: float = 0.5
    """How often the server-sent events stream reads a job's state."""
    events_keepalive_s: float = 15.0
    """A comment line is sent on an idle event stream this often, so proxies keep it open."""


class UploadOptions(_Section):
    """Upload size limits per kind (env: WUTONG_UPLOADS__*), in MB."""

    recordings_mb: int = 2048
    """Recordings and files sent to /v1/audio/transcriptions."""
    documents_mb: int = 20
    """Knowledge documents (Markdown, text)."""
    comments_mb: int = 20
    """A stream's live comments (danmaku XML, CSV, JSONL)."""
    catalog_mb: int = 20
    """Product catalogs (CSV, JSON)."""

    def limit(self, kind: str) -> int:
        return getattr(self, f"{kind}_mb") * MB


class KnowledgeOptions(_Section):
    """The per-tenant knowledge base (env: WUTONG_KB__*)."""

    chunk_chars: int = 400
    """Longest chunk a document is split into, heading breadcrumb included."""
    search_candidates: int = 30
    """Candidates taken from each of the vector and BM25 rankings before they are fused."""
    embedder_threads: int = 2
    """CPU threads of the embedded embedding model."""


class BotOptions(_Section):
    """The group-bot webhook (env: WUTONG_BOT__*)."""

    mentions: list[str] = ["@梧桐", "@团长助手", "梧桐梧桐"]
    """A message is for the bot when it contains one of these (JSON list in the env var)."""
    rate_per_minute: int = 10
    """Answers per group per minute; more get 429."""
    max_skew_s: int = 300
    """Reject messages whose `ts` is further than this from now (replays)."""
