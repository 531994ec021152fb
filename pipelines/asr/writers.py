"""Transcript writers: SRT, WebVTT (via pysubs2), plain text and JSON, and the one dispatch on a
format name that the CLI and the routes share."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Literal

import pysubs2

from pipelines.errors import InvalidInput
from pipelines.transcript import Transcript


def to_subtitles(transcript: Transcript) -> pysubs2.SSAFile:
    subs = pysubs2.SSAFile()
    for segment in transcript.segments:
        subs.append(pysubs2.SSAEvent(start=round(segment.start * 1000), end=round(segment.end * 1000),
                                     text=segment.text))
    return subs


def to_srt(transcript: Transcript) -> str:
    return to_subtitles(transcript).to_string("srt")


def to_vtt(transcript: Transcript) -> str:
    return to_subtitles(transcript).to_string("vtt")


def to_txt(transcript: Transcript) -> str:
    """One sentence per line."""
    return "".join(f"{s.text}\n" for s in transcript.segments)


def to_json(transcript: Transcript) -> str:
    return json.dumps(transcript.to_dict(), ensure_ascii=False)


TranscriptFormat = Literal["json", "srt", "vtt", "txt"]
WRITERS: dict[str, tuple[Callable[[Transcript], str], str]] = {
    "json": (to_json, "application/json"),
    "srt": (to_srt, "application/x-subrip"),
    "vtt": (to_vtt, "text/vtt"),
    "txt": (to_txt, "text/plain"),
}


def render_transcript(transcript: Transcript, fmt: str) -> tuple[str, str]:
    """(text, media type) of the transcript in `fmt`; InvalidInput for an unknown format."""
    if fmt not in WRITERS:
        raise InvalidInput(f"转写格式只支持 {', '.join(WRITERS)}", code="invalid_format")
    write, media_type = WRITERS[fmt]
    return write(transcript), media_type
