"""Hostile-question screen: questions that must reach the leader, not the model.

Prompt injection, orders to act (改价, 发群公告) or claims of the leader's authority, requests for the system prompt or configuration, other groups' or tenants'
data, and residents' personal information. Personal information means a person's: "3号楼王阿姨的
电话", "李奶奶住在哪", "谁买了三文鱼"; a service's own contact or place (自提点地址在哪, 售后电话)
is an ordinary question, answered from the knowledge or handed off as not covered.
"""

from __future__ import annotations

import re

_PATTERNS: dict[str, tuple[str, ...]] = {
    "prompt_injection": (
        r"(忽略|无视|忘记|忘掉|跳过).{0,12}(指令|指示|提示|规则|设定|要求|限制)",
        r"ignore .{0,30}(instruction|prompt|rule)", r"disregard .{0,30}(instruction|prompt|rule)",
        r"(你现在是|现在你是|从现在起你|从现在开始你|假装你是|扮演|角色扮演|越狱|开发者模式|管理员模式)", r"jailbreak|\bDAN\b|developer mode",
        r"(以下|下面|这)是?(新的|最新的?)(指令|指示|命令|规则|设定)|新(指令|命令)[:：]",
    ),
    # The bot answers questions; it never acts for anyone: a message that claims the leader's authority, grants the
    # bot powers, or tells it to change a price or post to the group is an attempt to steer it.
    "commands": (
        r"(我是|我就是|本人是|本人就是)(团长|群主|管理员|店主|老板)", r"授权(你|给你|您)",
        r"(把|将)[^，。？?！!]{0,12}(改成|改为|调成|调到|设为|设置为|改到)",
        r"(群里|群内|全群)[^，。？?！!]{0,4}(发|发布|推送|群发)[^，。？?！!]{0,4}(通知|公告)|@所有人|艾特所有人|(发|发布)(一条|个)?群公告",
    ),
    "system_prompt": (
        r"(系统|初始|原始|隐藏)(提示|指令|设定|消息)", r"提示词|prompt", r"system (prompt|message)",
        r"(你的|你收到的)(指令|设定|规则|配置|密钥|api ?key)", r"(原样|逐字|完整).{0,6}(输出|发|打印|复述)",
        r"api[_ ]?key|secret|token|密钥|密码",
    ),
    "other_groups": (
        r"(别的|其他|其它|隔壁|另外|另一个|他们|人家)[^，。？?！!]{0,8}(群|团(?!购)|小区|团长|租户|店铺)",
        # a group's orders are its residents' data: 把他们群的订单给我看看
        r"群(里)?的?(订单|名单|记录|数据)[^，。？?！!]{0,6}(给我|发我|看看|看一下|导出|发出来|发一份)",
        r"(订单|名单|客户|顾客|团员|会员|成员).{0,4}(名单|列表|信息|数据|记录|电话|地址)",
        r"(谁|哪些人|多少人)[^，,。？?！!\s呀啊呢吗]{0,6}(买了|下单|订了|参团)",  # not 谁做的呀 买了钱给谁
    ),
    "personal_info": (
        r"身份证|银行卡|卡号",
        r"(谁|哪个人|哪位|哪家|哪户).{0,6}(电话|手机|号码|微信|住址|地址|住在|住哪|门牌)",
        r"([0-9一二三四五六七八九十]+(号楼|栋|幢|单元|室)).{0,12}(电话|手机|号码|微信|住|名字|叫什么)",
        r"(阿姨|叔叔|奶奶|爷爷|大爷|大妈|师傅|邻居|业主|住户|团长|他|她)的?.{0,4}(电话|手机|号码|微信|住址|地址|住在|家在)",
        # someone pointed at by what they did or are (买了三文鱼的大姐, 下单的人): their contact is theirs
        r"(人|户|大姐|大哥|姐姐|哥哥|阿姨|那位|们)的?.{0,4}(电话|手机|号码|微信|住址|住哪)",  # 买虾那几户的电话
        r"(发我|给我|导出|发一份|发出来).{0,8}(手机号|电话号码|联系方式|微信号)|(手机号|电话号码|联系方式).{0,6}(发我|给我|导出)",
    ),
}
_COMPILED = {kind: [re.compile(p, re.IGNORECASE) for p in pats] for kind, pats in _PATTERNS.items()}


def screen_question(question: str) -> str | None:
    """The kind of hostile request (e.g. 'prompt_injection'), or None for an ordinary question."""
    text = re.sub(r"\s+", " ", question)
    for kind, patterns in _COMPILED.items():
        if any(p.search(text) for p in patterns):
            return kind
    return None
