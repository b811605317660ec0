"""The schema in Neo4j: key constraints of every label, the full-text indexes, labels and types in query text.

Labels and relationship types enter query text only through ``_label`` and ``_rel``, which pass
only :class:`ground.schema.Label` and :class:`ground.schema.Rel` values. :func:`ensure_schema`
creates the constraints and indexes; :mod:`graph.neo4j_store` runs the same statements in a load.
"""

from __future__ import annotations

from collections.abc import Sequence

import neo4j
from neo4j import exceptions as neo4j_exc

from pftz.graph.neo4j_connect import _Connection
from pftz.ground.errors import Neo4jError
from pftz.ground.schema import KEY, SEARCH_FIELDS, SEARCH_INDEX, Label, Rel

__all__ = ["FULLTEXT_INDEX", "ensure_schema", "holds_project_nodes"]

FULLTEXT_INDEX = "measure_text"
"""Name of the full-text index on the measures' name, title and text."""


# --------------------------------------------------------------------------- schema


def _label(label: Label | str) -> str:
    """Return a label for query text; only schema labels pass."""
    return f"`{Label(label).value}`"


def _rel(rel: Rel | str) -> str:
    """Return a relationship type for query text; only schema types pass."""
    return f"`{Rel(rel).value}`"


def _constraint_statements() -> list[str]:
    return [
        f"CREATE CONSTRAINT {label.value.lower()}_key IF NOT EXISTS "
        f"FOR (n:{_label(label)}) REQUIRE n.{KEY} IS UNIQUE"
        for label in Label
    ]


def _fulltext_statement() -> str:
    return (
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS "
        f"FOR (n:{_label(Label.MEASURE)}) ON EACH [n.name, n.title, n.text]"
    )


def _search_statement() -> str:
    """The full-text index of ``pftz search``: every label, every property of :data:`SEARCH_FIELDS`."""
    labels = "|".join(_label(label) for label in Label)
    props = ", ".join(f"n.{p}" for _, group in SEARCH_FIELDS.values() for p in group)
    return (
        f"CREATE FULLTEXT INDEX {SEARCH_INDEX} IF NOT EXISTS FOR (n:{labels}) ON EACH [{props}] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}"
    )


def _index_statements() -> list[str]:
    return [_fulltext_statement(), _search_statement()]


def _run_schema(conn: _Connection, statements: Sequence[str]) -> None:
    """Run schema commands: all in one transaction (one commit), or one by one if that fails."""
    if len(statements) > 1:

        def all_at_once(tx: neo4j.ManagedTransaction) -> None:
            for statement in statements:
                tx.run(statement).consume()

        try:
            with conn.driver.session(database=conn.database) as session:
                session.execute_write(all_at_once)
            return
        except (neo4j_exc.Neo4jError, neo4j_exc.DriverError):
            pass  # e.g. a concurrent load created one of them: each on its own below says which
    for statement in statements:
        try:
            conn.write(statement, "creating the schema")
        except Neo4jError as e:
            # Two loads racing on the same IF NOT EXISTS: the other one created it.
            if "AlreadyExists" not in str(e):
                raise


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create the key constraints of every schema label and the measures' full-text index.

    Safe to run again and from several loads at once (``IF NOT EXISTS``).

    Parameters
    ----------
    driver
        An open driver.
    database
        The database; defaults to ``NEO4J_DATABASE`` or ``neo4j``.

    Raises
    ------
    Neo4jError
        The server refused a schema command.
    """
    conn = _Connection(driver, database)
    _run_schema(conn, [*_constraint_statements(), *_index_statements()])
    # A full-text index fills asynchronously: wait, so a search right after a first load sees every measure.
    conn.write("CALL db.awaitIndexes(300)", "waiting for the indexes to come online")


def holds_project_nodes(driver: neo4j.Driver, database: str | None = None) -> bool:
    """Whether the database holds any node with a schema label (a count-store look-up per label).

    Parameters
    ----------
    driver
        An open driver.
    database
        The database; defaults to ``NEO4J_DATABASE`` or ``neo4j``.
    """
    conn = _Connection(driver, database)
    counts = " + ".join(f"COUNT {{ MATCH (:{_label(label)}) }}" for label in Label)
    records = conn.read(f"RETURN {counts} AS n", "counting the project's nodes")
    return bool(records and records[0]["n"])
