"""Live ingest (issue 15): record a stream while it is on air, transcribe it as it grows, join it at the end.

    options = LiveOptions(allowed_hosts=("*.example-cdn.com",), segment_s=20)
    asr = LiveTranscription(IncrementalTranscriber(asr_options, model_dir=model_dir, hotwords=hotwords),
                            on_update=lambda new_sentences, transcript: ...)    # index, push to the console
    recorder = start_recording(url, folder, options, Fanout(asr, my_listener))  # raises SourceNotAllowed
    recorder.status()                       # LiveStatus: state, recorded_s, segments, gaps, last_error ...
    recorder.stop()                         # or the source ends: my_listener.ended(reason)
    transcript = asr.finish()               # the final Transcript, as transcribe() returns it
    done = finish_recording([s.path for s in recorder.segments], media_dir / rec_id)   # -> .mp4/.webm/.mkv

A client that records itself pushes chunks instead: `ChunkAssembler(folder, options, listener)`,
`.push(seq, data) -> ChunkAck`, `.finish()`; the segments, events and finishing are the same.

While live, `scoring.LiveScorer` keeps the best highlight candidates over the transcript so far
(throttled, in its own thread). `state` saves what a restarted service needs to go on (live.json,
the transcript so far, pushed comments); a recorder or assembler opened on a folder that holds
segments numbers its own after them, and `start_recording(..., after_seq=, resumed_since=)`
continues an HLS source after the last segment written and records the time away as a gap.
"""

from pipelines.live.errors import (
    ChunkMismatch,
    ChunkOutOfOrder,
    DiskSpaceLow,
    LiveEnded,
    SourceDropped,
    SourceNotAllowed,
    UnsupportedSource,
)
from pipelines.live.events import EndReason, Fanout, LiveListener, LiveStatus
from pipelines.live.finish import FinishedRecording, finish_recording
from pipelines.live.hosts import check_url, host_allowed
from pipelines.live.ledger import ClosedSegment, Gap, load_segments
from pipelines.live.options import LiveOptions, SourceKind
from pipelines.live.push import ChunkAck, ChunkAssembler
from pipelines.live.recorder import LiveRecorder, check_source, detect_kind, start_recording
from pipelines.live.transcribe import LiveTranscription

__all__ = ["ChunkAck", "ChunkAssembler", "ChunkMismatch", "ChunkOutOfOrder", "ClosedSegment", "DiskSpaceLow",
           "EndReason", "Fanout", "FinishedRecording", "Gap", "LiveEnded", "LiveListener", "LiveOptions",
           "LiveRecorder", "LiveStatus", "LiveTranscription", "SourceDropped", "SourceKind", "SourceNotAllowed",
           "UnsupportedSource", "check_source", "check_url", "detect_kind", "finish_recording", "host_allowed", "load_segments",
           "start_recording"]
