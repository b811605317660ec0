"""Tests of graph.exports: GraphML, GEXF, node-link JSON, the neo4j-admin bundle, cascades, atomic writes."""

from __future__ import annotations

import csv
import datetime
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from pftz.graph import exports_neo4j, exports_xml
from pftz.graph.build import graph_from_reports
from pftz.graph.exports import FORMATS, export, write_all
from pftz.graph.exports_cascades import CASCADE_COLUMNS, cascade_summary, cascades, save_cascades_csv
from pftz.graph.exports_json import save_node_link_json
from pftz.graph.exports_neo4j import ARRAY_DELIMITER, save_neo4j_admin_csv
from pftz.graph.exports_xml import degree_size, load_graphml, save_gexf, save_graphml
from pftz.ground.errors import ExportError, PftzGraphError
from pftz.ground.schema import DERIVED, NODE_TYPES, PROVENANCE, Label, Rel
from pftz.loaders.reference import load_reference
from pftz.shell.cli import cli
from tests.synthetic import canonical, synthetic_graph
from tests.test_build import PILOT_BATCH, report_a, report_b


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return graph_from_reports([report_a(), report_b()], reference=load_reference())


def _days(iso: str) -> int:
    return (datetime.date.fromisoformat(iso) - datetime.date(1970, 1, 1)).days


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


# --------------------------------------------------------------------------- GraphML, GEXF, JSON


