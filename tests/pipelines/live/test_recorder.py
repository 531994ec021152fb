"""The HLS recorder on a finished playlist (fast), and the allow-list applied to every URL it meets."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pipelines.live import LiveRecorder, SourceNotAllowed, finish_recording, load_segments, start_recording
from pipelines.live.ledger import segment_duration
from pipelines.media import probe
from tests.pipelines.live.conftest import EventLog, live_options
from tests.utils.live_source import Canned, HlsProducer, LoopbackServer


@pytest.fixture
def vod_server(vod_hls: Path):
    server = LoopbackServer(vod_hls).start()
    yield server
    server.stop()


def test_a_finished_playlist_is_recorded_in_closed_segments(vod_server, short_source, tmp_path) -> None:
    events = EventLog()
    recorder = start_recording(vod_server.url("vod.m3u8"), tmp_path / "rec", live_options(segment_s=6), events)
    status = recorder.wait(60)
    assert status.state == "ended" and status.ended_reason == "source_ended" and events.ended_reasons == ["source_ended"]
    indexes = [index for _, _, index, _, _ in events.closed]
    assert indexes == list(range(len(indexes))) and len(indexes) >= 3
    for (_, path, _, start, end), (_, _, _, next_start, _) in zip(events.closed, events.closed[1:]):
        assert next_start == end and start < end
        assert abs(segment_duration(path) - (end - start)) < 0.01
    assert load_segments(tmp_path / "rec") == recorder.segments  # the manifest survives the process
    finished = finish_recording([s.path for s in recorder.segments], tmp_path / "out" / "recording")
    source = probe(short_source)
    assert finished.path.suffix == ".mp4" and not finished.reencoded
    assert abs(finished.info.duration_s - source.duration_s) < 0.3
    assert abs(finished.info.duration_s - status.recorded_s) < 0.3
    assert finished.info.has_video and finished.info.audio_codec == "aac"


def test_a_host_off_the_list_is_refused_before_any_request(vod_server, tmp_path) -> None:
    with pytest.raises(SourceNotAllowed):
        LiveRecorder(vod_server.url("vod.m3u8", host="localhost"), tmp_path / "rec", live_options())
    assert vod_server.requests == []


def _playlist(*uris: str, endlist: bool = True) -> bytes:
    lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:2", "#EXT-X-MEDIA-SEQUENCE:0"]
    for uri in uris:
        lines += ["#EXTINF:2.0,", uri]
    return ("\n".join(lines + (["#EXT-X-ENDLIST"] if endlist else [])) + "\n").encode()


def _record_refused(server: LoopbackServer, path: str, tmp_path: Path) -> EventLog:
    events = EventLog()
    status = start_recording(server.url(path), tmp_path / "rec", live_options(), events).wait(30)
    assert status.ended_reason == "error" and status.last_error == "live_host_not_allowed"
    assert events.ended_reasons == ["error"]
    return events


def test_a_segment_on_another_host_is_never_fetched(vod_hls, tmp_path) -> None:
    server = LoopbackServer(vod_hls)
    other = f"http://localhost:{server.port}/v001.ts"  # the same server under a name not on the list
    server.canned["/mixed.m3u8"] = Canned(_playlist("v000.ts", other))
    server.start()
    try:
        events = _record_refused(server, "mixed.m3u8", tmp_path)
    finally:
        server.stop()
    assert (f"127.0.0.1:{server.port}", "/v000.ts") in server.requests
    assert not any(host.startswith("localhost") for host, _ in server.requests)
    assert len(events.closed) == 1  # what came before the refused segment is kept, closed


@pytest.mark.parametrize("canned", ["redirect", "variant", "protocol-relative"])
def test_redirects_and_variants_to_other_hosts_are_refused(vod_hls, tmp_path, canned: str) -> None:
    server = LoopbackServer(vod_hls)
    elsewhere = f"http://localhost:{server.port}/vod.m3u8"
    server.canned.update({
        "/redirect.m3u8": Canned(location=elsewhere),
        "/variant.m3u8": Canned(f"#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=500000\n{elsewhere}\n".encode()),
        "/protocol-relative.m3u8": Canned(_playlist(f"//localhost:{server.port}/v000.ts")),
    })
    server.start()
    try:
        _record_refused(server, f"{canned}.m3u8", tmp_path)
    finally:
        server.stop()
    assert [path for _, path in server.requests] == [f"/{canned}.m3u8"]


def test_a_source_that_never_comes_back_ends_as_lost(vod_hls, tmp_path) -> None:
    server = LoopbackServer(vod_hls, {"/live.m3u8": Canned(_playlist("v000.ts", "v001.ts", endlist=False))}).start()
    events = EventLog()
    recorder = start_recording(server.url("live.m3u8"), tmp_path / "rec", live_options(reconnect_for_s=2.0), events)
    while recorder.status().bytes_in == 0:
        time.sleep(0.1)
    server.stop()
    status = recorder.wait(30)
    assert status.ended_reason == "source_lost" and status.last_error == "live_connection_lost"
    assert status.segments == 1 and status.recorded_s > 3  # what was received is closed and kept


def test_stop_closes_the_segment_in_progress(short_source, tmp_path) -> None:
    producer = HlsProducer(short_source, tmp_path / "hls")
    server = LoopbackServer(tmp_path / "hls")
    events = EventLog()
    try:
        while not producer.playlist.exists():
            time.sleep(0.1)
        server.start()
        recorder = start_recording(server.url("live.m3u8"), tmp_path / "rec", live_options(segment_s=20), events)
        time.sleep(8)
        status = recorder.stop()
    finally:
        server.stop()
        producer.stop()
    assert status.state == "ended" and status.ended_reason == "stopped" and events.ended_reasons == ["stopped"]
    assert status.segments == 1 and 2 < status.recorded_s < 12  # shorter than segment_s: closed by the stop
    assert finish_recording([s.path for s in recorder.segments], tmp_path / "out").info.duration_s > 2


def test_segments_closed_after_the_manifest_are_recovered(vod_server, tmp_path) -> None:
    """The service died after ffmpeg closed its last segment but before the manifest said so."""
    recorder = start_recording(vod_server.url("vod.m3u8"), tmp_path / "rec", live_options(segment_s=6))
    recorder.wait(60)
    manifest = tmp_path / "rec" / "segments.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["segments"] = data["segments"][:-2]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    recovered = load_segments(tmp_path / "rec")
    assert [s.path for s in recovered] == [s.path for s in recorder.segments]
    assert [s.end_s for s in recovered] == pytest.approx([s.end_s for s in recorder.segments], abs=0.005)
