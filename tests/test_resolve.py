"""Tests of graph.resolve: entity resolution of measures."""

from __future__ import annotations

import networkx as nx
import pytest

from pftz.graph.build import graph_from_records, validate
from pftz.graph.resolve import (
    NARRATIVE_ROW_RULE,
    REVIEW_COLUMNS,
    link_narrative_rows,
    merge_measures,
    resolve_measures,
    review_pairs,
)
from pftz.ground.names import MERGE_THRESHOLD, REVIEW_THRESHOLD, normalize_title, title_score, title_scores
from pftz.ground.schema import ALIAS_SEPARATOR, ALIASES, DERIVED, LINKED, PROVENANCE, Label, Rel, node_id
from pftz.loaders.report import load_report
from tests.synthetic import canonical
from tests.test_build import (
    BP_BATCH,
    SEAMLESS_TABLE,
    SEAMLESS_TEXT,
    SMART_FORM_TABLE,
    SMART_FORM_TEXT,
    _Report,
    records,
    report_a,
)


def score(a: str, b: str) -> float:
    return title_score(normalize_title(a), normalize_title(b))


def measure(key: str) -> str:
    return node_id(Label.MEASURE, key)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (SMART_FORM_TABLE, SMART_FORM_TEXT),
        (SEAMLESS_TABLE, SEAMLESS_TEXT),
        (
            '"Land Supermarket" full lifecycle management model',
            'whole-life cycle management model of "land supermarkets"',
        ),
        ("Large enterprise open innovation center program", "the large enterprise open innovation center plan"),
        (
            'New "five forces" model for technological innovation',
            'the new "five forces" model for technological innovation',
        ),
    ],
)
def test_real_variants_score_above_the_merge_threshold(a: str, b: str) -> None:
    assert score(a, b) >= MERGE_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("green channel", "new model of 'scheduled customs clearance + green channel' for liquefied natural gas"),
        (
            "New model for ship supervision and declaration",
            "New model for integrated approval services for shipping enterprises",
        ),
        ("business scope registration reform", SMART_FORM_TABLE),
        (SMART_FORM_TABLE, SEAMLESS_TABLE),
    ],
)
def test_different_measures_score_below_the_merge_threshold(a: str, b: str) -> None:
    assert score(a, b) < MERGE_THRESHOLD


def test_normalize_title_uses_synonyms_and_stop_words() -> None:
    assert normalize_title(SMART_FORM_TEXT) == "smart form model business registration"
    assert normalize_title(SEAMLESS_TEXT) == "seamless renewal business permit"
    assert normalize_title("the new") == ""
    assert title_score("", "anything") == 0.0


def test_resolve_merges_narrative_cases_into_appendix_rows() -> None:
    G = graph_from_records(*records(report_a()))
    before = G.number_of_nodes()
    smart_case = measure("case:shanghai:smart-form")
    prov_case = G.nodes[smart_case][PROVENANCE]
    summary = resolve_measures(G)
    assert summary.merged == 2
    kept = {(k, d) for k, d, _ in summary.merges}
    assert kept == {
        (f"{BP_BATCH}:10", "case:shanghai:smart-form"),
        (f"{BP_BATCH}:13", "case:guangdong:seamless-renewal"),
    }
    assert G.number_of_nodes() == before - 2
    assert smart_case not in G
    table = G.nodes[measure(f"{BP_BATCH}:10")]
    assert table["name"] == SMART_FORM_TABLE  # the appendix (national batch) row is canonical
    assert table["kind"] == "best practice" and table["row"] == 10
    assert table["aliases"] == SMART_FORM_TEXT
    assert all(p in table[PROVENANCE] for p in prov_case)
    # the case's edges moved: its origin and its adopter
    assert G.has_edge(measure(f"{BP_BATCH}:10"), "Zone:shanghai", Rel.ORIGINATED_IN.value)
    assert G.has_edge("Region:ningxia", measure(f"{BP_BATCH}:10"), Rel.ADOPTED.value)
    assert G.has_edge(measure(f"{BP_BATCH}:13"), "Zone:guangdong", Rel.ORIGINATED_IN.value)
    validate(G)


