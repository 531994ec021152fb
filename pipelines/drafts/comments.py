"""Votes and requests in a previous stream's live comments, grouped and counted for the next script."""

from __future__ import annotations

import re
from collections import Counter

from pipelines.intent import buying_intent

# Requests for the next stream that are not buying intent (that is pipelines.intent's).
REQUEST_RE = re.compile(r"想吃|求|下次|能不能|能否|可以.{0,12}[吗嘛]|希望|再来")
VOTE_RE = re.compile(r"^(?:投|扣|选)?\s*([1-9])\s*(?:号|票)?$")


def _normalise(text: str) -> str:
    text = text.strip().translate(str.maketrans("＋１２３４５６７８９", "+123456789"))
    return re.sub(r"[\s!！~～。，,]+$", "", text)


def classify_comment(text: str) -> str | None:
    """The group a comment counts towards, or None when it asks for nothing."""
    text = _normalise(text)
    if vote := VOTE_RE.match(text):
        return f"投票选{vote.group(1)}"
    intent = buying_intent(text)
    if intent and intent.kind == "join" and intent.bare:
        return "+1/接龙"
    wants = intent is not None and intent.kind in ("order", "interest", "join")
    return text if wants or REQUEST_RE.search(text) else None


def mine_comment_requests(comment_texts: list[str], *, limit: int | None = None) -> list[str]:
    """Requests and votes, most frequent first (ties in stream order), each with its count:
    ['想要（5次）', '投票选2（2次）']."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for index, group in enumerate(map(classify_comment, comment_texts)):
        if group:
            counts[group] += 1
            first.setdefault(group, index)
    ranked = sorted(counts, key=lambda g: (-counts[g], first[g]))
    return [f"{group}（{counts[group]}次）" for group in ranked[:limit]]
