"""Either-or questions (是草饲还是谷饲的, 野生的还是养殖的): the options a resident offers.

When a listing names neither option, quoting its nearest clause reads as an answer it never gave (原切不拼接
answers no 草饲还是谷饲); the question is the leader's. An option that names an attribute the catalog has a
field for (国产还是进口, 冷藏还是冷冻) is answered by that field, whichever words it uses.
"""

from __future__ import annotations

import re

from pipelines.qa.attributes import asked_attributes
from pipelines.qa.evidence import term_match

_MAKING = re.compile(r"做|腌|酿|制|加工|生产|产的|手工|包的|炒的|晒")  # an option naming how or by whom it is made
_ADVERB_USE = re.compile(r"要|得|需要|会|能|可以|不|没|很|挺|有点|那么|这么")  # 还是要放冰箱: "still", no option
_CLAUSE_EDGE = re.compile(r"[，,。？?！!；;\s]")
_TRAILING = re.compile(r"[的呀啊呢吗嘛哈啦吧哦]+$")
_OPTION_END = re.compile(r"的|[呀啊呢吗嘛哈啦吧哦]|[，,。？?！!；;\s]|$")


def choice_options(question: str, name: str = "") -> list[str]:
    """The two options of an either-or question ending the clause it is in, without the product's name;
    [] when the question offers none (还是要冷藏吗 is no choice: 还是 is an adverb there)."""
    at = question.find("还是")
    if at <= 0:
        return []
    left = question[:at]
    left = left[max((m.end() for m in _CLAUSE_EDGE.finditer(left)), default=0):]
    left = _TRAILING.sub("", left.rpartition("是")[2] if "是" in left else left).replace(name, "")
    rest = question[at + 2:]
    end = _OPTION_END.search(rest)
    right = rest[:end.start()]
    tail = rest[end.start():]
    tail = tail[:m.start()] if (m := _CLAUSE_EDGE.search(tail)) else tail
    tail = re.sub(r"^的[\u4e00-\u9fff]?(?=[呀啊呢吗嘛哈啦吧哦]*$)", "", tail)  # 公猪还是母猪的肉: the thing they are of
    if not left or not right or _ADVERB_USE.match(right) or len(left) > 6 or len(right) > 6 or re.sub(r"[的呀啊呢吗嘛哈啦吧哦]", "", tail):
        return []  # the clause goes on after the second option: 还是 is an adverb (还是硬的怎么办)
    return [left, right]


def unanswered_choice(question: str, name: str, text: str, full_name: str = "") -> bool:
    """An either-or question whose options the text names neither of, and no field attribute answers."""
    options = choice_options(question, name)
    name += full_name
    if not options or asked_attributes(" ".join(options)) or any(_MAKING.search(o) for o in options):
        return False  # 厂子里做的还是自家腌的 asks how it is made, which the listing's 大缸自然发酵 answers
    shared = "".join(ch for ch in options[0] if ch in options[1] and ch not in name)  # 深烘还是浅烘: 烘, which
    # 中度烘焙 answers; 淡水虾还是海虾 share only the product's 虾
    return not any(term_match(option, text) >= 0.5 for option in options) and not (shared and shared in text)
