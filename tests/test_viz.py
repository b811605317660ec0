"""Tests of :mod:`shell.viz`: the pages themselves, and the pages drawn in a real headless Chromium.

The browser tests open the exported files from disk with the network off
(``tests/browser.py``): any request that is not ``file:``/``data:`` is
aborted and recorded, and must not happen.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from pftz.ground import io as graph_io
from pftz.ground.dates import PartialDate
from pftz.ground.errors import ExportError, QueryError
from pftz.ground.schema import DERIVED, KEY, NODE_TYPES, REL_TYPES, Label, Rel, ZoneKind, node_id
from pftz.shell import figures, pages, viz
from pftz.shell.viewcore import MAP_OFFSET
from tests.browser import OfflinePage, click_node, label_overlaps
from tests.synthetic import canonical, evidence, synthetic_graph

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "<script>window.__xss=2</script>"

OpenOffline = Callable[..., OfflinePage]


# --------------------------------------------------------------------------- fixtures and helpers


def _add(G: nx.MultiDiGraph, label: Label, key: str, name: str, **props: Any) -> str:
    nid = node_id(label, key)
    G.add_node(nid, label=label.value, key=key, name=name, provenance=[evidence("t.txt", 1, name)], **props)
    return nid


def _link(G: nx.MultiDiGraph, u: str, v: str, rel: Rel, quote: str, line: int = 7, **props: Any) -> None:
    G.add_edge(u, v, key=rel.value, type=rel.value, provenance=[evidence("t.txt", line, quote)], **props)


@pytest.fixture
def small_graph() -> nx.MultiDiGraph:
    """A synthetic graph plus what the site must leave out: a sub-area and a provincial-only measure."""
    G = synthetic_graph(12, 4)
    sub = _add(G, Label.ZONE, "zone-0-lingang", "Lingang <b>sub-area</b>", kind=ZoneKind.SUB_AREA.value)
    _link(G, sub, node_id(Label.ZONE, "zone-0"), Rel.PART_OF, "Lingang is part of zone 0")
    batch = _add(G, Label.BATCH, "province-0-1", "Province 0 batch 1", level="provincial", date="2020-03-01")
    m = _add(G, Label.MEASURE, "p-1", "A provincial innovation", kind="provincial innovation")
    _link(G, m, batch, Rel.IN_BATCH, "p-1 is in the provincial batch", row=1)
    _link(G, m, node_id(Label.ZONE, "zone-1"), Rel.ORIGINATED_IN, "p-1 piloted in zone 1")
    return G


@pytest.fixture
def spread_graph() -> tuple[nx.MultiDiGraph, str]:
    """A synthetic graph whose measure ``m-0`` reached places at several dates, one of them undated."""
    G = synthetic_graph(12, 6)
    m = node_id(Label.MEASURE, "m-0")
    _link(G, m, node_id(Label.REGION, "province-4"), Rel.REPLICATED_TO, "m-0 to province 4", date="2018-05-01")
    _link(G, node_id(Label.ZONE, "zone-5"), m, Rel.ADOPTED, "zone 5 adopted m-0", outcome="adopted", date="2021")
    _link(G, m, node_id(Label.REGION, "province-5"), Rel.REPLICATED_TO, "m-0 to province 5, no date")
    return G, m


@pytest.fixture
def xss_graph() -> tuple[nx.MultiDiGraph, str]:
    """A small graph with script and image tags in a title, a name, a quote and an edge property."""
    G = synthetic_graph(6, 3)
    doc = next(n for n, d in G.nodes(data=True) if d["label"] == Label.DOCUMENT)
    d = G.nodes[doc]
    d["title"] = f"Notice {XSS_IMG} on {XSS_SCRIPT} replication"
    d["name"] = f"Doc {XSS_IMG}"
    d["provenance"] = [evidence("x.txt", 745, f"quoted {XSS_SCRIPT} {XSS_IMG}")]
    u, v, k = next(iter(G.in_edges(doc, keys=True)))
    G.edges[u, v, k]["role"] = XSS_IMG
    return G, doc


def page_data(page: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """The nodes, edges and options a written self-contained page hands to vis-network."""
    data = re.search(r"^window\.pftzData = \{nodes: (.*), edges: (.*)\};$", page, re.M)
    options = re.search(r"^window\.pftzOptions = (\{.*\});$", page, re.M)
    assert data and options, "the page does not have the expected data lines"
    return json.loads(data[1]), json.loads(data[2]), json.loads(options[1])


def site_page_data(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The nodes and edges of a page of the site, read from its sibling ``<name>.data.js``."""
    text = path.with_name(f"{path.stem}.data.js").read_text(encoding="utf-8")
    m = re.fullmatch(r"/\*.*?\*/\nwindow\.pftzData = \{nodes: (.*), edges: (.*)\};\n", text, re.S)
    assert m, "the data file does not have the expected form"
    return json.loads(m[1]), json.loads(m[2])


class _Refs(HTMLParser):
    """Collects src/href attributes and the text of the page outside scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href"):
                self.refs.append((tag, name, value or ""))


def hover_node(op: OfflinePage, nid: str, expect: str) -> str:
    """Centre a node, move the mouse onto it, and return the tooltip's text once it holds ``expect``."""
    page = op.page
    page.evaluate("id => network.focus(id, {scale: 1.4, animation: false})", nid)
    x, y = page.evaluate(
        """id => {
            const p = network.canvasToDOM(network.getPositions([id])[id]);
            const r = document.getElementById('mynetwork').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top];
        }""",
        nid,
    )
    page.mouse.move(x - 60, y - 60)
    page.mouse.move(x, y, steps=6)
    return wait_tooltip(op, expect)


