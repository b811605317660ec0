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
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import logging
import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import networkx as nx
import pandas as pd

from pftz.ground.dates import period_end
from pftz.ground.errors import ExportError
from pftz.ground.io import atomic_path
from pftz.ground.schema import DERIVED, KEY, NODE_TYPES, PROVENANCE, REL_TYPES, Label, Rel, database_name_problem

Positions = Mapping[str, tuple[float, float]]
"""Node id (as text) -> ``(x, y)``, as the HTML views' layouts give them (y grows downwards)."""

__all__ = [
    "ARRAY_DELIMITER",
    "CASCADE_COLUMNS",
    "EID",
    "FORMATS",
    "NEO4J_ADMIN_OPTIONS",
    "CascadeSummary",
    "cascade_summary",
    "cascades",
    "degree_size",
    "export",
    "inert",
    "load_graphml",
    "neo4j_admin_import_args",
    "people_csv",
    "save_cascades_csv",
    "save_gexf",
    "save_graphml",
    "save_neo4j_admin_csv",
    "save_node_link_json",
    "write_all",
    "xml_text",
]

logger = logging.getLogger(__name__)

EID = "eid"
"""Relationship property holding the MultiDiGraph edge key (as :mod:`graph.neo4j_store` names it)."""

PROVENANCE_COUNT = "provenance_count"
"""Scalar attribute written next to the JSON-encoded provenance."""

ARRAY_DELIMITER = "\u001f"
"""Array delimiter of the neo4j-admin bundle (U+001F, which JSON never leaves unescaped)."""

CASCADE_COLUMNS = ("node_name", "cascade_id", "time")
"""Columns of :func:`cascades` and of the cascades CSV."""

EPOCH = datetime.date(1970, 1, 1)

FORMATS: dict[str, str] = {
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "json": "graph.json",
    "neo4j-admin": "neo4j-import",
    "cascades": "cascades.csv",
}
"""Export formats and the file (or directory) name :func:`write_all` gives them."""

_NEO4J_TYPES = {"str": "", "int": "int", "float": "double", "bool": "boolean"}

_XML_UNSAFE_RE = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold (and CR, which an XML reader turns into LF)."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection)."""

_MAX_XML_WARNINGS = 20


# --------------------------------------------------------------------------- cleaning


def xml_text(text: str) -> str:
    """Return ``text`` with every character XML 1.0 cannot hold written as ``\\uXXXX``.

    Parameters
    ----------
    text
        Any string (control characters and lone surrogates included).

    Returns
    -------
    str
        A string an XML 1.0 writer and reader keep exactly.

    Examples
    --------
    >>> xml_text("a" + chr(11) + "b" + chr(0))
    'a\\\\u000bb\\\\u0000'
    """
    return _XML_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _evidence_lines(data: Mapping[str, Any]) -> str:
    places = [f"{p.get('source')}:{p.get('line')}" for p in _prov_entries(data.get(PROVENANCE)) if isinstance(p, dict)]
    shown = ", ".join(dict.fromkeys(places[:3]))
    return f"from {shown}" if shown else "no evidence line"


class _XmlCleaner:
    """Cleans the strings of an XML export's copy, collecting one warning per node or edge."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.warnings: list[str] = []

    def clean(self, attrs: dict[str, Any], original: Mapping[str, Any], what: str) -> dict[str, Any]:
        bad: dict[str, set[str]] = {}
        out: dict[str, Any] = {}
        for k, v in attrs.items():
            if isinstance(v, str) and _XML_UNSAFE_RE.search(v):
                found = {f"U+{ord(c):04X}" for c in _XML_UNSAFE_RE.findall(v)}
                bad.setdefault(k, set()).update(found)
                v = xml_text(v)
            out[k] = v
        if bad:
            props = "; ".join(f"{k!r} ({', '.join(sorted(c))})" for k, c in sorted(bad.items()))
            self.warnings.append(
                f"{self.fmt}: {what} holds characters XML 1.0 cannot hold, written as \\uXXXX: {props}; "
                f"{_evidence_lines(original)}"
            )
        return out

    def log(self) -> None:
        for w in self.warnings[:_MAX_XML_WARNINGS]:
            logger.warning(w)
        if len(self.warnings) > _MAX_XML_WARNINGS:
            logger.warning("%s: ... and %d more such nodes and edges", self.fmt, len(self.warnings) - _MAX_XML_WARNINGS)


def _escape_text(text: str) -> str:
    """Escape text as ElementTree writes an element's text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(text: str) -> str:
    """Escape text as ElementTree writes an attribute's value."""
    text = _escape_text(text).replace('"', "&quot;")
    return text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


