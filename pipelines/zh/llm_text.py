"""The one clean-up of language-model output: labels, Markdown, quotes and preambles out, repeated
sentences dropped, text cut off by the token limit trimmed back, and length limits met at a
sentence or clause end, never inside a number."""

from __future__ import annotations

import re

SENTENCE_RE = re.compile(r"[^。！？!?\n]+[。！？!?]*[”’」』\"]?|\n")
SENTENCE_ENDS = "。！？!?；～"
CLAUSE_ENDS = "，,；;、 "
_PREAMBLE = re.compile(r"^(好的|当然|以下是|下面是|这是)[^。！？\n]{0,30}[：:]\s*")
_LEADING_OK = re.compile(r"^(好的|好嘞|当然)[，,！!。]\s*")
_LABEL = re.compile(r"^(标题|题目|回答|答案|答|回复|文案|title|answer)\s*[:：]\s*", re.IGNORECASE | re.MULTILINE)
_MARKUP = re.compile(r"\*\*|__|`|\[\d+\]|^#+\s*|^\s*[-*•]\s+|^\s*\d+[.、)]\s+", re.MULTILINE)
_CITATION = re.compile(r"【(?:来源|出处|参考)[^】]*】")
_HEADING = re.compile(r"【([^】]*)】[：:]?")  # echoed headings: 【橄榄油】 -> 橄榄油：
_QUOTES = re.compile(r"^[\"“「『]|[\"”」』]$")


def split_sentences(text: str) -> list[str]:
    """Sentences with their end punctuation; the pieces join back to the text (minus blank lines)."""
    return [s for s in SENTENCE_RE.findall(text) if s.strip()]


def first_line(text: str) -> str:
    return next((line.strip() for line in text.strip().splitlines() if line.strip()), "")


def clean_llm_text(text: str) -> str:
    """Model output as plain sentences: no preamble, label, Markdown, quotes or repeated sentence."""
    text = _LEADING_OK.sub("", _PREAMBLE.sub("", text.strip()))
    text = _MARKUP.sub("", _LABEL.sub("", _CITATION.sub("", text)))
    text = _HEADING.sub(lambda m: m.group(1) + "：", _QUOTES.sub("", text.strip()))
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
    return "".join(line if line[-1] in "。！？!?；;，,～" else line + "。" for line in lines)


def drop_unfinished(text: str) -> str:
    """Text cut off by max_tokens ends mid-sentence: keep it up to its last finished sentence."""
    if not text or text[-1] in SENTENCE_ENDS:
        return text
    end = max(text.rfind(p) for p in SENTENCE_ENDS)
    return text[: end + 1] if end >= len(text) // 3 else text


def fit(text: str, limit: int) -> str:
    """At most `limit` characters: whole sentences, else whole clauses, else a cut marked with …;
    never inside a number."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    sentences = _whole_sentences(text, limit)
    if len(sentences) >= limit // 2:
        return sentences
    head = text[:limit]
    cut = max(head.rfind(c) for c in CLAUSE_ENDS)
    if cut >= limit // 2:
        return head[:cut].rstrip(CLAUSE_ENDS) + "。"
    return sentences or _hard_cut(text, limit)


def _whole_sentences(text: str, limit: int) -> str:
    out = ""
    for sentence in re.findall(rf"[^{SENTENCE_ENDS}]+[{SENTENCE_ENDS}]*", text):
        if len(out) + len(sentence) > limit:
            break
        out += sentence
    return out.strip()


def _hard_cut(text: str, limit: int) -> str:
    cut = limit - 1
    while cut > 0 and (text[cut - 1].isdigit() or text[cut - 1] in ".．" or text[cut].isdigit()):
        cut -= 1
    return text[:cut].rstrip(CLAUSE_ENDS) + "…"
