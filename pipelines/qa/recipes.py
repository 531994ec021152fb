"""Recipe answers from the part of the recipe that answers: a time from the step that states it
(times.py), ingredients from the ingredient list, steps with their content (never bare headings), and for a
question about one part (蘸料, 酱汁) the lines about that part."""

from __future__ import annotations

import re

from pipelines.catalog.vocabulary import aliases_of
from pipelines.qa.attributes import CUT_SIZE, HEAT_ASKED, STATE_ASKED, recipe_part
from pipelines.qa.groups import asked_groups, names_group
from pipelines.qa.message import asks
from pipelines.qa.recipe_text import (
    BULLET,
    INGREDIENT_HEADINGS,
    KITCHEN_WORDS,
    NOTE_HEADINGS,
    QUANTITY_HEADINGS,
    STEP_HEADINGS,
    STEP_MARK,
    asked_things,
    cooking_verbs,
    dish_name,
    join_parts,
    section_lines,
    split_sentences,
    verb_family,
)
from pipelines.qa.repeats import count_answer
from pipelines.qa.servings import PIECES_WANTED, servings_sentences
from pipelines.qa.stages import named_section_lines, numbered_steps, spanned_steps, stage_before_done
from pipelines.qa.steps import TIME_OR_HEAT, fit_steps
from pipelines.qa.text import SEQUENCE_WORDS, asked_words, quoted_sentences, shared_pairs
from pipelines.qa.times import (
    adds_it,
    each_step_time,
    ingredient_names,
    keep_answer,
    numbered_lines,
    steps_after_adding,
    time_answer,
    told_with,
)
from pipelines.retrieval import Hit
from pipelines.zh import is_dictionary_word, pos_cut

# A stated quantity: digits, or a Chinese numeral with a measure word as recipes write them (玉米一根, 大葱小半根, 蒜 5-8 瓣).
_QUANTITY = re.compile(r"\d|[一二两三四五六七八九十半]\s*[个根只片块瓣勺把头颗粒条张碗杯克斤两]")
_MEASURED = re.compile(r"\d\s*(g|克|ml|毫升|毫米|厘米|mm|cm|勺|杯|碗|倍)")  # an amount a step or note gives in passing
_FUNCTION_CHARS = set("的了吗呢吧啊呀怎么什哪几多少是在有要能可会该和与跟用把被就都也还很太这那个些")
_USES = re.compile(r"(?:有|放|加|用|含)(?:没有|不)?(?:点|些)?([\u4e00-\u9fff]{1,3}?)(?:吗|么|嘛|没)")
# Words for "the quantities" as a whole (what recipe sites call the list of amounts).
GENERIC_AMOUNT_WORDS = frozenset(("比例", "用量", "调料", "配料", "材料", "原料", "食材", "分量", "份量", "配比", "量", "料"))
_QUESTION_CLAUSE = re.compile(r"[，,；;。！？?!\s]+|还有|另外|然后(?=[^，,。？?]*(?:吗|么|呢|能不能|可不可以|要不要|多少|几|怎么|多久|多长时间))")


_DEFINED = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[：:=]")  # a list line naming a mix, then what goes into it
_MAKES_INTO = r"((调|做|揉|和|搅|拌|熬|擀|混合|兑|搓|包)成|作为)"  # 调成碗汁, 揉成面团, 作为调料碗: the step that makes it
_REMARK = re.compile(r"（[^）]*）|\([^)]*\)")
_OFFERS = re.compile(r"代替|替代|替换|换成|也可以用|也可用|可以用|其他|或者")
_ADDS = re.compile(r"下锅|下入|放入|加入|倒入|放|加|下")
_WHEN_CUE = re.compile(r"什么时候|啥时候|何时|哪一步|第几步|几时")
_TOGETHER = re.compile(r"一起|一块|同时|一开始就")
_APART = re.compile(r"分开|分别|先[^，。；]{1,12}(再|然后)")
_WHEN_SAID = re.compile(r"前|后|最后|先|再|分钟|时")
# How a recipe gives a reason: 为了, 因为, 这样, 才, 会 (what happens otherwise), 更 (what it makes better).
_FIRE = re.compile(r"[大中小文武猛旺]火|关火|火力")
# what a seasoning is for, as recipes say it right after its name (白醋增香, 料酒去腥, 老抽上色): a purpose stated outright
_PURPOSE = r"(增香|提香|提鲜|提味|去腥|除腥|解腻|上色|调色|增色)"
_STRONG_REASON = re.compile(r"否则|不然|为了|防止|避免|以免|目的|因为|所以")
_ONE_CHARACTER_ITEM = re.compile(r"^[*\-+\s]*([\u4e00-\u9fff])(?:\s|\d|$)")  # * 盐, - 糖 10g
_REASON = re.compile(r"为了|因为|所以|这样|才|会|更|使|让|防止|避免|否则|不然|以免|目的|作用|保证|确保|原理|关键|有助于|容易|主要是"
                     r"|(可以|能)(?=[^，。；]{0,8}?(锁|保|防|去|减|增|提))")  # 可以锁住水分, 能把荠菜的水分锁住: what it does
_TEMPERATURE = re.compile(r"℃|°|\d\s*(摄氏)?度")
_TOO_EARLY = re.compile(r"太早|太晚|早了|晚了|最后(再)?放|不要(过)?早")  # a note on when, and what goes wrong otherwise
_HOW_MUCH = re.compile(r"多少|几")
_TIMED_TOO = re.compile(r"时间|多久|几分钟|多少分钟")  # 温度和时间怎么设: a time asked beside the temperature
_MEASURES = ("温度", "时间", "多少度", "几度")  # what is asked, not what it is asked of
_MEASURE = re.compile("|".join(_MEASURES))
_STATED_TIME = re.compile(r"\d\s*(分钟|小时|秒)")
_NEEDS = "需要："  # how an ingredient answer starts
_EACH = re.compile(r"分别|各自|各|每样|每种")  # 各放多少: of each, no thing named
_JOINED = re.compile(r"和|跟|还有|以及|、")
_NO_THING = frozenset(("菜谱", "食谱", "做法", "照", "按", "放", "加", "用", "要", "人", "口人"))  # 照菜谱放几个: no ingredient
_MEASURE_WORD = re.compile(r"克|千克|公斤|斤|两|毫升|升|g|kg|ml|个|勺|杯|碗|片|根|颗", re.IGNORECASE)


