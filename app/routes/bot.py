from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, ValidationError

from app.deps import CtxDep, TenantDep
from app.errors import ApiError
from app.schemas.ask import SourcePublic
from app.services import bot as service
from app.store.tenants import get_tenant

router = APIRouter(prefix="/v1/bot", tags=["bot"])
limiter = service.RateLimiter()


class BotMessage(BaseModel):
    msg_id: str = Field(min_length=1, max_length=128)
    group_id: str = Field(min_length=1, max_length=128)
    sender: str = Field(default="", max_length=128)
    text: str = Field(min_length=1, max_length=2000)
    ts: float


class BotReply(BaseModel):
    reply: str | None
    sources: list[SourcePublic]
    handoff: bool
    ignored: bool = False


class BotConfig(BaseModel):
    tenant_id: str
    bot_secret: str
    mentions: list[str]
    rate_per_minute: int


@router.post("/webhook", response_model=BotReply)
async def webhook(request: Request, ctx: CtxDep,
                  x_wutong_tenant: Annotated[str | None, Header()] = None,
                  x_wutong_signature: Annotated[str | None, Header()] = None) -> BotReply:
    """A group message forwarded by a chat bridge, signed with the tenant's bot secret:
    X-Wutong-Signature = hex HMAC-SHA256(secret, f"{ts}.{raw body}"), ts = the message's `ts`."""
    tenant = get_tenant(ctx.db, x_wutong_tenant or "")
    if tenant is None:
        raise ApiError(401, "unknown_tenant", "X-Wutong-Tenant 不对")
    body = await request.body()
    try:
        msg = BotMessage.model_validate_json(body)
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", f"消息格式不对：{exc.errors()[0]['msg']}") from None
    service.verify(tenant, x_wutong_signature, msg.ts, body, ctx.settings.bot.max_skew_s)
    return BotReply(**await run_in_threadpool(service.handle_message, ctx, tenant, limiter, msg))


@router.get("/config", response_model=BotConfig)
def bot_config(ctx: CtxDep, tenant: TenantDep) -> BotConfig:
    """What a chat bridge needs: the tenant id and the signing secret (API key required)."""
    return BotConfig(tenant_id=tenant.id, bot_secret=tenant.bot_secret, mentions=ctx.settings.bot.mentions,
                     rate_per_minute=ctx.settings.bot.rate_per_minute)
