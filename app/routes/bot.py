from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from app.deps import CtxDep, TenantDep
from app.errors import Unauthorized, invalid_request
from app.schemas.bot import BotConfig, BotMessage, BotReply
from app.services import bot as service

router = APIRouter(prefix="/v1/bot", tags=["bot"])
_gates = service.GroupGates()


@router.post("/webhook", response_model=BotReply)
async def webhook(request: Request, ctx: CtxDep,
                  x_wutong_tenant: Annotated[str | None, Header()] = None,
                  x_wutong_signature: Annotated[str | None, Header()] = None) -> BotReply:
    """A group message forwarded by a chat bridge, signed with the tenant's bot secret:
    X-Wutong-Signature = hex HMAC-SHA256(secret, f"{ts}.{raw body}"), ts = the message's `ts`."""
    tenant = await run_in_threadpool(service.webhook_tenant, ctx, x_wutong_tenant)
    body = await request.body()  # capped by the body-limit middleware
    ts = service.signed_ts(body)
    service.verify(tenant, x_wutong_signature, ts, body, ctx.settings.bot.max_skew_s)  # before parsing JSON
    try:
        msg = BotMessage.model_validate_json(body)
    except ValidationError as exc:
        raise invalid_request(exc) from None
    if msg.ts != ts:  # another "ts" than the message's own was signed
        raise Unauthorized("签名不正确", code="bad_signature")
    # One group's burst is answered in turn, waiting here without holding a worker thread, so the
    # other groups' questions still find free threads.
    async with _gates.gate(tenant.id, msg.group_id):
        return BotReply(**await run_in_threadpool(service.handle_message, ctx, tenant, msg))


@router.get("/config", response_model=BotConfig)
def bot_config(ctx: CtxDep, tenant: TenantDep) -> BotConfig:
    """What a chat bridge needs: the tenant id and the signing secret (API key required)."""
    return BotConfig(**service.bot_config(ctx, tenant))
