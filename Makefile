# Two commands on a fresh machine: `make run` and `make test`. Also `make lint` and `make bench`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench validate dist clean

run: $(STAMP)
	$(BIN)/consortium-ready

# The suite runs in parallel, one pytest-xdist worker per core (work stealing, since a few
# Pilot tests take far longer than the rest); then the tests marked `serial` run alone, in
# one process. Both runs always happen and print pytest's summary; `make test` fails if
# either fails (a run that PYTEST_ARGS leaves empty, exit 5, is not a failure). Extra options
# for both runs: `make test PYTEST_ARGS='-x -k palette'`.
PYTEST := $(BIN)/python -m pytest

test: $(STAMP)
	@status=0; \
	$(PYTEST) -n auto --dist worksteal -m "not serial" $(PYTEST_ARGS) || { s=$$?; [ $$s -eq 5 ] || status=$$s; }; \
	$(PYTEST) -p no:xdist -m serial $(PYTEST_ARGS) || { s=$$?; [ $$s -eq 5 ] || status=$$s; }; \
	exit $$status

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# One table of figures, each beside a reference measured in the same run (docs/performance.md).
# `make bench QUICK=1` takes fewer runs; more options: `make bench BENCH_ARGS='--only keypress'`.
bench: $(STAMP)
	$(BIN)/python -m benchmarks $(if $(QUICK),--quick) $(BENCH_ARGS)

validate: $(STAMP)
	$(BIN)/consortium-ready validate

# A wheel to install without a clone (pipx install dist/consortium_ready-*.whl): it carries the
# built-in question bank, the case studies and the report templates.
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	@ls dist/*.whl

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) dist .pytest_cache .hypothesis .mypy_cache .ruff_cache
