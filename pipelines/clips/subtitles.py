"""Burned-in subtitles: caption cues timed from the transcript's words, written as an ASS file.

Times are relative to the clip (ffmpeg's input seek restarts timestamps at zero). Lines are
wrapped here, at phrase ends where they fit and by character count for the frame width,
because libass cannot find break points in Chinese text that has no spaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pysubs2

from pipelines.clips.fonts import FontFace
from pipelines.transcript import Segment, Transcript, Word
from pipelines.zh import to_simplified

PHRASE_END = set("，。！？、；：,.!?;:…")
MIN_CUE_S = 0.4
BRIDGE_GAP_S = 0.35  # hold a cue through a short pause instead of flickering off
# Text from a leader or a transcript is shown, never interpreted: `{...}` is an ASS override block (moves,
# hides, recolours), a backslash starts \N or \h, and a raw line break would start a new line of the file.
# Full-width look-alikes read the same on a phone screen and mean nothing to libass.
_ASS_LITERAL = str.maketrans({"{": "｛", "}": "｝", "\\": "＼", "\n": " ", "\r": " "})


def ass_text(text: str) -> str:
    """Plain text as ASS dialogue text that libass shows literally (no override tags, no escapes)."""
    return text.translate(_ASS_LITERAL)


@dataclass
class Cue:
    start: float
    end: float
    text: str  # lines joined with "\n"


@dataclass(frozen=True)
class SubtitleLayout:
    width: int
    height: int

    @property
    def font_size(self) -> int:
        return round(min(self.width * 0.058, self.height * 0.06))

    @property
    def margin_x(self) -> int:
        return round(self.width * 0.06)

    @property
    def margin_bottom(self) -> int:
        return round(self.height * (0.14 if self.height > self.width else 0.07))

    @property
    def chars_per_line(self) -> int:
        return max(4, (self.width - 2 * self.margin_x) // self.font_size)


def segment_words(segment: Segment) -> list[Word]:
    """The segment's words, or its characters spread evenly over its time when it has none."""
    if segment.words:
        return segment.words
    step = (segment.end - segment.start) / max(len(segment.text), 1)
    return [Word(segment.start + i * step, segment.start + (i + 1) * step, ch) for i, ch in enumerate(segment.text)]


def _phrases(words: list[Word]) -> list[list[Word]]:
    phrases, current = [], []
    for word in words:
        current.append(word)
        if word.word.strip() and word.word.strip()[-1] in PHRASE_END:
            phrases.append(current)
            current = []
    return phrases + ([current] if current else [])


def _display(words: list[Word]) -> str:
    """A phrase as shown: Simplified, without its closing punctuation."""
    return to_simplified("".join(w.word for w in words)).strip("".join(PHRASE_END) + " ")


def _line_text(words: list[Word]) -> str:
    return " ".join(t for t in (_display(p) for p in _phrases(words)) if t)


def _split_long(phrase: list[Word], chars_per_line: int) -> list[list[Word]]:
    parts = []
    while len(_display(phrase)) > chars_per_line and len(phrase) > 1:
        cut = max(1, max(i for i in range(1, len(phrase) + 1) if len(_display(phrase[:i])) <= chars_per_line))
        parts.append(phrase[:cut])
        phrase = phrase[cut:]
    return parts + [phrase]


def wrap_lines(words: list[Word], chars_per_line: int) -> list[list[Word]]:
    """Lines of whole phrases where they fit; a phrase longer than a line is cut."""
    lines: list[list[Word]] = []
    current: list[Word] = []
    for phrase in _phrases(words):
        if current and len(_line_text(current + phrase)) <= chars_per_line:
            current += phrase
            continue
        if current:
            lines.append(current)
        *full, current = _split_long(phrase, chars_per_line)
        lines += full
    return [line for line in lines + [current] if _line_text(line)]


def caption_cues(transcript: Transcript, span: tuple[float, float], layout: SubtitleLayout,
                 max_lines: int = 2) -> list[Cue]:
    """Cues for the words whose middle lies inside span, timed from the clip's start."""
    start, end = span
    cues: list[Cue] = []
    for segment in transcript.segments:
        if segment.end <= start or segment.start >= end:
            continue
        words = [w for w in segment_words(segment) if start <= (w.start + w.end) / 2 < end]
        lines = wrap_lines(words, layout.chars_per_line)
        for i in range(0, len(lines), max_lines):
            group = lines[i:i + max_lines]
            cue_start, cue_end = max(group[0][0].start - start, 0.0), min(group[-1][-1].end - start, end - start)
            text = "\n".join(_line_text(line) for line in group)
            cues.append(Cue(cue_start, max(cue_end, cue_start + MIN_CUE_S), text))
    for a, b in zip(cues, cues[1:]):
        if b.start - a.end < BRIDGE_GAP_S:
            a.end = b.start
    return cues


def write_ass(path: Path, cues: list[Cue], layout: SubtitleLayout, font: FontFace, title: str | None = None,
              duration: float = 0.0) -> Path:
    subs = pysubs2.SSAFile()
    subs.info.update({"PlayResX": str(layout.width), "PlayResY": str(layout.height), "WrapStyle": "2",
                      "ScaledBorderAndShadow": "yes"})
    size = layout.font_size
    subs.styles["Default"] = pysubs2.SSAStyle(
        fontname=font.family, fontsize=size, bold=True, primarycolor=pysubs2.Color(255, 255, 255),
        outlinecolor=pysubs2.Color(0, 0, 0), backcolor=pysubs2.Color(0, 0, 0, 128), outline=max(2, size // 14),
        shadow=1, alignment=pysubs2.Alignment.BOTTOM_CENTER, marginl=layout.margin_x, marginr=layout.margin_x,
        marginv=layout.margin_bottom)
    subs.styles["Title"] = pysubs2.SSAStyle(
        fontname=font.family, fontsize=round(size * 1.15), bold=True, primarycolor=pysubs2.Color(255, 255, 255),
        outlinecolor=pysubs2.Color(200, 40, 40, 40), backcolor=pysubs2.Color(200, 40, 40, 40),
        borderstyle=3, outline=round(size * 0.35), shadow=0, alignment=pysubs2.Alignment.TOP_CENTER,
        marginl=layout.margin_x, marginr=layout.margin_x, marginv=round(layout.height * 0.06))
    for cue in cues:
        subs.append(pysubs2.SSAEvent(start=round(cue.start * 1000), end=round(cue.end * 1000),
                                     text="\\N".join(ass_text(line) for line in cue.text.split("\n")), style="Default"))
    if title:
        text = ass_text(to_simplified(title.strip()))
        size = max(layout.chars_per_line - 2, 4)
        lines = [text[i:i + size] for i in range(0, len(text), size)]
        subs.append(pysubs2.SSAEvent(start=0, end=round(duration * 1000) + 1000, text="\\N".join(lines), style="Title"))
    subs.save(str(path), format_="ass")
    return path
