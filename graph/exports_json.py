"""The node-link JSON export of :mod:`graph.exports` (``edges`` key), provenance lists as they are."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import networkx as nx

from pftz.graph.exports_common import _atomic_write, _sorted_edges, _sorted_nodes

__all__ = ["save_node_link_json"]


def save_node_link_json(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the graph as networkx node-link JSON (``nodes``, ``edges``), provenance kept as lists.

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
    H = nx.MultiDiGraph(name=str(G.graph.get("name", "")), sources=list(G.graph.get("sources") or []))
    for n, d in _sorted_nodes(G):
        H.add_node(str(n), **{k: d[k] for k in sorted(d)})
    for u, v, k, d in _sorted_edges(G):
        H.add_edge(str(u), str(v), key=str(k), **{a: d[a] for a in sorted(d)})
    data = nx.node_link_data(H, edges="edges")

    def write(fh: IO[bytes]) -> None:
        # written item by item: the whole text of a large graph is never held in memory
        try:
            for chunk in _json_chunks(data, ensure_ascii=False):
                fh.write(chunk.encode("utf-8"))
        except UnicodeEncodeError:  # a lone surrogate: JSON's \\uXXXX escapes keep it (a high one then a low one
            # read back as the character they make)
            fh.seek(0)
            fh.truncate()
            for chunk in _json_chunks(data, ensure_ascii=True):
                fh.write(chunk.encode("ascii"))

    return _atomic_write(path, write)


def _json_one_per_line(data: Mapping[str, Any], *, ensure_ascii: bool) -> str:
    """A JSON object with sorted keys whose lists hold one compact item per line.

    Each item goes through the C encoder (which ``indent`` would turn off), and a node
    or edge stays one line, so two builds diff line by line.

    Examples
    --------
    >>> print(_json_one_per_line({"nodes": [{"id": "a"}, {"id": "b"}], "directed": True}, ensure_ascii=True), end="")
    {
    "directed": true,
    "nodes": [
    {"id": "a"},
    {"id": "b"}
    ]
    }
    """

    return "".join(_json_chunks(data, ensure_ascii=ensure_ascii))


def _json_chunks(data: Mapping[str, Any], *, ensure_ascii: bool) -> Iterator[str]:
    """The text of :func:`_json_one_per_line` in pieces of one item each (one node, one edge)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=ensure_ascii, sort_keys=True, default=str)

    yield "{\n"
    for i, key in enumerate(sorted(data)):
        value = data[key]
        yield (",\n" if i else "") + f"{dump(key)}: "
        if isinstance(value, list) and value:
            yield "[\n"
            for j, item in enumerate(value):
                yield (",\n" if j else "") + dump(item)
            yield "\n]"
        else:
            yield dump(value)
    yield "\n}\n"
