"""The synthetic live stream with the sample catalog as hotwords: CER, product names, segments."""

from pipelines.asr import cer
from pipelines.asr.terms import terms_from_names
from pipelines.asr.text import PUNCTUATION, SENTENCE_END
from pipelines.zh import to_simplified


def test_stream_cer_within_bound_and_better_than_raw(stream_transcript, stream_truth, stream_raw_text) -> None:
    truth = "".join(s["text"] for s in stream_truth)
    ours, raw = cer(truth, stream_transcript.text), cer(truth, stream_raw_text)
    print(f"stream CER {ours:.4f} (raw whisper {raw:.4f}); without numeral normalisation "
          f"{cer(truth, stream_transcript.text, numbers=False):.4f} (raw {cer(truth, stream_raw_text, numbers=False):.4f})")
    assert ours <= 0.10
    assert ours < raw


def test_every_spoken_catalog_term_is_spelled_right(stream_transcript, stream_truth, catalog_terms) -> None:
    truth = "".join(s["text"] for s in stream_truth)
    spoken = {t for t in terms_from_names(catalog_terms) if len(t) >= 3 and t in truth}
    assert {"橄榄油", "西红柿", "沙瓤西红柿", "特级初榨橄榄油", "土鸡蛋"} <= spoken
    text = stream_transcript.text
    missing = {t: (text.count(t), truth.count(t)) for t in spoken if text.count(t) < truth.count(t)}
    print("terms heard fewer times than spoken (heard, spoken):", missing)
    assert all(t in text for t in spoken)
    # One 橄榄油 is heard as 但来由 (dan/gan differ at the free edge): not a homophone, left alone.
    assert sum(text.count(t) for t in spoken) >= 0.9 * sum(truth.count(t) for t in spoken)


def test_corrections_are_listed(stream_transcript) -> None:
    fixed = {(c.original, c.corrected) for c in stream_transcript.corrections}
    assert any(c == "橄榄油" for _, c in fixed) and any(c == "西红柿" for _, c in fixed)
    starts = {s.start for s in stream_transcript.segments}
    for c in stream_transcript.corrections:
        assert len(c.original) == len(c.corrected) and c.original != c.corrected and c.start in starts


def test_segments_are_sentences_inside_the_media(stream_transcript) -> None:
    t = stream_transcript
    assert 100 < t.duration < 110 and len(t.segments) >= 10
    previous_end = 0.0
    for s in t.segments:
        assert previous_end <= s.start <= s.end <= t.duration
        assert s.words and s.text == "".join(w.word for w in s.words)
        assert all(s.start <= w.start <= w.end <= s.end for w in s.words)
        assert s.text[-1] in SENTENCE_END + "，" and s.end - s.start <= 15
        previous_end = s.end


def test_text_is_simplified_with_punctuation(stream_transcript) -> None:
    text = stream_transcript.text
    assert to_simplified(text) == text
    assert sum(ch in PUNCTUATION for ch in text) >= 20 and "," not in text


def test_sentences_line_up_with_the_script(stream_transcript, stream_truth) -> None:
    """Most script sentences start within a second of some segment start (clips cut on them)."""
    starts = [s.start for s in stream_transcript.segments]
    near = [any(abs(x - s["start"]) <= 1.0 for x in starts) for s in stream_truth]
    assert sum(near) >= 0.8 * len(near)


def test_progress_is_monotonic_and_complete(stream_transcript, stream_progress) -> None:
    fractions = [f for f, _ in stream_progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert {"decoding", "transcribing", "correcting"} <= {stage for _, stage in stream_progress}


def test_meta_records_the_run(stream_transcript, catalog_terms) -> None:
    meta = stream_transcript.meta
    assert meta["model"] == "whisper-base" and meta["language"] == "zh" and meta["batched"] is False
    assert meta["hotwords"] == catalog_terms
    assert {"audio_decode_s", "whisper_s", "postprocess_s", "total_s"} <= set(meta["timings"])
