# Two entry points for a fresh machine: `make serve` and `make test`.
# Everything installs into .venv/ at the repo root from requirements-dev.lock (pinned,
# hashes checked; --no-deps, as the lock is the whole set); requirements.lock is the site's
# share of it, for the Pages build.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV ?= $(BIN)/uv
# The interpreter and platform the locks are resolved for: CI's and the Pages runner's.
LOCK := pip compile pyproject.toml --quiet --generate-hashes --python-version 3.11.5 \
	--python-platform linux --no-header --annotation-style line

.PHONY: serve build test lint browser clean lock

$(STAMP): requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Pin pyproject.toml's ranges again, keeping each pin the ranges still allow (delete a line
# to take that package's newest); the dev lock takes the site's pins as they are.
lock: $(STAMP)
	$(UV) $(LOCK) -o requirements.lock
	$(UV) $(LOCK) --extra dev -c requirements.lock -o requirements-dev.lock

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
