#!/usr/bin/env bash
# Starts the real Neo4j, runs lint, types, the import contracts (import-linter), declared dependencies
# (deptry) and every test, and stops Neo4j whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
$BIN/ruff check ground loaders graph queries shell tests tools
$BIN/mypy
$BIN/lint-imports
$BIN/deptry .
trap 'tools/neo4j/neo4j.sh stop' EXIT
tools/neo4j/neo4j.sh start
source tools/neo4j/env.sh
$BIN/python -m pytest -q -p no:cacheprovider "$@"
