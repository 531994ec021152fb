"""End to end on loopback: a live HLS playlist growing in real time (ffmpeg -re) is recorded, transcribed
while it plays, survives a server restart mid-stream, and is joined into one recording at the end."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pipelines.asr import cer
from pipelines.asr.incremental import IncrementalTranscriber
from pipelines.asr.text import to_simplified
from pipelines.live import Fanout, LiveTranscription, finish_recording, start_recording
from pipelines.media import probe
from pipelines.transcript import Transcript
from tests.pipelines.live.conftest import LIVE_CUT_S, STREAM3, EventLog, live_options
from tests.utils.live_source import HlsProducer, LoopbackServer

DROP_AT_S, DROP_FOR_S = 35.0, 8.0  # stream time the server goes away, and for how long
EARLY_AT_S = 90.0  # stream time of the look at the transcript, before the stream ends
MAX_LAG_S = 60.0


def truth_text(until_s: float) -> str:
    """The script's sentences whose middle lies before `until_s` (the same rule as text_until)."""
    sentences = json.loads((STREAM3 / "script_truth.json").read_text(encoding="utf-8"))
    return "".join(s["text"] for s in sentences if (s["start"] + s["end"]) / 2 < until_s)


def text_until(transcript: Transcript, until_s: float) -> str:
    return "".join(s.text for s in transcript.segments if (s.start + s.end) / 2 < until_s)


def sleep_until(t0: float, stream_s: float) -> None:
    time.sleep(max(0.0, t0 + stream_s - time.time()))


def max_lag(asr: LiveTranscription, t0: float, duration: float) -> float:
    """Worst distance between the live edge and the final transcript, just before each update."""
    covered, worst = 0.0, 0.0
    for p in asr.progress:
        worst = max(worst, min(p.wall_time - t0, duration) - covered)
        covered = p.covered_s
    return worst


@pytest.mark.slow
def test_live_hls_recorded_and_transcribed_while_it_plays(live_source: Path, model_dir, asr_options, catalog_terms,
                                                          tmp_path: Path) -> None:
    asr = LiveTranscription(IncrementalTranscriber(asr_options, model_dir=model_dir, hotwords=catalog_terms))
    events = EventLog()
    t0 = time.time()
    producer = HlsProducer(live_source, tmp_path / "hls", hls_time=2, list_size=15)
    server = LoopbackServer(tmp_path / "hls")
    try:
        while not producer.playlist.exists():
            time.sleep(0.1)
        server.start()
        recorder = start_recording(server.url("live.m3u8"), tmp_path / "rec", live_options(segment_s=15),
                                   Fanout(asr, events))
        sleep_until(t0, DROP_AT_S)
        server.stop()
        time.sleep(DROP_FOR_S)
        assert recorder.status().state == "reconnecting"
        server.start()
        sleep_until(t0, EARLY_AT_S)
        early, stream_running = asr.transcript(), producer.running
        status = recorder.wait(90)
        final = asr.finish(180)
    finally:
        server.stop()
        producer.stop()
    duration = probe(live_source).duration_s
    print(f"early transcript covers {early.duration:.1f} s at stream time {EARLY_AT_S:.0f} s; "
          f"max lag {max_lag(asr, t0, duration):.1f} s; windows {final.meta['windows']}, rtf {final.meta['rtf']}")

    # the transcript grew while the stream played
    assert stream_running and early.duration >= 45
    assert cer(truth_text(45), text_until(early, 45)) <= 0.25
    assert "水果玉米" in early.text and "基围虾" in early.text  # products named in the first minute
    assert max_lag(asr, t0, duration) <= MAX_LAG_S

    # the drop: a gap is recorded, nothing already written (or still in the playlist window) is lost
    assert status.ended_reason == "source_ended" and len(status.gaps) == 1
    gap = status.gaps[0]
    assert gap.missed_s == 0 and gap.length_s >= DROP_FOR_S - 1 and 20 <= gap.at_s <= DROP_AT_S
    assert [index for _, _, index, _, _ in events.closed] == list(range(status.segments))
    finished = finish_recording([s.path for s in recorder.segments], tmp_path / "recording")
    assert abs(finished.info.duration_s - duration) < 0.5 and finished.path.suffix == ".mp4"

    # the final transcript: same shape and quality as the batch pipeline's, on the joined file's times
    assert final.duration == pytest.approx(finished.info.duration_s, abs=0.5)
    assert cer(truth_text(LIVE_CUT_S), final.text) <= 0.15
    assert to_simplified(final.text) == final.text and final.language == "zh"
    previous_end = 0.0
    for s in final.segments:
        assert previous_end <= s.start <= s.end <= final.duration and s.text == "".join(w.word for w in s.words)
        previous_end = s.end
