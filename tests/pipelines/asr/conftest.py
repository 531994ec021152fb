"""Expensive transcriptions, each done once per session and shared by the asr tests."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines.asr import TranscribeOptions, get_whisper, transcribe
from pipelines.asr.model import resolve_model_path
from pipelines.catalog import load_catalog
from pipelines.transcript import Transcript
from tests.utils.paths import MEDIA, PRODUCTS_CSV, RECIPES, STREAM_MP4

ASR_DIR = MEDIA / "asr"


@dataclass
class Clip:
    path: Path
    reference: str
    transcript: Transcript
    raw_text: str  # bare WhisperModel.transcribe on the same file and model


def raw_text(path: Path, options: TranscribeOptions, model_dir: Path) -> str:
    model = get_whisper(resolve_model_path(options, model_dir), options.device, options.compute_type, options.threads)
    segments, _ = model.transcribe(str(path), language="zh", beam_size=options.beam_size, vad_filter=True)
    return "".join(s.text for s in segments)


@pytest.fixture(scope="session")
def asr_clips(model_dir: Path, asr_options: TranscribeOptions) -> list[Clip]:
    with (ASR_DIR / "transcripts.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [
        Clip(ASR_DIR / r["file"], r["text_normalized"],
             transcribe(ASR_DIR / r["file"], asr_options, model_dir=model_dir),
             raw_text(ASR_DIR / r["file"], asr_options, model_dir))
        for r in rows
    ]


@pytest.fixture(scope="session")
def stream_truth() -> list[dict]:
    return json.loads((STREAM_MP4.parent / "script_truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def stream_raw_text(model_dir: Path, asr_options: TranscribeOptions) -> str:
    return raw_text(STREAM_MP4, asr_options, model_dir)


STREAM3_MP4 = MEDIA / "stream3" / "stream.mp4"


@pytest.fixture(scope="session")
def shared_knowledge() -> list[str]:
    """A tenant's knowledge as the service passes it: the shared catalog's fact sheets and recipes."""
    texts = [p.describe() for p in load_catalog(PRODUCTS_CSV)]
    return texts + [p.read_text(encoding="utf-8") for p in sorted(RECIPES.rglob("*.md"))
                    if not p.name.startswith(("README", "LICENSE"))]


@pytest.fixture(scope="session")
def stream3_truth() -> str:
    return "".join(s["text"] for s in json.loads((STREAM3_MP4.parent / "script_truth.json").read_text("utf-8")))


@pytest.fixture(scope="session")
def stream3_transcript(model_dir: Path, asr_options: TranscribeOptions, catalog_terms: list[str],
                       shared_knowledge: list[str]) -> Transcript:
    """The second dev stream (same catalog), with the tenant's knowledge for the domain pass."""
    return transcribe(STREAM3_MP4, asr_options, model_dir=model_dir, hotwords=catalog_terms,
                      knowledge=shared_knowledge)
