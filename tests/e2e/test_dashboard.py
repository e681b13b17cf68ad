"""The dashboard in a real browser: Debian's headless Chromium, driven by Playwright.

Playwright is pointed at /usr/bin/chromium and never downloads a browser of its own.
Screenshots land in .sitrep/screenshots/ for people to look at.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest

from services.ingest.commands import latest_year
from tests.e2e.conftest import Services, start_stack

CHROMIUM = Path(os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SCREENSHOTS = ROOT / ".sitrep" / "screenshots"
# Headless on a closed network: no sandbox as root, and none of Chromium's calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
WAIT_MS = 60_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"no Chromium at {CHROMIUM}: install Debian's with `apt-get install -y chromium` "
    "(or set SITREP_CHROMIUM to another Chromium binary)",
)

NEW_STRIKE_TEXT = (
    "Jets strike border town\n\n"
    "Russian warplanes bombed a bakery in the Syrian town of Saraqeb on Monday, killing at least "
    "six people, rescue workers said. Moscow denied that its aircraft had struck any civilian target.\n"
)


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """A stack of the dashboard's own: these tests count every strike it holds, so no other
    test may add any, and they add strikes no other test expects."""
    yield from start_stack(tmp_path_factory)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def post_article(services: Services, payload: dict[str, Any]) -> str:
    response = httpx.post(f"{services.ingest}/articles", json=payload, timeout=30)
    assert response.status_code == 202, response.text
    return str(response.json()["article_id"])


def wait_extracted(services: Services, article_id: str) -> None:
    """Until the article is projected: the API waits up to 30 s a call; a busy machine may need more."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        response = httpx.get(
            f"{services.read}/articles/{article_id}", params={"wait": "true", "wait_ms": "30000"}, timeout=40
        )
        if response.status_code == 200 or time.monotonic() > deadline:
            break
    assert response.json().get("status") == "extracted", response.text


@pytest.fixture(scope="module")
def corpus_posted(services: Services) -> list[str]:
    """Every labelled article of corpus/, posted over HTTP and extracted."""
    ids = []
    for gold in sorted((CORPUS / "gold").glob("*.json")):
        meta = json.loads(gold.read_text(encoding="utf-8"))["article"]
        body = (CORPUS / meta["file"]).read_text(encoding="utf-8")
        payload = {k: meta.get(k) for k in ("title", "source", "published_at")}
        ids.append(post_article(services, {**payload, "id": f"dash-{meta['id']}", "body": body}))
    for article_id in ids:
        wait_extracted(services, article_id)
    return ids


def all_strikes(services: Services, **params: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": "500", **({"cursor": cursor} if cursor else {})}
        page = httpx.get(f"{services.read}/strikes", params=query, timeout=30).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def shoot(page: Any, name: str, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path), full_page=full_page)
    return path


def busiest_actor(strikes: list[dict[str, Any]]) -> str:
    counts: dict[str, int] = {}
    for strike in strikes:
        counts[strike["actor"]] = counts.get(strike["actor"], 0) + 1
    return max(sorted(counts), key=lambda actor: counts[actor])


