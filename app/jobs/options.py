"""Settings of the scale-out queue: Dramatiq on Redis (env WUTONG_QUEUE__*; used when WUTONG_REDIS_URL is set)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class QueueOptions(BaseModel):
    """Jobs as Dramatiq messages on Redis, run by `wutong worker` processes (env: WUTONG_QUEUE__*)."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    name: str = "wutong"
    """The Dramatiq queue the API sends job messages to and workers consume."""
    heartbeat_timeout_s: float = Field(60.0, gt=0)
    """A worker silent this long counts as dead: Redis hands its unacknowledged messages to another worker."""
    maintenance_chance: int = Field(10_000, ge=1, le=1_000_000)
    """Broker calls per million that look for dead workers' messages (Dramatiq's default, 1000, takes ~10 min)."""
    lease_s: float = Field(120.0, gt=0)
    """A running job whose worker has not renewed it for this long may be taken over by a redelivered message."""
    busy_retry_s: float = Field(5.0, gt=0)
    """A message whose tenant is at its `limits.heavy_jobs`, or whose job another live worker holds, waits this long."""
    max_retries: int = Field(8, ge=0)
    """Retries (with exponential backoff) of a message that failed for a transient reason (database unreachable)."""
    min_backoff_s: float = Field(5.0, gt=0)
    """First retry delay of a transiently failed message; it doubles on each retry."""
    max_backoff_s: float = Field(600.0, gt=0)
    """Longest retry delay."""
    reconcile_s: float = Field(60.0, gt=0)
    """How often a worker re-sends the message of a job that has none in Redis (Redis lost it, or a send failed)."""
    stop_grace_s: float = Field(30.0, ge=0)
    """On SIGTERM a worker finishes its jobs for up to this long; a job still running then is redelivered."""
