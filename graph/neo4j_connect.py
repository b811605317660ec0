"""Connect to Neo4j: the driver, the connection a load or a read uses, and driver errors as one clear message.

:func:`connect` opens a driver from arguments or the environment and checks the server, the
credentials and the database; ``_Connection`` runs managed transactions on a given driver or on one
it opens and closes. A driver error becomes one :class:`~ground.errors.Neo4jError` whose message
never holds a password. :mod:`graph.neo4j_store` loads and reads the graph through them.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

import neo4j
from neo4j import exceptions as neo4j_exc

from pftz.ground.errors import Neo4jError

__all__ = ["DEFAULT_DATABASE", "DEFAULT_URI", "DEFAULT_USER", "connect"]

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"

_SCHEMES = frozenset({"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"})


# --------------------------------------------------------------------------- connecting


def _safe_uri(uri: str) -> str:
    """Return ``uri`` without any user or password written into it."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<unparsable URI>"
    if parts.username is None and parts.password is None:
        return uri
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()


def _scheme(uri: str) -> str:
    try:
        return urlsplit(uri).scheme
    except ValueError:
        return ""


def _uri_password(uri: str) -> str | None:
    try:
        return urlsplit(uri).password
    except ValueError:
        return None


def _default_database(database: str | None) -> str:
    return database or os.environ.get("NEO4J_DATABASE") or DEFAULT_DATABASE


def _wrap(
    e: Exception, uri: str, user: str | None, database: str, doing: str, password: str | None = None
) -> Neo4jError:
    """Turn a driver error into one :class:`Neo4jError` with a clear, secret-free message."""
    where = f"Neo4j at {_safe_uri(uri)}" if uri else "Neo4j"
    if isinstance(e, neo4j_exc.AuthError):
        msg = f"{where} rejected the credentials of user {user!r}: check NEO4J_USER and NEO4J_PASSWORD"
    elif isinstance(e, neo4j_exc.ServiceUnavailable | neo4j_exc.SessionExpired):
        msg = f"cannot reach {where} while {doing}: is the server running? ({type(e).__name__})"
    elif isinstance(e, neo4j_exc.Neo4jError) and e.code and "DatabaseNotFound" in e.code:
        msg = f"{where} has no database {database!r}: check NEO4J_DATABASE"
    elif isinstance(e, neo4j_exc.Neo4jError):
        msg = f"{where} failed while {doing}: {e.code}: {e.message}"
    elif isinstance(e, neo4j_exc.ConfigurationError | ValueError):
        msg = (
            f"invalid Neo4j URI {_safe_uri(uri)}: use bolt://HOST:PORT or neo4j://HOST:PORT, "
            f"with the credentials in NEO4J_USER and NEO4J_PASSWORD ({type(e).__name__})"
        )
    else:
        msg = f"{where} failed while {doing}: {type(e).__name__}: {e}"
    # Driver messages may quote the URI; never let a password through.
    for secret in (password, _uri_password(uri)):
        if secret:
            msg = msg.replace(secret, "***")
    return Neo4jError(msg)


def connect(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    **driver_config: Any,
) -> tuple[neo4j.Driver, str]:
    """Open a driver to Neo4j and check that the server, the credentials and the database work.

    Parameters
    ----------
    uri, user, password, database
        Connection settings; each defaults to the environment variable
        ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``,
        then to ``bolt://127.0.0.1:7687``, ``neo4j``, no password and ``neo4j``.
    **driver_config
        Passed on to :func:`neo4j.GraphDatabase.driver` (for example
        ``max_transaction_retry_time=5``).

    Returns
    -------
    tuple
        The open driver (close it when done) and the database name to use.

    Raises
    ------
    Neo4jError
        The server cannot be reached, refuses the credentials, or has no such
        database. The message never contains the password.

    Examples
    --------
    With ``NEO4J_URI``, ``NEO4J_USER`` and ``NEO4J_PASSWORD`` set (a server is needed, so
    this is not run as a doctest)::

        driver, db = connect()
        graph_to_neo4j(G, driver, database=db)
    """
    uri = uri or os.environ.get("NEO4J_URI") or DEFAULT_URI
    user = user or os.environ.get("NEO4J_USER") or DEFAULT_USER
    if password is None:
        password = os.environ.get("NEO4J_PASSWORD")
    db = _default_database(database)
    if password is None:
        msg = f"no password for Neo4j user {user!r}: set NEO4J_PASSWORD"
        raise Neo4jError(msg)
    if _scheme(uri) not in _SCHEMES:
        msg = f"invalid Neo4j URI {_safe_uri(uri)}: use bolt://HOST:PORT or neo4j://HOST:PORT"
        raise Neo4jError(msg)
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), **driver_config)
    except Exception as e:
        raise _wrap(e, uri, user, db, "connecting", password) from e
    try:
        driver.verify_connectivity()
        # A session run is not retried, so an unknown database fails at once.
        with driver.session(database=db) as session:
            session.run("RETURN 1").consume()
    except Exception as e:
        driver.close()
        raise _wrap(e, uri, user, db, "connecting", password) from e
    return driver, db


class _Connection:
    """Use a given driver, or open one from the environment and close it afterwards."""

    def __init__(self, driver: neo4j.Driver | None, database: str | None) -> None:
        self._own = driver is None
        if driver is None:
            driver, database = connect(database=database)
        self.driver = driver
        self.database = _default_database(database)
        self.created: dict[str, int] = {"nodes": 0, "relationships": 0}

    def __enter__(self) -> _Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._own:
            self.driver.close()

    def write(self, query: str, doing: str, **params: Any) -> list[neo4j.Record]:
        """Run ``query`` in a managed write transaction (retried on transient errors).

        Adds the nodes and relationships it created to :attr:`created`.
        """
        try:
            records, summary, _ = self.driver.execute_query(query, params, database_=self.database)
        except Exception as e:
            raise _wrap(e, "", None, self.database, doing) from e
        counters = getattr(summary, "counters", None)
        if counters is not None:
            self.created["nodes"] += counters.nodes_created
            self.created["relationships"] += counters.relationships_created
        return records

    def read(self, query: str, doing: str, **params: Any) -> list[neo4j.Record]:
        """Run ``query`` in a managed read transaction."""
        try:
            records, _, _ = self.driver.execute_query(
                query, params, database_=self.database, routing_=neo4j.RoutingControl.READ
            )
        except Exception as e:
            raise _wrap(e, "", None, self.database, doing) from e
        return records
