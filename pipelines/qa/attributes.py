"""What a resident's question asks about: catalog attributes, recipe parts, yes/no.

The cue phrases are written from how people ask about groceries in Chinese group chats (price:
多少钱/几块; size: 多重/几斤/够几个人; shelf life: 放多久/保质期; after opening: 开封/开罐 ...),
not from any evaluation file. Patterns are matched in order and a matched span is consumed, so
保存多久 counts as shelf life and not also as storage.
"""

from __future__ import annotations

import re

from pipelines.catalog.vocabulary import is_place
from pipelines.facts import asked_allergens
from pipelines.facts.allergens import reaction_pattern
from pipelines.qa.servings import HEADCOUNT

# Where food is made, grown or caught, asked as who made it (哪个厂, 哪里的船打的: the boat, not the port).
_MAKER_PLACES = "厂|工厂|农场|基地|合作社|大棚|牧场|果园|养殖场|渔场|渔船|船|蜂场|茶园|作坊|油坊|面包房|烘焙坊|面包店|糕点铺|点心铺"
# attribute -> question patterns; the order decides which attribute claims a span first.
_ATTRIBUTE_CUES: dict[str, tuple[str, ...]] = {
    "after_opening": (r"(开封|开罐|开袋|开盖|开瓶|拆开|打开|开了|没吃完|吃不完|喝不完|用不完|煮不完|没用完|剩下|剩的"
                      r"|用了一半|只用半|半袋|半瓶|半罐|半盒)",),  # a pack partly used is an opened pack
    "shelf_life": (r"(几天|多久|多长时间)(之内|内)?(要|得|就要|必须)?(吃完|喝完|用完)|保质期|有效期|过期|(放|存|保存|储存|搁)(得了)?(多久|多长时间|几天|几个月|多少天|几个月)(?![^，。？?]{0,2}[才再])"
                   r"|(放|留|存)到(明天|后天|第二天|下周|周末)",  # 先放多久再切, 放多久才能进锅: a wait, not keeping
                   r"能(放|存)多久|多久(会)?坏|(放|存|搁|保存)得(久|长|住)|多(放|存)(几|两|一)天"),  # 哪个放得久
    "price": (r"多少钱|什么价|啥价|价位|几块|几元|多少元|价格|价钱|售价|团购价|(怎么|咋)卖|卖多少|贵不贵|贵吗|哪个(更)?贵|谁(更)?贵|更贵|便宜|优惠|划算"
              r"|(?<![放加倒用要])多少[一1](袋|盒|斤|箱|包|瓶|份|个|只|条|桶|罐|提|板|块|根|把|公斤|千克)",),  # 多少一袋: money
    "arrival": (r"到货|(周|星期|礼拜)[一二三四五六日天](能|可以)?(到|送)|(周|星期|礼拜)[一二三四五六日天]有[^，。？?]{0,4}(到|送)|(哪天|哪一天|哪几天|什么时候|啥时候|几号|周几|星期几|礼拜几|几时|何时)"
                r"(能|才|可以)?(到|送|发|来|有货|有|拿到|拿)|(?<!直接)(?<!直)发货|送到",  # 礼拜 is 周 in everyday speech; 什么时候有: when it comes
                r"(现在|今天|马上)(就)?(能|可以)?(拿|买)(了)?(吗|么)?|现货|拿货",
                r"(天天|每天)(都)?(送|到|有)",  # 是天天都送吗: which days it comes
                r"(同一天|一天|一起|同时|一块儿?)(到|送|发)|要等(吗|么|多久|几天)|(等|还得等)(多久|几天)",),  # 鸭蛋和酸菜是同一天到吗: each one's day  # 取货/提货 ask about the pickup point
    "stock": (r"库存|还有货|有货吗|还剩(?![一二两三四五六七八九十半\d])|卖完|售罄|还能买|还有没有|有没有卖|有卖|卖不卖|在卖|有得卖|有的卖"
              r"|有[^，,。？?！!\s]{1,8}(卖|买)([吗么不没嘛呀啊吧]|的吗|$)"
              r"|(还有|还剩|有)(多少|几)[^，,。？?！!\s]{0,2}货"  # 还有多少斤的货: what is in stock  # 有皮蛋卖吗: is it sold here
              r"|还有(多少|几)(份|个|袋|盒|箱|件|斤)?(吗|么)?$|还有(多少|几)(份|个|袋|盒|箱|件)|还有(吗|么|没|没有|不)[？?]?$",),
    "spec": (r"规格|多重|多大|(是)?(一)?整(只|个|条|块|根|颗|箱|袋)(的)?(吗|么|嘛|不|还是)|几斤|多少斤|多少克|几克|多少g|重量|分量|容量|多少毫升|几升|多少升|(?<![加放倒兑])多少水",
             r"(几|多少)(小|大)(袋|包|盒|瓶|罐|块|片)|(?<![放加用倒搁下])(几个(?!月|小时|钟)|多少个(?!月|小时)|几只|多少(只|张|枚|串|颗|粒|根|条)|几根|几枚|几罐|几杯|几包|几片|几张|几块|几条|几串|几颗|几粒|几瓶|几盒|几袋)"  # 放几粒: the cooking's
             r"|够几|几个人|几人|多少人",
             r"一(份|袋|盒|包|箱|组|瓶|罐|桶)(有|是|装)|(有|装)多少",
             r"[一两二三几](份|袋|盒|包|箱|瓶|罐|桶)[^，,。？?]{0,3}够(不够|吗|么|用)"),  # 买一袋够不够: what a pack holds
    "origin": (r"产地(?!直)|哪里(做|产|生产|加工|烤|来)|哪儿(做|产)|哪家产|哪个国家|哪国|国产|进口|哪个省|哪里产|哪儿产|哪产|产自|原产"
               rf"|(哪里的|哪儿的|哪的)(?!{_MAKER_PLACES})|从哪|哪个地方|什么地方|哪里来|哪来的|哪儿来",),
    "allergens": ("过敏原|" + reaction_pattern().pattern,),  # 过敏, 不耐受, 起疹子 (pipelines/facts/allergens.toml)
    # a label's producer line (GB 7718 生产者), a listing's 供应商/出自, and the people residents name as makers
    "maker": (r"生产者|生产方|制造商|供应商|供货商|出自|(哪个|哪位|什么|啥)(师傅|阿姨|奶奶|大爷|大妈|老板|农户|果农|渔民|厨师|大厨)"
              r"|谁(做|包|织|种|养|产|家|的|熬|酿|烤|腌|卤|炒|磨|榨|烘|晒|编|缝|钩|烙|蒸|擀|炸)|哪家|厂家|厂商|生产商|品牌|牌子|手工做"
              rf"|(哪个|哪一个|什么|啥|哪里的|哪儿的|哪的)({_MAKER_PLACES})|在哪(里|儿)?(做|加工|生产)(出来)?的"
              r"|(工厂|厂里|机器)(生产|做|加工|压|包)|是(手工|自己|自家|现)(做|包|蒸|烤)的"
              r"|哪(里|儿)?(做|加工|生产)的",  # 是工厂生产的吗, 哪做的: who made it
              # where the leader gets it (supply channel: 产地直发 / 批发市场 / 进货), a question about the supplier
              r"进的货|进货|货源|中间商|经销商|(直接|直)发(货)?的|批发市场|(果园|产地|厂家|基地|农户|工厂)直(接)?(发|供|采|送)",),
    "made_of": (r"(自家|自己|厂里|厂子里?)[^，。？?！!]{0,2}(腌|晒|酿|做|产)的|厂(里|子)里?的"  # 自家腌的还是厂子里的
                r"|(怎么|如何|咋)(做|制|熬|酿|榨|加工|生产|包|腌|晒|磨|熏|发酵|烤|卤|炒)(出来|制)?的|(用|拿|是)[^，。？?！!]{1,6}(做|制|熬|酿|榨|包|弄|磨)(的|成|出来)",
                r"品种|什么馅|啥馅|装的(是)?(啥|什么)|装了(些)?(啥|什么)|(什么|啥|哪)(猪|牛|鸡|羊|鱼)|里(面)?都有(什么|啥|哪些|些啥|些什么)|(什么|啥)料",
                r"(怎么|用什么|拿什么|啥|什么)(做|制|熬|酿|榨|磨|加工)(的|成)|用什么|用的什么|用的是|原料|配方|配料|成分|工艺|添加|加了|加糖|放了|含(有|不含)?"
                r"|纯的|是纯|有没有加|原切|拼接|合成|勾兑|色素|防腐剂|(加|放|添加|掺)了?(别的|其他|其它)",),
    "storage": (r"保存|存放|储存|储藏|怎么放(?!软|熟)|怎么存|放冰箱|冰箱|冷藏|冷冻|冻|解冻|常温|放哪|收到(以后|后)|买回来(?=(以后|后)?(怎么办|咋办|呢)?[？?]?$)",  # 买回来要热一下吗: context
                r"堆放|堆着|压在|叠放|放(在)?[^，。？?！!]{1,6}(里|上|下|底下)[^，。？?！!]{0,3}(行不行|行吗|可以吗|能行|放不|不)",),
    # where and how it is kept: stacked (堆放, 叠放), left in a cupboard or under other boxes
    "how_to_eat": (r"怎么(给[^，。？?！!]{1,4})?(热|加热|蒸|煎|烤|炸)|(要不要|需不需要|用不用|需要|要)(再)?(加热|热|蒸|煮)(一下)?|怎么给[^，。？?！!]{1,4}(做|弄|吃|喝)|(加热|热|蒸|煎|烤)(多久|几分钟)|怎么吃|吃法|怎么办|咋办|怎么煮|怎么做|怎么弄|怎么用|怎么泡|怎么冲|怎么喝|几分钟|多久能熟|煮多久|生吃|生食|直接(吃|喝|炒|煮|蒸|煎|炸|烤|炖|下锅)"
                   r"|用多少|放多少|加多少|一次(用|吃|放|喝)|可以吃|能吃|能不能吃|几个月(?=[^，。？?]{0,6}(能|可以|吃|喝|用))|几岁(?=[^，。？?]{0,6}(能|可以|吃|喝|用))|适合|配什么|搭配|(用来|拿来|能|可以)(炒|煮|蒸|炸|煎|烤|拌|做|炖|煲)",),
}
# 还剩 before a number states what the resident has left (买的腊肉还剩一块), it asks nothing.
_COMPILED = {attr: [re.compile(p) for p in pats] for attr, pats in _ATTRIBUTE_CUES.items()}
# Attributes answered by one catalog field, in the field's own words.
FIELD_ATTRIBUTES = ("price", "spec", "origin", "shelf_life", "storage", "arrival", "stock")
# Attributes only a catalog can answer: a product named with one of these is a catalog question.
CATALOG_ONLY = ("price", "spec", "origin", "shelf_life", "after_opening", "arrival", "stock", "allergens", "maker")

