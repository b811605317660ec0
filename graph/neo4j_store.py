"""Load the policy graph into Neo4j and read it back.

The NetworkX graph (a :class:`networkx.MultiDiGraph` whose node ids are
:func:`ground.schema.node_id`) maps onto Neo4j as follows:

* a node becomes a node with its schema label and a unique ``key``
  (:func:`ensure_schema` creates the constraints); its scalar attributes become
  properties;
* an edge becomes a relationship of its ``type``, carrying ``eid`` = the edge's
  MultiDiGraph key (``"ADOPTED"`` or ``"DIFFUSED_TO|measure-key"``), so parallel
  edges stay distinct and a reload merges into the same relationship;
* ``provenance`` (a list of dicts) is stored as a list of JSON strings with
  sorted keys, which a load merges as a set union: loading a second graph adds
  its evidence to the shared nodes instead of replacing it.

Loads are idempotent: ``MERGE`` on the key (and on ``eid``), ``SET +=`` for the
properties. A first load into a database without the project's nodes uses
``CREATE`` instead (see :func:`graph_to_neo4j`), with the same result. Labels
and relationship types enter query text only after validation against
:class:`ground.schema.Label` and :class:`ground.schema.Rel`, or are sent as
parameters (Cypher dynamic labels) after the same validation; every value is
a query parameter.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Literal

import neo4j
import networkx as nx
from neo4j import exceptions as neo4j_exc

from pftz.graph.neo4j_connect import DEFAULT_DATABASE, DEFAULT_URI, DEFAULT_USER, _Connection, connect
from pftz.graph.neo4j_schema import (
    FULLTEXT_INDEX,
    _constraint_statements,
    _index_statements,
    _label,
    _rel,
    _run_schema,
    ensure_schema,
    holds_project_nodes,
)
from pftz.ground.errors import GraphValidationError, Neo4jError
from pftz.ground.schema import KEY, PROVENANCE, SEARCH_INDEX, Label, Rel, node_id, split_node_id

__all__ = [
    "DEFAULT_DATABASE",
    "DEFAULT_URI",
    "DEFAULT_USER",
    "FULLTEXT_INDEX",
    "clear_database",
    "connect",
    "count_database",
    "ensure_schema",
    "graph_from_neo4j",
    "graph_to_neo4j",
    "holds_project_nodes",
]

EID = "eid"
"""Relationship property holding the MultiDiGraph edge key."""

LoadMode = Literal["auto", "create", "merge"]
"""How :func:`graph_to_neo4j` writes nodes: see its ``mode`` parameter."""

Progress = Callable[[int, int], None]
"""A callback called as ``progress(done, total)`` after each batch."""

_SCALARS = (str, int, float, bool)
_NOT_PROPERTIES = frozenset({"label", KEY, PROVENANCE})
_NOT_EDGE_PROPERTIES = frozenset({"type", EID, PROVENANCE})


# --------------------------------------------------------------------------- writing


_ENCODE = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode
"""``json.dumps`` with these options, without building an encoder per entry (the same text)."""


def _prov_json(entries: object, memo: dict[int, tuple[object, str]] | None = None) -> list[str]:
    """Encode provenance entries as unique JSON strings with sorted keys, in first-seen order.

    ``memo`` keeps each entry object's text (and the object, so its id stays its own): a graph's
    nodes and edges share their evidence dicts, each encoded once per load.
    """
    if entries is None:
        return []
    if not isinstance(entries, list | tuple):
        entries = [entries]
    if memo is None:
        return list(dict.fromkeys(map(_ENCODE, entries)))
    texts = []
    for e in entries:
        hit = memo.get(id(e))
        if hit is None:
            hit = memo[id(e)] = (e, _ENCODE(e))
        texts.append(hit[1])
    return list(dict.fromkeys(texts))


def _props(data: Mapping[str, Any], skip: frozenset[str], where: str, problems: list[str]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for name, value in data.items():
        if name in skip or value is None:
            continue
        if isinstance(value, _SCALARS):
            props[name] = value
        elif isinstance(value, list | tuple) and all(isinstance(v, _SCALARS) for v in value):
            props[name] = list(value)
        else:
            problems.append(f"{where}: property {name!r} holds a {type(value).__name__}, not a scalar")
    return props


def _node_rows(
    G: nx.MultiDiGraph, problems: list[str]
) -> tuple[dict[Label, list[dict[str, Any]]], dict[Any, tuple[Label, str]]]:
    rows: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    ends: dict[Any, tuple[Label, str]] = {}
    seen: dict[tuple[Label, str], Any] = {}
    memo: dict[int, tuple[object, str]] = {}
    for nid, data in G.nodes(data=True):
        try:
            label = Label(data["label"]) if "label" in data else split_node_id(str(nid))[0]
        except ValueError:
            problems.append(f"node {nid!r}: label {data.get('label')!r} is not a schema label")
            continue
        key = data.get(KEY)
        if key is None:
            key = split_node_id(str(nid))[1]
        if not isinstance(key, str) or not key:
            problems.append(f"node {nid!r}: key {key!r} is not a non-empty string")
            continue
        if (label, key) in seen:
            problems.append(f"node {nid!r}: same label and key as node {seen[label, key]!r}")
            continue
        seen[label, key] = nid
        ends[nid] = (label, key)
        props = _props(data, _NOT_PROPERTIES, f"node {nid!r}", problems)
        rows[label].append({"key": key, "props": props, "prov": _prov_json(data.get(PROVENANCE), memo)})
    return rows, ends


def _edge_rows(
    G: nx.MultiDiGraph, ends: Mapping[Any, tuple[Label, str]], problems: list[str]
) -> dict[tuple[Rel, Label, Label], list[dict[str, Any]]]:
    rows: dict[tuple[Rel, Label, Label], list[dict[str, Any]]] = defaultdict(list)
    memo: dict[int, tuple[object, str]] = {}
    for u, v, k, data in G.edges(keys=True, data=True):
        where = f"edge {u!r} -> {v!r} [{k!r}]"
        if u not in ends or v not in ends:
            continue  # the node's own problem is already listed
        try:
            rel = Rel(data.get("type") or str(k).split("|", 1)[0])
        except ValueError:
            problems.append(f"{where}: type {data.get('type')!r} is not a schema relationship type")
            continue
        props = _props(data, _NOT_EDGE_PROPERTIES, where, problems)
        (su, ku), (sv, kv) = ends[u], ends[v]
        prov = _prov_json(data.get(PROVENANCE), memo)
        rows[rel, su, sv].append({"start": ku, "end": kv, "eid": str(k), "props": props, "prov": prov})
    return rows


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield list(rows[i : i + size])


# The right-hand side reads the property it sets, so Cypher takes the write lock
# before reading: concurrent loads cannot lose each other's provenance.
_MERGE_PROVENANCE = (
    "SET x.provenance = coalesce(x.provenance, []) "
    "+ [p IN row.prov WHERE NOT p IN coalesce(x.provenance, [])]"
)


def node_merge_query(label: Label | str) -> str:
    """Return the batched ``UNWIND ... MERGE`` query that loads nodes of ``label``.

    It returns each row's ``key`` and the node's ``id`` (element id), by which
    the relationships are then attached.
    """
    return (
        f"UNWIND $rows AS row MERGE (x:{_label(label)} {{{KEY}: row.key}}) "
        f"SET x += row.props {_MERGE_PROVENANCE} RETURN row.key AS key, elementId(x) AS id"
    )


def edge_merge_query(rel: Rel | str, start: Label | str, end: Label | str) -> str:
    """Return the batched ``UNWIND ... MERGE`` query that loads ``(start)-[rel]->(end)`` edges by key."""
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{_label(start)} {{{KEY}: row.start}}) MATCH (b:{_label(end)} {{{KEY}: row.end}}) "
        f"MERGE (a)-[x:{_rel(rel)} {{{EID}: row.eid}}]->(b) "
        f"SET x += row.props {_MERGE_PROVENANCE} RETURN count(*) AS n"
    )


def edge_merge_by_id_query(rel: Rel | str) -> str:
    """Return the batched query that merges ``rel`` edges between nodes found by element id.

    The rows carry the end nodes' element ids (``row.a``, ``row.b``) that the
    node queries of the same load returned: a look-up by id, cheaper than one
    through the key index.
    """
    return (
        "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b "
        f"MERGE (a)-[x:{_rel(rel)} {{{EID}: row.eid}}]->(b) "
        f"SET x += row.props {_MERGE_PROVENANCE} RETURN count(*) AS n"
    )


def _is_duplicate_key(e: Neo4jError) -> bool:
    cause = e.__cause__
    return isinstance(cause, neo4j_exc.ConstraintError) or "ConstraintValidationFailed" in str(e)


def node_create_query(label: Label | str | None = None) -> str:
    """Return the batched ``UNWIND ... CREATE`` query of a first load (see :func:`graph_to_neo4j`).

    With ``label=None`` the label comes from each row (``row.label``, a schema
    label checked before it is sent) as a Cypher dynamic label (Neo4j 5.26 and
    later), so that one query, planned once, creates the nodes of every label.
    """
    lab = _label(label) if label is not None else "$(row.label)"
    return (
        f"UNWIND $rows AS row CREATE (x:{lab} {{{KEY}: row.key}}) "
        f"SET x += row.props, x.{PROVENANCE} = row.prov "
        "RETURN row.label AS label, row.key AS key, elementId(x) AS id"
    )


def edge_create_query(rel: Rel | str | None = None) -> str:
    """Return the batched query of a first load that creates relationships, grouped by start node.

    Each row of ``$groups`` holds a start node's element id (``g.a``), the
    group's index in the batch (``g.i``) and all the node's outgoing
    relationships (``g.rels``: end node id ``b``, ``type``, ``eid``, ``props``,
    ``prov``). The query write-locks the start node first (``SET a.key =
    a.key``), creates the relationships only if the node has none going out
    yet, and returns the indexes of the groups it created. A group it skips
    met a concurrent load that got there first, and the caller merges that
    group instead. Every load that adds a relationship locks its start node,
    so the check and the creation cannot interleave with another load's: no
    relationship is doubled.

    With ``rel=None`` the type comes from each row as a dynamic type (Neo4j
    5.26 and later); otherwise every relationship has type ``rel``, and a group
    holds the node's outgoing relationships of that type (checked by type).
    """
    typ = _rel(rel) if rel is not None else "$(row.type)"
    out = f"(a)-[:{_rel(rel)}]->()" if rel is not None else "(a)-->()"
    return (
        "UNWIND $groups AS g MATCH (a) WHERE elementId(a) = g.a "
        f"SET a.{KEY} = a.{KEY} "
        f"WITH a, g WHERE NOT EXISTS {{ {out} }} "
        "UNWIND g.rels AS row MATCH (b) WHERE elementId(b) = row.b "
        f"CREATE (a)-[x:{typ} {{{EID}: row.eid}}]->(b) SET x += row.props, x.{PROVENANCE} = row.prov "
        "RETURN g.i AS i, count(*) AS n"
    )


def _supports_dynamic_labels(driver: neo4j.Driver) -> bool:
    """Whether the server takes Cypher's dynamic labels and types (``:$(expr)``): Neo4j 5.26 and later."""
    try:
        agent = driver.get_server_info().agent  # "Neo4j/5.26.30", "Neo4j/2025.10.1"
    except Exception:  # no answer here means: use the queries every version takes
        return False
    match = re.fullmatch(r"Neo4j/(\d+)\.(\d+).*", agent or "")
    return match is not None and (int(match[1]), int(match[2])) >= (5, 26)


