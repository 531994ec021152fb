"""Join a live recording's closed segments into one ordinary media file.

The segments are joined by ffmpeg's concat demuxer with stream copy: into MP4 with `+faststart`
when the codecs are MP4's usual ones (H.264/HEVC video, AAC/MP3 audio), into WebM for
VP8/VP9/AV1 with Opus/Vorbis (a browser's MediaRecorder), Matroska otherwise. If the copy fails
or the result does not probe (a source that changed codec parameters after a reconnect), it is
re-encoded once to H.264/AAC MP4. The result passes `pipelines.media.probe`.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import av

from pipelines.clips.ffmpeg import ffmpeg_exe
from pipelines.errors import InvalidInput, MediaError
from pipelines.media import MediaInfo, probe

MP4_VIDEO, MP4_AUDIO = {"h264", "hevc"}, {"aac", "mp3"}
WEBM_VIDEO, WEBM_AUDIO = {"vp8", "vp9", "av1"}, {"opus", "vorbis"}


@dataclass(frozen=True)
class FinishedRecording:
    path: Path
    info: MediaInfo
    reencoded: bool


def codecs(path: Path) -> tuple[str | None, str | None]:
    with av.open(str(path)) as container:
        video = next(iter(container.streams.video), None)
        audio = next(iter(container.streams.audio), None)
        return (video.codec_context.name if video else None), (audio.codec_context.name if audio else None)


def container_for(video: str | None, audio: str | None) -> str:
    """The file extension to join into: mp4, webm or mkv."""
    if (video is None or video in MP4_VIDEO) and (audio is None or audio in MP4_AUDIO):
        return "mp4"
    if (video is None or video in WEBM_VIDEO) and (audio is None or audio in WEBM_AUDIO):
        return "webm"
    return "mkv"


def _concat_list(segments: Sequence[Path], work: Path) -> Path:
    listing = work.with_suffix(".concat.txt")
    lines = ["ffconcat version 1.0"]
    lines += ["file '" + str(p.resolve()).replace("'", "'\\''") + "'" for p in segments]
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return listing


def _join(listing: Path, out: Path, reencode: bool) -> bool:
    if reencode:
        codec = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
                 "-c:a", "aac", "-b:a", "128k"]
    else:
        codec = ["-c", "copy"]
    mp4 = ["-movflags", "+faststart"] if out.suffix == ".mp4" else []
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0",
           "-i", str(listing), "-map", "0:v:0?", "-map", "0:a:0?", *codec, *mp4, str(out)]
    return subprocess.run(cmd, capture_output=True).returncode == 0


def finish_recording(segments: Sequence[Path], out_stem: Path) -> FinishedRecording:
    """Join `segments` (in order) into `out_stem` + the right extension; raises MediaError if unusable."""
    if not segments:
        raise InvalidInput("直播还没有录到任何内容", code="live_empty")
    out_stem.parent.mkdir(parents=True, exist_ok=True)
    out = out_stem.with_suffix("." + container_for(*codecs(segments[0])))
    listing = _concat_list(segments, out_stem)
    try:
        if _join(listing, out, reencode=False):
            try:
                return FinishedRecording(out, probe(out), False)
            except MediaError:
                pass
        out.unlink(missing_ok=True)
        out = out_stem.with_suffix(".mp4")
        if not _join(listing, out, reencode=True):
            raise MediaError("直播录像合并失败", code="live_finish_failed")
        return FinishedRecording(out, probe(out), True)
    finally:
        listing.unlink(missing_ok=True)
