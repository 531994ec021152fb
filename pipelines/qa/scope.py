"""Questions outside what the leader's knowledge can answer, even when they name a product we sell.

Kinds a group chat brings every day: another shop's goods or prices (楼下超市的鸡蛋多少钱: our
catalog would answer with our egg), and medical advice (孩子湿疹了能喝牛奶吗, 要不要去医院): a
symptom or a treatment is the leader's or a doctor's call, never a catalog line's; the weather; and after-sales
requests (能退吗), unless the listing itself promises it. Allergen questions
(我对芒果过敏能吃吗) and diet notes a label carries (孕妇能喝吗) stay answerable. The shop names are
China's large grocery chains and online grocery platforms, from general retail knowledge.
"""

from __future__ import annotations

import re

from pipelines.qa.message import asks

_SHOPS = ("永辉", "盒马", "美团", "多多买菜", "叮咚", "朴朴", "沃尔玛", "大润发", "华润万家", "物美", "家乐福", "山姆",
          "麦德龙", "联华", "钱大妈", "百果园", "京东", "淘宝", "天猫", "拼多多", "兴盛优选", "十荟团", "易果", "每日优鲜")
_OTHER_SHOP = re.compile(rf"({'|'.join(_SHOPS)})|(超市|菜市场|菜场|菜市|农贸市场|便利店|别家|别人家|其他家)(的|卖|买|里)")
# A symptom that has happened (湿疹了, 拉肚子了) or a treatment (要不要去医院, 吃什么药); a condition named
# as who the resident is (喝牛奶拉肚子的人) is a diet question the label may answer.
_MEDICAL = re.compile(r"(湿疹|发烧|发热|咳嗽|腹泻|拉肚子|拉稀|便秘|呕吐|起疹子|出疹子|红疹|过敏|中毒)(了|的时候|期间)"
                      r"|医院|医生|看病|就医|吃药|用药|药物|什么药|打针|挂号"
                      # what a food cures (贫血…能补回来吗, 吃多久能好): a health claim no label makes
                      r"|能治|治疗|治好|根治|疗效|药效|偏方|补回来|吃[^，。？?！!]{0,8}多久(能|才能|就能)好|降(血压|血糖|血脂)"
                      # how much a day with a condition (我有高血压…每天吃多少合适): a dose only a doctor sets
                      r"|(高血压|糖尿病|血糖高|高血脂|痛风|尿酸高|三高|肾病)[^。？?！!]{0,12}(每天|一天|每日|每顿|一顿)[^，。？?]{0,4}(吃|喝|用)(多少|几)")
# A symptom going on now (宝宝这两天拉肚子, 孩子有点发烧) is the same, unless it is a reaction to a food (喝牛奶拉肚子) or
# names who the resident is (拉肚子的人); 过敏 stays an allergy question unless it has happened (过敏了).
_ONGOING = re.compile(r"(湿疹|发烧|发热|咳嗽|腹泻|拉肚子|拉稀|便秘|呕吐|起疹子|出疹子|红疹)(?!的人|的宝宝|的孩子|的小孩|的老人|者)")
_REACTION = re.compile(r"[吃喝][^，,。？?！!\s]{0,6}$")  # 喝牛奶 just before the symptom: the food causes it
# A doctor's advice reported as context (医生说一岁前不能吃糖) before a question a label answers (加糖了没, 含不含):
# the label's fact is ours to give; how much one may eat (吃几个合适) stays the doctor's.
_ADVICE = re.compile(r"医生(说|讲|建议|让|叮嘱|交代)")
_LABEL_FACT = re.compile(r"(加|放|添加|含)(了|没|不)?[\u4e00-\u9fff]{0,4}(吗|么|没|没有)|含不含|有没有加|成分|配料")


# The weather: asked in every group chat, answered by no catalog (a recipe's 天气 is about taste).
_WEATHER = re.compile(r"天气|下雨|下雪|气温|台风|降温|雾霾|空气质量")


