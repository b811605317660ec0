"""A graph stored in SQLite, read back either whole (a NetworkX graph) or lazily (:class:`SqliteGraph`).

The build cache keeps a graph as one SQLite database: a row per node and per
edge, each with its data as JSON, in the graph's own order. A command that
needs the whole graph reads it into a ``networkx.MultiDiGraph``
(:func:`graph_from_sqlite`); a command that reads a few neighbourhoods (a
trace, a search) opens it as a :class:`SqliteGraph`, which answers the few
calls the query twins make (``G.nodes[n]``, ``n in G``, ``G.out_edges(n,
data=True)``, ``G.in_edges(n, data=True)``, ``G.nodes(data=True)``) by
reading only the rows it is asked for, so neither NetworkX nor the whole
graph is loaded. Its answers are those of the NetworkX graph read from the
same rows: nodes in their order, a node's out- and in-edges in the order the
edges were written (the order ``G.edges`` gives, so the edges between a pair
are together, as NetworkX keeps them).

The edges of some types can be written apart, into a second database (the build
cache keeps the derived diffusion there: most of a graph's bytes, and read by
no trace or search); a :class:`SqliteGraph` attaches it only when it is asked
for an edge of those types (or for every edge of a node).

Examples
--------
>>> import networkx as nx, sqlite3
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", label="Zone", key="a")
>>> G.add_node("b", label="Measure", key="b")
>>> _ = G.add_edge("b", "a", type="ORIGINATED_IN")
>>> db = sqlite3.connect(":memory:")
>>> graph_to_sqlite(G, db)
>>> H = SqliteGraph(db)
>>> H.nodes["b"]["label"], [v for _, v, _ in H.out_edges("b", data=True)]
('Measure', ['a'])
>>> sorted(graph_from_sqlite(db).edges(keys=True)) == sorted(G.edges(keys=True))
True
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from pftz.ground.schema import KEY

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "APART",
    "SqliteGraph",
    "apart_types",
    "attach_apart",
    "graph_from_sqlite",
    "graph_to_sqlite",
    "has_graph",
    "is_graph",
    "out_edges_of",
]

_SCHEMA = """
CREATE TABLE graph_nodes (i INTEGER PRIMARY KEY, id TEXT NOT NULL, label TEXT, key TEXT, data TEXT NOT NULL);
CREATE TABLE graph_edges (i INTEGER PRIMARY KEY, u TEXT NOT NULL, v TEXT NOT NULL, k TEXT NOT NULL, type TEXT,
                          data TEXT NOT NULL);
CREATE TABLE graph_attrs (data TEXT NOT NULL);
CREATE TABLE graph_apart (type TEXT NOT NULL);
CREATE UNIQUE INDEX graph_nodes_id ON graph_nodes (id);
CREATE INDEX graph_nodes_label_key ON graph_nodes (label, key);
CREATE INDEX graph_edges_u ON graph_edges (u, type);
CREATE INDEX graph_edges_v ON graph_edges (v, type);
"""
_APART_SCHEMA = """
CREATE TABLE graph_edges (i INTEGER PRIMARY KEY, u TEXT NOT NULL, v TEXT NOT NULL, k TEXT NOT NULL, type TEXT,
                          data TEXT NOT NULL);
CREATE INDEX graph_edges_u ON graph_edges (u, type);
CREATE INDEX graph_edges_v ON graph_edges (v, type);
"""
APART = "apart"
"""The schema name under which the edges written apart are attached."""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def graph_to_sqlite(
    G: nx.MultiDiGraph,
    db: sqlite3.Connection,
    apart: sqlite3.Connection | None = None,
    apart_types: frozenset[str] = frozenset(),
) -> None:
    """Write a graph into a SQLite database (tables ``graph_nodes``, ``graph_edges``, ``graph_attrs``).

    Node ids must be strings (as :func:`ground.schema.node_id` makes them).

    Parameters
    ----------
    G
        The graph.
    db
        An open database without these tables.
    apart, apart_types
        The edges of these types go into ``apart`` (its own ``graph_edges``), numbered in the
        same sequence as the others, so that the two read together give the graph's order.

    Raises
    ------
    ValueError
        A node id that is not a string (it would not read back as itself).
    """
    bad = [n for n in G.nodes if not isinstance(n, str)][:1]
    if bad:
        msg = f"node id {bad[0]!r} is not a string; the graph cannot be stored in SQLite as it is"
        raise ValueError(msg)
    db.executescript(_SCHEMA)
    def edge_rows(kept: Callable[[Any], bool]) -> Iterator[tuple[Any, ...]]:
        # each pass dumps only the edges it keeps: the JSON of every edge is never held at once
        for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True), 1):
            if kept(d.get("type")):
                yield (i, str(u), str(v), _dumps(k), d.get("type"), _dumps(d))

    edges = edge_rows(lambda t: True)
    if apart is not None and apart_types:
        apart.executescript(_APART_SCHEMA)
        edges = edge_rows(lambda t: t not in apart_types)
        apart.executemany("INSERT INTO graph_edges VALUES (?, ?, ?, ?, ?, ?)", edge_rows(lambda t: t in apart_types))
        apart.commit()
        db.executemany("INSERT INTO graph_apart (type) VALUES (?)", ((t,) for t in sorted(apart_types)))
    db.executemany(
        "INSERT INTO graph_nodes (id, label, key, data) VALUES (?, ?, ?, ?)",
        (
            (str(n), d.get("label"), d.get(KEY) if isinstance(d.get(KEY), str) else None, _dumps(d))
            for n, d in G.nodes(data=True)
        ),
    )
    db.executemany("INSERT INTO graph_edges VALUES (?, ?, ?, ?, ?, ?)", edges)
    db.execute("INSERT INTO graph_attrs (data) VALUES (?)", (_dumps(G.graph),))
    db.commit()


def has_graph(db: sqlite3.Connection) -> bool:
    """Whether a database holds the tables :func:`graph_to_sqlite` writes."""
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {"graph_nodes", "graph_edges", "graph_attrs", "graph_apart"} <= names


def apart_types(db: sqlite3.Connection) -> frozenset[str]:
    """The edge types a database's graph keeps apart (:func:`graph_to_sqlite`)."""
    return frozenset(str(r[0]) for r in db.execute("SELECT type FROM graph_apart"))


