"""How likely whisper is to write one spelling when another was said: a cost per syllable pair.

Whisper base hears the sound and picks the wrong characters: mostly the same syllable (揭笼 for
接龙), sometimes another tone (团够加 for 团购价), a confusable initial or final (零居 for 邻居),
a dropped or added nasal ending (零军 for 邻居, 灯 for 的) or m for n (牛满 for 牛腩). Anything
further is not a mishearing this pass may undo. Costs are in nats, against the language models'
log-probabilities.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipelines.zh import Syllable, syllable_similarity
from pipelines.zh.pinyin import CLOSE

TONE_COST = 1.0  # same syllable, other tone
CLOSE_COST = 2.0  # a commonly confused initial or final (pinyin.py's pairs)
NASAL_COST = 2.5  # a nasal ending dropped or added (ju/jun, de/deng), or m heard for n
_NASAL_INITIALS = {"m", "n"}
# Initials merged in the lookup key: every pair pinyin.py calls close, and m/n.
_KEY_INITIALS = {"zh": "z", "ch": "c", "sh": "s", "n": "l", "r": "l", "m": "l", "f": "h", "p": "b", "t": "d",
                 "k": "g", "q": "j", "x": "j"}


def _strip_nasal(final: str) -> str:
    return final[:-2] if final.endswith("ng") else final[:-1] if final.endswith("n") and len(final) > 1 else final


def sound_key(syllable: Syllable) -> str:
    """A coarse key: syllables that may be confused with each other share it."""
    return _KEY_INITIALS.get(syllable.initial, syllable.initial) + _strip_nasal(syllable.final)


def syllable_cost(heard: Syllable, said: Syllable) -> float | None:
    """The cost of hearing `said` as `heard`; None when whisper would not confuse them."""
    if not heard.final or not said.final:
        return None
    if heard.toneless == said.toneless:
        return 0.0 if heard.tone == said.tone else TONE_COST
    if syllable_similarity(heard, said) >= CLOSE:
        return CLOSE_COST
    initial_ok = heard.initial == said.initial or {heard.initial, said.initial} == _NASAL_INITIALS
    final_ok = heard.final == said.final or _strip_nasal(heard.final) == _strip_nasal(said.final)
    return NASAL_COST if initial_ok and final_ok else None


def span_cost(heard: Sequence[Syllable], said: Sequence[Syllable], max_changed: int) -> float | None:
    """Total cost over a span, None when a pair is not confusable or more than `max_changed`
    syllables differ in sound (a different tone does not count as a different sound)."""
    total, changed = 0.0, 0
    for a, b in zip(heard, said, strict=True):
        cost = syllable_cost(a, b)
        if cost is None:
            return None
        changed += a.toneless != b.toneless
        total += cost
    return total if changed <= max_changed else None
