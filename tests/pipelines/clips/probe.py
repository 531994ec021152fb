"""Read back rendered clips with PyAV: streams, sizes, and frames as luma arrays."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np


@dataclass
class ClipProbe:
    duration: float
    width: int
    height: int
    video_codec: str
    audio_codec: str | None
    audio_frames: int


def probe_clip(path: Path) -> ClipProbe:
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        audio = next(iter(container.streams.audio), None)
        audio_frames = sum(1 for _ in container.decode(audio=0)) if audio else 0
        return ClipProbe(container.duration / av.time_base, video.codec_context.width,
                         video.codec_context.height, video.codec_context.name,
                         audio.codec_context.name if audio else None, audio_frames)


def luma_at(path: Path, t: float) -> np.ndarray:
    """The luma plane of the first frame at or after t seconds."""
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            if frame.time is not None and frame.time >= t:
                return frame.to_ndarray(format="gray").astype(np.int16)
    raise AssertionError(f"no frame at {t}s in {path}")


def moov_before_mdat(path: Path) -> bool:
    head = path.read_bytes()
    return 0 <= head.find(b"moov") < head.find(b"mdat")
