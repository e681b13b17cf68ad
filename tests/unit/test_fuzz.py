"""Property tests: the ingest model and the extractor's entry point never crash, whatever
they are given, and what they accept or return keeps its invariants.

The default run tries a few hundred inputs; `make fuzz` (SITREP_FUZZ=1) tries more than
ten thousand. Hypothesis' deadline bounds every single input, so a hang or a blow-up in
cost fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import re
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from spacy.language import Language

from schemas.wire import from_fields, to_fields
from services.extractor.extraction import extract
from services.ingest.commands import EARLIEST_YEAR, SubmitArticle, latest_year
from services.ingest.publishing import article_received
from tests.factories import TEST_PRODUCER

FUZZ = os.environ.get("SITREP_FUZZ") == "1"
MODEL_EXAMPLES = 10_000 if FUZZ else 300
EXTRACTOR_EXAMPLES = 2_500 if FUZZ else 100
PER_INPUT = {"deadline": 20_000, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}

C0 = re.compile(r"[\x00-\x1f\x7f]")
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
FIELDS = ("title", "body", "id", "source", "url", "published_at", "language")
DATES = st.dates().map(date.isoformat) | st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z") | st.integers()
TEXT = st.text(max_size=200) | st.sampled_from(["", " ", "\t", "a\x00b", "ok", "\u2028", "x" * 1001])


def _payload() -> st.SearchStrategy[dict[str, Any]]:
    """Mostly the real field names with hostile values, sometimes anything at all."""
    value = TEXT | DATES | JSON
    fields = st.dictionaries(st.sampled_from(FIELDS), value, max_size=len(FIELDS))
    return st.one_of(fields, st.dictionaries(st.text(max_size=10), JSON, max_size=4)).map(dict)


@settings(max_examples=MODEL_EXAMPLES, **PER_INPUT)  # type: ignore[arg-type]
@given(_payload())
def test_the_ingest_model_accepts_only_what_it_can_publish(payload: dict[str, Any]) -> None:
    try:
        article = SubmitArticle.model_validate(payload)
    except ValidationError:
        return
    assert article.title.strip() and not C0.search(article.title)
    assert article.body.strip() and not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", article.body)
    if article.published_at is not None:
        assert EARLIEST_YEAR <= article.published_at.year <= latest_year()
    event = article_received(article, TEST_PRODUCER)
    assert from_fields(to_fields(event)) == event


@settings(max_examples=MODEL_EXAMPLES, **PER_INPUT)  # type: ignore[arg-type]
@given(st.text(min_size=1, max_size=300), st.text(min_size=1, max_size=300))
def test_the_ingest_model_and_its_schema_agree_on_text(title: str, body: str) -> None:
    """The OpenAPI patterns and the validation are one rule: what one takes the other takes."""
    schema = SubmitArticle.model_json_schema()["properties"]
    for field, value in (("title", title), ("body", body)):
        # JSON Schema's `$` (ECMA) ends the text; Python's also matches before a last newline.
        pattern = re.sub(r"\$$", r"\\Z", schema[field]["pattern"])
        by_schema = re.search(pattern, value) is not None
        try:
            SubmitArticle.model_validate({"title": "t", "body": "b", field: value})
            by_model = True
        except ValidationError:
            by_model = False
        assert by_schema == by_model, (field, value)


WORDS = st.sampled_from(
    [
        "said",
        "told",
        "Reuters",
        "\u201c",
        "\u201d",
        '"',
        "'",
        "airstrike",
        "drone",
        "killed",
        "at least",
        "12",
        "dozens",
        "Monday",
        "yesterday",
        "last September",
        "Russia",
        "Syria",
        "Aleppo",
        "the ministry",
        "he",
        "she",
        "a senior official",
        "\n\n",
        ",",
        ".",
        "(",
        ")",
        "ISIS",
        "coalition",
        "rebels",
        "bombed",
        "shelled",
        "hospital",
        "according to",
        "-",
        ":",
    ]
)
ARTICLE = st.lists(WORDS | st.text(max_size=12), max_size=120).map(" ".join) | st.text(max_size=400)


@settings(max_examples=EXTRACTOR_EXAMPLES, **PER_INPUT)  # type: ignore[arg-type]
@given(ARTICLE, st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_extraction_never_crashes_and_spans_point_into_the_text(
    nlp: Language, text: str, published_at: date | None
) -> None:
    result = extract(nlp, text, published_at)
    for statement in result.statements:
        span = statement.span
        assert 0 <= span.start <= span.end <= len(text)
    assert isinstance(result.to_json_dict(), dict)
