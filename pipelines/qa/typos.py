"""Pinyin-keyboard slips in the words residents ask groceries with: 过民 for 过敏, 保质其 for 保质期,
几分中 for 几分钟, 麸只 for 麸质. Product names have their own correction (names.correct_typos); these
are the question's cue words, which every attribute pattern reads.

A window is respelled only when it sounds the same (toneless pinyin), is no dictionary word itself,
and the respelt question reads better: more of it is covered by dictionary words (三等分中间 keeps its
分中, whose characters belong to 等分 and 中间). The word list is what residents ask about food in
group chats (shelf life, allergens, storage, times, contents), written from domain knowledge.
"""

from __future__ import annotations

from functools import lru_cache

from pipelines.zh import cut, is_dictionary_word, to_pinyin

CUE_WORDS = ("保质期", "过期", "过敏", "冰箱", "过敏原", "麸质", "乳糖", "分钟", "小时", "解冻", "冷藏", "冷冻", "常温",
             "防腐剂", "添加剂", "配料", "成分", "开封", "产地", "厂家", "到货", "自提", "库存", "规格", "保存",
             "加热", "微波炉", "空气炸锅", "发酵", "腌制",
             # the cooking steps residents ask times of, whose rarer characters pinyin keyboards miss (超水 for 焯水)
             "焯水", "勾芡", "收汁", "爆香")


_CONTEXT = 4  # characters either side that decide whether a respelling reads better
MAX_CHARS = 300  # a resident's question is far shorter; a longer message is left as typed (bounded CPU)


@lru_cache(maxsize=1)
def _sounds() -> dict[tuple[str, ...], str]:
    return {to_pinyin(w): w for w in CUE_WORDS}


@lru_cache(maxsize=4096)
def _sound(char: str) -> str:
    return to_pinyin(char)[0] if "\u4e00" <= char <= "\u9fff" else ""


def correct_cue_typos(question: str) -> str:
    """Linear in the question: each window's sound is read from per-character syllables, and whether a
    respelling reads better is judged on the few characters around it."""
    if len(question) > MAX_CHARS:
        return question
    sounds = _sounds()
    for length in sorted({len(w) for w in CUE_WORDS}, reverse=True):
        for start in range(len(question) - length + 1):
            window = question[start:start + length]
            word = sounds.get(tuple(_sound(ch) for ch in window))
            if word and _is_slip_candidate(window) and _reads_better(question, start, length, word):
                question = question[:start] + word + question[start + length:]
    return question


def _reads_better(question: str, start: int, length: int, word: str) -> bool:
    lo, hi = max(0, start - _CONTEXT), min(len(question), start + length + _CONTEXT)
    around = question[lo:hi]
    fixed = around[:start - lo] + word + around[start - lo + length:]
    return _covered(fixed) > _covered(around)


def _is_slip_candidate(window: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in window) and window not in CUE_WORDS and not is_dictionary_word(window)


def _covered(text: str) -> int:
    """Characters of `text` inside dictionary words of two or more characters."""
    words, spans, at = cut(text), [], 0
    for w in words:
        spans.append((at, at + len(w), w))
        at += len(w)
    covered = sum(len(w) for w in words if len(w) > 1 and (is_dictionary_word(w) or w in CUE_WORDS))
    for cue in CUE_WORDS:  # jieba's 焯|水: the cue word still reads, unless a longer word takes a part (焯|水平)
        start = text.find(cue)
        if start >= 0 and cue not in words and not any(
                len(w) > 1 and s < start + len(cue) and e > start for s, e, w in spans):
            covered += len(cue)
    return covered
