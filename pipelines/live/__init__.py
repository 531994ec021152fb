"""Live ingest (issue 15): record a stream while it is on air, transcribe it as it grows, join it at the end.

    recorder = start_recording(url, folder, LiveOptions(allowed_hosts=("live.example.com",)), listener)
    assembler = ChunkAssembler(folder, options)          # or: the client pushes its own chunks
    finish_recording([s.path for s in recorder.segments], out_stem)
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
from pipelines.live.recorder import LiveRecorder, detect_kind, start_recording
from pipelines.live.transcribe import LiveTranscription

__all__ = ["ChunkAck", "ChunkAssembler", "ChunkMismatch", "ChunkOutOfOrder", "ClosedSegment", "DiskSpaceLow",
           "EndReason", "Fanout", "FinishedRecording", "Gap", "LiveEnded", "LiveListener", "LiveOptions",
           "LiveRecorder", "LiveStatus", "LiveTranscription", "SourceDropped", "SourceKind", "SourceNotAllowed",
           "UnsupportedSource", "check_url", "detect_kind", "finish_recording", "host_allowed", "load_segments",
           "start_recording"]
