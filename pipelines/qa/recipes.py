"""Recipe answers from the part of the recipe that answers: a time from the step that states it,
ingredients from the ingredient list, steps with their content (never bare headings), and for a
question about one part (蘸料, 酱汁) the lines about that part."""

from __future__ import annotations

import re

from pipelines.catalog.vocabulary import aliases_of
from pipelines.qa.attributes import recipe_part
from pipelines.qa.steps import fit_steps
from pipelines.qa.text import asked_words, quoted_sentences
from pipelines.retrieval import Hit, SourceInfo
from pipelines.zh import content_terms, pos_cut

_STEP = re.compile(r"^\s*\d+[.、)）]\s*")
_BULLET = re.compile(r"^\s*[-*·+]\s*")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|`|\*\*")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_FUNCTION_CHARS = set("的了吗呢吧啊呀怎么什哪几多少是在有要能可会该和与跟用把被就都也还很太这那个些")
_DURATION = re.compile(r"[0-9一二两三四五六七八九十半几]+\s*(个)?(分钟|小时|钟头|秒|min\b|[sS](?![a-zA-Z]))")
# Recipe headings, as the HowToCook recipes and most Chinese recipe sites title their sections.
INGREDIENT_HEADINGS = ("原料", "材料", "食材", "用料", "配料")
STEP_HEADINGS = ("操作", "步骤", "做法", "制作")
# Cooking actions that share a time question: 炖多久 is answered by a step that 焖 or 煮s.
VERB_FAMILIES = (("炖", "焖", "煲", "煨", "熬", "煮", "烧", "卤"), ("蒸",), ("炒", "煸", "爆"), ("炸",), ("烤", "烘"),
                 ("煎",), ("腌", "腌制"), ("醒", "发酵", "静置", "松弛", "醒发"), ("泡", "浸泡", "泡发"), ("焯", "焯水"),
                 ("揉", "搓", "揉搓"), ("拌", "搅拌", "搅"), ("冷藏", "冰镇"), ("微波", "加热"))
# Verbs for making in general: they say nothing about which step is asked (做好, 弄完, 要花).
GENERIC_VERBS = frozenset("做弄搞要用是有到花需得能会让给把")
# Sections that give quantities (HowToCook's 计算; 用量/配比 on other recipe sites).
QUANTITY_HEADINGS = ("计算", "用量", "配比", "份量")
_DIAGRAM = re.compile(r"-->|^\s*graph\s|^\s*```")  # mermaid flow charts some recipes draw
_USES = re.compile(r"(?:有|放|加|用|含)(?:没有|不)?(?:点|些)?([\u4e00-\u9fff]{1,3}?)(?:吗|么|嘛|没)")
# Words for "the quantities" as a whole (what recipe sites call the list of amounts).
GENERIC_AMOUNT_WORDS = frozenset(("比例", "用量", "调料", "配料", "材料", "原料", "食材", "分量", "份量", "配比", "量"))
_TOTAL = re.compile(r"一共|总共|全程|整个|从头|全部做|做完|做好|总时间")
_QUESTION_CLAUSE = re.compile(r"[，,；;。！？?!\s]+|还有|另外")
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


def ingredient_items(chunks: list[Hit]) -> list[str]:
    return [_BULLET.sub("", x).strip() for x in section_lines(chunks, INGREDIENT_HEADINGS) if _BULLET.match(x)]


def ingredient_answer(chunks: list[Hit], question: str = "") -> str:
    """The ingredient list; for 用什么油 only the items naming what the wh-word asks about."""
    items = ingredient_items(chunks)
    asked = [w for w in asked_words(question) if len(w) <= 3]
    focused = [x for x in items if any(w in x for w in asked)]
    return "需要：" + "、".join(focused or items) + "。" if items else ""


