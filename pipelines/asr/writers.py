"""Transcript writers: SRT, WebVTT (via pysubs2), plain text and JSON."""

from __future__ import annotations

import json

import pysubs2

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
