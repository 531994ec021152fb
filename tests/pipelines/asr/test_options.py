"""Options, the batched rule, decoder priming and error mapping."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from pipelines.asr import TranscribeOptions, get_whisper, transcribe, use_batched
from pipelines.asr.model import resolve_model_path
from pipelines.asr.prompt import decoder_hotwords, initial_prompt
from pipelines.errors import MediaError, ModelUnavailable


@pytest.mark.parametrize("batched, duration, expected", [
    ("auto", 120.0, False), ("auto", 1800.0, True), (True, 10.0, True), (False, 10800.0, False)])
def test_batched_rule(batched, duration: float, expected: bool) -> None:
    assert use_batched(TranscribeOptions(batched=batched), duration) is expected


def test_options_are_frozen_and_validated() -> None:
    options = TranscribeOptions()
    with pytest.raises(ValidationError):
        options.beam_size = 1  # type: ignore[misc]
    with pytest.raises(ValidationError):
        TranscribeOptions(chunk_s=5)


def test_initial_prompt_comes_from_a_data_file() -> None:
    assert initial_prompt(TranscribeOptions()) is None
    assert "，" in initial_prompt(TranscribeOptions(punctuation_prompt=True))


def test_decoder_hotwords_fit_the_token_budget(model_dir: Path, catalog_terms: list[str]) -> None:
    options = TranscribeOptions(decoder_hotwords=True, hotword_token_budget=40)
    model = get_whisper(resolve_model_path(options, model_dir), "cpu", "int8", 2)
    joined = decoder_hotwords(options, catalog_terms, model)
    assert joined and joined.startswith(catalog_terms[0])
    assert len(model.hf_tokenizer.encode(" " + joined).ids) <= 40
    assert decoder_hotwords(TranscribeOptions(), catalog_terms, model) is None


def test_not_media_raises_media_error(tmp_path: Path, model_dir: Path) -> None:
    bogus = tmp_path / "notes.mp4"
    bogus.write_text("not a video")
    with pytest.raises(MediaError):
        transcribe(bogus, TranscribeOptions(), model_dir=model_dir)


def test_missing_model_raises_model_unavailable(tmp_path: Path, model_dir: Path) -> None:
    with pytest.raises(ModelUnavailable):
        resolve_model_path(TranscribeOptions(model_path=str(tmp_path)), model_dir)
