"""Split documents and transcripts into retrievable chunks.

Markdown is split at headings first (so a heading stays with its text), then long sections at
Chinese sentence and clause boundaries. Every chunk starts with its breadcrumb ("西红柿炒鸡蛋的做法
> 操作"), so a sub-chunk of a long section still names the dish it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from pipelines.transcript import Transcript

HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]
SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", "，", "、", " ", ""]


@dataclass
class Chunk:
    chunk_id: str
    source_id: str  # the id a citation names: the document id, or rec:<id>@<start> for transcripts
    text: str
    meta: dict = field(default_factory=dict)


def _splitter(size: int, overlap: int) -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter(
        chunk_size=size, chunk_overlap=overlap, separators=SEPARATORS, keep_separator="end",
    )


def _sections(text: str, title: str) -> list[tuple[str, str]]:
    """(breadcrumb, body) per heading section; text before any heading gets the title."""
    docs = MarkdownHeaderTextSplitter(HEADERS, strip_headers=True).split_text(text)
    out = []
    for doc in docs:
        crumbs = [doc.metadata[k] for _, k in HEADERS if doc.metadata.get(k)]
        if not crumbs or (title and title not in crumbs[0]):
            crumbs.insert(0, title)
        body = doc.page_content.strip()
        if body:
            out.append((" > ".join(c for c in crumbs if c), body))
    return out


def chunk_document(doc_id: str, text: str, title: str, *, max_chars: int = 400, overlap: int = 40) -> list[Chunk]:
    """Chunks of at most about `max_chars`, each prefixed with its heading breadcrumb."""
    chunks: list[Chunk] = []
    for crumb, body in _sections(text, title):
        size = max(max_chars - len(crumb) - 1, 100)
        for piece in _splitter(size, overlap).split_text(body):
            meta = {"heading": crumb}
            chunks.append(Chunk(f"{doc_id}#{len(chunks)}", doc_id, f"{crumb}\n{piece.strip()}", meta))
    return chunks


def chunk_transcript(recording_id: str, transcript: Transcript, title: str,
                     *, min_s: float = 30.0, max_s: float = 60.0) -> list[Chunk]:
    """Windows of whole segments, 30-60 s long, each keeping its start and end time."""
    windows: list[list] = []
    for seg in transcript.segments:
        if not seg.text.strip():
            continue
        current = windows[-1] if windows else None
        if current is None or seg.end - current[0].start > max_s or current[-1].end - current[0].start >= min_s:
            windows.append([seg])
        else:
            current.append(seg)
    return [_window_chunk(recording_id, title, w) for w in windows]


def _window_chunk(recording_id: str, title: str, segments: list) -> Chunk:
    start, end = segments[0].start, segments[-1].end
    chunk_id = f"rec:{recording_id}@{int(start)}"
    text = f"{title}（{_clock(start)}-{_clock(end)}）\n" + "".join(s.text.strip() for s in segments)
    return Chunk(chunk_id, chunk_id, text, {"start": float(start), "end": float(end)})


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"