def test_clearly_different_measures_are_not_merged() -> None:
    G = graph_from_records(*records(report_a()))
    resolve_measures(G)
    for key in ("case:xinjiang:green-channel", "case:hebei:scheduled-clearance", f"{BP_BATCH}:7", f"{BP_BATCH}:99"):
        assert measure(key) in G
    assert not any(d["type"] == Rel.SAME_AS.value for *_, d in G.edges(data=True))


def test_rows_of_one_batch_are_never_compared() -> None:
    rep = _Report("batch.txt")
    b = rep.node(Label.BATCH, "b", "Batch", level="national")
    for i in (1, 2):
        m = rep.node(Label.MEASURE, f"b:{i}", "Single window for trade", kind="best practice", row=i)
        rep.rel(Rel.IN_BATCH, m, b, f"row {i}", row=i)
    G = graph_from_records(rep.entities, rep.relations)
    summary = resolve_measures(G)
    assert summary.compared == 0 and summary.merged == 0
    assert measure("b:1") in G and measure("b:2") in G


def test_a_cluster_never_holds_two_rows_of_one_batch() -> None:
    rep = _Report("cluster.txt")
    b = rep.node(Label.BATCH, "b", "Batch", level="national")
    for i in (1, 2):
        m = rep.node(Label.MEASURE, f"b:{i}", "Single window for trade", kind="best practice", row=i)
        rep.rel(Rel.IN_BATCH, m, b, f"row {i}", row=i)
    rep.node(Label.MEASURE, "case:x", "the single window for trade", kind="zone case")
    G = graph_from_records(rep.entities, rep.relations)
    summary = resolve_measures(G)
    assert summary.merged == 1
    assert measure("b:1") in G and measure("b:2") in G and measure("case:x") not in G
    assert G.nodes[measure("b:1")]["aliases"] == "the single window for trade"
    assert G.has_edge(measure("b:1"), measure("b:2"), Rel.SAME_AS.value)  # left for review


def test_disjoint_origins_give_an_uncertain_pair_not_a_merge() -> None:
    rep = _Report("origins.txt")
    z1 = rep.node(Label.ZONE, "z1", "Zone 1", kind="PFTZ")
    z2 = rep.node(Label.ZONE, "z2", "Zone 2", kind="PFTZ")
    m1 = rep.node(Label.MEASURE, "case:z1:x", "One-stop service window for ships", kind="zone case")
    m2 = rep.node(Label.MEASURE, "case:z2:x", "one-stop service window for ships", kind="zone case")
    rep.rel(Rel.ORIGINATED_IN, m1, z1, "z1")
    rep.rel(Rel.ORIGINATED_IN, m2, z2, "z2")
    G = graph_from_records(rep.entities, rep.relations)
    summary = resolve_measures(G)
    assert summary.merged == 0 and summary.uncertain == 1
    edge = G.edges[measure("case:z1:x"), measure("case:z2:x"), Rel.SAME_AS.value]
    assert edge["status"] == "uncertain" and edge["score"] == 100.0 and edge[DERIVED] is True
    assert len(edge[PROVENANCE]) == 2
    validate(G)


def _uncertain_graph() -> nx.MultiDiGraph:
    rep = _Report("review.txt")
    names = {
        "national:1": 'New "one-stop" supervision model for cross-border e-commerce export returns',
        "case:a": "parallel operation model for customs supervision and railway security inspection "
        "of cross-border e-commerce exports",
        "national:2": SMART_FORM_TABLE,
        "case:b": "business scope registration reform",
    }
    for key, name in names.items():
        rep.node(Label.MEASURE, key, name, kind="zone case")
    return graph_from_records(rep.entities, rep.relations)


