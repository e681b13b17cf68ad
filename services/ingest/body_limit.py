"""An ASGI guard in front of ingest: the content type is checked before the body is read,
and the body is read only up to SITREP_MAX_BODY_BYTES + 1 byte.

Starlette's `request.body()` reads a chunked upload (no Content-Length) to its end before
anyone can look at its size; this guard pulls the chunks itself and answers 413 as soon as
the total passes the cap, so a 200 MB upload costs at most one chunk over the cap.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.common.http_errors import ApiError, error_response

JSON_TYPES = ("application/json",)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


class BodyGuard:
    """415 for a POST to `paths` that is not JSON, 413 for a body over `max_bytes` (declared or sent)."""

    def __init__(self, app: ASGIApp, max_bytes: int, paths: frozenset[str]) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Only the routes that take a body: any other method or path gets the router's 404/405.
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        refusal = self._refuse_by_headers(scope)
        if refusal is None:
            body, refusal = await self._read_capped(receive)
        if refusal is not None:
            await error_response(refusal)(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    def _refuse_by_headers(self, scope: Scope) -> ApiError | None:
        if _media_type(_header(scope, b"content-type")) not in JSON_TYPES:
            return ApiError(415, "send the article as JSON (Content-Type: application/json)")
        declared = _header(scope, b"content-length")
        if declared and declared.strip().isdigit() and int(declared) > self.max_bytes:
            return self._too_big()
        return None

    async def _read_capped(self, receive: Receive) -> tuple[bytes, ApiError | None]:
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return b"", ApiError(400, "the client went away before the body was sent")
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_bytes:
                return b"", self._too_big()
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), None

    def _too_big(self) -> ApiError:
        # Close the connection: the rest of an oversized upload is never read.
        return ApiError(413, f"request body over {self.max_bytes} bytes", headers={"Connection": "close"})


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
