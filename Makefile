# Factlight: `make run` opens the app on the sample article, `make test` runs the whole suite.
# Both create .venv and install the project into it when needed; re-running is quick when nothing changed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint bench clean help
.DEFAULT_GOAL := help

help:
	@echo "make run    set up .venv and open Factlight on the sample article"
	@echo "make test   set up .venv with the dev tools and run ruff and pytest"
	@echo "make bench  print the speed figures (tests/bench)"
	@echo "make package        build the desktop bundle dist/factlight/ (PyInstaller)"
	@echo "make package-check  build it and smoke-test the built program"
	@echo "make install-desktop / uninstall-desktop   add or remove the Linux launcher entry"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# One stamp per extra: pip runs again only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	@touch $@ $(VENV)/.installed-run

# The system-library check first: on X11 without libxcb-cursor0 & co. one line says what to install.
run: $(VENV)/.installed-run
	@$(BIN)/python -m desktop.system_libraries
	$(BIN)/factlight $(or $(FILE),resources/sample/rferl-johnson-putin.txt)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench

clean:
	rm -rf $(VENV) build dist *.egg-info

-include packaging/package.mk