class _Deferred:
    """The provenance of an XML export, left out of the copy its writer builds and put in as the file is written.

    networkx's GraphML and GEXF writers build the whole document in memory; the provenance
    (every evidence entry of every node and edge, most of the file) would be held there, in
    the copy and again as escaped text. The copy holds a short token instead (private-use
    characters around a random nonce and a number), and :meth:`copy` writes the document
    with each token replaced by the escaped provenance, made again from the graph one node
    or edge at a time: the same bytes, without the whole text in memory.
    """

    def __init__(self, escape: Callable[[str], str]) -> None:
        self.escape = escape
        self.nonce = os.urandom(16).hex()
        self.sources: list[Mapping[str, Any]] = []
        self._token_re = re.compile(
            ("\ue000" + self.nonce + ":").encode("utf-8") + rb"(\d+)" + "\ue001".encode("utf-8")
        )

    def token(self, data: Mapping[str, Any]) -> str:
        """Stand-in for the provenance of ``data`` (a node's or edge's attributes)."""
        self.sources.append(data)
        return f"\ue000{self.nonce}:{len(self.sources) - 1}\ue001"

    def _text(self, m: re.Match[bytes]) -> bytes:
        prov = _prov_json(self.sources[int(m.group(1))].get(PROVENANCE))
        return self.escape(xml_text(prov)).encode("utf-8")

    def copy(self, document: bytes, fh: IO[bytes]) -> None:
        """Write ``document`` to ``fh`` with every token replaced by its provenance."""
        for line in io.BytesIO(document):
            fh.write(self._token_re.sub(self._text, line) if b"\xee\x80\x80" in line else line)


def _defer_provenance(attrs: dict[str, Any], data: Mapping[str, Any], deferred: _Deferred | None) -> dict[str, Any]:
    if deferred is not None and PROVENANCE in attrs:
        attrs[PROVENANCE] = deferred.token(data)
    return attrs


def inert(value: Any) -> Any:
    """Make a text cell safe to open in a spreadsheet: a leading ``= + - @``, tab or CR gets a ``'``.

    Examples
    --------
    >>> inert("=HYPERLINK(1)"), inert("-1"), inert("plain"), inert(3)
    ("'=HYPERLINK(1)", "'-1", 'plain', 3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def people_csv(df: pd.DataFrame) -> str:
    """Return a frame as CSV for people and spreadsheets, with formula injection made inert.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a CR is
    prefixed with a single quote (the OWASP advice for CSV injection), so a
    spreadsheet shows it as text and runs nothing; numbers are left as they
    are. Lines end in CRLF (RFC 4180). Machine-read exports (neo4j-admin, cascades) do not use this and keep
    every value exact.

    Parameters
    ----------
    df
        The frame (list cells should already be text).

    Returns
    -------
    str
        The CSV text, a header line first.

    Examples
    --------
    >>> people_csv(pd.DataFrame({"a": ["=1+1", "ok"], "n": [-2, 3]})).splitlines()
    ['a,n', "'=1+1,-2", 'ok,3']
    """
    safe = df.copy()
    safe.columns = [inert(str(c)) for c in safe.columns]
    for c in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[c]):
            safe[c] = safe[c].map(inert)
    return safe.to_csv(index=False, lineterminator="\r\n")  # RFC 4180; a cell holding a CR is then quoted


# --------------------------------------------------------------------------- atomic writing


def _fail(path: Path, e: BaseException) -> ExportError:
    reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e) or type(e).__name__
    msg = f"cannot write {path}: {reason}; the existing file is left unchanged"
    return ExportError(msg)


def _atomic_write(path: str | Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Write a binary file atomically (see :func:`ground.io.atomic_path`), wrapping any failure."""
    target = Path(path)
    try:
        if target.is_dir():
            msg = "it is a directory"
            raise IsADirectoryError(msg)
        with atomic_path(target) as tmp, tmp.open("wb") as fh:
            write(fh)
    except ExportError:
        raise
    except Exception as e:
        raise _fail(target, e) from e
    return target


