# Two commands for a new machine: `make run` and `make test`. Both install into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CORPUS ?= ../shared/corpus

.PHONY: install run test unit integration e2e lint format schemas eval eval-newswire eval-real bench clean contract fuzz soak

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall when the project's dependencies change; nothing is installed outside .venv.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/sitrep up

test: install lint
	$(BIN)/python -m pytest

unit: install
	$(BIN)/python -m pytest tests/unit

integration: install
	$(BIN)/python -m pytest tests/integration

e2e: install
	$(BIN)/python -m pytest tests/e2e

# Style, complexity and size limits, the architecture's import contracts, and strict types.
lint: install
	$(BIN)/ruff check schemas services evaluation tests bench scripts
	$(BIN)/ruff format --check schemas services evaluation tests bench scripts
	$(BIN)/python scripts/check_limits.py schemas services evaluation
	$(BIN)/lint-imports
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix schemas services evaluation tests bench scripts
	$(BIN)/ruff format schemas services evaluation tests bench scripts

schemas: install
	$(BIN)/python -m schemas.generate

eval: install
	$(BIN)/sitrep eval $(CORPUS)

eval-newswire: install  # the project's own regression corpus (corpus/README.md)
	$(BIN)/sitrep eval corpus

eval-real: install  # five rounds of real news, each scored unseen before it joined (corpus/real/README.md)
	$(BIN)/sitrep eval corpus/real

bench: install
	$(BIN)/python -m bench.bench_extractor
	$(BIN)/python -m bench.run

# Schemathesis against both OpenAPI documents (real processes, API keys on), many examples;
# `make test` runs the same with a few.
contract: install
	SITREP_CONTRACT_EXAMPLES=$${SITREP_CONTRACT_EXAMPLES:-200} $(BIN)/python -m pytest tests/e2e/test_contract.py

# More than 10,000 generated inputs for the ingest model and the extractor's entry point.
fuzz: install
	SITREP_FUZZ=1 $(BIN)/python -m pytest tests/unit/test_fuzz.py

# 10,000 articles from 8 clients through the real services; prints counts and times.
soak: install
	$(BIN)/python -m bench.soak

clean:
	rm -rf $(VENV) .sitrep .pytest_cache .ruff_cache *.egg-info
