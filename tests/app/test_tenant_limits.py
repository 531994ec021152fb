"""Per-tenant limits over HTTP: 429 with Retry-After (queued jobs, questions) or 413 (storage), each with a
Chinese message, and never affecting another tenant (the real service; no model runs)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import LimitOptions, Settings
from app.errors import RateLimited
from app.limits import InFlight
from app.main import create_app
from app.store.tenants import create_tenant
from pipelines.embeddings import LOCK_BATCH
from tests.utils.paths import MEDIA, RECIPES

WAV = MEDIA / "asr" / "paddlespeech_zh.wav"


@pytest.fixture
def limited(tmp_path: Path, model_dir: Path) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path, model_dir=model_dir, default_api_key="k", seed_knowledge=False,
                        limits=LimitOptions(queued_jobs=1, ask_per_minute=2, storage_mb=1, uploads_per_minute=3))
    with TestClient(create_app(settings, run_worker=False)) as client:
        client.headers["Authorization"] = "Bearer k"
        yield client


def other(client: TestClient, name: str = "b") -> dict[str, str]:
    _, key = create_tenant(client.app.state.ctx.db, name)
    return {"Authorization": f"Bearer {key}"}


def test_queued_jobs_over_the_limit_get_429(limited: TestClient) -> None:
    rec_id = limited.post("/v1/recordings", files={"file": ("zh.wav", WAV.read_bytes())}).json()["id"]
    assert limited.post(f"/v1/recordings/{rec_id}/transcribe", json={}).status_code == 202
    refused = limited.post(f"/v1/recordings/{rec_id}/highlights", json={})
    assert refused.status_code == 429 and refused.headers["Retry-After"].isdigit()
    assert refused.json()["error"]["code"] == "too_many_jobs" and "排队" in refused.json()["error"]["message"]


def test_a_questions_slot_is_free_before_its_answer_is_sent(limited: TestClient) -> None:
    """A resident who asks again as soon as the answer arrives is never told the last one is in progress
    (the slot used to be freed after the response was sent, so a quick client got question_in_progress)."""
    ctx = limited.app.state.ctx
    busy_when_sent: list[int] = []
    body = json.dumps({"question": "橄榄油多少钱？"}).encode()
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/v1/ask", "raw_path": b"/v1/ask", "query_string": b"", "root_path": "",
             "server": ("testserver", 80), "client": ("127.0.0.1", 5000),
             "headers": [(b"authorization", b"Bearer k"), (b"content-type", b"application/json"),
                         (b"content-length", str(len(body)).encode())]}

    async def receive() -> dict:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            busy_when_sent.append(ctx.asking.busy())
            assert message["status"] == 200

    asyncio.run(limited.app(scope, receive, send))
    assert busy_when_sent == [0]


def test_uploads_over_the_rate_get_429_before_their_body_is_written(limited: TestClient) -> None:
    ctx = limited.app.state.ctx
    statuses = [limited.post("/v1/recordings", files={"file": (f"{i}.wav", WAV.read_bytes() + bytes([i]))}).status_code
                for i in range(3)]
    assert statuses == [201, 201, 201]
    refused = limited.post("/v1/recordings", files={"file": ("3.wav", WAV.read_bytes() + b"3")})
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "too_many_uploads"
    assert 50 <= int(refused.headers["Retry-After"]) <= 60 and "上传太频繁" in refused.json()["error"]["message"]
    assert not any(ctx.files.tmp.iterdir())  # nothing of the refused body was written
    assert limited.get("/v1/recordings").json()["count"] == 3
    assert limited.post("/v1/recordings", files={"file": ("b.wav", WAV.read_bytes())},
                        headers=other(limited)).status_code == 201


def test_questions_over_the_rate_get_429_for_that_tenant_only(limited: TestClient) -> None:
    # an empty question is refused by validation after the rate check, so no model is needed to count
    statuses = [limited.post("/v1/ask", json={}).status_code for _ in range(3)]
    assert statuses == [422, 422, 429]
    refused = limited.post("/v1/ask", json={})
    assert refused.headers["Retry-After"] == "60" and "提问太频繁" in refused.json()["error"]["message"]
    assert limited.post("/v1/ask", json={}, headers=other(limited)).status_code == 422


def test_storage_over_the_limit_gets_413(limited: TestClient) -> None:
    big = WAV.read_bytes() * (1 + (1024 * 1024) // len(WAV.read_bytes()))
    response = limited.post("/v1/recordings", files={"file": ("zh.wav", big)})
    assert response.status_code == 413 and response.json()["error"]["code"] == "storage_full"
    assert "删除" in response.json()["error"]["message"]
    assert limited.post("/v1/recordings", files={"file": ("zh.wav", WAV.read_bytes())}).status_code == 201


def test_a_tenant_has_at_most_its_limit_of_questions_in_flight() -> None:
    asking = InFlight()
    with asking.hold("a", 1):
        with pytest.raises(RateLimited) as refused:
            with asking.hold("a", 1):
                pass
        assert refused.value.headers["Retry-After"] == "5"
        with asking.hold("b", 1):  # another tenant is not held up
            pass
    with asking.hold("a", 1):  # released when the first question ended
        pass


def long_document(tag: str, paragraphs: int = 3 * LOCK_BATCH) -> dict[str, str]:
    """A document of about `paragraphs` chunks no test has embedded before (the embedding cache cannot help)."""
    recipes = sorted(RECIPES.rglob("*.md"))
    stamp = time.time_ns()
    body = "\n\n".join(f"{tag}-{stamp}-{i}：" + recipes[i % len(recipes)].read_text(encoding="utf-8")[:300]
                         .replace("\n", " ") for i in range(paragraphs))
    return {"path": f"flood/{tag}.md", "text": f"# {tag}\n\n{body}"}


def test_one_tenants_ingest_flood_takes_one_ingest_thread(limited: TestClient) -> None:
    """Tenant A sends two large documents at once; tenant B's note goes in beside A's first one instead
    of queueing behind A's documents (each tenant ingests one document at a time, and the embedder
    takes its lock per batch, so B's passage goes between two of A's batches)."""
    done: dict[str, float] = {}

    def post(name: str, body: dict[str, str], headers: dict[str, str]) -> None:
        assert limited.post("/v1/knowledge/documents", json=body, headers=headers).status_code == 201
        done[name] = time.perf_counter()

    flood = [threading.Thread(target=post, args=(f"a{i}", long_document(f"a{i}"), {})) for i in range(2)]
    for thread in flood:
        thread.start()
    time.sleep(0.3)  # A's documents are in before B's
    post("b", {"path": "notes/提货.md", "text": "# 提货\n\n周六下午三点到六点在小区门口提货。"}, other(limited))
    for thread in flood:
        thread.join(300)
    assert len(done) == 3 and done["b"] < min(done["a0"], done["a1"])


def test_a_client_ignoring_retry_after_is_refused_before_routing(limited: TestClient,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """After a per-minute refusal, that credential's further requests to the same endpoints are refused by
    the gate, without a key lookup or reading the body, until the window frees a slot."""
    import app.deps

    lookups = []
    real = app.deps.authenticate
    monkeypatch.setattr(app.deps, "authenticate", lambda ctx, key, *a: lookups.append(key) or real(ctx, key, *a))
    assert [limited.post("/v1/ask", json={}).status_code for _ in range(3)] == [422, 422, 429]
    lookups.clear()
    again = [limited.post("/v1/ask", content=b"{not json") for _ in range(20)]
    assert {r.status_code for r in again} == {429} and lookups == []
    assert again[-1].json()["error"]["code"] == "too_many_questions" and 0 < int(again[-1].headers["Retry-After"]) <= 60
    assert limited.post("/v1/ask", json={}, headers=other(limited)).status_code == 422  # another tenant: routed
    assert limited.get("/v1/recordings").status_code == 200  # other endpoints of the same tenant: routed


def test_a_remembered_refusal_ends_with_its_window() -> None:
    from app.refusals import RefusalMemory

    memory = RefusalMemory()
    memory.remember("Bearer k", "too_many_uploads", "上传太频繁了", 0.3)
    memory.remember("Bearer k", "too_many_jobs", "排队中的任务已达上限", 60)  # waiting may end it sooner: not kept
    assert memory.refusal("Bearer k", "uploads")[1:] == ("too_many_uploads", "上传太频繁了")
    assert memory.refusal("Bearer other", "uploads") is None and memory.refusal("Bearer k", "ask") is None
    time.sleep(0.35)
    assert memory.refusal("Bearer k", "uploads") is None
