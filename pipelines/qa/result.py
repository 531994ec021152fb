"""What an answer is: its text, the sources it quotes, and whether it hands off to the leader; and the
catalog's answer for the products a question names."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from pipelines.qa.attributes import FIELD_ATTRIBUTES, asked_attributes
from pipelines.qa.products import product_answer


@dataclass
class Source:
    id: str
    title: str
    kind: str
    score: float
    snippet: str


@dataclass
class Answer:
    answer: str
    sources: list[Source] = field(default_factory=list)
    handoff: bool = False
    reason: str = ""  # why it handed off: hostile | out_of_scope | no_match | not_in_knowledge | low_coverage | no_answer
    detail: str = ""  # the hostile kind (prompt_injection, ...) or the words the knowledge lacks
    mode: str = "handoff"  # catalog | recipe | transcript | extractive | llm | handoff
    cached: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def catalog_answer(question: str, products: list, attrs: list[str]) -> Answer | None:
    parts = [(p, text) for p, term in products if (text := product_answer(question, p, term, _own(question, term, attrs)))]
    if not parts:
        return None
    text = "。".join(t for _, t in parts) + "。"
    cited = [Source(p.sku, p.name, "product", 1.0, p.describe()[:100]) for p, _ in parts]
    return Answer(text + cite([s.title for s in cited]), cited, mode="catalog")


def _own(question: str, term: str, attrs: list[str]) -> list[str]:
    """The attributes asked of a product, not those its name carries (冷冻虾仁多少钱 asks no storage)."""
    if not asked_attributes(term):
        return attrs
    own = asked_attributes(question.replace(term, " "))
    return [a for a in attrs if a in own or a not in FIELD_ATTRIBUTES]  # 酸梅汤原料包里头是啥: made_of stays


def cite(titles: list[str]) -> str:
    return f"（来源：{'、'.join(dict.fromkeys(titles))}）"


def cited_titles(answer: str) -> list[str]:
    """The titles an answer's own citation names (a pack's facts before a recipe cite both)."""
    _, mark, titles = answer.rpartition("（来源：")
    return titles.removesuffix("）").split("、") if mark else []
