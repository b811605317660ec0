"""Tests of graph.diffusion: dated DIFFUSED_TO edges derived from origins, replication and adoption."""

from __future__ import annotations

import networkx as nx
import pytest

from pftz.graph.build import graph_from_records, graph_from_reports
from pftz.graph.diffusion import derive_diffusion, remove_derived
from pftz.graph.validate import validate
from pftz.ground.schema import DERIVED, PROVENANCE, Label, Rel, node_id
from pftz.loaders.reference import load_reference, load_zones
from tests.synthetic import canonical
from tests.test_build import BP_BATCH, PILOT_BATCH, _Report, report_a

ZONES = load_zones()


def diffused(G: nx.MultiDiGraph, measure: str) -> dict[tuple[str, str], dict]:
    return {
        (u, v): d for u, v, d in G.edges(data=True) if d["type"] == Rel.DIFFUSED_TO.value and d["measure"] == measure
    }


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return graph_from_reports([report_a()], reference=load_reference(), resolve=False)


def test_all_pftzs_respects_establishment_dates(graph: nx.MultiDiGraph) -> None:
    xinjiang = "Zone:xinjiang"  # established 2023-10-31
    year_only = diffused(graph, "case:shanghai:year-only")  # "2023" = up to 2023-12-31
    day_before = diffused(graph, "case:shanghai:day-before")  # "2023-10-30"
    assert ("Zone:shanghai", xinjiang) in year_only
    assert ("Zone:shanghai", xinjiang) not in day_before
    assert len(year_only) == len(ZONES) - 1  # every zone but the origin
    assert len(day_before) == len(ZONES) - 2
    for (u, v), d in day_before.items():
        assert u == "Zone:shanghai" and v.startswith("Zone:")
        established = graph.nodes[v]["established"]
        assert established <= "2023-10-30"
        assert d["date"] == "2023-10-30"


def test_month_precision_counts_the_whole_month() -> None:
    rep = _Report("month.txt")
    sh = rep.node(Label.ZONE, "shanghai", "Shanghai PFTZ", kind="PFTZ")
    all_pftzs = rep.node(Label.REGION, "all-pftzs", "All PFTZs", kind="scope")
    m = rep.node(Label.MEASURE, "m", "A measure", kind="zone case")
    rep.rel(Rel.ORIGINATED_IN, m, sh, "origin")
    rep.rel(Rel.REPLICATED_TO, m, all_pftzs, "all", date="2023-11")
    ref = load_reference()
    G = graph_from_records(rep.entities, rep.relations, G=graph_from_records(ref.entities, ref.relations))
    derive_diffusion(G)
    assert ("Zone:shanghai", "Zone:xinjiang") in diffused(G, "m")


def test_derived_edges_are_marked_and_carry_their_evidence(graph: nx.MultiDiGraph) -> None:
    edges = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if d["type"] == "DIFFUSED_TO"]
    assert edges
    for u, _, k, d in edges:
        assert d[DERIVED] is True
        assert k == f"DIFFUSED_TO|{d['measure']}"
        assert graph.nodes[u]["label"] == Label.ZONE.value
        assert d[PROVENANCE]  # the origin and replication evidence
    validate(graph)


def test_batch_replication_takes_the_batch_date(graph: nx.MultiDiGraph) -> None:
    edges = diffused(graph, f"{PILOT_BATCH}:1")
    origins = {"Zone:shanghai", "Zone:guangdong"}
    assert {u for u, _ in edges} == origins
    assert len(edges) == 2 * (len(ZONES) - 2)  # every zone but the two origins
    assert not any(v in origins for _, v in edges)
    assert {d["date"] for d in edges.values()} == {"2024-10"}
    assert {d["via"] for d in edges.values()} == {PILOT_BATCH}
    quotes = {p["quote"] for p in edges["Zone:shanghai", "Zone:xinjiang"][PROVENANCE]}
    assert quotes == {"pilot region Shanghai", "to be replicated in all PFTZs"}


def test_province_replication_and_adoption(graph: nx.MultiDiGraph) -> None:
    to_zj = diffused(graph, "case:fujian:to-zhejiang")
    assert list(to_zj) == [("Zone:fujian", "Region:zhejiang")]
    assert to_zj["Zone:fujian", "Region:zhejiang"]["date"] == "2024-03-01"
    adopted = diffused(graph, "case:shanghai:smart-form")
    assert list(adopted) == [("Zone:shanghai", "Region:ningxia")]
    assert adopted["Zone:shanghai", "Region:ningxia"]["date"] == "2024-05"
    assert adopted["Zone:shanghai", "Region:ningxia"]["via"] == Rel.ADOPTED.value


