# Two commands for a fresh machine: `make build` and `make test`.
# Everything else (serve, validate, render, lint, bench) sets itself up the same way.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# The build's "today" is chosen by generator/settings.py (build_date): SOURCE_DATE_EPOCH when set, today on a
# scheduled or manual CI run, else the last commit's time; always a day in the site's time zone (cai-dat.yml).

.PHONY: node setup setup-test lock build serve validate render test lint schema docs clean bench bench-sites dist hosting

# Two dependency sets, exact versions with sha256 hashes. requirements.lock is what the site needs (build,
# validate, lint, serve): `make build` installs it alone, then the project itself, editable, without dependencies.
# requirements-test.lock is the same pins plus the test extra (pytest, Playwright, Zensical …): `make test` adds it.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $(TEST_STAMP)

setup: $(STAMP)

setup-test: $(TEST_STAMP)

# Python 3.11 on Linux x86_64 (what developers and CI run). Hashes cover every file PyPI has for each pin.
# No index URLs in the files: pip's own configuration decides where packages come from.
# The test set is resolved first (runtime and test extra together); the runtime set is then resolved with the
# test set as constraints, so every package in both files has the same version (tests/test_locks.py checks it).
# pip-tools runs from its own venv (build/lock-venv), so that the project's .venv holds only what the locks name.
PIP_TOOLS := pip-tools==7.6.2
LOCK_VENV := build/lock-venv
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock:
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet "$(PIP_TOOLS)"
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/python -m piptools compile $(LOCK_FLAGS) --extra test \
	  --output-file requirements-test.lock pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/python -m piptools compile $(LOCK_FLAGS) \
	  --constraint requirements-test.lock --output-file requirements.lock pyproject.toml

# From npm: test tools (axe-core, lighthouse) and the browser editor Decap CMS (decap-cms, copied into
# site/quan-tri/ by the build; decap-server for its browser test). Readers' pages load nothing from npm.
# Without npm (a machine with only Python), say so and go on: the build then warns that quan-tri/ has no
# editor, the browser tests skip locally, while CI (where .ci/run installs nodejs, npm and chromium) runs them.
node:
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "Chú ý: chưa có npm (Node.js), bỏ qua axe-core và trình soạn thảo Decap CMS (trang quan-tri/); kiểm thử trình duyệt cần chromium và npm (bash .ci/run cài cả hai)."; \
	elif [ ! node_modules/.package-lock.json -nt package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then \
	  npm ci --no-audit --no-fund --loglevel=error; \
	fi

validate: setup
	$(PY) -m generator validate

render: setup
	$(PY) -m generator render --out build/markdown

# Content lint errors stop the build; its warnings are printed and the build goes on. The lint runs before `npm ci`
# (a minute or two on a fresh machine), so that an editor reads what to fix as soon as the Python set is installed.
build: setup
	$(PY) -m generator lint
	@$(MAKE) --no-print-directory node
	$(PY) -m generator build

# A preview: unapproved editorial items are shown, each marked "Bản nháp — chưa duyệt" (generator/settings.py).
serve: setup
	SITE_MODE=preview $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

# ruff (the Python code) comes with the test set; an editor's machine with the runtime set checks the content only.
lint: setup
	@if [ -x $(VENV)/bin/ruff ]; then echo "$(VENV)/bin/ruff check generator tests bench"; $(VENV)/bin/ruff check generator tests bench; \
	else echo "Chú ý: bỏ qua ruff (kiểm tra mã Python, cài cùng bộ kiểm thử bằng make test); chỉ kiểm tra nội dung."; fi
	$(PY) -m generator lint

# JSON Schema for VS Code (schema/*.json), and (make docs) the guide's field reference huong-dan-bien-tap/truong-du-lieu.md.
schema: setup
	$(PY) -m generator schema

docs: setup
	$(PY) -m generator contributing

test: setup-test node
	$(PY) -m pytest

# Lighthouse, build time against plain MkDocs, page weight, build-all of 10 and 100 generated sites (BENCH_SITES):
# one JSON line (bench/README.md).
bench: setup-test node
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) -m bench.run

# build-all alone, on 10 and 100 generated sites (BENCH_SITES=10,100): one JSON line (bench/README.md).
bench-sites: setup node
	nice $(PY) -m bench.multisite

# For a portal admin who cannot run Python: dist/nghiquyet-site-YYYYMMDD.zip (site/ and hosting/) and its .sha256.
dist: build
	$(PY) -m generator dist site --out dist

# nginx.conf, apache.conf and web.config for this site into build/hosting/ (CSP from generator/publish/csp.py).
hosting: setup
	$(PY) -m generator hosting --out build/hosting

clean:
	rm -rf site build dist .site-*
