"""Real whisper on the real Mandarin recordings in ../shared/media/asr (AISHELL-1 and others)."""

from pipelines.asr import cer, corpus_cer
from pipelines.asr.text import SENTENCE_END
from pipelines.zh import to_simplified


def test_overall_cer_not_worse_than_raw_whisper(asr_clips) -> None:
    ours = corpus_cer([(c.reference, c.transcript.text) for c in asr_clips])
    raw = corpus_cer([(c.reference, c.raw_text) for c in asr_clips])
    for c in asr_clips:
        print(f"{c.path.name}: CER {cer(c.reference, c.transcript.text):.3f} (raw {cer(c.reference, c.raw_text):.3f})"
              f"  {c.transcript.text}")
    print(f"overall CER {ours:.4f}, raw whisper {raw:.4f}")
    assert ours <= raw
    assert ours < 0.12


def test_each_clip_is_recognised(asr_clips) -> None:
    for c in asr_clips:
        assert cer(c.reference, c.transcript.text) <= 0.2, c.path.name


def test_clips_are_simplified_and_punctuated(asr_clips) -> None:
    for c in asr_clips:
        t = c.transcript
        assert t.language == "zh" and t.segments
        assert to_simplified(t.text) == t.text
        assert all(s.text[-1] in SENTENCE_END + "，" for s in t.segments)
        assert 0 <= t.segments[0].start and t.segments[-1].end <= t.duration
