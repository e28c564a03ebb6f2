# Two entry points for a fresh machine: `make run` (set up, build the index, open the app) and
# `make test` (set up with the test extras, run the checks of `make lint`, then the whole suite headless).
# Python 3.12 or newer (see pyproject.toml for why); the first one found on PATH or under pyenv.
PYTHON ?= $(shell for c in python3.12 python3.13 python3 $$HOME/.pyenv/versions/3.12*/bin/python3 \
	$$HOME/.pyenv/versions/3.13*/bin/python3; do $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
	>/dev/null 2>&1 && { echo $$c; break; }; done)
ifeq ($(strip $(PYTHON)),)
$(error Python 3.12 of nieuwer is nodig (PySide6 6.12 werkt niet betrouwbaar met 3.11); installeer het en probeer opnieuw)
endif
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint index validate relevance bench dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

venv: $(STAMP)

index/manifest.json: $(STAMP) $(shell find content navigator/content navigator/search -type f -not -path "*/__pycache__/*" 2>/dev/null)
	$(PY) -m navigator build-index --out index

index: index/manifest.json

run: index/manifest.json
	$(PY) -m compileall -q navigator
	$(PY) -m navigator

# ruff (lint and format), mypy (strict for navigator.content and navigator.search) and the import contracts
# between the layers; all configured in pyproject.toml.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen PYTHONFAULTHANDLER=1 $(PY) -m pytest -q

validate: $(STAMP)
	$(PY) -m navigator validate

relevance: $(STAMP)
	$(PY) benchmarks/relevance.py

bench: $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,bench]"
	$(PY) benchmarks/bench.py

dist: $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,dist]"
	$(PY) packaging/build.py

clean:
	rm -rf $(VENV) index dist build *.egg-info
