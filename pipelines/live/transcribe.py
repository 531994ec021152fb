"""LiveTranscription: a recorder listener that transcribes each closed segment as it arrives.

Segments are queued and transcribed in one worker thread (whisper uses the cores; a second
worker would only slow both), so the recorder's callbacks return at once. `on_update` gets
the sentences each window made final and a snapshot of the whole transcript so far.

The transcriber may be given as a factory: the worker builds it (loads whisper) first, so the
caller returns at once and segments recorded meanwhile wait in the queue. `resume_from` continues
a transcript saved before a restart: its sentences are kept and the caller re-queues the segments
after its `duration` (audio before that point is trimmed off). `suspend()` stops without finishing
the last window, so a restarted service can pick the audio up again.
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
TranscriberSource = IncrementalTranscriber | Callable[[], IncrementalTranscriber]


@dataclass(frozen=True)
class Progress:
    wall_time: float  # unix time when this segment's audio had been handled
    segment_end_s: float  # stream time the recording had reached (the segment's end)
    covered_s: float  # stream time up to which the transcript is final


def restore_transcript(transcriber: IncrementalTranscriber, saved: Transcript) -> None:
    """Continue `saved` (written before a restart): its sentences stay, new audio starts at its end."""
    with transcriber._lock:
        transcriber._segments = list(saved.segments)
        transcriber._corrections = list(saved.corrections)
        transcriber._offset_s = saved.duration


class LiveTranscription(LiveListener):
    def __init__(self, transcriber: TranscriberSource, on_update: UpdateFn | None = None, *,
                 resume_from: Transcript | None = None) -> None:
        self._source, self.on_update, self.resume_from = transcriber, on_update, resume_from
        self.transcriber: IncrementalTranscriber | None = None  # None while whisper loads
        self.ready = threading.Event()
        self.progress: list[Progress] = []
        self.errors: list[str] = []
        self._queue: queue.Queue[tuple[Path, float, float] | None] = queue.Queue()
        self._closed = False
        self._suspended = False
        self._thread = threading.Thread(target=self._work, name="live-asr", daemon=True)
        self._thread.start()

    @property
    def covered_s(self) -> float:
        """Stream time up to which the transcript is final."""
        if self.transcriber is None:
            return self.resume_from.duration if self.resume_from else 0.0
        return self.transcriber.covered_s

    def segment_closed(self, path: Path, index: int, start_s: float, end_s: float) -> None:
        self._queue.put((path, start_s, end_s))

    def ended(self, reason: EndReason) -> None:
        self._close_queue()

    def transcript(self) -> Transcript:
        if self.transcriber is None:
            return self.resume_from or Transcript("", 0.0, [], [], {"incremental": True})
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

    def suspend(self, timeout: float | None = None) -> Transcript:
        """Stop after the window in progress, leaving queued segments and the buffered tail for a resumed
        session (shutdown); returns the transcript so far."""
        self._suspended = True
        self._close_queue()
        self._thread.join(timeout)
        return self.transcript()

    def _close_queue(self) -> None:
        if not self._closed:
            self._closed = True
            self._queue.put(None)

    def _build(self) -> bool:
        source = self._source
        try:
            self.transcriber = source if isinstance(source, IncrementalTranscriber) else source()
        except Exception as exc:  # no model: the recording goes on, the transcript stays empty
            log.exception("live transcription could not start")
            self.errors.append(getattr(exc, "code", "live_asr_unavailable"))
            return False
        if self.resume_from is not None:
            restore_transcript(self.transcriber, self.resume_from)
        self.ready.set()
        return True

    def _work(self) -> None:
        if not self._build():
            while self._queue.get() is not None:  # drain: nothing can be transcribed
                pass
            return
        while not self._suspended and (item := self._queue.get()) is not None:
            path, start_s, end_s = item
            self._run(partial(self.transcriber.add_file, path, start_s), end_s)
        if not self._suspended:
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
