"""The real report's HTML site in a real Chromium, the Neo4j Browser, and output failures of the CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from pftz.graph.build import graph_from_reports
from pftz.ground.dates import PartialDate
from pftz.ground.schema import Label, Rel, node_id
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.shell import viz
from pftz.shell.cli import cli
from tests.browser import click_node, label_overlaps
from tests.test_viz import ARTIFACTS, browser_counts, hover_node

SHOTS = ARTIFACTS / "screenshots"
"""Where the browser tests save the README's screenshots (`make screenshots` copies them to docs/img)."""

SITE_MAX_BYTES = 10_000_000

SITE_BUDGET_BYTES = 8_000_000
"""What the bundled report's site may weigh: the 10 MB cap with a margin (it is about 6.4 MB)."""


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph_from_reports([load_report()], reference=load_reference())


@pytest.fixture(scope="module")
def site(G: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    return viz.write_site(G, tmp_path_factory.mktemp("site") / "html")


def test_real_site_is_light_and_shares_one_vis_network(site: dict[str, list[Path]]) -> None:
    root = site["index"][0].parent
    files = [p for p in root.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    print(f"site: {total:,} bytes in {len(files)} files")
    assert total < SITE_BUDGET_BYTES < SITE_MAX_BYTES, f"the site is {total:,} bytes"
    # Nothing heavy twice: each tooltip once (tips.js), the data files compact JSON.
    tips = json.loads(re.search(r"window\.pftzTips = (.*);\n", (root / "tips.js").read_text(encoding="utf-8"), re.S)[1])
    assert len(tips) == len(set(tips)) > 500
    data = [p for p in files if p.name.endswith(".data.js")]
    assert data and not [p for p in data if b'"title":' in p.read_bytes() or b'", "' in p.read_bytes()]
    assert [p.relative_to(root).as_posix() for p in files if p.name == "vis-network.min.js"] == [
        "lib/vis-network.min.js"
    ]
    assert not [p for p in files if p.suffix == ".html" and b"vis.Network=" in p.read_bytes()[:2_000_000]]
    assert len(site["spread"]) >= 77 and site["map"] and site["graph"]  # the 77 national innovations, and more


@pytest.mark.browser
def test_real_site_pages_work_offline_with_readable_labels(
    G: nx.MultiDiGraph, site: dict[str, list[Path]], open_offline
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pilot = next(p for p in site["spread"] if p.stem == "national-pilot-measures-1-18")
    shanghai = next(p for p in site["zones"] if p.stem == "shanghai")
    shots = {
        "whole-graph.png": site["graph"][0],
        "map.png": site["map"][0],
        "spread-view.png": pilot,
        "zone-profile.png": shanghai,
    }
    for shot, page_path in shots.items():
        op = open_offline(page_path)
        assert op.problems() == [], (page_path, op.problems())
        assert label_overlaps(op) == [], f"{page_path.name}: labels overlap"
        op.page.screenshot(path=str(SHOTS / shot))
        if page_path == site["graph"][0]:
            # Stated facts by default, derived on the legend's toggle; a label on the best connected nodes only.
            page = op.page
            assert page.evaluate("edges.get({filter: e => e.derived && !e.hidden}).length") == 0
            labelled = page.evaluate("nodes.get({filter: n => n.label && n.label.trim()}).length")
            assert 10 <= labelled < G.number_of_nodes()
            page.check("#legend input[data-derived]")
            assert page.evaluate("edges.get({filter: e => e.derived && !e.hidden}).length") > 100  # merged per pair
            # An unlabelled node far from the others, so that the mouse lands on it alone.
            quiet = page.evaluate(
                """() => {
                    const pos = network.getPositions(), ids = Object.keys(pos);
                    const gap = id => Math.min(...ids.filter(o => o !== id)
                        .map(o => Math.hypot(pos[o].x - pos[id].x, pos[o].y - pos[id].y)));
                    const quiet = nodes.get({filter: n => !(n.label || '').trim() && n.hoverLabel});
                    quiet.sort((a, b) => gap(b.id) - gap(a.id));
                    return quiet[0];
                }"""
            )
            hover_node(op, quiet["id"], quiet["hoverLabel"][:20])
            assert page.evaluate("id => nodes.get(id).label", quiet["id"]) == quiet["hoverLabel"]
        if page_path == site["map"][0]:
            assert op.page.evaluate("window.pftz.outlineDrawn") >= 1, "the provinces' outline is drawn"
            assert op.page.evaluate("pftzOutline.length") == sum(len(r) for _, r in viz.load_outline())
        if page_path == pilot:
            dated = [PartialDate.parse(iso) for iso in op.page.evaluate("pftzAxis.dates") if iso]
            assert dated == sorted(dated) and dated, "columns in date order"
            full = G.nodes[node_id(Label.MEASURE, "national:pilot-measures:1:18")]["title"]
            assert op.page.title() == viz.short_title(full)
            click_node(op, node_id(Label.REGION, "nationwide"))
            op.page.wait_for_function("nodes.get({filter: n => n.memberOf && !n.hidden}).length === 31")
            assert label_overlaps(op) == []
        op.context.close()


def test_every_page_of_the_real_site_links_home(site: dict[str, list[Path]]) -> None:
    root = site["index"][0].parent
    pages = [p for p in root.rglob("*.html")]
    assert len(pages) == sum(len(v) for v in site.values()) > 150
    for page in pages:
        home = re.search(r'<a class="home" href="([^"]+)"', page.read_text(encoding="utf-8"))
        assert home, f"{page} has no link home"
        assert (page.parent / home[1]).resolve() == (root / "index.html").resolve()


def _search_and_open(op: Any, words: str) -> tuple[list[str], str]:
    """Type words into the search box of the page; return the hits' texts, then press Enter and give the new URL."""
    page = op.page
    page.fill("#pftz-search", words)
    page.locator("#pftz-hits a").first.wait_for(timeout=10_000)
    hits = page.eval_on_selector_all("#pftz-hits a", "as => as.map(a => a.textContent)")
    page.press("#pftz-search", "Enter")
    page.wait_for_load_state("load")
    return hits, page.url


@pytest.mark.browser
def test_real_site_search_finds_a_zone_a_measure_and_a_document_and_opens_their_pages(
    site: dict[str, list[Path]], open_offline
) -> None:
    root = site["index"][0].parent.resolve()
    spread = next(p for p in site["spread"] if p.stem == "national-best-practices-5-7")
    cases = [  # from the index, a spread page and a zone page: (words, words of the first hit, page opened)
        (site["index"][0], "shangh", "Shanghai PFTZ", root / "zones" / "shanghai.html"),
        (spread, "ship supervision and declaration", "New model for ship supervision", spread.resolve()),
        (site["zones"][0], "2024] No. 156", "G.H. [2024] No. 156", root / "documents" / "g-h-2024-156.html"),
    ]
    for start, words, first, target in cases:
        op = open_offline(start, wait=False)
        hits, url = _search_and_open(op, words)
        assert first in hits[0], (words, hits)
        assert Path(url.removeprefix("file://")) == target
        op.wait_drawn()
        assert op.problems() == []
    op = open_offline(site["index"][0], wait=False)
    op.page.fill("#pftz-search", "shanxi")
    op.page.locator("#pftz-hits a").first.wait_for(timeout=10_000)
    hits = op.page.eval_on_selector_all("#pftz-hits a", "as => as.map(a => a.textContent)")
    assert hits and not [h for h in hits if "shanghai" in h.lower()], hits


def _click_node_with_page(op: Any, prefix: str) -> str:
    """Click a node whose page lies under ``prefix`` (``../spread/``); return that page's href."""
    nid, href = op.page.evaluate(
        "p => { const n = nodes.get({filter: n => (n.href || '').startsWith(p) && !n.hidden})[0];"
        " return [n.id, n.href]; }",
        prefix,
    )
    click_node(op, nid)
    op.page.wait_for_url(f"**/{href.removeprefix('../')}", timeout=10_000)
    return str(href)


@pytest.mark.browser
def test_real_site_a_click_on_a_node_opens_its_page_and_zone_and_spread_pages_link_each_other(
    site: dict[str, list[Path]], open_offline
) -> None:
    shanghai = next(p for p in site["zones"] if p.stem == "shanghai")
    op = open_offline(shanghai)
    href = _click_node_with_page(op, "../spread/")
    op.wait_drawn()
    assert op.page.url.endswith(href.removeprefix(".."))
    _click_node_with_page(op, "../zones/")
    op.wait_drawn()
    assert "/zones/" in op.page.url
    home = op.page.get_attribute("a.home", "href")
    op.page.click("a.home")
    op.page.wait_for_load_state("load")
    assert op.page.url.endswith("/index.html") and home == "../index.html"
    assert op.problems() == []


@pytest.mark.browser
def test_real_whole_graph_is_drawn_and_stable_within_3_s(site: dict[str, list[Path]], open_offline) -> None:
    op = open_offline(site["graph"][0])
    stable_ms = op.page.evaluate("window.pftz.stableAt")
    print(f"whole graph: first stable drawing at {stable_ms:.0f} ms")
    assert op.problems() == []
    assert stable_ms < 3_000, f"the whole graph took {stable_ms:.0f} ms to its first stable drawing"


_POSITIONS = """
import hashlib, json
from pftz.graph.build import graph_from_reports
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.shell import viz
G = graph_from_reports([load_report()], reference=load_reference())
pos = viz.force_positions(viz.aggregate_diffusion(G))
print(hashlib.sha256(json.dumps(sorted(pos.items())).encode()).hexdigest())
"""


def test_real_whole_graph_layout_is_the_same_in_every_run() -> None:
    # ForceAtlas2 starts from seeded random positions in the order of the nodes: the same whatever the hash seed.
    runs = {
        subprocess.run(
            [sys.executable, "-c", _POSITIONS], env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in ("1", "2")
    }  # fmt: skip
    assert len(runs) == 1, runs


_LABELS_ON_SCREEN = """() => {
    const s = network.getScale(), boxes = pftzLabelBoxes();
    const overlapping = boxes.filter((a, i) => boxes.some((b, j) => j !== i && a.left < b.right
        && b.left < a.right && a.top < b.bottom && b.top < a.bottom)).length;
    const px = nodes.get({filter: n => !n.hidden && (n.label || '').trim()}).map(n => n.font.size * s);
    const visible = nodes.get({filter: n => !n.hidden}), pos = network.getPositions();
    // Labels whose text (below a dot, inside a box) lies over another node's centre.
    const over = boxes.filter(b => {
        const n = nodes.get(b.id), top = n.shape === 'box' ? b.top : pos[b.id].y + (n.size || 16);
        return visible.some(o => o.id !== b.id && pos[o.id].x > b.left && pos[o.id].x < b.right
            && pos[o.id].y > top && pos[o.id].y < b.bottom);
    }).length;
    return {labels: boxes.length, overlapping, overNodes: over, minPx: Math.min(...px), nodes: visible.length};
}"""


_IN_VIEW = """() => {
    const f = document.getElementById('mynetwork'), pos = network.getPositions();
    const a = network.DOMtoCanvas({x: 0, y: 0}), z = network.DOMtoCanvas({x: f.clientWidth, y: f.clientHeight});
    return nodes.get({filter: n => !n.hidden}).map(n => n.id)
        .filter(id => pos[id].x > a.x && pos[id].x < z.x && pos[id].y > a.y && pos[id].y < z.y);
}"""


@pytest.mark.browser
@pytest.mark.parametrize("view", ["graph", "map"])
def test_real_whole_graph_and_map_labels_read_at_1024_px(site: dict[str, list[Path]], browser, view: str) -> None:
    # At 1024 px: the most important nodes are labelled in type one can read, the labels shown do not overlap
    # (share of label boxes overlapping another), and zooming in shows the labels of more nodes.
    context = browser.new_context(offline=True, viewport={"width": 1024, "height": 768})
    try:
        page = context.new_page()
        page.goto(site[view][0].resolve().as_uri(), wait_until="load")
        page.wait_for_function("() => window.pftz && window.pftz.stable", timeout=60_000)
        fitted = page.evaluate(_LABELS_ON_SCREEN)
        share, over = fitted["overlapping"] / fitted["labels"], fitted["overNodes"] / fitted["labels"]
        print(f"{view} at 1024 px: {fitted['labels']} of {fitted['nodes']} nodes labelled, "
              f"{share:.1%} of label boxes overlap another, {over:.1%} of the labels' text lies over "
              f"another node, smallest label {fitted['minPx']:.1f} px")  # fmt: skip
        assert fitted["labels"] >= 20 and share == 0 and fitted["minPx"] >= 11, fitted
        ranked = page.evaluate("nodes.get().sort((a, b) => b.rank - a.rank).slice(0, 5).map(n => n.id)")
        labelled = set(page.evaluate("nodes.get({filter: n => (n.label || '').trim()}).map(n => n.id)"))
        assert len(labelled & set(ranked)) >= 3, "the most important nodes are labelled"
        # Zoomed in three times on the middle, more of the nodes in view are labelled than before.
        page.evaluate("network.moveTo({scale: network.getScale() * 3, animation: false}); pftzRelabel(null)")
        page.wait_for_timeout(300)
        in_view = set(page.evaluate(_IN_VIEW))
        zoomed = page.evaluate(_LABELS_ON_SCREEN)
        now = set(page.evaluate("nodes.get({filter: n => (n.label || '').trim()}).map(n => n.id)"))
        print(f"{view} zoomed 3x: {len(now & in_view)} of the {len(in_view)} nodes in view labelled "
              f"(fitted: {len(labelled & in_view)})")  # fmt: skip
        assert len(now & in_view) > len(labelled & in_view)
        assert zoomed["overlapping"] == 0 and zoomed["minPx"] >= 11, zoomed
    finally:
        context.close()


_SEARCHES = [
    "shanghai pilot",  # a zone, partly
    "ship supervision",  # a measure, partly
    "2024] No. 156",  # a document by part of its number
    "bulk commodity resource allocation in zhejiang",  # part of a document's alias
    "Special Administrative Measures (Negative List) for Cross-Border Trade in Services",  # an alias in full
    "shanghia",  # a typo
    "supervison of ships",  # a typo among words
    "Shanghai PFTZ",
    "shanghai",  # a key
    "state council",
    "cross-border e-commerce",
    "lingang",
]


@pytest.mark.browser
def test_real_site_search_ranks_as_the_command_line(
    G: nx.MultiDiGraph, site: dict[str, list[Path]], open_offline
) -> None:
    from pftz.queries.search import search

    op = open_offline(site["index"][0], wait=False)
    for words in _SEARCHES:
        cli = [[h.label, h.key, h.tier, h.score] for h in search(G, words, limit=10)]
        page = op.page.evaluate("w => pftzSearchRanked(w).slice(0, 10)", words)
        assert page == cli, words
        assert cli, f"{words!r} finds nothing: choose a search that does"
        first = G.nodes[f"{cli[0][0]}:{cli[0][1]}"]
        name = str(first.get("name") or first.get("number") or first.get("title") or cli[0][1])
        assert op.page.evaluate("w => pftzSearchHits(w)[0][0]", words) == name, words
    assert op.problems() == []


@pytest.mark.browser
def test_real_spread_view_counts_evidence_and_time_order(G: nx.MultiDiGraph, open_offline, tmp_path: Path) -> None:
    measure = node_id(Label.MEASURE, "national:best-practices:5:7")  # ship supervision, adopted by Jiaxing
    sub, pos = viz.spread_view(G, measure)
    out = viz.render_html(sub, tmp_path / "spread.html", layout="spread", positions=pos)
    op = open_offline(out)
    assert op.problems() == []
    assert browser_counts(op) == (sub.number_of_nodes(), sub.number_of_edges())
    ARTIFACTS.mkdir(exist_ok=True)
    op.page.screenshot(path=str(ARTIFACTS / "spread-view-national-best-practice.png"))
    quote = G.nodes[measure]["provenance"][0]["quote"]
    assert quote in hover_node(op, measure, quote)
    drawn = op.page.evaluate("network.getPositions()")
    batch = node_id(Label.BATCH, "national:best-practices:5")
    assert drawn[measure]["x"] < drawn[batch]["x"], "the innovation comes before the batch that released it"
    adopter = next(u for u, _, d in sub.in_edges(measure, data=True) if d["type"] == Rel.ADOPTED)
    assert drawn[adopter]["x"] >= drawn[batch]["x"]


@pytest.mark.browser
def test_real_whole_graph_draws_every_node_and_edge(G: nx.MultiDiGraph, open_offline, tmp_path: Path) -> None:
    out = viz.render_html(G, tmp_path / "graph.html")
    op = open_offline(out)
    assert op.problems() == []
    assert browser_counts(op) == (G.number_of_nodes(), G.number_of_edges())


@pytest.mark.neo4j
@pytest.mark.browser
def test_neo4j_browser_is_served_and_loads(neo4j_connection, browser) -> None:
    port = os.environ.get("NEO4J_HTTP_PORT", "7474")
    page = browser.new_page()
    try:
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        response = page.goto(f"http://127.0.0.1:{port}/browser/", wait_until="load")
        assert response is not None and response.status == 200
        page.wait_for_function("document.body && document.body.innerText.length > 20", timeout=30_000)
        assert "Neo4j" in page.title() or "neo4j" in page.content().lower()
        assert errors == [], errors
    finally:
        page.close()


def test_build_into_an_unwritable_place_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should go", encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", "--no-html", "--out", str(blocker / "out")])
    assert res.exit_code == 1
    assert "Traceback" not in res.output and "Error: " in res.output
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_disk_full_keeps_the_earlier_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["build", "--no-html", "--out", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    res = CliRunner().invoke(cli, ["build", "--no-html", "--out", str(out)])
    assert res.exit_code == 1 and "No space left on device" in res.output and "Traceback" not in res.output
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("args", "nodes_at_least"),
    [
        (["--spread", "ship supervision and declaration"], 5),
        (["--focus", "Shanghai PFTZ", "--stated-only"], 20),
        (["--query", "zone_profile", "-p", "zone=hubei", "--layout", "map"], 5),
        (["--layout", "map"], 50),
        (["--show-derived"], 300),
    ],
)
def test_viz_command_writes_one_offline_file(tmp_path: Path, args: list[str], nodes_at_least: int) -> None:
    out = tmp_path / "view.html"
    res = CliRunner().invoke(cli, ["viz", *args, "-o", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "<script src=" not in html and "vis.Network" in html
    if args == ["--layout", "map"]:
        assert "var pftzOutline = [[[" in html, "the map draws the provinces' outline"
    m = re.search(r"wrote .*view\.html \(([\d,]+) nodes", res.output)
    assert m and int(m.group(1).replace(",", "")) >= nodes_at_least


def test_viz_command_without_a_match_says_so(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["viz", "--spread", "zzzz qqqq", "-o", str(tmp_path / "v.html")])
    assert res.exit_code == 1 and "no innovation matches" in res.output
    assert not (tmp_path / "v.html").exists()


@pytest.mark.parametrize(
    ("args", "suffix", "text"),
    [
        (["--spread", "ship supervision and declaration"], ".svg", "New model for ship supervision"),
        (["--zone", "Shanghai PFTZ"], ".svg", "Shanghai PFTZ: what the report states"),
        (["--map"], ".pdf", None),
    ],
)
def test_figure_command_writes_a_figure(tmp_path: Path, args: list[str], suffix: str, text: str | None) -> None:
    out = tmp_path / f"figure{suffix}"
    res = CliRunner().invoke(cli, ["figure", *args, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert f"wrote {out}" in res.output
    data = out.read_bytes()
    if suffix == ".pdf":
        assert data.startswith(b"%PDF")
    else:
        svg = data.decode("utf-8")
        assert text in svg and "Source: pftz-report-2025.en.txt" in svg


def test_figure_command_refuses_bad_requests(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["figure", "--map", "--zone", "x", "-o", str(tmp_path / "f.svg")])
    assert res.exit_code == 2 and "exactly one" in res.output
    res = CliRunner().invoke(cli, ["figure", "--map", "-o", str(tmp_path / "f.txt")])
    assert res.exit_code == 2 and ".svg, .png, .pdf" in res.output
    res = CliRunner().invoke(cli, ["figure", "--zone", "zzzz qqqq", "-o", str(tmp_path / "f.svg")])
    assert res.exit_code == 1 and "no zone matches" in res.output and "Traceback" not in res.output
    assert not (tmp_path / "f.svg").exists()


def test_the_default_base_map_shows_taiwan_hong_kong_and_macao() -> None:
    names = [name for name, _ in viz.load_outline()]
    assert {"Taiwan", "Hong Kong", "Macao"} <= set(names) and len(names) == 34


def test_basemap_replaces_the_outline_on_the_html_map_and_the_figure(tmp_path: Path) -> None:
    square = tmp_path / "standard-map.geojson"
    ring = [[100.0, 20.0], [125.0, 20.0], [125.0, 45.0], [100.0, 45.0], [100.0, 20.0]]
    square.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"reviewed"},'
        f'"geometry":{{"type":"Polygon","coordinates":[{ring}]}}}}]}}',
        encoding="utf-8",
    )
    out = tmp_path / "map.html"
    res = CliRunner().invoke(cli, ["viz", "--layout", "map", "--basemap", str(square), "-o", str(out)])
    assert res.exit_code == 0, res.output
    drawn = re.search(r"var pftzOutline = (\[.*?\]\]\]);", out.read_text(encoding="utf-8"))
    assert drawn and drawn[1].count("],[") == len(ring) - 1, "the base map is the given square alone"
    fig_out = tmp_path / "map.svg"
    res = CliRunner().invoke(cli, ["figure", "--map", "--basemap", str(square), "-o", str(fig_out)])
    assert res.exit_code == 0, res.output
    assert "Base map: standard-map.geojson" in fig_out.read_text(encoding="utf-8")
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"features": [{"geometry": {"type": "Point"}}]}', encoding="utf-8")
    res = CliRunner().invoke(cli, ["viz", "--layout", "map", "--basemap", str(bad), "-o", str(tmp_path / "b.html")])
    assert res.exit_code == 1 and "bad.geojson" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(cli, ["figure", "--zone", "Shanghai PFTZ", "--basemap", str(square), "-o", str(fig_out)])
    assert res.exit_code == 2 and "--basemap draws under --map only" in res.output


@pytest.mark.browser
def test_real_map_has_a_time_slider_and_the_whole_graph_a_batch_filter(
    G: nx.MultiDiGraph, site: dict[str, list[Path]], open_offline
) -> None:
    op = open_offline(site["map"][0])
    page = op.page
    months = page.evaluate("JSON.parse(document.getElementById('pftz-until').getAttribute('data-months'))")
    assert months[0] == "2013-09" and months == sorted(months)  # Shanghai, the first PFTZ
    page.fill("#pftz-until", "0")
    early = page.evaluate("[window.pftz.shownNodes, window.pftz.shownEdges]")
    assert page.inner_text("#pftz-until-label") == "2013-09"
    zones = page.evaluate("nodes.get({filter: n => n.type === 'Zone' && !n.hidden}).map(n => n.id)")
    dated = [z for z in zones if G.nodes[z].get("established")]  # undated sub-areas stay, as context
    assert dated == [node_id(Label.ZONE, "shanghai")], zones
    page.fill("#pftz-until", str(len(months) - 1))
    late = page.evaluate("[window.pftz.shownNodes, window.pftz.shownEdges]")
    assert early[0] < late[0] and early[1] < late[1]
    assert op.problems() == []

    op = open_offline(site["graph"][0])
    page = op.page
    batch = node_id(Label.BATCH, "national:best-practices:5")
    page.select_option("#pftz-batch", batch)
    shown = set(page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
    members = {u for u, v, d in G.in_edges(batch, data=True) if d["type"] == Rel.IN_BATCH}
    assert batch in shown and members <= shown and len(shown) < G.number_of_nodes() / 2
    page.select_option("#pftz-batch", "")
    assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") > len(shown)
    assert op.problems() == []