def attach_apart(db: sqlite3.Connection, image: bytes | memoryview) -> None:
    """Attach the database image of the edges written apart, as the schema :data:`APART`."""
    db.execute(f"ATTACH DATABASE ':memory:' AS {APART}")
    db.deserialize(image, name=APART)


def _attached(db: sqlite3.Connection) -> bool:
    return any(r[1] == APART for r in db.execute("PRAGMA database_list"))


def _edges_sql(attached: bool, where: str = "") -> str:
    """The edges in the graph's order, those written apart too when they are attached."""
    # ``where`` is one of the two filters _edge_rows writes, its values parameters
    main = f"SELECT i, u, v, k, data FROM main.graph_edges {where}"  # noqa: S608
    if not attached:
        return f"{main} ORDER BY i"
    return f"{main} UNION ALL SELECT i, u, v, k, data FROM {APART}.graph_edges {where} ORDER BY i"  # noqa: S608


def graph_from_sqlite(db: sqlite3.Connection) -> nx.MultiDiGraph:
    """Read the whole graph written by :func:`graph_to_sqlite` into a ``networkx.MultiDiGraph``.

    The edges written apart are read when they are attached (:func:`attach_apart`).

    Raises
    ------
    ValueError
        A row whose data is not JSON or not an object (``json.JSONDecodeError`` is a ValueError).
    """
    import networkx as nx

    G = nx.MultiDiGraph()
    (attrs,) = db.execute("SELECT data FROM graph_attrs").fetchone()
    G.graph.update(_object(attrs))
    G.add_nodes_from((n, _object(d)) for n, d in db.execute("SELECT id, data FROM graph_nodes ORDER BY i"))
    for _, u, v, k, d in db.execute(_edges_sql(_attached(db))):
        G.add_edge(u, v, key=json.loads(k), **_object(d))
    return G


def _object(text: str) -> dict[str, Any]:
    value = json.loads(text)
    if not isinstance(value, dict):
        msg = "a row's data is not a JSON object"
        raise ValueError(msg)
    return value


class _NodeView:
    """``G.nodes``: ``G.nodes[n]``, ``n in G.nodes``, ``G.nodes(data=True)``, iteration, length."""

    def __init__(self, graph: SqliteGraph) -> None:
        self._g = graph

    def __getitem__(self, n: Any) -> dict[str, Any]:
        return self._g.node_data(n)

    def __contains__(self, n: Any) -> bool:
        return n in self._g

    def __iter__(self) -> Iterator[str]:
        return iter(self._g.node_ids())

    def __len__(self) -> int:
        return self._g.number_of_nodes()

    def __call__(self, data: bool = False) -> Iterator[Any]:
        if not data:
            return iter(self._g.node_ids())
        return iter(self._g.all_nodes())


