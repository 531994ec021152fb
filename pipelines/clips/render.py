"""render_clip: one ffmpeg pass from a span of a recording to a short H.264/AAC video + cover.

The seek is an input option (`-ss` before `-i`), so ffmpeg jumps to the keyframe before the
span and decodes only from there: a clip near the end of a two-hour stream costs the same
as one at its start.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import av

from pipelines.clips.cover import pick_cover
from pipelines.clips.ffmpeg import Progress, run_ffmpeg
from pipelines.clips.filters import ASS_NAME, FONTS_DIR, filter_graph, output_size
from pipelines.clips.fonts import FontFace, get_cjk_font
from pipelines.clips.options import ClipOptions, RenderedClip
from pipelines.clips.subtitles import SubtitleLayout, caption_cues, write_ass
from pipelines.errors import InvalidInput, MediaError
from pipelines.media import MediaInfo, probe
from pipelines.transcript import Transcript

MIN_CLIP_S = 0.5
MB = 1024 * 1024


def clamp_span(span: tuple[float, float], media_duration: float) -> tuple[float, float]:
    start, end = max(0.0, float(span[0])), min(float(span[1]), media_duration)
    if end - start < MIN_CLIP_S:
        raise InvalidInput(f"剪辑区间无效：{span[0]:.1f}–{span[1]:.1f} 秒（视频长 {media_duration:.1f} 秒）",
                           code="invalid_span")
    return start, end


def _prepare_work_dir(work: Path, font: FontFace) -> None:
    """`fonts/` holds only our font, so libass loads nothing else from the font's folder."""
    (work / FONTS_DIR).mkdir()
    (work / FONTS_DIR / font.path.name).symlink_to(font.path)


def ffmpeg_args(source: Path, span: tuple[float, float], info: MediaInfo, options: ClipOptions,
                size: tuple[int, int], with_ass: bool, out: Path) -> list[str]:
    start, end = span
    duration = end - start
    return [
        "-ss", f"{start:.3f}", "-i", str(source), "-t", f"{duration:.3f}",
        "-filter_complex", filter_graph(info, options, size, with_ass),
        "-map", "[v]", "-map", "0:a:0",
        "-c:v", "libx264", "-preset", options.preset, "-crf", str(options.crf), "-pix_fmt", "yuv420p",
        "-force_key_frames", f"expr:gte(t,n_forced*{options.keyframe_interval_s})",
        "-c:a", "aac", "-b:a", options.audio_bitrate, "-ac", "2",
        "-movflags", "+faststart", "-fs", str(options.max_file_mb * MB), "-f", "mp4", str(out),
    ]


def _check_size(video: Path, max_file_mb: int) -> None:
    """`-fs` ends the file quietly at the cap (ffmpeg exits 0): a file that reached it is cut short."""
    if video.stat().st_size >= max_file_mb * MB * 0.98:  # ffmpeg stops a little before the limit
        raise MediaError(f"短视频超过 {max_file_mb} MB 上限，请缩短片段或降低画质", code="clip_too_large")


def _probe_output(video: Path) -> tuple[float, int, int]:
    """Duration and frame size as written (a rotated phone video may differ from its metadata)."""
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        duration = container.duration / av.time_base if container.duration else 0.0
        return round(duration, 3), stream.codec_context.width, stream.codec_context.height


def render_clip(
    source: Path,
    span: tuple[float, float],
    transcript: Transcript | None,
    options: ClipOptions | None = None,
    out_dir: Path = Path("."),
    progress: Progress | None = None,
    timeout_s: float | None = None,
) -> RenderedClip:
    """Cut `span` (seconds) of `source` into `out_dir`; subtitles come from `transcript`'s words.
    ffmpeg is killed after `timeout_s`, or as soon as `progress` raises (a cancelled job)."""
    options = options or ClipOptions()
    source, out_dir = Path(source), Path(out_dir)
    info = probe(source)
    span = clamp_span(span, info.duration_s)
    size = output_size(info, options)
    font = get_cjk_font(options.font_path)
    stem = f"{source.stem}_{round(span[0] * 1000)}-{round(span[1] * 1000)}"
    video, cover = out_dir / f"{stem}.mp4", out_dir / f"{stem}.jpg"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".render-") as tmp:
        work = Path(tmp)
        _prepare_work_dir(work, font)
        layout = SubtitleLayout(*size)
        cues = caption_cues(transcript, span, layout) if options.subtitles and transcript else []
        with_ass = bool(cues or options.title)
        if with_ass:
            write_ass(work / ASS_NAME, cues, layout, font, options.title, span[1] - span[0])
        partial = work / "clip.mp4"
        args = ffmpeg_args(source.resolve(), span, info, options, size, with_ass, partial)
        run_ffmpeg(args, duration=span[1] - span[0], cwd=work, progress=progress, timeout_s=timeout_s)
        _check_size(partial, options.max_file_mb)
        partial.replace(video)
    duration, width, height = _probe_output(video)
    pick_cover(video, cover, duration)
    return RenderedClip(video=video, cover=cover, duration=duration, width=width, height=height)
