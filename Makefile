# Two entry points for a fresh machine: `make serve` and `make test`.
# Everything installs into .venv/ at the repo root from the pinned requirements.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build test lint browser clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/newsarchive serve

build: $(STAMP)
	$(BIN)/newsarchive build --strict

lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

# The browser tests drive Debian's Chromium (or the one NEWSARCHIVE_CHROMIUM names);
# install it when it is missing.
browser:
	@[ -x "$${NEWSARCHIVE_CHROMIUM:-/usr/bin/chromium}" ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser lint
	$(BIN)/pytest

clean:
	rm -rf site .cache
