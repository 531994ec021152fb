"""Times from a recipe: how long a step takes, from the sentence that does the asked action (matched by
the action, its section heading and the things named; a verb inside an ingredient's name is no action),
and how long the finished dish keeps."""

from __future__ import annotations

import re
from collections.abc import Callable

from pipelines.catalog.vocabulary import aliases_of
from pipelines.qa.attributes import is_yes_no
from pipelines.qa.recipe_text import (
    BULLET,
    INGREDIENT_HEADINGS,
    QUANTITY_HEADINGS,
    STEP_HEADINGS,
    STEP_MARK,
    VERB_FAMILIES,
    asked_things,
    cooking_verbs,
    dish_name,
    join_parts,
    section_lines,
    split_sentences,
    verb_family,
)
from pipelines.qa.text import shared_pairs
from pipelines.retrieval import Hit

_DURATION = re.compile(r"[0-9一二两三四五六七八九十半几]+\s*(个)?(分钟|小时|钟头|秒|天|min\b|[sS](?![a-zA-Z]))")
# The whole dish asked for: 一共, 全程, 做下来 (from start to end), and a span 从备菜到出锅 (from one point to another).
_TOTAL = re.compile(r"一共|总共|全程|整个|从头|全部做|做完|做好|总时间|做下来|从[^，,。？?！!\s]{1,6}到")
# Words for getting the whole dish done, not one step (everyday speech: 几分钟能搞定, 下班回来做来得及吗,
# 做起来快不快, 多久能出锅/上桌/吃上); a verb of daily life (下班, 回来) is no cooking step either, see _recipe_verbs.
_DONE = re.compile(r"搞定|完成|来得及|赶得及|赶得上|[做弄]起来|出锅|起锅|上桌|端上|吃上|吃到嘴")
# How recipes state the whole dish's time: explicitly (预计制作时间, 一共, 全程, HowToCook's intros 从备料到出锅约需
# 30 分钟, 大约需要) before in passing (时间, 耗时, 慢炖一小时即可完成).
_TOTAL_STATED = re.compile(r"预计|时长|一共|总共|全程|到(出锅|上桌)|大约需要|约需")
_TOTAL_PASSING = re.compile(r"时间|耗时|即可完成|就能端上")
_KEEPING = re.compile(r"冷藏|冷冻|冰箱|保存|存放|放")
_PERIOD = re.compile(r"[0-9一二两三四五六七八九十半几]+\s*(个)?(天|周|星期|月|小时)")
_REFERENCE = re.compile(r"之前|以前|之后|以后|[完好][^，,。？?]{0,2}?(还要|还得|再|要)")  # 焯完水还要 | 干煸多久, 做好了要 | 冰多久
_BOIL_UP = re.compile(r"[煮烧]开|[煮烧]沸|水开|沸腾")  # bringing to the boil, a moment of any stew or soup
_NAME_HEAD = re.compile(r"[^\s0-9（(：:，,=/]*")  # an ingredient line's name: 蒸肉粉 in "蒸肉粉 100g"
# a count written in words after the name: 胡萝卜一根, 大葱小半根, 盐少许
_WORD_COUNT = re.compile(r"[大小]?[一二两三四五六七八九十半几]+[个根片颗只瓣块勺匙克斤把棵条张碗杯袋包段朵粒滴]$|适量$|少许$")


# The wait around adding something: 焖多久再下土豆 (until it goes in), 打了鸡蛋再煮几分钟 (after it went in).
_ASKED_TIME = r"(多久|几分钟|多长时间|多少分钟|几个?小时)"
_UNTIL_ADDED = re.compile(_ASKED_TIME + r"(以后|之后|后)?(再|才)(下锅|下|放|加|倒|打)(入|进)?(?P<thing>[\u4e00-\u9fff]{1,4})")
_ONCE_ADDED = re.compile(r"(下|放|加|倒|打)(入|进)?了?(?P<thing>(?![去锅进])[\u4e00-\u9fff]{1,4}?)(以后|之后|后|再)[^，,。？?]{0,6}"
                         + _ASKED_TIME)