def ingredient_items(chunks: list[Hit]) -> list[str]:
    return [BULLET.sub("", x).strip() for x in section_lines(chunks, INGREDIENT_HEADINGS) if BULLET.match(x)]


def ingredient_answer(chunks: list[Hit], question: str = "") -> str:
    """The ingredient list; for 用什么油 only the items naming what the wh-word asks about."""
    items = ingredient_items(chunks)
    asked = [w for w in asked_words(question) if len(w) <= 3]
    asked += [w[0] for w in asked if len(w) == 2 and not is_dictionary_word(w)]  # 水调 (jieba's glue): 水
    focused = [x for x in items if any(w in x for w in asked)]
    focused = focused or [x for x in _quantity_lines(chunks) if any(w in x for w in asked)]  # 用啥水: 温水 40ml
    return _NEEDS + "、".join(focused or items) + "。" if items else ""


def contains_answer(chunks: list[Hit], question: str, title: str) -> str:
    """Whether the dish uses something (要放糖吗, 里面有鱼吗): the list items and step sentences that
    name it; the whole list when no item does, so the resident sees it is not an ingredient."""
    rest = question.replace(dish_name(title), " ")
    said = [m.group(1) for m in _USES.finditer(rest)]  # 加盐吗: jieba calls 加盐 a verb, the thing is 盐
    asked = [t[0] if len(t) == 2 and t[1] in "都也还就又" else t for t in asked_things(rest)]  # jieba's 盐|都 -> 盐都
    asked = [m.group(2) if (m := _ADDED_ITEM.match(t)) else t for t in [*said, *asked]]  # 还用加盐吗: 盐
    things = [w for t in asked for w in (t, *aliases_of(t)) if not cooking_verbs(t) and t not in _FUNCTION_CHARS]
    if not things:
        return ""
    items = ingredient_items(chunks)
    amounts = [x for x in _quantity_lines(chunks) if any(w in x for w in things)]
    listed = amounts or [x for x in items if any(w in x for w in things)]  # 虾皮 15g over a bare 虾皮
    listed += [x for x in items if any(w in x for w in things) and _REMARK.search(x) and x not in listed]  # 洋葱（不要用紫色的）
    lines = section_lines(chunks, STEP_HEADINGS + NOTE_HEADINGS)  # 不用再放盐 is a note, not a step
    steps = [x for x in split_sentences(lines) if any(w in x for w in things)][:2]
    head = ("用料里有：" + "、".join(listed)) if listed else ("用料：" + "、".join(items) if items else "")
    return _join_answers([p for p in (head, *steps) if p]) if head or steps else ""


def step_answer(chunks: list[Hit], question: str, title: str, max_chars: int) -> str:
    """Numbered steps with their content; for a question about one part, that part's lines."""
    if listed := _listed_how(chunks, question, title):
        return listed  # 米粉要咋泡: 米粉（250g 记得 50 度的温水泡半小时）, said on the quantity line
    if after := steps_after_adding(chunks, question) or stage_before_done(chunks, question, title):
        return fit_steps(after, max_chars)
    if span := spanned_steps(chunks, question, title):
        return fit_steps(span, max_chars)
    named = named_section_lines(chunks, question)
    lines = named or section_lines(chunks, STEP_HEADINGS)
    # a stage named: all of it (炖煮收汁那一段怎么弄), not only its lines sharing the question's words
    steps = (numbered_steps(named) if named else []) or _focus_lines(lines, question, title) or numbered_steps(lines)
    if sum(len(x) + 1 for x in steps) > max_chars:  # too long for a chat: the steps doing what was asked (煮, 炸)
        verbs = cooking_verbs(question.replace(dish_name(title), " "))
        steps = [x for x in steps if any(f in x for v in verbs for f in verb_family(v))] or steps
    return fit_steps(steps, max_chars)


def _listed_how(chunks: list[Hit], question: str, title: str) -> str:
    """An ingredient line telling how to do the asked action to it, with a time or temperature (米粉（…50 度的温水泡
    半小时）); '' when none does."""
    rest = question.replace(dish_name(title), " ")
    family = {f for v in cooking_verbs(rest) if len(v) == 1 for f in (verb_family(v) or (v,))}
    lines = [BULLET.sub("", x).strip() for x in section_lines(chunks, QUANTITY_HEADINGS + INGREDIENT_HEADINGS)]
    things = [w for w in asked_things(rest) if len(w) > 1 and not cooking_verbs(w)]
    said = [x for x in lines if any(f in x for f in family) and any(w in x for w in things) and TIME_OR_HEAT.search(x)]
    return join_parts(list(dict.fromkeys(said))[:2], 160)


