"""The group-bot webhook: signed, fresh, idempotent, addressed, rate limited (real KB and LLM)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import BotOptions, Settings
from app.main import create_app
from app.services.bot import sign
from tests.utils.paths import PRODUCTS_CSV


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("bot"), model_dir=model_dir, default_api_key="k",
                        seed_knowledge=False, bot=BotOptions(rate_per_minute=3))
    with TestClient(create_app(settings, run_worker=False)) as client:
        client.headers["Authorization"] = "Bearer k"
        with PRODUCTS_CSV.open("rb") as fh:
            client.post("/v1/knowledge/documents", files={"file": ("products.csv", fh)})
        yield client


@pytest.fixture(scope="module")
def bot(api: TestClient) -> dict:
    return api.get("/v1/bot/config").json()


def deliver(api: TestClient, bot: dict, msg: dict, *, secret: str | None = None, ts: float | None = None):
    msg = {"sender": "3号楼王阿姨", "ts": int(time.time()) if ts is None else ts, **msg}
    body = json.dumps(msg, ensure_ascii=False).encode()
    signature = sign(secret or bot["bot_secret"], str(msg["ts"]), body)
    headers = {"X-Wutong-Tenant": bot["tenant_id"], "X-Wutong-Signature": signature,
               "Content-Type": "application/json", "Authorization": ""}
    return api.post("/v1/bot/webhook", content=body, headers=headers)


def test_addressed_question_gets_a_cited_reply(api: TestClient, bot: dict) -> None:
    response = deliver(api, bot, {"msg_id": "m1", "group_id": "g-price", "text": "@梧桐 橄榄油多少钱？"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert not body["handoff"] and "89" in body["reply"] and body["sources"][0]["id"] == "WT-001"


def test_retried_delivery_gets_the_same_reply(api: TestClient, bot: dict) -> None:
    msg = {"msg_id": "m-retry", "group_id": "g-retry", "text": "@梧桐 三文鱼能生吃吗？"}
    first, again = deliver(api, bot, msg).json(), deliver(api, bot, msg).json()
    assert first == again


def test_messages_not_for_the_bot_are_ignored(api: TestClient, bot: dict) -> None:
    body = deliver(api, bot, {"msg_id": "m-chat", "group_id": "g1", "text": "今天天气真好"}).json()
    assert body["ignored"] is True and body["reply"] is None


@pytest.mark.parametrize("case", ["wrong secret", "stale", "no signature", "unknown tenant"])
def test_untrusted_deliveries_are_refused(api: TestClient, bot: dict, case: str) -> None:
    msg = {"msg_id": f"m-{case}", "group_id": "g1", "text": "@梧桐 橄榄油多少钱？"}
    if case == "wrong secret":
        response = deliver(api, bot, msg, secret="guess")
    elif case == "stale":
        response = deliver(api, bot, msg, ts=int(time.time()) - 3600)
    elif case == "no signature":
        response = api.post("/v1/bot/webhook", json={**msg, "ts": int(time.time())},
                            headers={"X-Wutong-Tenant": bot["tenant_id"]})
    else:
        response = api.post("/v1/bot/webhook", json={**msg, "ts": int(time.time())}, headers={"X-Wutong-Tenant": "x"})
    assert response.status_code == 401 and response.json()["error"]["code"]


def test_rate_limit_is_per_group(api: TestClient, bot: dict) -> None:
    codes = [deliver(api, bot, {"msg_id": f"rl-{i}", "group_id": "g-busy", "text": "@梧桐 鸡蛋多少钱"}).status_code
             for i in range(4)]
    assert codes == [200, 200, 200, 429]
    quiet = deliver(api, bot, {"msg_id": "rl-other", "group_id": "g-quiet", "text": "@梧桐 鸡蛋多少钱"})
    assert quiet.status_code == 200


def test_malformed_message_is_422(api: TestClient, bot: dict) -> None:
    body = b'{"msg_id": 1}'
    headers = {"X-Wutong-Tenant": bot["tenant_id"], "X-Wutong-Signature": sign(bot["bot_secret"], "0", body)}
    assert api.post("/v1/bot/webhook", content=body, headers=headers).status_code == 422
