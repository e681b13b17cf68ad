"""The article's title reaches the rules as its headline; spans stay offsets into the body."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from services.extractor.extraction import extract, split_title

BODY = (
    "Turkish drones struck a fuel depot in the town of Qamishli on Tuesday, killing four guards, "
    "local officials said.\n\n"
    "\u201cThe fire burned all night,\u201d said Rami Haddad, the town's mayor."
)


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("Drones hit depot\n\nThe body.", "Drones hit depot", "The body."),
        ("No title line here.", None, "No title line here."),
        ("First line\nsecond line\n\nbody", None, "First line\nsecond line\n\nbody"),
        ("\n\nbody", None, "\n\nbody"),
    ],
)
def test_a_plain_text_article_has_a_title_when_a_blank_line_follows_its_first_line(
    text: str, title: str | None, body: str
) -> None:
    assert split_title(text) == (title, body)


def test_spans_are_offsets_into_the_body_whatever_the_title(nlp: Language) -> None:
    titled = extract(
        nlp, BODY, date(2024, 5, 15), title="\u201cThe fire burned all night\u201d: drones hit depot"
    )
    untitled = extract(nlp, BODY, date(2024, 5, 15))
    assert [s.span for s in titled.statements] == [s.span for s in untitled.statements]
    for statement in titled.statements:
        assert statement.quote in BODY[statement.span.start : statement.span.end]
    for strike in titled.strikes:
        assert all(BODY[e.span.start : e.span.end] == e.sentence for e in strike.evidence)


def test_a_quote_the_headline_repeats_is_the_body_s_statement_alone(nlp: Language) -> None:
    titled = extract(nlp, BODY, date(2024, 5, 15), title="\u201cThe fire burned all night,\u201d mayor says")
    quotes = [s.quote for s in titled.statements]
    assert quotes.count("The fire burned all night") == 1


def test_the_rules_read_the_headline_from_the_title(nlp: Language) -> None:
    body = (
        "A drone strike hit a fuel depot in the Syrian town of Qamishli on Tuesday, killing four guards, "
        "officials said.\n\nThe depot supplied the region's bakeries."
    )
    (strike,) = extract(
        nlp, body, date(2024, 5, 15), title="Turkish drone strike kills four in Qamishli"
    ).strikes
    assert (strike.actor, strike.kind, strike.date) == ("Turkey", "drone strike", "2024-05-14")
    assert extract(nlp, body, date(2024, 5, 15)).strikes == []  # the body alone names no attacker
