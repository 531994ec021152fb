"""Wait for jobs through the public API, as a client would."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient


def wait_job(client: TestClient, job_id: str, timeout: float = 600.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["status"] in ("succeeded", "failed"):
            return job
        time.sleep(0.25)
    raise TimeoutError(f"job {job_id} still running after {timeout}s")
