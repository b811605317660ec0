"""One SQLite file of the policy graph for Datasette, sqlite-utils and any SQL client.

:func:`save_sqlite` writes (sqlite-utils makes the tables, foreign keys and
full-text indexes; the rows go in by ``executemany``, one transaction a table):

* the four flat tables as :mod:`queries.tables` gives them (``measures``,
  ``adoptions``, ``documents``, ``zones``), list cells as JSON arrays (which
  Datasette facets value by value: ``_facet_array=origin_zones``);
* ``nodes`` (one row per node: ``id`` as in NetworkX, label, key, name, kind,
  date, the other properties as JSON), ``edges`` (``source`` and ``target``
  referencing ``nodes.id``, type, ``derived``, date, the other properties as
  JSON) and ``evidence`` (one row per evidence entry of a node or an edge:
  file, sha256, line, section and the quoted sentence);
* foreign keys (``edges`` and ``evidence`` to ``nodes`` and ``edges``,
  ``adoptions.measure_key`` to ``measures``, the flat tables' ``node_id`` to
  ``nodes``), so Datasette links a row to the rows it names;
* FTS5 indexes on the names and titles of every table and on the evidence
  quotes (``_search=`` in Datasette, ``MATCH`` in SQL).

:func:`datasette_metadata` is the Datasette metadata file written beside it
(``NAME.metadata.json``): the title, source and licence of the reports (from
:mod:`loaders.manifest`; a licence only where one is stated), a description
of every table and column, default facets and sort orders.

The file is deterministic: rows in a fixed order, no timestamp, the database
vacuumed at the end, written to a temporary file and renamed; two builds of
the same inputs with the same SQLite library give the same bytes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import sqlite_utils

from pftz.ground.errors import ExportError
from pftz.ground.io import atomic_path
from pftz.ground.schema import DERIVED, KEY, PROVENANCE
from pftz.loaders.manifest import ReportInfo
from pftz.queries.tables import TABLES, flat_table, table
from pftz.queries.tables_common import FlatTable
from pftz.queries.tables_files import about_rows

__all__ = [
    "COLUMN_DESCRIPTIONS",
    "METADATA_SUFFIX",
    "datasette_metadata",
    "metadata_path",
    "save_sqlite",
    "sqlite_frames",
]

METADATA_SUFFIX = ".metadata.json"
"""``pftz.db`` -> ``pftz.metadata.json``: the Datasette metadata file beside the database."""

NODE_ID = "node_id"
"""Column of the flat tables naming their row's node in ``nodes`` (a foreign key)."""

_FLAT_KEYS: dict[str, tuple[str, str]] = {
    "measures": ("measure_key", "Measure"),
    "documents": ("document_key", "Document"),
    "zones": ("zone_key", "Zone"),
}
"""Flat tables with one row per node: their key column and the node label (the node id is ``Label:key``)."""

_EVIDENCE_FIELDS = ("source", "sha256", "line", "section", "quote")

_FTS: dict[str, tuple[str, ...]] = {
    "measures": ("measure", "title"),
    "adoptions": ("adopter", "measure", "quote"),
    "documents": ("number", "title"),
    "zones": ("zone", "name_zh"),
    "nodes": ("name", "key"),
    "evidence": ("quote",),
}
"""The full-text indexes (FTS5), by table: names, titles and evidence quotes."""

TABLE_DESCRIPTIONS: dict[str, str] = {
    "measures": "One row per measure (national innovation, pilot measure, zone case...), with what the report "
    "states about it.",
    "adoptions": "One row per stated adoption of a measure by a zone or province and per evidence entry, with the "
    "zones the measure is credited to.",
    "documents": "One row per policy document: number, title, date, issuers, zones named, measures promoted.",
    "zones": "One row per zone (PFTZ, Hainan FTP, sub-area, coordinated innovation zone).",
    "nodes": "Every node of the graph: zones, regions, issuing bodies, documents, measures, batches, alliances.",
    "edges": "Every relationship of the graph; derived = 1 marks inferred diffusion, never stated by the report.",
    "evidence": "Where each node and edge was read: file, sha256, line, section and the quoted sentence.",
}

