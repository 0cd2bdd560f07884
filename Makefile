# Two commands matter on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ROWS   ?= 1000
SEED   ?= 7

.PHONY: demo test unit check lint typecheck lock services services-down bench clean browser cluster-test

# Installs the pinned versions in requirements.lock (make lock rewrites it from the venv).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e ".[dev,services,llm,live,serve]"
	touch $(STAMP)

venv: $(STAMP)

## Fresh machine: install, generate sample data, run the embedded pipeline, score it, write the report.
demo: $(STAMP)
	$(BIN)/signalpipe generate --rows $(ROWS) --seed $(SEED)
	$(BIN)/signalpipe run --input data/full_data.csv --output-dir output
	$(BIN)/signalpipe eval --truth data/full_data.truth.jsonl --output-dir output
	$(BIN)/signalpipe email --output-dir output --preview > /dev/null
	@echo "report: output/pipeline_results.md, output/report.html"
	@echo "update: output/investor_update.md, .html, .eml"

## Fresh machine: install everything, lint and type-check src/ and tests/, start Kafka, Cassandra,
## PostgreSQL and Redis, run every test. CI (.ci/run) calls this, so lint and mypy are enforced.
test: lint typecheck browser
	$(BIN)/signalpipe services up
	$(BIN)/pytest -q -p no:cacheprovider --timeout=900 --ignore=tests/cluster

## The three-node cluster fault suite (issue 16), apart from `make test` for now: its test process
## crashed with a segmentation fault in some runs (2 of 5 while it was written, 1 of 2 CI runs on
## 2026-12-07) and the cause is not known yet. It starts the cluster itself (about 11 minutes).
cluster-test: $(STAMP)
	PYTHONFAULTHANDLER=1 $(BIN)/pytest -q -p no:cacheprovider --timeout=900 tests/cluster

## Headless Chromium and its driver for the report-page test (tests/unit/test_report_page.py);
## Debian's packages, installed with apt-get when missing (root, or sudo without a password).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo -n ); \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends \
	    chromium chromium-driver; }

## Fast loop, no servers: the unit tests only (well under a minute).
unit: $(STAMP)
	$(BIN)/pytest -q -p no:cacheprovider tests/unit

check: test

## After changing dependencies in pyproject.toml: resolve them afresh and pin what was installed.
lock:
	rm -rf $(VENV).lock
	$(PYTHON) -m venv $(VENV).lock
	$(VENV).lock/bin/pip install -q --upgrade pip
	$(VENV).lock/bin/pip install -q -e ".[dev,services,llm,live,serve]"
	$(VENV).lock/bin/pip freeze --exclude-editable > requirements.lock
	rm -rf $(VENV).lock

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

services: $(STAMP)
	$(BIN)/signalpipe services up

services-down: $(STAMP)
	$(BIN)/signalpipe services down

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/quality.py

clean:
	rm -rf $(VENV) output data .pytest_cache .mypy_cache .ruff_cache
