"""pftz.graph.neo4j_store against the real Neo4j server (``tools/neo4j/neo4j.sh start``)."""

from __future__ import annotations

import json
import threading
from typing import Any

import neo4j
import networkx as nx
import pytest

from pftz.graph import neo4j_connect, neo4j_schema, neo4j_store
from pftz.graph.neo4j_connect import connect
from pftz.graph.neo4j_schema import FULLTEXT_INDEX, ensure_schema, holds_project_nodes
from pftz.graph.neo4j_store import count_database, graph_from_neo4j, graph_to_neo4j
from pftz.ground.errors import GraphValidationError, Neo4jError
from pftz.ground.schema import PROVENANCE, Label, Rel, node_id
from tests.neo4j_fixtures import SpareNeo4j, free_port
from tests.synthetic import canonical, evidence, synthetic_graph

pytestmark = pytest.mark.neo4j

Conn = tuple[neo4j.Driver, str]


def as_json(entry: dict[str, Any]) -> str:
    return json.dumps(entry, sort_keys=True)


def expected_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    counts = {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}
    for _, label in G.nodes(data="label"):
        counts[label] = counts.get(label, 0) + 1
    for *_, rel in G.edges(data="type"):
        counts[rel] = counts.get(rel, 0) + 1
    return counts


def union(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list(old) + [p for p in new if p not in old]


def merged(A: nx.MultiDiGraph, B: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What loading ``A`` then ``B`` must give: B's properties win, provenance is a union."""
    G = nx.MultiDiGraph()
    for H in (A, B):
        for n, d in H.nodes(data=True):
            old = G.nodes[n] if n in G else {}
            G.add_node(n, **{**old, **d, PROVENANCE: union(old.get(PROVENANCE, []), d[PROVENANCE])})
        for u, v, k, d in H.edges(keys=True, data=True):
            old = G.edges[u, v, k] if G.has_edge(u, v, k) else {}
            G.add_edge(u, v, key=k, **{**old, **d, PROVENANCE: union(old.get(PROVENANCE, []), d[PROVENANCE])})
    return G


def two_graphs() -> tuple[nx.MultiDiGraph, nx.MultiDiGraph]:
    A = synthetic_graph(60, 6, source="report-a.txt", measure_prefix="a", seed=1)
    B = synthetic_graph(50, 6, source="report-b.txt", measure_prefix="b", seed=2)
    return A, B


# --------------------------------------------------------------------------- loading


def test_round_trip_keeps_nodes_edges_properties_and_provenance(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    G = synthetic_graph()
    counts = graph_to_neo4j(G, driver, database=db)
    assert counts == expected_counts(G)
    H = graph_from_neo4j(driver, database=db)
    assert canonical(H) == canonical(G)
    zone = H.nodes[node_id(Label.ZONE, "zone-0")]
    assert isinstance(zone["lat"], float)
    assert len(zone[PROVENANCE]) == 2
    assert zone[PROVENANCE][0]["source"] == "synthetic-a.txt"
    measure = H.nodes[node_id(Label.MEASURE, "m-0")]
    assert isinstance(measure["year"], int)
    diffused = [d for *_, d in H.edges(data=True) if d["type"] == Rel.DIFFUSED_TO]
    assert len(diffused) == 40
    assert all(d["derived"] is True for d in diffused)


@pytest.mark.parametrize("mode", ["auto", "create", "merge"])
def test_first_load_gives_the_same_graph_in_every_mode(neo4j_db: Conn, mode: str) -> None:
    driver, db = neo4j_db
    A, B = two_graphs()
    assert not holds_project_nodes(driver, db)
    graph_to_neo4j(A, driver, database=db, mode=mode, batch_size=7)  # type: ignore[arg-type]
    assert holds_project_nodes(driver, db)
    assert canonical(graph_from_neo4j(driver, database=db)) == canonical(A)
    # The next load merges (auto), and the full-text index holds the first load's measures.
    graph_to_neo4j(B, driver, database=db)
    want = merged(A, B)
    assert count_database(driver, db) == expected_counts(want)
    assert canonical(graph_from_neo4j(driver, database=db)) == canonical(want)
    records, _, _ = driver.execute_query(
        f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $q) YIELD node RETURN count(node) AS n",
        {"q": "*"},
        database_=db,
    )
    assert records[0]["n"] > 0


def test_create_mode_fails_loudly_on_a_key_the_database_holds(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    A = synthetic_graph(20, 3)
    one = A.subgraph([node_id(Label.ZONE, "zone-0")]).copy()
    graph_to_neo4j(one, driver, database=db)
    with pytest.raises(Neo4jError, match=r"ConstraintValidationFailed|already exists"):
        graph_to_neo4j(A, driver, database=db, mode="create")
    # auto sees the node and merges: no duplicate, the whole graph.
    graph_to_neo4j(A, driver, database=db)
    assert count_database(driver, db) == expected_counts(A)


def test_a_first_load_racing_another_falls_back_to_merge(neo4j_db: Conn, monkeypatch: pytest.MonkeyPatch) -> None:
    driver, db = neo4j_db
    G = synthetic_graph(120, 6)
    # The race made deterministic: another load wrote a third of the graph after this one found the
    # database empty. Its CREATE meets the key constraint, and it must go on with MERGE.
    graph_to_neo4j(G.subgraph(list(G.nodes)[: len(G) // 3]).copy(), driver, database=db)
    monkeypatch.setattr("pftz.graph.neo4j_store.holds_project_nodes", lambda *a, **k: False)
    graph_to_neo4j(G, driver, database=db, batch_size=10)
    assert count_database(driver, db) == expected_counts(G)
    assert canonical(graph_from_neo4j(driver, database=db)) == canonical(G)


def test_a_first_load_merges_the_edges_of_a_node_another_load_gave_edges_first(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    G = synthetic_graph(80, 6)
    # The race of the relationship phase made deterministic: this load created every node, but another
    # load merged some of the same edges (and its own provenance) before this one reached them.
    nodes_only = G.copy()
    nodes_only.remove_edges_from(list(G.edges(keys=True)))
    graph_to_neo4j(nodes_only, driver, database=db)
    early = [(u, v, k) for u, v, k in G.edges(keys=True) if str(u).endswith(("m-1", "m-2", "m-3"))]
    assert early
    other = G.edge_subgraph(early).copy()
    for *_, d in other.edges(data=True):
        d[PROVENANCE] = [*d[PROVENANCE], evidence("report-b.txt", 7, "another report says so")]
    graph_to_neo4j(other, driver, database=db, mode="merge")
    # Now this load's relationship phase, as a first load runs it.
    conn = neo4j_connect._Connection(driver, db)
    problems: list[str] = []
    _, ends = neo4j_store._node_rows(G, problems)
    key_to_id = {
        (r["label"], r["key"]): r["id"]
        for r in driver.execute_query(
            "MATCH (n) RETURN labels(n)[0] AS label, n.key AS key, elementId(n) AS id", database_=db
        ).records
    }
    edges = [
        {"type": rel.value, "a": key_to_id[s.value, r["start"]], "b": key_to_id[e.value, r["end"]], "eid": r["eid"],
         "props": r["props"], "prov": r["prov"]}
        for (rel, s, e), rs in neo4j_store._edge_rows(G, ends, problems).items() for r in rs
    ]  # fmt: skip
    left = neo4j_store._create_edges(conn, edges, 7, dynamic=True, tick=lambda n: None)
    assert sorted(r["eid"] for r in left) == sorted(str(k) for *_, k in early)  # skipped, not doubled
    neo4j_store._merge_edges(conn, left, 7, tick=lambda n: None)
    assert count_database(driver, db) == expected_counts(G)
    assert canonical(graph_from_neo4j(driver, database=db)) == canonical(merged(G, other))


@pytest.mark.parametrize("dynamic", [True, False])
def test_a_first_load_is_the_same_with_and_without_dynamic_labels(
    neo4j_db: Conn, monkeypatch: pytest.MonkeyPatch, dynamic: bool
) -> None:
    driver, db = neo4j_db
    # Servers before 5.26 take no dynamic labels: the first load then runs one query per label and type.
    monkeypatch.setattr("pftz.graph.neo4j_store._supports_dynamic_labels", lambda driver: dynamic)
    merge_edges = neo4j_store._merge_edges
    merged_rows: list[int] = []

    def spy(conn: Any, rows: list[dict[str, Any]], *args: Any, **kwargs: Any) -> None:
        merged_rows.append(len(rows))
        merge_edges(conn, rows, *args, **kwargs)

    monkeypatch.setattr("pftz.graph.neo4j_store._merge_edges", spy)
    G = synthetic_graph(90, 6)
    created: dict[str, int] = {}
    graph_to_neo4j(G, driver, database=db, batch_size=11, created=created)
    assert created == {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}
    assert merged_rows == [0]  # every relationship created, none left to MERGE
    assert canonical(graph_from_neo4j(driver, database=db)) == canonical(G)


def test_parallel_edges_with_different_keys_stay_distinct(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    G = nx.MultiDiGraph()
    a, b = node_id(Label.ZONE, "a"), node_id(Label.ZONE, "b")
    for n in (a, b):
        G.add_node(n, label="Zone", key=n[5:], name=n, kind="PFTZ", provenance=[evidence("x", 1, n)])
    for m in ("m1", "m2", "m3"):
        G.add_edge(a, b, key=f"DIFFUSED_TO|{m}", type="DIFFUSED_TO", measure=m, provenance=[])
    graph_to_neo4j(G, driver, database=db)
    graph_to_neo4j(G, driver, database=db)
    assert count_database(driver, db)["DIFFUSED_TO"] == 3
    assert canonical(graph_from_neo4j(driver, database=db)) == canonical(G)


def test_reload_is_idempotent(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    G = synthetic_graph()
    graph_to_neo4j(G, driver, database=db)
    counts, snapshot = count_database(driver, db), canonical(graph_from_neo4j(driver, database=db))
    graph_to_neo4j(G, driver, database=db, batch_size=7)
    assert count_database(driver, db) == counts == expected_counts(G)
    assert canonical(graph_from_neo4j(driver, database=db)) == snapshot


def test_second_graph_merges_shared_nodes_and_unites_provenance(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    A, B = two_graphs()
    graph_to_neo4j(A, driver, database=db)
    graph_to_neo4j(B, driver, database=db)
    want = merged(A, B)
    assert count_database(driver, db) == expected_counts(want)
    H = graph_from_neo4j(driver, database=db)
    assert canonical(H) == canonical(want)
    zone = H.nodes[node_id(Label.ZONE, "zone-1")]
    assert {p["source"] for p in zone[PROVENANCE]} == {"report-a.txt", "report-b.txt"}
    assert len(zone[PROVENANCE]) == 4
    # Loading A again after B changes nothing: every fact of A is already there.
    graph_to_neo4j(A, driver, database=db)
    assert canonical(graph_from_neo4j(driver, database=db)) == canonical(merged(want, A))


def test_concurrent_loads_of_one_graph_make_no_duplicates(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    G = synthetic_graph(300, 8)
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def load() -> None:
        start.wait()
        try:
            graph_to_neo4j(G, driver, database=db, batch_size=50)
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=load) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors
    assert count_database(driver, db) == expected_counts(G)
    assert canonical(graph_from_neo4j(driver, database=db)) == canonical(G)


def test_concurrent_loads_of_two_graphs_lose_no_provenance(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    A, B = two_graphs()
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def load(G: nx.MultiDiGraph) -> None:
        start.wait()
        try:
            graph_to_neo4j(G, driver, database=db, batch_size=5)
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=load, args=(G,)) for G in (A, B)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors
    want = merged(A, B)
    assert count_database(driver, db) == expected_counts(want)
    # Which load wrote a shared scalar last is a race; provenance must hold both sides.
    for n, d in graph_from_neo4j(driver, database=db).nodes(data=True):
        assert sorted(map(as_json, d[PROVENANCE])) == sorted(map(as_json, want.nodes[n][PROVENANCE])), n


def test_progress_is_reported_per_batch(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    G = synthetic_graph(20, 4)
    calls: list[tuple[int, int]] = []
    graph_to_neo4j(G, driver, database=db, batch_size=25, progress=lambda d, t: calls.append((d, t)))
    total = G.number_of_nodes() + G.number_of_edges()
    assert calls[-1] == (total, total)
    assert all(t == total for _, t in calls)
    assert [d for d, _ in calls] == sorted({d for d, _ in calls})


def test_schema_has_a_key_constraint_per_label_and_the_fulltext_index(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    ensure_schema(driver, db)
    ensure_schema(driver, db)
    records, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties "
        "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties AS props",
        database_=db,
    )
    assert {r["label"] for r in records if r["props"] == ["key"]} >= {label.value for label in Label}
    records, _, _ = driver.execute_query(
        "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties RETURN *", database_=db
    )
    index = {r["name"]: r for r in records}[FULLTEXT_INDEX]
    assert index["labelsOrTypes"] == ["Measure"]
    assert set(index["properties"]) == {"name", "title", "text"}


@pytest.mark.usefixtures("neo4j_db")
def test_default_connection_comes_from_the_environment() -> None:
    G = synthetic_graph(5, 3)
    graph_to_neo4j(G)
    assert canonical(graph_from_neo4j()) == canonical(G)


# --------------------------------------------------------------------------- hostile input


HOSTILE = [
    "'}) DETACH DELETE n //",
    '"}) MATCH (m) DETACH DELETE m //',
    "`) DETACH DELETE n //",
    "<script>alert('x')</script>",
    "$rows",
    "测试 \\ \n \t",
]


def test_hostile_values_are_stored_verbatim_and_change_nothing_else(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    base = synthetic_graph(10, 3)
    graph_to_neo4j(base, driver, database=db)
    before = canonical(graph_from_neo4j(driver, database=db))

    H = nx.MultiDiGraph()
    zone = node_id(Label.ZONE, "zone-0")  # shared with the base graph: only its provenance grows
    H.add_node(zone, **{**base.nodes[zone], PROVENANCE: [evidence(HOSTILE[0], 1, HOSTILE[3])]})
    for i, text in enumerate(HOSTILE):
        key = f"{text}-{i}"
        nid = node_id(Label.MEASURE, key)
        prov = [evidence(text, i, text, section=text)]
        H.add_node(nid, label="Measure", key=key, name=text, kind="pilot measure", text=text, provenance=prov)
        H.add_edge(nid, zone, key=f"ORIGINATED_IN|{text}", type="ORIGINATED_IN", provenance=prov)
    graph_to_neo4j(H, driver, database=db)

    after = graph_from_neo4j(driver, database=db)
    assert after.number_of_nodes() == base.number_of_nodes() + len(HOSTILE)
    assert after.number_of_edges() == base.number_of_edges() + len(HOSTILE)
    for i, text in enumerate(HOSTILE):
        d = after.nodes[node_id(Label.MEASURE, f"{text}-{i}")]
        assert d["name"] == d["text"] == d[PROVENANCE][0]["quote"] == text
        assert after.has_edge(node_id(Label.MEASURE, f"{text}-{i}"), zone, f"ORIGINATED_IN|{text}")
    want = merged(base, H)
    assert canonical(after) == canonical(want)
    untouched = [n for n in before[0] if n[0] != zone]
    assert all(n in canonical(after)[0] for n in untouched)


@pytest.mark.parametrize(
    ("where", "value"),
    [("label", "Zone`) DETACH DELETE n //"), ("label", "Person"), ("type", "KNOWS]->() DETACH DELETE n //")],
)
def test_labels_and_types_outside_the_schema_are_refused_before_writing(neo4j_db: Conn, where: str, value: str) -> None:
    driver, db = neo4j_db
    G = synthetic_graph(5, 3)
    a, b = node_id(Label.ZONE, "zone-0"), node_id(Label.ZONE, "zone-1")
    if where == "label":
        G.nodes[a]["label"] = value
    else:
        G.add_edge(a, b, key="x", type=value, provenance=[])
    with pytest.raises(GraphValidationError, match="not a schema"):
        graph_to_neo4j(G, driver, database=db)
    assert count_database(driver, db)["nodes"] == 0


def test_non_scalar_properties_are_refused(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    G = synthetic_graph(5, 3)
    G.nodes[node_id(Label.ZONE, "zone-0")]["extra"] = {"nested": 1}
    with pytest.raises(GraphValidationError, match="extra"):
        graph_to_neo4j(G, driver, database=db)


# --------------------------------------------------------------------------- failures


def test_unreachable_server_gives_a_clear_error() -> None:
    port = free_port()
    with pytest.raises(Neo4jError, match=rf"cannot reach Neo4j at bolt://127\.0\.0\.1:{port}"):
        connect(f"bolt://127.0.0.1:{port}", password="x")


def test_wrong_password_gives_a_clear_error_without_the_password(neo4j_connection: Conn) -> None:
    secret = "not-the-right-password-1234"
    with pytest.raises(Neo4jError, match="rejected the credentials of user 'neo4j'") as info:
        connect(password=secret)
    assert secret not in str(info.value)


def test_password_written_into_the_uri_is_not_shown() -> None:
    port = free_port()
    with pytest.raises(Neo4jError) as info:
        connect(f"bolt://neo4j:hunter2-secret@127.0.0.1:{port}", password="y")
    assert "hunter2-secret" not in str(info.value)


def test_unknown_database_gives_a_clear_error(neo4j_connection: Conn) -> None:
    with pytest.raises(Neo4jError, match="has no database 'nosuchdb'"):
        connect(database="nosuchdb")
    driver, _ = neo4j_connection
    with pytest.raises(Neo4jError, match="no database 'nosuchdb'"):
        graph_to_neo4j(synthetic_graph(3, 3), driver, database="nosuchdb")


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_server_killed_during_a_load_then_a_rerun_completes_exactly(spare_neo4j: SpareNeo4j) -> None:
    G = synthetic_graph(400, 8)
    total = G.number_of_nodes() + G.number_of_edges()
    spare_neo4j.start()
    driver, db = spare_neo4j.connect(max_transaction_retry_time=2.0)

    def crash_midway(done: int, _total: int) -> None:
        if done >= total // 3 and not crashed:
            crashed.append(done)
            spare_neo4j.kill()

    crashed: list[Any] = []
    try:
        with pytest.raises(Neo4jError, match=r"cannot reach|failed while loading"):
            graph_to_neo4j(G, driver, database=db, batch_size=100, progress=crash_midway)
    finally:
        driver.close()
    assert crashed

    spare_neo4j.start(keep_data=True)  # Neo4j recovers the batches committed before the crash
    driver, db = spare_neo4j.connect()
    try:
        partial = count_database(driver, db)
        assert 0 < partial["nodes"] + partial["relationships"] < total
        assert partial["nodes"] + partial["relationships"] >= crashed[0]
        graph_to_neo4j(G, driver, database=db, batch_size=100)
        assert count_database(driver, db) == expected_counts(G)
        assert canonical(graph_from_neo4j(driver, database=db)) == canonical(G)
    finally:
        driver.close()


def test_schema_commands_go_in_one_transaction_or_one_by_one_when_that_fails(neo4j_db: Conn) -> None:
    driver, db = neo4j_db
    conn = neo4j_connect._Connection(driver, db)
    names = ("pftz_test_a", "pftz_test_b")
    try:
        neo4j_schema._run_schema(conn, [f"CREATE INDEX {n} IF NOT EXISTS FOR (x:TestOnly) ON (x.{n})" for n in names])
        with pytest.raises(Neo4jError, match="creating the schema"):  # the bad one alone fails, by name
            neo4j_schema._run_schema(
                conn,
                [
                    "CREATE INDEX pftz_test_c IF NOT EXISTS FOR (x:TestOnly) ON (x.c)",
                    "CREATE INDEX pftz_test_d FOR ON",  # not Cypher: the transaction fails
                ],
            )
        found = {r["name"] for r in driver.execute_query("SHOW INDEXES YIELD name", database_=db)[0]}
        assert {"pftz_test_a", "pftz_test_b", "pftz_test_c"} <= found
    finally:
        for n in (*names, "pftz_test_c", "pftz_test_d"):
            driver.execute_query(f"DROP INDEX {n} IF EXISTS", database_=db)
