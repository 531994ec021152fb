"""Errors as HTTP: the one domain-error -> status table, and the body every error has:
{"error": {"code", "message"}} (the message in Chinese, for the leader). Never a bare 500 for bad input.

Code anywhere raises a domain error (pipelines/errors.py, or the app-level ones below); only this
module knows HTTP statuses.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

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
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


def invalid_request(exc: ValidationError, code: str = "invalid_request") -> InvalidRequest:
    """A pydantic validation error as the domain error routes raise (first problem, where and what)."""
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()))
    return InvalidRequest(f"请求参数有误：{where} {first.get('msg', '')}".strip(), code=code)


def status_for(exc: WutongError) -> int:
    return next(STATUS[cls] for cls in type(exc).__mro__ if cls in STATUS)


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WutongError)
    async def _domain(_: Request, exc: WutongError) -> JSONResponse:
        status = status_for(exc)
        if status >= 500:
            log.error("%s: %s", exc.code, exc.message)
        return error_response(status, exc.code, exc.message, getattr(exc, "headers", None))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, HTTP_CODES.get(exc.status_code, "http_error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return error_response(422, "invalid_request", f"请求参数有误：{where} {first.get('msg', '')}".strip())

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal_error", "服务器内部错误，请稍后重试")
