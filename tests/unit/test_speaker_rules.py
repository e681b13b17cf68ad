"""Each speaker-resolution rule alone, on sentences written for these tests.

A rule answers a speaker, NOT_A_SPEAKER, or DOES_NOT_APPLY; the table in
`services.extractor.statements.speakers.rules.RULES` tries them in order.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from services.extractor.statements.speakers import rules
from services.extractor.statements.speakers.rules import (
    DOES_NOT_APPLY,
    NOT_A_SPEAKER,
    Answer,
    SpeakerResolver,
)
from services.extractor.statements.speakers.speaker import Speaker


def ask(nlp: Language, rule: rules.Rule, text: str, word: str, earlier: tuple[str, ...] = ()) -> Answer:
    """What `rule` answers for the last token `word` of `text`, after the `earlier` words were resolved."""
    doc = nlp(text)
    resolver = SpeakerResolver(doc, [False] * len(doc))
    for before in earlier:
        resolver.resolve(_last(doc, before), speaking=True)
    return rule(resolver, _last(doc, word), True)


def _last(doc: Doc, word: str) -> Token:
    return [t for t in doc if t.text == word][-1]


def speaker(answer: Answer) -> Speaker:
    assert isinstance(answer, Speaker), answer
    return answer


def test_a_person_pronoun_is_the_latest_person_of_its_gender(nlp: Language) -> None:
    text = "Maria Lopez visited the clinic on Monday. She said the beds were full."
    assert speaker(ask(nlp, rules.person_pronoun, text, "She", ("Maria",))).name == "Maria Lopez"


def test_a_person_pronoun_with_nobody_before_is_no_speaker(nlp: Language) -> None:
    assert ask(nlp, rules.person_pronoun, "He said the beds were full.", "He") is NOT_A_SPEAKER


def test_it_is_the_latest_organisation(nlp: Language) -> None:
    text = "The Harbour Authority closed the port. It said the cranes were damaged."
    found = speaker(ask(nlp, rules.thing_pronoun, text, "It", ("Authority",)))
    assert (found.name, found.kind) == ("Harbour Authority", "org")


def test_another_pronoun_is_no_speaker_and_a_noun_is_passed_on(nlp: Language) -> None:
    assert ask(nlp, rules.other_pronoun, "We said the road was closed.", "We") is NOT_A_SPEAKER
    assert (
        ask(nlp, rules.other_pronoun, "The ministry said the road was closed.", "ministry") is DOES_NOT_APPLY
    )


def test_one_of_a_group_is_the_group(nlp: Language) -> None:
    found = speaker(ask(nlp, rules.one_of, "One of the engineers said the bridge would hold.", "One"))
    assert (found.kind, found.title) == ("anonymous", "engineers")


def test_a_description_with_a_name_beside_it_is_the_name(nlp: Language) -> None:
    text = "The monitoring group Coast Watch said three boats sank."
    assert speaker(ask(nlp, rules.apposed_name, text, "group")).name == "Coast Watch"


def test_the_person_apposed_to_the_one_served_holds_the_role(nlp: Language) -> None:
    text = "A spokesman for Governor Anna Novak, Ivan Petrov, said the roads were closed."
    assert speaker(ask(nlp, rules.role_beside_named, text, "spokesman")).name == "Ivan Petrov"


def test_state_media_is_a_body(nlp: Language) -> None:
    found = speaker(ask(nlp, rules.state_media, "Ruritanian state media said the dam was repaired.", "media"))
    assert found.kind == "org"


def test_a_description_apposed_to_a_name_is_that_person(nlp: Language) -> None:
    text = "Fatima Ahmed, a teacher who lives nearby, said the school was hit."
    assert speaker(ask(nlp, rules.described_person, text, "teacher")).name == "Fatima Ahmed"


def test_a_name_is_the_person(nlp: Language) -> None:
    text = "Peter Vance said the convoy had left."
    assert speaker(ask(nlp, rules.named_person, text, "Vance")).name == "Peter Vance"
    assert (
        ask(nlp, rules.named_person, "The ministry said the convoy had left.", "ministry") is DOES_NOT_APPLY
    )


def test_a_document_speaks_for_its_author_or_its_issuer(nlp: Language) -> None:
    assert speaker(ask(nlp, rules.document, "An AFP tally showed 40 deaths.", "tally")).name == "AFP"
    text = "The Harbour Authority issued a statement. The statement said the port would reopen."
    assert speaker(ask(nlp, rules.document, text, "statement", ("Authority",))).name == "Harbour Authority"


def test_an_unnamed_role_is_an_anonymous_source(nlp: Language) -> None:
    found = speaker(ask(nlp, rules.unnamed_role, "A senior official said the convoy had left.", "official"))
    assert (found.kind, found.title) == ("anonymous", "senior official")


def test_a_capitalised_title_without_a_name_is_a_role(nlp: Language) -> None:
    found = speaker(ask(nlp, rules.capitalised_title, "The President said the convoy had left.", "President"))
    assert (found.kind, found.name) == ("anonymous", None)


def test_a_date_is_no_speaker(nlp: Language) -> None:
    assert ask(nlp, rules.not_a_source, "Monday saw heavy rain.", "Monday") is NOT_A_SPEAKER


def test_an_indefinite_noun_that_speaks_is_an_unnamed_person(nlp: Language) -> None:
    found = speaker(ask(nlp, rules.indefinite_person, "A carpenter said the roof fell in.", "carpenter"))
    assert (found.kind, found.title, found.plural) == ("anonymous", "carpenter", False)


def test_a_body_noun_is_an_organisation(nlp: Language) -> None:
    found = speaker(ask(nlp, rules.organisation, "The ministry said the convoy had left.", "ministry"))
    assert (found.kind, found.name) == ("org", "ministry")


def test_a_plural_noun_that_speaks_is_a_group(nlp: Language) -> None:
    found = speaker(ask(nlp, rules.speaking_group, "The rebels said the convoy had left.", "rebels"))
    assert (found.kind, found.plural) == ("org", True)


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.__name__)
def test_every_rule_passes_on_a_word_it_is_not_about(nlp: Language, rule: rules.Rule) -> None:
    """A preposition is nobody: each rule either passes it on or, for the date rule, refuses it."""
    assert ask(nlp, rule, "The road to the port was closed.", "to") in (DOES_NOT_APPLY, NOT_A_SPEAKER)
