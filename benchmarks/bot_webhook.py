"""Group-bot webhook throughput: 20 groups asking at once against one real server process.

    .venv/bin/python benchmarks/bot_webhook.py [--groups 20] [--rounds 2]

Baseline in the same run: the same number of questions delivered one at a time. Catalog and
recipe answers need no LLM call, and each group's burst is answered in turn without holding the
other groups' requests; the numbers say how long the last resident in a busy moment waits. The
one-at-a-time pass runs first, so with the answer cache on the crowd's questions are cache hits;
--no-cache measures every answer computed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.services.bot import sign  # noqa: E402
from tests.utils.server import WutongServer  # noqa: E402

SHARED = REPO.parent / "shared"
QUESTIONS = [json.loads(line)["question"] for line in (SHARED / "eval" / "questions-dev.jsonl").open(encoding="utf-8")]
KEY = "bench-key"


def deliver(url: str, bot: dict, group: str, msg_id: str, question: str) -> tuple[float, int]:
    msg = {"msg_id": msg_id, "group_id": group, "sender": "邻居", "text": f"@梧桐 {question}", "ts": int(time.time())}
    body = json.dumps(msg, ensure_ascii=False).encode()
    headers = {"X-Wutong-Tenant": bot["tenant_id"], "Content-Type": "application/json",
               "X-Wutong-Signature": sign(bot["bot_secret"], str(msg["ts"]), body)}
    start = time.perf_counter()
    response = httpx.post(f"{url}/v1/bot/webhook", content=body, headers=headers, timeout=600)
    return time.perf_counter() - start, response.status_code


def run(url: str, bot: dict, jobs: list[tuple[str, str, str]], workers: int) -> tuple[float, list[float], int]:
    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda job: deliver(url, bot, *job), jobs))
    errors = sum(code != 200 for _, code in results)
    return time.perf_counter() - start, sorted(t for t, _ in results), errors


def pct(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2, help="questions per group")
    parser.add_argument("--no-cache", action="store_true", help="turn the answer cache off (every answer computed)")
    args = parser.parse_args()
    env = {"WUTONG_DEFAULT_API_KEY": KEY, "WUTONG_BOT_RATE_PER_MINUTE": "1000"}
    if args.no_cache:
        env["WUTONG_ASK__CACHE_ENTRIES"] = "0"
    with tempfile.TemporaryDirectory() as tmp:
        server = WutongServer(Path(tmp), REPO / "var" / "models", env).start()
        try:
            auth = {"Authorization": f"Bearer {KEY}"}
            with (SHARED / "knowledge" / "products.csv").open("rb") as fh:
                httpx.post(f"{server.url}/v1/knowledge/documents", headers=auth, files={"file": ("p.csv", fh)}, timeout=600)
            bot = httpx.get(f"{server.url}/v1/bot/config", headers=auth).json()
            n = args.groups * args.rounds
            make = lambda tag: [(f"g{i % args.groups}", f"{tag}-{i}", QUESTIONS[i % len(QUESTIONS)]) for i in range(n)]  # noqa: E731
            deliver(server.url, bot, "warm", "warm-up", QUESTIONS[0])
            seq_wall, seq, seq_err = run(server.url, bot, make("seq"), 1)
            par_wall, par, par_err = run(server.url, bot, make("par"), args.groups)
        finally:
            server.stop()
    print(f"{'mode':<22}{'messages':>9}{'wall s':>9}{'msg/s':>8}{'p50 s':>8}{'p95 s':>8}{'errors':>8}")
    for name, wall, times, errors in (("one at a time (base)", seq_wall, seq, seq_err),
                                      (f"{args.groups} groups at once", par_wall, par, par_err)):
        print(f"{name:<22}{len(times):>9}{wall:>9.1f}{len(times) / wall:>8.2f}{statistics.median(times):>8.2f}"
              f"{pct(times, 0.95):>8.2f}{errors:>8}")
    print(f"throughput ratio (at once / one at a time): {seq_wall / par_wall:.2f}x")


if __name__ == "__main__":
    main()
