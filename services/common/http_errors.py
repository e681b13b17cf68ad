"""One error model for every 4xx/5xx body of both HTTP APIs, and its OpenAPI declaration.

Every error answers `{"status", "code", "message", "detail"}`: `code` is a stable machine
name (`validation_error`, `unauthorized`, `conflict`...), `message` is for people, and
`detail` lists what was wrong where (for validation: one item per field, as FastAPI's own).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    500: "internal_error",
    503: "unavailable",
    504: "timeout",
}


class ErrorItem(BaseModel):
    loc: list[str | int] = Field(description="Where: e.g. ['body', 'published_at'] or ['query', 'since']")
    msg: str
    type: str


class Error(BaseModel):
    """The body of every error answer of the sitrep APIs."""

    status: int = Field(description="The HTTP status, repeated")
    code: str = Field(description="Stable machine-readable name of the error")
    message: str = Field(description="What went wrong, for people")
    detail: list[ErrorItem] = Field(default_factory=list, description="Per-field problems (validation)")


class ApiError(Exception):
    """Raised by routes and dependencies; rendered as `Error`. `headers` e.g. Retry-After."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        detail: list[ErrorItem] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or CODES.get(status, HTTPStatus(status).phrase.lower().replace(" ", "_"))
        self.headers = headers or {}
        self.detail = detail or []


def error_response(error: ApiError) -> JSONResponse:
    body = Error(status=error.status, code=error.code, message=error.message, detail=error.detail)
    return JSONResponse(body.model_dump(mode="json"), status_code=error.status, headers=error.headers)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: each status documented with the one error model."""
    return {s: {"model": Error, "description": HTTPStatus(s).phrase} for s in statuses}


def _validation_items(exc: RequestValidationError) -> list[ErrorItem]:
    items = []
    for err in jsonable_encoder(exc.errors()):
        loc = [part if isinstance(part, int) else str(part) for part in err.get("loc", [])]
        items.append(ErrorItem(loc=loc, msg=str(err.get("msg", "")), type=str(err.get("type", ""))))
    return items


def allowed_methods(request: Request) -> str:
    """Every method some route serves at this path. Starlette's own 405 names only the
    first route's, though GET and DELETE of one path are two routes."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match is not Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methods))


def install_error_model(app: FastAPI) -> None:
    """Route every error (ours, FastAPI's validation, Starlette's 404/405) through `Error`."""

    async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc)

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        items = _validation_items(exc)
        return error_response(ApiError(422, "the request is not valid", detail=items))

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        return error_response(ApiError(exc.status_code, message, headers=headers))

    async def on_bug(request: Request, exc: Exception) -> JSONResponse:
        # Starlette logs the traceback and re-raises; the client still gets the error model.
        return error_response(ApiError(500, "internal error"))

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(Exception, on_bug)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
