"""Sentences quoted from a free text (a recipe's notes, a document, a stream transcript): the ones
that share most words with the question, in their original order."""

from __future__ import annotations

import re

from pipelines.qa.evidence import term_match
from pipelines.retrieval import Hit
from pipelines.zh import content_terms

_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|`|\*\*|^\s*(\d+[.、)）]|[-*·+])\s*")
_TITLE_SUFFIX = re.compile(r"(的)?(做法|制作方法|教程)$")


def sentences_of(chunks: list[Hit]) -> list[str]:
    lines = [_MARKUP.sub("", line) for h in chunks for line in h.body.splitlines()]
    found = [s.strip(" \t") for line in lines for s in _SENTENCE.findall(line)]
    return [s for s in dict.fromkeys(found) if len(s) > 3]


def quoted_sentences(question: str, chunks: list[Hit], title: str, max_chars: int, limit: int = 2) -> str:
    """The best-matching sentences ('' when none shares a word with the question)."""
    name = _TITLE_SUFFIX.sub("", title)
    words = [t.word for t in content_terms(question.replace(name, " ")) if t.word not in name]
    sentences = sentences_of(chunks)
    if not words:  # the question is the title (an FAQ the leader answered): its text is the answer
        words = [t.word for t in content_terms(question)]
    # a longer word says more: 隔夜饭 half-matched outweighs a stray 新 in 新手
    scores = {s: sum(len(w) * term_match(w, s) for w in words) for s in sentences}
    ranked = [s for s in sorted(sentences, key=lambda s: -scores[s]) if scores[s] >= 0.5][:limit]
    chosen, used = [], 0
    for s in ranked:
        if used + len(s) + 1 > max_chars and chosen:
            break
        chosen.append(s[:max_chars])
        used += len(s) + 1
    return "；".join(s.rstrip("。；") for s in sorted(chosen, key=sentences.index)) + "。" if chosen else ""
