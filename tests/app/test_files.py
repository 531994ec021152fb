"""Start-up sweeps what a crash left behind: temp files and half-rendered clip folders older than a
job's lifetime. Fresh ones may belong to a job still running in another process and stay."""

from __future__ import annotations

import os
import time
from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app

OLD = time.time() - 2 * 24 * 3600


def leftovers(data: Path, age: float) -> list[Path]:
    paths = [data / "tmp" / "upload-1.part", data / "tenants" / "t1" / "transcripts" / ".r1.json.a1.tmp",
             data / "tenants" / "t1" / "comments" / ".r1.json.b2.tmp", data / "tenants" / "t1" / "clips" / ".render-c1"]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name.startswith(".render"):
            path.mkdir()
            (path / "clip.mp4").write_bytes(b"half")
        else:
            path.write_bytes(b"half")
        os.utime(path, (age, age))
    return paths


def test_startup_sweeps_old_leftovers_only(tmp_path: Path, model_dir: Path) -> None:
    old = leftovers(tmp_path / "old-data", OLD)
    fresh = leftovers(tmp_path / "fresh-data", time.time())
    for data in (tmp_path / "old-data", tmp_path / "fresh-data"):
        settings = Settings(data_dir=data, model_dir=model_dir, default_api_key="k", seed_knowledge=False)
        with TestClient(create_app(settings, run_worker=False)) as client:
            assert client.get("/health").status_code == 200
    assert [p for p in old if p.exists()] == []
    assert [p for p in fresh if not p.exists()] == []


def test_concurrent_writes_use_unique_temp_names(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from app.files import write_atomic

    target = tmp_path / "transcripts" / "r1.json"
    texts = [f'{{"writer": {i}, "pad": "{"x" * 200_000}"}}' for i in range(8)]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda t: write_atomic(target, t), texts))
    assert target.read_text() in texts  # one whole version, never a mix
    assert [p.name for p in target.parent.iterdir()] == ["r1.json"]
