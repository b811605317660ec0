"""Issue 28: a researcher's keys, files and databases are safe, the cache is only an accelerator.

Each test reproduces a case of the issue; faults are injected on copies in
temporary folders, never on the repository.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from graph.exports import neo4j_admin_import_args, save_neo4j_admin_csv
from graph.resolve import candidate_pairs
from ground.errors import ExportError
from ground.names import normalize_title
from loaders.userdata import COLUMNS
from shell.cli import cli
from tests.synthetic import synthetic_graph

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
