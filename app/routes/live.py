import json
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from app.deps import CtxDep, TenantDep
from app.schemas.live import (
    ChunkAccepted,
    LiveComment,
    LiveCommentsAccepted,
    LiveCreate,
    LiveDetail,
    LivePublic,
    LivesPublic,
)
from app.services import live as service
from pipelines.errors import InvalidInput, TooLarge

router = APIRouter(prefix="/v1/live", tags=["live"])

MAX_CHUNK_BYTES = 16 << 20  # a MediaRecorder chunk is seconds of media: far below this
MAX_COMMENT_BYTES = 1 << 20


async def _read_capped(request: Request, limit: int) -> bytes:
    """The raw body, refused as soon as it passes `limit` (never read whole first)."""
    body = bytearray()
    async for part in request.stream():
        body += part
        if len(body) > limit:
            raise TooLarge(f"一次最多发送 {limit >> 20} MB", code="body_too_large")
    return bytes(body)


@router.post("", response_model=LivePublic, status_code=201)
def start_live(body: LiveCreate, ctx: CtxDep, tenant: TenantDep) -> LivePublic:
    """Start recording a stream while it is on air: the service pulls `source` (its host must be in
    WUTONG_LIVE__ALLOWED_HOSTS), or, without a source, takes chunks pushed to /v1/live/{id}/chunks.
    Answers at once (state `starting` while the speech model loads). The transcript grows and is
    searchable by the bot during the stream, and highlight candidates are rescored as it grows; at the
    end the stream becomes an ordinary recording (same id) and its kit (highlights, clips, copy) is queued.
    A session survives a service restart: it is picked up again at start-up."""
    return LivePublic.of(service.start_live(ctx, tenant.id, source=body.source, kind=body.kind, title=body.title))


@router.get("", response_model=LivesPublic)
def list_live(ctx: CtxDep, tenant: TenantDep) -> LivesPublic:
    data = [LivePublic.of(s) for s in service.list_live(ctx, tenant.id)]
    return LivesPublic(data=data, count=len(data))


@router.get("/{live_id}", response_model=LiveDetail)
def get_live(live_id: str, ctx: CtxDep, tenant: TenantDep) -> LiveDetail:
    """Recording time, the transcript so far, the current highlight candidates (Chinese titles and
    kind labels), and the recording id once the stream is joined."""
    return LiveDetail.of(service.get_live(ctx, tenant.id, live_id))


@router.post("/{live_id}/chunks", response_model=ChunkAccepted)
async def push_chunk(live_id: str, request: Request, ctx: CtxDep, tenant: TenantDep,
                     seq: Annotated[int, Query(ge=0, le=10_000_000)]) -> ChunkAccepted:
    """One media chunk (the raw bytes, in order from seq 0); a repeated seq with the same bytes is
    acknowledged again without being written, so a client may retry after a lost response."""
    service.get_live(ctx, tenant.id, live_id)
    data = await _read_capped(request, MAX_CHUNK_BYTES)
    ack = await run_in_threadpool(service.push_chunk, ctx, tenant.id, live_id, seq, data)
    return ChunkAccepted(seq=ack.seq, duplicate=ack.duplicate, next_seq=ack.next_seq)


def _comment_lines(data: bytes) -> list[dict]:
    comments = []
    for line in data.decode("utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            comments.append(LiveComment.model_validate(json.loads(line)).model_dump())
        except (ValueError, ValidationError, RecursionError) as exc:
            raise InvalidInput(f"评论格式不对（每行一条 JSON：time、user、text）：{line[:40]}",
                               code="invalid_comment") from exc
    return comments


@router.post("/{live_id}/comments", response_model=LiveCommentsAccepted)
async def push_comments(live_id: str, request: Request, ctx: CtxDep, tenant: TenantDep) -> LiveCommentsAccepted:
    """Live comments as JSON lines ({"time": seconds since start, "user", "text"} per line)."""
    service.get_live(ctx, tenant.id, live_id)
    comments = await run_in_threadpool(_comment_lines, await _read_capped(request, MAX_COMMENT_BYTES))
    return LiveCommentsAccepted(count=service.push_comments(ctx, tenant.id, live_id, comments))


@router.post("/{live_id}/stop", response_model=LivePublic)
def stop_live(live_id: str, ctx: CtxDep, tenant: TenantDep) -> LivePublic:
    """Stop recording; the stream is joined into a recording and its kit queued in the background."""
    return LivePublic.of(service.stop_live(ctx, tenant.id, live_id))