def wait_tooltip(op: OfflinePage, expect: str) -> str:
    """Wait until the vis tooltip is visible and contains ``expect``; return its text."""
    try:
        op.page.wait_for_function(
            """expect => {
                const t = document.querySelector('#mynetwork div.vis-tooltip');
                return t && getComputedStyle(t).visibility === 'visible' && t.innerText.includes(expect);
            }""",
            arg=expect,
            timeout=8000,
        )
    except Exception as e:
        shown = op.page.evaluate("(document.querySelector('div.vis-tooltip') || {}).innerText || null")
        pytest.fail(f"tooltip with {expect!r} did not show; tooltip text: {shown!r} ({e})")
    return str(op.page.inner_text("#mynetwork div.vis-tooltip"))


def browser_counts(op: OfflinePage) -> tuple[int, int]:
    n, m = op.page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
    return int(n), int(m)


# --------------------------------------------------------------------------- the written page


def test_render_html_is_one_self_contained_file(small_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    before = canonical(small_graph)
    out = viz.render_html(small_graph, tmp_path / "g.html", title="Small graph")
    assert out == tmp_path / "g.html"
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"], "a temporary file was left behind"
    page = out.read_text(encoding="utf-8")
    refs = _Refs()
    refs.feed(page)
    assert refs.refs == [], f"external references: {refs.refs}"
    assert "link" not in refs.tags
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "vis.Network" in page and "TomSelect" in page, "vis-network and tom-select must be inlined"
    assert "bootstrap" not in page.casefold()
    assert canonical(small_graph) == before, "render_html changed its input"


def test_styles_come_from_the_schema_and_derived_edges_are_dashed_grey(
    small_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    page = viz.render_html(small_graph, tmp_path / "g.html").read_text(encoding="utf-8")
    nodes, edges, _ = page_data(page)
    assert len(nodes) == small_graph.number_of_nodes()
    assert len(edges) == small_graph.number_of_edges()
    by_id = {n["id"]: n for n in nodes}
    for n, d in small_graph.nodes(data=True):
        style = NODE_TYPES[Label(d["label"])]
        assert (by_id[n]["color"], by_id[n]["shape"]) == (style.color, style.shape)
        assert by_id[n]["label"] == d[style.caption]
    stated = [e for e in edges if not e.get("derived")]
    derived = [e for e in edges if e.get("derived")]
    n_derived = sum(1 for *_, d in small_graph.edges(data=True) if d.get(DERIVED))
    assert len(derived) == n_derived > 0
    assert all(e["dashes"] and e["color"] == viz.DERIVED_EDGE_COLOR for e in derived)
    assert all(not e.get("dashes") and e["color"] == REL_TYPES[Rel(e["type"])].color for e in stated)
    # Every tooltip quotes its evidence with the source line.
    quotes = {p["quote"] for _, d in small_graph.nodes(data=True) for p in d["provenance"]}
    assert all(re.search(r"line \d+: «", n["title"]) for n in nodes)
    assert all(re.search(r"line \d+: «", e["title"]) for e in edges)
    assert any(q in n["title"] for n in nodes for q in quotes)
    legend = page[page.index('<aside id="legend"') :]
    for label in {d["label"] for _, d in small_graph.nodes(data=True)}:
        assert f'data-label="{label}"' in legend
    assert "dashed grey" in legend and "solid" in legend


def test_everything_from_the_documents_is_escaped(xss_graph: tuple[nx.MultiDiGraph, str], tmp_path: Path) -> None:
    G, _ = xss_graph
    page = viz.render_html(G, tmp_path / "x.html", title=f"Graph {XSS_SCRIPT}").read_text(encoding="utf-8")
    for raw in (XSS_IMG, XSS_SCRIPT, "<img", "<script>window"):
        assert raw not in page
    nodes, edges, _ = page_data(page)
    titles = " ".join(n["title"] for n in nodes) + " ".join(e["title"] for e in edges)
    assert "&lt;img src=x onerror=" in titles and "&lt;script&gt;window.__xss=2&lt;/script&gt;" in titles
    assert "<title>Graph &lt;script&gt;window.__xss=2&lt;/script&gt;</title>" in page


def test_physics_is_on_for_small_graphs_and_off_with_positions_for_large(tmp_path: Path) -> None:
    small = synthetic_graph(20, 4)
    _, _, options = page_data(viz.render_html(small, tmp_path / "s.html").read_text(encoding="utf-8"))
    assert options["physics"]["enabled"] is True
    assert options["physics"]["solver"] == "barnesHut"
    assert options["physics"]["stabilization"]["iterations"] <= 300
    large = synthetic_graph(600, 6)
    assert large.number_of_nodes() > viz.PHYSICS_MAX_NODES
    nodes, _, options = page_data(viz.render_html(large, tmp_path / "l.html").read_text(encoding="utf-8"))
    assert options["physics"] == {"enabled": False}
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes), "nodes must not sit on top of each other"


def test_large_graphs_warn_and_suggest_focus(small_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.warns(viz.LargeGraphWarning, match="--focus"):
        out = viz.render_html(small_graph, tmp_path / "g.html", max_nodes_warn=10)
    assert "--focus" in out.read_text(encoding="utf-8")


def test_unknown_layout_is_refused(small_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="layout"):
        viz.render_html(small_graph, tmp_path / "g.html", layout="circle")  # type: ignore[arg-type]


def test_a_failed_render_leaves_the_earlier_file(
    small_graph: nx.MultiDiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "g.html"
    out.write_text("earlier", encoding="utf-8")

    def full_disk(f: Any) -> None:
        f.write("partial")
        raise OSError(28, "No space left on device")

    # render_html lives in shell.pages (shell.viz re-exports it): its writer is patched there
    monkeypatch.setattr(pages, "atomic_write_text", lambda path, text: graph_io.atomic_write(path, full_disk))
    with pytest.raises(ExportError, match="earlier file is unchanged"):
        viz.render_html(small_graph, out)
    assert out.read_text(encoding="utf-8") == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"]
    (tmp_path / "plain-file").write_text("x")
    with pytest.raises(ExportError):
        viz.render_html(small_graph, tmp_path / "plain-file" / "g.html")


# --------------------------------------------------------------------------- focus, spread, map


def test_find_nodes_ranks_exact_names_first() -> None:
    G = nx.MultiDiGraph()
    G.add_node("Zone:lg", label="Zone", name="Lingang area of Shanghai PFTZ")
    G.add_node("Zone:sh", label="Zone", name="Shanghai PFTZ")
    G.add_node("Document:d", label="Document", name="Doc 1", title="Plan for the Shanghai PFTZ")
    G.add_node("Zone:gd", label="Zone", name="Guangdong PFTZ")
    assert viz.find_nodes(G, "  SHANGHAI   pftz ") == ["Zone:sh", "Zone:lg", "Document:d"]
    assert viz.find_nodes(G, "pftz shanghai") == ["Zone:sh", "Zone:lg", "Document:d"]
    assert viz.find_nodes(G, "shanghai", label=Label.DOCUMENT) == ["Document:d"]
    assert viz.find_nodes(G, "hainan") == []


def test_focus_subgraph_is_an_undirected_neighbourhood_copy(small_graph: nx.MultiDiGraph) -> None:
    before = canonical(small_graph)
    zone = node_id(Label.ZONE, "zone-2")
    H = viz.focus_subgraph(small_graph, "zone 2 pftz")
    assert H.graph["focus"] == zone
    expected = {zone, *small_graph.succ[zone], *small_graph.pred[zone]}
    assert set(H) == expected
    assert H.number_of_edges() == small_graph.subgraph(expected).number_of_edges()
    assert set(viz.focus_subgraph(small_graph, zone, depth=0)) == {zone}
    two = viz.focus_subgraph(small_graph, zone, depth=2)
    assert set(two) == set(nx.ego_graph(small_graph, zone, radius=2, undirected=True))
    # A copy: changing it leaves the graph alone.
    H.nodes[zone]["provenance"].append({"quote": "changed"})
    H.nodes[zone]["name"] = "changed"
    H.remove_node(next(n for n in H if n != zone))
    assert canonical(small_graph) == before
    with pytest.raises(QueryError, match="no node matches"):
        viz.focus_subgraph(small_graph, "no such zone anywhere")
    with pytest.raises(QueryError):
        viz.focus_subgraph(small_graph, zone, depth=-1)


def test_spread_view_orders_columns_in_time(spread_graph: tuple[nx.MultiDiGraph, str]) -> None:
    G, m = spread_graph
    before = canonical(G)
    sub, pos = viz.spread_view(G, m)
    assert canonical(G) == before
    assert set(pos) == set(sub)
    origins = [v for _, v, d in G.out_edges(m, data=True) if d["type"] == Rel.ORIGINATED_IN]
    batch = next(v for _, v, d in G.out_edges(m, data=True) if d["type"] == Rel.IN_BATCH)
    assert all(pos[o][0] == min(x for x, _ in pos.values()) for o in origins)
    assert all(pos[o][0] < pos[m][0] < pos[batch][0] for o in origins)
    xs = {n: pos[n][0] for n in sub}
    # Every place reached is right of the batch date, in the order of its dates.
    assert xs[node_id(Label.REGION, "nationwide")] == xs[batch]  # replicated at the batch date
    assert xs[batch] < xs[node_id(Label.REGION, "province-4")]  # 2018-05-01
    adopters = [u for u, _, d in G.in_edges(m, data=True) if d["type"] == Rel.ADOPTED]
    for a in adopters:
        assert xs[node_id(Label.REGION, "province-4")] < xs[a]  # 2019-06-01 and 2021
    assert xs[node_id(Label.ZONE, "zone-5")] == max(x for n, x in xs.items() if n in adopters)
    assert xs[node_id(Label.REGION, "province-5")] == xs[batch]  # undated: the batch date
    # Only the edges that tell this measure's spread.
    for *_, d in sub.edges(data=True):
        if d["type"] == Rel.DIFFUSED_TO:
            assert d["measure"] == "m-0"
    assert {d["type"] for *_, d in sub.edges(data=True)} >= {
        Rel.ORIGINATED_IN, Rel.IN_BATCH, Rel.RELEASED_BY, Rel.REPLICATED_TO, Rel.ADOPTED, Rel.DIFFUSED_TO
    }  # fmt: skip
    # Within a column, nodes are spread vertically.
    assert len({pos[n] for n in sub}) == sub.number_of_nodes()
    with pytest.raises(QueryError, match="not a Measure"):
        viz.spread_view(G, node_id(Label.ZONE, "zone-0"))
    assert viz.spread_view(G, "measure m-0: single window")[0].graph["focus"] == m


@pytest.fixture
def scoped_spread_graph(spread_graph: tuple[nx.MultiDiGraph, str]) -> tuple[nx.MultiDiGraph, str, list[str]]:
    """``spread_graph`` plus derived diffusion of ``m-0`` from its origin to every province (a Nationwide spread)."""
    G, m = spread_graph
    origin = next(v for _, v, d in G.out_edges(m, data=True) if d["type"] == Rel.ORIGINATED_IN)
    provinces = [n for n, d in G.nodes(data=True) if d["label"] == Label.REGION and d["kind"] == "province"]
    for p in provinces:
        G.add_edge(
            origin, p, key=f"{Rel.DIFFUSED_TO.value}|m-0|{p}", type=Rel.DIFFUSED_TO.value, measure="m-0",
            date="2015-01-29", via="national-1", provenance=[evidence("t.txt", 9, f"m-0 reaches {p}")],
            **{DERIVED: True},
        )  # fmt: skip
    adopters = {u for u, _, d in G.in_edges(m, data=True) if d["type"] == Rel.ADOPTED}
    zones = [n for n, d in G.nodes(data=True) if d["label"] == Label.ZONE and n not in adopters and n != origin]
    _link(G, zones[0], m, Rel.ADOPTED, "a zone adopted m-0; the report gives no date", outcome="adopted")
    return G, m, provinces


def test_spread_view_hangs_derived_places_from_their_scope_node(
    scoped_spread_graph: tuple[nx.MultiDiGraph, str, list[str]], tmp_path: Path
) -> None:
    G, m, provinces = scoped_spread_graph
    sub, pos = viz.spread_view(G, m)
    nationwide = node_id(Label.REGION, "nationwide")
    stated = {node_id(Label.REGION, "province-4"), node_id(Label.REGION, "province-5")}  # REPLICATED_TO
    members = sorted(set(provinces) - stated)
    assert sub.graph["groups"] == {nationwide: members}
    # The members hang below their scope node, in its column.
    for t in members:
        assert abs(pos[t][0] - pos[nationwide][0]) < viz.SPREAD_DX / 2 and pos[t][1] > pos[nationwide][1]
    nodes, edges, _ = page_data(viz.render_html(sub, tmp_path / "s.html", layout="spread", positions=pos).read_text())
    by_id = {n["id"]: n for n in nodes}
    assert all(by_id[t]["hidden"] and by_id[t]["memberOf"] == nationwide for t in members)
    assert by_id[nationwide]["expands"] and "(derived)" in by_id[nationwide]["label"]
    # One dashed edge from the scope node per member instead of one per origin and member.
    to_members = [e for e in edges if e["to"] in members or e["from"] in members]
    assert sorted(e["to"] for e in to_members) == members
    assert all(e["from"] == nationwide and e["derived"] and e["hidden"] for e in to_members)
    assert all("m-0 reaches" in e["title"] and "Zone" in e["title"] for e in to_members)
    # Arrows run left to right (a group's edges run down); the stated direction stays in the tooltip.
    assert all(by_id[e["from"]]["x"] <= by_id[e["to"]]["x"] for e in edges if "memberOf" not in e)
    origin_edge = next(e for e in edges if e["type"] == Rel.ORIGINATED_IN)
    assert origin_edge["reversed"] and origin_edge["to"] == m
    # Page title and node labels are short; the full title is in the subtitle and the tooltip.
    page = (tmp_path / "s.html").read_text(encoding="utf-8")
    full = G.nodes[m]["title"]
    assert f"<title>{viz.short_title(full)}</title>" in page
    assert all(len(n["label"].split("\n")[0]) <= viz.SHORT_TITLE for n in nodes)


def test_aggregated_diffusion_keeps_every_derived_edge_counted(small_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    G = small_graph
    before = canonical(G)
    derived = [(u, v, d) for u, v, d in G.edges(data=True) if d.get(DERIVED) and d["type"] == Rel.DIFFUSED_TO]
    H = viz.aggregate_diffusion(G)
    assert canonical(G) == before
    merged = [(u, v, d) for u, v, d in H.edges(data=True) if d.get(DERIVED)]
    assert len(merged) == len({(u, v) for u, v, _ in derived}) < len(derived)
    assert sum(d["count"] for *_, d in merged) == len(derived), "every derived edge is counted in one merged edge"
    stated = sorted((u, v, d["type"]) for u, v, d in G.edges(data=True) if not d.get(DERIVED))
    assert sorted((u, v, d["type"]) for u, v, d in H.edges(data=True) if not d.get(DERIVED)) == stated
    _, edges, _ = page_data(viz.render_html(H, tmp_path / "h.html").read_text(encoding="utf-8"))
    for e in (e for e in edges if e.get("derived")):
        d = next(d for u, v, d in merged if (u, v) == (e["from"], e["to"]))
        assert e["count"] == d["count"] and all(viz.short_title(x, 60) in e["title"] for x in d["measures"])
    m = viz.map_view(G)
    assert {d["type"] for *_, d in m.edges(data=True)} <= {Rel.PART_OF.value, Rel.DIFFUSED_TO.value}
    assert all(m.nodes[n]["label"] in (Label.ZONE, Label.REGION) for n in m)


def test_short_titles_cut_at_a_boundary_and_keep_short_ones() -> None:
    assert viz.short_title("Use before payment") == "Use before payment"
    long = "Customs authorities in the Pilot Regions shall not deny preferential tariff treatment to goods"
    short = viz.short_title(long)
    assert len(short) <= viz.SHORT_TITLE and short.endswith("…")
    assert long.startswith(short[:-1]) and long[len(short) - 1] in " ,"
    assert not short[:-1].endswith((" the", " of", " in", ","))
    assert viz.short_title("  a  b  ") == "a b"
    assert len(viz.short_title("x" * 100)) == viz.SHORT_TITLE


def test_map_positions_follow_lat_lon(small_graph: nx.MultiDiGraph) -> None:
    pos = viz.map_positions(small_graph)
    assert set(pos) == set(small_graph)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    geo = sorted(((d["lon"], d["lat"], n) for n, d in small_graph.nodes(data=True) if "lat" in d), key=lambda t: t[0])
    assert len(geo) >= 8
    for (lon1, lat1, a), (lon2, lat2, b) in itertools.pairwise(geo):
        assert (pos[a][0] < pos[b][0]) == (lon1 < lon2)
        assert (pos[a][1] < pos[b][1]) == (lat1 > lat2), "north is up (screen y grows downwards)"


def test_an_area_without_coordinates_sits_by_its_zone_on_the_map() -> None:
    # not at the mean of the regions its measures diffused to (an area was once drawn in central China)
    G = nx.MultiDiGraph()
    east = _add(G, Label.ZONE, "east", "East PFTZ", kind=ZoneKind.PFTZ, lat=31.2, lon=121.5)
    west = _add(G, Label.ZONE, "west", "West PFTZ", kind=ZoneKind.PFTZ, lat=43.8, lon=87.6)
    area = _add(G, Label.ZONE, "east/port-area", "Port Area", kind=ZoneKind.SUB_AREA)
    _link(G, area, east, Rel.PART_OF, "the Port Area of East PFTZ")
    for i in range(3):  # derived diffusion from the area to far regions
        region = _add(G, Label.REGION, f"r{i}", f"Region {i}", lat=40.0 + i, lon=90.0 + i)
        _link(G, area, region, Rel.DIFFUSED_TO, "replicated nationwide")
    pos = viz.map_positions(G)
    (ax, ay), (ex, ey), (wx, wy) = pos[area], pos[east], pos[west]
    assert math.hypot(ax - ex, ay - ey) <= 2 * MAP_OFFSET < math.hypot(ax - wx, ay - wy)


# --------------------------------------------------------------------------- site


def test_write_site_writes_every_view_and_an_escaped_index(small_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    G = small_graph
    G.nodes[node_id(Label.ZONE, "zone-1")]["name"] = "Zone 1 <b>PFTZ</b> & co"
    before = canonical(G)
    written = viz.write_site(G, tmp_path / "site")
    assert canonical(G) == before
    national = {
        m for m, b, d in G.edges(data=True) if d["type"] == Rel.IN_BATCH and G.nodes[b].get("level") == "national"
    }
    zones = {
        n for n, d in G.nodes(data=True) if d["label"] == Label.ZONE and d["kind"] in (ZoneKind.PFTZ, ZoneKind.FTP)
    }
    assert len(written["spread"]) == len(national) == 12
    assert len(written["zones"]) == len(zones) == 4
    assert written["graph"] == [tmp_path / "site" / "graph.html"]
    assert {p.name for p in written["zones"]} == {f"{G.nodes[z][KEY]}.html" for z in zones}
    assert all(p.parent.name == "spread" for p in written["spread"])
    index = written["index"][0].read_text(encoding="utf-8")
    assert "Zone 1 &lt;b&gt;PFTZ&lt;/b&gt; &amp; co" in index and "<b>PFTZ" not in index
    refs = _Refs()
    refs.feed(index)
    hrefs = [v for tag, name, v in refs.refs if tag == "a"]
    documents = [n for n, d in G.nodes(data=True) if d["label"] == Label.DOCUMENT]
    assert len(written["documents"]) == len(documents) > 0
    assert hrefs[0] == "index.html"  # home, as on every page
    assert len(hrefs) == 1 + 2 + 12 + 4 + len(documents)  # home, whole graph, map, spreads, zones, documents
    assert all(not h.startswith(("/", "http", "file:")) for h in hrefs)
    assert all((tmp_path / "site" / h).is_file() for h in hrefs)
    leftovers = [p for p in (tmp_path / "site").rglob("*") if p.name.startswith(".")]
    assert leftovers == []


def test_site_pages_share_one_copy_of_the_assets_and_link_only_local_files(
    small_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    written = viz.write_site(small_graph, site)
    assert sorted(p.name for p in (site / "lib").iterdir()) == sorted(viz.SHARED_ASSETS)
    vis_js = (site / "lib" / "vis-network.min.js").read_bytes()
    assert len(vis_js) > 100_000
    copies = [p for p in site.rglob("*") if p.is_file() and vis_js[:2000] in p.read_bytes()]
    assert copies == [site / "lib" / "vis-network.min.js"], "vis-network must be in the site exactly once"
    pages = written["graph"] + written["map"] + written["spread"] + written["zones"]
    for page in pages:
        refs = _Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        linked = [v for tag, _, v in refs.refs if tag in ("script", "link")]
        assert f"{page.stem}.data.js" in linked
        assert all(not re.match(r"^(?:[a-z]+:|/)", v) for v in linked), linked
        assert all((page.parent / v).is_file() for v in linked), linked
        nodes, _ = site_page_data(page)
        # A page of the site names its tooltips by number in the site's tips.js, each text stored once.
        assert nodes and all(isinstance(n["tip"], int) and "title" not in n for n in nodes)
        assert "tips.js" in [Path(v).name for v in linked]
    tips = re.fullmatch(r"/\*.*?\*/\nwindow\.pftzTips = (.*);\n", (site / "tips.js").read_text(encoding="utf-8"), re.S)
    assert tips and len(set(json.loads(tips[1]))) == len(json.loads(tips[1])), "every tooltip once"
    graph_nodes, graph_edges = site_page_data(written["graph"][0])
    whole = viz.aggregate_diffusion(small_graph)
    assert (len(graph_nodes), len(graph_edges)) == (whole.number_of_nodes(), whole.number_of_edges())
    assert all(e["hidden"] for e in graph_edges if e.get("derived")), "the whole graph shows stated facts first"
    # Building twice writes the same bytes.
    first = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    viz.write_site(small_graph, site)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == first


def test_index_links_are_relative_to_the_index_whatever_the_working_folder(
    small_graph: nx.MultiDiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    written = viz.write_site(small_graph, Path("out") / "site")
    refs = _Refs()
    refs.feed(written["index"][0].read_text(encoding="utf-8"))
    hrefs = [v for tag, _, v in refs.refs if tag == "a"]
    assert hrefs[:2] == ["index.html", "graph.html"]
    assert all((tmp_path / "out" / "site" / h).is_file() for h in hrefs)
    # Spread pages are listed in batch order.
    spread = [h for h in hrefs if h.startswith("spread/")]
    assert len(spread) == len(written["spread"])
    index = viz.write_index(tmp_path / "x", [viz.ViewEntry("zone", "Z <i>", tmp_path / "x" / "zones" / "a b.html")])
    assert 'href="zones/a%20b.html"' in index.read_text(encoding="utf-8")
    assert "Z &lt;i&gt;" in index.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- in the browser


@pytest.mark.browser
def test_whole_graph_draws_offline_with_evidence_tooltips(
    open_offline: OpenOffline, small_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    out = viz.render_html(small_graph, tmp_path / "graph.html", title="Whole graph")
    op = open_offline(out)
    assert op.problems() == []
    assert browser_counts(op) == (small_graph.number_of_nodes(), small_graph.number_of_edges())
    zone = node_id(Label.ZONE, "zone-2")
    quote = small_graph.nodes[zone]["provenance"][0]["quote"]
    line = small_graph.nodes[zone]["provenance"][0]["line"]
    text = hover_node(op, zone, quote)
    assert f"line {line}: «{quote}»" in text
    assert "Zone 2 PFTZ" in text and "kind: PFTZ" in text
    # Physics was switched off once the layout settled.
    assert op.page.evaluate("network.physics.options.enabled") is False
    assert op.problems() == []


@pytest.mark.browser
def test_document_text_shows_as_text_and_runs_nothing(
    open_offline: OpenOffline, xss_graph: tuple[nx.MultiDiGraph, str], tmp_path: Path
) -> None:
    G, doc = xss_graph
    out = viz.render_html(G, tmp_path / "xss.html", title=f"Graph {XSS_SCRIPT}")
    op = open_offline(out)
    page = op.page
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.inner_text("h1") == f"Graph {XSS_SCRIPT}"
    text = hover_node(op, doc, "Notice")
    assert XSS_IMG in text and XSS_SCRIPT in text, "the tags must show as text"
    assert "line 745: «quoted" in text
    # The filter menu lists node captions (the names) through tom-select, which must escape them too.
    page.evaluate("() => { itemControl.addItem('node'); propControl.addItem('label'); valueControl.open(); }")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, #mynetwork script').length") == 0
    assert op.problems() == []


@pytest.mark.browser
def test_spread_view_runs_left_to_right_in_time(
    open_offline: OpenOffline, spread_graph: tuple[nx.MultiDiGraph, str], tmp_path: Path
) -> None:
    G, m = spread_graph
    sub, pos = viz.spread_view(G, m)
    out = viz.render_html(sub, tmp_path / "spread.html", title="Spread of m-0", layout="spread", positions=pos)
    op = open_offline(out)
    assert op.problems() == []
    assert browser_counts(op) == (sub.number_of_nodes(), sub.number_of_edges())
    ARTIFACTS.mkdir(exist_ok=True)
    op.page.screenshot(path=str(ARTIFACTS / "spread-view.png"))
    drawn = op.page.evaluate("network.getPositions()")
    # Dates as the graph states them: batches, and the earliest dated edge that reached a place.
    dates: dict[str, str] = {}
    for n, d in sub.nodes(data=True):
        if d["label"] == Label.BATCH:
            dates[n] = d["date"]
    for u, v, d in sub.edges(data=True):
        if d["type"] in (Rel.REPLICATED_TO, Rel.ADOPTED, Rel.DIFFUSED_TO) and d.get("date"):
            place = u if d["type"] == Rel.ADOPTED else v
            dates[place] = min(dates.get(place, d["date"]), d["date"])
    assert len(set(dates.values())) >= 4
    ordered = sorted(dates, key=lambda n: dates[n])
    for a, b in itertools.pairwise(ordered):
        if dates[a] < dates[b]:
            assert drawn[a]["x"] < drawn[b]["x"], f"{a} ({dates[a]}) is not left of {b} ({dates[b]})"
        else:
            assert drawn[a]["x"] == drawn[b]["x"]
    origins = [v for _, v, d in sub.out_edges(m, data=True) if d["type"] == Rel.ORIGINATED_IN]
    left = min(p["x"] for n, p in drawn.items() if n not in origins)
    assert all(drawn[o]["x"] < left for o in origins), "the undated origin is at the far left"
    assert all(drawn[n]["x"] > drawn[m]["x"] for n in dates)
    # Physics off: the browser keeps the computed positions.
    assert all((drawn[n]["x"], drawn[n]["y"]) == (round(pos[n][0]), round(pos[n][1])) for n in sub)
    # The stated origin edge carries its quote.
    origin_edge = next(d for _, v, d in sub.out_edges(m, data=True) if d["type"] == Rel.ORIGINATED_IN)
    quote = origin_edge["provenance"][0]["quote"]
    titles = op.page.evaluate("edges.get().map(e => e.title)")
    assert any(f"«{quote}»" in t for t in titles)


@pytest.mark.browser
def test_spread_timeline_columns_follow_dates_and_groups_expand_on_click(
    open_offline: OpenOffline, scoped_spread_graph: tuple[nx.MultiDiGraph, str, list[str]], tmp_path: Path
) -> None:
    G, m, _ = scoped_spread_graph
    sub, pos = viz.spread_view(G, m)
    op = open_offline(viz.render_html(sub, tmp_path / "spread.html", layout="spread", positions=pos))
    assert op.problems() == []
    page = op.page
    ticks = page.evaluate("pftzAxis.ticks")
    isos = page.evaluate("pftzAxis.dates")
    dated = [(x, PartialDate.parse(iso)) for (x, _), iso in zip(ticks, isos, strict=True) if iso]
    assert len(dated) >= 3
    assert [d for _, d in sorted(dated)] == sorted(d for _, d in dated), "columns are not in date order"
    assert len({d for _, d in dated}) == len(dated), "one column per date"
    assert ticks[-1][1] == "undated"
    drawn = page.evaluate("network.getPositions()")
    column = {iso: x for (x, _), iso in zip(ticks, isos, strict=True) if iso}
    for n, iso in sub.graph["dates"].items():
        if n not in sub.graph["groups"].get(node_id(Label.REGION, "nationwide"), []):
            assert drawn[n]["x"] == column[iso], f"{n} is not in the {iso} column"
    assert label_overlaps(op) == []
    assert op.page.evaluate("window.pftz.decluttered") == 0, "the timeline keeps every label"
    visible = "nodes.get({filter: n => !n.hidden}).length"
    members = sub.graph["groups"][node_id(Label.REGION, "nationwide")]
    before = page.evaluate(visible)
    click_node(op, node_id(Label.REGION, "nationwide"))
    page.wait_for_function(f"{visible} === {before + len(members)}", timeout=5000)
    assert page.evaluate("edges.get({filter: e => e.memberOf && !e.hidden}).length") == len(members)
    assert label_overlaps(op) == []
    click_node(op, node_id(Label.REGION, "nationwide"))
    page.wait_for_function(f"{visible} === {before}", timeout=5000)
    assert op.problems() == []


@pytest.mark.browser
def test_filter_menu_and_legend_work_offline(
    open_offline: OpenOffline, small_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    out = viz.render_html(small_graph, tmp_path / "graph.html")
    op = open_offline(out)
    page = op.page
    n_zones = sum(1 for _, d in small_graph.nodes(data=True) if d["label"] == Label.ZONE)
    visible = "nodes.get({filter: n => !n.hidden}).length"
    page.evaluate("() => { itemControl.addItem('node'); propControl.addItem('type'); valueControl.addItem('Zone'); }")
    page.click("#filter-menu button:has-text('Filter')")
    assert page.evaluate(visible) == n_zones
    page.click("#filter-menu button:has-text('Reset')")
    assert page.evaluate(visible) == small_graph.number_of_nodes()
    # Legend boxes hide a label's nodes and the derived edges.
    page.uncheck("#legend input[data-label='Measure']")
    n_measures = sum(1 for _, d in small_graph.nodes(data=True) if d["label"] == Label.MEASURE)
    assert page.evaluate(visible) == small_graph.number_of_nodes() - n_measures
    page.uncheck("#legend input[data-derived]")
    assert page.evaluate("edges.get({filter: e => e.derived && !e.hidden}).length") == 0
    assert op.problems() == []


@pytest.mark.browser
def test_site_pages_open_from_the_index_offline(
    open_offline: OpenOffline, small_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    written = viz.write_site(small_graph, tmp_path / "site")
    op = open_offline(written["index"][0], wait=False)
    page = op.page
    links = page.eval_on_selector_all("#pftz-pages a", "as => as.map(a => a.getAttribute('href'))")
    assert len(links) == 2 + len(written["spread"]) + len(written["zones"]) + len(written["documents"])
    for href in (links[0], links[1], links[-1]):
        page.goto(written["index"][0].resolve().as_uri())
        page.click(f"a[href='{href}']")
        op.wait_drawn()
        target = (tmp_path / "site" / href).resolve()
        assert Path(page.url.removeprefix("file://")) == target
        n, m = browser_counts(op)
        nodes, edges = site_page_data(target)
        assert (n, m) == (len(nodes), len(edges)) and n > 0
    assert op.problems() == []


@pytest.mark.browser
def test_large_graph_draws_with_fixed_positions(open_offline: OpenOffline, tmp_path: Path) -> None:
    G = synthetic_graph(700, 8)
    out = viz.render_html(G, tmp_path / "large.html")
    op = open_offline(out)
    assert op.problems() == []
    assert browser_counts(op) == (G.number_of_nodes(), G.number_of_edges())
    nodes, _, _ = page_data(out.read_text(encoding="utf-8"))
    drawn = op.page.evaluate("network.getPositions()")
    # Positions are written as whole pixels, as getPositions() returns them.
    moved = [n["id"] for n in nodes if (drawn[n["id"]]["x"], drawn[n["id"]]["y"]) != (n["x"], n["y"])]
    assert moved == []
    zone = node_id(Label.ZONE, "zone-3")
    assert "Zone 3 PFTZ" in hover_node(op, zone, "Zone 3 was set up")


# --------------------------------------------------------------------------- static figures


@pytest.mark.parametrize("suffix", [".svg", ".pdf", ".png"])
def test_spread_figure_is_deterministic_with_legend_and_source(
    scoped_spread_graph: tuple[nx.MultiDiGraph, str, list[str]], tmp_path: Path, suffix: str
) -> None:
    G, m, _ = scoped_spread_graph
    before = canonical(G)
    a = figures.save_figure(figures.spread_figure(G, m), tmp_path / f"a{suffix}")
    b = figures.save_figure(figures.spread_figure(G, m), tmp_path / f"b{suffix}")
    assert canonical(G) == before
    assert a.read_bytes() == b.read_bytes(), "two runs must give the same bytes"
    assert len(a.read_bytes()) > 2000
    if suffix == ".svg":
        svg = a.read_text(encoding="utf-8")
        legend = ("stated in the report", "derived (inferred diffusion)")
        for text in (*legend, "Source: synthetic-a.txt", "undated", "2021"):
            assert text in svg, text
        assert viz.short_title(G.nodes[m]["title"], 80) in svg


def test_figure_text_with_dollar_signs_stays_text(spread_graph: tuple[nx.MultiDiGraph, str], tmp_path: Path) -> None:
    G, m = spread_graph
    G.nodes[m]["title"] = "Loans of US$ 5 million and $x^2$ in one title"
    svg = figures.save_figure(figures.spread_figure(G, m), tmp_path / "d.svg").read_text(encoding="utf-8")
    assert "Loans of US$ 5 million and $x^2$" in svg


def test_figures_read_in_greyscale() -> None:
    # Every label has its own marker shape, and stated, derived and adoption lines differ in dash pattern.
    assert set(figures.MARKERS) == {lab.value for lab in Label}
    assert len(set(figures.MARKERS.values())) == len(figures.MARKERS)
    styles = [figures.STATED["linestyle"], figures.DERIVED_STYLE["linestyle"], figures.ADOPTION["linestyle"]]
    assert len({str(s) for s in styles}) == 3


def test_zone_and_map_figures(small_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    fig = figures.zone_figure(small_graph, "zone 1")
    svg = figures.save_figure(fig, tmp_path / "z.svg").read_text(encoding="utf-8")
    assert "what the report states" in svg and "Source: " in svg
    with pytest.raises(QueryError):
        figures.zone_figure(small_graph, "no such zone")
    fig = figures.map_figure(small_graph)
    rings = sum(len(rings) for _, rings in viz.load_outline())
    assert len(fig.axes[0].patches) == rings >= 31, "the provinces' outline is the base layer"
    svg = figures.save_figure(fig, tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "Natural Earth" in svg
    with pytest.raises(ExportError, match="svg"):
        figures.save_figure(fig, tmp_path / "m.txt")


@pytest.mark.browser
def test_chinese_names_render_as_glyphs_not_boxes(
    open_offline: OpenOffline, small_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    # A missing font draws every CJK character as the same empty box; a CJK font draws them differently.
    G = small_graph
    zone = node_id(Label.ZONE, "zone-2")
    G.nodes[zone]["name_zh"] = "中国（上海）自由贸易试验区"
    op = open_offline(viz.render_html(G, tmp_path / "zh.html"))
    assert "中国（上海）自由贸易试验区" in hover_node(op, zone, "自由贸易")
    same = op.page.evaluate(
        """() => {
            const draw = ch => {
                const c = document.createElement('canvas'); c.width = c.height = 40;
                const ctx = c.getContext('2d'); ctx.font = '32px sans-serif'; ctx.fillText(ch, 2, 34);
                return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',');
            };
            return draw('中') === draw('国');
        }"""
    )
    assert not same, "CJK characters render as boxes: install fonts-noto-cjk (tools/setup-test-deps.sh)"


def test_the_views_are_rooms_of_their_own_under_800_lines_sharing_public_names() -> None:
    import ast

    shell_dir = Path(viz.__file__).parent
    rooms = ["viz", "viewcore", "choose", "layout", "labels", "pages", "figures"]
    for room in rooms:
        text = (shell_dir / f"{room}.py").read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 800, f"shell/{room}.py has {len(text.splitlines())} lines"
        tree = ast.parse(text)
        private = [
            f"{node.value.id}.{node.attr}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id in rooms and node.attr.startswith("_")
        ] + [
            f"{node.module}.{a.name}"
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("shell.")
            for a in node.names if a.name.startswith("_")
        ]  # fmt: skip
        assert private == [], f"shell/{room}.py uses private names of another room: {private}"
