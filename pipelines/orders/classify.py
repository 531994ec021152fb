"""Why a line of a pasted 接龙 is not an order, in words a leader reads at a glance."""

from __future__ import annotations

import re

from pipelines.orders.items import parse_items, words
from pipelines.orders.lines import find_address
from pipelines.orders.match import CatalogIndex

_PRICE = re.compile(r"\d{1,4}(?:\.\d{1,2})?\s{0,2}(?:元|块|/)|[\u4e00-\u9fff]\d{1,4}(?:\.\d{1,2})?(?:\s|$)")
_EMOJI_OR_MARK = re.compile(r"^[#＃【\[]")


def why_not_an_order(line: str, index: CatalogIndex, *, too_long: bool = False) -> str:
    if too_long:
        return "这一行太长，没有读，请分开写"
    if line.startswith(words()["chat_starts"]):
        return "闲聊，不是下单"
    if _is_header(line):
        return "接龙标题"
    if any(line.startswith(m) or f"{m}：" in line or f"{m}:" in line for m in words()["format_marks"]):
        return "格式说明或示例，不是下单"
    if line.rstrip("～~!！。 ").endswith(words()["question_endings"]):
        return "提问，不是下单（请团长回复）"
    if len(_PRICE.findall(line)) >= 2:
        return "价目说明，不是下单"
    names_products = bool(parse_items(line, index).items)
    if names_products and find_address(line).building:
        return "没有接龙编号：像是下单，请核对后补进接龙"
    if names_products:
        return "团长说明或商品介绍，不是下单"
    return "闲聊或说明，不是下单"


def _is_header(line: str) -> bool:
    """#接龙, 【…团购】接龙👇: the chain's title line."""
    return line.startswith(("#", "＃")) or (_EMOJI_OR_MARK.match(line) is not None
                                           and any(m in line[:30] for m in words()["header_marks"]))
