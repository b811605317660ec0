"""Pytest fixtures for the real Neo4j server that ``tools/neo4j/neo4j.sh start`` runs.

Credentials come from the environment (``source tools/neo4j/env.sh``). When the
server cannot be reached the fixtures fail the test: a Neo4j test never skips.

* ``neo4j_connection`` (session): ``(driver, database)``.
* ``neo4j_db``: the same, after deleting every node and relationship
  (constraints and indexes stay).
* ``spare_neo4j``: a second, private server on free ports in a temporary run
  dir, for tests that kill a server; killed at the end of the test (its store is thrown away).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j
import pytest

from pftz.graph.neo4j_connect import connect
from pftz.graph.neo4j_store import clear_database
from pftz.ground.errors import Neo4jError

NEO4J_SH = Path(__file__).resolve().parent.parent / "tools" / "neo4j" / "neo4j.sh"


@pytest.fixture(scope="session")
def neo4j_connection() -> Iterator[tuple[neo4j.Driver, str]]:
    """Return ``(driver, database)`` for the test server; fail when it is unreachable."""
    try:
        driver, database = connect()
    except Neo4jError as e:
        pytest.fail(
            f"the Neo4j test server is not usable: {e}\n"
            "start it with `tools/neo4j/neo4j.sh start && source tools/neo4j/env.sh` (make test does both)",
            pytrace=False,
        )
    yield driver, database
    driver.close()


@pytest.fixture
def neo4j_db(neo4j_connection: tuple[neo4j.Driver, str]) -> tuple[neo4j.Driver, str]:
    """Return ``(driver, database)`` with the database emptied (``MATCH (n) DETACH DELETE n``)."""
    driver, database = neo4j_connection
    clear_database(driver, database)
    return driver, database


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def port_open(port: int) -> bool:
    """Tell whether something accepts connections on ``127.0.0.1:port``."""
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _alive(pid: int) -> bool:
    """Tell whether process ``pid`` still runs (a zombie, ended and not yet reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


@dataclass
class SpareNeo4j:
    """A private Neo4j server run by ``neo4j.sh`` with its own ports and run dir."""

    run_dir: Path
    bolt_port: int = field(default_factory=free_port)
    http_port: int = field(default_factory=free_port)

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def _sh(self, command: str, **env: str) -> None:
        full_env = {
            **os.environ,
            "NEO4J_RUN_DIR": str(self.run_dir),
            "NEO4J_BOLT_PORT": str(self.bolt_port),
            "NEO4J_HTTP_PORT": str(self.http_port),
            **env,
        }
        done = subprocess.run(
            [str(NEO4J_SH), command], env=full_env, capture_output=True, text=True, timeout=180, check=False
        )
        if done.returncode != 0:
            pytest.fail(f"neo4j.sh {command} failed:\n{done.stdout}\n{done.stderr}", pytrace=False)

    def start(self, *, keep_data: bool = False) -> None:
        """Start (or restart) the server; with ``keep_data`` recover the store a killed one left."""
        self._sh("start", NEO4J_KEEP_DATA="1" if keep_data else "0")

    def stop(self) -> None:
        self._sh("stop")

    def kill(self) -> None:
        """SIGKILL the server, as a crash would, and wait until its Bolt port is closed."""
        pid = int((self.run_dir / "neo4j.pid").read_text())
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while port_open(self.bolt_port) and time.monotonic() < deadline:
            time.sleep(0.1)

    def connect(self, **driver_config: Any) -> tuple[neo4j.Driver, str]:
        return connect(self.uri, database="neo4j", **driver_config)

    def discard(self) -> None:
        """End the server at once (SIGKILL to its process group) and clear its pid file.

        Its store is thrown away with the temporary run dir, so nothing needs the clean
        shutdown of :meth:`stop`, which waits for Neo4j to checkpoint (seconds).
        """
        pid_file = self.run_dir / "neo4j.pid"
        try:
            pid = int(pid_file.read_text())
            ours = "Launcher.java" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except (OSError, ValueError):
            ours = False
        if ours:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            deadline = time.monotonic() + 30
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
        self.stop()  # neo4j.sh finds no server of ours now: it only removes the pid file


@pytest.fixture
def spare_neo4j(tmp_path: Path) -> Iterator[SpareNeo4j]:
    """A second Neo4j server on free ports (not started yet); killed after the test."""
    server = SpareNeo4j(tmp_path / "neo4j-run")
    try:
        yield server
    finally:
        server.discard()
