"""What a leader's correction of a transcript teaches: the terms it introduced.

Whisper mishears names (巴坦木 as 八蛋目); when the leader fixes the sentence, the words around
each short change are what the transcriber should know next time. They join the tenant's glossary
and become hotwords.
"""

from __future__ import annotations

import difflib
import re

from pipelines.transcript import Word
from pipelines.zh import cut

_UNIT = re.compile(r"(?:[A-Za-z0-9.%]+|[\u3400-\u9fff]|\S)[^\w\s]*")  # a character or a Latin run, + punctuation
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_PARTICLES = set("的了吗呢啊吧呀哦嘛也都就还很是在和")
# Words of a live stream's patter that frame a name without being part of it (everyday usage).
_FILLERS = {"还有", "就是", "我们", "大家", "这个", "那个", "一个", "今天", "还是", "然后", "所以", "因为", "但是",
            "可以", "非常", "特别", "真的", "这款", "这些", "给大家", "我们家"}
TERM_CHARS = (2, 8)
MAX_CHANGE_CHARS = 12  # a longer insertion is the leader rewriting, not whisper mishearing a word


def spread_words(text: str, start: float, end: float) -> list[Word]:
    """Words for a corrected sentence, timed evenly across its span (the audio did not change)."""
    units = _UNIT.findall(text)
    step = (end - start) / max(len(units), 1)
    return [Word(round(start + i * step, 3), round(start + (i + 1) * step, 3), u, 1.0) for i, u in enumerate(units)]


def introduced_terms(original: str, corrected: str, catalog_terms: list[str]) -> list[str]:
    """Terms a correction introduced: catalog names and origins now spelled right, and the Chinese
    words (2-8 characters) around each short change, which is what whisper misheard."""
    terms = [t for t in catalog_terms if t in corrected and t not in original]
    opcodes = difflib.SequenceMatcher(None, original, corrected, autojunk=False).get_opcodes()
    for tag, _, _, j1, j2 in opcodes:
        if tag in ("replace", "insert") and j2 - j1 <= MAX_CHANGE_CHARS:
            terms += _changed_words(corrected, j1, j2)
    return [t for t in dict.fromkeys(terms) if t not in original]


def _changed_words(text: str, j1: int, j2: int) -> list[str]:
    """The words (by jieba) of text[j1:j2]'s Chinese runs that the change touches."""
    found = []
    for run in _CJK_RUN.finditer(text):
        if run.start() < j2 and run.end() > j1:
            words = _words_touching(run.group(), j1 - run.start(), j2 - run.start())
            found += _terms_between_fillers(words)
    return found


def _words_touching(run: str, j1: int, j2: int) -> list[str]:
    words = cut(run)
    ends = [len("".join(words[:i + 1])) for i in range(len(words))]
    hit = [i for i, end in enumerate(ends) if end - len(words[i]) < j2 and end > j1]
    lo, hi = hit[0], hit[-1]
    # jieba splits an unknown name into pieces (巴坦|木): take a lone character beside the change too
    if lo > 0 and len(words[lo - 1]) == 1 and words[lo - 1] not in _PARTICLES:
        lo -= 1
    if hi + 1 < len(words) and len(words[hi + 1]) == 1 and words[hi + 1] not in _PARTICLES:
        hi += 1
    return words[lo:hi + 1]


def _terms_between_fillers(words: list[str]) -> list[str]:
    """还有|沙瓤|西红柿|和|桂花|酒酿 -> 沙瓤西红柿, 桂花酒酿."""
    terms, current = [], ""
    for word in [*words, "的"]:
        if word in _FILLERS or word in _PARTICLES:
            if TERM_CHARS[0] <= len(current) <= TERM_CHARS[1]:
                terms.append(current)
            current = ""
        else:
            current += word
    return terms
