"""Validation: check a graph against the schema and report every problem at once.

:func:`find_problems` lists them; :func:`validate` raises one
:class:`~ground.errors.GraphValidationError` that lists them all (osmnx
``_validate.py`` style). Checked: labels, node ids, keys, names, required
properties, property names and types, relationship types, edge keys and
``(start, type, end)`` patterns of :mod:`ground.schema`, and provenance.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

import networkx as nx

from graph.provenance import PROVENANCE_FIELDS
from ground.errors import GraphValidationError
from ground.schema import (
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


def _provenance_problems(where: str, value: Any, *, required: bool) -> list[str]:
    if value is None or (isinstance(value, list) and not value):
        return [f"{where}: no provenance"] if required else []
    if not isinstance(value, list):
        return [f"{where}: provenance is a {type(value).__name__}, not a list"]
    out = []
    for i, p in enumerate(value):
        if not isinstance(p, Mapping):
            out.append(f"{where}: provenance entry {i} is a {type(p).__name__}, not a dict")
            continue
        missing = [f for f in PROVENANCE_FIELDS if f not in p]
        if missing:
            out.append(f"{where}: provenance entry {i} lacks {', '.join(missing)}")
        elif not isinstance(p["line"], int) or isinstance(p["line"], bool):
            out.append(f"{where}: provenance entry {i} has a line that is not an integer")
    return out


def _node_problems(nid: Any, data: Mapping[str, Any]) -> list[str]:
    where = f"node {nid!r}"
    out: list[str] = []
    try:
        label = Label(str(data.get("label")))
    except ValueError:
        return [f"{where}: unknown label {data.get('label')!r}"]
    key = data.get(KEY)
    if not isinstance(key, str) or not key:
        out.append(f"{where}: missing key")
    elif nid != node_id(label, key):
        out.append(f"{where}: id does not match label and key (expected {node_id(label, key)!r})")
    if not isinstance(data.get("name"), str):
        out.append(f"{where}: missing name")
    ntype = NODE_TYPES[label]
    for prop in ntype.required:
        if data.get(prop) is None or data.get(prop) == "":
            out.append(f"{where}: missing required property {prop!r}")
    allowed = {**COMMON_NODE_PROPERTIES, **ntype.properties}
    for prop, value in data.items():
        if prop in ("label", KEY, "name", PROVENANCE):
            continue
        if prop not in allowed:
            out.append(f"{where}: property {prop!r} is not in the schema of {label.value}")
        elif value is not None and not _type_ok(value, allowed[prop]):
            out.append(f"{where}: property {prop!r} is a {type(value).__name__}, not {allowed[prop]}")
    out += _provenance_problems(where, data.get(PROVENANCE), required=True)
    return out


def _edge_problems(G: nx.MultiDiGraph, u: Any, v: Any, k: Any, data: Mapping[str, Any]) -> list[str]:
    where = f"edge {u!r} -> {v!r} [{k!r}]"
    try:
        rel = Rel(str(data.get("type")))
    except ValueError:
        return [f"{where}: unknown relationship type {data.get('type')!r}"]
    out: list[str] = []
    if not isinstance(k, str) or not (k == rel.value or k.startswith(f"{rel.value}|")):
        out.append(f"{where}: edge key does not start with its type {rel.value!r}")
    ends: list[Label] = []
    for nid in (u, v):
        with contextlib.suppress(ValueError):  # the node's own problem is listed
            ends.append(Label(str(G.nodes[nid].get("label"))))
    if len(ends) == 2:
        start, end = ends
        if (start, rel, end) not in PATTERNS:
            out.append(f"{where}: pattern ({start})-[{rel.value}]->({end}) is not in the schema")
    allowed = {**COMMON_EDGE_PROPERTIES, **REL_TYPES[rel].properties}
    for prop, value in data.items():
        if prop in ("type", PROVENANCE):
            continue
        if prop not in allowed:
            out.append(f"{where}: property {prop!r} is not in the schema of {rel.value}")
        elif value is not None and not _type_ok(value, allowed[prop]):
            out.append(f"{where}: property {prop!r} is a {type(value).__name__}, not {allowed[prop]}")
    derived = data.get(DERIVED) is True
    out += _provenance_problems(where, data.get(PROVENANCE), required=not derived)
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
    out: list[str] = []
    for nid in sorted(G.nodes, key=str):
        out += _node_problems(nid, G.nodes[nid])
    for u, v, k, data in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        out += _edge_problems(G, u, v, k, data)
    return out


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