def recipe_answer(question: str, chunks: list[Hit], title: str, max_chars: int) -> str:
    """The answer from the recipe's own text, each clause of the question answered by its part
    (温泉蛋要煮多久？水温多少度); '' when the part asked for is not in it."""
    if _DOUBT.search(question) and (doubted := doubt_answer(chunks, question, title)):
        return doubted  # 调料碗里糖比淀粉还多，是不是写错了: the note saying 糖比淀粉多是非常合理的, and why
    clauses = _with_bare_why([c for c in _QUESTION_CLAUSE.split(question) if c.strip() and c.strip() != dish_name(title)])
    times_only = all(recipe_part(c) in ("time", "any") for c in clauses)  # 倒多少啤酒然后要烧多久: an amount too
    if recipe_part(question) == "time" and times_only and (each := each_step_time(chunks, question, title)):
        return each  # 焯水和干煸这两步各多久: each step's own time
    if len(clauses) < 2:  # 西红柿土豆炖牛肉，土豆什么时候下锅: the dish's name alone asks nothing
        return _at_size(part_answer(clauses[0] if clauses else question, chunks, title, max_chars, question), question)
    answers, things, told = [], "", ""
    listed_text = "".join(section_lines(chunks, INGREDIENT_HEADINGS + QUANTITY_HEADINGS))
    names = ingredient_names(chunks)
    for at, clause in enumerate(clauses):
        own = [m.group(2) if (m := _ADDED_ITEM.match(w)) else w for w in asked_things(clause.replace(dish_name(title), " "))]
        own = [w for w in own if (not cooking_verbs(w) or w in listed_text)
               and not _EACH.fullmatch(w) and w not in _NO_THING]  # 味淋 is listed, no 淋; 放多少 names nothing
        listed = answers[-1].removeprefix(_NEEDS).rstrip("。") if answers and answers[-1].startswith(_NEEDS) else ""
        if not own and listed and recipe_part(clause) == "amount":  # 裹粉用什么粉？各放多少: each one just listed
            clause = listed + clause
        elif not own and things:  # 为什么要放五花肉，放多少: how much 五花肉
            clause = things + clause
        things = "".join(w for w in own if any(w in n for n in names)) or things  # 水温 of 水温多少度 is no thing to
        # carry, nor 代替 of 也可用料酒代替: only an ingredient's name
        if not asks(clause) and any(asks(c) for c in clauses[at + 1:]):
            told += clause + "，"  # 进烤箱，温度和时间怎么设: the first clause tells what the second asks about
            continue
        if recipe_part(clause) not in ("time", "temperature"):  # those read the message's telling clauses themselves
            clause = told + clause  # 没有草鱼的话，能换成别的鱼片吗: which fish is to be replaced
        elif at and not [w for w in own if len(w) > 1 and w not in _MEASURES]:  # 能用空气炸锅烤吗？几度烤多久: in it
            clause = "".join(_asked_of(clauses[at - 1], title)) + clause
        told = ""
        if answers and _answered_by(clause, answers[-1]) and all(w in answers[-1] + clauses[at - 1] for w in own):
            continue  # 最后泼的是什么油？要烧到几成热: the step just quoted says 烧至 7 成热
        if recipe_part(clause) == "any" and at and recipe_part(clauses[at - 1]) == "amount" and _HOW_MUCH.search(clause):
            answers.append(amount_answer(chunks, clause, title))  # 一份放几颗话梅，毛豆多少: an amount too
            continue
        answers.append(part_answer(clause, chunks, title, max_chars, question)
                       or quoted_sentences(clause, chunks, title, 120, limit=1))
    asked_parts = (recipe_part(question) != "any" or any(recipe_part(c) != "any" for c in clauses)  # 馅里放些什么？能不放吗
                   or bool(_EAT_NOW.search(question)))
    return _at_size(_join_answers([a for a in answers if a]), question) if asked_parts else ""


def _asked_of(clause: str, title: str) -> list[str]:
    """What a clause asks about: its things of two or more characters, not actions or measures."""
    return [w for w in asked_things(clause.replace(dish_name(title), " ")) if len(w) > 1 and not cooking_verbs(w)
            and not _MEASURE_LIKE.search(w)]


_MEASURE_LIKE = re.compile(r"温|度|时间|火|[一二两三四五六七八九十几]")  # 油温, 一遍: how or which time, not what


_BARE_WHY = re.compile(r"\s*(为啥|为什么|为何|咋回事|怎么回事|什么原因|啥原因)[呢啊呀吖嘞]?\s*")


# A resident doubting what the recipe says (是不是写错了, 正常吗): recipes answer such doubts in their notes.
_DOUBT = re.compile(r"写错|错了吗|是不是错|有没有错|搞错|打错|弄错|对吗|对不对|没错吧|正常吗|正不正常|正常不|合理吗|没问题吧")
_LEAST_SHARED = 3  # character pairs a line must share with the doubt to be about it (糖比|比淀|淀粉)


def doubt_answer(chunks: list[Hit], question: str, title: str) -> str:
    """The note (else step) line sharing most of what the resident doubts, whole: it says whether that is right and
    why; '' when none shares enough."""
    rest = _DOUBT.sub(" ", question.replace(dish_name(title), " "))
    notes = [BULLET.sub("", x).strip() for x in section_lines(chunks, NOTE_HEADINGS)]
    steps = [STEP_MARK.sub("", BULLET.sub("", x)).strip() for x in section_lines(chunks, STEP_HEADINGS)]
    for lines in (notes, steps):
        score = {x: shared_pairs(rest, x) for x in lines}
        top = max(score.values(), default=0)
        if top >= _LEAST_SHARED:
            return join_parts([x for x in lines if score[x] == top][:1], 200)
    return ""


def _with_bare_why(clauses: list[str]) -> list[str]:
    """A clause that only asks why after one asking no part of the recipe (能马上翻炒吗 为啥) asks it of that clause."""
    out: list[str] = []
    for clause in clauses:
        if out and _BARE_WHY.fullmatch(clause) and recipe_part(out[-1]) == "any":  # not 什么时候放？为什么: that
            out[-1] += clause  # why stays a clause of its own, the thing carried to it
        else:
            out.append(clause)
    return out


_ASKED_MEASURE = re.compile(r"(?:几|多少)([\u4e00-\u9fff]{1,2})")


def _answered_by(clause: str, answer: str) -> bool:
    """A clause asking a measure (几成热, 多少度) the answer just given states with a number, naming no action
    that answer lacks."""
    asked = _ASKED_MEASURE.search(clause)
    return bool(asked and re.search(r"[\d一二两三四五六七八九十]\s*" + re.escape(asked.group(1)), answer)
                and all(v in answer for v in cooking_verbs(clause)))


