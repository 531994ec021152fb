"""The leader corrects a transcript line: saved with its times, and its new terms feed the glossary
that the next transcription is given as hotwords."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pysubs2
import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.services.transcription import introduced_terms, spread_words, tenant_hotwords
from tests.utils.jobs import wait_job
from tests.utils.paths import MEDIA, PRODUCTS_CSV

WAV = MEDIA / "asr" / "paddlespeech_zh.wav"  # 我认为跑步最重要的就是给我带来了身体健康
CATALOG = ["沙瓤西红柿", "特级初榨橄榄油", "山东寿光"]


@pytest.mark.parametrize(("original", "corrected", "expected"), [
    ("这个沙壤西红柿特别甜啊", "这个沙瓤西红柿特别甜啊", ["沙瓤西红柿", "沙瓤"]),  # catalog name + the misheard word
    ("今天给大家带来巴旦木，很香", "今天给大家带来巴坦木，很香", ["巴坦木"]),  # jieba's 巴坦|木 kept together
    ("身体健康", "身体健康，还有桂花酒酿和苦荞。", ["桂花酒酿", "苦荞"]),  # split at 还有/和
    ("还有沙壤西红柿", "还有沙瓤西红柿", ["沙瓤西红柿", "沙瓤"]),
    ("我们的特级出站橄榄油", "我们的特级初榨橄榄油", ["特级初榨橄榄油", "初榨"]),
    ("来自山东受光的", "来自山东寿光的", ["山东寿光", "寿光"]),
    ("好的好的", "好的好的", []),  # unchanged
    ("价格是八十九", "价格是89元", []),  # no Chinese term introduced
    ("大家好", "大家好，今天天气不错我们准备了很多很多好东西", []),  # a rewrite, not a misheard word
    ("大家好", "大家好，今天我们准备了很多沙瓤西红柿", ["沙瓤西红柿"]),  # ...but catalog names still count
])
def test_introduced_terms(original: str, corrected: str, expected: list[str]) -> None:
    assert introduced_terms(original, corrected, CATALOG) == expected


def test_spread_words_cover_the_span_evenly() -> None:
    words = spread_words("沙瓤西红柿，5元1斤！", 10.0, 14.0)
    assert "".join(w.word for w in words) == "沙瓤西红柿，5元1斤！"
    assert words[0].start == 10.0 and words[-1].end == 14.0
    assert all(a.end == b.start for a, b in zip(words, words[1:]))
    assert max(w.end - w.start for w in words) - min(w.end - w.start for w in words) < 0.01


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[TestClient]:
    """One service for the module: a tenant with the shared catalog and a transcribed clip."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("corrections"), model_dir=model_dir,
                        default_api_key="k", seed_knowledge=False)
    with TestClient(create_app(settings)) as client:
        client.headers["Authorization"] = "Bearer k"
        with PRODUCTS_CSV.open("rb") as fh:
            assert client.post("/v1/knowledge/documents", files={"file": ("products.csv", fh)}).status_code == 201
        yield client


@pytest.fixture(scope="module")
def transcribed(api: TestClient) -> str:
    rec = api.post("/v1/recordings", files={"file": ("zh.wav", WAV.read_bytes())}).json()
    transcribe(api, rec["id"])
    return rec["id"]


def transcribe(client: TestClient, rec_id: str) -> dict:
    job = wait_job(client, client.post(f"/v1/recordings/{rec_id}/transcribe", json={}).json()["job_id"])
    assert job["status"] == "succeeded", job
    return client.get(f"/v1/recordings/{rec_id}/transcript").json()


def test_correction_is_saved_with_its_times(api: TestClient, transcribed: str) -> None:
    before = api.get(f"/v1/recordings/{transcribed}/transcript").json()["segments"][0]
    text = before["text"].rstrip("。") + "，沙瓤西红柿、桂花酒酿。"
    response = api.put(f"/v1/recordings/{transcribed}/transcript/segments/0", json={"text": text})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["segment"]["text"] == text and set(body["glossary_terms"]) >= {"沙瓤西红柿", "桂花酒酿"}
    after = api.get(f"/v1/recordings/{transcribed}/transcript").json()
    segment = after["segments"][0]
    assert (segment["text"], segment["start"], segment["end"]) == (text, before["start"], before["end"])
    assert "".join(w["word"] for w in segment["words"]) == text
    assert all(before["start"] <= w["start"] < w["end"] <= before["end"] + 1e-6 for w in segment["words"])
    assert after["corrections"][-1]["reason"] == "leader" and after["corrections"][-1]["corrected"] == text
    srt = api.get(f"/v1/recordings/{transcribed}/transcript", params={"format": "srt"}).text
    assert pysubs2.SSAFile.from_string(srt, format_="srt")[0].plaintext.replace("\n", "") == text


def test_corrected_terms_are_the_next_transcriptions_hotwords(api: TestClient, transcribed: str) -> None:
    text = "我认为跑步最重要的就是给我带来了身体健康，桂花酒酿。"
    api.put(f"/v1/recordings/{transcribed}/transcript/segments/0", json={"text": text})
    ctx = api.app.state.ctx
    tenant_id = api.get("/v1/me").json()["tenant_id"]
    assert "桂花酒酿" in tenant_hotwords(ctx, tenant_id)
    again = transcribe(api, transcribed)
    assert "桂花酒酿" in again["meta"]["hotwords"] and "特级初榨橄榄油" in again["meta"]["hotwords"]


@pytest.mark.parametrize(("index", "status", "code"), [(99, 404, "segment_not_found"), (-1, 404, "segment_not_found")])
def test_bad_segment_index(api: TestClient, transcribed: str, index: int, status: int, code: str) -> None:
    response = api.put(f"/v1/recordings/{transcribed}/transcript/segments/{index}", json={"text": "一句"})
    assert response.status_code == status and response.json()["error"]["code"] == code


def test_empty_text_is_refused(api: TestClient, transcribed: str) -> None:
    response = api.put(f"/v1/recordings/{transcribed}/transcript/segments/0", json={"text": ""})
    assert response.status_code == 422


def test_untranscribed_and_other_groups_recordings(client: TestClient, other_tenant_headers: dict[str, str]) -> None:
    rec = client.post("/v1/recordings", files={"file": ("zh.wav", WAV.read_bytes())}).json()
    response = client.put(f"/v1/recordings/{rec['id']}/transcript/segments/0", json={"text": "一句"})
    assert response.status_code == 404 and response.json()["error"]["code"] == "transcript_not_found"
    response = client.put(f"/v1/recordings/{rec['id']}/transcript/segments/0", json={"text": "一句"},
                          headers=other_tenant_headers)
    assert response.status_code == 404 and response.json()["error"]["code"] == "recording_not_found"
