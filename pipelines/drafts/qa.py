"""Answers on air to residents' open questions and last stream's requests, by name, from the catalog.

A question is answered from the catalog field it asks about; one the catalog cannot answer is
promised an answer in the group, never guessed.
"""

from __future__ import annotations

import re

from pipelines.catalog import Product, product_terms
from pipelines.drafts.moves import say, say_nth
from pipelines.drafts.segments import QUESTION_FIELDS
from pipelines.drafts.spoken import arrival_phrase, speakable, storage_phrase, use_clause, use_phrase

REQUEST_COUNT = re.compile(r"^(?P<text>.+)（(?P<count>\d+)次）$")


def field_answer(product: Product, field: str) -> str:
    """The catalog's answer to a question about `field`, as a clause ('' when it has none)."""
    name, value = product.name, product.get(field)
    answers = {
        "price": lambda: f"{name}每{product.get('unit') or '份'}{value}元" if value else "",
        "storage": lambda: f"{name}{storage_phrase(product)}" if value else "",
        "shelf_life": lambda: f"保质期{value}" if value else "",
        "allergens": lambda: f"{name}含{'、'.join(product.allergens)}，过敏的家人们注意" if product.allergens else "",
        "arrival": lambda: f"{name}{arrival_phrase(product)}",
        "spec": lambda: f"{name}是{value}的" if value else "",
        "origin": lambda: f"{name}产自{value}" if value else "",
        "selling_points": lambda: f"{name}{use_clause(product) or '可以' + use_phrase(product)}",
    }
    return speakable(answers[field]()) if field in answers else ""


def asked_fields(question: str) -> list[str]:
    fields = [f for f, words in QUESTION_FIELDS.items() if any(w in question for w in words)]
    return list(dict.fromkeys(fields))


def answer_question(question: str, products: tuple[Product, ...]) -> str:
    """'有邻居问“鸡蛋能放多久”，散养土鸡蛋冷藏保存，大头朝上放置，保质期冷藏30天。'"""
    terms = product_terms(products)
    about = [p for p in products if any(t in question for t in terms[p.sku])] or list(products[:len(products) == 1])
    asked = question.strip().rstrip("？?。！!")
    parts = [a for p in about[:1] for f in asked_fields(question) if (a := field_answer(p, f))]
    answer = "，".join(dict.fromkeys(parts)) or say("script.qa", "unknown")
    return say("script.qa", "answer", asked, question=asked, answer=answer)


def request_move(text: str, count: str, index: int) -> str:
    """A reply to one mined request: votes and 接龙 in their own words, the rest quoted."""
    if vote := re.fullmatch(r"投票选(\d+)", text):
        return say("script.qa", "request_vote", text, count=count, option=vote.group(1))
    if text == "+1/接龙":
        return say("script.qa", "request_join", text, count=count)
    reply = say_nth("script.qa", "request_reply", index)
    if count:
        return say("script.qa", "request", text, count=count, text=text, reply=reply)
    return f"上次评论区有邻居说“{text}”，{reply}。"


def request_moves(requests: list[str]) -> list[str]:
    """Replies to mined requests ('想要（5次）'), each by its words and count."""
    moves = []
    for index, request in enumerate(requests):
        found = REQUEST_COUNT.match(request)
        text, count = (found["text"], found["count"]) if found else (request, "")
        moves.append(request_move(text, count, index))
    return moves
