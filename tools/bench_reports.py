"""How building grows with the number of reports merged: time and peak memory for N = 1, 10, 100.

Usage::

    .venv/bin/python tools/bench_reports.py [--counts 1 10 100] [--own 0.5]

Each synthetic report is the bundled report's records under another source
name (``report-<i>.txt``, its own sha256): zones, provinces, issuing bodies,
documents and batches keep their keys, so every report after the first
overlaps the others there and adds its provenance to the shared nodes, while
a share ``--own`` of the measures get keys of their own (a later edition's new
innovations). Each N is built in a fresh child process (fork), with the
reference data, entity resolution and diffusion, as ``pftz build`` does, and
its wall time and peak RSS are printed side by side with N = 1's.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import multiprocessing
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pftz.ground.schema import Label
from pftz.loaders.records import NodeRef, ParsedReport, Provenance
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report


def edition(report: ParsedReport, i: int, own: float) -> ParsedReport:
    """The ``i``-th synthetic report: shared keys except for a share ``own`` of the measures."""
    source = f"report-{i}.txt"
    sha = hashlib.sha256(source.encode()).hexdigest()
    measures = sorted(e.key for e in report.entities if e.label == Label.MEASURE)
    renamed = {k: f"{k}@{i}" for k in measures[: int(len(measures) * own)]} if i else {}

    def key(label: str, k: str) -> str:
        return renamed.get(k, k) if label == Label.MEASURE else k

    def prov(p: Provenance) -> Provenance:
        return dataclasses.replace(p, source=source, sha256=sha)

    ents = tuple(
        dataclasses.replace(e, key=key(e.label, e.key), provenance=prov(e.provenance)) for e in report.entities
    )
    rels = tuple(
        dataclasses.replace(
            r,
            start=NodeRef(r.start.label, key(r.start.label, r.start.key)),
            end=NodeRef(r.end.label, key(r.end.label, r.end.key)),
            provenance=prov(r.provenance),
        )
        for r in report.relations
    )
    return dataclasses.replace(report, source=source, sha256=sha, entities=ents, relations=rels)


def _build(report: ParsedReport, n: int, own: float) -> tuple[int, int, float, float, float]:
    """In a fresh child: build N reports; return nodes, edges, seconds, peak and starting RSS in MiB."""
    from pftz.graph.build import graph_from_reports

    reports = [edition(report, i, own) for i in range(n)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    G = graph_from_reports(reports, reference=load_reference())
    took = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return G.number_of_nodes(), G.number_of_edges(), took, peak, before


def main(argv: list[str] | None = None) -> int:
    """Build N = 1, 10, 100 reports and print time and memory per N."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--counts", type=int, nargs="+", default=[1, 10, 100])
    ap.add_argument("--own", type=float, default=0.5, help="share of each later report's measures that are new")
    args = ap.parse_args(argv)
    report = load_report()
    print(f"{'reports':>8}{'nodes':>10}{'edges':>10}{'seconds':>9}{'s/report':>9}{'peak MiB':>10}{'growth':>9}")
    base: float | None = None
    ctx = multiprocessing.get_context("fork")
    for n in args.counts:
        with ctx.Pool(1, maxtasksperchild=1) as pool:
            nodes, edges, took, peak, before = pool.apply(_build, (report, n, args.own))
        grown = peak - before
        base = base if base is not None else grown
        growth = f"{grown / base:.1f}x" if base > 0 else "-"
        print(f"{n:>8}{nodes:>10,}{edges:>10,}{took:>9.2f}{took / n:>9.3f}{peak:>10,.0f}{growth:>9}")
    print("(peak = the child's peak RSS; growth = its increase over the RSS before the build, relative to N = 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
