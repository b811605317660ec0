"""The SQLite database for Datasette: tables, foreign keys, full-text search, metadata, byte-identical builds,
and a real Datasette process queried through its JSON API and opened in headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser

from pftz.graph.build import graph_from_reports
from pftz.ground.errors import ExportError
from pftz.loaders.manifest import load_manifest
from pftz.loaders.reference import load_reference
from pftz.loaders.report import BUNDLED_REPORT, load_report
from pftz.queries.sqlite import COLUMN_DESCRIPTIONS, metadata_path, save_sqlite, sqlite_frames
from pftz.queries.tables import TABLES
from pftz.shell.cli import cli
from pftz.shell.cli_views import DATASETTE_INSTALL
from tests.test_viz import ARTIFACTS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph_from_reports([load_report()], reference=load_reference())


@pytest.fixture(scope="module")
def database(G: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db, _ = save_sqlite(G, tmp_path_factory.mktemp("sqlite") / "pftz.db", reports=load_manifest())
    return db


def _rows(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


# --------------------------------------------------------------------------- the file


def test_the_database_holds_the_flat_tables_nodes_edges_and_evidence(G: nx.MultiDiGraph, database: Path) -> None:
    frames = sqlite_frames(G)
    for name, df in frames.items():
        assert _rows(database, f"select count(*) from [{name}]") == [(len(df),)], name  # noqa: S608 (our own names)
        columns = [r[1] for r in _rows(database, f"pragma table_info([{name}])")]
        assert columns == list(df.columns), name
    assert _rows(database, "select count(*) from nodes") == [(G.number_of_nodes(),)]
    assert _rows(database, "select count(*) from edges") == [(G.number_of_edges(),)]
    n_evidence = sum(len(d.get("provenance") or []) for _, d in G.nodes(data=True))
    n_evidence += sum(len(d.get("provenance") or []) for *_, d in G.edges(data=True))
    assert _rows(database, "select count(*) from evidence") == [(n_evidence,)]
    # list cells are JSON arrays, as the frames hold them
    got = dict(_rows(database, "select measure_key, origin_zones from measures"))
    for key, zones in zip(frames["measures"]["measure_key"], frames["measures"]["origin_zones"], strict=True):
        assert json.loads(got[key]) == list(zones)
    # derived edges are marked, and their count is the graph's
    derived = sum(1 for *_, d in G.edges(data=True) if d.get("derived") is True)
    assert _rows(database, "select count(*) from edges where derived = 1") == [(derived,)]
    # evidence keeps the line and the quote
    line, quote = _rows(database, "select line, quote from evidence where node_id = 'Zone:shanghai' limit 1")[0]
    lines = BUNDLED_REPORT.read_text(encoding="utf-8").splitlines()
    assert isinstance(line, int) and quote.split()[0] in lines[line - 1]


def test_foreign_keys_hold(database: Path) -> None:
    fks = {
        (table, r[3], r[2], r[4])
        for table in ("edges", "evidence", "adoptions", "measures", "zones", "documents")
        for r in _rows(database, f"pragma foreign_key_list([{table}])")
    }
    assert {
        ("edges", "source", "nodes", "id"),
        ("edges", "target", "nodes", "id"),
        ("evidence", "node_id", "nodes", "id"),
        ("evidence", "edge_id", "edges", "id"),
        ("adoptions", "measure_key", "measures", "measure_key"),
        ("adoptions", "adopter_id", "nodes", "id"),
        ("measures", "node_id", "nodes", "id"),
        ("zones", "node_id", "nodes", "id"),
        ("documents", "node_id", "nodes", "id"),
    } <= fks
    assert _rows(database, "pragma foreign_key_check") == []


def test_full_text_search_on_names_and_evidence(database: Path) -> None:
    hits = _rows(database, "select n.id from nodes_fts f join nodes n on n.rowid = f.rowid where nodes_fts match ?",
                 "shanghai")  # fmt: skip
    assert ("Zone:shanghai",) in hits
    quotes = _rows(
        database,
        "select e.quote from evidence_fts f join evidence e on e.rowid = f.rowid where evidence_fts match ?",
        '"ship supervision"',
    )
    assert quotes and all("ship supervision" in q.lower() for (q,) in quotes)
    fts = {r[0] for r in _rows(database, "select name from sqlite_master where sql like '%USING FTS5%'")}
    assert {f"{t}_fts" for t in (*TABLES, "nodes", "evidence")} <= fts
    zh = _rows(database, "select zone_key from zones_fts f join zones z on z.rowid = f.rowid where zones_fts match ?",
               "上海")  # fmt: skip
    assert ("shanghai",) in zh


def test_datasette_metadata_describes_every_column(G: nx.MultiDiGraph, database: Path) -> None:
    meta = json.loads(metadata_path(database).read_text(encoding="utf-8"))
    info = next(iter(load_manifest().values()))
    assert info.title in meta["title"] and info.sha256 in meta["source"] and info.publisher in meta["source"]
    assert meta["license"].startswith("None stated")  # the manifest states no licence: none is made up
    tables = meta["databases"]["pftz"]["tables"]
    for name, described in tables.items():
        columns = [r[1] for r in _rows(database, f"pragma table_info([{name}])")]
        assert set(described["columns"]) == set(columns) == set(COLUMN_DESCRIPTIONS[name]), name
        assert described["description"] and described["facets"]
        assert {"sort", "sort_desc"} & set(described)
    assert {"array": "origin_zones"} in tables["measures"]["facets"]


def test_two_writes_are_byte_identical(G: nx.MultiDiGraph, database: Path, tmp_path: Path) -> None:
    again = graph_from_reports([load_report()], reference=load_reference())  # built anew
    db, meta = save_sqlite(again, tmp_path / "pftz.db", reports=load_manifest())
    assert db.read_bytes() == database.read_bytes()
    assert meta.read_bytes() == metadata_path(database).read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pftz.db", "pftz.metadata.json"]  # no journal left


def test_a_failed_write_leaves_the_old_file(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(ExportError, match="is a directory"):
        save_sqlite(G, tmp_path / "dir.db")


# --------------------------------------------------------------------------- the CLI


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PFTZ_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_two_builds_write_the_same_database(tmp_path: Path, cache_dir: Path) -> None:
    for out in ("a", "b"):
        res = CliRunner().invoke(cli, ["build", "--no-html", "--out", str(tmp_path / out)])
        assert res.exit_code == 0, res.output
        assert "pftz.db" in res.stdout
    a, b = (tmp_path / "a" / "pftz.db").read_bytes(), (tmp_path / "b" / "pftz.db").read_bytes()
    assert a == b and a.startswith(b"SQLite format 3\x00")
    assert (tmp_path / "a" / "pftz.metadata.json").read_bytes() == (tmp_path / "b" / "pftz.metadata.json").read_bytes()
    res = CliRunner().invoke(cli, ["export", "--format", "sqlite", "-o", str(tmp_path / "x.db")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "x.metadata.json").is_file()
    assert json.loads((tmp_path / "x.metadata.json").read_text(encoding="utf-8"))["databases"].keys() == {"x"}


def test_serve_without_datasette_says_how_to_install_it(database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasette", None)  # import datasette now fails, as when it is not installed
    monkeypatch.setitem(sys.modules, "datasette.cli", None)
    res = CliRunner().invoke(cli, ["serve", str(database)])
    assert res.exit_code == 1
    assert res.output.strip().splitlines() == [f"Error: pftz serve needs Datasette, which is not installed: "
                                               f"{DATASETTE_INSTALL}"]  # fmt: skip
    assert "Traceback" not in res.output
    res = CliRunner().invoke(cli, ["serve", str(database.parent / "missing.db")])
    assert res.exit_code == 1 and "pftz build" in res.output


# --------------------------------------------------------------------------- a real Datasette


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read().decode("utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database a real ``pftz build`` process wrote (no cache, no HTML)."""
    out = tmp_path_factory.mktemp("build") / "out"
    env = {**os.environ, "PFTZ_CACHE_DIR": "off"}
    done = subprocess.run(
        [sys.executable, "-m", "pftz.shell.cli", "build", "--no-html", "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return out / "pftz.db"


@pytest.fixture(scope="module")
def datasette(built: Path) -> Iterator[str]:
    """``pftz serve`` in its own process on a free local port, serving what ``pftz build`` wrote; the base URL."""
    port = _free_port()
    log_path = built.parent / "datasette.log"
    log = log_path.open("wb")  # a file, not a pipe: a full pipe would stall the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "pftz.shell.cli", "serve", str(built), "--port", str(port)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get_json(f"{base}/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = log_path.read_text(encoding="utf-8", errors="replace")
                    pytest.fail(f"datasette did not start (exit {proc.poll()}):\n{out}")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_datasette_serves_search_and_facets(G: nx.MultiDiGraph, datasette: str, built: Path, database: Path) -> None:
    assert built.read_bytes() == database.read_bytes()  # the build's file is the one these tests read
    found = _get_json(f"{datasette}/pftz/zones.json?_search=shanghai&_shape=objects")
    assert "shanghai" in {r["zone_key"] for r in found["rows"]}
    found = _get_json(f"{datasette}/pftz/evidence.json?" + urllib.parse.urlencode({"_search": '"ship supervision"'}))
    assert found["rows"] and all("ship supervision" in r[-1].lower() for r in found["rows"])
    measures = sqlite_frames(G)["measures"]
    data = _get_json(f"{datasette}/pftz/measures.json?_size=0")  # the metadata's facets
    kinds = {f["value"]: f["count"] for f in data["facet_results"]["kind"]["results"]}
    assert kinds == measures["kind"].value_counts().to_dict()
    origins = {f["value"]: f["count"] for f in data["facet_results"]["origin_zones"]["results"]}
    assert origins and origins.get("shanghai") == sum("shanghai" in z for z in measures["origin_zones"])
    assert data["source"].startswith("Chinese Academy of International Trade")
    # a facet by URL, and a foreign key expanded to the node's name
    edges = _get_json(f"{datasette}/pftz/edges.json?_facet=type&derived=1&_labels=on&_size=1&_shape=objects")
    derived = Counter(d["type"] for *_, d in G.edges(data=True) if d.get("derived") is True)
    assert {f["value"]: f["count"] for f in edges["facet_results"]["type"]["results"]} == derived
    assert set(edges["rows"][0]["source"]) == {"value", "label"}


@pytest.mark.browser
def test_datasette_page_in_chromium(datasette: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{datasette}/pftz/zones?_search=shanghai", wait_until="load")
        assert "zones" in page.title()
        assert page.locator("input#_search").input_value() == "shanghai"
        assert page.locator("table.rows-and-columns").get_by_text("Shanghai PFTZ", exact=True).count() >= 1
        facets = page.locator(".facet-info")
        assert facets.count() >= 2  # kind and province, from the metadata
        assert "PFTZ" in page.locator(".facet-info[data-column=kind]").inner_text()
        assert "Its official Chinese name" in page.content()  # the column descriptions
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "datasette-zones.png"))
        assert errors == []
    finally:
        context.close()


def test_a_database_named_like_an_option_is_served_as_a_file(built: Path, tmp_path: Path) -> None:
    """``pftz serve -- --reload`` once turned on Datasette's reload mode: the name reached it as an option."""
    shutil.copyfile(built, tmp_path / "--reload")
    port = _free_port()
    log_path = tmp_path / "datasette.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pftz.shell.cli", "serve", "--port", str(port), "--", "--reload"],
            cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    names = [d["name"] for d in _get_json(f"http://127.0.0.1:{port}/-/databases.json")]
                    break
                except OSError:
                    assert proc.poll() is None and time.monotonic() < deadline, log_path.read_text(errors="replace")
                    time.sleep(0.3)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    assert names == ["--reload"]
    assert "Starting monitor" not in log_path.read_text(errors="replace")
