# Two commands do all: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000

.PHONY: install run test migrate seed lint i18n worker beat clean bench

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --editable ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	$(PY) manage.py runserver $(HOST)

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .

i18n: install
	$(PY) bin/i18n.py

worker: install
	$(VENV)/bin/celery -A config worker --loglevel=INFO

beat: install
	$(VENV)/bin/celery -A config beat --loglevel=INFO

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles

# Benchmarks (PostgreSQL): a database of its own, recreated and filled with the issue's load; see bench/RESULTS.md.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kredo_bench
bench: install
	@# wrk loads the API as the issue measured it; without it a Python client on the same cores caps the floor.
	@command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null 2>&1 \
	  || echo "wrk could not be installed: the API figures use the slower Python client"
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/run_bench.py
