"""answer_question: screen, find what the question names, answer from the data, hand off when unsure.

Order of trust: a product the question names is answered from its catalog fields; a dish it
names from the recipe's own sections; anything else from the retrieved source that covers the
question's words (a stream transcript is quoted as 直播里说). Only a free-text document's answer
may be polished by the LLM, and only when the polish keeps every fact (pipelines/qa/polish.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from pipelines.llm.base import LLM
from pipelines.qa.attributes import CATALOG_ONLY, asked_attributes
from pipelines.qa.cache import AnswerCache
from pipelines.qa.evidence import SourceEvidence, group_sources
from pipelines.qa.options import AskOptions
from pipelines.qa.polish import polish
from pipelines.qa.products import catalog_products, named_products, product_answer
from pipelines.qa.recipes import named_dishes, recipe_answer
from pipelines.qa.screen import screen_question
from pipelines.qa.text import quoted_sentences
from pipelines.retrieval import Hit, Retriever, SourceInfo
from pipelines.zh import fit

SOLD_FACTS = ("price", "arrival", "stock")  # facts only a product in the catalog has


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
    reason: str = ""  # why it handed off: hostile | no_match | not_in_knowledge | low_coverage | no_answer
    detail: str = ""  # the hostile kind (prompt_injection, ...) or the words the knowledge lacks
    mode: str = "handoff"  # catalog | recipe | transcript | extractive | llm | handoff
    cached: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def answer_question(question: str, kb: Retriever, llm: LLM | None, options: AskOptions = AskOptions(),
                    cache: AnswerCache[Answer] | None = None) -> Answer:
    question = question.strip()
    if cache is None:
        return _answer(question, kb, llm, options)
    version = kb.version()
    if (hit := cache.get(version, question)) is not None:
        return replace(hit, cached=True)
    answer = _answer(question, kb, llm, options)
    cache.put(version, question, answer)
    return answer


def _answer(question: str, kb: Retriever, llm: LLM | None, options: AskOptions) -> Answer:
    if hostile := screen_question(question):
        return _handoff(options, "hostile", hostile)
    sources, attrs = kb.sources(), asked_attributes(question)
    products = named_products(question, catalog_products(sources))
    dishes = named_dishes(question, sources)
    if products and _catalog_first(products, dishes, attrs) and (found := catalog_answer(question, products, attrs)):
        return _with_streams(found, question, kb, sources, options)
    if dishes and (found := dish_answer(question, dishes[0][0], kb, options)):
        return found
    return retrieved_answer(question, kb, llm, options)


def _catalog_first(products: list, dishes: list, attrs: list[str]) -> bool:
    """A price, size or date is a catalog question; otherwise the longer name wins (西红柿炒鸡蛋 is a dish)."""
    if not dishes or any(a in CATALOG_ONLY for a in attrs):
        return True
    return max(len(term) for _, term in products) >= len(dishes[0][1])


def _with_streams(answer: Answer, question: str, kb: Retriever, sources: list[SourceInfo],
                  options: AskOptions) -> Answer:
    """The catalog answers; what the leader said on stream about it is cited after (a search only
    for tenants whose knowledge holds recordings)."""
    if not any(s.kind == "transcript" for s in sources):
        return answer
    said = [h for h in kb.search(question, options.top_k) if h.kind == "transcript"][:1]
    answer.sources += [Source(h.id, h.title, h.kind, round(h.score, 4), h.snippet) for h in said]
    return answer


def catalog_answer(question: str, products: list, attrs: list[str]) -> Answer | None:
    parts = [(p, text) for p, term in products if (text := product_answer(question, p, term, attrs))]
    if not parts:
        return None
    text = "。".join(t for _, t in parts) + "。"
    cited = [Source(p.sku, p.name, "product", 1.0, p.describe()[:100]) for p, _ in parts]
    return Answer(text + _cite([s.title for s in cited]), cited, mode="catalog")


def dish_answer(question: str, info: SourceInfo, kb: Retriever, options: AskOptions) -> Answer | None:
    chunks = kb.source_chunks(info.id)
    text = recipe_answer(question, chunks, info.title, options.recipe_max_chars)
    text = text or quoted_sentences(question, chunks, info.title, options.max_chars)
    if not text:
        return None
    snippet = chunks[0].snippet if chunks else ""
    return Answer(f"{info.title}：{text}" + _cite([info.title]), [Source(info.id, info.title, "recipe", 1.0, snippet)],
                  mode="recipe")


def retrieved_answer(question: str, kb: Retriever, llm: LLM | None, options: AskOptions) -> Answer:
    hits = kb.search(question, options.top_k)
    sources = group_sources(question, hits, kb)[: options.max_sources]
    primary, reason, detail = choose_source(sources, options)
    if primary is None:
        return _handoff(options, reason, detail)
    if primary.kind != "product" and any(a in SOLD_FACTS for a in asked_attributes(question)):
        return _handoff(options, "not_in_knowledge", "no product")  # a price asked of a recipe page
    text, mode = compose(question, primary, kb, llm, options)
    if not text:
        return _handoff(options, "no_answer", primary.id)
    ordered = [primary] + [s for s in sources if s is not primary]
    return Answer(text + _cite([primary.title]), [_source(s) for s in ordered], mode=mode)


def choose_source(sources: list[SourceEvidence], options: AskOptions) -> tuple[SourceEvidence | None, str, str]:
    """The best-ranked source that holds every key word of the question, or None and why not."""
    if not sources:
        return None, "no_match", ""
    for source in sources:
        if source.missing_nouns:
            continue  # it lacks a word the question is about (停电 is not in a dumpling's entry)
        if source.coverage >= options.min_coverage and source.vector_score >= options.min_vector_score:
            return source, "", ""
    missing = set.intersection(*(set(s.missing_nouns) for s in sources))
    if missing:
        return None, "not_in_knowledge", ",".join(sorted(missing))
    best = max(sources, key=lambda s: s.coverage)
    return None, "low_coverage", f"coverage {best.coverage:.2f}, vector {best.vector_score:.2f}"


def compose(question: str, source: SourceEvidence, kb: Retriever, llm: LLM | None, options: AskOptions) -> tuple[str, str]:
    """The answer text from the source's own data, and how it was made."""
    if source.kind == "product" and source.top.meta.get("fields"):
        found = catalog_answer(question, named_products(source.title, catalog_products(_infos(source))),
                               asked_attributes(question))
        return (found.answer.rpartition("（来源")[0], "catalog") if found else ("", "handoff")
    if source.kind == "recipe":
        chunks = kb.source_chunks(source.id) or source.hits
        text = recipe_answer(question, chunks, source.title, options.recipe_max_chars)
        text = text or quoted_sentences(question, chunks, source.title, options.max_chars)
        return (f"{source.title}：{text}" if text else "", "recipe")
    text = quoted_sentences(question, source.hits, source.title, options.max_chars - len(source.title) - 12)
    if source.kind == "transcript":
        return (f"直播里说：「{text.rstrip('。')}」" if text else "", "transcript")
    if text and llm is not None and options.use_llm and (better := polish(question, text, source, llm, options)):
        return fit(better, options.max_chars), "llm"
    return (f"{source.title}：{text}" if text else "", "extractive")


def _infos(source: SourceEvidence) -> list[SourceInfo]:
    return [SourceInfo(source.id, source.title, "product", dict(source.top.meta))]


def _cite(titles: list[str]) -> str:
    return f"（来源：{'、'.join(dict.fromkeys(titles))}）"


def _source(s: SourceEvidence) -> Source:
    top: Hit = s.top
    return Source(s.id, s.title, s.kind, round(top.score, 4), top.snippet)


def _handoff(options: AskOptions, reason: str, detail: str = "") -> Answer:
    return Answer(options.handoff_message, [], handoff=True, reason=reason, detail=detail, mode="handoff")
