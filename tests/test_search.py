"""The ranked search: every name finds its own node, typos, ranking rules, both backends, the CLI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import neo4j
import networkx as nx
import pytest
from click.testing import CliRunner
from rapidfuzz import fuzz, process

from pftz.graph.build import graph_from_reports
from pftz.graph.neo4j_store import clear_database, count_database, graph_to_neo4j
from pftz.graph.resolve import NARRATIVE_ROW_RULE
from pftz.ground.names import normalize_name
from pftz.ground.schema import ALIASES, DERIVED, LINKED, PROVENANCE, SEARCH_FIELDS, Label, Rel, node_id
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.queries.search import TIERS, close_hits, lucene_query, max_edits, name_values, search
from pftz.shell.cli import cli

Conn = tuple[neo4j.Driver, str]


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    """The graph of the bundled report."""
    return graph_from_reports([load_report()], reference=load_reference())


@pytest.fixture(scope="module")
def loaded(G: nx.MultiDiGraph, neo4j_connection: Conn) -> Iterator[Conn]:
    driver, db = neo4j_connection
    clear_database(driver, db)
    graph_to_neo4j(G, driver, database=db)
    assert count_database(driver, db)["nodes"] == G.number_of_nodes()
    yield neo4j_connection


QUOTED_SPAN = re.compile(r'["\u201c]([^"\u201c\u201d]{4,300})["\u201d]')
"""A span the report prints in quotation marks, inside an evidence sentence."""

NAMES_A_NODE = 75
"""How close (rapidfuzz ``token_sort_ratio``) a quoted span is to the node's name it is taken to print."""


def quoted_spans(G: nx.MultiDiGraph) -> list[tuple[Any, str]]:
    """Every quoted span of a node's own evidence sentences that prints the node's name, and every
    wording a sentence prints for the node it was matched to (an edge's ``as_printed``).

    A span prints a node's name when, of every name in the graph, the nearest to it is one of
    that node's (at least :data:`NAMES_A_NODE`); a span naming another node of the same
    sentence (a document cited beside another) is that node's, not this one's.
    """
    names: dict[str, set[Any]] = {}
    for n, d in G.nodes(data=True):
        for v in name_values(d):
            names.setdefault(normalize_name(v), set()).add(n)
    choices = [k for k in names if k]
    out: dict[tuple[Any, str], None] = {}
    for n, d in G.nodes(data=True):
        for p in d.get(PROVENANCE) or []:
            for m in QUOTED_SPAN.finditer(str(p.get("quote") or "")):
                span = m.group(1).strip()
                best = process.extractOne(normalize_name(span), choices, scorer=fuzz.token_sort_ratio)
                if best is not None and best[1] >= NAMES_A_NODE and n in names[best[0]]:
                    out.setdefault((n, span))
    for _, v, e in G.edges(data=True):  # the wording a sentence prints for the measure it was matched to
        if isinstance(e.get("as_printed"), str) and e["as_printed"].strip():
            out.setdefault((v, e["as_printed"].strip()))
    return list(out)


def _all_searches(backend: Any, texts: list[str]) -> list[list[Any]]:
    """The hits of each text; on Neo4j several searches at a time (the driver is shared by threads)."""
    if isinstance(backend, nx.Graph):
        return [search(backend, t, limit=10) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda t: search(backend, t, limit=10), texts))


def self_retrieval(
    G: nx.MultiDiGraph, backend: Any, spans: bool = False
) -> tuple[int, int, int, list[tuple[Any, str, list[str]]]]:
    """Search every name, alias and printed variant of every node (``spans``: every quoted span naming it).

    Returns ``(searched, own node first, name shared with the first node and own node tied with it, misses)``.
    """
    searched = first = shared = 0
    misses = []
    if spans:
        wanted = quoted_spans(G)
    else:
        wanted = [(n, v) for n, d in G.nodes(data=True) for v in dict.fromkeys(name_values(d))]
    same: dict[Any, set[Any]] = {}  # one innovation in two wordings (SAME_AS, linked): each counts as the other's own
    for u, v, d in G.edges(data=True):
        if d.get("type") == Rel.SAME_AS.value and d.get("status") == LINKED:
            same.setdefault(u, set()).add(v)
            same.setdefault(v, set()).add(u)
    for (n, spelling), hits in zip(wanted, _all_searches(backend, [v for _, v in wanted]), strict=True):
        searched += 1
        if hits and (hits[0].node == n or hits[0].node in same.get(n, ())):
            first += 1
            continue
        top = hits[0] if hits else None
        if (
            top is not None
            and normalize_name(spelling) in {normalize_name(v) for v in name_values(G.nodes[top.node])}
            and any(h.node == n and h.tier >= TIERS["alias"] for h in hits)
        ):
            shared += 1  # two nodes printed under the same name: the tie is shown, never hidden
            continue
        misses.append((n, spelling, [h.node for h in hits[:3]]))
    # A shared name: the node named so comes first, the nodes printed so once come next (shown, never hidden).
    return searched, first, shared, misses


