"""《广告法》 check: absolute terms and food health claims, found with positions and rewritten.

The lexicon is data (`adlaw_terms.toml`). `check_adlaw` reports flags against the text it was
given; `rewrite_adlaw` returns the text with every flag fixed: an absolute term is swapped for
its suggestion, a medical claim loses its whole clause.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

LEXICON_PATH = Path(__file__).with_name("adlaw_terms.toml")
CLAUSE_END = "，,。！!？?；;\n"


@dataclass(frozen=True)
class AdFlag:
    term: str
    category: str  # "absolute" | "medical"
    start: int  # character offsets in the text that was checked
    end: int
    reason: str
    suggestion: str  # the rewording; "" means the term is deleted

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Category:
    name: str
    reason: str
    action: Literal["replace", "drop_clause"]
    suggestions: dict[str, str]  # term -> suggestion
    pattern: re.Pattern[str]
    allow: re.Pattern[str] | None
    advice: str = ""


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> tuple[Category, ...]:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return tuple(_category(name, spec) for name, spec in data["categories"].items())


def _category(name: str, spec: dict) -> Category:
    suggestions = {term.lower(): suggestion for term, suggestion in spec["terms"]}
    terms = sorted(suggestions, key=len, reverse=True)  # the longest term wins at a position
    allow = "|".join(f"(?:{a})" for a in spec.get("allow", []))
    return Category(
        name=name, reason=spec["reason"], action=spec.get("action", "replace"), suggestions=suggestions,
        pattern=re.compile("|".join(map(re.escape, terms)), re.IGNORECASE),
        allow=re.compile(allow, re.IGNORECASE) if allow else None, advice=spec.get("suggestion", ""),
    )


def check_adlaw(text: str, lexicon: tuple[Category, ...] | None = None) -> list[AdFlag]:
    """Every banned term in `text`, in order of position; phrases in a category's `allow` are fine."""
    flags: list[AdFlag] = []
    for category in lexicon or load_lexicon():
        allowed = [m.span() for m in category.allow.finditer(text)] if category.allow else []
        for match in category.pattern.finditer(text):
            if any(s <= match.start() and match.end() <= e for s, e in allowed):
                continue
            term = match.group()
            suggestion = category.advice or category.suggestions[term.lower()]
            flags.append(AdFlag(term, category.name, match.start(), match.end(), category.reason, suggestion))
    return _without_overlaps(sorted(flags, key=lambda f: (f.start, -(f.end - f.start))))


def _without_overlaps(flags: list[AdFlag]) -> list[AdFlag]:
    kept: list[AdFlag] = []
    for flag in flags:
        if not kept or flag.start >= kept[-1].end:
            kept.append(flag)
    return kept


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in CLAUSE_END) + 1
    rights = [i for i in (text.find(c, end) for c in CLAUSE_END) if i >= 0]
    right = min(rights) if rights else len(text)
    if right < len(text) and text[right] in "，,；;":
        right += 1  # take the comma with the clause so no empty clause is left behind
    return left, right


def rewrite_adlaw(text: str, flags: list[AdFlag], lexicon: tuple[Category, ...] | None = None) -> str:
    """`text` with each flag fixed, working from the end so earlier positions stay valid."""
    actions = {c.name: c.action for c in lexicon or load_lexicon()}
    for flag in sorted(flags, key=lambda f: f.start, reverse=True):
        if flag.end > len(text) or text[flag.start:flag.end].lower() != flag.term.lower():
            continue  # already removed with a clause
        if actions.get(flag.category) == "drop_clause":
            left, right = _clause(text, flag.start, flag.end)
            text = text[:left] + text[right:]
        else:
            text = text[:flag.start] + flag.suggestion + text[flag.end:]
    return tidy_punctuation(text)


def tidy_punctuation(text: str) -> str:
    text = re.sub(r"[，,；;]+(?=[。！？!?]|$)", "", text)
    text = re.sub(r"(^|[。！？!?\n])[，,；;、。！？!?]+", r"\1", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def clean_adlaw(text: str) -> tuple[str, list[AdFlag]]:
    """(rewritten text, flags with positions in the given text)."""
    flags = check_adlaw(text)
    return (rewrite_adlaw(text, flags) if flags else text), flags