def _element_order(element_id: str) -> tuple[int, str]:
    """Sort key of an element id (``"4:<database>:1234"``): by its number, so that pages are read in order."""
    head, _, tail = element_id.rpartition(":")
    return (int(tail), head) if tail.isdigit() else (-1, element_id)


def _missing_ends(rel: str, missing: int) -> Neo4jError:
    return Neo4jError(
        f"{missing} {rel} relationships found no end node in the database (was it cleared during the load?)"
    )


def _create_nodes(
    conn: _Connection,
    node_rows: Mapping[Label, list[dict[str, Any]]],
    batch_size: int,
    dynamic: bool,
    ids: dict[tuple[str, str], str],
    tick: Callable[[int], None],
    strict: bool,
) -> list[tuple[Label, list[dict[str, Any]]]]:
    """CREATE the nodes of a first load; return the batches a duplicate key refused (to merge them).

    The first refused batch means another load is filling the database: every
    batch after it is returned unsent as well. With ``strict`` the duplicate
    key's error is raised instead.
    """
    refused: list[tuple[Label | None, list[dict[str, Any]]]] = []
    if dynamic:
        rows = [{**row, "label": label.value} for label in sorted(node_rows) for row in node_rows[label]]
        work: list[tuple[Label | None, list[dict[str, Any]]]] = [(None, b) for b in _batches(rows, batch_size)]
    else:
        work = [(label, b) for label in sorted(node_rows) for b in _batches(node_rows[label], batch_size)]
    for label, batch in work:
        if refused:
            refused.append((label, batch))
            continue
        try:
            records = conn.write(node_create_query(label), "creating nodes", rows=batch)
        except Neo4jError as e:
            if strict or not _is_duplicate_key(e):
                raise
            refused.append((label, batch))
            continue
        name = label.value if label is not None else None
        ids.update(((name or r["label"], r["key"]), r["id"]) for r in records)
        tick(len(batch))
    # A dynamic batch may mix labels: split it by label for the MERGE query.
    out: list[tuple[Label, list[dict[str, Any]]]] = []
    for label, batch in refused:
        by_label: dict[Label, list[dict[str, Any]]] = defaultdict(list)
        for row in batch:
            by_label[label or Label(row["label"])].append(row)
        out += sorted(by_label.items())
    return out


