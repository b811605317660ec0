#!/usr/bin/env bash
# make bench: every benchmark, each printing figures measured side by side in one run, then one table of
# the figures of the whole run side by side. The longest (10^6 rows through pftz build --data) runs last.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
# every figure of the run also goes to one log, read at the end into one table (tools/bench_summary.py)
mkdir -p artifacts
LOG=artifacts/bench.log
exec > >(tee "$LOG") 2>&1
summary() {
  sleep 0.5  # tee writes the last lines
  echo
  echo "== summary (the figures of this run side by side; its whole output: $LOG)"
  $BIN/python tools/bench_summary.py "$LOG"
}
trap summary EXIT
date -u +"started %Y-%m-%d %H:%M UTC on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== embedded pipeline (parse, build, exports, memory)"
$BIN/python tools/bench.py
echo "== command line: pftz --version beside python -c pass; pftz trace cold and warm beside import networkx"
$BIN/python tools/bench_cli.py
echo "== entity resolution: 1,000, 4,000, 16,000 similar user measures (time and peak memory)"
$BIN/python tools/bench_resolve.py
echo "== many reports merged: time and peak memory per N"
$BIN/python tools/bench_reports.py
trap 'tools/neo4j/neo4j.sh stop; summary' EXIT
if tools/neo4j/neo4j.sh start; then
  source tools/neo4j/env.sh
  echo "== Neo4j loading: first load and incremental MERGE vs raw CREATE vs naive"
  $BIN/python tools/bench_neo4j.py
  for b in tools/bench_queries.py tools/bench_viz.py; do
    if [ -f "$b" ]; then echo "== $b"; $BIN/python "$b"; fi
  done
  tools/neo4j/neo4j.sh stop
else
  echo "== Neo4j did not start: its benchmarks are skipped in this run (NEO4J_BOLT_PORT, NEO4J_HTTP_PORT choose other ports)"
fi
trap summary EXIT
echo "== user data: 10^4, 10^5, 10^6 adoption rows read and built (time, peak memory), then pftz build --data of 10^5 and 10^6 distinct rows in a child process (time, peak RSS of the process tree, output size)"
$BIN/python tools/bench_userdata.py --cli-rows 100000 1000000
date -u +"ended %Y-%m-%d %H:%M UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
