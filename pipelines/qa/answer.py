"""answer_question: screen, find what the question names, answer from the data, hand off when unsure.

Order of trust: a product the question names is answered from its catalog fields; a dish it
names from the recipe's own sections; anything else from the retrieved source that covers the
question's words (a stream transcript is quoted as 直播里说). Only a free-text document's answer
may be polished by the LLM, and only when the polish keeps every fact (pipelines/qa/polish.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from pipelines.catalog import product_terms
from pipelines.llm.base import LLM
from pipelines.qa.attributes import CATALOG_ONLY, asked_attributes, recipe_part
from pipelines.qa.cache import AnswerCache
from pipelines.qa.evidence import SourceEvidence, group_sources
from pipelines.qa.names import correct_typos
from pipelines.qa.options import AskOptions
from pipelines.qa.polish import polish
from pipelines.qa.products import catalog_products, named_products, product_answer
from pipelines.qa.recipes import dish_name, named_dishes, recipe_answer
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
    sources = kb.sources()
    catalog = catalog_products(sources)
    question = correct_typos(question, known_names(catalog, sources))
    attrs = asked_attributes(question)
    products = named_products(question, catalog)
    dishes = named_dishes(question, sources)
    if products and _catalog_first(question, products, dishes, attrs) and (
            found := catalog_answer(question, products, attrs)):
        return _with_streams(found, question, kb, sources, options)
    if dishes and (found := dish_answer(question, dishes[0][0], kb, options)):
        return found
    return retrieved_answer(question, kb, llm, options, product_named=bool(products) and not dishes)


def _catalog_first(question: str, products: list, dishes: list, attrs: list[str]) -> bool:
    """A product named only inside the dish's name (排骨 in 土豆炖排骨) is an ingredient of the dish; a
    price, size or date is a catalog question; otherwise the longer name wins (西红柿炒鸡蛋 is a dish),
    and a product named exactly like the dish loses when the question asks for a recipe part (醒多久)."""
    if not dishes:
        return True
    dish = dishes[0][1]
    outside = [term for _, term in products if not inside_name(question, term, dish)]
    if not outside:
        return False
    if any(a in CATALOG_ONLY and a != "spec" for a in attrs):
        return True
    if recipe_part(question) == "amount":
        return False  # 戚风蛋糕要几个鸡蛋: the recipe's amount, not the product's pack size
    if recipe_part(question) != "any" and all(term in dish for term in outside):
        return False  # 土豆炖排骨的排骨要用多少克: the dish's ingredient, in the dish's amounts
    if "spec" in attrs:
        return True
    longest = max(len(term) for term in outside)
    return longest > len(dish) or (longest == len(dish) and recipe_part(question) == "any")


def inside_name(question: str, term: str, name: str) -> bool:
    """Every mention of `term` lies within a mention of the longer `name`."""
    if len(term) >= len(name):
        return False
    spans = [(m, m + len(name)) for m in _positions(question, name)]
    return all(any(s <= m and m + len(term) <= e for s, e in spans) for m in _positions(question, term))


def _positions(text: str, word: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(word, i)]


def known_names(catalog: list, sources: list[SourceInfo]) -> list[str]:
    """Every name a question may misspell: the products' terms and the dishes' names."""
    terms = [t for ts in product_terms(catalog).values() for t in ts]
    return terms + [dish_name(s.title) for s in sources if s.kind == "recipe"]


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


def retrieved_answer(question: str, kb: Retriever, llm: LLM | None, options: AskOptions,
                     product_named: bool = False) -> Answer:
    """The answer from the best source that covers the question. When the question names a product
    its catalog entry could not answer, a recipe may answer only a cooking question (炸几分钟), never
    a fact about the product (是腌好的吗: a recipe's 泰森的是腌好的 is another brand)."""
    hits = kb.search(question, options.top_k)
    sources = group_sources(question, hits, kb)[: options.max_sources]
    primary, reason, detail = choose_source(sources, options)
    if primary is None:
        return _handoff(options, reason, detail)
    if primary.kind != "product" and any(a in SOLD_FACTS for a in asked_attributes(question)):
        return _handoff(options, "not_in_knowledge", "no product")  # a price asked of a recipe page
    if product_named and primary.kind == "recipe" and recipe_part(question) == "any":
        return _handoff(options, "not_in_knowledge", "product fact not in the catalog")
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
