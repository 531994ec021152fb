"""Reading a recipe's text: its sections by heading, its sentences, and the cooking actions and things
a question names. Shared by the recipe answers (recipes.py) and the time answers (times.py)."""

from __future__ import annotations

import re

from pipelines.retrieval import Hit
from pipelines.zh import content_terms, is_dictionary_word, pos_cut

STEP_MARK = re.compile(r"^\s*\d+[.、)）]\s*")
BULLET = re.compile(r"^\s*[-*·+]\s*")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|`|\*\*")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
# Recipe headings, as the HowToCook recipes and most Chinese recipe sites title their sections.
INGREDIENT_HEADINGS = ("原料", "材料", "食材", "用料", "配料")
STEP_HEADINGS = ("操作", "步骤", "做法", "制作")
NOTE_HEADINGS = ("附加", "小贴士", "贴士", "注意", "提示")  # HowToCook's 附加内容; tips on other recipe sites
# Cooking actions that share a time question: 炖多久 is answered by a step that 焖 or 煮s.
VERB_FAMILIES = (("炖", "焖", "煲", "煨", "熬", "煮", "烧", "卤"), ("蒸",), ("炒", "煸", "爆"), ("炸",), ("烤", "烘"),
                 ("煎",), ("腌", "腌制"), ("醒", "发酵", "静置", "松弛", "醒发"), ("放置", "凝固", "成型"), ("泡", "浸泡", "泡发"), ("焯", "焯水"),
                 ("揉", "搓", "揉搓"), ("拌", "搅拌", "搅"), ("冷藏", "冰镇", "冰", "冻", "冷冻"), ("微波", "加热", "热"),
                 ("收汁", "收浓"))
# Verbs for making in general: they say nothing about which step is asked (做好, 弄完, 要花).
GENERIC_VERBS = frozenset("做弄搞要用是有到花需得能会让给把")
# Sections that give quantities (HowToCook's 计算; 用量/配比 on other recipe sites).
QUANTITY_HEADINGS = ("计算", "用量", "配比", "份量")
_DIAGRAM = re.compile(r"-->|^\s*graph\s|^\s*```")  # mermaid flow charts some recipes draw
_TITLE_SUFFIX = re.compile(r"(的)?(做法|制作方法|教程)$")


def dish_name(title: str) -> str:
    return _TITLE_SUFFIX.sub("", title.strip())


def section_lines(chunks: list[Hit], headings: tuple[str, ...]) -> list[str]:
    """The lines of the sections whose heading (last breadcrumb part) names one of `headings`."""
    lines: list[str] = []
    for chunk in chunks:
        crumbs = (chunk.meta.get("heading") or chunk.text.partition("\n")[0]).split(" > ")[1:]  # [0] is the title
        if any(h in c for c in crumbs for h in headings):
            lines += [_MARKUP.sub("", x).rstrip() for x in chunk.body.splitlines() if x.strip()]
    return list(dict.fromkeys(lines))


# Kitchen words recipes write differently from residents (HowToCook and recipe-site usage): a lid is 锅盖, 盖子 or
# 盖 in 扣盖/加盖/盖盖; heat is 火候 or 火力.
KITCHEN_WORDS = {"锅盖": ("盖子", "扣盖", "加盖", "盖盖", "盖上"), "盖子": ("锅盖", "扣盖", "加盖", "盖盖", "盖上"),
                 "火候": ("火力", "大火", "小火", "中火"), "火力": ("火候", "大火", "小火", "中火")}
_GLUED_VERB = re.compile(r"(?<=.)[各都也还要再]?[放加用倒下]$")
_GLUED_MODAL = re.compile(r"(?<=.)[要得]$")  # 水要 (not the word 重要): a noun and the modal jieba glued to it


def asked_things(text: str) -> list[str]:
    """The question's nouns, one-character ones too (人, 盐), and words jieba tags oddly (可乐)."""
    words = [t.word for t in content_terms(text)] + [w for w, flag in pos_cut(text) if flag == "n"]
    words = [_GLUED_VERB.sub("", w) or w for w in words]  # 油各放 -> 油: jieba glues the verb after a short noun
    words = [w if is_dictionary_word(w) else _GLUED_MODAL.sub("", w) or w for w in words]
    return [w for w in dict.fromkeys(words) if not set(w) <= GENERIC_VERBS]


def split_sentences(lines: list[str]) -> list[str]:
    found = [s.strip() for line in lines if not _DIAGRAM.search(line) for s in _SENTENCE.findall(_MARKUP.sub("", line))]
    return [STEP_MARK.sub("", BULLET.sub("", s)).strip() for s in dict.fromkeys(found) if s.strip()]


def cooking_verbs(question: str) -> list[str]:
    """The cooking actions a question names: listed families first, else any specific verb (揉)."""
    listed = [v for family in VERB_FAMILIES for v in family if v in question]
    return listed or [w for w, flag in pos_cut(question) if flag.startswith("v") and not set(w) <= GENERIC_VERBS]


def verb_family(verb: str) -> tuple[str, ...]:
    return next((f for f in VERB_FAMILIES if verb in f), ())


def join_parts(parts: list[str], max_chars: int) -> str:
    chosen, used = [], 0
    for part in parts:
        part = part.rstrip("。；;，！!")
        if not part:
            continue
        if used + len(part) + 1 > max_chars and chosen:
            break
        chosen.append(part[: max_chars - used])
        used += len(part) + 1
    return "；".join(chosen) + "。" if chosen else ""
