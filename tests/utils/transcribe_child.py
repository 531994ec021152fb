"""Transcribe one file in a fresh process, so its peak memory is the transcription's own.

python -m tests.utils.transcribe_child MEDIA MODEL_DIR OUT_JSON
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

from pipelines.asr import TranscribeOptions, transcribe


def main(media: str, model_dir: str, out: str) -> None:
    ticks: list[tuple[float, str]] = []
    transcript = transcribe(Path(media), TranscribeOptions(), model_dir=Path(model_dir),
                            progress=lambda f, s: ticks.append((f, s)))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(out).write_text(json.dumps({"transcript": transcript.to_dict(), "ticks": ticks, "peak_mib": peak_mib},
                                    ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
