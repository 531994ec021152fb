"""The domain pass end to end on both dev streams (real whisper, real catalog, real knowledge)."""

from pipelines.asr import cer
from pipelines.zh import to_simplified


def test_stream3_cer_with_full_correction(stream3_transcript, stream3_truth) -> None:
    """The pass was designed on this stream's errors and checked on stream/ (and the reverse for the
    lexicon); the catalog pass alone gives 0.113-0.126 here."""
    ours = cer(stream3_truth, stream3_transcript.text)
    print(f"stream3 CER with full correction {ours:.4f}")
    assert ours <= 0.09


def test_stream_cer_with_full_correction(stream_transcript, stream_truth) -> None:
    """The shared stream transcript (catalog hotwords, no knowledge texts): the lexicon alone must do."""
    ours = cer("".join(s["text"] for s in stream_truth), stream_transcript.text)
    print(f"stream CER with full correction {ours:.4f}")
    assert ours <= 0.08


def test_domain_changes_are_listed_and_same_length(stream3_transcript) -> None:
    reasons = {c.reason for c in stream3_transcript.corrections}
    assert {"catalog-pinyin", "domain-lm", "measure-word"} <= reasons
    starts = {s.start for s in stream3_transcript.segments}
    for c in stream3_transcript.corrections:
        assert len(c.original) == len(c.corrected) and c.original != c.corrected and c.start in starts
    for s in stream3_transcript.segments:
        assert s.text == "".join(w.word for w in s.words)


def test_no_traditional_characters(stream3_transcript, stream_transcript) -> None:
    for t in (stream3_transcript, stream_transcript):
        assert to_simplified(t.text) == t.text
        assert "著" not in t.text  # 不著急: the Traditional 著 that OpenCC's t2s keeps