def test_every_name_finds_its_own_node_on_networkx(G: nx.MultiDiGraph) -> None:
    searched, first, shared, misses = self_retrieval(G, G)
    print(f"networkx: {searched} names, {first} own node first ({first / searched:.1%}), {shared} shared names")
    assert searched > 800
    assert not misses, misses[:10]
    assert first + shared == searched


def test_every_quoted_span_finds_its_own_node_on_networkx(G: nx.MultiDiGraph) -> None:
    searched, first, shared, misses = self_retrieval(G, G, spans=True)
    print(f"networkx: {searched} quoted spans, {first} own node first ({first / searched:.1%}), {shared} shared")
    assert searched > 200
    assert not misses, misses[:10]


@pytest.mark.neo4j
def test_every_name_finds_its_own_node_on_neo4j(G: nx.MultiDiGraph, loaded: Conn) -> None:
    searched, first, shared, misses = self_retrieval(G, loaded)
    print(f"neo4j: {searched} names, {first} own node first ({first / searched:.1%}), {shared} shared names")
    assert not misses, misses[:10]


@pytest.mark.neo4j
def test_every_quoted_span_finds_its_own_node_on_neo4j(G: nx.MultiDiGraph, loaded: Conn) -> None:
    searched, first, shared, misses = self_retrieval(G, loaded, spans=True)
    print(f"neo4j: {searched} quoted spans, {first} own node first ({first / searched:.1%}), {shared} shared")
    assert not misses, misses[:10]


@pytest.mark.neo4j
def test_the_backends_agree_on_the_first_hit(G: nx.MultiDiGraph, loaded: Conn) -> None:
    searches = (
        "ship supervision and declaration",
        "wine",
        "G.H. [2024] No. 156",
        "bonded maintenance",
        "Shanghai PFTZ",
        "shanghai pftz",
        "中国（上海）自由贸易试验区",
        "national:best-practices:5:7",
    )
    for words in searches:
        on_nx, on_neo4j = search(G, words, limit=1), search(loaded, words, limit=1)
        assert [h.node for h in on_nx] == [h.node for h in on_neo4j], words
        assert on_nx[0].match == on_neo4j[0].match
        assert (on_nx[0].zones, on_nx[0].batches, on_nx[0].date, on_nx[0].line) == (
            on_neo4j[0].zones, on_neo4j[0].batches, on_neo4j[0].date, on_neo4j[0].line,
        )  # fmt: skip


@pytest.mark.neo4j
def test_a_typo_finds_the_node_on_neo4j(loaded: Conn) -> None:
    hits = search(loaded, "shanghia pftz", labels=[Label.ZONE], limit=3)
    assert hits[0].key == "shanghai"


def test_a_word_not_in_every_wording_still_finds_the_node(G: nx.MultiDiGraph) -> None:
    # "matching needs every word" was the old rule: here the words are OR-ed and ranked.
    hits = search(G, "ship supervision declaration model new reform", limit=3)
    assert hits[0].key == "national:best-practices:5:7"


def test_typos_are_tolerated(G: nx.MultiDiGraph) -> None:
    assert search(G, "shanghia pftz", labels=[Label.ZONE], limit=1)[0].key == "shanghai"
    hit = search(G, "bonded maintenence medical devices", limit=1)[0]
    assert hit.key == "case:fujian:global-bonded-maintenance-for-medical-devices"
    assert search(G, "ship supervison and declaraton", limit=1)[0].key == "national:best-practices:5:7"


def test_an_exact_name_and_a_key_come_first(G: nx.MultiDiGraph) -> None:
    hits = search(G, "G.H. [2024] No. 156")
    assert (hits[0].key, hits[0].match) == ("G.H.[2024]156", "name")
    assert all(h.match == "words" for h in hits[1:])
    hits = search(G, "national:best-practices:5:7")
    assert (hits[0].key, hits[0].match) == ("national:best-practices:5:7", "key")
    assert search(G, "中国（上海）自由贸易试验区")[0].node == "Zone:shanghai"


