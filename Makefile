# Wutong: `make serve` runs the service on its embedded defaults; `make test` runs the tests.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install models serve test test-fast cluster cluster-stop clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

models: install
	$(BIN)/wutong provision

serve: models
	$(BIN)/wutong serve

test: models
	$(BIN)/ruff check app pipelines knowledge tests benchmarks
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest tests/app -m "not slow" --backends=cluster -q

# Scale-out stack on this machine (PostgreSQL, Redis, Chroma server, the API and two workers; data in var/cluster/).
cluster: models
	$(BIN)/wutong cluster up --folder var/cluster --workers 2

cluster-stop:
	$(BIN)/wutong cluster down --folder var/cluster

test-fast: models
	$(BIN)/python -m pytest -m "not slow"

clean:
	rm -rf $(VENV)
