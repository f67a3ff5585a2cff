# Two commands do all the set-up on a fresh machine:
#   make book   builds the book into book/_build/html (creates .venv, installs requirements)
#   make test   runs the whole test suite (also installs Debian's chromium if it is missing)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= data

.PHONY: book test serve lint lint-js clean explorer benchmark

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
	bash scripts/install_js_tools.sh
	$(BIN)/python -m pytest --nbval-lax tests book explorer

serve: book
	$(BIN)/python -m http.server --directory book/_build/html 8000

explorer: $(BIN)/.installed
	$(BIN)/voila explorer/udforsker.ipynb --no-browser --port 8866

benchmark: $(BIN)/.installed
	$(BIN)/python scripts/benchmark.py

lint: $(BIN)/.installed
	$(BIN)/ruff check .

lint-js:
	bash scripts/install_js_tools.sh
	node_modules/.bin/biome lint --error-on-warnings
	node --test tests/js/

clean:
	rm -rf book/_build