COLUMN_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "measures": {
        "node_id": "The measure's node (nodes.id).",
        "measure_key": "The measure's key (stable across builds of the same report).",
        "measure": "Its name as the report prints it.",
        "title": "Its title, where the report gives a longer one.",
        "kind": "best practice, reform experience, pilot measure, zone case, provincial innovation...",
        "field": "The field the report files it under (investment, trade, finance...).",
        "year": "The year the report gives for it.",
        "level": "The level of its batch (national, provincial).",
        "batch_key": "Key of its batch.",
        "batch": "Its batch.",
        "batch_date": "Release date of its batch (partial ISO date).",
        "batch_row": "Its row in the batch's table.",
        "promoted_by": "Numbers of the documents that promoted it (JSON list).",
        "promoted_by_titles": "Titles of those documents (JSON list).",
        "promoted_date": "Earliest date of those documents.",
        "responsible_bodies": "Bodies responsible for replicating it (JSON list).",
        "origin_zones": "Zones where it was piloted (JSON list of zone keys).",
        "pilot_start": "Earliest pilot date the report prints.",
        "scope": "Replication scope as stated (Nationwide, All PFTZs...).",
        "replicated_to": "Regions or zones it was replicated to (JSON list of keys).",
        "replication_date": "Earliest replication date.",
        "adopters": "Who adopted it, with the date where the report gives one (JSON list).",
        "adoption_dates": "The adoption dates (JSON list).",
        "sources": "Files its facts were read from (JSON list).",
        "evidence_lines": "Report lines of the measure and its stated edges (JSON list).",
        "same_as": "Keys of other wordings of the innovation merged into this row (derived, SAME_AS; JSON list).",
    },
    "adoptions": {
        "adopter_id": "The adopter's node (nodes.id).",
        "adopter_key": "Key of the adopting zone or province.",
        "adopter": "Its name.",
        "adopter_label": "Zone or Region.",
        "adopter_kind": "Kind of zone or region.",
        "measure_key": "The measure adopted (measures.measure_key).",
        "measure": "Its name.",
        "measure_kind": "Its kind.",
        "batch_key": "The batch the sentence names, if any.",
        "date": "The adoption date the sentence prints (partial ISO date).",
        "origin_zones": "Zones the measure is credited to: whom the adopter learned from (JSON list).",
        "outcome": "What the sentence says the adoption achieved.",
        "source": "File of the evidence.",
        "line": "Line of the evidence.",
        "quote": "The sentence the adoption was read from.",
    },
    "documents": {
        "node_id": "The document's node (nodes.id).",
        "document_key": "The document's key.",
        "number": "Its number as printed (G.H. [2024] No. 156).",
        "number_zh": "The Chinese form of the number, where the prefix is certain.",
        "title": "Its title.",
        "date": "Its date (partial ISO date).",
        "kind": "Kind of document.",
        "issuers": "Issuing bodies (JSON list).",
        "names_zones": "Zones it names (JSON list of zone keys).",
        "releases_batches": "Batches it released (JSON list).",
        "promotes_measures": "How many measures it promotes.",
        "sources": "Files its facts were read from (JSON list).",
        "evidence_lines": "Report lines (JSON list).",
    },
    "zones": {
        "node_id": "The zone's node (nodes.id).",
        "zone_key": "The zone's key.",
        "zone": "Its English name.",
        "name_zh": "Its official Chinese name (curated reference data).",
        "kind": "PFTZ, FTP, sub-area or coordinated innovation zone.",
        "province": "Key of its province.",
        "established": "Date its overall plan was published (curated reference data).",
        "part_of": "The zone it is part of (JSON list).",
        "parts": "Its sub-areas (JSON list).",
        "alliances": "Alliances it is a member of (JSON list).",
        "innovations": "How many measures originated in it.",
        "adopted": "How many measures it adopted (stated).",
        "received_derived": "How many measures reached it by derived diffusion (inferred, not stated).",
        "sources": "Files its facts were read from (JSON list).",
        "evidence_lines": "Lines (JSON list).",
    },
    "nodes": {
        "id": "The node id: Label:key.",
        "label": "Zone, Region, IssuingBody, Document, Measure, Batch or Alliance.",
        "key": "Its key within its label.",
        "name": "Its name.",
        "kind": "Its kind, where its label has kinds.",
        "date": "Its date, or for a zone the date it was established (partial ISO date).",
        "properties": "Every other property (JSON object).",
        "evidence_count": "How many evidence entries it has (the evidence table).",
    },
    "edges": {
        "id": "The edge's number in this file.",
        "source": "Start node (nodes.id).",
        "target": "End node (nodes.id).",
        "type": "Relationship type (ADOPTED, ORIGINATED_IN, DIFFUSED_TO...).",
        "eid": "The NetworkX edge key.",
        "derived": "1 if inferred by the graph (diffusion), 0 if stated by the report.",
        "date": "The date its evidence prints (partial ISO date).",
        "properties": "Every other property (JSON object).",
        "evidence_count": "How many evidence entries it has.",
    },
    "evidence": {
        "id": "The entry's number in this file.",
        "node_id": "The node it supports (nodes.id), or empty.",
        "edge_id": "The edge it supports (edges.id), or empty.",
        "source": "The file it was read from.",
        "sha256": "The sha256 of that file.",
        "line": "The line.",
        "section": "The section heading of that line.",
        "quote": "The quoted sentence.",
    },
}
"""A description of every column, by table (Datasette shows them under the table's title)."""

