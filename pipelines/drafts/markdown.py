"""A script as a Markdown run sheet the leader can print or paste."""

from __future__ import annotations

from pipelines.catalog import FIELD_LABELS
from pipelines.drafts.models import Script, ScriptSegment
from pipelines.zh import canonical

KIND_LABELS = {
    "opening": "开场", "product": "商品介绍", "demo": "做菜演示", "interaction": "互动投票",
    "qa": "答疑", "offer": "下单", "closing": "结束",
}
EXTRA_LABELS = {"recipe": "菜谱", "question": "问题", "request": "上次评论", "vote_question": "投票",
                "vote_option": "选项", "name": "商品"}


def _minute(value: float) -> str:
    return canonical(value)


def render_segment(index: int, segment: ScriptSegment) -> list[str]:
    span = f"{_minute(segment.minute_start)}–{_minute(segment.minute_end)} 分钟"
    lines = [f"## {index}. {KIND_LABELS[segment.kind]}（{span}）", "", segment.talk, ""]
    if segment.cues:
        lines += ["**提示**", *[f"- {cue}" for cue in segment.cues], ""]
    facts = [f for f in segment.facts if f.field not in ("name", "vote_question", "vote_option")]
    if facts:
        labels = {**FIELD_LABELS, **EXTRA_LABELS}
        lines += ["**资料**", *[f"- {f.sku + ' ' if f.sku else ''}{labels.get(f.field, f.field)}：{f.value}"
                                for f in facts], ""]
    return lines


def render_script_markdown(script: Script) -> str:
    lines = [f"# {script.title}", ""]
    if script.recipe:
        lines += [f"演示菜谱：{script.recipe.title}", ""]
    for index, segment in enumerate(script.segments, 1):
        lines += render_segment(index, segment)
    return "\n".join(lines).rstrip() + "\n"
