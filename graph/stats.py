"""Graph statistics: nodes per label, edges per type, stated and derived."""

from __future__ import annotations

from typing import Any

import networkx as nx

from pftz.ground.schema import DERIVED, Label, Rel

__all__ = ["graph_stats"]


def graph_stats(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Count a graph's nodes per label and edges per type, stated and derived.

    Parameters
    ----------
    G
        The graph.

    Returns
    -------
    dict
        ``nodes``, ``edges``, ``stated_edges``, ``derived_edges`` (ints);
        ``labels`` (count per label, every schema label), ``relationships``
        (count per type, every schema type), ``derived`` (derived edges per
        type, only types that have some).

    Examples
    --------
    >>> graph_stats(nx.MultiDiGraph())["labels"]["Zone"]
    0
    """
    labels = dict.fromkeys((label.value for label in Label), 0)
    for _, data in G.nodes(data=True):
        lab = str(data.get("label"))
        labels[lab] = labels.get(lab, 0) + 1
    rels = dict.fromkeys((rel.value for rel in Rel), 0)
    derived: dict[str, int] = {}
    for _, _, data in G.edges(data=True):
        t = str(data.get("type"))
        rels[t] = rels.get(t, 0) + 1
        if data.get(DERIVED) is True:
            derived[t] = derived.get(t, 0) + 1
    n_derived = sum(derived.values())
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "stated_edges": G.number_of_edges() - n_derived,
        "derived_edges": n_derived,
        "labels": labels,
        "relationships": rels,
        "derived": dict(sorted(derived.items())),
    }
