"""Scoring the extractor on labelled corpora (`sitrep eval`). The running service never imports this."""