def test_measures_without_origin_produce_nothing() -> None:
    G = graph_from_reports([report_a()], reference=load_reference(), resolve=False, derive=False)
    summary = derive_diffusion(G)
    assert summary.without_origin == 4  # the four appendix rows
    assert summary.unsourced == 4  # all replicated nationwide
    assert not diffused(G, f"{BP_BATCH}:10")
    assert summary.edges == sum(1 for *_, d in G.edges(data=True) if d["type"] == "DIFFUSED_TO")
    assert summary.undated == 0


def test_nationwide_reaches_the_31_mainland_provinces_after_resolution() -> None:
    # the smart-form case merges into row 10, which gains Shanghai
    G = graph_from_reports([report_a()], reference=load_reference())
    edges = diffused(G, f"{BP_BATCH}:10")
    targets = {v for _, v in edges}
    assert len(targets) == 31
    assert all(G.nodes[t]["mainland"] for t in targets)
    assert "Region:hong-kong" not in targets and "Region:taiwan" not in targets
    # Ningxia is reached twice (nationwide, adoption): the earliest dated edge is kept
    ningxia = edges["Zone:shanghai", "Region:ningxia"]
    assert ningxia["date"] == "2024-01-18" and ningxia["via"] == BP_BATCH
    assert any(p["quote"] == "Ningxia adopted the smart form" for p in ningxia[PROVENANCE])


def test_zones_without_a_date_are_skipped_with_a_note() -> None:
    rep = _Report("nodate.txt")
    sh = rep.node(Label.ZONE, "a", "Zone A", kind="PFTZ", established="2015-01-01")
    rep.node(Label.ZONE, "b", "Zone B", kind="PFTZ")
    rep.node(Label.ZONE, "c", "Zone C", kind="PFTZ", established="2016-05-05")
    rep.node(Label.ZONE, "d", "Sub-area D", kind="sub-area", established="2010-01-01")
    scope = rep.node(Label.REGION, "all-pftzs", "All PFTZs", kind="scope")
    m = rep.node(Label.MEASURE, "m", "A measure", kind="zone case")
    rep.rel(Rel.ORIGINATED_IN, m, sh, "origin")
    rep.rel(Rel.REPLICATED_TO, m, scope, "all", date="2020")
    undated = rep.node(Label.MEASURE, "n", "Undated measure", kind="zone case")
    rep.rel(Rel.ORIGINATED_IN, undated, sh, "origin")
    rep.rel(Rel.REPLICATED_TO, undated, scope, "all, no date")
    G = graph_from_records(rep.entities, rep.relations)
    summary = derive_diffusion(G)
    assert set(diffused(G, "m")) == {("Zone:a", "Zone:c")}  # not B (no date), not the sub-area D
    assert any("'b' has no establishment date" in n for n in summary.notes)
    assert summary.undated == 1 and not diffused(G, "n")


def test_remove_derived_and_rerun() -> None:
    G = graph_from_reports([report_a()], reference=load_reference(), resolve=False)
    before = canonical(G)
    n = sum(1 for *_, d in G.edges(data=True) if d.get(DERIVED))
    assert remove_derived(G) == n
    assert not any(d.get(DERIVED) for *_, d in G.edges(data=True))
    derive_diffusion(G)
    assert canonical(G) == before
    derive_diffusion(G)  # twice: same graph
    assert canonical(G) == before


def test_remove_derived_of_one_type_only() -> None:
    G = graph_from_reports([report_a()], reference=load_reference(), resolve=False)
    G.add_edge(
        node_id(Label.MEASURE, "case:xinjiang:green-channel"), node_id(Label.MEASURE, "case:hebei:scheduled-clearance"),
        key="SAME_AS", type="SAME_AS", score=80.0, status="uncertain", derived=True, provenance=[],
    )  # fmt: skip
    remove_derived(G, [Rel.DIFFUSED_TO])
    assert [d["type"] for *_, d in G.edges(data=True) if d.get(DERIVED)] == ["SAME_AS"]
