from __future__ import annotations

from pydantic import BaseModel, Field

from app.schemas.ask import SourcePublic


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
