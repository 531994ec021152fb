"""What whisper's decoder is primed with: an optional initial prompt and a bounded hotword list."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from faster_whisper import BatchedInferencePipeline, WhisperModel

from pipelines.asr.options import TranscribeOptions
from pipelines.prompting import load_prompt

PROMPTS_DIR = Path(__file__).resolve().parent / "prompts"
SEPARATOR = "，"


def initial_prompt(options: TranscribeOptions) -> str | None:
    if not options.punctuation_prompt:
        return None
    return load_prompt("whisper_initial", PROMPTS_DIR).render()[-1]["content"]


def decoder_hotwords(
    options: TranscribeOptions, hotwords: Sequence[str], model: WhisperModel | BatchedInferencePipeline
) -> str | None:
    """Hotwords joined, in order, up to `hotword_token_budget` tokens (they share the 448-token prompt)."""
    if not (options.decoder_hotwords and hotwords):
        return None
    whisper = model.model if isinstance(model, BatchedInferencePipeline) else model
    kept: list[str] = []
    for word in dict.fromkeys(w.strip() for w in hotwords if w.strip()):
        candidate = SEPARATOR.join([*kept, word])
        if len(whisper.hf_tokenizer.encode(" " + candidate).ids) > options.hotword_token_budget:
            break
        kept.append(word)
    return SEPARATOR.join(kept) or None
