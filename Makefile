# labeliq: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

CHECKOV_VENV := .venv-checkov
CHECKOV_STAMP := $(CHECKOV_VENV)/.installed
export TF_CLI_CONFIG_FILE := $(CURDIR)/terraform/.terraformrc

.PHONY: run serve check-samples test lint tf-check eval bench bench-extract bench-web screenshots deploy clean rules-doc bytecode

$(STAMP): requirements-dev.txt shared/pyproject.toml devstack/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $(STAMP)

## bytecode: compile the project's modules once, as an installed package has them. Without it, a shell that sets
## PYTHONDONTWRITEBYTECODE (as agents and some CI images do) compiles ~200 modules again in every process: about 0.5 s
## of CPU for each `labeliq check` and each function start, and tests and the stacks start many. Stale files are
## harmless: Python compares each with its source.
##
## It also writes the compiled regular expressions a text check uses (labeliq.regex_cache: about 800 patterns,
## 0.2 s of CPU in every process that checks a label), again only when a module, a lexicon or a sample changed; the
## file is checked against the interpreter on load and ignored when it does not match.
REGEX_CACHE_STAMP := shared/labeliq/__pycache__/regex_cache.stamp
$(REGEX_CACHE_STAMP): $(STAMP) $(shell find shared/labeliq -name '*.py' -o -name '*.json') $(wildcard samples/*/*.txt)
	$(PY) -m labeliq.regex_cache_build samples
	touch $@

## It also derives the OCR recognizer with an output layer for the characters a label prints (10 % less
## recognition CPU, same text: labeliq.extraction.ocr_rec_model), again only when that module or the installed
## recognizer changed; without it (or stale, or damaged) the shipped recognizer is used.
OCR_REC_MODEL := shared/labeliq/__pycache__/ocr_rec_label_chars.stamp
$(OCR_REC_MODEL): $(STAMP) shared/labeliq/extraction/ocr_rec_model.py
	$(PY) -m labeliq.extraction.ocr_rec_model > /dev/null

bytecode: $(STAMP) $(REGEX_CACHE_STAMP) $(OCR_REC_MODEL)
	$(PY) -m compileall -q -j 0 shared/labeliq devstack/src functions tests > /dev/null

## run: the serverless suite locally (emulators, four functions, the workflow YAML) on the samples; says where the reports are
run: $(STAMP) bytecode
	$(PY) -m devstack.stack --samples samples --out labeliq-out/stack

## check-samples: the quick in-process path only (labeliq check on each sample)
check-samples: $(STAMP) bytecode
	$(PY) -m labeliq.samples_run --samples samples --out labeliq-out

## test: lint, type-check, the offline Terraform checks, then every test
test: $(STAMP) lint tf-check bytecode
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check shared devstack functions tests
	$(VENV)/bin/ruff format --check shared devstack functions tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# checkov clashes with python-hcl2 over the top-level hcl2 package, so it lives in its own venv.
$(CHECKOV_STAMP): requirements-checkov.txt
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install -q --upgrade pip
	$(CHECKOV_VENV)/bin/python -m pip install -q -r requirements-checkov.txt
	touch $(CHECKOV_STAMP)

tf-check: $(CHECKOV_STAMP)
	terraform fmt -check -recursive terraform
	$(CHECKOV_VENV)/bin/checkov -d terraform --framework terraform --skip-download --compact --quiet

eval: $(STAMP) bytecode
	$(PY) -m tests.eval.run_eval

## rules-doc: regenerate docs/rules.md from the rule registry (a test fails when it is out of date)
rules-doc: $(STAMP)
	$(VENV)/bin/labeliq rules --markdown > docs/rules.md

## bench: every goal of issue 13 with its goal beside it (tests/bench/bench_goals.py), then the per-sample tables
bench: $(STAMP) bytecode
	$(PY) -m tests.bench.bench_goals
	$(PY) -m tests.bench.bench_check
	$(PY) -m tests.bench.bench_stack
	$(PY) -m tests.bench.bench_api

## serve: keep a local stack running for `labeliq submit` (Ctrl-C stops everything it started)
serve: $(STAMP) bytecode
	$(PY) -m devstack.stack --serve --no-samples

## screenshots: the browser tests again, saving the main screens of the web workspace into docs/screenshots/, and
## page 1 of the crackers sample's Word report as printed (LibreOffice)
screenshots: $(STAMP) bytecode
	LABELIQ_SCREENSHOTS_DIR=docs/screenshots $(PY) -m pytest -q tests/web/test_browser.py tests/report/test_docx_pages.py

## bench-web: first render of a ~150-finding report in chromium and the bytes the page loads (local stack)
bench-web: $(STAMP) bytecode
	$(PY) -m tests.bench.bench_web

bench-extract: $(STAMP) bytecode
	$(PY) -m tests.bench.bench_extract

deploy:
	cd terraform && terraform init && terraform plan -var-file=$${TFVARS:-terraform.tfvars} -out=tfplan && terraform apply tfplan

clean:
	rm -rf labeliq-out .pytest_cache .mypy_cache .ruff_cache
