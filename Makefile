# Two commands on a fresh machine with only Python 3.11 and make: `make demo`, `make test`.
PYTHON ?= python3
PORT ?= 8000
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
DEMO_ENV := DJANGO_SETTINGS_MODULE=portal.settings.dev PORT=$(PORT)
VNU_VERSION := 26.9.27
VNU_JAR := $(TOOLS)/node/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: help install demo demo-data serve test test-fast test-browser lint openapi clean vnu

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	UV_PYTHON=$(PYTHON) $(UV) sync --locked --quiet
	@touch $@

install: $(VENV)/.synced ## Install the locked dependencies into .venv

demo-data: install ## Migrate, import units, provision every site, seed the demo (keeps existing data)
	@mkdir -p var/media
	$(DEMO_ENV) $(PY) manage.py migrate --no-input -v0
	$(DEMO_ENV) $(PY) manage.py import_units --province 44
	$(DEMO_ENV) $(PY) manage.py provision_sites
	$(DEMO_ENV) $(PY) manage.py seed_demo

serve: install ## Serve on all interfaces (PORT, default 8000) with a background task worker
	@echo "Cổng tỉnh: http://quangbinh.localhost:$(PORT)/  —  quản trị: http://quangbinh.localhost:$(PORT)/admin/"
	@$(DEMO_ENV) $(PY) manage.py db_worker > var/worker.log 2>&1 & worker=$$!; \
	trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(DEMO_ENV) $(VENV)/bin/gunicorn portal.wsgi:application --env DJANGO_SETTINGS_MODULE=portal.settings.dev \
		--bind 0.0.0.0:$(PORT) --workers 2 --access-logfile -

demo: demo-data serve ## Everything the demo needs, then serve http://quangbinh.localhost:8000

lint: install ## ruff, Django checks, migrations and OpenAPI drift
	@mkdir -p var
	$(VENV)/bin/ruff check .
	DJANGO_SETTINGS_MODULE=portal.settings.production DJANGO_SECRET_KEY=check-deploy-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz \
		$(PY) manage.py check --deploy --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py export_openapi --check docs/openapi.json
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py env_docs --check docs/configuration.md

test: lint ## Lint, then the whole test suite (DATABASE_URL picks the database; SQLite by default)
	$(PY) -m pytest -q -n 2

$(VNU_JAR):
	npm install --prefix $(TOOLS)/node --no-save --no-audit --no-fund --ignore-scripts vnu-jar@$(VNU_VERSION)

vnu: $(VNU_JAR) ## Install the Nu HTML Checker (vnu.jar from npm, pinned; runs with the machine's Java)
	@java -jar $(VNU_JAR) --version

test-browser: install vnu ## Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium) with axe-core and vnu
	$(PY) -m pytest -q -m e2e e2e

openapi: install ## Regenerate the committed OpenAPI schema
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py export_openapi docs/openapi.json

clean: ## Remove the demo database and media
	rm -rf var
