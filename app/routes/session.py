"""Who am I, and the web console's sign-in: a cookie so <video> and download links can read media."""

from fastapi import APIRouter, Request, Response

from app.deps import SESSION_COOKIE, CtxDep, TenantDep
from app.schemas.session import MePublic, SessionCreate
from app.services.tenants import authenticate

router = APIRouter(prefix="/v1", tags=["session"])
COOKIE_MAX_AGE_S = 30 * 24 * 3600


@router.get("/me", response_model=MePublic)
def get_me(tenant: TenantDep) -> MePublic:
    return MePublic.of(tenant)


@router.post("/session", response_model=MePublic)
def create_session(body: SessionCreate, request: Request, response: Response, ctx: CtxDep) -> MePublic:
    """Check a key and set an HttpOnly, SameSite=Strict cookie with it. The cookie is accepted for
    GET/HEAD only, so another site cannot use it to write; writes still send the Bearer header."""
    key = body.api_key.strip()
    tenant = authenticate(ctx, key, "API 密钥不对，请检查后重新输入")
    response.set_cookie(SESSION_COOKIE, key, max_age=COOKIE_MAX_AGE_S, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https", path="/")
    return MePublic.of(tenant)


@router.delete("/session", status_code=204)
def delete_session() -> Response:
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response