def part_answer(question: str, chunks: list[Hit], title: str, max_chars: int, context: str = "") -> str:
    if groups := asked_groups(question):  # 老人小孩都能吃吗: only a sentence naming them (老少皆宜) answers
        said = split_sentences([x for h in chunks for x in h.body.splitlines()])
        return join_parts([s for s in said if all(names_group(s, g) for g in groups)][:2], 160)
    if lacking := lacking_answer(chunks, question):
        return lacking  # 家里没烤箱还能做吗: the recipe's 如果没有烤箱… sentence
    if _WHICH_IS_BEST.search(question) and (advised := advice_answer(chunks, question, title)):
        return advised  # 用哪种凉粉比较好: 最好选用豌豆淀粉制作成的凉粉
    part = recipe_part(question)
    if HEAT_ASKED.search(question) and part in ("time", "steps", "any") and (heat := heat_answer(chunks, question, title)):
        return heat  # 白灼虾的火候怎么控制: the steps saying which fire and for how long
    if part == "keep":
        return keep_answer(chunks) or time_answer(chunks, question, title, context)
    if part == "substitute":
        return substitute_answer(chunks, question, title)
    if part == "when":
        return when_answer(chunks, question, title)
    if part == "why":
        return why_answer(chunks, question, title)
    if part == "time":
        return time_answer(chunks, question, title, context)
    if part == "servings":  # 家里五口人…牛腩买几盒: how many a portion feeds, and the portion's amounts
        return _join_answers([a for a in (servings_sentences(chunks), amount_answer(chunks, question, title)) if a])
    if part == "count":
        return count_answer(chunks, question, title)
    if part == "temperature":
        return temperature_answer(chunks, question, title, context)
    if part == "amount" and PIECES_WANTED.search(question):  # 想包100个饺子面粉用多少: a portion's yield and amounts
        return _join_answers([a for a in (servings_sentences(chunks), amount_answer(chunks, question, title)) if a])
    if part == "amount" and (made := made_in_steps(chunks, question, title)) and _QUANTITY.search(made):
        return made  # 调料汁各放多少: the step mixing it holds the amounts
    if part == "amount" and _RATIO_ASKED.search(question) and (ratio := ratio_answer(chunks, question, title)):
        return ratio  # 水放米的几倍: 水的体积是米饭的体积的 9-12 倍
    if part == "amount" and _PER_PIECE.search(question) and (piece := per_piece_answer(chunks, question, title)):
        return piece  # 一个饺子放多少馅: the step filling one (中间放一勺馅（约 15 克）), not the batch's 300 克
    if part == "amount":
        return amount_answer(chunks, question, title)
    if part in ("ingredients", "steps") and (made := made_in_steps(chunks, question, title)):
        return made  # 碗汁用什么调: the step that mixes the sauce, not the dish's whole ingredient list
    if part == "ingredients":
        return ingredient_answer(chunks, question)
    if part == "contains":
        return contains_answer(chunks, question, title)
    if part == "steps" and CUT_SIZE.search(question) and (cut := cut_answer(chunks, question, title)):
        return cut  # 鸡丁切多大块: 鸡腿去骨切 1.5cm 小丁
    if part == "steps" and (state := state_answer(chunks, question, title)):
        return state  # 豆角要炒到什么样: 翻炒至变色（青绿色变为翠绿色）
    if part == "steps":
        return step_answer(chunks, question, title, max_chars)
    if part == "any" and _EAT_NOW.search(question):
        return rest_answer(chunks)  # 做好当天就能吃吗，还是要放: 放置一夜更加入味
    if part == "any" and _CAN.search(question):
        return guide_answer(chunks, question, title, max_chars)
    return ""


# Whether the finished dish is eaten at once or left to rest (当天就能吃吗, 烤完能直接吃吗, 还是要放一晚).
_EAT_NOW = re.compile(r"(当天|马上|立刻|立马|直接|现在|做好|做完|出锅|烤完|烤好|蒸好|煮好)[^，。？?]{0,4}?(能|可以)?[^，。？?]{0,2}吃"
                      r"(吗|不|么|嘛|了吗)|还是要放|要不要放")
# How recipes say a dish is left to rest or chilled before eating, and what it gains (放置一夜更加入味, 放入冰箱…过夜).
_RESTED = re.compile(r"放置|静置|放凉|晾凉|冷藏|冰箱|过夜|一夜|一晚|隔夜")
_GAINS = re.compile(r"入味|风味|更好吃|才好吃|口感|定型|凝固|再吃|食用|最好|再切|才不会")  # 静置 5 分钟再切，肉汁才不会流失


def rest_answer(chunks: list[Hit]) -> str:
    """How long the finished dish rests, or where, before it is eaten: the steps then notes saying so, with what it
    gains; '' when the recipe says nothing of it."""
    steps = split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
    notes = split_sentences(section_lines(chunks, NOTE_HEADINGS))
    said = [s for s in dict.fromkeys(steps + notes) if _RESTED.search(s) and _GAINS.search(s)]
    return join_parts(said[:2], 160)


_CAN = re.compile(r"能|可以|行不行|行吗|可不可以")


def guide_answer(chunks: list[Hit], question: str, title: str, max_chars: int) -> str:
    """能用空气炸锅烤吗: the numbered steps of the recipe's own section for that tool or way (空气炸锅特别操作指南);
    '' when no such section's heading names it."""
    rest = question.replace(dish_name(title), " ")
    words = [w for w in asked_things(rest) if len(w) > 1 and not cooking_verbs(w)]
    held = [c for c in chunks if any(w in _heading(c) for w in words) and any(STEP_MARK.match(x) for x in c.body.splitlines())]
    return fit_steps(numbered_steps([x for c in held for x in c.body.splitlines()]), max_chars)


def advice_answer(chunks: list[Hit], question: str, title: str) -> str:
    """Which kind to choose: the recipe's sentences recommending one (最好, 建议, 推荐) that name the thing asked;
    '' when none does."""
    things = [w for w in asked_things(question.replace(dish_name(title), " ", 1)) if len(w) > 1 and not cooking_verbs(w)]
    said = split_sentences([x for h in chunks for x in h.body.splitlines()])
    return join_parts([s for s in said if _ADVISES.search(s) and any(w in s for w in things)][:2], 160)


