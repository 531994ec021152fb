"""Highlight candidates scored while the stream grows, and a session's state kept across a restart:
the ledger goes on after what is on disk, the time away is a gap, the saved state reads back."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from pipelines.catalog import load_catalog
from pipelines.highlights import HighlightOptions, find_highlights
from pipelines.live import ChunkAssembler, finish_recording
from pipelines.live.scoring import LiveScorer, score_live
from pipelines.live.state import LiveState, SavedRecording, append_comments, load_comments, load_state, save_state
from pipelines.media import probe
from pipelines.transcript import Transcript
from tests.pipelines.highlights.streams import SEED_CATALOG, STREAMS
from tests.pipelines.live.conftest import EventLog, live_options
from tests.pipelines.live.test_push import chunks_of

OPTIONS = HighlightOptions(llm_titles=False)


def prefix(transcript: Transcript, until_s: float) -> Transcript:
    """The transcript as it stood `until_s` into the stream (whole sentences only, as the live one grows)."""
    return replace(transcript, duration=until_s, segments=[s for s in transcript.segments if s.end <= until_s])


def test_candidates_follow_the_stream_and_end_as_the_whole_stream_pick() -> None:
    stream = STREAMS["stream3"]
    full, comments, catalog = stream.truth_transcript(), stream.comments(), load_catalog(SEED_CATALOG)
    now = {"s": 90.0}
    scorer = LiveScorer(lambda: (prefix(full, now["s"]), [c for c in comments if c.time <= now["s"]], catalog),
                        OPTIONS, every_s=3600, top=5)  # throttled out: only score_now runs
    try:
        early = scorer.score_now()
        assert early.covered_s == 90.0 and early.highlights
        assert all(h.end <= 90.0 + OPTIONS.padding_s for h in early.highlights)
        assert all(h.title and h.kind in ("demo", "tasting", "offer", "qa", "other") for h in early.highlights)
        now["s"] = full.duration
        final = scorer.score_now()
    finally:
        scorer.close()
    whole = find_highlights(full, catalog, comments, OPTIONS.model_copy(update={"max_count": 8}))
    assert [(h.start, h.end, h.kind) for h in final.highlights] == [(h.start, h.end, h.kind) for h in whole[:5]]
    assert max(h.end for h in final.highlights) > 90.0  # the later stream brought better moments
    assert scorer.runs == 2 and scorer.cpu_s < 5.0


def test_rescoring_is_throttled_in_its_own_thread() -> None:
    stream = STREAMS["stream3"]
    transcript, catalog = stream.truth_transcript(), load_catalog(SEED_CATALOG)
    scorer = LiveScorer(lambda: (transcript, [], catalog), OPTIONS, every_s=0.5, top=3)
    try:
        started = time.monotonic()
        while time.monotonic() - started < 1.6:
            scorer.changed()  # a window made final: every 20 ms here, far more often than a real stream
            time.sleep(0.02)
        deadline = time.monotonic() + 10
        while scorer.latest is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        scorer.close()
    assert 1 <= scorer.runs <= 5, scorer.runs  # about every 0.5 s, not 80 times
    assert [h.start for h in scorer.latest.highlights] == \
        [h.start for h in score_live(transcript, catalog, [], OPTIONS, 3)]


def test_a_pushed_session_goes_on_after_a_restart(webm: Path, tmp_path: Path) -> None:
    """The service stops mid-stream; a new assembler on the same folder numbers its segments after the
    old ones, records the time away as a gap, and the two parts join into one recording."""
    folder = tmp_path / "live" / "segments"
    first = ChunkAssembler(folder, live_options(segment_s=5), EventLog())
    for seq, chunk in enumerate(chunks_of(webm)):
        first.push(seq, chunk)
    before = first.finish()  # shutdown closes the segment in progress
    save_state(folder.parent, LiveState("L1", "t1", "手机直播", "push", "push", 1.0, next_seq=first.next_seq,
                                        saved_at=time.time() - 3))
    append_comments(folder.parent, [{"time": 3.0, "user": "u", "text": "要两份"}])

    state = load_state(folder.parent)
    assert state is not None and state.next_seq == first.next_seq and not state.pulled
    assert load_comments(folder.parent) == [{"time": 3.0, "user": "u", "text": "要两份"}]
    events = EventLog()
    second = ChunkAssembler(folder, live_options(segment_s=5), events, first_seq=state.next_seq)
    second.sink.mark_drop("live_service_restart", state.saved_at)
    assert second.segments == first.segments  # what was recorded is there
    for seq, chunk in enumerate(chunks_of(webm), start=state.next_seq):  # the client starts a new recorder
        second.push(seq, chunk)
    after = second.finish()

    assert after.segments > before.segments and len(after.gaps) == 1
    gap = after.gaps[0]
    assert gap.error == "live_service_restart" and gap.at_s == before.recorded_s and gap.length_s >= 3
    assert events.closed[0][2] == first.segments[-1].index + 1 and events.closed[0][3] == before.recorded_s
    joined = finish_recording([s.path for s in second.segments], tmp_path / "joined")
    assert abs(joined.info.duration_s - 2 * probe(webm).duration_s) < 1.0
    saved = SavedRecording(folder)  # what a restart finds when only finishing is left
    assert saved.status().state == "ended" and saved.segments == second.segments