# ... and with the thing first: 土豆下锅后还要焖几分钟, 土豆放进去以后还要炖多久.
_ONCE_PUT_IN = re.compile(r"(?P<thing>[\u4e00-\u9fff]{1,4})(下锅|下入|放入|加入|倒入|[放加倒下]进去|[放加倒]进锅|下去)了?(以后|之后|后|再)"
                          r"[^，,。？?]{0,6}" + _ASKED_TIME)
_PUT_IN_THEN = re.compile(r"(?P<thing>[\u4e00-\u9fff]{1,4})(下锅|下入|放入|加入|倒入|[放加倒下]进去|[放加倒]进锅|下去)了?(以后|之后|后)"
                          r"[^，,。？?]{0,6}(怎么|如何|咋)")
_DURATION_ASKED = re.compile(r"多久|多长时间|几分钟|多少分钟|几个?小时|多少度|几度|多少|几")
# An action done (揉完, 蒸好了) before the one whose time is asked (放多久, 焖几分钟); not a modal (煮好要多久 asks the 煮).
_DONE_BEFORE = re.compile(r"[\u4e00-\u9fff][完好](了|后|以后|之后)?[再就]?(?=[^要得需等还才][\u4e00-\u9fff]?(多久|几分钟|几个?小时|多长时间))")
_TURNED = re.compile(r"转(?=多久|几分钟|几秒|几个?小时|多长时间|多少秒)")
_REST_ASKED = re.compile(r"放(?=多久|几分钟|几个?小时|多长时间|一会)")
_SINCE = re.compile(r"[0-9一二两三四五六七八九十半几]+\s*(个)?(分钟|小时|钟头|秒)(以)?后")
_ADDING = re.compile(r"下锅|下入|放入|加入|倒入|打入|加|放|下")
# A cooking verb naming a vessel (烤盘, 烤箱, 蒸笼, 炒锅, 空气炸锅): putting food in it is no baking, steaming or frying yet.
_VESSEL = re.compile(r"[烤蒸炒煎炸煮炖烘焗](?=[盘箱架笼网炉锅])")
# Ovens and air fryers are set to a temperature: a step setting one bakes or air-fries (烤, 烘, 焗, 炸) whatever verb
# it uses (空气炸锅 200°C，10 分钟).
_DRY_HEAT = frozenset("烤烘焗炸")
_HEAT_SET = re.compile(r"\d\s*(°C|℃|°|度)")
# Several steps asked at once: 各/分别/这两步, or 一共 after steps joined by 加/和 (发酵加二次醒发一共多久).
_EACH_STEP = re.compile(r"各|分别|这两步|这几步|每一?步")
_TOTAL_OF_JOINED = re.compile(r"(加上?|和|跟)[^，,。？?]{1,8}(一共|总共)")
_STEP_JOINER = re.compile(r"和|跟|加上?|到|还有|、|以及")
_ASKED_TIME_AT = re.compile(r"(要|得|需要)?(多久|多长时间|几分钟|多少分钟|几个?小时|多少时间)")
# The unit the question counts in (转几秒, 熬几个钟头) and how a recipe states a time in it.
_ASKED_UNIT = ((re.compile(r"[几多少]+秒"), re.compile(r"[0-9一二两三四五六七八九十]\s*秒|\d\s*[sS](?![a-zA-Z])")),
               (re.compile(r"[几多少]+个?(小时|钟头)"), re.compile(r"小时|钟头")),
               (re.compile(r"[几多少]+分钟"), re.compile(r"分钟|min\b")),
               (re.compile(r"[几多少]+天"), re.compile(r"\d\s*天|[一二两三四五六七八九十]天")))


