"""Which dish a question names (its recipe's name, a name with a bracketed qualifier, the one recipe made of a
product it names) and whether the resident cooks it at home (包好的饺子, 自己包的, 做扣肉的时候)."""

from __future__ import annotations

import re

from pipelines.catalog.vocabulary import aliases_of
from pipelines.qa.recipe_text import dish_name
from pipelines.retrieval import SourceInfo

# A cooking verb done (煎好了, 包好的, 炸完的): the food is in the resident's kitchen, being cooked; 是腌好的吗
# asks what state the pack is sold in.
_COOKED = re.compile(r"(?<![是已])[包煎炸煮蒸烤炖焖卤腌炒烧拌擀揉][好完](了|的|后|以后|之后|再|为|要)")  # not 炒好吃
# How residents say they cook it themselves: 自己包的, 在家做, 做扣肉的时候 (and, of a dish named, 包饺子的肉馅).
_COOKING_AT_HOME = (r"自己[包做蒸煮炸烤腌卤炒擀和烙]|在家里?[包做蒸煮炸烤]|[做包蒸煮炒炸烙][^，。？?]{0,8}的时候"
                    r"|[包做蒸烙擀炸]多了"  # 包多了的生饺子: made more than eaten
                    r"|(每次|每回|上次|上回)[^，。？?]{0,2}[做包蒸煮炸烤炒烙]")  # 上回蒸的粉蒸排骨, 每次做酸菜鱼: the cook's own
HOME_COOKING = re.compile(_COOKING_AT_HOME)
HOME = re.compile(_COOKING_AT_HOME + r"|包[^，。？?]{0,6}[馅皮]")  # 王阿姨包的饺子皮 is hers: only with the dish named
_RECIPE_ASKED = re.compile(r"做法|菜谱|食谱|教程|配方里")  # the resident asks for the recipe itself


def named_dishes(question: str, sources: list[SourceInfo]) -> list[tuple[SourceInfo, str]]:
    """Recipes whose dish name the question contains, longest name first."""
    found = [(s, dish_name(s.title)) for s in sources if s.kind == "recipe"]
    named = [(s, d) for s, d in found if len(d) >= 2 and d in question]
    named += [(s, base) for s, d in found if (base := _qualified_mention(question, d)) and not any(o is s for o, _ in named)]
    return sorted(named, key=lambda sd: -len(sd[1]))


def _qualified_mention(question: str, dish: str) -> str:
    """The name before a dish's bracketed qualifier (酸梅汤 of 酸梅汤（半成品加工）) when the question says it with a piece
    of the qualifier (半成品酸梅汤) or asks for the recipe by name (做法里); '' otherwise."""
    base, _, qualifier = dish.partition("（")
    pieces = {qualifier[i:i + 2] for i in range(len(qualifier.rstrip("）")) - 1)}
    if len(base) < 2 or not qualifier or base not in question:
        return ""
    return base if any(p in question for p in pieces) or _RECIPE_ASKED.search(question) else ""


def dish_names(sources: list[SourceInfo]) -> list[str]:
    return [dish_name(s.title) for s in sources if s.kind == "recipe"]


def cooked_at_home(question: str) -> bool:
    """The question speaks of the food as cooked at home (包好的饺子, 羊排煎好了, 自己包的): a time, a rest or a
    step then is a recipe's, not the pack's."""
    return bool(_COOKED.search(question) or HOME_COOKING.search(question))


def dishes_made_of(terms: list[str], sources: list[SourceInfo]) -> list[tuple[SourceInfo, str]]:
    """The one recipe whose dish name holds a product the question names (羊排 -> 香煎羊排, 饺子 -> 三鲜水饺);
    [] when none or several do."""
    found = [(s, dish_name(s.title)) for s in sources if s.kind == "recipe"]
    made = [(s, d) for s, d in found if any(w in d for t in terms for w in (t, *aliases_of(t)) if len(w) > 1)]
    return made if len(made) == 1 else []
