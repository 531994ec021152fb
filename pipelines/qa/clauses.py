"""Quoted evidence from a product's fields: the clauses that answer a yes/no, how-to, made-of or maker
question, scored by the question's words (with the catalog's own variants of them) and by cue words
that mark a clause as being about who made it, what it is made of or how to eat it."""

from __future__ import annotations

import re

from pipelines.catalog import Product
from pipelines.qa.attributes import is_yes_no
from pipelines.qa.evidence import term_match
from pipelines.qa.groups import SAYS_SUITABLE
from pipelines.qa.text import asked_words
from pipelines.zh import content_terms, pos_cut

CLAUSE = re.compile(r"[^，,；;。！？\n]+")
# Fields whose clauses can answer a yes/no or how-to question; price, dates and shelf life are
# answered only when asked for (a shelf life must never answer "几个月可以吃").
CLAUSE_FIELDS = ("selling_points", "storage", "origin", "spec", "tags", "allergens")  # allergens: a warning
# written there (一岁以下婴儿不宜食用) answers 宝宝能吃吗
_NONE_LISTED = re.compile(r"无|没有|不含常见过敏原|none|/|-")  # an allergen column saying there are none
_WORD_ONLY_FIELDS = ("tags", "allergens")  # lists of words: a clause answers by the question's words, not by a cue
# Words residents use for what the catalog writes more formally (吃 -> 食用, 生吃 -> 生食).
SYNONYMS = {"吃": "食", "喝": "饮", "冻": "冷冻", "放": "保存", "刺身": "生食", "化冻": "解冻", "口味": "风味", "味道": "风味"}
# Resident words whose catalog counterpart shares no character: labels say 婴儿/儿童 where parents say
# 宝宝/小孩 (food labels' age warnings); beef is labelled 原切 / 整切 / 调理 / 重组 (the processing
# classes Chinese steak packaging must state), so a 原切 question is answered by whichever class is written;
# 有机 (organic certification, GB/T 19630) is what a label says about 农药 and 化肥, and a listing names the kind
# of 农药 it did not use (除草剂, 杀虫剂: the pesticide classes); a drink's 度数 is
# its label's 酒精度; in a verb-object compound (炒菜, 煲汤) the verb is what a label writes, and an oil's
# label speaks of frying as 高温 cooking (不建议高温爆炒).
RELATED = {"宝宝": ("婴儿", "婴幼儿", "儿童"), "小孩": ("儿童", "婴儿", "小朋友"), "孩子": ("儿童", "婴儿", "小朋友"),
           "原切": ("整切", "调理", "重组", "拼接", "合成"), "农药": ("有机", "除草剂", "杀虫剂"), "化肥": ("有机",),
           "打药": ("农药", "有机", "除草剂", "杀虫剂"),  # 打药: spraying pesticide; herbicides and insecticides are 农药
           "度数": ("酒精度",), "炒菜": ("炒", "烹饪", "高温"), "煮饭": ("煮",), "煲汤": ("煲", "汤"), "炖汤": ("炖", "汤"),
           "炸": ("油炸", "高温"), "煎": ("煎制", "高温"),
           "自己": ("自家", "自制", "手工"),  # 是不是自己做的: listings say 自家/自制/手工 for home-made
           "馅": ("馅料", "夹心", "包"),  # a pastry's filling is written as what wraps what (莲蓉包蛋黄) or 夹心
           "解冻": ("加热", "下锅", "微波", "直接"),  # a frozen pack's label answers "thaw first?" by how it is heated
           "开水": ("沸水", "滚水"), "热水": ("温水", "沸水"),  # boiling water is 沸水 on a label
           "直接吃": ("即食", "即可食用"), "直接喝": ("即饮", "即可饮用")}  # ready to eat is 即食 on a label
