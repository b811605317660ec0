"""Benchmark the batched Neo4j loader against a naive and a raw loader, side by side in one run.

Usage (with the test server running: ``tools/neo4j/neo4j.sh start``)::

    .venv/bin/python tools/bench_neo4j.py [--measures 15000] [--naive-rows 2000] [--batch-size 1000]

It WIPES the database it talks to, so it refuses any server that is not on a
loopback address. Credentials come from the environment (``source
tools/neo4j/env.sh``), with the test server's defaults when unset.

* first load: :func:`graph.neo4j_store.graph_to_neo4j` into an empty database
  without any schema (nodes and relationships by UNWIND + CREATE, key
  constraints created first, full-text index last, all included in the time);
  alternated with the raw loader, ``--rounds`` times, medians and ranges shown;
* incremental: the same with ``mode="merge"`` (UNWIND + MERGE per batch), the
  path of every load into a database that already holds the project's nodes;
* naive: one MERGE per row, one transaction per row, on a sample of rows
  (its rate is extrapolated to the whole graph);
* offline: what ``pftz load --offline`` does, the neo4j-admin CSV bundle and
  ``neo4j-admin database import full`` into a new Neo4j home (no server; the
  test server's admin tool, ``tools/neo4j/neo4j-admin``, JVM start included);
* raw: UNWIND + CREATE with no constraints and no MERGE (relationships found
  by element id), the same rows and properties in the same batches, one query
  per label and type: an upper bound that is not idempotent.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pftz.graph.build import graph_from_reports
from pftz.graph.exports_neo4j import neo4j_admin_import_args, save_neo4j_admin_csv
from pftz.graph.neo4j_schema import ensure_schema
from pftz.graph.neo4j_store import (
    _edge_rows,
    _element_order,
    _node_rows,
    clear_database,
    count_database,
    edge_merge_query,
    graph_to_neo4j,
    node_merge_query,
)
from pftz.ground.schema import Label
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from tests.synthetic import synthetic_graph
from tools.benchlib import connect_local


def _rows(G: nx.MultiDiGraph) -> tuple[dict[Any, list[dict[str, Any]]], dict[Any, list[dict[str, Any]]]]:
    problems: list[str] = []
    nodes, ends = _node_rows(G, problems)
    edges = _edge_rows(G, ends, problems)
    if problems:
        raise SystemExit("\n".join(problems))
    return nodes, edges


def graph_to_neo4j_naive(
    G: nx.MultiDiGraph, driver: neo4j.Driver, database: str, *, max_nodes: int, max_edges: int
) -> tuple[int, float]:
    """Load up to ``max_nodes`` nodes and ``max_edges`` edges one MERGE (one transaction) per row.

    The edges' end nodes must already be in the database. Returns the rows
    loaded and the seconds spent.
    """
    nodes, edges = _rows(G)
    work: list[tuple[str, dict[str, Any]]] = []
    for label, rows in sorted(nodes.items()):
        work += [(node_merge_query(label), row) for row in rows]
    node_work = work[:max_nodes]
    edge_work = [
        (edge_merge_query(*group), row) for group, rows in sorted(edges.items()) for row in rows
    ][:max_edges]
    t0 = time.perf_counter()
    for query, row in [*node_work, *edge_work]:
        driver.execute_query(query, {"rows": [row]}, database_=database)
    return len(node_work) + len(edge_work), time.perf_counter() - t0


def drop_schema(driver: neo4j.Driver, database: str) -> None:
    """Drop every constraint and index the loader's schema made."""
    for kind in ("CONSTRAINTS", "INDEXES"):
        show = f"SHOW {kind} YIELD name, type RETURN name, type"
        records, _, _ = driver.execute_query(show, database_=database)
        for r in records:
            if r["type"] == "LOOKUP":
                continue
            statement = "DROP CONSTRAINT $name" if kind == "CONSTRAINTS" else "DROP INDEX $name"
            # Schema commands take no parameters for names; names come from SHOW, quoted.
            quoted = "`" + r["name"].replace("`", "``") + "`"
            driver.execute_query(statement.replace("$name", quoted) + " IF EXISTS", database_=database)