_FACETS: dict[str, list[Any]] = {
    "measures": ["kind", "level", {"array": "origin_zones"}],
    "adoptions": ["adopter", "measure_kind", {"array": "origin_zones"}],
    "documents": ["kind", {"array": "issuers"}],
    "zones": ["kind", "province"],
    "nodes": ["label", "kind"],
    "edges": ["type", "derived"],
    "evidence": ["source", "section"],
}

_SORT: dict[str, tuple[str, str]] = {
    "measures": ("sort", "measure_key"),
    "adoptions": ("sort_desc", "date"),
    "documents": ("sort_desc", "date"),
    "zones": ("sort", "established"),
    "nodes": ("sort", "id"),
    "edges": ("sort", "id"),
    "evidence": ("sort", "id"),
}

_LABEL_COLUMNS = {"nodes": "name", "measures": "measure", "documents": "title", "zones": "zone"}


def metadata_path(db_path: str | Path) -> Path:
    """The Datasette metadata file of a database: ``pftz.db`` -> ``pftz.metadata.json``."""
    p = Path(db_path)
    return p.with_name(p.stem + METADATA_SUFFIX)


def _plain(value: Any) -> Any:
    """A cell as SQLite takes it: lists as JSON arrays, NA as NULL, numpy scalars as Python ones."""
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list | tuple | dict):
        return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    return value.item() if hasattr(value, "item") else value


def _column_type(dtype: Any) -> type:
    """The SQLite column type of a pandas dtype (or its name, :meth:`queries.tables_common.FlatTable.kinds`)."""
    if pd.api.types.is_bool_dtype(dtype):
        return int
    if pd.api.types.is_integer_dtype(dtype):
        return int
    if pd.api.types.is_float_dtype(dtype):
        return float
    return str  # text, and lists as JSON arrays


def sqlite_frames(G: nx.MultiDiGraph) -> dict[str, pd.DataFrame]:
    """The flat tables as the database holds them: :func:`queries.tables.table` plus the node columns.

    ``measures``, ``documents`` and ``zones`` get a ``node_id`` first, ``adoptions`` an
    ``adopter_id``: the row's node in ``nodes``, so that Datasette links them.
    """
    return {name: t.frame() for name, t in _sqlite_tables(G).items()}


