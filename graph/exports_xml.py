"""The XML formats of :mod:`graph.exports`: GraphML (read back with :func:`load_graphml`) and GEXF for Gephi.

XML 1.0 cannot hold most control characters; both write each such character as the six
characters ``\\uXXXX`` and log a warning (:func:`graph.exports_common.xml_text`).
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import networkx as nx

from pftz.graph.exports_common import (
    PROVENANCE_COUNT,
    Positions,
    _atomic_write,
    _defer_provenance,
    _Deferred,
    _escape_attribute,
    _escape_text,
    _graph_meta,
    _scalar_attrs,
    _scalar_copy,
    _sorted_edges,
    _sorted_nodes,
    _XmlCleaner,
    xml_text,
)
from pftz.ground.dates import period_end
from pftz.ground.errors import ExportError
from pftz.ground.schema import DERIVED, NODE_TYPES, PROVENANCE, REL_TYPES, Label, Rel

__all__ = ["degree_size", "load_graphml", "save_gexf", "save_graphml"]


# --------------------------------------------------------------------------- GraphML, GEXF, JSON


GRAPHML_NODE_LABEL = "node_label"
"""The GraphML and GEXF node attribute holding the schema label (``label`` holds the name)."""


def _graphml_copy(G: nx.MultiDiGraph, cleaner: _XmlCleaner, deferred: _Deferred | None = None) -> nx.MultiDiGraph:
    """The scalar copy with each node's ``label`` the name and the schema label under ``node_label``."""
    H = _scalar_copy(G, cleaner, deferred)
    for n, d in H.nodes(data=True):
        d[GRAPHML_NODE_LABEL] = d.pop("label", "")
        d["label"] = str(d.get("name") or n)
    return H


