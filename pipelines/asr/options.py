"""Options for transcription (nested in Settings as `asr`, env WUTONG_ASR_*)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class TranscribeOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    model_path: str | None = None
    """A CTranslate2 whisper model folder; None means the embedded whisper base."""
    device: str = "cpu"
    compute_type: str = "int8"
    threads: int = Field(2, ge=1)
    """CPU threads for CTranslate2 (the service runs on 2 cores)."""
    beam_size: int = Field(5, ge=1)
    language: str | None = "zh"
    """Spoken language; None or "auto" detects it from the first 30 seconds."""
    vad_filter: bool = True
    """Skip non-speech with Silero VAD (faster, and fewer hallucinations in music or silence)."""
    batched: bool | Literal["auto"] = "auto"
    """Decode with BatchedInferencePipeline; "auto" uses it for files of at least `batched_min_s`."""
    batched_min_s: float = Field(600.0, ge=0)
    """Length from which "auto" switches to batched decoding (see benchmarks/transcribe.py)."""
    batch_size: int = Field(8, ge=1)
    chunk_s: float = Field(600.0, ge=60)
    """Audio is decoded and transcribed in windows of about this many seconds (flat memory)."""
    cut_search_s: float = Field(20.0, ge=1)
    """A window ends at the quietest point in its last this-many seconds, not mid-word."""
    decoder_hotwords: bool = False
    """Also pass hotwords to whisper's decoder. Off: with whisper base it caused repetition
    loops on the stream test media; the phonetic correction pass does this job instead."""
    hotword_token_budget: int = Field(60, ge=0)
    """At most this many tokens of hotwords go to the decoder (the prompt shares 448 tokens)."""
    punctuation_prompt: bool = False
    """Start decoding from a punctuated Chinese prompt. Off: measured no CER gain, one hallucination."""
    correct_terms: bool = True
    """Run the catalog-aware phonetic correction pass."""
    correct_domain: bool = True
    """Run the domain pass: respell near-homophones as the tenant's and group buying's words (接龙, 自提点)."""
    correction_threshold: float = Field(0.8, gt=0, le=1)
    """Minimum mean syllable similarity for a correction (1.0 = same pinyin, tones ignored)."""
    clause_pause_s: float = Field(0.35, gt=0)
    """A pause at least this long between words with no punctuation gets a comma."""
    sentence_pause_s: float = Field(0.8, gt=0)
    """A pause at least this long ends a sentence."""
    max_sentence_s: float = Field(12.0, gt=1)
    """A longer sentence is split at its longest comma pause."""