def contains_answer(chunks: list[Hit], question: str, title: str) -> str:
    """Whether the dish uses something (要放糖吗, 里面有鱼吗): the list items and step sentences that
    name it; the whole list when no item does, so the resident sees it is not an ingredient."""
    rest = question.replace(dish_name(title), " ")
    said = [m.group(1) for m in _USES.finditer(rest)]  # 加盐吗: jieba calls 加盐 a verb, the thing is 盐
    things = [w for t in [*said, *_things(rest)] for w in (t, *aliases_of(t)) if not _verbs(t)]
    if not things:
        return ""
    items = ingredient_items(chunks)
    listed = [x for x in items if any(w in x for w in things)]
    steps = [x for x in _sentences(section_lines(chunks, STEP_HEADINGS)) if any(w in x for w in things)][:2]
    head = ("用料里有：" + "、".join(listed)) if listed else ("用料：" + "、".join(items) if items else "")
    return _join_answers([p for p in (head, *steps) if p]) if head or steps else ""


def step_answer(chunks: list[Hit], question: str, title: str, max_chars: int) -> str:
    """Numbered steps with their content; for a question about one part, that part's lines."""
    lines = section_lines(chunks, STEP_HEADINGS)
    steps = _focus_lines(lines, question, title) or _steps(lines)
    if sum(len(x) + 1 for x in steps) > max_chars:  # too long for a chat: the steps doing what was asked (煮, 炸)
        verbs = _verbs(question.replace(dish_name(title), " "))
        steps = [x for x in steps if any(f in x for v in verbs for f in _family(v))] or steps
    return fit_steps(steps, max_chars)


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


def time_answer(chunks: list[Hit], question: str, title: str, context: str = "") -> str:
    """A time from the sentences that state it, chosen by the action (炖多久: the simmering steps) and
    the things named (泡冰水泡多久: the step with 冰水; 能放多久 after 放冰箱吗: the note on the fridge);
    the recipe's total time when the question names neither (多久能做好). `context` is the whole
    question when `question` is one clause of it."""
    everything = [s for s in _sentences([x for h in chunks for x in h.body.splitlines()]) if _DURATION.search(s)]
    rest = (context or question).replace(dish_name(title), " ")
    verbs = [] if _TOTAL.search(question) else _verbs(question.replace(dish_name(title), " "))
    things = [w for w in _things(rest) if w not in dish_name(title)] if verbs else []
    steps = [s for s in _sentences(section_lines(chunks, STEP_HEADINGS)) if _DURATION.search(s)]
    if not verbs or not everything:
        return _join(everything[:1], 200)
    notes = [s for s in everything if s not in steps]
    own = _things(question.replace(dish_name(title), " "))
    headings = _headings(chunks)  # 煮多久: the steps under 煮蛋 say 保持 25 分钟 without 煮
    score = {s: max(_verb_score(s, verbs), min(1, _verb_score(headings.get(s, ""), verbs)))
             + sum(1 if w in own else 0.5 for w in things if w in s) for s in steps + notes}
    top = max(score.values())
    if top <= 0:
        return _join(steps[:2], 200)
    best = [s for s in steps + notes if score[s] == top][:2]
    return _join([s for s in steps + notes if s in best], 200)


def _headings(chunks: list[Hit]) -> dict[str, str]:
    """Each sentence -> the heading of the section it is in (its chunk's last breadcrumb)."""
    found: dict[str, str] = {}
    for chunk in chunks:
        heading = (chunk.meta.get("heading") or chunk.text.partition("\n")[0]).rpartition(" > ")[2]
        for sentence in _sentences(chunk.body.splitlines()):
            found.setdefault(sentence, heading)
    return found


def _verb_score(sentence: str, verbs: list[str]) -> int:
    return max((2 if v in sentence else 1 if any(f in sentence for f in _family(v)) else 0) for v in verbs)


def _things(text: str) -> list[str]:
    """The question's nouns, one-character ones too (人, 盐), and words jieba tags oddly (可乐)."""
    words = [t.word for t in content_terms(text)] + [w for w, flag in pos_cut(text) if flag == "n"]
    return [w for w in dict.fromkeys(words) if not set(w) <= GENERIC_VERBS]


def _sentences(lines: list[str]) -> list[str]:
    found = [s.strip() for line in lines if not _DIAGRAM.search(line) for s in _SENTENCE.findall(_MARKUP.sub("", line))]
    return [_STEP.sub("", _BULLET.sub("", s)).strip() for s in dict.fromkeys(found) if s.strip()]


def _verbs(question: str) -> list[str]:
    """The cooking actions a question names: listed families first, else any specific verb (揉)."""
    listed = [v for family in VERB_FAMILIES for v in family if v in question]
    return listed or [w for w, flag in pos_cut(question) if flag.startswith("v") and not set(w) <= GENERIC_VERBS]