def _node_id_of(label: int, key: int) -> Callable[[Sequence[Any]], str]:
    """The node id (``Label:key``) of a row whose label and key are its cells ``label`` and ``key``."""
    return lambda row: f"{row[label]}:{row[key]}"


def _sqlite_tables(G: nx.MultiDiGraph) -> dict[str, FlatTable]:
    """The tables of :func:`sqlite_frames`, the adoptions made from the graph as they are inserted."""
    tables: dict[str, FlatTable] = {}
    for name in TABLES:
        if name in _FLAT_KEYS:
            df = table(name, G)  # a new frame each call: its columns are added in place, not to a copy
            key, label = _FLAT_KEYS[name]
            df.insert(0, NODE_ID, [f"{label}:{k}" for k in df[key]])
            tables[name] = FlatTable.of(df)
        else:
            t = flat_table(name, G)
            if name == "adoptions":
                t = t.with_first(
                    "adopter_id", _node_id_of(t.columns.index("adopter_label"), t.columns.index("adopter_key"))
                )
            tables[name] = t
    return tables


_NODE_OWN = {"label", KEY, "name", "kind", PROVENANCE}
"""Node properties with a column of their own (the rest go into ``properties``)."""


def _node_rows(G: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    for n, d in sorted(G.nodes(data=True), key=lambda t: str(t[0])):
        rest = {k: v for k, v in sorted(d.items()) if k not in _NODE_OWN and v is not None}
        date = d.get("date") or d.get("established")
        yield {
            "id": str(n),
            "label": d.get("label"),
            "key": d.get(KEY),
            "name": d.get("name"),
            "kind": d.get("kind"),
            "date": str(date) if date is not None else None,
            "properties": json.dumps(rest, ensure_ascii=False, sort_keys=True, default=str),
            "evidence_count": len(d.get(PROVENANCE) or []),
        }


def _sorted_edges(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    return sorted(G.edges(keys=True, data=True), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))


def _edge_rows(edges: Sequence[tuple[Any, Any, Any, Mapping[str, Any]]]) -> Iterator[dict[str, Any]]:
    for i, (u, v, k, d) in enumerate(edges, start=1):
        rest = {a: b for a, b in sorted(d.items()) if a not in {"type", DERIVED, "date", PROVENANCE} and b is not None}
        yield {
            "id": i,
            "source": str(u),
            "target": str(v),
            "type": d.get("type"),
            "eid": str(k),
            "derived": 1 if d.get(DERIVED) is True else 0,
            "date": str(d["date"]) if d.get("date") is not None else None,
            "properties": json.dumps(rest, ensure_ascii=False, sort_keys=True, default=str),
            "evidence_count": len(d.get(PROVENANCE) or []),
        }


def _evidence_rows(
    G: nx.MultiDiGraph, edges: Sequence[tuple[Any, Any, Any, Mapping[str, Any]]]
) -> Iterator[dict[str, Any]]:
    owners: list[tuple[str | None, int | None, Any]] = [
        (str(n), None, d.get(PROVENANCE)) for n, d in sorted(G.nodes(data=True), key=lambda t: str(t[0]))
    ]
    owners += [(None, i, d.get(PROVENANCE)) for i, (*_, d) in enumerate(edges, start=1)]
    i = 0
    for node, edge, prov in owners:
        for p in prov or []:
            if not isinstance(p, Mapping):
                continue
            i += 1
            row: dict[str, Any] = {"id": i, "node_id": node, "edge_id": edge}
            row.update({f: _plain(p.get(f)) for f in _EVIDENCE_FIELDS})
            yield row


_NODE_COLUMNS = {"id": str, "label": str, "key": str, "name": str, "kind": str, "date": str, "properties": str,
                 "evidence_count": int}  # fmt: skip
_EDGE_COLUMNS = {"id": int, "source": str, "target": str, "type": str, "eid": str, "derived": int, "date": str,
                 "properties": str, "evidence_count": int}  # fmt: skip
_EVIDENCE_COLUMNS = {"id": int, "node_id": str, "edge_id": int, "source": str, "sha256": str, "line": int,
                     "section": str, "quote": str}  # fmt: skip


def _insert(db: sqlite_utils.Database, name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert rows in one transaction (``executemany``: sqlite-utils' per-row checks cost seconds at scale)."""
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.execute("BEGIN")
    try:
        db.conn.executemany(f"INSERT INTO [{name}] ({names}) VALUES ({marks})", rows)  # noqa: S608 (our own names)
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def _values(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    return (tuple(r[c] for c in columns) for r in rows)


def _fill(db: sqlite_utils.Database, G: nx.MultiDiGraph, frames: Mapping[str, FlatTable]) -> None:
    db.table("nodes").create(_NODE_COLUMNS, pk="id", not_null={"label"})
    _insert(db, "nodes", list(_NODE_COLUMNS), _values(_node_rows(G), list(_NODE_COLUMNS)))
    edges_list = _sorted_edges(G)
    db.table("edges").create(
        _EDGE_COLUMNS, pk="id", foreign_keys=[("source", "nodes", "id"), ("target", "nodes", "id")], not_null={"type"}
    )
    _insert(db, "edges", list(_EDGE_COLUMNS), _values(_edge_rows(edges_list), list(_EDGE_COLUMNS)))
    db.table("evidence").create(
        _EVIDENCE_COLUMNS, pk="id", foreign_keys=[("node_id", "nodes", "id"), ("edge_id", "edges", "id")]
    )
    _insert(db, "evidence", list(_EVIDENCE_COLUMNS), _values(_evidence_rows(G, edges_list), list(_EVIDENCE_COLUMNS)))
    for name, flat in frames.items():
        columns = {c: _column_type(kind) for c, kind in zip(flat.columns, flat.kinds(), strict=True)}
        fks: list[tuple[str, str, str]] = []
        if name in _FLAT_KEYS:
            pk: str | None = _FLAT_KEYS[name][0]
            fks.append((NODE_ID, "nodes", "id"))
        else:
            pk = None
            fks += [("adopter_id", "nodes", "id"), ("measure_key", "measures", "measure_key")]
        t = db.table(name)
        if pk is not None:
            t.create(columns, pk=pk, foreign_keys=fks)
        else:
            t.create(columns, foreign_keys=fks)
        rows = (tuple(map(_plain, row)) for df in flat.chunks() for row in df.itertuples(index=False))
        _insert(db, name, flat.columns, rows)
    for name, searched in _FTS.items():
        db.table(name).enable_fts(list(searched), fts_version="FTS5", create_triggers=False)
    for name, indexed in (("edges", ("source", "target")), ("evidence", ("node_id", "edge_id"))):
        for col in indexed:
            db.table(name).create_index([col])
    db.table("edges").create_index(["type"])
    db.table("adoptions").create_index(["measure_key"])


def save_sqlite(
    G: nx.MultiDiGraph, path: str | Path, *, reports: Mapping[str, ReportInfo] | None = None
) -> tuple[Path, Path]:
    """Write the graph and its flat tables as one SQLite file, and the Datasette metadata beside it.

    Parameters
    ----------
    G
        The policy graph.
    path
        The database file (``.db``); the metadata goes to :func:`metadata_path` of it.
    reports
        Report descriptions by sha256 (:func:`loaders.manifest.load_manifest`) for the metadata.

    Returns
    -------
    (Path, Path)
        The database and the metadata file.

    Raises
    ------
    ExportError
        Either file cannot be written; earlier files are left unchanged.
    """
    target = Path(path)
    if target.is_dir():
        msg = f"cannot write {target}: it is a directory"
        raise ExportError(msg)
    frames = _sqlite_tables(G)  # the adoptions are made as they are inserted, never one whole frame
    meta = datasette_metadata(G, target.stem, frames, reports=reports)
    with atomic_path(target) as tmp:
        tmp.unlink()  # sqlite3 makes its own file; the empty temporary one only reserved the name
        try:
            conn = sqlite3.connect(tmp, isolation_level=None)
            try:
                # a fixed page size, no journal left beside the file (the file is temporary until renamed)
                conn.execute("PRAGMA page_size = 4096")
                conn.execute("PRAGMA journal_mode = MEMORY")
                conn.execute("PRAGMA synchronous = OFF")
                _fill(sqlite_utils.Database(conn), G, frames)
                # no rollback journal for the copy VACUUM writes back: in memory it would hold every page of
                # the file (a GB at a million rows); the file is a temporary one until it is renamed
                conn.execute("PRAGMA journal_mode = OFF")
                conn.execute("VACUUM")  # every page rewritten in order: the same rows give the same bytes
                problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            finally:
                conn.close()
        except sqlite3.Error as e:
            msg = f"cannot write {target}: {e}"
            raise ExportError(msg) from e
        if problems:
            msg = f"cannot write {target}: {len(problems)} rows name a row that is not there, e.g. {problems[0]}"
            raise ExportError(msg)
    meta_file = metadata_path(target)
    with atomic_path(meta_file) as tmp_meta:
        tmp_meta.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target, meta_file


def datasette_metadata(
    G: nx.MultiDiGraph,
    database: str,
    frames: Mapping[str, pd.DataFrame | FlatTable] | None = None,
    *,
    reports: Mapping[str, ReportInfo] | None = None,
) -> dict[str, Any]:
    """The Datasette metadata of the database: title, source, licence, tables, columns, facets, sort orders.

    Parameters
    ----------
    G
        The policy graph (its ``sources`` name the files it was built from).
    database
        The database's name in Datasette (the file's stem).
    frames
        The flat tables (:func:`sqlite_frames`), for the build's description.
    reports
        Report descriptions by sha256; a source the manifest knows is named by its title and
        publisher, and its licence given where the manifest states one.

    Returns
    -------
    dict
        A metadata document for ``datasette serve FILE.db --metadata FILE.metadata.json``.
    """
    known = [
        info
        for src in G.graph.get("sources") or []
        if isinstance(src, Mapping) and (info := (reports or {}).get(str(src.get("sha256", "")).lower())) is not None
    ]
    others = [
        f"{src.get('file')} (sha256 {src.get('sha256')})"
        for src in G.graph.get("sources") or []
        if isinstance(src, Mapping) and str(src.get("sha256", "")).lower() not in (reports or {})
    ]
    title = "pftz-graph: " + (known[0].title if known else str(G.graph.get("name") or "policy graph"))
    source = "; ".join([*(f"{i.publisher}, {i.title} ({i.file}, sha256 {i.sha256})" for i in known), *others])
    licences = [f"{i.title}: {i.licence}" for i in known if i.licence]
    licence = "; ".join(licences) if licences else "None stated by the publisher of the report: cite the report."
    about = dict(about_rows(G, frames or {}, reports=reports))
    meta: dict[str, Any] = {
        "title": title,
        "description": (
            "The policy graph of China's Pilot Free Trade Zones as tables: what was piloted where, promoted by "
            "which document, replicated to whom and adopted by whom, each fact with the line and sentence it was "
            f"read from. {about.get('graph', '')}; built by {about.get('built by', 'pftz-graph')}."
        ),
        "source": source,
        "license": licence,
    }
    licence_urls = [i.licence_url for i in known if i.licence_url]
    if licence_urls:
        meta["license_url"] = licence_urls[0]
    tables: dict[str, Any] = {}
    for name, description in TABLE_DESCRIPTIONS.items():
        sort_kind, sort_col = _SORT[name]
        entry: dict[str, Any] = {
            "description": description,
            "columns": COLUMN_DESCRIPTIONS[name],
            "facets": _FACETS[name],
            sort_kind: sort_col,
        }
        if name in _LABEL_COLUMNS:
            entry["label_column"] = _LABEL_COLUMNS[name]
        tables[name] = entry
    meta["databases"] = {database: {"description": meta["description"], "tables": tables}}
    return meta
