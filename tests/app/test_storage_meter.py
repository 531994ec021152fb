"""The storage limit without a folder walk per upload: walks are reused, refusals only on a fresh walk."""

from pathlib import Path

import pytest

import app.limits as limits_module
from app.config_sections import MB, LimitOptions
from app.limits import StorageMeter
from pipelines.errors import TooLarge

ONE_MB = LimitOptions(storage_mb=1)


def fill(folder: Path, name: str, size: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"\0" * size)


def test_a_flood_of_checks_walks_the_folder_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    walks = []
    real = limits_module.used_bytes
    monkeypatch.setattr(limits_module, "used_bytes", lambda folder: walks.append(folder) or real(folder))
    for i in range(50):
        fill(tmp_path, f"{i}.bin", 1000)
        StorageMeter().check(tmp_path, 1000, ONE_MB)  # a new meter walks every time
    meter = StorageMeter()
    walks.clear()
    for _ in range(200):
        meter.check(tmp_path, 1000, ONE_MB)
    assert len(walks) == 1


def test_bytes_kept_since_the_walk_count_and_a_refusal_is_measured(tmp_path: Path) -> None:
    meter = StorageMeter()
    meter.check(tmp_path, 0, ONE_MB)  # walks: empty
    fill(tmp_path, "rec.wav", 900 * 1024)
    meter.added(tmp_path, 900 * 1024)
    with pytest.raises(TooLarge) as refused:
        meter.check(tmp_path, 200 * 1024, ONE_MB)
    assert refused.value.code == "storage_full" and "1 MB" in refused.value.message


def test_deleting_frees_space_at_once(tmp_path: Path) -> None:
    meter = StorageMeter()
    fill(tmp_path, "old.wav", MB - 10)
    with pytest.raises(TooLarge):
        meter.check(tmp_path, 1000, ONE_MB)
    (tmp_path / "old.wav").unlink()
    meter.check(tmp_path, 1000, ONE_MB)  # the cached walk would refuse; the fresh one accepts
