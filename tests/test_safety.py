"""Issue 28: a researcher's keys, files and databases are safe, the cache is only an accelerator.

Each test reproduces a case of the issue; faults are injected on copies in
temporary folders, never on the repository.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx
import pandas as pd
import platformdirs
import pytest
from click.testing import CliRunner

from pftz.graph.build import graph_from_reports
from pftz.graph.exports import FORMATS
from pftz.graph.exports_neo4j import neo4j_admin_import_args, save_neo4j_admin_csv
from pftz.graph.resolve import candidate_pairs
from pftz.ground.errors import ExportError
from pftz.ground.io import MANIFEST
from pftz.ground.names import normalize_title
from pftz.loaders.reference import load_reference
from pftz.loaders.report import BUNDLED_REPORT, load_report
from pftz.loaders.userdata_builder import COLUMNS
from pftz.shell import cache as gcache
from pftz.shell.cli import cli
from tests.synthetic import canonical, synthetic_graph

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str]) -> Any:
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def _measures_csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS["measures"])
        for key, title in rows:
            w.writerow([key, title, "institutional innovation", "Hubei PFTZ", "", "", ""])
    return path


# --------------------------------------------------------------------------- 1. explicit keys win

NEGLISTS = [
    (f"user:neglist:{y}", f"Negative list for cross-border data flows ({y} edition)") for y in range(2021, 2026)
]


def test_explicit_user_keys_are_never_merged_by_title_similarity(tmp_path: Path) -> None:
    data = _measures_csv(tmp_path / "neglists.csv", NEGLISTS)
    res = _run(["table", "measures", "--data", str(data), "--format", "csv"])
    assert res.exit_code == 0, res.output
    df = pd.read_csv(io.StringIO(res.stdout))
    assert sorted(k for k in df["measure_key"] if k.startswith("user:neglist:")) == [k for k, _ in NEGLISTS]
    # the alike titles are only proposed, with their scores, for a person to review
    review = _run(["review", "--data", str(data), "--limit", "1000"])
    proposed = [ln for ln in review.stdout.splitlines() if "user:neglist:" in ln]
    assert len(proposed) == 10  # every pair of the five
    assert all(float(ln.split()[-1]) >= 75 for ln in proposed)


def test_every_merge_is_a_warning() -> None:
    res = _run(["-v", "stats"])
    assert res.exit_code == 0
    merged = [ln for ln in res.stderr.splitlines() if "[measure-merged]" in ln]
    assert merged, res.stderr
    assert all("merged into" in ln for ln in merged)


def test_blocking_keeps_the_candidates_linear() -> None:
    from tools.bench_resolve import title

    for n in (500, 2000):
        texts = list(dict.fromkeys(normalize_title(title(i)) for i in range(n)))
        pairs = candidate_pairs(texts)
        assert len(pairs) <= 60 * len(texts)  # a constant per title, not n / 2
        assert (pairs[:, 0] < pairs[:, 1]).all()


# --------------------------------------------------------------------------- 2. nothing reaches a tool as an option

ADMIN = ROOT / "tools" / "neo4j" / "neo4j-admin"


@pytest.mark.parametrize("name", ["--overwrite-destination=true", "-h", "ab", "my db", "system", "x" * 64, "données"])
def test_a_database_name_is_checked_before_neo4j_admin_runs(tmp_path: Path, name: str) -> None:
    home = tmp_path / "home"
    res = CliRunner().invoke(
        cli, ["load", "--offline", f"--database={name}"], env={"NEO4J_ADMIN": str(ADMIN), "NEO4J_HOME": str(home)}
    )
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "is not a Neo4j database name" in res.output and len(res.output.strip().splitlines()) == 1
    assert not home.exists()  # neo4j-admin never ran


def test_the_database_name_comes_after_double_dash(tmp_path: Path) -> None:
    bundle = save_neo4j_admin_csv(synthetic_graph(), tmp_path / "bundle")
    args = neo4j_admin_import_args(bundle, "pftz-2025")
    assert args[:3] == ["database", "import", "full"] and args[-2:] == ["--", "pftz-2025"]
    with pytest.raises(ExportError, match="not a Neo4j database name"):
        neo4j_admin_import_args(bundle, "--overwrite-destination=true")
    assert '-- "$DB"' in (bundle / "import.sh").read_text(encoding="utf-8")


@pytest.mark.neo4j
def test_a_refused_offline_import_shows_neo4j_admins_own_reason(tmp_path: Path) -> None:
    env = {"NEO4J_ADMIN": str(ADMIN), "NEO4J_HOME": str(tmp_path / "home")}
    first = CliRunner().invoke(cli, ["load", "--offline", "--database", "pftz-one"], env=env)
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(cli, ["load", "--offline", "--database", "pftz-one"], env=env)
    assert again.exit_code == 1 and "Traceback" not in again.output
    assert "Database already exist" in again.output and "Error importing csv file" not in again.output
    assert "pftz never overwrites a database" in again.output


# --------------------------------------------------------------------------- 3. inputs and user files are sacred


def _report_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "R.txt"
    copy.write_bytes(BUNDLED_REPORT.read_bytes())
    return copy


def test_parse_refuses_to_write_its_json_over_the_report(tmp_path: Path) -> None:
    report = _report_copy(tmp_path)
    before = report.read_bytes()
    res = _run(["parse", str(report), "--json", "-o", str(report)])
    assert res.exit_code == 1 and len(res.output.strip().splitlines()) == 1
    assert "refusing to write" in res.output and "it is the input" in res.output
    assert report.read_bytes() == before
    # through another spelling of the same path, and through a hard link
    res = _run(["parse", str(report), "--json", "-o", str(tmp_path / "sub" / ".." / "R.txt")])
    assert res.exit_code == 1 and report.read_bytes() == before
    os.link(report, tmp_path / "link.txt")
    res = _run(["parse", str(report), "--json", "-o", str(tmp_path / "link.txt")])
    assert res.exit_code == 1 and report.read_bytes() == before


def test_table_refuses_to_write_over_the_users_data(tmp_path: Path) -> None:
    data = _measures_csv(tmp_path / "mine.csv", NEGLISTS[:1])
    before = data.read_bytes()
    res = _run(["table", "adoptions", "--data", str(data), "-o", str(data)])
    assert res.exit_code == 1 and "refusing to write" in res.output and "Traceback" not in res.output
    assert data.read_bytes() == before


@pytest.mark.parametrize("fmt", ["json", "graphml", "neo4j-admin"])
def test_export_refuses_to_write_over_an_input(tmp_path: Path, fmt: str) -> None:
    data = _measures_csv(tmp_path / "mine.csv", NEGLISTS[:1])
    before = data.read_bytes()
    target = tmp_path if fmt == "neo4j-admin" else data
    res = _run(["export", "--data", str(data), "--format", fmt, "-o", str(target)])
    assert res.exit_code == 1 and "refusing to write" in res.output
    assert data.read_bytes() == before


def test_export_sqlite_refuses_a_metadata_file_that_is_an_input(tmp_path: Path) -> None:
    """``export --format sqlite -o mine.db`` writes ``mine.metadata.json`` too: it replaced that input."""
    data = tmp_path / "mine.metadata.json"
    data.write_bytes((ROOT / "examples" / "user-data.json").read_bytes())
    before = data.read_bytes()
    res = _run(["export", "--data", str(data), "--format", "sqlite", "-o", str(tmp_path / "mine.db")])
    assert res.exit_code == 1 and "refusing to write" in res.output and "mine.metadata.json" in res.output
    assert data.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["mine.metadata.json"]


def test_build_refuses_an_output_folder_holding_an_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    data = _measures_csv(out / "mine.csv", NEGLISTS[:1])
    res = _run(["build", "--no-html", "--data", str(data), "--out", str(out)])
    assert res.exit_code == 1 and "it holds the input" in res.output
    assert sorted(p.name for p in out.iterdir()) == ["mine.csv"]


def test_a_rebuild_keeps_user_files_at_any_depth(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run(["build", "--no-html", "--out", str(out)]).exit_code == 0
    mine = {"tables/my-analysis.xlsx": b"PK mine", "html/notes.html": b"<p>mine</p>", "deep/er/x.txt": b"x"}
    for rel, data in mine.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    (out / "empty-folder").mkdir()
    res = _run(["build", "--no-html", "--out", str(out)])
    assert res.exit_code == 0, res.output
    kept = [ln for ln in res.output.splitlines() if "no pftz build wrote" in ln]
    assert len(kept) == 1 and all(rel in kept[0] for rel in mine)
    assert {rel: (out / rel).read_bytes() for rel in mine} == mine
    assert (out / "empty-folder").is_dir()
    # the manifest lists only what the build wrote, so the next build keeps them again
    listed = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert not set(mine) & set(listed)
    assert _run(["build", "--no-html", "--out", str(out)]).exit_code == 0
    assert {rel: (out / rel).read_bytes() for rel in mine} == mine


def test_a_rebuild_refuses_to_replace_a_file_the_user_edited(tmp_path: Path) -> None:
    """A file the last build wrote but whose bytes changed since (its manifest sha256) is the user's."""
    out = tmp_path / "out"
    assert _run(["build", "--no-html", "--out", str(out)]).exit_code == 0
    edited = out / "tables" / "measures.csv"
    edited.write_bytes(edited.read_bytes() + b"my,own,coding\n")
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    res = _run(["build", "--no-html", "--out", str(out)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    errors = [ln for ln in res.output.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 1 and "tables/measures.csv" in errors[0] and "changed since" in errors[0]
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_folder_without_a_manifest_keeps_user_files_under_export_names(tmp_path: Path) -> None:
    """An older build's folder (no manifest): only what the new build writes again counts as a build's."""
    out = tmp_path / "out"
    mine = {"tables/mine.xlsx": b"PK mine", "neo4j-import/notes.md": b"mine", "notes.txt": b"n"}
    for rel, data in mine.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    (out / "graph.json").write_text("{}", encoding="utf-8")  # an older build's export: replaced
    for _ in range(2):
        res = _run(["build", "--no-html", "--out", str(out)])
        assert res.exit_code == 0, res.output
        assert {rel: (out / rel).read_bytes() for rel in mine} == mine
    assert json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]


def test_a_device_or_pipe_as_output_is_written_into_never_replaced(tmp_path: Path) -> None:
    """``-o /dev/full`` once replaced the device with a regular file (as root): a temporary file renamed onto it."""
    from pftz.ground.io import _written_through

    assert _written_through(Path("/dev/null")) and _written_through(Path("/dev/stdout"))
    assert _written_through(Path("/dev/full")) and not _written_through(tmp_path / "x.json")
    fifo = tmp_path / "records.fifo"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PFTZ_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pftz.shell.entry", "export", "--format", "json", "-o", str(fifo)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with fifo.open("rb") as reader:  # the command writes into the pipe
        received = reader.read()
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert json.loads(received)["nodes"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "records.fifo"]  # no temporary file beside it
    done = subprocess.run(  # a full device: one line, exit 1
        [sys.executable, "-m", "pftz.shell.entry", "parse", "--json", "-o", "/dev/full"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and done.stderr.strip().splitlines()[-1] == (
        "Error: cannot write /dev/full: No space left on device"
    ), done.stderr
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_file_names_that_are_not_utf8_reach_every_writer(tmp_path: Path) -> None:
    """A report, a data file and an output folder named in Latin-1 bytes (a non-UTF-8 file system).

    The names once reached the neo4j-admin CSVs and pyarrow as lone surrogates: exit 1, and a
    traceback from ``pftz table -o``. Provenance now names the file with U+FFFD for each such byte.
    """
    report, data = os.fsdecode(b"r\xe9port-\xff.txt"), os.fsdecode(b"donn\xe9es.csv")
    (tmp_path / report).write_bytes(BUNDLED_REPORT.read_bytes())
    (tmp_path / data).write_bytes((ROOT / "examples" / "adoptions.csv").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PFTZ_CACHE_DIR": str(tmp_path / "cache")}
    out = os.fsdecode(b"sorti\xe9")
    for args in (
        ["build", report, "--data", data, "--no-html", "--out", out],
        ["table", "adoptions", "--report", report, "--data", data, "-o", os.fsdecode(b"t\xe9.parquet")],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "pftz.shell.entry", *args], cwd=tmp_path, env=env, capture_output=True, check=False
        )
        assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr[-2000:]
    graph = json.loads((tmp_path / out / "graph.json").read_text(encoding="utf-8"))
    sources = {p["source"] for n in graph["nodes"] for p in n.get("provenance", [])}
    assert {"r\ufffdport-\ufffd.txt", "donn\ufffdes.csv"} <= sources
    assert pd.read_parquet(io.BytesIO((tmp_path / os.fsdecode(b"t\xe9.parquet")).read_bytes())).shape[0] > 0


def test_a_build_leaves_no_lock_or_staging_beside_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _run(["build", "--no-html", "--out", str(out)]).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_build_into_the_current_empty_folder(tmp_path: Path) -> None:
    here = tmp_path / "work"
    here.mkdir()
    (tmp_path / "keep.txt").write_text("beside", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pftz.shell.cli", "build", "--no-html", "--out", "."],
        cwd=here,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (here / "graph.json").is_file() and (here / MANIFEST).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "work"]  # no lock, no staging beside it


# --------------------------------------------------------------------------- 4. the cache is an accelerator


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PFTZ_CACHE_DIR", str(folder))
    return folder


def _graph_json(tmp_path: Path, *extra: str) -> bytes:
    out = tmp_path / "g.json"
    res = _run(["export", *extra, "--format", "json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out.read_bytes()


def test_flipped_bits_in_a_cache_entry_are_always_caught(cache: Path, tmp_path: Path) -> None:
    fresh = _graph_json(tmp_path)
    (entry,) = cache.glob(f"*{gcache.SUFFIX}")
    good = entry.read_bytes()
    assert gcache.entry_from_bytes(good).graph.number_of_nodes() > 0
    rng = random.Random(28)
    for _ in range(30):
        damaged = bytearray(good)
        for _ in range(rng.randint(1, 3)):
            bit = rng.randrange(len(damaged) * 8)
            damaged[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(ValueError):
            gcache.entry_from_bytes(bytes(damaged))
    # through the CLI: one line, the entry rebuilt, the same output as a fresh build
    damaged = bytearray(good)
    damaged[len(good) // 2] ^= 0x20
    entry.write_bytes(bytes(damaged))
    res = _run(["export", "--format", "json", "-o", str(tmp_path / "again.json")])
    assert res.exit_code == 0
    assert [ln for ln in res.stderr.splitlines() if "failed its check" in ln] == [
        f"cache entry {entry} failed its check (checksum mismatch); rebuilding it"
    ]
    assert (tmp_path / "again.json").read_bytes() == fresh
    assert entry.read_bytes() == good


def test_a_cache_entry_too_large_to_read_back_is_neither_written_nor_read(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past ``MAX_BODY`` an entry would cost more to read than to rebuild (10^6 rows): none is kept, none read."""
    G = nx.MultiDiGraph()
    G.add_node("zone:x", label="Zone", key="x", name="x" * 5_000)
    built: list[int] = []

    def build() -> gcache.CachedBuild:
        built.append(1)
        return gcache.CachedBuild(G, warnings=("w",), hint="h")

    monkeypatch.setattr(gcache, "MAX_BODY", 1_000)
    problems: list[str] = []
    for _ in range(2):
        result = gcache.cached_build([], [], build, on_problem=problems.append)
        assert not result.from_cache and result.graph is G
    assert len(built) == 2 and list(cache.glob("*")) == [] and problems == []
    monkeypatch.setattr(gcache, "MAX_BODY", 1 << 20)
    assert gcache.cached_build([], [], build).from_cache is False  # now small enough: written
    (entry,) = cache.glob(f"*{gcache.SUFFIX}")
    assert gcache.cached_build([], [], build).from_cache is True
    monkeypatch.setattr(gcache, "MAX_BODY", 1_000)  # the entry on disk is now larger than any written
    result = gcache.cached_build([], [], build, on_problem=problems.append)
    assert not result.from_cache and not entry.exists()
    assert problems == [
        f"cache entry {entry} failed its check (empty, or larger than any entry written); rebuilding it"
    ]


class _Planted:
    """A pickle that, when loaded, creates a file: it must never be loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.write_text, (self.marker, "ran"))


def test_a_planted_pickle_never_runs(cache: Path, tmp_path: Path) -> None:
    _run(["stats"])
    (entry,) = cache.glob(f"*{gcache.SUFFIX}")
    marker = tmp_path / "pwned"
    planted = pickle.dumps(_Planted(marker))
    entry.write_bytes(planted)
    (cache / (entry.name.removesuffix(gcache.SUFFIX) + ".pickle")).write_bytes(planted)
    res = _run(["stats"])
    assert res.exit_code == 0 and "failed its check" in res.stderr
    assert not marker.exists()


@pytest.mark.parametrize("kind", ["file", "under-a-file", "entry-a-folder", "read-only"])
def test_an_unusable_cache_folder_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    folder = tmp_path / "cache"
    if kind == "file":
        folder.write_text("a file", encoding="utf-8")
    elif kind == "under-a-file":
        (tmp_path / "f").write_text("a file", encoding="utf-8")
        folder = tmp_path / "f" / "cache"
    elif kind == "entry-a-folder":
        folder.mkdir()
        (folder / f"{gcache.cache_key([], [])}{gcache.SUFFIX}").mkdir()
    else:
        folder.mkdir()
        folder.chmod(0o500)
    monkeypatch.setenv("PFTZ_CACHE_DIR", str(folder))
    try:
        for _ in range(2):
            res = _run(["stats"])
            assert res.exit_code == 0 and "Traceback" not in res.output and "graph:" in res.output
    finally:
        if folder.is_dir():
            folder.chmod(0o700)


def test_a_fifo_planted_as_the_entry_never_blocks(tmp_path: Path) -> None:
    """Opening a FIFO waits for a writer: ``pftz stats`` once hung there for ever."""
    folder = tmp_path / "cache"
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PFTZ_CACHE_DIR": str(folder)}
    key = subprocess.run(
        [sys.executable, "-c", "from pftz.shell.cache import cache_key; print(cache_key([], []))"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    entry = folder / f"{key}{gcache.SUFFIX}"
    os.mkfifo(entry)
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "pftz.shell.entry", "stats"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0 and "Traceback" not in done.stderr and "graph:" in done.stderr, done.stderr
        assert f"cache entry {entry} is not a file; building without the cache" in done.stderr
    assert stat.S_ISFIFO(os.lstat(entry).st_mode)  # not ours to delete


def test_a_pipe_as_input_is_read_once(tmp_path: Path) -> None:
    """``--data <(cmd)`` or a FIFO: hashing it for the cache key drained it, and the load waited for ever."""
    import threading

    fifo = tmp_path / "events.csv"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as fh:
            fh.write(
                b"adopter,measure,date,outcome,batch,source_note\nShanxi,national:best-practices:5:7,2023-02,,,piped\n"
            )

    threading.Thread(target=feed, daemon=True).start()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PFTZ_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "pftz.shell.entry", "table", "adoptions", "--data", str(fifo), "--format", "csv"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "piped" in done.stdout
    assert not list((tmp_path / "cache").glob(f"*{gcache.SUFFIX}"))  # nothing cached under a pipe's name


def test_provenance_and_hints_come_from_the_current_inputs(cache: Path, tmp_path: Path) -> None:
    rows = "adopter,measure,date,outcome,batch,source_note\n"
    rows += "".join(f"Atlantis {i},national:best-practices:5:7,2024-06,,,n\n" for i in range(60))
    rows += "Shanxi,national:best-practices:5:7,2024-06,,,n\n"
    first, second = tmp_path / "first-name.csv", tmp_path / "second-name.csv"
    first.write_text(rows, encoding="utf-8")
    second.write_text(rows, encoding="utf-8")
    assert b"first-name.csv" in _graph_json(tmp_path, "--data", str(first))
    g2 = _graph_json(tmp_path, "--data", str(second))
    assert b"second-name.csv" in g2 and b"first-name.csv" not in g2
    for _ in range(2):  # fresh, then cached: the --strict hint both times
        res = _run(["-v", "stats", "--data", str(second)])
        assert f"pftz build --data {second.name} --strict lists those of {second.name}" in res.stderr, res.stderr
    assert "(cached build)" in res.stderr


def test_an_entry_copied_to_another_key_is_never_served(cache: Path, tmp_path: Path) -> None:
    """Good checksums are not enough: the header names the key the entry was written under."""
    rows = "adopter,measure,date,outcome,batch,source_note\n"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(rows + "Shanxi,national:best-practices:5:7,2024-06,,,the first file's row\n", encoding="utf-8")
    second.write_text(rows + "Shanxi,national:best-practices:5:7,2023-02,,,the second file's row\n", encoding="utf-8")
    assert _run(["stats", "--data", str(first)]).exit_code == 0
    (entry_a,) = cache.glob(f"*{gcache.SUFFIX}")
    assert _run(["stats", "--data", str(second)]).exit_code == 0
    (entry_b,) = set(cache.glob(f"*{gcache.SUFFIX}")) - {entry_a}
    entry_b.write_bytes(entry_a.read_bytes())  # a swapped entry: every checksum good, other inputs
    res = _run(["table", "adoptions", "--data", str(second), "--format", "csv"])
    assert res.exit_code == 0
    assert "the second file's row" in res.stdout and "the first file's row" not in res.stdout
    assert f"cache entry {entry_b} failed its check (written for other inputs); rebuilding it" in res.stderr
    with pytest.raises(ValueError, match="other inputs"):
        gcache.entry_from_bytes(entry_a.read_bytes(), key=entry_b.name.removesuffix(gcache.SUFFIX))


def test_the_cache_folder_follows_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PFTZ_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gcache.cache_dir() == Path(platformdirs.user_cache_dir("pftz-graph", appauthor=False))
    monkeypatch.setenv("PFTZ_CACHE_DIR", "off")
    assert gcache.cache_dir() is None


# --------------------------------------------------------------------------- 5. any operating system (issue 26 item 2)

POSIX_ONLY = ("fcntl", "termios", "tty", "pty", "resource", "pwd", "grp", "syslog", "crypt", "posix_ipc")
"""Modules Windows lacks: made unavailable (``sys.modules[name] = None``) before pftz is imported."""

WITHOUT_POSIX = (
    "import sys\n"
    f"for name in {POSIX_ONLY!r}:\n"
    "    sys.modules[name] = None\n"
    "from pftz.shell.cli import cli\n"
    "cli(prog_name='pftz')\n"
)


def _pftz_without_posix(args: list[str], cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PFTZ_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_POSIX, *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


def test_the_cli_runs_without_posix_only_modules_in_a_folder_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    work = tmp_path / "Données de recherche 自贸区 (copy)"
    work.mkdir()
    cache = work / "cache dir"
    probe = _pftz_without_posix(["--version"], work, cache)
    assert probe.returncode == 0, probe.stderr
    res = _pftz_without_posix(["build", "--out", "sortie é"], work, cache)
    assert res.returncode == 0, res.stderr
    out = work / "sortie é"
    assert (out / "html" / "index.html").is_file() and (out / MANIFEST).is_file()
    assert sorted(p.name for p in work.iterdir()) == ["cache dir", "sortie é"]  # no lock or staging left
    trace = _pftz_without_posix(["trace", "ship supervision and declaration"], work, cache)
    assert trace.returncode == 0 and "ship supervision" in trace.stdout.lower(), trace.stderr
    for fmt, name in FORMATS.items():
        target = work / "exports ü" / name
        done = _pftz_without_posix(["export", "--format", fmt, "-o", str(target)], work, cache)
        assert done.returncode == 0, (fmt, done.stderr)
        assert target.exists()
    assert ElementTree.parse(work / "exports ü" / "graph.graphml").getroot() is not None
    assert json.loads((work / "exports ü" / "graph.json").read_text(encoding="utf-8"))["nodes"]


# --------------------------------------------------------------------------- 6. clean stops (issue 28 item 7)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _start(args: list[str], cwd: Path, cache: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PFTZ_CACHE_DIR": str(cache)}
    return subprocess.Popen(
        [sys.executable, "-m", "pftz.shell.entry", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _stop_when(proc: subprocess.Popen[str], cond: Any, signum: int, timeout: float = 120) -> bool:
    """Send ``signum`` once ``cond()`` holds (True), or let the process end first (False)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if cond():
            proc.send_signal(signum)
            return True
        time.sleep(0.005)
    return False


EXIT = {signal.SIGINT: 130, signal.SIGTERM: 143}


@pytest.fixture(scope="module")
def earlier_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes]]:
    """A folder with an earlier build (of other inputs than the stopped builds') and a warm cache."""
    root = tmp_path_factory.mktemp("stops")
    cache = root / "cache"
    data = root / "events.csv"
    data.write_text(
        "adopter,measure,date,outcome,batch,source_note\nShanxi,national:best-practices:5:7,2024-06,,,notes\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pftz.shell.entry", "build", "--no-html", "--data", str(data), "--out", "out"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PFTZ_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    warm = subprocess.run(  # the stopped builds' inputs, cached: their stops fall in the writing
        [sys.executable, "-m", "pftz.shell.entry", "stats"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PFTZ_CACHE_DIR": str(root / "cache-warm")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert warm.returncode == 0, warm.stderr
    return root, data, _tree(root / "out")


@pytest.mark.parametrize(
    ("moment", "signum"),
    [
        ("importing", signal.SIGINT),
        ("importing", signal.SIGTERM),
        ("parsing", signal.SIGTERM),
        ("staging made", signal.SIGINT),
        ("graph staged", signal.SIGTERM),
        ("site staged", signal.SIGINT),
    ],
)
def test_a_stopped_build_leaves_the_earlier_output_and_the_inputs(
    earlier_build: tuple[Path, Path, dict[str, bytes]], signum: int, moment: str
) -> None:
    root, data, before = earlier_build
    data_before = data.read_bytes()
    # a cold cache where the stop falls in the parsing, the warm one where it falls in the writing
    cache = root / (f"cache-{moment}-{signum}" if moment in ("importing", "parsing") else "cache-warm")

    def staged(name: str) -> Any:
        return lambda: any((p / name).exists() for p in root.glob(".out.staging-*"))

    conds = {
        "importing": lambda: time.monotonic() > started + 0.3,  # once the interpreter has started
        "parsing": lambda: time.monotonic() > started + 1.5,
        "staging made": lambda: any(root.glob(".out.staging-*")),
        "graph staged": staged("graph.json"),
        "site staged": staged("html"),
    }
    started = time.monotonic()
    proc = _start(["build", "--out", "out"], root, cache)
    sent = _stop_when(proc, conds[moment], signum)
    _, err = proc.communicate(timeout=120)
    assert sent, f"the build ended before {moment}: {err}"
    assert proc.returncode == EXIT[signum], err
    assert "Traceback" not in err
    stop_lines = [ln for ln in err.splitlines() if "stopped by" in ln]
    assert stop_lines == [
        f"pftz: stopped by {signal.Signals(signum).name}; no partial output or temporary file was left"
    ]
    assert _tree(root / "out") == before
    assert data.read_bytes() == data_before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == []  # no staging, lock or temp file
    assert not [p for p in cache.rglob("*") if p.name.startswith(".")]  # no half-written cache entry


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("moment", ["early", "temporary file made"])
def test_a_stopped_table_leaves_the_earlier_file(tmp_path: Path, signum: int, moment: str) -> None:
    target = tmp_path / "x.xlsx"
    target.write_bytes(b"the researcher's earlier table")
    cache = tmp_path / "cache"
    conds = {
        "early": lambda: time.monotonic() > started + 0.8,
        "temporary file made": lambda: any(tmp_path.glob(".x.xlsx.*")),
    }
    started = time.monotonic()
    proc = _start(["table", "measures", "-o", str(target)], tmp_path, cache)
    sent = _stop_when(proc, conds[moment], signum)
    _, err = proc.communicate(timeout=120)
    if not sent:  # the table was whole before that moment came: a new table, nothing left behind
        assert proc.returncode == 0 and target.read_bytes() != b"the researcher's earlier table", err
        assert not list(tmp_path.glob(".x.xlsx*"))
        return
    assert proc.returncode == EXIT[signum] and "Traceback" not in err, err
    assert target.read_bytes() == b"the researcher's earlier table"
    assert not list(tmp_path.glob(".x.xlsx*"))


# --------------------------------------------------------------------------- contradictions are facts too (item 5)


def test_contradictions_are_kept_marked_warned_and_independent_of_order(tmp_path: Path) -> None:
    lines = BUNDLED_REPORT.read_text(encoding="utf-8").split("\n")
    edits = {1624: ("January 18", "March 18"), 1622: ("January 12", "February 12"), 1518: ("Nationwide", "All PFTZs")}
    for no, (was, now) in edits.items():
        assert was in lines[no - 1]
        lines[no - 1] = lines[no - 1].replace(was, now)
    second = tmp_path / "second-report.txt"
    second.write_text("\n".join(lines), encoding="utf-8")
    first, other, ref = load_report(), load_report(second), load_reference()
    said: list[list[str]] = [[], []]
    G1 = graph_from_reports([first, other], reference=ref, contested=said[0])
    G2 = graph_from_reports([other, first], reference=ref, contested=said[1])
    assert canonical(G1) == canonical(G2)  # the order of the arguments decides nothing
    # two documents, two batches and a measure's scope; and the not_after date of the origin edge the
    # batch's date bounds (Table A1-2 row 7 names the Lin-gang Special Area, a zone of its own)
    assert sorted(said[0]) == sorted(said[1]) and len(said[0]) == 6
    batch = G1.nodes["Batch:national:best-practices:5"]
    assert batch["contested"] == "date" and batch["date"] == "2024-01-18"
    assert "date=2024-03-18 (second-report.txt:1624)" in batch["claims"]
    assert "date=2024-01-18 (pftz-report-2025.en.txt:1624)" in batch["claims"]
    doc = G1.nodes["Document:G.H.[2024]6"]
    assert doc["contested"] == "date" and "date=2024-02-12 (second-report.txt:1622)" in doc["claims"]
    measure = G1.nodes["Measure:national:best-practices:5:1"]
    assert measure["contested"] == "scope" and "scope=Nationwide" in measure["claims"]
    assert all(line.startswith("[contested] ") and "the sources say" in line for line in said[0])
    # one report alone contests nothing
    alone: list[str] = []
    G = graph_from_reports([first], reference=ref, contested=alone)
    assert alone == [] and not any("contested" in d for _, d in G.nodes(data=True))


def test_a_swallowed_stop_still_stops_before_anything_is_published(tmp_path: Path) -> None:
    """A signal landing in a callback Python runs during an import has its exception swallowed ("Exception
    ignored"); the noted stop then ends the run at the first point where it would publish."""
    code = (
        "from pftz.ground.errors import request_stop\n"
        "from pftz.shell.entry import run\n"
        "from pftz.shell.cli import cli\n"
        "request_stop(15)  # as the handler does before its exception is swallowed\n"
        "run(lambda: cli(['build', '--no-html', '--out', 'out'], prog_name='pftz'))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PFTZ_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 143, done.stderr
    assert "pftz: stopped by SIGTERM" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache"]  # no out/, no staging folder
