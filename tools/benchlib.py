"""What the Neo4j benchmarks share: a connection to a server on this machine only.

The benchmarks wipe the database they talk to, so they refuse any server that is
not on a loopback address.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from urllib.parse import urlsplit

import neo4j

from pftz.graph.neo4j_connect import connect
from pftz.ground.errors import PftzGraphError


def is_loopback(uri: str) -> bool:
    """Tell whether a Neo4j URI points at this machine."""
    try:
        host = urlsplit(uri).hostname or ""
    except ValueError:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def connect_local() -> tuple[neo4j.Driver, str]:
    """Connect to the test server from the environment, or exit (2: not local, 1: unreachable)."""
    os.environ.setdefault("NEO4J_PASSWORD", "pftz-test-password")
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    if not is_loopback(uri):
        print(f"refusing to wipe {uri}: the benchmark runs only against a server on this machine", file=sys.stderr)
        raise SystemExit(2)
    try:
        return connect(uri)
    except PftzGraphError as e:
        print(f"error: {e}", file=sys.stderr)
        raise SystemExit(1) from e
