# Two commands matter: `make run` and `make test`. Both work on a fresh clone
# with only python3 (3.11+) and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test bench lint migrate demo messages clean backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_data

run: demo
	@echo "Serving at http://127.0.0.1:$(PORT)  (staff: http://127.0.0.1:$(PORT)/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# One archive of the database and MEDIA_ROOT (README: Backups); prints its path last.
# BACKUP_DIR=/srv/backups/ocop to write elsewhere (default: ./backups).
backup: $(STAMP)
	$(BIN)/python manage.py backup $(if $(BACKUP_DIR),--output-dir "$(BACKUP_DIR)")

# make restore ARCHIVE=backups/ocop-YYYYmmdd-HHMMSS.tar.gz [FORCE=1] (FORCE overwrites a database
# that already has tables). Stop the site and the worker first.
restore: $(STAMP)
	@test -n "$(ARCHIVE)" || { echo "Cần chỉ rõ tệp: make restore ARCHIVE=backups/ocop-YYYYmmdd-HHMMSS.tar.gz [FORCE=1]"; exit 2; }
	$(BIN)/python manage.py restore "$(ARCHIVE)" $(if $(FORCE),--force)

# Regenerate the Vietnamese catalogue after changing strings (needs GNU gettext),
# then translate the new entries and commit both the .po and the .mo.
messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l vi --no-obsolete --ignore=.venv --ignore=tests --ignore=bench
	$(BIN)/python manage.py compilemessages -l vi --ignore=.venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