def test_graphml_reimports_to_the_same_graph(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = save_graphml(graph, tmp_path / "g.graphml")
    H = nx.read_graphml(path)
    assert H.is_multigraph() and H.is_directed()
    assert (H.number_of_nodes(), H.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    node = H.nodes["Zone:shanghai"]
    assert isinstance(node[PROVENANCE], str)
    assert node["provenance_count"] == len(graph.nodes["Zone:shanghai"][PROVENANCE])
    assert canonical(load_graphml(path)) == canonical(graph)
    assert load_graphml(path).graph["sources"] == graph.graph["sources"]


def test_graphml_of_the_synthetic_graph(tmp_path: Path) -> None:
    G = synthetic_graph(20, 4)
    H = nx.read_graphml(save_graphml(G, tmp_path / "s.graphml"))
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())


def test_gexf_reimports_with_timeline(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = save_gexf(graph, tmp_path / "g.gexf")
    H = nx.read_gexf(path)
    assert (H.number_of_nodes(), H.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert H.graph["mode"] == "dynamic"
    text = path.read_text(encoding="utf-8")
    assert 'timeformat="date"' in text and "lastmodifieddate" not in text
    sh = H.nodes["Zone:shanghai"]
    assert sh["start"] == "2013-09-27" and sh["label"] == "Shanghai PFTZ" and sh["node_label"] == "Zone"
    starts = {
        d.get("start") for _, v, d in H.edges(data=True) if v == "Zone:xinjiang" and d.get("rel_type") == "DIFFUSED_TO"
    }
    assert "2024-10-31" in starts  # "2024-10": the last day of the month
    undated = [d for *_, d in H.edges(data=True) if d.get("rel_type") == Rel.IN_BATCH.value]
    assert undated and all("start" not in d for d in undated)
    assert all(d.get("label") == d.get("rel_type") for *_, d in H.edges(data=True))


def test_graphml_node_label_is_the_name_for_gephi(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = save_graphml(graph, tmp_path / "g.graphml")
    H = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
    for n, d in graph.nodes(data=True):
        assert H.nodes[n]["label"] == d["name"], n  # what Gephi captions a node with
        assert H.nodes[n]["node_label"] == d["label"]
    # the key a GraphML reader sees: attr.name="label" on nodes holds the name
    root = ET.parse(path).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = root.findall("g:key", ns)
    key = next(k.get("id") for k in keys if k.get("for") == "node" and k.get("attr.name") == "label")
    node = root.find(".//g:node[@id='Zone:shanghai']", ns)
    assert node is not None and node.findtext(f"g:data[@key='{key}']", namespaces=ns) == "Shanghai PFTZ"
    # our own reader puts the schema label back
    back = load_graphml(path)
    assert back.nodes["Zone:shanghai"]["label"] == "Zone" and "node_label" not in back.nodes["Zone:shanghai"]


def test_graphml_of_an_earlier_version_still_loads(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    old = nx.MultiDiGraph(name="t", sources="[]")
    old.add_node("Zone:a", label="Zone", key="a", name="A PFTZ", provenance="[]", provenance_count=0)
    nx.write_graphml_xml(old, tmp_path / "old.graphml")
    assert load_graphml(tmp_path / "old.graphml").nodes["Zone:a"]["label"] == "Zone"


def test_gexf_has_the_site_colours_sizes_by_degree_and_positions(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    positions = {str(n): (10.0 * i, 5.0 * i) for i, n in enumerate(sorted(graph, key=str))}
    path = save_gexf(graph, tmp_path / "g.gexf", positions)
    H = nx.read_gexf(path)
    for n, d in graph.nodes(data=True):
        viz = H.nodes[n]["viz"]
        color = NODE_TYPES[Label(d["label"])].color
        assert "#{r:02x}{g:02x}{b:02x}".format(**viz["color"]) == color, n
        stated = sum(1 for *_, e in [*graph.out_edges(n, data=True), *graph.in_edges(n, data=True)] if not e["derived"])
        assert viz["size"] == degree_size(stated)
        x, y = positions[str(n)]
        assert (viz["position"]["x"], viz["position"]["y"]) == (x, -y)  # Gephi's y grows upwards
        assert H.nodes[n]["label"] == d["name"]
    # read with a plain XML parser too: the viz namespace of GEXF 1.2
    root = ET.parse(path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
    node = root.find(".//g:node[@id='Zone:shanghai']", ns)
    assert node is not None and node.get("label") == "Shanghai PFTZ"
    c = node.find("viz:color", ns)
    assert c is not None
    assert "#{:02x}{:02x}{:02x}".format(*(int(c.get(k) or 0) for k in "rgb")) == NODE_TYPES[Label.ZONE].color
    sizes = [float(s.get("value")) for s in root.iterfind(".//g:node/viz:size", ns)]
    assert len(sizes) == graph.number_of_nodes() and len(set(sizes)) > 3
    edge_colors = {e.find("viz:color", ns) is not None for e in root.iterfind(".//g:edge", ns)}
    assert edge_colors == {True}
    # without positions, no viz:position (and the time attributes stay)
    bare = nx.read_gexf(save_gexf(graph, tmp_path / "bare.gexf"))
    assert "position" not in bare.nodes["Zone:shanghai"]["viz"]
    assert bare.nodes["Zone:shanghai"]["start"] == "2013-09-27"


def test_cli_gexf_export_is_laid_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PFTZ_CACHE_DIR", str(tmp_path / "cache"))
    res = CliRunner().invoke(cli, ["export", "--format", "gexf", "-o", str(tmp_path / "g.gexf")])
    assert res.exit_code == 0, res.output
    H = nx.read_gexf(tmp_path / "g.gexf")
    positions = {(d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for _, d in H.nodes(data=True)}
    assert len(positions) > 0.9 * H.number_of_nodes()  # every node placed, hardly two on one spot


def test_node_link_json(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = save_node_link_json(graph, tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"nodes", "edges", "graph"} <= set(data)
    H = nx.node_link_graph(data, edges="edges")
    assert canonical(H) == canonical(graph)


# --------------------------------------------------------------------------- neo4j-admin


def test_neo4j_admin_headers(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = save_neo4j_admin_csv(graph, tmp_path / "neo4j-import")
    zone = _read_csv(out / "nodes_Zone.csv")
    assert zone[0] == [
        "key:ID(Zone)", "name", "kind", "province", "name_zh", "established", "lat:double", "lon:double",
        "date_end", "date_start", "provenance:string[]", "provenance_count:int", ":LABEL",
    ]  # fmt: skip
    assert len(zone) - 1 == sum(1 for _, d in graph.nodes(data=True) if d["label"] == "Zone")
    assert all(row[-1] == "Zone" for row in zone[1:])
    region = _read_csv(out / "nodes_Region.csv")[0]
    assert "mainland:boolean" in region and region[0] == "key:ID(Region)"
    measure = _read_csv(out / "nodes_Measure.csv")[0]
    assert "row:int" in measure and "aliases" in measure
    rel = _read_csv(out / "rels_REPLICATED_TO_Measure_Region.csv")
    assert rel[0] == [
        ":START_ID(Measure)", ":END_ID(Region)", ":TYPE", "eid", "scope", "date", "date_end", "date_start",
        "derived:boolean", "provenance:string[]", "provenance_count:int",
    ]  # fmt: skip
    assert all(row[2] == "REPLICATED_TO" and row[8] == "false" for row in rel[1:])
    diffusion = _read_csv(out / "rels_DIFFUSED_TO_Zone_Zone.csv")
    assert diffusion[0][:7] == [":START_ID(Zone)", ":END_ID(Zone)", ":TYPE", "eid", "measure", "date", "via"]
    assert all(row[9] == "true" for row in diffusion[1:])  # after date_end and date_start
    # every file of the graph's patterns, with one row per edge
    total = sum(len(_read_csv(p)) - 1 for p in out.glob("rels_*.csv"))
    assert total == graph.number_of_edges()
    assert sum(len(_read_csv(p)) - 1 for p in out.glob("nodes_*.csv")) == graph.number_of_nodes()


def test_neo4j_admin_arrays_and_command(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = save_neo4j_admin_csv(graph, tmp_path / "bundle")
    rows = _read_csv(out / "nodes_Zone.csv")
    header = rows[0]
    i, n = header.index("provenance:string[]"), header.index("provenance_count:int")
    for row in rows[1:]:
        entries = [json.loads(x) for x in row[i].split(ARRAY_DELIMITER)]
        assert len(entries) == int(row[n])
        assert all({"source", "sha256", "line", "section", "quote"} == set(e) for e in entries)
    script = (out / "import.sh").read_text(encoding="utf-8")
    assert 'neo4j-admin" database import full \\' in script and '-- "$DB"' in script
    assert "--array-delimiter=U+001F" in script
    assert '--nodes="$DIR/nodes_Zone.csv"' in script
    assert '--relationships="$DIR/rels_DIFFUSED_TO_Zone_Region.csv"' in script
    assert os.access(out / "import.sh", os.X_OK)
    assert "-- neo4j" in (out / "README.md").read_text(encoding="utf-8")


def test_neo4j_admin_rejects_nodes_outside_the_schema(tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    G.add_node("Planet:mars", label="Planet", key="mars", name="Mars", provenance=[])
    with pytest.raises(ExportError, match="no schema label"):
        save_neo4j_admin_csv(G, tmp_path / "bad")
    assert not (tmp_path / "bad").exists()


# --------------------------------------------------------------------------- cascades


def test_cascades(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    df = cascades(graph)
    assert tuple(df.columns) == CASCADE_COLUMNS
    assert str(df["time"].dtype) == "int64"
    assert not df.duplicated(["node_name", "cascade_id"]).any()
    # the pilot batch reaches every zone at one time, and its origins print no pilot start: left out
    assert f"{PILOT_BATCH}:1" not in set(df["cascade_id"])
    assert (df.groupby("cascade_id")["time"].nunique() >= 2).all()
    summary = cascade_summary(graph)
    assert summary.kept == df["cascade_id"].nunique() and summary.left_out >= 1
    assert list(df.sort_values(["cascade_id", "time", "node_name"]).index) == list(df.index)

    path = save_cascades_csv(graph, tmp_path / "cascades.csv")
    rows = _read_csv(path)
    assert rows[0] == list(CASCADE_COLUMNS)
    assert len(rows) - 1 == len(df)
    assert all(r[2].lstrip("-").isdigit() for r in rows[1:])


def test_cascades_take_stated_dates_only() -> None:
    G = graph_from_reports([report_a()], reference=load_reference(), derive=False, resolve=False)
    assert cascades(G).empty  # no diffusion: one dated adoption is one time, not a cascade
    G.nodes["Measure:case:shanghai:smart-form"]["year"] = 2019
    assert cascades(G).empty, "a measure's year is not the time its origin was infected"
    G.edges["Measure:case:shanghai:smart-form", "Zone:shanghai", Rel.ORIGINATED_IN.value]["date"] = "2019-06"
    df = cascades(G)
    assert df.to_dict("records") == [
        {"node_name": "Zone:shanghai", "cascade_id": "case:shanghai:smart-form", "time": _days("2019-06-30")},
        {"node_name": "Region:ningxia", "cascade_id": "case:shanghai:smart-form", "time": _days("2024-05-31")},
    ]
    assert cascade_summary(G).left_out == 0


# --------------------------------------------------------------------------- determinism, atomicity


def test_write_all_is_byte_identical(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    first = write_all(graph, tmp_path / "a")
    assert set(first) == set(FORMATS)
    again = graph_from_reports([report_a(), report_b()], reference=load_reference())  # built anew
    second = write_all(again, tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(files) > 5
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    assert second["neo4j-admin"].is_dir()
    # writing over existing outputs works and leaves no temporary files
    write_all(graph, tmp_path / "a")
    assert not [p for p in (tmp_path / "a").rglob(".*")]


def test_failed_write_leaves_the_old_file_intact(graph: nx.MultiDiGraph, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "graph.graphml"
    path.write_text("old contents", encoding="utf-8")

    def broken(G: nx.MultiDiGraph, fh, **kw) -> None:
        fh.write(b"<?xml half a file")
        raise ValueError("disk on fire")

    monkeypatch.setattr(exports_xml.nx, "write_graphml_xml", broken)
    with pytest.raises(ExportError, match="disk on fire") as info:
        save_graphml(graph, path)
    assert isinstance(info.value, PftzGraphError) and isinstance(info.value, OSError)
    assert str(path) in str(info.value)
    assert path.read_text(encoding="utf-8") == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]


def test_failed_bundle_leaves_the_old_directory_intact(graph: nx.MultiDiGraph, tmp_path: Path, monkeypatch) -> None:
    out = save_neo4j_admin_csv(graph, tmp_path / "neo4j-import")
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(G: nx.MultiDiGraph) -> dict[str, bytes]:
        return {"nodes_Zone.csv": b"partial", "nested/oops.csv": b"cannot be written"}

    monkeypatch.setattr(exports_neo4j, "_neo4j_files", broken)
    with pytest.raises(ExportError, match="existing file is left unchanged"):
        save_neo4j_admin_csv(graph, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["neo4j-import"]


def test_export_errors(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format 'svg'"):
        export(graph, "svg", tmp_path / "g.svg")
    (tmp_path / "dir.graphml").mkdir()
    with pytest.raises(ExportError, match="is a directory"):
        save_graphml(graph, tmp_path / "dir.graphml")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="not a directory"):
        save_neo4j_admin_csv(graph, tmp_path / "file")
    with pytest.raises(ExportError):
        save_cascades_csv(graph, tmp_path / "file" / "cascades.csv")


def test_exports_keep_derived_flags(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    H = load_graphml(save_graphml(graph, tmp_path / "g.graphml"))
    derived = sum(1 for *_, d in H.edges(data=True) if d.get(DERIVED) is True)
    assert derived == sum(1 for *_, d in graph.edges(data=True) if d.get(DERIVED) is True) > 0
    assert all(H.nodes[n]["label"] in {label.value for label in Label} for n in H)
