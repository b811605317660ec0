"""What every writer of :mod:`graph.exports` shares: XML-safe text, atomic files, provenance as text, scalar copies.

Writers sort nodes by id, edges by ``(start, end, key)`` and attributes by name, and write
through :func:`_atomic_write` / :func:`_atomic_dir`: the same graph gives byte-identical files,
and a failed write leaves the old file intact and raises :class:`~ground.errors.ExportError`.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import networkx as nx

from pftz.ground.errors import ExportError
from pftz.ground.io import atomic_path
from pftz.ground.schema import NODE_TYPES, PROVENANCE, REL_TYPES, Label, Rel

__all__ = ["EID", "PROVENANCE_COUNT", "Positions", "xml_text"]


Positions = Mapping[str, tuple[float, float]]
"""Node id (as text) -> ``(x, y)``, as the HTML views' layouts give them (y grows downwards)."""

logger = logging.getLogger("pftz.graph.exports")  # the writers log under the name they had before the split

EID = "eid"
"""Relationship property holding the MultiDiGraph edge key (as :mod:`graph.neo4j_store` names it)."""

PROVENANCE_COUNT = "provenance_count"
"""Scalar attribute written next to the JSON-encoded provenance."""

_XML_UNSAFE_RE = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold (and CR, which an XML reader turns into LF)."""

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


def _csv_bytes(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")