def addition_time(chunks: list[Hit], question: str) -> str:
    """The time around the step that adds what the question names: until it goes in, the step that adds it
    when that step says when (40 分钟后…下入锅中) or the timed step before; once it is in, the first timed
    step from it on. '' when the question asks no such thing or no step adds it."""
    until, once, put_in = _UNTIL_ADDED.search(question), _ONCE_ADDED.search(question), _ONCE_PUT_IN.search(question)
    if put_in and not until:  # the thing before the verb: its last characters name it (炖牛腩土豆 -> 土豆)
        thing = put_in.group("thing")
        names = [thing[-k:] for k in range(len(thing), 1, -1)]
    elif until or once:
        thing = (until or once).group("thing")
        names = [thing[:k] for k in range(len(thing), 1, -1)]
    else:
        return ""
    steps = split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
    at = _adding_step(steps, names)  # none for a one-character thing (加水以后): too many steps add 水 to say which
    if at is None:
        return ""
    timed = [i for i, s in enumerate(steps) if _DURATION.search(s)]
    if until:
        found = at if at in timed else max((i for i in timed if i < at), default=None)
    else:  # 40 分钟后…下入锅中 says when it went in; the wait after it is the next time, the asked action's first
        after = [i for i in timed if i >= at and _DURATION.search(_SINCE.sub("", steps[i]))][:3]
        asked = until or once or put_in
        verbs = cooking_verbs(question[asked.end("thing"):asked.end()])  # 下锅后还要焖几分钟: 焖
        doing = [i for i in after if any(f in steps[i] for v in verbs for f in (verb_family(v) or (v,)))]
        found = (doing or after or [None])[0]
    return join_parts([steps[found]], 200) if found is not None else ""


def _adding_step(steps: list[str], names: list[str]) -> int | None:
    """The first step that puts in what one of the names (most specific first, or its everyday other name: 饺子 for
    水饺) names: one whose adding verb takes it (再放葱绿, 下饺子后) before one merely holding both (葱白和葱绿分开放)."""
    names = [v for n in names for v in (n, *aliases_of(n))]
    found = next((i for n in names for i, s in enumerate(steps) if adds_it(s, n)), None)
    return found if found is not None else next(
        (i for n in names for i, s in enumerate(steps) if n in s and _ADDING.search(s.replace(n, "　"))), None)


def adds_it(sentence: str, name: str) -> bool:
    """The sentence's adding verb takes the thing (再放葱绿, 下饺子后, 土豆下锅): not merely both in it (分开放)."""
    return bool(re.search(f"({_ADDING.pattern})[入进]?{re.escape(name)}|{re.escape(name)}(下锅|入锅)", sentence))


def steps_after_adding(chunks: list[Hit], question: str) -> list[str]:
    """What is done once something is in (四喜烤麸下锅以后怎么烧): the step that puts it in and those after; []
    when the question asks no such thing or no step puts it in."""
    put_in = _PUT_IN_THEN.search(question)
    if not put_in:
        return []
    thing = put_in.group("thing")
    steps = split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
    at = _adding_step(steps, [thing[-k:] for k in range(len(thing), 0, -1)])
    return steps[at:at + 5] if at is not None else []  # its own step says what is done to it first (煎 5 分钟)


