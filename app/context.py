"""Everything a request or a job needs, built once per process by create_app() (or the CLI)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from app.config import Settings
from app.files import FileLayout
from app.jobs.queue import DatabaseJobQueue
from app.limits import InFlight
from app.live_sessions import LiveSessions
from app.locks import KeyedLocks
from app.ratelimit import RateLimiter
from app.store.db import Database
from app.store.migrate import upgrade


@dataclass
class AppContext:
    settings: Settings
    db: Database
    files: FileLayout
    queue: DatabaseJobQueue
    heavy: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(1))
    """Whisper/ffmpeg work at once across jobs and synchronous endpoints (2 cores)."""
    locks: KeyedLocks = field(default_factory=KeyedLocks)
    """Per-recording (and per-tenant) locks: artefact writes and deletions never interleave."""
    bot_limiter: RateLimiter = field(default_factory=RateLimiter)
    """Sliding windows per tenant: the bot's answers per group, /v1/ask questions per minute."""
    asking: InFlight = field(default_factory=InFlight)
    """Questions each tenant has being answered right now (settings.limits.ask_concurrent)."""
    live: LiveSessions = field(default_factory=LiveSessions)
    """Streams being recorded right now (their recorder and transcription threads)."""
    adopted_legacy_db: bool = False
    """The database predates migrations (start-up backfills the catalog table from the knowledge base)."""

    @classmethod
    def create(cls, settings: Settings) -> AppContext:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        db = Database(settings.db_url)
        adopted = upgrade(db)
        return cls(settings=settings, db=db, files=FileLayout(settings.data_dir), queue=DatabaseJobQueue(db, settings.limits),
                   heavy=threading.Semaphore(max(1, settings.jobs.concurrency)), adopted_legacy_db=adopted)
