"""Transcription: stream recordings -> Simplified-Chinese sentence transcripts (issue 3)."""

from pipelines.asr.checkpoint import WindowCheckpoint
from pipelines.asr.glossary import Glossary
from pipelines.asr.metrics import cer, corpus_cer
from pipelines.asr.model import get_whisper
from pipelines.asr.options import TranscribeOptions
from pipelines.asr.pipeline import transcribe, use_batched
from pipelines.asr.terms import catalog_hotwords
from pipelines.asr.writers import TranscriptFormat, render_transcript, to_json, to_srt, to_txt, to_vtt

__all__ = ["Glossary", "TranscribeOptions", "TranscriptFormat", "WindowCheckpoint", "catalog_hotwords", "cer", "corpus_cer", "get_whisper",
           "render_transcript", "to_json", "to_srt", "to_txt", "to_vtt", "transcribe", "use_batched"]
