"""How well retrieved sources cover a question: the signals the hand-off decision rests on.

Coverage is IDF-weighted: the share of the question's content words that a source's text holds,
each word weighted by how specific it is in this tenant's knowledge (a word the knowledge never
uses weighs most) and nouns twice as much as other words. Separately, every key word of the
question must be found: its nouns, and any word this knowledge never uses ("有卖榴莲吗" names a
thing the knowledge does not have; 停电 is in no entry, however close a dumpling's vectors are).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.facts.allergens import canonical_names
from pipelines.retrieval import Hit, Retriever
from pipelines.zh import Term, content_terms, is_dictionary_word, pos_cut

_NEVER_USED = "\u2603\u2603"  # no knowledge text holds two snowmen
_ADVERBS_AND_MODALS = frozenset("还再也都就又才" + "能可会要该想得")
_PHASE_VERBS = frozenset(("开始", "继续"))  # 一开始就放: when in the action, never what is asked about
_MODALS = "能可会要该想得"  # Mandarin modal verbs that jieba glues to the verb after them
# Nouns that ask how a recipe's steps go (倒的顺序, 先后, 流程) or point at the recipe, never a thing its text must name.
_ORDER_WORDS = frozenset(("顺序", "先后", "次序", "流程", "过程", "步骤",
                          "菜谱", "食谱", "做法", "教程",  # 按菜谱…: the recipe itself, never a word inside it
                          "照着", "按照", "依照", "根据", "跟着",  # and following it
                          "中途", "途中", "期间",  # when in the cooking, never what
                          "天天", "每天", "经常", "常常", "平时", "平常", "总是"))  # how often the resident does it
# Light verbs and directional complements (拿来, 进去, 等到, 用来): grammar around the action, never its content.
_DIRECTIONAL = frozenset("来去到进出上下回过起")
_LIGHT_AND_DIRECTIONAL = frozenset("拿用弄搞给让等") | _DIRECTIONAL


@dataclass
class SourceEvidence:
    """Retrieved chunks of one source, with how well they cover the question."""

    id: str
    title: str
    kind: str
    hits: list[Hit]
    coverage: float
    vector_score: float
    missing_nouns: list[str] = field(default_factory=list)

    @property
    def top(self) -> Hit:
        return self.hits[0]


def term_match(term: str, text: str) -> float:
    """1 when the text holds the term (or, for an allergen word, its catalog name), else partial."""
    if term in text or any(name in text for name in canonical_names(term)):
        return 1.0
    if len(term) < 2:
        return 0.0
    pairs = [term[i:i + 2] for i in range(len(term) - 1)]
    if len(term) > 2:
        return sum(p in text for p in pairs) / len(pairs)
    return 0.5 * all(ch in text for ch in term)  # 无糖 vs 无蔗糖: both characters, not adjacent


def coverage(terms: list[Term], text: str, retriever: Retriever) -> tuple[float, list[str]]:
    """Weighted share of the terms found in the text, and the nouns that were not found."""
    if not terms:
        return 0.0, []
    weights = {t.word: retriever.idf(t.word) * (1.0 if t.noun else 0.5) for t in terms}
    matched = {t.word: term_match(t.word, text) for t in terms}
    score = sum(weights[w] * matched[w] for w in weights) / sum(weights.values())
    unseen = retriever.idf(_NEVER_USED)  # the weight of a word this knowledge never uses
    key = [t.word for t in terms if t.word not in _ORDER_WORDS
           and ((t.noun and not _modal_glued(t.word)) or _unseen_verb(t.word, retriever, unseen))]
    return score, [w for w in key if matched[w] < 0.5]


def _modal_glued(word: str) -> bool:
    """为啥要点冷水: jieba reads 要|点 as the noun 要点; a two-character noun opening with a modal that never
    starts a product's name (要, 想, 该, 得) is phrasing, whatever it tags."""
    return len(word) == 2 and word[0] in "要想该得"


def _unseen_verb(word: str, retriever: Retriever, unseen: float) -> bool:
    """A verb no text here uses (停电, 退款) is key; a modal plus a verb (能放, 可以吃) is phrasing, as are an adverb
    and a modal (还要, 就要), light verbs and directions (拿来, 等到), a verb with where it goes (倒进去, 拌下去) and a verb
    done (烤完, 蒸好: when, the action itself is the verb);
    characters jieba's HMM glued together (水各放) are no word at all."""
    return (len(word) > 1 and word[0] not in _MODALS and retriever.idf(word) >= unseen
            and is_dictionary_word(word) and word not in _PHASE_VERBS
            and not set(word) <= _ADVERBS_AND_MODALS and not set(word) <= _LIGHT_AND_DIRECTIONAL
            and not set(word[1:]) <= _DIRECTIONAL and not (len(word) == 2 and word[1] in "完好"))  # 烤完: after 烤


def group_sources(question: str, hits: list[Hit], retriever: Retriever) -> list[SourceEvidence]:
    """Hits grouped by source (best first), each with its coverage of the question."""
    terms = content_terms(question)
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.id, []).append(hit)
    out = []
    for source_id, source_hits in groups.items():
        text = (source_hits[0].title + "\n" + "\n".join(h.text for h in source_hits)).lower()
        cov, missing = coverage(terms, text, retriever)
        best = max(h.vector_score for h in source_hits)
        out.append(SourceEvidence(source_id, source_hits[0].title, source_hits[0].kind, source_hits, cov, best, missing))
    return out


# How a measure is asked after the thing measured (糖度有多少, 热量高吗, 含量是多少, 辣度几级).
_MEASURE_ASKED = re.compile(r"^(有|是|大概|大约|能有)?(多少|几度|几级|多高|高吗|高不高|怎么样|咋样)")


def unknown_measure(question: str, retriever: Retriever) -> str:
    """A noun this knowledge never uses, asked as a measure (贵妃芒糖度有多少): no listing's size or weight
    answers it, whatever spec cue 有多少 matches. '' when there is none."""
    unseen, at = retriever.idf(_NEVER_USED), 0
    for word, flag in pos_cut(question):
        at += len(word)
        if (flag.startswith("n") and len(word) > 1 and _MEASURE_ASKED.match(question[at:])
                and retriever.idf(word.lower()) >= unseen and is_dictionary_word(word)):
            return word
    return ""
