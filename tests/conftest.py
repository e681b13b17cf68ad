from __future__ import annotations

import pytest
from spacy.language import Language

from services.extractor.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()
