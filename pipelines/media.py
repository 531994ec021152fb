"""Probe media by its content with PyAV (there is no ffprobe in imageio-ffmpeg).

Only the containers we support may open, and only through the `file` protocol: an uploaded HLS
manifest or concat list would otherwise make the server fetch URLs or read other local files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av

from pipelines.errors import MediaError

# Container names PyAV reports -> the extension we store the file under.
FORMAT_EXT = {"mov,mp4,m4a,3gp,3g2,mj2": "mp4", "wav": "wav", "mp3": "mp3", "flv": "flv",
              "matroska,webm": "webm", "ogg": "ogg", "aac": "aac", "flac": "flac"}
DEMUXERS = "mov,mp4,m4a,3gp,3g2,mj2,wav,mp3,flv,matroska,webm,ogg,aac,flac"
OPEN_OPTIONS = {"format_whitelist": DEMUXERS, "protocol_whitelist": "file"}
TAIL_CHECK_S = 3.0
NOT_MEDIA = "无法识别的文件：请上传 mp4、m4a、mp3、wav、flv 或 webm 音视频"


@dataclass(frozen=True)
class MediaInfo:
    format: str  # our extension: mp4, wav, mp3, flv, webm, ...
    duration_s: float
    has_video: bool
    width: int | None
    height: int | None
    audio_codec: str
    video_codec: str | None


def _duration(container: av.container.InputContainer, stream: av.stream.Stream) -> float:
    if container.duration:
        return container.duration / av.time_base
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    return 0.0


def _tail_decodes(container: av.container.InputContainer, audio: av.stream.Stream, duration: float) -> bool:
    """A file cut short (truncated upload) still opens when its index is at the front; decoding
    the last seconds of audio tells the truth."""
    target = max(0.0, duration - TAIL_CHECK_S)
    container.seek(int(target / audio.time_base), stream=audio, any_frame=False, backward=True)
    for frame in container.decode(audio):
        if frame.time is not None and frame.time >= target - TAIL_CHECK_S:
            return True
    return False


def probe(path: Path) -> MediaInfo:
    """Return what `path` holds; raise MediaError when it is not usable audio/video."""
    try:
        with av.open(str(path), metadata_errors="ignore", container_options=OPEN_OPTIONS) as container:
            audio = next(iter(container.streams.audio), None)
            if audio is None and not container.streams.video:
                raise MediaError(NOT_MEDIA, code="invalid_media")
            if audio is None:
                raise MediaError("文件里没有音轨（需要有声音的录像或录音）", code="no_audio")
            video = next((s for s in container.streams.video if s.frames != 1 or s.average_rate), None)
            duration = _duration(container, audio)
            if duration <= 0:
                raise MediaError("无法读取文件时长，文件可能已损坏", code="invalid_media")
            if not _tail_decodes(container, audio, duration):
                raise MediaError("文件不完整（可能上传中断），请重新上传", code="truncated_media")
            fmt = FORMAT_EXT.get(container.format.name, container.format.name.split(",")[0])
            return MediaInfo(
                format=fmt, duration_s=round(duration, 3), has_video=video is not None,
                width=video.codec_context.width if video else None,
                height=video.codec_context.height if video else None,
                audio_codec=audio.codec_context.name, video_codec=video.codec_context.name if video else None,
            )
    except MediaError:
        raise
    except (av.FFmpegError, UnicodeDecodeError, ValueError, IndexError) as exc:
        raise MediaError(NOT_MEDIA, code="invalid_media") from exc
