"""What a live recording reports: a status snapshot and events delivered to a listener."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pipelines.live.ledger import Gap

log = logging.getLogger(__name__)

State = Literal["starting", "recording", "reconnecting", "ended"]
# Why a recording ended: asked to stop, the source finished (HLS #EXT-X-ENDLIST, end of FLV/RTMP
# stream), the source stayed away longer than `reconnect_for_s`, the disk guard, or an error
# that retrying cannot fix (host not allowed, unsupported stream); `last_error` says which.
EndReason = Literal["stopped", "source_ended", "source_lost", "disk_low", "error"]


@dataclass(frozen=True)
class LiveStatus:
    state: State
    recorded_s: float  # seconds of stream in closed segments
    segments: int
    gaps: tuple[Gap, ...]
    bytes_in: int  # bytes received from the source (or pushed)
    last_error: str | None = None  # the last error code, e.g. live_connection_lost, disk_space_low
    message: str | None = None  # its message, in Chinese, for the leader
    ended_reason: EndReason | None = None


class LiveListener:
    """Override what you need. Called from the recorder's threads: return quickly (queue heavy work)."""

    def segment_closed(self, path: Path, index: int, start_s: float, end_s: float) -> None:
        pass

    def gap(self, gap: Gap) -> None:
        pass

    def ended(self, reason: EndReason) -> None:
        pass


class Fanout(LiveListener):
    """Deliver each event to several listeners; one that raises is logged and does not stop the others."""

    def __init__(self, *listeners: LiveListener | None) -> None:
        self.listeners = [x for x in listeners if x is not None]

    def _each(self, method: str, *args: object) -> None:
        for listener in self.listeners:
            try:
                getattr(listener, method)(*args)
            except Exception:  # a listener's bug must not stop the recording
                log.exception("live listener %s.%s failed", type(listener).__name__, method)

    def segment_closed(self, path: Path, index: int, start_s: float, end_s: float) -> None:
        self._each("segment_closed", path, index, start_s, end_s)

    def gap(self, gap: Gap) -> None:
        self._each("gap", gap)

    def ended(self, reason: EndReason) -> None:
        self._each("ended", reason)
