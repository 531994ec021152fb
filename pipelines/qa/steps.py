"""Fit a recipe's steps into one chat message without losing what makes each step work.

A step is cut into clauses. The clauses that carry the recipe's facts (a time, a temperature, the
heat, an amount) and the step's action come first; a step's label (冷水焯水：) stays in front of
what is kept. When even one clause per step is too long, the steps that carry no fact and no
cooking action (将鱼平放在盆中) are left out before any step with a time. Clauses are never cut
in the middle, so an answer never ends in half a word ("将 300g 土豆去").
"""

from __future__ import annotations

import re

_ASIDE = re.compile(r"[（(][^）)]*[）)]")
_CLAUSE = re.compile(r"[^，。；;,！!]+[，。；;,！!]?")
_LABEL = re.compile(r"^([^，。：:]{2,10})[：:]\s*")
# What a cook needs exactly: how long, how hot, until when (the facts a how-to answer must keep),
# and amounts (useful, but the ingredient list has them too).
TIME_OR_HEAT = re.compile(r"\d+\s*(分钟|小时|秒|S\b|℃|度)|[一二两三四五六七八九十半]+(分钟|小时)")
_TIMING = re.compile(TIME_OR_HEAT.pattern + r"|[大中小]火|直到|直至|至[^少多]")
_AMOUNT = re.compile(r"\d+\s*(g|克|ml|毫升|cm|厘米|mm|L|升)")
# Cooking actions (common verbs of Chinese recipe writing): a clause doing one is a step's core.
_ACTION = re.compile(r"[炒煎炸蒸煮炖焖烧烤焯腌拌揉搓擀包卷切剁浇淋倒放加撒翻泡醒烙熬煲炝爆勾收盛]")


def fit_steps(steps: list[str], max_chars: int) -> str:
    """The steps, joined with ；, each reduced to its most useful clauses so the whole fits."""
    parsed = [_parse(_ASIDE.sub("", s).strip()) for s in steps]
    parsed = [p for p in parsed if p[1]]
    if sum(len(_render(label, clauses)) + 1 for label, clauses in parsed) <= max_chars:
        chosen = [clauses for _, clauses in parsed]
    else:
        chosen = _choose(parsed, max_chars)
    text = "；".join(r for (label, _), keep in zip(parsed, chosen) if (r := _render(label, keep)))
    text = re.sub(r"[：:]；", "：", text)  # 制作蘸料：；葱切成葱花: a step announcing the next ones
    return text + "。" if text else ""


def _parse(step: str) -> tuple[str, list[str]]:
    match = _LABEL.match(step)
    label, body = (match.group(1), step[match.end():]) if match else ("", step)
    return label, [c.strip() for c in _CLAUSE.findall(body) if c.strip(" ，,；;。")]


def _score(clause: str, first: bool) -> float:
    timing = 4 if TIME_OR_HEAT.search(clause) else 2 if _TIMING.search(clause) else 0  # 3-5 分钟 over 转大火
    return timing + bool(_AMOUNT.search(clause)) + bool(_ACTION.search(clause)) + 0.5 * first


def _choose(parsed: list[tuple[str, list[str]]], max_chars: int) -> list[list[str]]:
    """Per step the best clause first, then more clauses by score while the budget lasts."""
    ranked = [sorted(range(len(cs)), key=lambda i: -_score(cs[i], i == 0)) for _, cs in parsed]
    keep: list[set[int]] = [{r[0]} for r in ranked]
    used = sum(len(_render(label, [cs[r[0]]])) + 1 for (label, cs), r in zip(parsed, ranked))
    for step in sorted(range(len(parsed)), key=lambda s: _score(parsed[s][1][ranked[s][0]], True)):
        if used <= max_chars:
            break
        if not _TIMING.search(parsed[step][1][ranked[step][0]]):  # a step without a time may go
            used -= len(_render(*_only(parsed[step], ranked[step][0]))) + 1
            keep[step] = set()
    extras = sorted(((s, i) for s, r in enumerate(ranked) if keep[s] for i in r[1:]),
                    key=lambda si: -_score(parsed[si[0]][1][si[1]], False))
    for step, i in extras:
        if used + len(parsed[step][1][i]) <= max_chars:
            keep[step].add(i)
            used += len(parsed[step][1][i])
    return [[cs[i] for i in sorted(k)] for (_, cs), k in zip(parsed, keep)]


def _only(step: tuple[str, list[str]], i: int) -> tuple[str, list[str]]:
    return step[0], [step[1][i]]


def _render(label: str, clauses: list[str]) -> str:
    if not clauses:
        return ""
    body = "，".join(c.rstrip(" ，,；;。！!") for c in clauses)
    return f"{label}：{body}" if label else body