_COOKING_METHOD = re.compile(r"[煮蒸炒炸烤煎烧炖焖拌卤涮]")  # 烹饪方法: the methods a tag may name
_AS_IT_COMES = re.compile(r"直接(吃|喝)")  # eaten as it comes: a label's 即食
_HOW_MUCH = re.compile(r"(加|放|用|倒|兑)多少|多少(水|克|毫升)|几勺|几克")
_MEASURED = re.compile(r"\d+(\.\d+)?\s*(ml|毫升|升|l|g|克|kg|勺|杯)", re.IGNORECASE)
_ANYTHING = frozenset(("东西", "别的", "其他", "其它", "啥", "什么", "成分"))
_WITHOUT = re.compile(r"^(无|零|不含|低)(?=.)")  # 无糖 -> 糖: a clause saying 加冰糖 answers "is it 无糖"
_ADVERB = re.compile(r"^[先再还多都也就只](?=.)")  # 先泡 -> 泡: an adverb jieba glues to the verb
_ASPECT = re.compile(r"(?<=.)[过了着]$")  # 腌过 -> 腌: an aspect particle jieba glues to the verb
# One-character words that only frame a contains/made-of question (有没有加X): they say nothing about X.
_FRAME_CHARS = frozenset("是有要能会用做给让把被在加放含")
_CONTENT_VERBS = re.compile(r"有没有|没有|有|(加|放|含|掺|用)[了过]?|^[了过]")  # the frame around X
_ADDED_Q = re.compile(r"(加|放|添加|掺)[了过]?(什么|啥|哪些|些什么|些啥)")  # what was added, asked openly
_MATERIAL_Q = re.compile(r"(?:什么|啥)(做|制|熬|酿|榨|腌|卤|磨)(?:的|成|出来)")  # the making verb frames it
_MADE_FROM = re.compile(r"(做|制|熬|酿|榨)(的|成|出来)")
# "What is in it / is it made with X": a clause must then hold X itself, not only a cue word.
# 用 too (有没有用保鲜剂), but not 用来/用于 (a use) nor 用X做的 (the raw material, which a clause naming
# another raw material answers: 是用甜菜做的吗 -> 甘蔗熬制).
CONTENT_Q = re.compile(r"里(面)?有|含|加(?!热|工|温)|放(?!心|冰箱|凉|置)|掺|用(?!来|于|[^，。？?]{0,5}(做|制|熬|酿|榨|包))")
# (加热 heats, 加工 processes, 放心/放冰箱/放凉 are no adding)
# Modal verbs jieba glues to the verb after them (能生吃 -> 能生|吃): dropped before finding words.
MODAL = re.compile(r"能不能|可不可以|会不会|要不要|需不需要|可以|能够|需要|行不行|行吗|[能会要]")  # 炒行吗: 行 asks if OK

# Evidence words that mark a clause as being about who made a product, what it is made of, or
# how to eat it (from catalog-writing conventions: 手工, 熬制, 配方, 即可 ...).
CUES = {
    "maker": ("手工", "农场", "厂", "阿姨", "奶奶", "师傅", "自制", "种植", "养殖",
              # how labels and group-buying listings name who made it: 出品/监制 on packs, 老字号 shops,
              # co-operatives and farm bases, 自家/自有 for a family or own farm, a central kitchen for pre-made dishes
              "出品", "监制", "老字号", "合作社", "基地", "牧场", "自家", "自有", "中央厨房", "酱园",
              # the label's producer and distributor lines (GB 7718: 生产者/经销者 名称, a 公司 by law) and
              # its brand (品牌/商标); a listing's 供货/供应 for who supplies the group
              "生产", "公司", "经销", "品牌", "商标", "供货", "供应",
              # where food is made or caught: a workshop (油坊, 糖坊, 烘焙坊), a fishing boat, an apiary
              "坊", "渔船", "渔场", "蜂场"),
    "made_of": ("制", "熬", "配方", "原料", "含量", "压榨", "酿", "添加", "不含", "使用", "原切", "发酵", "烘焙", "纯", "无",
                "品种", "馅", "加", "配",  # A加B, A配B: how a listing says what goes together in the pack
                "磨", "内含"),  # 磨成粉 (how flours and coating powders are made), 内含 (a kit's contents on its pack)
    "how_to_eat": ("煮", "蒸", "炒", "炸", "烤", "煎", "食", "适合", "合适", "即可", "冲", "泡", "下锅", "以上", "切片", "凉拌",
                   "吃", "喝",  # the plain verbs of eating: 可以挖着吃, 直接喝
                   "烧", "炖", "焖", "拌",  # the other everyday methods of Chinese cooking's 烹饪方法 (红烧, 炖肉, 油焖)
                   "切薄", "切块", "切段", "切丝", "切丁", "切成"),  # the knife cuts a cooked food is served in (切薄片更入味)
}