# Which kind is best (用哪种凉粉比较好, 选什么样的鱼, 买哪个部位合适): a recommendation, not a step.
_WHICH_IS_BEST = re.compile(r"(哪种|哪一种|哪类|哪个|什么样的?|啥样的?)[^，。？?]{0,6}(比较好|更好|好|合适|最好)|选(哪种|什么|哪个|啥)")
_ADVISES = re.compile(r"最好|建议|推荐|首选|优先|尽量选")


def lacking_answer(chunks: list[Hit], question: str) -> str:
    """A resident without a tool or ingredient (家里没烤箱, 没有料酒): the recipe's sentence for cooks without it
    (如果没有烤箱，可以热锅热油…); '' when the question lacks nothing or the recipe has no such sentence."""
    lacked = [w for m in _LACKING.finditer(question) for w, flag in pos_cut(m.group(1))[:1]
              if len(w) > 1 and flag.startswith("n")]
    if not lacked:
        return ""
    said = split_sentences([x for h in chunks for x in h.body.splitlines()])
    found = [s for s in said if any(re.search(f"(没|没有|无){re.escape(w)}", s) for w in lacked)]
    return join_parts(found[:1], 200)


_LACKING = re.compile(r"没(?:有)?([\u4e00-\u9fff]{2,4})")


def heat_answer(chunks: list[Hit], question: str, title: str) -> str:
    """The steps naming a fire (中火 1 分钟，小火 5 分钟，关火 5 分钟), those naming the question's things or verbs first;
    '' when no step names one."""
    steps = split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
    fired = [s for s in steps if _FIRE.search(s)]
    if not fired:
        return ""
    rest = question.replace(dish_name(title), " ")
    words = [w for w, flag in pos_cut(rest) if len(w) > 1 and flag.startswith(("n", "v")) and w not in ("火候", "火力")]
    return join_parts(_naming_most(fired, words)[:3], 200)


def cut_answer(chunks: list[Hit], question: str, title: str) -> str:
    """The step cutting the thing asked to a stated size, the one naming most of the question's things first."""
    steps = split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
    cut = [s for s in steps if "切" in s and _PIECE_SIZE.search(s)]
    if not cut:
        return ""
    things = [w for w in asked_things(question.replace(dish_name(title), " ", 1)) if len(w) > 1 and not cooking_verbs(w)]
    return join_parts(_naming_most(cut, things)[:2], 160)


_PIECE_SIZE = re.compile(r"\d+(\.\d+)?\s*(cm|厘米|毫米|mm)|[0-9一二两三四五六七八九十]+\s*(厘米|公分)")


def state_answer(chunks: list[Hit], question: str, title: str) -> str:
    """The step saying how far the asked action goes (翻炒至变色), the one naming most of the question's things
    first; '' when the question asks no state or no step brings that action to one."""
    if not (asked := STATE_ASKED.search(question)):
        return ""
    verb = asked.group(1)
    steps = split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
    reached = [s for s in steps if re.search(f"{verb}(至|到|成)", s)]
    if not reached:
        return ""
    before = question[:asked.start()].replace(dish_name(title), " ")  # 豆角要炒到…才下土豆: 豆角 is what is fried
    things = [w for w, flag in pos_cut(before) if flag.startswith("n") and len(w) > 1]
    return join_parts(_naming_most(reached, things)[:1], 160)


def _naming_most(sentences: list[str], words: list[str]) -> list[str]:
    """The sentences naming most of the words, in recipe order (all of them when none names any)."""
    best = max((sum(w in s for w in words) for s in sentences), default=0)
    return [s for s in sentences if sum(w in s for w in words) == best]


_RATIO_ASKED = re.compile(r"几倍|多少倍|[几多少]+比[几多少]+")  # 比例 alone: the quantity lines (amount_answer) list it
_RATIO_SAID = re.compile(r"\d\s*(-|~|到|至)?\s*\d*\s*倍|(?<![A-Za-z\d.])\d+(\.\d+)?\s*[:：比]\s*\d")


def ratio_answer(chunks: list[Hit], question: str, title: str) -> str:
    """The sentences stating a ratio (9-12 倍, 1:1.2, 比例) of what the question names; '' when none does."""
    rest = question.replace(dish_name(title), " ")
    things = [w for w, flag in pos_cut(rest) if flag.startswith("n") and w not in dish_name(title)]
    said = [s for s in split_sentences([x for h in chunks for x in h.body.splitlines()]) if _RATIO_SAID.search(s)]
    named = [s for s in said if sum(w in s for w in things) >= min(2, len(things))]
    return join_parts((named or said)[:2], 160)


# How much goes into one piece (一个放多少馅, 每个包多少, 一只饺子用几克肉): a step's amount, not the list's batch.
_PER_PIECE = re.compile(r"[一每](个|只|块|张|片|颗|枚)[^，。？?]{0,5}?(多少|几)")


def per_piece_answer(chunks: list[Hit], question: str, title: str) -> str:
    """The step sentences putting an amount of the asked thing into one piece; '' when none does."""
    rest = question.replace(dish_name(title), " ")
    things = [w for w, flag in pos_cut(rest) if flag.startswith("n") and w not in dish_name(title)]
    steps = split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
    said = [s for s in steps if any(re.search(rf"[一每半][个只块张片颗枚勺][^，。；]{{0,3}}{re.escape(w)}", s) for w in things)
            and re.search(r"\d\s*(克|g|毫升|ml)", s)]  # 中间放一勺馅（约 15 克）
    return join_parts(said[:2], 160)


