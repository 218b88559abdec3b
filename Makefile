# The two commands: `make run` serves the bundled content, `make test` runs every test.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint build bench clean messages

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

# After changing user-facing text: re-extract it and update every catalogue, then translate
# the new entries (tests/test_catalogues.py fails until each language has them all).
messages: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k t -k nt:1,2 --add-location=file --sort-output \
		--project=hipapp --copyright-holder="hipapp" -o hipapp/locales/messages.pot .
	$(VENV)/bin/pybabel update -i hipapp/locales/messages.pot -d hipapp/locales \
		--no-fuzzy-matching --ignore-obsolete

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf build static/gen .pytest_cache
