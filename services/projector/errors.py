"""The projector API's errors, all in the one error model (services/common/http_errors.py)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from services.common.dead_letter_admin import AlreadyResolved, InvalidEntryId, UnknownDeadLetter
from services.common.http_errors import ApiError, error_response, install_error_model
from services.projector.queries import InvalidCursor


def _retry_after(request: Request) -> str:
    return str(request.app.state.runtime.settings.retry_after_s)


def install_errors(app: FastAPI) -> None:
    install_error_model(app)

    async def invalid(request: Request, exc: Exception) -> JSONResponse:
        return error_response(ApiError(422, str(exc)))

    async def unknown(request: Request, exc: Exception) -> JSONResponse:
        return error_response(ApiError(404, str(exc)))

    async def resolved(request: Request, exc: Exception) -> JSONResponse:
        return error_response(ApiError(409, str(exc)))

    async def redis_down(request: Request, exc: Exception) -> JSONResponse:
        # The client reconnects by itself on the next command once Redis is back.
        message = "Redis is unavailable; try again"
        return error_response(ApiError(503, message, headers={"Retry-After": _retry_after(request)}))

    app.add_exception_handler(InvalidCursor, invalid)
    app.add_exception_handler(InvalidEntryId, invalid)
    app.add_exception_handler(UnknownDeadLetter, unknown)
    app.add_exception_handler(AlreadyResolved, resolved)
    # Only unavailability is a 503: a command Redis refuses is a bug, and stays a 500.
    app.add_exception_handler(RedisConnectionError, redis_down)
    app.add_exception_handler(RedisTimeoutError, redis_down)
    app.add_exception_handler(ConnectionError, redis_down)
