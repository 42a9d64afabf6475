# Two commands matter: `make run` (the site with demo content) and `make test`.
# Everything else is what those two need, installed on first use.
# `make run` serves the whole system: the web process, the task worker and the periodic runner
# (Procfile.dev, run by honcho), after migrate and seed_demo. Ctrl-C stops all of them.

PORT ?= 8000
DEBUG ?= 1
# Canonical URLs, feeds and the printed admin link follow the port being served.
SITE_URL ?= http://127.0.0.1:$(PORT)
export SITE_URL
# Every e-mail the site sends in development is saved here as an .eml file.
MAIL_DIR ?= $(CURDIR)/var/mail
export MAIL_DIR
PYTEST_ARGS ?=
# Tests run in parallel, one process per core (pytest-xdist); the browser tests share one
# process, so one demo site is seeded. PYTEST_PARALLEL= runs everything in one process.
PYTEST_PARALLEL ?= -n auto --dist loadgroup
BENCH_ARGS ?=
# Any Python 3 runs the uv bootstrap; uv then provides Python 3.13 for the project.
# /usr/bin/python3 first: a pyenv shim would insist on the .python-version's 3.13.
BOOTSTRAP_PYTHON ?= $(firstword $(wildcard /usr/bin/python3) python3)
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)
# The project's translations (site/locale/*/LC_MESSAGES/*.po), compiled to .mo (not in git).
MESSAGES := $(patsubst %.po,%.mo,$(wildcard site/locale/*/LC_MESSAGES/*.po))

.PHONY: run test deps lint format check bench audit backup restore clean

run: $(VENV)/.synced $(MESSAGES)
	DEBUG=$(DEBUG) $(MANAGE) migrate --noinput -v0
	DEBUG=$(DEBUG) $(MANAGE) seed_demo
ifeq ($(DEBUG),0)
	DEBUG=0 $(MANAGE) collectstatic --noinput -v0
endif
	@echo "Webbplatsen: $(SITE_URL)/   Admin: $(SITE_URL)/admin/"
	@echo "E-post: varje meddelande sparas som .eml-fil i $(MAIL_DIR)/ (senaste: $(MANAGE) read_mail)"
	@echo "Webbserver, bakgrundsjobb (e-post, sökindex) och schemalagd publicering startar; Ctrl-C stoppar alla."
	DEBUG=$(DEBUG) PYTHONUNBUFFERED=1 PATH="$(CURDIR)/$(VENV)/bin:$$PATH" \
		exec $(VENV)/bin/honcho -f Procfile.dev start --port $(PORT)

test: $(VENV)/.synced $(MESSAGES) node_modules/.installed
	@scripts/ensure_test_tools
	$(PY) -m pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

deps: $(VENV)/.synced $(MESSAGES) node_modules/.installed

lint: $(VENV)/.synced
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.synced
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

check: $(VENV)/.synced
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# The site under load: gunicorn on PostgreSQL with 10,000 organisations, Varnish in front and
# a static nginx baseline, measured with wrk; its own database, dropped afterwards.
# BENCH_ARGS="--duration 30" (scripts/bench -h).
bench: $(VENV)/.synced
	scripts/bench $(BENCH_ARGS)

# Known vulnerabilities in the locked Python packages (pip-audit; scripts/audit -h).
# Exit 2 when the vulnerability service cannot be reached: not a pass.
audit: $(VENV)/.synced
	$(PY) scripts/audit

# The database (pg_dump custom format, or a copy of SQLite) and MEDIA_ROOT into
# BACKUP_DIR/<UTC time>/ (default var/backups). Restore into an empty database:
# make restore BACKUP=var/backups/<time>, or BACKUP=latest. See scripts/backup.
backup: $(VENV)/.synced
	$(PY) scripts/backup

restore: $(VENV)/.synced
	@test -n "$(BACKUP)" || { echo "make restore BACKUP=<backup folder> (or BACKUP=latest)"; exit 2; }
	$(PY) scripts/backup restore $(if $(filter latest,$(BACKUP)),--latest,$(BACKUP))

$(UV):
	$(BOOTSTRAP_PYTHON) scripts/bootstrap_uv.py $(UV)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock .python-version
	$(UV) sync --locked
	@touch $@

# Pure Python (Babel): GNU gettext's msgfmt is not needed.
site/locale/%.mo: site/locale/%.po $(VENV)/.synced
	$(PY) scripts/compile_messages

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --ignore-scripts && touch $@; \
	else \
		echo "npm not found: browser and HTML-validator tests will be skipped (apt-get install npm)"; \
	fi

clean:
	rm -rf $(VENV) .tools node_modules var
