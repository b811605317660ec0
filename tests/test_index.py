"""pftz.graph.index: the embedded store's look-ups give what a scan of every node gives."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pftz.graph.index import index_of, invalidate
from pftz.ground.schema import Label, node_id
from pftz.queries.twins_common import search_score, search_terms
from tests.synthetic import synthetic_graph


def scan(G: nx.MultiDiGraph, words: list[str]) -> list[str]:
    return [
        n
        for n, d in G.nodes(data=True)
        if d.get("label") == Label.MEASURE.value
        and search_score(words, d.get("name"), d.get("title"), d.get("text")) is not None
    ]


@pytest.mark.parametrize("query", ["m 17", "reform", "measure m-1", "zz-absent", "7", "one stop e commerce"])
def test_word_index_finds_what_a_scan_finds(query: str) -> None:
    G = synthetic_graph(300, 6)
    words = search_terms(query)
    assert index_of(G).measures_with(words) == scan(G, words)


texts = st.text(alphabet="abcAB12 -'\u00e9\u4e0a", max_size=20)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=8), texts)
def test_word_index_equals_the_substring_rule_on_any_text(measures: list[tuple[str, str]], query: str) -> None:
    G = nx.MultiDiGraph()
    for i, (name, title) in enumerate(measures):
        G.add_node(node_id(Label.MEASURE, f"m{i}"), label="Measure", key=f"m{i}", name=name, title=title)
    words = search_terms(query)
    assert index_of(G).measures_with(words) == scan(G, words)


def test_index_follows_added_nodes_and_explicit_invalidation() -> None:
    G = synthetic_graph(20, 3)
    assert index_of(G).find(Label.MEASURE, "new") is None
    G.add_node(node_id(Label.MEASURE, "new"), label="Measure", key="new", name="Brand new reform")
    assert index_of(G).find(Label.MEASURE, "new") == node_id(Label.MEASURE, "new")
    G.nodes[node_id(Label.MEASURE, "new")]["name"] = "Renamed"
    invalidate(G)
    assert index_of(G).measures_with(["renamed"]) == [node_id(Label.MEASURE, "new")]