def evidence_clauses(question: str, product: Product, term: str, attrs: list[str], limit: int = 2) -> list[str]:
    """The product's clauses that best answer a yes/no or how-to question, in field order."""
    words = _question_words(question, product, term)
    cues = [c for a in attrs for c in CUES.get(a, ())]
    scored = []
    clauses = [(key, c.strip()) for key in CLAUSE_FIELDS for c in CLAUSE.findall(field_text(product, key))
               if not (key == "allergens" and _NONE_LISTED.fullmatch(c.strip()))]  # a bare 无 would read as 无糖
    if _unmatched_thing(question, product, term, [c for _, c in clauses]):
        return []  # 有没有加防腐剂 and no clause names 防腐剂: 不加泡打粉 does not answer it
    amount_asked, how = bool(_HOW_MUCH.search(question)), "how_to_eat" in attrs
    for i, (key, clause) in enumerate(clauses):
        score = sum(max(term_match(w, clause) for w in variants) for variants in words)
        if key not in _WORD_ONLY_FIELDS or score or (key == "tags" and how and _COOKING_METHOD.search(clause)):
            score += 0.5 * cue_count(clause, cues)  # a bare tag (零食) answers nothing by a cue word alone, but a
            # method tag (红烧, 香煎) is how the listing says to cook it
        if amount_asked and _MEASURED.search(clause):
            score += 1  # 要加多少水: the clause with 500ml, not only the one naming 水
        if key == "allergens" and score >= 1:
            score += 1  # a warning about who should not eat it (婴儿不宜食用) comes before how to eat it
        if score >= 0.5:
            scored.append((score, i, clause))
    scored = [x for x in scored if not any(x[2] != y[2] and x[2] in y[2] for y in scored)]  # 6个月以上 in 适合6个月以上宝宝
    best = sorted(scored, key=lambda x: (-x[0], x[1]))[:limit]  # ties: the earlier field (selling points first)
    best = [b for b in best if b[0] >= best[0][0] / 2 and (b[0] > 0.5 or best[0][0] <= 0.5)]  # a lone cue word
    # (泡 in 不加泡打粉) stays only when nothing matches better
    if is_yes_no(question) and words:  # 能生吃吗: 适合腌咸鸭蛋 matched by its cue alone is another use, no yes
        best = [b for b in best if b[0] > 0.5 or not SAYS_SUITABLE.search(b[2])]
    chosen = sorted(b[1] for b in best)
    if _REMEDY.search(question):  # 到手太硬了咋弄: 到手偏硬 and what the listing says next (和苹果放一起两三天就软了)
        chosen = sorted({j for i in chosen for j in (i, i + 1) if j < len(clauses) and clauses[j][0] == clauses[i][0]})
    only = {j for i in chosen if _NOT_ADDED.search(clauses[i][1]) for j in (i - 1, i + 1)
            if 0 <= j < len(clauses) and clauses[j][0] == clauses[i][0] and _ONLY_ADDED.match(clauses[j][1])}
    return [clauses[i][1] for i in sorted(set(chosen) | only)]  # 不加色素 with 只加白砂糖: what is added instead


_NOT_ADDED = re.compile(r"不加|不含|不添加|无添加|没有添加")
_ONLY_ADDED = re.compile(r"(只|仅|只是|仅仅)(加|用|含|放|添加)")


_REMEDY = re.compile(r"(咋|怎么|如何)(弄|办|处理)|咋整")


