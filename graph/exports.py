"""Write the policy graph to files: GraphML, GEXF, node-link JSON, a neo4j-admin CSV bundle, cascades.

Every writer is deterministic (nodes sorted by id, edges by ``(start, end,
key)``, attributes by name, no timestamps: the same graph gives byte-identical
files) and atomic (the file is written to a temporary file in the same
directory and moved over the target with :func:`os.replace`; if anything
fails the old file is left intact and :class:`~ground.errors.ExportError` is
raised).

Formats
-------
``graphml``
    Scalar attributes only: ``provenance`` becomes a JSON string plus a
    ``provenance_count``; ``G.graph['sources']`` a JSON string. A node's
    ``label`` is its ``name`` (what Gephi, Cytoscape and yEd caption a node
    with) and its schema label is the ``node_label`` attribute. Read it back
    with :func:`load_graphml` (which puts the schema label back under
    ``label``), or ``networkx.read_graphml(path, force_multigraph=True,
    edge_key_type=str)``.
``gexf``
    For Gephi, mode dynamic: edges with a ``date`` get ``start``, nodes with
    ``established`` or ``date`` too. Partial dates are written as the last day
    of their period (the rule of :mod:`graph.diffusion`), so an edge never
    starts before the zone it reaches. The GEXF node label is the node's
    ``name`` (the schema label is the ``node_label`` attribute) and the GEXF
    edge label is the relationship type (also ``rel_type``: GEXF reserves an
    edge's ``type`` for directed/undirected). networkx writes an attribute
    named ``key`` as ``networkx_key``. Nodes carry ``viz:color`` (the colour
    of their label in :data:`ground.schema.NODE_TYPES`, as in the HTML views
    and the Neo4j Browser style), ``viz:size`` (by stated degree, as the
    HTML views rank nodes: :func:`degree_size`; thousands of derived
    diffusion edges would make every zone equally big) and, when positions
    are given, ``viz:position``;
    edges carry the colour of their relationship type.
``json``
    networkx node-link data (``edges`` key) with the provenance lists as they
    are.
``neo4j-admin``
    A directory for ``neo4j-admin database import full``: one
    ``nodes_<Label>.csv`` per label (header ``key:ID(<Label>),name,...,:LABEL``,
    one ID space per label) and one ``rels_<TYPE>_<Start>_<End>.csv`` per
    pattern (``:START_ID(<Start>),:END_ID(<End>),:TYPE,eid,...``); typed
    columns (``year:int``, ``lat:double``, ``derived:boolean``), provenance as
    ``provenance:string[]`` (one JSON string per entry, separated by
    :data:`ARRAY_DELIMITER`), plus ``import.sh`` and ``README.md`` with the
    command.
``cascades``
    Adoption cascades for R's NetworkInference (:func:`cascades`).

XML 1.0 cannot hold most control characters (NUL, ``\\x0b``, ``\\x1b``...),
lone surrogates or U+FFFE/U+FFFF; GraphML and GEXF write each such character
as the six characters ``\\uXXXX`` (a CR too, which XML would read back as a
line feed), and log a warning naming the node or edge and the input lines of
its evidence (:func:`xml_text`). The JSON, neo4j-admin and cascades files are
for machines and keep every value exact. :func:`people_csv` is the CSV for
people (spreadsheets): cells that a spreadsheet would run as a formula are
made inert.

This module holds the formats and the dispatch (:func:`export`, :func:`write_all`); the writers
live by format in :mod:`graph.exports_xml` (GraphML, GEXF), :mod:`graph.exports_json`,
:mod:`graph.exports_neo4j` and :mod:`graph.exports_cascades`, on what they share in
:mod:`graph.exports_common`; :mod:`graph.exports_people` holds the CSV for people.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx

from pftz.graph.exports_cascades import save_cascades_csv
from pftz.graph.exports_common import Positions
from pftz.graph.exports_json import save_node_link_json
from pftz.graph.exports_neo4j import save_neo4j_admin_csv
from pftz.graph.exports_xml import save_gexf, save_graphml
from pftz.ground.errors import ExportError

__all__ = ["FORMATS", "export", "write_all"]

FORMATS: dict[str, str] = {
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "json": "graph.json",
    "neo4j-admin": "neo4j-import",
    "cascades": "cascades.csv",
}
"""Export formats and the file (or directory) name :func:`write_all` gives them."""


# --------------------------------------------------------------------------- all formats

_WRITERS: dict[str, Callable[[nx.MultiDiGraph, str | Path], Path]] = {
    "graphml": save_graphml,
    "gexf": save_gexf,
    "json": save_node_link_json,
    "neo4j-admin": save_neo4j_admin_csv,
    "cascades": save_cascades_csv,
}


def export(G: nx.MultiDiGraph, fmt: str, path: str | Path, positions: Positions | None = None) -> Path:
    """Write the graph in one of the :data:`FORMATS`.

    Parameters
    ----------
    G
        The graph.
    fmt
        A key of :data:`FORMATS`.
    path
        The output file (a directory for ``neo4j-admin``).
    positions
        Node positions for the GEXF file (:func:`save_gexf`); the other formats have none.

    Returns
    -------
    Path
        What was written.

    Raises
    ------
    ExportError
        On an unknown format or a failed write.
    """
    writer = _WRITERS.get(fmt)
    if writer is None:
        msg = f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})"
        raise ExportError(msg)
    if fmt == "gexf":
        return save_gexf(G, path, positions)
    return writer(G, path)


def write_all(G: nx.MultiDiGraph, out_dir: str | Path, positions: Positions | None = None) -> dict[str, Path]:
    """Write every format into a directory under the names of :data:`FORMATS`.

    Parameters
    ----------
    G
        The graph.
    out_dir
        The output directory (created if missing).
    positions
        Node positions for the GEXF file (:func:`save_gexf`).

    Returns
    -------
    dict[str, Path]
        What was written, by format.

    Raises
    ------
    ExportError
        On the first failed write; files written before it are complete,
        the failed one is left as it was.
    """
    out = Path(out_dir)
    return {fmt: export(G, fmt, out / name, positions) for fmt, name in FORMATS.items()}
