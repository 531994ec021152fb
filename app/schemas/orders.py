from __future__ import annotations

from pydantic import BaseModel, Field

from app.store.orders import StoredJielong
from pipelines.orders import MAX_CHARS


class JielongCreate(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_CHARS, description="The 接龙 as pasted from the group chat.")
    recording_id: str | None = Field(default=None, description="The stream it belongs to: pasting again replaces it.")


class OrderItemPublic(BaseModel):
    sku: str
    name: str
    qty: float
    unit: str | None
    written: str
    selling_qty: float | None
    flag: str | None


class OrderPublic(BaseModel):
    no: int
    name: str | None
    building: str | None
    room: str | None
    phone_masked: str | None
    items: list[OrderItemPublic]
    note: str | None
    line: str


class UnreadablePublic(BaseModel):
    no: int | None
    text: str
    why: str


class SkuTotalPublic(BaseModel):
    sku: str
    name: str
    qty: float
    unit: str
    orders: int


class BuildingTotalPublic(BaseModel):
    building: str
    orders: int
    items: dict[str, float]


class JielongPublic(BaseModel):
    id: str
    recording_id: str | None
    version: int
    current: bool
    created_at: float
    lines: int
    orders: list[OrderPublic]
    unreadable: list[UnreadablePublic]
    totals: list[SkuTotalPublic]
    buildings: list[BuildingTotalPublic]

    @classmethod
    def of(cls, stored: StoredJielong) -> JielongPublic:
        return cls(id=stored.id, recording_id=stored.recording_id, version=stored.version,
                   current=stored.current, created_at=stored.created_at, **stored.result)


class JielongSummary(BaseModel):
    id: str
    recording_id: str | None
    version: int
    current: bool
    created_at: float
    orders: int
    unreadable: int

    @classmethod
    def of(cls, stored: StoredJielong) -> JielongSummary:
        return cls(id=stored.id, recording_id=stored.recording_id, version=stored.version,
                   current=stored.current, created_at=stored.created_at,
                   orders=len(stored.result["orders"]), unreadable=len(stored.result["unreadable"]))


class JielongList(BaseModel):
    data: list[JielongSummary]
    count: int
