# pftz-graph: the two commands are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: run test bench neo4j neo4j-jars lint install test-deps screenshots clean

$(BIN)/pftz: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(BIN)/pftz

install: $(BIN)/pftz

## make run: install, build the graph from the bundled report, write the exports, print a summary
run: install
	$(BIN)/pftz build --out $(OUT)

## make test: test dependencies, a real Neo4j, every test (lint, types, unit, Neo4j, browser, notebooks)
test: install test-deps neo4j-jars
	tools/run-tests.sh

test-deps:
	tools/setup-test-deps.sh

neo4j-jars:
	tools/neo4j/neo4j.sh jars

## make neo4j: start the development Neo4j server in the foreground (Ctrl-C stops it)
neo4j: neo4j-jars
	tools/neo4j/neo4j.sh foreground

lint: install
	$(BIN)/ruff check pftz ground loaders graph queries shell tests tools
	tools/pkg-tree.sh
	$(BIN)/mypy
	cd build/pkg && ../../$(BIN)/lint-imports --config ../../pyproject.toml
	$(BIN)/deptry .

## make bench: benchmarks, printed as ratios measured side by side in one run
bench: install test-deps neo4j-jars
	tools/run-bench.sh

## make screenshots: copy the screenshots the last `make test` took (artifacts/) into docs/img for the README
screenshots:
	cp artifacts/screenshots/*.png docs/img/

clean:
	rm -rf $(OUT) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
