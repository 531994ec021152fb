"""A group-chat message as the bot forwards it, reduced to the resident's question.

WeChat wraps what a resident types: an @mention ends with U+2005, a reply to a quoted message puts
「name：quoted text」 and a dashed rule before the reply, built-in emoji travel as codes like [捂脸],
phones add Unicode emoji, a Traditional-script phone writes 過敏 for 过敏, voice input leaves spaces
and line breaks, and residents open with greetings and close with thanks or 急. None of it changes
what is asked, and all of it confuses cue patterns anchored at the end of a question (吗$). The
greeting and thanks lists are chat conventions, not phrases from any evaluation file.
"""

from __future__ import annotations

import re

from pipelines.zh import cut, to_simplified

_QUOTE = re.compile(r"^.*「[^」]*」\s*(-\s*){3,}", re.DOTALL)  # everything up to the last quote's dashed rule
_MENTION = re.compile(r"@[^\s\u2005@]{1,20}[\s\u2005]|@[^\s\u2005@]{1,20}$")
_EMOJI_CODE = re.compile(r"\[[\u4e00-\u9fffA-Za-z]{1,4}\]")  # WeChat's built-in emoji: [捂脸] [OK]
# Pictographs, dingbats, variation selectors and joiners; ℃ and ㎏ (also symbols) lie outside these ranges.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0E\uFE0F\u200D\u20E3]")
_ASKING = r"麻烦(您|你)?(问一?下)?|请问(一下)?|问一?下|想问一?下|打扰(一)?下"
# A greeting is only dropped before a separator or an asking phrase: 团长推荐哪个 keeps its 团长.
_OPENING = re.compile(rf"^((@?团长|各位|亲|您好|你好|在吗|在不在|hi|hello)([，,。！!？?~～\s]+|(?=您好|你好|{_ASKING}))"
                      rf"|({_ASKING})[，,：:\s]*)", re.IGNORECASE)
_CLOSING = re.compile(r"[，,。\s]*(谢谢|多谢|感谢|麻烦了|辛苦了|急+|在线等|拜托了?)(团长|你|您|啦|了|哈|哦|呀|大家)*"
                      r"[!！~～。.]*$")
_REPEATED = re.compile(r"([？?！!。，,~～])\1+")
# Voice input and older residents put spaces or line breaks between phrases: after a question particle
# the break ends a question (有刺吗 多少钱), elsewhere it sits inside one (鸡翅中 多少钱, 有没有\n麸质).
_BREAK_AFTER_QUESTION = re.compile(r"((?<=[吗呢吧嘛啊呀哦啦])|(?<=[^怎什那这多要]么)|(?<=没))\s+(?!有)")
# A question's particle run into what the resident goes on to tell (哪天到啊我想买回来做白灼虾): the question ends there.
_PARTICLE_THEN_I = re.compile(r"(?<=[啊呀吗呢嘛])(?=我(想|要|打算|准备|家|们|做|买))")
_WH = re.compile(r"什么|啥|怎么|咋|哪|几|多少|多久|多钱|还是|[吗么嘛]$|[没不]$")
_PIECES = re.compile(r"(\s+)")


def _two_questions(text: str) -> str:
    """A break before a run of words that asks, after one that asks too (一组多少钱 拿来做奶冻要冷藏多久, 是拿啥磨的
    里头有花椒没) or tells at length (早饭想蒸馒头再配个荷包蛋 馒头蒸几分钟), is a comma; 多少钱 一斤 and 张师傅的 馒头
    run on."""
    pieces = _PIECES.split(text)
    for i in range(1, len(pieces) - 1, 2):
        before = re.split(r"[，,。？?！!；;]", pieces[i - 1])[-1]
        after = re.split(r"[，,。？?！!；;]", pieces[i + 1])[0]
        asks_after = (_WH.search(after) and len(after) > 3) or A_NOT_A.search(after)
        tells = len(before) >= _TELLING_CHARS and _ends_a_word(before, after)  # 早饭想蒸馒头再配个荷包蛋 馒头蒸几分钟
        tells = tells or before[-1:] == after[:1]  # 反沙芋头熬糖 糖和水各放多少: the thing said again starts anew
        if before and asks_after and (_WH.search(before) or tells):
            pieces[i] = "，"
        elif before and _WH.search(before) and _SPEAKER.match(after):  # 各放多少 我麸质不耐受: the resident goes on
            pieces[i] = "，"
        elif before and (asks(before) or _CHOICE_END.search(before)) and len(after) >= _TELLING_AFTER \
                and _ends_a_word(before, after):
            pieces[i] = "，"  # 放五花肉是干嘛用的 带鱼解冻了一次没吃完: a question asked, then something told
    return "".join(pieces)


