"""Character error rate for Mandarin, with the usual text normalisation (for tests and benchmarks).

Both sides are normalised the same way: Traditional -> Simplified, punctuation and spaces
dropped, and Arabic numerals read out as Chinese numerals (whisper writes "30", references
write 三十), so that a CER counts recognition errors, not number formatting.
"""

from __future__ import annotations

import re
import unicodedata

from pipelines.zh import to_chinese, to_simplified

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def normalize_for_cer(text: str, *, numbers: bool = True) -> str:
    text = to_simplified(unicodedata.normalize("NFKC", text))
    if numbers:
        text = _NUMBER.sub(lambda m: to_chinese(m.group()), text)
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