def _atomic_dir(path: str | Path, fill: Callable[[Path], None]) -> Path:
    """Write a directory through a temporary sibling, then swap it into place."""
    target = Path(path)
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() and not target.is_dir():
            msg = "it exists and is not a directory"
            raise NotADirectoryError(msg)
        tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
        os.chmod(tmp, 0o755)
        fill(tmp)
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
            os.replace(target, old)  # an empty directory can be replaced
            try:
                os.replace(tmp, target)
            except OSError:
                os.replace(old, target)
                raise
            tmp = None
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
            tmp = None
    except ExportError:
        raise
    except Exception as e:
        raise _fail(target, e) from e
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


# --------------------------------------------------------------------------- scalar copies


def _prov_entries(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _prov_json(value: Any) -> str:
    return json.dumps(_prov_entries(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _prov_array(value: Any) -> str:
    """Provenance as a neo4j-admin array: one compact JSON object per entry."""
    entries = _prov_entries(value)
    return ARRAY_DELIMITER.join(
        json.dumps(p, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for p in entries
    )


def _sorted_nodes(G: nx.MultiDiGraph) -> list[tuple[Any, dict[str, Any]]]:
    return sorted(G.nodes(data=True), key=lambda t: str(t[0]))


def _sorted_edges(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    return sorted(G.edges(keys=True, data=True), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))


def _schema_type(data: Mapping[str, Any], prop: str, *, edge: bool) -> str | None:
    try:
        if edge:
            return REL_TYPES[Rel(str(data.get("type")))].properties.get(prop)
        return NODE_TYPES[Label(str(data.get("label")))].properties.get(prop)
    except ValueError:
        return None


def _scalar_attrs(data: Mapping[str, Any], *, edge: bool) -> dict[str, Any]:
    """Return attributes as scalars: provenance as JSON plus a count, lists as JSON, None dropped."""
    out: dict[str, Any] = {}
    for k in sorted(data):
        v = data[k]
        if k == PROVENANCE:
            out[PROVENANCE] = _prov_json(v)
            out[PROVENANCE_COUNT] = len(_prov_entries(v))
        elif v is None:
            continue
        elif isinstance(v, bool | str):
            out[k] = v
        elif isinstance(v, int | float):
            out[k] = float(v) if _schema_type(data, k, edge=edge) == "float" else v
        else:
            out[k] = json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
    if PROVENANCE not in out:
        out[PROVENANCE], out[PROVENANCE_COUNT] = "[]", 0
    return out


def _graph_meta(G: nx.MultiDiGraph) -> dict[str, Any]:
    return {
        "name": str(G.graph.get("name", "")),
        "sources": json.dumps(G.graph.get("sources") or [], ensure_ascii=False, sort_keys=True),
    }


def _scalar_copy(G: nx.MultiDiGraph, cleaner: _XmlCleaner, deferred: _Deferred | None = None) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph(**cleaner.clean(_graph_meta(G), {}, "the graph"))
    for n, d in _sorted_nodes(G):
        attrs = _defer_provenance(cleaner.clean(_scalar_attrs(d, edge=False), d, f"node {n}"), d, deferred)
        H.add_node(xml_text(str(n)), **attrs)
    for u, v, k, d in _sorted_edges(G):
        attrs = cleaner.clean(_scalar_attrs(d, edge=True), d, f"edge {u} -> {v} [{k}]")
        attrs = _defer_provenance(attrs, d, deferred)
        H.add_edge(xml_text(str(u)), xml_text(str(v)), key=xml_text(str(k)), **attrs)
    return H


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


# --------------------------------------------------------------------------- neo4j-admin CSV


def _neo4j_type(type_name: str | None, values: Iterable[Any]) -> str:
    if type_name in _NEO4J_TYPES:
        return _NEO4J_TYPES[type_name]
    vals = [v for v in values if v is not None]
    if vals and all(isinstance(v, bool) for v in vals):
        return "boolean"
    if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return "int"
    if vals and all(isinstance(v, int | float) and not isinstance(v, bool) for v in vals):
        return "double"
    return ""


def _neo4j_value(value: Any, neo_type: str) -> str:
    if value is None:
        return ""
    if neo_type == "boolean":
        return "true" if value else "false"
    if neo_type == "double":
        return repr(float(value))
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _columns(items: list[Mapping[str, Any]], schema_props: Mapping[str, str], skip: set[str]) -> list[tuple[str, str]]:
    """Property columns ``(name, neo4j type)``: schema order first, then extras sorted."""
    present = {k for d in items for k in d if k not in skip}
    names = [p for p in schema_props if p in present] + sorted(present - set(schema_props))
    return [(p, _neo4j_type(schema_props.get(p), (d.get(p) for d in items))) for p in names]


def _header(name: str, neo_type: str) -> str:
    return f"{name}:{neo_type}" if neo_type else name


def _csv_bytes(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


_CsvRows = tuple[list[str], Iterator[list[str]]]
"""A CSV file to write: its header and its rows, made as they are written (a large bundle is never whole in memory)."""


def _node_rows(
    label: Label, items: list[tuple[str, dict[str, Any]]], cols: list[tuple[str, str]]
) -> Iterator[list[str]]:
    for key, d in items:
        prov = _prov_entries(d.get(PROVENANCE))
        row = [key, str(d.get("name", ""))] + [_neo4j_value(d.get(c), t) for c, t in cols]
        row += [_prov_array(prov), str(len(prov)), label.value]
        yield row


def _rel_rows(
    G: nx.MultiDiGraph, rel: Rel, items: list[tuple[Any, Any, Any, dict[str, Any]]], cols: list[tuple[str, str]]
) -> Iterator[list[str]]:
    for u, v, k, d in items:
        prov = _prov_entries(d.get(PROVENANCE))
        row = [str(G.nodes[u].get(KEY)), str(G.nodes[v].get(KEY)), rel.value, str(k)]
        row += [_neo4j_value(d.get(c), t) for c, t in cols]
        row += ["true" if d.get(DERIVED) is True else "false", _prov_array(prov), str(len(prov))]
        yield row


def _neo4j_files(G: nx.MultiDiGraph) -> dict[str, bytes | _CsvRows]:
    """Return the bundle's files by name: bytes, or the header and rows of a CSV file."""
    by_label: dict[Label, list[tuple[str, dict[str, Any]]]] = {}
    labels: dict[Any, Label] = {}
    for n, d in _sorted_nodes(G):
        try:
            label = Label(str(d.get("label")))
        except ValueError:
            msg = f"node {n!r} has no schema label ({d.get('label')!r})"
            raise ExportError(msg) from None
        labels[n] = label
        by_label.setdefault(label, []).append((str(d.get(KEY, n)), d))
    files: dict[str, bytes | _CsvRows] = {}
    node_files, rel_files = [], []
    skip_node = {"label", KEY, "name", PROVENANCE}
    for label in Label:
        if label not in by_label:
            continue
        items = by_label[label]
        cols = _columns([d for _, d in items], NODE_TYPES[label].properties, skip_node)
        header = [f"{KEY}:ID({label.value})", "name"] + [_header(c, t) for c, t in cols]
        header += [f"{PROVENANCE}:string[]", f"{PROVENANCE_COUNT}:int", ":LABEL"]
        name = f"nodes_{label.value}.csv"
        files[name] = (header, _node_rows(label, items, cols))
        node_files.append(name)

    by_pattern: dict[tuple[Rel, Label, Label], list[tuple[Any, Any, Any, dict[str, Any]]]] = {}
    for u, v, k, d in _sorted_edges(G):
        try:
            rel = Rel(str(d.get("type")))
        except ValueError:
            msg = f"edge {u!r} -> {v!r} [{k!r}] has no schema type ({d.get('type')!r})"
            raise ExportError(msg) from None
        by_pattern.setdefault((rel, labels[u], labels[v]), []).append((u, v, k, d))
    skip_edge = {"type", PROVENANCE, DERIVED}
    for rel, start, end in sorted(by_pattern, key=lambda t: (t[0].value, t[1].value, t[2].value)):
        items_e = by_pattern[rel, start, end]
        cols = _columns([d for *_, d in items_e], REL_TYPES[rel].properties, skip_edge | {EID})
        header = [f":START_ID({start.value})", f":END_ID({end.value})", ":TYPE", EID]
        header += [_header(c, t) for c, t in cols]
        header += [f"{DERIVED}:boolean", f"{PROVENANCE}:string[]", f"{PROVENANCE_COUNT}:int"]
        name = f"rels_{rel.value}_{start.value}_{end.value}.csv"
        files[name] = (header, _rel_rows(G, rel, items_e, cols))
        rel_files.append(name)

    args = list(NEO4J_ADMIN_OPTIONS)
    args += [f'--nodes="$DIR/{f}"' for f in node_files] + [f'--relationships="$DIR/{f}"' for f in rel_files]
    # the database name after `--`: neo4j-admin never reads it as an option
    command = " \\\n  ".join(['"$NEO4J_HOME/bin/neo4j-admin" database import full', *args, '-- "$DB"'])
    files["import.sh"] = (
        "#!/bin/sh\n"
        "# Import this bundle into a new database with neo4j-admin (Neo4j 5.x).\n"
        "# Usage: NEO4J_HOME=/path/to/neo4j ./import.sh [database]   (the database must not exist yet)\n"
        "set -eu\n"
        'DB="${1:-neo4j}"\n'
        'DIR="$(cd "$(dirname "$0")" && pwd)"\n'
        ': "${NEO4J_HOME:?set NEO4J_HOME to the Neo4j installation}"\n'
        f"{command}\n"
    ).encode()
    readme_command = command.replace('"$DB"', "neo4j").replace('"$DIR/', '"neo4j-import/')
    files["README.md"] = (
        "# neo4j-admin import bundle\n\n"
        "Written by `pftz export --format neo4j-admin`. One file per node label (`key:ID(<Label>)`, one ID\n"
        "space per label) and one per relationship pattern (`:START_ID(<Label>)`, `:END_ID(<Label>)`,\n"
        "`:TYPE`; `eid` is the NetworkX edge key). `provenance:string[]` holds one JSON object per entry,\n"
        "separated by U+001F. Import into a new database (it must not exist yet) with:\n\n"
        "```sh\n"
        "NEO4J_HOME=/path/to/neo4j ./import.sh neo4j\n"
        "```\n\n"
        "which runs, from the directory holding this bundle:\n\n"
        f"```sh\n{readme_command}\n```\n"
    ).encode()
    return files


NEO4J_ADMIN_OPTIONS = ("--array-delimiter=U+001F", "--multiline-fields=true")
"""The ``neo4j-admin database import full`` options the bundle's files need (besides the file lists)."""


def neo4j_admin_import_args(directory: str | Path, database: str) -> list[str]:
    """Return the arguments of ``neo4j-admin`` that import a bundle :func:`save_neo4j_admin_csv` wrote.

    Parameters
    ----------
    directory
        The bundle's directory (``nodes_*.csv`` and ``rels_*.csv``).
    database
        The database to create (it must not exist yet, or be empty).

    Returns
    -------
    list of str
        ``["database", "import", "full", options..., "--nodes=...", "--relationships=...", "--", database]``,
        with absolute paths, as :mod:`subprocess` takes them (no shell quoting); the database
        name comes after ``--``, so the tool never reads it as an option; the tool's report
        goes into the bundle's directory (not the current one).

    Raises
    ------
    ExportError
        The directory holds no node file, or ``database`` breaks Neo4j's naming rules.
    """
    problem = database_name_problem(database)
    if problem is not None:
        raise ExportError(problem)
    folder = Path(directory).resolve()
    nodes = sorted(folder.glob("nodes_*.csv"))
    if not nodes:
        msg = f"{folder}: no nodes_*.csv file (write the bundle with `pftz export --format neo4j-admin`)"
        raise ExportError(msg)
    rels = sorted(folder.glob("rels_*.csv"))
    return [
        "database", "import", "full", *NEO4J_ADMIN_OPTIONS, f"--report-file={folder / 'import.report'}",
        *(f"--nodes={f}" for f in nodes), *(f"--relationships={f}" for f in rels), "--", database,
    ]  # fmt: skip


def save_neo4j_admin_csv(G: nx.MultiDiGraph, directory: str | Path) -> Path:
    """Write a CSV bundle for ``neo4j-admin database import full``.

    Parameters
    ----------
    G
        The graph; every node needs a schema label and every edge a schema type.
    directory
        The output directory; replaced as a whole (atomically) if it exists.

    Returns
    -------
    Path
        The directory written.

    Raises
    ------
    ExportError
        If a node or edge is outside the schema or the directory cannot be
        written; an existing directory is left intact.
    """
    files = _neo4j_files(G)

    def fill(tmp: Path) -> None:
        for name, data in files.items():
            if isinstance(data, bytes):
                (tmp / name).write_bytes(data)
            else:  # row by row, as _csv_bytes would write them
                header, rows = data
                with (tmp / name).open("w", encoding="utf-8", newline="") as fh:
                    w = csv.writer(fh, lineterminator="\n")
                    w.writerow(header)
                    for row in rows:
                        w.writerow(row)
            os.chmod(tmp / name, 0o755 if name.endswith(".sh") else 0o644)

    return _atomic_dir(directory, fill)


# --------------------------------------------------------------------------- cascades


def _days(d: datetime.date) -> int:
    return (d - EPOCH).days


MIN_CASCADE_TIMES = 2
"""A cascade with fewer distinct times than this tells nothing about who infected whom: it is left out."""


@dataclass(frozen=True, slots=True)
class CascadeSummary:
    """What :func:`cascades` kept and left out.

    Parameters
    ----------
    kept
        Cascades written (each with at least :data:`MIN_CASCADE_TIMES` distinct times).
    left_out
        Cascades with at least one dated event but fewer distinct times.
    """

    kept: int
    left_out: int


def _cascade_events(G: nx.MultiDiGraph) -> dict[tuple[str, str], int]:
    """The earliest stated time of each (node, cascade): pilot starts, replications reached, adoptions."""
    first: dict[tuple[str, str], int] = {}
    for u, v, d in G.edges(data=True):
        kind = d.get("type")
        if kind == Rel.ORIGINATED_IN.value:  # a pilot zone, at the pilot start its evidence prints
            node, cascade = str(v), G.nodes[u].get(KEY)
        elif kind == Rel.DIFFUSED_TO.value:  # a zone or province reached, at the replication's date
            node, cascade = str(v), d.get("measure")
        elif kind == Rel.ADOPTED.value:  # an adopter, at the date its sentence prints
            node, cascade = str(u), G.nodes[v].get(KEY)
        else:
            continue
        end = period_end(d.get("date"))
        if end is None or not cascade:
            continue
        t = _days(end)
        first[node, str(cascade)] = min(t, first.get((node, str(cascade)), t))
    return first


def _cascade_rows(G: nx.MultiDiGraph) -> tuple[list[tuple[str, str, int]], CascadeSummary]:
    first = _cascade_events(G)
    times: dict[str, set[int]] = {}
    for (_node, cascade), t in first.items():
        times.setdefault(cascade, set()).add(t)
    kept = {c for c, ts in times.items() if len(ts) >= MIN_CASCADE_TIMES}
    rows = sorted(
        ((node, cascade, t) for (node, cascade), t in first.items() if cascade in kept),
        key=lambda r: (r[1], r[2], r[0]),
    )
    return rows, CascadeSummary(len(kept), len(times) - len(kept))


def cascades(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Return the adoption cascades of the graph's measures, one row per node and cascade.

    A cascade is one measure (``cascade_id`` = its key). Its events are the
    zones and regions it reached (``node_name`` = node id, e.g.
    ``"Zone:shanghai"``, so zones and provinces of one name stay apart), each
    at a date the report states, never at a guessed one:

    * a pilot zone (``ORIGINATED_IN``) at the pilot start its evidence prints
      (the 30 pilot measures: June 2023); an origin without a printed date is
      left out rather than given the measure's year or release date;
    * each zone or province reached (``DIFFUSED_TO``) at the date of the
      replication that reached it: the year a Table 2 row prints, or else the
      release date of the measure's batch or document;
    * each adopter (``ADOPTED``) at the date its own sentence prints.

    ``time`` is the number of days from 1970-01-01 to the last day of the
    date's period (June 2023 is 2023-06-30; 2021 is 2021-12-31): an integer,
    as R's NetworkInference (``as_cascade_long``) expects a numeric time. A
    node reached several times keeps its earliest time; ties between nodes are
    kept. A cascade with fewer than :data:`MIN_CASCADE_TIMES` distinct times
    says nothing about who infected whom and is left out; :func:`cascade_summary`
    counts those.

    Parameters
    ----------
    G
        The graph, with diffusion derived.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CASCADE_COLUMNS`, sorted by cascade, time and node.
    """
    rows, _ = _cascade_rows(G)
    df = pd.DataFrame(rows, columns=list(CASCADE_COLUMNS))
    return df.astype({"node_name": str, "cascade_id": str, "time": "int64"})


def cascade_summary(G: nx.MultiDiGraph) -> CascadeSummary:
    """How many cascades :func:`cascades` keeps and leaves out (fewer than two distinct times)."""
    return _cascade_rows(G)[1]


def save_cascades_csv(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write :func:`cascades` as CSV (``node_name,cascade_id,time``).

    Parameters
    ----------
    G
        The graph, with diffusion derived.
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
    df = cascades(G)
    data = _csv_bytes(list(CASCADE_COLUMNS), ([str(v) for v in row] for row in df.itertuples(index=False)))

    def write(fh: IO[bytes]) -> None:
        fh.write(data)

    return _atomic_write(path, write)


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
