"""Serves the dashboard's static files: `/` is the page, `/dashboard/<file>` its script and style.

The files ship inside the package (package-data), so the page needs no build step and loads
nothing from another host; the Content-Security-Policy holds the browser to that.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

router = APIRouter(include_in_schema=False)

MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
}
# Same-origin only: no CDN, no inline script, and the page cannot be framed elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@cache
def static_file(name: str) -> bytes | None:
    """A file of `static/` by plain name (no folders), read once per process; None if absent."""
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    suffix = name[name.rfind(".") :] if "." in name else ""
    if suffix not in MEDIA_TYPES:
        return None
    resource = files(__package__).joinpath("static", name)
    return resource.read_bytes() if resource.is_file() else None


def _serve(name: str) -> Response:
    body = static_file(name)
    if body is None:
        raise HTTPException(404, f"no dashboard file {name}")
    media_type = MEDIA_TYPES[name[name.rfind(".") :]]
    # no-cache: revalidate each load, so a redeployed projector never pairs old and new scripts.
    headers = {**SECURITY_HEADERS, "Cache-Control": "no-cache"}
    return Response(body, media_type=media_type, headers=headers)


@router.get("/", response_class=Response)
async def dashboard() -> Response:
    """The dashboard page."""
    return _serve("index.html")


@router.get("/dashboard/{name}", response_class=Response)
async def dashboard_file(name: str) -> Response:
    """One of the dashboard's scripts or style sheets."""
    return _serve(name)
