"""Recipe answers from the part of the recipe that answers: a time from the step that states it,
ingredients from the ingredient list, steps with their content (never bare headings), and for a
question about one part (蘸料, 酱汁) the lines about that part."""

from __future__ import annotations

import re

from pipelines.qa.attributes import recipe_part
from pipelines.retrieval import Hit, SourceInfo
from pipelines.zh import content_terms

_STEP = re.compile(r"^\s*\d+[.、)）]\s*")
_BULLET = re.compile(r"^\s*[-*·+]\s*")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|`|\*\*")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_ASIDE = re.compile(r"[（(][^）)]*[）)]")
_CLAUSE_END = re.compile(r"[，。；;,]")
_FUNCTION_CHARS = set("的了吗呢吧啊呀怎么什哪几多少是在有要能可会该和与跟用把被就都也还很太这那个些")
_DURATION = re.compile(r"[0-9一二两三四五六七八九十半几]+\s*(个)?(分钟|小时|钟头|秒)")
# Recipe headings, as the HowToCook recipes and most Chinese recipe sites title their sections.
INGREDIENT_HEADINGS = ("原料", "材料", "食材", "用料", "配料")
STEP_HEADINGS = ("操作", "步骤", "做法", "制作")
# Cooking actions that share a time question: 炖多久 is answered by a step that 焖 or 煮s.
VERB_FAMILIES = (("炖", "焖", "煲", "煨", "熬", "煮", "烧", "卤"), ("蒸",), ("炒", "煸", "爆"), ("炸",), ("烤", "烘"),
                 ("煎",), ("腌", "腌制"), ("醒", "发酵", "静置", "松弛", "醒发"), ("泡", "浸泡", "泡发"), ("焯", "焯水"))
_TITLE_SUFFIX = re.compile(r"(的)?(做法|制作方法|教程)$")


def dish_name(title: str) -> str:
    return _TITLE_SUFFIX.sub("", title.strip())


def named_dishes(question: str, sources: list[SourceInfo]) -> list[tuple[SourceInfo, str]]:
    """Recipes whose dish name the question contains, longest name first."""
    found = [(s, dish_name(s.title)) for s in sources if s.kind == "recipe"]
    return sorted(((s, d) for s, d in found if len(d) >= 2 and d in question), key=lambda sd: -len(sd[1]))


def section_lines(chunks: list[Hit], headings: tuple[str, ...]) -> list[str]:
    """The lines of the sections whose heading (last breadcrumb part) names one of `headings`."""
    lines: list[str] = []
    for chunk in chunks:
        crumbs = (chunk.meta.get("heading") or chunk.text.partition("\n")[0]).split(" > ")[1:]  # [0] is the title
        if any(h in c for c in crumbs for h in headings):
            lines += [_MARKUP.sub("", x).rstrip() for x in chunk.body.splitlines() if x.strip()]
    return list(dict.fromkeys(lines))


def ingredient_answer(chunks: list[Hit]) -> str:
    items = [_BULLET.sub("", x).strip() for x in section_lines(chunks, INGREDIENT_HEADINGS) if _BULLET.match(x)]
    return "需要：" + "、".join(items) + "。" if items else ""


def step_answer(chunks: list[Hit], question: str, title: str, max_chars: int) -> str:
    """Numbered steps with their content; for a question about one part, that part's lines."""
    lines = section_lines(chunks, STEP_HEADINGS)
    steps = _focus_lines(lines, question, title) or _steps(lines)
    if sum(len(x) + 1 for x in steps) > max_chars:  # too long for a chat: the steps doing what was asked (煮, 炸)
        verbs = _verbs(question.replace(dish_name(title), " "))
        steps = [x for x in steps if any(f in x for v in verbs for f in _family(v))] or steps
    return _fit_steps(steps, max_chars)


def _steps(lines: list[str]) -> list[str]:
    """Each numbered step as one text; a step that only announces its content (制作蘸料：) takes
    its indented sub-lines, other sub-lines (tips) are left out."""
    steps: list[str] = []
    for line in lines:
        if _STEP.match(line):
            steps.append(_STEP.sub("", line).strip())
        elif steps and _BULLET.match(line) and steps[-1].endswith(("：", ":", "；")):
            steps[-1] += _BULLET.sub("", line).strip() + "；"
    return [s.rstrip("；") for s in steps if len(s.strip(" ：:；")) > 4]


def _fit_steps(steps: list[str], max_chars: int) -> str:
    """Every step kept, each cut at a clause boundary to its share of the budget."""
    steps = [_ASIDE.sub("", s).strip() for s in steps]
    if sum(len(s) + 1 for s in steps) > max_chars:
        share = max(max_chars // max(len(steps), 1), 12)
        steps = [_cut(s, share) for s in steps]
    text = "；".join(s.rstrip("。；;，") for s in steps if s)
    return text.replace("：；", "：") + "。" if text else ""


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    ends = [m.end() for m in _CLAUSE_END.finditer(text[: limit + 1])]
    return text[: ends[-1]] if ends else text[:limit]


def time_answer(chunks: list[Hit], question: str, title: str) -> str:
    """A cooking action's time from the steps that state it (炖多久: the simmering steps); the
    recipe's total time when the question names no action (多久能做好)."""
    verbs = _verbs(question.replace(dish_name(title), " "))
    steps = [s for s in _sentences(section_lines(chunks, STEP_HEADINGS)) if _DURATION.search(s)]
    if verbs and steps:
        score = {s: max((2 if v in s else 1 if any(f in s for f in _family(v)) else 0) for v in verbs) for s in steps}
        best = [s for s in sorted(steps, key=lambda s: -score[s]) if score[s] > 0][:2] or steps[:2]
        return _join([s for s in steps if s in best], 200)
    everything = [s for s in _sentences([x for h in chunks for x in h.body.splitlines()]) if _DURATION.search(s)]
    return _join(everything[:1], 200)


def _sentences(lines: list[str]) -> list[str]:
    found = [s.strip() for line in lines for s in _SENTENCE.findall(_MARKUP.sub("", line))]
    return [_STEP.sub("", _BULLET.sub("", s)).strip() for s in dict.fromkeys(found) if s.strip()]


def _verbs(question: str) -> list[str]:
    return [v for family in VERB_FAMILIES for v in family if v in question]


def _family(verb: str) -> tuple[str, ...]:
    return next((f for f in VERB_FAMILIES if verb in f), ())


def recipe_answer(question: str, chunks: list[Hit], title: str, max_chars: int) -> str:
    """The answer from the recipe's own text; '' when the part asked for is not in it."""
    part = recipe_part(question)
    if part == "time":
        return time_answer(chunks, question, title)
    if part == "ingredients":
        return ingredient_answer(chunks)
    if part == "steps":
        return step_answer(chunks, question, title, max_chars)
    return ""


def _focus_lines(lines: list[str], question: str, title: str) -> list[str]:
    """Lines naming the part the question is about (蘸料); a step announcing it brings its bullets."""
    rest = question.replace(dish_name(title), " ")
    pairs = {rest[i:i + 2] for i in range(len(rest) - 1)}
    pairs = {p for p in pairs if p.isalpha() and not set(p) & _FUNCTION_CHARS and p not in title}
    out: list[str] = []
    for i, line in enumerate(lines):
        if not any(p in line for p in pairs):
            continue
        out.append(line.strip())
        if line.rstrip().endswith(("：", ":")):
            out += [x.strip() for x in _bullets_after(lines, i)]
    return [_BULLET.sub("", _STEP.sub("", x)) for x in dict.fromkeys(out)]


def _bullets_after(lines: list[str], i: int) -> list[str]:
    """The bullet lines right after line i (chunking may have stripped their indentation)."""
    out = []
    for line in lines[i + 1:]:
        if _STEP.match(line) or not _BULLET.match(line):
            break
        out.append(line)
    return out


def _words(question: str, title: str) -> list[str]:
    dish = dish_name(title)
    return [t.word for t in content_terms(question.replace(dish, " ")) if t.word not in dish]


def _join(parts: list[str], max_chars: int) -> str:
    chosen, used = [], 0
    for part in parts:
        part = part.rstrip("。；;，")
        if used + len(part) + 1 > max_chars and chosen:
            break
        chosen.append(part[: max_chars - used])
        used += len(part) + 1
    return "；".join(chosen) + "。" if chosen else ""
