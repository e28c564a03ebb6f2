# Two entry points for a fresh machine: `make run` (set up, build the index, open the app) and
# `make test` (set up with the test extras, run the whole suite headless).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test index validate relevance bench dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

venv: $(STAMP)

index/manifest.json: $(STAMP) $(shell find content -type f 2>/dev/null)
	$(PY) -m navigator build-index --out index

index: index/manifest.json

run: index/manifest.json
	$(PY) -m navigator

test: $(STAMP)
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
