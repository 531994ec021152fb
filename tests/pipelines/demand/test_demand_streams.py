"""Demand on both dev streams' real comments, checked against the hand-judged counts in expected.json
(README.md beside it). The product timeline is each stream's script_truth.json sentence timeline,
with word times spread evenly over each sentence (the same estimate the hand judgement used)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from PIL import Image

from pipelines.catalog import load_catalog
from pipelines.comments import parse_comments
from pipelines.demand import DemandReport, build_demand
from pipelines.demand.card import render_demand_card
from pipelines.transcript import Transcript
from tests.utils.paths import MEDIA, PRODUCTS_CSV, REPO
from tests.utils.stream_truth import segment_from_sentence

HERE = Path(__file__).parent
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))["streams"]
COMMENT_FILES = {"stream": "comments.jsonl", "stream3": "comments.csv"}
ARTIFACTS = REPO / "test-artifacts" / "demand"


def truth_transcript(stream: str) -> Transcript:
    sentences = json.loads((MEDIA / stream / "script_truth.json").read_text(encoding="utf-8"))
    return Transcript("zh", sentences[-1]["end"], [segment_from_sentence(s) for s in sentences])


@lru_cache(maxsize=2)
def report(stream: str) -> tuple[DemandReport, int]:
    name = COMMENT_FILES[stream]
    parsed = parse_comments((MEDIA / stream / name).read_bytes(), name)
    return build_demand(truth_transcript(stream), load_catalog(PRODUCTS_CSV), parsed.comments), parsed.skipped


@pytest.mark.parametrize("stream", list(COMMENT_FILES))
def test_counts_per_sku_lie_within_the_hand_counts(stream: str) -> None:
    expected, (found, _) = EXPECTED[stream], report(stream)
    got = {d.sku: d.comments for d in found.per_sku}
    for sku, counts in expected["per_sku"].items():
        assert counts["comments"] <= got.get(sku, 0) <= counts["comments_max"], (sku, got.get(sku, 0))
    assert {sku for sku, n in got.items() if n} <= set(expected["per_sku"])


@pytest.mark.parametrize("stream", list(COMMENT_FILES))
def test_intent_comments_and_comment_totals(stream: str) -> None:
    expected, (found, skipped) = EXPECTED[stream], report(stream)
    assert found.comments == expected["comments"] and skipped == len(expected["malformed_lines"])
    assert abs(len(found.intents) - expected["intent_comments"]) <= 2
    assert found.unmet == [] and expected["unmet_demand"] == []  # neither stream asks for a missing product


@pytest.mark.parametrize("stream", list(COMMENT_FILES))
def test_each_hand_judged_intent_is_found(stream: str) -> None:
    """Recall against the per-comment judgement: at most one intent comment missed per stream."""
    judged = [json.loads(line) for line in (HERE / f"{stream}-intent.jsonl").read_text(encoding="utf-8").splitlines()]
    found = {(round(i.time, 1), i.text) for i in report(stream)[0].intents}
    missed = [j for j in judged if j["intent"] and (round(j["time"], 1), j["text"]) not in found]
    assert len(missed) <= 1, missed


@pytest.mark.parametrize("stream", list(COMMENT_FILES))
def test_card_is_drawn_for_a_phone(stream: str) -> None:
    found, _ = report(stream)
    path = render_demand_card(found, ARTIFACTS / f"{stream}.png")
    with Image.open(path) as image:
        assert image.size == (1080, 1440)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, bars and bands, not a blank page
    assert found.segments and found.segments[0].start >= 0 and found.segments[-1].end <= found.duration
