"""Small synthetic policy graphs in the NetworkX format, for tests and benchmarks.

The graphs follow :mod:`ground.schema`: node ids from :func:`ground.schema.node_id`,
``label``/``key``/``name`` and scalar properties on nodes, ``type`` on edges,
MultiDiGraph edge keys equal to the relationship type or ``"TYPE|discriminator"``
for parallel edges, and a ``provenance`` list on every node and edge.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Any

import networkx as nx

from pftz.ground.schema import (
    DERIVED,
    PROVENANCE,
    SCOPE_REGION_KEYS,
    Label,
    MeasureKind,
    RegionKind,
    Rel,
    Scope,
    ZoneKind,
    node_id,
)

EDGES_PER_MEASURE = 7
"""Edges :func:`synthetic_graph` adds per measure (the rest is a few dozen)."""


def evidence(source: str, line: int, quote: str, section: str = "3.1") -> dict[str, Any]:
    """Return one provenance entry as the loaders make them."""
    return {
        "source": source,
        "sha256": hashlib.sha256(source.encode()).hexdigest(),
        "line": line,
        "section": section,
        "quote": quote,
    }


def _add_node(G: nx.MultiDiGraph, label: Label, key: str, name: str, prov: list[dict], **props: Any) -> str:
    nid = node_id(label, key)
    G.add_node(nid, label=label.value, key=key, name=name, **props, provenance=prov)
    return nid


def _add_edge(
    G: nx.MultiDiGraph, u: str, v: str, rel: Rel, prov: list[dict], discriminator: str = "", **props: Any
) -> None:
    key = f"{rel.value}|{discriminator}" if discriminator else rel.value
    G.add_edge(u, v, key=key, type=rel.value, **props, provenance=prov)


def synthetic_graph(
    n_measures: int = 40,
    n_zones: int = 6,
    *,
    source: str = "synthetic-a.txt",
    measure_prefix: str = "m",
    seed: int = 0,
) -> nx.MultiDiGraph:
    """Build a schema-conforming policy graph of a chosen size.

    Zones, provinces, scopes, issuing bodies, documents and batches depend
    only on ``n_zones`` (not on ``source``), so two graphs built with different
    ``source`` and ``measure_prefix`` share those nodes and differ in their
    measures and provenance: what a second report merged into the first gives.

    Parameters
    ----------
    n_measures
        Measures; each brings :data:`EDGES_PER_MEASURE` edges, one of them a
        derived ``DIFFUSED_TO`` edge keyed by the measure, so zone pairs get
        parallel edges.
    n_zones
        Zones (each in its own province).
    source
        The source file named in every provenance entry.
    measure_prefix
        Prefix of the measure keys.
    seed
        Seed of the random choices.

    Returns
    -------
    networkx.MultiDiGraph
    """
    rnd = random.Random(seed)
    G = nx.MultiDiGraph(name=f"synthetic {source}", sources=[source])
    line = iter(range(1, 10**9))

    def prov(quote: str, n: int = 1) -> list[dict[str, Any]]:
        return [evidence(source, next(line), f"{quote} ({i})" if i else quote) for i in range(n)]

    scopes = {
        scope: _add_node(G, Label.REGION, key, scope.value, prov(scope.value), kind=RegionKind.SCOPE.value)
        for scope, key in SCOPE_REGION_KEYS.items()
    }
    bodies = [
        _add_node(G, Label.ISSUING_BODY, "state-council", "State Council", prov("State Council"), level="national"),
        _add_node(G, Label.ISSUING_BODY, "mofcom", "MOFCOM", prov("MOFCOM"), abbreviation="MOFCOM"),
    ]
    zones: list[str] = []
    for i in range(n_zones):
        province = _add_node(
            G, Label.REGION, f"province-{i}", f"Province {i}", prov(f"province {i}"),
            kind=RegionKind.PROVINCE.value, lat=20.0 + i, lon=110.0 + i / 3,
        )  # fmt: skip
        zone = _add_node(
            G, Label.ZONE, f"zone-{i}", f"Zone {i} PFTZ", prov(f"Zone {i} was set up", 2),
            kind=ZoneKind.PFTZ.value, province=f"Province {i}", established=f"{2013 + i % 8}-09-29",
            lat=20.5 + i, lon=110.5 + i / 3,
        )  # fmt: skip
        _add_edge(G, zone, province, Rel.LOCATED_IN, prov(f"zone {i} lies in province {i}"))
        zones.append(zone)
    documents: list[str] = []
    batches: list[str] = []
    for i in range(max(1, n_zones // 2)):
        doc = _add_node(
            G, Label.DOCUMENT, f"guofa-{2015 + i}-{i + 1}", f"Guo Fa [{2015 + i}] No. {i + 1}",
            prov(f"document {i}"), title=f"Notice on replicating batch {i + 1}", prefix="Guo Fa",
            year=2015 + i, serial=i + 1, number=f"[{2015 + i}] No. {i + 1}",
        )  # fmt: skip
        _add_edge(G, doc, bodies[0], Rel.ISSUED_BY, prov(f"issued by the State Council {i}"))
        for z in rnd.sample(zones, min(2, len(zones))):
            _add_edge(G, doc, z, Rel.NAMES_ZONE, prov(f"names {z}"), role="pilot")
        batch = _add_node(
            G, Label.BATCH, f"national-{i + 1}", f"National batch {i + 1}", prov(f"batch {i + 1}"),
            level="national", ordinal=i + 1, date=f"{2015 + i}-01-29",
        )  # fmt: skip
        _add_edge(G, batch, doc, Rel.RELEASED_BY, prov(f"batch {i + 1} released"))
        _add_edge(G, bodies[1], batch, Rel.RESPONSIBLE_FOR, prov(f"MOFCOM leads batch {i + 1}"))
        documents.append(doc)
        batches.append(batch)
    kinds = list(MeasureKind)
    for i in range(n_measures):
        key = f"{measure_prefix}-{i}"
        m = _add_node(
            G, Label.MEASURE, key, f"Measure {key}: single window for trade", prov(f"measure {key}"),
            kind=rnd.choice(kinds).value, title=f"Reform {key}", field="trade facilitation",
            year=2015 + i % 9, row=i + 1, text=f"The text of measure {key}, with 'quotes' and \"more\".",
        )  # fmt: skip
        origin = rnd.choice(zones)
        b = rnd.randrange(len(batches))
        _add_edge(G, m, origin, Rel.ORIGINATED_IN, prov(f"{key} piloted in {origin}"))
        _add_edge(G, m, batches[b], Rel.IN_BATCH, prov(f"{key} row"), row=i + 1)
        _add_edge(G, m, documents[b], Rel.PROMOTED_BY, prov(f"{key} promoted"))
        _add_edge(
            G, m, scopes[Scope.NATIONWIDE], Rel.REPLICATED_TO, prov(f"{key} nationwide"),
            scope=Scope.NATIONWIDE.value, date=f"{2015 + b}-01-29",
        )  # fmt: skip
        adopters = rnd.sample([z for z in zones if z != origin] or zones, 2 if len(zones) > 2 else 1)
        for z in adopters:
            _add_edge(G, z, m, Rel.ADOPTED, prov(f"{z} adopted {key}"), outcome="adopted", date="2019-06-01")
        target = adopters[0]
        _add_edge(
            G, origin, target, Rel.DIFFUSED_TO, prov(f"{key} spread", 2), discriminator=key,
            measure=key, date="2019-06-01", via=Rel.ADOPTED.value, **{DERIVED: True},
        )  # fmt: skip
        if len(adopters) < 2:
            _add_edge(G, m, documents[b], Rel.PROMOTED_BY, prov(f"{key} again"), discriminator="again")
    return G


def canonical(G: nx.MultiDiGraph) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Return the nodes and edges of ``G`` sorted, with provenance lists sorted, for comparisons."""

    def norm(data: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
        out = []
        for k, v in sorted(data.items()):
            if k == PROVENANCE:
                v = tuple(sorted(json.dumps(p, sort_keys=True) for p in v or []))
            elif isinstance(v, list):
                v = tuple(v)
            out.append((k, v))
        return tuple(out)

    nodes = sorted((str(n), norm(d)) for n, d in G.nodes(data=True))
    edges = sorted((str(u), str(v), str(k), norm(d)) for u, v, k, d in G.edges(keys=True, data=True))
    return nodes, edges