def _create_edges(
    conn: _Connection,
    rows: Sequence[dict[str, Any]],
    batch_size: int,
    dynamic: bool,
    tick: Callable[[int], None],
) -> list[dict[str, Any]]:
    """CREATE the relationships of a first load, grouped by start node; return the rows to merge instead."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["a"]].append(row)
    ordered = sorted(groups, key=_element_order)
    if dynamic:
        work: list[tuple[Rel | None, list[tuple[str, list[dict[str, Any]]]]]] = [
            (None, [(a, groups[a]) for a in ordered])
        ]
    else:
        by_rel: dict[Rel, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for a in ordered:
            for row in groups[a]:
                by_rel[Rel(row["type"])][a].append(row)
        work = [(rel, list(by_rel[rel].items())) for rel in sorted(by_rel)]
    to_merge: list[dict[str, Any]] = []
    for rel, all_groups in work:
        query = edge_create_query(rel)
        # Batches of whole groups, about batch_size relationships each: a start node's edges in one transaction.
        batch: list[dict[str, Any]] = []
        size = 0
        for k, (a, rels) in enumerate(all_groups):
            ordered_rels = sorted(rels, key=lambda r: (_element_order(r["b"]), r["eid"]))
            batch.append({"a": a, "i": len(batch), "rels": ordered_rels})
            size += len(rels)
            if size < batch_size and k + 1 < len(all_groups):
                continue
            records = conn.write(query, "creating relationships", groups=batch)
            created = {r["i"]: r["n"] for r in records}
            for j, sent in enumerate(batch):
                if j not in created:
                    to_merge += sent["rels"]  # another load added edges from this node first: merge them
                elif created[j] != len(sent["rels"]):
                    raise _missing_ends(rel.value if rel else "", len(sent["rels"]) - created[j])
            tick(size - sum(len(sent["rels"]) for j, sent in enumerate(batch) if j not in created))
            batch, size = [], 0
    return to_merge


def _merge_edges(
    conn: _Connection, rows: Sequence[dict[str, Any]], batch_size: int, tick: Callable[[int], None]
) -> None:
    """MERGE relationships type by type, sorted by their end nodes, between nodes found by element id."""
    by_rel: dict[Rel, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_rel[Rel(row["type"])].append(row)
    for rel in sorted(by_rel):
        ordered = sorted(by_rel[rel], key=lambda r: (_element_order(r["a"]), _element_order(r["b"]), r["eid"]))
        query = edge_merge_by_id_query(rel)
        for batch in _batches(ordered, batch_size):
            records = conn.write(query, f"loading {rel} relationships", rows=batch)
            merged = records[0]["n"] if records else 0
            if merged != len(batch):
                raise _missing_ends(rel.value, len(batch) - merged)
            tick(len(batch))


def _schema_state(conn: _Connection) -> dict[str, str]:
    """The database's indexes by name and state, the constraints' (by constraint name) included.

    One read that spares a load the schema commands it does not need; empty
    when the user may not list indexes (the ``IF NOT EXISTS`` commands decide).
    """
    try:
        records = conn.read(
            "SHOW INDEXES YIELD name, state, owningConstraint RETURN coalesce(owningConstraint, name) AS name, state",
            "reading the schema",
        )
    except Neo4jError:
        return {}
    return {r["name"]: r["state"] for r in records}


def graph_to_neo4j(
    G: nx.MultiDiGraph,
    driver: neo4j.Driver | None = None,
    *,
    database: str | None = None,
    batch_size: int = 5000,
    progress: Progress | None = None,
    mode: LoadMode = "auto",
    created: dict[str, int] | None = None,
) -> dict[str, int]:
    """Load a policy graph into Neo4j, merging into what is already there.

    Creates the missing key constraints first, then sends the nodes and the
    edges in ``UNWIND`` batches of about ``batch_size`` rows, each batch one
    managed transaction that the driver retries on transient errors (deadlocks
    between concurrent loads included), and creates the full-text index last
    when missing, then waits until it is online. Loading the same graph twice
    changes nothing; loading another graph adds its nodes and edges, updates
    shared properties and adds its provenance to the shared nodes' and edges'
    provenance.

    A *first load* (the database holds none of the schema's labels) creates
    nodes and relationships with ``CREATE`` instead of ``MERGE``: nothing can
    match, so the look-ups are skipped. On Neo4j 5.26 and later the label or
    type is a query parameter (a dynamic label), so one query planned once
    serves every label. The key constraints still guard the nodes: should
    another load fill the database at the same time, the duplicate key fails
    that batch, and the load merges from there on. Relationships are created
    per start node, after locking it, only when it has no outgoing
    relationship yet (else merged), so a concurrent load cannot double them.
    An incremental load merges nodes by key and relationships between nodes
    found by element id, one query per label and type. The result is the
    same graph in every mode.

    Parameters
    ----------
    G
        The graph: node attributes ``label``, ``key``, scalar properties and
        ``provenance`` (a list of dicts); edge attributes ``type``, scalar
        properties and ``provenance``; edge keys are the relationship ids.
    driver
        An open driver; by default one is opened with :func:`connect` from the
        environment and closed at the end.
    database
        The database; defaults to ``NEO4J_DATABASE`` or ``neo4j``.
    batch_size
        Rows per transaction (a first load keeps a start node's relationships
        in one transaction, so a batch may run over by one node's edges).
    progress
        Called as ``progress(done, total)`` after every batch, counting rows
        (nodes plus edges).
    mode
        ``"auto"`` (a first load when the database holds no project node),
        ``"create"`` (always create; a key already in the database is an
        error) or ``"merge"`` (always merge).
    created
        If given, filled with how many ``"nodes"`` and ``"relationships"``
        the load created (the server's counters); the other rows matched
        what was there already (so a second load of a graph creates 0).

    Returns
    -------
    dict
        Rows loaded: ``"nodes"``, ``"relationships"``, and one entry per label
        (``"Zone"``) and per relationship type (``"ADOPTED"``).

    Raises
    ------
    GraphValidationError
        A node has no schema label or key, an edge no schema type, or a
        property is not a scalar; nothing is written then.
    Neo4jError
        The server failed or went away; batches already committed stay, and
        running the load again completes it.
    """
    if batch_size < 1:
        msg = f"batch_size must be at least 1, not {batch_size}"
        raise ValueError(msg)
    if mode not in ("auto", "create", "merge"):
        msg = f"mode must be 'auto', 'create' or 'merge', not {mode!r}"
        raise ValueError(msg)
    problems: list[str] = []
    node_rows, ends = _node_rows(G, problems)
    edge_rows = _edge_rows(G, ends, problems)
    if problems:
        raise GraphValidationError(problems)

    counts: dict[str, int] = {"nodes": 0, "relationships": 0}
    for label in sorted(node_rows):
        counts[label.value] = len(node_rows[label])
        counts["nodes"] += len(node_rows[label])
    per_rel: dict[Rel, int] = defaultdict(int)
    for (rel, _, _), rows in edge_rows.items():
        per_rel[rel] += len(rows)
    for rel in sorted(per_rel):
        counts[rel.value] = per_rel[rel]
        counts["relationships"] += per_rel[rel]
    total = counts["nodes"] + counts["relationships"]
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        if progress:
            progress(done[0], total)

    ids: dict[tuple[str, str], str] = {}
    with _Connection(driver, database) as conn:
        # The key constraints come first in either mode: they are what makes a duplicate key
        # (a concurrent first load, a bad input) fail instead of doubling a node.
        schema = _schema_state(conn)
        _run_schema(
            conn,
            [
                statement
                for label, statement in zip(Label, _constraint_statements(), strict=True)
                if f"{label.value.lower()}_key" not in schema
            ],
        )
        first = mode == "create" or (mode == "auto" and not holds_project_nodes(conn.driver, conn.database))
        dynamic = first and _supports_dynamic_labels(conn.driver)
        if first:
            to_merge = _create_nodes(conn, node_rows, batch_size, dynamic, ids, tick, strict=mode == "create")
        else:
            to_merge = [(label, b) for label in sorted(node_rows) for b in _batches(node_rows[label], batch_size)]
        for label, batch in to_merge:
            records = conn.write(node_merge_query(label), f"loading {label} nodes", rows=batch)
            ids.update(((label.value, r["key"]), r["id"]) for r in records)
            tick(len(batch))
        edges: list[dict[str, Any]] = []
        for (rel, start, end), rows in sorted(edge_rows.items()):
            for r in rows:  # the rows become the query's rows: end nodes by element id (no copy)
                r["type"], r["a"], r["b"] = rel.value, ids[start.value, r.pop("start")], ids[end.value, r.pop("end")]
            edges += rows
        if first and not to_merge:
            # Only a load that created every node itself creates relationships (else it raced another load).
            edges = _create_edges(conn, edges, batch_size, dynamic, tick)
        _merge_edges(conn, edges, batch_size, tick)
        # The full-text index last, as neo4j-admin import builds its indexes: filled once, not per batch.
        missing = [q for name, q in zip((FULLTEXT_INDEX, SEARCH_INDEX), _index_statements(), strict=True)
                   if name not in schema]  # fmt: skip
        if missing:
            _run_schema(conn, missing)
        if schema.get(FULLTEXT_INDEX) != "ONLINE" or schema.get(SEARCH_INDEX) != "ONLINE":
            conn.write("CALL db.awaitIndexes(300)", "waiting for the indexes to come online")
        if created is not None:
            created.update(conn.created)
    return counts


# --------------------------------------------------------------------------- reading


def _decode_prov(value: object) -> list[Any]:
    if not value:
        return []
    if isinstance(value, str):
        return [json.loads(value)]
    if isinstance(value, list):
        return [json.loads(p) for p in value]
    msg = f"provenance property holds a {type(value).__name__}, not JSON strings"
    raise Neo4jError(msg)


def graph_from_neo4j(driver: neo4j.Driver | None = None, *, database: str | None = None) -> nx.MultiDiGraph:
    """Read the policy graph back from Neo4j.

    Nodes without a schema label are left out, as are relationships touching
    them. A node or relationship stored without provenance reads back with an
    empty list.

    Parameters
    ----------
    driver
        An open driver; by default one is opened with :func:`connect` and closed.
    database
        The database; defaults to ``NEO4J_DATABASE`` or ``neo4j``.

    Returns
    -------
    networkx.MultiDiGraph
        Node ids :func:`ground.schema.node_id`, attributes as
        :func:`graph_to_neo4j` takes them.

    Raises
    ------
    Neo4jError
        The server failed or cannot be reached.
    """
    labels = [label.value for label in Label]
    G = nx.MultiDiGraph()
    with _Connection(driver, database) as conn:
        G.graph["database"] = conn.database
        nodes = conn.read(
            "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) "
            "RETURN [l IN labels(n) WHERE l IN $labels][0] AS label, properties(n) AS props",
            "reading nodes",
            labels=labels,
        )
        for record in nodes:
            props = dict(record["props"])
            if KEY not in props:
                continue
            prov = _decode_prov(props.pop(PROVENANCE, None))
            G.add_node(node_id(record["label"], props[KEY]), label=record["label"], **props, provenance=prov)
        edges = conn.read(
            "MATCH (a)-[r]->(b) WHERE a.key IS NOT NULL AND b.key IS NOT NULL "
            "WITH a, r, b, [l IN labels(a) WHERE l IN $labels][0] AS la, "
            "[l IN labels(b) WHERE l IN $labels][0] AS lb "
            "WHERE la IS NOT NULL AND lb IS NOT NULL AND type(r) IN $types "
            "RETURN la, a.key AS ka, type(r) AS type, properties(r) AS props, lb, b.key AS kb",
            "reading relationships",
            labels=labels,
            types=[rel.value for rel in Rel],
        )
        for record in edges:
            props = dict(record["props"])
            eid = props.pop(EID, None) or record["type"]
            prov = _decode_prov(props.pop(PROVENANCE, None))
            G.add_edge(
                node_id(record["la"], record["ka"]),
                node_id(record["lb"], record["kb"]),
                key=eid,
                type=record["type"],
                **props,
                provenance=prov,
            )
    return G


# --------------------------------------------------------------------------- helpers


def count_database(driver: neo4j.Driver, database: str | None = None) -> dict[str, int]:
    """Count what the database holds.

    Returns
    -------
    dict
        ``"nodes"``, ``"relationships"``, and one entry per schema label and
        relationship type present.
    """
    conn = _Connection(driver, database)
    counts: dict[str, int] = {"nodes": 0, "relationships": 0}
    for label in Label:
        n = conn.read(f"MATCH (n:{_label(label)}) RETURN count(n) AS n", "counting")[0]["n"]
        if n:
            counts[label.value] = n
    counts["nodes"] = conn.read("MATCH (n) RETURN count(n) AS n", "counting")[0]["n"]
    for record in conn.read("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS n", "counting"):
        counts[record["t"]] = record["n"]
        counts["relationships"] += record["n"]
    return counts


def clear_database(driver: neo4j.Driver, database: str | None = None, *, batch_size: int = 10_000) -> int:
    """Delete every node and relationship, in batches; keep constraints and indexes.

    Returns
    -------
    int
        The number of nodes deleted.
    """
    conn = _Connection(driver, database)
    deleted = 0
    while True:
        records = conn.write(
            "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n",
            "clearing the database",
            limit=batch_size,
        )
        n = records[0]["n"] if records else 0
        deleted += n
        if n < batch_size:
            return deleted

