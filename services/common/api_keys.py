"""API keys for the HTTP APIs: `Authorization: Bearer <key>` or `X-API-Key: <key>`.

Writes need one of SITREP_API_KEY's keys when it is set; reads need one of
SITREP_READ_API_KEY's when that is set (a write key reads too). The keys are compared in
constant time and never logged. Both schemes are declared in OpenAPI whether or not keys
are configured, so a client can be written before a deployment turns them on.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from services.common.http_errors import ApiError

bearer = HTTPBearer(auto_error=False, description="`Authorization: Bearer <key>`")
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="`X-API-Key: <key>`")

Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
HeaderKey = Annotated[str | None, Depends(api_key_header)]


def key_matches(given: str | None, keys: frozenset[str]) -> bool:
    if not given:
        return False
    candidate = given.encode()
    # Compare against every key, so the time taken says nothing about which one nearly matched.
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(candidate, key.encode())
    return matched


def _given(request: Request, header: str | None) -> list[str]:
    """Every credential the request carries. An Authorization header that is not a bearer
    token counts as a wrong key, not as no key."""
    given = [] if header is None else [header]
    authorization = request.headers.get("authorization")
    if authorization is not None:
        scheme, _, token = authorization.partition(" ")
        given.append(token.strip() if scheme.lower() == "bearer" else "")
    return given


def _check(keys: frozenset[str], request: Request, header: str | None) -> None:
    if not keys:
        return
    given = _given(request, header)
    # Every credential sent must be right: a wrong one beside a right one is refused too.
    if not given or not all(key_matches(g, keys) for g in given):
        raise ApiError(
            401,
            "a valid API key is required (Authorization: Bearer <key> or X-API-Key: <key>)",
            headers={"WWW-Authenticate": "Bearer"},
        )


KeysOf = Callable[[Request], frozenset[str]]


def require_key(keys_of: KeysOf) -> Callable[[Request, Bearer, HeaderKey], Awaitable[None]]:
    """A FastAPI dependency that refuses a request without one of `keys_of(request)`."""

    async def dependency(request: Request, credentials: Bearer, header: HeaderKey) -> None:
        # `credentials` is declared so OpenAPI shows the bearer scheme; the raw header is
        # read in `_given`, since HTTPBearer hides a header of another scheme.
        del credentials
        _check(keys_of(request), request, header)

    return dependency
