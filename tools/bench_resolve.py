"""Benchmark: entity resolution of many similar user measures (1,000, 4,000 and 16,000 by default).

For each size a measures CSV is generated on the fly (in a temporary folder,
removed afterwards): keyed measures ``user:bench:N`` of one zone whose titles
are alike, built from a few words each ("Negative list for cross-border data
flows (2021 edition)", "Open list for cross-border data services (Hubei
2022 pilot)" ...), the case where comparing every pair made resolution
quadratic. Each size runs in a fresh child process, which reads the file
with the bundled report, builds the graph without resolution, then times
:func:`graph.resolve.resolve_measures` alone and reports its peak memory
(``ru_maxrss`` of the child, which includes the parse and build), the
title pairs compared, the pairs proposed for review and the measures kept
(every user key must survive: none is merged by similarity). Each size runs
``--repeat`` times (3 by default) and the fastest run is shown, as ``timeit``
does: on a shared machine the slower runs measure the other jobs. The time is
the process's CPU time (resolution runs on one thread: rapidfuzz's ``cpdist``
with one worker), which the other jobs of a shared machine barely move, with
the wall-clock time beside it; the ratio of 16,000 to 1,000 is taken on CPU
time.

Run: ``.venv/bin/python tools/bench_resolve.py [--sizes 1000 4000 16000] [--repeat 3]``
(part of ``make bench``).
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pftz.graph.build import graph_from_reports
from pftz.graph.resolve import resolve_measures
from pftz.ground.schema import KEY, Label
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.loaders.userdata import load_user_data
from pftz.loaders.userdata_builder import COLUMNS

_LISTS = ("Negative list", "Open list", "Positive list", "Catalogue", "Guideline", "Rulebook", "Whitelist")
_OBJECTS = ("cross-border data flows", "cross-border data services", "data export filing", "outbound data transfer")
_ZONES = ("Hubei", "Shanghai", "Hainan", "Tianjin", "Fujian", "Guangdong", "Sichuan", "Chongqing", "Zhejiang")


def title(i: int) -> str:
    """The ``i``-th generated title: alike in words, distinct as a whole."""
    words = _LISTS[i % len(_LISTS)], _OBJECTS[(i // 7) % len(_OBJECTS)], _ZONES[(i // 28) % len(_ZONES)]
    return f"{words[0]} for {words[1]} ({words[2]} {2000 + i // 252} edition {i})"


def write_measures(path: Path, n: int) -> None:
    """Write ``n`` keyed user measures of one zone with similar titles."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS["measures"])
        for i in range(n):
            w.writerow([f"user:bench:{i}", title(i), "institutional innovation", "Hubei PFTZ", "", "", ""])


def child(path: Path) -> None:
    """Build without resolution, time the resolution alone, print one line of figures."""
    report = load_report()
    data = load_user_data(path, known=[report])
    G = graph_from_reports([report, data], reference=load_reference(), derive=False, resolve=False, check=False)
    t0, c0 = time.perf_counter(), time.process_time()
    summary = resolve_measures(G)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kept = sum(
        1
        for _, d in G.nodes(data=True)
        if d.get("label") == Label.MEASURE.value and str(d.get(KEY, "")).startswith("user:bench:")
    )
    print(
        f"{cpu:.6f}\tresolve {cpu:6.2f} s CPU ({seconds:.2f} s wall), peak RSS {peak:6,.0f} MiB; "
        f"{summary.compared:,} title pairs compared, "
        f"{summary.uncertain:,} proposed (SAME_AS), {summary.merged} merged; {kept:,} user keys kept"
    )


def main() -> None:
    """Generate each size and measure it in a child process."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 4_000, 16_000])
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest is shown")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as d:
        for n in args.sizes:
            path = Path(d) / f"measures-{n}.csv"
            write_measures(path, n)
            runs = []
            for _ in range(args.repeat):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=False
                )
                if not out.stdout.strip():
                    runs = [(0.0, f"failed: {out.stderr.strip()[-500:]}")]
                    break
                seconds, line = out.stdout.strip().split("\t", 1)
                runs.append((float(seconds), line))
            print(f"similar user measures {n:>6,} (best of {len(runs)}): {min(runs)[1]}", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
