"""The neo4j-admin export of :mod:`graph.exports`: a directory for ``neo4j-admin database import full``.

One ``nodes_<Label>.csv`` per label and one ``rels_<TYPE>_<Start>_<End>.csv`` per pattern, typed
columns, provenance as ``provenance:string[]`` separated by :data:`ARRAY_DELIMITER`, plus
``import.sh`` and ``README.md`` with the command.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from pftz.graph.exports_common import EID, PROVENANCE_COUNT, _atomic_dir, _prov_entries, _sorted_edges, _sorted_nodes
from pftz.ground.errors import ExportError
from pftz.ground.schema import DERIVED, KEY, NODE_TYPES, PROVENANCE, REL_TYPES, Label, Rel, database_name_problem

__all__ = ["ARRAY_DELIMITER", "NEO4J_ADMIN_OPTIONS", "neo4j_admin_import_args", "save_neo4j_admin_csv"]


ARRAY_DELIMITER = "\u001f"
"""Array delimiter of the neo4j-admin bundle (U+001F, which JSON never leaves unescaped)."""

_NEO4J_TYPES = {"str": "", "int": "int", "float": "double", "bool": "boolean"}


def _prov_array(value: Any) -> str:
    """Provenance as a neo4j-admin array: one compact JSON object per entry."""
    entries = _prov_entries(value)
    return ARRAY_DELIMITER.join(
        json.dumps(p, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for p in entries
    )


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
