"""Everything a request or a job needs, built once per process by create_app() (or the CLI)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from app.config import Settings
from app.files import FileLayout
from app.jobs.queue import DatabaseJobQueue
from app.limits import InFlight, StorageMeter
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
    storage: StorageMeter = field(default_factory=StorageMeter)
    """Each tenant's bytes on disk (settings.limits.storage_mb), walked at most every 30 s."""
    live: LiveSessions = field(default_factory=LiveSessions)
    """Streams being recorded right now (their recorder and transcription threads)."""
    adopted_legacy_db: bool = False
    """The database predates migrations (start-up backfills the catalog table from the knowledge base)."""

    @classmethod
    def create(cls, settings: Settings) -> AppContext:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        db = Database(settings.db_url)
        adopted = upgrade(db)
        return cls(settings=settings, db=db, files=FileLayout(settings.files_root), queue=create_queue(settings, db),
                   heavy=threading.Semaphore(max(1, settings.jobs.concurrency)), adopted_legacy_db=adopted)


def create_queue(settings: Settings, db: Database) -> DatabaseJobQueue:
    """The jobs table polled by the in-process worker (default), or Dramatiq on Redis (WUTONG_REDIS_URL)."""
    if not settings.redis_url:
        return DatabaseJobQueue(db, settings.limits)
    from app.jobs.dramatiq_queue import DramatiqJobQueue, create_broker

    return DramatiqJobQueue(db, settings.limits, create_broker(settings.redis_url, settings.queue), settings.queue)
