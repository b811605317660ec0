"""Benchmark: reading large user-data files (adoption CSVs) and building the graph with them.

For each row count (10^4, 10^5, 10^6 by default) an adoption CSV is generated
on the fly (in a temporary folder, removed afterwards): every adopter (the
provinces and zones of the curated gazetteer) adopting every national
innovation of the bundled report, the rows repeating in that cycle, so that a
larger file holds more duplicates of the same facts (as an appended export or
a merged spreadsheet does). Each size runs in a fresh child process, which
reports the time to read the file and to build the graph with the bundled
report, and its peak memory (``ru_maxrss``).

Then the path the command line runs: ``pftz build --data FILE --out DIR`` of
an adoption CSV whose rows are all distinct (the same adoptions, each row with
its own date and source note, so every repeat of an adoption is an
``adoption-merged`` warning and one more piece of evidence), in a child
process, with its time, peak memory (``ru_maxrss`` of the child), the size of
the output folder and the warning lines it printed.

Run: ``.venv/bin/python tools/bench_userdata.py [--rows 10000 100000 1000000]
[--cli-rows 10000 100000 1000000]`` (part of ``make bench``).
"""

from __future__ import annotations

import argparse
import csv
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pftz.graph.build import graph_from_reports
from pftz.ground.schema import Label
from pftz.loaders.gazetteer import Gazetteer
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.loaders.userdata import load_user_data
from pftz.loaders.userdata_builder import COLUMNS


def _adoption_pairs() -> list[tuple[str, str]]:
    """Every (adopter, national innovation) of the bundled report: provinces and zones by name."""
    report = load_report()
    measures = sorted({e.key for e in report.entities if e.label is Label.MEASURE and e.key.startswith("national:")})
    gaz = Gazetteer.default()
    adopters = sorted(p.name for p in gaz.provinces.values()) + sorted(z.name for z in gaz.zones.values())
    return [(a, m) for a in adopters for m in measures]


def _write_rows(path: Path, rows: int, distinct: bool) -> int:
    pairs = _adoption_pairs()
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS["adoptions"])
        for i in range(rows):
            a, m = pairs[i % len(pairs)]
            if distinct:  # the k-th pass over the cycle gets its own month and every row its own note
                k = i // len(pairs)
                w.writerow([a, m, f"{1900 + k // 12}-{k % 12 + 1:02d}", "", "", f"bench row {i}"])
            else:
                w.writerow([a, m, "2024-06", "", "", "bench"])
    return len(pairs)


def write_adoptions(path: Path, rows: int) -> int:
    """Write ``rows`` adoption rows cycling through every (adopter, national innovation); return the cycle length."""
    return _write_rows(path, rows, distinct=False)


def write_distinct(path: Path, rows: int) -> int:
    """Write ``rows`` distinct adoption rows: the cycle of :func:`write_adoptions`, each with its own date and note."""
    return _write_rows(path, rows, distinct=True)


def cli_child(path: Path, out: Path) -> None:
    """Run ``pftz build --data`` in a grandchild process; print its time, peak RSS, output size and warning lines."""
    pftz = Path(sys.executable).parent / "pftz"
    t0 = time.perf_counter()
    res = subprocess.run(
        [str(pftz), "build", "--data", str(path), "--out", str(out)], capture_output=True, text=True, check=False
    )
    took = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if res.returncode:
        print(f"exit {res.returncode} after {took:.0f} s, peak RSS {peak:,.0f} MiB: {res.stderr.strip()[-300:]}")
        return
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
    warned = sum(1 for ln in res.stderr.splitlines() if ln.startswith("  ") and "] " in ln)
    print(f"{took:6.1f} s, peak RSS {peak:7,.0f} MiB, output {size:7,.1f} MB, {warned} warning lines printed")


def child(path: Path) -> None:
    """Read the file, build the graph with the bundled report, print one line of figures."""
    report = load_report()
    t0 = time.perf_counter()
    data = load_user_data(path, known=[report])
    t1 = time.perf_counter()
    G = graph_from_reports([report, data], reference=load_reference())
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    warned = dict(data.meta).get("rows_skipped", "?")
    print(
        f"read {t1 - t0:6.1f} s, build {t2 - t1:6.1f} s, peak RSS {peak:7,.0f} MiB; "
        f"{len(data.relations):,} relation records, {len(data.warnings):,} warnings ({warned} rows skipped), "
        f"graph {G.number_of_edges():,} edges"
    )


def main() -> None:
    """Generate each size and measure it in a child process."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--cli-rows", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--cli-child", type=Path, nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    if args.cli_child:
        cli_child(*args.cli_child)
        return
    with tempfile.TemporaryDirectory() as d:
        for n in args.rows:
            path = Path(d) / f"adoptions-{n}.csv"
            cycle = write_adoptions(path, n)
            size = path.stat().st_size / 1e6
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=False
            )
            line = out.stdout.strip() or f"failed: {out.stderr.strip()[-500:]}"
            print(f"user data {n:>9,} rows ({size:5.1f} MB, {cycle:,} distinct adoptions): {line}")
            path.unlink()
        for n in args.cli_rows:
            path = Path(d) / f"distinct-{n}.csv"
            write_distinct(path, n)
            size = path.stat().st_size / 1e6
            out = subprocess.run(
                [sys.executable, __file__, "--cli-child", str(path), str(Path(d) / f"out-{n}")],
                capture_output=True,
                text=True,
                check=False,
            )
            line = out.stdout.strip() or f"failed: {out.stderr.strip()[-500:]}"
            print(f"pftz build --data, {n:>9,} distinct rows ({size:5.1f} MB): {line}")
            path.unlink()
            shutil.rmtree(Path(d) / f"out-{n}", ignore_errors=True)


if __name__ == "__main__":
    main()
