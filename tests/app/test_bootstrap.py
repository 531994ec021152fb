"""Start-up on a data folder of the first release: the database is adopted and migrated, and every
tenant's catalog table is backfilled from its knowledge base (a job)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.store.tenants import hash_key
from tests.app.store.test_migrations import LEGACY


def test_a_first_release_data_folder_is_adopted(tmp_path: Path, model_dir: Path) -> None:
    with sqlite3.connect(tmp_path / "wutong.db") as conn:
        conn.executescript(LEGACY)
        conn.execute("INSERT INTO api_keys VALUES (?, 't1', 1)", (hash_key("k"),))
    # the first release's SQLite file, whatever backends the suite runs on (--backends=cluster)
    settings = Settings(data_dir=tmp_path, model_dir=model_dir, seed_knowledge=False, database_url=None,
                        chroma_url=None)
    with TestClient(create_app(settings, run_worker=False)) as client:
        jobs = client.get("/v1/jobs", headers={"Authorization": "Bearer k"}).json()["data"]
        recording = client.get("/v1/recordings/r1", headers={"Authorization": "Bearer k"}).json()
    assert "catalog_backfill" in [j["kind"] for j in jobs]
    assert recording["filename"] == "live.mp4" and recording["transcribed"] is False
