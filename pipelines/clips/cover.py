"""Pick a cover frame: among the clip's keyframes, a sharp, well-lit one near the middle."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from pipelines.errors import MediaError

ANALYSIS_WIDTH = 270  # measure sharpness on a small copy
DARK_LUMA = 24.0


def sharpness(gray: np.ndarray) -> float:
    """Variance of a 4-neighbour Laplacian: high for crisp edges, low for blur and flat frames."""
    g = gray.astype(np.float32)
    lap = -4 * g[1:-1, 1:-1] + g[:-2, 1:-1] + g[2:, 1:-1] + g[1:-1, :-2] + g[1:-1, 2:]
    return float(lap.var())


def frame_score(gray: np.ndarray, time: float, duration: float) -> float:
    centrality = 1.0 - min(abs(time / duration - 0.5) * 2, 1.0) if duration > 0 else 0.5
    light = 0.2 if gray.mean() < DARK_LUMA else 1.0
    return sharpness(gray) * light * (0.5 + centrality)


def _score(frame: av.VideoFrame, duration: float) -> float:
    height = max(2, ANALYSIS_WIDTH * frame.height // frame.width)
    gray = frame.reformat(width=ANALYSIS_WIDTH, height=height, format="gray").to_ndarray()
    return frame_score(gray, frame.time or 0.0, duration)


def _best_keyframe(video: Path, duration: float) -> av.VideoFrame | None:
    best, best_score = None, -1.0
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        stream.codec_context.skip_frame = "NONKEY"  # decode keyframes only
        for frame in container.decode(stream):
            if (score := _score(frame, duration)) > best_score:
                best, best_score = frame, score
    return best


def pick_cover(video: Path, out: Path, duration: float) -> Path:
    """Write the best keyframe of `video` to `out` as JPEG."""
    try:
        best = _best_keyframe(video, duration)
    except (av.FFmpegError, IndexError) as exc:
        raise MediaError("无法读取剪辑视频来生成封面", code="render_failed") from exc
    if best is None:
        raise MediaError("剪辑视频没有画面，无法生成封面", code="render_failed")
    tmp = out.with_suffix(".tmp.jpg")
    best.to_image().save(tmp, format="JPEG", quality=88)
    tmp.replace(out)
    return out