def test_dashboard_shows_filters_opens_and_follows_strikes(
    services: Services, corpus_posted: list[str], browser: Any
) -> None:
    from playwright.sync_api import expect

    strikes = all_strikes(services)
    assert strikes, "the corpus gave no strikes"
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{services.read}/")

    # Strikes on the timeline (dated ones) and in the table (all of them).
    rows = page.locator("#strike-table tbody tr[data-strike-key]")
    expect(rows).to_have_count(len(strikes), timeout=WAIT_MS)
    dated = [s for s in strikes if s["date"]]
    expect(page.locator("#timeline .mark-g")).to_have_count(len(dated))
    expect(page.locator("#live-badge")).to_have_attribute("data-state", "live", timeout=WAIT_MS)
    shoot(page, "dashboard.png")

    # Filter by one actor: only its strikes stay, in the table and on the timeline.
    actor = busiest_actor(strikes)
    of_actor = all_strikes(services, actor=actor)
    page.select_option("#filter-actor", actor)
    expect(rows).to_have_count(len(of_actor), timeout=WAIT_MS)
    for text in rows.locator("td:nth-child(2) button").all_inner_texts():
        assert text.startswith(actor)
    expect(page.locator("#timeline .lane")).to_have_count(1)

    # One strike's claims, side by side: a column per source, each with who says what.
    chosen = max(of_actor, key=lambda s: (len(s["sources"]), len(s["claims"])))
    page.locator(f'#strike-table tr[data-strike-key="{chosen["strike_key"]}"] button').click()
    dialog = page.locator("#strike-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".source")).to_have_count(len(chosen["sources"]))
    expect(dialog.locator(".claims li")).to_have_count(len(chosen["claims"]))
    parties = {claim["by"].strip().casefold() for claim in chosen["claims"]}
    expect(dialog.locator(".party")).to_have_count(len(parties))
    evidence = chosen["sources"][0]["evidence"][0]["sentence"]
    expect(dialog.locator(".evidence").first).to_contain_text(evidence[:40])
    shoot(page, "dashboard-claims.png")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    # A new article's strike appears without a reload, marked as new.
    page.click("#strike-filters button[type=reset]")
    expect(rows).to_have_count(len(strikes), timeout=WAIT_MS)
    day = 1 + uuid.uuid4().int % 27
    # Next year: later than any corpus strike, and within what ingest accepts (to the end of next year).
    published = f"{latest_year()}-0{1 + uuid.uuid4().int % 9}-{day:02d}"
    article_id = post_article(
        services, {"title": "Jets strike border town", "body": NEW_STRIKE_TEXT, "published_at": published}
    )
    fresh = page.locator("#strike-table tr.fresh")
    expect(fresh).to_have_count(1, timeout=WAIT_MS)
    expect(fresh).to_contain_text("Russia")
    expect(fresh).to_contain_text(published[:4])
    new = [s for s in all_strikes(services) if any(x["article_id"] == article_id for x in s["sources"])]
    assert [fresh.get_attribute("data-strike-key")] == [s["strike_key"] for s in new]
    assert not errors, errors
    page.close()


CONTRAST_FAILURES = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (node) => {
    for (let n = node; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const failures = [];
  for (const node of document.querySelectorAll("body *")) {
    const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
    if (!own || !node.getClientRects().length || node.closest(".visually-hidden,.skip")) continue;
    const style = getComputedStyle(node);
    const [a, b] = [lum(rgb(style.color)), lum(background(node))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const text = node.textContent.trim().slice(0, 30);
    if (ratio < need) failures.push(`${node.tagName}.${node.className} ${ratio.toFixed(2)}: ${text}`);
  }
  return failures;
}"""


def test_dashboard_narrow_keyboard_and_contrast(
    services: Services, corpus_posted: list[str], browser: Any
) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{services.read}/")
    expect(page.locator("#strike-table tbody tr[data-strike-key]").first).to_be_visible(timeout=WAIT_MS)
    # Nothing wider than the screen but the panels that scroll on their own.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "dashboard-narrow.png", full_page=False)

    # Keyboard alone: Tab to the first strike in the table, Enter opens it, Escape closes it.
    first = page.locator("#strike-table tbody button").first
    for _ in range(200):
        page.keyboard.press("Tab")
        if first.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("the table's first strike is not reachable by Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#strike-dialog")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#strike-dialog")).to_be_hidden()
    assert first.evaluate("b => b === document.activeElement"), "focus did not come back to the strike"

    for view in ("strikes", "speakers", "articles", "dead-letters"):
        page.goto(f"{services.read}/#{view}")
        expect(page.locator(f"#view-{view}")).to_have_attribute("data-loaded", "true", timeout=WAIT_MS)
        assert page.evaluate(CONTRAST_FAILURES) == [], view
        shoot(page, f"dashboard-narrow-{view}.png", full_page=False)
    page.close()


def test_dashboard_speakers_articles_and_dead_letters(
    services: Services, corpus_posted: list[str], browser: Any
) -> None:
    import redis
    from playwright.sync_api import expect

    speakers = httpx.get(f"{services.read}/speakers", params={"limit": "500"}, timeout=30).json()["items"]
    speaker = max((s for s in speakers if s["name"]), key=lambda s: (s["articles"], s["statements"]))
    statements = httpx.get(
        f"{services.read}/statements", params={"speaker": speaker["speaker_key"], "limit": "500"}, timeout=30
    ).json()["items"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{services.read}/#speakers")
    expect(page.locator("#view-speakers")).to_have_attribute("data-loaded", "true", timeout=WAIT_MS)
    page.fill("#speaker-q", speaker["name"])
    button = page.locator(f'#speaker-list button[data-speaker-key="{speaker["speaker_key"]}"]')
    button.click()
    panel = page.locator("#speaker-statements")
    expect(panel.locator(".article-group")).to_have_count(len({s["article_id"] for s in statements}))
    direct = sum(s["kind"] == "direct" for s in statements)
    expect(panel.locator(".tag-direct")).to_have_count(direct)
    expect(panel.locator(".tag-indirect")).to_have_count(len(statements) - direct)
    shoot(page, "dashboard-speakers.png")

    page.goto(f"{services.read}/#articles")
    articles = httpx.get(f"{services.read}/articles", params={"limit": "100"}, timeout=30).json()["items"]
    expect(page.locator("#article-table tbody tr[data-article-id]")).to_have_count(len(articles))
    expect(page.locator(f'#article-table tr[data-article-id="{corpus_posted[0]}"]')).to_contain_text(
        "Extracted"
    )

    # A dead letter made while the page is open shows up on its page, with its reason.
    page.goto(f"{services.read}/#dead-letters")
    expect(page.locator("#view-dead-letters")).to_have_attribute("data-loaded", "true", timeout=WAIT_MS)
    client = redis.Redis.from_url(services.env["REDIS_URL"], decode_responses=True)
    stream = f"{services.env['SITREP_KEY_PREFIX']}:articles"
    entry = {"event_type": "ArticleReceived", "data": "not json " + uuid.uuid4().hex}
    bad_id = cast(str, client.xadd(stream, entry))  # type: ignore[arg-type]
    client.close()
    letter = page.locator(f'#dead-list li[data-source-entry-id="{bad_id}"]')
    expect(letter).to_contain_text("unreadable", timeout=WAIT_MS)
    shoot(page, "dashboard-dead-letters.png")
    page.close()
