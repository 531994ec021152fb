"""Finished windows kept on disk, so a transcription that is stopped (a worker killed mid-job, its job
redelivered) resumes from its last finished window instead of starting over.

Window cut points are deterministic for a file and options, so window `i` of a re-run is window `i`
of the first run; each saved window also records its offset and the run's key, and anything that does
not match is decoded again.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import asdict
from pathlib import Path

from pipelines.transcript import Word


class WindowCheckpoint:
    def __init__(self, folder: Path, key: str) -> None:
        self.folder, self.key = Path(folder), key

    def _path(self, index: int) -> Path:
        return self.folder / f"window-{index:05d}.json"

    def load(self, index: int, offset_s: float) -> tuple[list[Word], str | None] | None:
        """The words (and language) saved for window `index`, or None when it must be decoded."""
        try:
            saved = json.loads(self._path(index).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if saved.get("key") != self.key or abs(float(saved.get("offset_s", -1)) - offset_s) > 1e-3:
            return None
        return [Word(**w) for w in saved["words"]], saved.get("language")

    def save(self, index: int, offset_s: float, words: list[Word], language: str | None) -> None:
        """Write under a unique temp name and rename: a killed writer never leaves half a window."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(index)
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        body = {"key": self.key, "offset_s": offset_s, "language": language, "words": [asdict(w) for w in words]}
        try:
            tmp.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
