from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.store.tenants import create_tenant
from pipelines.asr import TranscribeOptions, catalog_hotwords, transcribe
from pipelines.catalog import load_catalog
from pipelines.provision import provision_all
from pipelines.transcript import Transcript
from tests.utils.backends import Backend, Cluster, add_option, scope_backend
from tests.utils.paths import PRODUCTS_CSV, REPO, STREAM_MP4
from tests.utils.server import free_port, wait_http


def pytest_addoption(parser: pytest.Parser) -> None:
    add_option(parser, os.environ.get("WUTONG_TEST_BACKENDS", "embedded"))


@pytest.fixture(scope="session")
def cluster_servers(request: pytest.FixtureRequest) -> Iterator[Cluster | None]:
    """The session's PostgreSQL and Chroma servers with --backends=cluster; None on the embedded default."""
    if request.config.getoption("--backends") != "cluster":
        yield None
        return
    servers = Cluster.start()
    try:
        yield servers
    finally:
        servers.stop()


# Each scope's own database and Chroma database, in the environment while it lasts, so services built
# by session- and module-scoped fixtures get theirs too (autouse fixtures run first within a scope).
@pytest.fixture(scope="session", autouse=True)
def session_backend(cluster_servers: Cluster | None) -> Iterator[Backend]:
    with scope_backend(cluster_servers) as backend:
        yield backend


@pytest.fixture(scope="module", autouse=True)
def module_backend(cluster_servers: Cluster | None, session_backend: Backend) -> Iterator[Backend]:
    with scope_backend(cluster_servers) as backend:
        yield backend


@pytest.fixture(autouse=True)
def backend(cluster_servers: Cluster | None, module_backend: Backend) -> Iterator[Backend]:
    with scope_backend(cluster_servers) as found:
        yield found


@pytest.fixture(scope="session")
def model_dir() -> Path:
    """The shared model cache (provisioned once by `make test`, reused by every test)."""
    path = Path(os.environ.get("WUTONG_MODEL_DIR", REPO / "var" / "models"))
    provision_all(path)
    return path


@pytest.fixture(scope="session")
def asr_options() -> TranscribeOptions:
    return TranscribeOptions()


@pytest.fixture(scope="session")
def catalog_terms() -> list[str]:
    """The shared catalog's names and origins, as the service gives them to the transcriber."""
    return catalog_hotwords(load_catalog(PRODUCTS_CSV))


@pytest.fixture(scope="session")
def stream_progress() -> list[tuple[float, str]]:
    return []


@pytest.fixture(scope="session")
def stream_transcript(model_dir: Path, asr_options: TranscribeOptions, catalog_terms: list[str],
                      stream_progress: list[tuple[float, str]]) -> Transcript:
    """The shared stream, transcribed once per session with the catalog as hotwords."""
    return transcribe(STREAM_MP4, asr_options, model_dir=model_dir, hotwords=catalog_terms,
                      progress=lambda f, stage: stream_progress.append((f, stage)))


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path, backend: Backend) -> Settings:
    return Settings(data_dir=tmp_path / "data", model_dir=model_dir, default_api_key="test-default-key",
                    seed_knowledge=False, **backend.settings())


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        test_client.headers["Authorization"] = "Bearer test-default-key"
        yield test_client


@pytest.fixture
def other_tenant_headers(client: TestClient) -> dict[str, str]:
    """Credentials of a second tenant in the same service."""
    _, key = create_tenant(client.app.state.ctx.db, "other-group")
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(scope="session")
def llama_server(model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """llama-cpp-python's own OpenAI-compatible server on loopback: a real hosted-LLM stand-in."""
    port = free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model_dir / "qwen2.5-0.5b-instruct" / "model.gguf"),
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", "2",
             "--model_alias", "qwen2.5-0.5b-instruct"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        wait_http(f"http://127.0.0.1:{port}/v1/models", proc)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        proc.wait(10)
