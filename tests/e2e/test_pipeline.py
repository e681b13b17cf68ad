"""An article posted over HTTP comes back as statements and strikes from the read API."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.e2e.conftest import Services
from tests.factories import ARTICLE_TEXT, unique_id

STRIKE_TEXT = (
    "Jets pound northern town\n\n"
    "Russian warplanes bombed a hospital in the Syrian town of Maarat al-Numan on Monday, killing at least "
    "nine people, rescue workers said. Moscow denied that its aircraft had struck any civilian target.\n\n"
    '"The building was full of patients," said Ahmad Khalil, a doctor at the hospital. '
    '"We carried them out one by one."\n'
)


def poll(url: str, params: dict[str, str], ready: object, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        body = httpx.get(url, params=params, timeout=10).json()
        if ready(body) or time.monotonic() > deadline:  # type: ignore[operator]
            return body
        time.sleep(0.2)


def test_posted_article_is_extracted_and_served(services: Services) -> None:
    article = {
        "id": unique_id(),
        "title": "Jets pound town",
        "body": STRIKE_TEXT,
        "published_at": "2024-03-13",
    }
    posted = httpx.post(f"{services.ingest}/articles", json=article, timeout=10)
    assert posted.status_code == 202
    article_id = posted.json()["article_id"]

    statements = httpx.get(
        f"{services.read}/statements", params={"wait_for_article": article_id, "wait_ms": "30000"}, timeout=40
    ).json()["items"]
    assert any("patients" in s["quote"] for s in statements)
    assert all(s["article_id"] == article_id for s in statements)
    assert {s["speaker"] for s in statements if "patients" in s["quote"]} == {"Ahmad Khalil"}

    state = httpx.get(f"{services.read}/articles/{article_id}", timeout=10).json()
    assert state["status"] == "extracted" and state["complete"]
    assert state["statements"] == len(statements)

    strikes = httpx.get(f"{services.read}/strikes", params={"actor": "Russia"}, timeout=10).json()["items"]
    assert strikes and strikes[0]["sources"][0]["article_id"] == article_id
    assert strikes[0]["location"]["country"] == "Syria"


def test_posting_twice_publishes_once(services: Services) -> None:
    article = {"title": "Repeat", "body": ARTICLE_TEXT + unique_id()}
    first = httpx.post(f"{services.ingest}/articles", json=article, timeout=10).json()
    second = httpx.post(f"{services.ingest}/articles", json=article, timeout=10).json()
    assert first["article_id"] == second["article_id"] and second["duplicate"]
    body = poll(
        f"{services.read}/articles",
        {"limit": "500"},
        lambda b: sum(a["article_id"] == first["article_id"] for a in b["items"]) == 1,
    )
    assert sum(a["article_id"] == first["article_id"] for a in body["items"]) == 1


def test_publish_cli_and_event_feed(services: Services, tmp_path: Path) -> None:
    text = tmp_path / "story.txt"
    text.write_text(ARTICLE_TEXT + f"\nRef {unique_id()}\n", encoding="utf-8")
    with httpx.stream(
        "GET", f"{services.read}/events", params={"streams": "extractions"}, timeout=30
    ) as feed:
        lines = feed.iter_lines()
        assert next(lines) == ": connected"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "services.cli",
                "publish",
                str(text),
                "--published-at",
                "2024-03-14",
                "--ingest-url",
                services.ingest,
            ],
            env=services.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        article_id = result.stdout.split(": ", 1)[1].split(" ", 1)[0]
        event = data = None
        for line in lines:
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: "):
                data = json.loads(line.removeprefix("data: "))
                if data["article_id"] == article_id:
                    break
    assert event == "ArticleExtracted" and data and data["article_id"] == article_id


def test_unreadable_entry_reaches_dead_letters_and_pipeline_continues(services: Services) -> None:
    import redis

    client = redis.Redis.from_url(services.env["REDIS_URL"], decode_responses=True)
    stream = f"{services.env['SITREP_KEY_PREFIX']}:articles"
    bad_id = client.xadd(stream, {"event_type": "ArticleReceived", "data": "not json"})
    client.close()
    body = poll(
        f"{services.read}/dead-letters", {}, lambda b: any(i["source_entry_id"] == bad_id for i in b["items"])
    )
    (letter,) = [i for i in body["items"] if i["source_entry_id"] == bad_id]
    assert letter["reason"] == "unreadable" and letter["fields"]["data"] == "not json"
    ok = httpx.post(
        f"{services.ingest}/articles", json={"title": "after", "body": ARTICLE_TEXT + unique_id()}
    )
    article_id = ok.json()["article_id"]
    done = httpx.get(
        f"{services.read}/articles/{article_id}", params={"wait": "true", "wait_ms": "30000"}, timeout=40
    ).json()
    assert done["status"] == "extracted"


def test_replay_rebuilds_what_the_live_projector_built(services: Services) -> None:
    article = {"title": "Replay", "body": ARTICLE_TEXT + unique_id()}
    article_id = httpx.post(f"{services.ingest}/articles", json=article, timeout=10).json()["article_id"]
    params = {"article_id": article_id, "wait_for_article": article_id, "wait_ms": "30000"}
    live = httpx.get(f"{services.read}/statements", params=params, timeout=40).json()
    assert live["items"]

    result = subprocess.run(
        [sys.executable, "-m", "services.cli", "replay"],
        env=services.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "entries applied" in result.stdout
    rebuilt = httpx.get(f"{services.read}/statements", params=params, timeout=40).json()
    assert rebuilt == live


def test_publish_cli_reports_bad_files_and_an_unreachable_ingest(services: Services, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text(ARTICLE_TEXT, encoding="utf-8")
    run = [sys.executable, "-m", "services.cli", "publish"]
    options = {"env": services.env, "capture_output": True, "text": True, "timeout": 60}
    bad = subprocess.run([*run, str(broken), "--ingest-url", services.ingest], **options)
    assert bad.returncode == 1 and "broken.json" in bad.stderr
    away = subprocess.run([*run, str(fine), "--ingest-url", "http://127.0.0.1:9"], **options)
    assert away.returncode == 2 and "cannot reach ingest" in away.stderr
