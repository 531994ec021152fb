from __future__ import annotations

import pytest

from knowledge.chunking import chunk_document, chunk_transcript
from pipelines.transcript import Segment, Transcript
from tests.utils.paths import RECIPES

TOMATO = RECIPES / "dishes" / "vegetable_dish" / "西红柿炒鸡蛋.md"


def test_every_chunk_carries_its_heading_and_title():
    chunks = chunk_document("dishes/x.md", TOMATO.read_text(encoding="utf-8"), "西红柿炒鸡蛋的做法", max_chars=200)
    assert len(chunks) >= 5
    steps = [c for c in chunks if c.meta["heading"].endswith("操作")]
    assert len(steps) >= 2, "the long 操作 section is split, each piece keeps its heading"
    for chunk in chunks:
        first_line = chunk.text.splitlines()[0]
        assert first_line.startswith("西红柿炒鸡蛋的做法")
        assert chunk.source_id == "dishes/x.md" and chunk.chunk_id.startswith("dishes/x.md#")
    assert all("热锅" not in c.text for c in chunks if "必备原料" in c.meta["heading"])


@pytest.mark.parametrize("max_chars", [150, 300, 600])
def test_chunks_respect_the_size_and_lose_no_text(max_chars):
    text = TOMATO.read_text(encoding="utf-8")
    chunks = chunk_document("t.md", text, "西红柿炒鸡蛋的做法", max_chars=max_chars)
    assert all(len(c.text) <= max_chars + 5 for c in chunks)
    joined = "".join(c.text for c in chunks)
    for phrase in ("西红柿洗净", "关火，盛盘", "鸡蛋 = 1.5 个"):
        assert phrase in joined


def test_plain_text_without_headings_gets_the_title():
    chunks = chunk_document("faq.txt", "团购商品次日到货。\n\n售后请联系团长。", "常见问题")
    assert chunks and chunks[0].text.startswith("常见问题\n")


def test_transcript_windows_are_30_to_60_seconds_of_whole_segments():
    segments = [Segment(float(t), float(t + 7), f"第{t}秒的话。") for t in range(0, 200, 8)]
    chunks = chunk_transcript("r1", Transcript("zh", 200.0, segments), "周五直播")
    assert [c.chunk_id for c in chunks][0] == "rec:r1@0"
    for chunk in chunks[:-1]:
        span = chunk.meta["end"] - chunk.meta["start"]
        assert 30 <= span <= 60, span
        assert chunk.chunk_id == f"rec:r1@{int(chunk.meta['start'])}" == chunk.source_id
    assert sum(c.text.count("的话") for c in chunks) == len(segments)
