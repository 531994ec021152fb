"""SRT/VTT/TXT/JSON writers on a real transcript: they parse back with the same cues."""

import json

import pysubs2
import pytest

from pipelines.asr import render_transcript, to_json, to_srt, to_txt, to_vtt
from pipelines.errors import InvalidInput
from pipelines.transcript import Transcript
from tests.utils.stream_truth import truth_transcript


@pytest.mark.parametrize("write, fmt", [(to_srt, "srt"), (to_vtt, "vtt")])
def test_subtitles_parse_back(stream_transcript, write, fmt) -> None:
    subs = pysubs2.SSAFile.from_string(write(stream_transcript), format_=fmt)
    assert len(subs) == len(stream_transcript.segments)
    for event, segment in zip(subs, stream_transcript.segments):
        assert abs(event.start - segment.start * 1000) <= 1 and abs(event.end - segment.end * 1000) <= 1
        assert event.plaintext == segment.text


def test_txt_has_one_sentence_per_line(stream_transcript) -> None:
    assert to_txt(stream_transcript).splitlines() == [s.text for s in stream_transcript.segments]


def test_json_round_trips(stream_transcript) -> None:
    again = Transcript.from_dict(json.loads(to_json(stream_transcript)))
    assert again.text == stream_transcript.text and again.corrections == stream_transcript.corrections


@pytest.mark.parametrize("fmt, media_type, parse", [
    ("srt", "application/x-subrip", lambda text: len(pysubs2.SSAFile.from_string(text, format_="srt"))),
    ("vtt", "text/vtt", lambda text: len(pysubs2.SSAFile.from_string(text, format_="vtt"))),
    ("txt", "text/plain", lambda text: len(text.splitlines())),
    ("json", "application/json", lambda text: len(json.loads(text)["segments"])),
])
def test_render_transcript_dispatches_on_the_format(fmt: str, media_type: str, parse) -> None:
    transcript = truth_transcript()
    text, media = render_transcript(transcript, fmt)
    assert media == media_type and parse(text) == len(transcript.segments)


def test_render_transcript_rejects_an_unknown_format() -> None:
    with pytest.raises(InvalidInput):
        render_transcript(truth_transcript(), "docx")