# The resident starting to tell something new (我…, 咱家…, 孩子…, 另外…): a sentence of its own after a question.
_SPEAKER = re.compile(r"我|咱|俺|家里|孩子|小孩|宝宝|老人|另外|还有|顺便")
# A phrase ending on an either-or's second option (是倒掉还是留着): 还是 before an adverb (还是要冷藏) is "still".
_CHOICE_END = re.compile(r"还是(?!要|得|需要|会|能|可以|不|没|很|挺|有点)[\u4e00-\u9fff]{1,6}?的?[呀啊呢吗嘛哈啦吧哦]*$")
_TELLING_AFTER = 4  # 多少钱 一斤, 是什么 牌子的: a unit or thing the question word counts is shorter
_TELLING_CHARS = 10  # a voice-input break inside a name (空气炸锅鸡翅 中第一面) comes after far fewer characters


def _ends_a_word(before: str, after: str) -> bool:
    """No word runs across the break (鸡翅|中 would read 鸡翅中 joined)."""
    at, edges = 0, set()
    for word in cut(before + after):
        edges.add(at)
        at += len(word)
    return len(before) in edges


_SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# An A-not-A question (辣不辣, 有没有牛油) is a whole question too: a break after it, once something follows the
# A-not-A itself, ends it (辣不辣 有没有牛油 小朋友要吃); 有没有\n麸质 still runs on to what it asks about.
A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")
_PHRASE_BREAK = re.compile(r"\s+")
_TAKES_OBJECT = frozenset("有是要能会用放加含可需")  # 有没有 X, 是不是 X, 要不要 X: the A-not-A asks about what follows
# A phrase ending in a question word has asked its question (焖多久 焯水又要几分钟), unless what follows the
# break is the unit or thing that question word counts (多少 钱, 几 分钟, 什么 牌子).
_WH_END = re.compile(r"((多少钱|多钱|几块钱?)(一[\u4e00-\u9fff])?|多久|多长时间|几分钟|几小时|几天|几号|几点|哪天|哪里|哪儿|怎么样|什么时候)$")
# Two phrases that each hold a question word are two questions (荞麦面有啥过敏原 做酱拌荞麦面要煮多久).
ASKING_WORD = re.compile(r"什么|啥|哪|几|多少|多钱|多久|多长|多重|多大|多高|多厚|多沉|多宽|多深|怎么|怎样|如何|咋|为什么|为啥|吗|么|呢|嘛|是不是|有没有|能不能"
                         r"|可不可以|要不要")  # the question words of everyday Mandarin
# A phrase ending in 不 asks in Northern speech (能包饺子不, 有货不), unless an adverb makes it a statement (我也不).
# So does one ending in 了没/过没 (加糖了没呀: has it been done), whatever particle closes it.
ENDS_IN_NOT = re.compile(r"((?<![要还也并都就别])不|[了过]没有?)[呀啊呢哈嘛哦]*$")
# 吧 after a claim the resident wants confirmed (蒜是放三头吧, 应该没事吧, 能直接吃吧) asks; 那我要两份吧 tells.
CONFIRMING = re.compile(r"(是|应该|没事|没问题|可以|能|行|对|够|会)[^，,。？?！!；;]{0,10}吧$")


def asks(clause: str) -> bool:
    """The clause asks something itself (a question word, an A-not-A: 咸不咸, 辣不辣, or one ending in 不)."""
    return bool(ASKING_WORD.search(clause) or ENDS_IN_NOT.search(clause) or A_NOT_A.search(clause)
                or CONFIRMING.search(clause))

