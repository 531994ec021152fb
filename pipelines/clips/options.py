"""Clip rendering options and result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

X264Preset = Literal["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow"]


class ClipOptions(BaseModel):
    """How a highlight becomes a short video."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    layout: Literal["vertical", "original"] = "vertical"
    """vertical: width x height (9:16 by default); original: the source's own frame size."""
    width: int = Field(1080, ge=240, le=4096)
    height: int = Field(1920, ge=240, le=4096)
    fit: Literal["crop", "blur"] = "crop"
    """crop: fill the frame, cutting the sides; blur: the whole picture on a blurred copy of itself."""
    subtitles: bool = True
    title: str | None = Field(None, max_length=40)
    """A title bar at the top of the clip (plain text, set in the CJK font)."""
    max_span_s: float = Field(180.0, gt=0, le=1800)
    """The longest clip that may be rendered (a highlight and the sentences a leader adds around it)."""
    max_file_mb: int = Field(200, ge=1, le=4096)
    """The largest clip file (MB): ffmpeg stops there (`-fs`) and the render fails (180 s at the defaults: ~7 MB)."""
    max_per_recording: int = Field(50, ge=1, le=1000)
    """Clips kept per recording (bounds the kit's zip, together with max_file_mb)."""
    crf: int = Field(23, ge=0, le=51)
    preset: X264Preset = "veryfast"
    font_path: str | None = None
    """A font file (TTF/OTF/TTC); default: Noto Sans CJK SC from the manimgx-fonts-cjk package."""
    keyframe_interval_s: float = Field(2.0, gt=0, le=10)
    """Short GOPs let a phone seek quickly and give the cover picker candidates."""
    audio_bitrate: str = "128k"
    background: str = Field("1f2430", pattern=r"^[0-9a-fA-F]{6}$")
    """Background colour (hex RGB) for audio-only sources."""

    @field_validator("width", "height")
    @classmethod
    def _even(cls, value: int) -> int:
        if value % 2:
            raise ValueError("H.264 needs an even frame size")
        return value


@dataclass(frozen=True)
class RenderedClip:
    video: Path
    cover: Path
    duration: float
    width: int
    height: int
