"""The dashboard's static files: served from the package, only by plain name, every import present."""

from __future__ import annotations

import re
from importlib.resources import files

import httpx
from fastapi import FastAPI

from services.projector.dashboard.routes import router, static_file

STATIC = files("services.projector.dashboard").joinpath("static")


async def get(path: str) -> httpx.Response:
    app = FastAPI()
    app.include_router(router)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://dash") as client:
        return await client.get(path)


async def test_page_is_served_with_a_same_origin_policy() -> None:
    response = await get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert '<script type="module" src="/dashboard/app.js">' in response.text


async def test_scripts_and_styles_are_served_with_their_types() -> None:
    assert (await get("/dashboard/app.js")).headers["content-type"].startswith("text/javascript")
    assert (await get("/dashboard/style.css")).headers["content-type"].startswith("text/css")


async def test_only_plain_names_of_known_types_are_served() -> None:
    for name in ("../routes.py", "..%2Froutes.py", "routes.py", ".hidden.js", "missing.js"):
        assert (await get(f"/dashboard/{name}")).status_code == 404, name
    assert static_file("a/b.js") is None and static_file("..\\x.css") is None


def test_every_module_a_script_imports_is_shipped_and_nothing_comes_from_elsewhere() -> None:
    scripts = [f for f in STATIC.iterdir() if f.name.endswith(".js")]
    html = STATIC.joinpath("index.html").read_text(encoding="utf-8")
    texts = [html, *(s.read_text(encoding="utf-8") for s in scripts)]
    for text in texts:
        assert not re.search(r"""(src|href|from)\s*=?\s*["'](https?:)?//""", text), "a file loads from a host"
        for name in re.findall(r"""from\s+["']\./([\w.]+)["']""", text):
            assert static_file(name) is not None, f"import of missing {name}"
    assert {"app.js", "style.css"} <= {f.name for f in STATIC.iterdir()}
