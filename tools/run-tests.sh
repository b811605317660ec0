#!/usr/bin/env bash
# Starts the real Neo4j, runs lint, types, the import contracts (import-linter), declared dependencies
# (deptry) and every test, and stops Neo4j whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
$BIN/ruff check pftz ground loaders graph queries shell tests tools
tools/pkg-tree.sh  # the package as installed (pftz.<folder>), for mypy and import-linter
$BIN/mypy
(cd build/pkg && ../../$BIN/lint-imports --config ../../pyproject.toml)
$BIN/deptry .
trap 'tools/neo4j/neo4j.sh stop' EXIT
tools/neo4j/neo4j.sh start
source tools/neo4j/env.sh
# Two workers (PFTZ_TEST_WORKERS): the tests of the shared Neo4j server are one xdist_group (tests/conftest.py),
# run by one worker in order; every other test goes to whichever worker is free. PFTZ_TEST_WORKERS=0 runs serially.
$BIN/python -m pytest -q -p no:cacheprovider --durations=15 -n "${PFTZ_TEST_WORKERS:-2}" --dist loadgroup "$@"
