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
    nice: int = 10
    """CPU niceness of a job's thread (and the model threads it starts): requests stay quick beside heavy jobs."""
    transcribe_in_child: bool = True
    """Run transcription (whisper + correction pass) in a child process, so it never holds the service's
    interpreter (GIL) while residents' questions wait; a cancelled or timed-out job's child is killed."""
    events_poll_s: float = 0.5
    """How often the server-sent events stream reads a job's state."""
    events_keepalive_s: float = 15.0
    """A comment line is sent on an idle event stream this often, so proxies keep it open."""


class LimitOptions(_Section):
    """Per-tenant limits, so one busy group cannot starve the others (env: WUTONG_LIMITS__*)."""

    queued_jobs: int = 20
    """Jobs a tenant may have waiting at once; one more gets 429 with Retry-After."""
    heavy_jobs: int = 1
    """Jobs of one tenant the worker runs at once; the others wait while other tenants take turns."""
    ask_per_minute: int = 30
    """Questions to /v1/ask per tenant per minute; more get 429 with Retry-After."""
    uploads_per_minute: int = 60
    """Recordings and files to transcribe a tenant may upload per minute; more get 429 before their body is read."""
    ask_concurrent: int = 1
    """Questions of one tenant answered at once; another one meanwhile gets 429 (the language model is shared)."""
    storage_mb: int = 20 * 1024
    """Disk a tenant's media, transcripts and clips may take (MB); an upload beyond it gets 413."""
    request_body_mb: int = 4
    """Largest JSON (or other non-upload) request body (MB); uploads have their own limits under uploads."""
    job_timeout_s: dict[str, float] = {"transcribe": 4 * 3600, "highlights": 900, "clip": 900, "kit": 1800,
                                      "seed_knowledge": 1800, "catalog_backfill": 1800}
    """Longest each job kind may run (seconds) before it ends `failed` (JSON object in the env var)."""
    default_job_timeout_s: float = 1800
    """Time limit of a job kind not listed in job_timeout_s."""

    def job_timeout(self, kind: str) -> float:
        return self.job_timeout_s.get(kind, self.default_job_timeout_s)


class ConsoleOptions(_Section):
    """The web console's sign-in (env: WUTONG_CONSOLE__*)."""

    session_days: float = 7.0
    """A console session ends this long after sign-in (signing out or rotating the key ends it at once)."""
    secure_cookie: bool | None = None
    """Mark the session cookie Secure; unset: when the request came over https (set true behind a TLS proxy)."""


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

    def largest(self) -> int:
        return max(self.recordings_mb, self.documents_mb, self.comments_mb, self.catalog_mb) * MB


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
