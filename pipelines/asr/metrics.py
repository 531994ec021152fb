"""Character error rate for Mandarin, with the usual text normalisation (for tests and benchmarks).

Both sides are normalised the same way: Traditional -> Simplified, punctuation and spaces
dropped, and Arabic numerals read out as Chinese numerals (whisper writes "30", references
write 三十), so that a CER counts recognition errors, not number formatting.
"""

from __future__ import annotations

import re
import unicodedata

from pipelines.asr.text import to_simplified

DIGITS = "零一二三四五六七八九"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _read_integer(n: int) -> str:
    """10 -> 十, 35 -> 三十五, 105 -> 一百零五, 2000 -> 两千 is left as 二千 (rare in speech tests)."""
    if n < 10:
        return DIGITS[n]
    if n >= 10**8:
        return "".join(DIGITS[int(d)] for d in str(n))
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        rest = _read_integer(low) if low else ""
        return _read_integer(high) + "万" + ("零" if 0 < low < 1000 else "") + rest
    out, zero = "", False
    for unit, value in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero else "") + DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


def read_number(token: str) -> str:
    """'30' -> 三十, '0.3' -> 零点三; very long digit runs are read digit by digit."""
    whole, _, frac = token.partition(".")
    head = _read_integer(int(whole)) if len(whole) <= 12 else "".join(DIGITS[int(d)] for d in whole)
    return head + ("点" + "".join(DIGITS[int(d)] for d in frac) if frac else "")


def normalize_for_cer(text: str, *, numbers: bool = True) -> str:
    text = to_simplified(unicodedata.normalize("NFKC", text))
    if numbers:
        text = _NUMBER.sub(lambda m: read_number(m.group()), text)
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith(("P", "Z", "S", "C")))


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(reference: str, hypothesis: str, *, numbers: bool = True) -> float:
    """Levenshtein distance over normalised characters, divided by the reference length."""
    ref, hyp = normalize_for_cer(reference, numbers=numbers), normalize_for_cer(hypothesis, numbers=numbers)
    if not ref:
        return float(bool(hyp))
    return edit_distance(ref, hyp) / len(ref)


def corpus_cer(pairs: list[tuple[str, str]], *, numbers: bool = True) -> float:
    """Total edits over total reference characters (not a mean of per-clip rates)."""
    refs = [normalize_for_cer(r, numbers=numbers) for r, _ in pairs]
    hyps = [normalize_for_cer(h, numbers=numbers) for _, h in pairs]
    total = sum(len(r) for r in refs)
    return sum(edit_distance(r, h) for r, h in zip(refs, hyps)) / max(total, 1)
