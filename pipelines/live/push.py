"""ChunkAssembler: a live recording pushed by the client itself (a browser MediaRecorder's chunks).

Chunks are consecutive pieces of one media byte stream (webm from MediaRecorder, or any
container ffmpeg reads from a pipe), numbered from `first_seq`. A chunk is written once, in
order: a repeated sequence number with the same bytes is acknowledged again without being
written (a client retrying after a lost response), a repeated one with other bytes is refused,
and a sequence number ahead of the next expected one is refused with the number to send.
The bytes go through the same segmenter as a pulled source, so the output is the same.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

from pipelines.errors import MediaError
from pipelines.live.errors import ChunkMismatch, ChunkOutOfOrder, DiskSpaceLow, LiveEnded, SourceDropped
from pipelines.live.events import EndReason, LiveListener, LiveStatus
from pipelines.live.ledger import ClosedSegment
from pipelines.live.options import LiveOptions
from pipelines.live.sink import SegmentSink


@dataclass(frozen=True)
class ChunkAck:
    seq: int
    duplicate: bool  # already written before: acknowledged, not written again
    next_seq: int  # the sequence number to send next


class ChunkAssembler:
    def __init__(self, folder: Path, options: LiveOptions, listener: LiveListener | None = None,
                 first_seq: int = 0) -> None:
        self.sink = SegmentSink(Path(folder), options.segment_s, options.min_free_mb, listener)
        self.first_seq = first_seq
        self._digests: list[bytes] = []  # sha256 of every chunk written, by seq - first_seq
        self._ended: EndReason | None = None
        self._error: tuple[str, str] | None = None
        self._lock = threading.Lock()

    @property
    def next_seq(self) -> int:
        return self.first_seq + len(self._digests)

    @property
    def segments(self) -> list[ClosedSegment]:
        return list(self.sink.ledger.segments)

    def push(self, seq: int, data: bytes) -> ChunkAck:
        """Write chunk `seq`; raises ChunkOutOfOrder, ChunkMismatch, LiveEnded or DiskSpaceLow."""
        digest = hashlib.sha256(data).digest()
        with self._lock:
            if self.first_seq <= seq < self.next_seq:
                if self._digests[seq - self.first_seq] != digest:
                    raise ChunkMismatch(f"第 {seq} 片已收到，但内容不同")
                return ChunkAck(seq, True, self.next_seq)
            if self._ended:
                raise LiveEnded("这场直播录制已结束")
            if seq != self.next_seq:
                raise ChunkOutOfOrder(self.next_seq, seq)
            self._write(data)
            self._digests.append(digest)
            return ChunkAck(seq, False, self.next_seq)

    def _write(self, data: bytes) -> None:
        try:
            self.sink.write(data)
        except DiskSpaceLow as exc:
            self._error = (exc.code, exc.message)
            self._end("disk_low")
            raise
        except SourceDropped as exc:  # ffmpeg could not read the pushed stream: it cannot recover mid-stream
            self._error = ("live_media_invalid", exc.message)
            self._end("error")
            raise MediaError("推送的直播数据无法识别（需要 webm、mp4、flv 或 ts 格式的连续分片）",
                             code="live_media_invalid") from exc

    def finish(self) -> LiveStatus:
        """No more chunks: close the last segment. Safe to call twice."""
        with self._lock:
            if not self._ended:
                self._end("stopped")
        return self.status()

    def _end(self, reason: EndReason) -> None:
        self.sink.close()
        self._ended = reason
        self.sink.listener.ended(reason)

    def status(self) -> LiveStatus:
        ledger = self.sink.ledger
        state = "ended" if self._ended else ("recording" if self.sink.bytes_in else "starting")
        code, message = self._error or (None, None)
        return LiveStatus(state, ledger.recorded_s, len(ledger.segments), tuple(ledger.gaps), self.sink.bytes_in,
                          code, message, self._ended)
