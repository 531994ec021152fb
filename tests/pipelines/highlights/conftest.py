from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.asr import TranscribeOptions, transcribe
from pipelines.transcript import Transcript
from tests.pipelines.highlights.streams import STREAMS


@pytest.fixture(scope="session")
def stream3_transcript(model_dir: Path, asr_options: TranscribeOptions, catalog_terms: list[str]) -> Transcript:
    """The second dev stream (its products are in the shared catalog), transcribed once per session
    with the catalog as hotwords, as the service does."""
    return transcribe(STREAMS["stream3"].mp4, asr_options, model_dir=model_dir, hotwords=catalog_terms)


@pytest.fixture
def asr_transcripts(request: pytest.FixtureRequest) -> dict[str, Transcript]:
    """Real whisper transcripts of the dev streams, by stream name (each built once per session)."""
    return {"stream": request.getfixturevalue("stream_transcript"),
            "stream3": request.getfixturevalue("stream3_transcript")}
