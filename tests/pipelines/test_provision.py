from __future__ import annotations

import hashlib
import multiprocessing
from pathlib import Path

import pytest

from pipelines.errors import ModelUnavailable
from pipelines.provision import QWEN_05B, WHISPER_BASE, ModelSpec, Part, provision, sha256_file


def test_embedded_models_are_joined_and_verified(model_dir: Path) -> None:
    whisper = provision(WHISPER_BASE, model_dir)
    assert sha256_file(whisper / "model.bin") == WHISPER_BASE.sha256
    assert {p.name for p in whisper.iterdir()} >= {"model.bin", "config.json", "tokenizer.json", "vocabulary.json"}
    assert sha256_file(provision(QWEN_05B, model_dir) / "model.gguf") == QWEN_05B.sha256


def make_spec(tmp_path: Path, parts: list[bytes], expected: bytes) -> ModelSpec:
    paths = []
    for i, data in enumerate(parts):
        path = tmp_path / f"part{i}"
        path.write_bytes(data)
        paths.append(path)
    return ModelSpec(name="toy", filename="model.bin", sha256=hashlib.sha256(expected).hexdigest(),
                     parts=tuple((lambda p=p: p) for p in paths))


def test_parts_are_joined_in_order(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, [b"abc" * 1000, b"def" * 1000], b"abc" * 1000 + b"def" * 1000)
    folder = provision(spec, tmp_path / "models")
    assert (folder / "model.bin").read_bytes() == b"abc" * 1000 + b"def" * 1000
    assert provision(spec, tmp_path / "models") == folder  # idempotent


def test_corrupted_part_is_rejected_and_nothing_is_left(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, [b"abc" * 1000, b"dXf" * 1000], b"abc" * 1000 + b"def" * 1000)
    with pytest.raises(ModelUnavailable, match="checksum"):
        provision(spec, tmp_path / "models")
    assert [p.name for p in (tmp_path / "models" / "toy").iterdir()] == []


def test_missing_package_is_named() -> None:
    part = Part("wutong-no-such-model", "wutong_no_such_model", "data/x.bin")
    with pytest.raises(ModelUnavailable, match="pip install wutong-no-such-model"):
        part.locate()


def _provision_in_child(args: tuple[Path, Path]) -> str:
    spec_dir, models = args
    spec_dir.mkdir()
    spec = make_spec(spec_dir, [b"x" * 4_000_000, b"y" * 4_000_000], b"x" * 4_000_000 + b"y" * 4_000_000)
    return sha256_file(provision(spec, models) / "model.bin")


def test_concurrent_processes_never_see_half_a_file(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        digests = pool.map(_provision_in_child, [(tmp_path / f"src{i}", tmp_path / "models") for i in range(4)])
    assert len(set(digests)) == 1
    assert [p.name for p in (tmp_path / "models" / "toy").iterdir()] == ["model.bin"]
