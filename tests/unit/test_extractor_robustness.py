"""Pure parts of issue 12's extractor hardening: sections of long texts, spans shifted back
into the whole text, settings that refuse a claim time under the budget, and wire
decoding that fails only with WireError."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError
from spacy.language import Language

from schemas.wire import WireError, decode_fields, from_fields, to_fields
from services.common.settings import Settings
from services.extractor.extraction import Job, extract, extract_many
from services.extractor.text.chunks import chunks
from tests.factories import ARTICLE_TEXT, article_event


@pytest.mark.parametrize("length", [0, 10, 999, 1000, 1001, 5000, 23_456])
def test_sections_cover_the_text_contiguously_within_the_limit(length: int) -> None:
    words = ("Word " * 40 + "ends here. ") * 3 + "\n\n"
    text = (words * (length // len(words) + 1))[:length]
    parts = list(chunks(text, limit=1000))
    assert "".join(p.text for p in parts) == text
    assert all(len(p.text) <= 1000 for p in parts)
    assert [p.start for p in parts] == [sum(len(q.text) for q in parts[:i]) for i in range(len(parts))]


def test_sections_cut_at_paragraphs_first_then_anywhere() -> None:
    paragraphs = ["a" * 300 + "\n\n" for _ in range(10)]
    parts = list(chunks("".join(paragraphs), limit=1000))
    assert all(p.text.endswith("\n\n") for p in parts)
    unbroken = list(chunks("x" * 2500, limit=1000))
    assert [len(p.text) for p in unbroken] == [1000, 1000, 500]


def test_a_long_text_keeps_offsets_into_the_whole_text(nlp: Language) -> None:
    text = (ARTICLE_TEXT + "\n") * 80  # about 22 kB: two sections
    assert len(list(chunks(text))) == 2
    result = extract(nlp, text, date(2024, 3, 14))
    single = extract(nlp, ARTICLE_TEXT, date(2024, 3, 14))
    assert len(result.statements) > len(single.statements)
    for statement in result.statements:
        assert statement.quote[:20] in text[statement.span.start : statement.span.end]
    for strike in result.strikes:
        for evidence in strike.evidence:
            assert text[evidence.span.start : evidence.span.end] == evidence.sentence


def test_extract_many_reports_a_failing_job_and_carries_on(nlp: Language) -> None:
    jobs = [Job(ARTICLE_TEXT, date(2024, 3, 14)), Job(ARTICLE_TEXT, date(1, 1, 1)), Job(ARTICLE_TEXT, None)]
    results = dict(extract_many(nlp, jobs))
    assert sorted(results) == [0, 1, 2]
    assert isinstance(results[1], OverflowError)
    assert results[0] == extract(nlp, ARTICLE_TEXT, date(2024, 3, 14))


def test_settings_refuse_a_claim_time_under_the_budget() -> None:
    with pytest.raises(ValidationError, match="CLAIM_IDLE_MS must exceed"):
        Settings(claim_idle_ms=30_000, extract_timeout_s=30)
    assert Settings(claim_idle_ms=30_001, extract_timeout_s=30).extract_timeout_s == 30


@pytest.mark.parametrize(
    "change",
    [
        {"schema_version": "abc"},
        {"schema_version": ""},
        {"data": b"\xff" + b"{}"},
        {"event_type": b"\xc3\x28"},
        {"data": "[" * 10_000 + "]" * 10_000},
        {"data": '{"body": ' + "{" * 5_000 + "}" * 5_000 + "}"},
        {"data": "1e999999"},
        {"data": json.dumps({"schema_version": True})},
        {"data": json.dumps({"schema_version": "v2"})},
        {"data": json.dumps({"schema_version": 99})},
    ],
)
def test_every_unreadable_entry_raises_wire_error_only(change: dict[str, object]) -> None:
    fields: dict[str, object] = {**to_fields(article_event()), **change}
    with pytest.raises(WireError):
        from_fields(fields)  # type: ignore[arg-type]


def test_lenient_decoding_keeps_bytes_that_are_not_utf8_visible() -> None:
    assert decode_fields({b"data": b"ok \xff"}, lenient=True) == {"data": "ok \\xff"}
    with pytest.raises(WireError):
        decode_fields({b"data": b"ok \xff"})
