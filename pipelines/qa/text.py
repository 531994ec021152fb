"""Sentences quoted from a free text (a recipe's notes, a document, a stream transcript): the ones
that share most words with the question, in their original order."""

from __future__ import annotations

import math
import re

from pipelines.qa.evidence import term_match
from pipelines.retrieval import Hit
from pipelines.zh import content_terms, pos_cut

_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|`|\*\*|^\s*(\d+[.、)）]|[-*·+])\s*")
# Chinese wh-words before the thing asked about: 用什么锅, 哪种油, 啥米.
_WH_WORDS = ("什么", "啥", "哪种", "哪个", "哪些", "哪样")
_TITLE_SUFFIX = re.compile(r"(的)?(做法|制作方法|教程)$")


def sentences_of(chunks: list[Hit]) -> list[str]:
    lines = [_MARKUP.sub("", line) for h in chunks for line in h.body.splitlines()]
    found = [s.strip(" \t") for line in lines for s in _SENTENCE.findall(line)]
    return [s for s in dict.fromkeys(found) if len(s) > 3]


def shared_pairs(question: str, text: str) -> int:
    """How many of the question's Chinese character pairs the text holds (全熟 and 多煎 in a note)."""
    pairs = {question[i:i + 2] for i in range(len(question) - 1)}
    return sum(1 for p in pairs if all("\u4e00" <= ch <= "\u9fff" for ch in p) and p in text)


_MADE_INTO = re.compile(r"(?:什么|啥|哪种|哪个)[^，,。？?！!\s]{0,3}?[弄切做磨打擦刨削剁搅压]成([丝片末泥粉块条丁段])")


def asked_words(question: str) -> set[str]:
    """The words a wh-word asks about: 用什么锅 -> 锅, 哪种油 -> 油."""
    tagged = pos_cut(question)
    made = {m.group(1) for m in _MADE_INTO.finditer(question)}  # 拿什么弄成丝: the 丝 the tool makes
    return {tagged[i + 1][0] for i, (w, _) in enumerate(tagged[:-1]) if w in _WH_WORDS} | made


def word_weights(question: str, words: list[str], sentences: list[str]) -> dict[str, float]:
    """How much a word says about which sentence answers: a longer word says more (隔夜饭 half-matched
    outweighs a stray 新 in 新手), a word few sentences hold says more than the dish's main ingredient
    that every step names (加盐 vs 鸡蛋), and the word a wh-word asks about (用什么锅: 锅) counts double."""
    asked = asked_words(question)
    weights = {}
    for w in words:
        df = sum(term_match(w, s) >= 1 for s in sentences)
        rarity = 1 + math.log((1 + len(sentences)) / (1 + df))
        weights[w] = len(w) * rarity * (2 if any(w in a or a in w for a in asked) else 1)
    return weights


def quoted_sentences(question: str, chunks: list[Hit], title: str, max_chars: int, limit: int = 2) -> str:
    """The best-matching sentences ('' when none shares a word with the question)."""
    name = _TITLE_SUFFIX.sub("", title)
    words = [t.word for t in content_terms(question.replace(name, " ")) if t.word not in name]
    sentences = sentences_of(chunks)
    if not words:  # the question is the title (an FAQ the leader answered): its text is the answer
        words = [t.word for t in content_terms(question)]
    weights = word_weights(question, words, sentences)
    scores = {s: sum(weights[w] * term_match(w, s) for w in words) for s in sentences}
    ranked = [s for s in sorted(sentences, key=lambda s: -scores[s]) if scores[s] >= 0.5][:limit]
    chosen, used = [], 0
    for s in ranked:
        if used + len(s) + 1 > max_chars and chosen:
            break
        chosen.append(s[:max_chars])
        used += len(s) + 1
    return "；".join(s.rstrip("。；") for s in sorted(chosen, key=sentences.index)) + "。" if chosen else ""
