"""Everything a request or a job needs, built once per process by create_app()."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from app.config import Settings
from app.files import FileLayout
from app.jobs.queue import SqliteJobQueue
from app.store.db import Database


@dataclass
class AppContext:
    settings: Settings
    db: Database
    files: FileLayout
    queue: SqliteJobQueue
    heavy: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(1))
    """Whisper/ffmpeg work at once across jobs and synchronous endpoints (2 cores)."""

    @classmethod
    def create(cls, settings: Settings) -> AppContext:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        db = Database(settings.db_path)
        return cls(settings=settings, db=db, files=FileLayout(settings.data_dir), queue=SqliteJobQueue(db),
                   heavy=threading.Semaphore(max(1, settings.job_concurrency)))
