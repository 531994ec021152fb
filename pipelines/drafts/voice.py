"""The voice check: does this read like a leader talking to neighbours, not a chatbot or a spec sheet?

Rules (each violation names its rule): no assistant phrases; no field labels or semicolon lists;
no sentence said twice in a script; no question the leader cannot answer (a question must be put
to the audience); the audience addressed in the plural, never as 您; each product segment says how
to eat or use it. Used as a gate on the model's rewrites and as the test of every draft.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipelines.catalog import FIELD_LABELS
from pipelines.zh import split_sentences

# What a chat assistant says and a leader on air never does (from common assistant boilerplate).
ASSISTANT_PHRASES = ("我明白了", "请告诉我", "作为AI", "作为一个AI", "作为人工智能", "人工智能", "语言模型",
                     "希望对你有帮助", "希望对您有帮助", "希望能帮到", "有什么可以帮", "很高兴为您", "为您服务",
                     "以下是", "如下：", "总结一下", "综上所述", "当然可以", "您需要什么帮助")
ASSISTANT_OPENERS = re.compile(r"^(好的|明白了|当然|没问题)[，,！!。]")
FIELD_LABEL = re.compile("(" + "|".join(map(re.escape, {*FIELD_LABELS.values(), "价格", "规格", "储存"})) + ")[：:]")
SEMICOLON = re.compile(r"[；;]")
AUDIENCE = ("家人们", "邻居们", "大家", "各位", "姐妹们", "你们", "邻居")
# A question is one the audience answers: votes, 扣1, "想不想要", "有没有问题".
AUDIENCE_QUESTION = re.compile(r"家人们|邻居|大家|你们|谁|扣|投票|评论区|想不想|要不要|有没有|好不好|行不行")
SINGULAR_YOU = re.compile(r"您")
# Words that say how a food is eaten or a thing is used (everyday cooking verbs).
USE_WORDS = re.compile(r"吃|喝|炒|拌|煮|蒸|煎|炖|烤|炸|泡|冲|涮|蘸|做|煲|焯|烧|包|熬|腌|用|当|配|抹|打|适合")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
MIN_REPEAT_CHARS = 6


@dataclass(frozen=True)
class VoiceViolation:
    rule: str  # assistant, label, semicolon, repeat, question, address, singular, no_use; copy: length, long_line, emoji, jielong, hashtags
    text: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.text}"


def sentence_violations(text: str) -> list[VoiceViolation]:
    """Rules that hold for any talk or copy, sentence by sentence."""
    found: list[VoiceViolation] = []
    for sentence in split_sentences(text):
        said = QUOTED.sub("", sentence)
        if any(p in said for p in ASSISTANT_PHRASES) or ASSISTANT_OPENERS.match(said.strip()):
            found.append(VoiceViolation("assistant", sentence))
        if FIELD_LABEL.search(said):
            found.append(VoiceViolation("label", sentence))
        if SEMICOLON.search(said):
            found.append(VoiceViolation("semicolon", sentence))
        if re.search(r"[？?]", said) and not AUDIENCE_QUESTION.search(said):
            found.append(VoiceViolation("question", sentence))
        if SINGULAR_YOU.search(said):
            found.append(VoiceViolation("singular", sentence))
    return found


def check_talk(talk: str, *, product: bool = False) -> list[VoiceViolation]:
    """One segment's talk: sentence rules, the audience addressed, and (products) how to eat it."""
    found = sentence_violations(talk)
    if not any(a in talk for a in AUDIENCE):
        found.append(VoiceViolation("address", talk[:30]))
    if product and not USE_WORDS.search(talk):
        found.append(VoiceViolation("no_use", talk[:30]))
    return found


def _key(sentence: str) -> str:
    return re.sub(r"[\W_]+", "", sentence)


def repeated_sentences(texts: list[str]) -> list[VoiceViolation]:
    """Sentences said more than once across the texts of one script."""
    counts = Counter(k for text in texts for s in split_sentences(text) if len(k := _key(s)) >= MIN_REPEAT_CHARS)
    return [VoiceViolation("repeat", k) for k, n in counts.items() if n > 1]


def check_script_voice(segments: list[tuple[str, str]]) -> list[VoiceViolation]:
    """Every rule over a script given as (kind, talk) pairs."""
    found = [v for kind, talk in segments for v in check_talk(talk, product=kind == "product")]
    return found + repeated_sentences([talk for _, talk in segments])


# Copy: (fewest, most) characters per kind, the hashtags included; a group message under the
# minimum says nothing, over the maximum nobody reads it in a chat.
COPY_LENGTHS = {"announcement": (40, 300), "product_blurb": (30, 120), "follow_up": (30, 200), "clip_caption": (10, 80)}
GROUP_MESSAGES = ("announcement", "product_blurb", "follow_up")
MAX_LINE_CHARS, MAX_EMOJI = 40, 2
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
LINK = re.compile(r"https?://\S+")


def check_copy_voice(kind: str, full_text: str, hashtags: list[str],
                     lengths: tuple[int, int] | None = None) -> list[VoiceViolation]:
    """Copy rules: the sentence rules, the kind's length range, and its platform's conventions
    (group message: short lines, emoji sparingly, the 接龙 format at the end; caption: hashtags)."""
    low, high = lengths or COPY_LENGTHS[kind]
    body = LINK.sub("", full_text)
    for tag in hashtags:
        body = body.replace(tag, "")
    found = sentence_violations(body)
    if not low <= len(full_text) <= high:
        found.append(VoiceViolation("length", f"{len(full_text)} not in {low}-{high}"))
    if kind in GROUP_MESSAGES:
        found += [VoiceViolation("long_line", line) for line in body.splitlines() if len(line) > MAX_LINE_CHARS]
        if len(EMOJI.findall(body)) > MAX_EMOJI:
            found.append(VoiceViolation("emoji", body[:30]))
    if kind == "announcement" and "接龙" not in "".join(body.strip().splitlines()[-3:]):
        found.append(VoiceViolation("jielong", body[-30:]))
    if kind == "clip_caption" and not hashtags:
        found.append(VoiceViolation("hashtags", full_text))
    return found
