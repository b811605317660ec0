"""``pftz load --offline``: neo4j-admin's bulk import of the build's CSV bundle, for real.

The admin tool is the one of the test server: ``tools/neo4j/neo4j-admin`` runs
``org.neo4j.cli.AdminTool`` from the same Maven jars as ``tools/neo4j/neo4j.sh``.
It imports into the Neo4j home of a private server's run dir while that server
is stopped; the server then starts from (a copy of) that store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from pftz.graph.build import graph_from_reports
from pftz.graph.exports_common import PROVENANCE_COUNT
from pftz.graph.exports_neo4j import neo4j_admin_import_args, save_neo4j_admin_csv
from pftz.graph.neo4j_schema import FULLTEXT_INDEX
from pftz.graph.neo4j_store import count_database, graph_from_neo4j, graph_to_neo4j
from pftz.ground.errors import ExportError
from pftz.ground.schema import DERIVED
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.shell.cli import cli
from tests.neo4j_fixtures import SpareNeo4j
from tests.synthetic import canonical

ROOT = Path(__file__).resolve().parents[1]
ADMIN = ROOT / "tools" / "neo4j" / "neo4j-admin"


def bundled_graph() -> nx.MultiDiGraph:
    return graph_from_reports([load_report()], reference=load_reference())


def as_loaded(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G`` as the admin bundle stores it: ``derived`` written on every edge (false when absent)."""
    H = G.copy()
    for *_, d in H.edges(data=True):
        d[DERIVED] = d.get(DERIVED) is True
    return H


def without_counts(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Drop the bundle's ``provenance_count`` (a count of the provenance list, for Cypher)."""
    H = G.copy()
    for _, d in H.nodes(data=True):
        d.pop(PROVENANCE_COUNT, None)
    for *_, d in H.edges(data=True):
        d.pop(PROVENANCE_COUNT, None)
    return H


def run(args: list[str], **env: str | None) -> Any:
    return CliRunner().invoke(cli, args, env=env)


def test_offline_without_neo4j_admin_says_exactly_how_to_run_it(tmp_path: Path) -> None:
    res = run(["load", "--offline"], NEO4J_ADMIN=None, NEO4J_HOME=str(tmp_path), PATH=str(tmp_path))
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert res.output.count("Error:") == 1
    assert "neo4j-admin, which was not found" in res.output
    assert "NEO4J_HOME" in res.output and "out/neo4j-import/import.sh neo4j" in res.output


def test_import_args_name_every_file_of_the_bundle(tmp_path: Path) -> None:
    G = bundled_graph()
    bundle = save_neo4j_admin_csv(G, tmp_path / "neo4j-import")
    args = neo4j_admin_import_args(bundle, "pftz")
    assert args[:3] == ["database", "import", "full"]
    assert args[-2:] == ["--", "pftz"]  # the database name after "--": never read as an option
    assert f"--report-file={bundle / 'import.report'}" in args  # not into the current directory
    files = sorted(a.split("=", 1)[1] for a in args if a.startswith(("--nodes=", "--relationships=")))
    assert files == sorted(str(p) for p in bundle.glob("*.csv"))
    # The header of each file is what neo4j-admin reads: one ID space per label, typed columns.
    header = (bundle / "nodes_Zone.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("key:ID(Zone),name,") and header.endswith(",:LABEL")
    with pytest.raises(ExportError, match="no nodes_"):
        neo4j_admin_import_args(tmp_path, "pftz")


@pytest.mark.neo4j
def test_offline_load_imports_the_graph_into_a_stopped_database(spare_neo4j: SpareNeo4j) -> None:
    home = spare_neo4j.run_dir / "data" / "imported"
    home.mkdir(parents=True)
    env = {"NEO4J_ADMIN": str(ADMIN), "NEO4J_HOME": str(home)}
    res = run(["load", "--offline", "--database", "neo4j"], **env)
    assert res.exit_code == 0, res.output
    G = bundled_graph()
    assert f"imported {G.number_of_nodes():,} nodes and {G.number_of_edges():,} relationships" in res.output
    assert (home / "data" / "databases" / "neo4j").is_dir()

    # The same import again meets the database it made: one message, exit 1, no traceback.
    again = run(["load", "--offline"], **env)
    assert again.exit_code == 1
    assert "Traceback" not in again.output
    assert "database import full neo4j failed (exit" in again.output
    assert "Database already exist" in again.output  # neo4j-admin's own reason, not its generic last line

    spare_neo4j.start(keep_data=True)  # the server starts from the imported store
    driver, db = spare_neo4j.connect()
    with driver:
        want = as_loaded(G)
        assert canonical(without_counts(graph_from_neo4j(driver, database=db))) == canonical(want)
        # The load that follows, as the message says, adds the schema and changes no node or relationship.
        created: dict[str, int] = {}
        graph_to_neo4j(G, driver, database=db, created=created)
        assert created == {"nodes": 0, "relationships": 0}
        counts = count_database(driver, db)
        assert (counts["nodes"], counts["relationships"]) == (G.number_of_nodes(), G.number_of_edges())
        assert canonical(without_counts(graph_from_neo4j(driver, database=db))) == canonical(want)
        records, _, _ = driver.execute_query(
            "SHOW INDEXES YIELD name, state WHERE name = $name RETURN state", {"name": FULLTEXT_INDEX}, database_=db
        )
        assert [r["state"] for r in records] == ["ONLINE"]
