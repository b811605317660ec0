"""The figures of one ``make bench`` run side by side: read its output, print one table with the targets.

``tools/run-bench.sh`` keeps the output of every benchmark of the run in one log and ends
with this summary, so the ratios that matter are read together, from the same run (on a
shared machine seconds move from run to run; ratios within one run do not). A figure a
benchmark did not print (it failed, or was skipped) is shown as ``missing``.

Run: ``.venv/bin/python tools/bench_summary.py LOG`` (``make bench`` does).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _find(pattern: str, log: str) -> re.Match[str] | None:
    return re.search(pattern, log, re.MULTILINE)


def summary(log: str) -> list[tuple[str, str, str]]:
    """``(what, figure, target)`` rows of the figures found in the output of one run."""
    rows: list[tuple[str, str, str]] = []

    def add(what: str, m: re.Match[str] | None, shown: str, target: str) -> None:
        rows.append((what, shown.format(*m.groups()) if m else "missing", target))

    add(
        "parse the bundled report (median of 7)",
        _find(r"^parse bundled report: median (\d+) ms, best (\d+) ms", log),
        "{0} ms (best {1} ms)",
        "< 500 ms",
    )
    add(
        "pftz --version / python -c pass",
        _find(r"^pftz --version\s+([\d.]+) s \(([\d.]+)x python -c pass", log),
        "{0} s, {1}x",
        "<= 4x",
    )
    add(
        "pftz trace warm / import networkx",
        _find(r"^pftz trace, warm cache\s+([\d.]+) s \(([\d.]+)x import networkx", log),
        "{0} s, {1}x",
        "<= 1.5x",
    )
    add(
        "pftz trace cold / import networkx",
        _find(r"^pftz trace, cold cache\s+([\d.]+) s \(([\d.]+)x import networkx", log),
        "{0} s, {1}x",
        "",
    )
    resolve = {
        int(m.group(1).replace(",", "")): (m.group(2), m.group(3))
        for m in re.finditer(
            r"^similar user measures\s+([\d,]+) .*?resolve\s+([\d.]+) s(?: CPU)?[^,]*, peak RSS\s+([\d,]+) MiB",
            log,
            re.MULTILINE,
        )
    }
    for n in (1_000, 4_000, 16_000):
        got = resolve.get(n)
        rows.append(
            (f"resolution of {n:,} similar user measures", f"{got[0]} s, peak {got[1]} MiB" if got else "missing", "")
        )
    if 1_000 in resolve and 16_000 in resolve and _num(resolve[1_000][0]) > 0:
        ratio = _num(resolve[16_000][0]) / _num(resolve[1_000][0])
        rows.append(("resolution time 16,000 / 1,000", f"{ratio:.1f}x", "< 20x (16x is linear)"))
    for n in (100_000, 1_000_000):
        what = f"pftz build --data, {n:,} distinct rows"
        line = _find(rf"^pftz build --data,\s+{n:,} distinct rows \(\s*([\d.]+) MB\): (.*)$", log)
        m = line and re.match(r"\s*([\d.]+) s, peak RSS\s+([\d,]+) MiB", line.group(2))
        if line and m:
            shown = f"{m.group(1)} s, peak {m.group(2)} MiB ({line.group(1)} MB file)"
        else:
            shown = line.group(2)[:60] if line else "missing"
        rows.append((what, shown, "peak < 1,024 MiB"))
    add(
        "Neo4j first load / raw CREATE",
        _find(r"^first load / raw CREATE: ([\d.]+)x", log),
        "{0}x",
        ">= 0.9x",
    )
    add(
        "Neo4j incremental MERGE / raw CREATE; / naive",
        _find(r"^incremental MERGE / raw CREATE: ([\d.]+)x.*incremental / naive: ([\d.]+)x", log),
        "{0}x; {1}x",
        ">= 0.6x; >= 20x",
    )
    big = _find(r"^2\. synthetic graph: [\d,]+ nodes, ([\d,]+) relationships", log)
    add(
        "Neo4j load of the synthetic graph",
        _find(r"^\s+load: (\d+) s, ([\d,]+) rows/s", log),
        "{0} s, {1} rows/s",
        "",
    )
    traces = {
        (m.group(1), m.group(2)): m.group(3)
        for m in re.finditer(r"^\s+(by key|by title words|by whole name)\s+(Neo4j|NetworkX)\s+([\d.]+)", log, re.M)
    }
    shown = "; ".join(
        f"{how.split()[-1]} {_num(traces[how, 'NetworkX']):.0f} / {_num(traces[how, 'Neo4j']):.0f} ms"
        for how in ("by key", "by title words", "by whole name")
        if (how, "NetworkX") in traces and (how, "Neo4j") in traces
    )
    rows.append(
        (
            f"trace on {big.group(1) if big else '?'} relationships, NetworkX / Neo4j",
            shown or "missing",
            "< 50 ms / < 200 ms",
        )
    )
    return rows


def main() -> None:
    """Print the summary table of the log named on the command line."""
    log = Path(sys.argv[1]).read_text(encoding="utf-8", errors="replace")
    rows = summary(log)
    width = max(len(r[0]) for r in rows)
    fig = max(len(r[1]) for r in rows)
    print(f"{'what':<{width}}  {'figure':<{fig}}  target")
    for what, figure, target in rows:
        print(f"{what:<{width}}  {figure:<{fig}}  {target}")


if __name__ == "__main__":
    main()