def test_uncertain_band_and_review_pairs() -> None:
    G = _uncertain_graph()
    summary = resolve_measures(G)
    assert summary.merged == 0 and summary.uncertain == 2
    df = review_pairs(G)
    assert tuple(df.columns) == REVIEW_COLUMNS
    assert list(df["score"]) == sorted(df["score"], reverse=True)
    assert all(REVIEW_THRESHOLD <= s < MERGE_THRESHOLD for s in df["score"])
    pairs = set(zip(df["left_key"], df["right_key"], strict=True))
    assert pairs == {("case:a", "national:1"), ("case:b", "national:2")}
    assert df.loc[0, "left_name"] == G.nodes[measure(df.loc[0, "left_key"])]["name"]


def test_review_pairs_of_a_graph_without_pairs_is_empty() -> None:
    df = review_pairs(nx.MultiDiGraph())
    assert df.empty and tuple(df.columns) == REVIEW_COLUMNS


def test_resolve_is_idempotent_and_deterministic() -> None:
    e, r = records(report_a())
    G1 = graph_from_records(e, r)
    resolve_measures(G1)
    once = canonical(G1)
    again = resolve_measures(G1)
    assert again.merged == 0
    assert canonical(G1) == once
    G2 = graph_from_records(list(reversed(e)), list(reversed(r)))
    resolve_measures(G2)
    assert canonical(G2) == once
    G3 = _uncertain_graph()
    resolve_measures(G3)
    before = canonical(G3)
    resolve_measures(G3)
    assert canonical(G3) == before


def test_merge_measures_combines_edges_and_aliases() -> None:
    rep = _Report("merge.txt")
    z = rep.node(Label.ZONE, "z", "Zone", kind="PFTZ")
    a = rep.node(Label.MEASURE, "a", "Alpha", kind="zone case")
    b = rep.node(Label.MEASURE, "b", "Beta", kind="zone case", field="finance")
    rep.node(Label.MEASURE, "c", "Gamma", kind="zone case")
    rep.rel(Rel.ORIGINATED_IN, a, z, "alpha in z")
    rep.rel(Rel.ORIGINATED_IN, b, z, "beta in z")
    rep.rel(Rel.PART_OF, b, a, "beta is part of alpha")
    G = graph_from_records(rep.entities, rep.relations)
    merge_measures(G, measure("a"), measure("b"))
    merge_measures(G, measure("a"), measure("c"))
    data = G.nodes[measure("a")]
    assert data["aliases"] == ALIAS_SEPARATOR.join(["Beta", "Gamma"])
    assert data["field"] == "finance"
    edge = G.edges[measure("a"), "Zone:z", Rel.ORIGINATED_IN.value]
    assert {p["quote"] for p in edge[PROVENANCE]} == {"alpha in z", "beta in z"}
    assert not G.has_edge(measure("a"), measure("a"))  # the edge between the two is dropped
    validate(G)


def test_score_matrix_equals_the_pairwise_score_on_the_reports_titles() -> None:
    titles = sorted({normalize_title(e.name) for e in load_report().entities if e.label == Label.MEASURE} - {""})
    matrix = title_scores(titles, titles)
    assert matrix.shape == (len(titles), len(titles))
    for i, a in enumerate(titles):
        for j, b in enumerate(titles):
            assert matrix[i, j] == title_score(a, b), (a, b)


def test_score_matrix_with_a_cutoff_is_exact_at_and_above_it() -> None:
    titles = sorted({normalize_title(e.name) for e in load_report().entities if e.label == Label.MEASURE} - {""})
    full, cut = title_scores(titles, titles), title_scores(titles, titles, cutoff=REVIEW_THRESHOLD)
    assert ((full >= REVIEW_THRESHOLD) == (cut >= REVIEW_THRESHOLD)).all()
    assert (full[full >= REVIEW_THRESHOLD] == cut[full >= REVIEW_THRESHOLD]).all()


