"""Errors as HTTP: the one domain-error -> status table, and the body every error has:
{"error": {"code", "message"}} (the message in Chinese, for the leader). Never a bare 500 for bad input.

Code anywhere raises a domain error (pipelines/errors.py, or the app-level ones below); only this
module knows HTTP statuses.
"""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from pipelines.errors import (
    Conflict,
    GroundingError,
    InvalidInput,
    MediaError,
    ModelUnavailable,
    NotFound,
    PromptError,
    TooLarge,
    WutongError,
)

log = logging.getLogger("wutong.http")


class Unauthorized(WutongError):
    code = "unauthorized"
    headers = {"WWW-Authenticate": "Bearer"}


class RateLimited(WutongError):
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after_s: int = 60, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.retry_after_s = retry_after_s
        self.headers = {"Retry-After": str(retry_after_s)}


class InvalidRequest(InvalidInput):
    """A request body that does not match its schema (what FastAPI's own validation answers with 422)."""

    code = "invalid_request"


class Cancelled(WutongError):
    """The job was cancelled, or what it works on was deleted: it must not write anything back."""

    code = "cancelled"


STATUS: dict[type[WutongError], int] = {
    WutongError: 500, InvalidInput: 400, InvalidRequest: 422, MediaError: 415, TooLarge: 413, NotFound: 404,
    Conflict: 409, Cancelled: 409, Unauthorized: 401, RateLimited: 429, GroundingError: 422,
    ModelUnavailable: 503, PromptError: 500,
}
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 409: "conflict", 413: "too_large", 415: "unsupported_media",
              422: "invalid_request", 429: "rate_limited"}


class ErrorDetail(BaseModel):
    code: str
    """Stable machine-readable name, e.g. `too_many_jobs`, `storage_full`, `invalid_comments`."""
    message: str
    """What went wrong, in Chinese, for the leader."""


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


ERROR_DESCRIPTIONS = {
    400: "Bad input (a malformed file, form or parameter)", 401: "Missing or wrong API key, or an expired session",
    404: "No such resource for this tenant", 409: "Conflicts with the resource's state (e.g. a job already ended)",
    413: "Body over its size limit, or the tenant's storage is full", 415: "Not a supported media file",
    422: "Request does not match its schema", 429: "Over a per-tenant limit; see Retry-After",
    500: "Internal error (details in the server log)", 503: "A model is not available",
}
# Every operation documents every error status with the one error body, so generated clients know them.
ERROR_RESPONSES: dict[int | str, dict] = {status: {"model": ErrorBody, "description": text}
                                          for status, text in ERROR_DESCRIPTIONS.items()}


def invalid_request(exc: ValidationError, code: str = "invalid_request") -> InvalidRequest:
    """A pydantic validation error as the domain error routes raise (first problem, where and what)."""
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()))
    return InvalidRequest(f"请求参数有误：{where} {first.get('msg', '')}".strip(), code=code)


def status_for(exc: WutongError) -> int:
    return next(STATUS[cls] for cls in type(exc).__mro__ if cls in STATUS)


SERVER_FAULT = {ModelUnavailable: "模型暂时不可用，请稍后重试（详情见服务日志）",
                PromptError: "生成内容时出现内部错误，请稍后重试"}
_PATH = re.compile(r"(?:[A-Za-z]:\\|/)(?:[\w.@-]+[/\\])+[\w.@-]*")


def public_message(exc: WutongError) -> str:
    """What a leader may read: a server-side fault (a model endpoint's raw error, a template's path) gets a
    plain message, and no message ever shows a server path. The full message goes to the log."""
    fault = next((msg for cls, msg in SERVER_FAULT.items() if isinstance(exc, cls)), None)
    return fault or _PATH.sub("…", exc.message)


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def document_errors(app: FastAPI) -> None:
    """Every operation's error responses are JSON ErrorBody, even on a route whose success is HTML or a file."""
    make_schema = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = make_schema()  # FastAPI caches it as app.openapi_schema: the edit below is done once
            body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
            for operation in (op for path in schema.get("paths", {}).values() for op in path.values()):
                for status, response in operation.get("responses", {}).items():
                    if status.isdigit() and int(status) in ERROR_DESCRIPTIONS:
                        response["content"] = body
        return app.openapi_schema

    app.openapi = openapi


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this request's path."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        if route.matches(request.scope)[0] != Match.NONE:  # PARTIAL: the path matches, the method does not
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WutongError)
    async def _domain(request: Request, exc: WutongError) -> JSONResponse:
        status = status_for(exc)
        if status >= 500:
            log.error("%s: %s", exc.code, exc.message)
        if isinstance(exc, RateLimited) and (memory := getattr(request.app.state, "refusals", None)):
            memory.remember(request.headers.get("authorization", ""), exc.code, public_message(exc),
                            exc.retry_after_s)
        return error_response(status, exc.code, public_message(exc), getattr(exc, "headers", None))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:  # RFC 9110: Allow lists every method of the path, not of one route
            headers["Allow"] = ", ".join(allowed_methods(request))
        return error_response(exc.status_code, HTTP_CODES.get(exc.status_code, "http_error"), str(exc.detail),
                              headers or None)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return error_response(422, "invalid_request", f"请求参数有误：{where} {first.get('msg', '')}".strip())

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal_error", "服务器内部错误，请稍后重试")
