from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.config import Settings, get_settings
from app.main import create_app
from pipelines.clips import ClipOptions
from pipelines.highlights import HighlightOptions
from tests.utils.jobs import wait_job
from tests.utils.paths import PRODUCTS_CSV, STREAM_MP4


@dataclass
class StreamService:
    """One running service whose default tenant has the shared catalog and a transcribed stream."""

    client: TestClient
    recording_id: str
    transcribe_job: dict


@pytest.fixture(scope="session")
def stream_service(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[StreamService]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("stream-service"), model_dir=model_dir, default_api_key="k",
        seed_knowledge=False, clips=ClipOptions(width=720, height=1280),
        highlights=HighlightOptions(llm_titles=False),  # LLM titles are tested in tests/pipelines/highlights
    )
    with TestClient(create_app(settings)) as client:
        client.headers["Authorization"] = "Bearer k"
        with PRODUCTS_CSV.open("rb") as fh:
            assert client.post("/v1/knowledge/documents", files={"file": ("products.csv", fh)}).status_code == 201
        rec = client.post("/v1/recordings", files={"file": ("stream.mp4", STREAM_MP4.read_bytes())}).json()
        accepted = client.post(f"/v1/recordings/{rec['id']}/transcribe", json={"hotwords": ["接龙"]})
        assert accepted.status_code == 202
        yield StreamService(client, rec["id"], wait_job(client, accepted.json()["job_id"]))


@pytest.fixture
def wutong(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    """The CLI on the same data folder as the `client` fixture's service."""
    monkeypatch.setenv("WUTONG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("WUTONG_MODEL_DIR", str(settings.model_dir))
    monkeypatch.setenv("WUTONG_SEED_KNOWLEDGE", "false")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()
