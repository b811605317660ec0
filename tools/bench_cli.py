"""Benchmark the command line end to end: ``pftz trace`` cold and warm beside ``pftz --version``.

Usage::

    .venv/bin/python tools/bench_cli.py [--runs 5]

Each figure is the median wall time of ``--runs`` fresh processes, measured in
the same run so that they share the machine's load: ``pftz --version`` (bare
start-up: Python and the package's imports), ``pftz trace`` with an empty
build cache (cold: parse the report, build, trace) and with the cache filled
by the cold run (warm). The target is a warm trace within 1.5x of bare
start-up. The cache lives in a temporary folder, so the user's is untouched.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PFTZ = str(ROOT / ".venv" / "bin" / "pftz")
WORDS = "ship supervision and declaration"
WARM_TARGET = 1.5


def _time(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([PFTZ, *args], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def bench_cli(runs: int = 5) -> dict[str, float]:
    """Median seconds of ``pftz --version``, cold ``pftz trace`` and warm ``pftz trace``."""
    cache = Path(tempfile.mkdtemp(prefix="pftz-bench-cache-"))
    env = {**os.environ, "PFTZ_CACHE_DIR": str(cache)}
    try:
        _time(["--version"], env)  # file-system caches warm for every figure alike
        version, cold, warm = [], [], []
        for _ in range(runs):
            version.append(_time(["--version"], env))
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(_time(["trace", WORDS], env))
            warm.append(_time(["trace", WORDS], env))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return {"version": statistics.median(version), "cold": statistics.median(cold), "warm": statistics.median(warm)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not Path(PFTZ).exists():
        print(f"no {PFTZ}: run make install first", file=sys.stderr)
        raise SystemExit(1)
    r = bench_cli(args.runs)
    ratio = r["warm"] / r["version"]
    verdict = "ok" if ratio <= WARM_TARGET else f"over the {WARM_TARGET}x target"
    print(f"pftz --version          {r['version']:.2f} s (bare start-up, median of {args.runs})")
    print(f"pftz trace, cold cache  {r['cold']:.2f} s ({r['cold'] / r['version']:.1f}x start-up)")
    print(f"pftz trace, warm cache  {r['warm']:.2f} s ({ratio:.2f}x start-up: {verdict})")


if __name__ == "__main__":
    main()
