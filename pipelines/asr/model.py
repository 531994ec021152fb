"""The whisper model: resolved from options, loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from faster_whisper import BatchedInferencePipeline, WhisperModel

from pipelines.asr.options import TranscribeOptions
from pipelines.errors import ModelUnavailable
from pipelines.provision import provision_whisper

EMBEDDED_NAME = "whisper-base"


def resolve_model_path(options: TranscribeOptions, model_dir: Path) -> str:
    """The model folder to load: the configured one, or the embedded whisper base (provisioned)."""
    if options.model_path is None:
        return str(provision_whisper(model_dir))
    path = Path(options.model_path)
    if not (path / "model.bin").is_file():
        raise ModelUnavailable(f"no CTranslate2 whisper model (model.bin) in {path}")
    return str(path)


@lru_cache(maxsize=2)
def get_whisper(model_path: str, device: str, compute_type: str, threads: int) -> WhisperModel:
    try:
        return WhisperModel(model_path, device=device, compute_type=compute_type, cpu_threads=threads)
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelUnavailable(f"cannot load whisper model from {model_path}: {exc}") from exc


@lru_cache(maxsize=2)
def get_batched(model_path: str, device: str, compute_type: str, threads: int) -> BatchedInferencePipeline:
    return BatchedInferencePipeline(get_whisper(model_path, device, compute_type, threads))


def model_for(options: TranscribeOptions, model_dir: Path) -> WhisperModel:
    path = resolve_model_path(options, model_dir)
    return get_whisper(path, options.device, options.compute_type, options.threads)
