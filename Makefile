# The two commands: `make run` serves the demo fair, `make test` runs ruff and the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app fairmatch
CHROMIUM := /usr/bin/chromium
CATALOGS := $(patsubst %.po,%.mo,$(wildcard fairmatch/translations/*/LC_MESSAGES/messages.po))

.PHONY: run test test-browser screenshots lint translations messages clean

run: $(VENV)/.runtime $(CATALOGS)
	$(FLASK) init-db
	$(FLASK) seed-demo --if-empty
	$(FLASK) run --host 127.0.0.1 --port 5000

test: $(VENV)/.dev $(CATALOGS) $(CHROMIUM)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The browser tests drive Debian's Chromium (never a downloaded browser): installed when missing,
# which needs root, as on the CI machine.
$(CHROMIUM):
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium libatomic1 \
	  || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium libatomic1; }

# Only the end-to-end journeys in Chromium (tests/browser), at desktop and phone sizes.
test-browser: $(VENV)/.dev $(CATALOGS) $(CHROMIUM)
	$(BIN)/python -m pytest tests/browser $(PYTEST_ARGS)

# Refresh the README's pictures: journeys 1, 2, 6 and 8 save docs/screenshots/*-{desktop,phone}.png.
screenshots: $(VENV)/.dev $(CATALOGS) $(CHROMIUM)
	FAIRMATCH_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest $(PYTEST_ARGS) \
	  tests/browser/test_booth_journey.py tests/browser/test_meeting_journey.py \
	  tests/browser/test_booth_rules_journey.py tests/browser/test_match_request_form.py

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check fairmatch tests

translations: $(CATALOGS)

%.mo: %.po $(VENV)/.runtime
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@ >/dev/null

# Refresh the message catalogue from the code and templates (then translate the new entries).
messages: $(VENV)/.runtime
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ --no-location --sort-output -w 100 -o fairmatch/translations/messages.pot .
	$(BIN)/pybabel update -i fairmatch/translations/messages.pot -d fairmatch/translations --no-fuzzy-matching --ignore-obsolete -w 100

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) $(CATALOGS) .pytest_cache .ruff_cache