_COUNTED = re.compile(r"[钱块元斤克个只分秒天小时号点]|一")
# Regional question words said the standard way, so one set of cue patterns reads every resident:
# Southwestern Mandarin (咋个, 啷个, 啥子, 没得, 莫得, 得不得, 好多钱, 要好久), Northern and Northeastern
# (咋, 咋整, 多钱), Henan (中不中), Hubei and Cantonese-influenced 几多 and 几个钟, and 几min as typed on a phone.
# From dialect dictionaries and everyday usage, not from any question file; each row only touches a
# question word, never a product word.
_DIALECT = (
    (re.compile(r"(咋|怎么)整|咋办"), "怎么办"),
    (re.compile(r"咋样"), "怎么样"),  # how is it: the 样 stays
    (re.compile(r"咋个|咋|啷个"), "怎么"),
    (re.compile(r"啥子|啥"), "什么"),
    (re.compile(r"没得|莫得"), "没有"),
    (re.compile(r"得不得"), "会不会"),
    (re.compile(r"中不中"), "行不行"),
    (re.compile(r"(好多|几多)(钱|块)"), r"多少\2"),
    (re.compile(r"几多"), "多少"),
    (re.compile(r"几钱"), "多少钱"),  # 一份几钱: Southern speech
    (re.compile(r"(?<![很好许太挺那这])多钱"), "多少钱"),  # 多钱一斤: the spoken contraction
    (re.compile(r"(?<=[几少\d])\s*mins?(?![a-zA-Z])", re.IGNORECASE), "分钟"),  # 几min, 5min: typed English units
    (re.compile(r"(礼拜|星期)(?=[一二三四五六日天])"), "周"),  # 礼拜三, 星期三: labels and listings write 周三
    (re.compile(r"几个钟(?!头)"), "几个小时"),  # Cantonese and Southern speech: 几个钟 is how many hours
    (re.compile(r"好久(?=(啊|呀|哦|嘛)?([，,。？?！!]|$)|能|才|可以)|(?<=[要得等])好久"), "多久"),
)
_FULL_WIDTH = str.maketrans({chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                                 *range(0xFF41, 0xFF5B)]})


def _end_a_not_a(text: str) -> str:
    """A break after a phrase holding an A-not-A question, with words after the A-not-A, becomes a comma."""
    out, start = [], 0
    for match in _PHRASE_BREAK.finditer(text):
        phrase = text[start:match.start()].rpartition("，")[2]
        asked = list(A_NOT_A.finditer(phrase))
        ends = bool(asked) and (asked[-1].end() < len(phrase) or asked[-1].group(1) not in _TAKES_OBJECT)
        ends = ends or bool(_WH_END.search(phrase) and not _COUNTED.match(text, match.end())) or bool(ENDS_IN_NOT.search(phrase))
        following = _PHRASE_BREAK.split(text[match.end():], maxsplit=1)[0]
        ends = ends or bool(ASKING_WORD.search(phrase) and ASKING_WORD.search(following))  # 有啥过敏原 要煮多久
        out.append(text[start:match.start()] + ("，" if ends else match.group(0)))
        start = match.end()
    return "".join(out) + text[start:]


def clean_message(text: str) -> str:
    """The question a resident asked, in Simplified characters, without chat wrapping."""
    text = to_simplified(text.translate(_FULL_WIDTH))
    text = _QUOTE.sub("", text)
    for pattern in (_MENTION, _EMOJI_CODE, _EMOJI):
        text = pattern.sub(" ", text)
    text = _BREAK_AFTER_QUESTION.sub("，", text.strip())
    text = _end_a_not_a(text)
    text = _two_questions(text)
    text = _PARTICLE_THEN_I.sub("，", text)
    text = _SPACE_BETWEEN_HAN.sub("", text)
    text = _REPEATED.sub(r"\1", text).strip(" ，,")
    for _ in range(3):  # 团长，请问一下… / …谢谢团长，急
        stripped = _CLOSING.sub("", _OPENING.sub("", text))
        if stripped == text:
            break
        text = stripped
    for pattern, standard in _DIALECT:
        text = pattern.sub(standard, text)
    return text or "？"