_CONTAINS = re.compile(r"成分|含|有没有|加了|放了|里有|里面有|有[^，。？?！!]{1,6}(吗|么|嘛|没有|没)"
                       r"|哪(个|种|款|样|些)(有|含)")  # 有X没: A-not-A; 哪个有芝麻: which of them holds it
# 是赣南的吗, 是山东产的吗: whether it comes from a place (the place checked with jieba's ns tag).
_PLACE_Q = re.compile(r"是([\u4e00-\u9fff]{2,5}?)(那边|那里|那儿|这边|当地|本地)?(产|出产|生产|来)?的(吗|么|嘛|不|没)"
                      r"|是不是([\u4e00-\u9fff]{2,5}?)(那边|那里|那儿|这边|当地|本地)?(产|出产|生产|来)的")
_YES_NO = re.compile(r"(吗|么|嘛|没有|没)[？?！!。\s]*$|是不是|是否|能不能|可不可以|会不会|有没有|要不要|需不需要|用不用|行不行|[能会要]否")
# How long a finished dish keeps (做好能放几天, 冷藏能放多久): the recipe's note on keeping.
_KEEP = re.compile(r"(放|存|保存|冷藏|冷冻)(得了)?(几天|多少天|几个月|多久|多长时间)(?![^，。？?]{0,2}[才再])")
# Something else in place of an ingredient (买不到桂鱼能用什么代替, 没老干妈了能换别的酱吗): the recipe's note on it.
_SUBSTITUTE = re.compile(r"代替|替代|替换|换成|换别的|换其他|换个|用别的|用其他|买不到|没有?[^，。？?]{1,6}了"
                         r"|(用|拿)(什么|啥|别的|其他)[^，。？?]{0,2}[替换]|不会[^，。？?]{1,6}(能|可以)(用|拿)")