def graph_to_neo4j_raw_create(
    G: nx.MultiDiGraph, driver: neo4j.Driver, database: str, *, batch_size: int
) -> tuple[int, float]:
    """Load ``G`` with UNWIND + CREATE, no constraints, relationships by element id.

    Returns the rows loaded and the seconds spent, from the graph to the last
    commit (the parameter rows are built inside the time, as the loaders build them).
    """
    t0 = time.perf_counter()
    # Inside the timed part, as in the first load: any loader turns the graph into parameter rows
    # (provenance as JSON strings) before it sends them.
    nodes, edges = _rows(G)
    ids: dict[tuple[Any, str], str] = {}
    rows_done = 0
    for label, rows in nodes.items():
        query = (
            f"UNWIND $rows AS row CREATE (x:`{Label(label).value}`) "
            "SET x = row.props, x.key = row.key, x.provenance = row.prov "
            "RETURN row.key AS key, elementId(x) AS id"
        )
        for i in range(0, len(rows), batch_size):
            batch = rows[i : i + batch_size]
            records, _, _ = driver.execute_query(query, {"rows": batch}, database_=database)
            ids.update(((label, r["key"]), r["id"]) for r in records)
            rows_done += len(batch)
    by_type: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for (rel, start, end), rows in edges.items():
        by_type[rel] += [
            {"a": ids[start, r["start"]], "b": ids[end, r["end"]], "props": r["props"], "prov": r["prov"],
             "eid": r["eid"]}
            for r in rows
        ]  # fmt: skip
    for rel, unsorted in by_type.items():
        # Sorted by the end nodes' ids, as the first load sorts them: the same page order for both.
        rows = sorted(unsorted, key=lambda r: (_element_order(r["a"]), _element_order(r["b"])))
        query = (
            "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b "
            f"CREATE (a)-[x:`{rel.value}`]->(b) SET x = row.props, x.eid = row.eid, x.provenance = row.prov"
        )
        for i in range(0, len(rows), batch_size):
            driver.execute_query(query, {"rows": rows[i : i + batch_size]}, database_=database)
            rows_done += len(rows[i : i + batch_size])
    return rows_done, time.perf_counter() - t0


def _offline_import(G: nx.MultiDiGraph) -> tuple[float, float] | None:
    """Time ``pftz load --offline``'s work: the CSV bundle, then neo4j-admin into a new home (no server).

    Returns the total and the admin tool's seconds (JVM start included), or None without the tool.
    """
    admin = Path(__file__).resolve().parent / "neo4j" / "neo4j-admin"
    if not admin.is_file() or shutil.which("java") is None:
        return None
    with tempfile.TemporaryDirectory(prefix="pftz-bench-import-") as tmp:
        t0 = time.perf_counter()
        bundle = save_neo4j_admin_csv(G, Path(tmp) / "bundle")
        t1 = time.perf_counter()
        done = subprocess.run(
            [str(admin), *neo4j_admin_import_args(bundle, "neo4j")],
            env={**os.environ, "NEO4J_HOME": str(Path(tmp) / "home")},
            capture_output=True,
            text=True,
            check=False,
        )
        t2 = time.perf_counter()
    if done.returncode != 0:
        print(f"offline import failed: {done.stderr.strip()[-500:]}", file=sys.stderr)
        return None
    return t2 - t0, t2 - t1


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s (range {min(values):.2f}-{max(values):.2f})"