def time_answer(chunks: list[Hit], question: str, title: str, context: str = "") -> str:
    """A time from the sentences that state it, chosen by the action (炖多久: the simmering steps) and
    the things named (泡冰水泡多久: the step with 冰水; 能放多久 after 放冰箱吗: the note on the fridge);
    the recipe's total time when the question names neither (多久能做好). `context` is the whole
    question when `question` is one clause of it."""
    if added := addition_time(chunks, question):
        return added
    everything = [s for s in split_sentences([x for h in chunks for x in h.body.splitlines()]) if _DURATION.search(s)]
    rest = told_with(question, context).replace(dish_name(title), " ")
    names = ingredient_names(chunks)  # 烤麸要泡多久: 烤麸 is a thing, its 烤 is no action
    asked = mask_names(asked_action(_after_dish(question, dish_name(title))), names)  # not an action in a name
    asked = _DONE_BEFORE.sub("　", asked)  # 揉完放多久, 蒸好了焖多久: the step after the one done is asked
    if "微波" in question + context + title:  # 微波炉荷包蛋转多久: a microwave turns while it heats
        asked = _TURNED.sub("加热", asked)
    asked = _REST_ASKED.sub("放置", asked)  # 放多久才凝固: left to stand (放置), not put in (放入)
    verbs = [] if _TOTAL.search(asked) else _recipe_verbs(_DONE.sub("　", asked), chunks)
    own = asked_things(question.replace(dish_name(title), " "))
    things = [w for w in asked_things(rest) if w not in dish_name(title) or (len(w) > 1 and w in own)] if verbs else []
    steps = [s for s in split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
             if _DURATION.search(s)] + timed_headings(chunks)
    everything += [s for s in steps if s not in everything]
    named = _naming_most(steps + [s for s in everything if s not in steps], [w for w in own if len(w) > 1])
    if not verbs and named and not _TOTAL.search(asked) and not _DONE.search(asked):
        return join_parts(named[:2], 200)  # 最后收汁几分钟: no action word, but the step (or note) it names
    if not verbs and not _TOTAL.search(asked) and not _DONE.search(asked) and (said := _sharing_words(steps, asked)):
        return join_parts(said[:2], 200)  # 高火转多久: no action listed, but the step saying 高火, not the dish's total
    unit = _stated_in_asked_unit(question)
    if not verbs and not _TOTAL.search(asked) and not _DONE.search(asked) and (counted := [s for s in steps if unit(s)]):
        if not any(unit(s) for s in _total_time(everything, chunks, question)):
            return join_parts(counted[:2], 200)  # 高火转几秒: the one step timed in seconds, not the dish's minutes
    intro = _intro_sentences(chunks)  # 先炒糖色再小火慢炖…一个半小时 times the whole dish, not one step
    if not verbs or all(s in intro for s in everything):  # the whole dish: the sentence stating the total, else each
        # timed stage; also when only the introduction states a time (白粥要熬多久 of steps timed T1, Tr: 全程约需 25 分钟)
        return join_parts(_total_time(everything, chunks, question), 200)
    notes = [s for s in everything if s not in steps]
    headings = _headings(chunks)  # 煮多久: the steps under 煮蛋 say 保持 25 分钟 without 煮
    family = {f for v in verbs for f in (verb_family(v) or (v,))}
    named = [n for n in names if any(f in n for f in family)]  # 蒸肉粉, 空气炸锅: naming them is no 蒸 or 炸
    if named and not any(f in mask_names(s, named) for s in steps for f in family):
        named = []  # …unless only the tool names it: 空气炸锅鸡翅中要炸几分钟 is its air-fryer steps
    phrases = _verb_phrases(asked, verbs)
    carried = _with_previous(split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks)), steps)
    # 炖多久: 大火煮开后等 5 分钟 brings it to the boil, it does not stew (煮多久 may well mean that boil)
    boil_up = not _BOIL_UP.search(asked) and not any(v in ("煮", "烧") for v in verbs)
    dry = any(v in _DRY_HEAT for v in verbs)  # 烤几分钟: 空气炸锅 200°C，10 分钟 bakes, though it says no 烤
    itself = {s: max(_verb_score(_BOIL_UP.sub("　", t) if boil_up else t, verbs), int(dry and bool(_HEAT_SET.search(t))))
              for s in steps + notes for t in [_VESSEL.sub("　", mask_names(carried.get(s, s), named))]}
    labels = step_labels(chunks)  # 2. **排骨焯水**： over its sub-lines: 沸腾后等待 3 分钟 is the ribs' blanching
    acts = {s: max(itself[s], min(1, _verb_score(headings.get(s, "") + labels.get(s, ""), verbs))) + 0.25 * bool(itself[s])
            for s in steps + notes}
    # a step doing the action itself (烧鸭肉 30 分钟) before one only under a heading that does (开始煮: 翻炒 4 分钟)
    every_step = split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
    common = {w for w in things if len(w) > 1 and not cooking_verbs(w) and sum(w in s for s in every_step) >= 3}
    weight = {w: (1 if w in own else 0.5) / (2 if w in common else 1) for w in things}
    # a thing that runs through the steps (包饺子的面要醒多久: 饺子 is in every stage) says little of which step
    score = {s: acts[s] + sum(weight[w] for w in things if w in labels.get(s, "") + s) + 0.5 * any(p in s for p in phrases)
             + 0.5 * unit(s) for s in steps + notes}
    ranked = [s for s in steps + notes if s not in intro]
    # only the introduction does the asked action (腌一刻钟就够入味), or only it counts in the asked unit
    # (熬几个钟头: 熬煮约需 3 小时, not the steps' 小火煮 30 分钟)
    if not any(acts[s] > 0 for s in ranked) or not any(unit(s) for s in ranked if acts[s]) and any(unit(s) for s in intro):
        ranked = steps + notes
    top = max(score[s] for s in ranked)
    if top <= 0:  # no timed step does it: the first timed steps, else the dish's total (白粥要熬多久: 全程约需 25 分钟)
        return join_parts(steps[:2] or _total_time(everything, chunks, question), 200)
    best = [s for s in ranked if score[s] == top]
    most = max(shared_pairs(asked, s) for s in best)  # a tie: the one sharing most of the wording (冰水, 捞出)
    best = [s for s in best if shared_pairs(asked, s) == most][:2]
    return join_parts([s for s in steps + notes if s in best], 200)


