# labeliq: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run check-samples test unit lint eval bench bench-extract deploy clean

$(STAMP): requirements-dev.txt shared/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $(STAMP)

## run: check the sample labels and say where the reports are
run: $(STAMP)
	$(PY) -m labeliq.samples_run --samples samples --out labeliq-out

## check-samples: the quick in-process path only (labeliq check on each sample)
check-samples: $(STAMP)
	$(PY) -m labeliq.samples_run --samples samples --out labeliq-out

## test: lint, type-check, then every test
test: $(STAMP) lint
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check shared functions tests
	$(VENV)/bin/ruff format --check shared functions tests
	$(VENV)/bin/mypy

eval: $(STAMP)
	$(PY) -m tests.eval.run_eval

bench: $(STAMP)
	$(PY) -m tests.bench.bench_check

bench-extract: $(STAMP)
	$(PY) -m tests.bench.bench_extract

deploy:
	cd terraform && terraform init && terraform plan -var-file=$${TFVARS:-terraform.tfvars} -out=tfplan && terraform apply tfplan

clean:
	rm -rf labeliq-out .pytest_cache .mypy_cache .ruff_cache
