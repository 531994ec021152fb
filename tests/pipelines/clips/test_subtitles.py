import re
from pathlib import Path

import pysubs2
import pytest

from pipelines.clips.fonts import get_cjk_font
from pipelines.clips.subtitles import SubtitleLayout, caption_cues, write_ass
from pipelines.transcript import Segment, Transcript, Word
from tests.utils.stream_truth import truth_sentences

PUNCT = re.compile(r"[，。！？、；：,.!?;:\s]")


@pytest.mark.parametrize("size", [(720, 1280), (1080, 1920), (1280, 720)])
@pytest.mark.parametrize("span", [(0.0, 30.0), (53.84, 70.33), (75.73, 90.74), (98.0, 104.0)])
def test_cues_are_timed_inside_the_clip_and_fit_the_width(transcript, size, span) -> None:
    layout = SubtitleLayout(*size)
    cues = caption_cues(transcript, span, layout)
    assert cues
    for a, b in zip(cues, cues[1:]):
        assert a.start < a.end <= b.start
    assert cues[0].start >= 0 and cues[-1].end <= span[1] - span[0] + 1e-6
    for cue in cues:
        lines = cue.text.split("\n")
        assert 1 <= len(lines) <= 2 and all(0 < len(line) <= layout.chars_per_line for line in lines)


def test_every_spoken_character_of_the_clip_is_captioned(transcript) -> None:
    span = (53.84, 70.33)
    cues = caption_cues(transcript, span, SubtitleLayout(720, 1280))
    spoken = "".join(s["text"] for s in truth_sentences() if span[0] <= s["start"] and s["end"] <= span[1])
    assert PUNCT.sub("", "".join(c.text for c in cues)) == PUNCT.sub("", spoken)


def test_cue_times_follow_the_words() -> None:
    words = [Word(10.0, 10.5, "橄欖油"), Word(10.5, 11.0, "，"), Word(11.0, 12.0, "八十九元")]
    transcript = Transcript("zh", 20.0, [Segment(10.0, 12.0, "橄欖油，八十九元", words)])
    [cue] = caption_cues(transcript, (9.0, 15.0), SubtitleLayout(720, 1280))
    assert (cue.start, cue.end) == (1.0, 3.0)
    assert cue.text == "橄榄油 八十九元"  # Simplified, punctuation turned into a space


def test_words_outside_the_span_are_left_out() -> None:
    transcript = Transcript("zh", 20.0, [Segment(0.0, 10.0, "零一二三四五六七八九")])
    [cue] = caption_cues(transcript, (2.0, 5.0), SubtitleLayout(720, 1280))
    assert cue.text == "二三四" and cue.start == 0.0 and cue.end == pytest.approx(3.0)


def test_ass_file_uses_the_simplified_chinese_face(tmp_path: Path, transcript) -> None:
    layout = SubtitleLayout(720, 1280)
    path = write_ass(tmp_path / "s.ass", caption_cues(transcript, (0.0, 15.0), layout), layout,
                     get_cjk_font(), title="梧桐厨房 開播", duration=15.0)
    subs = pysubs2.load(str(path))
    assert subs.info["PlayResX"] == "720" and subs.info["PlayResY"] == "1280"
    assert {s.fontname for s in subs.styles.values()} == {"Noto Sans CJK SC"}
    title = [e for e in subs if e.style == "Title"]
    assert len(title) == 1 and title[0].plaintext == "梧桐厨房 开播" and title[0].end >= 15000


def test_override_tags_in_titles_and_corrected_text_are_shown_not_obeyed(tmp_path: Path) -> None:
    """A title or a corrected subtitle with `{\\pos..}` or `\\N` must not move, hide or restyle the burned text,
    nor start a new line of the ASS file."""
    layout = SubtitleLayout(720, 1280)
    text = "好价{\\fs200\\pos(0,0)}鸡蛋\\N到货"
    transcript = Transcript("zh", 3.0, [Segment(0.0, 3.0, text, [])])
    path = write_ass(tmp_path / "s.ass", caption_cues(transcript, (0.0, 3.0), layout), layout, get_cjk_font(),
                     title="今晚{\\alpha&HFF&}特价\nDialogue: 0,0:00:00.00,9:00:00.00,Default,,0,0,0,,假", duration=3.0)
    dialogue = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("Dialogue:")]
    assert len(dialogue) == 2  # the title's line break did not add an event
    assert all("{" not in line.split(",,", 1)[1] for line in dialogue)
    assert not any(tag in path.read_text(encoding="utf-8") for tag in ("\\fs200", "\\pos(", "\\alpha"))
    events = pysubs2.load(str(path)).events
    assert "鸡蛋" in events[0].plaintext and "特价" in events[1].plaintext
