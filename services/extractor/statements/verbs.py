"""Whether a token is a verb that reports speech: the reporting-verb lexicon, matched by lemma.

Its own module so that both the article model and the cue finder can ask without
importing each other.
"""

from __future__ import annotations

from spacy.tokens import Token

from services.extractor.lexicon.speech import PHRASAL_REPORTING_VERBS, QUOTE_ONLY_VERBS, REPORTING_VERBS


def is_reporting_verb(token: Token, quoting: bool = False) -> bool:
    """A verb that reports speech; with `quoting`, also one that only ever introduces a quote ("asked")."""
    # "which officials allege is ...": a relative clause's verb, sometimes tagged as a noun
    if token.pos_ != "VERB" and not (token.pos_ == "NOUN" and token.dep_ == "relcl") or token.dep_ == "amod":
        return False
    lemma = token.lemma_.lower()
    if quoting and lemma in QUOTE_ONLY_VERBS:
        return True
    return lemma in REPORTING_VERBS or any(
        (lemma, c.lower_) in PHRASAL_REPORTING_VERBS for c in token.children
    )
