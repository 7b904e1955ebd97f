# Two commands on a fresh machine with Python 3.11:
#   make run   - set up .venv and open the dashboard on the bundled seed articles
#   make test  - set up .venv with the test tools and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test setup setup-dev chromium evaluate bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .

setup-dev: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .

# The dashboard through a launcher that loads pandas, Plotly and the package before serving (timeline/serve.py),
# so the first reader does not wait for them; any `streamlit run` option may follow in ARGS.
run: setup
	$(BIN)/python -m timeline.serve $(ARGS)

# Browser tests drive Debian's chromium (no browser download): install it when missing.
chromium:
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: setup-dev chromium
	$(BIN)/ruff check timeline tests app.py benchmarks
	$(BIN)/python -m pytest

evaluate: setup
	$(BIN)/timeline evaluate tempeval ../shared/corpora/tbaq/TimeBank ../shared/corpora/tbaq/AQUAINT

bench: setup
	$(BIN)/python benchmarks/bench_tagger.py

# Coverage-guided fuzzing of the tagger and the readers (atheris), FUZZ_SECONDS each; crashes land in ./crash-*
FUZZ_SECONDS ?= 120
fuzz: setup-dev
	mkdir -p .fuzz/tagger .fuzz/readers
	$(BIN)/python tests/fuzz/fuzz_tagger.py -max_total_time=$(FUZZ_SECONDS) .fuzz/tagger seeds
	$(BIN)/python tests/fuzz/fuzz_readers.py -max_total_time=$(FUZZ_SECONDS) .fuzz/readers

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info .fuzz artifacts
