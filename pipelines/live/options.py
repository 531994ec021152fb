"""Options for live ingest (nested in Settings as `live`, env WUTONG_LIVE_*)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SourceKind = Literal["auto", "hls", "flv", "rtmp"]


class LiveOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    allowed_hosts: tuple[str, ...] = ()
    """Host names a live source may be fetched from: `live.example.com`, `*.example.com` (subdomains),
    an IP literal; matched against every URL fetched, redirects and playlist entries included. Empty: none."""
    segment_s: float = Field(20.0, ge=2, le=300)
    """Length of the closed segments written to disk (cut at the next keyframe when the source has video)."""
    min_free_mb: float = Field(500.0, ge=0)
    """Recording stops (status `disk_low`) when the disk holding the segments has less free space than this."""
    reconnect_initial_s: float = Field(1.0, gt=0)
    """First wait before reconnecting to a dropped source; doubled on each failure."""
    reconnect_max_s: float = Field(10.0, gt=0)
    """Longest wait between two reconnection attempts."""
    reconnect_for_s: float = Field(120.0, ge=0)
    """Give up (status `source_lost`, or `source_ended` after a clean end of stream) when the source stays away this long."""
    end_grace_s: float = Field(15.0, ge=0)
    """After the source closes an FLV/RTMP stream cleanly, wait this long for it to come back before ending."""
    connect_timeout_s: float = Field(10.0, gt=0)
    read_timeout_s: float = Field(15.0, gt=0)
    """No byte from the source for this long counts as a dropped connection."""
    poll_s: float = Field(1.0, gt=0)
    """How often a live HLS playlist is reloaded (at most; never more often than this)."""
    max_redirects: int = Field(5, ge=0)
    """HTTP redirects followed per request (each target must pass `allowed_hosts`)."""
    index_every_s: float = Field(15.0, ge=0)
    """While live, the transcript so far is indexed into the knowledge base at most this often."""
    max_segment_mb: float = Field(64.0, gt=0)
    """An HLS media segment larger than this is refused (a misbehaving or hostile server)."""
    score_every_s: float = Field(30.0, ge=0)
    """While live, highlight candidates over the transcript so far are rescored at most this often."""
    score_top: int = Field(5, ge=1, le=20)
    """How many live highlight candidates are kept (the kit still picks over the whole stream at the end)."""
    push_idle_s: float = Field(600.0, ge=0)
    """A pushed session resumed after a restart is finished when no chunk arrives for this long."""
