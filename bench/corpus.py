"""The articles the benchmarks feed the extractor: every labelled corpus text, repeated."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS_DIRS = (REPO / "corpus" / "articles", REPO.parent / "shared" / "corpus" / "articles")


def corpus_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for d in CORPUS_DIRS for p in sorted(d.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no corpus articles under {[str(d) for d in CORPUS_DIRS]}")
    return texts


def repeated(texts: list[str], count: int) -> list[str]:
    """`count` texts, cycling through the corpus."""
    return [texts[i % len(texts)] for i in range(count)]


def title_and_body(text: str) -> tuple[str, str]:
    """A corpus file's first line is its title."""
    title, _, body = text.partition("\n")
    return title.strip() or "untitled", body.strip() or text
