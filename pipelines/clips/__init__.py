"""Clip rendering: a highlight's span -> a vertical H.264/AAC short video with burned-in subtitles."""

from pipelines.clips.options import ClipOptions, RenderedClip
from pipelines.clips.render import render_clip

__all__ = ["ClipOptions", "RenderedClip", "render_clip"]
