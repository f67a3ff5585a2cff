# Two commands do all the set-up on a fresh machine:
#   make book   builds the book into book/_build/html (creates .venv, installs requirements)
#   make test   runs the whole test suite (also installs Debian's chromium if it is missing)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= data

.PHONY: book test test-fast serve lint clean explorer benchmark

$(BIN)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

book: $(BIN)/.installed
	$(BIN)/python scripts/build_book.py --data $(DATA)

test: $(BIN)/.installed
	bash scripts/install_chromium.sh
	bash scripts/install_test_tools.sh
	$(BIN)/python -m pytest --nbval-lax tests explorer

# Builds nothing: the unit, data and script tests (the book's notebooks are executed by the build in `make test`).
test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -m "not build and not browser" tests

serve: book
	$(BIN)/python -m http.server --directory book/_build/html 8000

explorer: $(BIN)/.installed
	$(BIN)/voila explorer/udforsker.ipynb --no-browser --port 8866

benchmark: $(BIN)/.installed scripts/lighthouse/node_modules/.package-lock.json
	bash scripts/install_chromium.sh
	$(BIN)/python scripts/benchmark.py

scripts/lighthouse/node_modules/.package-lock.json: scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	cd scripts/lighthouse && npm ci --no-audit --no-fund

lint: $(BIN)/.installed
	$(BIN)/ruff check .

clean:
	rm -rf book/_build
