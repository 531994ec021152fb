"""The Chinese-text core every feature uses: one of each.

script (OpenCC t2s), tokenize (the one jieba tokenizer, tenant words kept whole), pinyin and
syllable similarity, numerals both ways, numbers with units and quantities, days, normalisation
for comparison, and the clean-up of language-model output.
"""

from pipelines.zh.dates import DayMention, find_days
from pipelines.zh.llm_text import clean_llm_text, drop_unfinished, fit, split_sentences
from pipelines.zh.normalize import normalize
from pipelines.zh.numbers import NumberMention, Quantity, find_numbers, parse_number, parse_quantity
from pipelines.zh.numerals import canonical, to_chinese
from pipelines.zh.pinyin import Syllable, same_tones, syllable_similarity, syllables, to_pinyin
from pipelines.zh.script import to_simplified
from pipelines.zh.tokenize import (
    Term,
    content_terms,
    cut,
    cut_for_search,
    get_tokenizer,
    is_dictionary_word,
    pos_cut,
    stopwords,
    word_frequency,
)

__all__ = [
    "DayMention", "NumberMention", "Quantity", "Syllable", "Term", "canonical", "clean_llm_text", "content_terms",
    "cut", "cut_for_search", "drop_unfinished", "find_days", "find_numbers", "fit", "get_tokenizer",
    "is_dictionary_word", "normalize", "parse_number", "parse_quantity", "pos_cut", "same_tones",
    "split_sentences", "stopwords", "syllable_similarity", "syllables", "to_chinese", "to_pinyin",
    "to_simplified", "word_frequency",
]
