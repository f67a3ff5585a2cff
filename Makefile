# Two commands do all the set-up on a fresh machine:
#   make book   builds the book into book/_build/html (creates .venv, installs requirements)
#   make test   runs the whole test suite (also installs Debian's chromium if it is missing)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= data

.PHONY: book linkcheck test test-national test-fast serve lint clean explorer benchmark lock pdf plotly-bundle

# requirements.txt is the full lock (every package, with hashes); pip checks each download against it.
$(BIN)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Recompile the lock after changing requirements.in.
lock: $(BIN)/.installed
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --quiet -o requirements.txt requirements.in

# DATA reaches the scripts as written: unexpanded by make, single-quoted for the shell. It is never exported: make
# expands a variable it exports into a recipe's environment, so DATA='x$(shell cmd)' from the command line ran cmd
# (under -n too, for a recipe that runs $(MAKE)).
unexport DATA
QUOTED_DATA = '$(subst ','\'',$(value DATA))'

book: $(BIN)/.installed
	$(BIN)/python scripts/build_book.py --data $(QUOTED_DATA)

# Sphinx's linkcheck over the book's own links (to its pages, anchors and files); links to other sites are left
# unchecked, as the build is offline; a broken link fails it (-W). Jupyter Book 1 writes linkcheck's report into
# _build/html, so it builds apart, in book/_build/linkcheck/_build/html, and never into the site.
linkcheck: $(BIN)/.installed
	$(BIN)/python scripts/build_book.py --data $(QUOTED_DATA) --builder linkcheck --output book/_build/linkcheck

# The test commands let Python keep bytecode, whatever the environment says. With PYTHONDONTWRITEBYTECODE set (this
# machine sets it for every process, as many container images do) every process of a run compiled the package anew
# (each build, its kernels, each printer and script) and pytest rewrote the asserts of every test module anew in each
# of its three processes: about 7 of a process's 10 s of CPU to collect the tests. Kept in the checkout's
# __pycache__ folders (gitignored), that is done once.
test test-fast test-national: export PYTHONDONTWRITEBYTECODE =

# The tests in three processes (pytest-xdist), so both cores stay busy while a process waits for Chromium; each
# book is still built once (tests/conftest.py). The tests are dealt out one at a time (--maxschedchunk 1) in
# conftest's order, the long ones first: in chunks, one process had all the long tests and ran them one after
# another at the end while the others stood idle. The explorer's notebook runs apart, in one process: its cells
# share one kernel, and xdist would deal them out to all three.
test: lint
	bash scripts/install_chromium.sh
	bash scripts/install_test_tools.sh
	bash scripts/install_pdf_tools.sh
	bash scripts/install_js_tools.sh
	$(BIN)/python -m pytest -n 3 --maxschedchunk 1 -m "not national" tests
	$(BIN)/python -m pytest -p nbval --nbval-lax explorer

# The checks at national scale (98 municipalities, 10,000 quotes: the page budget, chart text) build a book of their
# own that costs about three report builds; they run apart from `make test`, which CI runs first (.ci/run).
test-national: $(BIN)/.installed
	bash scripts/install_chromium.sh
	$(BIN)/python -m pytest -n 2 -m national tests

# Builds nothing and starts no Chromium: the unit, data and script tests (the book's notebooks are executed by the
# build in `make test`, the PDFs printed there too), on both cores (pytest-xdist), as they share no build. The pinned
# npm tools (Biome, linkedom) are installed first: the script tests need them.
test-fast: $(BIN)/.installed
	bash scripts/install_js_tools.sh
	$(BIN)/python -m pytest -n 2 -m "not build and not browser" tests

# PDF editions into the built book (after make book with the same DATA; builds the book first if it is missing).
pdf: $(BIN)/.installed
	bash scripts/install_chromium.sh
	test -f book/_build/html/index.html || $(MAKE) book DATA=$(QUOTED_DATA)
	$(BIN)/python scripts/build_pdf.py --data $(QUOTED_DATA)

serve: book
	$(BIN)/python -m http.server --directory book/_build/html 8000

# make explorer DATA=dir opens the explorer on dir; its folder field may then read dir and the folders below it.
# The page is Voilà's lab template without its links to other hosts (explorer/voila/templates/kulturensrige, found
# through JUPYTER_PATH); a visitor's ?template= may not switch back to the one that fetches Font Awesome.
# Voilà starts a kernel for every request of the page and keeps it after the visitor has gone (eight requests left
# eight kernels of about 125 MB): a kernel idle for two minutes with no page connected to it is shut down. Nothing in
# Voilà or jupyter_server caps how many run at once (four requests at once gave four kernels): CappedKernelManager
# (kulturensrige/explorer/kernels.py) starts at most KERNELS, and answers a request beyond them with HTTP 503. A kernel
# no page ever connected to (a bare GET) is shut down after 25 idle seconds, checked every 5 s: two bare GETs held
# their kernels for 150 s, and readers got the 503.
KERNELS ?= 4
explorer: $(BIN)/.installed
	KR_DATA_DIR=$(QUOTED_DATA) $(if $(filter-out file,$(origin DATA)),KR_EXPLORER_ROOT=$(QUOTED_DATA)) JUPYTER_PATH=explorer \
		$(BIN)/voila explorer/udforsker.ipynb --template=kulturensrige --VoilaConfiguration.allow_template_override=NO \
		--VoilaConfiguration.multi_kernel_manager_class=kulturensrige.explorer.kernels.CappedKernelManager \
		--CappedKernelManager.max_kernels=$(KERNELS) \
		--MappingKernelManager.cull_idle_timeout=120 --MappingKernelManager.cull_interval=5 \
		--no-browser --port 8866

benchmark: $(BIN)/.installed scripts/lighthouse/node_modules/.package-lock.json
	bash scripts/install_chromium.sh
	$(BIN)/python scripts/benchmark.py

scripts/lighthouse/node_modules/.package-lock.json: scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	cd scripts/lighthouse && npm ci --no-audit --no-fund

# book/_static/plotly.min.js again from the pinned plotly.js (scripts/plotly-bundle/package-lock.json): committed, so a
# clean clone builds without npm; run after a plotly upgrade or a new trace type (tests/test_plotly_bundle.py says when).
plotly-bundle:
	cd scripts/plotly-bundle && npm ci --ignore-scripts --no-audit --no-fund && node build.mjs

# The habits, each a pinned tool: ruff's rules and format, the package's import layers (pyproject.toml), mypy on the
# package, Biome's lint and format of the browser scripts (biome.json) and actionlint on the GitHub workflows.
lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	bash scripts/install_js_tools.sh
	node_modules/.bin/biome check --error-on-warnings
	node scripts/actionlint.mjs

clean:
	rm -rf book/_build
