from __future__ import annotations

from pydantic import BaseModel, Field

from app.store.tenants import Tenant


class SessionCreate(BaseModel):
    api_key: str = Field(min_length=1, max_length=200)


class MePublic(BaseModel):
    tenant_id: str
    name: str

    @classmethod
    def of(cls, tenant: Tenant) -> MePublic:
        return cls(tenant_id=tenant.id, name=tenant.name)


class SessionState(BaseModel):
    """Whether the console's cookie is a live session (asked on page load, so it is never a 401)."""

    signed_in: bool
    tenant_id: str | None = None
    name: str | None = None
