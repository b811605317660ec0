"""Latency of the named queries on both backends, and of ``trace`` on a graph of a million relationships.

Usage (with the test server running: ``tools/neo4j/neo4j.sh start && source tools/neo4j/env.sh``)::

    .venv/bin/python tools/bench_queries.py [--runs 7] [--measures 143000] [--zones 300] [--samples 5]
        [--large-runs 3] [--skip-large]

It WIPES the database it talks to, so it refuses any server that is not on a
loopback address. Credentials come from the environment (``NEO4J_URI``,
``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``), with the test
server's defaults when unset.

1. The bundled report's graph: every named query with its example parameters,
   on the NetworkX graph (the twin) and on Neo4j (the Cypher, through
   :func:`queries.run`, so driver round trip and DataFrame included); one
   warm-up run (which also checks that both backends agree), then the median
   of ``--runs`` runs.
2. A synthetic graph (:func:`tests.synthetic.synthetic_graph`, 7 relationships
   per measure) of at least a million relationships, loaded with
   :func:`graph.neo4j_store.graph_to_neo4j`: ``trace_innovation`` for sample
   measures found by key, by a few title words and by their whole name, with
   the key constraints and the ``measure_text`` full-text index in place.
   Target: under 200 ms. ``trace`` finds its measure through the ranked search
   (:func:`queries.search.search`), which scores every node holding one of the
   words; every synthetic measure's key and title share words ("m", "reform",
   "single window for trade"), so each search here ranks all the measures and
   takes about a second on either backend (on Neo4j the search for names equal
   to the text is also a scan of every node). The cost of a search is linear in
   the graph, and so ``--samples`` and ``--large-runs`` are few: 5 measures, 3
   timed runs each (60 searches per backend), which keeps ``make bench`` in one
   run (20 and 7, 480 searches per backend, ran past 25 minutes).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pftz import queries
from pftz.graph.build import graph_from_reports
from pftz.graph.index import index_of
from pftz.graph.neo4j_store import clear_database, count_database, graph_to_neo4j
from pftz.ground.schema import Label
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from tests.synthetic import EDGES_PER_MEASURE, synthetic_graph
from tools.benchlib import connect_local

TARGET_MS = 200.0
NETWORKX_TARGET_MS = 50.0


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    """Median wall time of ``fn()`` over ``runs`` runs, in milliseconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench_report(conn: tuple[Any, str], runs: int) -> None:
    """Part 1: every named query on both backends, on the bundled report's graph."""
    G = graph_from_reports([load_report()], reference=load_reference())
    driver, db = conn
    clear_database(driver, db)
    graph_to_neo4j(G, driver, database=db)
    print(f"\n1. bundled report: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} relationships; "
          f"median of {runs} runs after one warm-up")  # fmt: skip
    print(f"{'query':<26}{'rows':>6}{'NetworkX ms':>13}{'Neo4j ms':>11}")
    for info in queries.list_queries():
        params = {p.name: info.example.get(p.name, p.default) for p in info.params}
        on_nx = queries.run(info.name, G, **params)
        on_neo = queries.run(info.name, conn, **params)
        pd.testing.assert_frame_equal(on_nx, on_neo)
        nx_ms = median_ms(partial(queries.run, info.name, G, **params), runs)
        neo_ms = median_ms(partial(queries.run, info.name, conn, **params), runs)
        print(f"{info.name:<26}{len(on_nx):>6}{nx_ms:>13.1f}{neo_ms:>11.1f}")


