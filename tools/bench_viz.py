"""Benchmark the HTML export of :mod:`shell.viz` and the time Chromium takes to draw it.

Usage::

    .venv/bin/python tools/bench_viz.py [--nodes 10000] [--out build/bench-viz]

Builds a synthetic graph of about ``--nodes`` nodes (measures make up the
rest after zones, regions, documents and batches), times
:func:`shell.viz.render_html` (target: under 5 s for 10,000 nodes), then opens
the file from disk in Debian's headless Chromium with the network off and
times how long until vis-network has drawn it once (its first
``afterDrawing`` event).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx
from playwright.sync_api import sync_playwright

from shell import viz
from tests.browser import CHROMIUM, launch_chromium
from tests.synthetic import synthetic_graph

EXPORT_TARGET_S = 5.0
N_ZONES = 30


def _graph_of(n_nodes: int) -> nx.MultiDiGraph:
    fixed = synthetic_graph(0, N_ZONES).number_of_nodes()
    return synthetic_graph(max(1, n_nodes - fixed), N_ZONES)


def bench_viz(n_nodes: int = 10_000, out_dir: Path | None = None) -> dict[str, float]:
    """Print and return export and draw times for a synthetic graph of ``n_nodes`` nodes.

    Parameters
    ----------
    n_nodes
        About how many nodes the graph has.
    out_dir
        Where the HTML file goes; a temporary folder under ``build/`` by default.

    Returns
    -------
    dict
        ``build_s``, ``export_s``, ``size_mb``, ``load_s`` (navigation to first
        draw, measured outside the page) and ``draw_ms`` (the page's own
        ``performance.now()`` at its first ``afterDrawing``).
    """
    out = Path(out_dir or Path(__file__).resolve().parents[1] / "build" / "bench-viz")
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    G = _graph_of(n_nodes)
    build_s = time.perf_counter() - t0
    n, m = G.number_of_nodes(), G.number_of_edges()

    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", viz.LargeGraphWarning)
        path = viz.render_html(G, out / "graph.html", title=f"Benchmark: {n:,} nodes")
    export_s = time.perf_counter() - t0
    size_mb = path.stat().st_size / 1e6
    verdict = "ok" if export_s < EXPORT_TARGET_S else f"SLOWER than the {EXPORT_TARGET_S:.0f} s target"
    print(f"graph: {n:,} nodes, {m:,} edges (built in {build_s:.2f} s)")
    print(f"export: {export_s:.2f} s ({verdict}), {size_mb:.1f} MB -> {path}")

    if not CHROMIUM.is_file():
        print(f"draw: skipped, no Chromium at {CHROMIUM} (run tools/setup-test-deps.sh)")
        return {"build_s": build_s, "export_s": export_s, "size_mb": size_mb}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            context = browser.new_context(offline=True, viewport={"width": 1280, "height": 860})
            page = context.new_page()
            t0 = time.perf_counter()
            page.goto(path.resolve().as_uri(), wait_until="commit")
            page.wait_for_function("() => window.pftz && window.pftz.drawn", timeout=600_000, polling=50)
            load_s = time.perf_counter() - t0
            draw_ms = float(page.evaluate("window.pftz.drawnAt"))
            drawn = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
        finally:
            browser.close()
    print(f"draw: {draw_ms / 1000:.2f} s from navigation start to the first afterDrawing (page clock)")
    print(f"      {load_s:.2f} s from goto() to drawn, measured outside; {drawn[0]:,} nodes, {drawn[1]:,} edges drawn")
    return {"build_s": build_s, "export_s": export_s, "size_mb": size_mb, "load_s": load_s, "draw_ms": draw_ms}


def main() -> None:
    """Run :func:`bench_viz` from the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    bench_viz(args.nodes, args.out)


if __name__ == "__main__":
    main()