def step_labels(chunks: list[Hit]) -> dict[str, str]:
    """Each sentence of a numbered step's sub-lines -> that step's numbered line (2. **排骨焯水**： -> 排骨焯水, 5. 第一步：
    焯水): recipes name a step on its numbered line and put what is done on the lines under it."""
    labels: dict[str, str] = {}
    label = ""
    for line in section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks):
        if STEP_MARK.match(line):  # 2. **排骨焯水**：, 5. 第一步：焯水
            label = STEP_MARK.sub("", line).replace("**", "").strip().rstrip("：:")
        elif label and BULLET.match(line):
            for sentence in split_sentences([line]):
                labels.setdefault(sentence, label)
    return labels


def _sharing_words(steps: list[str], asked: str) -> list[str]:
    """The timed steps sharing most character pairs of the question's content words (高|火 from jieba's 高, 火)."""
    chars = {ch for w in asked_things(asked) for ch in w}
    pairs = {asked[i:i + 2] for i in range(len(asked) - 1) if set(asked[i:i + 2]) <= chars}
    score = {s: sum(p in s for p in pairs) for s in steps}
    top = max(score.values(), default=0)
    return [s for s in steps if top and score[s] == top]


def _stated_in_asked_unit(question: str) -> Callable[[str], bool]:
    """Whether a sentence states a time in the unit the question counts in; never true when it names none."""
    for asked, stated in _ASKED_UNIT:
        if asked.search(question):
            return lambda sentence: bool(stated.search(sentence))
    return lambda sentence: False


def each_step_time(chunks: list[Hit], question: str, title: str) -> str:
    """Each named step's own time when the question asks of several (焯水和干煸这两步各多久, 从泡排骨到腌好各要多久,
    发酵加二次醒发一共多长时间); '' when it names fewer than two steps or asks no such thing."""
    rest = question.replace(dish_name(title), " ")
    asked = _ASKED_TIME_AT.search(rest)
    if not asked or not (_EACH_STEP.search(rest) or _TOTAL_OF_JOINED.search(rest[:asked.start()] + asked.group(0))):
        return ""
    head = re.sub(r"[，,。？?！!\s]|这两步|这几步|每一?步|各|分别|一共|总共|自己", "", rest[:asked.start()])
    parts = [re.sub(r"^(从|先|再|然后|的)", "", s) for s in _STEP_JOINER.split(head) if s]
    if len(parts) >= 2 and (verbs := cooking_verbs(parts[-1])) and not any(cooking_verbs(p) for p in parts[:-1]):
        parts = [p.replace(verbs[0], "") + verbs[0] for p in parts]  # 土豆、茄子、尖椒分别炸多久: each thing fried
    steps = [s for s in parts if cooking_verbs(s)]
    if len(steps) < 2:
        return ""
    return join_parts(list(dict.fromkeys(a for s in steps if (a := time_answer(chunks, s + "多久", title)))), 200)


