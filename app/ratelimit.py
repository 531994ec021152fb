"""A sliding-window rate limiter, in memory (one process)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Hashable


class RateLimiter:
    """At most `limit` events per key within `window_s` seconds; keys are tuples starting with the tenant."""

    def __init__(self) -> None:
        self._seen: dict[tuple, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, key: tuple[Hashable, ...], limit: int, window_s: float = 60.0) -> bool:
        now = time.monotonic()
        with self._lock:
            times = self._seen[key]
            while times and now - times[0] > window_s:
                times.popleft()
            if len(times) >= limit:
                return False
            times.append(now)
            return True

    def wait_s(self, key: tuple[Hashable, ...], window_s: float = 60.0) -> float:
        """Seconds until the oldest event of `key` leaves its window (what Retry-After should say)."""
        with self._lock:
            times = self._seen.get(key)
            return max(0.0, window_s - (time.monotonic() - times[0])) if times else 0.0

    def forget_tenant(self, tenant_id: str) -> None:
        with self._lock:
            for key in [k for k in self._seen if k[0] == tenant_id]:
                del self._seen[key]
