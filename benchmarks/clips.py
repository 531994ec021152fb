"""Clip rendering benchmark: the one-pass ffmpeg pipeline against a plain moviepy approach.

Builds a >= 20 minute input by looping ../shared/media/stream/stream.mp4 (`-stream_loop`,
`-c copy`), then renders the same 30 s vertical subtitled clip both ways in the same run and
prints both times and the ratio (target >= 8x). The comparison is fair: for each x264 preset in
`--presets`, both sides encode at that preset, the same CRF, the same frame size, keyframe
interval, pixel format and audio bitrate, so the ratio measures the pipeline (seek before
decode, one ffmpeg pass, libass) and not encoder settings; output sizes are printed as a check.
Also times the pipeline cutting at the start, middle and end of the long input (should be about
equal: input seeking).

    .venv/bin/python benchmarks/clips.py [--size 720x1280] [--loops 12] [--presets veryfast,medium] [--crf 23]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.clips import ClipOptions, render_clip  # noqa: E402
from pipelines.clips.ffmpeg import ffmpeg_exe  # noqa: E402
from pipelines.clips.fonts import get_cjk_font  # noqa: E402
from pipelines.clips.subtitles import SubtitleLayout, caption_cues  # noqa: E402
from pipelines.media import probe  # noqa: E402
from pipelines.transcript import Segment, Transcript, Word  # noqa: E402

STREAM = REPO.parent / "shared" / "media" / "stream"
CLIP_S = 30.0


def build_long_input(work: Path, loops: int) -> Path:
    out = work / "long.mp4"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-stream_loop", str(loops - 1),
                    "-i", str(STREAM / "stream.mp4"), "-c", "copy", str(out)], check=True)
    return out


def looped_transcript(loop_s: float, loops: int) -> Transcript:
    """The stream's sentence timings repeated once per loop; words split each sentence evenly."""
    sentences = json.loads((STREAM / "script_truth.json").read_text(encoding="utf-8"))
    segments = []
    for k in range(loops):
        for s in sentences:
            start, end, text = s["start"] + k * loop_s, s["end"] + k * loop_s, s["text"]
            step = (end - start) / len(text)
            words = [Word(start + i * step, start + (i + 1) * step, ch) for i, ch in enumerate(text)]
            segments.append(Segment(start, end, text, words))
    return Transcript("zh", loop_s * loops, segments)


def time_pipeline(source: Path, span: tuple[float, float], transcript: Transcript, options: ClipOptions,
                  out: Path) -> tuple[float, int]:
    """Seconds to render, and the clip's size in bytes."""
    began = time.perf_counter()
    clip = render_clip(source, span, transcript, options, out)
    return time.perf_counter() - began, clip.video.stat().st_size


def time_moviepy(source: Path, span: tuple[float, float], transcript: Transcript, options: ClipOptions,
                 out: Path) -> tuple[float, int]:
    """The plain approach: subclip, crop/resize, one TextClip per caption, write_videofile, encoding
    with the pipeline's own x264 settings (preset, CRF, keyframe interval, pixel format, audio bitrate)."""
    from moviepy import CompositeVideoClip, TextClip, VideoFileClip

    width, height = options.width, options.height
    layout = SubtitleLayout(width, height)
    font = str(get_cjk_font().path)  # PIL opens the collection's first face (JP); same glyph set
    began = time.perf_counter()
    clip = VideoFileClip(str(source)).subclipped(*span)
    crop_w = min(clip.w, round(clip.h * width / height))
    frame = clip.cropped(x_center=clip.w / 2, width=crop_w, height=clip.h).resized(new_size=(width, height))
    texts = [TextClip(font=font, text=cue.text, font_size=layout.font_size, color="white", stroke_color="black",
                      stroke_width=3, text_align="center", method="label")
             .with_start(cue.start).with_duration(cue.end - cue.start)
             .with_position(("center", height - layout.margin_bottom - 2.6 * layout.font_size))
             for cue in caption_cues(transcript, span, layout)]
    x264 = ["-crf", str(options.crf), "-force_key_frames", f"expr:gte(t,n_forced*{options.keyframe_interval_s})"]
    CompositeVideoClip([frame, *texts], size=(width, height)).write_videofile(
        str(out), codec="libx264", audio_codec="aac", preset=options.preset, audio_bitrate=options.audio_bitrate,
        pixel_format="yuv420p", ffmpeg_params=x264, logger=None)
    clip.close()
    return time.perf_counter() - began, out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="720x1280")
    parser.add_argument("--loops", type=int, default=12)
    parser.add_argument("--presets", default="veryfast,medium",
                        help="comma-separated x264 presets; each is used on both sides (veryfast is the pipeline's "
                             "default, medium moviepy's)")
    parser.add_argument("--crf", type=int, default=23)
    parser.add_argument("--skip-moviepy", action="store_true")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="wutong-bench-") as tmp:
        work = Path(tmp)
        loop_s = probe(STREAM / "stream.mp4").duration_s
        source = build_long_input(work, args.loops)
        total = probe(source).duration_s
        transcript = looped_transcript(loop_s, args.loops)
        print(f"input: {total / 60:.1f} min ({args.loops} loops), clip {CLIP_S:.0f} s at {args.size}, crf {args.crf}, "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        middle = math.floor(total / 2)
        span = (middle, middle + CLIP_S)
        print("| x264 preset | pipeline (one ffmpeg pass) | moviepy | ratio |\n|---|---|---|---|")
        for preset in filter(None, args.presets.split(",")):
            options = ClipOptions(width=width, height=height, preset=preset, crf=args.crf)
            ours, ours_bytes = time_pipeline(source, span, transcript, options, work / f"pipe-{preset}")
            if args.skip_moviepy:
                print(f"| {preset} | {ours:.1f} s ({ours_bytes / 1e6:.2f} MB) | - | - |")
                continue
            theirs, their_bytes = time_moviepy(source, span, transcript, options, work / f"moviepy-{preset}.mp4")
            print(f"| {preset} | {ours:.1f} s ({ours_bytes / 1e6:.2f} MB) | {theirs:.1f} s ({their_bytes / 1e6:.2f} MB) "
                  f"| {theirs / ours:.1f}x |", flush=True)
        options = ClipOptions(width=width, height=height, crf=args.crf)
        for name, start in (("start", 0.0), ("middle", middle), ("end", total - CLIP_S - 0.5)):
            seconds, _ = time_pipeline(source, (start, start + CLIP_S), transcript, options, work / name)
            print(f"pipeline ({options.preset}) cut at {name:6s} ({start:7.1f} s): {seconds:6.1f} s")


if __name__ == "__main__":
    main()
