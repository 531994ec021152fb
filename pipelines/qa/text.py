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
# words placing a step in the sequence (最后泼的油): a sentence that happens to hold 最后 is weak evidence
SEQUENCE_WORDS = frozenset(("最后", "首先", "最先", "然后", "接着", "之后", "开始", "最终"))
# What a cook sees, and the word a recipe uses for its cause: cut yam, potato, apple or lotus root darkening in air is
# enzymatic browning, which recipes call 氧化 (防氧化: keep it in water). General food-science usage, no recipe's words.
_CAUSES = {"氧化": ("发黑", "变黑", "变色", "褐变", "发褐", "变褐", "发暗", "变暗")}
# A state said with a colloquial intensifier (硬邦邦, 黑乎乎, 干巴巴): recipes write the bare state (发硬); 稀碎 and 稀烂
# (fallen to pieces) are what recipes call 碎 (容易碎).
_INTENSIFIED = re.compile(r"(?P<state>[\u4e00-\u9fff])(?:邦邦|梆梆|乎乎|呼呼|巴巴|趴趴|塌塌|溜溜)|稀(碎|烂)")
# Spoken words and the written ones recipes use for them (吃 → 食用, 热一下 → 加热): register, not synonyms of a list.
_WRITTEN_AS = (("吃", "食用"), ("热一下", "加热"), ("热热", "加热"))
_ALL_ASKED = re.compile(r"都(是|有|放|用|加|包|要)了?(些)?(什么|啥|哪些)|(有|是)哪些|哪几(样|种)")
_MOST_LISTED = 4
_PERMISSION = re.compile(r"行不行|行吗|可以吗|可不可以|能不能|成不成|中不中|好不好使")
_RULE = re.compile(r"一定|必须|务必|千万|切记|切勿|不要|不能|不可|别")  # how recipes state a rule
_TITLE_SUFFIX = re.compile(r"(的)?(做法|制作方法|教程)$")


def sentences_of(chunks: list[Hit]) -> list[str]:
    lines = [_MARKUP.sub("", line) for h in chunks for line in h.body.splitlines()]
    found = [s.strip(" \t") for line in lines for s in _SENTENCE.findall(line)]
    return [s for s in dict.fromkeys(found) if len(s) > 3]


def _headings_of(chunks: list[Hit]) -> dict[str, str]:
    """Each sentence -> the last heading of the section it is in."""
    found: dict[str, str] = {}
    for h in chunks:
        heading = (h.meta.get("heading") or "").rpartition(" > ")[2]
        for s in sentences_of([h]):
            found.setdefault(s, heading)
    return found


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
    tagged = pos_cut(question)
    verbs = {w for w, flag in tagged if len(w) == 1 and flag.startswith("v")}  # 泼, 煎: a whole action
    derived = set(words) - {w for w, _ in tagged}  # 碎 of 稀碎: a state read out of the resident's word, as whole
    weights = {}
    for w in words:
        df = sum(term_match(w, s) >= 1 for s in sentences)
        rarity = 1 + math.log((1 + len(sentences)) / (1 + df))
        weights[w] = (max(len(w), 1.5 * (w in verbs), 2 * (w in derived)) * rarity * (2 if any(w in a or a in w for a in asked) else 1)
                      * (0.5 if w in SEQUENCE_WORDS else 1))
    return weights


def quoted_sentences(question: str, chunks: list[Hit], title: str, max_chars: int, limit: int = 2) -> str:
    """The best-matching sentences ('' when none shares a word with the question)."""
    name = _TITLE_SUFFIX.sub("", title)
    words = [t.word for t in content_terms(question.replace(name, " ")) if t.word not in name]
    words += [cause for cause, signs in _CAUSES.items() if any(s in question for s in signs) and cause not in words]
    words += [w for m in _INTENSIFIED.finditer(question) if (w := m.group("state") or "碎") not in words]
    words += [w for said, w in _WRITTEN_AS if said in question and w not in words]  # 吃之前热一下: 食用前…加热
    sentences = sentences_of(chunks)
    if not words:  # the question is the title (an FAQ the leader answered): its text is the answer
        words = [t.word for t in content_terms(question)]
    weights = word_weights(question, words, sentences)
    headed = _headings_of(chunks)  # 要不要预热: of sentences saying 预热 alike, the one under 预热空气炸锅 is about it
    scores = {s: sum(weights[w] * (term_match(w, s) + 0.1 * (term_match(w, s) > 0 and w in headed.get(s, ""))) for w in words)
              for s in sentences}
    if _PERMISSION.search(question):  # 开大火行不行: a sentence laying down the rule (一定要小火) answers whether one may
        scores = {s: v + 2 * bool(v and _RULE.search(s)) for s, v in scores.items()}
    ranked = [s for s in sorted(sentences, key=lambda s: -scores[s]) if scores[s] >= 0.5]
    top = scores[ranked[0]] if ranked else 0
    if _ALL_ASKED.search(question):  # 外面包的都是啥: every sentence as good as the best, not only the first two
        limit = max(limit, sum(scores[s] == top for s in ranked[:_MOST_LISTED]))
    ranked = ranked[:limit]
    chosen, used = [], 0
    for s in ranked:
        if used + len(s) + 1 > max_chars and chosen:
            break
        chosen.append(s)
        used += len(s) + 1
    return "；".join(s[:max_chars].rstrip("。；") for s in sorted(chosen, key=sentences.index)) + "。" if chosen else ""
