"""Stages of a recipe a question names: the steps before the one that takes what they made (怎么腌 → the steps
before 腌制好的肉片), a span from one step to another (从泡粉丝到把馅拌好这一段), a sub-section named by its heading
(酱料怎么熬 → 熬酱), and numbered steps read as one text each."""

from __future__ import annotations

import re

from pipelines.qa.recipe_text import (
    BULLET,
    INGREDIENT_HEADINGS,
    QUANTITY_HEADINGS,
    STEP_HEADINGS,
    STEP_MARK,
    asked_things,
    cooking_verbs,
    dish_name,
    section_lines,
    verb_family,
)
from pipelines.qa.times import numbered_lines
from pipelines.retrieval import Hit

_ASIDE = re.compile(r"[（(][^）)]*[）)]")
_SPAN = re.compile(r"从(?P<start>[^，。？?！!]{2,12}?)到(?P<end>[^，。？?！!]{2,12}?)(这一?段|那一?段|这几步|之间|的步骤)")


def stage_before_done(chunks: list[Hit], question: str, title: str) -> list[str]:
    """怎么腌 where no step says 腌 but a later one takes the 腌制好的肉: the stage before that one made it (小酥肉's
    猪肉处理); [] when a step does the asked action itself or none speaks of it as done."""
    verbs = [v for v in cooking_verbs(question.replace(dish_name(title), " ")) if verb_family(v)]
    stages = [c for c in chunks if any(STEP_MARK.match(x) for x in c.body.splitlines())
              and not any(h in (c.meta.get("heading") or "") for h in INGREDIENT_HEADINGS + QUANTITY_HEADINGS)]
    for verb in verbs:
        done = re.compile(rf"{verb}制?[好完]的(?P<thing>[\u4e00-\u9fff]{{1,3}})")
        if any(verb in done.sub("", c.body) for c in stages):
            return []
        at = next((i for i, c in enumerate(stages) if done.search(c.body)), None)
        if at is None:
            continue
        heading = stages[at].meta.get("heading")
        if at and stages[at - 1].meta.get("heading") != heading:
            return numbered_steps([x.rstrip() for x in stages[at - 1].body.splitlines() if x.strip()])
        # one 操作 section (水煮肉片), maybe in several chunks: the steps before, from the first to the last that
        # handles the thing
        return _steps_handling([x for c in stages if c.meta.get("heading") == heading for x in c.body.splitlines()], done)
    return []


def _steps_handling(lines: list[str], done: re.Pattern[str]) -> list[str]:
    """The numbered steps (with their sub-lines) before the one taking the thing made (腌制好的肉片), from the first
    that names the thing to the last that does."""
    steps: list[str] = []
    for line in (x.strip() for x in lines if x.strip()):
        if STEP_MARK.match(line):
            steps.append(STEP_MARK.sub("", line).strip())
        elif steps:
            steps[-1] += "；" + BULLET.sub("", line).strip()
    taking = next((i for i, x in enumerate(steps) if done.search(x)), 0)
    head = done.search(steps[taking]).group("thing")[:1] if taking else ""
    named = [i for i, x in enumerate(steps[:taking]) if head and head in x]
    return steps[named[0]:named[-1] + 1] if named else []


def spanned_steps(chunks: list[Hit], question: str, title: str) -> list[str]:
    """从泡粉丝到把馅拌好这一段: the steps from the first one doing the start to the one doing the end; [] when the
    question names no such span or the steps do not hold both ends in order."""
    span = _SPAN.search(question.replace(dish_name(title), " "))
    if not span:
        return []
    steps = numbered_steps(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
    ends = []
    for end in ("start", "end"):
        words = [w for w in asked_things(span.group(end)) if len(w) > 1] + cooking_verbs(span.group(end))  # jieba: 面醒
        score = [sum(w in step for w in words) for step in steps]
        first = ends[0] if ends else 0
        best = max(score[first:], default=0)
        ends.append(next((i for i in range(first, len(steps)) if best and score[i] == best), -1))
    return steps[ends[0]:ends[1] + 1] if -1 not in ends else []


def named_section_lines(chunks: list[Hit], question: str) -> list[str]:
    """The lines of the step sub-sections the question names by their heading's own characters (酱料怎么熬:
    熬酱, 怎么和面: 和面): recipes split a dish into stages, and a question about one stage is answered by it."""
    lines: list[str] = []
    for chunk in chunks:
        crumbs = (chunk.meta.get("heading") or chunk.text.partition("\n")[0]).split(" > ")[1:]
        stage = _ASIDE.sub("", crumbs[-1]).strip() if crumbs else ""  # 炸花生（约 5 分钟）: 炸花生
        numbered = len(crumbs) == 1 and any(STEP_MARK.match(x) for x in chunk.body.splitlines())  # a stage of its own
        under_steps = numbered or any(h in c for c in crumbs[:-1] for h in STEP_HEADINGS)
        names = [n for n in re.split(r"[：:]", stage) if len(n) >= 2]  # 炖煮收汁：挂霜与出锅: either names the stage
        if under_steps and names and not any(h in stage for h in STEP_HEADINGS) and any(set(n) <= set(question) for n in names):
            lines += [x.rstrip() for x in chunk.body.splitlines() if x.strip()]
    return list(dict.fromkeys(lines))


def numbered_steps(lines: list[str]) -> list[str]:
    """Each numbered step as one text; a step that only announces its content (制作蘸料：) takes
    its indented sub-lines, other sub-lines (tips) are left out."""
    steps: list[str] = []
    for line in lines:
        if STEP_MARK.match(line):
            steps.append(STEP_MARK.sub("", line).strip())
        elif steps and BULLET.match(line) and steps[-1].endswith(("：", ":", "；")):
            steps[-1] += BULLET.sub("", line).strip() + "；"
    return [s.replace("**", "").rstrip("；") for s in steps if len(s.strip(" ：:；")) > 4]  # **加水长炖：** is Markdown bold
