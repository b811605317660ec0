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
$BIN/python -m pytest -q -p no:cacheprovider --durations=15 "$@"
