"""The ffmpeg filter graph of one clip: frame (crop, blurred fit or plain background) + subtitles.

Paths never appear in the graph: ffmpeg runs inside a work folder holding `subs.ass` and a
`fonts/` folder, so no escaping of filter arguments is needed.
"""

from __future__ import annotations

from pipelines.clips.options import ClipOptions
from pipelines.media import MediaInfo

ASS_NAME = "subs.ass"
FONTS_DIR = "fonts"
BLUR_SCALE = 8  # blur a small copy and scale it up: same look, a fraction of the work
AUDIO_ONLY_FPS = 25


def _even(value: float) -> int:
    return max(2, int(value) // 2 * 2)


def output_size(info: MediaInfo, options: ClipOptions) -> tuple[int, int]:
    """The expected frame size (the rendered file is probed for the truth: rotation metadata)."""
    if options.layout == "original" and info.has_video and info.width and info.height:
        return _even(info.width), _even(info.height)
    return options.width, options.height


def _crop_to_aspect(w: int, h: int) -> str:
    """Cut the source to the target's aspect first, so only the kept pixels are scaled.
    Expressions (not probed sizes) so a phone video's rotation metadata is honoured."""
    return f"crop='min(iw,ih*{w}/{h})':'min(ih,iw*{h}/{w})'"


def frame_chain(info: MediaInfo, options: ClipOptions, size: tuple[int, int]) -> str:
    """Filters from the input to `[base]`, a frame of exactly `size`."""
    w, h = size
    if not info.has_video:
        return f"color=c=0x{options.background}:s={w}x{h}:r={AUDIO_ONLY_FPS},format=yuv420p[base]"
    if options.layout == "original":
        return "[0:v:0]scale='trunc(iw/2)*2':'trunc(ih/2)*2',setsar=1[base]"
    if options.fit == "crop":
        return f"[0:v:0]{_crop_to_aspect(w, h)},scale={w}:{h},setsar=1[base]"
    bw, bh = _even(w / BLUR_SCALE), _even(h / BLUR_SCALE)
    return (f"[0:v:0]split=2[bgsrc][fgsrc];"
            f"[bgsrc]{_crop_to_aspect(w, h)},scale={bw}:{bh},boxblur=6:2,scale={w}:{h},setsar=1[bg];"
            f"[fgsrc]scale={w}:{h}:force_original_aspect_ratio=decrease,setsar=1[fg];"
            f"[bg][fg]overlay=(W-w)/2:(H-h)/2[base]")


def filter_graph(info: MediaInfo, options: ClipOptions, size: tuple[int, int], with_ass: bool) -> str:
    """The whole graph, ending in `[v]`."""
    tail = f"subtitles=filename={ASS_NAME}:fontsdir={FONTS_DIR}" if with_ass else "null"
    return f"{frame_chain(info, options, size)};[base]{tail},format=yuv420p[v]"
