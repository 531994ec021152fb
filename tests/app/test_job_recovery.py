"""A job accepted before the server is SIGKILLed is re-run after restart, never silently lost."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.utils.paths import STREAM_MP4
from tests.utils.server import WutongServer, wait_for

KEY = "recovery-test-key"


@pytest.mark.slow
def test_job_survives_sigkill(tmp_path: Path, model_dir: Path) -> None:
    server = WutongServer(tmp_path / "data", model_dir, {"WUTONG_DEFAULT_API_KEY": KEY}).start()
    headers = {"Authorization": f"Bearer {KEY}"}
    try:
        with STREAM_MP4.open("rb") as fh:
            rec = httpx.post(f"{server.url}/v1/recordings", headers=headers, files={"file": ("s.mp4", fh)}).json()
        queued = httpx.post(f"{server.url}/v1/recordings/{rec['id']}/transcribe", headers=headers, json={})
        assert queued.status_code == 202
        job_url = f"{server.url}/v1/jobs/{queued.json()['job_id']}"
        wait_for(lambda: httpx.get(job_url, headers=headers).json()["status"] == "running", 60)
        server.kill()  # SIGKILL mid-transcription: no chance to clean up

        server.start()
        job = wait_for(lambda: (j := httpx.get(job_url, headers=headers).json())["status"] in ("succeeded", "failed") and j,
                       300, 1.0)
        assert job["status"] == "succeeded", job
        assert job["attempts"] == 2
        transcript = httpx.get(f"{server.url}/v1/recordings/{rec['id']}/transcript", headers=headers).json()
        assert transcript["segments"] and transcript["duration"] > 100
    finally:
        server.stop()