def told_with(question: str, context: str) -> str:
    """The clause asked with the message's clauses that ask nothing themselves (包饺子的面要醒多久，第一次自己和面:
    和面 says which 醒); another clause's own question (焯水要煮几分钟？下锅以后又要炖多久) stays its own."""
    if not context:
        return question
    told = [c for c in re.split(r"[，,。？?！!；;\s]+", context) if c and c not in question and not _asks_itself(c)]
    return "，".join([question, *told])


def _asks_itself(clause: str) -> bool:
    return bool(_DURATION_ASKED.search(clause)) or is_yes_no(clause) or clause.endswith("呢")  # 用不用翻面 asks too


def _with_previous(sentences: list[str], timed: list[str]) -> dict[str, str]:
    """A timed sentence that names no action (等待 1.5～2 小时，直至软烂) times the step before it (盖锅盖焖煮):
    step-by-step recipes put the action and the wait in separate lines."""
    return {s: sentences[i - 1] + s for i, s in enumerate(sentences)
            if i and s in timed and not any(v in s for family in VERB_FAMILIES for v in family)}


def _total_time(everything: list[str], chunks: list[Hit], question: str) -> list[str]:
    """The sentence stating the whole dish's time (an explicit total before one in passing, then the one
    sharing most of the question's wording: 从备菜到出锅), else each timed stage, else the first time."""
    total = [s for s in everything if _TOTAL_STATED.search(s)] or [s for s in everything if _TOTAL_PASSING.search(s)]
    if total:
        return [max(total, key=lambda s: shared_pairs(question, s))]  # max keeps the first of a tie
    return (timed_headings(chunks) if everything else []) or everything[:1]


def _recipe_verbs(asked: str, chunks: list[Hit]) -> list[str]:
    """The cooking actions asked: a listed one, or another verb the recipe itself uses (下班回来 is no step)."""
    verbs = cooking_verbs(asked)
    if any(verb_family(v) for v in verbs):
        return verbs
    text = "".join(c.body for c in chunks)
    return [v for v in verbs if v in text]


def _intro_sentences(chunks: list[Hit]) -> set[str]:
    """The sentences before the first section (a recipe's introduction)."""
    return {s for c in chunks if " > " not in (c.meta.get("heading") or " > ")
            for s in split_sentences(c.body.splitlines())}


def _naming_most(sentences: list[str], words: list[str]) -> list[str]:
    """The sentences naming most of the words, by their length (用高压锅的话: the note on 高压锅 before the
    steps that only name 牛腩), in recipe order."""
    score = {s: sum(len(w) for w in words if w in s) for s in sentences}
    top = max(score.values(), default=0)
    return [s for s in sentences if top and score[s] == top]


def timed_headings(chunks: list[Hit]) -> list[str]:
    """Section headings that state how long their section takes (腌制鸡丁（15 分钟）): recipe sites often put
    a stage's time in its heading and none in its numbered lines."""
    found = [_last_heading(c) for c in chunks]
    return [h for h in dict.fromkeys(found) if _DURATION.search(h)]