def made_in_steps(chunks: list[Hit], question: str, title: str) -> str:
    """How something the cook makes along the way is made (碗汁, 酱汁, 面团): the step sentences that make it
    (调成碗汁, 揉成面团); '' when the thing is bought (on the ingredient list) or no step makes it."""
    listed = "".join(_REMARK.sub("", x) for x in ingredient_items(chunks))  # 味淋（一种常用日式调料）lists no 调料
    rest = question.replace(dish_name(title), " ")
    asked = asked_things(rest)
    joined = [a + b for a, b in zip(asked, asked[1:]) if len(a) == len(b) == 1 and a + b in rest]  # jieba: 碗|汁
    things = [w for w in asked + joined if len(w) > 1 and w not in listed]
    steps = split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks))
    making = [s for s in steps if any(re.search(rf"{_MAKES_INTO}[^，。；]{{0,8}}{re.escape(w)}", s) for w in things)]
    lines = [BULLET.sub("", x).strip() for x in section_lines(chunks, QUANTITY_HEADINGS + INGREDIENT_HEADINGS)]
    defined = [x for x in lines for w in asked + joined if len(w) > 1 and _DEFINED.match(x) and x.startswith(w)
               and len(re.findall(r"\d+(?:\.\d+)?", x)) >= 2 and re.search(r"加|和|、|\+|与|兑", x)]
    # 水淀粉：淀粉 5 克加清水 30 毫升调匀: a mix the list spells out (not 白芝麻量 = 兔肉斤数 * 25 克, one thing's amount)
    return join_parts((defined + making)[:2], 160)


def substitute_answer(chunks: list[Hit], question: str, title: str) -> str:
    """What can stand in for an ingredient: the recipe's sentences that offer another (代替, 替换, 其他, 也可以),
    those naming the thing asked first; '' when the recipe offers none."""
    things = [w for t in asked_things(question.replace(dish_name(title), " ")) for w in (t, *aliases_of(t)) if len(w) > 1]
    said = split_sentences([x for h in chunks for x in h.body.splitlines()])
    offers = [s for s in said if _OFFERS.search(s)]
    named = [s for s in offers if any(w in s for w in things)]
    return join_parts((named or offers)[:2], 160)


def when_answer(chunks: list[Hit], question: str, title: str) -> str:
    """When the thing asked goes in: the first step sentence that adds it (下锅, 放入, 加入) and says when
    (出锅前, 最后, 分钟后), else the sentences that add it."""
    rest = question.replace(dish_name(title), " ")
    cue = _WHEN_CUE.search(rest)
    said = split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks)
                           + [x for h in chunks for x in h.body.splitlines()])
    adding: list[str] = []
    before = [t for t in asked_things(rest[:cue.start()]) if not cooking_verbs(t)][-1:] if cue else []
    single = _one_character_items(chunks)  # 盐什么时候放: 盐 is listed on a line of its own
    for asked in ([before] if before else []) + [asked_things(rest)]:  # 牛腩炖土豆的土豆什么时候放: the 土豆 just before
        things = [w for t in asked for w in (t, *aliases_of(t))
                  if not cooking_verbs(t) and (len(w) > 1 or w in single) and not _ADDS.fullmatch(w)]
        adding = [s for s in said if any(w in s for w in things) and _ADDS.search(s)]
        if adding:
            break
    taking = [s for s in adding if any(adds_it(s, w) for t in asked_things(rest) for w in (t, *aliases_of(t)))]
    timed = [s for s in adding if _WHEN_SAID.search(s)]
    named = [w for w in asked_things(rest) if len(w) > 1 and not cooking_verbs(w)]
    notes = [s for s in split_sentences(section_lines(chunks, NOTE_HEADINGS))
             if _TOO_EARLY.search(s) and any(w in s for w in named)][:1]  # 土豆不要放太早，不然会炖化
    chosen = timed[:1] or adding[:2]
    if _TOGETHER.search(rest):  # 跟叶子一起下锅吗: the line keeping them apart (分开放) and the one adding it
        chosen = list(dict.fromkeys([s for s in adding if _APART.search(s)][:1] + (taking or adding)[:1]))
    return join_parts([*chosen, *(n for n in notes if n not in chosen)], 200)


def _one_character_items(chunks: list[Hit]) -> set[str]:
    """Ingredients listed under a one-character name (* 盐, - 糖 10g)."""
    return {m.group(1) for x in section_lines(chunks, INGREDIENT_HEADINGS + QUANTITY_HEADINGS)
            if (m := _ONE_CHARACTER_ITEM.match(x))}


_WHEN_WORDS = frozenset(("时候", "时间", "期间"))  # 炖的时候为啥不能扣盖: when, not what the reason is about
_ADDED_ITEM = re.compile(r"^(放|加|撒|倒|下)([\u4e00-\u9fff])$")  # jieba's 放盐, 加糖: the thing is the item
_ORDINAL_STEP = re.compile(r"第\s*([一二三四五六七八九十\d]+)\s*步")


