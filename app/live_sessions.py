"""The live sessions of this process (app/services/live.py), by id; the tenant is checked on every lookup."""

from __future__ import annotations

import threading
from typing import Any


class LiveSessions:
    def __init__(self) -> None:
        self._sessions: dict[str, Any] = {}
        self._lock = threading.Lock()

    def add(self, session: Any) -> None:
        with self._lock:
            self._sessions[session.id] = session

    def get(self, tenant_id: str, live_id: str) -> Any | None:
        with self._lock:
            found = self._sessions.get(live_id)
        return found if found and found.tenant_id == tenant_id else None

    def of_tenant(self, tenant_id: str) -> list[Any]:
        with self._lock:
            return sorted((s for s in self._sessions.values() if s.tenant_id == tenant_id),
                          key=lambda s: s.started_at, reverse=True)

    def all(self) -> list[Any]:
        with self._lock:
            return list(self._sessions.values())