# After-sales requests (能退吗, 坏了能赔吗, 换货, 退款): the leader's decision, answered from the catalog only where a
# listing promises it (坏果包赔).
_AFTER_SALES = re.compile(r"(能|可以|可不可以|能不能|给)(退|赔)|退(货|款|钱|掉)|包(退|赔|换)|怎么(退|赔)|赔(偿|付|钱)|换货|补发|退换")
# (能换 is left out: 能换别的酱吗 asks a recipe's substitute)
AFTER_SALES_PROMISE = re.compile(r"包赔|包退|包换|退换|赔付|补发|售后")


# A service asked of the shop (帮我切好片, 剥好壳, 送到家): the leader's to promise, unless the listing offers it
# (可帮磨粉). The verbs are what a market stall does for a buyer: cut, peel, wash, kill, clean, grind, deliver.
_SERVICE_VERBS = "切|剥|洗|杀|宰|剁|处理|收拾|磨|加工|送|留"  # 留: keeping goods for a buyer (帮我留两袋)
_SERVICE = re.compile(rf"帮(我|忙|您|你)?[^，。？?！!]{{0,4}}({_SERVICE_VERBS})|送(上门|上楼)|送到[^，。？?！!]{{0,4}}(家|楼|门口|单元)"
                      r"|给我留|预留|定做|定制|订做|订制|绣上|刻上|刻字")  # made to order: the maker's to agree


# Haggling (便宜点, 打个折, 抹个零, 三盒算多少): a price the leader may move, never the listing's to give. The phrases
# are how buyers bargain at any Chinese market stall.
# (哪个便宜点 compares listed prices: the catalog answers it)
_BARGAIN = re.compile(r"(能|可以|可不可以|能不能|再|给我?|求|多买|多订|多拿)[^，。？?！!]{0,3}(便宜|优惠|少收|少算|让利)"
                      r"|打(个)?折|抹(个)?零|砍(个)?价|讲(个)?价|便宜(一)?(点|些)(吧|呗|行|可以|卖|给)"
                      r"|(团长|内部|友情|熟人|老顾客|老客户|批发)价|给[个我]?[^，。？?！!哪]{0,5}(便宜|优惠)")


def service_offered(question: str, listing: str) -> bool:
    """The listing offers the service asked (可帮磨粉, 代切, 免费处理)."""
    verbs = "|".join(m.group(2) or "送" for m in _SERVICE.finditer(question))
    return bool(verbs) and bool(re.search(rf"(可|代|帮|免费|包)+[^，,。；;]{{0,2}}({verbs})", listing))


def _clause_at(text: str, at: int) -> str:
    start = max(text.rfind(c, 0, at) for c in "，,。？?！!；; ") + 1
    ends = [i for c in "，,。？?！!；; " if (i := text.find(c, at)) >= 0]
    return text[start:min(ends, default=len(text))]


def outside_scope(question: str) -> str | None:
    """'other_shop', 'medical', 'weather', 'after_sales', 'service' or 'bargain' when the question is not ours to
    answer, else None."""
    for kind, pattern in (("other_shop", _OTHER_SHOP), ("medical", _MEDICAL), ("weather", _WEATHER),
                          ("after_sales", _AFTER_SALES), ("service", _SERVICE), ("bargain", _BARGAIN)):
        found = [m for m in pattern.finditer(question)]
        if kind == "other_shop":  # 上回别家买的一化冻全是水 tells what happened; only a clause that asks counts
            found = [m for m in found if asks(_clause_at(question, m.start()))]
        if kind == "medical":
            found += [m for m in _ONGOING.finditer(question) if not _REACTION.search(question[:m.start()])]
        if kind == "medical" and _LABEL_FACT.search(question):
            found = [m for m in found if not _ADVICE.match(question, m.start())]
        if found:
            return kind
    return None
