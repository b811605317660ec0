"""Benchmark the HTML views of :mod:`shell.viz`: the real site's pages, and a large synthetic export.

Usage::

    .venv/bin/python tools/bench_viz.py [--nodes 10000] [--out build/bench-viz] [--runs 3]

First the site of the bundled report (:func:`shell.viz.write_site`): its size
on disk (target: under 10 MB), then for each kind of view (whole graph, map,
the spread of a pilot measure, a zone profile) the bytes the page loads (page,
data file and shared assets) and the time from navigation to its first
*stable* drawing in Debian's headless Chromium with the network off (the
page's own clock at ``window.pftz.stable``: physics settled and labels
decluttered; target: under 3 s for the whole graph), median of ``--runs``
openings. Then a synthetic graph of about ``--nodes`` nodes: the time of
:func:`shell.viz.render_html` (target: under 5 s for 10,000 nodes) and of its
first drawing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import networkx as nx
from playwright.sync_api import sync_playwright

from pftz.graph.build import graph_from_reports
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.shell import pages, viz
from tests.browser import CHROMIUM, launch_chromium
from tests.synthetic import synthetic_graph

EXPORT_TARGET_S = 5.0
STABLE_TARGET_S = 3.0
SITE_TARGET_MB = 10.0
N_ZONES = 30
VIEWPORT = {"width": 1280, "height": 860}


def _shown(path: Path) -> str:
    """A path as printed: relative to the project when inside it (the output goes into docs)."""
    try:
        return str(Path(path).resolve().relative_to(Path(__file__).resolve().parents[1]))
    except ValueError:
        return str(path)


def _page_bytes(page: Path) -> int:
    """The bytes a page of the site loads: itself, its data file and the shared assets it links."""
    text = page.read_text(encoding="utf-8")
    linked = pages._REF.findall(text)
    return page.stat().st_size + sum((page.parent / ref).stat().st_size for ref in linked)


def bench_site(out_dir: Path, runs: int = 3) -> dict[str, dict[str, float]]:
    """Print and return the size of the real site and each view's page size and time to a stable drawing."""
    G = graph_from_reports([load_report()], reference=load_reference())
    t0 = time.perf_counter()
    written = viz.write_site(G, out_dir / "html")
    site_s = time.perf_counter() - t0
    root = written["index"][0].parent
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6
    verdict = "ok" if total < SITE_TARGET_MB else f"LARGER than the {SITE_TARGET_MB:.0f} MB target"
    n_pages = sum(len(v) for v in written.values())
    print(f"site: {total:.1f} MB in {_shown(root)} ({n_pages} pages, {verdict}), written in {site_s:.1f} s")
    views = {
        "whole graph": written["graph"][0],
        "map": written["map"][0],
        "spread (pilot measure, 1st batch no. 18)": next(
            p for p in written["spread"] if p.stem == "national-pilot-measures-1-18"
        ),
        "zone profile (Shanghai PFTZ)": next(p for p in written["zones"] if p.stem == "shanghai"),
    }
    out: dict[str, dict[str, float]] = {}
    if not CHROMIUM.is_file():
        print(f"draw: skipped, no Chromium at {CHROMIUM} (run tools/setup-test-deps.sh)")
        return out
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for name, page_path in views.items():
                times = []
                for _ in range(runs):
                    context = browser.new_context(offline=True, viewport=VIEWPORT)  # type: ignore[arg-type]
                    page = context.new_page()
                    page.goto(page_path.resolve().as_uri(), wait_until="commit")
                    page.wait_for_function("() => window.pftz && window.pftz.stable", timeout=600_000, polling=50)
                    times.append(float(page.evaluate("window.pftz.stableAt")) / 1000)
                    context.close()
                size = _page_bytes(page_path) / 1e6
                stable = statistics.median(times)
                mark = "" if name != "whole graph" or stable < STABLE_TARGET_S else f" (over {STABLE_TARGET_S:.0f} s)"
                print(f"  {name:42} {size:5.2f} MB loaded, first stable drawing {stable:.2f} s{mark}")
                out[name] = {"mb": size, "stable_s": stable}
        finally:
            browser.close()
    return out


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
    print(f"export: {export_s:.2f} s ({verdict}), {size_mb:.1f} MB -> {_shown(path)}")

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
    """Run :func:`bench_site` and :func:`bench_viz` from the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    out = Path(args.out or Path(__file__).resolve().parents[1] / "build" / "bench-viz")
    bench_site(out / "site", args.runs)
    bench_viz(args.nodes, out)


if __name__ == "__main__":
    main()
