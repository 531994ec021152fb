"""Negation and affirmation in Chinese text: which words a statement says are not so (不含花生,
不建议高温爆炒, 过敏原：无) and which it says are so (可以冷冻), as the yes/no check reads them."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipelines.zh import cut, stopwords

VOCAB_FILE = Path(__file__).with_name("polarity.toml")
MAX_SCOPE_WORDS = 3
_CLAUSE = re.compile(r"[^。！？!?；;，,\n]+")
_NONE_VALUE = re.compile(r"([\u4e00-\u9fff]{2,8})[：:]\s*(?:无|没有|暂无|不含)\s*(?=$|[。；;，,\n])")
_CONTENT = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,}$")
_COUNTING = re.compile(r"^[0-9一二两三四五六七八九十几多每半]")


@dataclass(frozen=True)
class Scope:
    """A negation or affirmation: the cue and the content words it governs, with its span."""

    start: int
    end: int
    raw: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Polarity:
    negations: tuple[Scope, ...]
    affirmations: tuple[Scope, ...]
    plain: frozenset[str]  # content words said outside any negation

    @property
    def negated(self) -> frozenset[str]:
        return frozenset(w for s in self.negations for w in s.words)


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, frozenset[str]]:
    data = tomllib.loads(VOCAB_FILE.read_text(encoding="utf-8"))
    return {key: frozenset(words) for key, words in data.items()}


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Every cue and idiom, kept whole when a clause is cut (jieba splits 没问题 and 不用担心)."""
    return frozenset(w for words in vocabulary().values() for w in words if len(w) > 1)


def _is_content(word: str) -> bool:
    if not _CONTENT.match(word) or word in stopwords() or _COUNTING.match(word):
        return False
    return not any(word in words for words in vocabulary().values())


class _ClauseReader:
    """Walks one clause's words, opening a scope at each cue and closing it at a boundary."""

    def __init__(self, clause: str, offset: int) -> None:
        self.clause, self.offset = clause, offset
        self.negations: list[Scope] = []
        self.affirmations: list[Scope] = []
        self.plain: set[str] = set()
        self._open: tuple[str, int, list[str]] | None = None  # (kind, start, words)

    def read(self) -> _ClauseReader:
        vocab, pos = vocabulary(), 0
        for word in cut(self.clause, _cue_words()):
            self._step(word, pos, vocab)
            pos += len(word)
        self._close(pos)
        return self

    def _step(self, word: str, pos: int, vocab: dict[str, frozenset[str]]) -> None:
        kind = self._open[0] if self._open else None
        if word in vocab["negators"]:
            self._close(pos)
            self._open = ("neg", pos, [])
        elif word in vocab["affirmers"] and not (kind == "neg" and not self._open[2]):
            self._close(pos)
            self._open = ("aff", pos, [])
        elif word in vocab["boundaries"]:
            self._close(pos)
        elif _is_content(word):
            if kind and len(self._open[2]) < MAX_SCOPE_WORDS:
                self._open[2].append(word)
            if kind != "neg":
                self.plain.add(word)

    def _close(self, end: int) -> None:
        if self._open and self._open[2]:
            kind, start, words = self._open
            scope = Scope(self.offset + start, self.offset + end, self.clause[start:end], tuple(words))
            (self.negations if kind == "neg" else self.affirmations).append(scope)
        self._open = None


@lru_cache(maxsize=4096)
def read_polarity(text: str) -> Polarity:
    """Every negation and affirmation in `text`, clause by clause; `标签：无` negates the label."""
    negations, affirmations, plain = [], [], set()
    for clause in _CLAUSE.finditer(text):
        reader = _ClauseReader(clause.group(), clause.start()).read()
        negations += reader.negations
        affirmations += reader.affirmations
        plain |= reader.plain
    for match in _NONE_VALUE.finditer(text):
        label = match.group(1)
        negations.append(Scope(match.start(), match.end(), match.group(), (label,)))
        plain.discard(label)
    return Polarity(tuple(negations), tuple(affirmations), frozenset(plain))
