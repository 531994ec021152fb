"""How many a recipe feeds, for a household's question (家里五口人做土豆炖牛腩，牛腩买几盒): the recipe's servings
sentence (一份正好够 3 个人食用, 2-3 人份, 最多制作三份…分多次制作) with the amounts of the things asked.

HowToCook recipes, like most Chinese recipe sites, state one portion's size and write every amount per portion;
the resident multiplies. The answer quotes both and never does the sum for them."""

from __future__ import annotations

import re

from pipelines.qa.recipe_text import join_parts, split_sentences
from pipelines.retrieval import Hit

_NUMBER = "[0-9一二两三四五六七八九十]+"
# How many people are eating: 五口人, 4个人, 两口子, 老两口, 一家三口.
HEADCOUNT = re.compile(rf"{_NUMBER}\s*(口人|个人|口)(?!味|感|袋|锅)|{_NUMBER}\s*人(吃|份|的量)|两口子|老两口|一家[三四五六七八九]口")
# How a recipe states its portions and the most it makes at once.
_SERVES = re.compile(rf"够\s*{_NUMBER}(\s*[-~～到]\s*{_NUMBER})?\s*个?人|{_NUMBER}(\s*[-~～]\s*{_NUMBER})?\s*人份"
                     r"|最多制作|分多次制作|分[两几]次做"
                     rf"|每份约?\s*{_NUMBER}\s*[个只块张片杯碗串根]")  # 每份约 50 个饺子: what a portion makes
# A number of pieces the resident wants to make (想包100个, 烤24块): the amounts are per portion, so its size is said.
PIECES_WANTED = re.compile(rf"(包|做|烤|蒸|炸|煎|烙)\s*{_NUMBER}\s*[个只块张片杯碗串根]")


def servings_sentences(chunks: list[Hit]) -> str:
    """The recipe's sentences stating how many one portion feeds (at most two, recipe order); '' when none does."""
    said = split_sentences([x for c in chunks for x in c.body.splitlines()])
    return join_parts([s.rstrip("：:") for s in dict.fromkeys(said) if _SERVES.search(s)][:2], 160)  # 每份约 50 个饺子：