def test_a_hit_carries_its_kind_zone_batch_date_and_line(G: nx.MultiDiGraph) -> None:
    hit = search(G, "ship supervision and declaration", limit=1)[0]
    assert hit.kind == "best practice"
    assert hit.batches == ("national:best-practices:5",)
    assert hit.date == "2024-01-18"  # the batch's date: the measure has none of its own
    assert isinstance(hit.line, int)
    zone = search(G, "Shanghai PFTZ", labels=[Label.ZONE], limit=1)[0]
    assert zone.zones == ("shanghai",)


def test_labels_filter_the_hits(G: nx.MultiDiGraph) -> None:
    hits = search(G, "shanghai", labels=[Label.ISSUING_BODY], limit=None)
    assert hits and {h.label for h in hits} == {"IssuingBody"}


def test_nothing_matches_nonsense(G: nx.MultiDiGraph) -> None:
    assert search(G, "qqqqzzzz xxyyxx") == []
    assert search(G, "") == []


def test_close_hits_are_those_of_the_same_tier_near_the_best(G: nx.MultiDiGraph) -> None:
    hits = search(G, "supervision", limit=10)
    close = close_hits(hits)
    assert close and all(h.score >= 0.5 * hits[0].score and h.tier == hits[0].tier for h in close)
    assert all(h.score < 0.5 * hits[0].score for h in hits[1:] if h not in close and h.tier == hits[0].tier)


NARRATIVE_WINE = "national:narrative:allowing-the-import-of-wine-labeled-with-specific-adjectives"


def test_a_wording_linked_to_its_row_ranks_once_as_the_row(G: nx.MultiDiGraph) -> None:
    # The overview sentence's "allowing the import of wine labeled with specific adjectives" is row 21 of the
    # batch it names, with the scope it names (Nationwide): one innovation, one hit, both wordings its names.
    row, wording = node_id(Label.MEASURE, "national:pilot-measures:1:21"), node_id(Label.MEASURE, NARRATIVE_WINE)
    edge = G.edges[row, wording, Rel.SAME_AS.value]
    assert (edge["status"], edge[DERIVED], edge["rule"]) == (LINKED, True, NARRATIVE_ROW_RULE)
    hits = search(G, "wine", labels=[Label.MEASURE], limit=10)
    assert hits[0].key == "national:pilot-measures:1:21"
    assert NARRATIVE_WINE not in {h.key for h in hits} and close_hits(hits) == []
    assert "allowing the import of wine labeled with specific adjectives" in G.nodes[hits[0].node][ALIASES]
    by_name = search(G, "allowing the import of wine labeled with specific adjectives", limit=3)
    assert by_name[0].key == "national:pilot-measures:1:21" and by_name[0].match == "name"
    assert search(G, NARRATIVE_WINE, limit=1)[0].key == NARRATIVE_WINE  # its key still finds it


def test_the_lucene_query_covers_every_field_with_its_weight() -> None:
    q = lucene_query(["wine", "tax"])
    for weight, props in SEARCH_FIELDS.values():
        for p in props:
            assert (f"{p}:(wine wine~1 tax)^{weight:g}" if weight == 10 else f"{p}:(wine tax)^{weight:g}") in q
    assert [max_edits(w) for w in ("a", "abcd", "abcdefg")] == [0, 1, 2]


def test_pftz_search_lists_ranked_candidates() -> None:
    result = CliRunner().invoke(cli, ["search", "ship supervision and declaration", "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("rank,label,name,kind,zone,batch,date,line,score")
    assert "New model for ship supervision and declaration" in lines[1]
    result = CliRunner().invoke(cli, ["search", "qqqqzzzz"])
    assert result.exit_code == 1
    assert "nothing matches 'qqqqzzzz'" in result.output


def test_viz_focus_finds_by_the_ranked_search_and_never_calls_an_existing_node_missing(tmp_path: Any) -> None:
    out = tmp_path / "focus.html"
    # a typo, and --stated-only: the node exists, so it is drawn (alone if only derived edges touch it)
    result = CliRunner().invoke(cli, ["viz", "--focus", "shanghia pftz", "--stated-only", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "no node matches" not in result.output
    assert out.is_file()


def test_figure_spread_uses_the_ranked_search(tmp_path: Any) -> None:
    out = tmp_path / "spread.svg"
    result = CliRunner().invoke(cli, ["figure", "--spread", "ship supervison declaration", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
