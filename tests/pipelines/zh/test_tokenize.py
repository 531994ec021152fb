import threading

import pytest

from pipelines.zh import tokenize
from pipelines.zh.tokenize import content_terms, cut, get_tokenizer, is_dictionary_word, pos_cut, word_frequency


def test_one_tokenizer_per_process() -> None:
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(get_tokenizer())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(t is seen[0] for t in seen)


@pytest.mark.parametrize(("text", "extra", "expected"), [
    ("谷饲牛腩炖土豆", ["谷饲牛腩"], ["谷饲牛腩", "炖", "土豆"]),
    ("沙瓤西红柿和沙拉", ["沙瓤西红柿", "西红柿"], ["沙瓤西红柿", "和", "沙拉"]),  # the longest match wins
    ("今天卖橄榄油", [], ["今天", "卖", "橄榄油"]),
])
def test_cut_keeps_tenant_words_whole(text: str, extra: list[str], expected: list[str]) -> None:
    assert cut(text, extra) == expected


def test_tenant_words_do_not_change_the_shared_dictionary() -> None:
    cut("谷饲牛腩很嫩", ["谷饲牛腩"])
    assert not is_dictionary_word("谷饲牛腩")
    assert "谷饲牛腩" not in cut("谷饲牛腩很嫩")


def test_pos_cut_tags_words_and_tenant_words() -> None:
    assert pos_cut("橄榄油多少钱") [0] == ("橄榄油", "n")
    assert pos_cut("谷饲牛腩多少钱", ["谷饲牛腩"])[0] == ("谷饲牛腩", "nz")


def test_pos_cut_shares_the_tokenizer() -> None:
    pos_cut("热身")
    assert tokenize._pos_tokenizer().tokenizer is get_tokenizer()


@pytest.mark.parametrize(("word", "known"), [("西红柿", True), ("鸡蛋", True), ("谷饲牛腩", False), ("干烂油", False)])
def test_dictionary_words(word: str, known: bool) -> None:
    assert is_dictionary_word(word) is known
    assert (word_frequency(word) > 0) is known


def test_word_frequency_orders_common_words_first() -> None:
    assert word_frequency("鸡蛋") > word_frequency("虾仁") > 0


@pytest.mark.parametrize("question, nouns, absent", [
    ("这周的橄榄油多少钱一瓶？", {"橄榄油"}, {"这周", "多少钱", "一瓶", "钱"}),
    ("有没有卖榴莲？", {"榴莲"}, {"有没有", "卖"}),
    ("你们卖iPhone吗？", {"iphone"}, {"你们"}),
    ("王阿姨的水饺要煮几分钟？", {"水饺"}, {"几分钟"}),
])
def test_content_terms_keep_the_things_asked_about(question, nouns, absent):
    terms = content_terms(question)
    assert nouns <= {t.word for t in terms if t.noun}
    assert not absent & {t.word for t in terms}
