"""LiveScorer: highlight candidates over the transcript so far, rescored in the background while live.

The highlight pipeline's own `find_highlights` is run over the whole transcript so far and the
comments pushed so far (a sentence's role strength is measured against the stream's best line, so
a partial rescore over new sentences only would rank them against the wrong scale). It is cheap —
about 0.6 s of one core for a 30-minute transcript — and throttled: at most once every `every_s`,
only when something new arrived, in a thread of its own at a lower CPU priority, so the
transcription worker never waits for it. Titles are the template ones (no LLM while live).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from pipelines.catalog import Product
from pipelines.comments import Comment
from pipelines.highlights import Highlight, HighlightOptions, find_highlights
from pipelines.transcript import Transcript

log = logging.getLogger(__name__)

NICE = 10  # the scoring thread yields the cores to whisper and ffmpeg
Inputs = Callable[[], tuple[Transcript, list[Comment], list[Product]]]


@dataclass(frozen=True)
class LiveCandidates:
    highlights: list[Highlight]  # best first
    covered_s: float  # stream time the scored transcript reached
    scored_at: float  # unix time


def score_live(transcript: Transcript, catalog: list[Product], comments: list[Comment], options: HighlightOptions,
               top: int) -> list[Highlight]:
    """The current best `top` candidates (template titles: no LLM while the stream runs)."""
    options = options.model_copy(update={"llm_titles": False, "max_count": max(options.max_count, top)})
    return find_highlights(transcript, catalog, comments, options)[:top]


class LiveScorer:
    def __init__(self, inputs: Inputs, options: HighlightOptions, *, every_s: float = 30.0, top: int = 5) -> None:
        self.inputs, self.options, self.every_s, self.top = inputs, options, every_s, top
        self.latest: LiveCandidates | None = None
        self.cpu_s = 0.0  # thread CPU time spent scoring (for the benchmark)
        self.worst_cpu_s = 0.0  # the costliest run
        self.runs = 0
        self._dirty = threading.Event()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._work, name="live-highlights", daemon=True)
        self._thread.start()

    def changed(self) -> None:
        """New sentences or comments: rescore when the throttle allows."""
        self._dirty.set()

    def close(self) -> None:
        self._closed.set()
        self._dirty.set()

    def score_now(self) -> LiveCandidates | None:
        """Score at once in the caller's thread (tests, the end of a stream)."""
        self._dirty.clear()
        started = time.thread_time()
        transcript, comments, catalog = self.inputs()
        found = score_live(transcript, catalog, comments, self.options, self.top) if transcript.segments else []
        spent = time.thread_time() - started
        self.cpu_s += spent
        self.worst_cpu_s = max(self.worst_cpu_s, spent)
        self.runs += 1
        self.latest = LiveCandidates(found, transcript.duration, time.time())
        return self.latest

    def _work(self) -> None:
        _lower_priority()
        last = 0.0
        while self._dirty.wait() and not self._closed.is_set():
            if self._closed.wait(max(0.0, last + self.every_s - time.monotonic())):
                return
            last = time.monotonic()
            try:
                self.score_now()
            except Exception:  # a scoring bug must never touch the recording or its transcript
                log.exception("live highlight scoring failed")


def _lower_priority() -> None:
    """Linux gives each thread its own nice value; elsewhere this is a no-op."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)
    except (AttributeError, OSError):
        pass