# (用啥替, 拿什么换: 替 and 换 alone are the spoken 替代; 不会炒糖色能用…: a step the cook cannot do, the recipe's way around it)
# When an ingredient goes in (土豆什么时候下锅, 盐哪一步放): the step that adds it, with its timing.
_WHEN = re.compile(r"(什么时候|啥时候|何时|哪一步|第几步|几时)(再)?(下锅|下|放|加|倒)"
                   r"|(跟|和|与)[^，。？?！!]{1,6}(一起|一块儿?|同时)(下锅|下|放|加|倒)|一开始就(下锅|下|放|加|倒)")  # 胡萝卜是跟
# 玉米一块下锅吗, 土豆一开始就放吗: when it goes in, asked as whether it goes in together
# Why a recipe does something (为什么要放五花肉, 加冷水有什么用): the sentence that gives its reason.
_WHY = re.compile(r"为什么|为啥|干嘛要|干吗要|[干做][嘛吗啥]用|是干([嘛吗啥]|什么)的|干什么用|做什么用|有什么用|有啥用|什么作用|啥作用|起什么作用|作用是|为了什么|为了啥"
                  r"|[久长多少早晚过]了(会|的话)?(怎|咋)")  # 蒸久了会咋样: what goes wrong, a reason
_SERVES_HOW_MANY = re.compile(r"够几个?人|几人份|几个人吃|能吃几[个顿]")  # how many a recipe feeds
_FOR_HOUSEHOLD = re.compile(r"够|几|多少|一次|做完|买|一[碗锅盘盆]|做(得|不)?出来")  # 五口人…能一碗做出来吗  # what a household asks of a recipe's portions
_COUNT = re.compile(r"几[遍次回道]|多少[遍次回]")  # 炸几遍, 加几次冷水: how many times a step is done
_TEMPERATURE = re.compile(r"多少度|几度|温度|水温|油温|多热")  # 预热多少度, 用多少度的水
_TIME = re.compile(r"多久|多长时间|多少时间|多少功夫|多长功夫|多少分钟|几分钟|几个小时|几小时|多少小时|几个?钟头|多少个?钟头|多少秒|几秒|什么火候|多大火"
                   r"|快多少|快多久|省多少时间|能快点|(用|开)(什么|啥)火|[0-9一二两三四五六七八九十半]+个?(分钟|小时)还是"  # 两分钟还是一分钟
                   r"|(几|多少)天(?![内里]|[^，。？?]{0,3}[吃喝用]完)")  # 腌几天; 放几天, 几天要吃完: how long it keeps  # 用高压锅能快多少: a time too
