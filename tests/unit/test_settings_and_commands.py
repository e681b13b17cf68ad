from __future__ import annotations

import pydantic
import pytest

from services.common.settings import Settings
from services.extractor.events import derive_events
from services.extractor.extraction import Extraction
from services.ingest.commands import SubmitArticle
from services.ingest.publishing import article_received
from tests.factories import TEST_PRODUCER, article_event


def test_settings_read_prefixed_env_and_redis_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://example:1/2")
    monkeypatch.setenv("SITREP_KEY_PREFIX", "{blue}")
    monkeypatch.setenv("SITREP_INGEST_PORT", "9000")
    settings = Settings()
    assert settings.redis_url == "redis://example:1/2"
    assert settings.ingest_port == 9000
    assert settings.streams.articles == "{blue}:articles"
    assert settings.streams.dead_letters == "{blue}:dead-letters"


def test_settings_refuse_bad_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    with pytest.raises(pydantic.ValidationError):
        Settings(key_prefix="bad:")
    with pytest.raises(pydantic.ValidationError):
        Settings(max_body_bytes=0)
    with pytest.raises(RuntimeError, match="REDIS_URL"):
        Settings(redis_url=None).require_redis_url()


def test_same_submission_gives_the_same_event_id() -> None:
    command = SubmitArticle(title="t", body="some text", source="wire", url="http://x")
    a, b = article_received(command, TEST_PRODUCER), article_received(command, TEST_PRODUCER)
    assert a.article_id == b.article_id and a.event_id == b.event_id
    other = article_received(command.model_copy(update={"id": "mine"}), TEST_PRODUCER)
    assert other.article_id == "mine"


def test_submission_validation() -> None:
    with pytest.raises(pydantic.ValidationError, match="body"):
        SubmitArticle(title="t", body=" \n ")
    with pytest.raises(pydantic.ValidationError, match="id"):
        SubmitArticle(title="t", body="b", id="has spaces")


def test_derived_event_ids_are_deterministic(nlp) -> None:  # type: ignore[no-untyped-def]
    from services.extractor.extraction import extract

    article = article_event()
    extraction: Extraction = extract(nlp, article.body, article.published_at)
    one = derive_events(article, extraction, TEST_PRODUCER, 1.0)
    two = derive_events(article, extraction, TEST_PRODUCER, 2.0)
    assert [e.event_id for e in one.statements] == [e.event_id for e in two.statements]
    assert one.done.event_id == two.done.event_id
    assert one.done.statement_ids == [e.statement_id for e in one.statements]
    assert len({e.event_id for e in one.statements}) == len(one.statements)
