"""What a live session keeps beside its segments so a restarted service can pick it up again.

`live.json` holds who and what (tenant, source, kind, start time), where the source was (the HLS
sequence number, the next push chunk), whether the recorder had ended and whether the session was
finished; `transcript.json` the transcript so far; `comments.jsonl` the comments pushed so far.
Each file is written whole under a temporary name and renamed into place, so a crash leaves the
old version or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from pipelines.live.events import EndReason, LiveStatus
from pipelines.live.ledger import ClosedSegment, Ledger
from pipelines.transcript import Transcript

STATE, TRANSCRIPT, COMMENTS = "live.json", "transcript.json", "comments.jsonl"


@dataclass
class LiveState:
    id: str
    tenant_id: str
    title: str
    source: str  # the pulled URL, or "push"
    kind: str  # auto | hls | flv | rtmp | push
    started_at: float
    state: str = "starting"  # the recorder's state when last written
    recorded_s: float = 0.0
    segments: int = 0
    recorder_ended: bool = False  # the recorder ended (stop, end of stream, source lost): only finishing is left
    finished: bool = False  # joined into a recording, or given up with finish_error
    cursor: int | None = None  # HLS: last media sequence number written
    next_seq: int = 0  # push: the chunk expected next
    saved_at: float = 0.0  # unix time of this write: when a restart finds it, the session was last alive then
    recording_id: str | None = None
    finish_error: str | None = None

    @property
    def pulled(self) -> bool:
        return self.source != "push"


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def save_state(folder: Path, state: LiveState) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / STATE, json.dumps(asdict(state), ensure_ascii=False))


def load_state(folder: Path) -> LiveState | None:
    """The saved state, or None when there is none or it is not one this version wrote."""
    try:
        data: dict[str, Any] = json.loads((folder / STATE).read_text(encoding="utf-8"))
        known = {f.name for f in fields(LiveState)}
        return LiveState(**{k: v for k, v in data.items() if k in known})
    except (OSError, ValueError, TypeError):
        return None


def save_transcript(folder: Path, transcript: Transcript) -> None:
    write_atomic(folder / TRANSCRIPT, json.dumps(transcript.to_dict(), ensure_ascii=False))


def load_transcript(folder: Path) -> Transcript | None:
    try:
        return Transcript.from_dict(json.loads((folder / TRANSCRIPT).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def append_comments(folder: Path, comments: list[dict]) -> None:
    """Appended, one JSON line each (a crash mid-write loses at most the last line, skipped on load)."""
    with (folder / COMMENTS).open("a", encoding="utf-8") as fh:
        fh.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in comments)


def load_comments(folder: Path) -> list[dict]:
    path = folder / COMMENTS
    if not path.is_file():
        return []
    comments = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            comments.append(json.loads(line))
        except ValueError:
            continue
    return comments


class SavedRecording:
    """The segments a session left on disk, when there is nothing more to record (the recorder had ended,
    or the source is no longer allowed): only finishing is left. Same status()/segments as a recorder."""

    def __init__(self, folder: Path, reason: EndReason = "stopped", error: tuple[str, str] | None = None) -> None:
        self.ledger, self.reason, self.error = Ledger(folder), reason, error  # error: (code, message)

    @property
    def segments(self) -> list[ClosedSegment]:
        return list(self.ledger.segments)

    def status(self) -> LiveStatus:
        code, message = self.error or (None, None)
        return LiveStatus("ended", self.ledger.recorded_s, len(self.ledger.segments), tuple(self.ledger.gaps), 0,
                          code, message, self.reason)

    def stop(self, timeout: float = 0.0) -> LiveStatus:
        return self.status()
