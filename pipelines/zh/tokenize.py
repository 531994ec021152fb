"""The one jieba tokenizer in the process, and the word-level views built on it.

Tenant words (catalog names and their parts, the glossary) are kept whole by cutting the text at
their longest matches first and jieba-cutting only the rest, so no tenant ever changes the shared
dictionary that every other tenant's text is cut with.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba
import jieba.posseg

STOPWORDS_FILE = Path(__file__).with_name("stopwords.txt")
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)
_COUNT = re.compile(r"^[0-9一二两三四五六七八九十几多每半]")  # 一瓶, 几分钟, 多重: counts, not things
_lock = threading.Lock()
_tokenizers: list[jieba.Tokenizer] = []


def get_tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer, its dictionary loaded on first use (about 1 s)."""
    with _lock:
        if not _tokenizers:
            jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not ours to print
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            _tokenizers.append(tokenizer)
        return _tokenizers[0]


@lru_cache(maxsize=1)
def _pos_tokenizer() -> jieba.posseg.POSTokenizer:
    # POSTokenizer(tokenizer) would read the dictionary file into a second word-tag table; the
    # one jieba.posseg built at import is shared instead, over our tokenizer.
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = get_tokenizer()
    pos.word_tag_tab = jieba.posseg.dt.word_tag_tab
    return pos


# A cook's heat level before 烧 (大火烧开, 中小火烧 10 分钟): jieba's dictionary prefers 火烧 (a flatbread) and
# cuts 大|火烧|开, losing both the heat and the action. General kitchen usage, no tenant's words.
_HEAT_BEFORE_BURN = r"(?:中大|中小|[大中小猛旺文武微])火(?=烧)"


@lru_cache(maxsize=64)
def _extra_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join([*map(re.escape, words), _HEAT_BEFORE_BURN]))


def _pieces(text: str, extra_words: Iterable[str]) -> list[tuple[str, bool]]:
    """(piece, is_extra_word): `text` split at the longest matches of the extra words (and of a heat level)."""
    words = tuple(sorted({w for w in extra_words if len(w) > 1}, key=lambda w: (-len(w), w)))
    pattern = _extra_pattern(words)
    pieces, pos = [], 0
    for match in pattern.finditer(text):
        pieces += [(text[pos:match.start()], False), (match.group(), True)]
        pos = match.end()
    return [p for p in [*pieces, (text[pos:], False)] if p[0]]


def cut(text: str, extra_words: Iterable[str] = (), *, hmm: bool = True) -> list[str]:
    """jieba words; `extra_words` (the tenant's terms) come out whole wherever they occur."""
    tokenizer = get_tokenizer()
    return [w for piece, whole in _pieces(text, extra_words)
            for w in ([piece] if whole else tokenizer.lcut(piece, HMM=hmm))]


def cut_for_search(text: str) -> list[str]:
    """Search-engine mode: every long word and the dictionary words inside it."""
    return list(get_tokenizer().cut_for_search(text))


def pos_cut(text: str, extra_words: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(word, jieba part-of-speech flag) pairs; an extra word is tagged "nz" (a proper noun)."""
    pos = _pos_tokenizer()
    return [pair for piece, whole in _pieces(text, extra_words)
            for pair in ([(piece, "nz")] if whole else [(w.word, w.flag) for w in pos.cut(piece)])]


def word_frequency(word: str) -> int:
    """How often jieba's reference corpus uses `word` as a word (0 when it is not a dictionary word)."""
    return get_tokenizer().FREQ.get(word) or 0


def is_dictionary_word(word: str) -> bool:
    return word_frequency(word) > 0


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@dataclass(frozen=True)
class Term:
    word: str
    noun: bool  # names a thing (n*, English word): a question is about it, so it must be found


def content_terms(text: str) -> list[Term]:
    """The words that say what a text is about: no function, question or count words."""
    terms: dict[str, Term] = {}
    for word, flag in pos_cut(text):
        word = word.strip().lower()
        if not _WORD.search(word) or word in stopwords() or _COUNT.match(word) or word in terms:
            continue
        terms[word] = Term(word, flag.startswith(("n", "eng")) and (len(word) > 1 or flag == "eng"))
    return list(terms.values())
