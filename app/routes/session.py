"""Who am I, and the web console's sign-in: a cookie holding a server-side session id (never the key)."""

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.deps import SESSION_COOKIE, CtxDep, TenantDep
from app.schemas.session import MePublic, SessionCreate, SessionState
from app.services.tenants import end_session, find_session_tenant, start_session

router = APIRouter(prefix="/v1", tags=["session"])


@router.get("/me", response_model=MePublic)
def get_me(tenant: TenantDep) -> MePublic:
    return MePublic.of(tenant)


@router.get("/session", response_model=SessionState)
def get_session(request: Request, ctx: CtxDep) -> SessionState:
    """The console's session, if its cookie holds one that is still valid."""
    tenant = find_session_tenant(ctx, request.cookies.get(SESSION_COOKIE))
    return SessionState(signed_in=True, tenant_id=tenant.id, name=tenant.name) if tenant else SessionState(
        signed_in=False)


@router.post("/session", response_model=MePublic)
def create_session(body: SessionCreate, request: Request, response: Response, ctx: CtxDep) -> MePublic:
    """Check a key and open a session: an HttpOnly, SameSite=Strict cookie with a random session id that
    expires (WUTONG_CONSOLE__SESSION_DAYS) and ends on sign-out or key rotation. The console then sends no key;
    its writes carry the header X-Requested-With: wutong-console, which another site cannot add."""
    tenant, token = start_session(ctx, body.api_key.strip())
    options = ctx.settings.console
    secure = options.secure_cookie if options.secure_cookie is not None else request.url.scheme == "https"
    response.set_cookie(SESSION_COOKIE, token, max_age=round(options.session_days * 86400), httponly=True,
                        samesite="strict", secure=secure, path="/")
    return MePublic.of(tenant)


@router.delete("/session", status_code=204)
async def delete_session(request: Request, ctx: CtxDep) -> Response:
    """Sign out: the session ends on the server too, so a copied cookie stops working."""
    await run_in_threadpool(end_session, ctx, request.cookies.get(SESSION_COOKIE))
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response
