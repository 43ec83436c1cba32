# Two commands for a fresh machine: `make build` and `make test`.
# Everything else (serve, validate, render, lint, bench) sets itself up the same way.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Reproducible builds: the last commit's time is the build's "today" unless set.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: node setup lock build serve validate render test lint schema docs clean bench dist hosting

# Dependencies come from requirements.lock (exact versions, sha256 hashes); the project itself
# is then installed editable without dependencies. `make lock` regenerates the lock from pyproject.toml.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

# Python 3.11 on Linux x86_64 (what developers and CI run). Hashes cover every file PyPI has for each pin.
# No index URLs in the file: pip's own configuration decides where packages come from.
PIP_TOOLS := pip-tools==7.6.2
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "$(PIP_TOOLS)"
	CUSTOM_COMPILE_COMMAND="make lock" $(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra test \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml

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

# Content lint errors stop the build; its warnings are printed and the build goes on.
build: setup node
	$(PY) -m generator lint
	$(PY) -m generator build

# A preview: unapproved editorial items are shown, each marked "Bản nháp — chưa duyệt" (generator/settings.py).
serve: setup
	SITE_MODE=preview $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

lint: setup
	$(VENV)/bin/ruff check generator tests bench
	$(PY) -m generator lint

# JSON Schema for VS Code (schema/*.json) and the field reference in CONTRIBUTING.md, from generator/schema.py.
schema: setup
	$(PY) -m generator schema

docs: setup
	$(PY) -m generator contributing

test: setup node
	$(PY) -m pytest

# Lighthouse, build time against plain MkDocs, page weight: one JSON line (bench/README.md).
bench: setup node
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) -m bench.run

# For a portal admin who cannot run Python: dist/nq57-site-YYYYMMDD.zip (site/ and hosting/) and its .sha256.
dist: build
	$(PY) -m generator dist site --out dist

# nginx.conf, apache.conf and web.config for this site into build/hosting/ (CSP from generator/publish/csp.py).
hosting: setup
	$(PY) -m generator hosting --out build/hosting

clean:
	rm -rf site build dist .site-*
