# cleaner: every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSET ?= ../shared/devset

.PHONY: install run test test-fast bench fuzz lint eval clean screenshot train

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade 'pip==26.3'
	@# The distribution was called `cleaner` before 0.2 (a name PyPI gives another project).
	@if $(BIN)/python -m pip show -q cleaner >/dev/null 2>&1; then \
		$(BIN)/python -m pip uninstall -q -y cleaner; fi
	PIP_CONSTRAINT=constraints.txt $(BIN)/python -m pip install -q -e '.[dev,dask]'
	touch $(STAMP)

run: install  ## clean samples/ into out/articles.jsonl
	mkdir -p out
	$(BIN)/cleaner clean samples -o out/articles.jsonl

test: install  ## the test suite (what CI runs), the package test in a fresh venv included
	$(BIN)/python -m pytest

test-fast: install  ## the test suite without the slow package test
	$(BIN)/python -m pytest -m "not slow"

bench: install  ## throughput and memory, text and HTML paths
	$(BIN)/python bench/run.py

fuzz: install  ## a longer fuzzing run of mutated inputs (FUZZ_EXAMPLES each, default 2000)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-2000} $(BIN)/python -m pytest -q tests/test_fuzz.py tests/test_properties.py

lint: install  ## ruff, and mypy --strict on the package
	$(BIN)/ruff check cleaner tests bench
	$(BIN)/mypy

train: install  ## retrain the line classifier (cleaner/models/lines.npz) on the tuning half
	$(BIN)/python eval/train_classifier.py

screenshot: install  ## docs/explain-report.png, the README's picture of the report (Chromium)
	$(BIN)/python docs/screenshot.py

eval: install  ## dev sets per publisher half, then the tuning and the blind synthetic sets
	@for set in $(DEVSET) $(DEVSET)-ml; do \
		if [ ! -d "$$set/html" ] || [ ! -d "$$set/gold" ]; then \
			echo "make eval: no dev set at $$set (html/ and gold/ expected);" \
			     "set DEVSET=PATH to the English one (PATH-ml is the multilingual one)" >&2; \
			exit 2; \
		fi; \
	done
	$(BIN)/python eval/devsplit.py --devset $(DEVSET) --devset $(DEVSET)-ml --json out/eval/devsplit.json
	$(BIN)/python eval/blind.py --wording eval/tuning_wording.toml --json out/eval/tuning.json
	$(BIN)/python eval/blind.py --json out/eval/blind.json
	$(BIN)/python eval/learn.py  # `cleaner learn` and corpus-aware cleaning on invented outlets

clean:
	rm -rf out .pytest_cache .ruff_cache .mypy_cache build dist
