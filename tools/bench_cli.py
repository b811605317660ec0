"""Benchmark the command line end to end: ``pftz --version`` and ``pftz trace`` beside bare Python.

Usage::

    .venv/bin/python tools/bench_cli.py [--runs 5]

Each figure is the median wall time of ``--runs`` fresh processes, measured in
the same run so that they share the machine's load: ``pftz --version`` (bare
start-up: Python and the package's imports), ``pftz trace`` with an empty
build cache (cold: parse the report, build, trace) and with the cache filled
by the cold run (warm: the cached build read lazily from its SQLite image, no
NetworkX). Two yardsticks are measured in the same loop:
``python -c pass`` (the interpreter alone) and ``python -c "import networkx"``
(the one library a trace of the embedded graph cannot do without). The
targets: ``pftz --version`` within 4x ``python -c pass``, a warm trace within
1.5x ``import networkx``. The cache lives in a temporary folder, so the
user's is untouched. Every process may write and read its bytecode
(``PYTHONDONTWRITEBYTECODE`` is dropped, as an installed package has its
``.pyc`` files): the first run compiles, the figures measure the runs after.
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
"""A warm ``pftz trace`` against ``python -c "import networkx"``."""
VERSION_TARGET = 4.0
"""``pftz --version`` against ``python -c pass``."""
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def _time(args: list[str], env: dict[str, str], program: str = PFTZ) -> float:
    started = time.perf_counter()
    subprocess.run([program, *args], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def bench_cli(runs: int = 5) -> dict[str, float]:
    """Median seconds of ``pftz --version``, cold and warm ``pftz trace``, and the two Python yardsticks."""
    cache = Path(tempfile.mkdtemp(prefix="pftz-bench-cache-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PFTZ_CACHE_DIR": str(cache)}
    try:
        _time(["--version"], env)  # file-system caches warm for every figure alike
        _time(["trace", WORDS], env)  # and the bytecode of every module a trace imports written
        version, cold, warm, bare, networkx = [], [], [], [], []
        for _ in range(runs):
            bare.append(_time(["-c", "pass"], env, PYTHON))
            networkx.append(_time(["-c", "import networkx"], env, PYTHON))
            version.append(_time(["--version"], env))
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(_time(["trace", WORDS], env))
            warm.append(_time(["trace", WORDS], env))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return {
        "version": statistics.median(version),
        "cold": statistics.median(cold),
        "warm": statistics.median(warm),
        "python": statistics.median(bare),
        "networkx": statistics.median(networkx),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not Path(PFTZ).exists():
        print(f"no {PFTZ}: run make install first", file=sys.stderr)
        raise SystemExit(1)
    r = bench_cli(args.runs)

    def verdict(ratio: float, target: float) -> str:
        return "ok" if ratio <= target else f"over the {target:g}x target"

    v_ratio, w_ratio = r["version"] / r["python"], r["warm"] / r["networkx"]
    print(f"python -c pass                    {r['python']:.2f} s (the interpreter alone, median of {args.runs})")
    print(f'python -c "import networkx"       {r["networkx"]:.2f} s')
    print(f"pftz --version                    {r['version']:.2f} s ({v_ratio:.2f}x python -c pass: "
          f"{verdict(v_ratio, VERSION_TARGET)})")  # fmt: skip
    print(f"pftz trace, cold cache            {r['cold']:.2f} s ({r['cold'] / r['networkx']:.1f}x import networkx)")
    print(f"pftz trace, warm cache            {r['warm']:.2f} s ({w_ratio:.2f}x import networkx: "
          f"{verdict(w_ratio, WARM_TARGET)})")  # fmt: skip

if __name__ == "__main__":
    main()