def why_answer(chunks: list[Hit], question: str, title: str) -> str:
    """Why the recipe does something: its sentences naming the thing asked that give a reason (为了, 会, 更香),
    the notes' first; '' when none does."""
    rest = question.replace(dish_name(title), " ")
    single = _one_character_items(chunks)  # 为什么要加盐: a one-character ingredient (盐, 糖, 醋) is a thing
    asked = [m.group(2) if (m := _ADDED_ITEM.match(w)) and m.group(2) in single else w for w in asked_things(rest)]  # 放盐
    things = [w for w in asked if len(w) > 1 and not cooking_verbs(w) and w not in SEQUENCE_WORDS and w not in _WHEN_WORDS]
    things += [f"步骤{m.group(1)}" for m in _ORDINAL_STEP.finditer(rest)]  # 第二步 is 步骤二 in a note
    things += [ch for ch in dict.fromkeys(rest) if ch in single and not any(ch in w for w in things)]
    things = [v for w in things for v in (w, *aliases_of(w), *KITCHEN_WORDS.get(w, ()))]
    verbs = [f for v in cooking_verbs(rest) for f in (verb_family(v) or (v,))]
    notes = _backed(split_sentences(section_lines(chunks, NOTE_HEADINGS)))
    everything = _backed(split_sentences([x for h in chunks for x in h.body.splitlines()]))
    purposed = [s for s in everything if any(re.search(re.escape(w) + _PURPOSE, s) for w in things if len(w) > 1)]
    said = [s for s in dict.fromkeys(notes + everything) if _REASON.search(s) or s in purposed]  # 白醋增香: the thing's use
    score = {s: 2 * sum(w in s or (len(w) > 2 and w[:-1] in s) or 0.5 * (len(w) == 2 and set(w) <= set(s)) for w in things)
             + any(w[-1] in s for w in things)
             + any(v in s for v in verbs) * (1 + bool(_STRONG_REASON.search(s)))
             + 2 * (s in purposed) for s in said}
    # 关小火 and 将火关小: a two-character thing said in another order counts half;
    # 冷水 -> 水: a compound's head (the last character) says what it is; 花生米 -> 花生: the thing without its last
    # character (米, 片, 丁) is the same food; 不能不冲洗，否则会过酸: the verb asked about with a reason stated outright
    # answers, though no thing is named
    top = max(score.values(), default=0)
    return join_parts([s for s in said if top >= 2 and score[s] == top][:2], 160)


# A sentence giving the reason for the one before it (如果忘记此步骤，水可能会漫出; 否则会粘锅): it means nothing alone.
_REFERS_BACK = re.compile(r"^(如果|要是|若)?(忘记|忘了|跳过|省略|不做)?(此|这|这一|这个|该)(步骤|步|一步|操作)|^(否则|不然|这样)")


def _backed(sentences: list[str]) -> list[str]:
    """Each sentence, one that refers back joined to the sentence before it."""
    out: list[str] = []
    for s in sentences:
        if out and _REFERS_BACK.search(s):
            out[-1] = out[-1].rstrip("。") + "。" + s
        else:
            out.append(s)
    return out


def temperature_answer(chunks: list[Hit], question: str, title: str, context: str = "") -> str:
    """A temperature (烤箱预热多少度, 用多少度的水): the sentence or quantity line stating one that names most of
    what the question names (with the message's clauses that ask nothing: 进烤箱，温度和时间怎么设 is about the
    oven), a step before a note and, when a time is asked too, one stating both; '' when the recipe states none."""
    if (each := _EACH.search(question)) and len(parts := _JOINED.split(question[:each.start()])) > 1:
        tail = question[each.start():]  # 头一遍和复炸的油温各是多少: each one's temperature
        answers = [temperature_answer(chunks, p + tail.replace(each.group(0), ""), title) for p in parts if p.strip()]
        return _join_answers([a for a in answers if a])
    rest = told_with(question, context).replace(dish_name(title), " ")
    words = [w for w in asked_things(rest) + cooking_verbs(rest) if w not in dish_name(title) and w not in _MEASURES]
    lines = table_rows([BULLET.sub("", x).strip() for x in section_lines(chunks, QUANTITY_HEADINGS + INGREDIENT_HEADINGS)])
    said = split_sentences([x for h in chunks for x in h.body.splitlines()]) + lines
    rest = _MEASURE.sub(" ", rest)
    warm = [s for s in dict.fromkeys(said) if _TEMPERATURE.search(s)]
    if "预热" not in rest:  # 炸薯条多少度: the frying temperature, not the preheating one (unless only that is stated)
        warm = [s for s in warm if "预热" not in s] or warm
    if (named := [s for s in _named_section(chunks, words) if s in warm]) and len(named) <= 4:
        return join_parts(named, 200)  # 用空气炸锅温度时间咋设: every temperature of the air-fryer section
    steps = set(split_sentences(section_lines(chunks, STEP_HEADINGS) + numbered_lines(chunks)))
    timed = _TIMED_TOO.search(rest)
    score = {s: sum(len(w) for w in words if w in s) + shared_pairs(rest, s) + 2 * (s in steps and not s.startswith(">"))
             + 2 * bool(timed and _STATED_TIME.search(s)) for s in warm}
    top = max(score.values(), default=0)
    if top and len(warm) <= 3:  # 油温多少: a recipe stating two or three temperatures (初炸 150°, 复炸 180°) gives them all
        return join_parts(warm, 160)
    return join_parts([s for s in warm if top and score[s] == top][:2], 160)


def _named_section(chunks: list[Hit], words: list[str]) -> list[str]:
    """The sentences of the sections whose heading holds most of the words (空气炸锅特别操作指南 for 空气|炸锅);
    [] when no heading holds one."""
    held = {c.id + str(i): sum(len(w) for w in words if len(w) > 1 and w in _heading(c)) for i, c in enumerate(chunks)}
    top = max(held.values(), default=0)
    return split_sentences([x for i, c in enumerate(chunks) if top and held[c.id + str(i)] == top for x in c.body.splitlines()])


def _heading(chunk: Hit) -> str:
    return (chunk.meta.get("heading") or chunk.text.partition("\n")[0]).rpartition(" > ")[2]


