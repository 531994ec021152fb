"""Who may eat it: 孕妇能吃吗, 适合老人吗, 宝宝能吃吗, 控糖的能吃吗. Such a yes/no is settled only by a
clause that names the group (孕妇和儿童不宜, 老少皆宜, 宝宝辅食, 不添加蔗糖); a clause that merely says
适合 (适合凉拌) or 能吃 about something else reads as a yes it is not, so such a clause is kept only
when it names the group, and without one the question goes to the leader. The groups and the words labels use for them are the ones Chinese food
labels and recipe sites write (孕妇/孕期, 老少皆宜, 儿童/宝宝/辅食, 控糖/无糖, 低脂/减脂), from domain
knowledge, not from any question file.
"""

from __future__ import annotations

import re

# group -> (how residents name it, the words a label or recipe uses for it)
_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "pregnant": (r"孕妇|怀孕|孕期|准妈妈|哺乳|喂奶|母乳|产妇|坐月子|月子", ("孕", "哺乳", "产妇", "月子")),
    "elderly": (r"老人|老年|长辈|爷爷|奶奶|姥姥|姥爷|外婆|外公|我爸|我妈|爸妈", ("老人", "老年", "老少", "全家", "长辈")),
    "children": (r"小孩|孩子|儿童|小朋友|宝宝|婴儿|幼儿|[一二两三四五六七八九十\d]+(个月|岁)",
                 ("儿童", "小朋友", "孩子", "宝宝", "婴", "幼儿", "辅食", "老少", "全家", "个月", "岁")),
    "low_sugar": (r"糖尿病|血糖|控糖|戒糖|减糖", ("糖",)),
    "low_fat": (r"减肥|减脂|瘦身|健身|三高|高血脂", ("脂", "卡", "健身", "轻食", "代餐")),
    "low_salt": (r"高血压|低盐|控盐|少盐", ("盐", "钠")),
    "vegetarian": (r"吃素|素食|纯素", ("素",)),
    "low_purine": (r"痛风|尿酸", ("嘌呤", "尿酸", "痛风")),  # gout: a diet low in purines
    "kidney": (r"肾病|肾不好|肾功能", ("肾",)),
}
# 能/可以 asks who may eat it only when an eating verb follows or the clause ends on it (孩子能吃吗, 老人可以吗);
# 能参观不 beside 带孩子去看看 asks about a visit, not whether children may eat it.
_SUITABLE = re.compile(r"适合|适不适合|合适|合不合适|宜|都能"
                       r"|(?:能|可以)(?:[^，。？?！!；;\n\t ]{0,12}?(?:吃|喝|用|食|碰|沾|尝|嚼|咬)|[吗嘛么不呢]?(?:[，。？?！!；;\n\t ]|$))")
_MAY = re.compile(r"能|可以")  # any 能 at all: 能不能给我做一批不放糖的 beside 糖尿病 still asks what the leader must answer
# How a clause says someone may eat it: the claim that must name the group to answer the question.
SAYS_SUITABLE = re.compile(r"适合|适宜|适用|宜|能吃|能喝|可以吃|可以喝|可食|都能|放心")
_CLAUSE = re.compile(r"[，,。？?！!；;\n\t ]+")  # not \s: outside_name blanks with U+3000
# Who a wrong "yes" can harm (pregnancy and nursing, infants counted in months, chronic illness): when no clause
# names them, the whole message goes to the leader rather than an answer to its other part (我有糖尿病能吃吗，
# 甜不甜); for other groups (老人, 小孩) the other part is answered and the 能吃 left unsaid.
_AT_RISK = re.compile(_GROUPS["pregnant"][0] + r"|婴儿|[一二两三四五六七八九十\d]+个月|糖尿病|血糖|高血压|高血脂|三高|痛风|尿酸|肾病|肾不好|肾功能")
_COMPILED = {group: re.compile(asked) for group, (asked, _) in _GROUPS.items()}


def asked_groups(question: str) -> list[str]:
    """The groups a 'may X eat it' question names; [] when it asks nothing of the kind."""
    if not (_SUITABLE.search(question) or (at_risk(question) and _MAY.search(question))):
        return []
    return [group for group, pattern in _COMPILED.items() if pattern.search(question)]


def outside_name(question: str, name: str) -> str:
    """The question with every run of two or more characters that the product's name holds blanked."""
    out, i = list(question), 0
    while i < len(question):
        j = i + 2
        while j <= len(question) and question[i:j] in name:
            j += 1
        if j - 1 - i >= 2:
            out[i:j - 1] = "　" * (j - 1 - i)
            i = j - 1
        else:
            i += 1
    return "".join(out)


def only_group_question(question: str) -> bool:
    """Every clause of the question asks who may eat it (黑木耳适合老人吃吗), none asks anything else."""
    clauses = [c for c in _CLAUSE.split(question) if c.strip()]
    return bool(clauses) and all(asked_groups(c) for c in clauses)


# How a label says who may or may not eat it (一岁以下婴儿不宜食用, 老少皆宜, 孕妇慎用).
_SAYS_WHO = re.compile(SAYS_SUITABLE.pattern + r"|慎|禁|忌")


def speaks_to(clause: str, groups: list[str]) -> bool:
    """The clause says whether the groups may eat it: it names each and says may or may not."""
    return bool(_SAYS_WHO.search(clause)) and all(names_group(clause, g) for g in groups)


def names_group(text: str, group: str) -> bool:
    return any(word in text for word in _GROUPS[group][1])


def at_risk(question: str) -> bool:
    return bool(_AT_RISK.search(question))
