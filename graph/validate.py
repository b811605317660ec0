"""Validation: check a graph against the schema and report every problem at once.

:func:`find_problems` lists them; :func:`validate` raises one
:class:`~ground.errors.GraphValidationError` that lists them all (osmnx
``_validate.py`` style). Checked: labels, node ids, keys, names, required
properties, property names and types, relationship types, edge keys and
``(start, type, end)`` patterns of :mod:`ground.schema`, and provenance.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import networkx as nx

from pftz.graph.provenance import PROVENANCE_FIELDS
from pftz.ground.errors import GraphValidationError
from pftz.ground.schema import (
    COMMON_EDGE_PROPERTIES,
    COMMON_NODE_PROPERTIES,
    DERIVED,
    KEY,
    NODE_TYPES,
    PATTERNS,
    PROVENANCE,
    REL_TYPES,
    Label,
    Rel,
    node_id,
)

__all__ = ["find_problems", "validate"]

_SCALAR_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (float, int),
    "bool": (bool,),
    "list": (list,),
}


def _type_ok(value: Any, type_name: str) -> bool:
    types = _SCALAR_TYPES.get(type_name)
    if types is None:
        return False
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


_LABELS: dict[str, Label] = {m.value: m for m in Label}
_RELS: dict[str, Rel] = {m.value: m for m in Rel}


@functools.cache
def _node_schema(label: Label) -> dict[str, str]:
    return {**COMMON_NODE_PROPERTIES, **NODE_TYPES[label].properties}


@functools.cache
def _edge_schema(rel: Rel) -> dict[str, str]:
    return {**COMMON_EDGE_PROPERTIES, **REL_TYPES[rel].properties}


def _provenance_problems(value: Any, *, required: bool) -> list[str]:
    if value is None or (isinstance(value, list) and not value):
        return ["no provenance"] if required else []
    if not isinstance(value, list):
        return [f"provenance is a {type(value).__name__}, not a list"]
    out = []
    for i, p in enumerate(value):
        if not isinstance(p, Mapping):
            out.append(f"provenance entry {i} is a {type(p).__name__}, not a dict")
            continue
        missing = [f for f in PROVENANCE_FIELDS if f not in p]
        if missing:
            out.append(f"provenance entry {i} lacks {', '.join(missing)}")
        elif not isinstance(p["line"], int) or isinstance(p["line"], bool):
            out.append(f"provenance entry {i} has a line that is not an integer")
    return out


def _property_problems(
    data: Mapping[str, Any], allowed: Mapping[str, str], skip: tuple[str, ...], of: str
) -> list[str]:
    out = []
    for prop, value in data.items():
        if prop in skip:
            continue
        if prop not in allowed:
            out.append(f"property {prop!r} is not in the schema of {of}")
        elif value is not None and not _type_ok(value, allowed[prop]):
            out.append(f"property {prop!r} is a {type(value).__name__}, not {allowed[prop]}")
    return out


def _node_problems(nid: Any, data: Mapping[str, Any]) -> list[str]:
    """What is wrong with one node, each without the ``node '...': `` prefix."""
    label = _LABELS.get(str(data.get("label")))
    if label is None:
        return [f"unknown label {data.get('label')!r}"]
    out: list[str] = []
    key = data.get(KEY)
    if not isinstance(key, str) or not key:
        out.append("missing key")
    elif nid != node_id(label, key):
        out.append(f"id does not match label and key (expected {node_id(label, key)!r})")
    if not isinstance(data.get("name"), str):
        out.append("missing name")
    for prop in NODE_TYPES[label].required:
        if data.get(prop) is None or data.get(prop) == "":
            out.append(f"missing required property {prop!r}")
    out += _property_problems(data, _node_schema(label), ("label", KEY, "name", PROVENANCE), label.value)
    out += _provenance_problems(data.get(PROVENANCE), required=True)
    return out


def _edge_problems(G: nx.MultiDiGraph, u: Any, v: Any, k: Any, data: Mapping[str, Any]) -> list[str]:
    """What is wrong with one edge, each without the ``edge ... -> ...: `` prefix."""
    rel = _RELS.get(str(data.get("type")))
    if rel is None:
        return [f"unknown relationship type {data.get('type')!r}"]
    out: list[str] = []
    if not isinstance(k, str) or not (k == rel.value or k.startswith(f"{rel.value}|")):
        out.append(f"edge key does not start with its type {rel.value!r}")
    start, end = (_LABELS.get(str(G.nodes[nid].get("label"))) for nid in (u, v))  # a bad label is the node's problem
    if start is not None and end is not None and (start, rel, end) not in PATTERNS:
        out.append(f"pattern ({start})-[{rel.value}]->({end}) is not in the schema")
    out += _property_problems(data, _edge_schema(rel), ("type", PROVENANCE), rel.value)
    out += _provenance_problems(data.get(PROVENANCE), required=data.get(DERIVED) is not True)
    return out


def find_problems(G: nx.MultiDiGraph) -> list[str]:
    """Return every way a graph breaks the schema, nodes first, in sorted order.

    See :func:`validate` for what is checked.

    Parameters
    ----------
    G
        The graph.

    Returns
    -------
    list[str]
        One line per problem; empty when the graph is valid.
    """
    # every element is checked in the graph's order; only those with problems are sorted
    nodes = [(str(n), f"node {n!r}", p) for n, d in G.nodes(data=True) if (p := _node_problems(n, d))]
    edges = [
        ((str(u), str(v), str(k)), f"edge {u!r} -> {v!r} [{k!r}]", p)
        for u, v, k, d in G.edges(keys=True, data=True)
        if (p := _edge_problems(G, u, v, k, d))
    ]
    nodes.sort(key=lambda t: t[0])
    edges.sort(key=lambda t: t[0])
    return [f"{where}: {m}" for _, where, problems in (*nodes, *edges) for m in problems]


def validate(G: nx.MultiDiGraph) -> None:
    """Check a graph against :mod:`ground.schema`, reporting every problem at once.

    Checked: each node's label is a schema label, its id is
    ``node_id(label, key)``, it has a key, a name and the label's required
    properties; every property is in the schema of its label or relationship
    type and has the schema's type; every edge's type is a schema type, its key
    starts with the type and its ``(start, type, end)`` pattern is in
    :data:`ground.schema.PATTERNS`; every node and non-derived edge has
    provenance, each entry with source, sha256, line, section and quote.

    Parameters
    ----------
    G
        The graph.

    Raises
    ------
    GraphValidationError
        Listing every problem found.
    """
    problems = find_problems(G)
    if problems:
        raise GraphValidationError(problems)
