# Two commands on a fresh machine: `make run` and `make test` (see README).
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
# 127.0.0.1: this machine only (also the default in .streamlit/config.toml). 0.0.0.0: a room network (README).
HOST   ?= 127.0.0.1

.PHONY: run test lint bench clean

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

## Install (first time) and start the app on the demo meeting at http://127.0.0.1:$(PORT)
run: $(VENV)/.runtime-installed
	$(PY) -m facilitation migrate
	$(PY) -m facilitation demo --if-empty  # first start: the demo case, and the demo sign-in printed once
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.address $(HOST)

## Install everything the tests need (Chromium included) and run the whole suite
test: $(VENV)/.dev-installed
	./scripts/system-deps.sh
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(PY) -m pytest

## Issue #14's figures on the big meeting, one JSON line each, and bench/results.md (README: Benchmarks; ~12 min)
bench: $(VENV)/.dev-installed
	./scripts/system-deps.sh
	$(PY) -m bench.run

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
