"""The one lookup: a row the tenant owns, or the domain NotFound. Store reads always take the tenant,
so another group's ids look exactly like ids that do not exist."""

from __future__ import annotations

from typing import TypeVar

from pipelines.errors import NotFound

T = TypeVar("T")

NOT_FOUND = {
    "recording": ("recording_not_found", "找不到这个录像（可能已被删除）"),
    "transcript": ("transcript_not_found", "这个录像还没有转写，请先提交转写任务"),
    "segment": ("segment_not_found", "找不到这一句，请刷新转写后再改"),
    "job": ("job_not_found", "找不到这个任务"),
    "highlight": ("highlight_not_found", "找不到这个高光片段（可能已被删除或重新生成），请刷新后再试"),
    "clip": ("clip_not_found", "找不到这个短视频"),
    "draft": ("draft_not_found", "找不到这份草稿"),
    "gap": ("gap_not_found", "找不到这个问题"),
    "document": ("document_not_found", "知识库里没有这份文档"),
    "product": ("product_not_found", "商品表里没有这个商品"),
    "live": ("live_not_found", "找不到这场直播录制（服务重启后，进行中的录制需要重新开始）"),
    "asset": ("not_found", "找不到这个文件"),
}


def not_found(what: str) -> NotFound:
    code, message = NOT_FOUND[what]
    return NotFound(message, code=code)


def require(value: T | None, what: str) -> T:
    """`value`, or NotFound for `what` (a key of NOT_FOUND) when it is None."""
    if value is None:
        raise not_found(what)
    return value
