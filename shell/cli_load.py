"""The ``pftz load`` command (into a Neo4j server, or offline with ``neo4j-admin``) and the Neo4j URI option.

Secrets come only from environment variables (``NEO4J_PASSWORD``), never flags.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from pftz.ground.errors import Neo4jError
from pftz.ground.schema import database_name_problem
from pftz.shell.cli_base import DATA_OPT, REPORT_ARG, _build, cli

NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class Neo4jUri(click.ParamType):
    """A Neo4j server URI: ``bolt``, ``neo4j`` or their ``+s`` / ``+ssc`` forms, with a host."""

    name = "URI"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        uri = str(value).strip()
        text = re.sub(r"//[^/@]*@", "//", uri)  # never echo credentials written into the URI
        try:
            parts = urlsplit(text)
            host = parts.hostname
            _ = parts.port  # a port that is not a number raises here
        except ValueError as e:
            self.fail(f"{text!r} is not a URI ({e}); e.g. bolt://localhost:7687", param, ctx)
        if parts.scheme not in NEO4J_SCHEMES:
            shown = parts.scheme or "none"
            self.fail(
                f"{text!r} has the scheme {shown!r}; use one of {', '.join(s + '://' for s in NEO4J_SCHEMES)} "
                "(e.g. bolt://localhost:7687)",
                param,
                ctx,
            )
        if not host:
            self.fail(f"{text!r} names no host; e.g. bolt://localhost:7687", param, ctx)
        return uri


NEO4J_URI = Neo4jUri()


def _tls_hint(e: Neo4jError, uri: str) -> Neo4jError:
    """Add what an encrypted URI to a plain server usually means to a connection error."""
    scheme = urlsplit(uri).scheme
    if scheme.endswith(("+s", "+ssc")) and "reach" in str(e):
        plain = scheme.partition("+")[0]
        msg = (
            f"{e}. The URI asks for an encrypted connection ({scheme}://): if the server does not use TLS "
            f"(a local server usually does not), use {plain}:// instead"
        )
        return Neo4jError(msg)
    return e


def neo4j_options(f: Any) -> Any:
    """Connection options shared by the Neo4j commands (the password only from NEO4J_PASSWORD)."""
    f = click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database name [NEO4J_DATABASE].")(f)
    f = click.option("--user", envvar="NEO4J_USER", default=None, help="User name [NEO4J_USER].")(f)
    return f


@cli.command()
@REPORT_ARG
@DATA_OPT
@click.option(
    "--neo4j",
    "uri",
    envvar="NEO4J_URI",
    default=None,
    type=NEO4J_URI,
    help="Server URI, e.g. bolt://localhost:7687 or neo4j+s://... [NEO4J_URI]; required unless --offline.",
)
@neo4j_options
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=5000,
    show_default=True,
    help="Rows per transaction (1 or more).",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Import into a new database of a stopped server with `neo4j-admin database import full` "
    "(NEO4J_ADMIN, $NEO4J_HOME/bin/neo4j-admin or neo4j-admin on PATH): for very large first loads.",
)
def load(
    reports: tuple[Path, ...],
    data_files: tuple[Path, ...],
    uri: str | None,
    user: str | None,
    database: str | None,
    batch_size: int,
    offline: bool,
) -> None:
    """Load the graph into Neo4j (idempotent: re-running changes nothing). Password from NEO4J_PASSWORD.

    Into an empty database the load creates nodes and relationships (no look-ups); into one that
    holds the project's nodes it merges. --offline writes the neo4j-admin CSV bundle (as
    `pftz build` writes out/neo4j-import/) and imports it into a database that does not exist yet,
    with the server stopped; start the server and run `pftz load --neo4j URI` once afterwards for
    the key constraints and the full-text index.

    \b
    Example:
        NEO4J_PASSWORD=secret pftz load --neo4j bolt://localhost:7687
        NEO4J_HOME=/opt/neo4j pftz load --offline --database neo4j
    """
    from pftz.graph.neo4j_connect import connect
    from pftz.graph.neo4j_store import graph_to_neo4j

    problem = database_name_problem(database) if database is not None else None
    if problem is not None:
        raise click.ClickException(f"--database: {problem}")
    if offline:
        _load_offline(reports, data_files, database or "neo4j")
        return
    if uri is None:
        raise click.UsageError("Missing option '--neo4j' (the server URI), or use --offline.")
    G = _build(reports, data_files)
    try:
        driver, db = connect(uri, user, None, database)
    except Neo4jError as e:
        raise _tls_hint(e, uri) from e
    created: dict[str, int] = {}
    started = time.perf_counter()
    try:
        with click.progressbar(
            length=G.number_of_nodes() + G.number_of_edges(),
            label=f"loading {G.number_of_nodes():,} nodes and {G.number_of_edges():,} relationships",
            file=sys.stderr,
            show_pos=True,
        ) as bar:
            done = [0]

            def progress(n: int, total: int) -> None:
                bar.update(n - done[0])
                done[0] = n

            counts = graph_to_neo4j(
                G, driver, database=db, batch_size=batch_size, progress=progress, created=created
            )
    finally:
        driver.close()
    click.echo(_load_summary(uri, db, counts, created, time.perf_counter() - started))


def _neo4j_admin() -> list[str] | None:
    """The neo4j-admin command: NEO4J_ADMIN, else $NEO4J_HOME/bin/neo4j-admin, else neo4j-admin on PATH."""
    named = os.environ.get("NEO4J_ADMIN")
    if named:
        return [named]
    home = os.environ.get("NEO4J_HOME")
    if home and (Path(home) / "bin" / "neo4j-admin").is_file():
        return [str(Path(home) / "bin" / "neo4j-admin")]
    found = shutil.which("neo4j-admin")
    return [found] if found else None


def _load_offline(reports: tuple[Path, ...], data_files: tuple[Path, ...], database: str) -> None:
    """``pftz load --offline``: the neo4j-admin bundle, imported with ``neo4j-admin database import full``."""
    from pftz.graph.exports_neo4j import neo4j_admin_import_args, save_neo4j_admin_csv
    admin = _neo4j_admin()
    if admin is None:
        msg = (
            "--offline needs neo4j-admin, which was not found: set NEO4J_HOME to the Neo4j installation "
            "(bin/neo4j-admin), put neo4j-admin on PATH, or name the command in NEO4J_ADMIN. To import by hand: "
            f"stop the server, run `pftz build --out out/`, then `NEO4J_HOME=/path/to/neo4j "
            f"out/neo4j-import/import.sh {database}`; then start the server and run `pftz load --neo4j URI` "
            "once for the constraints and the full-text index."
        )
        raise click.ClickException(msg)
    G = _build(reports, data_files)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pftz-neo4j-import-") as tmp:
        bundle = save_neo4j_admin_csv(G, Path(tmp) / "neo4j-import")
        command = [*admin, *neo4j_admin_import_args(bundle, database)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as e:
            raise click.ClickException(f"cannot run {admin[0]}: {e.strerror or e}") from e
    if done.returncode != 0:
        msg = f"{admin[0]} database import full {database} failed (exit {done.returncode}): {_admin_reason(done)}"
        raise click.ClickException(msg)
    click.echo(
        f"imported {G.number_of_nodes():,} nodes and {G.number_of_edges():,} relationships into database "
        f"{database} with {admin[0]} in {time.perf_counter() - started:.1f} s\n"
        "  next: start the server, then run `pftz load --neo4j URI` once for the key constraints and the "
        "full-text index (it finds every node and relationship already there)"
    )


_ADMIN_GENERIC = ("error importing csv file", "run with '--verbose'", "import failed.")


def _admin_reason(done: subprocess.CompletedProcess[str]) -> str:
    """neo4j-admin's own reason for a refusal (e.g. the database exists), not its generic last words."""
    lines = [ln.strip() for ln in (done.stderr + "\n" + done.stdout).splitlines() if ln.strip()]
    own = [
        ln
        for ln in done.stderr.splitlines()
        if ln.strip() and not ln.lstrip().upper().startswith("WARNING") and not ln.lower().startswith(_ADMIN_GENERIC)
    ]
    if own:
        reason = own[0].strip()
        if "--overwrite-destination" in reason:
            reason += " (pftz never overwrites a database: drop it first, or import into another --database)"
        return reason
    errors = [ln for ln in lines if "exception" in ln.lower() or "error" in ln.lower()]
    return (errors or lines or ["no output"])[0]


def _load_summary(uri: str, db: str, counts: dict[str, int], created: dict[str, int], seconds: float) -> str:
    """``loaded into URI (database neo4j) in 2.1 s: 387 nodes (0 created, 387 matched), ...``."""
    parts = []
    for what in ("nodes", "relationships"):
        n, new = counts.get(what, 0), created.get(what, 0)
        parts.append(f"{n:,} {what} ({new:,} created, {n - new:,} matched)")
    per_type = ", ".join(f"{k} {v:,}" for k, v in counts.items() if k not in ("nodes", "relationships"))
    return f"loaded into {uri} (database {db}) in {seconds:.1f} s: " + ", ".join(parts) + f"\n  {per_type}"