# --------------------------------------------------------------------------- a wording linked to its row

SENTENCE = "Meanwhile, 13 measures are to be replicated nationwide, including a, b, c, among others."
ROW_WINE = "In the Pilot Regions, wines with descriptors or adjectives such as chateau are permitted to be imported."


def _wording_graph(*rows: tuple[str, str, str], items_in_sentence: bool = True) -> nx.MultiDiGraph:
    """A national batch with rows ``(key, title, scope)``, one row an item of the sentence, and one wording."""
    G = nx.MultiDiGraph()
    ev = {"source": "r.txt", "sha256": "0" * 64, "line": 749, "section": "", "quote": SENTENCE}
    G.add_node("Batch:b", label="Batch", key="b", name="1st batch", level="national", provenance=[])
    G.add_node("Region:nationwide", label="Region", key="nationwide", name="Nationwide", provenance=[])
    for i, (key, title, scope) in enumerate([("b:matched", "Tariff treatment despite minor errors", "Nationwide"),
                                             *rows], 1):  # fmt: skip
        G.add_node(measure(key), label="Measure", key=key, name=title, title=title, row=i, scope=scope,
                   provenance=[{**ev, "line": 1600 + i, "quote": title}])  # fmt: skip
        G.add_edge(measure(key), "Batch:b", key="IN_BATCH", type="IN_BATCH", row=i, derived=False, provenance=[])
    if items_in_sentence:
        G.add_edge("Region:nationwide", measure("b:matched"), key="ADOPTED", type="ADOPTED", scope="Nationwide",
                   derived=False, provenance=[ev])  # fmt: skip
    wording = "allowing the import of wine labeled with specific adjectives"
    G.add_node(measure("n:wine"), label="Measure", key="n:wine", name=wording, title=wording, provenance=[ev])
    G.add_edge("Region:nationwide", measure("n:wine"), key="ADOPTED", type="ADOPTED", scope="Nationwide",
               derived=False, provenance=[ev])  # fmt: skip
    return G


def test_a_wording_is_linked_to_the_row_it_matches_clearly_in_the_batch_and_scope_its_sentence_names() -> None:
    G = _wording_graph(
        ("b:wine", ROW_WINE, "Nationwide"),
        ("b:other", "Publication of single-source procurement results", "Nationwide"),
        ("b:wine-pftzs", "Wines with adjectives such as chateau may be imported", "All PFTZs"),  # another scope
    )
    links = link_narrative_rows(G)
    assert [(row, wording) for row, wording, _ in links] == [("b:wine", "n:wine")]
    edge = G.edges[measure("b:wine"), measure("n:wine"), Rel.SAME_AS.value]
    assert (edge["status"], edge["rule"], edge[DERIVED]) == (LINKED, NARRATIVE_ROW_RULE, True)
    assert edge["score"] == links[0][2] >= 40
    assert {p["line"] for p in edge[PROVENANCE]} == {749, 1602}  # the sentence and the row
    assert "allowing the import of wine" in G.nodes[measure("b:wine")][ALIASES]
    assert link_narrative_rows(G) == links and G.number_of_edges(measure("b:wine"), measure("n:wine")) == 1


def test_no_link_when_two_rows_match_about_as_well_or_the_sentence_names_no_batch() -> None:
    twins = (("b:wine", ROW_WINE, "Nationwide"), ("b:wine2", ROW_WINE.replace("chateau", "reserve"), "Nationwide"))
    G = _wording_graph(*twins)
    assert link_narrative_rows(G) == []
    assert not any(d["type"] == Rel.SAME_AS.value for *_, d in G.edges(data=True))
    alone = _wording_graph(("b:wine", ROW_WINE, "Nationwide"), items_in_sentence=False)
    assert link_narrative_rows(alone) == []  # no other item of the sentence lies in a batch: no batch named