def amount_answer(chunks: list[Hit], question: str, title: str) -> str:
    """How much of each ingredient the question names, from the quantity lines (排骨 finds 肋排 = 750g;
    多少面粉多少水: the flour's line and the water's)."""
    rest = question.replace(dish_name(title), " ", 1)  # 土豆炖排骨的排骨: the second 排骨 is the ingredient; 凉皮…凉皮买多少斤:
    # a second mention of the dish is the thing bought (kept only when a quantity line names it, below)
    lines = table_rows([BULLET.sub("", x).strip() for x in section_lines(chunks, QUANTITY_HEADINGS + INGREDIENT_HEADINGS)])
    lines = [x for x in dict.fromkeys(lines) if _QUANTITY.search(x)]
    things = [(t, *aliases_of(t)) for t in _split_glued(asked_things(rest), lines)
              if cooking_verbs(t) != [t] or any(t in x for x in lines)]  # 冰 of 冰糖 is no verb; 开水 (jieba: a verb) is listed
    things = [t for t in things if not _MEASURE_WORD.fullmatch(t[0]) and t[0] not in _NO_THING  # 多少克: the unit
              and (not _names_dish(t[0], dish_name(title)) or any(w in x for w in t for x in lines))]  # 水饺 of 手工水饺
    text = "".join(c.body for c in chunks)  # 我想做糖醋排骨，糖醋汁的比例: a thing the recipe never writes is measured by none
    things = [t for t in things if t[0] in GENERIC_AMOUNT_WORDS or any(w in text for w in t)] or things
    if not things:  # 空气炸锅鸡翅中一次放几个: the dish's own main ingredient, the longest tail of its name listed
        name = dish_name(title)
        things = [(w,) for w in [name[i:] for i in range(len(name) - 1)] if any(w in x for x in lines)][:1]
    specific = [t for t in things if t[0] not in GENERIC_AMOUNT_WORDS]
    listed = [t for t in specific if any(w in x for w in t for x in lines)]
    if lines and (not things or (len(specific) < len(things) and not listed)):  # 比例是多少, 几样料各放多少: all of it
        return join_parts(["、".join(lines)], 200)
    chosen: list[str] = []
    said: list[str] = []
    for variants in things:
        if any(variants[0] != t[0] and variants[0] in t[0] for t in things):
            continue  # 肉 inside 五花肉: the longer name says which line
        generic = variants[0] in GENERIC_AMOUNT_WORDS  # 糖跟水啥比例: the sentence saying 2：1 比例, never 料 of 料酒
        score = {x: 0 if generic else max((len(w) for w in variants if w in x), default=0) for x in lines}
        top = max(score.values(), default=0)
        if not top and not lines:
            continue
        if not top:  # 电饭煲水放多少: no quantity line names 水, a step or note measuring it does (水没过米 3 毫米)
            said = said or split_sentences([x for c in chunks for x in c.body.splitlines()])
            chosen += [x for x in said if any(w in x for w in variants) and _MEASURED.search(x)][:1]
        chosen += [x for x in lines if top and score[x] == top][:3]
    return join_parts(list(dict.fromkeys(chosen)), 160)


def _names_dish(thing: str, name: str) -> bool:
    """水饺 or 饺子 of 手工水饺, 包子 of 鲜肉包: the dish itself, by its name or its head with a noun suffix."""
    return thing in name or (len(thing) == 2 and thing[0] == name[-1] and thing[1] in "子儿头")


_SIZE = re.compile(r"(\d+)\s*寸")
_SIZE_COLUMN = re.compile(r"，(?=\s*\d+\s*寸)")


def _at_size(answer: str, question: str) -> str:
    """想烤个8寸的，鸡蛋几个，糖多少克: each quoted row giving every size cut to the size the message names."""
    if not (size := _SIZE.search(question)):
        return answer
    return "；".join(_sized(x, size.group(1)) for x in answer.split("；"))


def _sized(line: str, size: str) -> str:
    """鸡蛋：1 份 （基准） 1 个，6 寸 （3 份…） 3 个，8 寸 （5 份…） 5 个 -> 鸡蛋：8 寸 （5 份…） 5 个; the line itself
    when it names no such size."""
    columns = _SIZE_COLUMN.split(line)
    wanted = [c for c in columns[1:] if re.match(rf"\s*{size}\s*寸", c)]
    if not wanted:
        return line
    label = columns[0].partition("：")[0]
    return f"{label}：{wanted[0].strip()}" if "：" in columns[0] else wanted[0].strip()


def _split_glued(words: list[str], lines: list[str]) -> list[str]:
    """Words jieba glued from listed ingredients (生抽醋糖淀粉 -> 醋糖): each character that names a listed line, when
    the word itself is no word and names none."""
    out = []
    for word in words:
        chars = [ch for ch in word if any(ch in x for x in lines)]
        glued = len(word) > 1 and not is_dictionary_word(word) and not any(word in x for x in lines)
        out += chars if glued and len(chars) == len(word) else [word]
    return out


def _quantity_lines(chunks: list[Hit]) -> list[str]:
    lines = table_rows([BULLET.sub("", x).strip() for x in section_lines(chunks, QUANTITY_HEADINGS)])
    return [x for x in dict.fromkeys(lines) if _QUANTITY.search(x)]


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
    """The clauses' answers in one, each sentence once (a step and a temperature may quote the same line)."""
    parts = list(dict.fromkeys(p for a in answers for p in a.rstrip("。").split("；") if p))
    return "；".join(p for p in parts if not any(p != q and p in q for q in parts)) + "。" if parts else ""


def _focus_lines(lines: list[str], question: str, title: str) -> list[str]:
    """Lines naming the part the question is about (蘸料); a step announcing it brings its bullets."""
    rest = question.replace(dish_name(title), " ")
    pairs = {rest[i:i + 2] for i in range(len(rest) - 1)}
    nouns = {ch for w, flag in pos_cut(rest) if flag.startswith("n") for ch in w}  # 蘸料, not 好吃
    named = dish_name(title) in question  # 梅干菜怎么处理 names only the ingredient in 梅干菜扣肉: its lines answer
    pairs = {p for p in pairs if p.isalpha() and not set(p) & _FUNCTION_CHARS and not (named and p in title) and set(p) & nouns}
    out: list[str] = []
    for i, line in enumerate(lines):
        if not any(p in line for p in pairs):
            continue
        out.append(line.strip())
        if line.rstrip().endswith(("：", ":")):
            out += [x.strip() for x in _bullets_after(lines, i)]
    return [BULLET.sub("", STEP_MARK.sub("", x)) for x in dict.fromkeys(out)]


def _bullets_after(lines: list[str], i: int) -> list[str]:
    """The bullet lines right after line i (chunking may have stripped their indentation)."""
    out = []
    for line in lines[i + 1:]:
        if STEP_MARK.match(line) or not BULLET.match(line):
            break
        out.append(line)
    return out
