"""Benchmarks of the embedded pipeline: parse, build plus exports, and memory at scale.

Usage::

    .venv/bin/python tools/bench.py [--runs 7] [--scale 1000]

Prints, measured in this one run:

* the parse time of the bundled report (median and best of ``--runs`` runs);
* build plus every export for the bundled report (median of runs);
* the peak memory (RSS) and time of building a synthetic input ``--scale`` times
  the report's size, each way in its own child process: as ``--scale`` reports read
  one at a time (what :func:`graph.build.graph_from_reports` consumes; the records
  of a report are dropped once grouped), and as one record set the caller holds
  throughout (its records counted in the peak). Both print side by side.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.gazetteer_scan import _scan_cached
from pftz.loaders.records import Entity, NodeRef, ParsedReport, Relation
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Run ``fn`` ``runs`` times and return the wall times in seconds."""
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def copies(report: ParsedReport, scale: int) -> Iterator[ParsedReport]:
    """``scale`` copies of the report, made one at a time: every key suffixed with the copy's number.

    The copies share the report's names, properties and provenance objects (only keys differ).
    """
    for i in range(scale):
        suffix = f"#{i}"
        yield ParsedReport(
            report.source,
            report.sha256,
            tuple(Entity(e.label, e.key + suffix, e.name, e.props, e.provenance) for e in report.entities),
            tuple(
                Relation(
                    r.type,
                    NodeRef(r.start.label, r.start.key + suffix),
                    NodeRef(r.end.label, r.end.key + suffix),
                    r.props,
                    r.provenance,
                )
                for r in report.relations
            ),
        )


def scaled(report: ParsedReport, scale: int) -> ParsedReport:
    """A record set ``scale`` times the report, held as one: the records of :func:`copies`."""
    parts = list(copies(report, scale))
    return ParsedReport(
        report.source,
        report.sha256,
        tuple(e for p in parts for e in p.entities),
        tuple(r for p in parts for r in p.relations),
    )


def main() -> None:
    """Run the benchmarks and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--scale", type=int, default=1000)
    args = ap.parse_args()

    Gazetteer.default()  # built once per process, as in any command
    def cold_parse() -> None:
        _scan_cached.cache_clear()  # each run parses as a fresh process would, without the last run's memo
        load_report()

    times = timed(cold_parse, args.runs)
    print(
        f"parse bundled report: median {statistics.median(times) * 1000:.0f} ms, "
        f"best {min(times) * 1000:.0f} ms over {args.runs} runs (target < 500 ms)"
    )

    from pftz.graph.build import graph_from_reports
    from pftz.graph.exports import write_all

    report = load_report()
    with tempfile.TemporaryDirectory() as d:
        build_times = timed(lambda: graph_from_reports([report], reference=load_reference()), args.runs)
        G = graph_from_reports([report], reference=load_reference())
        export_times = timed(lambda: write_all(G, Path(d)), args.runs)
    total = statistics.median(build_times) + statistics.median(export_times)
    print(
        f"build graph: median {statistics.median(build_times) * 1000:.0f} ms; all exports: median "
        f"{statistics.median(export_times) * 1000:.0f} ms; build + exports {total * 1000:.0f} ms "
        f"(target < 1000 ms; {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges)"
    )

    for held in (False, True):  # each in a fresh child: ru_maxrss is the peak of the whole process
        with multiprocessing.get_context("fork").Pool(1) as pool:
            print(pool.apply(_big_build, (report, args.scale, held)))


def _big_build(report: ParsedReport, scale: int, held: bool) -> str:
    """Build a graph ``scale`` times the report; return a line with its time and the peak RSS.

    ``held``: the caller makes and holds the whole record set first (:func:`scaled`); otherwise the
    copies are made and consumed one report at a time (:func:`copies`), inside the timed build.
    """
    from pftz.graph.build import graph_from_reports

    size = (len(report.entities) * scale, len(report.relations) * scale)
    reports = [scaled(report, scale)] if held else copies(report, scale)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    H = graph_from_reports(reports, derive=False, resolve=False)
    took = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    how = "one record set held by the caller" if held else f"{scale:,} reports read one at a time"
    target = "; the caller's records included" if held else "; target well below 2.2 GB"
    return (
        f"build x{scale} synthetic, {how} ({size[0]:,} entity and {size[1]:,} relation records -> "
        f"{H.number_of_nodes():,} nodes, {H.number_of_edges():,} edges): {took:.1f} s, peak RSS of the "
        f"building process {peak / 1024:,.0f} MiB ({before / 1024:,.0f} MiB before the build{target})"
    )


if __name__ == "__main__":
    main()
