"""An answer cache keyed by the normalised question and the knowledge base's version.

After a stream forty residents ask the same thing in different words and punctuation; the
second and later ones get the first answer at once. Any write to the knowledge changes its
version, so a cached answer never outlives the facts it was built from.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from typing import Generic, TypeVar

T = TypeVar("T")
# Greetings and sentence-final particles that change no meaning (chat conventions, not eval data).
_LEAD = re.compile(r"^(请问一下|请问|问一下|问下|团长|你好|您好|hi|hello|在吗)+")
_TAIL = re.compile(r"(呀|啊|呢|哈|哦|噢|喔|啦|嘞|捏|鸭)+$")
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise_question(question: str) -> str:
    text = unicodedata.normalize("NFKC", question).lower()
    text = _NOISE.sub("", text)
    return _TAIL.sub("", _LEAD.sub("", text)) or text


class AnswerCache(Generic[T]):
    """A small thread-safe LRU of answers per (knowledge version, normalised question)."""

    def __init__(self, max_entries: int = 2048) -> None:
        self.max_entries = max_entries
        self._items: OrderedDict[tuple[str, str], T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, version: str, question: str) -> T | None:
        key = (version, normalise_question(question))
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, version: str, question: str, answer: T) -> None:
        key = (version, normalise_question(question))
        with self._lock:
            self._items[key] = answer
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)
