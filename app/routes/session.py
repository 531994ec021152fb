"""Who am I, and the web console's sign-in: a cookie so <video> and download links can read media."""

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from app.deps import SESSION_COOKIE, StoreDep, TenantDep
from app.errors import ApiError
from app.store.tenants import Tenant, tenant_for_key

router = APIRouter(prefix="/v1", tags=["session"])
COOKIE_MAX_AGE_S = 30 * 24 * 3600


class SessionCreate(BaseModel):
    api_key: str = Field(min_length=1, max_length=200)


class MePublic(BaseModel):
    tenant_id: str
    name: str

    @classmethod
    def of(cls, tenant: Tenant) -> "MePublic":
        return cls(tenant_id=tenant.id, name=tenant.name)


@router.get("/me", response_model=MePublic)
def get_me(tenant: TenantDep) -> MePublic:
    return MePublic.of(tenant)


@router.post("/session", response_model=MePublic)
def create_session(body: SessionCreate, request: Request, response: Response, db: StoreDep) -> MePublic:
    """Check a key and set an HttpOnly, SameSite=Strict cookie with it. The cookie is accepted for
    GET/HEAD only, so another site cannot use it to write; writes still send the Bearer header."""
    tenant = tenant_for_key(db, body.api_key.strip())
    if tenant is None:
        raise ApiError(401, "unauthorized", "API 密钥不对，请检查后重新输入")
    response.set_cookie(SESSION_COOKIE, body.api_key.strip(), max_age=COOKIE_MAX_AGE_S, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https", path="/")
    return MePublic.of(tenant)


@router.delete("/session", status_code=204)
def delete_session() -> Response:
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response
