"""Sentence roles from structure and vocabulary: what a leader's sentence is doing.

demo: cooking step words, heat and cooking times ("煮二十分钟"), step connectives beside them.
tasting: eating in the first person, taste/texture words, a single taste character after a degree
adverb (好甜, 很脆) or doubled (香香的, 软软糯糯, 脆生生), exclamations.
offer: a stated price (89元, 十九块九), a quota ("只有/仅/限 + number + measure word"), price,
scarcity and ordering words.
qa: a reported audience question ("有人问", "评论区") or a question the leader reads out, and
the sentence after it that answers.
Catalog product names are masked first, so a product called 电炸锅 does not read as frying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.highlights.lexicon import KindCues, Lexicon, find_terms
from pipelines.zh import find_numbers, to_pinyin

# Degree adverbs and taste/texture characters of everyday Mandarin: 好+甜 = 好甜, 非常+脆 = 非常脆.
_DEGREE = "很|好|真|太|特别|非常|超|挺|蛮|可|更|这么|那么|又|贼|巨"
_TASTE = "香甜鲜嫩软糯脆酥滑弹爽绵沙烂浓醇辣麻酸咸"
_SENSORY_PHRASE = re.compile(rf"(?:{_DEGREE})([{_TASTE}])")
_DOUBLED = re.compile(rf"([{_TASTE}])\1|[{_TASTE}](.)\2")  # 甜甜的, 软软糯糯; 脆生生, 香喷喷
_QUOTA = re.compile(r"(?:只有|只剩|还剩|仅有|仅|限|一共|总共|就)$")
_QUESTION_END = re.compile(r"(?:[?？]|吗|呢|么)[。！!，,…\s]*$")
_QUESTION_WORDS = re.compile(r"怎么|能不能|可不可以|要不要|会不会|多久|几天|多少|什么时候|哪里|吗|呢")
_ASK_SOUND = ("wen",)  # 问, by sound: whisper may write 有人问 as 有人温
ASK_MAX_GAP = 5
_QUESTION_MARK = re.compile(r"[?？]")
_CLAUSE_BREAK = re.compile(r"[，,？?。；;！!]")
_COUNTED_UNITS = {"份", "袋", "个", "只", "盒", "箱", "瓶", "罐", "包", "组", "桶", "颗", "根", "斤", "单", "件",
                  "人份", "提", "串", "枚"}
MASK = "□"
PATTERN_WEIGHT = {"price": 1.5, "quota": 1.5, "minutes": 0.7, "sensory": 0.8, "doubled": 0.8, "asked": 1.5}


@dataclass
class Roles:
    """Role evidence of one sentence: kind -> weighted score and the words that gave it."""

    scores: dict[str, float] = field(default_factory=dict)
    terms: dict[str, list[str]] = field(default_factory=dict)
    is_question: bool = False

    def add(self, kind: str, weight: float, terms: list[str]) -> None:
        if terms and weight > 0:
            self.scores[kind] = self.scores.get(kind, 0.0) + weight * len(terms)
            self.terms.setdefault(kind, []).extend(terms)


def mask_products(text: str, product_terms: list[str]) -> str:
    """Replace catalog product terms (longest first) so their characters read as no role word."""
    for term in product_terms:
        if term:
            text = text.replace(term, MASK * len(term))
    return text


def asked_spans(text: str) -> list[tuple[int, int]]:
    """Where the leader reports a question: 有 + who (1-5 characters) + 问 (有人问, 有邻居问,
    还有宝妈问), 问 matched by sound."""
    spans = []
    for m in re.finditer("有", text):
        for j in range(m.end() + 1, min(len(text), m.end() + ASK_MAX_GAP + 1)):
            if _CLAUSE_BREAK.match(text[j]):
                break
            if to_pinyin(text[j]) == _ASK_SOUND:
                spans.append((m.start(), j + 1))
                break
    return spans


def answer_part(text: str, after_question: bool) -> str:
    """Where an answer may be: the whole sentence after a question; else what follows this
    sentence's own question (有邻居问怎么保存？放冰箱冷藏 / 有人问能放几天，冷藏五天)."""
    if after_question:
        return text
    asked = asked_spans(text)
    question = _QUESTION_MARK.search(text)
    ends = [m.end() for m in (question,) if m]
    if asked and (brk := _CLAUSE_BREAK.search(text, asked[0][1])):
        ends.append(brk.end())
    return text[min(ends):] if ends else ""


def _group_hits(kind: KindCues, text: str, after_question: bool) -> dict[str, list[str]]:
    """Hits per group; an answer group reads only the answer part (answer_part), a question
    group only a sentence that asks."""
    answer = answer_part(text, after_question)
    asks = bool(_QUESTION_MARK.search(text) or _QUESTION_WORDS.search(text))
    hits = {name: find_terms(answer if group.after_question else text, group.terms)
            for name, group in kind.groups.items() if asks or not group.in_question}
    return {name: terms for name, terms in hits.items()
            if terms and (not kind.groups[name].requires or any(hits.get(r) for r in kind.groups[name].requires))}


def _numbers(text: str) -> tuple[list[str], list[str], list[str]]:
    """(prices, quotas, cooking times) stated in `text`."""
    prices, quotas, minutes = [], [], []
    for m in find_numbers(text):
        if m.unit == "元":
            prices.append(text[m.start:m.unit_end or m.end])
        elif m.unit in _COUNTED_UNITS and _QUOTA.search(text[max(0, m.start - 2):m.start]):
            quotas.append(text[max(0, m.start - 2):m.unit_end or m.end])
        elif m.unit == "分钟":
            minutes.append(text[m.start:m.unit_end or m.end])
    return prices, quotas, minutes


def sentence_roles(text: str, lexicon: Lexicon, *, after_question: bool = False) -> Roles:
    """Role evidence of one normalised, product-masked sentence."""
    roles = Roles(is_question=bool(_QUESTION_END.search(text) or _QUESTION_WORDS.search(text)))
    for name, kind in lexicon.kinds.items():
        for group, terms in _group_hits(kind, text, after_question).items():
            roles.add(name, kind.groups[group].weight, terms)
            roles.is_question = roles.is_question or kind.groups[group].marks_question
    prices, quotas, minutes = _numbers(text)
    roles.add("offer", PATTERN_WEIGHT["price"], prices)
    roles.add("offer", PATTERN_WEIGHT["quota"], quotas)
    roles.add("demo", PATTERN_WEIGHT["minutes"], minutes)
    roles.add("tasting", PATTERN_WEIGHT["sensory"], [m.group(0) for m in _SENSORY_PHRASE.finditer(text)])
    roles.add("tasting", PATTERN_WEIGHT["doubled"], [m.group(0) for m in _DOUBLED.finditer(text)])
    asked = [text[a:b] for a, b in asked_spans(text)]
    roles.add("qa", PATTERN_WEIGHT["asked"], asked)
    roles.is_question = roles.is_question or bool(asked)
    return roles