def numbered_lines(chunks: list[Hit]) -> list[str]:
    """The lines of sections made of numbered steps under a heading of their own (炒制, 炸花生), not 操作."""
    lines: list[str] = []
    for chunk in chunks:
        body = [x for x in chunk.body.splitlines() if x.strip()]
        heading = _last_heading(chunk)
        if any(STEP_MARK.match(x) for x in body) and not any(h in heading for h in INGREDIENT_HEADINGS + QUANTITY_HEADINGS):
            lines += body
    return list(dict.fromkeys(lines))


def _last_heading(chunk: Hit) -> str:
    return (chunk.meta.get("heading") or chunk.text.partition("\n")[0]).rpartition(" > ")[2]


def keep_answer(chunks: list[Hit]) -> str:
    """How long the dish keeps: the sentences that give a keeping period (冷藏可以放 3 天)."""
    sentences = split_sentences([x for h in chunks for x in h.body.splitlines()])
    return join_parts([s for s in sentences if _KEEPING.search(s) and _PERIOD.search(s)][:2], 200)


def _headings(chunks: list[Hit]) -> dict[str, str]:
    """Each sentence -> the heading of the section it is in (its chunk's last breadcrumb)."""
    found: dict[str, str] = {}
    for chunk in chunks:
        heading = (chunk.meta.get("heading") or chunk.text.partition("\n")[0]).rpartition(" > ")[2]
        for sentence in split_sentences(chunk.body.splitlines()):
            found.setdefault(sentence, heading)
    return found


def ingredient_names(chunks: list[Hit]) -> list[str]:
    """The names on the recipe's ingredient and quantity lines (蒸肉粉 from "蒸肉粉 100g"), longest first."""
    lines = section_lines(chunks, INGREDIENT_HEADINGS + QUANTITY_HEADINGS)
    names = {_WORD_COUNT.sub("", _NAME_HEAD.match(BULLET.sub("", x).strip()).group(0)) for x in lines if BULLET.match(x)}
    return sorted((n for n in names if len(n) > 1), key=len, reverse=True)


def mask_names(sentence: str, names: list[str]) -> str:
    """The sentence with the names blanked, so a verb inside a name (蒸 in 蒸肉粉) is not read as an action."""
    for name in sorted(names, key=len, reverse=True):
        sentence = sentence.replace(name, "　")
    return sentence


def names_the_action(question: str, answer: str, names: list[str] = ()) -> bool:
    """A time given for 泡多久 names that action (小火炖一个半小时 does not time 泡水), and one for 焯几分钟，焖几分钟
    names both; a verb inside one of `names` (焖 in the dish 油焖春笋) is no action."""
    families = [verb_family(v) or (v,) for v in cooking_verbs(asked_action(question))]
    answer = mask_names(answer, list(names))
    return all(any(f in answer for f in family) for family in families)


def asked_action(question: str) -> str:
    """The question after a reference point (炖牛腩之前 | 要泡多久, 下锅以后 | 煮几分钟): the action before
    之前/以后 says when, the one after it is asked."""
    return _REFERENCE.split(question)[-1] if _REFERENCE.search(question) else question


def _after_dish(question: str, dish: str) -> str:
    """The question after the dish's name when an action follows it: a verb before the name makes the
    dish (自己蒸红糖馒头要发酵多久: 蒸 makes it, 发酵 is asked)."""
    at = question.find(dish)
    tail = question[at + len(dish):] if at >= 0 else ""
    return tail if cooking_verbs(tail) else question.replace(dish, " ")


def _verb_score(sentence: str, verbs: list[str]) -> int:
    return max((2 if v in sentence else 1 if any(f in sentence for f in verb_family(v)) else 0) for v in verbs)


def _verb_phrases(question: str, verbs: list[str]) -> list[str]:
    """Each asked verb with the character before it (多炖 in 要多炖多久, 小火炖): the sentence doing the
    action the same way (可以多炖 20 分钟) answers before one doing it plainly (炖 50 分钟)."""
    return [question[at - 1:at + len(v)] for v in verbs if (at := question.find(v)) > 0
            and "\u4e00" <= question[at - 1] <= "\u9fff"]