class SqliteGraph:
    """A read-only graph over the tables :func:`graph_to_sqlite` writes, read row by row as asked.

    Parameters
    ----------
    db
        The open database (kept open while the graph is used).
    load_apart
        Attaches the edges written apart (:func:`attach_apart`); called once, when an edge of
        their types is first asked for. None: the database holds every edge.
    """

    def __init__(self, db: sqlite3.Connection, load_apart: Callable[[], None] | None = None) -> None:
        self.db = db
        self._load_apart = load_apart
        self._apart = apart_types(db) if load_apart is not None else frozenset()
        self._attached = _attached(db)
        self._nodes: dict[str, dict[str, Any]] = {}
        self._edges: dict[int, dict[str, Any]] = {}
        self._ids: list[str] | None = None
        self._n: int | None = None
        self._all = False
        self.nodes = _NodeView(self)
        self._graph: dict[str, Any] | None = None

    @property
    def graph(self) -> dict[str, Any]:
        """The graph's attributes."""
        if self._graph is None:
            (attrs,) = self.db.execute("SELECT data FROM graph_attrs").fetchone()
            self._graph = _object(attrs)
        return self._graph

    def node_data(self, n: Any) -> dict[str, Any]:
        """The data of node ``n`` (KeyError when there is none)."""
        found = self._nodes.get(n)
        if found is None:
            query = "SELECT data FROM graph_nodes WHERE id = ?"
            row = self.db.execute(query, (n,)).fetchone() if isinstance(n, str) else None
            if row is None:
                raise KeyError(n)
            found = self._nodes[n] = _object(row[0])
        return found

    def __contains__(self, n: Any) -> bool:
        if n in self._nodes:
            return True
        if not isinstance(n, str):
            return False
        return self.db.execute("SELECT 1 FROM graph_nodes WHERE id = ?", (n,)).fetchone() is not None

    def node_ids(self) -> list[str]:
        """Every node id, in the graph's order."""
        if self._ids is None:
            self._ids = [r[0] for r in self.db.execute("SELECT id FROM graph_nodes ORDER BY i")]
        return self._ids

    def all_nodes(self) -> list[tuple[str, dict[str, Any]]]:
        """Every node with its data, in the graph's order (reads them all once)."""
        if not self._all:
            for n, d in self.db.execute("SELECT id, data FROM graph_nodes ORDER BY i"):
                if n not in self._nodes:
                    self._nodes[n] = _object(d)
            self._all = True
        return [(n, self._nodes[n]) for n in self.node_ids()]

    def __iter__(self) -> Iterator[str]:
        return iter(self.node_ids())

    def __len__(self) -> int:
        return self.number_of_nodes()

    def number_of_nodes(self) -> int:
        """How many nodes."""
        if self._n is None:
            self._n = int(self.db.execute("SELECT count(*) FROM graph_nodes").fetchone()[0])
        return self._n

    def nodes_of(self, label: str) -> list[str]:
        """The nodes of a label, in the graph's order."""
        return [r[0] for r in self.db.execute("SELECT id FROM graph_nodes WHERE label = ? ORDER BY i", (label,))]

    def find(self, label: str, key: Any) -> str | None:
        """The first node (in the graph's order) of ``label`` whose ``key`` is the string ``key``, or None."""
        if not isinstance(key, str):
            return None
        row = self.db.execute(
            "SELECT id FROM graph_nodes WHERE label = ? AND key = ? ORDER BY i LIMIT 1", (label, key)
        ).fetchone()
        return None if row is None else str(row[0])

    def _edge_rows(self, end: str, n: Any, rel: str | None) -> list[tuple[Any, Any, dict[str, Any]]]:
        if not isinstance(n, str):
            return []
        if self._load_apart is not None and (rel is None or rel in self._apart):
            self._load_apart()
            self._load_apart = None
            self._attached = _attached(self.db)
        where = f"WHERE {end} = ?" + ("" if rel is None else " AND type = ?")
        params: tuple[Any, ...] = (n,) if rel is None else (n, rel)
        sql = _edges_sql(self._attached, where)
        if sql.count("?") > len(params):
            params = params * 2
        out = []
        for i, u, v, _, d in self.db.execute(sql, params):
            data = self._edges.get(i)
            if data is None:
                data = self._edges[i] = _object(d)
            out.append((u, v, data))
        return out

    def out_edges(self, n: Any, data: bool = False) -> list[Any]:
        """The edges out of ``n`` as ``(u, v)`` or ``(u, v, data)``, in the graph's order."""
        rows = self._edge_rows("u", n, None)
        return rows if data else [(u, v) for u, v, _ in rows]

    def in_edges(self, n: Any, data: bool = False) -> list[Any]:
        """The edges into ``n`` as ``(u, v)`` or ``(u, v, data)``, in the graph's order."""
        rows = self._edge_rows("v", n, None)
        return rows if data else [(u, v) for u, v, _ in rows]

    def typed_edges(self, end: str, n: Any, rel: str) -> list[tuple[Any, Any, dict[str, Any]]]:
        """The edges of type ``rel`` out of (``end="u"``) or into (``end="v"``) ``n``, with their data."""
        return self._edge_rows(end, n, rel)


def is_graph(backend: Any) -> bool:
    """Whether a backend is a graph in memory (NetworkX or :class:`SqliteGraph`), not a Neo4j driver.

    NetworkX is not imported to answer: an object made by it exists only once it is imported.
    """
    if isinstance(backend, SqliteGraph):
        return True
    import sys

    nx = sys.modules.get("networkx")
    return nx is not None and isinstance(backend, nx.Graph)


def out_edges_of(G: Any, n: Any, rel: str, end: str = "u") -> list[tuple[Any, Any, Any]]:
    """The edges of type ``rel`` out of ``n`` (``end="u"``) or into it (``end="v"``), with their data, in order.

    On a :class:`SqliteGraph` only those rows are read.
    """
    if isinstance(G, SqliteGraph):
        return G.typed_edges(end, n, rel)
    edges = G.out_edges(n, data=True) if end == "u" else G.in_edges(n, data=True)
    return [(u, v, d) for u, v, d in edges if d.get("type") == rel]