def save_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as GraphML (scalar attributes only; a node's ``label`` is its name).

    Parameters
    ----------
    G
        The graph.
    path
        The output file.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ExportError
        If the file cannot be written; an existing file is left intact.
    """
    cleaner = _XmlCleaner(Path(path).name)
    deferred = _Deferred(_escape_text)
    H = _graphml_copy(G, cleaner, deferred)

    def write(fh: IO[bytes]) -> None:
        document = io.BytesIO()
        nx.write_graphml_xml(H, document, encoding="utf-8", prettyprint=True)
        deferred.copy(document.getvalue(), fh)

    out = _atomic_write(path, write)
    cleaner.log()
    return out


def load_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a file written by :func:`save_graphml` back into the graph format.

    Provenance is decoded from JSON, ``provenance_count`` dropped, the
    schema label put back under ``label`` (from ``node_label``; a file of an
    earlier version, whose ``label`` held it, is read as it is) and
    ``G.graph['sources']`` restored.

    Parameters
    ----------
    path
        The GraphML file.

    Returns
    -------
    networkx.MultiDiGraph
        The graph.

    Raises
    ------
    ExportError
        If the file cannot be read or parsed.
    """
    try:
        H = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
        for _, d in H.nodes(data=True):
            if GRAPHML_NODE_LABEL in d:
                d["label"] = d.pop(GRAPHML_NODE_LABEL)
        for _, d in list(H.nodes(data=True)) + [(None, d) for *_, d in H.edges(keys=True, data=True)]:
            d[PROVENANCE] = json.loads(d.get(PROVENANCE) or "[]")
            d.pop(PROVENANCE_COUNT, None)
        H.graph["sources"] = json.loads(H.graph.get("sources") or "[]")
    except (OSError, ValueError, nx.NetworkXError) as e:
        msg = f"cannot read GraphML {path}: {e}"
        raise ExportError(msg) from e
    return H


def _gexf_time(value: Any) -> str | None:
    end = period_end(value)
    return end.isoformat() if end else None


UNKNOWN_COLOR = "#aaaaaa"
"""The colour of a node or edge outside the schema (as the HTML views draw it)."""


def _rgb(color: str) -> dict[str, int]:
    """``"#1f77b4"`` -> ``{"r": 31, "g": 119, "b": 180}`` (the form of a GEXF ``viz:color``)."""
    value = color.lstrip("#")
    return {"r": int(value[0:2], 16), "g": int(value[2:4], 16), "b": int(value[4:6], 16)}


def _node_color(d: Mapping[str, Any]) -> str:
    try:
        return NODE_TYPES[Label(str(d.get("label")))].color
    except ValueError:
        return UNKNOWN_COLOR


def _edge_color(d: Mapping[str, Any]) -> str:
    try:
        return REL_TYPES[Rel(str(d.get("type")))].color
    except ValueError:
        return UNKNOWN_COLOR


def degree_size(degree: int) -> float:
    """The GEXF ``viz:size`` of a node of this degree: 4 plus twice its square root, two decimals.

    The square root keeps hubs (a batch of 30 measures, a province reached by
    every replication) visible without hiding the leaves.

    Examples
    --------
    >>> degree_size(0), degree_size(1), degree_size(100)
    (4.0, 6.0, 24.0)
    """
    return round(4.0 + 2.0 * math.sqrt(degree), 2)


def _gexf_copy(
    G: nx.MultiDiGraph, cleaner: _XmlCleaner, positions: Positions | None = None, deferred: _Deferred | None = None
) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph(**cleaner.clean(_graph_meta(G), {}, "the graph"), mode="dynamic")
    degree = dict.fromkeys(G, 0)  # stated edges only
    for u, v, d in G.edges(data=True):
        if d.get(DERIVED) is not True:
            degree[u] += 1
            degree[v] += 1
    for n, d in _sorted_nodes(G):
        attrs = _scalar_attrs(d, edge=False)
        attrs[GRAPHML_NODE_LABEL] = attrs.pop("label", "")
        attrs["label"] = str(d.get("name") or n)
        start = _gexf_time(d.get("established")) or _gexf_time(d.get("date"))
        if start:
            attrs["start"] = start
        attrs = _defer_provenance(cleaner.clean(attrs, d, f"node {n}"), d, deferred)
        viz: dict[str, Any] = {"color": _rgb(_node_color(d)), "size": degree_size(degree[n])}
        p = positions.get(str(n)) if positions is not None else None
        if p is not None:  # y grows downwards on a page and upwards in Gephi
            viz["position"] = {"x": round(float(p[0]), 2), "y": round(-float(p[1]), 2), "z": 0.0}
        H.add_node(xml_text(str(n)), **attrs, viz=viz)
    for u, v, k, d in _sorted_edges(G):
        attrs = _scalar_attrs(d, edge=True)
        attrs["rel_type"] = attrs.pop("type", "")
        attrs["label"] = attrs["rel_type"]
        attrs["id"] = f"{u}|{k}|{v}"
        start = _gexf_time(d.get("date"))
        if start:
            attrs["start"] = start
        attrs = _defer_provenance(cleaner.clean(attrs, d, f"edge {u} -> {v} [{k}]"), d, deferred)
        attrs["viz"] = {"color": _rgb(_edge_color(d))}
        H.add_edge(xml_text(str(u)), xml_text(str(v)), key=xml_text(str(k)), **attrs)
    return H


def save_gexf(G: nx.MultiDiGraph, path: str | Path, positions: Positions | None = None) -> Path:
    """Write the graph as dynamic GEXF 1.2 for Gephi's timeline, with colours, sizes and positions.

    Parameters
    ----------
    G
        The graph.
    path
        The output file.
    positions
        ``str(node) -> (x, y)`` from a layout (``shell.viz.force_positions``, as ``pftz build``
        passes them); nodes without one get no ``viz:position``.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ExportError
        If the file cannot be written; an existing file is left intact.
    """
    cleaner = _XmlCleaner(Path(path).name)
    deferred = _Deferred(_escape_attribute)
    H = _gexf_copy(G, cleaner, positions, deferred)

    def write(fh: IO[bytes]) -> None:
        writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
        writer.add_graph(H)
        for meta in writer.xml.iter("meta"):
            meta.attrib.pop("lastmodifieddate", None)  # a timestamp would break byte-identical output
        document = io.BytesIO()
        writer.write(document)
        del writer
        deferred.copy(document.getvalue(), fh)

    out = _atomic_write(path, write)
    cleaner.log()
    return out
