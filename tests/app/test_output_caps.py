"""What jobs write is capped: a clip file stops at max_file_mb, and a recording keeps at most
max_per_recording clips, which bounds its kit's zip (real ffmpeg on the real stream)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from pipelines.clips import ClipOptions, render_clip
from pipelines.errors import MediaError
from tests.app.test_job_kill import highlight_to_clip
from tests.utils.jobs import wait_job
from tests.utils.paths import STREAM_MP4

SMALL = dict(width=360, height=640, preset="ultrafast")


def test_a_clip_over_its_file_cap_fails_and_leaves_no_file(tmp_path: Path) -> None:
    lossless = ClipOptions(width=720, height=1280, preset="ultrafast", crf=0, max_file_mb=1)  # ~1 MB a second
    with pytest.raises(MediaError) as failed:
        render_clip(STREAM_MP4, (0.0, 30.0), None, lossless, tmp_path)
    assert failed.value.code == "clip_too_large"
    assert list(tmp_path.rglob("*.mp4")) == []


def test_a_clip_under_its_file_cap_is_kept_whole(tmp_path: Path) -> None:
    clip = render_clip(STREAM_MP4, (0.0, 4.0), None, ClipOptions(**SMALL, max_file_mb=1), tmp_path)
    assert clip.video.stat().st_size < 1024 * 1024 and clip.duration == pytest.approx(4.0, abs=0.2)


def test_a_recording_keeps_at_most_its_cap_of_clips(tmp_path: Path, model_dir: Path) -> None:
    settings = Settings(data_dir=tmp_path, model_dir=model_dir, seed_knowledge=False,
                        clips=ClipOptions(**SMALL, max_per_recording=1))
    with TestClient(create_app(settings)) as client:
        headers, rec_id, highlight_id = highlight_to_clip(client)
        client.headers.update(headers)  # wait_job asks as the client's own tenant
        span = {"start": 10.0, "end": 13.0}
        first = client.post(f"/v1/highlights/{highlight_id}/clip", json=span, headers=headers)
        assert wait_job(client, first.json()["job_id"])["status"] == "succeeded"
        second = client.post(f"/v1/highlights/{highlight_id}/clip", json=span, headers=headers)
        assert second.status_code == 400 and second.json()["error"]["code"] == "too_many_clips"
        assert len(client.get(f"/v1/recordings/{rec_id}/clips", headers=headers).json()["data"]) == 1
