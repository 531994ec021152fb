"""The live sessions of this process (app/services/live.py), by id; the tenant is checked on every lookup.

A session's state is also kept on disk beside its segments (pipelines/live/state.py), so a service
that restarts during a stream finds it again (`saved_states`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.live import LiveStatus, LiveTranscription
from pipelines.live.scoring import LiveScorer
from pipelines.live.state import LiveState, load_state, save_state


@dataclass
class LiveSession:
    id: str
    tenant_id: str
    title: str
    source: str  # the URL, or "push"
    kind: str  # auto | hls | flv | rtmp | push
    folder: Path
    started_at: float
    asr: LiveTranscription
    scorer: LiveScorer | None = None
    recorder: Any = None  # LiveRecorder | ChunkAssembler | SavedRecording: status() and segments
    comments: list[dict] = field(default_factory=list)
    recording_id: str | None = None  # set once the stream is joined into a recording
    finish_error: str | None = None
    finished: threading.Event = field(default_factory=threading.Event)
    indexed_s: float = 0.0  # wall time of the last knowledge-base update
    suspended: bool = False  # the service is shutting down: the session is left to resume, not finished
    recorder_ended: bool = False
    resumed: bool = False  # picked up again after a restart
    last_chunk: float = field(default_factory=time.time)  # push: wall time of the last chunk (idle finish)

    def status(self) -> LiveStatus:
        return self.recorder.status()

    def saved(self) -> LiveState:
        """What goes to live.json now."""
        status = self.status()
        return LiveState(self.id, self.tenant_id, self.title, self.source, self.kind, self.started_at,
                         status.state, status.recorded_s, status.segments, self.recorder_ended,
                         self.finished.is_set(), getattr(self.recorder, "cursor", None),
                         getattr(self.recorder, "next_seq", 0), time.time(), self.recording_id, self.finish_error)

    def save(self) -> None:
        if self.recorder is not None:
            save_state(self.folder, self.saved())


class LiveSessions:
    def __init__(self) -> None:
        self._sessions: dict[str, LiveSession] = {}
        self._lock = threading.Lock()

    def add(self, session: LiveSession) -> None:
        with self._lock:
            self._sessions[session.id] = session

    def get(self, tenant_id: str, live_id: str) -> LiveSession | None:
        with self._lock:
            found = self._sessions.get(live_id)
        return found if found and found.tenant_id == tenant_id else None

    def of_tenant(self, tenant_id: str) -> list[LiveSession]:
        with self._lock:
            return sorted((s for s in self._sessions.values() if s.tenant_id == tenant_id),
                          key=lambda s: s.started_at, reverse=True)

    def all(self) -> list[LiveSession]:
        with self._lock:
            return list(self._sessions.values())


def saved_states(data_root: Path) -> Iterator[tuple[Path, LiveState]]:
    """Every session folder under <data_dir>/tenants/*/live/ that was not finished, oldest first."""
    found = []
    for path in (data_root / "tenants").glob("*/live/*/live.json"):
        state = load_state(path.parent)
        if state is not None and not state.finished:
            found.append((path.parent, state))
    yield from sorted(found, key=lambda item: item[1].started_at)