def _family(verb: str) -> tuple[str, ...]:
    return next((f for f in VERB_FAMILIES if verb in f), ())


def recipe_answer(question: str, chunks: list[Hit], title: str, max_chars: int) -> str:
    """The answer from the recipe's own text, each clause of the question answered by its part
    (温泉蛋要煮多久？水温多少度); '' when the part asked for is not in it."""
    clauses = [c for c in _QUESTION_CLAUSE.split(question) if c.strip()]
    if len(clauses) < 2:
        return part_answer(question, chunks, title, max_chars)
    answers = [part_answer(c, chunks, title, max_chars, question) or quoted_sentences(c, chunks, title, 120, limit=1)
               for c in clauses]
    return _join_answers([a for a in answers if a]) if recipe_part(question) != "any" else ""


def part_answer(question: str, chunks: list[Hit], title: str, max_chars: int, context: str = "") -> str:
    part = recipe_part(question)
    if part == "time":
        return time_answer(chunks, question, title, context)
    if part == "amount":
        return amount_answer(chunks, question, title)
    if part == "ingredients":
        return ingredient_answer(chunks, question)
    if part == "contains":
        return contains_answer(chunks, question, title)
    if part == "steps":
        return step_answer(chunks, question, title, max_chars)
    return ""


def amount_answer(chunks: list[Hit], question: str, title: str) -> str:
    """How much of the ingredient the question names, from the quantity lines (排骨 finds 肋排 = 750g)."""
    rest = question.replace(dish_name(title), " ")  # 土豆炖排骨的排骨: the second 排骨 is the ingredient
    words = [w for t in _things(rest) for w in (t, *aliases_of(t)) if not _verbs(t)]
    lines = table_rows([_BULLET.sub("", x).strip() for x in section_lines(chunks, QUANTITY_HEADINGS + INGREDIENT_HEADINGS)])
    lines = [x for x in dict.fromkeys(lines) if re.search(r"\d", x)]
    score = {x: sum(len(w) for w in words if w in x) for x in lines}
    top = max(score.values(), default=0)
    if not top and all(w in GENERIC_AMOUNT_WORDS for w in words):  # 比例是多少, 调料放多少: the whole list
        return _join(["、".join(lines)], 200) if lines else ""
    return _join([x for x in lines if top and score[x] == top][:3], 160)


def table_rows(lines: list[str]) -> list[str]:
    """Markdown table rows read with their header: | 鸡蛋 | 1 个 | 3 个 | under | 原料 | 1 份 | 6 寸 |
    becomes 鸡蛋：1 份 1 个，6 寸 3 个 (a row alone does not say which column is which)."""
    out, header = [], []
    for line in lines:
        if not line.startswith("|"):
            out.append(line)
            header = []
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if all(set(c) <= set(":- ") for c in cells):
            continue  # the |---| separator
        if not header:
            header = cells
            continue
        pairs = [f"{h} {c}" for h, c in zip(header[1:], cells[1:])]
        out.append(f"{cells[0]}：" + "，".join(pairs))
    return out


def _join_answers(answers: list[str]) -> str:
    parts = [a.rstrip("。") for a in dict.fromkeys(answers)]
    return "；".join(p for p in parts if not any(p != q and p in q for q in parts)) + "。"


def _focus_lines(lines: list[str], question: str, title: str) -> list[str]:
    """Lines naming the part the question is about (蘸料); a step announcing it brings its bullets."""
    rest = question.replace(dish_name(title), " ")
    pairs = {rest[i:i + 2] for i in range(len(rest) - 1)}
    nouns = {ch for w, flag in pos_cut(rest) if flag.startswith("n") for ch in w}  # 蘸料, not 好吃
    pairs = {p for p in pairs if p.isalpha() and not set(p) & _FUNCTION_CHARS and p not in title and set(p) & nouns}
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


def _join(parts: list[str], max_chars: int) -> str:
    chosen, used = [], 0
    for part in parts:
        part = part.rstrip("。；;，")
        if used + len(part) + 1 > max_chars and chosen:
            break
        chosen.append(part[: max_chars - used])
        used += len(part) + 1
    return "；".join(chosen) + "。" if chosen else ""