def main(argv: list[str] | None = None) -> int:
    """Run the loaders on one synthetic graph and print their rates and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measures", type=int, default=15_000, help="measures (7 edges each)")
    parser.add_argument("--zones", type=int, default=30)
    parser.add_argument("--naive-rows", type=int, default=2_000, help="rows the naive loader runs")
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=4, help="rounds of first load and raw CREATE, order alternated")
    args = parser.parse_args(argv)

    driver, db = connect_local()

    G = synthetic_graph(args.measures, args.zones)
    n_rows = G.number_of_nodes() + G.number_of_edges()
    print(f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} relationships ({n_rows:,} rows)")
    with driver:
        info = driver.get_server_info()
        print(f"server: {info.agent} at {info.address}, database {db}, batch size {args.batch_size:,}")

        clear_database(driver, db)
        graph_to_neo4j(synthetic_graph(200, 5, measure_prefix="warmup"), driver, database=db)  # JIT warm-up
        clear_database(driver, db)

        # First load and raw CREATE alternated, each into an empty database without any schema
        # (the first load creates its constraints and full-text index inside the timed part),
        # then the incremental load into an empty database with the schema.
        first_runs: list[float] = []
        raw_runs: list[float] = []
        merge_runs: list[float] = []
        ratios: list[float] = []
        loaded: dict[str, int] = {}

        def first_load() -> None:
            nonlocal loaded
            clear_database(driver, db)
            drop_schema(driver, db)
            t0 = time.perf_counter()
            graph_to_neo4j(G, driver, database=db, batch_size=args.batch_size)
            first_runs.append(time.perf_counter() - t0)
            loaded = count_database(driver, db)
            assert loaded["nodes"] == G.number_of_nodes() and loaded["relationships"] == G.number_of_edges()

        def raw_create() -> None:
            clear_database(driver, db)
            drop_schema(driver, db)
            _, raw_s = graph_to_neo4j_raw_create(G, driver, db, batch_size=args.batch_size)
            assert count_database(driver, db) == loaded  # set by round 0, where the first load runs first
            raw_runs.append(raw_s)

        for i in range(args.rounds):
            # The order alternates (first load then raw, raw then first load, ...): what the one run
            # leaves behind (server caches, freed store pages) favours neither.
            for run in (first_load, raw_create) if i % 2 == 0 else (raw_create, first_load):
                run()
            ratios.append(raw_runs[-1] / first_runs[-1])
            # Incremental: MERGE every row (the path of a load into a database holding the project's nodes).
            clear_database(driver, db)
            ensure_schema(driver, db)
            t0 = time.perf_counter()
            graph_to_neo4j(G, driver, database=db, batch_size=args.batch_size, mode="merge")
            merge_runs.append(time.perf_counter() - t0)
            assert count_database(driver, db) == loaded
        t0 = time.perf_counter()
        graph_to_neo4j(G, driver, database=db, batch_size=args.batch_size)
        reload_s = time.perf_counter() - t0
        assert count_database(driver, db) == loaded

        # Naive: half the sample nodes into an empty database, half edges between loaded nodes.
        clear_database(driver, db)
        half = args.naive_rows // 2
        naive_nodes, naive_node_s = graph_to_neo4j_naive(G, driver, db, max_nodes=half, max_edges=0)
        clear_database(driver, db)
        H = G.copy()
        H.remove_edges_from(list(H.edges(keys=True)))
        graph_to_neo4j(H, driver, database=db, batch_size=args.batch_size)
        naive_edges, naive_edge_s = graph_to_neo4j_naive(G, driver, db, max_nodes=0, max_edges=half)
        naive_rows, naive_s = naive_nodes + naive_edges, naive_node_s + naive_edge_s

        # The bundled report, as `pftz load` does it: into an empty database (no schema), then once more.
        R = graph_from_reports([load_report()], reference=load_reference())
        report_runs: list[float] = []
        reload_runs: list[float] = []
        for _ in range(args.rounds):
            clear_database(driver, db)
            drop_schema(driver, db)
            t0 = time.perf_counter()
            graph_to_neo4j(R, driver, database=db, batch_size=args.batch_size)
            report_runs.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            graph_to_neo4j(R, driver, database=db, batch_size=args.batch_size)
            reload_runs.append(time.perf_counter() - t0)
        clear_database(driver, db)
        ensure_schema(driver, db)

    first_s, raw_s, batched_s = (statistics.median(runs) for runs in (first_runs, raw_runs, merge_runs))
    offline = _offline_import(G)
    batched_rate, naive_rate, raw_rate = n_rows / batched_s, naive_rows / naive_s, n_rows / raw_s
    first_rate = n_rows / first_s

    def line(name: str, rows: int, seconds: float, note: str = "") -> None:
        print(f"{name:<44}{rows:>10,}{seconds:>10.2f}{rows / seconds:>10,.0f}  {note}")

    print()
    print(f"{'loader':<44}{'rows':>10}{'seconds':>10}{'rows/s':>10}")
    line("first load, constraints included (CREATE)", n_rows, first_s, f"median of {_spread(first_runs)}")
    line("raw UNWIND CREATE, no constraints", n_rows, raw_s, f"median of {_spread(raw_runs)}")
    line("incremental UNWIND MERGE (mode='merge')", n_rows, batched_s, f"median of {_spread(merge_runs)}")
    line("  reloaded (every MERGE matches)", n_rows, reload_s)
    if offline is not None:
        line("offline: CSV bundle + neo4j-admin import", n_rows, offline[0], f"of which {offline[1]:.2f} s the tool")
    else:
        print("offline: neo4j-admin not runnable here (needs java and tools/neo4j/neo4j-admin's jars)")
    line("naive MERGE, one transaction per row", naive_rows, naive_s)
    line("  extrapolated to the whole graph", n_rows, n_rows / naive_rate)
    print()
    each = ", ".join(f"{r:.2f}" for r in ratios)
    print(f"first load / raw CREATE: {first_rate / raw_rate:.2f}x (target >= 0.9x; round by round: {each})")
    print(f"incremental MERGE / raw CREATE: {batched_rate / raw_rate:.2f}x (target >= 0.6x)", end="    ")
    print(f"incremental / naive: {batched_rate / naive_rate:.1f}x")
    print(
        f"bundled report ({R.number_of_nodes():,} nodes, {R.number_of_edges():,} relationships): "
        f"{_spread(report_runs)} into an empty database (target < 1 s), {_spread(reload_runs)} to reload"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