# How much of an ingredient a recipe uses: answered from its quantity (计算/用量) lines.
_AMOUNT = re.compile(r"多少克|几克|几两|多少两|几斤|多少斤|几碗|几杯|多少勺|多少g|多少毫升|多少ml|几毫升|(用|放|加|要|买|准备|备|倒|下|兑|掺|配)多少|几个|几勺|几片|几颗|几根|几只|用量|多少量|比例|几倍|多少倍"
                     r"|[\u4e00-\u9fff]多少[\u4e00-\u9fff]{1,3}多少(?!钱)")  # 生粉多少水多少: several amounts listed
_INGREDIENTS = re.compile(r"材料|原料|食材|用料|配料|准备(些)?(什么|啥)|准备哪些|需要(些)?(什么|啥)|需要哪些|要什么|放什么|放哪些|加什么|调料|买什么"
                          r"|(用|放|加|拿)(什么|啥|哪种|哪几种|哪几样)|(要|都)?(放|加|用)(哪些|些啥|些什么)|哪些东西")
# Whether a dish uses something: 里面有鱼吗, 要放糖吗, 加不加葱; 放一会 is letting it rest, no thing put in.
_CONTAINS_ING = re.compile(r"(有|放|加|用|含)(没有|不)?(?!一会|一下|一阵|一段|一边)[\u4e00-\u9fff]{1,4}(吗|么|嘛)[？?]?$|(有没有|放不放|加不加|要不要放|要不要加)"
                           r"|都不(放|加|用)(吗|么|嘛)")  # 一点盐都不放吗: whether it goes in at all
_HOW_TO = re.compile(r"(怎么|咋)(做|煮|炒|蒸|炖|弄|调|烧|煎|炸|烤|拌|包|熬|腌|处理|切|泡|发|加|点|铺|摆)|做法|步骤|教程|顺序|先后|次序"
                     r"|如何(做|煮|炒|蒸|炖|调)|先(放|加|下|倒|铺)(啥|什么)")  # 先放啥后放啥: the order of the steps


def without_cues(question: str) -> str:
    """The question with every attribute cue blanked: what is left says what else it is about (泡发后 in
    黑木耳泡发后能有多少)."""
    return _consume(question)[0]


def _consume(question: str) -> tuple[str, list[tuple[int, str]]]:
    text, found = question, []
    for attr, patterns in _COMPILED.items():
        for pattern in patterns:
            for match in pattern.finditer(text):
                found.append((match.start(), attr))
                text = text[:match.start()] + "　" * (match.end() - match.start()) + text[match.end():]
    return text, found


