"""What a tenant's transcripts may be corrected towards: its words, with weights, indexed by sound.

Three sources, strongest first: the tenant's terms (catalog names and their parts, origins, the
glossary the leader taught), the words of its knowledge base (recipes, FAQ, product fact sheets),
and the general lexicon of group buying and live selling (lexicon.txt). Each word joins jieba's
dictionary in the word model with a floor frequency; the same texts train the character model.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipelines.asr.channel import sound_key
from pipelines.asr.charmodel import CharModel
from pipelines.asr.terms import terms_from_names
from pipelines.asr.wordmodel import WordModel
from pipelines.zh import cut, syllables

LEXICON_FILE = Path(__file__).with_name("lexicon.txt")
# Floor frequencies in jieba's corpus counts (about 60 million words; 邻居 has 613, 团长 1702).
TERM_FREQ = 3000.0  # a tenant's own product or origin name: it is what this stream is about
LEXICON_FREQ = 1500.0  # the domain's everyday words
KNOWLEDGE_FREQ_PER_USE = 60.0  # a knowledge-base word, per use, up to LEXICON_FREQ
MAX_WORD_CHARS = 8
_HAN = re.compile(r"^[\u3400-\u9fff]{2,}$")


@lru_cache(maxsize=1)
def lexicon() -> tuple[str, ...]:
    lines = (line.split("#")[0].strip() for line in LEXICON_FILE.read_text(encoding="utf-8").splitlines())
    return tuple(dict.fromkeys(w for w in lines if w))


def knowledge_words(texts: Iterable[str]) -> Counter[str]:
    """Chinese words (2+ characters) of the knowledge texts and how often each is used."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in cut(text) if len(w) <= MAX_WORD_CHARS and _HAN.match(w))
    return counts


def _weights(terms: Sequence[str], knowledge: Counter[str]) -> dict[str, float]:
    weights = {w: min(LEXICON_FREQ, KNOWLEDGE_FREQ_PER_USE * n) for w, n in knowledge.items()}
    weights.update(dict.fromkeys(lexicon(), LEXICON_FREQ))
    weights.update(dict.fromkeys((t for t in terms if _HAN.match(t) and len(t) <= MAX_WORD_CHARS), TERM_FREQ))
    return weights


@dataclass(frozen=True)
class Vocabulary:
    terms: frozenset[str]  # the tenant's own terms (never respelled, always a candidate)
    named: frozenset[str]  # the tenant's terms and the domain lexicon: words worth a near-sound change
    words: WordModel
    chars: CharModel
    by_sound: dict[tuple[int, str], tuple[str, ...]]  # (length, sound keys) -> candidate words

    def candidates(self, heard_keys: str, length: int) -> tuple[str, ...]:
        return self.by_sound.get((length, heard_keys), ())


def _index(words: Iterable[str]) -> dict[tuple[int, str], tuple[str, ...]]:
    words = list(words)
    sounds = syllables("\n".join(words))  # one pypinyin pass for all words: per-word calls cost seconds
    index: dict[tuple[int, str], list[str]] = defaultdict(list)
    pos = 0
    for word in words:
        index[(len(word), " ".join(sound_key(s) for s in sounds[pos:pos + len(word)]))].append(word)
        pos += len(word) + 1
    return {k: tuple(v) for k, v in index.items()}


def build_vocabulary(hotwords: Sequence[str], knowledge: Sequence[str] = ()) -> Vocabulary:
    """The vocabulary for a tenant: `hotwords` as transcribe() gets them, `knowledge` its documents."""
    terms = terms_from_names(hotwords)
    weights = _weights(terms, knowledge_words(knowledge))
    chars = CharModel([*knowledge, *lexicon(), *terms])
    named = frozenset(t for t in [*terms, *lexicon()] if t in weights)
    return Vocabulary(frozenset(terms), named, WordModel(weights), chars, _index(weights))


_cache: dict[str, Vocabulary] = {}


def get_vocabulary(hotwords: Sequence[str], knowledge: Sequence[str] = ()) -> Vocabulary:
    """Built once per distinct hotwords and knowledge (a few tenants' vocabularies are kept)."""
    digest = hashlib.sha1("\x00".join([*hotwords, "\x01", *knowledge]).encode("utf-8")).hexdigest()
    if digest not in _cache:
        if len(_cache) >= 4:
            _cache.pop(next(iter(_cache)))
        _cache[digest] = build_vocabulary(hotwords, knowledge)
    return _cache[digest]
