"""The push path: a browser's MediaRecorder webm chunks, in order, once each, into the same segments."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.errors import MediaError
from pipelines.live import ChunkAssembler, ChunkMismatch, ChunkOutOfOrder, LiveEnded, finish_recording
from pipelines.media import probe
from tests.pipelines.live.conftest import EventLog, live_options

CHUNK = 16 * 1024


def chunks_of(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [data[i:i + CHUNK] for i in range(0, len(data), CHUNK)]


def test_chunks_in_order_once_each(webm: Path, tmp_path: Path) -> None:
    chunks = chunks_of(webm)
    assert len(chunks) >= 6
    events = EventLog()
    assembler = ChunkAssembler(tmp_path / "live", live_options(segment_s=5), events, first_seq=1)
    assert assembler.push(1, chunks[0]).next_seq == 2
    with pytest.raises(ChunkOutOfOrder) as gap:
        assembler.push(3, chunks[2])
    assert gap.value.expected == 2 and gap.value.code == "chunk_out_of_order"
    for seq, chunk in enumerate(chunks[1:4], start=2):
        assert not assembler.push(seq, chunk).duplicate
    again = assembler.push(2, chunks[1])  # a retry after a lost response
    assert again.duplicate and again.next_seq == 5
    with pytest.raises(ChunkMismatch):
        assembler.push(3, chunks[3])
    for seq, chunk in enumerate(chunks[4:], start=5):
        assembler.push(seq, chunk)
    status = assembler.finish()
    assert status.state == "ended" and status.ended_reason == "stopped" and events.ended_reasons == ["stopped"]
    assert status.bytes_in == webm.stat().st_size  # the duplicate was not written twice
    assert assembler.push(len(chunks), chunks[-1]).duplicate
    with pytest.raises(LiveEnded):
        assembler.push(len(chunks) + 1, b"late")
    assert [index for _, _, index, _, _ in events.closed] == list(range(status.segments)) and status.segments >= 4
    finished = finish_recording([s.path for s in assembler.segments], tmp_path / "recording")
    assert finished.path.suffix == ".webm" and finished.info.video_codec == "vp8"
    assert abs(finished.info.duration_s - probe(webm).duration_s) < 0.3


def test_bytes_that_are_not_media_end_the_push(tmp_path: Path) -> None:
    assembler = ChunkAssembler(tmp_path / "live", live_options())
    with pytest.raises(MediaError):
        for seq in range(64):  # ffmpeg gives up once it has read enough to know
            assembler.push(seq, bytes(range(256)) * 256)
    assert assembler.status().ended_reason == "error"
    assert assembler.status().last_error == "live_media_invalid"
