"""Stream a media file's audio as 16 kHz mono float32 windows, cut in silence.

A 3-hour file is never held in memory: PyAV decodes and resamples frame by frame, and
only one window (chunk_s seconds, ~38 MB at 10 minutes) plus a short tail is buffered.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from pipelines.errors import MediaError

SAMPLE_RATE = 16000
FRAME_S = 0.1  # energy is measured over frames of this length when looking for a cut


@dataclass(frozen=True)
class AudioWindow:
    offset_s: float  # where the window starts in the file
    samples: np.ndarray  # float32, mono, SAMPLE_RATE

    @property
    def duration_s(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    @property
    def end_s(self) -> float:
        return self.offset_s + self.duration_s


def iter_pcm(path: Path) -> Iterator[np.ndarray]:
    """Decoded, resampled audio in the decoder's own small chunks."""
    resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            stream = next(iter(container.streams.audio), None)
            if stream is None:
                raise MediaError("文件里没有音轨（需要有声音的录像或录音）", code="no_audio")
            for frame in container.decode(stream):
                yield from _to_float(resampler.resample(frame))
            yield from _to_float(resampler.resample(None))
    except av.FFmpegError as exc:
        raise MediaError("音频解码失败，文件可能已损坏", code="invalid_media") from exc


def _to_float(frames: list[av.AudioFrame]) -> Iterator[np.ndarray]:
    for frame in frames:
        yield frame.to_ndarray().reshape(-1).astype(np.float32) / 32768.0


def quietest_cut(samples: np.ndarray, search_from: int) -> int:
    """Index of the middle of the quietest FRAME_S frame at or after `search_from`."""
    frame = int(FRAME_S * SAMPLE_RATE)
    tail = samples[search_from:]
    count = len(tail) // frame
    if count < 2:
        return len(samples)
    energy = np.square(tail[: count * frame].reshape(count, frame)).mean(axis=1)
    return search_from + int(np.argmin(energy)) * frame + frame // 2


def iter_windows(path: Path, window_s: float, search_s: float) -> Iterator[AudioWindow]:
    """Consecutive windows covering the whole audio; each ends in the quietest spot of its last search_s."""
    window, search = int(window_s * SAMPLE_RATE), int(search_s * SAMPLE_RATE)
    pending: list[np.ndarray] = []
    size, offset = 0, 0
    for chunk in iter_pcm(path):
        pending.append(chunk)
        size += len(chunk)
        if size >= window:
            buffer = np.concatenate(pending)
            cut = quietest_cut(buffer[:window], max(0, window - search))
            yield AudioWindow(offset / SAMPLE_RATE, buffer[:cut])
            offset += cut
            pending, size = [buffer[cut:]], len(buffer) - cut
    if size:
        yield AudioWindow(offset / SAMPLE_RATE, np.concatenate(pending))
