"""Unmet demand (products asked for that the catalog lacks) and the questions residents ask most,
from live comments and from the questions the bot handed to the leader."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pipelines.comments import Comment
from pipelines.demand.models import Handoff, TopQuestion, UnmetRequest
from pipelines.demand.signals import is_question, requested_item
from pipelines.orders.match import CatalogIndex
from pipelines.qa.message import clean_message
from pipelines.zh import normalize

SAME_QUESTION = 0.5  # character-bigram overlap (Jaccard) from which two wordings are one question
MAX_QUESTIONS = 8
MAX_EXAMPLES = 3


def unmet_requests(comments: list[Comment], handoffs: list[Handoff], index: CatalogIndex) -> list[UnmetRequest]:
    found: dict[str, UnmetRequest] = {}
    users: dict[str, set[str]] = {}
    asked = [(c.text, c.user or c.text, "comment", 1) for c in comments]
    asked += [(h.question, h.question, "handoff", h.asked) for h in handoffs]
    for text, user, source, times in asked:
        item = requested_item(text, index)
        if not item:
            continue
        request = found.setdefault(item, UnmetRequest(item, 0, 0))
        request.count += times
        users.setdefault(item, set()).add(user)
        request.users = len(users[item])
        request.sources = sorted({*request.sources, source})
        if len(request.examples) < MAX_EXAMPLES and text not in request.examples:
            request.examples.append(text)
    return sorted(found.values(), key=lambda r: (-r.count, r.item))


def _bigrams(text: str) -> set[str]:
    norm = normalize(clean_message(text)).rstrip("?？吗呢呀啊~！!。")  # @团长 and [捂脸] are not the question
    return {norm[i:i + 2] for i in range(len(norm) - 1)} or {norm}


def _similar(a: set[str], b: set[str]) -> bool:
    return len(a & b) / max(1, len(a | b)) >= SAME_QUESTION


def top_questions(comments: list[Comment], handoffs: list[Handoff], index: CatalogIndex,
                  answers: Callable[[str], bool] | None = None) -> list[TopQuestion]:
    """Questions clustered by wording, most asked first; each says whether it is answered now."""
    asked: Iterable[tuple[str, str, int, bool]] = [(c.text, "comment", 1, False) for c in comments
                                                   if is_question(c.text)]
    asked = [*asked, *((h.question, "handoff", h.asked, h.answered) for h in handoffs)]
    clusters: list[tuple[set[str], TopQuestion]] = []
    for text, source, times, answered in asked:
        grams = _bigrams(text)
        cluster = next((c for c in clusters if _similar(c[0], grams)), None)
        if cluster is None:
            cluster = (grams, TopQuestion(text, 0, [], answered or None))
            clusters.append(cluster)
        question = cluster[1]
        question.count += times
        question.sources = sorted({*question.sources, source})
        question.answered = question.answered or answered or None
        if len(question.examples) < MAX_EXAMPLES and text not in question.examples:
            question.examples.append(text)
    ranked = sorted((q for _, q in clusters), key=lambda q: -q.count)[:MAX_QUESTIONS]
    for question in ranked:
        if answers is not None and not question.answered:
            question.answered = answers(question.question)
    return ranked