def asked_attributes(question: str) -> list[str]:
    """Catalog attributes the question asks about, in question order."""
    found = _consume(question)[1]
    found += [(m.start(), "origin") for m in _PLACE_Q.finditer(question) if is_place(m.group(1) or m.group(5))]  # 是赣南的吗
    asks_content = _CONTAINS.search(question)  # 有小麦成分吗, 含不含花生: an allergen asked about
    if asked_allergens(question) and asks_content and not any(a == "allergens" for _, a in found):
        found.append((len(question), "allergens"))
    attrs = list(dict.fromkeys(a for _, a in sorted(found)))
    if "after_opening" in attrs and _UNOPENED.search(question) and "after_opening" not in asked_attributes(
            _UNOPENED.sub("　", question)):
        attrs = [a for a in attrs if a != "after_opening"] or ["shelf_life"]  # 没开封能放多久: the unopened pack
    if "after_opening" in attrs and _BUY_WORRY.search(question) and "after_opening" not in asked_attributes(
            _BUY_WORRY.sub("　", question)):
        attrs = [a for a in attrs if a != "after_opening"] or ["shelf_life"]  # 一次买两袋怕吃不完: an unopened stock
    if "after_opening" in attrs and not _unopened_asked_too(question):  # 开封后能放多久: never the unopened shelf life
        attrs = [a for a in attrs if a not in ("shelf_life", "storage")]
    return attrs


# Buying more than the household eats soon (一次买5kg怕吃不完, 买多了吃不完): how long unopened packs keep.
_BUY_WORRY = re.compile(r"(买|囤|怕)[^，,。？?！!；;]{0,8}(吃|喝|用|煮)不完")
# A pack not yet opened (没开封, 未拆封, 不打开): its shelf life, not the after-opening rule.
_UNOPENED = re.compile(r"(没|未|不|还没|没有)(开封|拆封|开罐|开袋|开盖|开瓶|拆开|打开|开过)")


def _unopened_asked_too(question: str) -> bool:
    """能放几天？开了盖多久要喝完: a clause before the opening asks the shelf life, one after it the opened one
    (each is answered); 开了要放冰箱吗，能放多久 asks only of the opened one."""
    clauses = [c for c in re.split(r"[，,。？?！!；;]", question) if c.strip()]
    own = [{a for _, a in _consume(_UNOPENED.sub("　", c))[1]} for c in clauses]
    opened = next((i for i, f in enumerate(own) if "after_opening" in f), len(own))
    return any("shelf_life" in f for f in own[:opened])  # a clause after 开了 is still about the opened one


def is_yes_no(question: str) -> bool:
    return bool(_YES_NO.search(question.strip()))


def recipe_part(question: str) -> str:
    """Which part of a recipe answers the question: keep | substitute | when | why | servings | count | temperature | time | amount | ingredients | contains | steps | any."""
    if _KEEP.search(question):
        return "keep"
    if _SUBSTITUTE.search(question):
        return "substitute"
    if _WHEN.search(question):
        return "when"
    if _WHY.search(question):
        return "why"
    if (HEADCOUNT.search(question) and _FOR_HOUSEHOLD.search(question)) or _SERVES_HOW_MANY.search(question):
        return "servings"  # 家里五口人…买几盒够, 两个人吃放几个蛋: the recipe's portions and their amounts
    if _COUNT.search(question):
        return "count"
    if _TEMPERATURE.search(question):
        return "temperature"
    if _TIME.search(question):
        return "time"
    if _AMOUNT.search(question):
        return "amount"
    if _INGREDIENTS.search(question):
        return "ingredients"
    if _CONTAINS_ING.search(question):
        return "contains"
    if _HOW_TO.search(question) or asks_how_it_cooks(question):
        return "steps"
    return "any"


# How big the pieces are cut (切多大块, 切多厚, 切成多大的丁): the step that cuts them says.
CUT_SIZE = re.compile(r"切(成)?(多大|多厚|多粗|多细|多长|多宽|几厘米|什么样)|多大(的)?[块丁片条段]")
# How hot the fire is, asked (火候怎么掌握, 用什么火, 开多大火, 大火还是小火): the steps that name a fire answer it.
HEAT_ASKED = re.compile(r"火候|火力|(用|开)(什么|啥|多大)火|多大(的)?火|大火还是小火|小火还是大火|大火小火")
# How done a thing should be before going on (豆角炒到什么样, 油烧到几成热, 煮到什么程度): the step that says V至/V到.
STATE_ASKED = re.compile(r"([\u4e00-\u9fff])(到|至|成)(什么样|啥样|什么程度|啥程度|什么状态|几成|什么颜色|啥颜色)")


def asks_how_it_cooks(question: str) -> bool:
    """How big to cut, how hot, how done (切多大块, 火候, 炒到什么样): only a recipe's steps say, never a pack."""
    return bool(CUT_SIZE.search(question) or HEAT_ASKED.search(question) or STATE_ASKED.search(question))