def cue_count(clause: str, cues: list[str]) -> int:
    """How many cue words the clause holds, a cue inside a longer one it holds counted once (加 in 添加)."""
    hits = {c for c in cues if c in clause}
    return sum(not any(c != o and c in o for o in hits) for c in hits)


def field_clauses(product: Product) -> list[str]:
    """Every clause of the fields that can answer a yes/no or how-to question, in field order."""
    return [c.strip() for key in CLAUSE_FIELDS for c in CLAUSE.findall(field_text(product, key))]


def field_text(product: Product, key: str) -> str:
    return product.get(key).replace(";", "，")


def _question_words(question: str, product: Product, term: str) -> list[list[str]]:
    """The question's content words outside the term that named the product, each with its
    catalog-style variants. A word of the full name before the term qualifies it (宝宝|米粉); after
    it, it is asked about (虾是活的吗 -> 鲜活直发)."""
    term = whole_mention(question, product.name, term)
    at = question.find(term)
    after = question[at + len(term):] if at >= 0 else ""  # 酸菜鱼调料包里有鱼吗: the second 鱼 is asked
    rest = MODAL.sub(" ", question.replace(term, " "))
    words = [_ADVERB.sub("", _ASPECT.sub("", t.word)) for t in content_terms(rest)
             if not (len(t.word) == 1 and t.word in _FRAME_CHARS)]
    if added := _ADDED_Q.search(rest):  # 加了什么: the clause that says what was added (只加白砂糖)
        words.append("加" if added.group(1) in "放掺" else added.group(1))  # listings write what goes in as 加
    words += [w for w in asked_words(rest) if w not in words]  # 用的是什么肉: 肉
    words += [m.group(0) for m in _AS_IT_COMES.finditer(rest) if m.group(0) not in words]  # jieba: 直接|吃
    words += [w for w in RELATED if len(w) > 1 and w in rest and w not in words]  # jieba: 开|水泡
    if material := _MATERIAL_Q.search(rest):  # 用什么酿的 asks the material, not who brews (酱园酿造)
        words = [w for w in words if w != material.group(1)]
    words = [w for w in words if (w not in term or w in after) and not (w in product.name and question.find(w) < at)]
    return [[w, *{w.replace(a, b) for a, b in SYNONYMS.items() if a in w}, *RELATED.get(w, ()),
             *([bare] if (bare := _WITHOUT.sub("", w)) != w and bare else [])] for w in words]


def whole_mention(question: str, name: str, term: str) -> str:
    """The term grown by the characters of the name that follow it in the question too (宫保鸡 -> 宫保鸡丁
    when jieba cut the name 宫保鸡|丁预制菜): the rest of the name is no word asked about."""
    at, start = question.find(term), name.find(term)
    if at < 0 or start < 0:
        return term
    end = len(term)
    while start + end < len(name) and at + end < len(question) and name[start + end] == question[at + end]:
        end += 1
    return question[at:at + end]


def _unmatched_thing(question: str, product: Product, term: str, clauses: list[str]) -> bool:
    """A yes/no about what is in the product names a thing (有没有加防腐剂: the nouns after the verb) that
    no clause holds."""
    rest = question[question.find(term) + len(term):] if term in question else question
    cue = CONTENT_Q.search(rest)
    if not is_yes_no(question) or not cue or _MADE_FROM.search(rest):
        return False  # 是白砂糖加色素做的吗: the material written (甘蔗熬制) answers it
    tail = _CONTENT_VERBS.sub(" ", rest[cue.end():])  # 没有加糖 -> 糖: jieba would tag 加糖 a verb
    nouns = [w for w, flag in pos_cut(tail) if flag.startswith(("n", "zg", "vn")) and w not in _FRAME_CHARS
             and w not in _ANYTHING]  # 糖: zg alone; 别的东西 names nothing in particular
    things = [[w, *{w.replace(a, b) for a, b in SYNONYMS.items() if a in w}, *RELATED.get(w, ())] for w in nouns]
    return bool(things) and not any(term_match(w, c) >= 0.5 for v in things for w in v for c in clauses)
