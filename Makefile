# SLIK – two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
SHARED_DATA ?= $(abspath ../shared/data)
export SLIK_SHARED_DATA := $(SHARED_DATA)

.PHONY: system-packages run test test-sqlite test-postgres lint check-migrations check-deploy messages bench clean deps worker jobs

# --- installation -------------------------------------------------------------------------
$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

# Bytecode is compiled at install time, as pip does: with PYTHONDONTWRITEBYTECODE set (it is on
# CI machines) every new process – a test worker, a report worker, gunicorn – would otherwise
# compile Django and WeasyPrint from source again (≈ 4 s each).
$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

locale/.compiled: $(wildcard locale/*/LC_MESSAGES/django.po) | $(VENV)/.synced
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0
	touch $@

deps: $(VENV)/.synced node_modules/.installed locale/.compiled

# --- running ------------------------------------------------------------------------------
var:
	mkdir -p var

# `make run PORT=8001` when port 8000 is taken. The server, the worker and the scheduled jobs
# run together (scripts/run-server); `make worker` and `make jobs` run one part alone.
PORT ?= 8000
HOST ?= 127.0.0.1

run: deps | var
	@scripts/ensure-system-packages run
	$(MANAGE) migrate --noinput -v 0
	SLIK_DEMO=true $(MANAGE) load_demo
	SLIK_DEMO=true scripts/run-server $(HOST):$(PORT)

worker: deps
	$(MANAGE) db_worker

jobs: deps
	$(MANAGE) run_jobs

# --- testing ------------------------------------------------------------------------------
system-packages:
	@scripts/ensure-system-packages

test: deps system-packages lint check-migrations check-deploy messages test-sqlite test-postgres

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check-migrations: $(VENV)/.synced | var
	$(MANAGE) makemigrations --check --dry-run -v 0

# Production settings with the variables production must set: no warnings allowed.
check-deploy: $(VENV)/.synced
	DJANGO_SETTINGS_MODULE=config.settings.production ALLOWED_HOSTS=slik.example.no \
	EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend SITE_URL=https://slik.example.no SLIK_BEHIND_PROXY=true \
	SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") \
	$(MANAGE) check --deploy --fail-level WARNING

messages: $(VENV)/.synced
	@scripts/check-messages

# One pytest worker per core (pytest-xdist); each worker has its own test database and live
# server. `make test PYTEST_WORKERS=0` runs in one process, e.g. to read a traceback in order.
PYTEST_WORKERS ?= auto
export PYTEST_WORKERS

test-sqlite: deps | var
	DATABASE_URL= $(VENV)/bin/pytest -q -n $(PYTEST_WORKERS)

test-postgres: deps
	@scripts/test-postgres

bench: deps | var
	@scripts/ensure-system-packages bench
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) .tools node_modules var staticfiles locale/.compiled