def bench_large(conn: tuple[Any, str], runs: int, measures: int, zones: int, samples: int, keep: bool) -> bool:
    """Part 2: ``trace`` on a synthetic graph of about ``measures * 7`` relationships. True if under target."""
    driver, db = conn
    t0 = time.perf_counter()
    G = synthetic_graph(measures, zones, seed=1)
    n_rows = G.number_of_nodes() + G.number_of_edges()
    print(f"\n2. synthetic graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} relationships "
          f"(built in {time.perf_counter() - t0:.0f} s)")  # fmt: skip
    clear_database(driver, db)
    last = [time.perf_counter(), 0]

    def progress(done: int, total: int) -> None:
        if done == total or time.perf_counter() - last[0] > 15:
            print(f"   loaded {done:,} / {total:,} rows", flush=True)
            last[0] = time.perf_counter()

    t0 = time.perf_counter()
    graph_to_neo4j(G, driver, database=db, batch_size=2000, progress=progress)
    load_s = time.perf_counter() - t0
    counts = count_database(driver, db)
    assert counts["relationships"] == G.number_of_edges(), counts
    print(f"   load: {load_s:.0f} s, {n_rows / load_s:,.0f} rows/s; "
          f"database: {counts['nodes']:,} nodes, {counts['relationships']:,} relationships")  # fmt: skip

    keys = sorted(
        (d["key"] for _, d in G.nodes(data=True) if d.get("label") == Label.MEASURE.value),
        key=lambda k: int(k.rsplit("-", 1)[1]),
    )
    sample = [keys[i * (len(keys) - 1) // max(1, samples - 1)] for i in range(samples)]
    variants: dict[str, Callable[[str], str]] = {
        "by key": lambda k: k,
        "by title words": lambda k: f"reform {k}",
        "by whole name": lambda k: f"Measure {k}: single window for trade",
    }
    print(f"   trace_innovation on {len(sample)} sample measures; median of {runs} runs each, after a warm-up")
    t0 = time.perf_counter()
    index_of(G)
    print(f"   NetworkX index (graph.index) built in {(time.perf_counter() - t0) * 1000:.0f} ms")
    print(f"   {'search':<18}{'backend':<10}{'median ms':>10}{'p90 ms':>9}{'max ms':>9}{'rows':>6}")
    ok = True
    for name, words_of in variants.items():
        for backend_name, backend in (("Neo4j", conn), ("NetworkX", G)):
            for k in sample:  # warm-up, and check each search finds its measure
                df = queries.trace(backend, words_of(k))
                assert set(df["measure_key"]) == {k}, (name, backend_name, k, set(df["measure_key"]))
            per_measure = sorted(median_ms(partial(queries.trace, backend, words_of(k)), runs) for k in sample)
            p90 = per_measure[int(0.9 * (len(per_measure) - 1))]
            med = statistics.median(per_measure)
            target = TARGET_MS if backend_name == "Neo4j" else NETWORKX_TARGET_MS
            ok &= med < target
            print(f"   {name:<18}{backend_name:<10}{med:>10.1f}{p90:>9.1f}{per_measure[-1]:>9.1f}{len(df):>6}")
    print(f"   targets: median under {TARGET_MS:.0f} ms on Neo4j, {NETWORKX_TARGET_MS:.0f} ms on NetworkX: "
          f"{'met' if ok else 'NOT met'}")  # fmt: skip
    if not keep:
        clear_database(driver, db)
    return ok


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per query (median reported)")
    parser.add_argument(
        "--measures",
        type=int,
        default=143_000,
        help=f"measures of the synthetic graph ({EDGES_PER_MEASURE} relationships each)",
    )
    parser.add_argument("--zones", type=int, default=300, help="zones of the synthetic graph")
    parser.add_argument("--samples", type=int, default=5, help="measures traced on the synthetic graph")
    parser.add_argument(
        "--large-runs", type=int, default=3, help="timed runs per search on the synthetic graph (median reported)"
    )
    parser.add_argument("--skip-large", action="store_true", help="only the bundled report's graph")
    parser.add_argument("--keep", action="store_true", help="leave the synthetic graph in the database")
    args = parser.parse_args(argv)

    driver, db = connect_local()
    with driver:
        info = driver.get_server_info()
        print(f"server: {info.agent} at {info.address}, database {db}")
        bench_report((driver, db), args.runs)
        if not args.skip_large:
            t0 = time.perf_counter()
            bench_large((driver, db), args.large_runs, args.measures, args.zones, args.samples, args.keep)
            print(f"   part 2 in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
