"""Text helpers for drafts: sentences, tidying model output, trimming to a length."""

from __future__ import annotations

import re

SENTENCE_RE = re.compile(r"[^。！？!?\n]+[。！？!?]*[”’」』\"]?|\n")
CLAUSE_CUTS = "，,；;、 "
_PREAMBLE = re.compile(r"^(好的|当然|以下是|下面是|这是)[^。！？\n]{0,30}[：:]\s*")
_MARKUP = re.compile(r"\*\*|__|`|^#+\s*|^\s*[-*•]\s+|^\s*\d+[.、)]\s+", re.MULTILINE)


def split_sentences(text: str) -> list[str]:
    """Sentences with their end punctuation; the pieces join back to the text (minus blanks)."""
    return [s for s in SENTENCE_RE.findall(text) if s.strip()]


def clean_model_text(text: str) -> str:
    """Drop the model's preamble, Markdown and quotes, and sentences it repeated."""
    text = _MARKUP.sub("", _PREAMBLE.sub("", text.strip()))
    text = re.sub(r"^[\"“「]|[\"”」]$", "", text.strip())
    text = re.sub(r"【([^】]*)】[：:]?", r"\1：", text)  # echoed headings: 【橄榄油】 -> 橄榄油：
    seen: set[str] = set()
    kept = []
    for sentence in split_sentences(_join_lines(text)):
        key = re.sub(r"\W", "", sentence)
        if key and key not in seen:
            seen.add(key)
            kept.append(sentence.strip())
    return "".join(kept)


def _join_lines(text: str) -> str:
    """A line break ends a sentence: keep it as 。 where the line has no end punctuation."""
    lines = [line.strip().rstrip("：:") for line in text.splitlines() if line.strip().rstrip("：:")]
    return "".join(line if line[-1] in "。！？!?；;，," else line + "。" for line in lines)


def trim_text(text: str, limit: int) -> str:
    """At most `limit` characters, cut after a whole sentence (or clause), never inside a number."""
    if len(text) <= limit:
        return text
    out = ""
    for sentence in split_sentences(text):
        if len(out) + len(sentence) > limit:
            break
        out += sentence
    if out:
        return out.strip()
    head = text[:limit]
    cut = max(head.rfind(c) for c in CLAUSE_CUTS)
    if cut <= 0:
        cut = limit
        while cut > 0 and (head[cut - 1].isdigit() or head[cut - 1] in ".．" or text[cut:cut + 1].isdigit()):
            cut -= 1
    return head[:cut].rstrip(CLAUSE_CUTS) + "。" if cut < limit else head
