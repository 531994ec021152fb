"""Per-tenant limits (settings.limits): one group's load must never stall the others.

Over a limit a leader gets a plain Chinese message: 429 with Retry-After for queued jobs and
questions (waiting helps), 413 for storage (only deleting old recordings helps).
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.config_sections import MB, LimitOptions
from app.errors import RateLimited
from app.ratelimit import RateLimiter
from app.store import jobs as job_store
from app.store.db import Database
from pipelines.errors import TooLarge

QUEUE_RETRY_AFTER_S = 60


def check_queue(db: Database, tenant_id: str, limits: LimitOptions) -> None:
    """Refuse one more job when the tenant already has `limits.queued_jobs` waiting."""
    if job_store.count_queued(db, tenant_id) >= limits.queued_jobs:
        raise RateLimited(f"排队中的任务已达上限（{limits.queued_jobs} 个），请等前面的任务完成后再提交",
                          retry_after_s=QUEUE_RETRY_AFTER_S, code="too_many_jobs")


def check_ask_rate(limiter: RateLimiter, tenant_id: str, limits: LimitOptions) -> None:
    if not limiter.allow(key := (tenant_id, "/v1/ask"), limits.ask_per_minute, 60.0):
        raise RateLimited(f"提问太频繁了（每分钟最多 {limits.ask_per_minute} 个），请稍等一分钟再问",
                          retry_after_s=_retry_after(limiter, key), code="too_many_questions")


def check_upload_rate(limiter: RateLimiter, tenant_id: str, limits: LimitOptions) -> None:
    """Checked before an upload's body is read: a flood of uploads is refused for the price of its headers."""
    if not limiter.allow(key := (tenant_id, "uploads"), limits.uploads_per_minute, 60.0):
        raise RateLimited(f"上传太频繁了（每分钟最多 {limits.uploads_per_minute} 个文件），请稍等一会儿再传",
                          retry_after_s=_retry_after(limiter, key), code="too_many_uploads")


def _retry_after(limiter: RateLimiter, key: tuple[str, str]) -> int:
    return max(1, math.ceil(limiter.wait_s(key, 60.0)))


class InFlight:
    """Per-tenant counters of requests being served (questions), refused beyond a limit instead of queued."""

    def __init__(self) -> None:
        self._busy: dict[str, int] = {}
        self._lock = threading.Lock()

    def busy(self) -> int:
        """Requests being served right now, all tenants together."""
        with self._lock:
            return sum(self._busy.values())

    @contextmanager
    def hold(self, tenant_id: str, limit: int) -> Iterator[None]:
        with self._lock:
            if self._busy.get(tenant_id, 0) >= limit:
                raise RateLimited("上一个问题还在回答中，请稍等几秒再问", retry_after_s=5, code="question_in_progress")
            self._busy[tenant_id] = self._busy.get(tenant_id, 0) + 1
        try:
            yield
        finally:
            with self._lock:
                self._busy[tenant_id] -= 1


def used_bytes(tenant_dir: Path) -> int:
    """Bytes under the tenant's folder (media, transcripts, comments, clips)."""
    total = 0
    for root, _, names in os.walk(tenant_dir):
        for name in names:
            try:
                total += os.stat(os.path.join(root, name)).st_size
            except OSError:  # deleted while we walked
                continue
    return total


class StorageMeter:
    """A tenant's bytes on disk, without walking its folder on every upload (a flood of uploads made each
    walk longer: thousands of files). A walk is reused for `fresh_s` seconds plus what was accepted since;
    an upload is refused only on a fresh walk, so deleting recordings frees space at once."""

    def __init__(self, fresh_s: float = 30.0) -> None:
        self.fresh_s = fresh_s
        self._walked: dict[Path, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def check(self, tenant_dir: Path, adding: int, limits: LimitOptions) -> None:
        """Refuse a write of `adding` bytes that would take the tenant past its storage limit."""
        limit, adding = limits.storage_mb * MB, max(0, adding)
        used = self._recent(tenant_dir)
        if used is None or used + adding > limit:
            used = self._walk(tenant_dir)
        if used + adding > limit:
            size = f"{limits.storage_mb / 1024:g} GB" if limits.storage_mb >= 1024 else f"{limits.storage_mb} MB"
            raise TooLarge(f"存储空间已满（上限 {size}）：请先删除不需要的录像再上传", code="storage_full")

    def added(self, tenant_dir: Path, size: int) -> None:
        """Count a file just kept until the next walk sees it."""
        with self._lock:
            if (seen := self._walked.get(tenant_dir)) is not None:
                self._walked[tenant_dir] = (seen[0], seen[1] + size)

    def _recent(self, tenant_dir: Path) -> int | None:
        with self._lock:
            seen = self._walked.get(tenant_dir)
        return seen[1] if seen and time.monotonic() - seen[0] < self.fresh_s else None

    def _walk(self, tenant_dir: Path) -> int:
        started, used = time.monotonic(), used_bytes(tenant_dir)
        with self._lock:
            self._walked[tenant_dir] = (started, used)
        return used
