"""LiveTranscription: a recorder listener that transcribes each closed segment as it arrives.

Segments are queued and transcribed in one worker thread (whisper uses the cores; a second
worker would only slow both), so the recorder's callbacks return at once. `on_update` gets
the sentences each window made final and a snapshot of the whole transcript so far.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pipelines.asr.incremental import IncrementalTranscriber
from pipelines.errors import WutongError
from pipelines.live.events import EndReason, LiveListener
from pipelines.transcript import Segment, Transcript

log = logging.getLogger(__name__)

UpdateFn = Callable[[list[Segment], Transcript], None]


@dataclass(frozen=True)
class Progress:
    wall_time: float  # unix time when this segment's audio had been handled
    segment_end_s: float  # stream time the recording had reached (the segment's end)
    covered_s: float  # stream time up to which the transcript is final


class LiveTranscription(LiveListener):
    def __init__(self, transcriber: IncrementalTranscriber, on_update: UpdateFn | None = None) -> None:
        self.transcriber, self.on_update = transcriber, on_update
        self.progress: list[Progress] = []
        self.errors: list[str] = []
        self._queue: queue.Queue[tuple[Path, float, float] | None] = queue.Queue()
        self._closed = False
        self._thread = threading.Thread(target=self._work, name="live-asr", daemon=True)
        self._thread.start()

    def segment_closed(self, path: Path, index: int, start_s: float, end_s: float) -> None:
        self._queue.put((path, start_s, end_s))

    def ended(self, reason: EndReason) -> None:
        self._close_queue()

    def transcript(self) -> Transcript:
        return self.transcriber.transcript()

    @property
    def pending(self) -> int:
        """Segments waiting to be transcribed."""
        return self._queue.qsize()

    def finish(self, timeout: float | None = None) -> Transcript:
        """Transcribe what is queued and the last window; returns the final transcript."""
        self._close_queue()
        self._thread.join(timeout)
        return self.transcript()

    def _close_queue(self) -> None:
        if not self._closed:
            self._closed = True
            self._queue.put(None)

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            path, start_s, end_s = item
            self._run(partial(self.transcriber.add_file, path, start_s), end_s)
        self._run(self.transcriber.finish, self.transcriber.received_s)

    def _run(self, step: Callable[[], list[Segment]], end_s: float) -> None:
        try:
            new = step()
        except WutongError as exc:  # an unreadable segment is skipped, the stream goes on
            log.warning("live transcription skipped a segment: %s", exc.message)
            self.errors.append(exc.code)
            return
        self.progress.append(Progress(time.time(), end_s, self.transcriber.covered_s))
        if self.on_update and new:
            try:
                self.on_update(new, self.transcript())
            except Exception:
                log.exception("live transcript listener failed")
