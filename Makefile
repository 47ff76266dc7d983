# dyadwatch: `make demo` and `make test` set up everything on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CHROMIUM := /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help install chromium demo test test-fast lint docs bench clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)  ## Create .venv and install dyadwatch with its pinned dependencies

chromium:  ## Install Debian's Chromium for the browser tests (where missing)
	@if [ ! -x $(CHROMIUM) ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; \
	fi

demo: install  ## Code the example articles and build the example event database
	$(BIN)/dyadwatch code examples/articles --date 2025-06-11 --format table
	@if $(BIN)/dyadwatch ingest --help >/dev/null 2>&1 && [ -d examples/corpus ]; then \
		rm -f demo/demo.duckdb; mkdir -p demo; \
		$(BIN)/dyadwatch ingest examples/corpus/*.jsonl --db demo/demo.duckdb && \
		$(BIN)/dyadwatch relations CHN KOR --db demo/demo.duckdb --freq month && \
		echo "Open the pages: $(BIN)/dyadwatch serve --db demo/demo.duckdb  then http://127.0.0.1:8000/"; \
	fi

test: install chromium  ## Run the whole test suite
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

test-fast: install  ## Tests that load no model and drive no browser
	$(BIN)/python -m pytest -q -m "not model and not browser and not slow"

lint: install  ## ruff and mypy
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

docs: install  ## Regenerate docs/cli.md from --help
	$(BIN)/python -m dyadwatch.clidoc > docs/cli.md

bench: install  ## Accuracy and speed figures (see docs/benchmarks.md)
	$(BIN)/python bench/run_all.py

clean:  ## Remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache demo test-artifacts
