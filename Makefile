# The two commands: `make run` serves the bundled content, `make test` runs every test.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint build bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/hipapp run

lint: $(STAMP)
	$(VENV)/bin/ruff check hipapp tests bench app.py
	$(VENV)/bin/ruff format --check hipapp tests bench app.py
	$(VENV)/bin/mypy

test: lint
	$(PY) -m pytest

build: $(STAMP)
	$(VENV)/bin/hipapp build

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf build static/gen .pytest_cache
