from __future__ import annotations

import pytest
from spacy.language import Language

from services.extractor.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by its tier's folder, so `-m "not e2e"` and friends work."""
    for item in items:
        for tier in ("integration", "e2e"):
            if f"tests/{tier}/" in str(item.path).replace("\\", "/"):
                item.add_marker(getattr(pytest.mark, tier))
