"""A warm command answers as a cold one: the build cache read lazily (SQLite) gives the same bytes.

``pftz trace`` and ``pftz search`` read a cached build as a :class:`graph.sqlite_graph.SqliteGraph`
(rows read as asked, the search index as it was built); every other command reads the whole graph.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from pftz.graph.build import graph_from_reports
from pftz.graph.sqlite_graph import SqliteGraph, attach_apart, graph_from_sqlite, graph_to_sqlite
from pftz.ground.schema import Rel
from pftz.loaders.reference import load_reference
from pftz.loaders.report import load_report
from pftz.queries import trace_rows
from pftz.queries.search import search
from pftz.shell import cache as gcache
from pftz.shell.cli import cli

QUERIES = [
    ["trace", "ship supervision and declaration"],
    ["trace", "wine"],  # two wordings of one innovation (SAME_AS, linked): one merged answer
    ["trace", "supervision"],  # several measures match about as well: the others are listed
    ["trace", "smart form", "--format", "json"],
    ["trace", "remanufactured products", "--since", "2024-10", "--until", "2024", "--format", "csv"],
    ["trace", "national:pilot-measures:1:1"],
    ["trace", "shangai pftz"],  # a typo
    ["trace", "zzzz qqqq"],  # nothing matches: exit 1, the same message
    ["search", "shanghai pftz"],
    ["search", "shangai", "--label", "Zone", "--format", "json"],
    ["search", "G.H. [2024] No. 156", "--keys"],
    ["search", "wine", "--format", "csv", "--limit", "20"],
]


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph_from_reports([load_report()], reference=load_reference())


def _run(args: list[str]) -> Any:
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_warm_answers_are_the_cold_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PFTZ_CACHE_DIR", str(tmp_path / "cache"))
    assert _run(["stats"]).exit_code == 0  # fills the cache
    for args in QUERIES:
        monkeypatch.setenv("PFTZ_CACHE_DIR", "off")
        cold = _run(args)
        monkeypatch.setenv("PFTZ_CACHE_DIR", str(tmp_path / "cache"))
        warm = _run(args)
        assert "(cached build)" in warm.stderr, args
        assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout), args
        strip = [ln for ln in warm.stderr.splitlines() if not ln.startswith("graph:")]
        assert strip == [ln for ln in cold.stderr.splitlines() if not ln.startswith("graph:")], args


def test_a_warm_trace_imports_no_heavy_library(tmp_path: Path) -> None:
    env = {**os.environ, "PFTZ_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys\nfrom pftz.shell.cli import cli\ntry:\n    cli(sys.argv[1:], prog_name='pftz')\n"
        "except SystemExit:\n    pass\n"
        "print('IMPORTED:' + ','.join(m for m in ('networkx', 'pandas', 'numpy', 'rich') if m in sys.modules))"
    )
    args = [sys.executable, "-c", probe, "trace", "ship supervision and declaration"]
    subprocess.run(args, env=env, check=True, capture_output=True)  # cold: builds and fills the cache
    done = subprocess.run(args, env=env, check=True, capture_output=True, text=True)
    assert "(cached build)" in done.stderr
    assert done.stdout.rsplit("IMPORTED:", 1)[1].strip() == ""
    assert "New model for ship supervision and declaration" in done.stdout


def _stored(G: nx.MultiDiGraph, apart: bool) -> tuple[sqlite3.Connection, bytes | None]:
    db = sqlite3.connect(":memory:")
    if not apart:
        graph_to_sqlite(G, db)
        return db, None
    other = sqlite3.connect(":memory:")
    graph_to_sqlite(G, db, other, frozenset({Rel.DIFFUSED_TO.value}))
    return db, other.serialize()


@pytest.mark.parametrize("apart", [False, True])
def test_the_sqlite_graph_answers_as_networkx(G: nx.MultiDiGraph, apart: bool) -> None:
    db, image = _stored(G, apart)
    loads: list[int] = []

    def load() -> None:
        loads.append(1)
        assert image is not None
        attach_apart(db, image)

    H = SqliteGraph(db, load if apart else None)
    R = nx.node_link_graph(nx.node_link_data(G, edges="edges"), edges="edges")  # what the old cache gave
    assert H.number_of_nodes() == R.number_of_nodes() and list(H.nodes) == list(R.nodes)
    measure = next(n for n, d in R.nodes(data=True) if d["label"] == "Measure" and R.out_degree(n) > 3)
    assert trace_rows(H, measure.split(":", 1)[1]) == trace_rows(R, measure.split(":", 1)[1])
    assert not loads  # a trace reads no diffusion edge
    for words in ("shanghai pftz", "wine", "smart form", "customs"):
        assert search(H, words, limit=None) == search(R, words, limit=None)
    for n in list(R.nodes)[::7]:
        assert H.out_edges(n, data=True) == list(R.out_edges(n, data=True))
        assert H.in_edges(n, data=True) == list(R.in_edges(n, data=True))
        assert H.nodes[n] == R.nodes[n] and n in H
    assert loads == ([1] if apart else [])
    if apart:
        assert image is not None
        attach_apart(db2 := _stored(G, True)[0], image)
        db = db2
    W = graph_from_sqlite(db)
    assert list(W.edges(keys=True, data=True)) == list(R.edges(keys=True, data=True))
    assert W.graph == R.graph and list(W.nodes(data=True)) == list(R.nodes(data=True))
    assert "nowhere" not in H


def test_a_damaged_second_part_is_caught_when_read(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    data = gcache.entry_bytes(gcache.CachedBuild(G))
    damaged = bytearray(data)
    damaged[-100] ^= 0x20  # in the diffusion part, which a lite read does not read at once
    entry = tmp_path / "e.pftz-cache"
    entry.write_bytes(bytes(damaged))
    with entry.open("rb") as f:
        found = gcache._read_entry(f, True, str(entry))
        H = found.graph
        assert H.number_of_nodes() == G.number_of_nodes()
        zone = next(n for n, d in G.nodes(data=True) if d["label"] == "Zone")
        with pytest.raises(ValueError, match="failed its check"):
            H.in_edges(zone, data=True)
    assert not entry.exists()  # removed: the next command rebuilds it
    with pytest.raises(ValueError, match="checksum"):
        gcache.entry_from_bytes(bytes(damaged))
